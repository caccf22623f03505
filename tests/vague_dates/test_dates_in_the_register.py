"""Pilots store each date as written and as meant; the form shows the meaning live."""

import datetime

import pytest
from django.urls import reverse

from oogst.pilots.models import Pilot
from tests.conftest import pilot_form_data

pytestmark = pytest.mark.django_db


def test_saving_a_pilot_derives_the_interval_and_an_edit_reinterprets(alices_pilot):
    assert alices_pilot.startdatum_start == datetime.date(2021, 1, 1)
    alices_pilot.startdatum = "Q3 2025"
    alices_pilot.save()
    alices_pilot.refresh_from_db()
    assert alices_pilot.startdatum == "Q3 2025"
    assert (
        alices_pilot.startdatum_start,
        alices_pilot.startdatum_end,
        alices_pilot.startdatum_precision,
    ) == (datetime.date(2025, 7, 1), datetime.date(2025, 9, 30), "quarter")


def test_an_unrecognised_date_warns_but_is_saved(client, alice, alices_pilot):
    client.force_login(alice)
    response = client.post(
        reverse("pilots:edit", args=[alices_pilot.slug]),
        pilot_form_data(alices_pilot, einddatum="als het budget op is"),
    )
    assert response.status_code == 302
    alices_pilot.refresh_from_db()
    assert alices_pilot.einddatum == "als het budget op is"
    assert alices_pilot.einddatum_precision == "unrecognized"
    page = client.get(reverse("pilots:edit", args=[alices_pilot.slug])).content.decode()
    assert "oogst-warning-text" in page


def test_the_live_preview_shows_the_meaning_of_what_is_typed(client, alice):
    client.force_login(alice)
    response = client.get(reverse("pilots:date_preview"), {"einddatum": "Eind 2025"})
    assert "1 okt 2025 – 31 dec 2025" in response.content.decode()
    response = client.get(reverse("pilots:date_preview"), {"startdatum": "morgen ofzo"})
    assert "oogst-warning-text" in response.content.decode()


def test_the_live_preview_reads_a_motions_deadline_field_too(client, alice):
    # htmx sends the motion form's input under its own name, "deadline".
    client.force_login(alice)
    response = client.get(reverse("pilots:date_preview"), {"deadline": "Eind 2025"})
    assert "1 okt 2025 – 31 dec 2025" in response.content.decode()


def test_the_pilot_page_shows_the_text_and_its_meaning(client, dave, alices_pilot):
    client.force_login(dave)
    page = client.get(reverse("pilots:detail", args=[alices_pilot.slug])).content.decode()
    assert "31 december 2024" in page
    assert "31 dec 2024" in page
    assert "jaarlijks" in page.lower()


def test_sorting_on_evaluation_moment_puts_recurring_and_unknown_last(client, dave):
    for name, moment in [
        ("A", "jaarlijks"),
        ("B", "Q2 2025"),
        ("C", "onbekend"),
        ("D", "voorjaar 2024"),
    ]:
        Pilot.objects.create(name=name, evaluatiemoment=moment)
    client.force_login(dave)
    response = client.get(reverse("pilots:register"), {"sort": "evaluatie"})
    assert [p.name for p in response.context["page"].object_list][:2] == ["D", "B"]
