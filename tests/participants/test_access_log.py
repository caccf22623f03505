"""Every look at a participant record is logged: who, when, which record, why. Nobody edits it."""

import pytest
from django.urls import reverse

from oogst.participants.models import AccessLogEntry


def test_opening_a_record_is_logged(client, pia, people):
    client.force_login(pia)
    person = people[0]
    client.get(reverse("participants:detail", args=["dealbreakers", person.code]))
    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.subject_key, entry.participant_code) == (
        pia,
        person.log_key,
        person.code,
    )
    assert (entry.action, entry.reason) == ("view", "begeleiding")
    assert entry.partner == person.monitor.partner and entry.pilot == person.monitor.pilot


def test_the_reason_can_be_given(client, pia, people):
    client.force_login(pia)
    client.get(
        reverse("participants:detail", args=["dealbreakers", people[0].code]), {"doel": "correctie"}
    )
    assert AccessLogEntry.objects.get().reason == "correctie"


def test_exports_and_changes_are_logged(client, pia, people):
    client.force_login(pia)
    code = people[0].code
    client.get(reverse("participants:inzage", args=["dealbreakers", code, "json"]))
    client.post(
        reverse("participants:add", args=["dealbreakers", code, "meting"]),
        {"meting-date": "2026-06-01", "meting-rung": "4"},
    )
    actions = list(AccessLogEntry.objects.order_by("id").values_list("action", "reason"))
    assert ("export", "inzageverzoek") in actions
    assert ("update", "registratie") in actions


def test_the_log_cannot_be_changed(client, pia, people):
    client.force_login(pia)
    client.get(reverse("participants:detail", args=["dealbreakers", people[0].code]))
    entry = AccessLogEntry.objects.get()
    entry.reason = "correctie"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AccessLogEntry.objects.update(reason="correctie")
    with pytest.raises(PermissionError):
        AccessLogEntry.objects.all().delete()
    assert AccessLogEntry.objects.get().reason == "begeleiding"


def test_the_beheerder_reads_the_log_by_code(client, pia, erin, people):
    client.force_login(pia)
    for person in people[:2]:
        client.get(reverse("participants:detail", args=["dealbreakers", person.code]))
    client.force_login(erin)
    page = client.get(reverse("participants:access_log"), {"code": people[0].code.lower()})
    html = page.content.decode()
    assert people[0].code in html and people[1].code not in html
    assert "Pia" in html and "Stichting Piëzo" in html
    assert "Persoon 0" not in html  # the log names the code, never the person
    # The log has no edit or delete page: it is read-only by construction.
    assert client.post(reverse("participants:access_log")).status_code == 405


@pytest.mark.django_db
def test_the_log_refuses_changes_in_the_orm_and_on_postgresql_in_the_database(pia, people):
    from django.db import DatabaseError, connection, transaction

    from oogst.participants.services import log_access

    log_access(user=pia, participant=people[0], action="view", reason="begeleiding")
    entry = AccessLogEntry.objects.get()
    for change in (entry.save, entry.delete, AccessLogEntry.objects.all().delete):
        with pytest.raises(PermissionError):
            change()
    if connection.vendor != "postgresql":
        return  # SQLite has no trigger: the production database is PostgreSQL
    with connection.cursor() as cursor:
        for sql in (
            "UPDATE participants_accesslogentry SET detail = 'x'",
            "DELETE FROM participants_accesslogentry",
        ):
            with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
                cursor.execute(sql)
    assert AccessLogEntry.objects.count() == 1
