"""Motions from a spreadsheet, through the pilots app's import machinery (one job, one report).

A motion number that is already in the register, or twice in the file, is an error of its
row: motions are entered once, and changed on their own page.
"""

from auditlog.context import set_extra_data
from django.utils import translation
from django.utils.translation import gettext as _

from oogst.core import sheets
from oogst.core.uploads import extension
from oogst.pilots.appendix_reader import normalise_label, read_programma
from oogst.pilots.models import ImportKind, Portefeuille, Programma
from oogst.pilots.spreadsheet_import import Field, validate_sheet

from .models import MOTION_NUMBER, Motion, MotionStatus


def _number(value):
    text = sheets.text(value).upper().replace(" ", "")
    if text and not MOTION_NUMBER.match(text):
        raise sheets.CellError(
            _("“%(value)s” is not a motion number (e.g. 2411-62 or 2111-03A).") % {"value": text}
        )
    return text


def _status(value):
    text = sheets.text(value)
    if not text:
        return MotionStatus.OPEN.value
    key = normalise_label(text)
    for choice in MotionStatus:
        if key == normalise_label(choice.value):
            return choice.value
    with translation.override("nl"):
        for choice in MotionStatus:
            if key == normalise_label(str(choice.label)):
                return choice.value
    raise sheets.CellError(_("“%(value)s” is not a status.") % {"value": text})


def _email(value):
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    text = sheets.text(value)
    if text:
        try:
            validate_email(text)
        except ValidationError:
            raise sheets.CellError(
                _("“%(value)s” is not an e-mail address.") % {"value": text}
            ) from None
    return text


MOTION_FIELDS = [
    Field("nummer", "Motienummer", read=_number, required=True, aliases=("Nummer",)),
    Field("titel", "Titel", required=True, max_length=300),
    Field("adopted_on", "Aangenomen op", read=sheets.date),
    Field("meeting", "Raadsvergadering", max_length=200),
    Field("vote_result", "Stemuitslag", max_length=200),
    Field("indieners", "Indieners", max_length=5000),
    Field("dictum", "Dictum / verzoek", max_length=20_000, aliases=("Dictum",)),
    Field("deadline", "Termijn", max_length=200),
    Field("status", "Status", read=_status),
    Field("programma", "Programma"),
    Field("portefeuille", "Portefeuille"),
    Field("contact_naam", "Ambtenaar", max_length=200),
    Field("contact_telefoon", "Telefoon", max_length=50),
    Field("contact_email", "E-mail", read=_email, max_length=254),
]


def _key(text):
    return " ".join(str(text or "").lower().split())


def preview_motions(data: bytes, name: str) -> dict:
    sheet = sheets.read_sheet(data, extension(name).lstrip("."))
    existing = set(Motion.objects.values_list("nummer", flat=True))
    programmas = {}
    for p in Programma.objects.all():
        programmas[("number", p.number)] = p.pk
        programmas[("name", _key(p.name))] = p.pk
    portefeuilles = {_key(p.name): p.pk for p in Portefeuille.objects.all()}
    seen = {}

    def check(values, errors, row):
        nummer = values.get("nummer") or ""
        row["label"] = f"{nummer} {values.get('titel') or ''}".strip()
        row["action"] = "new"
        if nummer in existing:
            errors.append(
                {"column": "Motienummer", "message": _("Motion %(n)s is already in the register.")
                 % {"n": nummer}}
            )  # fmt: skip
        elif nummer and nummer in seen:
            errors.append(
                {"column": "Motienummer", "message": _("Duplicate motion number: also row %(row)d.")
                 % {"row": seen[nummer]}}
            )  # fmt: skip
        elif nummer:
            seen[nummer] = row["row"]
        if values.get("programma"):
            read = read_programma(values["programma"])
            found = programmas.get(("number", read.number)) if read.number is not None else None
            found = found or programmas.get(("name", _key(read.name)))
            if found is None:
                errors.append(
                    {"column": "Programma", "message": _("Unknown programme “%(value)s”.")
                     % {"value": values["programma"]}}
                )  # fmt: skip
            values["programma_id"] = found
        if values.get("portefeuille"):
            found = portefeuilles.get(_key(values["portefeuille"]))
            if found is None:
                errors.append(
                    {"column": "Portefeuille", "message": _("Unknown portfolio “%(value)s”.")
                     % {"value": values["portefeuille"]}}
                )  # fmt: skip
            values["portefeuille_id"] = found

    preview = validate_sheet(sheet, MOTION_FIELDS, check)
    preview["kind"] = ImportKind.MOTIONS
    return preview


def apply_motion_row(*, actor, row, source):
    import datetime

    values = dict(row["values"])
    values.pop("programma", None)
    values.pop("portefeuille", None)
    if values.get("adopted_on"):
        values["adopted_on"] = datetime.date.fromisoformat(values["adopted_on"])
    values = {k: ("" if v is None and k not in ("adopted_on", "programma_id", "portefeuille_id")
                  else v) for k, v in values.items()}  # fmt: skip
    motion = Motion(**values)
    with set_extra_data(context_data={"actor": actor, "additional_data": {"import": source}}):
        motion.save()
    return "created", motion.nummer


def register():
    from oogst.pilots import imports, spreadsheet_import

    imports.register_reader(ImportKind.MOTIONS, preview_motions, {"xlsx", "csv"})
    spreadsheet_import.APPLIERS[ImportKind.MOTIONS] = apply_motion_row
    spreadsheet_import.TEMPLATES[ImportKind.MOTIONS] = MOTION_FIELDS
