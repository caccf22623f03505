"""Two partner organisations, each with one member of staff, and a monitored pilot of Alice's.

Pia works for Stichting Piëzo, which records the participants of Alice's pilot; Quinn works for
another organisation and must never see them.
"""

import datetime

import pytest

from oogst.accounts.models import Role, User
from oogst.participants import services
from oogst.participants.models import LadderMeasurement, Participant, PhaseStep
from oogst.pilots.models import Partner


@pytest.fixture
def piezo(db):
    return Partner.objects.create(name="Stichting Piëzo")


@pytest.fixture
def other_partner(db):
    return Partner.objects.create(name="Andere Stichting")


@pytest.fixture
def pia(piezo):
    return User.objects.create_user(
        "pia", first_name="Pia", role=Role.PARTNER, partner=piezo, password="pia-password-123"
    )


@pytest.fixture
def quinn(other_partner):
    return User.objects.create_user(
        "quinn", first_name="Quinn", role=Role.PARTNER, partner=other_partner
    )


@pytest.fixture
def gina(db):
    return User.objects.create_user("gina", first_name="Gina", role=Role.GRIFFIE)


@pytest.fixture
def monitor(alices_pilot, piezo):
    monitor = services.set_up_monitor(
        pilot=alices_pilot, partner=piezo, code_prefix="PZ", target=40
    )
    monitor.collect_naam = True
    monitor.save()
    return monitor


def add_people(monitor, count, *, start=datetime.date(2025, 10, 1), phase_number=0, rungs=(2, 3),
               exit_outcome="", name_prefix="Persoon"):  # fmt: skip
    """`count` participants in one phase, measured twice on the ladder."""
    phase = monitor.phases.get(number=phase_number)
    people = []
    for index in range(count):
        person = Participant.objects.create(
            monitor=monitor,
            code=monitor.new_code(),
            start_date=start,
            naam=f"{name_prefix} {index}",
            exit_date=start + datetime.timedelta(days=200) if exit_outcome else None,
            exit_outcome=exit_outcome,
        )
        PhaseStep.objects.create(participant=person, phase=phase, date=start)
        for months, rung in enumerate(rungs):
            LadderMeasurement.objects.create(
                participant=person, date=start + datetime.timedelta(days=182 * months), rung=rung
            )
        people.append(person)
    return people


@pytest.fixture
def people(monitor):
    """12 people: 7 in phase 0 moving up, 3 in phase 2 staying, 2 who left for paid work."""
    return (
        add_people(monitor, 7, phase_number=0, rungs=(2, 3))
        + add_people(monitor, 3, phase_number=2, rungs=(3, 3), start=datetime.date(2026, 2, 1))
        + add_people(monitor, 2, phase_number=4, rungs=(4, 6), exit_outcome="betaald_werk")
    )
