"""Workflows on pilots. The same functions serve the pages, the commands and (later) the API."""

from dataclasses import dataclass

from auditlog.context import set_extra_data
from auditlog.models import LogEntry
from django.db import transaction

from oogst.core.text import normalise_instance

from . import search
from .models import BudgetLine, Indicator, Lesson, Measurement, Pilot, StatusUpdate
from .signals import pilot_content_changed


@dataclass(frozen=True)
class Change:
    """One field changed by someone else since a form was opened."""

    field: str
    old: str
    new: str
    actor: str
    timestamp: object


class StaleEdit(Exception):
    """The pilot was saved by someone else after the editor opened the form."""

    def __init__(self, pilot: Pilot, changes: list[Change]):
        super().__init__(f"Pilot {pilot.pk} changed since the form was opened")
        self.pilot = pilot
        self.changes = changes


def _history_context(actor, *, reason: str = "", remote_addr: str | None = None, source=None):
    extra = {"actor": actor, "remote_addr": remote_addr}
    additional = {}
    if reason:
        additional["reason"] = reason
    if source:
        # Where the change came from, e.g. {"file": "bijlage6.docx", "sha256": "..."}.
        additional["import"] = source
    if additional:
        extra["additional_data"] = additional
    return set_extra_data(context_data=extra)


@transaction.atomic
def create_pilot(
    *, actor, pilot: Pilot, partners=(), reason: str = "", remote_addr=None, source=None
) -> Pilot:
    """Register a new pilot. An owner who creates a pilot owns it unless told otherwise."""
    if pilot.owner_id is None and actor is not None and not actor.sees_all_as_editor:
        pilot.owner = actor
    with _history_context(actor, reason=reason, remote_addr=remote_addr, source=source):
        pilot.save()
        pilot.partners.set(partners)
    return pilot


@transaction.atomic
def update_pilot(
    *,
    actor,
    pilot: Pilot,
    expected_version: int,
    partners=None,
    reason: str = "",
    remote_addr=None,
    source=None,
) -> Pilot:
    """Save an edited pilot, refusing the save when the form was stale.

    The row is locked (SELECT ... FOR UPDATE on PostgreSQL; SQLite runs IMMEDIATE
    transactions, which take the write lock up front), so of two simultaneous saves of the
    same version exactly one wins; the other gets StaleEdit with what changed in between.
    """
    current = (
        Pilot.objects.select_for_update().filter(pk=pilot.pk).values_list("version", flat=True)
    )
    if current.first() != expected_version:
        raise StaleEdit(pilot, changes_since(pilot, expected_version))
    if not _has_changes(pilot, partners):
        # An unchanged form records nothing: no new version, no history, no round reset.
        return pilot
    pilot.version = expected_version + 1
    with _history_context(actor, reason=reason, remote_addr=remote_addr, source=source):
        pilot.save()
        if partners is not None:
            pilot.partners.set(partners)
    pilot_content_changed.send(sender=Pilot, pilot=pilot, actor=actor)
    return pilot


# Derived or bookkeeping columns: they follow from the fields users edit.
_NOT_CONTENT = {"search_text", "version", "created_at", "updated_at"} | {
    f"{name}_{part}" for name in Pilot.VAGUE_DATE_FIELDS for part in ("start", "end", "precision")
}


def _has_changes(pilot: Pilot, partners) -> bool:
    """Whether saving `pilot` (and `partners`) would change anything stored."""
    normalise_instance(pilot)
    stored = Pilot.objects.get(pk=pilot.pk)
    for field in Pilot._meta.concrete_fields:
        if field.attname in _NOT_CONTENT:
            continue
        if getattr(stored, field.attname) != getattr(pilot, field.attname):
            return True
    if partners is not None:
        return {p.pk for p in partners} != set(stored.partners.values_list("pk", flat=True))
    return False


@transaction.atomic
def save_reference(*, actor, obj, source=None):
    """Save a reference list entry (programma, portefeuille, partner) with its history."""
    with _history_context(actor, source=source):
        obj.save()
    return obj


def claim_version(pilot: Pilot, expected_version: int) -> None:
    """For a write that names the version it saw (the API's If-Match): lock the pilot, refuse
    with StaleEdit unless it is still that version, and move it to the next, so a second
    writer holding the same version is refused instead of writing blind. Call it inside the
    write's transaction."""
    current = (
        Pilot.objects.select_for_update().filter(pk=pilot.pk).values_list("version", flat=True)
    )
    if current.first() != expected_version:
        raise StaleEdit(pilot, changes_since(pilot, expected_version))
    pilot.version = expected_version + 1
    Pilot.objects.filter(pk=pilot.pk).update(version=pilot.version)


def changes_since(pilot: Pilot, version: int) -> list[Change]:
    """Field changes recorded after `version` of the pilot, oldest first."""
    changes = []
    entries = (
        LogEntry.objects.get_for_object(pilot).select_related("actor").order_by("timestamp", "pk")
    )
    for entry in entries:
        version_change = entry.changes_dict.get("version")
        if not version_change or int(version_change[1]) <= version:
            continue
        actor = str(entry.actor) if entry.actor else "?"
        for field, (old, new) in entry.changes_display_dict.items():
            if field.lower() == "version":
                continue
            changes.append(Change(field, old, new, actor, entry.timestamp))
    return changes


@transaction.atomic
def add_status_update(
    *,
    actor,
    pilot: Pilot,
    update: StatusUpdate,
    remote_addr=None,
    source=None,
    expected_version: int | None = None,
):
    """Add a progress update. With `expected_version` (the API's If-Match) the pilot must
    still be that version (`claim_version`)."""
    if expected_version is not None:
        claim_version(pilot, expected_version)
    update.pilot = pilot
    update.author = actor
    with _history_context(actor, remote_addr=remote_addr, source=source):
        update.save()
    # Keep full-text search in step with the new update (not a history-worthy change).
    search.refresh(pilot)
    pilot_content_changed.send(sender=Pilot, pilot=pilot, actor=actor)
    return update


@transaction.atomic
def save_lesson(*, actor, pilot: Pilot, lesson: Lesson, themes, remote_addr=None) -> Lesson:
    """Record a new lesson or an edit of one; audited, searched, and a change for the round."""
    lesson.pilot = pilot
    if lesson.pk is None:
        lesson.author = actor
    elif not _lesson_changed(lesson, themes):
        return lesson  # an unchanged form records nothing
    with _history_context(actor, remote_addr=remote_addr):
        lesson.save()
        lesson.themes.set(themes)
    search.refresh(pilot)
    pilot_content_changed.send(sender=Pilot, pilot=pilot, actor=actor)
    return lesson


def _lesson_changed(lesson: Lesson, themes) -> bool:
    normalise_instance(lesson)
    stored = Lesson.objects.get(pk=lesson.pk)
    fields = ("kind", "text", "decision", "policy_change")
    if any(getattr(stored, f) != getattr(lesson, f) for f in fields):
        return True
    return {t.pk for t in themes} != set(stored.themes.values_list("pk", flat=True))


class DeletionNotConfirmed(Exception):
    """A delete was posted without the user's confirmation; nothing was deleted."""


@transaction.atomic
def delete_lesson(*, actor, lesson: Lesson, confirmed: bool, remote_addr=None) -> None:
    """Delete a lesson the user confirmed; the history keeps its text."""
    if not confirmed:
        raise DeletionNotConfirmed
    pilot = lesson.pilot
    with _history_context(actor, remote_addr=remote_addr):
        lesson.delete()
    search.refresh(pilot)
    pilot_content_changed.send(sender=Pilot, pilot=pilot, actor=actor)


def _content_changed(pilot: Pilot, actor) -> None:
    pilot_content_changed.send(sender=Pilot, pilot=pilot, actor=actor)


def _unchanged(obj, fields) -> bool:
    """Whether saving `obj` would store what is already stored (an unchanged form)."""
    normalise_instance(obj)
    stored = type(obj).objects.filter(pk=obj.pk).values(*fields).first()
    return stored is not None and all(stored[f] == getattr(obj, f) for f in fields)


_INDICATOR_FIELDS = (
    "name",
    "unit",
    "direction",
    "baseline",
    "baseline_date",
    "target",
    "target_date",
)


@transaction.atomic
def save_indicator(*, actor, pilot: Pilot, indicator: Indicator, remote_addr=None) -> Indicator:
    """Add an indicator to a pilot or save an edit of one (validated, audited)."""
    indicator.pilot = pilot
    if indicator.pk and _unchanged(indicator, _INDICATOR_FIELDS):
        return indicator
    indicator.full_clean(exclude=["pilot"])
    with _history_context(actor, remote_addr=remote_addr):
        indicator.save()
    _content_changed(pilot, actor)
    return indicator


@transaction.atomic
def delete_indicator(*, actor, indicator: Indicator, confirmed: bool, remote_addr=None) -> None:
    """Delete an indicator and its measurements once the user confirmed; the pilot's history
    keeps every value (each measurement's deletion is recorded too)."""
    if not confirmed:
        raise DeletionNotConfirmed
    pilot = indicator.pilot
    with _history_context(actor, remote_addr=remote_addr):
        # One by one, so each measurement's deletion is in the history with its value.
        for measurement in indicator.measurements.select_related("indicator"):
            measurement.delete()
        indicator.delete()
    _content_changed(pilot, actor)


@transaction.atomic
def add_measurement(
    *,
    actor,
    indicator: Indicator,
    measurement: Measurement,
    remote_addr=None,
    source=None,
    expected_version: int | None = None,
) -> Measurement:
    """Record a measurement. Refused (ValidationError) when dated before the indicator's
    baseline or in the future, or negative. A plain insert: two owners adding measurements
    at the same time both keep theirs. With `expected_version` (the API's If-Match) the pilot
    must still be that version (`claim_version`)."""
    if expected_version is not None:
        claim_version(indicator.pilot, expected_version)
    measurement.indicator = indicator
    if measurement.pk is None:
        measurement.author = actor
    normalise_instance(measurement)
    measurement.full_clean(exclude=["indicator", "author"])
    with _history_context(actor, remote_addr=remote_addr, source=source):
        measurement.save()
    _content_changed(indicator.pilot, actor)
    return measurement


@transaction.atomic
def delete_measurement(
    *, actor, measurement: Measurement, confirmed: bool, remote_addr=None
) -> None:
    if not confirmed:
        raise DeletionNotConfirmed
    pilot = measurement.indicator.pilot
    with _history_context(actor, remote_addr=remote_addr):
        measurement.delete()
    _content_changed(pilot, actor)


_BUDGET_FIELDS = ("description", "year", "funding_kind", "funder", "nature", "begroot", "besteed")


@transaction.atomic
def save_budget_line(*, actor, pilot: Pilot, line: BudgetLine, remote_addr=None, source=None):
    """Add or edit a budget line (validated: amounts from zero, a named subsidy or fund)."""
    line.pilot = pilot
    if line.pk and _unchanged(line, _BUDGET_FIELDS):
        return line
    line.full_clean(exclude=["pilot"])
    with _history_context(actor, remote_addr=remote_addr, source=source):
        line.save()
    _content_changed(pilot, actor)
    return line


@transaction.atomic
def delete_budget_line(*, actor, line: BudgetLine, confirmed: bool, remote_addr=None) -> None:
    if not confirmed:
        raise DeletionNotConfirmed
    pilot = line.pilot
    with _history_context(actor, remote_addr=remote_addr):
        line.delete()
    _content_changed(pilot, actor)


def history(pilot: Pilot):
    """The pilot's change history, its status updates' and its lessons', newest first."""
    from django.contrib.contenttypes.models import ContentType

    pilot_entries = LogEntry.objects.get_for_object(pilot)
    update_ids = list(pilot.status_updates.values_list("pk", flat=True))
    update_entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(StatusUpdate),
        object_pk__in=[str(pk) for pk in update_ids],
    )
    # Lessons by the pilot recorded in the entry (a deleted lesson keeps its history).
    lesson_entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Lesson),
        additional_data__pilot=pilot.pk,
    )
    # Indicators, measurements and budget lines, likewise by the pilot in the entry.
    results_entries = LogEntry.objects.filter(
        content_type__in=ContentType.objects.get_for_models(
            Indicator, Measurement, BudgetLine
        ).values(),
        additional_data__pilot=pilot.pk,
    )
    return (
        (pilot_entries | update_entries | lesson_entries | results_entries)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )


def history_events(pilot: Pilot):
    """The pilot's history as sentences, newest first (core/history.py)."""
    from oogst.core import history as readable

    return readable.events(history(pilot))
