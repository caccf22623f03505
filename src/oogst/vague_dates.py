"""Vague dates: the interval a Dutch planner means when writing a date loosely.

Planners write dates at the precision they know ("4de kwartaal 2025", "Eind 2025",
"voor 1 juni 2025", "Nader te bepalen").  The text is stored as written; this module
computes the interval it stands for, so dates can be sorted, filtered and shown.
It is pure Python (stdlib only, no Django) and :func:`parse` never raises.

Public API
----------
``VagueDate``
    Frozen dataclass: ``text`` (the input, unchanged), ``start`` and ``end``
    (``datetime.date`` or ``None``, both inclusive), ``precision`` (one of
    ``PRECISIONS``), ``recurrence`` (ISO 8601 duration or ``None``) and ``note``
    (free text that came with the date, or ``None``).  ``as_dict()`` gives a
    JSON-ready dict; ``is_known`` is true when ``start`` or ``end`` is set.
``parse(text)``
    Text (or ``None``) to ``VagueDate``.  Never raises.
``describe(vd, lang="nl")``
    Short reading for the UI, in Dutch (``"nl"``) or English (``"en"``).
``sort_key(vd)``
    Sorts by start, then end; open starts ("voor ...") first; then recurring,
    unknown and unrecognised values, in that order.
``PRECISIONS``, ``DUTCH_MONTHS``
    The precision names; Dutch month names and abbreviations to month numbers.

Examples
--------
>>> vd = parse("Vierde kwartaal 2024: start onderzoek")
>>> vd.start, vd.end, vd.precision, vd.note
(datetime.date(2024, 10, 1), datetime.date(2024, 12, 31), 'quarter', 'start onderzoek')
>>> parse("20 december 2021 (vaststelling projectopdracht door het college)").as_dict()
... # doctest: +NORMALIZE_WHITESPACE
{'text': '20 december 2021 (vaststelling projectopdracht door het college)',
 'start': '2021-12-20', 'end': '2021-12-20', 'precision': 'day', 'recurrence': None,
 'note': 'vaststelling projectopdracht door het college'}
>>> describe(parse("Eind 2025"))
'1 okt 2025 – 31 dec 2025'
>>> describe(parse("eind maart 2025"), lang="en")
'21 Mar 2025 – 31 Mar 2025'
>>> describe(parse("voor 1 juni 2025")), describe(parse("vanaf 1 juni 2025"), lang="en")
('tot en met 31 mei 2025', 'from 1 Jun 2025')
>>> describe(parse("27-08-2024")), describe(parse("winter 2023"))
('27 aug 2024', '1 dec 2023 – 29 feb 2024')
>>> vd = parse("2x per jaar in Rapportage Ruimtelijk Fysiek")
>>> vd.precision, vd.recurrence, vd.note, describe(vd)
('recurring', 'P6M', 'in Rapportage Ruimtelijk Fysiek', 'halfjaarlijks')
>>> parse("Nader te bepalen. Hangt af van de aanbesteding.").note
'Hangt af van de aanbesteding.'
>>> parse("31-04-2025").precision  # impossible days are never guessed
'unrecognized'
>>> [vd.text for vd in sorted(map(parse, ["onbekend", "2026", "Q3 2025"]), key=sort_key)]
['Q3 2025', '2026', 'onbekend']

What is recognised
------------------
Case, runs of whitespace and a final full stop never matter; accents are ignored
("vóór" is "voor"); en and em dashes count as hyphens.  Years are four digits in
1900-2199; anything else is unrecognised.

=========================================  ===========================  ==========
Written                                    Interval                     Precision
=========================================  ===========================  ==========
27-08-2024, 27/8/2024, 2024-08-27,         that day                     day
27 aug 2024, 27 aug. 2024, 27 augustus 2024
augustus 2024, aug 2024                    the month                    month
Q3 2025, Q3-2025, 3e/3de/derde kwartaal    the quarter                  quarter
1e/1ste/eerste helft (van) 2025, H1 2025,  Jan-Jun (2e/tweede/H2:       half
eerste halfjaar 2025                       Jul-Dec)
voorjaar/lente, zomer, najaar/herfst 2025  Mar-May, Jun-Aug, Sep-Nov    season
winter 2023                                1 Dec 2023 - 29 Feb 2024     season
2025, in 2025                              the year                     year
begin / medio / eind 2025                  Q1 / Jun-Jul / Q4            quarter,
                                                                        range (medio)
begin / medio / eind Q3 2025               Jul / Aug / Sep              month
begin / medio / eind maart 2025            1-10 / 11-20 / 21-31 Mar     range
A - B, A – B, A t/m B, A tot (en met) B,   start of A to end of B       range
van A tot B
voor/vóór X                                up to the day before X       open
tot X, t/m X, uiterlijk X                  up to the end of X           open
vanaf X / na X                             from the start / the day     open
                                           after the end of X
onbekend, nog niet bekend, nader te        no interval                  unknown
bepalen, n.t.b., n.v.t., -, empty
jaarlijks, 2x per jaar, per kwartaal, ...  no interval, a recurrence    recurring
anything else                              no interval                  unrecognized
=========================================  ===========================  ==========

Choices where the wording leaves room:

* The precision of begin/medio/eind is the calendar unit the resulting interval is
  exactly: "Eind 2025" is Q4 so ``quarter``; "eind Q3 2025" is September so
  ``month``; "medio 2025" (June-July) and "eind maart 2025" (21-31 March) are not one
  calendar unit, so ``range``.
* "begin", "begin van"; "medio", "halverwege", "midden"; "eind", "einde", "eind van"
  are synonyms.
* In a range a missing year (or month and year) of the first part comes from the
  second: "maart - juni 2025", "1 - 15 maart 2025".  A range that ends before it
  starts is unrecognised.  "tot" is read inclusively, as planners use it.
* A hyphen only separates a range when both sides parse, so "27-08-2024", "Q1-2025"
  and "2025-03-01" stay single dates.
* Notes: text after the first colon (outside parentheses) and a parenthesised
  group at the *end* of the date are notes.  A parenthesised group in the middle
  ("Q3 (of Q4) 2025") is not lifted out, because that would change the meaning.
  Notes are kept as written, only whitespace is tidied; several are joined by "; ".
* An unknown phrase or a recurrence at the start may be followed by more text
  ("Nader te bepalen. Einddatum is ...", "2x per jaar in Rapportage ..."): that text
  becomes the note.
* Leading clause (narrow on purpose): if the whole date does not parse but contains a
  comma, the text before the last comma contains no digit, and the text after it
  parses, that text is the date and the clause the note:
  "Aan het eind van het project, najaar 2027".
* Unknown phrases and recurrences are only recognised at the start of the text.
* A label before a colon is not skipped: in "Planning: Q3 2025" the colon introduces
  the note, so the date part is "Planning" and the whole is unrecognised.
* The date part (without notes) is at most 100 characters; longer is unrecognised.
* An unrecognised value keeps no note (its ``text`` holds everything).
"""

from __future__ import annotations

import calendar
import logging
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import NamedTuple

__all__ = ["DUTCH_MONTHS", "PRECISIONS", "VagueDate", "describe", "parse", "sort_key"]

logger = logging.getLogger(__name__)

PRECISIONS = (
    "day",
    "month",
    "quarter",
    "half",
    "season",
    "year",
    "range",
    "open",
    "unknown",
    "recurring",
    "unrecognized",
)

DUTCH_MONTHS = MappingProxyType(
    {
        "januari": 1,
        "jan": 1,
        "februari": 2,
        "feb": 2,
        "febr": 2,
        "maart": 3,
        "mrt": 3,
        "april": 4,
        "apr": 4,
        "mei": 5,
        "juni": 6,
        "jun": 6,
        "juli": 7,
        "jul": 7,
        "augustus": 8,
        "aug": 8,
        "september": 9,
        "sep": 9,
        "sept": 9,
        "oktober": 10,
        "okt": 10,
        "november": 11,
        "nov": 11,
        "december": 12,
        "dec": 12,
    }
)

MIN_YEAR, MAX_YEAR = 1900, 2199
MAX_DATE_LENGTH = 100  # a date expression is short; bounds the work spent on junk


@dataclass(frozen=True)
class VagueDate:
    """A date as written, with the inclusive interval it means (see the module doc)."""

    text: str
    start: date | None
    end: date | None
    precision: str
    recurrence: str | None = None
    note: str | None = None

    @property
    def is_known(self) -> bool:
        return self.start is not None or self.end is not None

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
            "recurrence": self.recurrence,
            "note": self.note,
        }


class _Span(NamedTuple):
    start: date
    end: date
    precision: str


# --- calendar helpers --------------------------------------------------------------


def _year(digits: str) -> int | None:
    if len(digits) != 4:
        return None
    year = int(digits)
    return year if MIN_YEAR <= year <= MAX_YEAR else None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first: int, last: int, precision: str) -> _Span:
    return _Span(date(year, first, 1), _month_end(year, last), precision)


def _day(year_digits: str, month: int | str, day: str) -> _Span | None:
    year = _year(year_digits)
    if year is None:
        return None
    try:
        when = date(year, int(month), int(day))
    except ValueError:  # 31-04, 29-02 in a common year: never guess
        return None
    return _Span(when, when, "day")


# --- single expressions (input is normalised: casefolded, no accents, "-" dashes) ---

_MONTH = "(?P<month>{})\\.?".format("|".join(sorted(DUTCH_MONTHS, key=len, reverse=True)))
_Y = r"(?P<year>\d+)"
_ORDINALS = {
    "1e": 1,
    "1ste": 1,
    "eerste": 1,
    "2e": 2,
    "2de": 2,
    "tweede": 2,
    "3e": 3,
    "3de": 3,
    "derde": 3,
    "4e": 4,
    "4de": 4,
    "vierde": 4,
}
_ORD = "(?P<ord>{})".format("|".join(_ORDINALS))
_SEASONS = {"voorjaar": 3, "lente": 3, "zomer": 6, "najaar": 9, "herfst": 9, "winter": 12}


def _with_year(build: Callable[[re.Match[str], int], _Span | None]):
    """Wrap a rule so it only fires for a valid year."""

    def rule(match: re.Match[str]) -> _Span | None:
        year = _year(match["year"])
        return None if year is None else build(match, year)

    return rule


def _month(number: int, year: int) -> _Span:
    return _months(year, number, number, "month")


def _quarter(number: int, year: int) -> _Span:
    return _months(year, 3 * number - 2, 3 * number, "quarter")


def _half(number: int, year: int) -> _Span | None:
    return _months(year, 6 * number - 5, 6 * number, "half") if number in (1, 2) else None


def _season(name: str, year: int) -> _Span:
    first = _SEASONS[name]
    if first == 12:  # winter runs into February of the next year
        return _Span(date(year, 12, 1), _month_end(year + 1, 2), "season")
    return _months(year, first, first + 2, "season")


def _rule(pattern: str):
    return re.compile(pattern, re.ASCII)


# Tried in order with fullmatch; each either builds a span or rejects the text.
_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], _Span | None]], ...] = (
    (
        _rule(r"(?P<day>\d{1,2})(?P<sep>[-/])(?P<month>\d{1,2})(?P=sep)" + _Y),
        lambda m: _day(m["year"], m["month"], m["day"]),
    ),
    (
        _rule(_Y + r"-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),
        lambda m: _day(m["year"], m["month"], m["day"]),
    ),
    (
        _rule(rf"(?P<day>\d{{1,2}}) {_MONTH} {_Y}"),
        lambda m: _day(m["year"], DUTCH_MONTHS[m["month"]], m["day"]),
    ),
    (
        _rule(rf"{_MONTH} {_Y}"),
        _with_year(lambda m, y: _month(DUTCH_MONTHS[m["month"]], y)),
    ),
    (
        _rule(rf"q(?P<n>[1-4])(?: | ?- ?){_Y}"),
        _with_year(lambda m, y: _quarter(int(m["n"]), y)),
    ),
    (
        _rule(rf"{_ORD} kwartaal (?:van )?{_Y}"),
        _with_year(lambda m, y: _quarter(_ORDINALS[m["ord"]], y)),
    ),
    (
        _rule(rf"h(?P<n>[12])(?: | ?- ?){_Y}"),
        _with_year(lambda m, y: _half(int(m["n"]), y)),
    ),
    (
        _rule(rf"{_ORD} (?:helft|halfjaar|half jaar) (?:van )?{_Y}"),
        _with_year(lambda m, y: _half(_ORDINALS[m["ord"]], y)),
    ),
    (
        _rule(r"(?P<season>{}) (?:van )?{}".format("|".join(_SEASONS), _Y)),
        _with_year(lambda m, y: _season(m["season"], y)),
    ),
    (_rule(_Y), _with_year(lambda m, y: _months(y, 1, 12, "year"))),
)

_POSITIONS = {"begin": 0, "medio": 1, "halverwege": 1, "midden": 1, "eind": 2, "einde": 2}
_POSITION = _rule(r"(?P<pos>{})(?: van)?(?: het)? (?P<rest>.+)".format("|".join(_POSITIONS)))
_IN = _rule(r"in (?:het |de )?(?P<rest>.+)")


def _base(text: str) -> _Span | None:
    for pattern, build in _RULES:
        match = pattern.fullmatch(text)
        if match:
            return build(match)
    return None


def _position(which: int, span: _Span) -> _Span | None:
    """Begin (0), medio (1) or eind (2) of a year, quarter or month."""
    year, month = span.start.year, span.start.month
    if span.precision == "year":
        first, last, precision = ((1, 3, "quarter"), (6, 7, "range"), (10, 12, "quarter"))[which]
        return _months(year, first, last, precision)
    if span.precision == "quarter":
        return _months(year, month + which, month + which, "month")
    if span.precision == "month":
        first = 1 + 10 * which
        last = date(year, month, 10 + 10 * which) if which < 2 else span.end
        return _Span(date(year, month, first), last, "range")
    return None  # begin of a day, half year or season: not a thing planners write


def _single(text: str) -> _Span | None:
    match = _IN.fullmatch(text)
    if match:
        text = match["rest"]
    span = _base(text)
    if span is None:
        match = _POSITION.fullmatch(text)
        inner = _base(match["rest"]) if match else None
        if inner is not None:
            span = _position(_POSITIONS[match["pos"]], inner)
    return span


# --- ranges and open ends -------------------------------------------------------

_RANGE_WORDS = (" tot en met ", " t/m ", " tot ")
_MONTH_NAMES = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()


def _range_splits(text: str) -> Iterator[tuple[str, str]]:
    for word in _RANGE_WORDS:
        for match in re.finditer(re.escape(word), text):
            yield text[: match.start()], text[match.end() :]
    # Hyphens also sit inside "27-08-2024" and "Q1-2025": spaced ones are tried first.
    dashes = [i for i, char in enumerate(text) if char == "-"]
    dashes.sort(key=lambda i: not (text[i - 1 : i] == " " or text[i + 1 : i + 2] == " "))
    for i in dashes:
        yield text[:i], text[i + 1 :]


def _complete(left: str, right: _Span) -> _Span | None:
    """Fill a missing year (or month and year) of a range's first part from its second."""
    year = right.start.year
    candidates = [f"{left} {year}"]
    if right.precision in ("day", "month"):
        candidates.append(f"{left} {_MONTH_NAMES[right.start.month - 1]} {year}")
    for candidate in candidates:
        span = _single(candidate)
        if span is not None:
            return span
    return None


def _range(text: str) -> _Span | None:
    if text.startswith("van "):
        text = text[4:]
    for left, right in _range_splits(text):
        left, right = left.strip(), right.strip()
        if not left or not right:
            continue
        last = _single(right)
        if last is None:
            continue
        first = _single(left) or _complete(left, last)
        if first is not None and first.start <= last.end:
            return _Span(first.start, last.end, "range")
    return None


_OPEN = _rule(r"(?P<word>voor|uiterlijk|tot en met|t/m|tot|vanaf|na) (?P<rest>.+)")


def _open(text: str) -> tuple[date | None, date | None, str] | None:
    match = _OPEN.fullmatch(text)
    span = _single(match["rest"]) if match else None
    if span is None:
        return None
    word = match["word"]
    if word == "voor":
        return None, span.start - timedelta(days=1), "open"
    if word == "vanaf":
        return span.start, None, "open"
    if word == "na":
        return span.end + timedelta(days=1), None, "open"
    return None, span.end, "open"  # uiterlijk, tot, t/m, tot en met


_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))


def _normalize(part: str) -> str:
    """Casefold, drop accents ("vóór"), unify dashes and spaces, drop a final full stop."""
    decomposed = unicodedata.normalize("NFD", part.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.translate(_DASHES).split()).rstrip(" .")


def _interval(part: str) -> tuple[date | None, date | None, str] | None:
    text = _normalize(part)
    if not text or len(text) > MAX_DATE_LENGTH:
        return None
    return _single(text) or _range(text) or _open(text)


# --- unknown, recurring and notes (matched on the tidied text, case kept) ----------

_AFTER_PHRASE = r"(?=$|[\s.,;:!?()])(?P<rest>.*)"
_UNKNOWN = re.compile(
    r"(?:onbekend|nog\s+(?:niet\s+)?bekend|nog\s+onbekend|nader\s+te\s+bepalen"
    r"|nog\s+te\s+bepalen|n\.?\s?t\.?\s?b\.?|n\.?\s?v\.?\s?t\.?)" + _AFTER_PHRASE,
    re.IGNORECASE,
)
_DASH_ONLY = ("", "-", "\u2013", "\u2014")


def _times_per(numbers: str, unit: str) -> str:
    # "2x", "2 x", "twee keer", "tweemaal", "twee maal" ... "per jaar"
    return rf"(?:{numbers})\s*(?:x|×|keer|maal)\s+per\s+{unit}"


_EACH = r"(?:elk|ieder)e?\s+"
_RECURRENCES = tuple(
    (re.compile(rf"(?:{phrases}){_AFTER_PHRASE}", re.IGNORECASE), duration)
    for phrases, duration in (
        (rf"jaarlijks|{_EACH}jaar|eens\s+per\s+jaar|{_times_per('1|[eé]{2}n', 'jaar')}", "P1Y"),
        (rf"half\s?jaarlijks|(?:{_EACH}|per\s+)half\s?jaar|{_times_per('2|twee', 'jaar')}", "P6M"),
        (_times_per("3|drie", "jaar"), "P4M"),
        (rf"(?:{_EACH}|per\s+)kwartaal|driemaandelijks|{_times_per('4|vier', 'jaar')}", "P3M"),
        (
            rf"maandelijks|(?:{_EACH}|per\s+)maand|{_times_per('12|twaalf', 'jaar')}"
            rf"|{_times_per('1|[eé]{2}n', 'maand')}",
            "P1M",
        ),
    )
)


def _clean_note(text: str) -> str | None:
    note = text.strip().lstrip(".,;:!?-\u2013\u2014 ")
    if note.startswith("(") and note.endswith(")") and note.count("(") == note.count(")") == 1:
        note = note[1:-1].strip()
    return note or None


def _join(notes: list[str | None]) -> str | None:
    return "; ".join(note for note in notes if note) or None


def _split_notes(raw: str) -> tuple[str, list[str | None]]:
    """Split off the text after the first colon and a parenthesised group at the end."""
    head, tail, depth = raw, "", 0
    for i, char in enumerate(raw):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == ":" and depth == 0:  # a colon inside "(besluit: college)" is not it
            head, tail = raw[:i], raw[i + 1 :]
            break
    head = head.rstrip(" .")
    paren = None
    if head.endswith(")"):
        opening = head.rfind("(")
        if opening >= 0 and ")" not in head[opening + 1 : -1]:
            head, paren = head[:opening], head[opening + 1 : -1]
    return head, [_clean_note(paren or ""), _clean_note(tail)]


def _leading_clause(part: str) -> tuple[str, tuple[date | None, date | None, str]] | None:
    """'Aan het eind van het project, najaar 2027': a digit-free clause, a comma, a date."""
    clause, comma, rest = part.rpartition(",")
    if not comma or any(c.isdigit() for c in clause) or not any(c.isalpha() for c in clause):
        return None
    interval = _interval(rest)
    return (clause.strip(), interval) if interval else None


# --- public API -------------------------------------------------------------------


def _parse(text: str) -> VagueDate:
    """The grammar; ``parse`` wraps it in a safety net.  Tests call this one directly."""
    raw = " ".join(unicodedata.normalize("NFC", text).split())
    if raw.rstrip(" .") in _DASH_ONLY:
        return VagueDate(text, None, None, "unknown")
    match = _UNKNOWN.match(raw)
    if match:
        return VagueDate(text, None, None, "unknown", note=_clean_note(match["rest"]))
    for pattern, duration in _RECURRENCES:
        match = pattern.match(raw)
        if match:
            return VagueDate(text, None, None, "recurring", duration, _clean_note(match["rest"]))
    part, notes = _split_notes(raw)
    interval = _interval(part)
    if interval is None:
        clause = _leading_clause(part)
        if clause is None:
            return VagueDate(text, None, None, "unrecognized")
        note, interval = clause
        notes = [note, *notes]
    start, end, precision = interval
    return VagueDate(text, start, end, precision, None, _join(notes))


def parse(text: str | None) -> VagueDate:
    """Read a loosely written Dutch date.  Never raises: ``None`` is read as ``""``."""
    try:
        text = "" if text is None else text if isinstance(text, str) else str(text)
    except Exception:  # a foreign object whose __str__ fails
        text = ""
    try:
        return _parse(text)
    except Exception:  # safety net for the UI; the tests exercise _parse without it
        logger.exception("vague date parser failed on %r", text)
        return VagueDate(text, None, None, "unrecognized")


_WORDS = {
    "nl": {
        "months": "jan feb mrt apr mei jun jul aug sep okt nov dec".split(),
        "from": "vanaf",
        "until": "tot en met",
        "unknown": "onbekend",
        "unrecognized": "niet herkend",
        "P1Y": "jaarlijks",
        "P6M": "halfjaarlijks",
        "P4M": "drie keer per jaar",
        "P3M": "per kwartaal",
        "P1M": "maandelijks",
    },
    "en": {
        "months": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
        "from": "from",
        "until": "until",
        "unknown": "unknown",
        "unrecognized": "not recognised",
        "P1Y": "yearly",
        "P6M": "twice a year",
        "P4M": "three times a year",
        "P3M": "quarterly",
        "P1M": "monthly",
    },
}


def describe(vd: VagueDate, lang: str = "nl") -> str:
    """Short human reading, e.g. "1 okt 2025 – 31 dec 2025" or "vanaf 1 jun 2025".

    ``lang`` is "nl" or "en" (a region such as "en-gb" is ignored); others raise
    ``ValueError``.
    """
    words = _WORDS.get(lang.split("-")[0].lower())
    if words is None:
        raise ValueError(f"describe() speaks nl and en, not {lang!r}")

    def day(when: date) -> str:
        return f"{when.day} {words['months'][when.month - 1]} {when.year}"

    if vd.start is not None and vd.end is not None:
        return day(vd.start) if vd.start == vd.end else f"{day(vd.start)} – {day(vd.end)}"
    if vd.start is not None:
        return f"{words['from']} {day(vd.start)}"
    if vd.end is not None:
        return f"{words['until']} {day(vd.end)}"
    if vd.precision == "recurring" and vd.recurrence:
        return words.get(vd.recurrence, vd.recurrence)
    if vd.precision == "unknown":
        return words["unknown"]
    return words["unrecognized"]


_UNPLACED_RANK = {"recurring": 1, "unknown": 2}


def sort_key(vd: VagueDate) -> tuple:
    """Start, then end ("voor X" sorts first); recurring, unknown, unrecognised last."""
    if vd.is_known:
        return (0, vd.start or date.min, vd.end or date.max, vd.text)
    return (_UNPLACED_RANK.get(vd.precision, 3), date.min, date.max, vd.text)
