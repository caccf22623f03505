"""A session ends after 30 minutes idle, 12 hours after sign-in, and when the role or the
account's active state changes."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from oogst.accounts.models import Role

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


def signed_in(client, user):
    client.force_login(user)
    return client


def is_signed_in(client) -> bool:
    response = client.get(reverse("pilots:register"))
    return response.status_code == 200


def test_alice_stays_signed_in_while_she_works(client, alice):
    with time_machine.travel(START, tick=False) as clock:
        signed_in(client, alice)
        for _ in range(10):
            clock.shift(datetime.timedelta(minutes=25))
            assert is_signed_in(client)


def test_after_30_minutes_without_a_request_alice_must_sign_in_again(client, alice):
    with time_machine.travel(START, tick=False) as clock:
        signed_in(client, alice)
        assert is_signed_in(client)
        clock.shift(datetime.timedelta(minutes=31))
        response = client.get(reverse("pilots:register"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
        assert "_auth_user_id" not in client.session


def test_twelve_hours_after_sign_in_the_session_ends_however_busy(client, alice):
    with time_machine.travel(START, tick=False) as clock:
        signed_in(client, alice)
        for _ in range(12 * 3 - 1):
            clock.shift(datetime.timedelta(minutes=20))
            assert is_signed_in(client)
        clock.shift(datetime.timedelta(minutes=21))
        assert not is_signed_in(client)


def test_the_timeouts_are_settings(client, alice, settings):
    settings.OOGST_SESSION_IDLE_MINUTES = 5
    with time_machine.travel(START, tick=False) as clock:
        signed_in(client, alice)
        assert is_signed_in(client)
        clock.shift(datetime.timedelta(minutes=6))
        assert not is_signed_in(client)


def test_a_role_change_ends_the_persons_sessions(client, dave):
    signed_in(client, dave)
    assert is_signed_in(client)
    dave.role = Role.COORDINATOR
    dave.save()
    assert not is_signed_in(client)


def test_a_deactivation_ends_the_persons_sessions(client, dave):
    signed_in(client, dave)
    dave.is_active = False
    dave.save()
    assert not is_signed_in(client)


def test_a_beheerder_changing_a_role_signs_that_person_out_not_herself(client, erin, dave):
    other = type(client)()
    signed_in(other, dave)
    signed_in(client, erin)
    client.post(
        reverse("accounts:user_edit", args=[dave.pk]),
        {"username": "dave", "email": "d@example.nl", "role": Role.GRIFFIE, "is_active": "on"},
    )
    assert not is_signed_in(other)
    assert is_signed_in(client)
