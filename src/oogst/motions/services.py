"""Motion workflows: status changes, afdoeningsvoorstellen and the council's decision."""

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oogst.core import permissions

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
    if new == MotionStatus.AFGEDAAN and not permissions.can(actor, "motion.record_afgedaan"):
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
        "status_changes": motion.status_changes.count(),
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


def portefeuille_overview():
    """Open (not handled) motions grouped by portefeuille."""
    groups = {}
    for motion in Motion.objects.not_handled().select_related("portefeuille", "programma"):
        key = motion.portefeuille.name if motion.portefeuille else "—"
        groups.setdefault(key, []).append(motion)
    return sorted(groups.items())


def refresh_pilot_search(pilot_ids) -> None:
    """A motion's texts are searched with the pilots it led to: keep those pilots in step."""
    from oogst.pilots import search
    from oogst.pilots.models import Pilot

    for pilot in Pilot.objects.filter(pk__in=pilot_ids):
        search.refresh(pilot)
