from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MotionsConfig(AppConfig):
    name = "oogst.motions"
    verbose_name = _("Motions")

    def ready(self):
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(
            models.Motion,
            m2m_fields={"pilots"},
            exclude_fields=["deadline_start", "deadline_end", "deadline_precision"],
        )
        auditlog.register(models.Memo)
        auditlog.register(models.MotionDocument)
        auditlog.register(models.MemoSection)
        # The council's decision per motion, with who recorded it.
        auditlog.register(models.Afdoeningsvoorstel)
        # Motions arrive by spreadsheet through the pilots app's import pages.
        from .spreadsheet_import import register

        register()
