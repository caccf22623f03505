"""The proof: a linear-programming attacker cannot pin down any hidden participant count.

Run on the demo monitor (40 fictional people, through the exports a user downloads) and on
random monitors from hypothesis. For every hidden cell the values consistent with everything the
user can see must span at least three (max - min >= 2).
"""

import csv
import datetime
import io
import json

import docx
import pytest
import time_machine
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfminer.high_level import extract_text

from oogst.demo.pilots import load_demo
from oogst.documents import end_report
from oogst.participants import disclosure, services
from oogst.participants.disclosure import Facts, Layout
from oogst.participants.models import Monitor, Outcome

from .attacker import attack, check_markers

DEMO = "voorbeeld-deelnemersmonitor"
TODAY = datetime.date(2026, 11, 1)


def assert_every_hidden_cell_is_ambiguous(results):
    narrow = [(var, fig and str(fig), true, low, high) for var, fig, true, low, high in results
              if high - low < 2 - 1e-6]  # fmt: skip
    assert not narrow, narrow
    for _var, _figure, true, low, high in results:
        assert low - 1e-6 <= true <= high + 1e-6


@pytest.fixture
def demo(db):
    load_demo()
    monitor = Monitor.objects.select_related("pilot", "partner").get(pilot__slug=DEMO)
    people = disclosure.load_facts(monitor)
    return monitor, people, Layout.for_monitor(monitor, people, TODAY)


@time_machine.travel(datetime.datetime(2026, 11, 1, 12, tzinfo=datetime.UTC), tick=False)
def test_the_attacker_learns_no_hidden_count_of_the_demo(client, carol, demo):
    monitor, people, layout = demo
    results, pages, truth = attack(people, layout, monitor.target)
    assert len(results) >= 5, "the demo has hidden cells to attack"
    assert_every_hidden_cell_is_ambiguous(results)
    check_markers(pages, truth)
    # Also when the attacker knows that every count is a whole number.
    integral, _pages, _truth = attack(people, layout, monitor.target, integral=True)
    assert_every_hidden_cell_is_ambiguous(integral)

    # What the attacker modelled is exactly what the user downloads, for every group offered:
    # the page, the CSV and JSON exports, and (for everyone) the end report as DOCX and PDF.
    client.force_login(carol)
    for key, page in pages.items():
        params = {"groep": key} if key else {}
        expected = [list(row) for row in disclosure.as_rows(page)]
        data = json.loads(
            client.get(reverse("participants:overview_export", args=[DEMO, "json"]), params).content
        )
        assert [[r["onderdeel"], r["omschrijving"], r["aantal"]] for r in data] == expected
        response = client.get(reverse("participants:overview_export", args=[DEMO, "csv"]), params)
        text = io.StringIO(response.content.decode("utf-8-sig"))
        assert list(csv.reader(text, delimiter=";"))[1:] == expected
        html = client.get(reverse("participants:overview", args=[DEMO]), params)
        for name, rows in html.context["tables"].items():
            assert rows == disclosure.labelled(page, name)
        for label, value in rows or []:
            assert f'{label}</th><td class="utrecht-table__cell oogst-number">{value}<' in (
                html.content.decode()
            )
    report = services.end_report(monitor)
    whole = pages[""]
    assert report.phases == [(label, str(f)) for label, f in disclosure.labelled(whole, "phases")]
    assert report.ladder == [(label, str(f)) for label, f in disclosure.labelled(whole, "movement")]
    assert report.outcomes == [
        (label, str(f)) for label, f in disclosure.labelled(whole, "outcomes")
    ]
    document = docx.Document(io.BytesIO(end_report.render_docx(report)))
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    for section in (report.phases, report.ladder, report.outcomes):
        assert all([label, value] in cells for label, value in section)
    pdf = extract_text(io.BytesIO(end_report.render_pdf(report)))
    assert pdf.count("<5") - end_report.NOTE.count("<5") == sum(
        value == "<5" for section in (report.reach, report.phases, report.ladder,
                                      report.outcomes, *(rows for _d, rows in report.zrm))
        for _label, value in section
    )  # fmt: skip


def test_the_attacker_would_catch_suppression_per_cell_only(demo, monkeypatch):
    """The attacker is not toothless: without the secondary suppression it pins cells down."""
    monitor, people, layout = demo
    monkeypatch.setattr(disclosure, "_ranges_ok", lambda *args: True)
    results, _pages, _truth = attack(people, layout, monitor.target)
    narrow = {var: (low, high) for var, _f, _t, low, high in results if high - low < 2}
    # The example: phases 5 + 6 + 5 + <5 + <5 of 24 taking part: both are exactly 4.
    phases = {var[2]: bounds for var, bounds in narrow.items() if var[1] == "phases"}
    assert sorted(phases.values()) == [(4.0, 4.0), (4.0, 4.0)]


PHASES = (1, 2, 3, 4, 5)
QUARTER_STARTS = [datetime.date(y, m, 1) for y in (2024, 2025, 2026) for m in (1, 4, 7, 10)]


@st.composite
def monitors(draw):
    """Group sizes 0-60, phases skewed to one, often many exits in one quarter."""
    size = draw(st.integers(0, 60))
    favourite = draw(st.sampled_from(PHASES))
    exit_quarter = draw(st.sampled_from(QUARTER_STARTS[6:]))
    exit_share = draw(st.sampled_from([0.0, 0.1, 0.3, 0.6]))
    activities = draw(st.integers(0, 3))
    domains = draw(st.sampled_from([(), ("financien",), ("financien", "justitie")]))
    people = []
    for _ in range(size):
        start = draw(st.sampled_from(QUARTER_STARTS[2:10])) + datetime.timedelta(
            days=draw(st.integers(0, 80))
        )
        leaves = draw(st.floats(0, 1)) < exit_share
        exit_day = max(start, exit_quarter + datetime.timedelta(days=draw(st.integers(0, 20))))
        people.append(
            Facts(
                start=start,
                exit=exit_day if leaves else None,
                outcome=draw(st.sampled_from(Outcome.values)) if leaves else "",
                phase=favourite if draw(st.booleans()) else draw(st.sampled_from([*PHASES, None])),
                movement=draw(st.sampled_from([None, "up", "up", "same", "down", "single"])),
                zrm={
                    d: draw(st.sampled_from(["up", "same", "down"]))
                    for d in domains
                    if draw(st.booleans())
                },
                activities=frozenset(
                    a for a in range(1, activities + 1) if draw(st.integers(0, 3)) > 0
                ),
            )
        )
    layout = Layout(
        phases=(*PHASES, None) if any(p.phase is None and not p.exit for p in people) else PHASES,
        phase_labels={p: f"Fase {p}" for p in (*PHASES, None)},
        outcomes=tuple(Outcome.values),
        outcome_labels=dict(Outcome.choices),
        zrm=tuple((d, d) for d in domains),
        quarters=disclosure.quarters_between(people, TODAY),
        activities=tuple((a, f"Activiteit {a}") for a in range(1, activities + 1)),
    )
    return people, layout


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(monitors())
def test_the_attacker_learns_no_hidden_count_of_a_random_monitor(monitor):
    people, layout = monitor
    results, pages, truth = attack(people, layout, target=40)
    assert_every_hidden_cell_is_ambiguous(results)
    check_markers(pages, truth)
