"""Each signal appears on the day its rule says and not a day before; owners see their own."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from oogst.accounts.models import Role, User
from oogst.dashboard import signals
from oogst.motions.models import Motion
from oogst.pilots.models import Indicator, Lesson, Measurement, Pilot, StatusUpdate

pytestmark = pytest.mark.django_db


def on(day: str):
    return time_machine.travel(datetime.datetime.fromisoformat(f"{day}T12:00:00+00:00"), tick=False)


def subjects(user, rule, *, own=False):
    for group in signals.signals_for(user, own=own):
        if group.rule.key == rule:
            return [s.subject for s in group.signals]
    return None  # the user does not see this rule


@pytest.fixture
def pilot(alice):
    with on("2024-01-01"):  # registered long ago
        return Pilot.objects.create(name="Flexwonen", owner=alice, fase="uitvoering")


def test_an_evaluation_moment_passed_without_outcome(carol, pilot):
    pilot.evaluatiemoment = "Q2 2025"
    pilot.save()
    with on("2025-06-30"):
        assert subjects(carol, "evaluatie") == []
    with on("2025-07-01"):
        assert subjects(carol, "evaluatie") == ["Flexwonen"]
        pilot.uitkomst_evaluatie = "Doelen grotendeels gehaald."
        pilot.save()
        assert subjects(carol, "evaluatie") == []


def test_an_end_date_passed_while_the_pilot_is_not_completed(carol, pilot):
    pilot.einddatum = "31 december 2024"
    pilot.save()
    with on("2024-12-31"):
        assert subjects(carol, "einddatum") == []
    with on("2025-01-01"):
        assert subjects(carol, "einddatum") == ["Flexwonen"]
        pilot.fase = "afgerond"
        pilot.save()
        assert subjects(carol, "einddatum") == []


def test_funding_ending_within_the_months_set_without_a_decision(carol, alice, pilot, settings):
    pilot.funding_ends = datetime.date(2025, 12, 31)
    pilot.save()
    with on("2025-06-30"):
        assert subjects(carol, "financiering") == []
    with on("2025-07-01"):
        assert subjects(carol, "financiering") == ["Flexwonen"]
        settings.OOGST_SIGNAL_FUNDING_MONTHS = 3
        assert subjects(carol, "financiering") == []
        settings.OOGST_SIGNAL_FUNDING_MONTHS = 6
        Lesson.objects.create(pilot=pilot, kind="aanbeveling", text="Borgen.", decision="geborgd")
        assert subjects(carol, "financiering") == []


def test_funding_ended_and_a_decision_recorded_on_the_completed_pilot(carol, pilot):
    pilot.funding_ends = datetime.date(2025, 1, 31)
    pilot.save()
    with on("2025-07-01"):
        (signal,) = signals.signals_for(carol)[2].signals
        assert "liep af op 31-01-2025" in signal.detail
        pilot.fase, pilot.resultaat = "afgerond", "voortgezet"
        pilot.save()
        assert subjects(carol, "financiering") == []


def test_a_target_date_passed_without_a_measurement(carol, alice, pilot):
    indicator = Indicator.objects.create(
        pilot=pilot, name="Flexwoningen", target=Decimal(80), target_date="31-12-2026"
    )
    Measurement.objects.create(indicator=indicator, value=40, date=datetime.date(2025, 6, 1))
    with on("2026-12-31"):
        assert subjects(carol, "doel") == []
    with on("2027-01-01"):
        assert subjects(carol, "doel") == ["Flexwonen"]
        Measurement.objects.create(indicator=indicator, value=78, date=datetime.date(2026, 12, 31))
        assert subjects(carol, "doel") == []


def test_a_progress_update_older_than_the_months_set(carol, alice, pilot):
    StatusUpdate.objects.create(pilot=pilot, date=datetime.date(2025, 1, 1), text="Gestart.")
    with on("2025-07-01"):
        assert subjects(carol, "stand") == []
    with on("2025-07-02"):
        assert subjects(carol, "stand") == ["Flexwonen"]
        StatusUpdate.objects.create(pilot=pilot, date=datetime.date(2025, 7, 1), text="Loopt.")
        assert subjects(carol, "stand") == []


def test_a_running_pilot_that_never_had_an_update(carol, alice):
    with on("2025-01-01"):
        Pilot.objects.create(name="Nieuw", owner=alice, fase="uitvoering")
        Pilot.objects.create(name="Voorstel", owner=alice, fase="voorstel")
    with on("2025-07-01"):
        assert subjects(carol, "stand") == []
    with on("2025-07-02"):
        assert subjects(carol, "stand") == ["Nieuw"]


def test_a_pilot_without_owner_is_for_coordinators(carol, alice):
    Pilot.objects.create(name="Wees", fase="uitvoering")
    Pilot.objects.create(name="Klaar", fase="afgerond")
    assert subjects(carol, "eigenaar") == ["Wees"]
    assert subjects(alice, "eigenaar") is None


def test_a_date_oogst_cannot_read(carol, pilot):
    assert subjects(carol, "datum") == []
    pilot.einddatum = "na de zomer"
    pilot.save()
    (group,) = [g for g in signals.signals_for(carol) if g.rule.key == "datum"]
    assert [s.detail for s in group.signals] == ["Oogst kan “na de zomer” niet als datum lezen."]
    pilot.einddatum = "31-12-2026"
    pilot.save()
    Indicator.objects.create(pilot=pilot, name="Tuinadviezen", target_date="ergens binnenkort")
    assert subjects(carol, "datum") == ["Flexwonen"]


def test_a_motion_past_its_deadline_and_not_afgedaan(carol, alice, portefeuille):
    griet = User.objects.create_user("griet", role=Role.GRIFFIE)
    motion = Motion.objects.create(
        nummer="2411-62", titel="Statushouders", deadline="1 juni 2025", portefeuille=portefeuille
    )
    with on("2025-06-01"):
        assert subjects(griet, "motie") == []
    with on("2025-06-02"):
        assert subjects(griet, "motie") == ["2411-62 Statushouders"]
        assert subjects(carol, "motie") == ["2411-62 Statushouders"]
        # An owner sees the motions of the portfolios they work for.
        assert subjects(alice, "motie") == []
        portefeuille.members.add(alice)
        assert subjects(alice, "motie") == ["2411-62 Statushouders"]
        Motion.objects.filter(pk=motion.pk).update(status="afgedaan")
        assert subjects(griet, "motie") == []
    assert subjects(griet, "evaluatie") is None  # the griffie sees motions only


def test_a_motion_deadline_oogst_cannot_read_is_a_signal_until_corrected(carol, portefeuille):
    griet = User.objects.create_user("griet", role=Role.GRIFFIE)
    motion = Motion.objects.create(
        nummer="2411-62", titel="Statushouders", deadline="na de zomer", portefeuille=portefeuille
    )
    assert subjects(griet, "motiedatum") == ["2411-62 Statushouders"]
    assert subjects(carol, "motiedatum") == ["2411-62 Statushouders"]
    motion.deadline = "1 september 2026"
    motion.save()
    assert subjects(griet, "motiedatum") == []


def test_an_owner_sees_the_signals_of_their_own_pilots_only(client, alice, bob, carol, pilot):
    with on("2024-01-01"):
        Pilot.objects.create(name="Van Bob", owner=bob, fase="uitvoering", einddatum="2024")
    pilot.einddatum = "2024"
    pilot.save()
    with on("2025-03-01"):
        assert subjects(alice, "einddatum") == ["Flexwonen"]
        assert sorted(subjects(carol, "einddatum")) == ["Flexwonen", "Van Bob"]
        client.force_login(alice)
        html = client.get(reverse("dashboard:home")).content.decode()
        assert "Flexwonen" in html and "Van Bob" not in html
        assert reverse("pilots:edit", args=[pilot.slug]) + "#id_fase" in html


def test_the_dashboard_is_the_landing_page_with_a_count_in_the_menu(client, alice, pilot):
    pilot.einddatum = "2024"
    pilot.save()
    with on("2025-03-01"):
        response = client.post(
            reverse("login"), {"login": "alice", "password": "alice-password-123"}
        )
        assert response["Location"] == reverse("dashboard:home")
        client.force_login(alice)
        html = client.get(reverse("pilots:register")).content.decode()
        assert 'Signalen <span class="oogst-count">' in html


def test_readers_land_on_the_register(client, dave):
    client.force_login(dave)
    response = client.get(reverse("dashboard:home"))
    assert response.status_code == 302 and response["Location"] == reverse("pilots:register")
    assert "oogst-count" not in client.get(reverse("pilots:register")).content.decode()


def test_my_pilots_lists_each_pilot_with_its_signals(client, alice, carol, pilot):
    with on("2024-01-01"):
        Pilot.objects.create(name="Rustig", owner=alice, fase="voorstel")
        Pilot.objects.create(name="Van een ander", owner=carol, fase="uitvoering", einddatum="2024")
    pilot.einddatum = "2024"
    pilot.save()
    with on("2025-03-01"):
        client.force_login(alice)
        html = client.get(reverse("dashboard:my_pilots")).content.decode()
    assert "Flexwonen" in html and "Rustig" in html and "Van een ander" not in html
    assert "Einddatum “2024” is voorbij" in html
    assert "Niets heeft aandacht nodig." in html  # Rustig


def test_a_long_rule_shows_its_first_signals_and_counts_them_all(client, carol):
    with on("2024-01-01"):
        for i in range(30):
            Pilot.objects.create(name=f"Wees {i:02d}", fase="uitvoering")
    client.force_login(carol)
    html = client.get(reverse("dashboard:home")).content.decode()
    assert '<span class="oogst-badge">30</span>' in html
    assert "Wees 24" in html and "Wees 25" not in html
    assert "Alle 30 tonen" in html
    everything = client.get(reverse("dashboard:home"), {"regel": "eigenaar"}).content.decode()
    assert "Wees 29" in everything
    assert signals.count_for(carol) == sum(g.total for g in signals.signals_for(carol))
