"""/api/v1/: Dutch resource names, no trailing slashes (a trailing slash is a 404)."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import views

app_name = "api"


def _open(view_class):
    # Keys, not sessions: the site's login requirement does not apply; scopes do (auth.py).
    return login_not_required(view_class.as_view())


urlpatterns = [
    path("openapi.json", _open(views.OpenApiDocument), name="openapi"),
    path("docs", views.documentation, name="docs"),
    path("pilots", _open(views.PilotList), name="pilots"),
    path("pilots/<str:pilot>", _open(views.PilotDetail), name="pilot"),
    path("pilots/<str:pilot>/voortgang", _open(views.PilotUpdates), name="pilot_updates"),
    path(
        "pilots/<str:pilot>/indicatoren/<str:indicator>/metingen",
        _open(views.IndicatorMeasurements),
        name="indicator_measurements",
    ),
    path(
        "pilots/<str:pilot>/deelnemerscijfers",
        _open(views.ParticipantFigures),
        name="pilot_figures",
    ),
    path("rapportagerondes", _open(views.RoundList), name="rounds"),
    path("rapportagerondes/<slug:slug>", _open(views.RoundDetail), name="round"),
    path("moties", _open(views.MotionList), name="motions"),
    path("moties/<str:nummer>", _open(views.MotionDetail), name="motion"),
]
