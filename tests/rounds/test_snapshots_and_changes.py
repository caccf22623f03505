"""A frozen round never changes; the next round shows what changed since."""

import datetime

import pytest

from oogst.pilots.models import Pilot
from oogst.rounds import services
from oogst.rounds.diff import round_diff, word_diff_html
from oogst.rounds.models import Round

pytestmark = pytest.mark.django_db


def test_later_edits_to_a_pilot_never_change_a_frozen_round(carol, spring_round, alices_pilot):
    services.freeze(actor=carol, round=spring_round, force=True)
    alices_pilot.doel = "Iets heel anders"
    alices_pilot.einddatum = "31 december 2026"
    alices_pilot.save()
    (record,) = [r for r in services.snapshots(spring_round) if r.name == "Dealbreakers"]
    assert record.doel == "Voorkomen van jonge aanwas in criminaliteit."
    assert record.einddatum.text == "31 december 2024"


def test_an_open_round_shows_the_live_register(carol, spring_round, alices_pilot):
    alices_pilot.doel = "Bijgewerkt doel"
    alices_pilot.save()
    (record,) = [r for r in services.snapshots(spring_round) if r.name == "Dealbreakers"]
    assert record.doel == "Bijgewerkt doel"


def test_the_next_round_lists_new_pilots_pilots_that_left_and_changed_fields(
    carol, spring_round, alices_pilot, bobs_pilot
):
    services.freeze(actor=carol, round=spring_round, force=True)
    alices_pilot.einddatum = "31 december 2025"
    alices_pilot.save()
    Pilot.objects.create(name="Tuinrangers", fase="uitvoering")
    autumn = services.open_round(
        actor=carol,
        round=Round(
            name="Programmabegroting 2026",
            kind="programmabegroting",
            peildatum=datetime.date(2025, 9, 1),
            deadline=datetime.date(2025, 9, 20),
        ),
        pilots=Pilot.objects.exclude(pk=bobs_pilot.pk),
    )
    diff = round_diff(autumn)
    assert diff.previous_name == "Perspectiefnota 2026"
    assert diff.added == ["Tuinrangers"]
    assert diff.removed == ["Woonoverlast"]
    (changed,) = diff.changed
    assert changed.name == "Dealbreakers"
    assert [(c.label, c.old, c.new) for c in changed.changes] == [
        ("Einddatum", "31 december 2024", "31 december 2025")
    ]
    rows = diff.as_rows()
    assert {
        "pilot": "Dealbreakers",
        "change": "gewijzigd",
        "field": "Einddatum",
        "old": "31 december 2024",
        "new": "31 december 2025",
    } in rows


def test_a_text_change_reads_as_a_word_diff_with_markup_escaped():
    html = word_diff_html("Start in <b>maart</b> 2025", "Start in april 2025")
    assert html == "Start in <del>&lt;b&gt;maart&lt;/b&gt;</del><ins>april</ins> 2025"


def test_the_first_round_has_nothing_to_compare_with(client, carol, spring_round):
    client.force_login(carol)
    page = client.get(f"/rondes/{spring_round.slug}/wijzigingen/").content.decode()
    assert "eerste ronde" in page.lower() or "first round" in page.lower()
