"""What needs attention: one rule per kind of signal, each a single SQL query.

A rule never loops over pilots in Python: it asks the database for the rows that match and
reads the few columns it shows, so the dashboard's query count is the number of rules,
whatever the number of pilots. Who sees what: coordinators and the beheerder every pilot
and motion, an owner their own pilots and the motions of their portfolios, the griffie the
motions. Thresholds are settings (OOGST_SIGNAL_*).
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import Count, Exists, F, Max, OuterRef, Q, Window
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from oogst.core.roles import Role
from oogst.motions.models import Motion
from oogst.pilots.models import Fase, Indicator, Lesson, Measurement, Pilot

# Phases in which a pilot is under way and owes progress updates.
RUNNING = (Fase.VERKENNING, Fase.VOORBEREIDING, Fase.UITVOERING, Fase.EVALUATIE)
SEES_ALL = frozenset({Role.BEHEERDER, Role.COORDINATOR})
SEES_MOTIONS = frozenset({Role.BEHEERDER, Role.COORDINATOR, Role.GRIFFIE, Role.EIGENAAR})
HAS_DASHBOARD = frozenset({Role.BEHEERDER, Role.COORDINATOR, Role.EIGENAAR, Role.GRIFFIE})


@dataclass(frozen=True)
class Signal:
    rule: str
    subject: str  # the pilot's name or the motion's number and title
    detail: str
    url: str  # where to act
    action: str
    pilot_slug: str = ""
    owner: str = ""


@dataclass(frozen=True)
class Rule:
    key: str
    title: object  # lazy text
    explanation: object
    find: Callable[..., Iterable[Signal]]
    pilots: bool = True  # a rule about pilots (False: about motions)
    everyone: bool = False  # also for owners (False: coordinators only)


def _owner_name(row) -> str:
    full = f"{row.get('owner__first_name') or ''} {row.get('owner__last_name') or ''}".strip()
    return full or row.get("owner__username") or ""


_PILOT_COLUMNS = ("name", "slug", "owner__first_name", "owner__last_name", "owner__username")


def _sees_all(user, own: bool) -> bool:
    return not own and user.role in SEES_ALL


def _pilots(user, own):
    pilots = Pilot.objects.all()
    if not _sees_all(user, own):
        pilots = pilots.filter(owner_id=user.pk)
    return pilots


def _url_for(name: str, anchor: str = "", **kwargs) -> Callable[..., str]:
    """A fast URL maker for one URL name: reversed once with stand-ins, then filled in per
    row (reversing for each of 2,000 rows was most of the dashboard's time)."""
    # Stand-ins the URL converters accept: a slug for slugs, a number for numbers.
    standins = {"slug": "oogst-slug-standin", **{key: 987654321 for key in kwargs}}
    template = reverse(name, kwargs=standins) + anchor

    def make(**values) -> str:
        url = template
        for key, value in values.items():
            url = url.replace(str(standins[key]), str(value), 1)
        return url

    return make


def _edit(slug, anchor=""):
    return _url_for("pilots:edit", anchor)(slug=slug)


def _page(slug, anchor=""):
    return _url_for("pilots:detail", anchor)(slug=slug)


def _fetch(rows, limit):
    """The rule's rows (the first `limit` of them) and how many there are in all, in one
    query: the total rides along as a window count, so a rule with 1,600 matches reads 25."""
    if limit is None:
        rows = list(rows)
        return rows, len(rows)
    # Which signals come first is fixed by the rule's order_by (an aggregate query drops the
    # model's default ordering).
    rows = list(rows.annotate(signal_total=Window(Count("*")))[:limit])
    return rows, rows[0]["signal_total"] if rows else 0


def _dmy(day) -> str:
    return f"{day:%d-%m-%Y}" if day else ""


def evaluation_overdue(user, today, own=False, limit=None):
    rows = (
        _pilots(user, own)
        .filter(evaluatiemoment_end__lt=today, uitkomst_evaluatie="")
        .exclude(fase=Fase.NIET_GESTART)
        .values(*_PILOT_COLUMNS, "evaluatiemoment")
    )
    # Texts and URLs made once per rule, filled in per row.
    text = _("Evaluation moment “%(date)s” has passed; no outcome recorded.")
    action, url = _("Record the outcome"), _url_for("pilots:edit", "#id_uitkomst_evaluatie")
    rows, total = _fetch(rows, limit)
    for row in rows:
        yield Signal(
            "evaluatie",
            row["name"],
            text % {"date": row["evaluatiemoment"]},
            url(slug=row["slug"]),
            action,
            row["slug"],
            _owner_name(row),
        )
    return total


def end_passed(user, today, own=False, limit=None):
    rows = (
        _pilots(user, own)
        .filter(einddatum_end__lt=today)
        .exclude(fase__in=[Fase.AFGEROND, Fase.NIET_GESTART])
        .values(*_PILOT_COLUMNS, "einddatum", "fase")
    )
    labels = {value: str(label) for value, label in Fase.choices}
    text = _("End date “%(date)s” has passed; the phase is still “%(fase)s”.")
    action, url = _("Update the phase"), _url_for("pilots:edit", "#id_fase")
    rows, total = _fetch(rows, limit)
    for row in rows:
        yield Signal(
            "einddatum",
            row["name"],
            text % {"date": row["einddatum"], "fase": labels.get(row["fase"], row["fase"])},
            url(slug=row["slug"]),
            action,
            row["slug"],
            _owner_name(row),
        )
    return total


def funding_ending(user, today, own=False, limit=None):
    horizon = today + relativedelta(months=settings.OOGST_SIGNAL_FUNDING_MONTHS)
    decided = Lesson.objects.filter(pilot=OuterRef("pk")).exclude(decision="")
    rows = (
        _pilots(user, own)
        .filter(funding_ends__lte=horizon, resultaat="")
        .exclude(fase=Fase.NIET_GESTART)
        .exclude(Exists(decided))
        .values(*_PILOT_COLUMNS, "funding_ends")
    )
    ended = _("Funding ended on %(date)s; no decision on continuation recorded.")
    ends_soon = _("Funding ends on %(date)s; no decision on continuation recorded.")
    action, url = _("Record the decision"), _url_for("pilots:detail", "#lessen")
    rows, total = _fetch(rows, limit)
    for row in rows:
        ends = row["funding_ends"]
        yield Signal(
            "financiering",
            row["name"],
            (ended if ends < today else ends_soon) % {"date": _dmy(ends)},
            url(slug=row["slug"]),
            action,
            row["slug"],
            _owner_name(row),
        )
    return total


def target_without_measurement(user, today, own=False, limit=None):
    since_target = Measurement.objects.filter(
        indicator=OuterRef("pk"), date__gte=OuterRef("target_date_start")
    )
    indicators = Indicator.objects.filter(target_date_end__lt=today).exclude(Exists(since_target))
    if not _sees_all(user, own):
        indicators = indicators.filter(pilot__owner_id=user.pk)
    rows = indicators.values(
        "pk",
        "name",
        "target_date",
        "pilot__name",
        "pilot__slug",
        owner__first_name=F("pilot__owner__first_name"),
        owner__last_name=F("pilot__owner__last_name"),
        owner__username=F("pilot__owner__username"),
    ).order_by("pilot__name", "pk")
    text = _("Target date “%(date)s” of “%(indicator)s” has passed without a measurement.")
    action, url = _("Add a measurement"), _url_for("pilots:add_measurement", pk=0)
    rows, total = _fetch(rows, limit)
    for row in rows:
        yield Signal(
            "doel",
            row["pilot__name"],
            text % {"date": row["target_date"], "indicator": row["name"]},
            url(slug=row["pilot__slug"], pk=row["pk"]),
            action,
            row["pilot__slug"],
            _owner_name(row),
        )
    return total


def stale_updates(user, today, own=False, limit=None):
    cutoff = today - relativedelta(months=settings.OOGST_SIGNAL_UPDATE_MONTHS)
    registered_before = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time.min))
    rows = (
        _pilots(user, own)
        .filter(fase__in=RUNNING)
        .annotate(last_update=Max("status_updates__date"))
        .filter(
            Q(last_update__lt=cutoff)
            | Q(last_update__isnull=True, created_at__lt=registered_before)
        )
        .values(*_PILOT_COLUMNS, "last_update")
        .order_by("name", "pk")
    )
    latest, none_yet = _("Latest progress update: %(date)s."), _("No dated progress update yet.")
    action, url = _("Add a progress update"), _url_for("pilots:detail", "#stand-van-zaken")
    rows, total = _fetch(rows, limit)
    for row in rows:
        yield Signal(
            "stand",
            row["name"],
            latest % {"date": _dmy(row["last_update"])} if row["last_update"] else none_yet,
            url(slug=row["slug"]),
            action,
            row["slug"],
            _owner_name(row),
        )
    return total


def without_owner(user, today, own=False, limit=None):
    rows = (
        Pilot.objects.filter(owner__isnull=True).exclude(fase=Fase.AFGEROND).values("name", "slug")
    )
    text, action = _("Nobody owns this pilot."), _("Choose an owner")
    url = _url_for("pilots:edit", "#id_owner")
    rows, total = _fetch(rows, limit)
    for row in rows:
        yield Signal("eigenaar", row["name"], text, url(slug=row["slug"]), action, row["slug"])
    return total


def unreadable_date(user, today, own=False, limit=None):
    unreadable = Indicator.objects.filter(
        pilot=OuterRef("pk"), target_date_precision="unrecognized"
    )
    rows = (
        _pilots(user, own)
        .filter(
            Q(startdatum_precision="unrecognized")
            | Q(einddatum_precision="unrecognized")
            | Q(evaluatiemoment_precision="unrecognized")
            | Exists(unreadable)
        )
        .values(*_PILOT_COLUMNS, "startdatum", "einddatum", "evaluatiemoment",
                "startdatum_precision", "einddatum_precision", "evaluatiemoment_precision")
    )  # fmt: skip
    rows, total = _fetch(rows, limit)
    for row in rows:
        texts = [
            row[name]
            for name in Pilot.VAGUE_DATE_FIELDS
            if row[f"{name}_precision"] == "unrecognized"
        ]
        detail = (
            _("Oogst cannot read “%(date)s” as a date.") % {"date": "”, “".join(texts)}
            if texts
            else _("Oogst cannot read an indicator's target date.")
        )
        yield Signal(
            "datum",
            row["name"],
            detail,
            _edit(row["slug"]) if texts else _page(row["slug"], "#resultaten"),
            _("Correct the date"),
            row["slug"],
            _owner_name(row),
        )
    return total


def _motions_for(user, motions):
    # An owner sees the motions of the portfolios they work for.
    if user.role == Role.EIGENAAR:
        motions = motions.filter(portefeuille__members=user)
    return motions


def _motion_signals(kind, motions, text, action, template, limit):
    """One signal per motion: "nummer titel", `text` with the deadline, a link made from
    `template` (a URL for motion 0000-0)."""
    rows, total = _fetch(motions.values("nummer", "titel", "deadline").order_by("nummer"), limit)
    for row in rows:
        yield Signal(
            kind,
            f"{row['nummer']} {row['titel']}",
            text % {"date": row["deadline"]},
            template.replace("0000-0", row["nummer"], 1),
            action,
        )
    return total


def motion_overdue(user, today, own=False, limit=None):
    return (
        yield from _motion_signals(
            "motie",
            _motions_for(user, Motion.objects.overdue(today)),
            _("Deadline “%(date)s” has passed; not afgedaan."),
            _("Open the motion"),
            reverse("motions:detail", kwargs={"nummer": "0000-0"}),
            limit,
        )
    )


def motion_unreadable_deadline(user, today, own=False, limit=None):
    # A deadline Oogst cannot place in time never makes a motion overdue: say so instead.
    return (
        yield from _motion_signals(
            "motiedatum",
            _motions_for(
                user, Motion.objects.not_handled().filter(deadline_precision="unrecognized")
            ),
            _("Oogst cannot read “%(date)s” as a date."),
            _("Correct the deadline"),
            reverse("motions:edit", kwargs={"nummer": "0000-0"}) + "#id_deadline",
            limit,
        )
    )


RULES = (
    Rule(
        "evaluatie",
        gettext_lazy("Evaluation moment passed without an outcome"),
        gettext_lazy("The evaluation moment lies in the past and no outcome is recorded."),
        evaluation_overdue,
        everyone=True,
    ),
    Rule(
        "einddatum",
        gettext_lazy("End date passed, pilot not completed"),
        gettext_lazy("The end date lies in the past while the phase is not “completed”."),
        end_passed,
        everyone=True,
    ),
    Rule(
        "financiering",
        gettext_lazy("Funding ends without a decision"),
        gettext_lazy(
            "Funding ends within the set number of months (or has ended) and no decision on "
            "continuation (embedded, continued, stopped) is recorded."
        ),
        funding_ending,
        everyone=True,
    ),
    Rule(
        "doel",
        gettext_lazy("Target date passed without a measurement"),
        gettext_lazy("An indicator's target date has passed and nothing was measured since."),
        target_without_measurement,
        everyone=True,
    ),
    Rule(
        "stand",
        gettext_lazy("Progress update out of date"),
        gettext_lazy("A running pilot's latest progress update is older than the set months."),
        stale_updates,
        everyone=True,
    ),
    Rule(
        "eigenaar",
        gettext_lazy("Pilot without an owner"),
        gettext_lazy("Nobody is responsible for keeping these pilots up to date."),
        without_owner,
    ),
    Rule(
        "datum",
        gettext_lazy("Date Oogst cannot read"),
        gettext_lazy("A date that Oogst cannot place in time, so no other signal can use it."),
        unreadable_date,
        everyone=True,
    ),
    Rule(
        "motie",
        gettext_lazy("Motion past its deadline"),
        gettext_lazy("The motion's deadline has passed and it is not afgedaan."),
        motion_overdue,
        pilots=False,
        everyone=True,
    ),
    Rule(
        "motiedatum",
        gettext_lazy("Motion deadline Oogst cannot read"),
        gettext_lazy(
            "A motion's deadline that Oogst cannot place in time, so it never shows as overdue."
        ),
        motion_unreadable_deadline,
        pilots=False,
        everyone=True,
    ),
)


def rules_for(user, *, own: bool = False) -> list[Rule]:
    """The rules whose signals `user` sees (none for readers and partner staff); `own`: only
    the rules about their own pilots, whatever their role ("Mijn pilots")."""
    if user.role not in HAS_DASHBOARD:
        return []
    if own:
        return [rule for rule in RULES if rule.pilots and rule.everyone]
    chosen = []
    for rule in RULES:
        if rule.pilots and user.role == Role.GRIFFIE:
            continue
        if not rule.pilots and user.role not in SEES_MOTIONS:
            continue
        if not rule.everyone and user.role not in SEES_ALL:
            continue
        chosen.append(rule)
    return chosen


@dataclass(frozen=True)
class Group:
    rule: Rule
    signals: list[Signal]
    total: int  # all the rule found; `signals` may hold only the first of them


def _run(rule: Rule, user, today, own: bool, limit: int | None) -> Group:
    # Each rule yields its signals and returns how many it found in all.
    found = rule.find(user, today, own=own, limit=limit)
    signals = []
    while True:
        try:
            signals.append(next(found))
        except StopIteration as done:
            return Group(rule, signals, done.value)


def signals_for(
    user,
    today: datetime.date | None = None,
    *,
    own: bool = False,
    limit: int | None = None,
    unlimited: str = "",
) -> list[Group]:
    """Every signal `user` sees, grouped by rule: one query per rule. With `limit`, each rule
    reads only its first `limit` signals (all of rule `unlimited`) and still counts them all."""
    today = today or timezone.localdate()
    return [
        _run(rule, user, today, own, None if rule.key == unlimited else limit)
        for rule in rules_for(user, own=own)
    ]


def count_for(user, today: datetime.date | None = None) -> int:
    """How many signals `user` sees (for the menu): the rules' totals, reading one row each."""
    return sum(group.total for group in signals_for(user, today, limit=1))


def by_pilot(groups: list[Group]) -> dict[str, list[Signal]]:
    found: dict[str, list[Signal]] = {}
    for group in groups:
        for signal in group.signals:
            if signal.pilot_slug:
                found.setdefault(signal.pilot_slug, []).append(signal)
    return found
