from django.urls import path

from oogst.pilots import reference_views

from . import views

app_name = "accounts"
urlpatterns = [
    path("gebruikers/", views.user_list, name="user_list"),
    path("gebruikers/nieuw/", views.user_create, name="user_create"),
    path("gebruikers/<int:pk>/", views.user_edit, name="user_edit"),
    path("gebruikers/<int:pk>/wachtwoord/", views.user_reset_password, name="user_reset_password"),
    path("lijsten/<str:kind>/", reference_views.reference_list, name="reference_list"),
    path("lijsten/<str:kind>/nieuw/", reference_views.reference_edit, name="reference_create"),
    path("lijsten/<str:kind>/<int:pk>/", reference_views.reference_edit, name="reference_edit"),
]
