"""A participant enters no phase before they started, neither by a new step nor by a later
start date."""

import datetime

from django.urls import reverse

from oogst.participants.models import PhaseStep

SLUG = "dealbreakers"


def test_a_phase_step_before_the_start_is_refused(client, pia, monitor, people):
    person = people[0]  # started 1 October 2025
    client.force_login(pia)
    before = PhaseStep.objects.filter(participant=person).count()
    response = client.post(
        reverse("participants:add", args=[SLUG, person.code, "stap"]),
        {"stap-phase": monitor.phases.get(number=1).pk, "stap-date": "2025-09-30"},
    )
    assert response.status_code == 400
    assert "De fase kan niet beginnen voordat de deelnemer begon" in response.content.decode()
    assert PhaseStep.objects.filter(participant=person).count() == before


def test_a_phase_step_on_or_after_the_start_is_recorded(client, pia, monitor, people):
    person = people[0]
    client.force_login(pia)
    response = client.post(
        reverse("participants:add", args=[SLUG, person.code, "stap"]),
        {"stap-phase": monitor.phases.get(number=1).pk, "stap-date": "2025-10-01"},
    )
    assert response.status_code == 302
    assert person.steps.filter(date=datetime.date(2025, 10, 1), phase__number=1).exists()


def test_a_start_date_after_the_first_phase_is_refused(client, pia, monitor, people):
    person = people[0]
    client.force_login(pia)
    response = client.post(
        reverse("participants:edit", args=[SLUG, person.code]),
        {"start_date": "2025-11-01", "naam": person.naam},
    )
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.start_date == datetime.date(2025, 10, 1)
