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


@pytest.fixture
def flexwoningen(alice, alices_pilot):
    """Alice's pilot counts flexwoningen: 0 at the start of 2023, 80 by the end of 2026."""
    from decimal import Decimal

    from oogst.pilots import services as pilot_services
    from oogst.pilots.models import BudgetLine, Indicator

    pilot_services.save_budget_line(
        actor=alice,
        pilot=alices_pilot,
        line=BudgetLine(
            funding_kind="subsidie", funder="Rijk", nature="incidenteel", year=2025,
            begroot=Decimal("339225.00"), besteed=Decimal("100000.50"),
        ),
    )  # fmt: skip
    return pilot_services.save_indicator(
        actor=alice,
        pilot=alices_pilot,
        indicator=Indicator(
            name="Flexwoningen gerealiseerd", unit="woningen", baseline=Decimal(0),
            baseline_date=datetime.date(2023, 1, 1), target=Decimal(80), target_date="eind 2026",
        ),
    )  # fmt: skip
