from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FormSubmission(models.Model):
    """A create form's one-time token, used once: a second send of the same form is answered
    with what the first created instead of creating it again (see core/once.py)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64)
    result_url = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "token"], name="form_submission_once")
        ]

    def __str__(self):
        return f"{self.user_id}:{self.token}"


class StatementKind(models.TextChoices):
    # The values are the path segments of the edit pages.
    TOEGANKELIJKHEID = "toegankelijkheid", _("Accessibility statement")
    PRIVACY = "privacy", _("Privacy statement")


class Statement(models.Model):
    """The text of a public statement as the beheerder wrote it; until then a default
    (core/statements.py) is shown."""

    kind = models.CharField(_("kind"), max_length=20, choices=StatementKind.choices, unique=True)
    text = models.TextField(_("text"), max_length=50_000)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self):
        return self.get_kind_display()
