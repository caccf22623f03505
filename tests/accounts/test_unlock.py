"""The beheerder sees who is locked out and their failed logins, and unlocks them."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def lock_out(client, settings, username="alice"):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"login": username, "password": "wrong"})


def test_erin_sees_that_alice_is_locked_out(client, erin, alice, settings):
    lock_out(client, settings)
    client.force_login(erin)
    page = client.get(reverse("accounts:user_list")).content.decode()
    assert "locked out" in page or "geblokkeerd" in page
    detail = client.get(reverse("accounts:user_edit", args=[alice.pk]))
    assert len(detail.context["failed_logins"]) == settings.AXES_FAILURE_LIMIT
    assert detail.context["locked"]


def test_after_erin_unlocks_alice_she_logs_in_at_once(client, erin, alice, settings):
    lock_out(client, settings)
    erins = type(client)()
    erins.force_login(erin)
    response = erins.post(reverse("accounts:user_unlock", args=[alice.pk]))
    assert response.status_code == 302
    login = client.post(reverse("login"), {"login": "alice", "password": "alice-password-123"})
    assert login.status_code == 302
    assert client.get(reverse("pilots:register")).status_code == 200


def test_nobody_but_a_beheerder_unlocks(client, alice, bob, settings):
    lock_out(client, settings)
    bobs = type(client)()
    bobs.force_login(bob)
    assert bobs.post(reverse("accounts:user_unlock", args=[alice.pk])).status_code == 403
    login = client.post(reverse("login"), {"login": "alice", "password": "alice-password-123"})
    assert login.status_code == 429
