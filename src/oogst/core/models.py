from django.conf import settings
from django.db import models


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
