"""Small-cell suppression: a count of fewer than five people never leaves Oogst as a number."""

import csv
import io
import json

import docx
from django.urls import reverse
from pdfminer.high_level import extract_text

from oogst.documents import end_report
from oogst.participants import aggregates
from oogst.participants.aggregates import Figure, distribution, figure

from .conftest import add_people


def test_counts_under_five_read_less_than_five():
    assert [str(figure(n)) for n in (0, 1, 4, 5, 40)] == ["<5", "<5", "<5", "5", "40"]
    assert figure(3).value is None  # the number itself is gone, not just hidden in the template


def test_a_single_hidden_cell_cannot_be_worked_out_from_the_total():
    shown = distribution({"a": 10, "b": 12, "c": 3})
    assert shown["c"] == Figure(None)
    # 25 - 10 - 12 would give 3 away: the smallest other cell is hidden too.
    assert shown["a"] == Figure(None)
    assert shown["b"] == Figure(12)


def test_hidden_cells_together_count_at_least_five():
    shown = distribution({"a": 2, "b": 1, "c": 9, "d": 20})
    hidden = [key for key, value in shown.items() if value.suppressed]
    assert sorted(hidden) == ["a", "b", "c"]


def test_nothing_more_is_hidden_without_a_total():
    shown = distribution({"a": 10, "b": 3}, total_shown=False)
    assert shown == {"a": Figure(10), "b": Figure(None)}


def test_figures_for_the_whole_group(monitor, people):
    figures = aggregates.compute(monitor)
    assert str(figures["reach"]) == "12"
    assert figures["reach_percent"] == 30
    assert str(figures["active"]) == "10"
    assert str(figures["exited"]) == "<5"
    phases = dict((str(label), str(value)) for label, value in figures["phases"])
    assert phases["2. Vrijwilligerswerk als leerervaring in een veilige omgeving"] == "<5"
    # 10 taking part, 7 in phase 0 would leave 3 in the others: phase 0 is hidden too.
    assert phases["0. Activering (huisbezoek)"] == "<5"
    movement = {key: str(value) for key, value in figures["movement"].items()}
    # 9 up and 3 the same: with 12 measured on show, 9 would give the 3 away.
    assert movement == {"up": "<5", "same": "<5", "down": "<5", "single": "<5"}
    assert str(figures["measured"]) == "12"


def test_a_filter_that_leaves_three_people_shows_less_than_five_everywhere(
    client, carol, monitor, people
):
    client.force_login(carol)
    params = {"start_year": "2026"}  # only the three who started in February 2026
    page = client.get(reverse("participants:overview", args=["dealbreakers"]), params)
    html = page.content.decode()
    assert page.status_code == 200
    assert "&lt;5" in html
    assert "(25%)" not in html  # no percentage that would give the count away

    response = client.get(
        reverse("participants:overview_export", args=["dealbreakers", "csv"]), params
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    reach = next(row for row in rows if row[:2] == ["bereik", "deelnemers"])
    assert reach[2] == "<5"
    numbers = [row[2] for row in rows[1:] if row[1] != "streefaantal"]
    assert all(value == "<5" for value in numbers), numbers

    data = json.loads(
        client.get(
            reverse("participants:overview_export", args=["dealbreakers", "json"]), params
        ).content
    )
    assert {row["aantal"] for row in data if row["omschrijving"] != "streefaantal"} == {"<5"}


def test_the_end_report_suppresses_small_counts(monitor, people):
    report = end_report.build(monitor)
    document = docx.Document(io.BytesIO(end_report.render_docx(report)))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "<5" in cells and "12" in cells
    assert "3" not in cells and "2" not in cells
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert {"Doel", "Resultaten", "Evaluatie", "Aanbevelingen"} <= set(headings)
    text = extract_text(io.BytesIO(end_report.render_pdf(report)))
    assert "<5" in text and "Eindrapportage Dealbreakers" in text
    assert "Persoon" not in text


def test_small_groups_grow_into_numbers(monitor, people):
    add_people(monitor, 5, phase_number=2, rungs=(3, 3))
    phases = {str(k): str(v) for k, v in aggregates.compute(monitor)["phases"]}
    assert phases["2. Vrijwilligerswerk als leerervaring in een veilige omgeving"] == "8"
    assert phases["0. Activering (huisbezoek)"] == "7"  # the empty phases give nobody away
