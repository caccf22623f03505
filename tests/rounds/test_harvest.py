"""The harvest page (*Oogst*): outcomes, policy changes and lessons, counted by hand here."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from oogst.pilots.models import Lesson, Pilot, Portefeuille, Programma, Thema
from oogst.rounds import services
from oogst.rounds.models import Round

pytestmark = pytest.mark.django_db


def pilot(name, **fields):
    return Pilot.objects.create(name=name, **fields)


@pytest.fixture
def register(programma, portefeuille):
    wonen = Portefeuille.objects.create(name="Wonen")
    stad = Programma.objects.create(number=7, name="Inrichting van de stad")
    samenwerking = Thema.objects.create(name="samenwerking met partners")
    bereik = Thema.objects.create(name="bereik van de doelgroep")
    a = pilot(
        "Alfa",
        programma=programma,
        portefeuille=portefeuille,
        fase="afgerond",
        resultaat="geborgd",
        startdatum="2021",
        einddatum="2022",
        beleid_aanpassen="ja",
        beleid_aanpassen_toelichting="Wordt regulier beleid.",
        financieel_gevolg="ja",
        financieel_gevolg_toelichting="€ 50.000 per jaar structureel.",
    )
    pilot(
        "Bravo",
        programma=programma,
        fase="afgerond",
        resultaat="geborgd",
        startdatum="2023",
        einddatum="2024",
    )
    c = pilot(
        "Charlie",
        programma=stad,
        portefeuille=wonen,
        fase="afgerond",
        resultaat="gestopt",
        startdatum="2022",
        einddatum="4de kwartaal 2024",
        beleid_aanpassen="deels",
        financieel_gevolg="nee",
    )
    pilot(
        "Delta",
        programma=stad,
        portefeuille=wonen,
        fase="afgerond",
        startdatum="2024",
        einddatum="2025",
    )
    pilot(
        "Echo",
        programma=stad,
        fase="uitvoering",
        startdatum="2024",
        einddatum="onbekend",
        beleid_aanpassen="nee",
    )
    for target, kind, text, themes in [
        (a, "werkte", "Vaste contactpersoon.", [samenwerking]),
        (a, "aanbeveling", "Eerder de scholen betrekken.", [samenwerking, bereik]),
        (c, "werkte_niet", "Doelgroep niet bereikt.", [bereik]),
        (c, "werkte", "Zonder thema geleerd.", []),
    ]:
        lesson = Lesson.objects.create(pilot=target, kind=kind, text=text)
        lesson.themes.set(themes)


def get(client, **params):
    return client.get(reverse("rounds:harvest"), params).context["harvest"]


def test_the_outcomes_of_completed_pilots_are_counted(client, dave, register):
    client.force_login(dave)
    harvest = get(client)
    assert (harvest.pilots, harvest.completed) == (5, 4)
    assert [(o.value, o.count) for o in harvest.outcomes] == [
        ("geborgd", 2),
        ("voortgezet", 0),
        ("gestopt", 1),
        ("", 1),
    ]
    assert [p.name for p in harvest.outcomes[0].pilots] == ["Alfa", "Bravo"]


def test_policy_changes_come_with_their_financial_consequence(client, dave, register):
    client.force_login(dave)
    harvest = get(client)
    assert [p.name for p in harvest.policy_changes] == ["Alfa", "Charlie"]
    page = client.get(reverse("rounds:harvest")).content.decode()
    assert "€ 50.000 per jaar structureel." in page


def test_lessons_are_grouped_by_theme_with_their_pilot(client, dave, register):
    client.force_login(dave)
    groups = {
        g.theme: [(lesson.text, p.name) for lesson, p in g.lessons] for g in get(client).themes
    }
    assert list(groups) == ["bereik van de doelgroep", "samenwerking met partners", "Zonder thema"]
    assert groups["bereik van de doelgroep"] == [
        ("Doelgroep niet bereikt.", "Charlie"),
        ("Eerder de scholen betrekken.", "Alfa"),
    ]
    assert groups["samenwerking met partners"] == [
        ("Vaste contactpersoon.", "Alfa"),
        ("Eerder de scholen betrekken.", "Alfa"),
    ]


def test_filters_by_programme_portfolio_and_period(client, dave, register):
    client.force_login(dave)
    assert get(client, programma=7).pilots == 3
    assert get(client, portefeuille="Wonen").completed == 2
    # Pilots that ran in 2023: Bravo (2023-2024), Charlie (2022-2024), Echo starts 2024: no.
    in_2023 = get(client, van=2023, tot=2023)
    assert sorted(p.name for o in in_2023.outcomes for p in o.pilots) == ["Bravo", "Charlie"]
    assert in_2023.pilots == 2
    # Nonsense is ignored, not an error.
    assert get(client, van="gisteren", programma="x").pilots == 5


def test_the_chart_is_an_image_with_a_text_alternative_and_a_table(client, dave, register):
    client.force_login(dave)
    page = client.get(reverse("rounds:harvest")).content.decode()
    assert 'role="img" aria-labelledby="outcome-chart-title outcome-chart-desc"' in page
    assert (
        "Geborgd in regulier beleid: 2; Voortgezet of opgeschaald: 0; Gestopt: 1; "
        "Geen resultaat vastgelegd: 1</desc>"
    ) in page
    assert page.count("<rect") == 4


def test_the_query_count_does_not_grow_with_the_number_of_pilots(client, dave, register):
    client.force_login(dave)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("rounds:harvest")).status_code == 200
        return len(ctx.captured_queries)

    before = count()
    theme = Thema.objects.first()
    for i in range(6):
        extra = pilot(
            f"Extra {i}",
            fase="afgerond",
            resultaat="voortgezet",
            programma=Programma.objects.first(),
        )
        Lesson.objects.create(pilot=extra, kind="werkte", text="Ja.").themes.add(theme)
    assert count() == before


def test_the_public_sees_only_the_latest_published_round(client, carol, register):
    assert get(client).pilots == 0
    published = services.open_round(
        actor=carol,
        round=Round(
            name="Perspectiefnota 2026",
            kind="perspectiefnota",
            peildatum=datetime.date(2025, 3, 1),
            deadline=datetime.date(2025, 3, 21),
        ),
        pilots=Pilot.objects.filter(name__in=["Alfa", "Charlie"]),
    )
    services.freeze(actor=carol, round=published, force=True)
    services.publish(actor=carol, round=published)
    # Later edits and lessons are not published.
    Lesson.objects.create(pilot=Pilot.objects.get(name="Alfa"), kind="werkte", text="Geheim.")
    Pilot.objects.filter(name="Bravo").update(resultaat="gestopt")
    harvest = get(client)
    assert harvest.pilots == 2
    assert [(o.value, o.count) for o in harvest.outcomes] == [
        ("geborgd", 1),
        ("voortgezet", 0),
        ("gestopt", 1),
        ("", 0),
    ]
    page = client.get(reverse("rounds:harvest")).content.decode()
    assert "Vaste contactpersoon." in page
    assert "Geheim." not in page
    assert 'href="/pilots/' not in page


def test_long_lists_are_cut_with_a_count_and_a_way_to_see_everything(
    client, dave, register, monkeypatch
):
    from oogst.rounds import harvest as harvest_module

    monkeypatch.setattr(harvest_module, "LIST_LIMIT", 1)
    client.force_login(dave)
    harvest = get(client)
    geborgd = harvest.outcomes[0]
    assert (geborgd.count, [p.name for p in geborgd.pilots], geborgd.more) == (2, ["Alfa"], 1)
    assert harvest.shortened
    page = client.get(reverse("rounds:harvest")).content.decode()
    assert "en 1 meer" in page and "volledig=1" in page
    complete = get(client, volledig="1")
    assert [p.name for p in complete.outcomes[0].pilots] == ["Alfa", "Bravo"]
    assert not complete.shortened
