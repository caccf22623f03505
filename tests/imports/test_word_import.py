"""The coordinator imports last year's Bijlage 6 from Word: a preview first, then one confirmed,
recorded transaction."""

import datetime
import io

import docx
import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from oogst.pilots import imports
from oogst.pilots.appendix_reader import match_label, read_answer, read_appendix
from oogst.pilots.models import ImportJob, ImportKind, ImportStatus, Pilot, Portefeuille, Programma

from .conftest import add_form

pytestmark = pytest.mark.django_db


def upload(carol, data, name="bijlage6.docx", capture=None):
    with capture(execute=True):
        job = imports.start_import(actor=carol, kind=ImportKind.APPENDIX, name=name, data=data)
    job.refresh_from_db()
    return job


@pytest.mark.parametrize(
    "label,field",
    [
        ("Naam pilot", "name"),
        ("NAAM PILOT:", "name"),
        ("Programma/Portefeuillehouder", "programma_portefeuille"),
        ("Programma / portefeuille", "programma_portefeuille"),
        ("Doel, beoogd resultaat", "doel"),
        ("Evaluatie moment", "evaluatiemoment"),
        ("Pilot succesvol? Zijn de vooraf gestelde doelen/resultaten gehaald?", "succesvol"),
        ("Geven de resultaten van de pilot aanleiding om het bestaande beleid aan te passen?",
         "beleid_aanpassen"),
        ("Leidt aanpassing van het beleid tot een financieel gevolg?", "financieel_gevolg"),
        ("Hoe bestuurlijk gerapporteerd", "bestuurlijk_gerapporteerd"),
        ("Stand van zaken per 1 maart", "stand_van_zaken"),
        ("Budgetcode", None),
    ],
)  # fmt: skip
def test_labels_are_recognised_despite_case_punctuation_and_wording(label, field):
    assert match_label(label) == field


@pytest.mark.parametrize(
    "text,answer,rest",
    [
        ("Nog niet bekend. Het project loopt.", "nog_niet_bekend", "Het project loopt."),
        ("Ja", "ja", ""),
        ("Ja, de overlast nam af.", "ja", "de overlast nam af."),
        ("N.v.t.", "nvt", ""),
        ("NVT", "nvt", ""),
        ("Nee.", "nee", ""),
        ("Jaarlijks geëvalueerd.", "", "Jaarlijks geëvalueerd."),
        ("Neemt toe.", "", "Neemt toe."),
    ],
)
def test_the_answers_are_recognised(text, answer, rest):
    assert read_answer(text) == (answer, rest)


def test_a_docx_in_the_seed_appendixs_layout_imports_all_its_pilots(
    seed_docx, carol, programma, django_capture_on_commit_callbacks
):
    job = upload(carol, seed_docx, capture=django_capture_on_commit_callbacks)
    assert job.status == ImportStatus.READY, job.error
    preview = {p["name"]: p for p in job.preview["pilots"]}
    assert list(preview) == ["Flexwonen Ruimtebaan", "Woonoverlast", "Dealbreakers"]
    flex = preview["Flexwonen Ruimtebaan"]
    assert flex["programma"]["new"] and flex["programma"]["number"] == 7
    assert flex["portefeuille"] == {
        "text": "Portefeuille Wonen",
        "name": "Wonen",
        "portefeuillehouder": "",
        "id": None,
        "new": True,
    }
    assert flex["dates"]["einddatum"]  # how Oogst reads "4de kwartaal 2025"
    assert flex["answers"]["succesvol"]["label"] == "Nog niet bekend"
    assert flex["answers"]["financieel_gevolg"]["answer"] == "nvt"
    assert flex["unplaced"] == [["Budgetcode", "6.1234"]]
    woon = preview["Woonoverlast"]
    assert woon["programma"]["id"] == programma.pk  # matched to the reference list
    assert woon["portefeuille"]["name"] == "Openbare orde en Veiligheid"
    assert woon["portefeuille"]["portefeuillehouder"] == "Burgemeester"
    assert not Pilot.objects.exists(), "nothing is written before the confirmation"

    imports.apply_appendix(actor=carol, job=job)

    flex = Pilot.objects.get(name="Flexwonen Ruimtebaan")
    assert flex.korte_omschrijving == "Tijdelijke woningen.\n\nMet Vidomes."
    assert str(flex.programma) == "Programma 7. Inrichting van de stad"
    assert flex.portefeuille.name == "Wonen"
    assert flex.doel == "80 flexwoningen."
    assert (flex.startdatum, flex.einddatum, flex.evaluatiemoment) == (
        "20 december 2021",
        "4de kwartaal 2025",
        "2x per jaar",
    )
    assert flex.einddatum_end == datetime.date(2025, 12, 31)
    assert (flex.succesvol, flex.succesvol_toelichting) == (
        "nog_niet_bekend",
        "Het project bevindt zich in de uitvoeringsfase.",
    )
    assert (flex.beleid_aanpassen, flex.financieel_gevolg) == ("nee", "nvt")
    assert flex.bestuurlijk_gerapporteerd == "Via de Rapportage Ruimtelijk Fysiek."
    woon = Pilot.objects.get(name="Woonoverlast")
    assert woon.korte_omschrijving == "Een coördinator Woonoverlast.\n\n- meldpunt\n- aanpak"
    assert woon.programma == programma
    assert woon.portefeuille.portefeuillehouder == "Burgemeester"
    assert (woon.succesvol, woon.succesvol_toelichting) == ("ja", "de overlast nam af.")
    deal = Pilot.objects.get(name="Dealbreakers")
    assert deal.portefeuille.name == "Jeugd"
    (update,) = deal.status_updates.all()
    assert (update.date, update.title, update.text) == (
        datetime.date(2025, 2, 1),
        "Verlengd",
        "De subsidie is verlengd.",
    )


def test_the_import_is_in_the_history_with_the_files_name_and_hash(
    seed_docx, carol, django_capture_on_commit_callbacks
):
    job = upload(carol, seed_docx, capture=django_capture_on_commit_callbacks)
    imports.apply_appendix(actor=carol, job=job)
    pilot = Pilot.objects.get(name="Woonoverlast")
    entry = LogEntry.objects.get_for_object(pilot).get()
    assert entry.actor == carol
    assert entry.additional_data["import"]["file"] == "bijlage6.docx"
    assert entry.additional_data["import"]["sha256"] == job.sha256
    wonen = Portefeuille.objects.get(name="Wonen")
    assert LogEntry.objects.get_for_object(wonen).get().additional_data["import"]["sha256"]
    job.refresh_from_db()
    assert job.status == ImportStatus.APPLIED
    with pytest.raises(imports.ImportRefused):
        imports.apply_appendix(actor=carol, job=job)  # twice is refused, not doubled
    assert Pilot.objects.count() == 3


def test_an_existing_pilot_is_matched_by_name_and_shown_as_a_diff(
    alices_pilot, carol, django_capture_on_commit_callbacks
):
    document = docx.Document()
    document.add_heading("Dealbreakers", level=2)
    add_form(
        document,
        [("Naam pilot", "dealbreakers"), ("Startdatum", "1 januari 2021"), ("Einddatum", "2026")],
    )
    out = io.BytesIO()
    document.save(out)
    job = upload(carol, out.getvalue(), capture=django_capture_on_commit_callbacks)
    (record,) = job.preview["pilots"]
    assert record["existing"]["slug"] == alices_pilot.slug
    changes = {c["field"]: (c["old"], c["new"]) for c in record["existing"]["changes"]}
    assert changes == {
        "name": ("Dealbreakers", "dealbreakers"),
        "einddatum": ("31 december 2024", "2026"),
    }
    imports.apply_appendix(actor=carol, job=job)
    alices_pilot.refresh_from_db()
    assert alices_pilot.einddatum == "2026"
    assert alices_pilot.doel == "Voorkomen van jonge aanwas in criminaliteit."  # not in the file
    assert Pilot.objects.count() == 1


def test_duplicate_pilots_in_one_file_are_reported_not_merged(
    carol, django_capture_on_commit_callbacks
):
    document = docx.Document()
    for text in ("Eerste versie", "Tweede versie"):
        document.add_heading("Dealbreakers", level=1)
        add_form(document, [("Naam pilot", "Dealbreakers"), ("Korte omschrijving", text)])
    document.add_heading("Woonoverlast", level=1)
    add_form(document, [("Naam pilot", "Woonoverlast")])
    out = io.BytesIO()
    document.save(out)
    job = upload(carol, out.getvalue(), capture=django_capture_on_commit_callbacks)
    assert job.preview["duplicates"] == ["Dealbreakers"]
    assert job.preview["importable"] == 1
    result = imports.apply_appendix(actor=carol, job=job)
    assert result["skipped"] == ["Dealbreakers", "Dealbreakers"]
    assert list(Pilot.objects.values_list("name", flat=True)) == ["Woonoverlast"]


def test_the_new_house_style_with_pilots_as_heading_1_reads_the_same(seed_docx):
    # Both heading levels and both table shapes are read the same way.
    names = [p.name for p in read_appendix(seed_docx)]
    assert names == ["Flexwonen Ruimtebaan", "Woonoverlast", "Dealbreakers"]


def test_the_pages_upload_preview_and_confirm(
    client, carol, seed_docx, django_capture_on_commit_callbacks
):
    client.force_login(carol)
    page = client.get(reverse("pilots:import"))
    assert page.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("pilots:import"),
            {"kind": "bijlage", "file": SimpleUploadedFile("bijlage6.docx", seed_docx)},
        )
    job = ImportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    detail = client.get(job.get_absolute_url()).content.decode()
    assert "Flexwonen Ruimtebaan" in detail
    assert "Budgetcode" in detail  # what could not be placed is shown
    assert not Pilot.objects.exists()
    client.post(reverse("pilots:import_confirm", args=[job.pk]))
    assert Pilot.objects.count() == 3


def test_the_page_polls_while_the_file_is_being_read(client, carol):
    job = ImportJob.objects.create(
        kind=ImportKind.APPENDIX, file_name="b6.docx", sha256="0" * 64, size=1, content=b"x",
        created_by=carol,
    )  # fmt: skip
    client.force_login(carol)
    html = client.get(reverse("pilots:import_status", args=[job.pk])).content.decode()
    assert 'data-hx-trigger="every 2s"' in html


def test_an_owner_may_not_import(client, alice):
    client.force_login(alice)
    assert client.get(reverse("pilots:import")).status_code == 403
    with pytest.raises(Exception):  # noqa: B017 (PermissionDenied)
        imports.start_import(actor=alice, kind=ImportKind.APPENDIX, name="x.docx", data=b"x")


def test_the_command_shows_with_dry_run_and_imports_without(seed_docx, tmp_path, erin):
    path = tmp_path / "bijlage6.docx"
    path.write_bytes(seed_docx)
    out = io.StringIO()
    call_command("importeer-bijlage", str(path), "--dry-run", stdout=out)
    assert "Flexwonen Ruimtebaan: new" in out.getvalue()
    assert "not placed: Budgetcode" in out.getvalue()
    assert not Pilot.objects.exists() and not Programma.objects.exists()
    call_command("importeer-bijlage", str(path), stdout=io.StringIO())
    assert Pilot.objects.count() == 3
    entry = LogEntry.objects.get_for_object(Pilot.objects.get(name="Dealbreakers")).get()
    assert entry.actor == erin


def test_the_command_refuses_a_bad_file_with_a_message(tmp_path, erin):
    path = tmp_path / "bijlage6.docx"
    path.write_bytes(b"dit is geen Word-bestand")
    with pytest.raises(CommandError, match="geen Word-document"):
        call_command("importeer-bijlage", str(path), stdout=io.StringIO())
