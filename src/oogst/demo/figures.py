"""The seed's figures as indicators and budget lines on their pilots, transcribed, not invented.

Each figure carries the sentence it comes from (`quote`, as in the seed after the OCR mends of
pilot_data), so a test can hold it to the seed. Where the seed gives no baseline, target
date or funding source, it stays empty. Two conventions, both visible in the data:

- A measurement needs a date. A figure the appendix reports without one ("bij negen
  werkgevers") is dated on the demo round's reference date, 1 March 2025 (the appendix
  reported it as of then), and its source says so. "In 2024" is dated 31 December 2024.
- "Van de kostenraming is nog € 339.225 niet besteed" is a line of € 339.225 budgeted that is
  still available, described as such: the seed does not give the total nor what was spent.
"""

import datetime
from decimal import Decimal

APPENDIX = "Bijlage 6. Monitoring evaluatie Pilots"
AS_REPORTED = f"{APPENDIX} (stand bij de peildatum van 1 maart 2025)"
MEMO = "Memo raad afdoening motie 2411-62 (2025-065916)"

INDICATORS = {
    "flexwonen-ruimtebaan": [
        {
            "quote": (
                "De voorbereiding van de bouw van ca. 80 flexwoningen op de locatie Ruimtebaan"
            ),
            "name": "Flexwoningen op de locatie Ruimtebaan (voorbereiding bouw)",
            "unit": "woningen",
            "target": Decimal(80),
            "measurements": [],
        }
    ],
    "vindplaats-verborgen-schulden": [
        {
            "quote": "Inzicht krijgen in de kennis- en informatiebehoefte bij 10 werkgevers",
            "name": "Werkgevers bereikt met voorlichting",
            "unit": "werkgevers",
            "target": Decimal(10),
            "measurements": [
                {
                    "quote": "Er zijn voorlichtingssessies bij negen werkgevers gehouden",
                    "value": Decimal(9),
                    "date": datetime.date(2025, 3, 1),
                    "source": AS_REPORTED,
                    "note": "Voorlichtingssessies bij negen werkgevers gehouden.",
                }
            ],
        }
    ],
    "rio-re-integratie-officier": [
        {
            "quote": "In 2024 zijn ongeveer 14 (ex-) detentiejongeren begeleid.",
            "name": "(Ex-)detentiejongeren begeleid",
            "unit": "jongeren",
            "target": None,
            "measurements": [
                {
                    "quote": "In 2024 zijn ongeveer 14 (ex-) detentiejongeren begeleid.",
                    "value": Decimal(14),
                    "date": datetime.date(2024, 12, 31),
                    "source": APPENDIX,
                    "note": "Ongeveer 14, in 2024.",
                }
            ],
        }
    ],
    "tuinrangers": [
        {
            "quote": "Hierbij wordt uitgegaan van in totaal rond de 600 te geven tuinadviezen",
            "name": "Tuinadviezen gegeven",
            "unit": "adviezen",
            "target": Decimal(600),
            "measurements": [],
        }
    ],
}

BUDGET_LINES = {
    "dealbreakers": [
        {
            "quote": (
                "De subsidie is over de periode van 1 januari 2023 tot en met 31 december "
                "2024 verlengd met een bijdrage van € 200.000"
            ),
            "description": "Verlenging 1 januari 2023 tot en met 31 december 2024",
            "year": None,
            "funding_kind": "subsidie",
            "funder": "Ministerie van Justitie en Veiligheid",
            "nature": "incidenteel",
            "begroot": Decimal(200000),
            "besteed": None,
        }
    ],
    "vindplaats-verborgen-schulden": [
        {
            "quote": "Van de kostenraming is nog € 339.225 niet besteed.",
            "description": "Kostenraming: nog niet besteed",
            "year": None,
            "funding_kind": "",
            "funder": "",
            "nature": "",
            "begroot": Decimal(339225),
            "besteed": None,
        },
        {
            "quote": "Voor het vervolg is een bedrag van € 160.000 geraamd.",
            "description": "Vervolg in 2025 (geraamd)",
            "year": 2025,
            "funding_kind": "",
            "funder": "",
            "nature": "",
            "begroot": Decimal(160000),
            "besteed": None,
        },
    ],
    "samen-bouwen-aan-verbinding-en-ontwikkeling": [
        {
            "quote": "De totale kosten bedragen €70.000.",
            "description": "Totale kosten volgens het voorstel van Stichting Piëzo",
            "year": None,
            "funding_kind": "",
            "funder": "",
            "nature": "",
            "begroot": Decimal(70000),
            "besteed": None,
        }
    ],
}

# "De rijkssubsidie is na 2024 niet verlengd": the subsidy's last day.
FUNDING_ENDS = {
    "dealbreakers": {
        "quote": "De rijkssubsidie is na 2024 niet verlengd.",
        "date": datetime.date(2024, 12, 31),
    },
}


def load_figures(owner_for) -> int:
    """Add the figures to their pilots once (a pilot that has any keeps what it has).

    `owner_for(pilot)` is the user recorded as having entered them. Returns how many pilots
    got figures.
    """
    from oogst.pilots import services
    from oogst.pilots.models import BudgetLine, Indicator, Measurement, Pilot

    loaded = 0
    slugs = set(INDICATORS) | set(BUDGET_LINES) | set(FUNDING_ENDS)
    for pilot in Pilot.objects.filter(slug__in=slugs):
        if pilot.indicators.exists() or pilot.budget_lines.exists():
            continue  # idempotent: never overwrite what users entered since
        actor = owner_for(pilot)
        for data in INDICATORS.get(pilot.slug, []):
            indicator = services.save_indicator(
                actor=actor,
                pilot=pilot,
                indicator=Indicator(name=data["name"], unit=data["unit"], target=data["target"]),
            )
            for m in data["measurements"]:
                services.add_measurement(
                    actor=actor,
                    indicator=indicator,
                    measurement=Measurement(
                        value=m["value"], date=m["date"], source=m["source"], note=m["note"]
                    ),
                )
        for data in BUDGET_LINES.get(pilot.slug, []):
            fields = {k: v for k, v in data.items() if k != "quote"}
            services.save_budget_line(actor=actor, pilot=pilot, line=BudgetLine(**fields))
        if pilot.slug in FUNDING_ENDS and pilot.funding_ends is None:
            pilot.funding_ends = FUNDING_ENDS[pilot.slug]["date"]
            pilot.save()
        loaded += 1
    return loaded
