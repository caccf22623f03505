"""The attack: open a record a thousand times, then ask for the inzage PDF.

The PDF lists the latest accesses and summarises the rest per month, so it stays a few pages
instead of growing past the worker timeout; the JSON still holds every access.
"""

import io
import json

from django.urls import reverse
from pdfminer.high_level import extract_text
from pdfminer.pdfpage import PDFPage

from oogst.participants.models import AccessAction, AccessLogEntry, AccessReason

SLUG = "dealbreakers"


def pdf_pages(content):
    return len(list(PDFPage.get_pages(io.BytesIO(content))))


def open_record(person, user, times):
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            user=user,
            subject_key=person.log_key,
            participant_code=person.code,
            partner_id=person.monitor.partner_id,
            pilot_id=person.monitor.pilot_id,
            action=AccessAction.VIEW,
            reason=AccessReason.BEGELEIDING,
        )
        for _ in range(times)
    )


def test_a_thousand_accesses_give_an_inzage_pdf_of_a_few_pages(client, pia, people):
    person = people[0]
    client.force_login(pia)
    url = reverse("participants:inzage", args=[SLUG, person.code, "pdf"])

    open_record(person, pia, 1_000)
    thousand = client.get(url).content
    open_record(person, pia, 1_000)
    two_thousand = client.get(url).content

    assert pdf_pages(thousand) <= 3
    assert pdf_pages(two_thousand) == pdf_pages(thousand)
    assert len(two_thousand) < 1.1 * len(thousand)
    text = " ".join(extract_text(io.BytesIO(two_thousand)).split())
    assert "2000" in text  # the summary still counts every view

    data = json.loads(client.get(url.replace(".pdf", ".json")).content)
    assert len(data["inzage_in_dossier"]) == 2_003  # every access, in the JSON
