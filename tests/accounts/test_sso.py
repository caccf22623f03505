"""Single sign-on against a real OpenID Connect provider on 127.0.0.1.

The provider is django-oauth-toolkit in a process of its own (tests/oidc_provider) with its
own database and signing key: Oogst talks to it over HTTP exactly as to Entra ID or Keycloak
(discovery, authorization code with PKCE, token, userinfo, signed ID token). The browser is
played by a requests session on the provider's side and Django's test client on Oogst's.
"""

import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.urls import reverse

from oogst.accounts.models import Role, User

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
CALLBACK = "http://testserver/sso/oidc/gemeente/login/callback/"
CLIENT_ID, CLIENT_SECRET = "oogst-test", "oogst-test-secret-0123456789"


class Provider:
    def __init__(self, directory: Path):
        self.directory = directory
        self.env = {
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": ":".join([str(ROOT), *sys.path]),
            "DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings",
            "OIDC_TEST_PROVIDER_DIR": str(directory),
        }

    def manage(self, *args):
        subprocess.run(
            [sys.executable, "-m", "django", *args],
            env=self.env,
            cwd=ROOT,
            check=True,
            capture_output=True,
        )

    def user(self, username, *groups):
        self.manage("provider_setup", "user", username, *groups)

    def start(self):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        (self.directory / "key.pem").write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        self.manage("migrate", "--no-input")
        self.manage("provider_setup", "client", CLIENT_ID, CLIENT_SECRET, CALLBACK)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
            env=self.env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                requests.get(f"{self.url}/o/.well-known/openid-configuration", timeout=1)
                return self
            except requests.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("the test OIDC provider did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def provider(tmp_path_factory):
    provider = Provider(tmp_path_factory.mktemp("oidc-provider")).start()
    yield provider
    provider.stop()


@pytest.fixture(autouse=True)
def sso_settings(settings, provider):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": "gemeente",
                    "name": "Gemeente-account",
                    "client_id": CLIENT_ID,
                    "secret": CLIENT_SECRET,
                    "settings": {
                        "server_url": f"{provider.url}/o",
                        "token_auth_method": "client_secret_post",
                        "oauth_pkce_enabled": True,
                    },
                }
            ],
            "SCOPE": ["openid", "profile", "email"],
        }
    }
    settings.OIDC_ROLE_CLAIM = "groups"
    settings.OIDC_ROLE_MAP = {
        "oogst-beheer": Role.BEHEERDER,
        "oogst-pc": Role.COORDINATOR,
        "medewerkers": Role.LEZER,
    }


def sso_login(client, provider, username, browser=None):
    """Press the SSO button in Oogst, log in at the provider, come back with the code."""
    browser = browser or requests.Session()
    start = client.post(reverse("openid_connect_login", kwargs={"provider_id": "gemeente"}))
    assert start.status_code == 302, start
    location = start["Location"]
    assert location.startswith(provider.url)
    while not location.startswith("http://testserver"):
        response = browser.get(location, allow_redirects=False)
        if response.status_code == 200 and "csrfmiddlewaretoken" in response.text:
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
            response = browser.post(
                location,
                data={
                    "csrfmiddlewaretoken": token.group(1),
                    "username": username,
                    "password": f"{username}-idp-password",
                    "next": parse_qs(urlsplit(location).query)["next"][0],
                },
                headers={"Referer": location},
                allow_redirects=False,
            )
        assert response.status_code == 302, response.text[:500]
        location = response.headers["Location"]
        if location.startswith("/"):
            location = provider.url + location
    parts = urlsplit(location)
    return client.get(f"{parts.path}?{parts.query}"), browser


def test_a_municipal_colleague_signs_in_and_is_created_with_the_mapped_role(client, provider):
    provider.user("marieke", "oogst-pc", "iedereen")
    response, _ = sso_login(client, provider, "marieke")
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home")
    marieke = User.objects.get(username="marieke")
    assert marieke.role == Role.COORDINATOR
    assert marieke.email == "marieke@gemeente.example"
    assert not marieke.has_usable_password()
    assert client.get(reverse("pilots:register")).status_code == 200


def test_the_most_powerful_mapped_group_wins(client, provider):
    provider.user("bart", "medewerkers", "oogst-beheer")
    sso_login(client, provider, "bart")
    assert User.objects.get(username="bart").role == Role.BEHEERDER


def test_a_role_changed_at_the_provider_applies_at_the_next_sign_in(client, provider, caplog):
    caplog.set_level("INFO", logger="oogst.security")
    provider.user("joost", "oogst-pc")
    _, browser = sso_login(client, provider, "joost")
    assert User.objects.get(username="joost").role == Role.COORDINATOR
    client.post(reverse("logout"))
    provider.user("joost", "medewerkers")
    sso_login(client, provider, "joost", browser)
    assert User.objects.get(username="joost").role == Role.LEZER
    changes = [
        r.security_event
        for r in caplog.records
        if getattr(r, "security_event", {}).get("action") == "role_change"
    ]
    assert changes[-1]["result"] == "coordinator->lezer"
    assert changes[-1]["actor"] == "sso"


def test_logging_out_ends_the_oogst_session(client, provider):
    provider.user("fleur", "medewerkers")
    sso_login(client, provider, "fleur")
    assert client.get(reverse("pilots:register")).status_code == 200
    client.post(reverse("logout"))
    assert client.get(reverse("pilots:register"))["Location"].startswith(reverse("login"))


def test_logging_out_of_oogst_also_ends_the_session_at_the_provider(client, provider):
    """On a shared computer, signing out of Oogst must not leave the provider signed in:
    the next SSO click would otherwise sign the next person in as the previous one."""
    provider.user("ilse", "medewerkers")
    _, browser = sso_login(client, provider, "ilse")
    out = client.post(reverse("logout"))
    assert out.status_code == 302
    end_session = out["Location"]
    assert end_session.startswith(f"{provider.url}/o/logout/")
    assert "post_logout_redirect_uri=http%3A%2F%2Ftestserver%2Finloggen%2F" in end_session
    # The browser follows to the provider, which asks to confirm (no ID token hint) and then
    # sends it back to Oogst's login page.
    prompt = browser.get(end_session, allow_redirects=False)
    if prompt.status_code == 200:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', prompt.text).group(1)
        fields = dict(re.findall(r'name="([a-z_]+)"[^>]*value="([^"]*)"', prompt.text))
        prompt = browser.post(
            end_session.split("?")[0],
            data={**fields, "csrfmiddlewaretoken": token, "allow": "on"},
            headers={"Referer": end_session},
            allow_redirects=False,
        )
    assert prompt.status_code == 302
    assert prompt.headers["Location"] == "http://testserver/inloggen/"
    # The provider no longer knows the browser: the next SSO click asks for a password again.
    start = client.post(reverse("openid_connect_login", kwargs={"provider_id": "gemeente"}))
    authorize = browser.get(start["Location"], allow_redirects=False)
    assert authorize.status_code == 302
    assert "/login/" in authorize.headers["Location"]


def test_a_local_account_logs_out_to_the_login_page(client, alice):
    client.force_login(alice)
    assert client.post(reverse("logout"))["Location"] == reverse("login")


def test_someone_without_a_mapped_group_is_refused_and_not_created(client, provider):
    provider.user("gast", "iedereen")
    response, _ = sso_login(client, provider, "gast")
    assert response.status_code == 403
    assert not User.objects.filter(username="gast").exists()


def test_mfa_at_the_provider_counts_only_when_its_amr_claim_says_so(client, provider, settings):
    settings.OOGST_REQUIRE_MFA = True
    provider.user("hanna", "medewerkers", "amr:mfa")
    sso_login(client, provider, "hanna")
    assert client.get(reverse("pilots:register")).status_code == 200

    other = type(client)()
    provider.user("ivo", "medewerkers")  # the provider logged Ivo in with a password only
    sso_login(other, provider, "ivo")
    assert other.get(reverse("pilots:register"))["Location"] == reverse("mfa_activate_totp")
