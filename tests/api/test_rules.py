"""The NL API Design Rules as a client meets them: headers, errors, no trailing slashes,
lowerCamelCase, ISO dates, CORS and caching."""

import re

import pytest
from django.urls import reverse

from oogst.api.models import Scope

from .conftest import as_key


@pytest.fixture
def public_key(keys):
    return keys[Scope.READ_PUBLIC]


def test_it_lists_every_invalid_filter_in_one_400(client, public_key, alices_pilot):
    response = client.get(
        "/api/v1/pilots?fase=bestaat-niet&evaluatieIn=jaar&programma=x", **as_key(public_key)
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400 and body["title"] and body["detail"]
    assert {p["name"] for p in body["invalidParams"]} == {"fase", "evaluatieIn", "programma"}


def test_a_trailing_slash_is_a_404_problem_not_a_redirect(client, public_key):
    response = client.get("/api/v1/pilots/", **as_key(public_key))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response["API-Version"] == "1.0.0"
    assert response.json()["status"] == 404


def test_an_unknown_path_and_a_wrong_method_answer_as_problems(client, public_key):
    assert client.get("/api/v1/onbekend").json()["status"] == 404
    response = client.delete("/api/v1/pilots", **as_key(public_key))
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert "GET" in response["Allow"]


def test_properties_are_lower_camel_case_and_dates_iso(client, public_key, alices_pilot):
    body = client.get("/api/v1/pilots", **as_key(public_key)).json()
    pilot = body["results"][0]
    camel = re.compile(r"^(_links|[a-z][a-zA-Z0-9]*)$")

    def keys(value):
        if isinstance(value, dict):
            for key, inner in value.items():
                yield key
                yield from keys(inner)
        elif isinstance(value, list):
            for inner in value:
                yield from keys(inner)

    assert all(camel.match(k) for k in keys(body)), sorted(set(keys(body)))
    assert pilot["startdatum"] == {
        "text": "1 januari 2021",
        "start": "2021-01-01",
        "end": "2021-01-01",
        "precision": "day",
    }
    assert re.match(r"^\d{4}-\d{2}-\d{2}T", pilot["createdAt"])
    assert pilot["korteOmschrijving"].startswith("Schoolgerichte pilot.")


def test_public_reads_may_come_from_any_web_page_keyed_ones_not(client, keys, published_round):
    anonymous = client.get("/api/v1/rapportagerondes", HTTP_ORIGIN="https://raad.example.nl")
    assert anonymous["Access-Control-Allow-Origin"] == "*"
    assert "API-Version" in anonymous["Access-Control-Expose-Headers"]
    assert anonymous["Cache-Control"] == "public, max-age=300"
    keyed = client.get(
        "/api/v1/pilots", HTTP_ORIGIN="https://raad.example.nl", **as_key(keys[Scope.READ_ALL])
    )
    assert "Access-Control-Allow-Origin" not in keyed
    assert keyed["Cache-Control"] == "private, max-age=0, must-revalidate"
    assert "X-Api-Key" in keyed["Vary"]


def test_a_preflight_for_a_public_endpoint_is_answered(client, published_round):
    response = client.options(
        "/api/v1/rapportagerondes",
        HTTP_ORIGIN="https://raad.example.nl",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]


def test_the_openapi_document_is_public_and_by_the_rules(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["info"]["version"] == "1.0.0"
    assert document["servers"][0]["url"] == "/api/v1"
    assert "/rapportagerondes" in document["paths"] and "/moties" in document["paths"]
    assert not any(path.endswith("/") for path in document["paths"])


def test_the_documentation_page_loads_its_script_from_oogst_itself(client):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower() and "<script>" not in html


def test_a_failure_on_our_side_is_a_500_problem_and_logged(client, monkeypatch, caplog):
    from oogst.api import views

    def broken(self):
        raise RuntimeError("kapot")

    monkeypatch.setattr(views.RoundList, "get_queryset", broken)
    client.raise_request_exception = False
    response = client.get("/api/v1/rapportagerondes")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert response["API-Version"] == "1.0.0"
    assert "kapot" not in response.content.decode()  # no internals to the caller
    assert "kapot" in caplog.text
