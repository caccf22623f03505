"""A participant's own data as a readable PDF, for a request for access (inzageverzoek).

It reads the same record as the JSON export (`participants.services.inzage_record`), so the
person gets the same data in both.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from . import blocks, pdf

# The PDF lists the most recent accesses one by one and summarises the rest per month and kind,
# so it stays a few pages however often the record was opened (the JSON holds every access).
RECENT_ACCESSES = 25

INTRO = (
    "Dit overzicht bevat alle gegevens die Oogst over deze deelnemer bewaart (AVG artikel 15), "
    "en wie het dossier wanneer heeft ingezien."
)


def lists(record: dict) -> list[tuple[str, list[str], list[tuple]]]:
    """(heading, column names, rows) of the record's dated lists, in print order."""
    return [
        ("Fasen", ["Datum", "Fase"], [(r["datum"], r["fase"]) for r in record["fasen"]]),
        (
            "Participatieladder",
            ["Datum", "Trede"],
            [(r["datum"], r["omschrijving"]) for r in record["participatieladder"]],
        ),
        (
            "Zelfredzaamheidsmatrix",
            ["Datum", "Domein", "Score"],
            [(r["datum"], r["domein"], r["score"]) for r in record["zelfredzaamheidsmatrix"]],
        ),
        (
            "Activiteiten",
            ["Datum", "Activiteit"],
            [(r["datum"], r["activiteit"]) for r in record["activiteiten"]],
        ),
        (
            "Inzage en wijzigingen per maand",
            ["Maand", "Handeling", "Aantal keer"],
            [(r["maand"], r["handeling"], r["aantal"]) for r in record["inzage_samenvatting"]],
        ),
        (
            f"De laatste {RECENT_ACCESSES} keer dat het dossier is ingezien of gewijzigd",
            ["Wanneer", "Wie", "Handeling", "Waarom"],
            [
                (r["wanneer"], r["wie"], r["handeling"], r["waarom"])
                for r in reversed(record["inzage_in_dossier"][-RECENT_ACCESSES:])
            ],
        ),
    ]


def render_pdf(
    record: dict, *, municipality: str | None = None, today: datetime.date | None = None
) -> bytes:
    title = f"Inzage gegevens deelnemer {record['code']}"
    gegevens = [("Code", record["code"]), ("Startdatum", record["startdatum"])]
    gegevens += [(name, value) for name, value in record["persoonsgegevens"].items()]
    if record.get("notities"):
        gegevens.append(("Notities", record["notities"]))
    if record.get("uitstroom"):
        exit = record["uitstroom"]
        gegevens.append(("Uitstroom", f"{exit['datum']}: {exit['uitkomst']}"))
    today = today or timezone.localdate()

    def text(value) -> str:
        return blocks.breakable(blocks.clean(str(value)))

    return pdf.render(
        "inzage",
        {
            "title": title,
            "municipality": municipality or settings.OOGST_MUNICIPALITY,
            "concept": False,
            "running": title,
            "meta": f"{record['pilot']} · {record['organisatie']} · opgemaakt op {today}",
            "intro": INTRO,
            "gegevens": [[label, text(value)] for label, value in gegevens],
            "lists": [
                {
                    "title": heading,
                    "columns": columns,
                    "rows": [[text(value) for value in row] for row in rows],
                }
                for heading, columns, rows in lists(record)
            ],
        },
    )
