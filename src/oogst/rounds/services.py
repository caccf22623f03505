"""The reporting-round workflow: open, update, send back, approve, freeze, reopen, publish."""

import datetime
import hashlib
import importlib.metadata
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

from oogst.core import permissions
from oogst.core.mail import single_line
from oogst.pilots.models import Fase, Pilot

from . import snapshot as snapshot_contract
from .models import (
    DEFAULT_EXCLUDED_FASES,
    ConceptRender,
    DocumentFormat,
    DocumentStatus,
    EntryReturn,
    EntryStatus,
    Notification,
    Round,
    RoundDocument,
    RoundEntry,
    RoundStatus,
)
from .snapshot import PilotSnapshot

logger = logging.getLogger(__name__)


class RoundError(Exception):
    """A workflow step that is not allowed; the message is for the user."""


def _require_coordinator(actor):
    if not permissions.can(actor, "round.manage"):
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


@transaction.atomic
def mark_updated(*, actor, entry: RoundEntry) -> RoundEntry:
    """The owner says the pilot is up to date for this round (also when nothing changed)."""
    if entry.round.is_frozen:
        raise RoundError(_("This round is frozen."))
    if entry.status == EntryStatus.GOEDGEKEURD:
        raise RoundError(_("This entry is already approved."))
    if not permissions.can(actor, "entry.mark_updated", entry):
        if entry.status == EntryStatus.BIJGEWERKT:
            raise RoundError(_("This entry is already marked as updated."))
        raise RoundError(_("Only the pilot's owner or a coordinator may do this."))
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
    if actor.pk in involved_in_round(entry):
        raise RoundError(
            _(
                "Nobody approves an entry they owned, edited or marked updated during the "
                "round: ask another coordinator."
            )
        )
    if not entry.may_be_approved():
        raise RoundError(_("Only an entry its owner marked as updated can be approved."))
    entry.status = EntryStatus.GOEDGEKEURD
    entry.approved_at = timezone.now()
    entry.approved_by = actor
    with set_actor(actor):
        entry.save()
    return entry


def involved_in_round(entry: RoundEntry) -> set[int]:
    """Users who owned the pilot, edited it or its progress updates, or marked the entry
    updated since the round opened: none of them may approve it (no hand-over trick)."""
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from oogst.pilots.models import StatusUpdate

    pilot = entry.pilot
    since = entry.round.created_at
    involved = {pilot.owner_id, entry.updated_marked_by_id}
    pilot_log = LogEntry.objects.get_for_object(pilot).filter(timestamp__gte=since)
    update_log = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(StatusUpdate),
        object_pk__in=[str(pk) for pk in pilot.status_updates.values_list("pk", flat=True)],
        timestamp__gte=since,
    )
    for log in (pilot_log | update_log).only("actor_id", "changes"):
        involved.add(log.actor_id)
        for value in log.changes_dict.get("owner", []):
            if value and str(value).isdigit():
                involved.add(int(value))
    involved.discard(None)
    return involved


def entry_content_changed(*, pilot, actor, **_signal) -> None:
    """An approval covers the content it saw: an edit afterwards sends the entry back to
    review ("bijgewerkt"), so the freeze never takes unreviewed text as approved."""
    entries = RoundEntry.objects.filter(
        pilot=pilot, status=EntryStatus.GOEDGEKEURD, round__status=RoundStatus.OPEN
    )
    for entry in entries:
        entry.status = EntryStatus.BIJGEWERKT
        entry.approved_at = entry.approved_by = None
        with set_extra_data(
            context_data={
                "actor": actor,
                "additional_data": {"reason": "changed after approval"},
            }
        ):
            entry.save()


@transaction.atomic
def freeze(*, actor, round: Round, force: bool = False) -> Round:
    """Fix the round: each entry keeps a snapshot that later pilot edits never change."""
    _require_coordinator(actor)
    # Lock the row so two coordinators cannot freeze at once; work on the caller's object.
    Round.objects.select_for_update().filter(pk=round.pk).first()
    round.refresh_from_db()
    if not round.may_be_frozen():
        raise RoundError(_("This round is already frozen."))
    entries = list(
        round.entries.select_related(
            "pilot__programma", "pilot__portefeuille", "pilot__owner"
        ).prefetch_related(
            "pilot__partners", "pilot__status_updates__author", "pilot__lessons__themes"
        )
    )
    unapproved = [e for e in entries if e.status != EntryStatus.GOEDGEKEURD]
    if unapproved and not force:
        raise RoundError(
            _("%(count)d entries are not approved. Freeze anyway only if you mean to.")
            % {"count": len(unapproved)}
        )
    for entry in entries:
        entry.snapshot = snapshot_contract.build(entry.pilot).to_json()
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
    request_documents(round)
    return round


@transaction.atomic
def reopen(*, actor, round: Round, reason: str) -> Round:
    _require_coordinator(actor)
    if not round.may_be_reopened():
        raise RoundError(_("This round is not frozen."))
    if not reason.strip():
        raise RoundError(_("Say why the round is reopened; it is kept in the history."))
    round.status = RoundStatus.OPEN
    round.published = False
    round.published_at = None
    round.frozen_at = None
    # The documents as issued belong to the freeze that made them; freezing again makes new ones.
    round.documents.all().delete()
    with set_extra_data(
        context_data={"actor": actor, "additional_data": {"reason": reason.strip()}}
    ):
        round.save()
    return round


@transaction.atomic
def publish(*, actor, round: Round) -> Round:
    _require_coordinator(actor)
    if not round.may_be_published():
        raise RoundError(_("Only a frozen, unpublished round can be published."))
    round.published = True
    round.published_at = timezone.now()
    with set_actor(actor):
        round.save()
    return round


def _live_entries(round: Round):
    return round.entries.select_related(
        "pilot__programma", "pilot__portefeuille", "pilot__owner"
    ).prefetch_related("pilot__partners", "pilot__status_updates__author", "pilot__lessons__themes")


def snapshots(round: Round) -> list[PilotSnapshot]:
    """The round's pilots as reported: frozen snapshots, or the live register while open.

    Raises snapshot.SnapshotVersionError for a snapshot written by a newer Oogst.
    """
    if round.is_frozen:
        stored = list(round.entries.values_list("snapshot", flat=True))
        if all(stored):
            loaded = [snapshot_contract.load(data) for data in stored]
            return sort_for_appendix(loaded, round.appendix_order)
    records = [snapshot_contract.build(entry.pilot) for entry in _live_entries(round)]
    return sort_for_appendix(records, round.appendix_order)


def sort_for_appendix(records: list[PilotSnapshot], order: str = "programma"):
    if order == "naam":
        return sorted(records, key=lambda r: r.name.lower())
    # Pilots without a programme come last.
    return sorted(
        records,
        key=lambda r: (
            r.programma_number if r.programma_number is not None else 10_000,
            r.name.lower(),
        ),
    )


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
            f"De rapportageronde {name} is geopend. Werk uw pilots bij en markeer ze "
            f"als bijgewerkt vóór {deadline} (ook als er niets veranderd is).\n\n"
            f"Uw takenlijst: {url}\n"
        )
    else:
        subject = single_line(f"Oogst: herinnering {name}, deadline {deadline}")
        body = (
            f"Beste {recipient},\n\n"
            f"Over een week of minder sluit {name}. Nog niet al uw pilots zijn "
            f"bijgewerkt. Deadline: {deadline}.\n\nUw takenlijst: {url}\n"
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
        print_lessons=round.print_lessons,
    )


def render_appendix(round: Round, fmt: str):
    """The appendix in one format, rendered now from the round's snapshots; changes no data.

    `fmt` is a DocumentFormat value. Frozen rounds are served from their stored documents
    (`issued_document`); this is for the worker that makes them and for concept rounds.
    """
    from oogst.documents import appendix as documents

    data = appendix_for(round)
    if fmt == DocumentFormat.HTML:
        return documents.render_html(data, standalone=True).encode("utf-8")
    if fmt == DocumentFormat.HTML_FRAGMENT:
        return documents.render_html(data, standalone=False).encode("utf-8")
    return {"docx": documents.render_docx, "pdf": documents.render_pdf}[fmt](data)


# --- documents as issued ------------------------------------------------------------------


class DocumentNotReady(Exception):
    """A frozen round's document is still being made, or failed; the message says which."""

    def __init__(self, document: RoundDocument | None):
        self.document = document
        super().__init__(
            _("The documents of this round are not ready yet.")
            if document is None or document.status == DocumentStatus.PENDING
            else _("Making this document failed: %(error)s") % {"error": document.error}
        )


class RenderBusy(Exception):
    """Someone is already rendering this concept round's appendix."""


def code_version() -> str:
    return f"oogst {importlib.metadata.version('oogst')}"


def request_documents(round: Round, formats=None) -> list[RoundDocument]:
    """Queue the making of a frozen round's documents (all formats, or the given ones).

    Called inside the freeze's transaction: with the database task backend the task rows
    commit together with the freeze, so a freeze never loses its documents and a rolled-back
    freeze never makes any.
    """
    from .tasks import make_round_document

    generation = round.frozen_at.isoformat()
    made = []
    for fmt in formats or DocumentFormat.values:
        document, _created = RoundDocument.objects.update_or_create(
            round=round,
            format=fmt,
            defaults={
                "generation": generation,
                "status": DocumentStatus.PENDING,
                "content": None,
                "sha256": "",
                "size": None,
                "requested_at": timezone.now(),
                "started_at": None,
                "made_at": None,
                "error": "",
            },
        )
        made.append(document)
        make_round_document.enqueue(round_id=round.pk, fmt=fmt, generation=generation)
    return made


def make_document(*, round_id: int, fmt: str, generation: str) -> RoundDocument | None:
    """The worker's job: render one document of one freeze and store it with its SHA-256.

    Idempotent and safe to retry: a document of another generation (the round was reopened
    or frozen again meanwhile) or one already made is left alone. Every write names the
    generation, so a late render never overwrites a newer freeze's document.
    """
    rows = RoundDocument.objects.filter(round_id=round_id, format=fmt, generation=generation)
    document = rows.defer("content").first()
    if document is None or document.status == DocumentStatus.READY:
        return document
    rows.update(started_at=timezone.now())
    try:
        content = render_appendix(Round.objects.get(pk=round_id), fmt)
    except Exception as error:  # any failure is shown on the round page with a retry button
        logger.exception("Rendering %s of round %s failed", fmt, round_id)
        rows.update(status=DocumentStatus.FAILED, error=f"{type(error).__name__}: {error}"[:2000])
        return rows.defer("content").first()
    rows.update(
        status=DocumentStatus.READY,
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        made_at=timezone.now(),
        code_version=code_version(),
        error="",
    )
    return rows.defer("content").first()


@transaction.atomic
def retry_documents(*, actor, round: Round) -> int:
    """Queue again the documents that failed or whose worker stopped; returns how many."""
    _require_coordinator(actor)
    if not round.is_frozen:
        raise RoundError(_("Only a frozen round has documents to make."))
    again = [d.format for d in round.documents.defer("content") if d.may_retry]
    missing = set(DocumentFormat.values) - set(round.documents.values_list("format", flat=True))
    formats = again + sorted(missing)
    if formats:
        request_documents(round, formats)
    return len(formats)


def document_states(round: Round) -> list[RoundDocument]:
    """The round's documents without their bytes, in a fixed order, for the round page."""
    order = {fmt: i for i, fmt in enumerate(DocumentFormat.values)}
    return sorted(round.documents.defer("content"), key=lambda d: order[d.format])


def issued_document(round: Round, fmt: str) -> RoundDocument:
    """A frozen round's document exactly as it was made; raises DocumentNotReady otherwise."""
    document = RoundDocument.objects.filter(round=round, format=fmt).first()
    if document is None or document.status != DocumentStatus.READY:
        raise DocumentNotReady(document)
    return document


def concept_appendix(round: Round, fmt: str) -> bytes:
    """An open round's appendix, rendered on demand; one render at a time per round."""
    stale = timezone.now() - datetime.timedelta(minutes=settings.OOGST_DOCUMENT_TIMEOUT_MINUTES)
    ConceptRender.objects.filter(round=round, started_at__lt=stale).delete()
    try:
        with transaction.atomic():
            ConceptRender.objects.create(round=round)
    except IntegrityError:
        raise RenderBusy from None
    try:
        return render_appendix(round, fmt)
    finally:
        ConceptRender.objects.filter(round=round).delete()


def appendix_bytes(round: Round, fmt: str) -> bytes:
    """What a download of the appendix serves: the stored bytes of a frozen round, or a
    concept rendered now for an open one."""
    if round.is_frozen:
        return bytes(issued_document(round, fmt).content)
    return concept_appendix(round, fmt)


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


def timeline_items(records: list[PilotSnapshot]):
    """A round's snapshots as bars on the timeline (no links: for the public page)."""
    from oogst.pilots import timeline

    return [
        timeline.TimelineItem(
            name=r.name,
            group=str(r.programma) if r.programma else "",
            group_order=r.programma_number if r.programma_number is not None else 10_000,
            fase=r.fase,
            start=timeline.span(r.startdatum),
            end=timeline.span(r.einddatum),
            evaluation=timeline.span(r.evaluatiemoment),
            key=r.slug,
        )
        for r in records
    ]
