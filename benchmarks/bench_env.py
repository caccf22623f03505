"""The environment every benchmark runs Oogst in: production settings, as a test client sees them.

DEBUG off (the real template and static setup), a throwaway secret, the test client's host,
plain HTTP (production's HTTPS redirect would answer 301) and no MFA enrolment step (the
benchmarks sign in with force_login, as the tests do).
"""

import os

DEFAULTS = {
    "SECRET_KEY": "benchmark-only-secret",
    "DEBUG": "false",
    "DJANGO_SETTINGS_MODULE": "oogst.settings",
    "ALLOWED_HOSTS": "testserver",
    "SECURE_SSL_REDIRECT": "false",
    "OOGST_REQUIRE_MFA": "false",
}


def configure() -> None:
    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)
