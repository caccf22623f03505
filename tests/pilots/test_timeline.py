"""One timeline: every pilot's interval is in the SVG (checked by parsing it), vague dates
drawn as what they are, on the register page and on the public appendix page."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from oogst.pilots import timeline
from oogst.pilots.models import Pilot, Programma

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"
TODAY = datetime.date(2025, 6, 15)


@pytest.fixture
def pilots(programma):
    stad = Programma.objects.create(number=7, name="Inrichting van de stad")
    return [
        Pilot.objects.create(
            name="Precies",
            programma=programma,
            fase="uitvoering",
            startdatum="1 januari 2021",
            einddatum="31 december 2024",
            evaluatiemoment="1 juni 2023",
        ),
        Pilot.objects.create(
            name="Kwartaal",
            programma=stad,
            fase="voorbereiding",
            startdatum="2024",
            einddatum="4de kwartaal 2025",
        ),
        Pilot.objects.create(
            name="Open einde",
            programma=stad,
            fase="evaluatie",
            startdatum="maart 2022",
            einddatum="onbekend",
        ),
        Pilot.objects.create(name="Niets <bekend>", fase="voorstel", einddatum="zodra het kan"),
    ]


def parse(pilots_):
    items = [timeline.item_from_pilot(p) for p in pilots_]
    drawn = timeline.build(items, today=TODAY, title_id="t")
    return ET.fromstring(str(drawn.svg)), drawn


def bars(root):
    return {g.get("data-pilot"): g for g in root.iter(f"{SVG}g") if g.get("data-pilot")}


def test_every_pilots_interval_is_encoded_and_drawn_where_it_belongs(pilots):
    root, drawn = parse(pilots)
    found = bars(root)
    assert set(found) == {p.slug for p in pilots}
    axis_start = datetime.date.fromisoformat(root.get("data-axis-start"))
    axis_end = datetime.date.fromisoformat(root.get("data-axis-end"))
    plot_x, plot_width = float(root.get("data-plot-x")), float(root.get("data-plot-width"))

    def x(date):
        return plot_x + (date - axis_start).days / (axis_end - axis_start).days * plot_width

    for pilot in pilots:
        bar = found[pilot.slug]
        parts = {r.get("data-part"): r for r in bar.iter(f"{SVG}rect")}
        if pilot.startdatum_precision not in timeline.UNKNOWN and pilot.startdatum_start:
            assert bar.get("data-start-from") == pilot.startdatum_start.isoformat()
            assert bar.get("data-start-to") == pilot.startdatum_end.isoformat()
            # The solid bar starts where the start date's interval ends.
            assert float(parts["solid"].get("x")) == pytest.approx(
                x(pilot.startdatum_end), abs=0.01
            )
        if pilot.einddatum_precision not in timeline.UNKNOWN and pilot.einddatum_end:
            assert bar.get("data-end-from") == pilot.einddatum_start.isoformat()
            assert bar.get("data-end-to") == pilot.einddatum_end.isoformat()
            solid = parts["solid"]
            end = float(solid.get("x")) + float(solid.get("width"))
            assert end == pytest.approx(x(pilot.einddatum_start), abs=0.01)
        else:
            assert bar.get("data-end") == "unknown"


def test_vague_dates_fade_and_unknown_ends_are_dashed(pilots):
    found = bars(parse(pilots)[0])

    def parts(slug):
        return {r.get("data-part"): r for r in found[slug].iter(f"{SVG}rect")}

    assert set(parts("precies")) == {"solid"}
    kwartaal = parts("kwartaal")
    assert {"start-fade", "solid", "end-fade"} <= set(kwartaal)
    assert kwartaal["end-fade"].get("fill") == "url(#fade-out-voorbereiding)"
    assert parts("open-einde")["end-unknown"].get("stroke-dasharray") == "4 3"
    assert parts("niets-bekend")["unknown"].get("stroke-dasharray") == "4 3"


def test_each_bar_is_an_image_with_a_title_and_a_description(pilots):
    root, _drawn = parse(pilots)
    for bar in bars(root).values():
        assert bar.get("role") == "img"
        title = root.find(f".//{SVG}title[@id='{bar.get('aria-labelledby')}']")
        desc = root.find(f".//{SVG}desc[@id='{bar.get('aria-describedby')}']")
        assert title is not None and desc is not None
    precies = bars(root)["precies"]
    assert precies.find(f"{SVG}desc").text.startswith("Fase: Uitvoering. Start: 1 januari 2021")
    assert bars(root)["niets-bekend"].find(f"{SVG}title").text == "Niets <bekend>"


def test_the_evaluation_moment_and_today_are_marked(pilots):
    root, _drawn = parse(pilots)
    assert bars(root)["precies"].find(f".//{SVG}g[@data-part='evaluation']") is not None
    today = root.find(f".//{SVG}g[@data-date]")
    assert today.get("data-date") == "2025-06-15"


def test_bars_are_grouped_by_programme(pilots):
    _root, drawn = parse(pilots)
    assert [(group, [i.name for i in items]) for group, items in drawn.groups] == [
        ("Programma 5. Veiligheid", ["Precies"]),
        ("Programma 7. Inrichting van de stad", ["Kwartaal", "Open einde"]),
        ("", ["Niets <bekend>"]),
    ]


def test_the_register_shows_the_filtered_pilots_on_the_timeline(client, dave, pilots):
    client.force_login(dave)
    response = client.get(
        reverse("pilots:register"), {"weergave": "tijdlijn", "fase": "uitvoering"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="region" tabindex="0"' in html
    assert 'data-pilot="precies"' in html and 'data-pilot="kwartaal"' not in html
    # Links to the pilot pages make the bars keyboard items.
    assert f'href="{pilots[0].get_absolute_url()}"' in html


def test_the_public_appendix_page_shows_the_published_timeline(client, carol, pilots):
    from oogst.rounds import services
    from oogst.rounds.models import Round

    round = services.open_round(
        actor=carol,
        round=Round(
            name="Perspectiefnota 2026",
            kind="perspectiefnota",
            peildatum=datetime.date(2025, 3, 1),
            deadline=datetime.date(2025, 3, 21),
        ),
        pilots=Pilot.objects.all(),
    )
    services.freeze(actor=carol, round=round, force=True)
    services.publish(actor=carol, round=round)
    Pilot.objects.filter(name="Precies").update(name="Later hernoemd")
    html = client.get(reverse("rounds:public_appendix", args=[round.slug])).content.decode()
    assert html.count('class="oogst-timeline__bar" role="img"') == 4
    assert 'tabindex="0" data-pilot="precies"' in html
    assert "Later hernoemd" not in html


def test_the_timelines_query_count_does_not_grow_with_the_number_of_pilots(client, dave, pilots):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(dave)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("pilots:register"), {"weergave": "tijdlijn"})
        return len(ctx.captured_queries)

    before = count()
    for i in range(5):
        Pilot.objects.create(name=f"Extra {i}", programma=pilots[0].programma, startdatum="2023")
    assert count() == before
