"""Erasure on request and the retention period: records go, the figures stay right."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from oogst.participants import disclosure, services
from oogst.participants.models import AccessLogEntry, Participant


def _figures(monitor):
    """Every group the page offers, as exported: erasure and retention change none of them."""
    today = datetime.date(2026, 11, 1)
    views = disclosure.for_monitor(monitor, today=today).views
    return json.dumps(
        [
            disclosure.as_rows(disclosure.for_monitor(monitor, view_key=v.key, today=today))
            for v in views
        ]  # fmt: skip
    )


def test_erasure_removes_the_person_and_keeps_the_figures(client, pia, monitor, people):
    before = _figures(monitor)
    person = people[0]
    code = person.code
    client.force_login(pia)
    url = reverse("participants:erase", args=["dealbreakers", code])
    assert client.post(url, {"confirm_code": "WRONG"}).status_code == 302
    assert Participant.objects.get(pk=person.pk).code == code  # not without confirmation

    response = client.post(url, {"confirm_code": code.lower()})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.is_anonymised
    assert (person.code, person.naam, person.notes) == (None, "", "")
    assert _figures(monitor) == before
    assert (
        client.get(reverse("participants:detail", args=["dealbreakers", code])).status_code == 404
    )
    erased = AccessLogEntry.objects.get(participant_code=code, action="erase")
    # The log keeps what happened, but nothing joins it to the anonymised row any more.
    assert person.log_key is None and erased.subject_key is not None
    assert not AccessLogEntry.objects.for_participant(person).exists()
    assert (
        code not in client.get(reverse("participants:list", args=["dealbreakers"])).content.decode()
    )


def test_an_inzage_export_holds_everything_about_the_person(client, pia, people):
    client.force_login(pia)
    person = people[0]
    data = json.loads(
        client.get(
            reverse("participants:inzage", args=["dealbreakers", person.code, "json"])
        ).content
    )
    assert data["code"] == person.code
    assert data["persoonsgegevens"] == {"naam": "Persoon 0"}
    assert [m["trede"] for m in data["participatieladder"]] == [2, 3]
    assert data["fasen"][0]["fase"].startswith("0.")
    assert data["inzage_in_dossier"][-1]["waarom"] == "Inzageverzoek (AVG art. 15)"
    pdf = client.get(reverse("participants:inzage", args=["dealbreakers", person.code, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


@pytest.fixture
def ended(monitor):
    monitor.pilot.einddatum = "31 december 2023"
    monitor.pilot.save()
    return monitor


def test_retention_dry_run_changes_nothing(ended, people):
    out = io.StringIO()
    call_command("bewaartermijn", "--dry-run", stdout=out)
    assert "Dealbreakers: 12" in out.getvalue()
    assert Participant.objects.identifiable().count() == 12


def test_retention_anonymises_after_the_period_and_is_idempotent(ended, people):
    before = _figures(ended)
    out = io.StringIO()
    call_command("bewaartermijn", stdout=out)
    assert "12 records anonymised" in out.getvalue()
    assert Participant.objects.identifiable().count() == 0
    assert _figures(ended) == before
    assert AccessLogEntry.objects.filter(action="anonymise", reason="bewaartermijn").count() == 12
    again = io.StringIO()
    call_command("bewaartermijn", stdout=again)
    assert "0 records anonymised" in again.getvalue()
    assert AccessLogEntry.objects.filter(action="anonymise").count() == 12


def test_retention_waits_for_the_period(monitor, people):
    monitor.pilot.einddatum = "31 december 2025"
    monitor.pilot.save()
    report = services.apply_retention(months=24, today=datetime.date(2026, 11, 23))
    assert report.due == {} and report.anonymised == 0
    report = services.apply_retention(months=24, today=datetime.date(2028, 1, 1))
    assert report.anonymised == 12


def test_retention_reports_pilots_without_a_readable_end(monitor, people):
    monitor.pilot.einddatum = "als het klaar is"
    monitor.pilot.save()
    out = io.StringIO()
    call_command("bewaartermijn", "--dry-run", stdout=out)
    assert "Dealbreakers" in out.getvalue() and "end date" in out.getvalue()
    assert Participant.objects.identifiable().count() == 12
