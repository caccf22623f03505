"""The roles a user can have; kept in core so the permission rules need no app."""

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
