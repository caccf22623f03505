"""The load balancer asks /gezondheid/ whether this instance can serve: no login needed."""

import pytest
from django.db import connections
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_health_endpoint_answers_without_a_login(client):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert list(response.json().values()) == ["OK"]
    assert next(iter(response.json())).startswith("Database")


def test_the_health_endpoint_reports_a_database_it_cannot_reach(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connections["default"].Database.OperationalError("database is gone")

    # On the class: the check may run in a thread of its own, with its own connection.
    monkeypatch.setattr(type(connections["default"]), "cursor", broken_cursor)
    response = client.get(reverse("health"))
    assert response.status_code == 500
    assert "database is gone" in next(iter(response.json().values()))


def test_the_health_endpoint_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(reverse("health")).status_code == 200
