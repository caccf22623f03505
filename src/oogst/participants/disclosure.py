"""What municipal users may see of a pilot's participants: the one place that decides.

Page, CSV/JSON exports, the end report (DOCX/PDF) and any later API all take their figures from
`publish()`. Everything one user can obtain for a monitor (every table of every group the page
offers) is treated as one system of linear relations, and the method below keeps every hidden
cell ambiguous within that whole system. The README explains it in Dutch; in short:

1. Groups (views). The whole group and one filter at a time (start year, status, activity).
   A group of fewer than MIN_GROUP people shows no figures. Two groups that differ by 1 to 4
   people are never both shown: the views are considered in a fixed order (everyone, years
   ascending, taking part, left, activities by name) and a later one is refused. Parts of a
   partition (years, status) are also refused when the people they leave over would number 1-4.
2. Cells. A shown count is 0 or at least SMALL. A count of 1-4 reads "<5"; a count of 5 or more
   hidden only to protect another reads "suppressed" ("onderdrukt"). Only cells of 5 or more are
   ever hidden to protect others, so "suppressed" honestly means "5 or more".
3. Tables of the whole group. Each table is a list of counts with a known total (or, for the
   ladder and ZRM tables, a total of at most the group's size). More cells are hidden, smallest
   first, until every hidden cell can take at least three values given the shown cells and the
   total; a table where that cannot be reached is not shown at all. Phases and outcomes are only
   shown when "taking part" and "left" are shown (they would give those two away otherwise). The
   tables share nothing but their totals, so protecting each table protects the whole group.
   What would link them is not published: the rung tables (they bound the movement table), the
   "left per quarter" and "taking part at the end" columns (they bound each other and the start
   column). The quarterly series shows who started, per quarter, protected per calendar year
   (whose totals the year filter gives away).
4. Tables of a filtered group are shown only when they are "clean": no count of 1-4 in the group,
   in the rest of the whole group, or (for start year and status) in any other part of that
   partition. A clean table never needs hiding, and a clean part implies a clean whole, so a
   filtered view can never narrow a hidden cell of the whole group.

A cell that has to stay hidden ("<5") is the same in every format; the numbers are gone before a
renderer sees them.
"""

import datetime
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Outcome

SMALL = 5  # counts of 1 to SMALL-1 people are never shown
MIN_GROUP = 10  # a group below this shows no figures at all
MIN_DIFFERENCE = 5  # two shown groups differ by no one or by at least this many people
LESS_THAN_FIVE = "<5"

MOVEMENT_KEYS = ("up", "same", "down", "single")
ZRM_KEYS = ("up", "same", "down")
MOVEMENT_LABELS = {
    "up": gettext_lazy("Moved up"),
    "same": gettext_lazy("Stayed on the same rung"),
    "down": gettext_lazy("Moved down"),
    "single": gettext_lazy("Measured once so far"),
}


class Marker:
    SHOWN = ""
    SMALL = "small"  # hidden, true value 1-4
    SUPPRESSED = "suppressed"  # hidden to protect another cell, true value 5 or more


@dataclass(frozen=True)
class Figure:
    """A count as it may be shown: the number, or a marker with the number gone."""

    value: int | None
    marker: str = Marker.SHOWN

    def __str__(self):
        if self.marker == Marker.SMALL:
            return LESS_THAN_FIVE
        if self.marker == Marker.SUPPRESSED:
            return _("suppressed")
        return str(self.value)

    @property
    def suppressed(self) -> bool:
        return self.value is None


def shown(count: int) -> Figure:
    return Figure(count)


def _hidden(count: int) -> Figure:
    return Figure(None, Marker.SMALL if count < SMALL else Marker.SUPPRESSED)


# --- What the figures are made of: one line of facts per person, no identity ------------------


@dataclass(frozen=True)
class Facts:
    """What the figures count about one participant (code and personal fields never come here)."""

    start: datetime.date
    exit: datetime.date | None = None
    outcome: str = ""
    phase: int | None = None  # pk of the current phase
    movement: str | None = None  # one of MOVEMENT_KEYS, None when never measured
    zrm: dict = field(default_factory=dict)  # domain -> "up" | "same" | "down" (two+ scores)
    activities: frozenset = frozenset()


def load_facts(monitor) -> list[Facts]:
    """The facts of every participant of a monitor, anonymised records included (5 queries)."""
    from .models import Attendance, LadderMeasurement, Participant, PhaseStep, ZrmScore

    people = list(
        Participant.objects.filter(monitor=monitor)
        .order_by("pk")
        .values_list("pk", "start_date", "exit_date", "exit_outcome")
    )
    phase = {}
    for pid, phase_id in (
        PhaseStep.objects.filter(participant__monitor=monitor)
        .order_by("participant_id", "date", "id")
        .values_list("participant_id", "phase_id")
    ):
        phase[pid] = phase_id  # the latest step wins
    rungs: dict[int, list[int]] = {}
    for pid, rung in (
        LadderMeasurement.objects.filter(participant__monitor=monitor)
        .order_by("participant_id", "date", "id")
        .values_list("participant_id", "rung")
    ):
        rungs.setdefault(pid, []).append(rung)
    scores: dict[int, dict[str, list[int]]] = {}
    domains = set(monitor.zrm_domains or [])
    for pid, domain, score in (
        ZrmScore.objects.filter(participant__monitor=monitor)
        .order_by("participant_id", "date", "id")
        .values_list("participant_id", "domain", "score")
    ):
        if domain in domains:
            scores.setdefault(pid, {}).setdefault(domain, []).append(score)
    activities: dict[int, set[int]] = {}
    for pid, activity in (
        Attendance.objects.filter(participant__monitor=monitor)
        .values_list("participant_id", "activity_type_id")
        .distinct()
    ):
        activities.setdefault(pid, set()).add(activity)
    return [
        Facts(
            start=start,
            exit=exit_date,
            outcome=outcome if exit_date else "",
            phase=phase.get(pid),
            movement=_movement(rungs.get(pid, [])),
            zrm={
                domain: _movement(values)
                for domain, values in scores.get(pid, {}).items()
                if len(values) >= 2
            },
            activities=frozenset(activities.get(pid, ())),
        )
        for pid, start, exit_date, outcome in people
    ]


def _movement(values: list[int]) -> str | None:
    if not values:
        return None
    if len(values) == 1:
        return "single"
    first, latest = values[0], values[-1]
    return "up" if latest > first else "down" if latest < first else "same"


# --- The shape of the figures: the same rows for every group ----------------------------------


def quarter_of(day: datetime.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


@dataclass(frozen=True)
class Layout:
    """The rows every group's tables have, fixed by the whole group so all views line up."""

    phases: tuple  # phase pks (None: no phase recorded)
    phase_labels: dict
    outcomes: tuple
    outcome_labels: dict
    zrm: tuple  # (domain, label)
    quarters: tuple  # (year, quarter)
    activities: tuple  # (pk, name)

    @classmethod
    def for_monitor(cls, monitor, people: list[Facts], today: datetime.date) -> "Layout":
        phases = list(monitor.phases.all())
        keys = [phase.pk for phase in phases]
        if any(p.phase is None and not p.exit for p in people):
            keys.append(None)
        labels = {phase.pk: str(phase) for phase in phases} | {None: _("No phase recorded")}
        return cls(
            phases=tuple(keys),
            phase_labels=labels,
            outcomes=tuple(Outcome.values),
            outcome_labels=dict(Outcome.choices),
            zrm=tuple(monitor.zrm_choices),
            quarters=quarters_between(people, today),
            activities=tuple((a.pk, a.name) for a in monitor.activity_types.all()),
        )


def quarters_between(people: list[Facts], today: datetime.date) -> tuple:
    """From the first start to today (or a later start date), so every start is counted."""
    if not people:
        return ()
    year, quarter = quarter_of(min(p.start for p in people))
    last = max(quarter_of(today), max(quarter_of(p.start) for p in people))
    result = []
    while (year, quarter) <= last:
        result.append((year, quarter))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return tuple(result)


def true_counts(people: list[Facts], layout: Layout) -> dict[str, dict]:
    """Every table of one group as true counts: the system the disclosure rules protect."""
    exited = [p for p in people if p.exit]
    active = [p for p in people if not p.exit]
    phases = Counter(p.phase for p in active)
    outcomes = Counter(p.outcome for p in exited)
    movement = Counter(p.movement for p in people if p.movement)
    started = Counter(quarter_of(p.start) for p in people)
    tables = {
        "reach": {"active": len(active), "exited": len(exited)},
        "phases": {key: phases[key] for key in layout.phases},
        "outcomes": {key: outcomes[key] for key in layout.outcomes},
        "movement": {key: movement[key] for key in MOVEMENT_KEYS},
        "started": {key: started[key] for key in layout.quarters},
    }
    for domain, _label in layout.zrm:
        change = Counter(p.zrm[domain] for p in people if domain in p.zrm)
        tables[f"zrm:{domain}"] = {key: change[key] for key in ZRM_KEYS}
    return tables


# --- Protecting one table of the whole group --------------------------------------------------


def _bounds(count: int) -> tuple[float, float]:
    """What a reader knows of a hidden cell from its marker."""
    return (1, SMALL - 1) if count < SMALL else (SMALL, math.inf)


_SLACK = object()  # marks the unshown remainder; None is a real key ("no phase recorded")


def _ranges_ok(counts: dict, hidden: set, slack: int | None, caps: dict | None = None) -> bool:
    """Can every hidden cell take at least three values, given the shown cells and the total?

    The exact feasible range of one cell when the reader knows each hidden cell's bounds and
    the hidden cells' sum (the total minus the shown cells); `slack` is an unshown remainder
    with bounds [0, inf) for tables whose total is only known to be at most the group's size.
    """
    caps = caps or {}
    cells = []
    for key in hidden:
        low, high = _bounds(counts[key])
        cells.append(((low, min(high, caps.get(key, math.inf))), key))
    if slack is not None:
        cells.append(((0, math.inf), _SLACK))
    total = sum(counts[key] for key in hidden) + (slack or 0)
    for index, ((low, high), key) in enumerate(cells):
        if key is _SLACK:
            continue
        others = [bounds for i, (bounds, _k) in enumerate(cells) if i != index]
        least = max(low, total - sum(h for _l, h in others))
        most = min(high, total - sum(lo for lo, _h in others))
        if most - least < 2:
            return False
    return True


def protect(counts: dict, *, slack: int | None = None, caps: dict | None = None) -> dict | None:
    """Hide 1-4 and then the smallest cells of 5+ until every hidden cell stays ambiguous.

    Returns key -> Figure, or None when no hiding can protect the table (it is not shown).
    `slack` None means the table's total is known exactly; `caps` are upper bounds a reader
    knows from elsewhere (a group refused as too small has fewer than MIN_GROUP people).
    """
    hidden = {key for key, count in counts.items() if 0 < count < SMALL}
    while hidden and not _ranges_ok(counts, hidden, slack, caps):
        candidates = [key for key, count in counts.items() if key not in hidden and count >= SMALL]
        if not candidates:
            return None
        hidden.add(min(candidates, key=lambda key: counts[key]))  # first of equals: stable
    return {key: _hidden(count) if key in hidden else shown(count) for key, count in counts.items()}


def _clean(counts: dict) -> bool:
    return all(count == 0 or count >= SMALL for count in counts.values())


# --- Groups ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class View:
    key: str  # "" for everyone, "jaar-2025", "status-actief", "activiteit-3"
    label: str
    family: str  # "", "year", "status", "activity"
    members: frozenset  # indexes into the facts list
    refused: str = ""  # why no figures are shown ("" when shown)


def candidate_views(people: list[Facts], layout: Layout) -> list[View]:
    """Every group the page offers, in the fixed order that decides which of two close ones wins."""
    everyone = frozenset(range(len(people)))
    views = [View("", _("Everyone"), "", everyone)]
    for year in sorted({p.start.year for p in people}):
        members = frozenset(i for i, p in enumerate(people) if p.start.year == year)
        views.append(
            View(f"jaar-{year}", _("Started in %(year)s") % {"year": year}, "year", members)
        )
    active = frozenset(i for i, p in enumerate(people) if not p.exit)
    views.append(View("status-actief", _("Taking part"), "status", active))
    views.append(View("status-uitgestroomd", _("Left"), "status", everyone - active))
    for pk, name in layout.activities:
        members = frozenset(i for i, p in enumerate(people) if pk in p.activities)
        views.append(
            View(f"activiteit-{pk}", _("Attended %(name)s") % {"name": name}, "activity", members)
        )
    return views


TOO_SMALL = "too_small"
TOO_CLOSE = "too_close"
REMAINDER = "remainder"


def decide_views(views: list[View]) -> list[View]:
    """Refuse groups below MIN_GROUP and groups within 1-4 people of an earlier shown one."""
    decided: list[View] = []
    for view in views:
        reason = ""
        if len(view.members) < MIN_GROUP:
            reason = TOO_SMALL
        elif any(
            0 < len(view.members ^ other.members) < MIN_DIFFERENCE
            for other in decided
            if not other.refused
        ):
            reason = TOO_CLOSE
        decided.append(View(view.key, view.label, view.family, view.members, reason))
    if not decided or decided[0].refused:
        return [View(v.key, v.label, v.family, v.members, v.refused or TOO_SMALL) for v in decided]
    everyone = decided[0].members
    # A partition's shown parts must leave 0 or at least MIN_DIFFERENCE people over, or the rest
    # is a small group by subtraction: refuse the last shown part until that holds.
    for family in ("year", "status"):
        while True:
            parts = [v for v in decided if v.family == family and not v.refused]
            rest = everyone - frozenset().union(*(v.members for v in parts))
            if not parts or not 0 < len(rest) < MIN_DIFFERENCE:
                break
            last = parts[-1]
            decided[decided.index(last)] = View(
                last.key, last.label, last.family, last.members, REMAINDER
            )
    return decided


# --- Publishing ----------------------------------------------------------------------------


@dataclass
class Published:
    """The figures of one group as they may be shown. A table that may not be shown is None."""

    view: View
    views: list  # every offered view with its decision, for the filter and the explanations
    layout: Layout
    target: int | None
    reach: Figure | None = None
    tables: dict = field(default_factory=dict)  # name -> {key: Figure} or None

    @property
    def refused(self) -> str:
        return self.view.refused

    @property
    def reach_percent(self) -> int | None:
        if self.refused or not self.target or self.reach is None:
            return None
        return round(100 * self.reach.value / self.target)

    def table(self, name: str):
        return self.tables.get(name)


def publish(people: list[Facts], layout: Layout, *, view_key: str = "", target=None) -> Published:
    """The figures of one group that may be shown, after every rule above."""
    views = decide_views(candidate_views(people, layout))
    view = next((v for v in views if v.key == view_key), None)
    if view is None:
        raise KeyError(view_key)
    result = Published(view=view, views=views, layout=layout, target=target)
    if view.refused:
        return result
    whole = views[0]
    group = [people[i] for i in sorted(view.members)]
    result.reach = shown(len(group))
    counts = true_counts(group, layout)
    if view.key == "":
        refused = {v.key for v in views if v.refused == TOO_SMALL}
        caps = {
            cell: MIN_GROUP - 1
            for cell, key in (("active", "status-actief"), ("exited", "status-uitgestroomd"))
            if key in refused
        }
        result.tables = _protect_whole(counts, len(group), caps)
    else:
        pieces = _pieces(people, views, view, whole)
        piece_counts = [true_counts(piece, layout) for piece in pieces]
        result.tables = {
            name: (
                {key: shown(count) for key, count in table.items()}
                if _clean(table) and all(_clean(other[name]) for other in piece_counts)
                else None
            )
            for name, table in counts.items()
        }
        if result.tables["reach"] is None:
            # Phases and outcomes add up to "taking part" and "left": not without them.
            result.tables["phases"] = result.tables["outcomes"] = None
    return result


def _pieces(people, views, view, whole) -> list[list[Facts]]:
    """The groups a reader can work out next to `view`: the rest of everyone, and for a
    partition (start year, status) every other shown part and what the shown parts leave over."""
    if view.family == "activity":
        rest = whole.members - view.members
        return [[people[i] for i in sorted(rest)]]
    parts = [v for v in views if v.family == view.family and not v.refused]
    covered = frozenset().union(*(v.members for v in parts))
    groups = [v.members for v in parts if v.key != view.key] + [whole.members - covered]
    groups.append(whole.members - view.members)
    return [[people[i] for i in sorted(members)] for members in groups]


def _protect_whole(counts: dict, size: int, caps: dict) -> dict:
    # "Taking part" and "left" are the sizes of the status groups: a refused one is below 10.
    tables = {"reach": protect(counts["reach"], caps=caps)}
    split_shown = tables["reach"] is not None and not any(
        figure.suppressed for figure in tables["reach"].values()
    )
    # Phases add up to "taking part" and outcomes to "left": with those hidden, not shown.
    tables["phases"] = protect(counts["phases"]) if split_shown else None
    tables["outcomes"] = protect(counts["outcomes"]) if split_shown else None
    tables["movement"] = protect(counts["movement"], slack=size - sum(counts["movement"].values()))
    for name, table in counts.items():
        if name.startswith("zrm:"):
            tables[name] = protect(table, slack=size - sum(table.values()))
    tables["started"] = _protect_by_year(counts["started"])
    return tables


def _protect_by_year(started: dict) -> dict | None:
    """Starts per quarter, protected per calendar year: the year filter shows each year's total."""
    result = {}
    for year in sorted({year for year, _q in started}):
        block = protect({key: count for key, count in started.items() if key[0] == year})
        if block is None:
            return None
        result |= block
    return result


def load(monitor, *, today=None) -> tuple[list[Facts], Layout]:
    """The facts and the table layout of a monitor, to publish one or more groups from."""
    from django.utils import timezone

    people = load_facts(monitor)
    return people, Layout.for_monitor(monitor, people, today or timezone.localdate())


def for_monitor(monitor, *, view_key: str = "", today=None) -> Published:
    people, layout = load(monitor, today=today)
    return publish(people, layout, view_key=view_key, target=monitor.target)


# --- Rows for exports and documents ---------------------------------------------------------


def quarter_label(key) -> str:
    year, quarter = key
    return f"{year} K{quarter}"


def labelled(published: Published, name: str) -> list[tuple[str, Figure]] | None:
    """(label, Figure) rows of a table, or None when it may not be shown."""
    table = published.table(name)
    if table is None:
        return None
    layout = published.layout
    if name == "phases":
        label = layout.phase_labels.__getitem__
    elif name == "outcomes":
        label = layout.outcome_labels.__getitem__
    elif name == "started":
        label = quarter_label
    elif name == "reach":
        label = {"active": _("Taking part"), "exited": _("Left")}.__getitem__
    else:
        label = MOVEMENT_LABELS.__getitem__
    return [(str(label(key)), figure) for key, figure in table.items()]


NOT_SHOWN = gettext_lazy("not shown")


def as_rows(published: Published) -> list[tuple[str, str, str]]:
    """The figures as (section, item, value) rows for CSV and JSON exports: strings only."""
    if published.refused:
        return [("groep", published.view.label, str(NOT_SHOWN))]
    rows = [
        ("groep", published.view.label, str(published.reach)),
        ("bereik", "deelnemers", str(published.reach)),
        ("bereik", "streefaantal", str(published.target or "")),
    ]
    sections = [
        ("reach", "bereik"),
        ("phases", "fase"),
        ("movement", "participatieladder"),
        ("outcomes", "uitstroom"),
    ]
    sections += [(f"zrm:{domain}", f"zrm {label}") for domain, label in published.layout.zrm]
    sections.append(("started", "gestart per kwartaal"))
    for name, section in sections:
        rows += _section_rows(published, name, section)
    return rows


def _section_rows(published, name, section) -> Iterable[tuple[str, str, str]]:
    rows = labelled(published, name)
    if rows is None:
        return [(section, str(NOT_SHOWN), "")]
    return [(section, label, str(figure)) for label, figure in rows]
