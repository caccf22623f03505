"""Receivers that write every sign-in event to the security log (oogst.core.audit_log)."""

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.account.signals import user_logged_in as allauth_logged_in
from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_reset
from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from oogst.core.audit_log import log_event

from . import sso

# Session key: this session has passed MFA (own TOTP, or the provider's, by its claims).
MFA_OK = "oogst_mfa_ok"


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
    """actor None: the identity provider's claims changed the role at sign-in."""
    log_event(
        "role_change",
        obj=f"user:{account.username}",
        result=f"{old_role}->{new_role}",
        actor=_name(actor) if actor is not None else "sso",
        request=request,
    )


def _log_mfa(request, user, authenticator, result: str) -> None:
    log_event(
        "mfa_change",
        obj=f"user:{_name(user)}:{authenticator.type}",
        result=result,
        actor=_name(request.user) if request else "",
        request=request,
    )


@receiver(authenticator_added, dispatch_uid="oogst-log-mfa-added")
def log_mfa_added(sender, request, user, authenticator, **kwargs):
    _log_mfa(request, user, authenticator, "added")


@receiver(authenticator_removed, dispatch_uid="oogst-log-mfa-removed")
def log_mfa_removed(sender, request, user, authenticator, **kwargs):
    if request is not None:
        # The session no longer counts as having MFA: RequireMFAMiddleware asks again.
        request.session.pop(MFA_OK, None)
    _log_mfa(request, user, authenticator, "removed")


@receiver(authenticator_reset, dispatch_uid="oogst-log-mfa-reset")
def log_mfa_reset(sender, request, user, authenticator, **kwargs):
    _log_mfa(request, user, authenticator, "reset")


@receiver(allauth_logged_in, dispatch_uid="oogst-sso-provider")
def remember_sso_provider(sender, request, user, sociallogin=None, **kwargs):
    """Which provider signed the person in: signing out of Oogst signs out there too."""
    if sociallogin is not None:
        request.session[sso.SSO_PROVIDER] = sociallogin.account.provider


@receiver(allauth_logged_in, dispatch_uid="oogst-sso-mfa")
def remember_provider_mfa(sender, request, user, sociallogin=None, **kwargs):
    """An SSO login whose provider says it did MFA counts as MFA for this session."""
    if sociallogin is not None and sso.provider_did_mfa(sso.claims(sociallogin.account.extra_data)):
        request.session[MFA_OK] = True


def log_deactivation(*, actor, account, request=None) -> None:
    log_event(
        "deactivate",
        obj=f"user:{account.username}",
        result="success",
        actor=_name(actor),
        request=request,
    )


@receiver(allauth_logged_in, dispatch_uid="oogst-sign-in-is-recent")
def count_sign_in_as_recent_authentication(sender, request, user, **kwargs):
    """The password (and code) just given count as the recent authentication allauth asks
    before MFA changes, so forced enrolment right after sign-in asks no password twice."""
    records = request.session.get(AUTHENTICATION_METHODS_SESSION_KEY) or []
    if records:
        records[-1] = {**records[-1], "reauthenticated": True}
        request.session[AUTHENTICATION_METHODS_SESSION_KEY] = records
