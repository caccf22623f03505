from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers

# What a partner user may reach outside the participant pages.
PARTNER_ALLOWED = {"login", "logout", "set_language"}
# Their own sign-in pages: password, MFA enrolment and recovery codes (django-allauth).
PARTNER_ALLOWED_PREFIXES = ("account_", "mfa_", "socialaccount_", "openid_connect_")


class PartnerScopeMiddleware:
    """Keep partner organisation staff out of the municipal register, rounds and motions.

    One rule in one place rather than a check in every municipal view: a partner user reaches
    the `participants` pages (which check the organisation themselves) and nothing else.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_partner:
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if match.url_name in PARTNER_ALLOWED:
            return None
        # Staff of an organisation the beheerder switched off lose access at once.
        if not user.partner.active:
            raise PermissionDenied
        if match.namespace == "participants":
            return None
        if not match.namespace and (match.url_name or "").startswith(PARTNER_ALLOWED_PREFIXES):
            return None
        if getattr(view_func, "login_required", True) is False:
            return None  # public pages (the published appendix) are for everyone
        if match.view_name in ("pilots:register", "dashboard:home"):
            return redirect("participants:home")
        raise PermissionDenied


class NoStoreParticipantDataMiddleware:
    """Every participant page and download (records, lists, inzage, figures, exports) no-store.

    One rule in one place: a shared or back-button cache must never keep personal data, and
    figures of small groups are personal data too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.namespace == "participants":
            add_never_cache_headers(response)
            response["Pragma"] = "no-cache"
        return response
