from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundsConfig(AppConfig):
    name = "oogst.rounds"
    verbose_name = _("Reporting rounds")

    def ready(self):
        from auditlog.registry import auditlog

        from . import models

        # Freezing, reopening (with its reason) and publishing are kept in the one history.
        auditlog.register(models.Round, exclude_fields=["created_at"])
        auditlog.register(models.RoundEntry, exclude_fields=["snapshot"])

        from oogst.pilots.signals import pilot_content_changed

        from .services import entry_content_changed

        pilot_content_changed.connect(entry_content_changed, dispatch_uid="rounds-reapprove")
