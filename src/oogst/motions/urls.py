from django.urls import path, re_path

from . import views

app_name = "motions"
NUMMER = r"(?P<nummer>\d{2,4}-\d{1,4}[A-Z]?)"
urlpatterns = [
    path("moties/", views.motion_list, name="list"),
    path("moties/nieuw/", views.motion_edit, name="create"),
    re_path(r"^moties/export\.(?P<fmt>csv|json|xlsx)$", views.motion_export, name="export"),
    path("moties/afdoeningsrondes/", views.afdoeningsrondes, name="afdoeningsrondes"),
    path("moties/afdoeningsrondes/<int:pk>/", views.afdoeningsronde, name="afdoeningsronde"),
    path(
        "moties/afdoeningsrondes/<int:pk>/voorstellen/",
        views.afdoeningsronde_propose,
        name="propose",
    ),
    path("moties/voorstellen/<int:pk>/besluit/", views.voorstel_decide, name="decide"),
    re_path(rf"^moties/{NUMMER}/$", views.motion_detail, name="detail"),
    re_path(rf"^moties/{NUMMER}/bewerken/$", views.motion_edit, name="edit"),
    re_path(rf"^moties/{NUMMER}/status/$", views.motion_status, name="status"),
    re_path(rf"^moties/{NUMMER}/verwijderen/$", views.motion_delete, name="delete"),
    re_path(rf"^moties/{NUMMER}/archiveren/$", views.motion_archive, name="archive"),
    re_path(rf"^moties/{NUMMER}/memo/$", views.memo_edit, name="memo_edit"),
    re_path(
        rf"^moties/{NUMMER}/memo\.(?P<fmt>docx|pdf)$", views.memo_download, name="memo_download"
    ),
]
