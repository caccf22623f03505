"""Receivers that write every sign-in event to the security log (oogst.core.audit_log)."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from oogst.core.audit_log import log_event


def _name(user) -> str:
    return getattr(user, "username", "") or ""


@receiver(user_logged_in, dispatch_uid="oogst-log-login")
def log_login(sender, request, user, **kwargs):
    log_event(
        "login", obj=f"user:{_name(user)}", result="success", actor=_name(user), request=request
    )


@receiver(user_logged_out, dispatch_uid="oogst-log-logout")
def log_logout(sender, request, user, **kwargs):
    log_event(
        "logout", obj=f"user:{_name(user)}", result="success", actor=_name(user), request=request
    )


@receiver(user_login_failed, dispatch_uid="oogst-log-login-failed")
def log_login_failed(sender, credentials, request=None, **kwargs):
    # Never the password: only the name that was tried.
    tried = credentials.get("username", "") or credentials.get("email", "")
    log_event("login", obj=f"user:{tried}", result="failure", actor=tried, request=request)


@receiver(user_locked_out, dispatch_uid="oogst-log-lockout")
def log_lockout(sender, request, username, ip_address, **kwargs):
    log_event(
        "lockout",
        obj=f"user:{username}",
        result="locked",
        actor=username or "",
        request=request,
        origin=ip_address or "",
    )


def log_role_change(*, actor, account, old_role: str, new_role: str, request=None) -> None:
    log_event(
        "role_change",
        obj=f"user:{account.username}",
        result=f"{old_role}->{new_role}",
        actor=_name(actor),
        request=request,
    )


def log_deactivation(*, actor, account, request=None) -> None:
    log_event(
        "deactivate",
        obj=f"user:{account.username}",
        result="success",
        actor=_name(actor),
        request=request,
    )
