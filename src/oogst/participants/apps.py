from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "oogst.participants"
    verbose_name = _("Participant monitoring")
    # Participant models are deliberately NOT registered with django-auditlog: the pilot history
    # is shown to municipal users, who must never see participant data. Access to participant
    # records is recorded in AccessLogEntry instead.

    def ready(self):
        from auditlog.registry import auditlog

        from . import models

        # A monitor's settings (what it may record, phases, ZRM domains, partner, target) are
        # audited like every other model users edit; the history shows on the settings page.
        auditlog.register(models.Monitor, exclude_fields=["created_at"])
        auditlog.register(models.Phase)
        auditlog.register(models.ActivityType)
