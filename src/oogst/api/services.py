"""Issuing and revoking API keys; the pages and any command use these."""

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from oogst.accounts.models import Role, User
from oogst.core import permissions
from oogst.core.audit_log import log_event
from oogst.core.errors import NotAllowed

from .models import ApiKey, hash_key, new_raw_key


class RevocationNotConfirmed(Exception):
    """A revoke was posted without the beheerder's confirmation; nothing changed."""


def _application_account(application: str) -> User:
    """The account an application writes as: it cannot sign in, and its name is what the
    history shows for the application's changes."""
    base = f"api-{slugify(application)[:100] or 'app'}"
    username, n = base, 2
    while User.objects.filter(username=username).exists():
        username, n = f"{base}-{n}", n + 1
    account = User(
        username=username, first_name=application[:150], last_name="(API)", role=Role.LEZER
    )
    account.is_active = False
    account.set_unusable_password()
    account.save()
    return account


@transaction.atomic
def issue_key(*, actor, application: str, scope: str) -> tuple[ApiKey, str]:
    """A new key for `application`; the raw key is returned once and never stored."""
    if not permissions.can(actor, "api_key.manage"):
        raise NotAllowed
    raw = new_raw_key()
    with set_actor(actor):
        key = ApiKey.objects.create(
            application=application,
            scope=scope,
            key_hash=hash_key(raw),
            key_start=raw[:12],
            actor=_application_account(application),
            created_by=actor,
        )
    log_event(
        "api_key_issued",
        obj=f"api_key:{key.pk}:{key.application}:{key.scope}",
        result="success",
        actor=actor.get_username(),
    )
    return key, raw


@transaction.atomic
def revoke_key(*, actor, key: ApiKey, confirmed: bool) -> ApiKey:
    if not permissions.can(actor, "api_key.manage"):
        raise NotAllowed
    if not confirmed:
        raise RevocationNotConfirmed
    key = ApiKey.objects.select_for_update().get(pk=key.pk)
    if not key.may_be_revoked():
        return key  # revoking twice changes nothing
    key.revoked_at = timezone.now()
    key.revoked_by = actor
    with set_actor(actor):
        key.save()
    log_event(
        "api_key_revoked",
        obj=f"api_key:{key.pk}:{key.application}",
        result="success",
        actor=actor.get_username(),
    )
    return key
