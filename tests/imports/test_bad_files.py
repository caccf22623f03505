"""Bad files get a clear message (in Dutch, as users see it) and write nothing: damaged,
password-protected, too large, with macros, zip bombs, and files that are not what their
extension says."""

import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from oogst.core import uploads
from oogst.pilots import imports
from oogst.pilots.models import ImportJob, ImportKind, ImportStatus, Pilot

from .conftest import seed_layout_docx

pytestmark = pytest.mark.django_db


def read(carol, data, name, capture, kind=ImportKind.APPENDIX):
    with capture(execute=True):
        job = imports.start_import(actor=carol, kind=kind, name=name, data=data)
    job.refresh_from_db()
    return job


def zip_with(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def password_protected() -> bytes:
    # Word saves an encrypted .docx as an OLE compound file (EncryptionInfo + EncryptedPackage).
    return uploads.OLE_MAGIC + b"\x00" * 504 + b"EncryptedPackage"


def xlsx_bytes() -> bytes:
    import openpyxl

    out = io.BytesIO()
    openpyxl.Workbook().save(out)
    return out.getvalue()


CASES = {
    "damaged": (seed_layout_docx()[:3000], "b6.docx", "beschadigd"),
    "password": (password_protected(), "b6.docx", "wachtwoord"),
    "macros by name": (seed_layout_docx(), "b6.docm", "macro’s"),
    "macros inside": (
        zip_with(
            {
                "[Content_Types].xml": b"<Types/>",
                "word/document.xml": b"<w:document/>",
                "word/vbaProject.bin": b"\x00" * 100,
            }
        ),
        "b6.docx",
        "macro’s",
    ),
    "zip bomb": (
        zip_with({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\x00" * 30_000_000}),
        "b6.docx",
        "zipbom",
    ),
    "a workbook named .docx": (xlsx_bytes(), "b6.docx", "is een .xlsx-bestand"),
    "a pdf named .docx": (b"%PDF-1.7\n" + b"x" * 1000, "b6.docx", "geen Word-document"),
    "a spreadsheet for the appendix": (xlsx_bytes(), "b6.xlsx", "leest hier .docx"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_bad_file_is_refused_with_a_message_and_nothing_is_written(
    case, carol, django_capture_on_commit_callbacks
):
    data, name, message = CASES[case]
    job = read(carol, data, name, django_capture_on_commit_callbacks)
    assert job.status == ImportStatus.FAILED
    assert message in job.error
    assert job.preview is None
    assert not Pilot.objects.exists()
    with pytest.raises(imports.ImportRefused):
        imports.apply_appendix(actor=carol, job=job)


def test_a_50_mb_file_is_refused_before_it_is_read(client, carol):
    client.force_login(carol)
    big = SimpleUploadedFile("b6.docx", b"\x00" * (50 * 1024 * 1024))
    response = client.post(reverse("pilots:import"), {"kind": "bijlage", "file": big}, follow=True)
    assert "groter dan 20 MB" in response.content.decode()
    assert not ImportJob.objects.exists()
    with translation.override("nl"), pytest.raises(uploads.UploadRefused, match="grens is 20 MB"):
        uploads.check_upload(b"\x00" * (50 * 1024 * 1024), "b6.docx", allowed={"docx"})


def test_the_web_request_only_stores_the_file(client, carol):
    # Reading happens in the worker (here: not run), so a bad file never ties up the server.
    client.force_login(carol)
    bomb = CASES["zip bomb"][0]
    response = client.post(
        reverse("pilots:import"),
        {"kind": "bijlage", "file": SimpleUploadedFile("b6.docx", bomb)},
    )
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.PENDING and bytes(job.content) == bomb


def test_reading_stops_at_the_time_limit():
    with translation.override("nl"), pytest.raises(uploads.ParseTimeout, match="langer dan"):
        with uploads.time_limit(0.2):
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                pass
