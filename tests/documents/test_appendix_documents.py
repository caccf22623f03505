"""The appendix renderers: same content in DOCX, PDF and HTML, robust to hard text."""

import datetime
import io
import shutil
import subprocess

import pytest

from oogst.documents.appendix import (
    Appendix,
    render_docx,
    render_html,
    render_pdf,
    write_atomically,
)
from oogst.rounds.snapshot import load

LONG_WORD = "Onderwijs" + "jeugdhulparrangementen" * 9  # 207 characters, no spaces
HARD = {
    "name": "Pilot € ë é",
    "slug": "hard",
    "korte_omschrijving": (
        "Financiële steun van € 200.000. "
        + LONG_WORD
        + "\n\n"
        + "Een lange alinea. " * 330
        + "\n\n- eerste punt\n- tweede punt"
    ),
    "programma": "Programma 5. Veiligheid",
    "portefeuille": "Openbare orde en Veiligheid",
    "portefeuillehouder": "",
    "doel": "Geëvalueerd doel",
    "startdatum": "4de kwartaal 2025",
    "einddatum": "Nader te bepalen",
    "evaluatiemoment": "2x per jaar",
    "uitkomst_evaluatie": "",
    "succesvol": "nog_niet_bekend",
    "succesvol_toelichting": "Het project bevindt zich in de uitvoeringsfase.",
    "beleid_aanpassen": "",
    "beleid_aanpassen_toelichting": "",
    "financieel_gevolg": "nvt",
    "financieel_gevolg_toelichting": "",
    "bestuurlijk_gerapporteerd": "<script>alert(1)</script>",
    "fase": "uitvoering",
    "resultaat": "",
    "status_updates": [
        {"date": "2025-02-01", "title": "Update", "text": "Opleiding gestart.", "author": ""}
    ],
}
PLAIN = {
    **HARD,
    "name": "Tuinrangers",
    "slug": "tuinrangers",
    "korte_omschrijving": "Kort.",
    "status_updates": [],
    "bestuurlijk_gerapporteerd": "N.v.t.",
}


def appendix(concept=False):
    return Appendix(
        title="Bijlage 6. Monitoring evaluatie Pilots",
        round_name="Perspectiefnota 2026",
        municipality="Gemeente Zoetermeer",
        inleiding="Deze bijlage geeft ...",
        concept=concept,
        peildatum=datetime.date(2025, 3, 1),
        # The renderers read round snapshots; these dicts are in the oldest stored schema.
        pilots=[load(HARD), load(PLAIN)],
    )


def test_the_docx_uses_real_headings_and_prints_answers_and_dates_as_written():
    import docx

    document = docx.Document(io.BytesIO(render_docx(appendix())))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Inleiding", "Pilot € ë é", "Tuinrangers"]
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [
        "Bijlage 6. Monitoring evaluatie Pilots"
    ]
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "4de kwartaal 2025" in cells
    assert "Nog niet bekend. Het project bevindt zich in de uitvoeringsfase." in cells
    assert "N.v.t." in cells
    assert any(LONG_WORD in c.replace("\u200b", "") for c in cells)
    assert not any(p.text == "CONCEPT" for p in document.sections[0].header.paragraphs)


def test_a_concept_is_marked_in_every_format():
    import docx
    from pdfminer.high_level import extract_text

    document = docx.Document(io.BytesIO(render_docx(appendix(concept=True))))
    assert document.sections[0].header.paragraphs[0].text == "CONCEPT"
    assert "CONCEPT" in extract_text(io.BytesIO(render_pdf(appendix(concept=True))))
    assert "CONCEPT" in render_html(appendix(concept=True))
    assert "CONCEPT" not in render_html(appendix())


def test_the_pdf_has_a_title_page_numbers_and_a_bookmark_per_pilot():
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    content = render_pdf(appendix())
    text = extract_text(io.BytesIO(content))
    assert "Pagina 1 van" in text and "€ 200.000" in text and "Financiële" in text
    document = PDFDocument(PDFParser(io.BytesIO(content)))
    titles = [title for _level, title, *_ in document.get_outlines()]
    assert {"Pilot € ë é", "Tuinrangers"} <= set(titles)
    from pdfminer.utils import decode_text

    assert decode_text(document.info[0]["Title"]).startswith("Bijlage 6.")


def test_html_escapes_markup_and_keeps_lists():
    html = render_html(appendix(), standalone=False)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert '<li class="utrecht-unordered-list__item">eerste punt</li>' in html


def test_libreoffice_converts_the_docx_to_pdf(tmp_path):
    from pdfminer.high_level import extract_text

    source = tmp_path / "bijlage.docx"
    source.write_bytes(render_docx(appendix()))
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run(
        [
            binary,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        timeout=180,
        capture_output=True,
    )
    assert "Tuinrangers" in extract_text(str(tmp_path / "bijlage.pdf"))


def test_write_atomically_leaves_nothing_behind_when_the_rename_fails(tmp_path, monkeypatch):
    import os

    target = tmp_path / "bijlage.pdf"

    def failing_replace(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        write_atomically(target, b"%PDF-1.7 ...")
    assert list(tmp_path.iterdir()) == []


def test_write_atomically_writes_the_content(tmp_path):
    target = tmp_path / "bijlage.html"
    write_atomically(target, "<p>ë</p>")
    assert target.read_text(encoding="utf-8") == "<p>ë</p>"


def test_control_characters_pasted_from_word_do_not_break_the_docx():
    import dataclasses

    import docx

    # Straight into the renderer, past the normaliser that cleans text on the way in.
    pasted = dataclasses.replace(
        load(PLAIN), name="Pilot\x0b met\x07 tekens", doel="Regel\x0cpagina"
    )
    document = docx.Document(
        io.BytesIO(
            render_docx(
                Appendix(
                    title="B",
                    round_name="R",
                    municipality="G",
                    inleiding="",
                    concept=False,
                    peildatum=None,
                    pilots=[pasted],
                )
            )
        )
    )
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [
        "Inleiding",
        "Pilot met tekens",
    ]
