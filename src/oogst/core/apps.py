from django.apps import AppConfig
from django.db.models.signals import pre_save


class CoreConfig(AppConfig):
    name = "oogst.core"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .middleware import start_session_clock
        from .text import normalise_model_texts

        user_logged_in.connect(start_session_clock, dispatch_uid="oogst-session-clock")

        # Connected before any app registers its models with auditlog (core comes first in
        # INSTALLED_APPS), so the history compares normalised text with normalised text.
        pre_save.connect(normalise_model_texts, dispatch_uid="oogst-normalise-texts")

        from auditlog.registry import auditlog

        from .models import Statement

        # The statements are public text the beheerder answers for: who changed what, when.
        auditlog.register(Statement, exclude_fields=["updated_at"])
