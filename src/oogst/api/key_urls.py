from django.urls import path

from . import key_views

app_name = "api_keys"
urlpatterns = [
    path("", key_views.key_list, name="list"),
    path("nieuw/", key_views.key_create, name="create"),
    path("<int:pk>/uitgegeven/", key_views.key_issued, name="issued"),
    path("<int:pk>/intrekken/", key_views.key_revoke, name="revoke"),
]
