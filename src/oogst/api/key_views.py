"""The beheerder's pages for API keys: issue (the key is shown once), list, revoke."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from oogst.core import permissions
from oogst.core.once import once_per_form

from . import services
from .forms import ApiKeyForm
from .models import ApiKey

SHOWN = "oogst_api_key_shown"


@require_GET
def key_list(request):
    permissions.require(request.user, "api_key.manage")
    keys = ApiKey.objects.select_related("created_by", "revoked_by")
    return render(request, "api/key_list.html", {"keys": keys})


@never_cache
@require_http_methods(["GET", "POST"])
@once_per_form
def key_create(request):
    permissions.require(request.user, "api_key.manage")
    form = ApiKeyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        key, raw = services.issue_key(
            actor=request.user,
            application=form.cleaned_data["application"],
            scope=form.cleaned_data["scope"],
        )
        # Held for the next page only, which shows it once and forgets it.
        request.session[SHOWN] = {"pk": key.pk, "raw": raw}
        return redirect("api_keys:issued", pk=key.pk)
    return render(request, "api/key_form.html", {"form": form})


@never_cache
@require_GET
def key_issued(request, pk):
    """The new key, once: reloading the page (or a second send of the form) no longer shows
    it; Oogst keeps only its hash."""
    permissions.require(request.user, "api_key.manage")
    key = get_object_or_404(ApiKey, pk=pk)
    held = request.session.get(SHOWN) or {}
    raw = ""
    if held.get("pk") == key.pk:
        raw = request.session.pop(SHOWN)["raw"]
    return render(request, "api/key_created.html", {"key": key, "raw": raw})


@require_http_methods(["GET", "POST"])
def key_revoke(request, pk):
    """A confirmation page first; a POST without the confirmation shows it again."""
    permissions.require(request.user, "api_key.manage")
    key = get_object_or_404(ApiKey, pk=pk)
    if request.method == "POST":
        try:
            services.revoke_key(
                actor=request.user, key=key, confirmed=request.POST.get("confirm") == "yes"
            )
        except services.RevocationNotConfirmed:
            messages.error(request, _("Confirm that the key should be revoked."))
        else:
            messages.success(
                request,
                _("The key of %(application)s was revoked.") % {"application": key.application},
            )
            return redirect("api_keys:list")
    return render(request, "api/key_revoke.html", {"key": key})
