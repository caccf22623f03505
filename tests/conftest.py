"""The cast: Alice and Bob own pilots, Carol coordinates, Dave reads, Erin administers."""

import pytest

from oogst.accounts.models import Role, User
from oogst.pilots.models import Partner, Pilot, Portefeuille, Programma


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts logins per address in the cache; every test starts from zero."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def dutch_by_default():
    """A request in English leaves English active in the process; the next test starts Dutch."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def alice(db):
    return User.objects.create_user(
        "alice",
        first_name="Alice",
        last_name="Aalbers",
        role=Role.EIGENAAR,
        password="alice-password-123",
    )


@pytest.fixture
def bob(db):
    return User.objects.create_user(
        "bob", first_name="Bob", last_name="Bakker", role=Role.EIGENAAR, password="bob-password-123"
    )


@pytest.fixture
def carol(db):
    return User.objects.create_user("carol", first_name="Carol", role=Role.COORDINATOR)


@pytest.fixture
def dave(db):
    return User.objects.create_user("dave", first_name="Dave", role=Role.LEZER)


@pytest.fixture
def erin(db):
    return User.objects.create_user("erin", first_name="Erin", role=Role.BEHEERDER)


@pytest.fixture
def programma(db):
    return Programma.objects.create(number=5, name="Veiligheid")


@pytest.fixture
def portefeuille(db):
    return Portefeuille.objects.create(
        name="Openbare orde en Veiligheid", portefeuillehouder="Burgemeester"
    )


@pytest.fixture
def partner(db):
    return Partner.objects.create(name="RIEC")


@pytest.fixture
def alices_pilot(alice, programma, portefeuille):
    return Pilot.objects.create(
        name="Dealbreakers",
        programma=programma,
        portefeuille=portefeuille,
        owner=alice,
        korte_omschrijving="Schoolgerichte pilot.\n\nMet € 200.000 financiële steun.",
        doel="Voorkomen van jonge aanwas in criminaliteit.",
        startdatum="1 januari 2021",
        einddatum="31 december 2024",
        evaluatiemoment="Jaarlijks",
        fase="uitvoering",
    )


@pytest.fixture
def bobs_pilot(bob, programma):
    return Pilot.objects.create(
        name="Woonoverlast",
        programma=programma,
        owner=bob,
        startdatum="September 2020",
        fase="evaluatie",
    )


def pilot_form_data(pilot, **changes):
    """What the edit form posts for `pilot`, with `changes` applied."""
    data = {
        "name": pilot.name,
        "korte_omschrijving": pilot.korte_omschrijving,
        "programma": pilot.programma_id or "",
        "portefeuille": pilot.portefeuille_id or "",
        "doel": pilot.doel,
        "startdatum": pilot.startdatum,
        "einddatum": pilot.einddatum,
        "evaluatiemoment": pilot.evaluatiemoment,
        "uitkomst_evaluatie": pilot.uitkomst_evaluatie,
        "succesvol": pilot.succesvol,
        "succesvol_toelichting": pilot.succesvol_toelichting,
        "beleid_aanpassen": pilot.beleid_aanpassen,
        "beleid_aanpassen_toelichting": pilot.beleid_aanpassen_toelichting,
        "financieel_gevolg": pilot.financieel_gevolg,
        "financieel_gevolg_toelichting": pilot.financieel_gevolg_toelichting,
        "bestuurlijk_gerapporteerd": pilot.bestuurlijk_gerapporteerd,
        "fase": pilot.fase,
        "resultaat": pilot.resultaat,
        "aanleiding_soort": pilot.aanleiding_soort,
        "motienummers": pilot.motienummers,
        "aanleiding_toelichting": pilot.aanleiding_toelichting,
        "partners": [p.pk for p in pilot.partners.all()],
        "owner": pilot.owner_id or "",
        "target_participants": pilot.target_participants or "",
        "budget": pilot.budget or "",
        "funding_ends": pilot.funding_ends or "",
        "version": pilot.version,
        "reason": "",
    }
    data.update(changes)
    return data
