"""Sign-in events reach the security log as JSON lines naming action, object, result, origin,
actor and time (BIO 8.15.01)."""

import json
import logging

import pytest
from django.urls import reverse

from oogst.accounts.models import Role
from oogst.core.audit_log import JsonLinesFormatter

pytestmark = pytest.mark.django_db


@pytest.fixture
def security_log(caplog):
    caplog.set_level(logging.INFO, logger="oogst.security")

    def lines():
        formatter = JsonLinesFormatter()
        return [
            json.loads(formatter.format(record))
            for record in caplog.records
            if record.name == "oogst.security"
        ]

    return lines


def test_a_login_is_logged_with_who_from_where_and_when(client, alice, security_log):
    client.post(
        reverse("login"),
        {"login": "alice", "password": "alice-password-123"},
        REMOTE_ADDR="192.0.2.7",
    )
    (line,) = [entry for entry in security_log() if entry["action"] == "login"]
    assert line["result"] == "success"
    assert line["actor"] == "alice"
    assert line["object"] == "user:alice"
    assert line["origin"] == "192.0.2.7"
    assert line["time"].endswith("+00:00")


def test_a_failed_login_is_logged_without_the_password(client, alice, security_log):
    client.post(reverse("login"), {"login": "alice", "password": "wrong-guess"})
    failures = [entry for entry in security_log() if entry["result"] == "failure"]
    assert failures and failures[0]["action"] == "login"
    assert failures[0]["actor"] == "alice"
    assert "wrong-guess" not in json.dumps(security_log())


def test_a_lockout_is_logged(client, alice, settings, security_log):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"login": "alice", "password": "wrong"})
    lockouts = [entry for entry in security_log() if entry["action"] == "lockout"]
    assert lockouts and lockouts[0]["object"] == "user:alice"
    assert lockouts[0]["result"] == "locked"


def test_a_role_change_is_logged_with_the_beheerder_as_actor(client, erin, dave, security_log):
    client.force_login(erin)
    client.post(
        reverse("accounts:user_edit", args=[dave.pk]),
        {
            "username": "dave",
            "email": "dave@example.nl",
            "role": Role.COORDINATOR,
            "is_active": "on",
        },
    )
    (line,) = [entry for entry in security_log() if entry["action"] == "role_change"]
    assert line == line | {
        "object": "user:dave",
        "result": "lezer->coordinator",
        "actor": "erin",
    }


def test_each_line_is_one_json_object():
    record = logging.LogRecord("oogst.security", logging.INFO, __file__, 1, "x", (), None)
    record.security_event = {"action": "login", "object": "user:a", "result": "success"}
    line = JsonLinesFormatter().format(record)
    assert "\n" not in line
    assert json.loads(line)["action"] == "login"
