"""One versioned snapshot contract: built by one function, read back as it was, upgraded."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from oogst.pilots.models import StatusUpdate
from oogst.rounds import services, snapshot
from oogst.rounds.snapshot import SnapshotVersionError

pytestmark = pytest.mark.django_db

# A snapshot as Oogst stored it before the contract (schema 1: the register's export record).
SCHEMA_1 = {
    "name": "Dealbreakers",
    "slug": "dealbreakers",
    "korte_omschrijving": "Schoolgerichte pilot.\r\n\r\nMet steun.",
    "doel": "Voorkomen van jonge aanwas.",
    "uitkomst_evaluatie": "",
    "succesvol": "nog_niet_bekend",
    "succesvol_toelichting": "Loopt nog.",
    "beleid_aanpassen": "",
    "beleid_aanpassen_toelichting": "",
    "financieel_gevolg": "nvt",
    "financieel_gevolg_toelichting": "",
    "bestuurlijk_gerapporteerd": "Raadsinformatiebrief",
    "fase": "uitvoering",
    "resultaat": "",
    "aanleiding_soort": "",
    "aanleiding_toelichting": "",
    "programma": "Programma 5. Veiligheid",
    "portefeuille": "Openbare orde en Veiligheid",
    "portefeuillehouder": "Burgemeester",
    "startdatum": "1 januari 2021",
    "startdatum_start": "2021-01-01",
    "startdatum_end": "2021-01-01",
    "einddatum": "4de kwartaal 2025",
    "einddatum_start": "2025-10-01",
    "einddatum_end": "2025-12-31",
    "evaluatiemoment": "Jaarlijks",
    "evaluatiemoment_start": None,
    "evaluatiemoment_end": None,
    "motienummers": ["2111-03A"],
    "partners": ["RIEC"],
    "owner": "alice",
    "target_participants": None,
    "budget": "200000.00",
    "status_updates": [
        {"date": "2025-02-01", "title": "Gestart", "text": "Opleiding gestart.", "author": "alice"}
    ],
    "updated_at": "2025-02-02T10:00:00+00:00",
}


def test_a_schema_1_snapshot_loads_as_the_typed_contract():
    record = snapshot.load(SCHEMA_1)
    assert record.programma == snapshot.ProgrammaRef(5, "Veiligheid")
    assert str(record.portefeuille) == "Openbare orde en Veiligheid (Burgemeester)"
    assert record.korte_omschrijving == "Schoolgerichte pilot.\n\nMet steun."
    assert record.einddatum == snapshot.DateValue(
        "4de kwartaal 2025", datetime.date(2025, 10, 1), datetime.date(2025, 12, 31), "quarter"
    )
    assert record.succesvol.answer == "nog_niet_bekend"
    assert record.budget == Decimal("200000.00")
    assert record.status_updates[0].date == datetime.date(2025, 2, 1)
    assert record.owner.username == "alice"


def test_built_snapshots_survive_the_round_trip_through_json(alices_pilot, alice, partner):
    alices_pilot.partners.add(partner)
    StatusUpdate.objects.create(
        pilot=alices_pilot, date=datetime.date(2025, 3, 1), text="Loopt.", author=alice
    )
    built = snapshot.build(alices_pilot)
    assert snapshot.load(built.to_json()) == built
    assert built.to_json()["schema"] == snapshot.SCHEMA_VERSION
    assert built.owner == snapshot.PersonRef("alice", "Alice Aalbers")
    assert built.programma.number == 5


def test_a_snapshot_from_a_newer_oogst_is_refused_with_a_clear_message():
    with pytest.raises(SnapshotVersionError, match="Update Oogst"):
        snapshot.load({**SCHEMA_1, "schema": 99})


def test_a_round_with_a_future_snapshot_shows_a_message_instead_of_failing(
    client, carol, spring_round
):
    services.freeze(actor=carol, round=spring_round, force=True)
    spring_round.entries.update(snapshot={"schema": 99})
    client.force_login(carol)
    response = client.get(reverse("rounds:changes", args=[spring_round.slug]))
    assert response.status_code == 200
    assert "99" in response.content.decode()
    export = client.get(reverse("rounds:changes_export", args=[spring_round.slug, "json"]))
    assert export.status_code == 409


def test_the_migration_upgrades_stored_snapshots_and_finds_update_ids(
    carol, alice, spring_round, alices_pilot
):
    import importlib

    from django.apps import apps

    update = StatusUpdate.objects.create(
        pilot=alices_pilot,
        date=datetime.date(2025, 2, 1),
        title="Gestart",
        text="Opleiding gestart.",
    )
    services.freeze(actor=carol, round=spring_round, force=True)
    entry = spring_round.entries.get(pilot=alices_pilot)
    entry.snapshot = SCHEMA_1
    entry.save()
    migration = importlib.import_module("oogst.rounds.migrations.0003_snapshot_schema_2")
    migration.upgrade_snapshots(apps, None)
    entry.refresh_from_db()
    assert entry.snapshot["schema"] == 2
    assert entry.snapshot["pilot_id"] == alices_pilot.pk
    assert entry.snapshot["status_updates"][0]["id"] == update.pk
    assert entry.snapshot["owner"] == {"username": "alice", "name": "Alice Aalbers"}
    assert entry.frozen_snapshot().name == "Dealbreakers"
