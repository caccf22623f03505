from allauth.account import views as account_views
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from oogst.core import confirm, history
from oogst.core.once import once_per_form

from . import services
from .forms import UserForm
from .models import User


@require_http_methods(["GET", "POST"])
def password_change(request):
    """Self-service password change for local accounts; SSO users have no Oogst password."""
    if not request.user.has_usable_password():
        raise PermissionDenied
    return account_views.password_change(request)


def _require_user_manager(request):
    if not request.user.can_manage_users():
        raise PermissionDenied


@require_GET
def user_list(request):
    _require_user_manager(request)
    return render(
        request,
        "accounts/user_list.html",
        {"users": User.objects.all(), "locked": services.locked_usernames()},
    )


@require_http_methods(["GET", "POST"])
@once_per_form
def user_create(request):
    _require_user_manager(request)
    form = UserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with set_actor(request.user, remote_addr=request.META.get("REMOTE_ADDR")):
            password = services.create_user_with_password(form.save(commit=False))
        # Shown once, on the next page only; the beheerder hands it over.
        messages.warning(
            request,
            _("Account %(user)s created. The password is shown only now: %(password)s")
            % {"user": form.instance.username, "password": password},
        )
        return redirect("accounts:user_list")
    return render(request, "accounts/user_form.html", {"form": form, "account": None})


@require_http_methods(["GET", "POST"])
def user_edit(request, pk):
    _require_user_manager(request)
    account = get_object_or_404(User, pk=pk)
    form = UserForm(request.POST or None, instance=account)
    if request.method == "POST" and form.is_valid():
        with set_actor(request.user, remote_addr=request.META.get("REMOTE_ADDR")):
            services.save_account(form, actor=request.user, request=request)
        messages.success(request, _("Account %(user)s saved.") % {"user": account.username})
        return redirect("accounts:user_list")
    return render(
        request,
        "accounts/user_form.html",
        {
            "form": form,
            "account": account,
            "history": history.events(
                LogEntry.objects.get_for_object(account)
                .select_related("actor", "content_type")
                .order_by("-timestamp", "-pk")
            ),
            "locked": account.username in services.locked_usernames(),
            "failed_logins": services.failed_logins(account),
        },
    )


@require_POST
def user_unlock(request, pk):
    _require_user_manager(request)
    account = get_object_or_404(User, pk=pk)
    services.unlock(actor=request.user, account=account, request=request)
    messages.success(request, _("%(user)s may log in again.") % {"user": account.username})
    return redirect("accounts:user_edit", pk=account.pk)


@require_http_methods(["GET", "POST"])
def user_reset_password(request, pk):
    """The old password stops working at once: a page says so before the POST may do it."""
    _require_user_manager(request)
    account = get_object_or_404(User, pk=pk)
    if confirm.confirmed(request):
        password = services.reset_password(account)
        messages.warning(
            request,
            _("New password for %(user)s, shown only now: %(password)s")
            % {"user": account.username, "password": password},
        )
        return redirect("accounts:user_list")
    return confirm.confirmation_page(
        request,
        title=_("New password for %(user)s") % {"user": account.username},
        explanation=[
            _(
                "Oogst makes a new password and shows it to you once, on the next page. The "
                "current password stops working at once."
            ),
            _(
                "Check first that you are speaking to the person themselves; hand the password "
                "over in person or by phone."
            ),
        ],
        button=_("Make a new password"),
        cancel_url=reverse("accounts:user_list"),
        breadcrumb=(reverse("accounts:user_list"), _("Users")),
    )


@require_http_methods(["GET", "POST"])
def user_reset_mfa(request, pk):
    """A confirmation page that says what goes; the POST must carry the confirmation."""
    _require_user_manager(request)
    account = get_object_or_404(User, pk=pk)
    if request.method == "POST":
        try:
            services.reset_mfa(
                actor=request.user,
                account=account,
                confirmed=request.POST.get("confirm") == "yes",
                request=request,
            )
        except services.MfaResetRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request,
                _("%(user)s enrols an authenticator app again at the next sign-in.")
                % {"user": account.username},
            )
            return redirect("accounts:user_edit", pk=account.pk)
    return render(
        request,
        "accounts/reset_mfa.html",
        {
            "account": account,
            "authenticators": services.authenticators_of(account),
            "own": account.pk == request.user.pk,
        },
    )
