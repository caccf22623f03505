"""Every date string in the seed appendix, with the interpretation the register will show."""

import pytest

from oogst.vague_dates import parse

UNKNOWN = (None, None, "unknown", None, None)

SEED_DATES = [
    (
        "20 december 2021 (vaststelling projectopdracht door het college)",
        ("2021-12-20", "2021-12-20", "day", None, "vaststelling projectopdracht door het college"),
    ),
    ("4de kwartaal 2025", ("2025-10-01", "2025-12-31", "quarter", None, None)),
    ("September 2020", ("2020-09-01", "2020-09-30", "month", None, None)),
    ("2018", ("2018-01-01", "2018-12-31", "year", None, None)),
    ("27-08-2024", ("2024-08-27", "2024-08-27", "day", None, None)),
    ("1 jan 2024", ("2024-01-01", "2024-01-01", "day", None, None)),
    ("Eind 2025", ("2025-10-01", "2025-12-31", "quarter", None, None)),
    ("1ste helft 2025", ("2025-01-01", "2025-06-30", "half", None, None)),
    ("Derde kwartaal 2025", ("2025-07-01", "2025-09-30", "quarter", None, None)),
    (
        "Vierde kwartaal 2024: start onderzoek",
        ("2024-10-01", "2024-12-31", "quarter", None, "start onderzoek"),
    ),
    ("Q3 2025", ("2025-07-01", "2025-09-30", "quarter", None, None)),
    ("Nader te bepalen", UNKNOWN),
    ("onbekend", UNKNOWN),
    ("jaarlijks", (None, None, "recurring", "P1Y", None)),
    ("2x per jaar", (None, None, "recurring", "P6M", None)),
    ("Tweemaal per jaar", (None, None, "recurring", "P6M", None)),
    ("2024 -2025", ("2024-01-01", "2025-12-31", "range", None, None)),
    ("voor 1 juni 2025", (None, "2025-05-31", "open", None, None)),
    (
        "Aan het eind van het project, najaar 2027",
        ("2027-09-01", "2027-11-30", "season", None, "Aan het eind van het project"),
    ),
    ("Onbekend.", UNKNOWN),
    ("31-12-2027", ("2027-12-31", "2027-12-31", "day", None, None)),
    ("1 januari 2021", ("2021-01-01", "2021-01-01", "day", None, None)),
    ("31 december 2024", ("2024-12-31", "2024-12-31", "day", None, None)),
    ("December 2024", ("2024-12-01", "2024-12-31", "month", None, None)),
    ("Maart 2023", ("2023-03-01", "2023-03-31", "month", None, None)),
    ("Q2 2025", ("2025-04-01", "2025-06-30", "quarter", None, None)),
    ("15 april 2024", ("2024-04-15", "2024-04-15", "day", None, None)),
    ("1 september 2022", ("2022-09-01", "2022-09-01", "day", None, None)),
    ("31 dec 2025", ("2025-12-31", "2025-12-31", "day", None, None)),
    (
        "Nader te bepalen. Einddatum is afhankelijk van nog te maken keuzes over de vorm van een"
        " aanbesteding en een daadwerkelijke aanbesteding.",
        (
            None,
            None,
            "unknown",
            None,
            "Einddatum is afhankelijk van nog te maken keuzes over de vorm van een aanbesteding"
            " en een daadwerkelijke aanbesteding.",
        ),
    ),
    (
        "Nader te bepalen. Evaluatiedatum is afhankelijk van moment van daadwerkelijke realisatie"
        " van de pilot.",
        (
            None,
            None,
            "unknown",
            None,
            "Evaluatiedatum is afhankelijk van moment van daadwerkelijke realisatie van de pilot.",
        ),
    ),
    (
        "2x per jaar in Rapportage Ruimtelijk Fysiek, eerstvolgende over het eerste halfjaar"
        " van 2025",
        (
            None,
            None,
            "recurring",
            "P6M",
            "in Rapportage Ruimtelijk Fysiek, eerstvolgende over het eerste halfjaar van 2025",
        ),
    ),
]


@pytest.mark.parametrize(("text", "expected"), SEED_DATES, ids=[t[:40] for t, _ in SEED_DATES])
def test_every_seed_date_reads_as_the_planner_meant(text, expected):
    d = parse(text).as_dict()
    assert d.pop("text") == text
    assert tuple(d.values()) == expected


def test_no_seed_date_is_left_unrecognised():
    assert not [text for text, _ in SEED_DATES if parse(text).precision == "unrecognized"]
