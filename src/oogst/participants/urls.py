from django.urls import path, re_path

from . import views

app_name = "participants"
urlpatterns = [
    # Municipal side: aggregates only.
    path("pilots/<slug:slug>/deelnemers/", views.overview, name="overview"),
    re_path(
        r"^pilots/(?P<slug>[-\w]+)/deelnemers/cijfers\.(?P<fmt>csv|json|xlsx)$",
        views.overview_export,
        name="overview_export",
    ),
    path("pilots/<slug:slug>/deelnemers/instellingen/", views.settings_edit, name="settings"),
    path("pilots/<slug:slug>/deelnemers/overdracht/", views.transfer, name="transfer"),
    path("pilots/<slug:slug>/deelnemers/eindrapport/", views.end_report_edit, name="end_report"),
    re_path(
        r"^pilots/(?P<slug>[-\w]+)/deelnemers/eindrapport\.(?P<fmt>docx|pdf)$",
        views.end_report_download,
        name="end_report_download",
    ),
    # Partner side: the records.
    path("deelnemers/", views.home, name="home"),
    path("deelnemers/<slug:slug>/", views.participant_list, name="list"),
    path(
        "deelnemers/<slug:slug>/overdracht/<int:pk>/",
        views.transfer_decide,
        name="transfer_decide",
    ),
    path("deelnemers/<slug:slug>/nieuw/", views.participant_create, name="create"),
    path("deelnemers/<slug:slug>/<str:code>/", views.participant_detail, name="detail"),
    path("deelnemers/<slug:slug>/<str:code>/bewerken/", views.participant_edit, name="edit"),
    path(
        "deelnemers/<slug:slug>/<str:code>/toevoegen/<str:kind>/",
        views.participant_add,
        name="add",
    ),
    re_path(
        r"^deelnemers/(?P<slug>[-\w]+)/(?P<code>[-\w]+)/inzage\.(?P<fmt>json|pdf)$",
        views.inzage_export,
        name="inzage",
    ),
    path("deelnemers/<slug:slug>/<str:code>/verwijderen/", views.participant_erase, name="erase"),
    # Beheerder.
    path("beheer/toegangslog/", views.access_log, name="access_log"),
]
