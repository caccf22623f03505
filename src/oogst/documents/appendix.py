"""Bijlage 6 "Monitoring evaluatie Pilots" as DOCX, PDF and HTML, with the same content and order.

The renderers are pure: they read an `Appendix` and return bytes or text, never touching the
database, so the page, the command and tests share them. Word gets real heading styles
(Title, Heading 1, Heading 2) so a table of contents works and the municipality can restyle
the document in Word; the PDF is WeasyPrint's rendering of the standalone web page.
"""

import dataclasses
import datetime
import gc
import io
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from django.template.loader import render_to_string

from oogst.core.templatetags.oogst import LIST_ITEM

ANSWERS = {
    "ja": "Ja",
    "deels": "Deels",
    "nee": "Nee",
    "nog_niet_bekend": "Nog niet bekend",
    "nvt": "N.v.t.",
}
QUESTIONS = [
    ("succesvol", "Pilot succesvol? Zijn de vooraf gestelde doelen/resultaten gehaald?"),
    (
        "beleid_aanpassen",
        "Geven de resultaten van de pilot aanleiding om het bestaande beleid aan te passen?",
    ),
    ("financieel_gevolg", "Leidt aanpassing van het beleid tot een financieel gevolg?"),
]
MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


@dataclass(frozen=True)
class Appendix:
    title: str
    round_name: str
    municipality: str
    inleiding: str
    concept: bool
    peildatum: datetime.date | None
    pilots: list
    # The round's choice: print each pilot's lessons as a "Lessen" row.
    print_lessons: bool = False

    def __post_init__(self):
        # rows() prints the lessons a pilot carries; a round that does not print them hands
        # the renderers pilots without, so no renderer needs to know the setting.
        if not self.print_lessons:
            pilots = [
                dataclasses.replace(p, lessons=())
                if dataclasses.is_dataclass(p) and getattr(p, "lessons", None)
                else p
                for p in self.pilots
            ]
            object.__setattr__(self, "pilots", pilots)


def dutch_date(value) -> str:
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}" if value else ""


def answer_text(answer) -> str:
    """ "Nog niet bekend. Het project ..." as the appendix prints an answer."""
    label = ANSWERS.get(answer.answer or "", "")
    explanation = (answer.toelichting or "").strip()
    if label and explanation:
        return f"{label}. {explanation}"
    return label or explanation


def pilot_heading(pilot) -> str:
    return pilot.name


def rows(pilot) -> list[tuple[str, str]]:
    """The form of the seed appendix: (label, text) in print order.

    `pilot` is a round snapshot (rounds.snapshot.PilotSnapshot); this module reads its
    attributes and imports no app.
    """
    portefeuille = str(pilot.portefeuille) if pilot.portefeuille else ""
    programma_lines = [str(pilot.programma) if pilot.programma else ""]
    if portefeuille:
        programma_lines.append(f"Portefeuille {portefeuille}")
    result = [
        ("Naam pilot", pilot.name),
        ("Korte omschrijving", pilot.korte_omschrijving),
        ("Programma/Portefeuillehouder", "\n".join(filter(None, programma_lines))),
        ("Doel/Beoogd resultaat", pilot.doel),
        ("Startdatum", pilot.startdatum.text),
        ("Einddatum", pilot.einddatum.text),
        ("Evaluatiemoment", pilot.evaluatiemoment.text),
        ("Uitkomst evaluatie", pilot.uitkomst_evaluatie),
        *[(label, answer_text(getattr(pilot, field))) for field, label in QUESTIONS],
        ("Hoe bestuurlijk gerapporteerd?", pilot.bestuurlijk_gerapporteerd),
    ]
    if pilot.status_updates:
        parts = []
        for update in pilot.status_updates:
            heading = " — ".join(
                filter(None, [dutch_date(update.date) if update.date else "", update.title])
            )
            parts.append(f"{heading}\n{update.text}" if heading else update.text)
        result.append(("Stand van zaken", "\n\n".join(parts)))
    lessons = getattr(pilot, "lessons", ())
    if lessons:
        result.append(("Lessen", "\n\n".join(lesson_text(lesson) for lesson in lessons)))
    return result


LESSON_KINDS = {
    "werkte": "Wat werkte",
    "werkte_niet": "Wat werkte niet",
    "aanbeveling": "Aanbeveling",
}
DECISIONS = {"geborgd": "geborgd", "voortgezet": "voortgezet", "gestopt": "gestopt"}


def lesson_text(lesson) -> str:
    """ "Wat werkte: ... (thema's: ...; leidde tot: geborgd)" as the appendix prints a lesson."""
    notes = []
    if lesson.themes:
        notes.append("thema's: " + ", ".join(lesson.themes))
    if lesson.decision:
        notes.append("leidde tot: " + DECISIONS.get(lesson.decision, lesson.decision))
    if lesson.policy_change:
        notes.append("leidde tot de beleidsaanpassing")
    text = f"{LESSON_KINDS.get(lesson.kind, lesson.kind)}: {lesson.text}"
    return f"{text}\n({'; '.join(notes)})" if notes else text


def _context(appendix: Appendix, standalone: bool) -> dict:
    return {
        "appendix": appendix,
        "standalone": standalone,
        "peildatum": dutch_date(appendix.peildatum) if appendix.peildatum else "",
        "pilots": [
            {"name": pilot_heading(p), "anchor": f"pilot-{i + 1}", "rows": rows(p)}
            for i, p in enumerate(appendix.pilots)
        ],
    }


def render_html(appendix: Appendix, *, standalone: bool = True) -> str:
    return render_to_string("documents/appendix.html", _context(appendix, standalone))


def render_pdf(appendix: Appendix) -> bytes:
    from weasyprint import HTML  # imported lazily: heavy, and only documents need it

    html = HTML(string=render_html(appendix, standalone=True))
    # WeasyPrint builds millions of short-lived objects for a long appendix; Python's cyclic
    # collector would rescan them again and again (75 s -> 68 s for a 500-pilot appendix).
    # Reference counting still frees them; cycles are collected once, after rendering.
    collecting = gc.isenabled()
    gc.disable()
    try:
        # Tagged PDF, so screen readers can read the archived appendix.
        return html.write_pdf(pdf_variant="pdf/ua-1")
    except (ValueError, TypeError):
        return html.write_pdf()
    finally:
        if collecting:
            gc.enable()
        gc.collect()


def render_docx(appendix: Appendix) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Cm, Pt

    document = docx.Document()
    document.core_properties.title = f"{appendix.title} — {appendix.round_name}"
    document.core_properties.language = "nl-NL"
    document.styles["Normal"].font.size = Pt(10)
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2)
    if appendix.concept:
        header = section.header.paragraphs[0]
        header.text = "CONCEPT"
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        header.runs[0].bold = True
    document.add_heading(appendix.title, level=0)
    subtitle = appendix.round_name
    if appendix.peildatum:
        subtitle += f" — peildatum {dutch_date(appendix.peildatum)}"
    document.add_paragraph(subtitle)
    if appendix.concept:
        document.add_paragraph().add_run(
            "CONCEPT — deze bijlage is nog niet vastgesteld."
        ).bold = True
    document.add_heading("Inleiding", level=1)
    _docx_text(document, appendix.inleiding)
    # Hundreds of pilots: build their WordprocessingML in one go instead of object by
    # object (python-docx looks styles up by name on every call; 5x slower at 500 pilots).
    body = document.element.body
    section_properties = body[-1]
    for element in parse_xml(_pilots_xml(appendix.pilots)):
        section_properties.addprevious(element)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_blocks(text: str):
    for block in (text or "").replace("\r\n", "\n").strip().split("\n\n"):
        for line in block.split("\n"):
            if line.strip():
                if LIST_ITEM.match(line):
                    yield "item", LIST_ITEM.sub("", line, count=1).strip()
                else:
                    yield "para", line.strip()


def _docx_text(document, text):
    for kind, line in _docx_blocks(text):
        document.add_paragraph(line, style="List Bullet" if kind == "item" else None)


# Characters XML 1.0 cannot carry (pasted control characters) are dropped, never fatal.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
LABEL_WIDTH, VALUE_WIDTH = 3118, 6520  # twentieths of a point: 5.5 cm and 11.5 cm
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _run(text: str, bold: bool = False) -> str:
    text = xml_escape(_XML_INVALID.sub("", text))
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _cell_paragraphs(text: str) -> str:
    paragraphs = [
        f"<w:p>{_run(('• ' if kind == 'item' else '') + line)}</w:p>"
        for kind, line in _docx_blocks(text)
    ]
    return "".join(paragraphs) or "<w:p/>"


def _pilots_xml(pilots) -> str:
    parts = [f'<w:body xmlns:w="{W_NS}">']
    for pilot in pilots:
        parts.append(
            f'<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>{_run(pilot_heading(pilot))}</w:p>'
        )
        parts.append(
            '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
            '<w:tblLayout w:type="fixed"/></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{LABEL_WIDTH}"/><w:gridCol w:w="{VALUE_WIDTH}"/>'
            "</w:tblGrid>"
        )
        for label, text in rows(pilot):
            parts.append(
                f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{LABEL_WIDTH}" w:type="dxa"/></w:tcPr>'
                f"<w:p>{_run(label, bold=True)}</w:p></w:tc>"
                f'<w:tc><w:tcPr><w:tcW w:w="{VALUE_WIDTH}" w:type="dxa"/></w:tcPr>'
                f"{_cell_paragraphs(text)}</w:tc></w:tr>"
            )
        parts.append("</w:tbl><w:p/>")
    parts.append("</w:body>")
    return "".join(parts)


def write_atomically(path: Path, data: bytes | str) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written file."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
