"""Alice sets her pilot's goals in figures and records what was measured; Bob sees them."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.urls import reverse

from oogst.pilots import services
from oogst.pilots.models import Indicator, Measurement

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 1)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2025, 6, 1, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def flexwoningen(alice, alices_pilot):
    return services.save_indicator(
        actor=alice,
        pilot=alices_pilot,
        indicator=Indicator(
            name="Flexwoningen gerealiseerd",
            unit="woningen",
            baseline=Decimal(0),
            baseline_date=datetime.date(2023, 1, 1),
            target=Decimal(80),
            target_date="eind 2026",
        ),
    )


def test_it_lets_the_owner_add_an_indicator_with_a_vague_target_date(client, alice, alices_pilot):
    client.force_login(alice)
    response = client.post(
        reverse("pilots:add_indicator", args=[alices_pilot.slug]),
        {
            "name": "Werkgevers bereikt",
            "unit": "werkgevers",
            "direction": "hoger",
            "baseline": "0",
            "baseline_date": "2024-01-01",
            "target": "10",
            "target_date": "eind 2027",
        },
    )
    assert response.status_code == 302
    indicator = alices_pilot.indicators.get()
    assert indicator.target == 10
    assert indicator.target_date_end == datetime.date(2027, 12, 31)


def test_it_refuses_a_target_on_the_wrong_side_of_the_baseline(client, alice, alices_pilot):
    client.force_login(alice)
    response = client.post(
        reverse("pilots:add_indicator", args=[alices_pilot.slug]),
        {"name": "Overlastmeldingen", "direction": "lager", "baseline": "40", "target": "60"},
    )
    assert response.status_code == 200
    assert "verkeerde kant" in response.content.decode()
    assert not alices_pilot.indicators.exists()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-3", "Een negatief getal is hier niet mogelijk."),
        ("1.000.000.000.000", "Dit getal is te groot"),
        ("tachtig", "Vul een getal in"),
    ],
)
def test_it_refuses_negative_absurd_and_unreadable_values(
    client, alice, alices_pilot, flexwoningen, value, message
):
    client.force_login(alice)
    response = client.post(
        reverse("pilots:add_measurement", args=[alices_pilot.slug, flexwoningen.pk]),
        {"value": value, "date": "2025-05-01"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not flexwoningen.measurements.exists()


def test_it_refuses_a_measurement_before_the_baseline_or_in_the_future(
    client, alice, alices_pilot, flexwoningen
):
    client.force_login(alice)
    url = reverse("pilots:add_measurement", args=[alices_pilot.slug, flexwoningen.pk])
    before = client.post(url, {"value": "3", "date": "2022-12-31"})
    assert "vóór de nulmeting" in before.content.decode()
    future = client.post(url, {"value": "3", "date": "2025-06-02"})
    assert "in de toekomst" in future.content.decode()
    today = client.post(url, {"value": "3", "date": "2025-06-01"})
    assert today.status_code == 302
    assert list(flexwoningen.measurements.values_list("value", flat=True)) == [3]


def test_the_service_refuses_the_same_for_commands_and_the_api(alice, flexwoningen):
    with pytest.raises(ValidationError):
        services.add_measurement(
            actor=alice,
            indicator=flexwoningen,
            measurement=Measurement(value=Decimal(5), date=datetime.date(2022, 1, 1)),
        )
    with pytest.raises(ValidationError):
        services.add_measurement(
            actor=alice,
            indicator=flexwoningen,
            measurement=Measurement(value=Decimal(-5), date=datetime.date(2024, 1, 1)),
        )
    assert not Measurement.objects.exists()


def test_the_pilot_page_shows_baseline_latest_target_progress_and_a_chart_with_a_table(
    client, alice, bob, alices_pilot, flexwoningen
):
    for day, value in [(datetime.date(2024, 1, 1), 20), (datetime.date(2025, 1, 1), 60)]:
        services.add_measurement(
            actor=alice,
            indicator=flexwoningen,
            measurement=Measurement(value=Decimal(value), date=day, source="Vidomes"),
        )
    client.force_login(bob)
    html = client.get(alices_pilot.get_absolute_url()).content.decode()
    assert "Flexwoningen gerealiseerd" in html
    assert "eind 2026" in html
    assert '<progress id="progress-' in html and 'value="75"' in html
    assert "75% van de weg van nulmeting naar doel" in html
    assert 'role="img"' in html and "<desc" in html
    assert "laatste waarde 60 woningen" in html
    assert "Metingen als tabel" in html and "Vidomes" in html
    # Bob does not own the pilot: no buttons to change it.
    assert reverse("pilots:add_measurement", args=[alices_pilot.slug, flexwoningen.pk]) not in html


def test_progress_counts_down_for_lower_is_better():
    indicator = Indicator(direction="lager", baseline=Decimal(40), target=Decimal(20))
    assert indicator.progress(Decimal(30)) == 50
    assert indicator.progress(Decimal(45)) == 0
    assert indicator.progress(Decimal(10)) == 100


def test_two_owners_adding_measurements_at_once_both_keep_theirs(
    client, alice, carol, alices_pilot, flexwoningen
):
    """Alice and Carol both open the form, then both send it: two measurements, none lost."""
    url = reverse("pilots:add_measurement", args=[alices_pilot.slug, flexwoningen.pk])
    from django.test import Client

    other = Client()
    client.force_login(alice)
    other.force_login(carol)
    token = {}
    for who, c in (("alice", client), ("carol", other)):
        html = c.get(url).content.decode()
        token[who] = html.split('name="form_token" value="')[1].split('"')[0]
    assert client.post(url, {"value": "30", "date": "2025-03-01", "form_token": token["alice"]})
    assert other.post(url, {"value": "31", "date": "2025-03-01", "form_token": token["carol"]})
    assert sorted(flexwoningen.measurements.values_list("value", flat=True)) == [30, 31]


def test_deleting_an_indicator_with_measurements_asks_first_and_keeps_the_history(
    client, alice, alices_pilot, flexwoningen
):
    services.add_measurement(
        actor=alice,
        indicator=flexwoningen,
        measurement=Measurement(value=Decimal(12), date=datetime.date(2024, 6, 1)),
    )
    client.force_login(alice)
    url = reverse("pilots:delete_indicator", args=[alices_pilot.slug, flexwoningen.pk])
    page = client.get(url).content.decode()
    assert "heeft 1 meting" in page
    unconfirmed = client.post(url, {})
    assert unconfirmed.status_code == 200
    assert Indicator.objects.filter(pk=flexwoningen.pk).exists()
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    assert not Indicator.objects.exists() and not Measurement.objects.exists()
    entries = services.history(alices_pilot)
    deleted = [e for e in entries if e.action == LogEntry.Action.DELETE]
    assert {e.content_type.model for e in deleted} == {"indicator", "measurement"}
    assert all(e.actor == alice for e in deleted)
    history = client.get(reverse("pilots:history", args=[alices_pilot.slug])).content.decode()
    assert "Flexwoningen gerealiseerd" in history


def test_only_who_edits_the_pilot_adds_indicators(client, bob, alices_pilot, flexwoningen):
    client.force_login(bob)
    assert client.get(reverse("pilots:add_indicator", args=[alices_pilot.slug])).status_code == 403
    url = reverse("pilots:add_measurement", args=[alices_pilot.slug, flexwoningen.pk])
    assert client.post(url, {"value": "3", "date": "2025-01-01"}).status_code == 403


def test_a_form_opened_from_a_round_returns_there(client, alice, alices_pilot, flexwoningen):
    client.force_login(alice)
    url = reverse("pilots:add_measurement", args=[alices_pilot.slug, flexwoningen.pk])
    back = reverse("rounds:my_tasks")
    response = client.post(url, {"value": "3", "date": "2025-01-01", "next": back})
    assert response["Location"] == back
    outside = client.post(url, {"value": "4", "date": "2025-01-01", "next": "https://evil.example"})
    assert outside["Location"].startswith(alices_pilot.get_absolute_url())


def test_the_round_task_list_offers_the_indicators_to_bring_up_to_date(
    client, alice, carol, alices_pilot, flexwoningen
):
    from oogst.rounds import services as round_services
    from oogst.rounds.models import Round

    round_services.open_round(
        actor=carol,
        round=Round(
            name="Voorjaar",
            kind="perspectiefnota",
            peildatum=datetime.date(2025, 6, 1),
            deadline=datetime.date(2025, 6, 20),
        ),
    )
    client.force_login(alice)
    html = client.get(reverse("rounds:my_tasks")).content.decode()
    add = reverse("pilots:add_measurement", args=[alices_pilot.slug, flexwoningen.pk])
    assert f"{add}?next=/mijn-taken/" in html
    assert "Flexwoningen gerealiseerd: nog geen meting; doel 80" in html
