"""Imports of pilots: a Word appendix (and, in `spreadsheet_import`, a spreadsheet).

The flow is the same for every kind: `start_import` stores the uploaded bytes with their
SHA-256 in an `ImportJob` and queues `read_import` (a background task); the task checks the
file (oogst.core.uploads), reads it under a time limit and stores a preview; the coordinator
reads the preview and confirms; `apply_appendix` writes everything in one transaction, through
the same services as the pilot form, recorded in the history with the file's name and hash.
Nothing is written before the confirmation, and a refused file writes nothing at all.
"""

from __future__ import annotations

import datetime
import hashlib
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from oogst import vague_dates
from oogst.core import permissions
from oogst.core.text import normalise_single_line
from oogst.core.uploads import UploadRefused, check_upload, time_limit

from . import services, spreadsheet_import
from .appendix_reader import ANSWER_LABELS, DATE_FIELDS, QUESTION_FIELDS, TEXT_FIELDS, read_appendix
from .models import (
    Antwoord,
    ImportJob,
    ImportKind,
    ImportStatus,
    Pilot,
    Portefeuille,
    Programma,
    StatusUpdate,
)

logger = logging.getLogger(__name__)

ALLOWED = {ImportKind.APPENDIX: {"docx"}, ImportKind.PILOTS: {"xlsx", "csv"}}
LABELS = {
    "name": "Naam pilot",
    "korte_omschrijving": "Korte omschrijving",
    "programma": "Programma",
    "portefeuille": "Portefeuille",
    "doel": "Doel/Beoogd resultaat",
    "startdatum": "Startdatum",
    "einddatum": "Einddatum",
    "evaluatiemoment": "Evaluatiemoment",
    "uitkomst_evaluatie": "Uitkomst evaluatie",
    "succesvol": "Pilot succesvol?",
    "beleid_aanpassen": "Aanleiding om het beleid aan te passen?",
    "financieel_gevolg": "Financieel gevolg?",
    "bestuurlijk_gerapporteerd": "Hoe bestuurlijk gerapporteerd?",
    "stand_van_zaken": "Stand van zaken",
}


class ImportRefused(Exception):
    """A step of an import that cannot be taken; the message is for the user."""


def start_import(*, actor, kind: str, name: str, data: bytes) -> ImportJob:
    """Store the upload and queue its reading. Checks who may, not yet what the file is."""
    permissions.require(actor, "pilot.import")
    from .tasks import read_import

    job = ImportJob.objects.create(
        kind=kind,
        file_name=normalise_single_line(name)[:255] or "upload",
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        content=data,
        created_by=actor,
    )
    # On commit: the worker must find the row (and a rolled-back upload queues nothing).
    transaction.on_commit(lambda: read_import.enqueue(job_id=job.pk))
    return job


def retry_import(*, actor, job: ImportJob) -> ImportJob:
    """Hand a stalled upload to the worker again; the stored file is read as it was uploaded."""
    permissions.require(actor, "pilot.import")
    from .tasks import read_import

    with transaction.atomic():
        job = ImportJob.objects.select_for_update().defer("content").get(pk=job.pk)
        if not job.is_stalled:
            raise ImportRefused(_("This file is not stalled; it is being read or already read."))
        job.queued_at = timezone.now()
        job.save(update_fields=["queued_at"])
        transaction.on_commit(lambda: read_import.enqueue(job_id=job.pk))
    logger.warning("Import %s was stalled and is queued again by %s", job.pk, actor)
    return job


def read_job(job_id: int) -> ImportJob | None:
    """The worker's part: check the file, read it, store the preview (or why it is refused)."""
    job = ImportJob.objects.filter(pk=job_id, status=ImportStatus.PENDING).first()
    if job is None:
        return None
    data = bytes(job.content)
    # The worker has no request: messages in the municipality's language (LANGUAGE_CODE).
    with translation.override(settings.LANGUAGE_CODE):
        _read_into(job, data)
    job.save(update_fields=["status", "error", "preview"])
    return job


def _read_into(job: ImportJob, data: bytes) -> None:
    try:
        check_upload(data, job.file_name, allowed=_allowed(job.kind))
        with time_limit():
            preview = _reader(job.kind)(data, job.file_name)
    except UploadRefused as refused:
        job.status, job.error = ImportStatus.FAILED, str(refused)
    except Exception as error:  # a damaged file python-docx/openpyxl cannot read
        logger.warning("Import %s could not be read: %s", job.pk, error)
        job.status = ImportStatus.FAILED
        job.error = _("The file could not be read (%(error)s). Is it damaged?") % {
            "error": type(error).__name__
        }
    else:
        job.status, job.preview = ImportStatus.READY, preview


def _allowed(kind):
    return ALLOWED[kind]


# kind -> function(bytes, file name) -> preview JSON. Spreadsheet kinds register themselves
# (motions from the motions app, which pilots may not import).
READERS = {}


def register_reader(kind: str, reader, allowed: set[str]) -> None:
    READERS[kind] = reader
    ALLOWED[kind] = allowed


def _reader(kind):
    return READERS[kind]


# --- the appendix's preview ----------------------------------------------------------------


def _name_key(name: str) -> str:
    return " ".join(name.lower().split())


def preview_appendix(read_pilots) -> dict:
    """What the import would do, per pilot, as JSON: shown to the coordinator, then applied."""
    programmas = list(Programma.objects.all())
    portefeuilles = {_name_key(p.name): p for p in Portefeuille.objects.all()}
    existing = {
        _name_key(p.name): p
        for p in Pilot.objects.select_related("programma", "portefeuille").prefetch_related(
            "status_updates"
        )
    }
    counts: dict[str, int] = {}
    for pilot in read_pilots:
        counts[_name_key(pilot.name)] = counts.get(_name_key(pilot.name), 0) + 1
    records = []
    for index, read in enumerate(read_pilots):
        data = read.interpret()
        record = {
            "index": index,
            "heading": read.heading,
            "name": data["name"],
            "found": [f for f in read.found if f in LABELS],
            "values": {f: data[f] for f in ("name", *TEXT_FIELDS, *DATE_FIELDS)},
            "dates": {
                f: vague_dates.describe(vague_dates.parse(data[f]), lang="nl")
                for f in DATE_FIELDS
                if data[f]
            },
            "answers": {
                f: {
                    "answer": data[f],
                    "label": _answer_label(data[f]),
                    "toelichting": data[f"{f}_toelichting"],
                }
                for f in QUESTION_FIELDS
            },
            "programma": _match_programma(data["programma"], programmas),
            "portefeuille": _match_portefeuille(data["portefeuille"], portefeuilles),
            "status_updates": [
                {"date": u.date.isoformat() if u.date else None, "title": u.title, "text": u.text}
                for u in data["status_updates"]
            ],
            "unplaced": [list(pair) for pair in read.unplaced],
            "duplicate": counts[_name_key(data["name"])] > 1,
            "problems": [],
        }
        # What the page shows, in the form's order and with its labels.
        record["rows"] = [
            {"label": LABELS[f], "value": record["values"][f], "reading": record["dates"].get(f)}
            for f in (*TEXT_FIELDS[:2], *DATE_FIELDS, *TEXT_FIELDS[2:])
            if record["values"][f]
        ]
        for f, answer in record["answers"].items():
            answer["question"] = LABELS[f]
        if not record["name"]:
            record["problems"].append(_("No name: neither a heading nor a “Naam pilot” row."))
        if record["duplicate"]:
            record["problems"].append(
                _("“%(name)s” is in the file more than once; neither is imported.")
                % {"name": record["name"]}
            )
        if len(data["name"]) > 200:
            record["problems"].append(_("The name is longer than 200 characters."))
        match = existing.get(_name_key(data["name"]))
        record["existing"] = _existing_diff(match, record) if match else None
        records.append(record)
    return {
        "kind": ImportKind.APPENDIX,
        "pilots": records,
        "duplicates": sorted({r["name"] for r in records if r["duplicate"]}),
        "importable": sum(not r["problems"] for r in records),
    }


def _answer_label(code: str) -> str:
    return ANSWER_LABELS.get(code, "")


def _match_programma(read, programmas) -> dict | None:
    if read is None:
        return None
    found = None
    if read.number is not None:
        found = next((p for p in programmas if p.number == read.number), None)
    if found is None and read.name:
        found = next((p for p in programmas if _name_key(p.name) == _name_key(read.name)), None)
    return {
        "text": read.text,
        "number": found.number if found else read.number,
        "name": found.name if found else read.name,
        "id": found.pk if found else None,
        # A new programme needs its number; without one the pilot is imported without it.
        "new": found is None and read.number is not None and bool(read.name),
        "unknown": found is None and (read.number is None or not read.name),
    }


def _match_portefeuille(read, portefeuilles) -> dict | None:
    if read is None or not read.name:
        return None
    found = portefeuilles.get(_name_key(read.name))
    return {
        "text": read.text,
        "name": found.name if found else read.name[:200],
        "portefeuillehouder": read.portefeuillehouder[:200],
        "id": found.pk if found else None,
        "new": found is None,
    }


def _existing_diff(pilot: Pilot, record: dict) -> dict:
    """How the file differs from the pilot of the same name, field by field."""
    changes = []
    for field in ("name", *TEXT_FIELDS, *DATE_FIELDS):
        if field in record["found"] or field == "name":
            old, new = getattr(pilot, field), record["values"][field]
            if old != new:
                changes.append({"field": field, "label": LABELS[field], "old": old, "new": new})
    for field in QUESTION_FIELDS:
        if field not in record["found"]:
            continue
        answer = record["answers"][field]
        old = _answer_text(getattr(pilot, field), getattr(pilot, f"{field}_toelichting"))
        new = _answer_text(answer["answer"], answer["toelichting"])
        if old != new:
            changes.append({"field": field, "label": LABELS[field], "old": old, "new": new})
    programma = record["programma"]
    if programma and not programma["unknown"] and programma["id"] != pilot.programma_id:
        changes.append(
            {
                "field": "programma",
                "label": LABELS["programma"],
                "old": str(pilot.programma or ""),
                "new": f"Programma {programma['number']}. {programma['name']}",
            }
        )
    portefeuille = record["portefeuille"]
    if portefeuille and portefeuille["id"] != pilot.portefeuille_id:
        changes.append(
            {
                "field": "portefeuille",
                "label": LABELS["portefeuille"],
                "old": str(pilot.portefeuille or ""),
                "new": portefeuille["name"],
            }
        )
    known = {(u.date, u.text) for u in pilot.status_updates.all()}
    for update in record["status_updates"]:
        date = datetime.date.fromisoformat(update["date"]) if update["date"] else None
        if (date, update["text"]) not in known:
            changes.append(
                {
                    "field": "stand_van_zaken",
                    "label": LABELS["stand_van_zaken"],
                    "old": "",
                    "new": update["text"],
                }
            )
    return {"slug": pilot.slug, "version": pilot.version, "changes": changes}


def _answer_text(code, toelichting):
    label = _answer_label(code)
    return ". ".join(p for p in (label, toelichting) if p)


READERS[ImportKind.APPENDIX] = lambda data, name: preview_appendix(read_appendix(data))
READERS[ImportKind.PILOTS] = spreadsheet_import.preview_pilots
apply_rows = spreadsheet_import.apply_rows


# --- applying -------------------------------------------------------------------------------


@transaction.atomic
def apply_appendix(*, actor, job: ImportJob) -> dict:
    """Write the confirmed preview: new pilots created, existing ones updated, in one go."""
    permissions.require(actor, "pilot.import")
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if not job.can_be_confirmed:
        raise ImportRefused(_("This import is not ready to be confirmed (or was already done)."))
    source = {"file": job.file_name, "sha256": job.sha256, "import": job.pk}
    created, updated, skipped = [], [], []
    programmas, portefeuilles = {}, {}
    for record in job.preview["pilots"]:
        if record["problems"]:
            skipped.append(record["name"])
            continue
        programma = _programma_for(actor, record["programma"], programmas, source)
        portefeuille = _portefeuille_for(actor, record["portefeuille"], portefeuilles, source)
        if record["existing"]:
            pilot = _update_existing(actor, record, programma, portefeuille, source)
            if pilot is not None:
                updated.append(pilot.name)
        else:
            pilot = Pilot(**_values(record))
            pilot.programma, pilot.portefeuille = programma, portefeuille
            services.create_pilot(actor=actor, pilot=pilot, source=source)
            created.append(pilot.name)
        _add_updates(actor, pilot, record, source)
    job.status = ImportStatus.APPLIED
    job.applied_at, job.applied_by = timezone.now(), actor
    job.result = {"created": created, "updated": updated, "skipped": skipped}
    job.save(update_fields=["status", "applied_at", "applied_by", "result"])
    return job.result


def _values(record) -> dict:
    values = dict(record["values"])
    for field, answer in record["answers"].items():
        values[field] = answer["answer"] if answer["answer"] in Antwoord.values else ""
        values[f"{field}_toelichting"] = answer["toelichting"]
    return values


def _update_existing(actor, record, programma, portefeuille, source):
    pilot = Pilot.objects.filter(slug=record["existing"]["slug"]).first()
    if pilot is None:
        raise ImportRefused(
            _("The pilot “%(name)s” was deleted after the file was read; read the file again.")
            % {"name": record["name"]}
        )
    values = _values(record)
    for field in record["found"]:
        if field in values:
            setattr(pilot, field, values[field])
        if field in QUESTION_FIELDS:
            setattr(pilot, f"{field}_toelichting", values[f"{field}_toelichting"])
    if programma is not None:
        pilot.programma = programma
    if portefeuille is not None:
        pilot.portefeuille = portefeuille
    try:
        return services.update_pilot(
            actor=actor,
            pilot=pilot,
            expected_version=record["existing"]["version"],
            source=source,
        )
    except services.StaleEdit:
        raise ImportRefused(
            _(
                "“%(name)s” was changed after the file was read; nothing was imported. "
                "Read the file again to see the current differences."
            )
            % {"name": record["name"]}
        ) from None


def _programma_for(actor, data, cache, source):
    if not data or data["unknown"]:
        return None
    if data["id"]:
        return Programma.objects.get(pk=data["id"])
    if data["number"] not in cache:
        programma = Programma.objects.filter(number=data["number"]).first()
        if programma is None:
            programma = Programma(number=data["number"], name=data["name"][:200])
            services.save_reference(actor=actor, obj=programma, source=source)
        cache[data["number"]] = programma
    return cache[data["number"]]


def _portefeuille_for(actor, data, cache, source):
    if not data:
        return None
    if data["id"]:
        return Portefeuille.objects.get(pk=data["id"])
    key = _name_key(data["name"])
    if key not in cache:
        portefeuille = Portefeuille.objects.filter(name__iexact=data["name"]).first()
        if portefeuille is None:
            portefeuille = Portefeuille(
                name=data["name"], portefeuillehouder=data["portefeuillehouder"]
            )
            services.save_reference(actor=actor, obj=portefeuille, source=source)
        cache[key] = portefeuille
    return cache[key]


def _add_updates(actor, pilot, record, source):
    known = {(u.date, u.text) for u in pilot.status_updates.all()}
    # The appendix prints the newest first; add the oldest first so the order stays.
    for update in reversed(record["status_updates"]):
        date = datetime.date.fromisoformat(update["date"]) if update["date"] else None
        if (date, update["text"]) in known:
            continue
        services.add_status_update(
            actor=actor,
            pilot=pilot,
            update=StatusUpdate(date=date, title=update["title"], text=update["text"]),
            source=source,
        )
