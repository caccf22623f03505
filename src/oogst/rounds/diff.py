"""What changed in the register between two rounds, per pilot and per field."""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .services import snapshots

# The appendix's fields, in the appendix's order, with the labels it prints.
COMPARED_FIELDS = [
    ("name", "Naam pilot"),
    ("korte_omschrijving", "Korte omschrijving"),
    ("programma", "Programma"),
    ("portefeuille", "Portefeuille"),
    ("doel", "Doel/Beoogd resultaat"),
    ("startdatum", "Startdatum"),
    ("einddatum", "Einddatum"),
    ("evaluatiemoment", "Evaluatiemoment"),
    ("uitkomst_evaluatie", "Uitkomst evaluatie"),
    ("succesvol", "Pilot succesvol?"),
    ("succesvol_toelichting", "Pilot succesvol? (toelichting)"),
    ("beleid_aanpassen", "Beleid aanpassen?"),
    ("beleid_aanpassen_toelichting", "Beleid aanpassen? (toelichting)"),
    ("financieel_gevolg", "Financieel gevolg?"),
    ("financieel_gevolg_toelichting", "Financieel gevolg? (toelichting)"),
    ("bestuurlijk_gerapporteerd", "Hoe bestuurlijk gerapporteerd?"),
    ("fase", "Fase"),
    ("resultaat", "Resultaat"),
]


@dataclass
class FieldChange:
    field: str
    label: str
    old: str
    new: str

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
    previous = round.previous()
    current = {r["slug"]: r for r in snapshots(round)}
    before = {r["slug"]: r for r in snapshots(previous)} if previous else {}
    added = [current[s]["name"] for s in current if s not in before]
    removed = [before[s]["name"] for s in before if s not in current]
    changed = []
    for slug, record in current.items():
        if slug not in before:
            continue
        pilot_changes = PilotChanges(slug=slug, name=record["name"])
        for name, label in COMPARED_FIELDS:
            old, new = str(before[slug].get(name) or ""), str(record.get(name) or "")
            if old != new:
                pilot_changes.changes.append(FieldChange(name, label, old, new))
        if pilot_changes.changes:
            changed.append(pilot_changes)
    return RoundDiff(previous.name if previous else None, added, removed, changed)


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
