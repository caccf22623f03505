"""Logging in: Django's passwords, throttled after repeated failures (django-axes)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def attempt(client, username, password):
    return client.post(reverse("login"), {"login": username, "password": password})


def test_alice_logs_in_and_lands_on_her_signals(client, alice):
    response = attempt(client, "alice", "alice-password-123")
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home")


def test_a_wrong_password_gets_a_message_and_no_session(client, alice):
    response = attempt(client, "alice", "wrong")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_after_five_failures_even_the_right_password_is_refused_for_a_while(
    client, alice, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "alice", "wrong")
    response = attempt(client, "alice", "alice-password-123")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_of_one_account_does_not_lock_out_another(client, alice, bob, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "alice", "wrong")
    assert attempt(client, "bob", "bob-password-123").status_code == 302
