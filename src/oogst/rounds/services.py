"""The reporting-round workflow: open, update, send back, approve, freeze, reopen, publish."""

import datetime
import logging

from auditlog.context import set_actor, set_extra_data
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from oogst.accounts.models import Role
from oogst.core.mail import single_line
from oogst.pilots.exports import pilot_record
from oogst.pilots.models import Fase, Pilot

from .models import (
    DEFAULT_EXCLUDED_FASES,
    EntryReturn,
    EntryStatus,
    Notification,
    Round,
    RoundEntry,
    RoundStatus,
)


class RoundError(Exception):
    """A workflow step that is not allowed; the message is for the user."""


def _require_coordinator(actor):
    if actor.role not in (Role.COORDINATOR, Role.BEHEERDER):
        raise RoundError(_("Only a coordinator may do this."))


def default_pilots(*, peildatum: datetime.date):
    """Every pilot except proposals, never-started ones and those finished before the
    previous round."""
    pilots = Pilot.objects.exclude(fase__in=DEFAULT_EXCLUDED_FASES)
    previous = Round.objects.filter(peildatum__lt=peildatum).order_by("-peildatum").first()
    if previous:
        pilots = pilots.exclude(Q(fase=Fase.AFGEROND) & Q(einddatum_end__lt=previous.peildatum))
    return pilots


@transaction.atomic
def open_round(*, actor, round: Round, pilots=None) -> Round:
    _require_coordinator(actor)
    if not round.slug:
        round.slug = slugify(round.name)[:200] or "ronde"
    if Round.objects.filter(slug=round.slug).exists():
        raise RoundError(_("A round with this name already exists."))
    round.created_by = actor
    with set_actor(actor):
        round.save()
        selected = pilots if pilots is not None else default_pilots(peildatum=round.peildatum)
        RoundEntry.objects.bulk_create(RoundEntry(round=round, pilot=p) for p in selected)
    transaction.on_commit(lambda: send_notifications(round=round))
    return round


def _can_act_for(actor, entry: RoundEntry) -> bool:
    return actor.role in (Role.COORDINATOR, Role.BEHEERDER) or entry.pilot.owner_id == actor.pk


@transaction.atomic
def mark_updated(*, actor, entry: RoundEntry) -> RoundEntry:
    """The owner says the pilot is up to date for this round (also when nothing changed)."""
    if entry.round.is_frozen:
        raise RoundError(_("This round is frozen."))
    if not _can_act_for(actor, entry):
        raise RoundError(_("Only the pilot's owner or a coordinator may do this."))
    if entry.status == EntryStatus.GOEDGEKEURD:
        raise RoundError(_("This entry is already approved."))
    entry.status = EntryStatus.BIJGEWERKT
    entry.updated_marked_at = timezone.now()
    entry.updated_marked_by = actor
    with set_actor(actor):
        entry.save()
    return entry


@transaction.atomic
def send_back(*, actor, entry: RoundEntry, reason: str) -> EntryReturn:
    _require_coordinator(actor)
    if entry.round.is_frozen:
        raise RoundError(_("This round is frozen."))
    if not reason.strip():
        raise RoundError(_("Say why the entry goes back to its owner."))
    entry.status = EntryStatus.TERUGGESTUURD
    entry.approved_at = entry.approved_by = None
    with set_actor(actor):
        entry.save()
    return EntryReturn.objects.create(entry=entry, reason=reason.strip(), by=actor)


@transaction.atomic
def approve(*, actor, entry: RoundEntry) -> RoundEntry:
    _require_coordinator(actor)
    if entry.round.is_frozen:
        raise RoundError(_("This round is frozen."))
    if entry.pilot.owner_id == actor.pk:
        raise RoundError(_("Nobody approves their own entry: ask another coordinator."))
    if entry.status != EntryStatus.BIJGEWERKT:
        raise RoundError(_("Only an entry its owner marked as updated can be approved."))
    entry.status = EntryStatus.GOEDGEKEURD
    entry.approved_at = timezone.now()
    entry.approved_by = actor
    with set_actor(actor):
        entry.save()
    return entry


@transaction.atomic
def freeze(*, actor, round: Round, force: bool = False) -> Round:
    """Fix the round: each entry keeps a snapshot that later pilot edits never change."""
    _require_coordinator(actor)
    # Lock the row so two coordinators cannot freeze at once; work on the caller's object.
    Round.objects.select_for_update().filter(pk=round.pk).first()
    round.refresh_from_db()
    if round.is_frozen:
        raise RoundError(_("This round is already frozen."))
    entries = list(
        round.entries.select_related(
            "pilot__programma", "pilot__portefeuille", "pilot__owner"
        ).prefetch_related("pilot__partners", "pilot__status_updates__author")
    )
    unapproved = [e for e in entries if e.status != EntryStatus.GOEDGEKEURD]
    if unapproved and not force:
        raise RoundError(
            _("%(count)d entries are not approved. Freeze anyway only if you mean to.")
            % {"count": len(unapproved)}
        )
    for entry in entries:
        entry.snapshot = pilot_record(entry.pilot)
    RoundEntry.objects.bulk_update(entries, ["snapshot"])
    round.status = RoundStatus.VASTGESTELD
    round.frozen_at = timezone.now()
    round.frozen_by = actor
    with set_extra_data(
        context_data={
            "actor": actor,
            "additional_data": {"unapproved_entries": len(unapproved)} if unapproved else None,
        }
    ):
        round.save()
    return round


@transaction.atomic
def reopen(*, actor, round: Round, reason: str) -> Round:
    _require_coordinator(actor)
    if not round.is_frozen:
        raise RoundError(_("This round is not frozen."))
    if not reason.strip():
        raise RoundError(_("Say why the round is reopened; it is kept in the history."))
    round.status = RoundStatus.OPEN
    round.published = False
    round.published_at = None
    with set_extra_data(
        context_data={"actor": actor, "additional_data": {"reason": reason.strip()}}
    ):
        round.save()
    return round


@transaction.atomic
def publish(*, actor, round: Round) -> Round:
    _require_coordinator(actor)
    if not round.is_frozen:
        raise RoundError(_("Only a frozen round can be published."))
    round.published = True
    round.published_at = timezone.now()
    with set_actor(actor):
        round.save()
    return round


def snapshots(round: Round) -> list[dict]:
    """The round's pilots as reported: frozen snapshots, or the live register while open."""
    entries = round.entries.select_related(
        "pilot__programma", "pilot__portefeuille", "pilot__owner"
    ).prefetch_related("pilot__partners", "pilot__status_updates__author")
    records = []
    for entry in entries:
        record = entry.snapshot if round.is_frozen and entry.snapshot else pilot_record(entry.pilot)
        records.append(record)
    return sort_for_appendix(records, round.appendix_order)


def sort_for_appendix(records, order: str) -> list[dict]:
    def programma_number(record):
        # "Programma 7. Inrichting van de stad" -> 7; pilots without a programme last.
        text = record.get("programma") or ""
        digits = "".join(ch for ch in text.split(".")[0] if ch.isdigit())
        return int(digits) if digits else 10_000

    if order == "naam":
        return sorted(records, key=lambda r: r["name"].lower())
    return sorted(records, key=lambda r: (programma_number(r), r["name"].lower()))


# --- mail ---------------------------------------------------------------------------------


def _owners_with_open_entries(round: Round):
    from oogst.accounts.models import User

    return (
        User.objects.filter(
            is_active=True,
            owned_pilots__round_entries__round=round,
            owned_pilots__round_entries__status__in=[EntryStatus.OPEN, EntryStatus.TERUGGESTUURD],
        )
        .exclude(email="")
        .distinct()
    )


logger = logging.getLogger(__name__)


def send_notifications(*, round: Round, today: datetime.date | None = None) -> int:
    """Send what is due for one round and record it; sending twice never happens."""
    today = today or timezone.localdate()
    if round.is_frozen:
        return 0
    sent = 0
    due = [Notification.Kind.OPENED]
    if round.deadline - datetime.timedelta(days=7) <= today <= round.deadline:
        due.append(Notification.Kind.REMINDER)
    for owner in _owners_with_open_entries(round):
        for kind in due:
            try:
                if _send_once(round=round, user=owner, kind=kind):
                    sent += 1
            except Exception:
                # One failing mail (a bad address, the mail server away) never stops the
                # others; it is not recorded as sent, so the next hourly run tries again.
                logger.exception(
                    "mail not sent: round=%s user=%s kind=%s", round.pk, owner.pk, kind
                )
    return sent


def _send_once(*, round: Round, user, kind: str) -> bool:
    try:
        with transaction.atomic():
            Notification.objects.create(round=round, user=user, kind=kind)
            subject, body = _mail_text(round=round, kind=kind, user=user)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    except IntegrityError:
        return False  # already sent earlier
    return True


def _mail_text(*, round: Round, kind: str, user):
    url = reverse("rounds:my_tasks")
    deadline = round.deadline.strftime("%d-%m-%Y")
    # Names as typed may hold line breaks; subjects are one clean line, the body reads the same.
    name = single_line(round.name)
    recipient = single_line(user.get_full_name() or user.username)
    if kind == Notification.Kind.OPENED:
        subject = single_line(f"Oogst: {name} is geopend")
        body = (
            f"Beste {recipient},\n\n"
            f"De rapportageronde {name} is geopend. Werk je pilots bij en markeer ze "
            f"als bijgewerkt vóór {deadline} (ook als er niets veranderd is).\n\n"
            f"Je takenlijst: {url}\n"
        )
    else:
        subject = single_line(f"Oogst: herinnering {name}, deadline {deadline}")
        body = (
            f"Beste {recipient},\n\n"
            f"Over een week of minder sluit {name}. Nog niet al je pilots zijn "
            f"bijgewerkt. Deadline: {deadline}.\n\nJe takenlijst: {url}\n"
        )
    return subject, body


# --- review aids --------------------------------------------------------------------------

REQUIRED_FIELDS = ("name", "korte_omschrijving", "programma", "portefeuille", "doel", "startdatum")


def warnings_for(pilot: Pilot, *, today: datetime.date | None = None) -> list[str]:
    today = today or timezone.localdate()
    found = []
    if (
        pilot.evaluatiemoment_end
        and pilot.evaluatiemoment_end < today
        and not pilot.uitkomst_evaluatie
        and pilot.succesvol in ("", "nog_niet_bekend")
    ):
        found.append(_("The evaluation moment has passed without an outcome."))
    if pilot.einddatum_end and pilot.einddatum_end < today and pilot.fase != Fase.AFGEROND:
        found.append(_("The end date has passed but the pilot is not completed."))
    empty = [
        str(Pilot._meta.get_field(f).verbose_name)
        for f in REQUIRED_FIELDS
        if not getattr(pilot, f if f not in ("programma", "portefeuille") else f + "_id")
    ]
    if empty:
        found.append(_("Empty: %(fields)s.") % {"fields": ", ".join(empty)})
    return found


def completeness(round: Round, *, today: datetime.date | None = None):
    """Per owner: how many entries are updated, open, and late."""
    late = round.deadline_passed(today)
    rows = {}
    for entry in round.entries.select_related("pilot__owner"):
        owner = entry.pilot.owner
        row = rows.setdefault(
            owner.pk if owner else None, {"owner": owner, "done": 0, "open": 0, "late": 0}
        )
        if entry.is_done_for_owner:
            row["done"] += 1
        elif late:
            row["late"] += 1
        else:
            row["open"] += 1
    return sorted(rows.values(), key=lambda r: str(r["owner"] or "~"))


# --- the appendix -------------------------------------------------------------------------


def appendix_for(round: Round):
    from oogst.documents.appendix import Appendix

    return Appendix(
        title=round.appendix_title,
        round_name=round.name,
        municipality=settings.OOGST_MUNICIPALITY,
        inleiding=round.inleiding,
        concept=not round.is_frozen,
        peildatum=round.peildatum,
        pilots=snapshots(round),
    )


def render_appendix(round: Round, fmt: str, *, standalone: bool = True):
    """The appendix in one format; rendering reads data and never changes it."""
    from oogst.documents import appendix as documents

    data = appendix_for(round)
    if fmt == "html":
        return documents.render_html(data, standalone=standalone)
    return {"docx": documents.render_docx, "pdf": documents.render_pdf}[fmt](data)


def round_history(round: Round) -> list[dict]:
    """The round's own history as sentences people read, newest first."""
    from auditlog.models import LogEntry

    events = []
    for entry in (
        LogEntry.objects.get_for_object(round).select_related("actor").order_by("-timestamp", "-pk")
    ):
        changes = entry.changes_dict
        data = entry.additional_data or {}
        if entry.action == LogEntry.Action.CREATE:
            what = _("Round opened")
        elif changes.get("status", [None, None])[1] == RoundStatus.VASTGESTELD:
            what = _("Frozen")
            if data.get("unapproved_entries"):
                what += " " + _("with %(count)s unapproved entries") % {
                    "count": data["unapproved_entries"]
                }
        elif changes.get("status", [None, None])[1] == RoundStatus.OPEN:
            what = _("Reopened")
        elif changes.get("published", [None, None])[1] == "True":
            what = _("Published")
        else:
            what = _("Changed: %(fields)s") % {"fields": ", ".join(changes)}
        events.append(
            {
                "timestamp": entry.timestamp,
                "actor": entry.actor,
                "what": what,
                "reason": data.get("reason", ""),
            }
        )
    return events
