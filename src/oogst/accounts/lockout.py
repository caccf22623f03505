"""Login lockout with two limits: per user name and address, and per address across names.

django-axes locks a user name tried too often from one address (AXES_FAILURE_LIMIT). Password
spraying tries one password on every account from one address, which that limit never sees; so
an address that failed OOGST_LOGIN_FAILURES_PER_ADDRESS times within the cool-off, whatever the
names, is locked too. The address count is kept out of axes's lockout parameters on purpose:
axes resets every parameter's attempts on a successful login, so one valid account would wipe
the spray count.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class AddressAwareAxesHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        failures = super().get_failures(request, credentials)
        attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        from_address = attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
        if from_address >= settings.OOGST_LOGIN_FAILURES_PER_ADDRESS:
            # Axes compares one number with one limit: an address over its own limit is locked.
            return max(failures, get_failure_limit(request, credentials))
        return failures
