import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oogst.settings")
application = get_wsgi_application()

from oogst.core.runtime import tune_garbage_collection  # noqa: E402 (after Django is loaded)

tune_garbage_collection()
