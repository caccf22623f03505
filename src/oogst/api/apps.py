from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "oogst.api"
    verbose_name = _("API")

    def ready(self):
        from auditlog.registry import auditlog

        from . import models, schema  # noqa: F401 (schema: the OpenAPI key scheme)

        # Who issued and revoked which key is in the one history (never the key itself).
        auditlog.register(models.ApiKey, include_fields=["application", "scope", "revoked_at"])
