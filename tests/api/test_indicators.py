"""Indicators, measurements and budget lines through the API: read with the pilot (live and as a
round froze them), and a measurement written with If-Match through the page's service."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext

from oogst.api.models import Scope
from oogst.pilots import services as pilot_services
from oogst.pilots.models import Indicator, Measurement, Pilot

from .conftest import as_key


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2025, 6, 1, 12, tzinfo=datetime.UTC), tick=False):
        yield


def url(pilot, indicator):
    return f"/api/v1/pilots/{pilot.slug}/indicatoren/{indicator.pk}/metingen"


def post(client, pilot, indicator, key, body, **headers):
    return client.post(url(pilot, indicator), body, content_type="application/json",
                       **as_key(key), **headers)  # fmt: skip


def test_the_pilot_carries_its_indicators_and_money(
    client, keys, alice, alices_pilot, flexwoningen
):
    pilot_services.add_measurement(
        actor=alice, indicator=flexwoningen,
        measurement=Measurement(value=Decimal(20), date=datetime.date(2025, 3, 1), source="BAG"),
    )  # fmt: skip
    body = client.get(f"/api/v1/pilots/{alices_pilot.slug}", **as_key(keys[Scope.READ_PUBLIC]))
    pilot = body.json()
    indicator = pilot["indicators"][0]
    assert indicator["_links"]["metingen"]["href"].endswith(url(alices_pilot, flexwoningen))
    assert indicator | {"measurements": None, "_links": None} == {
        "id": flexwoningen.pk, "name": "Flexwoningen gerealiseerd", "unit": "woningen",
        "direction": "hoger", "baseline": "0.00", "baselineDate": "2023-01-01",
        "target": "80.00", "progress": 25, "measurements": None, "_links": None,
        "streefdatum": {"text": "eind 2026", "start": "2026-10-01", "end": "2026-12-31",
                        "precision": indicator["streefdatum"]["precision"]},
    }  # fmt: skip
    assert indicator["measurements"][0]["value"] == "20.00"
    assert indicator["measurements"][0]["author"] is None  # no names for read-public keys
    assert pilot["budgetLines"][0] | {"id": None} == {
        "id": None, "description": "", "year": 2025, "begroot": "339225.00",
        "besteed": "100000.50", "fundingKind": "subsidie", "funder": "Rijk",
        "nature": "incidenteel",
    }  # fmt: skip


def test_a_page_of_pilots_with_figures_costs_fixed_queries(client, keys, alice, programma):
    key = as_key(keys[Scope.READ_ALL])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get("/api/v1/pilots", **key)
        return len(captured)

    def pilot_with_figures(n):
        pilot = Pilot.objects.create(name=f"Pilot {n}", programma=programma)
        indicator = Indicator.objects.create(pilot=pilot, name="Bereik")
        Measurement.objects.create(indicator=indicator, value=n, date=datetime.date(2025, 1, 1))

    for n in range(2):
        pilot_with_figures(n)
    queries()
    few = queries()
    for n in range(2, 20):
        pilot_with_figures(n)
    assert queries() == few


def test_a_frozen_round_reports_the_figures_as_they_were(
    client, alice, flexwoningen, published_round
):
    pilot_services.add_measurement(
        actor=alice, indicator=flexwoningen,
        measurement=Measurement(value=Decimal(60), date=datetime.date(2025, 5, 1)),
    )  # fmt: skip
    body = client.get(f"/api/v1/rapportagerondes/{published_round.slug}").json()
    snapshot = body["entries"][0]["snapshot"]
    assert snapshot["indicators"][0]["measurements"] == []  # frozen before the measurement
    assert snapshot["budgetLines"][0]["begroot"] == "339225.00"


@pytest.mark.parametrize(
    ("caller", "status"),
    [(None, 401), (Scope.READ_PUBLIC, 403), (Scope.READ_ALL, 403), (Scope.WRITE_UPDATES, 201)],
)
def test_only_a_write_key_adds_a_measurement(
    client, keys, alices_pilot, flexwoningen, caller, status
):
    response = post(
        client, alices_pilot, flexwoningen, keys.get(caller), {"date": "2025-05-01", "value": "30"},
        HTTP_IF_MATCH=f'"{alices_pilot.version}"',
    )  # fmt: skip
    assert response.status_code == status, response.content
    assert flexwoningen.measurements.count() == (1 if status == 201 else 0)
    readable = client.get(url(alices_pilot, flexwoningen), **as_key(keys.get(caller)))
    assert readable.status_code == (401 if caller is None else 200)


def test_a_measurement_needs_the_etag_and_keeps_the_page_rules(
    client, keys, alices_pilot, flexwoningen
):
    key = keys[Scope.WRITE_UPDATES]
    etag = f'"{alices_pilot.version}"'
    missing = post(client, alices_pilot, flexwoningen, key, {"date": "2025-05-01", "value": "30"})
    assert missing.status_code == 428
    # The model's own rules, as on the page: not before the baseline, not in the future.
    early = post(client, alices_pilot, flexwoningen, key, {"date": "2022-01-01", "value": "30"},
                 HTTP_IF_MATCH=etag)  # fmt: skip
    assert early.status_code == 400
    assert early.json()["invalidParams"][0]["name"] == "date"
    bad = post(client, alices_pilot, flexwoningen, key, {"date": "morgen", "value": "-1"},
               HTTP_IF_MATCH=etag)  # fmt: skip
    assert {p["name"] for p in bad.json()["invalidParams"]} == {"date", "value"}
    first = post(client, alices_pilot, flexwoningen, key, {"date": "2025-05-01", "value": "30"},
                 HTTP_IF_MATCH=etag)  # fmt: skip
    assert first.status_code == 201 and first["ETag"] == f'"{alices_pilot.version + 1}"'
    stale = post(client, alices_pilot, flexwoningen, key, {"date": "2025-05-02", "value": "31"},
                 HTTP_IF_MATCH=etag)  # fmt: skip
    assert stale.status_code == 412
    assert list(flexwoningen.measurements.values_list("value", flat=True)) == [Decimal(30)]
    entry = LogEntry.objects.get_for_object(flexwoningen.measurements.get()).get()
    assert str(entry.actor) == "PMsys (API)"


def test_an_indicator_of_another_pilot_is_not_found(client, keys, bobs_pilot, flexwoningen):
    response = client.get(url(bobs_pilot, flexwoningen), **as_key(keys[Scope.READ_PUBLIC]))
    assert response.status_code == 404
