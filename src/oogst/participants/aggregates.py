"""What municipal users see of a pilot's participants: counts, never records.

Every count below SMALL_CELL people is shown as "<5", in the page, the exports and the end
report alike, also when a filter narrows the group. Where a table shows its total, a single
hidden cell could be worked out by subtraction, so one more cell is hidden (complementary
suppression) until the hidden cells together count no one or at least SMALL_CELL people.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import LadderRung, Outcome, Participant

SMALL_CELL = 5
SUPPRESSED = "<5"


@dataclass(frozen=True)
class Figure:
    """A count as it may be shown: the number, or "<5" with the number gone."""

    value: int | None

    def __str__(self):
        return SUPPRESSED if self.value is None else str(self.value)

    @property
    def suppressed(self) -> bool:
        return self.value is None


def figure(count: int) -> Figure:
    return Figure(None if count < SMALL_CELL else count)


def distribution(counts: dict, *, total_shown: bool = True) -> dict:
    """Suppress a table of counts; with its total shown, guard hidden cells against subtraction."""
    hidden = {key for key, count in counts.items() if count < SMALL_CELL}
    if total_shown:
        # total minus the shown cells gives the hidden cells' sum: it must not be 1 to 4 people.
        while len(hidden) < len(counts) and 0 < sum(counts[key] for key in hidden) < SMALL_CELL:
            visible = [key for key in counts if key not in hidden]
            hidden.add(min(visible, key=lambda key: counts[key]))
    return {key: Figure(None if key in hidden else count) for key, count in counts.items()}


@dataclass
class Filters:
    start_year: int | None = None
    status: str = ""  # "", "actief" or "uitgestroomd"
    activity_type: int | None = None


def _quarter(day: datetime.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def compute(monitor, filters: Filters | None = None, today=None) -> dict:
    """All figures of a pilot's participants, suppressed and ready to show or export."""
    filters = filters or Filters()
    today = today or timezone.localdate()
    group = Participant.objects.filter(monitor=monitor)
    if filters.start_year:
        group = group.filter(start_date__year=filters.start_year)
    if filters.status == "actief":
        group = group.filter(exit_date__isnull=True)
    elif filters.status == "uitgestroomd":
        group = group.filter(exit_date__isnull=False)
    if filters.activity_type:
        group = group.filter(attendances__activity_type_id=filters.activity_type).distinct()
    people = list(
        group.prefetch_related("steps__phase", "ladder_measurements", "zrm_scores").order_by("pk")
    )

    phases = list(monitor.phases.all())
    current_phase = Counter()
    for person in people:
        if person.exit_date:
            continue
        phase = person.current_phase
        current_phase[phase.pk if phase else None] += 1
    phase_counts = {phase.pk: current_phase[phase.pk] for phase in phases}
    if current_phase[None]:
        phase_counts[None] = current_phase[None]
    phase_labels = {phase.pk: str(phase) for phase in phases} | {None: _("No phase recorded")}

    movement = Counter()
    first_rungs, latest_rungs = Counter(), Counter()
    for person in people:
        measurements = person.ladder_measurements.all()
        if not measurements:
            continue
        first, latest = measurements[0].rung, measurements[len(measurements) - 1].rung
        first_rungs[first] += 1
        latest_rungs[latest] += 1
        if len(measurements) < 2:
            movement["single"] += 1
        elif latest > first:
            movement["up"] += 1
        elif latest < first:
            movement["down"] += 1
        else:
            movement["same"] += 1

    zrm = []
    for domain, label in monitor.zrm_choices:
        change = Counter()
        for person in people:
            scores = [score for score in person.zrm_scores.all() if score.domain == domain]
            if len(scores) >= 2:
                first, latest = scores[0].score, scores[-1].score
                change["up" if latest > first else "down" if latest < first else "same"] += 1
        zrm.append(
            {
                "label": label,
                "figures": distribution({k: change[k] for k in ("up", "same", "down")}),
                "total": figure(sum(change.values())),
            }
        )

    exited = [person for person in people if person.exit_date]
    outcomes = Counter(person.exit_outcome for person in exited)

    reach = len(people)
    reach_figure = figure(reach)
    target = monitor.target
    return {
        "reach": reach_figure,
        "target": target,
        "reach_percent": (
            round(100 * reach / target) if target and not reach_figure.suppressed else None
        ),
        "active": figure(reach - len(exited)),
        "exited": figure(len(exited)),
        "phases": [(phase_labels[key], value) for key, value in distribution(phase_counts).items()],
        "phases_total": figure(sum(phase_counts.values())),
        "movement": distribution({key: movement[key] for key in ("up", "same", "down", "single")}),
        "measured": figure(sum(movement.values())),
        "first_rungs": _rungs(first_rungs),
        "latest_rungs": _rungs(latest_rungs),
        "outcomes": [
            (label, value)
            for (_key, label), value in zip(
                Outcome.choices,
                distribution({key: outcomes[key] for key in Outcome.values}).values(),
                strict=True,
            )
        ],
        "zrm": zrm,
        "over_time": _over_time(people, today),
    }


def _rungs(counter):
    figures = distribution({rung: counter[rung] for rung in LadderRung.values})
    return [(label, figures[value]) for value, label in LadderRung.choices]


def _over_time(people, today):
    """Per quarter: who started, who left, who was taking part at its end."""
    if not people:
        return []
    first = min(person.start_date for person in people)
    year, quarter = _quarter(first)
    rows = []
    while (year, quarter) <= _quarter(today):
        start = datetime.date(year, 3 * quarter - 2, 1)
        end = (
            datetime.date(year + 1, 1, 1)
            if quarter == 4
            else datetime.date(year, 3 * quarter + 1, 1)
        ) - datetime.timedelta(days=1)
        started = sum(1 for p in people if start <= p.start_date <= end)
        left = sum(1 for p in people if p.exit_date and start <= p.exit_date <= end)
        active = sum(
            1 for p in people if p.start_date <= end and (not p.exit_date or p.exit_date > end)
        )
        rows.append(
            {
                "label": f"{year} K{quarter}",
                "started": figure(started),
                "left": figure(left),
                "active": figure(active),
            }
        )
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return rows


MOVEMENT_LABELS = {
    "up": _("Moved up"),
    "same": _("Stayed on the same rung"),
    "down": _("Moved down"),
    "single": _("Measured once so far"),
}


def as_rows(figures: dict) -> list[tuple[str, str, str]]:
    """The figures as (section, item, value) rows for CSV and JSON exports: strings only."""
    rows = [
        ("bereik", "deelnemers", str(figures["reach"])),
        ("bereik", "streefaantal", str(figures["target"] or "")),
        ("bereik", "actief", str(figures["active"])),
        ("bereik", "uitgestroomd", str(figures["exited"])),
    ]
    rows += [("fase", str(label), str(value)) for label, value in figures["phases"]]
    rows += [
        ("participatieladder", str(MOVEMENT_LABELS[key]), str(value))
        for key, value in figures["movement"].items()
    ]
    rows += [("eerste meting", str(label), str(value)) for label, value in figures["first_rungs"]]
    rows += [("laatste meting", str(label), str(value)) for label, value in figures["latest_rungs"]]
    rows += [("uitstroom", str(label), str(value)) for label, value in figures["outcomes"]]
    for domain in figures["zrm"]:
        rows += [
            (f"zrm {domain['label']}", str(MOVEMENT_LABELS[key]), str(value))
            for key, value in domain["figures"].items()
        ]
    for row in figures["over_time"]:
        rows += [
            ("per kwartaal", f"{row['label']} gestart", str(row["started"])),
            ("per kwartaal", f"{row['label']} uitgestroomd", str(row["left"])),
            ("per kwartaal", f"{row['label']} actief", str(row["active"])),
        ]
    return rows
