"""Every endpoint, asked anonymously and with each key scope: who gets what."""

import pytest
from django.urls import reverse

from oogst.api.models import Scope
from oogst.motions.models import Motion
from oogst.participants import services as participant_services

from .conftest import as_key

CALLERS = ["anonymous", Scope.READ_PUBLIC, Scope.READ_ALL, Scope.WRITE_UPDATES]


@pytest.fixture
def world(keys, alices_pilot, partner, published_round, concept_round, flexwoningen):
    motion = Motion.objects.create(nummer="2411-62", titel="Statushouders")
    motion.pilots.add(alices_pilot)
    participant_services.set_up_monitor(
        pilot=alices_pilot, partner=partner, code_prefix="DB", target=10
    )
    return {
        "keys": {"anonymous": None, **keys},
        "pilot": alices_pilot,
        "published": published_round,
        "concept": concept_round,
        "motion": motion,
        "indicator": flexwoningen,
    }


# (url name, kwargs from the world, {caller: expected status})
GETS = [
    ("api:openapi", {}, {c: 200 for c in CALLERS}),
    ("api:docs", {}, {c: 200 for c in CALLERS}),
    ("api:pilots", {}, {"anonymous": 401} | {c: 200 for c in CALLERS[1:]}),
    ("api:pilot", {"pilot": "pilot"}, {"anonymous": 401} | {c: 200 for c in CALLERS[1:]}),
    (
        "api:pilot_updates",
        {"pilot": "pilot"},
        {"anonymous": 401} | {c: 200 for c in CALLERS[1:]},
    ),
    (
        "api:indicator_measurements",
        {"pilot": "pilot", "indicator": "indicator"},
        {"anonymous": 401} | {c: 200 for c in CALLERS[1:]},
    ),
    (
        "api:pilot_figures",
        {"pilot": "pilot"},
        {"anonymous": 401, Scope.READ_PUBLIC: 403, Scope.READ_ALL: 200, Scope.WRITE_UPDATES: 200},
    ),
    ("api:rounds", {}, {c: 200 for c in CALLERS}),
    ("api:round", {"slug": "published"}, {c: 200 for c in CALLERS}),
    (
        "api:round",
        {"slug": "concept"},
        {"anonymous": 404, Scope.READ_PUBLIC: 404, Scope.READ_ALL: 200, Scope.WRITE_UPDATES: 200},
    ),
    ("api:motions", {}, {"anonymous": 401} | {c: 200 for c in CALLERS[1:]}),
    ("api:motion", {"nummer": "motion"}, {"anonymous": 401} | {c: 200 for c in CALLERS[1:]}),
]


def _kwargs(world, spec):
    values = {
        "pilot": world["pilot"].slug,
        "published": world["published"].slug,
        "concept": world["concept"].slug,
        "motion": world["motion"].nummer,
        "indicator": world["indicator"].pk,
    }
    return {name: values[ref] for name, ref in spec.items()}


@pytest.mark.parametrize("caller", CALLERS)
def test_each_caller_reads_exactly_what_its_scope_allows(client, world, caller):
    found, expected = {}, {}
    for name, spec, allowed in GETS:
        url = reverse(name, kwargs=_kwargs(world, spec))
        response = client.get(url, **as_key(world["keys"][caller]))
        found[url] = response.status_code
        expected[url] = allowed[caller]
        assert response["API-Version"] == "1.0.0"
        if response.status_code >= 400:
            assert response["Content-Type"] == "application/problem+json"
            body = response.json()
            assert body["status"] == response.status_code and body["title"] and body["detail"]
    assert found == expected


@pytest.mark.parametrize(
    ("caller", "status"),
    [
        ("anonymous", 401),
        (Scope.READ_PUBLIC, 403),
        (Scope.READ_ALL, 403),
        (Scope.WRITE_UPDATES, 201),
    ],
)
def test_only_a_write_key_adds_a_progress_update(client, world, caller, status):
    pilot = world["pilot"]
    response = client.post(
        reverse("api:pilot_updates", kwargs={"pilot": pilot.slug}),
        {"date": "2025-06-01", "text": "Tweede school doet mee."},
        content_type="application/json",
        HTTP_IF_MATCH=f'"{pilot.version}"',
        **as_key(world["keys"][caller]),
    )
    assert response.status_code == status, response.content
    assert pilot.status_updates.count() == (1 if status == 201 else 0)


def test_a_revoked_or_unknown_key_is_refused_with_401(client, world, erin):
    from oogst.api import services
    from oogst.api.models import ApiKey

    key = ApiKey.objects.get(application="begrotingsapp")
    services.revoke_key(actor=erin, key=key, confirmed=True)
    for raw in (world["keys"][Scope.READ_PUBLIC], "oogst_not-a-key", "something"):
        response = client.get(reverse("api:pilots"), HTTP_X_API_KEY=raw)
        assert response.status_code == 401
        assert response["WWW-Authenticate"]
