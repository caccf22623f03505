"""Disclosure control: what the figures page, the exports and the end report may show."""

import csv
import datetime
import io
import json

import docx
from django.urls import reverse
from django.utils import translation
from pdfminer.high_level import extract_text

from oogst.documents import end_report
from oogst.participants import disclosure, services
from oogst.participants.disclosure import Figure, Marker, protect

from .conftest import add_people


def test_a_count_of_one_to_four_reads_less_than_five_and_loses_its_number():
    shown = protect({"a": 10, "b": 12, "c": 3, "d": 0}, slack=30)
    assert shown["c"] == Figure(None, Marker.SMALL) and str(shown["c"]) == "<5"
    assert shown["d"] == Figure(0) and str(shown["d"]) == "0"
    assert shown["a"] == Figure(10)


def test_a_cell_hidden_to_protect_another_says_suppressed_not_less_than_five():
    # With the total known, 25 - 10 - 12 would give the 3 away: the smallest other cell goes.
    shown = protect({"a": 10, "b": 12, "c": 3})
    assert shown["a"] == Figure(None, Marker.SUPPRESSED)
    with translation.override("nl"):  # not whatever an earlier test's request left active
        assert str(shown["a"]) == "onderdrukt" and str(shown["c"]) == "<5"
    with translation.override("en"):
        assert str(shown["a"]) == "suppressed"
    assert shown["b"] == Figure(12)


def test_two_small_cells_that_add_up_to_eight_are_not_left_alone():
    # 4 + 4 = 8 known from the total: each would be exactly 4. A third cell is hidden.
    shown = protect({"a": 5, "b": 6, "c": 5, "d": 4, "e": 4})
    assert [key for key, figure in shown.items() if figure.suppressed] == ["a", "d", "e"]


def test_the_no_phase_row_is_protected_like_any_other():
    # Phases are keyed by pk and None is "no phase recorded". 37 + 5 of 43 taking part left
    # that row at exactly 1 (found by the random attacker): its partners are hidden too.
    shown = protect({1: 37, 2: 5, 3: 0, None: 1})
    assert shown[None] == Figure(None, Marker.SMALL)
    assert shown[1].suppressed and shown[2].suppressed


def test_a_table_that_cannot_be_protected_is_not_shown():
    assert protect({"a": 1, "b": 1, "c": 1, "d": 1, "e": 1}) is None


def test_without_a_known_total_a_small_cell_needs_no_partner():
    shown = protect({"up": 20, "same": 3}, slack=10)
    assert shown == {"up": Figure(20), "same": Figure(None, Marker.SMALL)}


def test_the_ladder_table_leaves_room_below_the_group_size():
    # 11 measured of 11: 9 up leaves "same" 1 or 2, too narrow. "up" is hidden too.
    shown = protect({"up": 9, "same": 2}, slack=0)
    assert shown["up"].suppressed and shown["same"].suppressed


def test_figures_for_the_whole_group(monitor, people):
    add_people(monitor, 6, phase_number=1, rungs=(1, 2))
    figures = disclosure.for_monitor(monitor)
    assert str(figures.reach) == "18" and figures.reach_percent == 45
    split = figures.table("reach")
    # 2 left: "<5"; 16 taking part would give them away, so it is suppressed too.
    assert split == {
        "active": Figure(None, Marker.SUPPRESSED),
        "exited": Figure(None, Marker.SMALL),
    }
    assert figures.table("phases") is None  # they would add up to "taking part"
    # 15 up and 3 the same: nobody outside the figures says all 18 were measured, so the 3
    # can be 1 to 3 and needs no partner.
    movement = figures.table("movement")
    assert movement["same"] == Figure(None, Marker.SMALL)
    assert movement["up"] == Figure(15) and movement["down"] == Figure(0)
    # The three who started in 2026 are a year of their own: the quarterly series is withheld.
    assert figures.table("started") is None


def test_a_group_below_ten_shows_a_message_and_no_figures(client, carol, monitor, people):
    client.force_login(carol)
    params = {"groep": "jaar-2026"}  # only the three who started in February 2026
    page = client.get(reverse("participants:overview", args=["dealbreakers"]), params)
    html = page.content.decode()
    assert page.status_code == 200
    assert "fewer than 10 participants" in html or "minder dan 10 deelnemers" in html
    assert "Participants per phase" not in html and "Deelnemers per fase" not in html
    assert "(25%)" not in html

    response = client.get(
        reverse("participants:overview_export", args=["dealbreakers", "csv"]), params
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 2 and rows[1][0] == "groep" and "3" not in rows[1][2]
    data = json.loads(
        client.get(
            reverse("participants:overview_export", args=["dealbreakers", "json"]), params
        ).content
    )
    assert [row["onderdeel"] for row in data] == ["groep"]


def test_two_groups_that_differ_by_fewer_than_five_people_are_not_both_shown(
    client, carol, monitor, people
):
    # 12 people, 10 taking part: "taking part" differs from everyone by the 2 who left.
    client.force_login(carol)
    page = client.get(
        reverse("participants:overview", args=["dealbreakers"]), {"groep": "status-actief"}
    )
    assert "differs by fewer than 5 people" in page.content.decode() or (
        "minder dan 5 mensen" in page.content.decode()
    )
    figures = disclosure.for_monitor(monitor)
    refused = {view.key: view.refused for view in figures.views}
    assert refused[""] == ""
    assert refused["status-actief"] == disclosure.TOO_CLOSE
    assert refused["status-uitgestroomd"] == disclosure.TOO_SMALL


def test_an_unknown_group_shows_everyone_with_a_message(client, carol, monitor, people):
    client.force_login(carol)
    page = client.get(
        reverse("participants:overview", args=["dealbreakers"]), {"groep": "jaar-1999"}
    )
    assert page.status_code == 200
    assert page.context["figures"].view.key == ""
    assert page.context["form"].errors["groep"]


def test_the_end_report_explains_both_markers_and_never_says_less_than_five_for_five(
    monitor, people
):
    add_people(monitor, 6, phase_number=1, rungs=(1, 2))
    report = services.end_report(monitor)
    document = docx.Document(io.BytesIO(end_report.render_docx(report)))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "<5" in cells and "onderdrukt" in cells and "18" in cells
    assert "2" not in cells and "16" not in cells
    text = "\n".join(p.text for p in document.paragraphs)
    assert "“<5” betekent: 1 tot 4" in text and "“onderdrukt” betekent: 5 of meer" in text
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert {"Doel", "Resultaten", "Evaluatie", "Aanbevelingen"} <= set(headings)
    pdf = extract_text(io.BytesIO(end_report.render_pdf(report)))
    assert "<5" in pdf and "onderdrukt" in pdf and "Eindrapportage Dealbreakers" in pdf
    assert "Persoon" not in pdf


def test_small_groups_grow_into_numbers(monitor, people):
    add_people(monitor, 5, phase_number=2, rungs=(3, 3))
    add_people(monitor, 5, phase_number=4, rungs=(3, 3), exit_outcome="opleiding")
    figures = disclosure.for_monitor(monitor, today=datetime.date(2026, 11, 1))
    phases = dict(disclosure.labelled(figures, "phases"))
    assert str(phases["2. Vrijwilligerswerk als leerervaring in een veilige omgeving"]) == "8"
    assert str(phases["0. Activering (huisbezoek)"]) == "7"


def test_start_years_that_would_leave_a_few_people_over_are_refused():
    day = datetime.date
    people = (
        [disclosure.Facts(start=day(2024, 3, 1))] * 20
        + [disclosure.Facts(start=day(2025, 3, 1))] * 20
        + [disclosure.Facts(start=day(2026, 3, 1))] * 3
    )
    layout = disclosure.Layout(
        (), {}, (), {}, (), disclosure.quarters_between(people, day(2026, 6, 1)), ()
    )
    refused = {
        view.key: view.refused
        for view in disclosure.decide_views(disclosure.candidate_views(people, layout))
    }
    # 2026 is too small; 2024 and 2025 together would give its 3 away: 2025 goes too.
    assert refused["jaar-2024"] == ""
    assert refused["jaar-2026"] == disclosure.TOO_SMALL
    assert refused["jaar-2025"] == disclosure.REMAINDER
