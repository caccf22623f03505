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
