"""The floor: a bare Django project behind only Django's session and authentication
middleware, with one logged-in view. Settings, URLs and WSGI app in one module, for
benchmarks/framework_floor.py (DJANGO_SETTINGS_MODULE=bare_django, BARE_DB=path)."""

import os

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path

SECRET_KEY = "bare-benchmark-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions"]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = __name__
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["BARE_DB"],
        # The same connection reuse as Oogst, so the comparison is of the request path.
        "CONN_MAX_AGE": 60,
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True


@login_required
def hello(request):
    return HttpResponse(f"Hello {request.user.username}", content_type="text/plain")


urlpatterns = [path("hello/", hello)]

application = None
if os.environ.get("DJANGO_SETTINGS_MODULE") == __name__:
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
