"""Oogst settings: every value comes from the environment, read and documented here once.

See docs/settings.md for the full reference. A value can also be read from a file by
setting NAME_FILE (for Docker/Kubernetes secrets), e.g. SECRET_KEY_FILE=/run/secrets/key.
"""

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
env = environ.Env()


def env_or_file(name, default=None):
    """Read NAME, or the contents of the file NAME_FILE points to."""
    path = env.str(f"{name}_FILE", default="")
    if path:
        return Path(path).read_text().strip()
    return env.str(name, default=default)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def env_bool(name: str, default: bool) -> bool:
    """ "true" or "false" (any case); anything else is a configuration error, not a guess."""
    value = env.str(name, default=str(default)).strip().lower()
    if value not in ("true", "false"):
        raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")
    return value == "true"


# OOGST_DATA_DIR: where the SQLite database lives by default (created when missing).
DATA_DIR = Path(env.str("OOGST_DATA_DIR", default=str(Path.cwd() / "data")))

# DEBUG: development mode. Only "true"/"false" (any case); anything else is an error.
DEBUG = env_bool("DEBUG", False)

_DEV_SECRET = "insecure-development-key-do-not-use-in-production"
# SECRET_KEY: required when DEBUG is off; production refuses to start with the default.
SECRET_KEY = env_or_file("SECRET_KEY", default=_DEV_SECRET if DEBUG else None)
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY (or SECRET_KEY_FILE) when DEBUG is off.")
if not DEBUG and SECRET_KEY == _DEV_SECRET:
    raise ImproperlyConfigured("SECRET_KEY is the development default; set a real one.")

# ALLOWED_HOSTS: comma-separated host names this instance answers to.
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
# CSRF_TRUSTED_ORIGINS: comma-separated origins (scheme://host) behind a proxy.
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# DATABASE_URL: sqlite:///absolute/path.sqlite3 (default under OOGST_DATA_DIR) or
# postgres://user:password@host:5432/name for production.
# DATABASE_URL_FILE works too: the URL holds the database password.
DATABASES = {
    "default": environ.Env.db_url_config(
        env_or_file("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'oogst.sqlite3'}")
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A fresh checkout has no data folder yet; SQLite cannot create it itself.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # WAL and a busy timeout keep concurrent readers and one writer from failing.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
# CONN_MAX_AGE: seconds a worker keeps its database connection. Reconnecting on every request
# (and, on SQLite, re-running the PRAGMAs above) was a third of a small page's time.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "auditlog",
    "axes",
    "csp",
    "health_check",
    # Sign-in: local accounts with TOTP MFA, municipal staff through OIDC single sign-on.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django_tasks",
    "django_tasks_db",
    "oogst.core",
    "oogst.accounts",
    "oogst.pilots",
    "oogst.rounds",
    "oogst.motions",
    "oogst.participants",
    "oogst.documents",
    "oogst.dashboard",
    "oogst.api",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # Nothing imports these two: the demo register and console commands that span apps.
    "oogst.demo",
    "oogst.cli",
]

# OOGST_TRUSTED_PROXIES: comma-separated addresses or networks of the reverse proxies in front
# of Oogst. Only their X-Forwarded-For / X-Forwarded-Proto are believed; default: nobody's.
OOGST_TRUSTED_PROXIES = env.list("OOGST_TRUSTED_PROXIES", default=[])
for _proxy in OOGST_TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(f"OOGST_TRUSTED_PROXIES: not an address: {_proxy!r}") from None

MIDDLEWARE = [
    # First: every later step (HTTPS redirect, lockout, audit) sees the settled client address.
    "oogst.core.proxies.TrustedProxyMiddleware",
    # The API's headers (API-Version, CORS, Cache-Control) and its errors as problem+json,
    # also for what never reaches a view (an unknown URL, a trailing slash).
    "oogst.api.middleware.ApiMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy with a nonce per response, and the Permissions-Policy.
    "csp.middleware.CSPMiddleware",
    "oogst.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Every change made through a page is in the history with who made it and from where.
    "auditlog.middleware.AuditlogMiddleware",
    # Signed-in sessions end after 30 minutes idle and 12 hours in all.
    "oogst.core.middleware.SessionTimeoutMiddleware",
    # Anonymous visitors see only the login page (and pages marked login_not_required).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # A local account without TOTP goes to enrolment before anything else.
    "oogst.accounts.middleware.RequireMFAMiddleware",
    # Partner organisation staff reach only the participant pages of their own organisation.
    "oogst.participants.middleware.PartnerScopeMiddleware",
    # Pages and downloads with participant data are never stored by a browser or proxy.
    "oogst.participants.middleware.NoStoreParticipantDataMiddleware",
    # Services raise domain exceptions (core/errors.py); this answers them as 404 and 403.
    "oogst.core.middleware.DomainErrorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so that it sees the outcome of every login attempt.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Signs in the people single sign-on vouches for.
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
# Coordinators and owners land on their signals; the dashboard sends other roles on.
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "login"

# django-allauth: local sign-in by user name, no self-registration, no e-mail flows.
ACCOUNT_ADAPTER = "oogst.accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "oogst.accounts.adapters.SocialAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_REDIRECT_URL = "login"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
# django-axes throttles passwords (with a lockout a beheerder can lift); allauth's own
# limits stay on as well: they are what stops guessing of MFA codes. Its failed-login limits
# per key and per address sit above AXES_FAILURE_LIMIT and OOGST_LOGIN_FAILURES_PER_ADDRESS,
# so that axes, whose lockout a beheerder sees and lifts, answers first for passwords.
ACCOUNT_RATE_LIMITS = {"login_failed": "50/m/ip,10/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# OOGST_MFA_TOTP_ISSUER: the name the authenticator app shows.
MFA_TOTP_ISSUER = env.str("OOGST_MFA_TOTP_ISSUER", default="Oogst")
# OOGST_REQUIRE_MFA: local accounts must have TOTP before they reach any page (BIO 5.17.01).
OOGST_REQUIRE_MFA = env_bool("OOGST_REQUIRE_MFA", True)
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_ONLY = False

# OIDC single sign-on for municipal staff (Entra ID, Keycloak, any OpenID Connect provider).
# OIDC_SERVER_URL: the issuer, e.g. https://login.microsoftonline.com/<tenant>/v2.0
# (its /.well-known/openid-configuration is read). Empty: no single sign-on.
OIDC_SERVER_URL = env.str("OIDC_SERVER_URL", default="")
# OIDC_CLIENT_ID / OIDC_CLIENT_SECRET (or OIDC_CLIENT_SECRET_FILE): Oogst's registration.
OIDC_CLIENT_ID = env.str("OIDC_CLIENT_ID", default="")
OIDC_CLIENT_SECRET = env_or_file("OIDC_CLIENT_SECRET", default="")
# OIDC_NAME: the button text's provider name, e.g. "Gemeente-account".
OIDC_NAME = env.str("OIDC_NAME", default="Gemeente-account")
# OIDC_SCOPES: what Oogst asks for; the role claim must be among what comes back.
OIDC_SCOPES = env.list("OIDC_SCOPES", default=["openid", "profile", "email"])
# OIDC_ROLE_CLAIM: the claim with the person's groups or roles (a list or a string).
OIDC_ROLE_CLAIM = env.str("OIDC_ROLE_CLAIM", default="groups")
# OIDC_ROLE_MAP: claim value=Oogst role, comma-separated, e.g.
# "oogst-beheer=beheerder,oogst-pc=coordinator,oogst-eigenaren=eigenaar,medewerkers=lezer".
# The most powerful mapped role wins; someone with no mapped value is refused.
OIDC_ROLE_MAP = env.dict("OIDC_ROLE_MAP", default={})
# Partner staff are bound to an organisation, which a claim cannot say: never by SSO.
_SSO_ROLES = {"beheerder", "coordinator", "eigenaar", "lezer", "griffie"}
if set(OIDC_ROLE_MAP.values()) - _SSO_ROLES:
    raise ImproperlyConfigured(
        f"OIDC_ROLE_MAP maps to {sorted(set(OIDC_ROLE_MAP.values()) - _SSO_ROLES)}; "
        f"roles by single sign-on are {sorted(_SSO_ROLES)}."
    )
# OIDC_MFA_AMR / OIDC_MFA_ACR: claim values that prove the provider did MFA. Only then is
# Oogst's own TOTP skipped; otherwise SSO users enrol TOTP like local accounts.
OIDC_MFA_AMR = env.list("OIDC_MFA_AMR", default=["mfa", "otp", "hwk", "swk"])
OIDC_MFA_ACR = env.list("OIDC_MFA_ACR", default=[])
# OIDC_LOGOUT_AT_PROVIDER: signing out of Oogst also ends the session at the provider
# (RP-initiated logout to its end_session_endpoint), so a shared computer is left signed out.
# Register Oogst's login page (https://<host>/inloggen/) as post-logout redirect URI there.
OIDC_LOGOUT_AT_PROVIDER = env.bool("OIDC_LOGOUT_AT_PROVIDER", default=True)
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "APPS": [
            {
                "provider_id": "gemeente",
                "name": OIDC_NAME,
                "client_id": OIDC_CLIENT_ID,
                "secret": OIDC_CLIENT_SECRET,
                "settings": {
                    "server_url": OIDC_SERVER_URL,
                    "token_auth_method": "client_secret_post",
                    "oauth_pkce_enabled": True,
                },
            }
        ]
        if OIDC_SERVER_URL and OIDC_CLIENT_ID
        else [],
        "SCOPE": OIDC_SCOPES,
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# OOGST_SESSION_IDLE_MINUTES: a session without a request for this long ends.
OOGST_SESSION_IDLE_MINUTES = env.int("OOGST_SESSION_IDLE_MINUTES", default=30)
# OOGST_SESSION_MAX_HOURS: a session ends this long after sign-in, active or not.
OOGST_SESSION_MAX_HOURS = env.int("OOGST_SESSION_MAX_HOURS", default=12)
SESSION_COOKIE_AGE = OOGST_SESSION_MAX_HOURS * 3600

# AXES_FAILURE_LIMIT: failed logins per user name and address before a lockout.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
# AXES_COOLOFF_MINUTES: how long a lockout lasts.
AXES_COOLOFF_TIME = env.int("AXES_COOLOFF_MINUTES", default=15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# OOGST_LOGIN_FAILURES_PER_ADDRESS: failed logins from one address, across all user names,
# before that address is locked out (against password spraying; see accounts/lockout.py).
OOGST_LOGIN_FAILURES_PER_ADDRESS = env.int("OOGST_LOGIN_FAILURES_PER_ADDRESS", default=20)
AXES_HANDLER = "oogst.accounts.lockout.AddressAwareAxesHandler"
# The address TrustedProxyMiddleware settled; never X-Forwarded-For as sent.
AXES_CLIENT_IP_CALLABLE = "oogst.core.proxies.client_ip"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Failed logins stay visible to the beheerder on the user's page (not only the current count).
AXES_ENABLE_ACCESS_FAILURE_LOG = True

ROOT_URLCONF = "oogst.urls"
WSGI_APPLICATION = "oogst.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oogst.core.context_processors.oogst",
                "csp.context_processors.nonce",
            ],
        },
    }
]

# Dutch is the language of the UI; English is kept complete.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# STATIC_ROOT: where `oogst collectstatic` gathers assets for production.
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(DATA_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Serve straight from the package in development and tests: no collectstatic needed.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# OOGST_MUNICIPALITY: the municipality's name printed in the header and in documents.
OOGST_MUNICIPALITY = env.str("OOGST_MUNICIPALITY", default="Gemeente Zoetermeer")
# OOGST_DOCX_TEMPLATE: path of a .docx whose styles, page setup, headers and footers the Word
# documents use (the municipality's house style); empty uses Oogst's plain A4 default.
OOGST_DOCX_TEMPLATE = env.str("OOGST_DOCX_TEMPLATE", default="")
# OOGST_THEME_CLASS / OOGST_THEME_STYLESHEET: plug in a house style (NL Design System tokens).
OOGST_THEME_CLASS = env.str("OOGST_THEME_CLASS", default="voorbeeld-theme")
OOGST_THEME_STYLESHEET = env.str(
    "OOGST_THEME_STYLESHEET", default="vendor/voorbeeld-design-tokens/index.css"
)

# OOGST_RETENTION_MONTHS: months after a pilot's end date that `oogst bewaartermijn` anonymises
# its participant records.
OOGST_RETENTION_MONTHS = env.int("OOGST_RETENTION_MONTHS", default=24)

# Signals on the dashboard (oogst.dashboard.signals): when a pilot needs attention.
# OOGST_SIGNAL_FUNDING_MONTHS: funding that ends within this many months without a recorded
# decision on continuation (geborgd, voortgezet, gestopt) is a signal.
OOGST_SIGNAL_FUNDING_MONTHS = env.int("OOGST_SIGNAL_FUNDING_MONTHS", default=6)
# OOGST_SIGNAL_UPDATE_MONTHS: a running pilot whose latest progress update is older than this.
OOGST_SIGNAL_UPDATE_MONTHS = env.int("OOGST_SIGNAL_UPDATE_MONTHS", default=6)
# OOGST_SIGNAL_COUNT_SECONDS: how long the count in the menu is kept per user before it is
# counted again (the dashboard itself always counts afresh).
OOGST_SIGNAL_COUNT_SECONDS = env.int("OOGST_SIGNAL_COUNT_SECONDS", default=300)

# Requests bigger than this are refused with 400 before a form sees them.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)

# E-mail: EMAIL_URL such as smtp://user:pass@host:587 (default: the console in DEBUG).
# EMAIL_URL_FILE works too: the URL holds the mail password.
if env_or_file("EMAIL_URL", default=""):
    vars().update(environ.Env.email_url_config(env_or_file("EMAIL_URL")))
else:
    EMAIL_BACKEND = (
        "django.core.mail.backends.console.EmailBackend"
        if DEBUG
        else "django.core.mail.backends.smtp.EmailBackend"
    )
# OOGST_BASE_URL: where people reach Oogst, e.g. https://oogst.gemeente.nl; every link in a
# mail starts with it.
OOGST_BASE_URL = env.str("OOGST_BASE_URL", default="http://127.0.0.1:8000")

# DEFAULT_FROM_EMAIL: sender of Oogst's mail.
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="oogst@localhost")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
# __Host- cookies are bound to this exact host, HTTPS and path /: no subdomain can set them.
SESSION_COOKIE_NAME = "sessionid" if DEBUG else "__Host-sessionid"
CSRF_COOKIE_NAME = "csrftoken" if DEBUG else "__Host-csrftoken"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# SECURE_SSL_REDIRECT / SECURE_HSTS_SECONDS: on by default without DEBUG (production is
# behind TLS); switch off only for a local production-like run over plain HTTP.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
# SECURE_HSTS_INCLUDE_SUBDOMAINS / SECURE_HSTS_PRELOAD: part of the HSTS header.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The load balancer probes the health endpoint over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^gezondheid/$"]

# Content-Security-Policy: only our own files, inline code only with the response's nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        # Chromium applies form-action to the redirect after the SSO button's POST.
        "form-action": [
            SELF,
            *([_oidc_origin] if (_oidc_origin := _origin(OIDC_SERVER_URL)) else []),
        ],
    }
}
# What the browser may offer pages: nothing Oogst does not use.
OOGST_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

AUDITLOG_INCLUDE_ALL_MODELS = False

# Long work (a frozen round's documents) runs as tasks in the database, picked up by
# `oogst db_worker`; no broker needed, on SQLite and PostgreSQL alike.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# OOGST_DOCUMENT_TIMEOUT_MINUTES: a document still being made after this long counts as
# stalled (its worker died); the round page then offers to make it again.
OOGST_DOCUMENT_TIMEOUT_MINUTES = env.int("OOGST_DOCUMENT_TIMEOUT_MINUTES", default=15)
# OOGST_IMPORT_TIMEOUT_MINUTES: an uploaded file still unread after this long counts as
# stalled (no worker picked it up, or it stopped); the import page then offers to try again.
OOGST_IMPORT_TIMEOUT_MINUTES = env.int("OOGST_IMPORT_TIMEOUT_MINUTES", default=5)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "oogst.core.audit_log.JsonLinesFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "security": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # Logins, failures, lockouts, MFA and role changes: one JSON object per line.
        "oogst.security": {"handlers": ["security"], "level": "INFO", "propagate": False},
        "fontTools": {"level": "WARNING"},
    },
}

# --- The API (/api/v1/, oogst.api; docs/api.md) --------------------------------------------
# The API's version: the API-Version header and the OpenAPI document's info.version.
OOGST_API_VERSION = "1.0.0"
# OOGST_API_CORS_ORIGINS: origins whose pages may call the public read endpoints from a
# browser, comma-separated; "*" (the default) allows any, as for any open data.
OOGST_API_CORS_ORIGINS = env.list("OOGST_API_CORS_ORIGINS", default=["*"])
# OOGST_API_CONTACT_EMAIL / OOGST_API_CONTACT_URL: who answers questions about the API
# (the OpenAPI document's contact; the NL API Design Rules ask for it).
OOGST_API_CONTACT_EMAIL = env.str("OOGST_API_CONTACT_EMAIL", default="oogst@example.nl")
OOGST_API_CONTACT_URL = env.str("OOGST_API_CONTACT_URL", default="https://oogst.example.nl")
# OOGST_OPEN_DATA_LICENCE / OOGST_OPEN_DATA_LICENCE_URL: the licence of a published round's
# open data (its metadata file says it); CC0 unless the municipality chooses otherwise.
OOGST_OPEN_DATA_LICENCE = env.str("OOGST_OPEN_DATA_LICENCE", default="CC0-1.0")
OOGST_OPEN_DATA_LICENCE_URL = env.str(
    "OOGST_OPEN_DATA_LICENCE_URL",
    default="https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["oogst.api.auth.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["oogst.api.auth.ScopePermission"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "oogst.api.pagination.Pagination",
    "EXCEPTION_HANDLER": "oogst.api.problems.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "oogst.api.schema.OogstAutoSchema",
    "UNAUTHENTICATED_USER": None,
    "DATETIME_FORMAT": "iso-8601",
    "DATE_FORMAT": "iso-8601",
    "COERCE_DECIMAL_TO_STRING": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Oogst API",
    "DESCRIPTION": (
        "Pilots, rapportagerondes, moties en deelnemerscijfers van Oogst, "
        "volgens de NL API Design Rules. Zie docs/api.md."
    ),
    "VERSION": OOGST_API_VERSION,
    "CONTACT": {
        "name": OOGST_MUNICIPALITY,
        "email": OOGST_API_CONTACT_EMAIL,
        "url": OOGST_API_CONTACT_URL,
    },
    "LICENSE": {"name": "EUPL-1.2", "url": "https://eupl.eu/1.2/nl/"},
    "SERVERS": [{"url": "/api/v1", "description": "Oogst"}],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # One name for a choice set used by several properties (a pilot's result, a lesson's decision).
    "ENUM_NAME_OVERRIDES": {"ResultaatEnum": ["geborgd", "voortgezet", "gestopt"]},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "oogst.api.schema.add_rules_of_the_road",
    ],
}
