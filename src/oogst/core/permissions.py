"""Who may do what to which object: one allow-list for services, views, templates and the API.

`can(user, action, obj)` answers; anything not granted here is denied, also for roles added
later. Rules about an object's state (may this entry be approved now?) live on the model as
one transition method, which the rule here asks. docs/permissions.md holds the same table in
words, and tests/core/test_permission_matrix.py checks every URL against it.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied

from .roles import Role

EDIT_EVERY_PILOT = frozenset({Role.BEHEERDER, Role.COORDINATOR})
CREATE_PILOTS = frozenset({Role.BEHEERDER, Role.COORDINATOR, Role.EIGENAAR})
MUNICIPAL = frozenset(set(Role) - {Role.PARTNER})
# Who works on a round's content sees its concepts; everyone else only what is published.
READ_CONCEPT_ROUNDS = frozenset({Role.BEHEERDER, Role.COORDINATOR, Role.EIGENAAR})
MANAGE_MOTIONS = frozenset({Role.GRIFFIE, Role.COORDINATOR, Role.BEHEERDER})


def _roles(*roles) -> Callable:
    allowed = frozenset(roles)
    return lambda user, obj: user.role in allowed


def _edits_pilot(user, pilot) -> bool:
    if user.role in EDIT_EVERY_PILOT:
        return True
    return user.role == Role.EIGENAAR and pilot is not None and pilot.owner_id == user.pk


def _sees_round(user, round) -> bool:
    if user.role in READ_CONCEPT_ROUNDS:
        return True
    return user.role in MUNICIPAL and round is not None and round.published


def _edits_memo(user, motion) -> bool:
    if user.role in MANAGE_MOTIONS:
        return True
    return (
        user.role == Role.EIGENAAR
        and motion is not None
        and motion.portefeuille_id is not None
        and user.portefeuilles.filter(pk=motion.portefeuille_id).exists()
    )


RULES: dict[str, Callable] = {
    # pilots and their reference lists
    "pilot.view": _roles(*MUNICIPAL),
    "pilot.create": _roles(*CREATE_PILOTS),
    "pilot.edit": _edits_pilot,
    "reference.manage": _roles(Role.BEHEERDER),
    # Imports write many pilots (and may add programmes and portfolios) at once.
    "pilot.import": _roles(*EDIT_EVERY_PILOT),
    # people
    "user.manage": _roles(Role.BEHEERDER),
    # The accessibility and privacy statements on every page's footer.
    "statement.edit": _roles(Role.BEHEERDER),
    "accesslog.view": _roles(Role.BEHEERDER),
    # API keys for other applications (issue, list, revoke)
    "api_key.manage": _roles(Role.BEHEERDER),
    # reporting rounds
    "round.view": _sees_round,
    "round.view_concepts": _roles(*READ_CONCEPT_ROUNDS),
    "round.manage": _roles(*EDIT_EVERY_PILOT),
    "rounds.my_tasks": _roles(Role.EIGENAAR, Role.COORDINATOR, Role.BEHEERDER),
    # The owner acts for their pilot's entry; coordinators for every entry.
    "entry.act_for": lambda user, entry: (
        user.role in EDIT_EVERY_PILOT or entry.pilot.owner_id == user.pk
    ),
    "entry.mark_updated": lambda user, entry: (
        (user.role in EDIT_EVERY_PILOT or entry.pilot.owner_id == user.pk)
        and entry.may_be_marked_updated()
    ),
    "entry.approve": lambda user, entry: (
        user.role in EDIT_EVERY_PILOT
        and entry.may_be_approved()
        and entry.pilot.owner_id != user.pk
    ),
    "entry.send_back": lambda user, entry: (
        user.role in EDIT_EVERY_PILOT and entry.may_be_sent_back()
    ),
    # motions
    "motion.view": _roles(*MUNICIPAL),
    "motion.manage": _roles(*MANAGE_MOTIONS),
    # Only the griffie records that the council considers a motion handled.
    "motion.record_afgedaan": _roles(Role.GRIFFIE),
    "motion.archive": lambda user, motion: user.role in MANAGE_MOTIONS and motion.may_be_archived(),
    "motion.unarchive": lambda user, motion: (
        user.role in MANAGE_MOTIONS and motion.may_be_unarchived()
    ),
    "memo.edit": _edits_memo,
    # participant monitoring (records themselves: participants.services, per organisation)
    "monitor.configure": lambda user, pilot: user.role in MUNICIPAL and _edits_pilot(user, pilot),
}


def can(user, action: str, obj=None) -> bool:
    """Whether `user` may do `action` (to `obj`). Unknown actions are a programming error."""
    rule = RULES[action]
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return bool(rule(user, obj))


def require(user, action: str, obj=None) -> None:
    """For views: 403 unless allowed."""
    if not can(user, action, obj):
        raise PermissionDenied
