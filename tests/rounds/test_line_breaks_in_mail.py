"""The attack: a round named with a line break. It used to give a 500 and then stop the hourly
`oogst herinneringen` for every round, so nobody got a reminder."""

import datetime
import io
import logging

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from oogst.core.mail import single_line
from oogst.rounds import services
from oogst.rounds.models import Round

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def owners_with_mail(alice, bob):
    alice.email, bob.email = "alice@example.org", "bob@example.org"
    alice.first_name = "Alice\r\nBcc: everyone@example.org"
    alice.save()
    bob.save()


@time_machine.travel(datetime.datetime(2026, 2, 20, 12, tzinfo=datetime.UTC))
def test_a_round_named_with_a_line_break_opens_and_mails_a_one_line_subject(
    client, carol, owners_with_mail, alices_pilot, bobs_pilot
):
    client.force_login(carol)
    response = client.post(
        reverse("rounds:create"),
        {
            "name": "Perspectiefnota\r\n2027\nBcc: iedereen@example.org",
            "kind": "perspectiefnota",
            "peildatum": "2026-03-01",
            "deadline": "2026-03-21",
            "appendix_title": "Bijlage 6\nMonitoring",
            "inleiding": "",
            "appendix_order": "programma",
            "pilots": [alices_pilot.pk, bobs_pilot.pk],
        },
    )
    assert response.status_code == 302
    round = Round.objects.get()
    assert round.name == "Perspectiefnota 2027 Bcc: iedereen@example.org"
    assert round.appendix_title == "Bijlage 6 Monitoring"
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert "\n" not in message.subject and "\r" not in message.subject
        assert message.bcc == []
        message.message()  # the headers as they go out: no BadHeaderError


def test_a_stored_name_with_a_line_break_does_not_stop_the_reminders(
    carol, owners_with_mail, alices_pilot, bobs_pilot
):
    for name in ("Oud\nimport", "Programmabegroting 2026"):
        Round.objects.create(
            name=name,
            slug=name.lower().replace("\n", "-").replace(" ", "-"),
            kind="perspectiefnota",
            peildatum=datetime.date(2025, 3, 1),
            deadline=datetime.date(2025, 3, 21),
        )
    for round in Round.objects.all():
        round.entries.create(pilot=alices_pilot)
    with time_machine.travel(datetime.datetime(2025, 3, 15, 9, 0), tick=False):
        call_command("herinneringen", stdout=io.StringIO())
    subjects = sorted(m.subject for m in mail.outbox)
    assert "Oogst: Oud import is geopend" in subjects
    assert "Oogst: Programmabegroting 2026 is geopend" in subjects


def test_one_round_that_fails_never_stops_the_others(
    monkeypatch, caplog, carol, owners_with_mail, alices_pilot
):
    rounds = [
        Round.objects.create(
            name=name,
            slug=name.lower(),
            kind="perspectiefnota",
            peildatum=datetime.date(2025, 3, 1),
            deadline=datetime.date(2025, 3, 21),
        )
        for name in ("Kapot", "Heel")
    ]
    for round in rounds:
        round.entries.create(pilot=alices_pilot)
    real = services.send_notifications

    def broken_for_the_first(*, round, **kwargs):
        if round.name == "Kapot":
            raise RuntimeError("something unforeseen")
        return real(round=round, **kwargs)

    monkeypatch.setattr(services, "send_notifications", broken_for_the_first)
    with caplog.at_level(logging.ERROR), pytest.raises(CommandError, match="kapot"):
        call_command("herinneringen", stdout=io.StringIO())
    assert [m.subject for m in mail.outbox] == ["Oogst: Heel is geopend"]
    assert f"round {rounds[0].pk} failed" in caplog.text


def test_a_mail_that_cannot_be_sent_is_tried_again_next_hour(
    monkeypatch, owners_with_mail, alice, bob, alices_pilot, bobs_pilot, carol
):
    round = Round.objects.create(
        name="Ronde",
        slug="ronde",
        kind="perspectiefnota",
        peildatum=datetime.date(2025, 3, 1),
        deadline=datetime.date(2025, 3, 21),
    )
    round.entries.create(pilot=alices_pilot)
    round.entries.create(pilot=bobs_pilot)
    real_send = services.send_mail

    def refuse_alice(subject, body, sender, to, **kwargs):
        if to == ["alice@example.org"]:
            raise OSError("mail server said no")
        return real_send(subject, body, sender, to, **kwargs)

    monkeypatch.setattr(services, "send_mail", refuse_alice)
    assert services.send_notifications(round=round) == 1
    assert [m.to for m in mail.outbox] == [["bob@example.org"]]
    monkeypatch.setattr(services, "send_mail", real_send)
    assert services.send_notifications(round=round) == 1
    assert [m.to for m in mail.outbox][-1] == ["alice@example.org"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Perspectiefnota\r\n2027", "Perspectiefnota 2027"),
        ("a\u2028b\u2029c\x00d\te", "a b c d e"),
        ("  veel   ruimte  ", "veel ruimte"),
    ],
)
def test_single_line_leaves_one_clean_line(text, expected):
    assert single_line(text) == expected
