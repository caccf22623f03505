from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("gebruikers/", views.user_list, name="user_list"),
    path("gebruikers/nieuw/", views.user_create, name="user_create"),
    path("gebruikers/<int:pk>/", views.user_edit, name="user_edit"),
    path("gebruikers/<int:pk>/ontgrendelen/", views.user_unlock, name="user_unlock"),
    path("gebruikers/<int:pk>/wachtwoord/", views.user_reset_password, name="user_reset_password"),
    path("gebruikers/<int:pk>/mfa-herstellen/", views.user_reset_mfa, name="user_reset_mfa"),
]
