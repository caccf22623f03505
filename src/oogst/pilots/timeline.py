"""Every pilot on one time axis, as an accessible SVG made on the server.

A bar runs from start to end, grouped by programme and coloured by fase. Vague dates are drawn
as what they are: where a date means an interval ("4de kwartaal 2025"), the bar's edge fades
over that interval; where a date is unknown or unreadable, the bar's end is dashed up to the
edge of the axis. The evaluation moment is a diamond (with a thin line over its interval), and
a vertical line marks today.

Each bar is a `role="img"` group with its own title and description (what the dates say, as
written and as read), focusable by keyboard; the page places the SVG in a focusable region
that scrolls on its own, and gives the same content as a table. Items come from the live
register (`item_from_pilot`) or a round's snapshots (`rounds` builds them), so this module
needs neither.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache
from html import escape as _html_escape

from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import Fase

UNKNOWN = ("unknown", "unrecognized")


def escape(text) -> str:
    # The standard library's escape (what Django's wraps) without the lazy-string wrapper,
    # which costs more than the escaping itself over thousands of bars.
    return _html_escape(str(text), quote=True)


# Colours per fase with at least 3:1 contrast against white (WCAG 1.4.11).
FASE_COLOURS = {
    Fase.VOORSTEL: "#6b4c9a",
    Fase.VERKENNING: "#8a5a00",
    Fase.VOORBEREIDING: "#1f6f8b",
    Fase.UITVOERING: "#1f4e8c",
    Fase.EVALUATIE: "#a1260d",
    Fase.AFGEROND: "#1b6e3a",
    Fase.NIET_GESTART: "#595959",
}
LABEL_WIDTH = 240
PLOT_WIDTH = 760
ROW = 26
BAR = 14
GROUP_HEADER = 30
AXIS = 34


@dataclass(frozen=True)
class Span:
    """A vague date as the timeline needs it: the text and the interval it means."""

    text: str = ""
    start: datetime.date | None = None
    end: datetime.date | None = None
    precision: str = "unknown"

    @property
    def known(self) -> bool:
        return self.start is not None and self.end is not None and self.precision not in UNKNOWN

    @property
    def vague(self) -> bool:
        return self.known and self.start != self.end


@dataclass(frozen=True)
class TimelineItem:
    name: str
    group: str  # the programme as people read it; "" for none
    group_order: int
    fase: str
    start: Span
    end: Span
    evaluation: Span
    url: str = ""
    key: str = ""  # a stable id for the bar (the slug)

    @property
    def fase_label(self) -> str:
        return str(Fase(self.fase).label) if self.fase in Fase.values else self.fase


@lru_cache(maxsize=4096)
def _long_date(date: datetime.date, language: str) -> str:
    # Thousands of bars share a few hundred dates; formatting each once keeps 2,000 bars fast.
    return date_format(date, "j F Y")


def span(value) -> Span:
    """From anything with text/start/end/precision (a snapshot's DateValue, say)."""
    return Span(value.text or "", value.start, value.end, value.precision or "unknown")


TIMELINE_FIELDS = (
    "slug",
    "name",
    "fase",
    "programma__number",
    "programma__name",
    *(
        f"{name}{part}"
        for name in ("startdatum", "einddatum", "evaluatiemoment")
        for part in ("", "_start", "_end", "_precision")
    ),
)


def items_from_queryset(pilots) -> list[TimelineItem]:
    """The bars for a queryset of pilots, in one query of plain rows (no model instances)."""
    items = []
    for row in pilots.values(*TIMELINE_FIELDS):
        number = row["programma__number"]
        items.append(
            TimelineItem(
                name=row["name"],
                group=f"Programma {number}. {row['programma__name']}" if number is not None else "",
                group_order=number if number is not None else 10_000,
                fase=row["fase"],
                start=_row_span(row, "startdatum"),
                end=_row_span(row, "einddatum"),
                evaluation=_row_span(row, "evaluatiemoment"),
                url=_detail_url(row["slug"]),
                key=row["slug"],
            )
        )
    return items


_ROW_KEYS = {
    name: (name, f"{name}_start", f"{name}_end", f"{name}_precision")
    for name in ("startdatum", "einddatum", "evaluatiemoment")
}


def _row_span(row, name) -> Span:
    text, start, end, precision = _ROW_KEYS[name]
    return Span(row[text], row[start], row[end], row[precision])


def item_from_pilot(pilot) -> TimelineItem:
    def pilot_span(name):
        return Span(
            getattr(pilot, name),
            getattr(pilot, f"{name}_start"),
            getattr(pilot, f"{name}_end"),
            getattr(pilot, f"{name}_precision"),
        )

    return TimelineItem(
        name=pilot.name,
        group=str(pilot.programma) if pilot.programma_id else "",
        group_order=pilot.programma.number if pilot.programma_id else 10_000,
        fase=pilot.fase,
        start=pilot_span("startdatum"),
        end=pilot_span("einddatum"),
        evaluation=pilot_span("evaluatiemoment"),
        url=_detail_url(pilot.slug),
        key=pilot.slug,
    )


def _detail_url(slug: str) -> str:
    # One reverse() for all bars: the pattern is fixed, only the slug differs.
    return _detail_url_pattern().replace("__slug__", slug)


@lru_cache(maxsize=1)
def _detail_url_pattern() -> str:
    from django.urls import reverse

    return reverse("pilots:detail", kwargs={"slug": "__slug__"})


@dataclass
class Timeline:
    items: list[TimelineItem]
    svg: SafeString
    axis_start: datetime.date
    axis_end: datetime.date

    @property
    def groups(self):
        """(programme, items) in the order the SVG draws them, for the table alternative."""
        return _grouped(self.items)

    @property
    def table_rows(self) -> SafeString:
        """The table alternative's rows, escaped; built here because a template loop over
        thousands of pilots costs more than the whole SVG."""
        no_programme = escape(_("No programme"))
        fases = _words(get_language())["fases"]
        rows = []
        for group, members in self.groups:
            group_cell = escape(group) if group else no_programme
            for item in members:
                name = escape(item.name)
                if item.url:
                    name = f'<a class="utrecht-link" href="{escape(item.url)}">{name}</a>'
                cells = "".join(
                    f'<td class="utrecht-table__cell">{escape(text) if text else "–"}</td>'
                    for text in (item.start.text, item.end.text, item.evaluation.text)
                )
                rows.append(
                    f'<tr class="utrecht-table__row"><th scope="row" '
                    f'class="utrecht-table__header-cell">{name}</th>'
                    f'<td class="utrecht-table__cell">{group_cell}</td>'
                    f'<td class="utrecht-table__cell">{escape(fases.get(item.fase, item.fase))}'
                    f"</td>{cells}</tr>"
                )
        return mark_safe("".join(rows))


def context(items: list[TimelineItem], *, today: datetime.date, timeline_id: str) -> dict:
    """What pilots/_timeline.html needs."""
    return {
        "timeline": build(items, today=today, title_id=timeline_id),
        "timeline_id": timeline_id,
        "legend": [(fase, label, FASE_COLOURS[fase]) for fase, label in Fase.choices],
    }


def _grouped(items):
    groups: dict[tuple, list] = {}
    for item in items:
        groups.setdefault((item.group_order, item.group), []).append(item)
    return [
        (group, sorted(members, key=lambda i: i.name.lower()))
        for (_order, group), members in sorted(groups.items())
    ]


def _axis(items, today) -> tuple[datetime.date, datetime.date]:
    dates = [today]
    for item in items:
        for s in (item.start, item.end, item.evaluation):
            if s.known:
                dates += [s.start, s.end]
    first, last = min(dates), max(dates)
    return datetime.date(first.year, 1, 1), datetime.date(last.year + 1, 1, 1)


def build(items: list[TimelineItem], *, today: datetime.date, title_id: str) -> Timeline:
    axis_start, axis_end = _axis(items, today)
    days = (axis_end - axis_start).days

    def x(date: datetime.date) -> float:
        return round(LABEL_WIDTH + (date - axis_start).days / days * PLOT_WIDTH, 2)

    groups = _grouped(items)
    words = _words(get_language())
    height = AXIS + sum(GROUP_HEADER + ROW * len(members) for _g, members in groups) + 10
    width = LABEL_WIDTH + PLOT_WIDTH + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="oogst-timeline__svg" role="group" '
        f'aria-labelledby="{title_id}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" data-axis-start="{axis_start.isoformat()}" '
        f'data-axis-end="{axis_end.isoformat()}" data-plot-x="{LABEL_WIDTH}" '
        f'data-plot-width="{PLOT_WIDTH}">',
        _defs(),
    ]
    # Year ticks: decoration; the bars' descriptions say the dates in words.
    out.append('<g aria-hidden="true" class="oogst-timeline__axis">')
    for year in range(axis_start.year, axis_end.year + 1):
        tick = x(datetime.date(year, 1, 1))
        out.append(
            f'<line x1="{tick}" x2="{tick}" y1="{AXIS - 6}" y2="{height}" '
            f'class="oogst-timeline__tick"/>'
        )
        if year < axis_end.year:
            out.append(f'<text x="{tick + 4}" y="{AXIS - 12}">{year}</text>')
    out.append("</g>")
    y = AXIS
    n = 0
    for group, members in groups:
        out.append(
            f'<text x="0" y="{y + GROUP_HEADER - 10}" class="oogst-timeline__group">'
            f"{escape(group or _('No programme'))}</text>"
        )
        y += GROUP_HEADER
        for item in members:
            n += 1
            out.append(_bar(item, n, y, x, axis_start, axis_end, title_id, words))
            y += ROW
    now = x(today)
    out.append(
        f'<g class="oogst-timeline__today" data-date="{today.isoformat()}">'
        f'<line x1="{now}" x2="{now}" y1="{AXIS - 6}" y2="{height}"/>'
        f'<text x="{now + 4}" y="{height - 4}">{escape(_("today"))}</text></g>'
    )
    out.append("</svg>")
    return Timeline(items, mark_safe("".join(out)), axis_start, axis_end)


def _defs() -> str:
    parts = ["<defs>"]
    for fase, colour in FASE_COLOURS.items():
        for name, (a, b) in (("in", (0, 1)), ("out", (1, 0))):
            parts.append(
                f'<linearGradient id="fade-{name}-{fase}" x1="0" x2="1" y1="0" y2="0">'
                f'<stop offset="0" stop-color="{colour}" stop-opacity="{a}"/>'
                f'<stop offset="1" stop-color="{colour}" stop-opacity="{b}"/></linearGradient>'
            )
    parts.append("</defs>")
    return "".join(parts)


@lru_cache(maxsize=8)
def _words(language: str) -> dict:
    """The translated words of the descriptions, looked up once per language, not per bar."""
    return {
        "phase": _("Phase"),
        "start": _("Start"),
        "end": _("End"),
        "evaluation": _("Evaluation"),
        "not filled in": _("not filled in"),
        "unknown": _("unknown"),
        "between": _("%(label)s: %(text)s (between %(start)s and %(end)s)"),
        "fases": {value: str(label) for value, label in Fase.choices},
        "language": language,
    }


def describe_span(label: str, s: Span, words: dict | None = None) -> str:
    words = words or _words(get_language())
    language = words["language"]
    if not s.text:
        return f"{label}: {words['not filled in']}"
    if not s.known:
        return f"{label}: {s.text} ({words['unknown']})"
    if s.start == s.end:
        return f"{label}: {s.text}"
    return words["between"] % {
        "label": label,
        "text": s.text,
        "start": _long_date(s.start, language),
        "end": _long_date(s.end, language),
    }


def describe(item: TimelineItem, words: dict | None = None) -> str:
    words = words or _words(get_language())
    fase = words["fases"].get(item.fase, item.fase)
    return ". ".join(
        [
            f"{words['phase']}: {fase}",
            describe_span(words["start"], item.start, words),
            describe_span(words["end"], item.end, words),
            describe_span(words["evaluation"], item.evaluation, words),
        ]
    )


def _bar(item, n, y, x, axis_start, axis_end, title_id, words) -> str:
    colour = FASE_COLOURS.get(item.fase, "#595959")
    fase = item.fase if item.fase in FASE_COLOURS else "niet_gestart"
    top = y + (ROW - BAR) / 2
    # Where the solid part of the bar begins and ends, and what lies beyond on each side.
    left_unknown = not item.start.known
    right_unknown = not item.end.known
    solid_from = axis_start if left_unknown else item.start.end
    solid_to = axis_end if right_unknown else item.end.start
    if solid_to < solid_from:  # a start interval overlapping the end interval
        solid_from = solid_to = max(min(solid_from, solid_to), axis_start)
    data = [
        f'data-pilot="{escape(item.key)}"',
        f'data-fase="{escape(item.fase)}"',
    ]
    for name, s in (("start", item.start), ("end", item.end), ("evaluation", item.evaluation)):
        if s.known:
            data.append(f'data-{name}-from="{s.start.isoformat()}"')
            data.append(f'data-{name}-to="{s.end.isoformat()}"')
        else:
            data.append(f'data-{name}="unknown"')
    bar_id = f"{title_id}-bar-{n}"
    focus = "" if item.url else ' tabindex="0"'
    shapes = [
        f'<title id="{bar_id}-t">{escape(item.name)}</title>',
        f'<desc id="{bar_id}-d">{escape(describe(item, words))}</desc>',
        f'<text x="{LABEL_WIDTH - 8}" y="{top + BAR - 2}" text-anchor="end" '
        f'class="oogst-timeline__name">{escape(_truncate(item.name))}</text>',
    ]
    if left_unknown and right_unknown:
        # Nothing known: a dashed outline over the whole axis says just that.
        shapes.append(
            f'<rect class="oogst-timeline__unknown" data-part="unknown" x="{x(axis_start)}" '
            f'y="{top}" width="{PLOT_WIDTH}" height="{BAR}" fill="none" stroke="{colour}" '
            f'stroke-dasharray="4 3"/>'
        )
    else:
        if left_unknown:
            shapes.append(_dashed(x(axis_start), x(solid_from), top, colour, "start-unknown"))
        elif item.start.vague:
            shapes.append(
                f'<rect data-part="start-fade" x="{x(item.start.start)}" y="{top}" '
                f'width="{x(item.start.end) - x(item.start.start)}" height="{BAR}" '
                f'fill="url(#fade-in-{fase})"/>'
            )
        shapes.append(
            f'<rect data-part="solid" x="{x(solid_from)}" y="{top}" '
            f'width="{max(x(solid_to) - x(solid_from), 2)}" height="{BAR}" fill="{colour}"/>'
        )
        if right_unknown:
            shapes.append(_dashed(x(solid_to), x(axis_end), top, colour, "end-unknown"))
        elif item.end.vague:
            shapes.append(
                f'<rect data-part="end-fade" x="{x(item.end.start)}" y="{top}" '
                f'width="{x(item.end.end) - x(item.end.start)}" height="{BAR}" '
                f'fill="url(#fade-out-{fase})"/>'
            )
    if item.evaluation.known:
        a, b = x(item.evaluation.start), x(item.evaluation.end)
        mid = round((a + b) / 2, 2)
        cy = top + BAR / 2
        shapes.append(
            f'<g class="oogst-timeline__evaluation" data-part="evaluation">'
            f'<line x1="{a}" x2="{b}" y1="{cy}" y2="{cy}"/>'
            f'<path d="M{mid} {cy - 7} L{mid + 7} {cy} L{mid} {cy + 7} L{mid - 7} {cy} Z"/></g>'
        )
    group = (
        f'<g class="oogst-timeline__bar" role="img" aria-labelledby="{bar_id}-t" '
        f'aria-describedby="{bar_id}-d"{focus} {" ".join(data)}>{"".join(shapes)}</g>'
    )
    if item.url:
        return f'<a href="{escape(item.url)}" class="oogst-timeline__link">{group}</a>'
    return group


def _dashed(x1, x2, top, colour, part) -> str:
    return (
        f'<rect data-part="{part}" x="{x1}" y="{top}" width="{max(x2 - x1, 2)}" '
        f'height="{BAR}" fill="none" stroke="{colour}" stroke-dasharray="4 3"/>'
    )


def _truncate(name: str, limit: int = 34) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
