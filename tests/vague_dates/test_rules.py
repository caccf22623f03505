"""Each rule of the vague-date grammar, as a table of written text and the meaning expected."""

import dataclasses
import doctest
import random

import pytest

from oogst import vague_dates
from oogst.vague_dates import DUTCH_MONTHS, PRECISIONS, VagueDate, describe, parse, sort_key


def reading(text):
    """(start, end, precision, recurrence, note) with dates as ISO strings: easy to tabulate."""
    vd = parse(text)
    assert vd.text == text
    d = vd.as_dict()
    return d["start"], d["end"], d["precision"], d["recurrence"], d["note"]


UNRECOGNIZED = (None, None, "unrecognized", None, None)
UNKNOWN = (None, None, "unknown", None, None)


def day(iso):
    return (iso, iso, "day", None, None)


def span(start, end, precision):
    return (start, end, precision, None, None)


# --- day ----------------------------------------------------------------------------

DAYS = [
    ("27-08-2024", "2024-08-27"),
    ("7-8-2024", "2024-08-07"),
    ("07-08-2024", "2024-08-07"),
    ("7/8/2024", "2024-08-07"),
    ("27/08/2024", "2024-08-27"),
    ("2024-08-27", "2024-08-27"),
    ("2024-8-7", "2024-08-07"),
    ("1 jan 2024", "2024-01-01"),
    ("1 januari 2021", "2021-01-01"),
    ("15 april 2024", "2024-04-15"),
    ("1 sept. 2022", "2022-09-01"),
    ("31 dec 2025", "2025-12-31"),
    ("29-02-2024", "2024-02-29"),
    ("29 februari 2024", "2024-02-29"),
    ("29-02-2000", "2000-02-29"),
    ("1-1-1900", "1900-01-01"),
    ("31-12-2199", "2199-12-31"),
]


@pytest.mark.parametrize(("text", "iso"), DAYS)
def test_a_day_in_any_accepted_format_is_that_day(text, iso):
    assert reading(text) == day(iso)


ABBREVIATIONS = [
    ("jan", 1),
    ("feb", 2),
    ("mrt", 3),
    ("apr", 4),
    ("mei", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
]
FULL_NAMES = [
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("april", 4),
    ("mei", 5),
    ("juni", 6),
    ("juli", 7),
    ("augustus", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("december", 12),
]


@pytest.mark.parametrize(("name", "month"), ABBREVIATIONS + FULL_NAMES)
@pytest.mark.parametrize("dot", ["", "."])
def test_a_month_name_may_be_full_or_abbreviated_with_or_without_a_dot(name, month, dot):
    assert reading(f"3 {name}{dot} 2025") == day(f"2025-{month:02}-03")


def test_every_month_name_is_in_the_exported_mapping():
    assert {**dict(ABBREVIATIONS), **dict(FULL_NAMES)}.items() <= DUTCH_MONTHS.items()


@pytest.mark.parametrize(
    "text",
    [
        "31-04-2025",
        "31 april 2025",
        "2025-04-31",
        "29-02-2025",
        "29 feb 2025",
        "29-02-1900",
        "32-01-2025",
        "00-01-2025",
        "0 jan 2025",
        "15-13-2025",
        "15-00-2025",
        "27-08/2024",
        "31-12-99999",
        "31-12-1899",
        "1-1-2200",
        "1 foo 2025",
    ],
)
def test_an_impossible_day_is_not_recognised_never_guessed(text):
    assert reading(text) == UNRECOGNIZED


# --- month, quarter, half year, year, season -----------------------------------------

MONTHS = [
    ("maart 2025", "2025-03-01", "2025-03-31"),
    ("Maart 2023", "2023-03-01", "2023-03-31"),
    ("mrt 2025", "2025-03-01", "2025-03-31"),
    ("mrt. 2025", "2025-03-01", "2025-03-31"),
    ("September 2020", "2020-09-01", "2020-09-30"),
    ("sept 2020", "2020-09-01", "2020-09-30"),
    ("December 2024", "2024-12-01", "2024-12-31"),
    ("februari 2024", "2024-02-01", "2024-02-29"),
    ("februari 2025", "2025-02-01", "2025-02-28"),
]


@pytest.mark.parametrize(("text", "start", "end"), MONTHS)
def test_a_month_and_year_is_the_whole_month(text, start, end):
    assert reading(text) == span(start, end, "month")


QUARTERS = [
    ("Q1 2025", "2025-01-01", "2025-03-31"),
    ("Q2 2025", "2025-04-01", "2025-06-30"),
    ("Q3 2025", "2025-07-01", "2025-09-30"),
    ("Q4 2025", "2025-10-01", "2025-12-31"),
    ("Q1-2025", "2025-01-01", "2025-03-31"),
    ("q1 - 2025", "2025-01-01", "2025-03-31"),
    ("1e kwartaal 2025", "2025-01-01", "2025-03-31"),
    ("1ste kwartaal 2025", "2025-01-01", "2025-03-31"),
    ("eerste kwartaal 2025", "2025-01-01", "2025-03-31"),
    ("2e kwartaal 2025", "2025-04-01", "2025-06-30"),
    ("2de kwartaal 2025", "2025-04-01", "2025-06-30"),
    ("tweede kwartaal 2025", "2025-04-01", "2025-06-30"),
    ("3e kwartaal 2025", "2025-07-01", "2025-09-30"),
    ("3de kwartaal 2025", "2025-07-01", "2025-09-30"),
    ("Derde kwartaal 2025", "2025-07-01", "2025-09-30"),
    ("derde kwartaal van 2025", "2025-07-01", "2025-09-30"),
    ("4e kwartaal 2025", "2025-10-01", "2025-12-31"),
    ("4de kwartaal 2025", "2025-10-01", "2025-12-31"),
    ("vierde kwartaal 2025", "2025-10-01", "2025-12-31"),
]


@pytest.mark.parametrize(("text", "start", "end"), QUARTERS)
def test_a_quarter_is_its_three_months(text, start, end):
    assert reading(text) == span(start, end, "quarter")


HALVES = [
    ("1e helft 2025", "2025-01-01", "2025-06-30"),
    ("1ste helft 2025", "2025-01-01", "2025-06-30"),
    ("eerste helft van 2025", "2025-01-01", "2025-06-30"),
    ("H1 2025", "2025-01-01", "2025-06-30"),
    ("eerste halfjaar 2025", "2025-01-01", "2025-06-30"),
    ("eerste half jaar 2025", "2025-01-01", "2025-06-30"),
    ("2e helft 2025", "2025-07-01", "2025-12-31"),
    ("2de helft 2025", "2025-07-01", "2025-12-31"),
    ("tweede helft van 2025", "2025-07-01", "2025-12-31"),
    ("H2 2025", "2025-07-01", "2025-12-31"),
    ("H2-2025", "2025-07-01", "2025-12-31"),
    ("tweede halfjaar 2025", "2025-07-01", "2025-12-31"),
]


@pytest.mark.parametrize(("text", "start", "end"), HALVES)
def test_a_half_year_is_january_to_june_or_july_to_december(text, start, end):
    assert reading(text) == span(start, end, "half")


YEARS = [
    ("2025", "2025-01-01", "2025-12-31"),
    ("2018", "2018-01-01", "2018-12-31"),
    ("in 2025", "2025-01-01", "2025-12-31"),
    ("1900", "1900-01-01", "1900-12-31"),
    ("2199", "2199-01-01", "2199-12-31"),
]


@pytest.mark.parametrize(("text", "start", "end"), YEARS)
def test_a_year_is_the_whole_year(text, start, end):
    assert reading(text) == span(start, end, "year")


SEASONS = [
    ("voorjaar 2025", "2025-03-01", "2025-05-31"),
    ("lente 2025", "2025-03-01", "2025-05-31"),
    ("zomer 2025", "2025-06-01", "2025-08-31"),
    ("in de zomer van 2025", "2025-06-01", "2025-08-31"),
    ("najaar 2027", "2027-09-01", "2027-11-30"),
    ("herfst 2027", "2027-09-01", "2027-11-30"),
    ("winter 2023", "2023-12-01", "2024-02-29"),
    ("winter 2024", "2024-12-01", "2025-02-28"),
    ("winter 2199", "2199-12-01", "2200-02-28"),
]


@pytest.mark.parametrize(("text", "start", "end"), SEASONS)
def test_a_season_is_its_three_months_and_winter_runs_into_the_next_year(text, start, end):
    assert reading(text) == span(start, end, "season")


@pytest.mark.parametrize(
    "text",
    ["Q5 2025", "Q0 2025", "5e kwartaal 2025", "H3 2025", "derde helft 2025", "Q12025"]
    + ["1899", "2200", "99999", "025", "20255", "zomer 20255", "maart 1899"],
)
def test_a_quarter_half_or_year_that_does_not_exist_is_not_recognised(text):
    assert reading(text) == UNRECOGNIZED


# --- begin / medio / eind ---------------------------------------------------------------

POSITIONS = [
    ("begin 2025", "2025-01-01", "2025-03-31", "quarter"),
    ("begin van 2025", "2025-01-01", "2025-03-31", "quarter"),
    ("medio 2025", "2025-06-01", "2025-07-31", "range"),
    ("halverwege 2025", "2025-06-01", "2025-07-31", "range"),
    ("midden 2025", "2025-06-01", "2025-07-31", "range"),
    ("Eind 2025", "2025-10-01", "2025-12-31", "quarter"),
    ("einde 2025", "2025-10-01", "2025-12-31", "quarter"),
    ("eind van 2025", "2025-10-01", "2025-12-31", "quarter"),
    ("begin Q3 2025", "2025-07-01", "2025-07-31", "month"),
    ("medio Q3 2025", "2025-08-01", "2025-08-31", "month"),
    ("eind Q3 2025", "2025-09-01", "2025-09-30", "month"),
    ("eind van het derde kwartaal 2025", "2025-09-01", "2025-09-30", "month"),
    ("begin maart 2025", "2025-03-01", "2025-03-10", "range"),
    ("medio maart 2025", "2025-03-11", "2025-03-20", "range"),
    ("halverwege maart 2025", "2025-03-11", "2025-03-20", "range"),
    ("eind maart 2025", "2025-03-21", "2025-03-31", "range"),
    ("einde van maart 2025", "2025-03-21", "2025-03-31", "range"),
    ("eind april 2025", "2025-04-21", "2025-04-30", "range"),
    ("eind februari 2024", "2024-02-21", "2024-02-29", "range"),
    ("eind februari 2025", "2025-02-21", "2025-02-28", "range"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), POSITIONS)
def test_begin_medio_eind_take_part_of_a_year_quarter_or_month(text, start, end, precision):
    assert reading(text) == span(start, end, precision)


@pytest.mark.parametrize("text", ["eind 1 maart 2025", "begin zomer 2025", "eind H1 2025", "eind"])
def test_begin_medio_eind_of_a_day_season_or_half_year_is_not_recognised(text):
    assert reading(text) == UNRECOGNIZED


# --- ranges ---------------------------------------------------------------------------

RANGES = [
    ("2024 - 2025", "2024-01-01", "2025-12-31"),
    ("2024 -2025", "2024-01-01", "2025-12-31"),
    ("2024-2025", "2024-01-01", "2025-12-31"),
    ("2024 \u2013 2025", "2024-01-01", "2025-12-31"),
    ("2024\u20132025", "2024-01-01", "2025-12-31"),
    ("2024 \u2014 2025", "2024-01-01", "2025-12-31"),
    ("maart - juni 2025", "2025-03-01", "2025-06-30"),
    ("maart-juni 2025", "2025-03-01", "2025-06-30"),
    ("maart t/m juni 2025", "2025-03-01", "2025-06-30"),
    ("maart tot en met juni 2025", "2025-03-01", "2025-06-30"),
    ("maart tot juni 2025", "2025-03-01", "2025-06-30"),
    ("van maart tot juni 2025", "2025-03-01", "2025-06-30"),
    ("van maart 2024 tot en met juni 2025", "2024-03-01", "2025-06-30"),
    ("van 1 maart tot 1 juni 2025", "2025-03-01", "2025-06-01"),
    ("1 - 15 maart 2025", "2025-03-01", "2025-03-15"),
    ("1-15 maart 2025", "2025-03-01", "2025-03-15"),
    ("1 maart - 15 juni 2025", "2025-03-01", "2025-06-15"),
    ("Q1 2025 - Q3 2025", "2025-01-01", "2025-09-30"),
    ("Q1 - Q3 2025", "2025-01-01", "2025-09-30"),
    ("Q1-2025 - Q3-2025", "2025-01-01", "2025-09-30"),
    ("27-08-2024 - 31-12-2024", "2024-08-27", "2024-12-31"),
    ("2025-03-01 - 2025-06-30", "2025-03-01", "2025-06-30"),
    ("voorjaar - najaar 2025", "2025-03-01", "2025-11-30"),
    ("eind 2024 - begin 2025", "2024-10-01", "2025-03-31"),
    ("2025 - 2025", "2025-01-01", "2025-12-31"),
]


@pytest.mark.parametrize(("text", "start", "end"), RANGES)
def test_a_range_runs_from_the_start_of_the_first_to_the_end_of_the_second(text, start, end):
    assert reading(text) == span(start, end, "range")


@pytest.mark.parametrize(
    ("text", "precision"),
    [("27-08-2024", "day"), ("2025-03-01", "day"), ("Q1-2025", "quarter"), ("H1-2025", "half")],
)
def test_a_hyphen_inside_a_single_date_does_not_make_a_range(text, precision):
    assert reading(text)[2] == precision


@pytest.mark.parametrize(
    "text",
    ["2025 - 2024", "juni - maart 2025", "15 - 1 maart 2025", "1 juni 2025 - 1 maart 2025"]
    + ["2024 -", "- 2025", "maart - juni", "maart - 2025 juni", "2024 - onbekend"],
)
def test_a_range_that_runs_backwards_or_has_an_unreadable_side_is_not_recognised(text):
    assert reading(text) == UNRECOGNIZED


# --- open ends --------------------------------------------------------------------------

OPEN_ENDS = [
    ("voor 1 juni 2025", None, "2025-05-31"),
    ("vóór 1 juni 2025", None, "2025-05-31"),
    ("VÓÓR 1 juni 2025", None, "2025-05-31"),
    ("voor 2026", None, "2025-12-31"),
    ("voor eind 2025", None, "2025-09-30"),
    ("uiterlijk 1 juni 2025", None, "2025-06-01"),
    ("uiterlijk Q3 2025", None, "2025-09-30"),
    ("uiterlijk eind 2025", None, "2025-12-31"),
    ("uiterlijk in 2025", None, "2025-12-31"),
    ("tot 1 juni 2025", None, "2025-06-01"),
    ("tot juni 2025", None, "2025-06-30"),
    ("t/m mei 2025", None, "2025-05-31"),
    ("tot en met mei 2025", None, "2025-05-31"),
    ("vanaf 1 juni 2025", "2025-06-01", None),
    ("vanaf Q3 2025", "2025-07-01", None),
    ("na 1 juni 2025", "2025-06-02", None),
    ("na Q3 2025", "2025-10-01", None),
    ("na 2025", "2026-01-01", None),
    ("na 31 december 2199", "2200-01-01", None),
]


@pytest.mark.parametrize(("text", "start", "end"), OPEN_ENDS)
def test_an_open_end_bounds_one_side_only(text, start, end):
    assert reading(text) == span(start, end, "open")


@pytest.mark.parametrize("text", ["voor onbekend", "vanaf", "na de zomer", "voor het college"])
def test_an_open_end_without_a_readable_date_is_not_recognised(text):
    assert reading(text) == UNRECOGNIZED


# --- notes ------------------------------------------------------------------------------

NOTES = [
    (
        "20 december 2021 (vaststelling projectopdracht door het college)",
        day("2021-12-20")[:4] + ("vaststelling projectopdracht door het college",),
    ),
    (
        "Vierde kwartaal 2024: start onderzoek",
        ("2024-10-01", "2024-12-31", "quarter", None, "start onderzoek"),
    ),
    (
        "Vierde kwartaal 2024: start onderzoek.",
        ("2024-10-01", "2024-12-31", "quarter", None, "start onderzoek."),
    ),
    (
        "Q3 2025 (onder voorbehoud)",
        ("2025-07-01", "2025-09-30", "quarter", None, "onder voorbehoud"),
    ),
    (
        "Q3 2025 (onder voorbehoud).",
        ("2025-07-01", "2025-09-30", "quarter", None, "onder voorbehoud"),
    ),
    (
        "Q3 2025 (onder voorbehoud): start bouw",
        ("2025-07-01", "2025-09-30", "quarter", None, "onder voorbehoud; start bouw"),
    ),
    ("20 december 2021 (besluit: college)", day("2021-12-20")[:4] + ("besluit: college",)),
    (
        "voor 1 juni 2025 (deadline subsidie)",
        (None, "2025-05-31", "open", None, "deadline subsidie"),
    ),
    ("2025:", span("2025-01-01", "2025-12-31", "year")),
    ("2025 ()", span("2025-01-01", "2025-12-31", "year")),
    (
        "Aan het eind van het project, najaar 2027",
        ("2027-09-01", "2027-11-30", "season", None, "Aan het eind van het project"),
    ),
    (
        "Na de aanbesteding, vanaf Q3 2026",
        ("2026-07-01", None, "open", None, "Na de aanbesteding"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOTES)
def test_a_note_after_a_colon_or_in_final_parentheses_is_kept_apart(text, expected):
    assert reading(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Q3 (of Q4) 2025",  # lifting "(of Q4)" out would change the meaning
        "Planning: Q3 2025",  # the colon starts a note, so the date part is "Planning"
        "Fase 2, Q3 2026",  # a leading clause may hold no digit
        "maart 2025, april 2026",
        ", 2025",
        "Q3 2025 (voorlopig",
        "(zie planning)",
    ],
)
def test_notes_and_leading_clauses_stay_narrow(text):
    assert reading(text) == UNRECOGNIZED


# --- unknown on purpose ---------------------------------------------------------------

UNKNOWNS = [
    ("onbekend", None),
    ("Onbekend.", None),
    ("ONBEKEND", None),
    ("nog niet bekend", None),
    ("nog onbekend", None),
    ("nader te bepalen", None),
    ("Nader te bepalen.", None),
    ("nog te bepalen", None),
    ("n.t.b.", None),
    ("n.t.b", None),
    ("ntb", None),
    ("NTB", None),
    ("n.v.t.", None),
    ("nvt", None),
    ("-", None),
    ("\u2013", None),
    ("", None),
    ("   ", None),
    (".", None),
    (
        "Nader te bepalen. Einddatum is afhankelijk van de aanbesteding.",
        "Einddatum is afhankelijk van de aanbesteding.",
    ),
    ("Onbekend, waarschijnlijk 2026", "waarschijnlijk 2026"),
    ("Onbekend: hangt af van subsidie", "hangt af van subsidie"),
    ("nader te bepalen (na aanbesteding)", "na aanbesteding"),
    ("n.t.b. Zie planning", "Zie planning"),
]


@pytest.mark.parametrize(("text", "note"), UNKNOWNS)
def test_an_unknown_on_purpose_has_no_interval_and_keeps_what_follows_as_note(text, note):
    assert reading(text) == (None, None, "unknown", None, note)


def test_none_is_read_as_empty_text():
    assert parse(None) == VagueDate("", None, None, "unknown", None, None)


@pytest.mark.parametrize("text", ["onbekende datum", "ntbx", "nvt2025", "--"])
def test_a_word_that_only_starts_like_unknown_is_not_unknown(text):
    assert reading(text) == UNRECOGNIZED


# --- recurring --------------------------------------------------------------------------

RECURRING = [
    ("jaarlijks", "P1Y"),
    ("Jaarlijks.", "P1Y"),
    ("elk jaar", "P1Y"),
    ("ieder jaar", "P1Y"),
    ("1x per jaar", "P1Y"),
    ("eenmaal per jaar", "P1Y"),
    ("één keer per jaar", "P1Y"),
    ("halfjaarlijks", "P6M"),
    ("2x per jaar", "P6M"),
    ("2 x per jaar", "P6M"),
    ("2× per jaar", "P6M"),
    ("Tweemaal per jaar", "P6M"),
    ("twee keer per jaar", "P6M"),
    ("twee maal per jaar", "P6M"),
    ("elk halfjaar", "P6M"),
    ("3x per jaar", "P4M"),
    ("drie keer per jaar", "P4M"),
    ("driemaal per jaar", "P4M"),
    ("per kwartaal", "P3M"),
    ("elk kwartaal", "P3M"),
    ("ieder kwartaal", "P3M"),
    ("4x per jaar", "P3M"),
    ("vier keer per jaar", "P3M"),
    ("driemaandelijks", "P3M"),
    ("maandelijks", "P1M"),
    ("elke maand", "P1M"),
    ("iedere maand", "P1M"),
    ("per maand", "P1M"),
    ("12x per jaar", "P1M"),
]


@pytest.mark.parametrize(("text", "recurrence"), RECURRING)
def test_a_recurrence_has_no_interval_but_an_iso_duration(text, recurrence):
    assert reading(text) == (None, None, "recurring", recurrence, None)


RECURRING_WITH_NOTES = [
    (
        "2x per jaar in Rapportage Ruimtelijk Fysiek, eerstvolgende over het eerste halfjaar"
        " van 2025",
        "P6M",
        "in Rapportage Ruimtelijk Fysiek, eerstvolgende over het eerste halfjaar van 2025",
    ),
    ("jaarlijks (in mei)", "P1Y", "in mei"),
    ("per kwartaal: via de P&C-cyclus", "P3M", "via de P&C-cyclus"),
]


@pytest.mark.parametrize(("text", "recurrence", "note"), RECURRING_WITH_NOTES)
def test_a_recurrence_followed_by_more_text_keeps_that_text_as_note(text, recurrence, note):
    assert reading(text) == (None, None, "recurring", recurrence, note)


@pytest.mark.parametrize("text", ["jaarlijkse rapportage", "5x per jaar", "per jaar"])
def test_other_frequencies_are_not_recognised(text):
    assert reading(text) == UNRECOGNIZED


# --- insensitivity and robustness ---------------------------------------------------------

SAME_MEANING = [
    (
        "Q3 2025",
        ["q3 2025", "  Q3   2025  ", "Q3 2025.", "Q3 2025..", "Q3\u00a02025", "\tq3\n2025"],
    ),
    ("1 jan 2024", ["1 JAN. 2024", "1  Jan  2024 .", "1 januari 2024"]),
    ("eind 2025", ["EIND 2025", "Einde  2025.", "eind van 2025"]),
    ("voor 1 juni 2025", ["VOOR 1 JUNI 2025.", "vo\u0301o\u0301r 1 juni 2025"]),
    ("maart - juni 2025", ["Maart \u2013 Juni 2025.", "maart\u2014juni 2025"]),
    ("jaarlijks", ["JAARLIJKS", " jaarlijks. "]),
]


@pytest.mark.parametrize(
    ("canonical", "variant"), [(c, v) for c, variants in SAME_MEANING for v in variants]
)
def test_case_spaces_accents_and_a_final_full_stop_do_not_matter(canonical, variant):
    assert reading(variant) == reading(canonical)


def test_the_text_is_kept_exactly_as_written():
    assert parse("  Q3 2025. ").text == "  Q3 2025. "


@pytest.mark.parametrize(
    "text",
    ["Q3 2025 " + "x" * 200, "1" * 10_000, "-" * 5_000, "(" * 1000 + "2025", "2025 " + "9" * 999],
)
def test_junk_and_very_long_text_is_not_recognised(text):
    assert parse(text).precision == "unrecognized"


@pytest.mark.parametrize("value", [2025, 3.5, object()])
def test_a_value_that_is_not_text_is_read_as_its_string(value):
    assert parse(value).text == str(value)


def test_the_safety_net_turns_an_internal_error_into_unrecognized(monkeypatch):
    def broken(text):
        raise RuntimeError("bug")

    monkeypatch.setattr(vague_dates, "_parse", broken)
    assert parse("Q3 2025") == VagueDate("Q3 2025", None, None, "unrecognized")


# --- the value object ------------------------------------------------------------------------


def test_as_dict_writes_dates_as_iso_strings():
    assert parse("voor 1 juni 2025 (subsidie)").as_dict() == {
        "text": "voor 1 juni 2025 (subsidie)",
        "start": None,
        "end": "2025-05-31",
        "precision": "open",
        "recurrence": None,
        "note": "subsidie",
    }


@pytest.mark.parametrize(
    ("text", "known"),
    [("2025", True), ("voor 2025", True), ("na 2025", True), ("onbekend", False)]
    + [("jaarlijks", False), ("iets", False)],
)
def test_a_date_is_known_when_it_has_a_start_or_an_end(text, known):
    assert parse(text).is_known is known


def test_a_vague_date_is_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        parse("2025").start = None


def test_precisions_are_the_documented_eleven():
    assert PRECISIONS == (
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


def test_the_examples_in_the_module_docstring_hold():
    result = doctest.testmod(vague_dates, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


# --- describe -------------------------------------------------------------------------------

DESCRIPTIONS = [
    ("27-08-2024", "27 aug 2024", "27 Aug 2024"),
    ("Q4 2025", "1 okt 2025 – 31 dec 2025", "1 Oct 2025 – 31 Dec 2025"),
    ("maart 2025", "1 mrt 2025 – 31 mrt 2025", "1 Mar 2025 – 31 Mar 2025"),
    ("mei 2025", "1 mei 2025 – 31 mei 2025", "1 May 2025 – 31 May 2025"),
    ("vanaf 1 juni 2025", "vanaf 1 jun 2025", "from 1 Jun 2025"),
    ("voor 1 juni 2025", "tot en met 31 mei 2025", "until 31 May 2025"),
    ("jaarlijks", "jaarlijks", "yearly"),
    ("2x per jaar", "halfjaarlijks", "twice a year"),
    ("3x per jaar", "drie keer per jaar", "three times a year"),
    ("per kwartaal", "per kwartaal", "quarterly"),
    ("maandelijks", "maandelijks", "monthly"),
    ("onbekend", "onbekend", "unknown"),
    ("iets anders", "niet herkend", "not recognised"),
]


@pytest.mark.parametrize(("text", "nl", "en"), DESCRIPTIONS)
def test_describe_reads_the_interval_back_in_dutch_and_english(text, nl, en):
    vd = parse(text)
    assert (describe(vd), describe(vd, lang="nl"), describe(vd, lang="en")) == (nl, nl, en)


def test_describe_ignores_a_region_in_the_language_code():
    assert describe(parse("Q4 2025"), lang="en-GB") == "1 Oct 2025 – 31 Dec 2025"


def test_describe_refuses_a_language_it_does_not_speak():
    with pytest.raises(ValueError, match="de"):
        describe(parse("2025"), lang="de")


# --- sort_key -------------------------------------------------------------------------------

IN_ORDER = [
    "voor 1 juni 2024",  # an open start sorts first
    "2024",
    "1 januari 2025",
    "Q1 2025",
    "2025",
    "vanaf 1 juni 2025",
    "jaarlijks",
    "onbekend",
    "niet te lezen",
]


def test_sort_key_orders_by_start_then_end_with_recurring_unknown_and_unrecognised_last():
    shuffled = IN_ORDER[:]
    random.Random(7).shuffle(shuffled)
    assert [vd.text for vd in sorted(map(parse, shuffled), key=sort_key)] == IN_ORDER
