from auditlog.models import LogEntry
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from health_check.views import HealthCheckView

from . import history, permissions, statements
from .forms import StatementForm
from .models import StatementKind


@method_decorator(login_not_required, name="dispatch")
class HealthView(HealthCheckView):
    """For the load balancer: 200 when the database answers, 500 otherwise; JSON, no login."""

    checks = ("health_check.Database",)

    def get(self, request, *args, **kwargs):
        failing = self.check()
        return self.render_to_response_json(self.filter_plugins(), 500 if failing else 200)


def _kind(kind: str) -> StatementKind:
    if kind not in StatementKind.values:
        raise Http404
    return StatementKind(kind)


@login_not_required
@require_GET
def statement(request, kind):
    """The accessibility or privacy statement: for everyone, signed in or not."""
    kind = _kind(kind)
    text, stored = statements.text_of(kind)
    return render(
        request,
        "core/statement.html",
        {
            "kind": kind,
            "title": kind.label,
            "body": statements.render(text),
            "stored": stored,
            "can_edit": request.user.is_authenticated and request.user.can("statement.edit"),
        },
    )


@require_http_methods(["GET", "POST"])
def statement_edit(request, kind):
    permissions.require(request.user, "statement.edit")
    kind = _kind(kind)
    text, stored = statements.text_of(kind)
    form = StatementForm(request.POST or None, initial={"text": text})
    if request.method == "POST" and form.is_valid():
        statements.save(
            actor=request.user,
            kind=kind,
            text=form.cleaned_data["text"],
            remote_addr=request.META.get("REMOTE_ADDR"),
        )
        messages.success(request, _("The statement was saved."))
        return redirect(PUBLIC_URL[kind])
    events = (
        history.events(
            LogEntry.objects.get_for_object(stored)
            .select_related("actor", "content_type")
            .order_by("-timestamp", "-pk")
        )
        if stored
        else []
    )
    return render(
        request,
        "core/statement_form.html",
        {"kind": kind, "title": kind.label, "form": form, "stored": stored, "events": events},
    )


PUBLIC_URL = {
    StatementKind.TOEGANKELIJKHEID: "core:accessibility_statement",
    StatementKind.PRIVACY: "core:privacy_statement",
}
