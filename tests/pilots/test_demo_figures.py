"""The demo carries the seed's figures, each traceable to the sentence it comes from."""

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from oogst.demo import figures
from oogst.pilots.models import BudgetLine, Indicator, Measurement, Pilot

SEEDS = Path("/work/shared/seeds")
FIXTURE_SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def seed_text() -> str:
    """Both seeds as one text, with the OCR's slips mended as pilot_data mends them."""
    folder = FIXTURE_SEEDS if any(FIXTURE_SEEDS.glob("*.txt")) else SEEDS
    text = " ".join(p.read_text() for p in sorted(folder.glob("*.txt")))
    text = text.replace("Piézo", "Piëzo").replace("financiéle", "financiële")
    return re.sub(r"\s+", " ", text)


def quotes():
    for items in (*figures.INDICATORS.values(), *figures.BUDGET_LINES.values()):
        for item in items:
            yield item["quote"]
            for m in item.get("measurements", []):
                yield m["quote"]
    for item in figures.FUNDING_ENDS.values():
        yield item["quote"]


@pytest.mark.parametrize("quote", list(quotes()))
def test_every_figure_comes_from_a_sentence_of_the_seed(quote):
    assert re.sub(r"\s+", " ", quote) in seed_text()


def test_every_figure_appears_in_its_quote():
    def digits(value):
        return f"{value:,.0f}".replace(",", ".")

    for items in figures.INDICATORS.values():
        for item in items:
            if item["target"] is not None:
                assert digits(item["target"]) in item["quote"]
            for m in item["measurements"]:
                assert digits(m["value"]) in m["quote"] or "negen" in m["quote"]
    for items in figures.BUDGET_LINES.values():
        for item in items:
            assert digits(item["begroot"]) in item["quote"].replace("€", "")


@pytest.mark.django_db
def test_loaddemo_puts_the_figures_on_their_pilots_once():
    call_command("loaddemo", stdout=io.StringIO())
    flex = Indicator.objects.get(pilot__slug="flexwonen-ruimtebaan")
    assert (flex.target, flex.baseline, flex.target_date) == (Decimal(80), None, "")
    werkgevers = Indicator.objects.get(pilot__slug="vindplaats-verborgen-schulden")
    assert werkgevers.target == 10
    assert [m.value for m in werkgevers.measurements.all()] == [9]
    assert Indicator.objects.get(pilot__slug="tuinrangers").target == 600
    rio = Indicator.objects.get(pilot__slug="rio-re-integratie-officier")
    assert [m.value for m in rio.measurements.all()] == [14]
    lines = BudgetLine.objects.filter(pilot__slug="vindplaats-verborgen-schulden")
    assert sorted(line.begroot for line in lines) == [Decimal(160000), Decimal(339225)]
    subsidy = BudgetLine.objects.get(pilot__slug="dealbreakers")
    assert (subsidy.begroot, subsidy.funding_kind) == (Decimal(200000), "subsidie")
    assert Pilot.objects.get(slug="dealbreakers").funding_ends.isoformat() == "2024-12-31"
    piezo = BudgetLine.objects.get(pilot__slug="samen-bouwen-aan-verbinding-en-ontwikkeling")
    assert piezo.begroot == Decimal(70000)
    counts = (Indicator.objects.count(), Measurement.objects.count(), BudgetLine.objects.count())
    call_command("loaddemo", stdout=io.StringIO())
    assert (Indicator.objects.count(), Measurement.objects.count(),
            BudgetLine.objects.count()) == counts  # fmt: skip


@pytest.mark.django_db
def test_the_demo_round_reports_the_figures(client):
    from oogst.rounds import services
    from oogst.rounds.models import Round

    call_command("loaddemo", stdout=io.StringIO())
    round = Round.objects.get(slug="perspectiefnota-2026")
    html = services.appendix_bytes(round, "html").decode()
    assert "Werkgevers bereikt met voorlichting" in html
    assert "€\u00a0339.225,00" in html
