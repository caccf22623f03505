"""PMsys writes progress updates: with the pilot's ETag in If-Match, through the page's service."""

import pytest
from auditlog.models import LogEntry

from oogst.api.models import Scope
from oogst.pilots.models import StatusUpdate

from .conftest import as_key


@pytest.fixture
def pmsys(keys):
    return as_key(keys[Scope.WRITE_UPDATES])


def post(client, pilot, key, body, **headers):
    return client.post(
        f"/api/v1/pilots/{pilot.slug}/voortgang", body, content_type="application/json",
        **key, **headers,
    )  # fmt: skip


def test_it_reads_the_etag_and_writes_with_it(client, pmsys, alices_pilot):
    read = client.get(f"/api/v1/pilots/{alices_pilot.slug}", **pmsys)
    etag = read["ETag"]
    assert etag == f'"{alices_pilot.version}"'
    response = post(
        client, alices_pilot, pmsys, {"date": "2025-06-01", "title": "Juni", "text": "Loopt."},
        HTTP_IF_MATCH=etag,
    )  # fmt: skip
    assert response.status_code == 201
    assert response["ETag"] == f'"{alices_pilot.version + 1}"'
    assert response["Location"].endswith(f"/api/v1/pilots/{alices_pilot.slug}")
    assert response.json()["text"] == "Loopt."
    assert client.get(f"/api/v1/pilots/{alices_pilot.pk}", **pmsys)["ETag"] == response["ETag"]


def test_without_if_match_it_is_428_and_nothing_is_written(client, pmsys, alices_pilot):
    response = post(client, alices_pilot, pmsys, {"date": "2025-06-01", "text": "Loopt."})
    assert response.status_code == 428
    assert response["Content-Type"] == "application/problem+json"
    assert not StatusUpdate.objects.exists()


def test_a_stale_etag_is_412_and_the_first_write_stays(client, pmsys, alices_pilot):
    etag = f'"{alices_pilot.version}"'
    first = post(client, alices_pilot, pmsys, {"date": "2025-06-01", "text": "Eerste."},
                 HTTP_IF_MATCH=etag)  # fmt: skip
    second = post(client, alices_pilot, pmsys, {"date": "2025-06-02", "text": "Tweede."},
                  HTTP_IF_MATCH=etag)  # fmt: skip
    assert (first.status_code, second.status_code) == (201, 412)
    assert second.json()["status"] == 412
    assert list(StatusUpdate.objects.values_list("text", flat=True)) == ["Eerste."]


def test_every_invalid_field_is_listed(client, pmsys, alices_pilot):
    response = post(
        client, alices_pilot, pmsys, {"date": "morgen", "title": "x" * 201},
        HTTP_IF_MATCH=f'"{alices_pilot.version}"',
    )  # fmt: skip
    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {"date", "title", "text"}
    assert not StatusUpdate.objects.exists()


def test_the_history_names_the_application(client, pmsys, alices_pilot):
    post(client, alices_pilot, pmsys, {"date": "2025-06-01", "text": "Loopt."},
         HTTP_IF_MATCH=f'"{alices_pilot.version}"')  # fmt: skip
    update = StatusUpdate.objects.get()
    entry = LogEntry.objects.get_for_object(update).get()
    assert str(entry.actor) == "PMsys (API)"
    assert str(update.author) == "PMsys (API)"
    # The same service as the page: the update is searchable at once.
    found = client.get("/api/v1/pilots?q=loopt", **pmsys).json()
    assert [p["slug"] for p in found["results"]] == [alices_pilot.slug]


def test_the_application_account_cannot_sign_in(client, keys):
    from oogst.api.models import ApiKey

    account = ApiKey.objects.get(application="PMsys").actor
    assert not account.is_active and not account.has_usable_password()
