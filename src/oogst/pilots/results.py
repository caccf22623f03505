"""A pilot's figures as its page shows them: baseline → latest → target with progress, a small
chart per indicator, and its budget lines with totals. Read in three queries per pilot."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from oogst import money

from .models import BudgetLine, Indicator, Measurement, Pilot

# The chart's drawing area in SVG units; the SVG scales with its container.
WIDTH, HEIGHT = 480, 160
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 56, 16, 12, 28


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Chart:
    points: list[Point]
    polyline: str
    baseline_y: float | None
    target_y: float | None
    top_label: str
    bottom_label: str
    first_date: str
    last_date: str
    description: str
    width: int = WIDTH
    height: int = HEIGHT
    left: int = PAD_LEFT
    right: int = WIDTH - PAD_RIGHT
    top: int = PAD_TOP
    bottom: int = HEIGHT - PAD_BOTTOM


def indicators_of(pilot: Pilot):
    return pilot.indicators.prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.select_related("author"))
    )


def chart(indicator: Indicator) -> Chart | None:
    """A line of the measurements over time, with the baseline and target as level lines."""
    measurements = sorted(indicator.measurements.all(), key=lambda m: (m.date, m.pk))
    if not measurements:
        return None
    values = [m.value for m in measurements]
    levels = values + [v for v in (indicator.baseline, indicator.target) if v is not None]
    low, high = min(Decimal(0), min(levels)), max(levels)
    if high == low:
        high = low + 1
    first, last = measurements[0].date, measurements[-1].date
    days = max((last - first).days, 1)
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def y(value) -> float:
        return round(PAD_TOP + float((high - value) / (high - low)) * inner_h, 1)

    def x(date) -> float:
        if len(measurements) == 1:
            return PAD_LEFT + inner_w / 2
        return round(PAD_LEFT + (date - first).days / days * inner_w, 1)

    unit = f" {indicator.unit}" if indicator.unit else ""
    points = [
        Point(x(m.date), y(m.value), f"{m.date:%d-%m-%Y}: {money.number(m.value)}{unit}")
        for m in measurements
    ]
    latest = measurements[-1]
    description = (
        f"{len(measurements)} metingen van {first:%d-%m-%Y} tot {last:%d-%m-%Y}; "
        f"laatste waarde {money.number(latest.value)}{unit}"
    )
    if indicator.target is not None:
        description += f"; doel {money.number(indicator.target)}{unit}"
    return Chart(
        points=points,
        polyline=" ".join(f"{p.x},{p.y}" for p in points),
        baseline_y=y(indicator.baseline) if indicator.baseline is not None else None,
        target_y=y(indicator.target) if indicator.target is not None else None,
        top_label=money.number(high),
        bottom_label=money.number(low),
        first_date=f"{first:%d-%m-%Y}",
        last_date=f"{last:%d-%m-%Y}",
        description=description,
    )


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    latest: Measurement | None
    progress: int | None
    chart: Chart | None


@dataclass(frozen=True)
class Totals:
    begroot: Decimal | None
    besteed: Decimal | None


def totals(lines: list[BudgetLine]) -> Totals:
    def total(name):
        amounts = [getattr(line, name) for line in lines if getattr(line, name) is not None]
        return sum(amounts, Decimal(0)) if amounts else None

    return Totals(total("begroot"), total("besteed"))


def context(pilot: Pilot) -> dict:
    rows = []
    for indicator in indicators_of(pilot):
        latest = indicator.latest()
        rows.append(
            IndicatorRow(
                indicator,
                latest,
                indicator.progress(latest.value) if latest else None,
                chart(indicator),
            )
        )
    lines = list(pilot.budget_lines.all())
    return {"indicator_rows": rows, "budget_lines": lines, "budget_totals": totals(lines)}
