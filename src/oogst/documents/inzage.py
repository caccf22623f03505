"""A participant's own data as a readable PDF, for a request for access (inzageverzoek)."""

from django.template.loader import render_to_string
from django.utils import timezone

# The PDF lists the most recent accesses one by one and summarises the rest per month and kind,
# so it stays a few pages however often the record was opened (the JSON holds every access).
RECENT_ACCESSES = 25


def render_html(record: dict) -> str:
    lists = [
        ("Fasen", [(r["datum"], r["fase"]) for r in record["fasen"]], ["Datum", "Fase"]),
        (
            "Participatieladder",
            [(r["datum"], r["omschrijving"]) for r in record["participatieladder"]],
            ["Datum", "Trede"],
        ),
        (
            "Zelfredzaamheidsmatrix",
            [(r["datum"], r["domein"], r["score"]) for r in record["zelfredzaamheidsmatrix"]],
            ["Datum", "Domein", "Score"],
        ),
        (
            "Activiteiten",
            [(r["datum"], r["activiteit"]) for r in record["activiteiten"]],
            ["Datum", "Activiteit"],
        ),
        (
            "Inzage en wijzigingen per maand",
            [(r["maand"], r["handeling"], r["aantal"]) for r in record["inzage_samenvatting"]],
            ["Maand", "Handeling", "Aantal keer"],
        ),
        (
            f"De laatste {RECENT_ACCESSES} keer dat het dossier is ingezien of gewijzigd",
            [
                (r["wanneer"], r["wie"], r["handeling"], r["waarom"])
                for r in reversed(record["inzage_in_dossier"][-RECENT_ACCESSES:])
            ],
            ["Wanneer", "Wie", "Handeling", "Waarom"],
        ),
    ]
    return render_to_string(
        "documents/inzage.html",
        {"record": record, "lists": lists, "today": timezone.localdate().isoformat()},
    )


def render_pdf(record: dict) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html(record)).write_pdf(pdf_variant="pdf/ua-1")
