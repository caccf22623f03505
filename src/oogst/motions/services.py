"""Motion workflows: status changes, afdoeningsvoorstellen and the council's decision."""

from dataclasses import dataclass
from datetime import datetime

from auditlog.context import set_actor, set_extra_data
from auditlog.models import LogEntry
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from oogst.core import permissions
from oogst.pilots.services import Change, changes_since

from .models import (
    Afdoeningsronde,
    Afdoeningsvoorstel,
    Decision,
    Memo,
    Motion,
    MotionStatus,
)


class MotionError(Exception):
    """A step that is not allowed; the message is for the user."""


class StaleEdit(Exception):
    """The motion or memo was saved by someone else after the editor opened the form."""

    def __init__(self, obj, changes: list[Change]):
        super().__init__(f"{type(obj).__name__} {obj.pk} changed since the form was opened")
        self.obj = obj
        self.changes = changes


def _claim_version(model, obj, expected_version: int) -> None:
    """Lock the row and move it to the next version, or raise StaleEdit.

    As for pilots: SELECT ... FOR UPDATE on PostgreSQL, SQLite's IMMEDIATE transactions take
    the write lock up front, so of two saves of the same version exactly one wins.
    """
    current = model.objects.select_for_update().filter(pk=obj.pk).values_list("version", flat=True)
    if current.first() != expected_version:
        raise StaleEdit(obj, changes_since(obj, expected_version))
    obj.version = expected_version + 1


@transaction.atomic
def save_motion(*, actor, form, documents, expected_version: int | None) -> Motion:
    """Save the motion form and its documents; an edit from a stale form is refused."""
    motion = form.save(commit=False)
    linked_before = set()
    if motion.pk is not None:
        _claim_version(Motion, motion, expected_version or 0)
        linked_before = set(Motion.objects.get(pk=motion.pk).pilots.values_list("pk", flat=True))
    with set_actor(actor):
        motion.save()
        form.save_m2m()
        documents.instance = motion
        documents.save()
    # The motion's texts are searched with the pilots it led to (and no longer leads to).
    refresh_pilot_search(linked_before | set(motion.pilots.values_list("pk", flat=True)))
    return motion


@transaction.atomic
def save_memo(*, actor, form, sections, expected_version: int | None) -> Memo:
    """Save the memo form and its sections; an edit from a stale form is refused.

    Any save moves the memo to a new version, also one that changes only its sections.
    """
    memo = form.save(commit=False)
    if memo.pk is not None:
        _claim_version(Memo, memo, expected_version or 0)
    else:
        existing = Memo.objects.select_for_update().filter(motion_id=memo.motion_id).first()
        if existing is not None:
            # Someone else wrote the first version of this memo meanwhile.
            raise StaleEdit(existing, changes_since(existing, 0))
    with set_actor(actor):
        memo.save()
        sections.instance = memo
        sections.save()
    return memo


def _require_manager(actor):
    if not actor.can_manage_motions():
        raise MotionError(_("Only the griffie or a coordinator may do this."))


def _council_agreed(motion: Motion) -> bool:
    return motion.voorstellen.filter(decision=Decision.AKKOORD).exists()


def status_choices(actor, motion: Motion) -> list[tuple[str, str]]:
    """The statuses `actor` may choose for `motion` (its own first): the form offers only these."""
    agreed = _council_agreed(motion)
    records = permissions.can(actor, "motion.record_afgedaan", motion)
    current = [(v, label) for v, label in MotionStatus.choices if v == motion.status]
    return current + [
        (value, label)
        for value, label in MotionStatus.choices
        if value != motion.status
        and not motion.move_refused_because(value, council_agreed=agreed, records_council=records)
    ]


@transaction.atomic
def change_status(*, actor, motion: Motion, new: str, reason: str = "") -> Motion:
    """Move a motion to another status; the motion says which moves it allows (models.py)."""
    _require_manager(actor)
    if new == motion.status:
        return motion
    refused = motion.move_refused_because(
        new,
        council_agreed=_council_agreed(motion),
        records_council=permissions.can(actor, "motion.record_afgedaan", motion),
    )
    if refused:
        raise MotionError(refused)
    return _set_status(actor=actor, motion=motion, new=new, reason=reason)


def _set_status(*, actor, motion, new, reason=""):
    # One history: the audit log's entry for this save carries the reason.
    motion.status = new
    extra = {"actor": actor, "additional_data": {"reason": reason} if reason else None}
    with set_extra_data(context_data=extra):
        motion.save()
    return motion


@dataclass(frozen=True)
class StatusStep:
    """One status change of a motion as the history shows it."""

    at: datetime
    by: object  # the user, or None when the audit log has no actor (a script)
    old: str
    new: str
    reason: str

    @property
    def old_label(self) -> str:
        return MotionStatus(self.old).label if self.old in MotionStatus.values else self.old

    @property
    def new_label(self) -> str:
        return MotionStatus(self.new).label if self.new in MotionStatus.values else self.new


def status_history(motion: Motion) -> list[StatusStep]:
    """Every status change of the motion, newest first, read from the one audit log."""
    return status_histories([motion]).get(motion.pk, [])


def status_histories(motions) -> dict[int, list[StatusStep]]:
    """The status histories of many motions in one query (a page of the API's list)."""
    from django.contrib.contenttypes.models import ContentType

    pks = [m.pk for m in motions]
    entries = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Motion),
            object_id__in=pks,
            action=LogEntry.Action.UPDATE,
        )
        .select_related("actor")
        .order_by("-timestamp", "-pk")
    )
    histories: dict[int, list[StatusStep]] = {pk: [] for pk in pks}
    for entry in entries:
        change = (entry.changes_dict or {}).get("status")
        if not change:
            continue
        old, new = change
        reason = (entry.additional_data or {}).get("reason", "")
        histories[entry.object_id].append(
            StatusStep(entry.timestamp, entry.actor, old, new, reason)
        )
    return histories


def history_events(motion: Motion):
    """Every change of the motion as sentences, newest first, with the reasons given."""
    from oogst.core import history as readable

    entries = (
        LogEntry.objects.get_for_object(motion)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )
    return readable.events(entries)


@transaction.atomic
def propose(*, actor, motion: Motion, ronde: Afdoeningsronde) -> Afdoeningsvoorstel:
    """Put a motion on an afdoeningsronde as proposed to be handled."""
    _require_manager(actor)
    if not motion.may_be_proposed():
        raise MotionError(_("This motion is already handled or withdrawn."))
    voorstel, created = Afdoeningsvoorstel.objects.get_or_create(ronde=ronde, motion=motion)
    if not created:
        raise MotionError(_("This motion is already in this round."))
    _set_status(actor=actor, motion=motion, new=MotionStatus.AFDOENINGSVOORSTEL, reason=str(ronde))
    return voorstel


@transaction.atomic
def record_decision(
    *, actor, voorstel: Afdoeningsvoorstel, decision: str, reason: str = ""
) -> Afdoeningsvoorstel:
    """The council's decision: akkoord → afgedaan; niet akkoord → back to in behandeling."""
    _require_manager(actor)
    if decision not in (Decision.AKKOORD, Decision.NIET_AKKOORD):
        raise MotionError(_("Choose agreed or not agreed."))
    if decision == Decision.NIET_AKKOORD and not reason.strip():
        raise MotionError(_("Say why the council did not agree."))
    if not voorstel.ronde.meeting_held():
        raise MotionError(
            _("The council meets on %(date)s; record its decision after the meeting.")
            % {"date": date_format(voorstel.ronde.date, "j F Y")}
        )
    voorstel.decision = decision
    voorstel.decision_reason = reason.strip()
    voorstel.decided_by = actor
    voorstel.decided_at = timezone.now()
    with set_actor(actor):
        voorstel.save()
    new = MotionStatus.AFGEDAAN if decision == Decision.AKKOORD else MotionStatus.IN_BEHANDELING
    _set_status(
        actor=actor, motion=voorstel.motion, new=new, reason=reason.strip() or str(voorstel.ronde)
    )
    return voorstel


def what_deleting_removes(motion: Motion) -> dict:
    """The counts a user confirms before deleting a motion."""
    return {
        "documents": motion.documents.count(),
        "voorstellen": motion.voorstellen.count(),
    }


def deletion_refused_because(motion: Motion) -> str:
    """Why this motion is part of the record and may not be deleted ("" when it may)."""
    linked = list(motion.pilots.values_list("name", flat=True))
    if linked:
        return _("This motion led to pilots (%(pilots)s); unlink them before deleting.") % {
            "pilots": ", ".join(linked)
        }
    if motion.voorstellen.exclude(decision=Decision.PENDING).exists():
        return _("The council decided on this motion; it stays in the register.")
    if Memo.objects.filter(motion=motion).exists():
        return _("This motion has a memo; it stays in the register.")
    return ""


@transaction.atomic
def delete_motion(*, actor, motion: Motion, confirmation: str) -> None:
    """Delete a motion entered by mistake; the user confirms by typing its number."""
    _require_manager(actor)
    refused = deletion_refused_because(motion)
    if refused:
        raise MotionError(refused)
    if confirmation.strip() != motion.nummer:
        raise MotionError(_("Type the motion's number to confirm the deletion."))
    with set_actor(actor):
        motion.delete()


@transaction.atomic
def archive(*, actor, motion: Motion) -> Motion:
    """Take a handled or withdrawn motion out of the lists; everything of it is kept."""
    if not permissions.can(actor, "motion.archive", motion):
        raise MotionError(_("Only a handled or withdrawn motion can be archived."))
    motion.archived_at = timezone.now()
    with set_actor(actor):
        motion.save()
    return motion


@transaction.atomic
def unarchive(*, actor, motion: Motion) -> Motion:
    if not permissions.can(actor, "motion.unarchive", motion):
        raise MotionError(_("This motion is not archived."))
    motion.archived_at = None
    with set_actor(actor):
        motion.save()
    return motion


def portefeuille_overview():
    """Open (not handled) motions grouped by portefeuille."""
    groups = {}
    for motion in Motion.objects.not_handled().select_related("portefeuille", "programma"):
        key = motion.portefeuille.name if motion.portefeuille else "—"
        groups.setdefault(key, []).append(motion)
    return sorted(groups.items())


def memo_document(memo):
    """The memo as the documents renderer reads it: typed data, no database access left."""
    from django.conf import settings

    from oogst.documents.memo import MemoDocument

    sections = [("Aanleiding", memo.aanleiding), ("Achtergrond", memo.achtergrond)]
    sections += [(s.title, s.body) for s in memo.sections.all()]
    sections.append(("Conclusie", memo.conclusie))
    return MemoDocument(
        municipality=settings.OOGST_MUNICIPALITY,
        reference=memo.reference,
        onderwerp=memo.onderwerp,
        bijlagen=memo.bijlagen,
        sections=[(title, text) for title, text in sections if text.strip()],
        contact=[
            ("Naam", memo.contact_naam),
            ("Telefoon", memo.contact_telefoon),
            ("E-mailadres", memo.contact_email),
        ],
    )


def refresh_pilot_search(pilot_ids) -> None:
    """A motion's texts are searched with the pilots it led to: keep those pilots in step."""
    from oogst.pilots import search
    from oogst.pilots.models import Pilot

    for pilot in Pilot.objects.filter(pk__in=pilot_ids):
        search.refresh(pilot)
