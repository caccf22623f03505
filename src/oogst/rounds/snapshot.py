"""What a frozen round says about one pilot: a typed, versioned record, built by one function.

The snapshot is the single input of the round's diff, its appendix renderers and its exports.
It holds everything the appendix shows: every form field, the answers with their
explanations, dates as written and as read, progress updates, and owner, programme and
portefeuille as structured values. Its JSON carries `schema`; `load()` upgrades older
schemas and refuses newer ones with a message a coordinator can act on.

Schema history: 1 the register's export record, 2 the typed contract, 3 lessons added,
4 indicators with their measurements, budget lines and the date funding ends.

Adding a field: add it to `PilotSnapshot` with a label (the diff and the exports follow from
the field list), fill it in `build()`, bump `SCHEMA_VERSION` and teach `_upgrade` the step.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from oogst import money, vague_dates
from oogst.core.text import normalise_text
from oogst.pilots.models import (
    Antwoord,
    BudgetLine,
    Direction,
    FundingKind,
    FundingNature,
    Indicator,
    Lesson,
    LessonKind,
    Pilot,
    Resultaat,
    StatusUpdate,
)

SCHEMA_VERSION = 4


class SnapshotVersionError(Exception):
    """A snapshot written by a newer Oogst than this one; never guessed at."""

    def __init__(self, found):
        self.found = found
        super().__init__(
            f"This round was frozen with snapshot schema {found}; this version of Oogst reads "
            f"schemas up to {SCHEMA_VERSION}. Update Oogst to read it."
        )


def _label(model, name: str):
    """Labels come from where the form's labels come from: the model's verbose names."""
    return lambda: capfirst(model._meta.get_field(name).verbose_name)


def _meta(label, *, compare: bool = True, kind: str = "text") -> dict:
    return {"label": label, "compare": compare, "kind": kind}


@dataclass(frozen=True)
class DateValue:
    """A vague date: the text as written (what the appendix prints) and how Oogst reads it."""

    text: str = ""
    start: datetime.date | None = None
    end: datetime.date | None = None
    precision: str = "unknown"

    def __str__(self):
        return self.text


@dataclass(frozen=True)
class ProgrammaRef:
    number: int | None
    name: str

    def __str__(self):
        return f"Programma {self.number}. {self.name}" if self.number is not None else self.name


@dataclass(frozen=True)
class PortefeuilleRef:
    name: str
    portefeuillehouder: str = ""

    def __str__(self):
        if self.portefeuillehouder:
            return f"{self.name} ({self.portefeuillehouder})"
        return self.name


@dataclass(frozen=True)
class PersonRef:
    username: str
    name: str = ""

    def __str__(self):
        return self.name or self.username


@dataclass(frozen=True)
class Answer:
    """One of the appendix's evaluation questions: the answer and its explanation."""

    answer: str = ""  # an Antwoord value, or "" when not answered
    toelichting: str = ""

    @property
    def answer_label(self) -> str:
        return str(Antwoord(self.answer).label) if self.answer in Antwoord.values else ""

    def __str__(self):
        parts = [p for p in (self.answer_label, self.toelichting) if p]
        return ". ".join(parts)


@dataclass(frozen=True)
class ProgressUpdate:
    """A "stand van zaken" as the appendix prints it; `id` matches it across rounds."""

    id: int | None
    date: datetime.date | None
    title: str
    text: str
    author: str = ""

    @property
    def key(self):
        return ("id", self.id) if self.id is not None else ("text", self.date, self.title)

    def __str__(self):
        when = date_format(self.date, "j F Y") if self.date else ""
        heading = " — ".join(p for p in (when, self.title) if p)
        return f"{heading}\n{self.text}" if heading else self.text


@dataclass(frozen=True)
class LessonRecord:
    """A lesson as the round reported it; `id` matches it across rounds."""

    id: int | None
    kind: str  # a LessonKind value
    text: str
    themes: tuple[str, ...] = ()
    decision: str = ""  # a Resultaat value, or ""
    policy_change: bool = False

    @property
    def key(self):
        return ("id", self.id) if self.id is not None else ("text", self.kind, self.text)

    @property
    def kind_label(self) -> str:
        return str(LessonKind(self.kind).label) if self.kind in LessonKind.values else self.kind

    @property
    def decision_label(self) -> str:
        return str(Resultaat(self.decision).label) if self.decision in Resultaat.values else ""

    def __str__(self):
        lines = [f"{self.kind_label}: {self.text}"]
        if self.themes:
            lines.append(
                f"{capfirst(Lesson._meta.get_field('themes').verbose_name)}: "
                + ", ".join(self.themes)
            )
        if self.decision:
            lines.append(
                f"{capfirst(Lesson._meta.get_field('decision').verbose_name)}: "
                + self.decision_label
            )
        if self.policy_change:
            lines.append(str(capfirst(Lesson._meta.get_field("policy_change").verbose_name)))
        return "\n".join(lines)


def _dmy(day: datetime.date | None) -> str:
    return f"{day:%d-%m-%Y}" if day else ""


@dataclass(frozen=True)
class MeasurementRecord:
    id: int | None
    date: datetime.date
    value: Decimal
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class IndicatorRecord:
    """An indicator as the round reported it, with its measurements; `id` matches it across
    rounds, so a new measurement shows as the indicator edited."""

    id: int | None
    name: str
    unit: str = ""
    direction: str = Direction.HIGHER
    baseline: Decimal | None = None
    baseline_date: datetime.date | None = None
    target: Decimal | None = None
    target_date: DateValue = field(default_factory=DateValue)
    measurements: tuple[MeasurementRecord, ...] = ()

    @property
    def key(self):
        return ("id", self.id) if self.id is not None else ("name", self.name)

    @property
    def latest(self) -> MeasurementRecord | None:
        if not self.measurements:
            return None
        return max(self.measurements, key=lambda m: (m.date, m.id or 0))

    @property
    def progress(self) -> int | None:
        latest = self.latest
        if latest is None:
            return None
        # The model's rule, so page and appendix agree on how far a pilot got.
        rule = Indicator(direction=self.direction, baseline=self.baseline, target=self.target)
        return rule.progress(latest.value)

    def figure(self, value) -> str:
        if value is None:
            return ""
        return f"{money.number(value)} {self.unit}".strip()

    @property
    def baseline_text(self) -> str:
        text = self.figure(self.baseline)
        return f"{text} ({_dmy(self.baseline_date)})" if text and self.baseline_date else text

    @property
    def target_text(self) -> str:
        text = self.figure(self.target)
        return f"{text} ({self.target_date.text})" if text and self.target_date.text else text

    @property
    def realised_text(self) -> str:
        latest = self.latest
        return f"{self.figure(latest.value)} ({_dmy(latest.date)})" if latest else ""

    def __str__(self):
        parts = [
            f"{_('Baseline')}: {self.baseline_text or '–'}",
            f"{_('Target')}: {self.target_text or '–'}",
        ]
        lines = [f"{self.name}: " + "; ".join(parts)]
        for m in sorted(self.measurements, key=lambda m: (m.date, m.id or 0)):
            extra = ", ".join(p for p in (m.source, m.note) if p)
            lines.append(
                f"{_dmy(m.date)}: {self.figure(m.value)}" + (f" ({extra})" if extra else "")
            )
        return "\n".join(lines)


@dataclass(frozen=True)
class BudgetLineRecord:
    """A budget line as the round reported it; amounts in euros."""

    id: int | None
    funding_kind: str
    nature: str
    year: int | None = None
    description: str = ""
    funder: str = ""
    begroot: Decimal | None = None
    besteed: Decimal | None = None

    @property
    def key(self):
        return ("id", self.id) if self.id is not None else ("line", self.year, self.funding_kind)

    @property
    def source_label(self) -> str:
        if not self.funding_kind:
            return self.funder or _("Source not stated")
        kind = dict(FundingKind.choices).get(self.funding_kind, self.funding_kind)
        return f"{kind} ({self.funder})" if self.funder else str(kind)

    @property
    def nature_label(self) -> str:
        return str(dict(FundingNature.choices).get(self.nature, self.nature))

    def __str__(self):
        head = " · ".join(
            str(p) for p in (self.year, self.source_label, self.nature_label, self.description) if p
        )
        amounts = []
        if self.begroot is not None:
            amounts.append(f"{_('budgeted')} {money.euro(self.begroot)}")
        if self.besteed is not None:
            amounts.append(f"{_('spent')} {money.euro(self.besteed)}")
        return f"{head}: {', '.join(amounts)}"


@dataclass(frozen=True)
class PilotSnapshot:
    pilot_id: int | None = field(metadata=_meta(lambda: "ID", compare=False))
    slug: str = field(metadata=_meta(_label(Pilot, "slug"), compare=False))
    name: str = field(default="", metadata=_meta(_label(Pilot, "name")))
    korte_omschrijving: str = field(default="", metadata=_meta(_label(Pilot, "korte_omschrijving")))
    programma: ProgrammaRef | None = field(default=None, metadata=_meta(_label(Pilot, "programma")))
    portefeuille: PortefeuilleRef | None = field(
        default=None, metadata=_meta(_label(Pilot, "portefeuille"))
    )
    doel: str = field(default="", metadata=_meta(_label(Pilot, "doel")))
    startdatum: DateValue = field(
        default_factory=DateValue, metadata=_meta(_label(Pilot, "startdatum"))
    )
    einddatum: DateValue = field(
        default_factory=DateValue, metadata=_meta(_label(Pilot, "einddatum"))
    )
    evaluatiemoment: DateValue = field(
        default_factory=DateValue, metadata=_meta(_label(Pilot, "evaluatiemoment"))
    )
    uitkomst_evaluatie: str = field(default="", metadata=_meta(_label(Pilot, "uitkomst_evaluatie")))
    succesvol: Answer = field(default_factory=Answer, metadata=_meta(_label(Pilot, "succesvol")))
    beleid_aanpassen: Answer = field(
        default_factory=Answer, metadata=_meta(_label(Pilot, "beleid_aanpassen"))
    )
    financieel_gevolg: Answer = field(
        default_factory=Answer, metadata=_meta(_label(Pilot, "financieel_gevolg"))
    )
    bestuurlijk_gerapporteerd: str = field(
        default="", metadata=_meta(_label(Pilot, "bestuurlijk_gerapporteerd"))
    )
    status_updates: tuple[ProgressUpdate, ...] = field(
        default=(),
        metadata=_meta(lambda: capfirst(StatusUpdate._meta.verbose_name_plural), kind="updates"),
    )
    lessons: tuple[LessonRecord, ...] = field(
        default=(),
        metadata=_meta(lambda: capfirst(Lesson._meta.verbose_name_plural), kind="lessons"),
    )
    indicators: tuple[IndicatorRecord, ...] = field(
        default=(),
        metadata=_meta(lambda: capfirst(Indicator._meta.verbose_name_plural), kind="records"),
    )
    budget_lines: tuple[BudgetLineRecord, ...] = field(
        default=(),
        metadata=_meta(lambda: capfirst(BudgetLine._meta.verbose_name_plural), kind="records"),
    )
    funding_ends: datetime.date | None = field(
        default=None, metadata=_meta(_label(Pilot, "funding_ends"))
    )
    fase: str = field(default="", metadata=_meta(_label(Pilot, "fase"), kind="choice"))
    resultaat: str = field(default="", metadata=_meta(_label(Pilot, "resultaat"), kind="choice"))
    aanleiding_soort: str = field(
        default="", metadata=_meta(_label(Pilot, "aanleiding_soort"), kind="choice")
    )
    motienummers: tuple[str, ...] = field(default=(), metadata=_meta(_label(Pilot, "motienummers")))
    aanleiding_toelichting: str = field(
        default="", metadata=_meta(_label(Pilot, "aanleiding_toelichting"))
    )
    partners: tuple[str, ...] = field(default=(), metadata=_meta(_label(Pilot, "partners")))
    owner: PersonRef | None = field(default=None, metadata=_meta(_label(Pilot, "owner")))
    target_participants: int | None = field(
        default=None, metadata=_meta(_label(Pilot, "target_participants"))
    )
    budget: Decimal | None = field(default=None, metadata=_meta(_label(Pilot, "budget")))
    # Which saved version of the pilot this is; bookkeeping, not content.
    pilot_version: int | None = field(default=None, metadata=_meta(lambda: "", compare=False))

    @property
    def programma_number(self) -> int | None:
        return self.programma.number if self.programma else None

    def display(self, name: str) -> str:
        """A field as people read it (choices by their label), for diffs and exports."""
        value = getattr(self, name)
        kind = SNAPSHOT_FIELDS[name].metadata["kind"]
        if value is None:
            return ""
        if kind == "choice":
            return str(dict(Pilot._meta.get_field(name).flatchoices).get(value, value))
        if isinstance(value, tuple):
            return ", ".join(str(v) for v in value)
        if isinstance(value, Decimal):
            return f"{value:.2f}"
        if isinstance(value, datetime.date):
            return _dmy(value)
        return str(value)

    def to_json(self) -> dict:
        data = dataclasses.asdict(self)
        data["schema"] = SCHEMA_VERSION
        return _jsonable(data)


SNAPSHOT_FIELDS = {f.name: f for f in dataclasses.fields(PilotSnapshot)}
COMPARED_FIELDS = [f.name for f in dataclasses.fields(PilotSnapshot) if f.metadata["compare"]]


def field_label(name: str) -> str:
    return str(SNAPSHOT_FIELDS[name].metadata["label"]())


def build(pilot: Pilot) -> PilotSnapshot:
    """The one way to make a snapshot of a pilot (prefetch partners, updates and lessons)."""
    return PilotSnapshot(
        pilot_id=pilot.pk,
        slug=pilot.slug,
        name=pilot.name,
        korte_omschrijving=pilot.korte_omschrijving,
        programma=ProgrammaRef(pilot.programma.number, pilot.programma.name)
        if pilot.programma
        else None,
        portefeuille=PortefeuilleRef(pilot.portefeuille.name, pilot.portefeuille.portefeuillehouder)
        if pilot.portefeuille
        else None,
        doel=pilot.doel,
        **{
            name: DateValue(
                text=getattr(pilot, name),
                start=getattr(pilot, f"{name}_start"),
                end=getattr(pilot, f"{name}_end"),
                precision=getattr(pilot, f"{name}_precision"),
            )
            for name in Pilot.VAGUE_DATE_FIELDS
        },
        uitkomst_evaluatie=pilot.uitkomst_evaluatie,
        **{
            name: Answer(getattr(pilot, name), getattr(pilot, f"{name}_toelichting"))
            for name in ("succesvol", "beleid_aanpassen", "financieel_gevolg")
        },
        bestuurlijk_gerapporteerd=pilot.bestuurlijk_gerapporteerd,
        status_updates=tuple(
            ProgressUpdate(
                id=u.pk,
                date=u.date,
                title=u.title,
                text=u.text,
                author=(u.author.get_full_name() or u.author.username) if u.author else "",
            )
            for u in pilot.status_updates.all()
        ),
        lessons=tuple(
            LessonRecord(
                id=lesson.pk,
                kind=lesson.kind,
                text=lesson.text,
                themes=tuple(sorted(t.name for t in lesson.themes.all())),
                decision=lesson.decision,
                policy_change=lesson.policy_change,
            )
            for lesson in pilot.lessons.all()
        ),
        indicators=tuple(
            IndicatorRecord(
                id=indicator.pk,
                name=indicator.name,
                unit=indicator.unit,
                direction=indicator.direction,
                baseline=indicator.baseline,
                baseline_date=indicator.baseline_date,
                target=indicator.target,
                target_date=DateValue(
                    text=indicator.target_date,
                    start=indicator.target_date_start,
                    end=indicator.target_date_end,
                    precision=indicator.target_date_precision,
                ),
                measurements=tuple(
                    MeasurementRecord(m.pk, m.date, m.value, m.source, m.note)
                    for m in sorted(indicator.measurements.all(), key=lambda m: (m.date, m.pk))
                ),
            )
            for indicator in pilot.indicators.all()
        ),
        budget_lines=tuple(
            BudgetLineRecord(
                id=line.pk,
                funding_kind=line.funding_kind,
                nature=line.nature,
                year=line.year,
                description=line.description,
                funder=line.funder,
                begroot=line.begroot,
                besteed=line.besteed,
            )
            for line in pilot.budget_lines.all()
        ),
        funding_ends=pilot.funding_ends,
        fase=pilot.fase,
        resultaat=pilot.resultaat,
        aanleiding_soort=pilot.aanleiding_soort,
        motienummers=tuple(pilot.motion_numbers),
        aanleiding_toelichting=pilot.aanleiding_toelichting,
        partners=tuple(p.name for p in pilot.partners.all()),
        owner=PersonRef(pilot.owner.username, pilot.owner.get_full_name()) if pilot.owner else None,
        target_participants=pilot.target_participants,
        budget=pilot.budget,
        pilot_version=pilot.version,
    )


# --- JSON -------------------------------------------------------------------------------


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _date(value) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _decimal(value) -> Decimal | None:
    return Decimal(value) if value is not None else None


def _load_indicator(data: dict) -> IndicatorRecord:
    target_date = data.get("target_date") or {}
    return IndicatorRecord(
        id=data.get("id"),
        name=data.get("name") or "",
        unit=data.get("unit") or "",
        direction=data.get("direction") or Direction.HIGHER,
        baseline=_decimal(data.get("baseline")),
        baseline_date=_date(data.get("baseline_date")),
        target=_decimal(data.get("target")),
        target_date=DateValue(
            text=target_date.get("text") or "",
            start=_date(target_date.get("start")),
            end=_date(target_date.get("end")),
            precision=target_date.get("precision") or "unknown",
        ),
        measurements=tuple(
            MeasurementRecord(
                id=m.get("id"),
                date=_date(m["date"]),
                value=Decimal(m["value"]),
                source=m.get("source") or "",
                note=m.get("note") or "",
            )
            for m in data.get("measurements") or ()
        ),
    )


def _load_budget_line(data: dict) -> BudgetLineRecord:
    return BudgetLineRecord(
        id=data.get("id"),
        funding_kind=data.get("funding_kind") or "",
        nature=data.get("nature") or "",
        year=data.get("year"),
        description=data.get("description") or "",
        funder=data.get("funder") or "",
        begroot=_decimal(data.get("begroot")),
        besteed=_decimal(data.get("besteed")),
    )


def load(data: dict) -> PilotSnapshot:
    """A stored snapshot as the typed record, upgrading older schemas on the way."""
    data = upgrade(data)
    return PilotSnapshot(
        pilot_id=data.get("pilot_id"),
        slug=data["slug"],
        name=data["name"],
        korte_omschrijving=data["korte_omschrijving"],
        programma=ProgrammaRef(**data["programma"]) if data["programma"] else None,
        portefeuille=PortefeuilleRef(**data["portefeuille"]) if data["portefeuille"] else None,
        doel=data["doel"],
        **{
            name: DateValue(
                text=data[name]["text"],
                start=_date(data[name]["start"]),
                end=_date(data[name]["end"]),
                precision=data[name]["precision"],
            )
            for name in Pilot.VAGUE_DATE_FIELDS
        },
        uitkomst_evaluatie=data["uitkomst_evaluatie"],
        **{
            name: Answer(**data[name])
            for name in ("succesvol", "beleid_aanpassen", "financieel_gevolg")
        },
        bestuurlijk_gerapporteerd=data["bestuurlijk_gerapporteerd"],
        status_updates=tuple(
            ProgressUpdate(
                id=u.get("id"),
                date=_date(u.get("date")),
                title=u.get("title") or "",
                text=u.get("text") or "",
                author=u.get("author") or "",
            )
            for u in data["status_updates"]
        ),
        lessons=tuple(
            LessonRecord(
                id=lesson.get("id"),
                kind=lesson.get("kind") or "",
                text=lesson.get("text") or "",
                themes=tuple(lesson.get("themes") or ()),
                decision=lesson.get("decision") or "",
                policy_change=bool(lesson.get("policy_change")),
            )
            for lesson in data["lessons"]
        ),
        indicators=tuple(_load_indicator(i) for i in data["indicators"]),
        budget_lines=tuple(_load_budget_line(line) for line in data["budget_lines"]),
        funding_ends=_date(data["funding_ends"]),
        fase=data["fase"],
        resultaat=data["resultaat"],
        aanleiding_soort=data["aanleiding_soort"],
        motienummers=tuple(data["motienummers"]),
        aanleiding_toelichting=data["aanleiding_toelichting"],
        partners=tuple(data["partners"]),
        owner=PersonRef(**data["owner"]) if data["owner"] else None,
        target_participants=data["target_participants"],
        budget=Decimal(data["budget"]) if data["budget"] is not None else None,
        pilot_version=data.get("pilot_version"),
    )


def upgrade(data: dict, *, to: int = SCHEMA_VERSION) -> dict:
    """Bring stored JSON to the current schema (or to schema `to`, for a migration that was
    written for it); refuse a schema from the future."""
    schema = data.get("schema", 1)
    if not isinstance(schema, int) or schema > SCHEMA_VERSION or schema < 1:
        raise SnapshotVersionError(schema)
    if schema == 1 and to >= 2:
        data = _upgrade_1_to_2(data)
    if data.get("schema") == 2 and to >= 3:
        data = _upgrade_2_to_3(data)
    if data.get("schema") == 3 and to >= 4:
        data = _upgrade_3_to_4(data)
    return data


def _upgrade_3_to_4(old: dict) -> dict:
    """Schema 4 added indicators, budget lines and the funding end; none were reported."""
    return {**old, "schema": 4, "indicators": [], "budget_lines": [], "funding_ends": None}


def _upgrade_2_to_3(old: dict) -> dict:
    """Schema 3 added lessons; a round frozen before them reported none."""
    return {**old, "schema": 3, "lessons": []}


_PROGRAMMA = re.compile(r"^\s*Programma\s+(\d+)\.\s*(.*)$", re.DOTALL)


def _upgrade_1_to_2(old: dict) -> dict:
    """Schema 1 was the register's CSV export record: flat, programme as display text."""

    def text(key):
        return normalise_text(old.get(key) or "")

    programma = None
    if old.get("programma"):
        match = _PROGRAMMA.match(old["programma"])
        programma = (
            {"number": int(match.group(1)), "name": normalise_text(match.group(2))}
            if match
            else {"number": None, "name": text("programma")}
        )
    dates = {}
    for name in Pilot.VAGUE_DATE_FIELDS:
        written = text(name)
        dates[name] = {
            "text": written,
            "start": old.get(f"{name}_start"),
            "end": old.get(f"{name}_end"),
            "precision": vague_dates.parse(written).precision,
        }
    return {
        "schema": 2,
        "pilot_id": old.get("pilot_id"),
        "slug": old["slug"],
        "name": text("name"),
        "korte_omschrijving": text("korte_omschrijving"),
        "programma": programma,
        "portefeuille": {
            "name": text("portefeuille"),
            "portefeuillehouder": text("portefeuillehouder"),
        }
        if old.get("portefeuille")
        else None,
        "doel": text("doel"),
        **dates,
        "uitkomst_evaluatie": text("uitkomst_evaluatie"),
        **{
            name: {"answer": old.get(name) or "", "toelichting": text(f"{name}_toelichting")}
            for name in ("succesvol", "beleid_aanpassen", "financieel_gevolg")
        },
        "bestuurlijk_gerapporteerd": text("bestuurlijk_gerapporteerd"),
        "status_updates": [
            {
                "id": u.get("id"),
                "date": u.get("date"),
                "title": normalise_text(u.get("title") or ""),
                "text": normalise_text(u.get("text") or ""),
                "author": u.get("author") or "",
            }
            for u in old.get("status_updates") or []
        ],
        "fase": old.get("fase") or "",
        "resultaat": old.get("resultaat") or "",
        "aanleiding_soort": old.get("aanleiding_soort") or "",
        "motienummers": list(old.get("motienummers") or []),
        "aanleiding_toelichting": text("aanleiding_toelichting"),
        "partners": list(old.get("partners") or []),
        "owner": {"username": old["owner"], "name": old.get("owner_name") or ""}
        if old.get("owner")
        else None,
        "target_participants": old.get("target_participants"),
        "budget": old.get("budget"),
        "pilot_version": None,
    }
