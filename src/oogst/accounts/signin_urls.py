"""Sign-in pages: django-allauth's views, only those Oogst uses, under Dutch paths.

No self-registration, no e-mail flows: local accounts are made by a beheerder, municipal
staff come in through single sign-on.
"""

from allauth.account import views as account_views
from allauth.socialaccount import views as social_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from . import views

urlpatterns = [
    # LOGIN_URL and the tests know the login page as "login"; allauth as "account_login".
    path("inloggen/", account_views.login, name="login"),
    path("inloggen/", account_views.login, name="account_login"),
    path("uitloggen/", account_views.logout, name="logout"),
    path("uitloggen/", account_views.logout, name="account_logout"),
    path("account/inactief/", account_views.account_inactive, name="account_inactive"),
    path("account/bevestigen/", account_views.reauthenticate, name="account_reauthenticate"),
    path("account/wachtwoord/", views.password_change, name="account_change_password"),
    path("account/2fa/", include("allauth.mfa.urls")),
    path("sso/", include("allauth.socialaccount.providers.openid_connect.urls")),
    path("sso/geannuleerd/", social_views.login_cancelled, name="socialaccount_login_cancelled"),
    # A failed single sign-on leaves the person signed out: they must see why.
    path(
        "sso/fout/",
        login_not_required(social_views.login_error),
        name="socialaccount_login_error",
    ),
    path("sso/aanmelden/", social_views.signup, name="socialaccount_signup"),
]
