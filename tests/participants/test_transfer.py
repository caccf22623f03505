"""The attack: Alice switches her monitor to another organisation to hand it all 12 records.

Records move only when the organisation holding them (Stichting Piëzo, Pia) accepts a proposed
transfer; every step is kept, and every record moved is in the access log.
"""

import pytest
from django.urls import reverse

from oogst.participants import services
from oogst.participants.models import (
    AccessAction,
    AccessLogEntry,
    Monitor,
    MonitorTransfer,
    TransferStatus,
)

SLUG = "dealbreakers"


def settings_data(monitor, **changes):
    data = {
        "partner": monitor.partner_id,
        "target": monitor.target or "",
        "code_prefix": monitor.code_prefix,
        "collect_naam": "on",
        "phases_text": "\n".join(f"{p.number} {p.name}" for p in monitor.phases.all()),
        "activities_text": "\n".join(a.name for a in monitor.activity_types.all()),
    }
    data.update(changes)
    return data


def test_changing_the_organisation_on_the_settings_page_hands_nothing_over(
    client, alice, monitor, people, other_partner, quinn, pia
):
    client.force_login(alice)
    client.post(
        reverse("participants:settings", args=[SLUG]),
        settings_data(monitor, partner=other_partner.pk),
    )
    monitor.refresh_from_db()
    assert monitor.partner.name == "Stichting Piëzo"
    client.force_login(quinn)
    assert client.get(reverse("participants:list", args=[SLUG])).status_code == 404
    code = people[0].code
    assert client.get(reverse("participants:detail", args=[SLUG, code])).status_code == 404
    client.force_login(pia)
    assert client.get(reverse("participants:detail", args=[SLUG, code])).status_code == 200


def test_the_service_refuses_to_move_records_whatever_a_form_sent(monitor, people, other_partner):
    monitor.partner = other_partner
    with pytest.raises(services.TransferError):
        services.save_settings(monitor=monitor, switched_off=[])
    assert Monitor.objects.get(pk=monitor.pk).partner.name == "Stichting Piëzo"


def test_a_monitor_without_records_changes_organisation_directly(
    client, alice, monitor, other_partner
):
    client.force_login(alice)
    response = client.post(
        reverse("participants:settings", args=[SLUG]),
        settings_data(monitor, partner=other_partner.pk),
    )
    assert response.status_code == 302
    monitor.refresh_from_db()
    assert monitor.partner == other_partner


def test_records_move_only_when_the_holding_organisation_accepts(
    client, alice, monitor, people, other_partner, quinn, pia
):
    client.force_login(alice)
    client.post(
        reverse("participants:transfer", args=[SLUG]),
        {"to_partner": other_partner.pk, "reason": "Piëzo stopt met dit project."},
    )
    transfer = MonitorTransfer.objects.get()
    assert transfer.status == TransferStatus.PROPOSED
    assert (transfer.from_partner.name, transfer.to_partner, transfer.proposed_by) == (
        "Stichting Piëzo",
        other_partner,
        alice,
    )
    # Proposed is not moved: the new organisation still sees nothing.
    client.force_login(quinn)
    assert client.get(reverse("participants:list", args=[SLUG])).status_code == 404
    decide = reverse("participants:transfer_decide", args=[SLUG, transfer.pk])
    assert client.post(decide, {"accept": "1"}).status_code == 404
    # Nor can the proposer accept on the organisation's behalf.
    with pytest.raises(services.TransferError):
        services.accept_transfer(actor=alice, transfer=transfer)
    assert AccessLogEntry.objects.filter(action=AccessAction.TRANSFER).count() == 0

    client.force_login(pia)
    assert "Dealbreakers" in client.get(reverse("participants:home")).content.decode()
    client.post(decide, {"accept": "1", "reason": "Afgesproken in het overleg."})

    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.ACCEPTED
    assert transfer.decided_by == pia and transfer.decided_at is not None
    assert transfer.records_moved == 12
    moved = AccessLogEntry.objects.filter(action=AccessAction.TRANSFER)
    assert sorted(moved.values_list("participant_code", flat=True)) == sorted(
        p.code for p in people
    )
    assert {(e.user, e.detail) for e in moved} == {(pia, "Stichting Piëzo → Andere Stichting")}
    client.force_login(quinn)
    assert client.get(reverse("participants:list", args=[SLUG])).status_code == 200
    client.force_login(pia)
    assert client.get(reverse("participants:list", args=[SLUG])).status_code == 404


def test_a_declined_transfer_changes_nothing_and_is_kept(
    client, alice, monitor, people, other_partner, pia
):
    transfer = services.propose_transfer(
        actor=alice, monitor=monitor, to_partner=other_partner, reason="Test"
    )
    client.force_login(pia)
    decide = reverse("participants:transfer_decide", args=[SLUG, transfer.pk])
    response = client.post(decide, {"decline": "1", "reason": ""})
    assert response.status_code == 200  # a reason is needed to decline
    client.post(decide, {"decline": "1", "reason": "Wij begeleiden deze mensen nog."})
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.DECLINED
    assert transfer.decision_reason == "Wij begeleiden deze mensen nog."
    monitor.refresh_from_db()
    assert monitor.partner.name == "Stichting Piëzo"
    client.force_login(alice)
    page = client.get(reverse("participants:transfer", args=[SLUG])).content.decode()
    assert "Wij begeleiden deze mensen nog." in page


def test_a_reader_cannot_propose_a_transfer(client, dave, monitor, people, other_partner):
    client.force_login(dave)
    response = client.post(
        reverse("participants:transfer", args=[SLUG]),
        {"to_partner": other_partner.pk, "reason": "x"},
    )
    assert response.status_code == 403
    assert not MonitorTransfer.objects.exists()


def test_the_editor_withdraws_a_proposal_and_the_organisation_can_no_longer_accept_it(
    client, alice, monitor, people, other_partner, pia
):
    transfer = services.propose_transfer(
        actor=alice, monitor=monitor, to_partner=other_partner, reason="Vergissing"
    )
    client.force_login(alice)
    client.post(reverse("participants:transfer", args=[SLUG]), {"withdraw": "1"})
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.WITHDRAWN
    with pytest.raises(services.TransferError):
        services.accept_transfer(actor=pia, transfer=transfer)
    monitor.refresh_from_db()
    assert monitor.partner.name == "Stichting Piëzo"
