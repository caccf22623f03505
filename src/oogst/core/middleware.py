"""Small response-header middleware that Django does not ship."""

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.core.exceptions import PermissionDenied
from django.http import Http404

from .audit_log import log_event
from .errors import NotAllowed, NotFound


class PermissionsPolicyMiddleware:
    """Tells the browser which powerful features (camera, location, ...) pages may use: none."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.OOGST_PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        return response


class SessionTimeoutMiddleware:
    """Ends a signed-in session after OOGST_SESSION_IDLE_MINUTES without a request, and
    OOGST_SESSION_MAX_HOURS after sign-in whatever happens (ASVS 7.3.1 and 7.3.2).

    The last-seen time is written at most once a minute, so an active user does not cost a
    session write on every request.
    """

    STARTED, SEEN = "oogst_session_started", "oogst_session_seen"
    WRITE_EVERY = 60

    def __init__(self, get_response):
        self.get_response = get_response
        self.idle = settings.OOGST_SESSION_IDLE_MINUTES * 60
        self.absolute = settings.OOGST_SESSION_MAX_HOURS * 3600

    def __call__(self, request):
        session = request.session
        if SESSION_KEY in session:
            now = time.time()
            started, seen = session.get(self.STARTED), session.get(self.SEEN)
            if started is None or seen is None:
                session[self.STARTED] = session[self.SEEN] = now
            elif now - seen > self.idle or now - started > self.absolute:
                log_event(
                    "session_end",
                    obj=f"user:{request.user.get_username()}",
                    result="idle" if now - seen > self.idle else "absolute",
                    actor=request.user.get_username(),
                    request=request,
                )
                logout(request)
            elif now - seen > self.WRITE_EVERY:
                session[self.SEEN] = now
        return self.get_response(request)


def start_session_clock(sender, request, user, **kwargs):
    """On sign-in: both clocks start now (connected in CoreConfig.ready)."""
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SessionTimeoutMiddleware.STARTED] = now
        request.session[SessionTimeoutMiddleware.SEEN] = now


class DomainErrorMiddleware:
    """Answers the services' domain exceptions as HTTP: NotFound is a 404, NotAllowed a 403."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # Raised here, Django's own handler renders the usual 404 and 403 pages.
        if isinstance(exception, NotFound):
            raise Http404 from exception
        if isinstance(exception, NotAllowed):
            raise PermissionDenied from exception
        return None
