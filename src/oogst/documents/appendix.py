"""Bijlage 6 "Monitoring evaluatie Pilots" as DOCX, PDF and HTML, with the same content and order.

The renderers are pure: they read an `Appendix` and return bytes or text, never touching the
database, so the page, the command and tests share them. Word gets real heading styles
(the title as Title, Inleiding and every pilot as Heading 1) so Word's navigation and a table
of contents list every pilot, in the municipality's template; the PDF is Typst's rendering of
documents/typst/appendix.typ with the same content and order as the web page.
"""

import dataclasses
import datetime
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.template.loader import render_to_string

from oogst import money

from . import blocks, pdf, word

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
    # The round's choices: each pilot's indicators as a "Resultaten" table, and its budget
    # lines and funding end as a "Financiën" row.
    print_results: bool = False
    print_finances: bool = False

    def __post_init__(self):
        # rows() and results() print what a pilot carries; a round that does not print
        # something hands the renderers pilots without it, so no renderer knows the settings.
        left_out = {}
        if not self.print_lessons:
            left_out["lessons"] = ()
        if not self.print_results:
            left_out["indicators"] = ()
        if not self.print_finances:
            left_out.update(budget_lines=(), funding_ends=None)
        if left_out:
            pilots = [_without(p, left_out) for p in self.pilots]
            object.__setattr__(self, "pilots", pilots)


def _without(pilot, left_out: dict):
    if not dataclasses.is_dataclass(pilot):
        return pilot
    present = {k: v for k, v in left_out.items() if getattr(pilot, k, None)}
    return dataclasses.replace(pilot, **present) if present else pilot


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
    """The pilot's heading in every format (the only other thing renderers read of a pilot)."""
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
    finances = finances_text(pilot)
    if finances:
        result.append(("Financiën", finances))
    return result


RESULT_COLUMNS = ("Indicator", "Nulmeting", "Doel", "Gerealiseerd")


def _dmy(day) -> str:
    return f"{day.day}-{day.month}-{day.year}" if day else ""


def _figure(value, unit: str) -> str:
    return f"{money.number(value)} {unit}".strip() if value is not None else ""


def results(pilot) -> list[tuple[str, str, str, str]]:
    """The "Resultaten" table: per indicator its baseline, target and realised value (the
    latest measurement), each with its date; empty cells as "–"."""
    table = []
    for indicator in getattr(pilot, "indicators", ()):
        unit = indicator.unit
        baseline = _figure(indicator.baseline, unit)
        if baseline and indicator.baseline_date:
            baseline += f" ({_dmy(indicator.baseline_date)})"
        target = _figure(indicator.target, unit)
        if target and indicator.target_date.text:
            target += f" ({indicator.target_date.text})"
        measurements = sorted(indicator.measurements, key=lambda m: (m.date, m.id or 0))
        realised = ""
        if measurements:
            latest = measurements[-1]
            realised = f"{_figure(latest.value, unit)} ({_dmy(latest.date)})"
        table.append((indicator.name, baseline or "–", target or "–", realised or "–"))
    return table


FUNDING_KINDS = {
    "eigen_middelen": "Eigen middelen",
    "incidentele_rijksmiddelen": "Incidentele rijksmiddelen",
    "subsidie": "Subsidie",
    "fonds": "Fonds",
}
NATURES = {"structureel": "structureel", "incidenteel": "incidenteel"}


def finances_text(pilot) -> str:
    """The "Financiën" row: one line per budget line, the total and when funding ends."""
    lines = []
    budget_lines = getattr(pilot, "budget_lines", ())
    for line in budget_lines:
        source = FUNDING_KINDS.get(line.funding_kind, line.funding_kind)
        if line.funder:
            source = f"{source} ({line.funder})" if source else line.funder
        head = ", ".join(
            str(p) for p in (line.year, source, NATURES.get(line.nature, ""), line.description) if p
        )
        amounts = []
        if line.begroot is not None:
            amounts.append(f"begroot {money.euro(line.begroot)}")
        if line.besteed is not None:
            amounts.append(f"besteed {money.euro(line.besteed)}")
        lines.append(f"- {head}: {'; '.join(amounts)}")
    if len(budget_lines) > 1:
        totals = []
        for name, word in (("begroot", "begroot"), ("besteed", "besteed")):
            amounts = [
                getattr(line, name) for line in budget_lines if getattr(line, name) is not None
            ]
            if amounts:
                totals.append(f"{word} {money.euro(sum(amounts))}")
        lines.append(f"Totaal: {'; '.join(totals)}")
    funding_ends = getattr(pilot, "funding_ends", None)
    if funding_ends:
        lines.append(f"Financiering loopt af op {dutch_date(funding_ends)}.")
    return "\n".join(lines)


def _meta(appendix: Appendix) -> str:
    parts = [appendix.municipality, appendix.round_name]
    if appendix.peildatum:
        parts.append(f"peildatum {dutch_date(appendix.peildatum)}")
    return " · ".join(parts)


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
            {
                "name": pilot_heading(p),
                "anchor": f"pilot-{i + 1}",
                "rows": rows(p),
                "results": results(p),
            }
            for i, p in enumerate(appendix.pilots)
        ],
    }


def render_html(appendix: Appendix, *, standalone: bool = True) -> str:
    return render_to_string("documents/appendix.html", _context(appendix, standalone))


def render_pdf(appendix: Appendix) -> bytes:
    data = {
        "title": appendix.title,
        "municipality": appendix.municipality,
        "concept": appendix.concept,
        "concept_notice": CONCEPT_NOTICE,
        "running": f"{appendix.title} — {appendix.round_name}",
        "meta": _meta(appendix),
        "inleiding": blocks.as_json(appendix.inleiding),
        "result_columns": RESULT_COLUMNS,
        "pilots": [
            {
                "heading": pilot_heading(pilot),
                "rows": [
                    {"label": label, "value": blocks.as_json(text)} for label, text in rows(pilot)
                ],
                "results": [[blocks.clean(cell) for cell in row] for row in results(pilot)],
            }
            for pilot in appendix.pilots
        ],
    }
    return pdf.render("appendix", data)


CONCEPT_NOTICE = "CONCEPT — deze bijlage is nog niet vastgesteld."


def render_docx(appendix: Appendix) -> bytes:
    from docx.oxml import parse_xml

    document = word.new_document(
        title=f"{appendix.title} — {appendix.round_name}", author=appendix.municipality
    )
    if appendix.concept:
        word.mark_concept(document)
    document.add_paragraph(blocks.clean(appendix.title), style="Title")
    document.add_paragraph(blocks.clean(_meta(appendix)))
    if appendix.concept:
        document.add_paragraph().add_run(CONCEPT_NOTICE).bold = True
    # Inleiding and every pilot are Heading 1: top level in Word's navigation and contents.
    document.add_heading("Inleiding", level=1)
    word.add_text(document, appendix.inleiding)
    # Hundreds of pilots: build their WordprocessingML in one go instead of object by
    # object (python-docx looks styles up by name on every call; 5x slower at 500 pilots).
    body = document.element.body
    section_properties = body[-1]
    for element in parse_xml(_pilots_xml(appendix.pilots, document)):
        section_properties.addprevious(element)
    return word.to_bytes(document)


LABEL_WIDTH, VALUE_WIDTH = 3118, 6520  # twentieths of a point: 5.5 cm and 11.5 cm


def _pilots_xml(pilots, document) -> str:
    heading = word.style_id(document, "Heading 1")
    table_style = word.style_id(document, "Table Grid")
    lists = {
        kind: style and word.style_id(document, style)
        for kind in ("bullets", "numbers")
        for style in [word.list_style(document, kind)]
    }
    # A fixed layout keeps the label column at 5.5 cm whatever the text; a long word wraps
    # inside its cell at the break opportunities blocks.breakable() gives it.
    cell = '<w:tcPr><w:tcW w:w="{}" w:type="dxa"/></w:tcPr>'
    parts = [f'<w:body xmlns:w="{word.W_NS}">']
    for pilot in pilots:
        parts.append(
            f'<w:p><w:pPr><w:pStyle w:val="{heading}"/></w:pPr>'
            f"{word.run_xml(pilot_heading(pilot))}</w:p>"
        )
        parts.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{table_style}"/>'
            f'<w:tblW w:w="{LABEL_WIDTH + VALUE_WIDTH}" w:type="dxa"/>'
            '<w:tblLayout w:type="fixed"/></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{LABEL_WIDTH}"/><w:gridCol w:w="{VALUE_WIDTH}"/>'
            "</w:tblGrid>"
        )
        for label, text in rows(pilot):
            parts.append(
                f"<w:tr><w:tc>{cell.format(LABEL_WIDTH)}"
                f"<w:p>{word.run_xml(label, bold=True)}</w:p></w:tc>"
                f"<w:tc>{cell.format(VALUE_WIDTH)}{word.text_xml(text, lists)}</w:tc></w:tr>"
            )
        parts.append("</w:tbl><w:p/>")
        table = results(pilot)
        if table:
            parts.append(f"<w:p>{word.run_xml('Resultaten', bold=True)}</w:p>")
            parts.append(_results_xml(table, table_style, cell))
    parts.append("</w:body>")
    return "".join(parts)


RESULT_WIDTHS = (3058, 2193, 2193, 2194)  # the form's width over four columns


def _results_xml(table, table_style: str, cell: str) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in RESULT_WIDTHS)
    # The header row repeats on every page the table spans (tblHeader).
    header = "".join(
        f"<w:tc>{cell.format(w)}<w:p>{word.run_xml(name, bold=True)}</w:p></w:tc>"
        for name, w in zip(RESULT_COLUMNS, RESULT_WIDTHS, strict=True)
    )
    body = "".join(
        "<w:tr>"
        + "".join(
            f"<w:tc>{cell.format(w)}<w:p>{word.run_xml(value)}</w:p></w:tc>"
            for value, w in zip(row, RESULT_WIDTHS, strict=True)
        )
        + "</w:tr>"
        for row in table
    )
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{table_style}"/>'
        f'<w:tblW w:w="{sum(RESULT_WIDTHS)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{header}</w:tr>{body}</w:tbl><w:p/>"
    )


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
