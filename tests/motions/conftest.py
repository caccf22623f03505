import pytest

from oogst.accounts.models import Role, User
from oogst.motions.models import Afdoeningsronde, Motion


@pytest.fixture
def gina(db):
    """Gina works at the griffie."""
    return User.objects.create_user("gina", first_name="Gina", role=Role.GRIFFIE)


@pytest.fixture
def motion(portefeuille):
    return Motion.objects.create(
        nummer="2411-62",
        titel="Samen bouwen aan een nieuwe toekomst",
        deadline="voor 1 juni 2025",
        portefeuille=portefeuille,
    )


@pytest.fixture
def ronde(db):
    import datetime

    return Afdoeningsronde.objects.create(
        name="Afdoening moties juli 2025", date=datetime.date(2025, 7, 3)
    )
