"""A round from opening to freezing: who may do which step, and what each step records."""

import datetime

import pytest
from django.urls import reverse

from oogst.pilots.models import Pilot
from oogst.rounds import services
from oogst.rounds.models import EntryStatus, Round
from tests.rounds.conftest import entry_of

pytestmark = pytest.mark.django_db


def test_a_round_covers_running_pilots_but_not_proposals_or_pilots_never_started(
    carol, alices_pilot, bobs_pilot
):
    Pilot.objects.create(name="Voorstel", fase="voorstel")
    Pilot.objects.create(name="Nooit gestart", fase="niet_gestart")
    round = services.open_round(
        actor=carol,
        round=Round(
            name="Ronde",
            kind="perspectiefnota",
            peildatum=datetime.date(2025, 3, 1),
            deadline=datetime.date(2025, 3, 21),
        ),
    )
    assert sorted(e.pilot.name for e in round.entries.all()) == ["Dealbreakers", "Woonoverlast"]


def test_a_pilot_finished_before_the_previous_round_is_left_out(carol, alices_pilot):
    Round.objects.create(
        name="Vorige",
        slug="vorige",
        kind="programmabegroting",
        peildatum=datetime.date(2024, 10, 1),
        deadline=datetime.date(2024, 9, 1),
    )
    Pilot.objects.create(name="Lang geleden klaar", fase="afgerond", einddatum="juni 2023")
    Pilot.objects.create(name="Net klaar", fase="afgerond", einddatum="december 2024")
    assert sorted(p.name for p in services.default_pilots(peildatum=datetime.date(2025, 3, 1))) == [
        "Dealbreakers",
        "Net klaar",
    ]


def test_an_owner_marks_their_entry_updated_also_when_nothing_changed(
    client, alice, spring_round, alices_pilot
):
    client.force_login(alice)
    entry = entry_of(spring_round, alices_pilot)
    client.post(reverse("rounds:entry_mark_updated", args=[entry.pk]))
    entry.refresh_from_db()
    assert entry.status == EntryStatus.BIJGEWERKT
    assert entry.updated_marked_by == alice


def test_an_owner_cannot_mark_another_owners_entry(client, alice, spring_round, bobs_pilot):
    client.force_login(alice)
    entry = entry_of(spring_round, bobs_pilot)
    assert client.post(reverse("rounds:entry_mark_updated", args=[entry.pk])).status_code == 403
    entry.refresh_from_db()
    assert entry.status == EntryStatus.OPEN


def test_an_eigenaar_cannot_approve_or_freeze(client, alice, spring_round, alices_pilot):
    entry = entry_of(spring_round, alices_pilot)
    services.mark_updated(actor=alice, entry=entry)
    client.force_login(alice)
    assert client.post(reverse("rounds:entry_approve", args=[entry.pk])).status_code == 403
    assert client.post(reverse("rounds:freeze", args=[spring_round.slug])).status_code == 403
    assert client.post(reverse("rounds:publish", args=[spring_round.slug])).status_code == 403
    entry.refresh_from_db()
    spring_round.refresh_from_db()
    assert entry.status == EntryStatus.BIJGEWERKT
    assert not spring_round.is_frozen


def test_the_coordinator_approves_and_the_entry_shows_who_and_when(
    client, carol, alice, spring_round, alices_pilot
):
    entry = entry_of(spring_round, alices_pilot)
    services.mark_updated(actor=alice, entry=entry)
    client.force_login(carol)
    client.post(reverse("rounds:entry_approve", args=[entry.pk]))
    entry.refresh_from_db()
    assert entry.status == EntryStatus.GOEDGEKEURD
    assert entry.approved_by == carol and entry.approved_at is not None
    page = client.get(spring_round.get_absolute_url()).content.decode()
    assert "goedgekeurd door Carol" in page


def test_nobody_approves_their_own_entry_not_even_a_coordinator(frank, carol, spring_round):
    pilot = Pilot.objects.create(name="Frank's pilot", owner=frank, fase="uitvoering")
    entry = spring_round.entries.create(pilot=pilot)
    services.mark_updated(actor=frank, entry=entry)
    with pytest.raises(services.RoundError):
        services.approve(actor=frank, entry=entry)
    services.approve(actor=carol, entry=entry)
    entry.refresh_from_db()
    assert entry.approved_by == carol


def test_an_entry_sent_back_shows_the_owner_every_reason(
    client, carol, alice, spring_round, alices_pilot
):
    entry = entry_of(spring_round, alices_pilot)
    services.mark_updated(actor=alice, entry=entry)
    services.send_back(actor=carol, entry=entry, reason="Evaluatie ontbreekt")
    services.mark_updated(actor=alice, entry=entry)
    services.send_back(actor=carol, entry=entry, reason="Nog steeds geen cijfers")
    client.force_login(alice)
    page = client.get(reverse("rounds:my_tasks")).content.decode()
    assert "Evaluatie ontbreekt" in page and "Nog steeds geen cijfers" in page
    entry.refresh_from_db()
    assert entry.status == EntryStatus.TERUGGESTUURD


def test_sending_back_without_a_reason_is_refused(carol, spring_round, alices_pilot):
    with pytest.raises(services.RoundError):
        services.send_back(actor=carol, entry=entry_of(spring_round, alices_pilot), reason=" ")


def test_a_round_with_unapproved_entries_freezes_only_when_the_coordinator_says_so(
    client, carol, spring_round
):
    client.force_login(carol)
    client.post(reverse("rounds:freeze", args=[spring_round.slug]))
    spring_round.refresh_from_db()
    assert not spring_round.is_frozen
    client.post(reverse("rounds:freeze", args=[spring_round.slug]), {"force": "on"})
    spring_round.refresh_from_db()
    assert spring_round.is_frozen and spring_round.frozen_by == carol


def test_reopening_needs_a_coordinator_and_a_reason_and_is_in_the_history(
    client, carol, alice, spring_round
):
    from auditlog.models import LogEntry

    services.freeze(actor=carol, round=spring_round, force=True)
    client.force_login(alice)
    assert (
        client.post(reverse("rounds:reopen", args=[spring_round.slug]), {"reason": "x"}).status_code
        == 403
    )
    client.force_login(carol)
    client.post(
        reverse("rounds:reopen", args=[spring_round.slug]), {"reason": "", "confirm": "yes"}
    )
    spring_round.refresh_from_db()
    assert spring_round.is_frozen
    client.post(
        reverse("rounds:reopen", args=[spring_round.slug]),
        {"reason": "Cijfers Dealbreakers gecorrigeerd", "confirm": "yes"},
    )
    spring_round.refresh_from_db()
    assert not spring_round.is_frozen
    latest = LogEntry.objects.get_for_object(spring_round).order_by("-pk").first()
    assert latest.additional_data == {"reason": "Cijfers Dealbreakers gecorrigeerd"}
    assert latest.actor == carol


def test_a_lezer_sees_only_published_rounds(client, carol, dave, spring_round):
    client.force_login(dave)
    assert client.get(spring_round.get_absolute_url()).status_code == 404
    assert spring_round.name not in client.get(reverse("rounds:list")).content.decode()
    services.freeze(actor=carol, round=spring_round, force=True)
    services.publish(actor=carol, round=spring_round)
    assert client.get(spring_round.get_absolute_url()).status_code == 200


def test_only_a_frozen_round_can_be_published(carol, spring_round):
    with pytest.raises(services.RoundError):
        services.publish(actor=carol, round=spring_round)


def test_completeness_counts_updated_open_and_late_per_owner(
    alice, bob, spring_round, alices_pilot
):
    services.mark_updated(actor=alice, entry=entry_of(spring_round, alices_pilot))
    rows = {
        r["owner"].username: r
        for r in services.completeness(spring_round, today=datetime.date(2025, 3, 25))
    }
    assert (rows["alice"]["done"], rows["alice"]["late"]) == (1, 0)
    assert (rows["bob"]["done"], rows["bob"]["open"], rows["bob"]["late"]) == (0, 0, 1)


def test_warnings_name_a_passed_evaluation_and_a_passed_end_date(alices_pilot):
    alices_pilot.evaluatiemoment = "Q1 2025"
    alices_pilot.save()
    warnings = services.warnings_for(alices_pilot, today=datetime.date(2025, 6, 1))
    assert any("evaluatiemoment" in w for w in warnings)
    assert any("einddatum" in w for w in warnings)


def test_the_round_page_shows_the_reopen_reason_to_the_coordinator(client, carol, spring_round):
    services.freeze(actor=carol, round=spring_round, force=True)
    services.reopen(actor=carol, round=spring_round, reason="Cijfers gecorrigeerd")
    client.force_login(carol)
    assert "Cijfers gecorrigeerd" in client.get(spring_round.get_absolute_url()).content.decode()
