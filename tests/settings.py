"""Test settings: the real settings, with test-only environment and faster hashing."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-for-production")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("OOGST_DATA_DIR", "/tmp/oogst-tests")
# The test client and the live server speak plain HTTP; production redirects to HTTPS.
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
# Most tests sign people in with force_login and no authenticator; the MFA tests
# (tests/accounts/test_mfa.py) switch the requirement on, as production has it.
os.environ.setdefault("OOGST_REQUIRE_MFA", "false")

from oogst.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
LANGUAGE_CODE = "nl"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 (whitenoise warns when missing)
# Tasks run at once, inside the caller's transaction; tests of the worker itself switch to
# the database backend (tests/rounds/test_documents_worker.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
