"""Read a spreadsheet (.xlsx, or .csv with ; or ,) into rows, and read its cells as Dutch
users write them: numbers with a decimal comma, dates as 31-12-2025 or real Excel dates.

Pure: no app imports. Validation of what the rows mean lives with each app's importer.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .text import normalise_text
from .uploads import UploadRefused, decode_text

MAX_ROWS = 20_000


@dataclass
class Sheet:
    headers: list[str]
    rows: list[tuple[int, dict[str, object]]]  # (row number as the user sees it, values)


def read_sheet(data: bytes, kind: str) -> Sheet:
    if kind == "csv":
        return _read_csv(data)
    return _read_xlsx(data)


def _read_csv(data: bytes) -> Sheet:
    text = decode_text(data)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return _collect(reader)


def _read_xlsx(data: bytes) -> Sheet:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        return _collect(sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def _collect(rows) -> Sheet:
    rows = iter(rows)
    header = next(rows, None)
    if not header:
        raise UploadRefused(_("The sheet is empty: the first row must hold the column names."))
    headers = [normalise_text(str(h)) if h is not None else "" for h in header]
    result = []
    for number, row in enumerate(rows, start=2):
        values = {h: v for h, v in zip(headers, row, strict=False) if h}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
            continue  # empty rows between data are common and mean nothing
        if len(result) >= MAX_ROWS:
            raise UploadRefused(
                _("The sheet has more than %(max)d rows; split it.") % {"max": MAX_ROWS}
            )
        result.append((number, values))
    return Sheet(headers, result)


class CellError(ValueError):
    """A cell Oogst cannot read; the message is for the user."""


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    return normalise_text(str(value))


def integer(value) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise CellError(_("“%(value)s” is not a whole number.") % {"value": value})
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    cleaned = re.sub(r"[\s.]", "", str(value))
    if re.fullmatch(r"\d+", cleaned):
        return int(cleaned)
    raise CellError(_("“%(value)s” is not a whole number.") % {"value": value})


def decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Decimal(str(value)).quantize(Decimal("0.01"))
    cleaned = re.sub(r"[\s€]", "", str(value))
    if "," in cleaned:
        # Dutch: 1.234,56 — dots group thousands, the comma is the decimal sign.
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        return Decimal(cleaned).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise CellError(_("“%(value)s” is not a number.") % {"value": value}) from None


DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def date(value) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = str(value).strip()
    match = DATE.match(raw)
    try:
        if match:
            return datetime.date(int(match[3]), int(match[2]), int(match[1]))
        match = ISO_DATE.match(raw)
        if match:
            return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        pass
    raise CellError(_("“%(value)s” is not a date (write it as 31-12-2025).") % {"value": value})
