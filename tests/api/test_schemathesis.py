"""schemathesis against the app in-process: requests generated from the OpenAPI document, for
every operation, anonymously and with a write key. No 5xx; every response, error or not,
matches the document (status, content type, headers, body)."""

import datetime

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from oogst.api.models import Scope
from oogst.motions.models import Motion
from oogst.participants import services as participant_services
from oogst.participants.models import Participant
from oogst.wsgi import application

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
CASES = {"count": 0}


@pytest.fixture
def world(db, keys, alices_pilot, partner, published_round, concept_round, flexwoningen):
    motion = Motion.objects.create(nummer="2411-62", titel="Statushouders")
    motion.pilots.add(alices_pilot)
    monitor = participant_services.set_up_monitor(
        pilot=alices_pilot, partner=partner, code_prefix="DB", target=20
    )
    for _ in range(12):
        Participant.objects.create(
            monitor=monitor, code=monitor.new_code(), start_date=datetime.date(2025, 1, 6)
        )
    known = {
        "pilot": alices_pilot.slug,
        "slug": published_round.slug,
        "concept": concept_round.slug,
        "nummer": motion.nummer,
        "indicator": flexwoningen.pk,
    }
    # On PostgreSQL Django closes the connection when a request starts and ends; in-process
    # that is the test's own connection, inside its transaction (the test client does the same).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield keys, known
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_the_api_keeps_to_its_document(world, capsys):
    keys, known = world
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 11
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def keeps_to_it(case):
            # Each generated request twice: without a key, and with the widest one.
            for headers in ({}, {"X-Api-Key": keys[Scope.WRITE_UPDATES]}):
                CASES["count"] += 1
                case.call_and_validate(headers=headers, checks=CHECKS)

        keeps_to_it()
        # Generated path parameters rarely name a real pilot or round: ask for the real ones
        # too, per scope, so that full answers (not only 404s) are checked against the document.
        names = [p["name"] for p in operation.definition.raw.get("parameters", [])
                 if p.get("in") == "path"]  # fmt: skip
        for values in ({n: known[n] for n in names}, {"slug": known["concept"]}):
            if names and set(values) != set(names):
                continue
            for scope in (None, *Scope):
                headers = {"X-Api-Key": keys[scope]} if scope else {}
                extra = {}
                if operation.method.upper() == "POST":
                    headers["If-Match"] = '"1"'
                    extra = {
                        "body": {"date": "2025-06-01", "text": "Loopt.", "value": "12"},
                        "media_type": "application/json",
                    }
                case = operation.Case(
                    path_parameters=values if names else {}, headers=headers, **extra
                )
                CASES["count"] += 1
                case.call_and_validate(checks=CHECKS)
    with capsys.disabled():
        print(f"\nschemathesis: {CASES['count']} requests on {len(operations)} operations, no 5xx")
