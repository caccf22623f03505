"""Alice records her pilot's money: typed and shown the Dutch way, sources from a fixed list."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from oogst.pilots import services
from oogst.pilots.models import BudgetLine

pytestmark = pytest.mark.django_db


def post_line(client, pilot, **data):
    values = {
        "description": "",
        "year": "",
        "funding_kind": "subsidie",
        "funder": "Ministerie van SZW",
        "nature": "incidenteel",
        "begroot": "",
        "besteed": "",
    }
    values.update(data)
    return client.post(reverse("pilots:add_budget_line", args=[pilot.slug]), values)


def test_it_reads_a_dutch_amount_and_shows_it_the_dutch_way(client, alice, alices_pilot):
    client.force_login(alice)
    response = post_line(
        client, alices_pilot, year="2024", begroot="€ 500.000", besteed="160.775,00"
    )
    assert response.status_code == 302
    line = alices_pilot.budget_lines.get()
    assert line.begroot == Decimal("500000") and line.besteed == Decimal("160775")
    html = client.get(alices_pilot.get_absolute_url()).content.decode()
    assert "€\u00a0500.000,00" in html
    assert "Subsidie (Ministerie van SZW)" in html
    edit = client.get(reverse("pilots:edit_budget_line", args=[alices_pilot.slug, line.pk]))
    assert 'value="500.000,00"' in edit.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"begroot": "-200"}, "Een negatief getal is hier niet mogelijk."),
        ({"begroot": "99999999999999"}, "Dit getal is te groot"),
        ({"begroot": "veel"}, "Vul een getal in"),
        ({"begroot": "1000", "funder": ""}, "Noem de subsidieverstrekker of het fonds."),
        ({}, "Vul een bedrag begroot, besteed of allebei in."),
        ({"begroot": "1000", "year": "1850"}, "Vul een jaar tussen 1990 en 2100 in."),
    ],
)
def test_it_refuses_bad_amounts_with_a_message(client, alice, alices_pilot, data, message):
    client.force_login(alice)
    response = post_line(client, alices_pilot, **data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not alices_pilot.budget_lines.exists()


def test_own_funds_need_no_provider_and_totals_add_up(client, alice, alices_pilot):
    for amount in ("339225", "160000"):
        services.save_budget_line(
            actor=alice,
            pilot=alices_pilot,
            line=BudgetLine(
                funding_kind="eigen_middelen", nature="structureel", begroot=Decimal(amount)
            ),
        )
    client.force_login(alice)
    html = client.get(alices_pilot.get_absolute_url()).content.decode()
    assert "€\u00a0499.225,00" in html


def test_the_funding_end_date_is_on_the_pilot(client, alice, alices_pilot):
    from tests.conftest import pilot_form_data

    client.force_login(alice)
    response = client.post(
        reverse("pilots:edit", args=[alices_pilot.slug]),
        pilot_form_data(alices_pilot, funding_ends="2024-12-31"),
    )
    assert response.status_code == 302
    alices_pilot.refresh_from_db()
    assert alices_pilot.funding_ends == datetime.date(2024, 12, 31)
    html = client.get(alices_pilot.get_absolute_url()).content.decode()
    assert "31 december 2024" in html


def test_deleting_a_budget_line_asks_first(client, alice, alices_pilot):
    line = services.save_budget_line(
        actor=alice,
        pilot=alices_pilot,
        line=BudgetLine(funding_kind="fonds", funder="Sociaal Innovatiefonds", nature="incidenteel",
                        begroot=Decimal(70000)),
    )  # fmt: skip
    client.force_login(alice)
    url = reverse("pilots:delete_budget_line", args=[alices_pilot.slug, line.pk])
    assert client.post(url, {}).status_code == 200
    assert BudgetLine.objects.exists()
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    assert not BudgetLine.objects.exists()
