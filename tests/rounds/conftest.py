import datetime

import pytest

from oogst.accounts.models import Role, User
from oogst.rounds import services
from oogst.rounds.models import Round


@pytest.fixture
def frank(db):
    """A second coordinator, who also owns a pilot."""
    return User.objects.create_user(
        "frank", first_name="Frank", role=Role.COORDINATOR, email="frank@example.org"
    )


@pytest.fixture
def spring_round(carol, alices_pilot, bobs_pilot):
    return services.open_round(
        actor=carol,
        round=Round(
            name="Perspectiefnota 2026",
            kind="perspectiefnota",
            peildatum=datetime.date(2025, 3, 1),
            deadline=datetime.date(2025, 3, 21),
        ),
    )


def entry_of(round, pilot):
    return round.entries.get(pilot=pilot)
