from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    BEHEERDER = "beheerder", _("Administrator")
    COORDINATOR = "coordinator", _("P&C coordinator")
    EIGENAAR = "eigenaar", _("Pilot owner")
    LEZER = "lezer", _("Reader")
    GRIFFIE = "griffie", _("Griffie (council clerk)")
    # Staff of a partner organisation: they see only their organisation's participant records.
    PARTNER = "partner", _("Partner organisation staff")


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
        return self.role in (Role.BEHEERDER, Role.COORDINATOR)

    def can_create_pilot(self) -> bool:
        return self.role in (Role.BEHEERDER, Role.COORDINATOR, Role.EIGENAAR)

    def can_edit_pilot(self, pilot) -> bool:
        if self.sees_all_as_editor:
            return True
        return self.role == Role.EIGENAAR and pilot.owner_id == self.pk

    def can_manage_reference_lists(self) -> bool:
        return self.role == Role.BEHEERDER

    def can_manage_users(self) -> bool:
        return self.role == Role.BEHEERDER

    def can_manage_motions(self) -> bool:
        return self.role in (Role.GRIFFIE, Role.COORDINATOR, Role.BEHEERDER)

    def can_edit_memo(self, motion) -> bool:
        """Managers edit every memo; an eigenaar drafts memos for motions of their portfolio."""
        if self.can_manage_motions():
            return True
        return (
            self.role == Role.EIGENAAR
            and motion.portefeuille_id is not None
            and self.portefeuilles.filter(pk=motion.portefeuille_id).exists()
        )
