from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "oogst.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from auditlog.registry import auditlog

        from . import models, security_events  # noqa: F401 (connects the log receivers)

        # Who got which role, who was deactivated, who was bound to which partner organisation:
        # the one history. Password hashes and login times are not history.
        auditlog.register(models.User, exclude_fields=["password", "last_login"])
