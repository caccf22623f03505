"""The end report (eindrapportage) of a pilot's participant monitoring, as DOCX and PDF.

Aggregate only: `participants.services.end_report()` builds the `EndReport` from
`participants.disclosure` (the whole group, as on the figures page), so every hidden count
already reads "<5" or "onderdrukt" before it reaches this renderer, which imports no app.
"""

from dataclasses import dataclass

from . import blocks, pdf, word


@dataclass(frozen=True)
class EndReport:
    title: str
    municipality: str
    partner: str
    date: str
    doel: str
    reach: list  # (label, value) rows
    phases: list
    ladder: list
    outcomes: list
    zrm: list  # (domain, [(label, value)])
    evaluatie: str
    aanbevelingen: str


def sections(report: EndReport) -> list[tuple[str, list]]:
    """(heading, table rows) of the figures, in print order."""
    result = [
        ("Bereik", report.reach),
        ("Deelnemers per fase (actief)", report.phases),
        ("Voortgang op de Participatieladder (eerste tot laatste meting)", report.ladder),
        ("Uitstroom", report.outcomes),
    ]
    result += [(f"Zelfredzaamheidsmatrix: {domain}", rows) for domain, rows in report.zrm]
    return result


NOTE = (
    "Alle cijfers zijn geaggregeerd, zodat niemand herkenbaar is. “<5” betekent: 1 tot 4 "
    "personen. “onderdrukt” betekent: 5 of meer personen, weggelaten omdat een klein aantal "
    "anders uit de andere cijfers terug te rekenen zou zijn. Een tabel die ook zo nog een klein "
    "aantal zou verraden, staat er niet in (“niet getoond”)."
)
NOT_SHOWN = "niet getoond: zou kleine aantallen verraden"


def _meta(report: EndReport) -> str:
    return f"{report.municipality} · uitgevoerd door {report.partner} · {report.date}"


def render_docx(report: EndReport) -> bytes:
    document = word.new_document(title=report.title, author=report.municipality)
    document.add_paragraph(blocks.clean(report.title), style="Title")
    document.add_paragraph(blocks.clean(_meta(report)))
    document.add_heading("Doel", level=1)
    word.add_text(document, report.doel, empty="Niet ingevuld.")
    document.add_heading("Resultaten", level=1)
    document.add_paragraph(NOTE)
    for heading, rows in sections(report):
        document.add_heading(blocks.clean(heading), level=2)
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = blocks.clean(label), blocks.clean(value)
    document.add_heading("Evaluatie", level=1)
    word.add_text(document, report.evaluatie, empty="Nog niet geschreven.")
    document.add_heading("Aanbevelingen", level=1)
    word.add_text(document, report.aanbevelingen, empty="Nog niet geschreven.")
    return word.to_bytes(document)


def _text(text: str, empty: str) -> list:
    return blocks.as_json(text) or [{"kind": "paragraph", "lines": [empty]}]


def render_pdf(report: EndReport) -> bytes:
    return pdf.render(
        "end_report",
        {
            "title": report.title,
            "municipality": report.municipality,
            "concept": False,
            "running": report.title,
            "meta": _meta(report),
            "note": NOTE,
            "doel": _text(report.doel, "Niet ingevuld."),
            "sections": [
                {"heading": heading, "rows": [list(row) for row in rows]}
                for heading, rows in sections(report)
            ],
            "evaluatie": _text(report.evaluatie, "Nog niet geschreven."),
            "aanbevelingen": _text(report.aanbevelingen, "Nog niet geschreven."),
        },
    )
