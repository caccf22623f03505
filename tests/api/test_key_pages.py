"""Erin (beheerder) issues a key per application, sees when it was last used, and revokes it."""

from django.urls import reverse

from oogst.api.models import ApiKey, hash_key
from tests.double_submit import token_in


def issue(client, application="begrotingsapp", scope="read_public"):
    """Send the form; follow to the page that shows the key once."""
    page = client.get(reverse("api_keys:create")).content.decode()
    return client.post(
        reverse("api_keys:create"),
        {"application": application, "scope": scope, "form_token": token_in(page)},
        follow=True,
    )


def test_the_key_is_shown_once_and_stored_only_as_a_hash(client, erin):
    client.force_login(erin)
    response = issue(client)
    assert response.status_code == 200
    raw = response.context["raw"]
    assert raw in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    key = ApiKey.objects.get()
    # Shown once: the page again (a reload, a second send) no longer holds it.
    again = client.get(reverse("api_keys:issued", kwargs={"pk": key.pk}))
    assert raw not in again.content.decode()
    assert key.key_hash == hash_key(raw) and raw not in (key.key_hash, key.key_start)
    listing = client.get(reverse("api_keys:list")).content.decode()
    assert "begrotingsapp" in listing and raw not in listing
    assert "nooit" in listing  # never used yet


def test_the_list_shows_when_a_key_was_last_used(client, erin):
    client.force_login(erin)
    raw = issue(client).context["raw"]
    client.get("/api/v1/pilots", HTTP_X_API_KEY=raw)
    assert ApiKey.objects.get().last_used_at is not None
    assert "nooit" not in client.get(reverse("api_keys:list")).content.decode()


def test_revoking_asks_first_and_then_the_key_stops_working(client, erin):
    client.force_login(erin)
    raw = issue(client).context["raw"]
    key = ApiKey.objects.get()
    url = reverse("api_keys:revoke", kwargs={"pk": key.pk})
    assert "Sleutel intrekken" in client.get(url).content.decode()
    client.post(url)  # no confirmation: nothing happens
    key.refresh_from_db()
    assert key.is_active
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    key.refresh_from_db()
    assert not key.is_active and key.revoked_by == erin
    assert client.get("/api/v1/pilots", HTTP_X_API_KEY=raw).status_code == 401


def test_only_the_beheerder_manages_keys(client, carol, alice):
    for user in (carol, alice):
        client.force_login(user)
        assert client.get(reverse("api_keys:list")).status_code == 403
        assert client.get(reverse("api_keys:create")).status_code == 403


def test_issuing_revoking_and_unknown_keys_are_in_the_security_log(client, erin, caplog):
    client.force_login(erin)
    with caplog.at_level("INFO", logger="oogst.security"):
        raw = issue(client).context["raw"]
        key = ApiKey.objects.get()
        client.post(reverse("api_keys:revoke", kwargs={"pk": key.pk}), {"confirm": "yes"})
        client.get("/api/v1/pilots", HTTP_X_API_KEY=raw)
    events = [(r.security_event["action"], r.security_event["result"]) for r in caplog.records
              if hasattr(r, "security_event")]  # fmt: skip
    assert ("api_key_issued", "success") in events
    assert ("api_key_revoked", "success") in events
    assert ("api_auth", "failure") in events
    assert raw not in caplog.text
