"""`oogst export` and the export downloads carry every pilot with every field."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


def run_export(fmt):
    out = io.StringIO()
    call_command("export", "--format", fmt, stdout=out)
    return out.getvalue()


def test_json_export_holds_every_field_with_dates_as_written_and_as_meant(alices_pilot, partner):
    alices_pilot.partners.add(partner)
    (record,) = json.loads(run_export("json"))
    assert record["name"] == "Dealbreakers"
    assert record["korte_omschrijving"].endswith("€ 200.000 financiële steun.")
    assert record["programma"] == "Programma 5. Veiligheid"
    assert record["portefeuille"] == "Openbare orde en Veiligheid"
    assert record["portefeuillehouder"] == "Burgemeester"
    assert record["startdatum"] == "1 januari 2021"
    assert record["startdatum_start"] == "2021-01-01"
    assert record["einddatum_end"] == "2024-12-31"
    assert record["evaluatiemoment"] == "Jaarlijks"
    assert record["evaluatiemoment_start"] is None
    assert record["partners"] == ["RIEC"]
    assert record["owner"] == "alice"
    assert record["fase"] == "uitvoering"


def test_csv_export_is_one_row_a_pilot_as_dutch_excel_reads_it(alices_pilot, bobs_pilot):
    text = run_export("csv")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert [r["Naam pilot"] for r in rows] == ["Dealbreakers", "Woonoverlast"]
    assert "financiële" in rows[0]["Korte omschrijving"]
    assert "\n\n" in rows[0]["Korte omschrijving"]
    assert rows[0]["Fase"] == "Uitvoering"
    assert rows[1]["Startdatum"] == "September 2020"
    assert rows[1]["Startdatum vanaf"] == "01-09-2020"
    assert rows[1]["Startdatum tot en met"] == "30-09-2020"


def test_the_export_download_is_the_same_as_the_command(client, dave, alices_pilot):
    client.force_login(dave)
    response = client.get(reverse("pilots:export", args=["json"]))
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content) == json.loads(run_export("json"))
