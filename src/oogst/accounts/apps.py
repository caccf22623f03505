from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "oogst.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from auditlog.registry import auditlog

        from . import models, security_events  # noqa: F401 (connects the log receivers)

        # Who gave whom which role and organisation (a partner account opens participant
        # records), who was deactivated: the one history. Passwords are never logged.
        auditlog.register(
            models.User,
            include_fields=[
                "username",
                "first_name",
                "last_name",
                "email",
                "role",
                "partner",
                "is_active",
            ],
        )
