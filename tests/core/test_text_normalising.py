"""Texts are normalised once on the way in, so nothing shows as changed that nobody changed."""

import pytest

from oogst.core.text import normalise_text
from oogst.pilots.models import Pilot


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Eerste alinea.\r\n\r\nTweede alinea.", "Eerste alinea.\n\nTweede alinea."),
        ("Oude Mac\rregels", "Oude Mac\nregels"),
        ("Spaties achter   \nde regel\t ", "Spaties achter\nde regel"),
        ("Gee\u0308valueerd", "Geëvalueerd"),  # NFD from a Mac keyboard -> NFC
        ("Pilot\x0b met\x07 tekens\x00", "Pilot met tekens"),
        ("Lone \ud800surrogate", "Lone surrogate"),
        ("  \n  binnen  \n  ", "binnen"),
        ("", ""),
    ],
)
def test_normalise_text(typed, stored):
    assert normalise_text(typed) == stored


def test_normalising_twice_changes_nothing():
    text = "A\r\nb \u0065\u0301\x0c\n\n- punt "
    assert normalise_text(normalise_text(text)) == normalise_text(text)


@pytest.mark.django_db
def test_every_model_save_stores_normalised_text_and_one_line_fields_keep_no_line_break():
    pilot = Pilot.objects.create(
        name="Naam met\r\nregeleinde", korte_omschrijving="A\r\n\r\nB  ", fase="uitvoering"
    )
    pilot.refresh_from_db()
    assert pilot.name == "Naam met regeleinde"
    assert pilot.korte_omschrijving == "A\n\nB"
