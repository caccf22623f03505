from django.urls import path, re_path

from . import import_views, reference_views, views

app_name = "pilots"
urlpatterns = [
    path("", views.register, name="register"),
    path("pilots/nieuw/", views.create, name="create"),
    re_path(r"^pilots/export\.(?P<fmt>csv|json|xlsx)$", views.export, name="export"),
    path("pilots/datum/", views.date_preview, name="date_preview"),
    path("pilots/importeren/", import_views.import_start, name="import"),
    re_path(
        r"^pilots/importeren/sjabloon-(?P<kind>pilots|moties)\.xlsx$",
        import_views.import_template,
        name="import_template",
    ),
    path("pilots/importeren/<int:pk>/", import_views.import_detail, name="import_detail"),
    path("pilots/importeren/<int:pk>/stand/", import_views.import_status, name="import_status"),
    path(
        "pilots/importeren/<int:pk>/bevestigen/",
        import_views.import_confirm,
        name="import_confirm",
    ),
    path("pilots/importeren/<int:pk>/opnieuw/", import_views.import_retry, name="import_retry"),
    path("pilots/<slug:slug>/", views.detail, name="detail"),
    path("pilots/<slug:slug>/bewerken/", views.edit, name="edit"),
    path("pilots/<slug:slug>/stand-van-zaken/", views.add_status_update, name="add_status_update"),
    path("pilots/<slug:slug>/geschiedenis/", views.history, name="history"),
    path("pilots/<slug:slug>/lessen/", views.add_lesson, name="add_lesson"),
    path("pilots/<slug:slug>/lessen/<int:pk>/", views.edit_lesson, name="edit_lesson"),
    path(
        "pilots/<slug:slug>/lessen/<int:pk>/verwijderen/",
        views.delete_lesson,
        name="delete_lesson",
    ),
    path("pilots/<slug:slug>/indicatoren/", views.add_indicator, name="add_indicator"),
    path("pilots/<slug:slug>/indicatoren/<int:pk>/", views.edit_indicator, name="edit_indicator"),
    path(
        "pilots/<slug:slug>/indicatoren/<int:pk>/verwijderen/",
        views.delete_indicator,
        name="delete_indicator",
    ),
    path(
        "pilots/<slug:slug>/indicatoren/<int:pk>/metingen/",
        views.add_measurement,
        name="add_measurement",
    ),
    path(
        "pilots/<slug:slug>/metingen/<int:pk>/verwijderen/",
        views.delete_measurement,
        name="delete_measurement",
    ),
    path("pilots/<slug:slug>/financien/", views.add_budget_line, name="add_budget_line"),
    path("pilots/<slug:slug>/financien/<int:pk>/", views.edit_budget_line, name="edit_budget_line"),
    path(
        "pilots/<slug:slug>/financien/<int:pk>/verwijderen/",
        views.delete_budget_line,
        name="delete_budget_line",
    ),
    # The reference lists (programma, portefeuille, partners) are the beheerder's.
    path("beheer/lijsten/<str:kind>/", reference_views.reference_list, name="reference_list"),
    path(
        "beheer/lijsten/<str:kind>/nieuw/", reference_views.reference_edit, name="reference_create"
    ),
    path(
        "beheer/lijsten/<str:kind>/<int:pk>/",
        reference_views.reference_edit,
        name="reference_edit",
    ),
]
