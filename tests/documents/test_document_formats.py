"""Every document in every format: tagged, Dutch, titled PDFs and Word files in the house style.

The appendix, the council memo, the end report and the inzage export are rendered from typed
data (no database), then read back with pikepdf, pdfminer and python-docx.
"""

import datetime
import io
import re
import shutil
import subprocess

import pikepdf
import pytest
from pdfminer.high_level import extract_text

from oogst.documents import appendix, end_report, inzage, memo, pdf, word
from oogst.documents.end_report import EndReport
from oogst.documents.memo import MemoDocument
from oogst.rounds.snapshot import load as as_pilot  # the renderers read typed snapshots

from .test_appendix_documents import HARD, PLAIN

MUNICIPALITY = "Gemeente Zoetermeer"
ZWSP = "\u200b"


def an_appendix(pilots=(HARD, PLAIN), inleiding="Deze bijlage geeft de stand van zaken."):
    return appendix.Appendix(
        title="Bijlage 6. Monitoring evaluatie Pilots",
        round_name="Perspectiefnota 2026",
        municipality=MUNICIPALITY,
        inleiding=inleiding,
        concept=False,
        peildatum=datetime.date(2025, 3, 1),
        pilots=[as_pilot(pilot) for pilot in pilots],
    )


def a_memo(body="40 statushouders, €70.000, Stichting Piëzo.\n\n1. eerste stap\n2. tweede stap"):
    return MemoDocument(
        municipality=MUNICIPALITY,
        reference="2025-065916",
        onderwerp="Memo raad afdoening motie 2411-62",
        bijlagen="2",
        sections=[
            ("Aanleiding", "Tijdens de raadsvergadering van 11 november 2024 ..."),
            ("Pilot Samen bouwen", body),
            ("Conclusie", "Als afgedaan beschouwen."),
        ],
        contact=[("Naam", "S. Ziani"), ("Telefoon", "079-3468667"), ("E-mailadres", "s@z.nl")],
    )


def a_report(evaluatie="De pilot werkte.\n- meer bereik\n- minder uitval"):
    return EndReport(
        title="Eindrapportage Samen bouwen",
        municipality=MUNICIPALITY,
        partner="Stichting Piëzo",
        date="1 maart 2026",
        doel="Veertig statushouders aan het werk.",
        reach=[("Deelnemers bereikt", "40"), ("Streefaantal", "40")],
        phases=[("Intake", "<5"), ("Werk", "12")],
        ladder=[("Gestegen", "20")],
        outcomes=[("Betaald werk", "9")],
        zrm=[("Financiën", [("Gestegen", "7")])],
        evaluatie=evaluatie,
        aanbevelingen="Doorgaan.",
    )


def a_record(notities="Belt liever dan te mailen."):
    return {
        "code": "P-7KQ2",
        "pilot": "Samen bouwen",
        "organisatie": "Stichting Piëzo",
        "startdatum": "2025-01-06",
        "persoonsgegevens": {"naam": "A. de Vries"},
        "notities": notities,
        "fasen": [{"fase": "Intake", "datum": "2025-01-06"}],
        "participatieladder": [{"datum": "2025-01-06", "trede": 2, "omschrijving": "Sociaal"}],
        "zelfredzaamheidsmatrix": [],
        "activiteiten": [{"datum": "2025-02-01", "activiteit": "Taalles"}],
        "uitstroom": None,
        "inzage_samenvatting": [{"maand": "2025-03", "handeling": "inzage", "aantal": 1}],
        "inzage_in_dossier": [
            {"wanneer": "2025-03-01T10:00", "wie": "Bob", "handeling": "inzage", "waarom": "x"}
        ],
    }


# (document, its title, its H1s in order, text that must come in this reading order)
PDFS = {
    "appendix": (
        lambda: appendix.render_pdf(an_appendix()),
        "Bijlage 6. Monitoring evaluatie Pilots",
        ["Bijlage 6. Monitoring evaluatie Pilots", "Inleiding", "Pilot € ë é", "Naam pilot",
         "Korte omschrijving", "Financiële steun van € 200.000.", "eerste punt", "Stand van zaken",
         "Tuinrangers"],
    ),
    "memo": (
        lambda: memo.render_pdf(a_memo()),
        "Memo raad afdoening motie 2411-62",
        ["Onderwerp", "Bijlagen", "2025-065916, Memo raad afdoening motie 2411-62", "Aanleiding",
         "Pilot Samen bouwen", "eerste stap", "tweede stap", "Conclusie",
         "Voor technische vragen kunt u zich wenden tot:", "S. Ziani"],
    ),
    "end_report": (
        lambda: end_report.render_pdf(a_report()),
        "Eindrapportage Samen bouwen",
        ["Eindrapportage Samen bouwen", "Doel", "Veertig statushouders", "Resultaten",
         "Deelnemers bereikt", "<5", "Zelfredzaamheidsmatrix: Financiën", "Evaluatie",
         "meer bereik", "minder uitval", "Aanbevelingen", "Doorgaan."],
    ),
    "inzage": (
        lambda: inzage.render_pdf(a_record()),
        "Inzage gegevens deelnemer P-7KQ2",
        ["Inzage gegevens deelnemer P-7KQ2", "Gegevens", "A. de Vries", "Belt liever",
         "Fasen", "Intake", "Participatieladder", "Sociaal", "Activiteiten", "Taalles",
         "Inzage en wijzigingen per maand", "2025-03",
         "keer dat het dossier is ingezien of gewijzigd", "Bob"],
    ),
}  # fmt: skip


def pdf_text(content: bytes) -> str:
    """The text in content-stream order, which is Typst's reading order (row by row)."""
    result = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=content, capture_output=True
    )
    return result.stdout.decode("utf-8").replace(ZWSP, "")


def body_text(content: bytes) -> str:
    """The PDF's text without the running header and footer of each page."""
    running = re.compile(rf"^({MUNICIPALITY}( CONCEPT)?|.* Pagina \d+ van \d+)$")
    return "\n".join(line for line in pdf_text(content).splitlines() if not running.match(line))


def squeezed(text: str) -> str:
    """Text without any whitespace: line wrapping may fall anywhere in a long word."""
    return "".join(text.replace(ZWSP, "").split())


def structure_types(document) -> list[str]:
    types = []

    def walk(node):
        if isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                types.append(str(node.S))
            kids = node.get("/K")
            if kids is not None:
                for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                    walk(kid)

    walk(document.Root.StructTreeRoot)
    return types


def unembedded_fonts(document) -> list[str]:
    missing = []
    for page in document.pages:
        for font in page.Resources.get("/Font", {}).values():
            descendants = font.get("/DescendantFonts")
            described = descendants[0] if descendants else font
            descriptor = described.get("/FontDescriptor")
            if font.get("/Subtype") == "/Type3":
                continue  # drawn by the PDF itself
            if descriptor is None or not any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                missing.append(str(font.get("/BaseFont")))
    return missing


def text_operators_in_artifacts(page) -> int:
    """How many text-showing operators on `page` sit inside /Artifact marked content."""
    count = depth = artifact_depth = 0
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name in ("BDC", "BMC"):
            depth += 1
            if not artifact_depth and str(operands[0]) == "/Artifact":
                artifact_depth = depth
        elif name == "EMC":
            if artifact_depth == depth:
                artifact_depth = 0
            depth -= 1
        elif name in ("Tj", "TJ", "'", '"') and artifact_depth:
            count += 1
    return count


def assert_in_order(text, needles):
    """Each needle appears after the one before it."""
    position = 0
    for needle in needles:
        found = text.find(needle, position)
        assert found >= 0, (needle, text[position : position + 300])
        position = found + len(needle)


@pytest.mark.parametrize("name", PDFS)
def test_every_pdf_is_tagged_dutch_titled_archival_and_embeds_its_fonts(name):
    render, title, order = PDFS[name]
    content = render()
    with pikepdf.open(io.BytesIO(content)) as document:
        assert "/StructTreeRoot" in document.Root
        types = structure_types(document)
        assert "/H1" in types and "/H2" in types
        assert str(document.Root.Lang) == "nl-NL"
        assert document.Root.MarkInfo.Marked
        assert "/Outlines" in document.Root  # bookmarks from the headings
        assert document.Root.ViewerPreferences.DisplayDocTitle
        with document.open_metadata() as xmp:
            assert xmp["dc:title"] == title
            assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("2", "A")
            assert xmp["pdfuaid:part"] == "1"
            assert xmp["dc:creator"] == [MUNICIPALITY]
        assert unembedded_fonts(document) == []
        # The running header (municipality) and footer (title, "Pagina N van M") on every
        # page are artifacts, so a screen reader does not read them out page after page.
        assert all(text_operators_in_artifacts(page) >= 3 for page in document.pages)
    text = pdf_text(content)
    assert_in_order(" ".join(text.split()), order)
    assert "Pagina 1 van" in text and MUNICIPALITY in text


def test_a_concept_appendix_is_marked_in_the_pdf_header_and_under_the_title():
    concept = appendix.Appendix(**{**an_appendix().__dict__, "concept": True})
    text = extract_text(io.BytesIO(appendix.render_pdf(concept)))
    assert text.count("CONCEPT") >= 2
    assert "CONCEPT" not in extract_text(io.BytesIO(appendix.render_pdf(an_appendix())))


# --- Word ------------------------------------------------------------------------------------

DOCXS = {
    "appendix": (lambda: appendix.render_docx(an_appendix()), "Bijlage 6. Monitoring evaluatie"),
    "memo": (lambda: memo.render_docx(a_memo()), "Memo raad afdoening motie 2411-62"),
    "end_report": (lambda: end_report.render_docx(a_report()), "Eindrapportage Samen bouwen"),
}


def open_docx(content):
    import docx

    return docx.Document(io.BytesIO(content))


def docx_text(document) -> str:
    from docx.oxml.ns import qn

    return "\n".join(
        "".join(t.text or "" for t in p.iter(qn("w:t")))
        for p in document.element.body.iter(qn("w:p"))
    ).replace(ZWSP, "")


@pytest.mark.parametrize("name", DOCXS)
def test_every_docx_is_a4_dutch_numbered_and_names_the_municipality(name):
    from docx.oxml.ns import qn
    from docx.shared import Mm

    render, title = DOCXS[name]
    before = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    document = open_docx(render())
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    styles = document.styles.element
    default_lang = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert default_lang.find(qn("w:lang")).get(qn("w:val")) == "nl-NL"
    normal = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert normal.get(qn("w:val")) == "nl-NL"
    properties = document.core_properties
    assert properties.title.startswith(title)
    assert properties.author == properties.last_modified_by == MUNICIPALITY
    assert properties.created >= before
    footer = section.footer._element.xml
    assert "Pagina" in footer and " PAGE " in footer and " NUMPAGES " in footer


def headings(document):
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name == "Title" or p.style.name.startswith("Heading")
    ]


def test_the_appendix_docx_has_every_pilot_at_the_top_of_the_navigation():
    document = open_docx(appendix.render_docx(an_appendix()))
    assert headings(document) == [
        ("Title", "Bijlage 6. Monitoring evaluatie Pilots"),
        ("Heading 1", "Inleiding"),
        ("Heading 1", "Pilot € ë é"),
        ("Heading 1", "Tuinrangers"),
    ]
    table = document.tables[0]
    assert (
        table._tbl.tblPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblLayout"
        ).get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}type")
        == "fixed"
    )
    assert [c.width for c in table.rows[0].cells] == [table.rows[1].cells[0].width, 4140200]


def test_the_memo_and_end_report_docx_have_their_sections_as_headings():
    assert headings(open_docx(memo.render_docx(a_memo()))) == [
        ("Title", "Memo raad afdoening motie 2411-62"),
        ("Heading 1", "Aanleiding"),
        ("Heading 1", "Pilot Samen bouwen"),
        ("Heading 1", "Conclusie"),
    ]
    report = headings(open_docx(end_report.render_docx(a_report())))
    assert report[:3] == [
        ("Title", "Eindrapportage Samen bouwen"),
        ("Heading 1", "Doel"),
        ("Heading 1", "Resultaten"),
    ]
    assert ("Heading 2", "Deelnemers per fase (actief)") in report


def test_numbered_and_bullet_lists_are_lists_in_word_as_on_the_web_page():
    document = open_docx(memo.render_docx(a_memo()))
    assert [(p.style.name, p.text) for p in document.paragraphs if "stap" in p.text] == [
        ("List Number", "eerste stap"),
        ("List Number", "tweede stap"),
    ]
    report = open_docx(end_report.render_docx(a_report()))
    assert [p.text for p in report.paragraphs if p.style.name == "List Bullet"] == [
        "meer bereik",
        "minder uitval",
    ]


@pytest.fixture
def house_template(tmp_path):
    import docx
    from docx.shared import Mm, Pt

    template = docx.Document()
    section = template.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = Mm(35)
    section.header.paragraphs[0].text = "Huisstijl Gemeente Voorbeeld"
    template.styles["Heading 1"].font.size = Pt(21)
    template.add_paragraph("Voorbeeldtekst die niet in het document hoort.")
    path = tmp_path / "huisstijl.docx"
    template.save(path)
    return path


@pytest.mark.parametrize("name", DOCXS)
def test_the_municipalitys_word_template_gives_styles_page_setup_and_header(
    name, house_template, settings
):
    from docx.shared import Mm, Pt

    settings.OOGST_DOCX_TEMPLATE = str(house_template)
    document = open_docx(DOCXS[name][0]())
    assert abs(document.sections[0].left_margin - Mm(35)) < Mm(0.1)
    assert "Huisstijl Gemeente Voorbeeld" in document.sections[0].header.paragraphs[-1].text
    assert document.styles["Heading 1"].font.size == Pt(21)
    assert "Voorbeeldtekst" not in docx_text(document)
    assert any(p.style.name == "Heading 1" for p in document.paragraphs)


@pytest.fixture
def bare_template(tmp_path):
    """A template as Word saves it: only the styles it uses (no Title, headings, lists, grid)."""
    import docx

    template = docx.Document()
    for style in list(template.styles):
        if style.name in (*word.NEEDED_STYLES, "List Bullet", "List Number"):
            template.styles.element.remove(style.element)
    path = tmp_path / "kaal.docx"
    template.save(path)
    return path


@pytest.mark.parametrize("name", DOCXS)
def test_a_template_without_the_needed_styles_still_gives_headings_and_lists(
    name, bare_template, settings
):
    settings.OOGST_DOCX_TEMPLATE = str(bare_template)
    render = {
        "appendix": lambda: appendix.render_docx(an_appendix()),
        "memo": lambda: memo.render_docx(a_memo()),
        "end_report": lambda: end_report.render_docx(a_report()),
    }[name]
    document = open_docx(render())
    assert "Heading 1" in {style for style, _text in headings(document)}
    assert ("Title", DOCXS[name][1]) in [
        (s, t[: len(DOCXS[name][1])]) for s, t in headings(document)
    ]
    text = docx_text(document)
    assert {"appendix": "• eerste punt", "memo": "1. eerste stap", "end_report": "• meer bereik"}[
        name
    ] in text


# --- Bad input -------------------------------------------------------------------------------

WORD_20K = "Zorgverzekeringswet" * 1053  # 20,007 characters, no space
HOSTILE = (
    '#read("/etc/passwd") #include "x" $x^2$ *vet* _schuin_ <label> ]]> @ref `code` \\ '
    "[link](http://x) {{ ctx }} </w:t>"
)
NASTY = f"{HOSTILE}\nstuur\x07 tekens\x0b mee \u202eomgekeerd\u202c klaar\n{WORD_20K}"
NASTY_SHOWN = f"{HOSTILE}\nstuur tekens mee omgekeerd klaar"


def visible(text: str) -> str:
    return " ".join(text.replace(ZWSP, "").split())


def nasty_documents():
    pilot = {**PLAIN, "name": HOSTILE, "doel": NASTY}
    return {
        "appendix": (
            lambda: appendix.render_pdf(an_appendix([pilot], NASTY)),
            lambda: appendix.render_docx(an_appendix([pilot], NASTY)),
        ),
        "memo": (lambda: memo.render_pdf(a_memo(NASTY)), lambda: memo.render_docx(a_memo(NASTY))),
        "end_report": (
            lambda: end_report.render_pdf(a_report(NASTY)),
            lambda: end_report.render_docx(a_report(NASTY)),
        ),
        "inzage": (lambda: inzage.render_pdf(a_record(NASTY)), None),
    }


@pytest.mark.parametrize("name", ["appendix", "memo", "end_report", "inzage"])
def test_typst_and_word_syntax_in_user_text_comes_out_literally(name):
    render_pdf, render_docx = nasty_documents()[name]
    texts = [body_text(render_pdf())]
    if render_docx:
        texts.append(docx_text(open_docx(render_docx())))
    for text in texts:
        # Wrapping may split any word across lines, so whitespace is left out of the comparison;
        # control characters and the right-to-left override are gone, the rest is literal.
        assert_in_order(squeezed(text), [squeezed(NASTY_SHOWN), WORD_20K])
        assert "root:" not in text  # /etc/passwd was never read


def test_a_long_word_wraps_inside_its_cell_instead_of_running_off_the_page():
    content = appendix.render_pdf(an_appendix([{**PLAIN, "doel": WORD_20K}]))
    with pikepdf.open(io.BytesIO(content)) as document:
        width = float(document.pages[0].MediaBox[2])
        pages = len(document.pages)
    assert pages >= 3  # 20,000 characters fill pages, they do not run off one line
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    for page in extract_pages(io.BytesIO(content)):
        for element in page:
            if isinstance(element, LTTextContainer):
                assert element.x1 <= width


def test_the_template_folder_is_typsts_root_so_no_other_file_can_be_read(tmp_path, monkeypatch):
    (tmp_path / "sneaky.typ").write_text('#read("/etc/passwd")')
    monkeypatch.setattr(pdf, "TEMPLATES", tmp_path)
    with pytest.raises(pdf.PdfError) as error:
        pdf.render("sneaky", {})
    # Typst resolves even an absolute path inside its root, the template folder.
    assert str(tmp_path / "etc" / "passwd") in str(error.value)


def test_typst_runs_in_a_child_process_so_its_caches_never_grow_the_web_worker():
    import sys

    assert memo.render_pdf(a_memo()).startswith(b"%PDF")
    assert "typst" not in sys.modules


def test_a_character_the_font_lacks_becomes_a_box_instead_of_failing_the_archive_pdf():
    content = memo.render_pdf(a_memo("Goed gedaan 👍 漢字"))
    assert "Goed gedaan □ □□" in extract_text(io.BytesIO(content))


# --- LibreOffice ----------------------------------------------------------------------------


def libreoffice_pdf(source, tmp_path):
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run(
        [binary, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, timeout=180, capture_output=True,
    )  # fmt: skip
    return tmp_path / f"{source.stem}.pdf"


@pytest.mark.parametrize("name", DOCXS)
def test_libreoffice_opens_every_docx_and_keeps_its_text(name, tmp_path):
    source = tmp_path / f"{name}.docx"
    source.write_bytes(DOCXS[name][0]())
    text = visible(extract_text(str(libreoffice_pdf(source, tmp_path))))
    document = open_docx(source.read_bytes())
    for paragraph in document.paragraphs:
        if paragraph.text.strip():
            assert visible(paragraph.text) in text
