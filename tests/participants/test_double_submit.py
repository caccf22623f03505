"""The attack: a partner's create forms sent twice (a new participant, a measurement, a
transfer proposal) create one row each."""

from django.urls import reverse

from oogst.participants.models import LadderMeasurement, MonitorTransfer, Participant
from tests.double_submit import assert_created_once, send_twice

SLUG = "dealbreakers"


def test_a_new_participant_sent_twice_is_added_once(client, pia, monitor):
    client.force_login(pia)
    url = reverse("participants:create", args=[SLUG])
    first, second = send_twice(client, url, url, {"start_date": "2026-01-05", "naam": "Nieuw"})
    assert_created_once(first, second, Participant.objects.count)


def test_a_measurement_sent_twice_is_recorded_once(client, pia, people):
    person = people[0]
    client.force_login(pia)
    before = LadderMeasurement.objects.filter(participant=person).count()
    add = reverse("participants:add", args=[SLUG, person.code, "meting"])
    first, second = send_twice(
        client,
        reverse("participants:detail", args=[SLUG, person.code]),
        add,
        {"meting-date": "2026-06-01", "meting-rung": "4"},
        after=add,
    )
    assert_created_once(
        first,
        second,
        lambda: LadderMeasurement.objects.filter(participant=person).count() - before,
    )


def test_a_transfer_proposed_twice_is_proposed_once(client, alice, monitor, people, other_partner):
    client.force_login(alice)
    url = reverse("participants:transfer", args=[SLUG])
    first, second = send_twice(
        client, url, url, {"to_partner": other_partner.pk, "reason": "Piëzo stopt."}
    )
    assert_created_once(first, second, MonitorTransfer.objects.count)
