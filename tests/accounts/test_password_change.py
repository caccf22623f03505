"""Local accounts change their own password; SSO accounts have none in Oogst to change."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_alice_changes_her_own_password_and_stays_signed_in(client, alice):
    client.force_login(alice)
    assert client.get(reverse("account_change_password")).status_code == 200
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "alice-password-123",
            "password1": "a-new-long-passphrase-42",
            "password2": "a-new-long-passphrase-42",
        },
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("a-new-long-passphrase-42")
    assert client.get(reverse("pilots:register")).status_code == 200


def test_the_old_password_must_be_right(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "a-guess",
            "password1": "a-new-long-passphrase-42",
            "password2": "a-new-long-passphrase-42",
        },
    )
    assert response.status_code == 200
    alice.refresh_from_db()
    assert alice.check_password("alice-password-123")


def test_a_short_password_is_refused_with_a_message(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "alice-password-123", "password1": "kort", "password2": "kort"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["password1"]


def test_an_sso_account_has_no_password_to_change(client, carol):
    client.force_login(carol)
    assert client.get(reverse("account_change_password")).status_code == 403
