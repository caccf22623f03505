"""Every CSV and XLSX Oogst writes goes through here: one place for Dutch Excel's habits.

- CSV: `;` as separator (Dutch Excel splits on it), UTF-8 with a BOM (so ë and € survive),
  Dutch column headers.
- XLSX: real dates and numbers, a frozen header row, an autofilter and widths that fit,
  written with XlsxWriter's constant-memory mode so 20,000 rows stream through.
- Both: a text cell that starts with =, +, -, @, tab or carriage return is neutralised with a
  leading apostrophe, so a pilot named `=HYPERLINK(...)` is text in Excel, never a formula
  (OWASP's advice for CSV injection; in XLSX we write it as a string cell as well).

Pure: no app imports. Callers describe columns and hand over rows of plain values.
"""

from __future__ import annotations

import csv
import datetime
import io
import itertools
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
MAX_WIDTH = 60  # characters; longer texts wrap in Excel rather than push the sheet wide
# Excel refuses a cell longer than this; we cut rather than write a file Excel repairs.
XLSX_CELL_LIMIT = 32_767


@dataclass(frozen=True)
class Column:
    """One column: the key in a row dict, its Dutch header, and how values are typed.

    kind: "text", "date", "datetime", "integer" or "decimal".
    """

    key: str
    header: str
    kind: str = "text"


def neutralise(value: str) -> str:
    """A text that Excel would read as a formula, made inert with a leading apostrophe."""
    if value and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_value(value, kind: str):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Decimal | float):
        # Dutch Excel reads a decimal comma.
        return str(value).replace(".", ",")
    if isinstance(value, int):
        return str(value)
    return neutralise(str(value))


def write_csv(stream, columns: Sequence[Column], rows: Iterable[dict]) -> None:
    """Write rows as Dutch Excel reads them: `;`, BOM, Dutch headers, formulas neutralised."""
    stream.write("\ufeff")
    writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(c.header) for c in columns])
    for row in rows:
        writer.writerow([_csv_value(row.get(c.key), c.kind) for c in columns])


def csv_text(columns: Sequence[Column], rows: Iterable[dict]) -> str:
    buffer = io.StringIO(newline="")
    write_csv(buffer, columns, rows)
    return buffer.getvalue()


def _xlsx_value(value, kind: str):
    if value is None or value == "":
        return None
    if kind == "datetime" and isinstance(value, datetime.datetime):
        # Excel has no time zones: the local wall-clock time people expect.
        return value.replace(tzinfo=None) if value.tzinfo is None else _local(value)
    if kind == "date" and isinstance(value, datetime.date):
        return value
    if kind == "integer" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind == "decimal" and isinstance(value, Decimal | int | float):
        return float(value) if isinstance(value, Decimal) else value
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    return neutralise(str(value))[:XLSX_CELL_LIMIT]


def _local(value: datetime.datetime) -> datetime.datetime:
    from django.utils import timezone

    return timezone.localtime(value).replace(tzinfo=None)


NUMBER_FORMATS = {
    "date": "DD-MM-YYYY",
    "datetime": "DD-MM-YYYY HH:MM",
    "integer": "0",
    "decimal": "#,##0.00",
}
_SAMPLE_ROWS = 200  # widths are measured on the first rows: enough to fit, still streaming


def write_xlsx(target, columns: Sequence[Column], rows: Iterable[dict], *, title="Oogst") -> None:
    """Write an .xlsx to `target` (a path or a binary file) with XlsxWriter's constant memory.

    Each row is written out before the next is read. Widths must be set before the first row,
    so the first rows are read ahead to measure them; after that rows stream to the file.
    """
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        target,
        {
            "constant_memory": True,
            # Text is text: no guessing numbers, formulas or links from strings.
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    sheet = workbook.add_worksheet(title[:31])
    rows = iter(rows)
    ahead = []
    for row in rows:
        ahead.append(row)
        if len(ahead) >= _SAMPLE_ROWS:
            break
    for index, column in enumerate(columns):
        width = max(
            [len(column.header)] + [_display_width(r.get(column.key), column.kind) for r in ahead]
        )
        sheet.set_column(index, index, min(MAX_WIDTH, width + 2))
    sheet.freeze_panes(1, 0)

    bold = workbook.add_format({"bold": True})
    for index, column in enumerate(columns):
        sheet.write_string(0, index, neutralise(column.header), bold)

    formats = {kind: workbook.add_format({"num_format": f}) for kind, f in NUMBER_FORMATS.items()}
    plan = [
        (i, column.key, column.kind, formats.get(column.kind)) for i, column in enumerate(columns)
    ]
    write_string, write_number = sheet.write_string, sheet.write_number
    write_datetime = sheet.write_datetime

    number = 0
    for number, row in enumerate(itertools.chain(ahead, rows), start=1):
        for index, key, kind, cell_format in plan:
            value = row.get(key)
            if type(value) is str:  # the common case, kept short: 20,000 rows x 35 columns
                if value:
                    write_string(number, index, neutralise(value)[:XLSX_CELL_LIMIT])
                continue
            value = _xlsx_value(value, kind)
            if value is None:
                continue
            if isinstance(value, str):
                write_string(number, index, value)
            elif isinstance(value, datetime.date):
                write_datetime(number, index, value, cell_format or formats["date"])
            else:
                write_number(number, index, value, cell_format)
    sheet.autofilter(0, 0, number, max(0, len(columns) - 1))
    workbook.close()


def _display_width(value, kind: str) -> int:
    if value is None:
        return 0
    if kind == "date" or isinstance(value, datetime.date):
        return 10
    text = str(value)
    return max((len(line) for line in text.split("\n")), default=0)


def xlsx_bytes(columns: Sequence[Column], rows: Iterable[dict], *, title="Oogst") -> bytes:
    buffer = io.BytesIO()
    write_xlsx(buffer, columns, rows, title=title)
    return buffer.getvalue()


def xlsx_file(columns: Sequence[Column], rows: Iterable[dict], *, title="Oogst"):
    """The workbook in a temporary file (rewound), for a streaming download of a large export."""
    handle = tempfile.TemporaryFile(suffix=".xlsx")
    write_xlsx(handle, columns, rows, title=title)
    handle.seek(0)
    return handle


def response(fmt: str, columns: Sequence[Column], rows: Iterable[dict], *, filename: str):
    """A download of `rows` as CSV or XLSX; `filename` without its extension."""
    from django.http import FileResponse, HttpResponse

    if fmt == "xlsx":
        return FileResponse(
            xlsx_file(columns, rows, title=filename),
            as_attachment=True,
            filename=f"{filename}.xlsx",
            content_type=XLSX_CONTENT_TYPE,
        )
    result = HttpResponse(content_type=CSV_CONTENT_TYPE)
    result["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    write_csv(result, columns, rows)
    return result
