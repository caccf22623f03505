"""Lessons per pilot: recorded by the owner, in the history, the round's snapshot and diff, and
printed in the appendix when the round says so."""

import dataclasses
import datetime

import pytest
from django.urls import reverse

from oogst.documents.appendix import Appendix, rows
from oogst.pilots import services
from oogst.pilots.models import Lesson, Pilot, Thema
from oogst.rounds import services as round_services
from oogst.rounds import snapshot
from oogst.rounds.diff import compare, round_diff
from oogst.rounds.models import Round

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes(db):
    return {
        name: Thema.objects.create(name=name)
        for name in ("samenwerking met partners", "bereik van de doelgroep", "financiering")
    }


def add(client, pilot, **data):
    return client.post(
        reverse("pilots:add_lesson", args=[pilot.slug]),
        {f"lesson-{key}": value for key, value in data.items()},
    )


def test_the_owner_records_a_lesson_with_themes_on_the_pilot_page(
    client, alice, alices_pilot, themes
):
    client.force_login(alice)
    response = add(
        client,
        alices_pilot,
        kind="werkte",
        text="Vaste contactpersoon per school.",
        themes=[themes["samenwerking met partners"].pk],
        decision="geborgd",
        policy_change="on",
    )
    assert response.status_code == 302
    lesson = alices_pilot.lessons.get()
    assert lesson.author == alice
    assert [t.name for t in lesson.themes.all()] == ["samenwerking met partners"]
    assert (lesson.decision, lesson.policy_change) == ("geborgd", True)
    page = client.get(alices_pilot.get_absolute_url()).content.decode()
    assert "Vaste contactpersoon per school." in page
    assert "samenwerking met partners" in page


def test_a_lesson_without_text_is_refused_and_keeps_what_was_typed(client, alice, alices_pilot):
    client.force_login(alice)
    response = add(client, alices_pilot, kind="aanbeveling", text="", decision="gestopt")
    assert response.status_code == 400
    assert not Lesson.objects.exists()
    assert 'value="gestopt" selected' in response.content.decode()


def test_only_who_may_edit_the_pilot_records_lessons(client, bob, dave, alices_pilot):
    for user in (bob, dave):
        client.force_login(user)
        assert add(client, alices_pilot, kind="werkte", text="X").status_code == 403
    assert not Lesson.objects.exists()


def test_lessons_are_in_the_pilots_history_even_after_deletion(client, alice, alices_pilot, themes):
    client.force_login(alice)
    add(client, alices_pilot, kind="werkte_niet", text="Te weinig bereik.")
    lesson = alices_pilot.lessons.get()
    client.post(
        reverse("pilots:edit_lesson", args=[alices_pilot.slug, lesson.pk]),
        {"kind": "werkte_niet", "text": "Te weinig bereik onder ouders."},
    )
    client.post(
        reverse("pilots:delete_lesson", args=[alices_pilot.slug, lesson.pk]), {"confirm": "yes"}
    )
    assert not Lesson.objects.exists()
    entries = list(services.history(alices_pilot))
    lesson_entries = [e for e in entries if e.content_type.model == "lesson"]
    assert [e.action for e in lesson_entries] == [2, 1, 0]  # delete, update, create
    assert all(e.actor == alice for e in lesson_entries)
    page = client.get(reverse("pilots:history", args=[alices_pilot.slug])).content.decode()
    assert "Te weinig bereik onder ouders." in page
    assert "Alice Aalbers maakte de les ‘" in page
    assert "Alice Aalbers wijzigde de les:" in page
    assert "Alice Aalbers verwijderde de les ‘" in page


def test_saving_an_unchanged_lesson_records_nothing(alice, alices_pilot, themes):
    lesson = services.save_lesson(
        actor=alice,
        pilot=alices_pilot,
        lesson=Lesson(kind="werkte", text="Goed."),
        themes=[themes["financiering"]],
    )
    from auditlog.models import LogEntry

    before = LogEntry.objects.count()
    same = Lesson.objects.get(pk=lesson.pk)
    services.save_lesson(
        actor=alice, pilot=alices_pilot, lesson=same, themes=[themes["financiering"]]
    )
    assert LogEntry.objects.count() == before


def test_a_retired_theme_is_not_offered_for_new_lessons(themes):
    from oogst.pilots.forms import LessonForm

    themes["financiering"].active = False
    themes["financiering"].save()
    offered = {t.name for t in LessonForm().fields["themes"].queryset}
    assert "financiering" not in offered


def test_the_beheerder_keeps_the_theme_list(client, erin):
    client.force_login(erin)
    response = client.post(
        reverse("pilots:reference_create", args=["themas"]),
        {"name": "data en monitoring", "active": "on"},
    )
    assert response.status_code == 302
    assert Thema.objects.filter(name="data en monitoring").exists()


# --- snapshot, diff, appendix ------------------------------------------------------------


def lesson_of(pilot, themes, **kwargs):
    lesson = Lesson.objects.create(pilot=pilot, **kwargs)
    lesson.themes.set(themes)
    return lesson


def test_lessons_are_part_of_the_snapshot_and_survive_json(alices_pilot, themes):
    lesson_of(
        alices_pilot,
        [themes["financiering"], themes["bereik van de doelgroep"]],
        kind="aanbeveling",
        text="Begroot structureel.",
        decision="voortgezet",
    )
    built = snapshot.build(Pilot.objects.get(pk=alices_pilot.pk))
    (lesson,) = built.lessons
    assert lesson.themes == ("bereik van de doelgroep", "financiering")
    assert lesson.decision == "voortgezet"
    assert snapshot.load(built.to_json()) == built
    assert snapshot.field_label("lessons") == "Lessen"


def test_a_schema_2_snapshot_upgrades_to_one_without_lessons(alices_pilot):
    data = snapshot.build(alices_pilot).to_json()
    del data["lessons"]
    data["schema"] = 2
    assert snapshot.upgrade(data, to=3)["schema"] == 3
    assert snapshot.load(data).lessons == ()


def test_lessons_added_edited_and_removed_each_show_in_the_diff(alices_pilot):
    base = snapshot.build(alices_pilot)
    one = snapshot.LessonRecord(1, "werkte", "Korte lijnen.")
    two = snapshot.LessonRecord(2, "werkte_niet", "Te laat gestart.")
    before = dataclasses.replace(base, lessons=(one, two))
    after = dataclasses.replace(
        base,
        lessons=(
            dataclasses.replace(one, themes=("financiering",)),
            snapshot.LessonRecord(3, "aanbeveling", "Eerder beginnen."),
        ),
    )
    changes = compare(before, after)
    assert [(c.kind, c.label) for c in changes] == [
        ("changed", "Lessen (gewijzigd)"),
        ("added", "Lessen (toegevoegd)"),
        ("removed", "Lessen (verwijderd)"),
    ]
    assert "financiering" in changes[0].new
    assert "Eerder beginnen." in changes[1].new
    assert "Te laat gestart." in changes[2].old


def test_a_new_lesson_shows_in_the_next_rounds_changes(carol, alice, spring_round, alices_pilot):
    round_services.freeze(actor=carol, round=spring_round, force=True)
    services.save_lesson(
        actor=alice,
        pilot=alices_pilot,
        lesson=Lesson(kind="werkte", text="Ouders betrekken werkt."),
        themes=[],
    )
    autumn = round_services.open_round(
        actor=carol,
        round=Round(
            name="Programmabegroting 2026",
            kind="programmabegroting",
            peildatum=datetime.date(2025, 9, 1),
            deadline=datetime.date(2025, 9, 20),
        ),
    )
    changed = {c.name: c for c in round_diff(autumn).changed}
    (change,) = changed["Dealbreakers"].changes
    assert change.kind == "added" and "Ouders betrekken werkt." in change.new


def test_the_appendix_prints_lessons_only_when_the_round_says_so(
    carol, spring_round, alices_pilot, themes
):
    lesson_of(
        alices_pilot,
        [themes["financiering"]],
        kind="werkte",
        text="Cofinanciering.",
        decision="geborgd",
    )
    appendix = round_services.appendix_for(spring_round)
    labels = [label for p in appendix.pilots for label, _text in rows(p)]
    assert "Lessen" not in labels

    spring_round.print_lessons = True
    spring_round.save()
    appendix = round_services.appendix_for(spring_round)
    printed = dict(rows(next(p for p in appendix.pilots if p.name == "Dealbreakers")))
    assert printed["Lessen"] == (
        "Wat werkte: Cofinanciering.\n(thema's: financiering; leidde tot: geborgd)"
    )
    html = round_services.render_appendix(spring_round, "html")
    assert "Cofinanciering." in (html.decode() if isinstance(html, bytes) else html)


def test_an_appendix_without_the_setting_carries_no_lessons(alices_pilot, themes):
    lesson_of(alices_pilot, [], kind="werkte", text="X.")
    record = snapshot.build(alices_pilot)
    appendix = Appendix("T", "R", "G", "", False, None, [record])
    assert appendix.pilots[0].lessons == ()
    assert Appendix("T", "R", "G", "", False, None, [record], print_lessons=True).pilots[0].lessons


def test_the_migration_brings_stored_snapshots_to_schema_3(carol, spring_round, alices_pilot):
    import importlib

    from django.apps import apps

    round_services.freeze(actor=carol, round=spring_round, force=True)
    entry = spring_round.entries.get(pilot=alices_pilot)
    old = dict(entry.snapshot, schema=2)
    del old["lessons"]
    entry.snapshot = old
    entry.save()
    migration = importlib.import_module(
        "oogst.rounds.migrations.0004_print_lessons_and_snapshot_schema_3"
    )
    migration.upgrade_snapshots(apps, None)
    entry.refresh_from_db()
    assert (entry.snapshot["schema"], entry.snapshot["lessons"]) == (3, [])
    assert entry.frozen_snapshot().name == "Dealbreakers"


def test_deleting_a_lesson_needs_the_confirmation_step(client, alice, alices_pilot, themes):
    client.force_login(alice)
    add(client, alices_pilot, kind="aanbeveling", text="Start klein.")
    lesson = alices_pilot.lessons.get()
    url = reverse("pilots:delete_lesson", args=[alices_pilot.slug, lesson.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Start klein." in page.content.decode()
    assert Lesson.objects.exists()
    # A bare POST (the old one-click button, or a forged form) deletes nothing.
    again = client.post(url)
    assert again.status_code == 200
    assert "Start klein." in again.content.decode()
    assert Lesson.objects.filter(pk=lesson.pk).exists()
    done = client.post(url, {"confirm": "yes"})
    assert done.status_code == 302
    assert not Lesson.objects.filter(pk=lesson.pk).exists()
