from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("oogst.pilots.urls")),
    path("", include("oogst.rounds.urls")),
    path("", include("oogst.motions.urls")),
    path("", include("oogst.participants.urls")),
    path("beheer/", include("oogst.accounts.urls")),
]
