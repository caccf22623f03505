"""The attacks: one password tried on twenty accounts from one address, and a forged
X-Forwarded-For to dodge the lockout or to lock out somebody else."""

import pytest
from django.test import Client
from django.urls import reverse

from oogst.accounts.models import Role, User

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"
OFFICE = "198.51.100.10"
PROXY = "10.0.0.2"


def attempt(client, username, password, **meta):
    return client.post(reverse("login"), {"login": username, "password": password}, **meta)


@pytest.fixture
def twenty_accounts(db):
    return [
        User.objects.create_user(f"medewerker{n}", role=Role.LEZER, password="Zomer2025!-lang")
        for n in range(20)
    ]


def test_one_address_spraying_twenty_user_names_is_locked_out(
    client, alice, twenty_accounts, settings
):
    assert settings.OOGST_LOGIN_FAILURES_PER_ADDRESS <= 20
    for account in twenty_accounts[: settings.OOGST_LOGIN_FAILURES_PER_ADDRESS]:
        attempt(client, account.username, "Welkom01!", REMOTE_ADDR=ATTACKER)
    # Even the right password of an account never tried is refused from that address now.
    response = attempt(client, "alice", "alice-password-123", REMOTE_ADDR=ATTACKER)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # Others are not locked out by it.
    office = Client()
    assert attempt(office, "alice", "alice-password-123", REMOTE_ADDR=OFFICE).status_code == 302


def test_a_successful_login_does_not_wipe_the_address_count(
    client, alice, twenty_accounts, settings
):
    limit = settings.OOGST_LOGIN_FAILURES_PER_ADDRESS
    for account in twenty_accounts[: limit - 1]:
        attempt(client, account.username, "Welkom01!", REMOTE_ADDR=ATTACKER)
    assert attempt(Client(), "alice", "alice-password-123", REMOTE_ADDR=ATTACKER).status_code == 302
    attempt(client, twenty_accounts[-1].username, "Welkom01!", REMOTE_ADDR=ATTACKER)
    assert attempt(Client(), "alice", "alice-password-123", REMOTE_ADDR=ATTACKER).status_code == 429


def test_a_forged_forwarded_for_from_an_untrusted_peer_is_ignored(
    client, alice, twenty_accounts, settings
):
    settings.OOGST_TRUSTED_PROXIES = [PROXY]
    # Dodging: a new forged address on every try still counts against the real one.
    for n, account in enumerate(twenty_accounts):
        attempt(
            client,
            account.username,
            "Welkom01!",
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )
    assert attempt(client, "alice", "alice-password-123", REMOTE_ADDR=ATTACKER).status_code == 429


def test_a_forged_forwarded_for_cannot_lock_out_somebody_else(client, alice, settings):
    settings.OOGST_TRUSTED_PROXIES = [PROXY]
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        attempt(client, "alice", "wrong", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=OFFICE)
    # Alice at the office, through the real proxy, is not locked out.
    response = attempt(
        Client(), "alice", "alice-password-123", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=OFFICE
    )
    assert response.status_code == 302


def test_the_trusted_proxy_passes_on_the_real_client_address(client, alice, settings):
    settings.OOGST_TRUSTED_PROXIES = ["10.0.0.0/24"]
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(
            client,
            "alice",
            "wrong",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"6.6.6.6, {ATTACKER}",  # the left part is the client's own
        )
    locked = attempt(
        Client(), "alice", "alice-password-123", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ATTACKER
    )
    assert locked.status_code == 429
    # Another client behind the same proxy is not the attacker.
    other = attempt(
        Client(), "alice", "alice-password-123", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=OFFICE
    )
    assert other.status_code == 302


def test_forwarded_https_is_believed_only_from_a_trusted_proxy(rf, settings):
    from oogst.core.proxies import TrustedProxyMiddleware

    seen = {}

    def view(request):
        seen["secure"] = request.is_secure()
        seen["addr"] = request.META["REMOTE_ADDR"]
        return None

    middleware = TrustedProxyMiddleware(view)
    forged = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_X_FORWARDED_FOR": "192.0.2.1"}
    middleware(rf.get("/", REMOTE_ADDR=ATTACKER, **forged))
    assert seen == {"secure": False, "addr": ATTACKER}
    settings.OOGST_TRUSTED_PROXIES = [PROXY]
    middleware(rf.get("/", REMOTE_ADDR=ATTACKER, **forged))
    assert seen == {"secure": False, "addr": ATTACKER}
    middleware(rf.get("/", REMOTE_ADDR=PROXY, **forged))
    assert seen == {"secure": True, "addr": "192.0.2.1"}
