"""What changed in the register between two rounds, per pilot and per field.

The comparison walks the snapshot contract's own field list (`snapshot.COMPARED_FIELDS`), so
whatever the snapshot holds is compared, with the labels the pilot form uses.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .snapshot import COMPARED_FIELDS, SNAPSHOT_FIELDS, PilotSnapshot, field_label


@dataclass
class FieldChange:
    field: str
    label: str
    old: str
    new: str
    # "changed"; for progress updates and lessons also "added" or "removed".
    kind: str = "changed"

    @property
    def html(self):
        return word_diff_html(self.old, self.new)


@dataclass
class PilotChanges:
    slug: str
    name: str
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class RoundDiff:
    previous_name: str | None
    added: list[str]
    removed: list[str]
    changed: list[PilotChanges]

    def as_rows(self):
        """Flat rows for CSV/JSON: one row a change."""
        rows = [
            {"pilot": n, "change": "nieuw", "field": "", "old": "", "new": ""} for n in self.added
        ]
        rows += [
            {"pilot": n, "change": "vervallen", "field": "", "old": "", "new": ""}
            for n in self.removed
        ]
        for pilot in self.changed:
            rows += [
                {
                    "pilot": pilot.name,
                    "change": "gewijzigd",
                    "field": c.label,
                    "old": c.old,
                    "new": c.new,
                }
                for c in pilot.changes
            ]
        return rows


def round_diff(round) -> RoundDiff:
    from .services import snapshots

    previous = round.previous()
    before = snapshots(previous) if previous else []
    return diff_snapshots(
        before, snapshots(round), previous_name=previous.name if previous else None
    )


def _identity(snapshot: PilotSnapshot):
    # The pilot's id survives a rename; schema-1 snapshots may lack it and fall back on slug.
    return snapshot.pilot_id if snapshot.pilot_id is not None else snapshot.slug


def diff_snapshots(
    before: list[PilotSnapshot], after: list[PilotSnapshot], *, previous_name=None
) -> RoundDiff:
    old = {_identity(s): s for s in before}
    old_by_slug = {s.slug: s for s in before}
    current = {}
    for snapshot in after:
        key = _identity(snapshot)
        if key not in old and snapshot.slug in old_by_slug:
            key = _identity(old_by_slug[snapshot.slug])  # an old snapshot without an id
        current[key] = snapshot
    added = [s.name for key, s in current.items() if key not in old]
    removed = [s.name for key, s in old.items() if key not in current]
    changed = []
    for key, snapshot in current.items():
        if key in old:
            changes = compare(old[key], snapshot)
            if changes:
                changed.append(PilotChanges(snapshot.slug, snapshot.name, changes))
    return RoundDiff(previous_name, added, removed, changed)


def compare(old: PilotSnapshot, new: PilotSnapshot) -> list[FieldChange]:
    """Every difference between two snapshots, field by field in the contract's order."""
    changes = []
    for name in COMPARED_FIELDS:
        kind = SNAPSHOT_FIELDS[name].metadata["kind"]
        if kind == "updates":
            changes += _compare_updates(name, getattr(old, name), getattr(new, name))
            continue
        if kind in ("lessons", "records"):
            changes += _compare_records(name, getattr(old, name), getattr(new, name))
            continue
        before, after = old.display(name), new.display(name)
        if before != after:
            changes.append(FieldChange(name, field_label(name), before, after))
    return changes


def _labels(name):
    label = field_label(name)
    word = {"added": _("added"), "edited": _("edited"), "removed": _("removed")}
    return (f"{label} ({word[k]})" for k in ("added", "edited", "removed"))


def _compare_records(name, old_lessons, new_lessons) -> list[FieldChange]:
    """Lessons, indicators and budget lines matched by id: added, edited (anything they
    print, for an indicator also a new measurement) or removed."""
    added, edited, removed = _labels(name)
    old_by_key = {lesson.key: lesson for lesson in old_lessons}
    new_keys = {lesson.key for lesson in new_lessons}
    changes = []
    for lesson in new_lessons:
        previous = old_by_key.get(lesson.key)
        if previous is None:
            changes.append(FieldChange(name, added, "", str(lesson), "added"))
        elif str(previous) != str(lesson):
            changes.append(FieldChange(name, edited, str(previous), str(lesson)))
    for lesson in old_lessons:
        if lesson.key not in new_keys:
            changes.append(FieldChange(name, removed, str(lesson), "", "removed"))
    return changes


def _compare_updates(name, old_updates, new_updates) -> list[FieldChange]:
    """Progress updates matched by id (or, for old snapshots, by date and title)."""
    added, edited, removed = _labels(name)
    old_by_key = {u.key: u for u in old_updates}
    new_keys = {u.key for u in new_updates}
    # A schema-1 snapshot may lack ids: its updates match on date and title instead.
    loose_old = {
        (u.date, u.title): u for u in old_updates if u.key not in new_keys and u.id is None
    }
    matched = set()
    changes = []
    for update in new_updates:
        previous = old_by_key.get(update.key)
        if previous is None:
            previous = loose_old.get((update.date, update.title))
            if previous is not None and previous.key in matched:
                previous = None
        if previous is None:
            changes.append(FieldChange(name, added, "", str(update), "added"))
            continue
        matched.add(previous.key)
        if str(previous) != str(update):
            changes.append(FieldChange(name, edited, str(previous), str(update)))
    for update in old_updates:
        if update.key not in matched:
            changes.append(FieldChange(name, removed, str(update), "", "removed"))
    return changes


TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff_html(old: str, new: str) -> str:
    """A readable word-level diff: removed words in <del>, added words in <ins>, escaped."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out))
