from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PilotsConfig(AppConfig):
    name = "oogst.pilots"
    verbose_name = _("Pilots")

    def ready(self):
        from auditlog.registry import auditlog

        from . import models

        # One history mechanism for everything users edit; shown on the pilot's page.
        derived = [
            f"{name}_{part}"
            for name in models.Pilot.VAGUE_DATE_FIELDS
            for part in ("start", "end", "precision")
        ]
        auditlog.register(
            models.Pilot,
            m2m_fields={"partners"},
            exclude_fields=["search_text", "created_at", "updated_at", *derived],
        )
        auditlog.register(models.StatusUpdate, exclude_fields=["created_at"])
        auditlog.register(models.Lesson, m2m_fields={"themes"}, exclude_fields=["created_at"])
        derived_target = ["target_date_start", "target_date_end", "target_date_precision"]
        auditlog.register(models.Indicator, exclude_fields=["created_at", *derived_target])
        auditlog.register(models.Measurement, exclude_fields=["created_at"])
        auditlog.register(models.BudgetLine, exclude_fields=["created_at"])
        auditlog.register(models.Thema)
        auditlog.register(models.Programma)
        auditlog.register(models.Portefeuille)
        auditlog.register(models.Partner)
