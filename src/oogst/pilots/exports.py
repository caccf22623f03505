"""Register exports: every pilot with every field, dates as written and as meant.

JSON keeps the technical field names (for machines); CSV and XLSX carry Dutch headers and go
through `oogst.core.tabular`, the one writer for every table Oogst hands to Excel.
"""

import json
from decimal import Decimal

from django.utils import translation

from oogst.core import tabular
from oogst.core.tabular import Column

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
# Rows are read in chunks so a register of 20,000 pilots streams in constant memory.
CHUNK = 2000


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


# --- CSV and XLSX: Dutch headers, typed cells -----------------------------------------------

DATE_LABELS = {
    "startdatum": "Startdatum",
    "einddatum": "Einddatum",
    "evaluatiemoment": "Evaluatiemoment",
}
COLUMNS = [
    Column("name", "Naam pilot"),
    Column("korte_omschrijving", "Korte omschrijving"),
    Column("programma", "Programma"),
    Column("portefeuille", "Portefeuille"),
    Column("portefeuillehouder", "Portefeuillehouder"),
    Column("doel", "Doel/Beoogd resultaat"),
    *[
        column
        for field, label in DATE_LABELS.items()
        for column in (
            Column(field, label),
            Column(f"{field}_start", f"{label} vanaf", "date"),
            Column(f"{field}_end", f"{label} tot en met", "date"),
        )
    ],
    Column("uitkomst_evaluatie", "Uitkomst evaluatie"),
    Column("succesvol", "Pilot succesvol?"),
    Column("succesvol_toelichting", "Toelichting succesvol"),
    Column("beleid_aanpassen", "Aanleiding beleid aan te passen?"),
    Column("beleid_aanpassen_toelichting", "Toelichting beleid"),
    Column("financieel_gevolg", "Financieel gevolg?"),
    Column("financieel_gevolg_toelichting", "Toelichting financieel gevolg"),
    Column("bestuurlijk_gerapporteerd", "Hoe bestuurlijk gerapporteerd?"),
    Column("fase", "Fase"),
    Column("resultaat", "Resultaat"),
    Column("aanleiding_soort", "Aanleiding"),
    Column("motienummers", "Motienummers"),
    Column("aanleiding_toelichting", "Toelichting aanleiding"),
    Column("partners", "Partners"),
    Column("owner", "Eigenaar"),
    Column("target_participants", "Beoogd aantal deelnemers", "integer"),
    Column("budget", "Budget (EUR)", "decimal"),
    Column("status_updates", "Stand van zaken"),
    Column("updated_at", "Laatst gewijzigd", "datetime"),
    Column("slug", "Kenmerk"),
]


CHOICE_FIELDS = (
    "succesvol",
    "beleid_aanpassen",
    "financieel_gevolg",
    "fase",
    "resultaat",
    "aanleiding_soort",
)


def choice_labels() -> dict:
    """{field: {value: label}} in the active language, looked up once per export."""
    return {
        name: {value: str(label) for value, label in Pilot._meta.get_field(name).flatchoices}
        for name in CHOICE_FIELDS
    }


def table_row(pilot: Pilot, labels: dict) -> dict:
    """A pilot as one row of the register's spreadsheet (Dutch labels from `labels`)."""
    row = {field: getattr(pilot, field) for field in TEXT_FIELDS}
    for name in CHOICE_FIELDS:
        value = getattr(pilot, name)
        row[name] = labels[name].get(value, value) if value else ""
    row["programma"] = str(pilot.programma) if pilot.programma else ""
    row["portefeuille"] = pilot.portefeuille.name if pilot.portefeuille else ""
    row["portefeuillehouder"] = pilot.portefeuille.portefeuillehouder if pilot.portefeuille else ""
    for field in Pilot.VAGUE_DATE_FIELDS:
        row[field] = getattr(pilot, field)
        row[f"{field}_start"] = getattr(pilot, f"{field}_start")
        row[f"{field}_end"] = getattr(pilot, f"{field}_end")
    row["motienummers"] = ", ".join(pilot.motion_numbers)
    row["partners"] = ", ".join(p.name for p in pilot.partners.all())
    row["owner"] = (pilot.owner.get_full_name() or pilot.owner.username) if pilot.owner else ""
    row["target_participants"] = pilot.target_participants
    row["budget"] = pilot.budget
    row["status_updates"] = "\n\n".join(
        " ".join(filter(None, [u.date.strftime("%d-%m-%Y") if u.date else "", u.title]))
        + ("\n" if u.date or u.title else "")
        + u.text
        for u in pilot.status_updates.all()
    )
    row["updated_at"] = pilot.updated_at
    return row


def table_rows(pilots):
    """Rows for CSV/XLSX, read in chunks (prefetches included) for constant memory."""
    pilots = pilots.prefetch_related("partners", "status_updates").select_related(
        "programma", "portefeuille", "owner"
    )
    with translation.override("nl"):
        labels = choice_labels()
    for pilot in pilots.iterator(chunk_size=CHUNK):
        yield table_row(pilot, labels)


def write_csv(stream, pilots) -> None:
    tabular.write_csv(stream, COLUMNS, table_rows(pilots))
