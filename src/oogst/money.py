"""Euros and figures the Dutch way, both directions: "€ 339.225,00" in, Decimal out, and back.

Pure Python (Babel's CLDR data for nl_NL), no Django: the pages, forms and every document
renderer format through here, so the web page, Word and PDF print a figure the same way.
"""

import re
from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, format_currency, format_decimal, parse_decimal

LOCALE = "nl_NL"
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
# Dutch groups of three after a point ("339.225"), optionally with a decimal comma.
_DUTCH = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+(,\d+)?$")


class NotANumber(ValueError):
    """The text is not a number as Dutch users write one."""


def parse(text: str) -> Decimal | None:
    """A figure as a Dutch user types it: "339.225,00", "€ 339.225", "12,5", "80".

    None for empty text; NotANumber for anything else that is not a number. A lone point
    with three digits after it ("1.500") is a thousands separator, as in Dutch; with other
    digit counts ("12.5") it is read as the decimal point people type from English habit.
    """
    cleaned = _SPACES.sub("", (text or "").replace("€", "").replace("EUR", ""))
    if cleaned.endswith(",-"):
        cleaned = cleaned[:-2]  # "€ 70.000,-"
    if not cleaned:
        return None
    if not _DUTCH.match(cleaned):
        if re.fullmatch(r"-?\d+\.\d{1,2}", cleaned):
            cleaned = cleaned.replace(".", ",")
        else:
            raise NotANumber(text)
    try:
        return parse_decimal(cleaned, locale=LOCALE, strict=True)
    except (NumberFormatError, InvalidOperation) as error:
        raise NotANumber(text) from error


def euro(value) -> str:
    """€ 339.225,00 (with a no-break space, so the sign never ends a line alone)."""
    if value is None or value == "":
        return ""
    return format_currency(Decimal(value), "EUR", locale=LOCALE).replace(" ", "\u00a0")


def number(value, *, decimals: int | None = None) -> str:
    """A figure without a unit: 339.225 or 12,5 (no trailing ",00" on whole numbers)."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    if decimals is None:
        pattern = "#,##0.##"
    else:
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def amount(value) -> str:
    """A figure for an input field: 339.225,00."""
    return number(value, decimals=2) if value not in (None, "") else ""
