from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from oogst.core import permissions
from oogst.core.roles import Role

__all__ = ["Role", "User"]


class User(AbstractUser):
    """A person who signs in. What they may do follows from one role."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.LEZER)
    partner = models.ForeignKey(
        "pilots.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("partner organisation"),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "username"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="user_role_valid"
            ),
            # A partner user is bound to exactly one organisation; nobody else is bound to one.
            models.CheckConstraint(
                condition=models.Q(role=Role.PARTNER, partner__isnull=False)
                | (~models.Q(role=Role.PARTNER) & models.Q(partner__isnull=True)),
                name="user_partner_iff_partner_role",
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    def _get_session_auth_hash(self, secret=None):
        """Django ends every session whose hash no longer matches: so a new password, a new
        role or a deactivation signs the person out everywhere."""
        return salted_hmac(
            "oogst.accounts.User.session_auth_hash",
            f"{self.password}|{self.role}|{self.is_active}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    @property
    def is_partner(self) -> bool:
        return self.role == Role.PARTNER

    @property
    def is_municipal(self) -> bool:
        """Municipal users see participant aggregates, never a participant record."""
        return self.role != Role.PARTNER

    @property
    def is_beheerder(self) -> bool:
        return self.role == Role.BEHEERDER

    @property
    def sees_all_as_editor(self) -> bool:
        """Beheerders and coordinators may edit every pilot."""
        return self.role in permissions.EDIT_EVERY_PILOT

    def can(self, action: str, obj=None) -> bool:
        """Shorthand for core.permissions.can(self, action, obj)."""
        return permissions.can(self, action, obj)

    # Named shorthands kept for readable call sites; each asks the one allow-list.
    def can_create_pilot(self) -> bool:
        return self.can("pilot.create")

    def can_edit_pilot(self, pilot) -> bool:
        return self.can("pilot.edit", pilot)

    def can_manage_reference_lists(self) -> bool:
        return self.can("reference.manage")

    def can_manage_users(self) -> bool:
        return self.can("user.manage")

    def can_manage_motions(self) -> bool:
        return self.can("motion.manage")

    def can_edit_memo(self, motion) -> bool:
        return self.can("memo.edit", motion)
