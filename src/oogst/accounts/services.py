import secrets

from django.db import transaction

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
