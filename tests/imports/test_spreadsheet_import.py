"""Pilots and motions from a spreadsheet: a template, a report per row and column, nothing
written until every row is valid or the coordinator imports only the valid rows."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation

from oogst.motions.models import Motion
from oogst.pilots import imports
from oogst.pilots.models import ImportKind, ImportStatus, Pilot

pytestmark = pytest.mark.django_db


def xlsx(rows) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def read(carol, data, name, capture, kind=ImportKind.PILOTS):
    with capture(execute=True):
        job = imports.start_import(actor=carol, kind=kind, name=name, data=data)
    job.refresh_from_db()
    assert job.status == ImportStatus.READY, job.error
    return job


PILOT_ROWS = [
    ["Naam pilot", "Programma", "Startdatum", "Pilot succesvol?", "Budget (EUR)", "Fase"],
    ["Buurtbudget", "Programma 5. Veiligheid", "2de kwartaal 2025", "Nog niet bekend", 1500.5, ""],
    ["Wijkteam", "Programma 9. Onbekend", "2025", "Ja", "veel", "Uitvoering"],
    ["Buurtbudget", "5", "", "Misschien", "1.250,00", ""],
]


def test_the_report_names_row_column_and_reason(
    carol, programma, django_capture_on_commit_callbacks
):
    job = read(carol, xlsx(PILOT_ROWS), "pilots.xlsx", django_capture_on_commit_callbacks)
    rows = {r["row"]: r for r in job.preview["rows"]}
    assert rows[2]["errors"] == []
    assert {(e["column"], e["message"]) for e in rows[3]["errors"]} == {
        ("Programma", "Onbekend programma “Programma 9. Onbekend”."),
        ("Budget (EUR)", "“veel” is geen getal."),
    }
    columns = {e["column"] for e in rows[4]["errors"]}
    assert columns == {"Naam pilot", "Pilot succesvol?"}  # duplicate name, unknown answer
    assert (job.preview["valid"], job.preview["invalid"]) == (1, 2)


def test_nothing_is_written_until_every_row_is_valid_or_only_valid_rows_are_chosen(
    carol, programma, django_capture_on_commit_callbacks
):
    job = read(carol, xlsx(PILOT_ROWS), "pilots.xlsx", django_capture_on_commit_callbacks)
    with translation.override("nl"), pytest.raises(imports.ImportRefused, match="2 rijen"):
        imports.apply_rows(actor=carol, job=job, only_valid=False)
    assert not Pilot.objects.exists()
    result = imports.apply_rows(actor=carol, job=job, only_valid=True)
    assert result == {"created": ["Buurtbudget"], "updated": [], "skipped": [3, 4]}
    pilot = Pilot.objects.get()
    assert pilot.programma == programma
    assert pilot.startdatum == "2de kwartaal 2025"
    assert pilot.succesvol == "nog_niet_bekend"
    assert pilot.budget == Decimal("1500.50")


@pytest.mark.parametrize("delimiter", [";", ","])
def test_a_csv_with_semicolons_or_commas_reads_the_same(
    delimiter, carol, programma, django_capture_on_commit_callbacks
):
    lines = [
        delimiter.join(["Naam pilot", "Programma", "Beoogd aantal deelnemers", "Budget (EUR)"]),
        delimiter.join(["Buurtbudget", "Veiligheid", "40", '"1.250,75"']),
    ]
    data = ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")
    job = read(carol, data, "pilots.csv", django_capture_on_commit_callbacks)
    assert job.preview["invalid"] == 0, job.preview["rows"]
    imports.apply_rows(actor=carol, job=job, only_valid=False)
    pilot = Pilot.objects.get()
    assert (pilot.target_participants, pilot.budget) == (40, Decimal("1250.75"))
    assert pilot.programma == programma


def test_an_exported_register_imports_back_as_updates(
    client, carol, alices_pilot, django_capture_on_commit_callbacks
):
    client.force_login(carol)
    exported = b"".join(client.get(reverse("pilots:export", args=["xlsx"])).streaming_content)
    workbook = openpyxl.load_workbook(io.BytesIO(exported))
    sheet = workbook.active
    header = [c.value for c in sheet[1]]
    sheet.cell(2, header.index("Einddatum") + 1).value = "2026"
    out = io.BytesIO()
    workbook.save(out)
    job = read(carol, out.getvalue(), "register.xlsx", django_capture_on_commit_callbacks)
    (row,) = job.preview["rows"]
    assert row["errors"] == [] and row["action"] == "update"
    imports.apply_rows(actor=carol, job=job, only_valid=False)
    alices_pilot.refresh_from_db()
    assert alices_pilot.einddatum == "2026"
    assert alices_pilot.doel == "Voorkomen van jonge aanwas in criminaliteit."
    assert Pilot.objects.count() == 1


def test_a_sheet_without_the_name_column_is_refused(carol, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = imports.start_import(
            actor=carol, kind=ImportKind.PILOTS, name="p.xlsx", data=xlsx([["Titel"], ["x"]])
        )
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert "Naam pilot" in job.error


def test_motions_with_a_duplicate_number_are_reported(carol, django_capture_on_commit_callbacks):
    Motion.objects.create(nummer="2411-62", titel="Statushouders")
    rows = [
        ["Motienummer", "Titel", "Aangenomen op", "Status", "E-mail"],
        ["2501-01", "Groen", datetime.datetime(2025, 1, 30), "Open", "a@example.org"],
        ["2501-01", "Nog eens", "30-01-2025", "", ""],
        ["2411-62", "Al bekend", "", "", ""],
        ["25-x", "Fout nummer", "31-02-2025", "Onzin", "geen-mail"],
    ]
    job = read(carol, xlsx(rows), "moties.xlsx", django_capture_on_commit_callbacks,
               kind=ImportKind.MOTIONS)  # fmt: skip
    errors = {r["row"]: {e["column"] for e in r["errors"]} for r in job.preview["rows"]}
    assert errors == {
        2: set(),
        3: {"Motienummer"},
        4: {"Motienummer"},
        5: {"Motienummer", "Aangenomen op", "Status", "E-mail"},
    }
    imports.apply_rows(actor=carol, job=job, only_valid=True)
    motion = Motion.objects.get(nummer="2501-01")
    assert (motion.titel, motion.adopted_on) == ("Groen", datetime.date(2025, 1, 30))
    assert Motion.objects.count() == 2


@pytest.mark.parametrize("kind", ["pilots", "moties"])
def test_the_template_has_the_columns_the_import_reads(client, carol, kind):
    client.force_login(carol)
    response = client.get(reverse("pilots:import_template", args=[kind]))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [c.value for c in sheet[1]]
    assert header[0] == ("Naam pilot" if kind == "pilots" else "Motienummer")
    assert sheet.freeze_panes == "A2"


def test_the_report_page_offers_only_valid_rows(
    client, carol, programma, django_capture_on_commit_callbacks
):
    job = read(carol, xlsx(PILOT_ROWS), "pilots.xlsx", django_capture_on_commit_callbacks)
    client.force_login(carol)
    html = client.get(job.get_absolute_url()).content.decode()
    assert "Programma 9. Onbekend" in html
    assert 'name="only_valid"' in html
    response = client.post(reverse("pilots:import_confirm", args=[job.pk]), follow=True)
    assert not Pilot.objects.exists()
    assert "2 rijen bevatten fouten" in response.content.decode()
    client.post(reverse("pilots:import_confirm", args=[job.pk]), {"only_valid": "on"})
    assert Pilot.objects.count() == 1
