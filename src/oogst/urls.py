from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from oogst.core.views import HealthView

urlpatterns = [
    path("", include("oogst.accounts.signin_urls")),
    # Visitors of the public appendix choose their language too.
    # The load balancer's probe: no login, checks the database.
    path("gezondheid/", HealthView.as_view(), name="health"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("", include("oogst.core.urls")),
    path("", include("oogst.pilots.urls")),
    path("", include("oogst.rounds.urls")),
    path("", include("oogst.motions.urls")),
    path("", include("oogst.participants.urls")),
    path("", include("oogst.dashboard.urls")),
    path("beheer/", include("oogst.accounts.urls")),
    path("beheer/api-sleutels/", include("oogst.api.key_urls")),
    # The API (NL API Design Rules): no trailing slashes, keys instead of sessions.
    path("api/v1/", include("oogst.api.urls")),
]
