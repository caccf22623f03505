"""Business rules of participant monitoring. Views stay thin; every access is logged here."""

import datetime
from dataclasses import dataclass, field

from auditlog.context import set_extra_data
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from oogst.core.errors import NotFound

from . import disclosure
from .models import (
    DEFAULT_ACTIVITY_TYPES,
    PERSONAL_FIELDS,
    PIEZO_PHASES,
    AccessAction,
    AccessLogEntry,
    AccessReason,
    ActivityType,
    Monitor,
    MonitorTransfer,
    Participant,
    Phase,
    TransferStatus,
    empty_value,
)


class TransferError(Exception):
    """A transfer step that is not allowed; the message is for the user."""


def _log_entry(*, user, participant, action, reason, detail="") -> AccessLogEntry:
    return AccessLogEntry(
        user=user,
        subject_key=participant.log_key,
        participant_code=participant.code or f"#{participant.pk}",
        partner_id=participant.monitor.partner_id,
        pilot_id=participant.monitor.pilot_id,
        action=action,
        reason=reason,
        detail=detail[:200],
    )


def log_access(*, user, participant, action, reason, detail=""):
    _log_entry(
        user=user, participant=participant, action=action, reason=reason, detail=detail
    ).save()


def log_list_view(*, user, participants) -> None:
    """A list that shows names, phases and outcomes is a look at each record on it."""
    AccessLogEntry.objects.bulk_create(
        _log_entry(
            user=user,
            participant=participant,
            action=AccessAction.VIEW,
            reason=AccessReason.BEGELEIDING,
            detail="deelnemerslijst",
        )
        for participant in participants
    )


# --- Who may see what -------------------------------------------------------------------------


def monitor_for_partner(user, slug) -> Monitor:
    """The monitor of pilot `slug` if `user` records its participants; else NotFound."""
    if not user.is_partner or not user.partner.active:
        raise NotFound
    try:
        return Monitor.objects.select_related("pilot", "partner").get(
            pilot__slug=slug, partner_id=user.partner_id
        )
    except Monitor.DoesNotExist:
        raise NotFound from None


def participant_for(user, monitor, code, *, reason, action=AccessAction.VIEW) -> Participant:
    """A participant record for its own partner's staff, logged; NotFound for everyone else.

    Municipal users never reach a record: the same NotFound (a 404) as for a code that does not
    exist, so a request tells nothing about whether a person is in the pilot.
    """
    if not user.is_partner or monitor.partner_id != user.partner_id or not user.partner.active:
        raise NotFound
    try:
        participant = Participant.objects.for_partner_user(user).get(monitor=monitor, code=code)
    except Participant.DoesNotExist:
        raise NotFound from None
    log_access(user=user, participant=participant, action=action, reason=reason)
    return participant


def can_see_aggregates(user, monitor) -> bool:
    return user.is_municipal or (
        user.is_partner and user.partner_id == monitor.partner_id and user.partner.active
    )


# --- Setting up a pilot's monitoring ----------------------------------------------------------


@transaction.atomic
def set_up_monitor(*, pilot, partner, code_prefix, target=None, phase_preset="piezo") -> Monitor:
    monitor = Monitor.objects.create(
        pilot=pilot,
        partner=partner,
        code_prefix=code_prefix.upper(),
        target=target if target is not None else pilot.target_participants,
    )
    if phase_preset == "piezo":
        Phase.objects.bulk_create(
            Phase(monitor=monitor, number=number, name=name) for number, name in PIEZO_PHASES
        )
    ActivityType.objects.bulk_create(
        ActivityType(monitor=monitor, name=name) for name in DEFAULT_ACTIVITY_TYPES
    )
    return monitor


def holds_records(monitor) -> bool:
    """Whether the monitor has participant records (anonymised ones count: they are its data)."""
    return monitor.pk is not None and Participant.objects.filter(monitor=monitor).exists()


class ReasonRequired(ValueError):
    """A personal field was switched on without saying why."""


def switched_on(monitor) -> list[str]:
    """Personal fields this unsaved monitor records that its saved version does not."""
    before = Monitor.objects.filter(pk=monitor.pk).first() if monitor.pk else None
    return [
        name
        for name in PERSONAL_FIELDS
        if getattr(monitor, f"collect_{name}")
        and not (before and getattr(before, f"collect_{name}"))
    ]


class ErasureNotConfirmed(Exception):
    """Switching a field off would erase stored values the user has not confirmed."""

    def __init__(self, values: int, fields: list[str]):
        super().__init__(f"{values} values in {', '.join(fields)} need confirming")
        self.values = values
        self.fields = fields


def values_to_erase(monitor, switched_off: list[str]) -> int:
    """How many stored values switching these personal fields off would erase."""
    if monitor.pk is None:
        return 0
    return sum(
        Participant.objects.filter(monitor=monitor).exclude(**{name: empty_value(name)}).count()
        for name in switched_off
    )


@transaction.atomic
def save_settings(
    *,
    monitor,
    switched_off: list[str],
    actor=None,
    reason: str = "",
    phases: dict | None = None,
    activities: list | None = None,
    confirmed_erasures: int | None = None,
) -> int:
    """Save the monitor and its lists, in its history with who and why; erase the values of
    personal fields the pilot no longer records.

    Switching a personal field on needs a reason (data minimisation: it must be needed).
    Returns how many participant records lost a value: a field the pilot does not need is not
    kept "just in case".

    The recording organisation of a monitor with records never changes here: that would hand
    the records to another organisation unasked (see propose_transfer).
    """
    if monitor.pk is not None:
        stored = Monitor.objects.select_for_update().get(pk=monitor.pk)
        if stored.partner_id != monitor.partner_id and holds_records(monitor):
            raise TransferError(
                _(
                    "This pilot has participant records: propose a transfer to the other "
                    "organisation instead."
                )
            )
    # Nothing lost by one click: erasing stored values needs their number confirmed, so a
    # confirmation given before someone recorded more values does not cover those.
    to_erase = values_to_erase(monitor, switched_off)
    if to_erase and confirmed_erasures != to_erase:
        raise ErasureNotConfirmed(to_erase, switched_off)
    reason = reason.strip()
    if switched_on(monitor) and not reason:
        raise ReasonRequired("Give a reason for switching on a personal field.")
    extra = {"actor": actor, "additional_data": {"reason": reason} if reason else None}
    with set_extra_data(context_data=dict(extra)):
        monitor.save()
    extra["additional_data"] = {"monitor": monitor.pk} | ({"reason": reason} if reason else {})
    with set_extra_data(context_data=dict(extra)):
        if phases is not None:
            for phase in Phase.objects.filter(monitor=monitor).exclude(number__in=phases):
                phase.delete()  # one by one, so each deletion is in the history
            for number, name in phases.items():
                phase = Phase.objects.filter(monitor=monitor, number=number).first()
                if phase is None:
                    Phase.objects.create(monitor=monitor, number=number, name=name)
                elif phase.name != name:
                    phase.name = name
                    phase.save()
        if activities is not None:
            for activity in ActivityType.objects.filter(monitor=monitor).exclude(
                name__in=activities
            ):
                activity.delete()
            for name in activities:
                ActivityType.objects.get_or_create(monitor=monitor, name=name)
    cleared = 0
    for name in switched_off:
        if name not in PERSONAL_FIELDS:
            raise ValueError(name)
        empty = empty_value(name)
        filled = Participant.objects.filter(monitor=monitor).exclude(**{name: empty})
        cleared += filled.update(**{name: empty})
    return cleared


def settings_history(monitor):
    """Every change of the monitor's settings and of its phases and kinds of activity."""
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q

    lists = ContentType.objects.get_for_models(Phase, ActivityType).values()
    return (
        LogEntry.objects.filter(
            Q(content_type=ContentType.objects.get_for_model(Monitor), object_pk=str(monitor.pk))
            | Q(content_type__in=list(lists), additional_data__monitor=monitor.pk)
        )
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )


# --- Handing the records to another organisation ----------------------------------------------


def open_transfer(monitor) -> MonitorTransfer | None:
    return monitor.transfers.filter(status=TransferStatus.PROPOSED).first()


@transaction.atomic
def propose_transfer(*, actor, monitor, to_partner, reason: str) -> MonitorTransfer:
    """Step one: the pilot's editor asks the current organisation to hand its records over."""
    if not (actor.is_municipal and actor.can_edit_pilot(monitor.pilot)):
        raise TransferError(_("Only an editor of this pilot may propose a transfer."))
    monitor = Monitor.objects.select_for_update().get(pk=monitor.pk)
    if not reason.strip():
        raise TransferError(_("Say why the records should move."))
    if to_partner.pk == monitor.partner_id:
        raise TransferError(_("Choose another organisation than the current one."))
    if not to_partner.active:
        raise TransferError(_("This organisation is no longer active."))
    if open_transfer(monitor) is not None:
        raise TransferError(_("A transfer of this pilot's records is already waiting."))
    return MonitorTransfer.objects.create(
        monitor=monitor,
        from_partner_id=monitor.partner_id,
        to_partner=to_partner,
        reason=reason.strip(),
        proposed_by=actor,
    )


def _lock_open_transfer(transfer) -> MonitorTransfer:
    transfer = (
        MonitorTransfer.objects.select_for_update()
        .select_related("monitor", "from_partner", "to_partner")
        .get(pk=transfer.pk)
    )
    if not transfer.is_open:
        raise TransferError(_("This transfer was already decided."))
    return transfer


def _may_decide(actor, transfer) -> bool:
    """Only staff of the organisation that holds the records decide to hand them over."""
    return (
        actor.is_partner
        and actor.partner_id == transfer.from_partner_id
        and transfer.monitor.partner_id == transfer.from_partner_id
        and transfer.from_partner.active
    )


@transaction.atomic
def accept_transfer(*, actor, transfer, reason: str = "") -> MonitorTransfer:
    """Step two: the current organisation agrees; the records move and each move is logged."""
    transfer = _lock_open_transfer(transfer)
    if not _may_decide(actor, transfer):
        raise TransferError(_("Only staff of the organisation holding the records may accept."))
    monitor = Monitor.objects.select_for_update().get(pk=transfer.monitor_id)
    detail = f"{transfer.from_partner.name} → {transfer.to_partner.name}"
    moved = 0
    for participant in (
        Participant.objects.filter(monitor=monitor).select_related("monitor").order_by("pk")
    ):
        # Logged under the organisation that handed the record over, before it moves.
        log_access(
            user=actor,
            participant=participant,
            action=AccessAction.TRANSFER,
            reason=AccessReason.OVERDRACHT,
            detail=detail,
        )
        moved += 1
    monitor.partner_id = transfer.to_partner_id
    monitor.save(update_fields=["partner"])
    transfer.status = TransferStatus.ACCEPTED
    transfer.decided_by = actor
    transfer.decided_at = timezone.now()
    transfer.decision_reason = reason.strip()
    transfer.records_moved = moved
    transfer.save()
    return transfer


@transaction.atomic
def decline_transfer(*, actor, transfer, reason: str) -> MonitorTransfer:
    transfer = _lock_open_transfer(transfer)
    if not _may_decide(actor, transfer):
        raise TransferError(_("Only staff of the organisation holding the records may decline."))
    if not reason.strip():
        raise TransferError(_("Say why you decline the transfer."))
    transfer.status = TransferStatus.DECLINED
    transfer.decided_by = actor
    transfer.decided_at = timezone.now()
    transfer.decision_reason = reason.strip()
    transfer.save()
    return transfer


@transaction.atomic
def withdraw_transfer(*, actor, transfer) -> MonitorTransfer:
    transfer = _lock_open_transfer(transfer)
    if not (actor.is_municipal and actor.can_edit_pilot(transfer.monitor.pilot)):
        raise TransferError(_("Only an editor of this pilot may withdraw the proposal."))
    transfer.status = TransferStatus.WITHDRAWN
    transfer.decided_by = actor
    transfer.decided_at = timezone.now()
    transfer.save()
    return transfer


# --- Recording --------------------------------------------------------------------------------


@transaction.atomic
def create_participant(*, actor, monitor, participant: Participant, first_phase=None):
    participant.monitor = monitor
    participant.code = monitor.new_code()
    _strip_switched_off(participant)
    participant.save()
    if first_phase is not None:
        participant.steps.create(phase=first_phase, date=participant.start_date)
    log_access(
        user=actor,
        participant=participant,
        action=AccessAction.CREATE,
        reason=AccessReason.REGISTRATIE,
    )
    return participant


def _strip_switched_off(participant):
    """Never store a personal field the pilot has switched off, whatever a form sent."""
    monitor = participant.monitor
    for name in PERSONAL_FIELDS:
        if not getattr(monitor, f"collect_{name}"):
            setattr(participant, name, empty_value(name))


@transaction.atomic
def update_participant(*, actor, participant, what: str):
    _strip_switched_off(participant)
    participant.full_clean()
    participant.save()
    log_access(
        user=actor,
        participant=participant,
        action=AccessAction.UPDATE,
        reason=AccessReason.REGISTRATIE,
        detail=what,
    )


@transaction.atomic
def add_to_record(*, actor, participant, obj, what: str):
    """Add a phase step, a measurement, a score or an attendance to a participant's record."""
    obj.participant = participant
    obj.full_clean()
    obj.save()
    log_access(
        user=actor,
        participant=participant,
        action=AccessAction.UPDATE,
        reason=AccessReason.REGISTRATIE,
        detail=what,
    )


def measurement_due(participant, today=None) -> bool:
    """The Participatieladder is measured at least twice a year."""
    if participant.exit_date:
        return False
    today = today or timezone.localdate()
    last = max((m.date for m in participant.ladder_measurements.all()), default=None)
    return last is None or last <= today - relativedelta(months=6)


# --- Inzage, erasure, retention ---------------------------------------------------------------


def inzage_record(participant, *, latest_accesses: int | None = None) -> dict:
    """Everything Oogst holds about one participant, for a request for access (AVG art. 15).

    Every access is listed unless `latest_accesses` limits the list to the most recent ones
    (the PDF); the summary per month and kind always counts them all.
    """
    monitor = participant.monitor
    accesses = AccessLogEntry.objects.for_participant(participant).select_related("user")
    if latest_accesses is not None:
        newest = accesses.order_by("-at", "-id")[:latest_accesses]
        accesses = sorted(newest, key=lambda entry: (entry.at, entry.id))
    else:
        accesses = accesses.order_by("at", "id")
    return {
        "code": participant.code,
        "pilot": monitor.pilot.name,
        "organisatie": monitor.partner.name,
        "startdatum": participant.start_date.isoformat(),
        "persoonsgegevens": {
            name: getattr(participant, name)
            for name in PERSONAL_FIELDS
            if getattr(participant, name) not in ("", None)
        },
        "notities": participant.notes,
        "fasen": [
            {"fase": str(step.phase), "datum": step.date.isoformat()}
            for step in participant.steps.select_related("phase")
        ],
        "participatieladder": [
            {"datum": m.date.isoformat(), "trede": m.rung, "omschrijving": m.get_rung_display()}
            for m in participant.ladder_measurements.all()
        ],
        "zelfredzaamheidsmatrix": [
            {"datum": s.date.isoformat(), "domein": s.get_domain_display(), "score": s.score}
            for s in participant.zrm_scores.all()
        ],
        "activiteiten": [
            {"datum": a.date.isoformat(), "activiteit": a.activity_type.name}
            for a in participant.attendances.select_related("activity_type")
        ],
        "uitstroom": (
            {
                "datum": participant.exit_date.isoformat(),
                "uitkomst": participant.get_exit_outcome_display(),
            }
            if participant.exit_date
            else None
        ),
        # Per month and kind: the PDF stays small however often the record was opened.
        "inzage_samenvatting": [
            {
                "maand": row["month"].strftime("%Y-%m"),
                "handeling": str(AccessAction(row["action"]).label),
                "aantal": row["n"],
            }
            for row in AccessLogEntry.objects.for_participant(participant)
            .annotate(month=TruncMonth("at"))
            .values("month", "action")
            .annotate(n=Count("id"))
            .order_by("month", "action")
        ],
        "inzage_in_dossier": [
            {
                "wanneer": entry.at.isoformat(timespec="minutes"),
                "wie": f"{entry.user} ({monitor.partner.name})" if entry.user else "Oogst",
                "handeling": entry.get_action_display(),
                "waarom": entry.get_reason_display(),
            }
            for entry in accesses
        ],
    }


def _month(day):
    return day.replace(day=1) if day else day


@transaction.atomic
def anonymise(*, participant, actor=None, reason) -> None:
    """Remove everything that links the record to a person; keep what the aggregates count.

    The phases, ladder rungs, scores, activities and outcome stay (they are no longer personal
    data without the code and the personal fields); their dates are kept to the month, which is
    as fine as any aggregate goes, so every figure is the same before and after.
    """
    if participant.is_anonymised:
        return
    action = (
        AccessAction.ERASE if reason == AccessReason.VERWIJDERVERZOEK else AccessAction.ANONYMISE
    )
    log_access(user=actor, participant=participant, action=action, reason=reason)
    for name in PERSONAL_FIELDS:
        setattr(participant, name, empty_value(name))
    participant.notes = ""
    participant.code = None
    participant.log_key = None  # the access log can no longer be joined to this row
    participant.start_date = _month(participant.start_date)
    participant.exit_date = _month(participant.exit_date)
    participant.anonymised_at = timezone.now()
    participant.anonymised_reason = reason
    participant.save()
    for related in (
        participant.steps.all(),
        participant.ladder_measurements.all(),
        participant.zrm_scores.all(),
        participant.attendances.all(),
    ):
        for row in related:
            row.date = _month(row.date)
            row.save(update_fields=["date"])


@dataclass
class RetentionReport:
    cutoff: datetime.date
    due: dict = field(default_factory=dict)  # pilot name -> number of records
    unknown_end: list = field(default_factory=list)  # pilots whose end date Oogst cannot read
    anonymised: int = 0


def apply_retention(*, months: int, today=None, dry_run=False) -> RetentionReport:
    """Anonymise participant records `months` after their pilot ended. Safe to run again."""
    today = today or timezone.localdate()
    report = RetentionReport(cutoff=today - relativedelta(months=months))
    for monitor in Monitor.objects.select_related("pilot"):
        waiting = Participant.objects.identifiable().filter(monitor=monitor)
        if not waiting.exists():
            continue
        end = monitor.pilot.einddatum_end
        if end is None:
            report.unknown_end.append(monitor.pilot.name)
            continue
        if end >= report.cutoff:
            continue
        report.due[monitor.pilot.name] = waiting.count()
        if not dry_run:
            for participant in waiting.select_related("monitor"):
                anonymise(participant=participant, reason=AccessReason.BEWAARTERMIJN)
                report.anonymised += 1
    return report


# --- The end report ---------------------------------------------------------------------------


def end_report(monitor, *, today=None):
    """The end report's content (documents.end_report.EndReport) as disclosure allows."""
    from oogst.documents.appendix import dutch_date
    from oogst.documents.end_report import NOT_SHOWN, EndReport

    with translation.override("nl"):
        figures = disclosure.for_monitor(monitor, today=today)
        if figures.refused:
            too_few = f"minder dan {disclosure.MIN_GROUP}"
            reach = [("Deelnemers bereikt", too_few)]
        else:
            reach = [
                ("Deelnemers bereikt", str(figures.reach)),
                ("Streefaantal", str(figures.target or "niet vastgelegd")),
            ]
            if figures.reach_percent is not None:
                reach.append(
                    ("Bereik ten opzichte van het streefaantal", f"{figures.reach_percent}%")
                )
            split = disclosure.labelled(figures, "reach")
            reach += (
                [("Nog actief", str(split[0][1])), ("Uitgestroomd", str(split[1][1]))]
                if split
                else [("Nog actief en uitgestroomd", NOT_SHOWN)]
            )

        def rows(name):
            if figures.refused:
                return [("Niet getoond", f"minder dan {disclosure.MIN_GROUP} deelnemers")]
            table = disclosure.labelled(figures, name)
            if table is None:
                return [("Niet getoond", NOT_SHOWN)]
            return [(label, str(value)) for label, value in table]

        return EndReport(
            title=f"Eindrapportage {monitor.pilot.name}",
            municipality=settings.OOGST_MUNICIPALITY,
            partner=monitor.partner.name,
            date=dutch_date(today or timezone.localdate()),
            doel=monitor.pilot.doel,
            reach=reach,
            phases=rows("phases"),
            ladder=rows("movement"),
            outcomes=rows("outcomes"),
            zrm=[(str(label), rows(f"zrm:{domain}")) for domain, label in figures.layout.zrm],
            evaluatie=monitor.evaluatie,
            aanbevelingen=monitor.aanbevelingen,
        )
