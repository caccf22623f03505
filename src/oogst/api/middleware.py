"""What every API response carries, whichever code made it (a view, DRF, Django's 404)."""

import logging

from django.conf import settings
from django.utils.translation import gettext as _

from .problems import CONTENT_TYPE, problem_response

logger = logging.getLogger(__name__)

PREFIX = "/api/"
EXPOSED = "API-Version, ETag, Location, Link"


def _is_api(request) -> bool:
    return request.path_info.startswith(PREFIX)


class ApiMiddleware:
    """API-Version on every response, errors as problem+json (also a URL that does not exist,
    such as one with a trailing slash: 404, never a redirect), Cache-Control, and CORS for the
    endpoints anyone may read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_api(request):
            return self.get_response(request)
        response = self.get_response(request)
        response["API-Version"] = settings.OOGST_API_VERSION
        if response.status_code >= 400 and not response.get("Content-Type", "").startswith(
            CONTENT_TYPE
        ):
            response = self._as_problem(response)
        self._cache_control(request, response)
        self._cors(request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if _is_api(request):
            view_class = getattr(view_func, "cls", None)
            # Open to anyone (no scope needed): these may be called from any web page.
            request.api_public = getattr(view_func, "api_public", False) or (
                view_class is not None and getattr(view_class, "required_scope", "x") is None
            )
        return None

    def process_exception(self, request, exception):
        if not _is_api(request):
            return None
        logger.exception("API error on %s %s", request.method, request.path, exc_info=exception)
        return problem_response(500, _("Something went wrong on our side; it has been logged."))

    def _as_problem(self, response):
        detail = {
            404: _("There is no such resource. API paths have no trailing slash."),
            405: _("This method is not allowed here."),
        }.get(response.status_code, _("The request could not be handled."))
        new = problem_response(response.status_code, detail)
        for header in ("Allow", "WWW-Authenticate", "Retry-After"):
            if header in response:
                new[header] = response[header]
        new["API-Version"] = settings.OOGST_API_VERSION
        return new

    def _cache_control(self, request, response):
        # The answer depends on the key, the page's origin and the language asked for.
        response["Vary"] = ", ".join(
            v for v in (response.get("Vary"), "X-Api-Key", "Origin", "Accept-Language") if v
        )
        if "Cache-Control" in response:
            return
        if response.status_code >= 400 or request.method not in ("GET", "HEAD"):
            response["Cache-Control"] = "no-store"
        elif "HTTP_X_API_KEY" in request.META:
            # What a key may read is not for shared caches.
            response["Cache-Control"] = "private, max-age=0, must-revalidate"
        else:
            response["Cache-Control"] = "public, max-age=300"

    def _cors(self, request, response):
        if not getattr(request, "api_public", False):
            return
        origin = request.META.get("HTTP_ORIGIN")
        allowed = settings.OOGST_API_CORS_ORIGINS
        if "*" in allowed:
            response["Access-Control-Allow-Origin"] = "*"
        elif origin in allowed:
            response["Access-Control-Allow-Origin"] = origin
        else:
            return
        response["Access-Control-Expose-Headers"] = EXPOSED
        if request.method == "OPTIONS":
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "Accept, Accept-Language"
            response["Access-Control-Max-Age"] = "3600"
