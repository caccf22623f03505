"""What the readers get: frozen rounds as reported, names only for read-all keys, motions with
their history and pilots, participant figures as the disclosure rules allow; fixed queries."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from oogst.api.models import Scope
from oogst.motions import services as motion_services
from oogst.motions.models import Motion
from oogst.participants import services as participant_services
from oogst.participants.models import Participant
from oogst.pilots import services as pilot_services
from oogst.pilots.models import Pilot, StatusUpdate

from .conftest import as_key


def test_a_published_round_reads_as_frozen_for_anyone(client, alice, published_round):
    pilot = Pilot.objects.get(name="Dealbreakers")
    pilot.doel = "Iets anders, na de vaststelling."
    pilot_services.update_pilot(actor=alice, pilot=pilot, expected_version=pilot.version)
    body = client.get(f"/api/v1/rapportagerondes/{published_round.slug}").json()
    assert body["published"] is True and body["peildatum"] == "2025-03-01"
    snapshot = body["entries"][0]["snapshot"]
    assert snapshot["doel"] == "Voorkomen van jonge aanwas in criminaliteit."
    assert snapshot["owner"] is None  # the public appendix names nobody
    assert body["_links"]["openData"]["href"].endswith(
        f"/openbaar/{published_round.slug}/open-data.json"
    )


def test_read_all_keys_see_concepts_and_names(client, keys, published_round, concept_round):
    everyone = client.get("/api/v1/rapportagerondes").json()
    assert [r["slug"] for r in everyone["results"]] == [published_round.slug]
    key = as_key(keys[Scope.READ_ALL])
    listed = client.get("/api/v1/rapportagerondes", **key).json()
    assert {r["slug"] for r in listed["results"]} == {published_round.slug, concept_round.slug}
    concept = client.get(f"/api/v1/rapportagerondes/{concept_round.slug}", **key).json()
    assert concept["entries"][0]["snapshot"] is None  # not frozen yet
    frozen = client.get(f"/api/v1/rapportagerondes/{published_round.slug}", **key).json()
    assert frozen["entries"][0]["snapshot"]["owner"] == {
        "username": "alice",
        "name": "Alice Aalbers",
    }


def test_a_pilot_has_every_field_and_its_updates(client, keys, alice, alices_pilot):
    pilot_services.add_status_update(
        actor=alice, pilot=alices_pilot,
        update=StatusUpdate(date=datetime.date(2025, 5, 1), title="Mei", text="Gestart."),
    )  # fmt: skip
    public = client.get(f"/api/v1/pilots/{alices_pilot.slug}", **as_key(keys[Scope.READ_PUBLIC]))
    body = public.json()
    assert body["programma"] == {"number": 5, "name": "Veiligheid"}
    assert body["portefeuille"]["portefeuillehouder"] == "Burgemeester"
    assert body["fase"] == "uitvoering" and body["owner"] is None
    assert body["statusUpdates"][0] | {"createdAt": None} == {
        "id": alices_pilot.status_updates.get().pk, "date": "2025-05-01", "title": "Mei",
        "text": "Gestart.", "author": None, "createdAt": None,
    }  # fmt: skip
    full = client.get(f"/api/v1/pilots/{alices_pilot.pk}", **as_key(keys[Scope.READ_ALL])).json()
    assert full["statusUpdates"][0]["author"]["username"] == "alice"


def test_a_page_of_pilots_costs_the_same_queries_for_3_or_30(client, keys, programma):
    key = as_key(keys[Scope.READ_PUBLIC])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/pilots", **key).status_code == 200
        return len(captured)

    for n in range(3):
        Pilot.objects.create(name=f"Pilot {n}", programma=programma)
    queries()  # the key's first use of the minute records it (one UPDATE)
    few = queries()
    for n in range(3, 30):
        Pilot.objects.create(name=f"Pilot {n}", programma=programma)
    assert queries() == few


def test_motions_carry_their_status_history_and_pilots(client, keys, carol, alices_pilot):
    key = as_key(keys[Scope.READ_PUBLIC])
    for n in range(1, 6):
        motion = Motion.objects.create(nummer=f"2411-{n}", titel=f"Motie {n}")
        motion.pilots.add(alices_pilot)
        motion_services.change_status(
            actor=carol, motion=motion, new="in_behandeling", reason="Start"
        )

    client.get("/api/v1/moties", **key)  # the key's first use records it
    with CaptureQueriesContext(connection) as five:
        body = client.get("/api/v1/moties", **key).json()
    Motion.objects.create(nummer="2411-9", titel="Nog een")
    with CaptureQueriesContext(connection) as six:
        client.get("/api/v1/moties", **key)
    assert len(six) == len(five)
    first = body["results"][0]
    assert first["statusHistory"][0] | {"at": None} == {
        "at": None, "old": "open", "new": "in_behandeling", "reason": "Start", "by": None,
    }  # fmt: skip
    assert first["pilots"][0]["slug"] == alices_pilot.slug
    assert first["contact"] is None
    detail = client.get("/api/v1/moties/2411-1", **as_key(keys[Scope.READ_ALL])).json()
    assert detail["statusHistory"][0]["by"]["username"] == "carol"
    filtered = client.get("/api/v1/moties?status=open", **key).json()
    assert filtered["count"] == 1


def test_participant_figures_follow_the_disclosure_rules(client, keys, alices_pilot, partner):
    monitor = participant_services.set_up_monitor(
        pilot=alices_pilot, partner=partner, code_prefix="DB", target=20
    )
    for _ in range(12):
        Participant.objects.create(
            monitor=monitor, code=monitor.new_code(), start_date=datetime.date(2025, 1, 6)
        )
    Participant.objects.filter(pk__in=Participant.objects.values("pk")[:3]).update(
        exit_date=datetime.date(2025, 3, 1)
    )
    response = client.get(
        f"/api/v1/pilots/{alices_pilot.slug}/deelnemerscijfers", **as_key(keys[Scope.READ_ALL])
    )
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["participants"] == 12 and body["target"] == 20
    reach = next(t for t in body["tables"] if t["name"] == "reach")
    # Three who left is a count of 1-4: never shown as a number.
    assert all(row["value"] is None for row in reach["rows"]) or not reach["shown"]
    assert "code" not in response.content.decode().lower().replace("code_prefix", "")
    bad = client.get(
        f"/api/v1/pilots/{alices_pilot.slug}/deelnemerscijfers?groep=nee",
        **as_key(keys[Scope.READ_ALL]),
    )
    assert bad.status_code == 400 and bad.json()["invalidParams"][0]["name"] == "groep"
