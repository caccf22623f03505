"""The demo's motions link to the right pilots; `oogst export --what motions`."""

import io
import json

import pytest
from django.core.management import call_command

from oogst.motions.models import Motion

pytestmark = pytest.mark.django_db


def test_the_demo_motions_link_to_the_right_pilots():
    call_command("loaddemo", stdout=io.StringIO())
    linked = {m.nummer: sorted(p.slug for p in m.pilots.all()) for m in Motion.objects.all()}
    assert linked == {
        "2411-62": ["samen-bouwen-aan-verbinding-en-ontwikkeling"],
        "21-0642": [],
        "1911-35": ["flexwonen-ruimtebaan"],
        "2406-25": ["van-groot-naar-beter"],
    }
    piezo = Motion.objects.get(nummer="2411-62")
    assert piezo.status == "afgedaan" and piezo.memo.reference == "2025-065916"
    assert piezo.voorstellen.get().decision == "akkoord"
    # What the seeds do not say stays unknown.
    assert Motion.objects.get(nummer="1911-35").adopted_on is None
    call_command("loaddemo", stdout=io.StringIO())
    assert Motion.objects.count() == 4


def test_the_export_carries_every_motion_with_its_pilots():
    call_command("loaddemo", stdout=io.StringIO())
    out = io.StringIO()
    call_command("export", "--what", "motions", "--format", "json", stdout=out)
    records = {r["nummer"]: r for r in json.loads(out.getvalue())}
    assert records["2411-62"]["deadline"] == "voor 1 juni 2025"
    assert records["2411-62"]["deadline_end"] == "2025-05-31"
    assert records["1911-35"]["pilots"] == [
        {"slug": "flexwonen-ruimtebaan", "name": "Flexwonen Ruimtebaan", "fase": "uitvoering"}
    ]
    out = io.StringIO()
    call_command("export", "--what", "motions", "--format", "csv", stdout=out)
    assert out.getvalue().startswith("\ufeffMotienummer;Titel;")
