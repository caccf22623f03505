"""Local accounts must use TOTP: without it a person is sent to enrolment before anything
else; with it, the password alone does not sign in. Recovery codes work once each."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def mfa_required(settings):
    settings.OOGST_REQUIRE_MFA = True


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(client, username, password):
    return client.post(reverse("login"), {"login": username, "password": password})


@pytest.fixture
def alice_with_totp(alice):
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    TOTP.activate(alice, secret)
    codes = RecoveryCodes.activate(alice).get_unused_codes()
    return alice, secret, codes


def test_alice_without_totp_is_sent_to_enrolment_before_anything_else(client, alice):
    sign_in(client, "alice", "alice-password-123")
    response = client.get(reverse("pilots:register"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    assert client.get(reverse("rounds:list"))["Location"] == reverse("mfa_activate_totp")


def test_alice_enrols_totp_gets_recovery_codes_and_then_reaches_the_register(client, alice):
    sign_in(client, "alice", "alice-password-123")
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = page.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": code_for(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=alice, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(user=alice, type=Authenticator.Type.RECOVERY_CODES).exists()
    assert client.get(reverse("pilots:register")).status_code == 200


def test_a_wrong_code_does_not_enrol(client, alice):
    sign_in(client, "alice", "alice-password-123")
    client.get(reverse("mfa_activate_totp"))
    response = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=alice).exists()


def test_with_totp_the_password_alone_does_not_sign_in(client, alice_with_totp):
    response = sign_in(client, "alice", "alice-password-123")
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("pilots:register"))["Location"].startswith(reverse("login"))


def test_the_code_from_the_app_completes_the_sign_in(client, alice_with_totp):
    _alice, secret, _codes = alice_with_totp
    sign_in(client, "alice", "alice-password-123")
    response = client.post(reverse("mfa_authenticate"), {"code": code_for(secret)})
    assert response.status_code == 302
    assert client.get(reverse("pilots:register")).status_code == 200


def test_a_recovery_code_signs_in_once(client, alice_with_totp):
    _alice, _secret, codes = alice_with_totp
    sign_in(client, "alice", "alice-password-123")
    client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert client.get(reverse("pilots:register")).status_code == 200
    client.post(reverse("logout"))
    sign_in(client, "alice", "alice-password-123")
    response = client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert response.status_code == 200  # the form again, with an error
    assert "_auth_user_id" not in client.session


def test_the_enrolment_is_in_the_security_log(
    client, alice, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level("INFO", logger="oogst.security")
    sign_in(client, "alice", "alice-password-123")
    secret = client.get(reverse("mfa_activate_totp")).context["form"].secret
    # allauth announces the new authenticator once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mfa_activate_totp"), {"code": code_for(secret)})
    events = [r.security_event for r in caplog.records if hasattr(r, "security_event")]
    assert {"action": "mfa_change", "object": "user:alice:totp", "result": "added"}.items() <= [
        e for e in events if e["action"] == "mfa_change"
    ][0].items()


def test_the_beheerder_resets_a_lost_authenticator_after_confirming(
    client, settings, erin, alice_with_totp, caplog
):
    """Alice lost her phone: Erin removes her TOTP and codes; Alice enrols again at sign-in."""
    alice, _secret, _codes = alice_with_totp
    settings.OOGST_REQUIRE_MFA = False  # Erin's own enrolment is not what this test is about
    client.force_login(erin)
    url = reverse("accounts:user_reset_mfa", args=[alice.pk])
    page = client.get(url).content.decode()
    assert "Authenticator" in page or "authenticator" in page
    client.post(url)  # no confirmation: nothing removed
    assert Authenticator.objects.filter(user=alice).count() == 2
    with caplog.at_level("INFO", logger="oogst.security"):
        response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=alice).exists()
    assert any("reset by beheerder" in record.getMessage() for record in caplog.records)
    client.logout()
    settings.OOGST_REQUIRE_MFA = True
    sign_in(client, "alice", "alice-password-123")
    assert client.get(reverse("pilots:register"))["Location"] == reverse("mfa_activate_totp")


def test_nobody_resets_their_own_mfa_and_others_may_not_at_all(
    client, settings, erin, carol, alice
):
    settings.OOGST_REQUIRE_MFA = False
    TOTP.activate(erin, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(erin)
    client.post(reverse("accounts:user_reset_mfa", args=[erin.pk]), {"confirm": "yes"})
    assert Authenticator.objects.filter(user=erin).exists()
    TOTP.activate(alice, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(carol)
    url = reverse("accounts:user_reset_mfa", args=[alice.pk])
    assert client.post(url, {"confirm": "yes"}).status_code == 403
    assert Authenticator.objects.filter(user=alice).exists()
