"""API keys: one per application, with a scope; only a hash of the key is stored."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The visible prefix lets a beheerder tell keys apart in a log without the secret part.
KEY_PREFIX = "oogst_"


class Scope(models.TextChoices):
    READ_PUBLIC = "read_public", _("Read public data")
    READ_ALL = "read_all", _("Read all data")
    WRITE_UPDATES = "write_updates", _("Read all data and write progress updates")


# What each scope may do; a wider scope includes the narrower ones.
SCOPE_RANK = {Scope.READ_PUBLIC: 1, Scope.READ_ALL: 2, Scope.WRITE_UPDATES: 3}


def hash_key(raw: str) -> str:
    # Keys are 256 random bits: a plain SHA-256 cannot be brute-forced, and it lets the
    # lookup be one indexed query instead of a slow password hash per request.
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiKeyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)

    def for_raw_key(self, raw: str):
        """The active key this secret belongs to, or None."""
        if not raw.startswith(KEY_PREFIX):
            return None
        return self.active().select_related("actor").filter(key_hash=hash_key(raw)).first()


class ApiKey(models.Model):
    """An application's key (the begrotingsapp, the council information system, PMsys)."""

    application = models.CharField(_("application"), max_length=100)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the key, shown in the list so a key can be recognised.
    key_start = models.CharField(_("key starts with"), max_length=20, editable=False)
    # The account the application writes as: its name is what the history shows.
    actor = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_key"
    )
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["revoked_at", "application", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(scope__in=Scope.values), name="api_key_scope_valid")
        ]

    def __str__(self):
        return f"{self.application} ({self.key_start}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def may_be_revoked(self) -> bool:
        return self.revoked_at is None

    def allows(self, scope: str) -> bool:
        return self.is_active and SCOPE_RANK[Scope(self.scope)] >= SCOPE_RANK[Scope(scope)]

    def touch(self, now=None) -> None:
        """Record use, at most once a minute per key (no write on every request)."""
        now = now or timezone.now()
        if self.last_used_at is None or (now - self.last_used_at).total_seconds() > 60:
            ApiKey.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now


def new_raw_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)
