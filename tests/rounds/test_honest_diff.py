""" "What changed since the previous round" compares snapshots field by field."""

import dataclasses
import datetime
from decimal import Decimal

import pytest

from oogst.pilots.models import Pilot, StatusUpdate
from oogst.rounds import services, snapshot
from oogst.rounds.diff import compare, round_diff
from oogst.rounds.models import Round

pytestmark = pytest.mark.django_db


@pytest.fixture
def base(alices_pilot):
    return snapshot.build(Pilot.objects.get(pk=alices_pilot.pk))


def labels(changes):
    return [(c.label, c.old, c.new) for c in changes]


def test_identical_snapshots_have_no_changes(base):
    assert compare(base, base) == []


@pytest.mark.parametrize(
    ("field", "value", "label", "old", "new"),
    [
        (
            "doel",
            "Nieuw doel",
            "Doel / beoogd resultaat",
            "Voorkomen van jonge aanwas in criminaliteit.",
            "Nieuw doel",
        ),
        (
            "einddatum",
            snapshot.DateValue("1ste kwartaal 2026"),
            "Einddatum",
            "31 december 2024",
            "1ste kwartaal 2026",
        ),
        (
            "programma",
            snapshot.ProgrammaRef(7, "Inrichting van de stad"),
            "Programma",
            "Programma 5. Veiligheid",
            "Programma 7. Inrichting van de stad",
        ),
        (
            "succesvol",
            snapshot.Answer("ja", "Doelen gehaald."),
            "Pilot succesvol? Zijn de vooraf gestelde doelen/resultaten gehaald?",
            "",
            "Ja. Doelen gehaald.",
        ),
        ("partners", ("RIEC", "Vidomes"), "Partners", "", "RIEC, Vidomes"),
        ("fase", "afgerond", "Fase", "Uitvoering", "Afgerond"),
        ("budget", Decimal("70000"), "Budget (euro)", "", "70000.00"),
        (
            "owner",
            snapshot.PersonRef("bob", "Bob Bakker"),
            "Eigenaar",
            "Alice Aalbers",
            "Bob Bakker",
        ),
    ],
)
def test_each_kind_of_field_is_compared_with_the_form_label(base, field, value, label, old, new):
    changed = dataclasses.replace(base, **{field: value})
    assert labels(compare(base, changed)) == [(label, old, new)]


def update(id, text, date=datetime.date(2025, 3, 1), title="Stand"):
    return snapshot.ProgressUpdate(id=id, date=date, title=title, text=text)


def test_progress_updates_added_edited_and_removed_each_show(base):
    before = dataclasses.replace(base, status_updates=(update(1, "Gestart."), update(2, "Weg.")))
    after = dataclasses.replace(
        base, status_updates=(update(3, "Nieuw."), update(1, "Gestart, met 12 deelnemers."))
    )
    changes = compare(before, after)
    assert [(c.kind, c.label.split(" (")[1]) for c in changes] == [
        ("added", "toegevoegd)"),
        ("changed", "gewijzigd)"),
        ("removed", "verwijderd)"),
    ]
    assert "12 deelnemers" in changes[1].new and "Gestart." in changes[1].old


def test_updates_of_an_old_snapshot_without_ids_match_on_date_and_title(base):
    before = dataclasses.replace(base, status_updates=(update(None, "Gestart."),))
    after = dataclasses.replace(base, status_updates=(update(7, "Gestart."),))
    assert compare(before, after) == []


def test_a_new_progress_update_appears_in_the_next_rounds_changes(
    carol, alice, spring_round, alices_pilot
):
    services.freeze(actor=carol, round=spring_round, force=True)
    StatusUpdate.objects.create(
        pilot=alices_pilot, date=datetime.date(2025, 8, 1), text="Tweede schooljaar.", author=alice
    )
    autumn = services.open_round(
        actor=carol,
        round=Round(
            name="Programmabegroting 2026",
            kind="programmabegroting",
            peildatum=datetime.date(2025, 9, 1),
            deadline=datetime.date(2025, 9, 20),
        ),
    )
    (changed,) = round_diff(autumn).changed
    (change,) = changed.changes
    assert change.kind == "added" and "Tweede schooljaar." in change.new


def test_a_renamed_pilot_is_changed_not_removed_and_added(carol, spring_round, alices_pilot):
    services.freeze(actor=carol, round=spring_round, force=True)
    alices_pilot.name = "Dealbreakers 2.0"
    alices_pilot.save()
    autumn = services.open_round(
        actor=carol,
        round=Round(
            name="Programmabegroting 2026",
            kind="programmabegroting",
            peildatum=datetime.date(2025, 9, 1),
            deadline=datetime.date(2025, 9, 20),
        ),
    )
    diff = round_diff(autumn)
    assert diff.added == [] and diff.removed == []
    assert labels(diff.changed[0].changes) == [("Naam", "Dealbreakers", "Dealbreakers 2.0")]
