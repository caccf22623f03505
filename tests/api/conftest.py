"""The API's cast: one key per scope, issued by Erin (beheerder), plus nobody."""

import datetime

import pytest

from oogst.api import services as key_services
from oogst.api.models import Scope
from oogst.rounds import services as round_services
from oogst.rounds.models import Round


@pytest.fixture
def keys(erin):
    """{scope: raw key}: the begrotingsapp reads public data, the raadsinformatiesysteem
    reads all, PMsys writes progress updates."""
    return {
        scope: key_services.issue_key(actor=erin, application=name, scope=scope)[1]
        for scope, name in (
            (Scope.READ_PUBLIC, "begrotingsapp"),
            (Scope.READ_ALL, "raadsinformatiesysteem"),
            (Scope.WRITE_UPDATES, "PMsys"),
        )
    }


def as_key(raw):
    return {"HTTP_X_API_KEY": raw} if raw else {}


@pytest.fixture
def published_round(carol, alices_pilot):
    round = round_services.open_round(
        actor=carol,
        round=Round(
            name="Perspectiefnota 2025",
            kind="perspectiefnota",
            peildatum=datetime.date(2025, 3, 1),
            deadline=datetime.date(2025, 3, 20),
        ),
    )
    round_services.freeze(actor=carol, round=round, force=True)
    round_services.publish(actor=carol, round=round)
    return round


@pytest.fixture
def concept_round(carol, alices_pilot):
    return round_services.open_round(
        actor=carol,
        round=Round(
            name="Programmabegroting 2026",
            kind="programmabegroting",
            peildatum=datetime.date(2025, 9, 1),
            deadline=datetime.date(2025, 9, 20),
        ),
    )
