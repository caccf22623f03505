"""The harvest (*Oogst*, motion 21-0642): what came of the pilots, across all of them.

Outcomes of completed pilots, the policy changes they led to with their financial
consequence, and the lessons grouped by theme. It reads one typed record per pilot,
`HarvestPilot`, made either from the live register (for municipal readers) or from a
published round's snapshots (for the public), so both see the same page from different
sources and the public never sees what was not published.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from django.urls import reverse
from django.utils.translation import gettext as _

from oogst.pilots.models import Antwoord, Fase, Lesson, LessonKind, Pilot, Resultaat

from .models import Round
from .snapshot import Answer, LessonRecord, PilotSnapshot, PortefeuilleRef, ProgrammaRef


@dataclass(frozen=True)
class HarvestPilot:
    slug: str
    name: str
    programma: ProgrammaRef | None
    portefeuille: PortefeuilleRef | None
    fase: str
    resultaat: str
    start: datetime.date | None
    end: datetime.date | None
    beleid_aanpassen: Answer = field(default_factory=Answer)
    financieel_gevolg: Answer = field(default_factory=Answer)
    lessons: tuple[LessonRecord, ...] = ()
    url: str = ""  # the pilot's page, for municipal readers only

    @classmethod
    def from_snapshot(cls, snapshot: PilotSnapshot) -> HarvestPilot:
        return cls(
            slug=snapshot.slug,
            name=snapshot.name,
            programma=snapshot.programma,
            portefeuille=snapshot.portefeuille,
            fase=snapshot.fase,
            resultaat=snapshot.resultaat,
            start=snapshot.startdatum.start,
            end=snapshot.einddatum.end,
            beleid_aanpassen=snapshot.beleid_aanpassen,
            financieel_gevolg=snapshot.financieel_gevolg,
            lessons=snapshot.lessons,
        )


def pilot_url(slug: str) -> str:
    # One reverse() for all pilots: the pattern is fixed, only the slug differs.
    return _detail_pattern().replace("__slug__", slug)


@lru_cache(maxsize=1)
def _detail_pattern() -> str:
    return reverse("pilots:detail", kwargs={"slug": "__slug__"})


def live_records() -> list[HarvestPilot]:
    """Every pilot in the register, in three queries whatever their number.

    Plain rows rather than prefetch_related: Django's prefetching clones a queryset per pilot
    and per lesson, which costs over a second at 2,000 pilots; this costs a tenth of that.
    """
    themes: dict[int, list[str]] = {}
    for lesson_id, name in Lesson.themes.through.objects.values_list("lesson_id", "thema__name"):
        themes.setdefault(lesson_id, []).append(name)
    lessons: dict[int, list[LessonRecord]] = {}
    for pk, pilot_id, kind, text, decision, policy_change in Lesson.objects.order_by(
        "kind", "pk"
    ).values_list("pk", "pilot_id", "kind", "text", "decision", "policy_change"):
        lessons.setdefault(pilot_id, []).append(
            LessonRecord(pk, kind, text, tuple(sorted(themes.get(pk, ()))), decision, policy_change)
        )
    rows = Pilot.objects.order_by("name").values(
        "pk",
        "slug",
        "name",
        "fase",
        "resultaat",
        "startdatum_start",
        "einddatum_end",
        "beleid_aanpassen",
        "beleid_aanpassen_toelichting",
        "financieel_gevolg",
        "financieel_gevolg_toelichting",
        "programma__number",
        "programma__name",
        "portefeuille__name",
        "portefeuille__portefeuillehouder",
    )
    return [
        HarvestPilot(
            slug=row["slug"],
            name=row["name"],
            url=pilot_url(row["slug"]),
            programma=ProgrammaRef(row["programma__number"], row["programma__name"])
            if row["programma__name"] is not None
            else None,
            portefeuille=PortefeuilleRef(
                row["portefeuille__name"], row["portefeuille__portefeuillehouder"]
            )
            if row["portefeuille__name"] is not None
            else None,
            fase=row["fase"],
            resultaat=row["resultaat"],
            start=row["startdatum_start"],
            end=row["einddatum_end"],
            beleid_aanpassen=Answer(row["beleid_aanpassen"], row["beleid_aanpassen_toelichting"]),
            financieel_gevolg=Answer(
                row["financieel_gevolg"], row["financieel_gevolg_toelichting"]
            ),
            lessons=tuple(lessons.get(row["pk"], ())),
        )
        for row in rows
    ]


def latest_published_round() -> Round | None:
    return Round.objects.filter(published=True).order_by("-peildatum", "-pk").first()


def published_records(round: Round) -> list[HarvestPilot]:
    from .services import snapshots

    return [HarvestPilot.from_snapshot(s) for s in snapshots(round)]


# --- filters ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    programma: int | None = None
    portefeuille: str = ""
    van: int | None = None  # first year of the period
    tot: int | None = None  # last year of the period

    @classmethod
    def from_params(cls, params) -> Filters:
        """Read the query string; a value that is not a number is ignored, never an error."""

        def year(key):
            value = params.get(key, "").strip()
            return int(value) if value.isdigit() and 1900 <= int(value) <= 2199 else None

        programma = params.get("programma", "").strip()
        return cls(
            programma=int(programma) if programma.isdigit() else None,
            portefeuille=params.get("portefeuille", "").strip()[:200],
            van=year("van"),
            tot=year("tot"),
        )

    def keep(self, record: HarvestPilot) -> bool:
        if self.programma is not None and record.programma is None:
            return False
        if self.programma is not None and record.programma.number != self.programma:
            return False
        if self.portefeuille and (
            record.portefeuille is None or record.portefeuille.name != self.portefeuille
        ):
            return False
        # The period: the pilot ran (start to end, as meant) at some time within it. A pilot
        # whose dates are unknown is not ruled out by what is unknown.
        if self.tot is not None and record.start and record.start > datetime.date(self.tot, 12, 31):
            return False
        if self.van is not None and record.end and record.end < datetime.date(self.van, 1, 1):
            return False
        return True


# --- the harvest ------------------------------------------------------------------------------

OUTCOMES = (Resultaat.GEBORGD, Resultaat.VOORTGEZET, Resultaat.GESTOPT)
CHANGES_POLICY = (Antwoord.JA, Antwoord.DEELS)


# Lists on the page stop after this many items (with "and N more" and a link to see all):
# a council member reads the first ones; a register of thousands would make a page nobody reads.
LIST_LIMIT = 25


@dataclass
class Outcome:
    value: str
    label: str
    count: int
    all_pilots: list[HarvestPilot]
    limit: int | None = LIST_LIMIT

    @property
    def pilots(self):
        return self.all_pilots[: self.limit] if self.limit else self.all_pilots

    @property
    def more(self) -> int:
        return len(self.all_pilots) - len(self.pilots)


@dataclass
class ThemeLessons:
    theme: str
    all_lessons: list[tuple[LessonRecord, HarvestPilot]]
    limit: int | None = LIST_LIMIT

    @property
    def lessons(self):
        return self.all_lessons[: self.limit] if self.limit else self.all_lessons

    @property
    def more(self) -> int:
        return len(self.all_lessons) - len(self.lessons)


@dataclass
class Harvest:
    pilots: int
    completed: int
    outcomes: list[Outcome]
    all_policy_changes: list[HarvestPilot]
    themes: list[ThemeLessons]
    programmas: list[ProgrammaRef]
    portefeuilles: list[str]
    limit: int | None = LIST_LIMIT

    @property
    def policy_changes(self):
        changes = self.all_policy_changes
        return changes[: self.limit * 2] if self.limit else changes

    @property
    def more_policy_changes(self) -> int:
        return len(self.all_policy_changes) - len(self.policy_changes)

    @property
    def shortened(self) -> bool:
        return bool(
            self.more_policy_changes
            or any(o.more for o in self.outcomes)
            or any(t.more for t in self.themes)
        )

    @property
    def largest_outcome(self) -> int:
        return max((o.count for o in self.outcomes), default=0)


def harvest(records: list[HarvestPilot], filters: Filters, *, complete: bool = False) -> Harvest:
    """The figures and lists of the harvest page for the records that pass the filters.

    Lists are cut at LIST_LIMIT items unless `complete`; the counts are always of everything.
    """
    limit = None if complete else LIST_LIMIT
    programmas = sorted(
        {r.programma for r in records if r.programma},
        key=lambda p: (p.number is None, p.number or 0, p.name),
    )
    portefeuilles = sorted({r.portefeuille.name for r in records if r.portefeuille})
    kept = [r for r in records if filters.keep(r)]
    completed = [r for r in kept if r.fase == Fase.AFGEROND]
    counts = Counter(r.resultaat for r in completed)
    outcomes = [
        Outcome(
            value,
            str(value.label),
            counts[value],
            [r for r in completed if r.resultaat == value],
            limit,
        )
        for value in OUTCOMES
    ]
    unknown = [r for r in completed if r.resultaat not in OUTCOMES]
    outcomes.append(Outcome("", _("No result recorded"), len(unknown), unknown, limit))
    policy_changes = [r for r in kept if r.beleid_aanpassen.answer in CHANGES_POLICY]
    by_theme: dict[str, list] = {}
    without = _("Without theme")
    for record in kept:
        for lesson in record.lessons:
            for theme in lesson.themes or (without,):
                by_theme.setdefault(theme, []).append((lesson, record))
    kind_order = {k: i for i, k in enumerate(LessonKind.values)}
    themes = [
        ThemeLessons(
            theme,
            sorted(by_theme[theme], key=lambda lr: (kind_order.get(lr[0].kind, 9), lr[1].name)),
            limit,
        )
        for theme in sorted(by_theme, key=lambda t: (t == without, t.lower()))
    ]
    return Harvest(
        pilots=len(kept),
        completed=len(completed),
        outcomes=outcomes,
        all_policy_changes=policy_changes,
        themes=themes,
        programmas=programmas,
        portefeuilles=portefeuilles,
        limit=limit,
    )
