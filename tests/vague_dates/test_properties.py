"""Properties of the vague-date parser that must hold for every input, not just the tables."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from oogst import vague_dates
from oogst.vague_dates import DUTCH_MONTHS, PRECISIONS, describe, parse, sort_key

# Default example counts keep this file fast; no deadline, so a busy CI box cannot flake it.
fast = settings(deadline=None)

FULL = "januari februari maart april mei juni juli augustus september oktober november december"
ABBREVIATED = "jan feb mrt apr mei jun jul aug sep okt nov dec"
FULL_NAMES = dict(enumerate(FULL.split(), start=1))
SHORT_NAMES = dict(enumerate(ABBREVIATED.split(), start=1))

valid_days = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))


def written(when, style):
    d, m, y = when.day, when.month, when.year
    return {
        "d-m-yyyy": f"{d}-{m}-{y}",
        "dd-mm-yyyy": f"{d:02}-{m:02}-{y}",
        "d/m/yyyy": f"{d}/{m}/{y}",
        "yyyy-mm-dd": when.isoformat(),
        "d maand yyyy": f"{d} {FULL_NAMES[m]} {y}",
        "d mnd yyyy": f"{d} {SHORT_NAMES[m]} {y}",
        "d mnd. yyyy": f"{d} {SHORT_NAMES[m]}. {y}",
        "d sept yyyy": f"{d} {'sept' if m == 9 else SHORT_NAMES[m]} {y}",
    }[style]


STYLES = ["d-m-yyyy", "dd-mm-yyyy", "d/m/yyyy", "yyyy-mm-dd"]
STYLES += ["d maand yyyy", "d mnd yyyy", "d mnd. yyyy", "d sept yyyy"]


@fast
@given(valid_days, st.sampled_from(STYLES))
def test_any_valid_day_in_any_day_format_parses_back_to_exactly_that_day(when, style):
    vd = parse(written(when, style))
    assert (vd.start, vd.end, vd.precision, vd.note) == (when, when, "day", None)


# --- a grammar of date fragments, valid and not ---------------------------------------------

# Mostly valid values, so that ranges and open ends are often built; some out of bounds.
years = st.one_of(
    st.integers(1900, 2199).map(str),
    st.integers(2020, 2030).map(str),
    st.sampled_from(["1899", "2200", "99999", "025", "0"]),
)
numbers = st.one_of(st.integers(1, 12), st.integers(1, 28), st.integers(0, 33)).map(str)
month_names = st.sampled_from(sorted(DUTCH_MONTHS)).flatmap(
    lambda name: st.sampled_from([name, name + "."])
)
ordinals = st.sampled_from(["1e", "1ste", "eerste", "2de", "tweede", "derde", "4de", "vijfde"])

fragments = st.one_of(
    st.builds("{}-{}-{}".format, numbers, numbers, years),
    st.builds("{}/{}/{}".format, numbers, numbers, years),
    st.builds("{}-{}-{}".format, years, numbers, numbers),
    st.builds("{} {} {}".format, numbers, month_names, years),
    st.builds("{} {}".format, month_names, years),
    st.builds("Q{} {}".format, st.integers(0, 5), years),
    st.builds("Q{}-{}".format, st.integers(0, 5), years),
    st.builds("{} kwartaal {}".format, ordinals, years),
    st.builds("{} helft van {}".format, ordinals, years),
    st.builds("H{} {}".format, st.integers(0, 3), years),
    st.builds(
        "{} {}".format,
        st.sampled_from(["voorjaar", "lente", "zomer", "najaar", "herfst", "winter"]),
        years,
    ),
    years,
    st.builds("in {}".format, years),
)
positioned = st.builds(
    "{} {}".format,
    st.sampled_from(["begin", "begin van", "medio", "halverwege", "midden", "eind", "einde van"]),
    fragments,
)
singles = st.one_of(fragments, positioned)
partials = st.one_of(
    singles, numbers, month_names, st.sampled_from(["q1", "h2", "voorjaar", "eind maart"])
)
separators = st.sampled_from([" - ", "-", " -", " – ", "—", " t/m ", " tot ", " tot en met "])
ranges = st.one_of(
    st.builds("{}{}{}".format, partials, separators, singles),
    st.builds("van {} tot {}".format, partials, singles),
)
open_ends = st.builds(
    "{} {}".format,
    st.sampled_from(["voor", "vóór", "uiterlijk", "tot", "t/m", "vanaf", "na"]),
    singles,
)
notes = st.sampled_from(["", ": start bouw", " (onder voorbehoud)", " (besluit: college)"])
expressions = st.builds(
    "{}{}{}".format,
    st.sampled_from(["", "Aan het eind van het project, "]),
    st.one_of(singles, ranges, open_ends),
    notes,
)


def assert_consistent(vd):
    assert vd.precision in PRECISIONS
    if vd.start is not None and vd.end is not None:
        assert vd.start <= vd.end
    if vd.precision == "open":
        assert (vd.start is None) != (vd.end is None)
    elif vd.precision in ("unknown", "recurring", "unrecognized"):
        assert not vd.is_known
    else:
        assert vd.start is not None and vd.end is not None
    assert (vd.recurrence is not None) == (vd.precision == "recurring")
    describe(vd, "nl"), describe(vd, "en")
    sort_key(vd)


@fast
@given(expressions)
def test_a_date_built_from_the_grammar_never_ends_before_it_starts(text):
    assert_consistent(parse(text))


@fast
@given(expressions, st.sampled_from([str.upper, str.lower, str.title]), st.sampled_from(["", "."]))
def test_case_spacing_and_a_final_full_stop_never_change_the_interval(text, recase, stop):
    vd, variant = parse(text), parse("  " + recase(text).replace(" ", "  ") + stop + " ")
    assert (variant.start, variant.end, variant.precision) == (vd.start, vd.end, vd.precision)


@fast
@given(st.text())
def test_arbitrary_text_never_ends_before_it_starts(text):
    assert_consistent(parse(text))


@fast
@given(
    st.text(st.characters(codec="utf-8")) | st.text(alphabet="0123456789-/ .:()qhQH", max_size=40)
)
def test_arbitrary_unicode_never_raises_and_keeps_the_text(text):
    vd = vague_dates._parse(text)  # without the safety net: a bug here must fail the test
    assert vd.text == text
    assert vd.precision in PRECISIONS
    assert parse(text) == vd


@fast
@given(st.lists(st.one_of(st.text(), expressions), max_size=20))
def test_any_mix_of_dates_can_be_sorted(texts):
    keys = [sort_key(parse(text)) for text in texts]
    assert sorted(keys) == sorted(reversed(keys))  # comparable and a total order
