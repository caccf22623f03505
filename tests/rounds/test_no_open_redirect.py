"""A `next` parameter never sends anyone off the site."""

import pytest
from django.urls import reverse

from tests.rounds.conftest import entry_of

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "https:evil.example",
    "javascript:alert(1)",
    " https://evil.example/",
    "http://testserver@evil.example/",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_round_entry_forms_ignore_a_next_off_the_site(
    client, alice, spring_round, alices_pilot, payload
):
    client.force_login(alice)
    entry = entry_of(spring_round, alices_pilot)
    response = client.post(reverse("rounds:entry_mark_updated", args=[entry.pk]), {"next": payload})
    assert response.status_code == 302
    assert response["Location"] == spring_round.get_absolute_url()


def test_a_next_on_the_site_is_followed(client, alice, spring_round, alices_pilot):
    client.force_login(alice)
    entry = entry_of(spring_round, alices_pilot)
    response = client.post(
        reverse("rounds:entry_mark_updated", args=[entry.pk]), {"next": "/mijn-taken/"}
    )
    assert response["Location"] == "/mijn-taken/"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_login_ignores_a_next_off_the_site(client, alice, payload):
    response = client.post(
        reverse("login"),
        {"login": "alice", "password": "alice-password-123", "next": payload},
    )
    assert response.status_code == 302
    assert "evil" not in response["Location"] and not response["Location"].startswith("java")
