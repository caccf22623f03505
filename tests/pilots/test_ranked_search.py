"""Search that ranks: Dutch stemming, best match first, the passage highlighted and escaped.

The same fixed corpus and the same expected answers run on SQLite (FTS5 with Snowball's
Dutch stemmer) and on PostgreSQL (the `dutch` text search configuration): CI runs this file
on both, so both engines must give identical results.
"""

import pytest
from django.urls import reverse

from oogst.motions.models import Motion
from oogst.motions.services import refresh_pilot_search
from oogst.pilots import services
from oogst.pilots.models import Lesson, Pilot, StatusUpdate
from oogst.pilots.search import highlight, search_pilots

pytestmark = pytest.mark.django_db


def found(text):
    return [p.name for p in search_pilots(Pilot.objects.all(), text)]


@pytest.fixture
def corpus(alice):
    woning = Pilot.objects.create(
        name="Woning delen",
        korte_omschrijving="Ouderen delen hun woning met een student.",
        fase="uitvoering",
    )
    flex = Pilot.objects.create(
        name="Flexwonen Oost",
        korte_omschrijving="Tijdelijke woningen voor spoedzoekers en statushouders.",
        doel="Tachtig woningen in twee jaar.",
        fase="uitvoering",
    )
    Pilot.objects.create(
        name="Buurtvervoer",
        korte_omschrijving="Vrijwilligers rijden ouderen naar de huisarts.",
        uitkomst_evaluatie="Minder eenzaamheid; de woning uit komen helpt.",
        fase="evaluatie",
    )
    Pilot.objects.create(name="Groene daken", korte_omschrijving="Sedum op platte daken.")
    services.add_status_update(
        actor=alice,
        pilot=flex,
        update=StatusUpdate(text="De vergunning voor de locatie aan de Meerzichtlaan is rond."),
    )
    Lesson.objects.create(pilot=woning, kind="werkte", text="Samenwerking met corporaties.")
    from oogst.pilots.search import refresh

    refresh(woning)
    return woning, flex


def test_a_plural_finds_the_singular_and_back(corpus):
    # "woningen" and "woning" share the stem "woning": every pilot with either matches.
    assert set(found("woningen")) == {"Woning delen", "Flexwonen Oost", "Buurtvervoer"}
    assert set(found("woning")) == set(found("woningen"))


def test_a_match_in_the_name_ranks_above_the_description_above_the_evaluation(corpus):
    assert found("woning") == ["Woning delen", "Flexwonen Oost", "Buurtvervoer"]


def test_every_word_must_match_and_stop_words_are_ignored(corpus):
    assert found("ouderen huisarts") == ["Buurtvervoer"]
    assert found("de ouderen en de huisarts") == ["Buurtvervoer"]
    assert found("ouderen sedum") == []


def test_progress_updates_lessons_and_motions_are_searched(corpus):
    woning, flex = corpus
    assert found("Meerzichtlaan") == ["Flexwonen Oost"]
    assert found("corporaties") == ["Woning delen"]
    motion = Motion.objects.create(nummer="2411-62", titel="Huisvesting van statushouders")
    motion.pilots.add(woning)
    refresh_pilot_search([woning.pk])
    assert found("huisvesting") == ["Woning delen"]


def test_an_edit_of_the_pilot_is_found_at_once(corpus):
    woning, _flex = corpus
    woning.doel = "Minder eenzaamheid bij senioren"
    woning.save()
    assert found("senioren") == ["Woning delen"]
    woning.delete()
    assert found("senioren") == []


def test_punctuation_and_query_syntax_are_plain_words(corpus):
    assert found('woning" OR "daken') == []
    assert found("NEAR(woning*)") == []
    assert found("???") == []


def test_the_passage_is_highlighted(corpus):
    _woning, flex = corpus
    flex.refresh_from_db()
    passage = highlight(flex, "statushouder")
    assert "<mark>statushouders</mark>" in passage
    assert passage.startswith("Tijdelijke woningen")


def test_highlighting_escapes_html(alice):
    pilot = Pilot.objects.create(
        name="Scripts", korte_omschrijving='Een <script>alert("x")</script> in de woning & tuin.'
    )
    passage = highlight(pilot, "woningen")
    assert "<script>" not in passage
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in passage
    assert "<mark>woning</mark> &amp; tuin" in passage


def test_the_register_shows_the_best_match_first_with_its_passage(client, alice, corpus):
    client.force_login(alice)
    response = client.get(reverse("pilots:register"), {"q": "woningen"})
    assert [p.name for p in response.context["page"].object_list] == [
        "Woning delen",
        "Flexwonen Oost",
        "Buurtvervoer",
    ]
    assert "<mark>woningen</mark>" in response.content.decode()
    # The order chooser says the results are ranked, not sorted by name.
    sort = response.context["form"]["sort"]
    assert sort.value() in (None, "")
    assert '<option value="" selected>' in str(sort)
    # The filters narrow the search.
    response = client.get(reverse("pilots:register"), {"q": "woningen", "fase": "evaluatie"})
    assert [p.name for p in response.context["page"].object_list] == ["Buurtvervoer"]
    # A chosen order still wins over the ranking.
    response = client.get(reverse("pilots:register"), {"q": "woningen", "sort": "name"})
    assert [p.name for p in response.context["page"].object_list] == [
        "Buurtvervoer",
        "Flexwonen Oost",
        "Woning delen",
    ]


def test_a_common_word_is_searched_on_the_index_and_the_setting_ends_with_the_search(corpus):
    """A word in half the pilots tempts PostgreSQL into testing every pilot's vector; inside
    `index_preferred` the plan reads an index, and afterwards plans are as before.
    SQLite always searches its FTS5 table."""
    from django.db import connection

    from oogst.pilots.search import index_preferred

    query = search_pilots(Pilot.objects.all(), "woningen")
    sql, params = query.query.sql_with_params()
    work_mem = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW work_mem")
            work_mem = cursor.fetchone()[0]

    def plan():
        explain = "EXPLAIN" if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN"
        with connection.cursor() as cursor:
            cursor.execute(f"{explain} {sql}", params)
            return " ".join(str(row) for row in cursor.fetchall())

    with index_preferred():
        inside = plan()
        names = [p.name for p in query]
    assert names == found("woningen")  # the same answer, best first
    if connection.vendor == "postgresql":
        # Which index a tiny corpus reads is the planner's choice; that it reads no table
        # through is what keeps a common word fast at 20,000 pilots (README figures).
        assert "Seq Scan" not in inside, inside
        with connection.cursor() as cursor:
            cursor.execute("SHOW enable_seqscan")
            assert cursor.fetchone()[0] == "on"
            cursor.execute("SHOW work_mem")
            assert cursor.fetchone()[0] == work_mem
    else:
        assert "pilots_search VIRTUAL TABLE INDEX" in inside


def test_a_deleted_pilot_leaves_nothing_in_the_search_index(corpus):
    """PostgreSQL keeps the vectors in `pilots_search`, SQLite in its FTS5 table: a pilot
    that is deleted (or all of them, at once) takes its searchable text with it."""
    from django.db import connection

    from oogst.pilots.search import FTS_TABLE

    key = "pilot_id" if connection.vendor == "postgresql" else "rowid"
    woning, _flex = corpus

    def indexed():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {key} FROM {FTS_TABLE} ORDER BY {key}")
            return [row[0] for row in cursor.fetchall()]

    assert indexed() == sorted(Pilot.objects.values_list("pk", flat=True))
    woning.delete()
    assert woning.pk not in indexed()
    assert found("woningen") == ["Flexwonen Oost", "Buurtvervoer"]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # Django defers FK checks
            cursor.execute("TRUNCATE pilots_pilot CASCADE")
        assert indexed() == []


def test_a_page_of_results_has_the_ranked_order_count_and_passages_of_the_full_search(corpus):
    """The register ranks in one query on the index (count and page together); it must
    give what the plain QuerySet search gives, page by page, with filters applied."""
    from oogst.pilots.search import results_page

    Pilot.objects.create(name="Woningen Noord", fase="evaluatie")
    Pilot.objects.create(name="Woningruil", korte_omschrijving="Woning ruilen.", fase="uitvoering")
    register = Pilot.objects.for_register()
    expected = found("woningen")
    assert len(expected) == 5

    pages = [results_page(register, "woningen", n, per_page=2) for n in (1, 2, 3)]
    assert [[p.name for p in page.object_list] for page in pages] == [
        expected[0:2],
        expected[2:4],
        expected[4:5],
    ]
    assert {page.paginator.count for page in pages} == {5}
    assert pages[2].has_previous() and not pages[2].has_next()
    assert all(p.passage for page in pages for p in page.object_list)
    # As Paginator.get_page: nonsense gives the first page, past the end the last.
    assert results_page(register, "woningen", "x", per_page=2).number == 1
    assert results_page(register, "woningen", "-3", per_page=2).number == 1
    last = results_page(register, "woningen", 99, per_page=2)
    assert (last.number, [p.name for p in last.object_list]) == (3, expected[4:5])

    # The register's filters narrow the ranked matches, in the same order.
    evaluatie = register.filter(fase="evaluatie")
    page = results_page(evaluatie, "woningen", 1, per_page=50)
    assert [p.name for p in page.object_list] == [
        name for name in expected if name in {"Buurtvervoer", "Woningen Noord"}
    ]
    assert page.paginator.count == 2
    # Nothing found, or only stop words: an empty first page.
    for text in ("kangoeroe", "de en van"):
        empty = results_page(register, text, 1, per_page=2)
        assert (empty.paginator.count, list(empty.object_list), empty.number) == (0, [], 1)
    # A chosen order wins over the rank.
    by_name = results_page(register, "woningen", 1, per_page=50, order_by=["name"])
    assert [p.name for p in by_name.object_list] == sorted(expected)


def test_equal_matches_keep_their_order_by_name_across_pages(alice):
    """Pilots that match equally well are ordered by name, also when they straddle a page."""
    from oogst.pilots.search import results_page

    # Created in reverse: the database would hand equal matches back in this order.
    for name in ("Huurteam West", "Huurteam Oost", "Huurteam Noord", "Huurteam Centrum"):
        Pilot.objects.create(name=name, korte_omschrijving="Huurders helpen met hun huur.")
    Pilot.objects.create(name="Huurders eerst", korte_omschrijving="Huurders helpen.")
    Pilot.objects.create(name="Groene daken", korte_omschrijving="Sedum op daken.")
    register = Pilot.objects.for_register()
    pages = [
        [p.name for p in results_page(register, "huurders", n, per_page=2).object_list]
        for n in (1, 2, 3)
    ]
    assert pages == [
        ["Huurders eerst", "Huurteam Centrum"],
        ["Huurteam Noord", "Huurteam Oost"],
        ["Huurteam West"],
    ]
    assert sum(pages, []) == found("huurders")
