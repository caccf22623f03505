"""One normaliser for every text users type, so a save without changes records no change.

Browsers send textarea line endings as CRLF, pasted text brings trailing spaces, decomposed
accents (NFD) and control characters that XML-based documents cannot carry. Each would show
as a change nobody made, or break a renderer. Texts are normalised once, on the way in, for
every text field of every Oogst model (see `normalise_model_texts`, connected in core's app
config) and for the JSON of old snapshots when they are upgraded.
"""

import re
import unicodedata

# C0 controls except tab and newline, DEL and C1 controls, lone surrogates and the two
# non-characters XML 1.0 forbids.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)

# The apps whose models hold text users type. Participant access log entries are written by
# Oogst itself and are never edited, so normalising them is harmless as well.
OOGST_APP_PREFIX = "oogst."


def normalise_text(value: str) -> str:
    """Line endings to LF, Unicode NFC, no control characters, no trailing spaces per line,
    no leading or trailing blank space (Django's form fields strip it as well)."""
    if not value:
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _ILLEGAL.sub("", value)
    value = unicodedata.normalize("NFC", value)
    value = _TRAILING_SPACE.sub("", value)
    return value.strip()


def normalise_single_line(value: str) -> str:
    """For a one-line field: every run of white space (line breaks too) becomes one space."""
    return " ".join(normalise_text(value).split())


def text_fields(model) -> list:
    """The editable character and text fields of a model: what users type."""
    from django.db import models

    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and field.editable
        and field.name != "password"
    ]


def _clean(field, value: str) -> str:
    from django.db import models

    clean = normalise_text(value)
    if not isinstance(field, models.TextField):
        clean = " ".join(clean.split("\n"))  # one-line fields keep no line breaks
    return clean


def normalise_instance(instance) -> None:
    for field in text_fields(type(instance)):
        value = getattr(instance, field.attname)
        if isinstance(value, str):
            clean = _clean(field, value)
            if clean != value:
                setattr(instance, field.attname, clean)


def normalise_model_texts(sender, instance, raw=False, **kwargs) -> None:
    """pre_save receiver for every model of an Oogst app (fixtures loaded raw are left as is)."""
    if raw or not sender.__module__.startswith(OOGST_APP_PREFIX):
        return
    normalise_instance(instance)


def normalise_stored_texts(apps, app_label: str, *, skip=()) -> int:
    """For data migrations: normalise what an app already stores. Returns rows changed."""
    changed_rows = 0
    for model in apps.get_app_config(app_label).get_models():
        if model.__name__ in skip:
            continue
        fields = text_fields(model)
        if not fields:
            continue
        names = [f.attname for f in fields]
        for row in model._default_manager.values("pk", *names).iterator():
            updates = {
                f.attname: _clean(f, row[f.attname])
                for f in fields
                if isinstance(row[f.attname], str) and _clean(f, row[f.attname]) != row[f.attname]
            }
            if updates:
                model._default_manager.filter(pk=row["pk"]).update(**updates)
                changed_rows += 1
    return changed_rows
