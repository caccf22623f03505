"""Motion workflows: status changes, afdoeningsvoorstellen and the council's decision."""

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oogst.accounts.models import Role

from .models import (
    Afdoeningsronde,
    Afdoeningsvoorstel,
    Decision,
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
