"""An approval means someone else reviewed exactly what is frozen (issue: attack run)."""

import pytest

from oogst.pilots import services as pilot_services
from oogst.pilots.models import StatusUpdate
from oogst.rounds import services
from oogst.rounds.models import EntryStatus
from tests.rounds.conftest import entry_of

pytestmark = pytest.mark.django_db


def hand_over(pilot, *, actor, to):
    pilot.refresh_from_db()
    pilot.owner = to
    pilot_services.update_pilot(actor=actor, pilot=pilot, expected_version=pilot.version)


def test_a_coordinator_cannot_approve_by_handing_the_pilot_over_and_back(
    carol, frank, alice, erin, spring_round, alices_pilot
):
    # Frank owns the pilot during the round and updates it...
    hand_over(alices_pilot, actor=carol, to=frank)
    entry = entry_of(spring_round, alices_pilot)
    services.mark_updated(actor=frank, entry=entry)
    # ...then hands it to Alice, approves it, and would take it back.
    hand_over(alices_pilot, actor=frank, to=alice)
    entry.refresh_from_db()
    with pytest.raises(services.RoundError, match="andere coördinator"):
        services.approve(actor=frank, entry=entry)
    # Carol handed the pilot over, so she is involved too; Erin, who was not, approves.
    with pytest.raises(services.RoundError):
        services.approve(actor=carol, entry=entry)
    services.approve(actor=erin, entry=entry)
    assert entry.status == EntryStatus.GOEDGEKEURD


def test_whoever_edited_the_pilot_during_the_round_cannot_approve_it(
    carol, frank, alice, spring_round, alices_pilot
):
    alices_pilot.refresh_from_db()
    alices_pilot.doel = "Aangescherpt door Frank"
    pilot_services.update_pilot(
        actor=frank, pilot=alices_pilot, expected_version=alices_pilot.version
    )
    entry = entry_of(spring_round, alices_pilot)
    services.mark_updated(actor=alice, entry=entry)
    with pytest.raises(services.RoundError):
        services.approve(actor=frank, entry=entry)
    services.approve(actor=carol, entry=entry)
    assert entry.status == EntryStatus.GOEDGEKEURD


def test_an_edit_after_approval_sends_the_entry_back_to_review(
    carol, alice, spring_round, alices_pilot
):
    entry = entry_of(spring_round, alices_pilot)
    services.mark_updated(actor=alice, entry=entry)
    services.approve(actor=carol, entry=entry)

    alices_pilot.refresh_from_db()
    alices_pilot.doel = "Na goedkeuring gewijzigd"
    pilot_services.update_pilot(
        actor=alice, pilot=alices_pilot, expected_version=alices_pilot.version
    )
    entry.refresh_from_db()
    assert entry.status == EntryStatus.BIJGEWERKT and entry.approved_by is None


def test_a_progress_update_after_approval_also_needs_review(
    carol, alice, spring_round, alices_pilot
):
    entry = entry_of(spring_round, alices_pilot)
    services.mark_updated(actor=alice, entry=entry)
    services.approve(actor=carol, entry=entry)
    pilot_services.add_status_update(
        actor=alice, pilot=alices_pilot, update=StatusUpdate(text="Late toevoeging.")
    )
    entry.refresh_from_db()
    assert entry.status == EntryStatus.BIJGEWERKT


def test_saving_an_unchanged_pilot_keeps_the_approval(carol, alice, spring_round, alices_pilot):
    entry = entry_of(spring_round, alices_pilot)
    services.mark_updated(actor=alice, entry=entry)
    services.approve(actor=carol, entry=entry)
    alices_pilot.refresh_from_db()
    pilot_services.update_pilot(
        actor=alice, pilot=alices_pilot, expected_version=alices_pilot.version
    )
    entry.refresh_from_db()
    assert entry.status == EntryStatus.GOEDGEKEURD


def test_sending_an_entry_back_twice_with_one_form_makes_one_return(
    client, carol, alice, spring_round, alices_pilot
):
    from django.urls import reverse

    from oogst.rounds.models import EntryReturn

    entry = entry_of(spring_round, alices_pilot)
    services.mark_updated(actor=alice, entry=entry)
    client.force_login(carol)
    page = client.get(spring_round.get_absolute_url()).content.decode()
    token = page.split('name="form_token" value="')[1].split('"')[0]
    url = reverse("rounds:entry_send_back", args=[entry.pk])
    for _ in range(2):  # a double click, or back and send again
        client.post(url, {"reason": "Bedragen ontbreken", "form_token": token})
    assert EntryReturn.objects.filter(entry=entry).count() == 1
