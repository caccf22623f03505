"""Who is calling: an application's key (header X-Api-Key) or nobody; what its scope allows."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions, permissions

from oogst.core.audit_log import log_event

from .models import ApiKey, Scope

HEADER = "HTTP_X_API_KEY"


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """request.user is the application's account (the history's actor), request.auth its key."""

    def authenticate(self, request):
        raw = request.META.get(HEADER, "").strip()
        if not raw:
            return None
        key = ApiKey.objects.for_raw_key(raw)
        if key is None:
            # Never the key itself in the log: its first characters say enough.
            log_event("api_auth", obj=f"api_key:{raw[:12]}", result="failure", request=request)
            raise exceptions.AuthenticationFailed(_("This API key is unknown or revoked."))
        key.touch()
        return key.actor, key

    def authenticate_header(self, request):
        # A 401 needs a challenge; without one DRF would answer 403.
        return 'ApiKey header="X-Api-Key"'


def key_of(request) -> ApiKey | None:
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, ApiKey) else None


def allows(request, scope: str) -> bool:
    key = key_of(request)
    return key is not None and key.allows(scope)


def sees_all(request) -> bool:
    """Concept rounds, people's names and participant figures: read-all keys and up."""
    return allows(request, Scope.READ_ALL)


class ScopePermission(permissions.BasePermission):
    """A view's `required_scope` (None: open to anyone) against the caller's key."""

    def has_permission(self, request, view):
        scope = getattr(view, "required_scope", None)
        if scope is None:
            return True
        if key_of(request) is None:
            raise exceptions.NotAuthenticated(
                _("This resource needs an API key in the X-Api-Key header.")
            )
        if not allows(request, scope):
            raise exceptions.PermissionDenied(_("This API key's scope does not allow this."))
        return True
