from django.urls import path, re_path

from . import views

app_name = "rounds"
urlpatterns = [
    path("rondes/", views.round_list, name="list"),
    # The harvest across all pilots: readers see the register, the public what was published.
    path("oogst/", views.harvest_page, name="harvest"),
    path("rondes/nieuw/", views.round_create, name="create"),
    path("mijn-taken/", views.my_tasks, name="my_tasks"),
    path("rondes/<slug:slug>/", views.round_detail, name="detail"),
    path("rondes/<slug:slug>/vaststellen/", views.round_freeze, name="freeze"),
    path("rondes/<slug:slug>/herinneren/", views.round_remind, name="remind"),
    path("rondes/<slug:slug>/heropenen/", views.round_reopen, name="reopen"),
    path("rondes/<slug:slug>/publiceren/", views.round_publish, name="publish"),
    path("rondes/<slug:slug>/wijzigingen/", views.round_changes, name="changes"),
    path("rondes/<slug:slug>/documenten/", views.round_documents, name="documents"),
    path(
        "rondes/<slug:slug>/documenten/opnieuw/",
        views.round_documents_retry,
        name="documents_retry",
    ),
    re_path(
        r"^rondes/(?P<slug>[-\w]+)/wijzigingen\.(?P<fmt>csv|json|xlsx)$",
        views.round_changes_export,
        name="changes_export",
    ),
    re_path(
        r"^rondes/(?P<slug>[-\w]+)/pilots\.(?P<fmt>csv|xlsx)$",
        views.round_entries_export,
        name="entries_export",
    ),
    re_path(
        r"^rondes/(?P<slug>[-\w]+)/bijlage\.(?P<fmt>docx|pdf|html)$",
        views.round_appendix,
        name="appendix",
    ),
    path("regels/<int:pk>/bijgewerkt/", views.entry_mark_updated, name="entry_mark_updated"),
    path("regels/<int:pk>/goedkeuren/", views.entry_approve, name="entry_approve"),
    path("regels/<int:pk>/terugsturen/", views.entry_send_back, name="entry_send_back"),
    path("openbaar/", views.public_list, name="public_list"),
    path("openbaar/<slug:slug>/", views.public_appendix, name="public_appendix"),
    re_path(
        r"^openbaar/(?P<slug>[-\w]+)/open-data\.(?P<fmt>json|csv)$",
        views.open_data,
        name="open_data",
    ),
    path(
        "openbaar/<slug:slug>/open-data-metadata.json",
        views.open_data_metadata,
        name="open_data_metadata",
    ),
    re_path(
        r"^openbaar/(?P<slug>[-\w]+)/bijlage\.(?P<fmt>docx|pdf)$",
        views.public_appendix_download,
        name="public_download",
    ),
]
