"""Every step that cannot be taken back (delete, erase, publish, reopen, a password or MFA
reset) shows a page that says what will happen, and its POST does nothing without the
confirmation that page sends. Checked on the server: a forged or stray POST changes nothing."""

import datetime
import re

import pytest
from allauth.mfa.models import Authenticator
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from oogst.accounts.models import Role, User
from oogst.motions.models import Motion
from oogst.participants import services as participant_services
from oogst.participants.models import Participant
from oogst.pilots.models import BudgetLine, Indicator, Lesson, Measurement, Partner
from oogst.rounds import services as round_services
from oogst.rounds.models import Round

pytestmark = pytest.mark.django_db

IRREVERSIBLE = re.compile(
    r"delete|erase|publish|reopen|reset|verwijder|publiceer|heropen|wachtwoord|herstel"
)


def routes(patterns=None, namespace=None, prefix=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(
                pattern.url_patterns, pattern.namespace or namespace, prefix + str(pattern.pattern)
            )
        elif isinstance(pattern, URLPattern) and pattern.name and namespace:
            yield f"{namespace}:{pattern.name}", prefix + str(pattern.pattern)


def test_every_irreversible_step_in_the_urls_is_one_that_asks_first():
    found = {
        name for name, route in routes() if IRREVERSIBLE.search(name) or IRREVERSIBLE.search(route)
    }
    # public_download serves what was published; it changes nothing.
    found.discard("rounds:public_download")
    assert found == set(CASES), "a new irreversible step needs a confirmation page and a case"


def _lesson(alice, alices_pilot, **_):
    lesson = Lesson.objects.create(pilot=alices_pilot, kind="werkte", text="Korte lijnen.")
    url = reverse("pilots:delete_lesson", args=[alices_pilot.slug, lesson.pk])
    return alice, url, lambda: Lesson.objects.filter(pk=lesson.pk).exists()


def _indicator(alice, alices_pilot, **_):
    indicator = Indicator.objects.create(pilot=alices_pilot, name="Bereikte werkgevers")
    url = reverse("pilots:delete_indicator", args=[alices_pilot.slug, indicator.pk])
    return alice, url, lambda: Indicator.objects.filter(pk=indicator.pk).exists()


def _measurement(alice, alices_pilot, **_):
    indicator = Indicator.objects.create(pilot=alices_pilot, name="Bereikte werkgevers")
    measurement = Measurement.objects.create(
        indicator=indicator, value=9, date=datetime.date(2024, 6, 1)
    )
    url = reverse("pilots:delete_measurement", args=[alices_pilot.slug, measurement.pk])
    return alice, url, lambda: Measurement.objects.filter(pk=measurement.pk).exists()


def _budget_line(alice, alices_pilot, **_):
    line = BudgetLine.objects.create(
        pilot=alices_pilot, funding_kind="eigen_middelen", nature="incidenteel", begroot=1000
    )
    url = reverse("pilots:delete_budget_line", args=[alices_pilot.slug, line.pk])
    return alice, url, lambda: BudgetLine.objects.filter(pk=line.pk).exists()


def _motion(erin, **_):
    motion = Motion.objects.create(nummer="2411-62", titel="Statushouders")
    url = reverse("motions:delete", args=[motion.nummer])
    return erin, url, lambda: Motion.objects.filter(pk=motion.pk).exists()


def _participant(alices_pilot, **_):
    partner = Partner.objects.create(name="Eigen")
    staff = User.objects.create_user("pim", role=Role.PARTNER, partner=partner)
    monitor = participant_services.set_up_monitor(
        pilot=alices_pilot, partner=partner, code_prefix="EG", target=10
    )
    person = Participant.objects.create(
        monitor=monitor, code=monitor.new_code(), start_date=datetime.date(2025, 1, 1)
    )
    url = reverse("participants:erase", args=[alices_pilot.slug, person.code])
    return staff, url, lambda: Participant.objects.get(pk=person.pk).code == person.code


def _frozen_round(carol):
    round = round_services.open_round(
        actor=carol,
        round=Round(
            name="Voorjaarsnota",
            kind="perspectiefnota",
            peildatum=datetime.date(2025, 3, 1),
            deadline=datetime.date(2025, 3, 20),
        ),
    )
    return round_services.freeze(actor=carol, round=round, force=True)


def _publish(carol, alices_pilot, **_):
    round = _frozen_round(carol)
    url = reverse("rounds:publish", args=[round.slug])
    return carol, url, lambda: not Round.objects.get(pk=round.pk).published


def _reopen(carol, alices_pilot, **_):
    round = _frozen_round(carol)
    url = reverse("rounds:reopen", args=[round.slug])
    return carol, url, lambda: Round.objects.get(pk=round.pk).is_frozen


def _password(erin, bob, **_):
    before = User.objects.get(pk=bob.pk).password
    url = reverse("accounts:user_reset_password", args=[bob.pk])
    return erin, url, lambda: User.objects.get(pk=bob.pk).password == before


def _mfa(erin, bob, **_):
    Authenticator.objects.create(user=bob, type=Authenticator.Type.TOTP, data={"secret": "x"})
    url = reverse("accounts:user_reset_mfa", args=[bob.pk])
    return erin, url, lambda: Authenticator.objects.filter(user=bob).exists()


CASES = {
    "pilots:delete_lesson": _lesson,
    "pilots:delete_indicator": _indicator,
    "pilots:delete_measurement": _measurement,
    "pilots:delete_budget_line": _budget_line,
    "motions:delete": _motion,
    "participants:erase": _participant,
    "rounds:publish": _publish,
    "rounds:reopen": _reopen,
    "accounts:user_reset_password": _password,
    "accounts:user_reset_mfa": _mfa,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_step_asks_first_and_a_post_without_the_confirmation_changes_nothing(
    client, name, alice, bob, carol, erin, alices_pilot
):
    user, url, unchanged = CASES[name](
        alice=alice, bob=bob, carol=carol, erin=erin, alices_pilot=alices_pilot
    )
    client.force_login(user)
    page = client.get(url)
    assert page.status_code == 200
    assert re.search(r'name="confirm(_code)?"', page.content.decode())
    assert unchanged()
    # With a reason, as the reopen form sends, but without the confirmation itself.
    client.post(url, {"reason": "Per ongeluk"})
    assert unchanged(), f"{name} acted on a POST without the confirmation"
