"""Owners get one mail when a round opens and one reminder in the last week; never twice."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from oogst.rounds import services

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def owners_with_mail(alice, bob):
    alice.email, bob.email = "alice@example.org", "bob@example.org"
    alice.save()
    bob.save()


def test_opening_a_round_mails_each_owner_once(owners_with_mail, spring_round):
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.org", "bob@example.org"]
    assert "Perspectiefnota 2026" in mail.outbox[0].subject


def test_the_reminder_goes_out_a_week_before_the_deadline_and_only_once(
    owners_with_mail, alice, spring_round, alices_pilot
):
    services.mark_updated(actor=alice, entry=spring_round.entries.get(pilot=alices_pilot))
    mail.outbox.clear()
    with time_machine.travel(datetime.datetime(2025, 3, 10, 9, 0), tick=False):
        call_command("herinneringen", stdout=io.StringIO())
    assert mail.outbox == []  # 11 days before the deadline: too early
    with time_machine.travel(datetime.datetime(2025, 3, 15, 9, 0), tick=False):
        call_command("herinneringen", stdout=io.StringIO())
        call_command("herinneringen", stdout=io.StringIO())
    # Only Bob still has an open entry; the hourly cron run never repeats it.
    assert [m.to for m in mail.outbox] == [["bob@example.org"]]
    assert "herinnering" in mail.outbox[0].subject


def test_a_frozen_round_sends_nothing(owners_with_mail, carol, spring_round):
    services.freeze(actor=carol, round=spring_round, force=True)
    mail.outbox.clear()
    with time_machine.travel(datetime.datetime(2025, 3, 15, 9, 0), tick=False):
        call_command("herinneringen", stdout=io.StringIO())
    assert mail.outbox == []
