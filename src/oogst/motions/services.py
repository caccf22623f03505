"""Motion workflows: status changes, afdoeningsvoorstellen and the council's decision."""

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oogst.accounts.models import Role
from oogst.pilots.services import Change, changes_since

from .models import (
    Afdoeningsronde,
    Afdoeningsvoorstel,
    Decision,
    Memo,
    Motion,
    MotionStatus,
    StatusChange,
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
    if motion.pk is not None:
        _claim_version(Motion, motion, expected_version or 0)
    with set_actor(actor):
        motion.save()
        form.save_m2m()
        documents.instance = motion
        documents.save()
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


@transaction.atomic
def change_status(*, actor, motion: Motion, new: str, reason: str = "") -> Motion:
    """Move a motion to another status; afgedaan needs the council's agreement.

    Without an agreed afdoeningsvoorstel only a griffie user may set afgedaan: by doing so
    they record the council's decision.
    """
    _require_manager(actor)
    if new not in MotionStatus.values:
        raise MotionError(_("Unknown status."))
    if new == motion.status:
        return motion
    if new == MotionStatus.AFGEDAAN and actor.role != Role.GRIFFIE:
        agreed = motion.voorstellen.filter(decision=Decision.AKKOORD).exists()
        if not agreed:
            raise MotionError(
                _(
                    "A motion is afgedaan only after the council agreed to an afdoeningsvoorstel. "
                    "Record the decision in an afdoeningsronde, or ask the griffie."
                )
            )
    return _set_status(actor=actor, motion=motion, new=new, reason=reason)


def _set_status(*, actor, motion, new, reason=""):
    StatusChange.objects.create(motion=motion, old=motion.status, new=new, reason=reason, by=actor)
    motion.status = new
    with set_actor(actor):
        motion.save()
    return motion


@transaction.atomic
def propose(*, actor, motion: Motion, ronde: Afdoeningsronde) -> Afdoeningsvoorstel:
    """Put a motion on an afdoeningsronde as proposed to be handled."""
    _require_manager(actor)
    if motion.status in (MotionStatus.AFGEDAAN, MotionStatus.INGETROKKEN):
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
    voorstel.decision = decision
    voorstel.decision_reason = reason.strip()
    voorstel.decided_by = actor
    voorstel.decided_at = timezone.now()
    voorstel.save()
    new = MotionStatus.AFGEDAAN if decision == Decision.AKKOORD else MotionStatus.IN_BEHANDELING
    _set_status(
        actor=actor, motion=voorstel.motion, new=new, reason=reason.strip() or str(voorstel.ronde)
    )
    return voorstel


@transaction.atomic
def delete_motion(*, actor, motion: Motion) -> None:
    _require_manager(actor)
    linked = list(motion.pilots.values_list("name", flat=True))
    if linked:
        raise MotionError(
            _("This motion led to pilots (%(pilots)s); unlink them before deleting.")
            % {"pilots": ", ".join(linked)}
        )
    with set_actor(actor):
        motion.delete()


def portefeuille_overview():
    """Open (not handled) motions grouped by portefeuille."""
    groups = {}
    for motion in Motion.objects.not_handled().select_related("portefeuille", "programma"):
        key = motion.portefeuille.name if motion.portefeuille else "—"
        groups.setdefault(key, []).append(motion)
    return sorted(groups.items())
