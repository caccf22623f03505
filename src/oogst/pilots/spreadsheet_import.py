"""Pilots from a spreadsheet: the register's own Excel/CSV columns in, a report per row and
column out, nothing written until every row is valid or the user chooses the valid rows only.

The columns are the register export's Dutch headers, so an exported register imports back.
`Field`s read the cells; `validate_sheet` gives each row its values and its errors; the
preview JSON is what the page shows and what `apply_rows` writes. Motions (motions app) use
the same machinery with their own fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oogst.core import permissions, sheets, tabular
from oogst.core.tabular import Column
from oogst.core.uploads import UploadRefused

from . import services
from .appendix_reader import normalise_label, read_answer, read_programma
from .models import LONG_TEXT_MAX, Fase, ImportJob, ImportKind, ImportStatus, Pilot, Portefeuille


@dataclass(frozen=True)
class Field:
    key: str
    header: str
    read: Callable = sheets.text
    required: bool = False
    max_length: int | None = None
    aliases: tuple[str, ...] = ()


def match_columns(headers: list[str], fields: list[Field]) -> tuple[dict[str, Field], list[str]]:
    """Which column is which field (case, punctuation and aliases forgiven); unknown headers."""
    by_key = {}
    for field in fields:
        for name in (field.header, *field.aliases):
            by_key[normalise_label(name)] = field
    matched, unknown = {}, []
    for header in headers:
        field = by_key.get(normalise_label(header))
        if field and field.key not in {f.key for f in matched.values()}:
            matched[header] = field
        elif header:
            unknown.append(header)
    return matched, unknown


def validate_sheet(sheet: sheets.Sheet, fields: list[Field], check_row: Callable) -> dict:
    """Every row with its values and errors ({column, message}); `check_row(values, errors)`
    adds the rules that need the database or other rows."""
    columns, unknown = match_columns(sheet.headers, fields)
    missing = [
        f.header for f in fields if f.required and f.key not in {c.key for c in columns.values()}
    ]
    if missing:
        raise UploadRefused(
            _("The sheet lacks the column(s) %(columns)s. Start from the template.")
            % {"columns": ", ".join(f"“{m}”" for m in missing)}
        )
    rows = []
    for number, raw in sheet.rows:
        values, errors = {}, []
        for header, field in columns.items():
            try:
                value = field.read(raw.get(header))
            except sheets.CellError as error:
                errors.append({"column": field.header, "message": str(error)})
                continue
            if field.required and value in (None, ""):
                errors.append({"column": field.header, "message": _("This column is required.")})
            if field.max_length and isinstance(value, str) and len(value) > field.max_length:
                errors.append(
                    {
                        "column": field.header,
                        "message": _("Longer than %(max)d characters.") % {"max": field.max_length},
                    }
                )
            values[field.key] = value
        rows.append({"row": number, "values": values, "errors": errors})
    for row in rows:
        check_row(row["values"], row["errors"], row)
    return {
        "columns": [f.header for f in fields if f.key in {c.key for c in columns.values()}],
        "unknown_columns": unknown,
        "rows": [_jsonable(r) for r in rows],
        "valid": sum(not r["errors"] for r in rows),
        "invalid": sum(bool(r["errors"]) for r in rows),
    }


def _jsonable(row):
    import datetime
    from decimal import Decimal

    def plain(value):
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, Decimal):
            return str(value)
        return value

    row["values"] = {k: plain(v) for k, v in row["values"].items()}
    return row


# --- pilots ----------------------------------------------------------------------------------


def _answer(value):
    text = sheets.text(value)
    if not text:
        return ""
    code, rest = read_answer(text)
    if not code or rest:
        raise sheets.CellError(
            _("“%(value)s” is not an answer (Ja, Deels, Nee, Nog niet bekend, N.v.t.).")
            % {"value": text}
        )
    return code


def _fase(value):
    text = sheets.text(value)
    if not text:
        return ""
    key = normalise_label(text)
    for choice in Fase:
        if key in (normalise_label(choice.value), normalise_label(str(choice.label))):
            return choice.value
    from django.utils import translation

    with translation.override("nl"):
        for choice in Fase:
            if key == normalise_label(str(choice.label)):
                return choice.value
    raise sheets.CellError(_("“%(value)s” is not a phase.") % {"value": text})


PILOT_FIELDS = [
    Field("name", "Naam pilot", required=True, max_length=200, aliases=("Naam", "Pilot")),
    Field("korte_omschrijving", "Korte omschrijving", max_length=LONG_TEXT_MAX),
    Field("programma", "Programma"),
    Field("portefeuille", "Portefeuille"),
    Field("doel", "Doel/Beoogd resultaat", max_length=LONG_TEXT_MAX, aliases=("Doel",)),
    Field("startdatum", "Startdatum", max_length=500),
    Field("einddatum", "Einddatum", max_length=500),
    Field("evaluatiemoment", "Evaluatiemoment", max_length=500),
    Field("uitkomst_evaluatie", "Uitkomst evaluatie", max_length=LONG_TEXT_MAX),
    Field("succesvol", "Pilot succesvol?", read=_answer),
    Field("succesvol_toelichting", "Toelichting succesvol", max_length=LONG_TEXT_MAX),
    Field("beleid_aanpassen", "Aanleiding beleid aan te passen?", read=_answer),
    Field("beleid_aanpassen_toelichting", "Toelichting beleid", max_length=LONG_TEXT_MAX),
    Field("financieel_gevolg", "Financieel gevolg?", read=_answer),
    Field(
        "financieel_gevolg_toelichting", "Toelichting financieel gevolg", max_length=LONG_TEXT_MAX
    ),
    Field("bestuurlijk_gerapporteerd", "Hoe bestuurlijk gerapporteerd?", max_length=LONG_TEXT_MAX),
    Field("fase", "Fase", read=_fase),
    Field("motienummers", "Motienummers", max_length=300),
    Field("target_participants", "Beoogd aantal deelnemers", read=sheets.integer),
    Field("budget", "Budget (EUR)", read=sheets.decimal),
]
TEMPLATES = {ImportKind.PILOTS: PILOT_FIELDS}


def _name_key(name) -> str:
    return " ".join(str(name or "").lower().split())


def _check_pilot_rows(programmas, portefeuilles, existing):
    seen: dict[str, int] = {}

    def check(values, errors, row):
        name = values.get("name") or ""
        key = _name_key(name)
        if key:
            if key in seen:
                errors.append(
                    {
                        "column": "Naam pilot",
                        "message": _("The same pilot as row %(row)d.") % {"row": seen[key]},
                    }
                )
            else:
                seen[key] = row["row"]
        if values.get("programma"):
            read = read_programma(values["programma"])
            found = None
            if read.number is not None:
                found = programmas.get(("number", read.number))
            found = found or programmas.get(("name", _name_key(read.name)))
            if found is None:
                errors.append(
                    {
                        "column": "Programma",
                        "message": _("Unknown programme “%(value)s”.")
                        % {"value": values["programma"]},
                    }
                )
            else:
                values["programma_id"] = found
        if values.get("portefeuille"):
            found = portefeuilles.get(_name_key(values["portefeuille"]))
            if found is None:
                errors.append(
                    {
                        "column": "Portefeuille",
                        "message": _("Unknown portfolio “%(value)s”.")
                        % {"value": values["portefeuille"]},
                    }
                )
            else:
                values["portefeuille_id"] = found
        if values.get("budget") is not None and abs(values["budget"]) >= 10**10:
            errors.append({"column": "Budget (EUR)", "message": _("The amount is too large.")})
        row["label"] = name
        match = existing.get(key)
        row["action"] = "update" if match else "new"
        if match:
            row["slug"], row["version"] = match

    return check


def preview_pilots(data: bytes, name: str) -> dict:
    from oogst.core.uploads import extension

    from .models import Programma

    sheet = sheets.read_sheet(data, extension(name).lstrip("."))
    programmas = {}
    for p in Programma.objects.all():
        programmas[("number", p.number)] = p.pk
        programmas[("name", _name_key(p.name))] = p.pk
    portefeuilles = {_name_key(p.name): p.pk for p in Portefeuille.objects.all()}
    existing = {_name_key(p.name): (p.slug, p.version) for p in Pilot.objects.all()}
    preview = validate_sheet(
        sheet, PILOT_FIELDS, _check_pilot_rows(programmas, portefeuilles, existing)
    )
    preview["kind"] = ImportKind.PILOTS
    return preview


def apply_pilot_row(*, actor, row, source):
    values = dict(row["values"])
    programma_id = values.pop("programma_id", None)
    portefeuille_id = values.pop("portefeuille_id", None)
    values.pop("programma", None)
    values.pop("portefeuille", None)
    if "budget" in values and values["budget"] is not None:
        from decimal import Decimal

        values["budget"] = Decimal(values["budget"])
    if row.get("action") == "update":
        pilot = Pilot.objects.get(slug=row["slug"])
        for key, value in values.items():
            if key == "fase" and not value:
                continue  # an empty phase keeps the pilot's phase
            setattr(pilot, key, value if value is not None or key in NULLABLE else "")
        if programma_id:
            pilot.programma_id = programma_id
        if portefeuille_id:
            pilot.portefeuille_id = portefeuille_id
        try:
            services.update_pilot(
                actor=actor, pilot=pilot, expected_version=row["version"], source=source
            )
        except services.StaleEdit:
            from .imports import ImportRefused

            raise ImportRefused(
                _("Row %(row)d: the pilot was changed after the file was read; read it again.")
                % {"row": row["row"]}
            ) from None
        return "updated", pilot.name
    if not values.get("fase"):
        values.pop("fase", None)
    pilot = Pilot(**values, programma_id=programma_id, portefeuille_id=portefeuille_id)
    services.create_pilot(actor=actor, pilot=pilot, source=source)
    return "created", pilot.name


NULLABLE = {"target_participants", "budget"}
APPLIERS = {ImportKind.PILOTS: apply_pilot_row}


@transaction.atomic
def apply_rows(*, actor, job: ImportJob, only_valid: bool) -> dict:
    """Write the rows of a confirmed spreadsheet import, all in one transaction."""
    from .imports import ImportRefused

    permissions.require(actor, "pilot.import")
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if not job.can_be_confirmed:
        raise ImportRefused(_("This import is not ready to be confirmed (or was already done)."))
    preview = job.preview
    if preview["invalid"] and not only_valid:
        raise ImportRefused(
            _(
                "%(count)d rows have errors. Correct them in the file and upload it again, or "
                "choose to import only the valid rows."
            )
            % {"count": preview["invalid"]}
        )
    source = {"file": job.file_name, "sha256": job.sha256, "import": job.pk}
    result = {"created": [], "updated": [], "skipped": []}
    apply = APPLIERS[job.kind]
    for row in preview["rows"]:
        if row["errors"]:
            result["skipped"].append(row["row"])
            continue
        outcome, label = apply(actor=actor, row=row, source=source)
        result[outcome].append(label)
    job.status = ImportStatus.APPLIED
    job.applied_at, job.applied_by = timezone.now(), actor
    job.result = result
    job.save(update_fields=["status", "applied_at", "applied_by", "result"])
    return result


def template_response(kind: str):
    """An empty sheet with the columns to fill in, as the download the import page offers."""
    fields = TEMPLATES[kind]
    columns = [Column(f.key, f.header) for f in fields]
    return tabular.response("xlsx", columns, [], filename=f"sjabloon-{kind}")
