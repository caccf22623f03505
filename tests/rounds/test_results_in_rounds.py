"""Indicators, measurements and money travel with the round: snapshot, diff and appendix."""

import datetime
import io
from decimal import Decimal

import pytest
from docx import Document
from pdfminer.high_level import extract_text

from oogst.pilots import services
from oogst.pilots.models import BudgetLine, Indicator, Measurement
from oogst.rounds import services as round_services
from oogst.rounds import snapshot
from oogst.rounds.diff import round_diff
from oogst.rounds.models import Round

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(alice, alices_pilot):
    """Dealbreakers' figures: werkgevers reached and the subsidy."""
    werkgevers = services.save_indicator(
        actor=alice,
        pilot=alices_pilot,
        indicator=Indicator(
            name="Werkgevers bereikt",
            unit="werkgevers",
            target=Decimal(10),
            target_date="eind 2024",
        ),
    )
    services.add_measurement(
        actor=alice,
        indicator=werkgevers,
        measurement=Measurement(value=Decimal(9), date=datetime.date(2024, 12, 1), source="RIEC"),
    )
    services.save_budget_line(
        actor=alice,
        pilot=alices_pilot,
        line=BudgetLine(
            description="2023–2024",
            funding_kind="subsidie",
            funder="Ministerie van Justitie en Veiligheid",
            nature="incidenteel",
            begroot=Decimal(200000),
        ),
    )
    alices_pilot.funding_ends = datetime.date(2024, 12, 31)
    alices_pilot.save()
    return werkgevers


def test_the_snapshot_holds_indicators_measurements_and_money(alices_pilot, figures):
    record = snapshot.build(alices_pilot)
    (indicator,) = record.indicators
    assert indicator.name == "Werkgevers bereikt"
    assert indicator.target_date.end == datetime.date(2024, 12, 31)
    assert indicator.latest.value == Decimal(9)
    assert indicator.progress is None  # no baseline: no progress claimed
    (line,) = record.budget_lines
    assert (line.begroot, line.funder) == (Decimal(200000), "Ministerie van Justitie en Veiligheid")
    assert record.funding_ends == datetime.date(2024, 12, 31)
    assert snapshot.load(record.to_json()) == record
    assert record.to_json()["schema"] == 4


def test_a_schema_3_snapshot_reads_as_one_without_figures(alices_pilot, figures):
    data = snapshot.build(alices_pilot).to_json()
    for key in ("indicators", "budget_lines", "funding_ends"):
        del data[key]
    data["schema"] = 3
    record = snapshot.load(data)
    assert (record.indicators, record.budget_lines, record.funding_ends) == ((), (), None)


def test_the_migration_brings_stored_snapshots_to_schema_4(carol, spring_round, alices_pilot):
    import importlib

    from django.apps import apps

    round_services.freeze(actor=carol, round=spring_round, force=True)
    entry = spring_round.entries.get(pilot=alices_pilot)
    old = dict(entry.snapshot, schema=3)
    for key in ("indicators", "budget_lines", "funding_ends"):
        del old[key]
    entry.snapshot = old
    entry.save()
    migration = importlib.import_module(
        "oogst.rounds.migrations.0005_appendix_results_finances_and_snapshot_schema_4"
    )
    migration.upgrade_snapshots(apps, None)
    entry.refresh_from_db()
    assert entry.snapshot["schema"] == 4 and entry.snapshot["indicators"] == []


def test_a_new_measurement_and_budget_line_show_in_the_next_rounds_changes(
    carol, alice, spring_round, alices_pilot, figures
):
    round_services.freeze(actor=carol, round=spring_round, force=True)
    services.add_measurement(
        actor=alice,
        indicator=figures,
        measurement=Measurement(value=Decimal(10), date=datetime.date(2025, 2, 1)),
    )
    services.save_budget_line(
        actor=alice,
        pilot=alices_pilot,
        line=BudgetLine(funding_kind="eigen_middelen", nature="structureel", begroot=160000),
    )
    alices_pilot.funding_ends = datetime.date(2025, 12, 31)
    alices_pilot.save()
    autumn = round_services.open_round(
        actor=carol,
        round=Round(
            name="Programmabegroting 2026",
            kind="programmabegroting",
            peildatum=datetime.date(2025, 9, 1),
            deadline=datetime.date(2025, 9, 20),
        ),
    )
    changes = {
        c.label: c for c in {p.name: p for p in round_diff(autumn).changed}["Dealbreakers"].changes
    }
    edited = changes["Indicatoren (gewijzigd)"]
    assert "01-02-2025: 10 werkgevers" in edited.new and "01-02-2025" not in edited.old
    assert "Eigen middelen" in changes["Begrotingsregels (toegevoegd)"].new
    assert "€\u00a0160.000,00" in changes["Begrotingsregels (toegevoegd)"].new
    assert (changes["Financiering loopt af"].old, changes["Financiering loopt af"].new) == (
        "31-12-2024",
        "31-12-2025",
    )


def _all_formats(round):
    html = round_services.render_appendix(round, "html")
    html = html.decode() if isinstance(html, bytes) else html
    docx = Document(io.BytesIO(round_services.render_appendix(round, "docx")))
    word = "\n".join(
        [p.text for p in docx.paragraphs]
        + [c.text for t in docx.tables for r in t.rows for c in r.cells]
    )
    pdf = extract_text(io.BytesIO(round_services.render_appendix(round, "pdf")))
    return {"html": html, "docx": word, "pdf": pdf}


def test_the_appendix_prints_results_and_finances_in_every_format_only_when_switched_on(
    spring_round, figures
):
    for fmt, text in _all_formats(spring_round).items():
        assert "Resultaten" in text, fmt
        assert "Gerealiseerd" in text, fmt
        assert "9 werkgevers (1-12-2024)" in text, fmt
        assert "10 werkgevers (eind 2024)" in text, fmt
        assert "Financiën" in text, fmt
        assert "200.000,00" in text, fmt
        assert "Ministerie van Justitie en Veiligheid" in text, fmt
    spring_round.print_results = False
    spring_round.print_finances = False
    spring_round.save()
    for fmt, text in _all_formats(spring_round).items():
        assert "Gerealiseerd" not in text, fmt
        assert "Financiën" not in text, fmt
        assert "200.000,00" not in text, fmt


def test_the_round_form_offers_both_switches(client, carol):
    from django.urls import reverse

    client.force_login(carol)
    text = client.get(reverse("rounds:create")).content.decode()
    assert 'name="print_results"' in text and 'name="print_finances"' in text


def test_the_evaluation_form_shows_the_figures_beside_the_question(
    client, alice, alices_pilot, figures
):
    from django.urls import reverse

    client.force_login(alice)
    html = client.get(reverse("pilots:edit", args=[alices_pilot.slug])).content.decode()
    figures_at = html.index("De doelen in cijfers")
    assert figures_at < html.index('name="succesvol"')
    assert "Werkgevers bereikt" in html[figures_at:]
