"""The register overview: filters, full-text search, sorting on meant dates, fixed query count."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from oogst.pilots.models import Pilot, Portefeuille, Programma, StatusUpdate

pytestmark = pytest.mark.django_db


def names(response):
    return [p.name for p in response.context["page"].object_list]


@pytest.fixture
def register(alice, programma, portefeuille):
    wonen = Portefeuille.objects.create(name="Wonen")
    stad = Programma.objects.create(number=7, name="Inrichting van de stad")
    Pilot.objects.create(
        name="Flexwonen",
        programma=stad,
        portefeuille=wonen,
        fase="uitvoering",
        startdatum="20 december 2021",
        evaluatiemoment="2x per jaar",
        succesvol="nog_niet_bekend",
        doel="Ca. 80 flexwoningen",
    )
    Pilot.objects.create(
        name="IPTA",
        programma=programma,
        portefeuille=portefeuille,
        fase="uitvoering",
        startdatum="2018",
        evaluatiemoment="jaarlijks",
        succesvol="ja",
        korte_omschrijving="Coaching van jongeren",
    )
    Pilot.objects.create(
        name="Social hub",
        programma=programma,
        fase="verkenning",
        startdatum="1 jan 2024",
        evaluatiemoment="Derde kwartaal 2025",
    )
    Pilot.objects.create(
        name="Buurtvervoer",
        programma=stad,
        fase="voorbereiding",
        startdatum="15 april 2024",
        evaluatiemoment="Nader te bepalen",
    )


def test_the_register_lists_every_pilot(client, alice, register):
    client.force_login(alice)
    response = client.get(reverse("pilots:register"))
    assert names(response) == ["Buurtvervoer", "Flexwonen", "IPTA", "Social hub"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"fase": "uitvoering"}, ["Flexwonen", "IPTA"]),
        ({"succesvol": "ja"}, ["IPTA"]),
        ({"succesvol": "leeg"}, ["Buurtvervoer", "Social hub"]),
        ({"q": "flexwoningen"}, ["Flexwonen"]),
        ({"q": "COACHING jongeren"}, ["IPTA"]),
        ({"evaluatie_in": "2025"}, ["Social hub"]),
    ],
)
def test_the_register_filters(client, alice, register, params, expected):
    client.force_login(alice)
    assert names(client.get(reverse("pilots:register"), params)) == expected


def test_the_register_filters_on_programme_and_portfolio(client, alice, register):
    client.force_login(alice)
    stad = Programma.objects.get(number=7)
    wonen = Portefeuille.objects.get(name="Wonen")
    assert names(client.get(reverse("pilots:register"), {"programma": stad.pk})) == [
        "Buurtvervoer",
        "Flexwonen",
    ]
    assert names(client.get(reverse("pilots:register"), {"portefeuille": wonen.pk})) == [
        "Flexwonen"
    ]


def test_search_finds_words_in_status_updates(client, alice, register):
    from oogst.pilots import services

    pilot = Pilot.objects.get(name="Social hub")
    services.add_status_update(
        actor=alice, pilot=pilot, update=StatusUpdate(text="Locatie gevonden in Meerzicht")
    )
    client.force_login(alice)
    assert names(client.get(reverse("pilots:register"), {"q": "meerzicht"})) == ["Social hub"]


def test_sorting_by_start_date_uses_the_meant_date_and_puts_unknown_last(client, alice, register):
    Pilot.objects.create(name="Onbekend begin", startdatum="onbekend")
    client.force_login(alice)
    assert names(client.get(reverse("pilots:register"), {"sort": "start"})) == [
        "IPTA",
        "Flexwonen",
        "Social hub",
        "Buurtvervoer",
        "Onbekend begin",
    ]


def test_invalid_filter_values_are_ignored_not_an_error(client, alice, register):
    client.force_login(alice)
    response = client.get(reverse("pilots:register"), {"programma": "abc", "pagina": "zzz"})
    assert response.status_code == 200


def test_the_query_count_does_not_grow_with_the_number_of_pilots(
    client, alice, programma, portefeuille
):
    client.force_login(alice)

    def count_queries():
        cache.clear()  # the menu's signal count is cached: count its queries every time
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("pilots:register")).status_code == 200
        return len(ctx.captured_queries)

    Pilot.objects.bulk_create(
        Pilot(
            name=f"Pilot {i}",
            slug=f"pilot-{i}",
            programma=programma,
            portefeuille=portefeuille,
            owner=alice,
        )
        for i in range(5)
    )
    few = count_queries()
    Pilot.objects.bulk_create(
        Pilot(
            name=f"Pilot {i}",
            slug=f"pilot-{i}",
            programma=programma,
            portefeuille=portefeuille,
            owner=alice,
        )
        for i in range(5, 120)
    )
    assert count_queries() == few


def test_a_search_page_with_passages_does_not_query_per_row(client, alice, programma):
    client.force_login(alice)

    def count_queries():
        cache.clear()  # the menu's signal count is cached: count its queries every time
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(reverse("pilots:register"), {"q": "woningen"})
            assert response.status_code == 200
        return len(ctx.captured_queries), response.content.decode().count("<mark>")

    for i in range(3):
        Pilot.objects.create(name=f"Pilot {i}", doel="Meer woningen bouwen.", owner=alice)
    few, marks = count_queries()
    assert marks == 3  # every row shows its matching passage
    for i in range(3, 40):
        Pilot.objects.create(name=f"Pilot {i}", doel="Meer woningen bouwen.", owner=alice)
    assert count_queries() == (few, 40)
