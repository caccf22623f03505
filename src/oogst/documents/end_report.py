"""The end report (eindrapportage) of a pilot's participant monitoring, as DOCX and PDF.

Aggregate only: it is built from `participants.aggregates`, so every count below five people
already reads "<5" before it reaches a document.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone, translation

from oogst.participants import aggregates

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


def build(monitor, today=None) -> EndReport:
    from oogst.documents.appendix import dutch_date

    with translation.override("nl"):
        figures = aggregates.compute(monitor, today=today)
        reach = [
            ("Deelnemers bereikt", str(figures["reach"])),
            ("Streefaantal", str(figures["target"] or "niet vastgelegd")),
        ]
        if figures["reach_percent"] is not None:
            reach.append(
                ("Bereik ten opzichte van het streefaantal", f"{figures['reach_percent']}%")
            )
        reach += [
            ("Nog actief", str(figures["active"])),
            ("Uitgestroomd", str(figures["exited"])),
        ]
        labels = aggregates.MOVEMENT_LABELS
        return EndReport(
            title=f"Eindrapportage {monitor.pilot.name}",
            municipality=settings.OOGST_MUNICIPALITY,
            partner=monitor.partner.name,
            date=dutch_date(today or timezone.localdate()),
            doel=monitor.pilot.doel,
            reach=reach,
            phases=[(str(label), str(value)) for label, value in figures["phases"]],
            ladder=[(str(labels[k]), str(v)) for k, v in figures["movement"].items()],
            outcomes=[(str(label), str(value)) for label, value in figures["outcomes"]],
            zrm=[
                (str(d["label"]), [(str(labels[k]), str(v)) for k, v in d["figures"].items()])
                for d in figures["zrm"]
            ],
            evaluatie=monitor.evaluatie,
            aanbevelingen=monitor.aanbevelingen,
        )


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
    "Alle cijfers zijn geaggregeerd. Aantallen van minder dan vijf personen staan als “<5” "
    "vermeld, zodat niemand herkenbaar is."
)


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
