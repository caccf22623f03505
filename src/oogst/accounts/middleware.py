from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from .security_events import MFA_OK

# Where someone without MFA may still go: enrolment itself, re-entering the password it asks
# for, and the way out.
ALLOWED_WITHOUT_MFA = (
    "mfa_activate_totp",
    "mfa_reauthenticate",
    "account_reauthenticate",
    "logout",
    "account_logout",
    "set_language",
)


class RequireMFAMiddleware:
    """A signed-in person without MFA is sent to TOTP enrolment before anything else.

    Passing once per session is remembered in the session, so this costs no query after
    the first request.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.allowed = None

    def __call__(self, request):
        if (
            settings.OOGST_REQUIRE_MFA
            and not request.session.get(MFA_OK)
            and request.user.is_authenticated
        ):
            if self._has_mfa(request):
                request.session[MFA_OK] = True
            elif (
                request.path_info not in self._allowed_paths()
                and not request.path_info.startswith("/" + settings.STATIC_URL.lstrip("/"))
            ):
                return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _allowed_paths(self):
        if self.allowed is None:
            self.allowed = {reverse(name) for name in ALLOWED_WITHOUT_MFA}
        return self.allowed

    @staticmethod
    def _has_mfa(request) -> bool:
        if any(r.get("method") == "mfa" for r in get_authentication_records(request)):
            return True
        return Authenticator.objects.filter(
            user=request.user, type=Authenticator.Type.TOTP
        ).exists()
