import datetime
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import security_events
from .models import User


def generate_password() -> str:
    """A random password to hand over once; never stored in code or logs."""
    return secrets.token_urlsafe(12)


@transaction.atomic
def create_user_with_password(user: User) -> str:
    password = generate_password()
    user.set_password(password)
    user.save()
    return password


def reset_password(user: User) -> str:
    password = generate_password()
    user.set_password(password)
    user.save(update_fields=["password"])
    return password


@transaction.atomic
def save_account(form, *, actor, request=None) -> User:
    """Save the user form; a role change or deactivation is a security event.

    Either also ends the person's sessions: the session hash covers role and active state
    (User.get_session_auth_hash).
    """
    before = User.objects.filter(pk=form.instance.pk).values("role", "is_active").first()
    account = form.save()
    if before and before["role"] != account.role:
        security_events.log_role_change(
            actor=actor,
            account=account,
            old_role=before["role"],
            new_role=account.role,
            request=request,
        )
    if before and before["is_active"] and not account.is_active:
        security_events.log_deactivation(actor=actor, account=account, request=request)
    return account


def locked_usernames() -> set[str]:
    """User names django-axes currently refuses (one query, for the user list)."""
    from axes.models import AccessAttempt

    return set(
        AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
        .filter(_not_expired())
        .values_list("username", flat=True)
    )


def _not_expired():
    from django.db.models import Q

    if not settings.AXES_COOLOFF_TIME:
        return Q()
    since = timezone.now() - datetime.timedelta(hours=settings.AXES_COOLOFF_TIME)
    return Q(attempt_time__gte=since)


def failed_logins(account: User, limit: int = 20):
    """The latest failed logins for this user name, newest first, for the beheerder."""
    from axes.models import AccessFailureLog

    return AccessFailureLog.objects.filter(username=account.username).order_by("-attempt_time")[
        :limit
    ]


def unlock(*, actor, account: User, request=None) -> int:
    """Lift a lockout: the person may try again at once. Logged as a security event."""
    from axes.utils import reset

    removed = reset(username=account.username)
    security_events.log_event(
        "unlock",
        obj=f"user:{account.username}",
        result="success" if removed else "not locked",
        actor=actor.username,
        request=request,
    )
    return removed


class MfaResetRefused(Exception):
    """The reset was not confirmed, or asked for one's own account; nothing was removed."""


def authenticators_of(account: User) -> dict:
    """What a reset would remove: {type label: count}, for the confirmation page."""
    from allauth.mfa.models import Authenticator

    labels = dict(Authenticator.Type.choices)
    counts = {}
    for kind in Authenticator.objects.filter(user=account).values_list("type", flat=True):
        counts[str(labels.get(kind, kind))] = counts.get(str(labels.get(kind, kind)), 0) + 1
    return counts


@transaction.atomic
def reset_mfa(*, actor, account: User, confirmed: bool, request=None) -> int:
    """Remove a person's authenticator app and recovery codes (a lost or new phone).

    At their next sign-in the person enrols again (RequireMFAMiddleware). Nobody resets their
    own: that takes a second beheerder, so a stolen session alone cannot switch MFA off.
    """
    from allauth.mfa.models import Authenticator

    if account.pk == actor.pk:
        raise MfaResetRefused(_("You cannot reset your own MFA; ask another beheerder."))
    if not confirmed:
        raise MfaResetRefused(_("Confirm that the authenticator should be removed."))
    removed, _details = Authenticator.objects.filter(user=account).delete()
    security_events.log_event(
        "mfa_change",
        obj=f"user:{account.username}",
        result="reset by beheerder" if removed else "nothing to reset",
        actor=actor.username,
        request=request,
    )
    return removed
