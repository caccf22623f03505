"""Register exports (CSV and JSON): every pilot with every field, dates as written and as meant."""

import csv
import json
from decimal import Decimal

from .models import Pilot

TEXT_FIELDS = [
    "name",
    "slug",
    "korte_omschrijving",
    "doel",
    "uitkomst_evaluatie",
    "succesvol",
    "succesvol_toelichting",
    "beleid_aanpassen",
    "beleid_aanpassen_toelichting",
    "financieel_gevolg",
    "financieel_gevolg_toelichting",
    "bestuurlijk_gerapporteerd",
    "fase",
    "resultaat",
    "aanleiding_soort",
    "aanleiding_toelichting",
]


def export_queryset():
    return (
        Pilot.objects.select_related("programma", "portefeuille", "owner")
        .prefetch_related("partners", "status_updates__author")
        .order_by("programma__number", "name")
    )


def pilot_record(pilot: Pilot) -> dict:
    record = {field: getattr(pilot, field) for field in TEXT_FIELDS}
    record["programma"] = str(pilot.programma) if pilot.programma else ""
    record["portefeuille"] = pilot.portefeuille.name if pilot.portefeuille else ""
    record["portefeuillehouder"] = (
        pilot.portefeuille.portefeuillehouder if pilot.portefeuille else ""
    )
    for field in Pilot.VAGUE_DATE_FIELDS:
        record[field] = getattr(pilot, field)
        start, end = getattr(pilot, f"{field}_start"), getattr(pilot, f"{field}_end")
        record[f"{field}_start"] = start.isoformat() if start else None
        record[f"{field}_end"] = end.isoformat() if end else None
    record["motienummers"] = pilot.motion_numbers
    record["partners"] = [p.name for p in pilot.partners.all()]
    record["owner"] = pilot.owner.username if pilot.owner else ""
    record["target_participants"] = pilot.target_participants
    record["budget"] = str(pilot.budget) if isinstance(pilot.budget, Decimal) else None
    record["status_updates"] = [
        {
            "date": u.date.isoformat() if u.date else None,
            "title": u.title,
            "text": u.text,
            "author": u.author.username if u.author else "",
        }
        for u in pilot.status_updates.all()
    ]
    record["updated_at"] = pilot.updated_at.isoformat()
    return record


def write_json(stream, pilots) -> None:
    json.dump([pilot_record(p) for p in pilots], stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write_csv(stream, pilots) -> None:
    """One row a pilot. Lists are joined with "; ", status updates with blank lines."""
    # A BOM so Excel opens the UTF-8 file with ë and € intact.
    stream.write("\ufeff")
    writer = None
    for pilot in pilots:
        record = pilot_record(pilot)
        record["motienummers"] = "; ".join(record["motienummers"])
        record["partners"] = "; ".join(record["partners"])
        record["status_updates"] = "\n\n".join(
            " ".join(filter(None, [u["date"], u["title"]]))
            + ("\n" if u["date"] or u["title"] else "")
            + u["text"]
            for u in record["status_updates"]
        )
        if writer is None:
            writer = csv.DictWriter(stream, fieldnames=list(record))
            writer.writeheader()
        writer.writerow(record)
