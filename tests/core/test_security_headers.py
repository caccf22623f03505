"""Every page says what the browser may run and send: CSP with a nonce, and the other headers."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def csp(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in header.split(";")) if part
    }


def test_a_page_allows_scripts_and_styles_only_from_the_site_and_its_nonce(client, alice):
    client.force_login(alice)
    response = client.get(reverse("pilots:register"))
    policy = csp(response)
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"] + policy["style-src"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]


def test_no_page_has_an_inline_script_or_style_without_the_nonce(client, alice):
    client.force_login(alice)
    for url in (reverse("login"), reverse("pilots:register"), reverse("rounds:list")):
        html = client.get(url).content.decode()
        assert not re.search(r"<(script|style)(?![^>]*\bnonce=)(?![^>]*\bsrc=)[^>]*>", html), url
        assert not re.search(r"\son[a-z]+=", html), url
        assert not re.search(r"\sstyle=", html), url


def test_every_response_carries_the_other_security_headers(client):
    response = client.get(reverse("login"))
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_https_requests_get_a_strict_transport_security_header(client, settings):
    response = client.get(reverse("login"), secure=True)
    assert "max-age=31536000" in response["Strict-Transport-Security"]


def test_plain_http_is_redirected_to_https_in_production(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get(reverse("login"))
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_the_session_and_csrf_cookies_are_host_only_and_secure(client, alice, settings):
    assert settings.SESSION_COOKIE_NAME == "__Host-sessionid"
    assert settings.CSRF_COOKIE_NAME == "__Host-csrftoken"
    client.get(reverse("login"))
    cookie = client.cookies["__Host-csrftoken"]
    assert cookie["secure"] and cookie["path"] == "/" and not cookie["domain"]
    client.post(reverse("login"), {"login": "alice", "password": "alice-password-123"})
    session = client.cookies["__Host-sessionid"]
    assert session["secure"] and session["httponly"] and session["path"] == "/"
