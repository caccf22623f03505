"""A published round as open data: JSON, CSV and a metadata file, linked from the public page."""

import csv
import io
import json

from django.test import override_settings
from django.urls import reverse

from oogst.pilots import services as pilot_services
from oogst.pilots.models import Pilot


def test_the_public_page_links_the_open_data(client, published_round):
    page = client.get(reverse("rounds:public_appendix", kwargs={"slug": published_round.slug}))
    html = page.content.decode()
    for fmt in ("json", "csv"):
        assert (
            reverse("rounds:open_data", kwargs={"slug": published_round.slug, "fmt": fmt}) in html
        )
    assert reverse("rounds:open_data_metadata", kwargs={"slug": published_round.slug}) in html


def test_the_json_is_the_round_as_frozen_without_names(client, alice, published_round):
    pilot = Pilot.objects.get(name="Dealbreakers")
    pilot.doel = "Later gewijzigd."
    pilot_services.update_pilot(actor=alice, pilot=pilot, expected_version=pilot.version)
    url = reverse("rounds:open_data", kwargs={"slug": published_round.slug, "fmt": "json"})
    response = client.get(url)
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(response.content)
    record = data["pilots"][0]
    assert record["doel"] == "Voorkomen van jonge aanwas in criminaliteit."
    assert record["startdatum"] == {
        "text": "1 januari 2021", "start": "2021-01-01", "end": "2021-01-01", "precision": "day",
    }  # fmt: skip
    assert "owner" not in record and "alice" not in response.content.decode().lower()


def test_the_csv_reads_in_dutch_excel(client, published_round):
    url = reverse("rounds:open_data", kwargs={"slug": published_round.slug, "fmt": "csv"})
    text = client.get(url).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert rows[0]["Naam"] == "Dealbreakers"
    assert rows[0]["Startdatum (begin)"] == "01-01-2021"


@override_settings(OOGST_OPEN_DATA_LICENCE="CC-BY-4.0")
def test_the_metadata_says_title_publisher_licence_and_date(client, published_round):
    url = reverse("rounds:open_data_metadata", kwargs={"slug": published_round.slug})
    meta = client.get(url).json()
    assert meta["title"].endswith("Perspectiefnota 2025")
    assert meta["publisher"] and meta["license"] == "CC-BY-4.0"
    assert meta["issued"] == published_round.published_at.date().isoformat()
    assert {d["format"] for d in meta["distributions"]} == {"JSON", "CSV"}


def test_an_unpublished_round_has_no_open_data(client, concept_round):
    url = reverse("rounds:open_data", kwargs={"slug": concept_round.slug, "fmt": "json"})
    assert client.get(url).status_code == 404
