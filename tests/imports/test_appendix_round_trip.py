"""Oogst's own appendix of the demo round imports back into an empty register, field by field."""

import io

from django.core.management import call_command
from django.db import transaction

from oogst.pilots import imports
from oogst.pilots.models import ImportKind, ImportStatus, Pilot
from oogst.rounds import services as round_services
from oogst.rounds import snapshot as snapshot_contract
from oogst.rounds.models import Round


def printed_blocks(text: str) -> list[str]:
    """A text as Word shows it: its non-empty lines, list markers made alike."""
    lines = []
    for line in text.split("\n"):
        line = line.strip()
        if line:
            lines.append("- " + line[2:] if line.startswith(("- ", "• ")) else line)
    return lines


def as_printed(snapshot) -> dict:
    """Every field the appendix prints, from a round snapshot."""
    return {
        "name": snapshot.name,
        "korte_omschrijving": snapshot.korte_omschrijving,
        "programma": (snapshot.programma.number, snapshot.programma.name)
        if snapshot.programma
        else None,
        "portefeuille": (snapshot.portefeuille.name, snapshot.portefeuille.portefeuillehouder)
        if snapshot.portefeuille
        else None,
        "doel": snapshot.doel,
        "startdatum": snapshot.startdatum.text,
        "einddatum": snapshot.einddatum.text,
        "evaluatiemoment": snapshot.evaluatiemoment.text,
        "uitkomst_evaluatie": snapshot.uitkomst_evaluatie,
        "succesvol": (snapshot.succesvol.answer, snapshot.succesvol.toelichting),
        "beleid_aanpassen": (
            snapshot.beleid_aanpassen.answer,
            snapshot.beleid_aanpassen.toelichting,
        ),
        "financieel_gevolg": (
            snapshot.financieel_gevolg.answer,
            snapshot.financieel_gevolg.toelichting,
        ),
        "bestuurlijk_gerapporteerd": snapshot.bestuurlijk_gerapporteerd,
        # Word cannot tell an undated update's title from its first line, nor where one
        # undated update ends and the next begins: the progress updates are compared as
        # printed, date lines and text.
        "stand_van_zaken": printed_blocks(
            "\n".join(
                "\n".join(filter(None, [u.date.isoformat() if u.date else "", u.title, u.text]))
                for u in snapshot.status_updates
            )
        ),
    }


def test_the_demo_appendix_comes_back_with_every_field_equal(
    carol, django_capture_on_commit_callbacks
):
    # Render the demo round's appendix with whatever the DOCX renderer is, then forget the
    # demo: the import goes into an empty register.
    with transaction.atomic():
        call_command("loaddemo", stdout=io.StringIO())
        round = Round.objects.get(slug="perspectiefnota-2026")
        docx = round_services.render_appendix(round, "docx")
        expected = {s.name: as_printed(s) for s in round_services.snapshots(round)}
        transaction.set_rollback(True)
    assert not Pilot.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        job = imports.start_import(actor=carol, kind=ImportKind.APPENDIX, name="b6.docx", data=docx)
    job.refresh_from_db()
    assert job.status == ImportStatus.READY, job.error
    assert job.preview["importable"] == len(expected)
    imports.apply_appendix(actor=carol, job=job)

    pilots = Pilot.objects.select_related("programma", "portefeuille").prefetch_related(
        "status_updates", "partners", "owner"
    )
    found = {p.name: as_printed(snapshot_contract.build(p)) for p in pilots}
    assert len(expected) >= 11 and sorted(found) == sorted(expected)
    for name, fields in expected.items():
        assert found[name] == fields, name
