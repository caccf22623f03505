"""Owners hear when an entry is sent back and when a deadline passed; coordinators get the
summary and can send a reminder. Dutch, plain text plus HTML, absolute links, never twice."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from oogst.rounds import services
from oogst.rounds.models import EntryStatus

pytestmark = pytest.mark.django_db

BASE = "https://oogst.gemeente.example"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.OOGST_BASE_URL = BASE + "/"


@pytest.fixture
def people(alice, bob, carol):
    for user, address in ((alice, "alice@example.org"), (bob, "bob@example.org"),
                          (carol, "carol@example.org")):  # fmt: skip
        user.email = address
        user.save()


@pytest.fixture
def spring_round(spring_round):
    """The round as opened on 1 March 2025, before its deadline of 21 March."""
    opened = datetime.datetime(2025, 3, 1, 9, tzinfo=datetime.UTC)
    type(spring_round).objects.filter(pk=spring_round.pk).update(created_at=opened)
    spring_round.refresh_from_db()
    return spring_round


def html_of(message):
    (html, kind), *_ = message.alternatives
    assert kind == "text/html"
    return html


def test_a_sent_back_entry_mails_its_owner_with_the_reason(
    client, carol, people, spring_round, alices_pilot, django_capture_on_commit_callbacks
):
    entry = spring_round.entries.get(pilot=alices_pilot)
    client.force_login(carol)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("rounds:entry_send_back", args=[entry.pk]),
            {"reason": "Het doel mist cijfers.\nVul de indicatoren in."},
        )
    (message,) = mail.outbox
    assert message.to == ["alice@example.org"]
    assert message.subject == "Oogst: Dealbreakers teruggestuurd (Perspectiefnota 2026)"
    assert "Het doel mist cijfers.\nVul de indicatoren in." in message.body
    assert f"{BASE}/pilots/{alices_pilot.slug}/" in message.body
    assert f"{BASE}/mijn-taken/" in message.body
    html = html_of(message)
    assert "Het doel mist cijfers.<br>Vul de indicatoren in." in html
    assert f'href="{BASE}/mijn-taken/"' in html


def test_each_send_back_is_one_mail_even_when_repeated(
    carol, people, spring_round, alices_pilot, django_capture_on_commit_callbacks
):
    entry = spring_round.entries.get(pilot=alices_pilot)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.send_back(actor=carol, entry=entry, reason="Eerste keer.")
    with django_capture_on_commit_callbacks(execute=True):
        services.send_back(actor=carol, entry=entry, reason="Tweede keer.")
    assert len(mail.outbox) == 2
    services._mail_sent_back(first)  # the same return again: nothing new
    assert len(mail.outbox) == 2


def test_markup_in_a_reason_stays_text_in_the_html_mail(
    carol, people, spring_round, alices_pilot, django_capture_on_commit_callbacks
):
    entry = spring_round.entries.get(pilot=alices_pilot)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_back(actor=carol, entry=entry, reason="<script>x</script> & meer")
    (message,) = mail.outbox
    assert "&lt;script&gt;" in html_of(message)
    assert "<script>x</script> & meer" in message.body


def test_after_the_deadline_owners_and_coordinators_are_mailed_once(
    carol, people, spring_round, alices_pilot, bobs_pilot
):
    entry = spring_round.entries.get(pilot=bobs_pilot)
    entry.status = EntryStatus.BIJGEWERKT
    entry.save()
    services.send_notifications(round=spring_round, today=datetime.date(2025, 3, 21))
    assert not [m for m in mail.outbox if "verstreken" in m.subject]
    mail.outbox.clear()
    services.send_notifications(round=spring_round, today=datetime.date(2025, 3, 22))
    by_subject = {m.subject: m for m in mail.outbox}
    owner_mail = by_subject["Oogst: deadline Perspectiefnota 2026 verstreken"]
    assert owner_mail.to == ["alice@example.org"]  # Bob is done
    summary = by_subject["Oogst: open pilots na de deadline van Perspectiefnota 2026"]
    assert summary.to == ["carol@example.org"]
    assert "- Alice Aalbers: Dealbreakers" in summary.body
    assert f"{BASE}/rondes/{spring_round.slug}/" in summary.body
    mail.outbox.clear()
    assert services.send_notifications(round=spring_round, today=datetime.date(2025, 3, 23)) == 0
    assert mail.outbox == []


def test_a_round_opened_after_its_deadline_sends_no_deadline_mails(carol, people, spring_round):
    type(spring_round).objects.filter(pk=spring_round.pk).update(
        created_at=datetime.datetime(2025, 4, 1, 9, tzinfo=datetime.UTC)
    )
    spring_round.refresh_from_db()
    services.send_notifications(round=spring_round, today=datetime.date(2025, 4, 2))
    assert [m for m in mail.outbox if "verstreken" in m.subject or "open pilots" in m.subject] == []


def test_the_herinneringen_command_sends_the_deadline_mails(carol, people, spring_round):
    from django.core.management import call_command

    with time_machine.travel(datetime.datetime(2025, 3, 25, 9, tzinfo=datetime.UTC), tick=False):
        call_command("herinneringen")
    assert any("verstreken" in m.subject for m in mail.outbox)


def test_the_coordinator_sends_a_reminder_from_the_round_page(
    client, carol, alice, people, spring_round
):
    client.force_login(carol)
    assert "Herinnering sturen" in client.get(spring_round.get_absolute_url()).content.decode()
    url = reverse("rounds:remind", args=[spring_round.slug])
    with time_machine.travel(datetime.datetime(2025, 3, 10, 9, tzinfo=datetime.UTC), tick=False):
        response = client.post(url, follow=True)
        assert "Er is een herinnering gestuurd naar 2 eigenaren." in response.content.decode()
        reminders = [m for m in mail.outbox if "herinnering" in m.subject]
        assert sorted(m.to[0] for m in reminders) == ["alice@example.org", "bob@example.org"]
        assert "De coördinator herinnert u" in reminders[0].body
        again = client.post(url, follow=True).content.decode()
        assert "al herinnerd" in again
        assert len([m for m in mail.outbox if "herinnering" in m.subject]) == 2
    with time_machine.travel(datetime.datetime(2025, 3, 11, 9, tzinfo=datetime.UTC), tick=False):
        client.post(url)
    assert len([m for m in mail.outbox if "herinnering" in m.subject]) == 4
    client.force_login(alice)
    assert client.post(url).status_code == 403


def test_every_link_in_the_opening_mail_is_absolute(people, spring_round):
    services.send_notifications(round=spring_round, today=datetime.date(2025, 3, 1))
    for message in mail.outbox:
        assert f"{BASE}/mijn-taken/" in message.body
        assert 'href="/' not in html_of(message)
