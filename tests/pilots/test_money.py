"""Euros and figures are typed and printed the Dutch way."""

from decimal import Decimal

import pytest

from oogst import money


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("€ 339.225,00", Decimal("339225.00")),
        ("339.225", Decimal("339225")),
        ("339225", Decimal("339225")),
        ("€ 70.000,-", Decimal("70000")),
        ("12,5", Decimal("12.5")),
        ("12.5", Decimal("12.5")),
        ("1.500", Decimal("1500")),
        ("  200 000 ", Decimal("200000")),
        ("", None),
    ],
)
def test_it_reads_what_dutch_users_type(text, value):
    assert money.parse(text) == value


@pytest.mark.parametrize("text", ["abc", "1,2,3", "12.34.5", "€", "1e5"])
def test_it_refuses_what_is_not_a_number(text):
    if text == "€":
        assert money.parse(text) is None
        return
    with pytest.raises(money.NotANumber):
        money.parse(text)


def test_it_prints_euros_and_figures_the_dutch_way():
    assert money.euro(Decimal("339225")) == "€\u00a0339.225,00"
    assert money.number(Decimal("80")) == "80"
    assert money.number(Decimal("600.00")) == "600"
    assert money.number(Decimal("12.5")) == "12,5"
    assert money.number(Decimal("1234567")) == "1.234.567"
    assert money.amount(Decimal("160000")) == "160.000,00"
    assert money.euro(None) == ""
