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


VALUES = [
    *TEXT_FIELDS,
    *[f"{name}{part}" for name in Pilot.VAGUE_DATE_FIELDS for part in ("", "_start", "_end")],
    "pk",
    "motienummers",
    "target_participants",
    "budget",
    "updated_at",
    "programma__number",
    "programma__name",
    "portefeuille__name",
    "portefeuille__portefeuillehouder",
    "owner__username",
    "owner__first_name",
    "owner__last_name",
]


def table_row(values: dict, labels: dict, partners: list, updates: list) -> dict:
    """A pilot as one row of the register's spreadsheet (Dutch labels from `labels`)."""
    row = dict(values)
    for name in CHOICE_FIELDS:
        value = values[name]
        row[name] = labels[name].get(value, value) if value else ""
    number = values["programma__number"]
    row["programma"] = (
        f"Programma {number}. {values['programma__name']}" if number is not None else ""
    )
    row["portefeuille"] = values["portefeuille__name"] or ""
    row["portefeuillehouder"] = values["portefeuille__portefeuillehouder"] or ""
    row["motienummers"] = ", ".join(
        n.strip() for n in values["motienummers"].split(",") if n.strip()
    )
    row["partners"] = ", ".join(partners)
    full_name = " ".join(filter(None, [values["owner__first_name"], values["owner__last_name"]]))
    row["owner"] = full_name or values["owner__username"] or ""
    row["status_updates"] = "\n\n".join(
        " ".join(filter(None, [date.strftime("%d-%m-%Y") if date else "", title]))
        + ("\n" if date or title else "")
        + text
        for date, title, text in updates
    )
    return row


def table_rows(pilots):
    """Rows for CSV/XLSX, read a chunk at a time as plain values: constant memory, and no
    model instances for 20,000 pilots."""
    from collections import defaultdict

    from .models import StatusUpdate

    with translation.override("nl"):
        labels = choice_labels()
    ids = list(pilots.values_list("pk", flat=True))
    for offset in range(0, len(ids), CHUNK):
        chunk = ids[offset : offset + CHUNK]
        values = {v["pk"]: v for v in Pilot.objects.filter(pk__in=chunk).values(*VALUES)}
        partners = defaultdict(list)
        for pilot_id, name in (
            Pilot.partners.through.objects.filter(pilot_id__in=chunk)
            .order_by("partner__name")
            .values_list("pilot_id", "partner__name")
        ):
            partners[pilot_id].append(name)
        updates = defaultdict(list)
        for pilot_id, *update in (
            StatusUpdate.objects.filter(pilot_id__in=chunk).values_list(
                "pilot_id", "date", "title", "text"
            )  # the model's ordering: newest first, as the pilot page shows them
        ):
            updates[pilot_id].append(update)
        for pk in chunk:
            yield table_row(values[pk], labels, partners[pk], updates[pk])


def write_csv(stream, pilots) -> None:
    tabular.write_csv(stream, COLUMNS, table_rows(pilots))
