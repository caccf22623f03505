"""The history reads as sentences: who changed which field from what to what, and why."""

import datetime

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import translation

from oogst.core import history
from oogst.motions import services as motion_services
from oogst.motions.models import Motion, MotionStatus
from oogst.pilots import services as pilot_services
from oogst.pilots.models import Lesson, Partner, Pilot, Programma
from oogst.rounds import services as round_services
from oogst.rounds.models import Round

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def edit(alice, pilot, reason="", partners=None, **changes):
    pilot = Pilot.objects.get(pk=pilot.pk)
    for name, value in changes.items():
        setattr(pilot, name, value)
    return pilot_services.update_pilot(
        actor=alice, pilot=pilot, expected_version=pilot.version, reason=reason, partners=partners
    )


def latest(obj) -> history.Event:
    return history.describe(LogEntry.objects.get_for_object(obj).latest("pk"))


def test_a_changed_date_is_one_sentence_with_the_reason(alice, alices_pilot):
    edit(alice, alices_pilot, einddatum="1ste kwartaal 2026", reason="Subsidie verlengd")
    event = latest(alices_pilot)
    assert event.text == (
        "Alice Aalbers wijzigde de einddatum van ‘31 december 2024’ in ‘1ste kwartaal 2026’."
    )
    assert event.reason == "Subsidie verlengd"


def test_choices_show_their_labels_and_related_objects_their_names(alice, alices_pilot):
    other = Programma.objects.create(number=7, name="Wonen")
    edit(alice, alices_pilot, fase="evaluatie", programma=other)
    text = latest(alices_pilot).text
    assert "wijzigde de fase van ‘Uitvoering’ in ‘Evaluatie’" in text
    assert "wijzigde het programma van ‘Programma 5. Veiligheid’ in ‘Programma 7. Wonen’" in text
    assert "uitvoering" not in text and str(other.pk) not in text


def test_no_technical_fields_and_no_none(alice, alices_pilot):
    edit(alice, alices_pilot, budget="1500.00")
    text = latest(alices_pilot).text
    assert text == "Alice Aalbers stelde het budget (euro) in op ‘1500.00’."
    for word in ("None", "version", "versie", "Slug", "ID"):
        assert word not in text


def test_emptying_a_field_says_what_it_was(alice, alices_pilot):
    edit(alice, alices_pilot, evaluatiemoment="")
    assert latest(alices_pilot).text == (
        "Alice Aalbers maakte het evaluatiemoment leeg (was ‘Jaarlijks’)."
    )


def test_a_long_text_is_a_word_diff_with_words_a_screen_reader_names(alice, alices_pilot):
    edit(alice, alices_pilot, doel="Voorkomen van jonge instroom in criminaliteit en overlast.")
    event = latest(alices_pilot)
    assert event.text == "Alice Aalbers wijzigde het doel / beoogd resultaat:"
    diff = str(event.lines[0].diff)
    assert '<del class="oogst-diff-del">' in diff and "aanwas" in diff
    assert '<ins class="oogst-diff-ins">' in diff and "instroom" in diff
    assert "[verwijderd: " in diff and "[toegevoegd: " in diff
    assert "Voorkomen van jonge " in diff  # unchanged words stay, unmarked


def test_the_word_diff_escapes_what_people_typed():
    diff = str(history.words_diff("Een <b>vet</b> plan", "Een <script>x</script> plan"))
    assert "<script>" not in diff and "&lt;script&gt;" in diff
    assert "&lt;b&gt;vet&lt;/b&gt;" in diff


def test_long_unchanged_stretches_are_shortened_around_the_change():
    words = " ".join(f"woord{n}" for n in range(200))
    diff = str(history.words_diff(words + " oud", words + " nieuw"))
    assert "woord0 " in diff and "woord199" in diff and " … " in diff
    assert "woord100 " not in diff


def test_partners_added_and_removed_are_named(alice, alices_pilot):
    ivn = Partner.objects.create(name="IVN")
    edit(alice, alices_pilot, partners=[ivn])
    assert "Alice Aalbers voegde ‘IVN’ toe aan de partners." in latest(alices_pilot).text
    edit(alice, alices_pilot, partners=[])
    assert "Alice Aalbers haalde ‘IVN’ weg bij de partners." in latest(alices_pilot).text


def test_creation_and_deletion_are_sentences(alice, alices_pilot):
    lesson = pilot_services.save_lesson(
        actor=alice,
        pilot=alices_pilot,
        lesson=Lesson(kind="werkte", text="Vroeg beginnen werkt."),
        themes=[],
    )
    assert latest(lesson).text == "Alice Aalbers maakte de les ‘Vroeg beginnen werkt.’ aan."
    pilot_services.delete_lesson(actor=alice, lesson=lesson, confirmed=True)
    deleted = LogEntry.objects.filter(action=LogEntry.Action.DELETE).latest("pk")
    assert history.describe(deleted).text == (
        "Alice Aalbers verwijderde de les ‘Vroeg beginnen werkt.’."
    )


def test_a_deleted_lesson_keeps_its_whole_text_in_the_history(alice, alices_pilot):
    text = "Ouders bereik je via de school, niet via de wijkkrant. " * 3
    lesson = pilot_services.save_lesson(
        actor=alice, pilot=alices_pilot, lesson=Lesson(kind="werkte", text=text), themes=[]
    )
    assert len(str(lesson)) < len(text.strip())
    pilot_services.delete_lesson(actor=alice, lesson=lesson, confirmed=True)
    deleted = LogEntry.objects.filter(action=LogEntry.Action.DELETE).latest("pk")
    assert text.strip() in history.describe(deleted).text


def test_a_change_without_an_actor_is_oogsts(alices_pilot):
    pilot = Pilot.objects.get(pk=alices_pilot.pk)
    pilot.name = "Dealbreakers 2"
    pilot.save()
    assert latest(pilot).text == (
        "Oogst (automatisch) wijzigde de naam van ‘Dealbreakers’ in ‘Dealbreakers 2’."
    )


def test_the_pilot_history_page_reads_as_sentences(client, alice, alices_pilot):
    edit(alice, alices_pilot, einddatum="1ste kwartaal 2026", reason="Subsidie verlengd")
    client.force_login(alice)
    page = client.get(reverse("pilots:history", args=[alices_pilot.slug])).content.decode()
    assert (
        "Alice Aalbers wijzigde de einddatum van ‘31 december 2024’ in ‘1ste kwartaal 2026’."
        " — reden: Subsidie verlengd"
    ) in page
    assert "Oogst (automatisch) maakte de pilot ‘Dealbreakers’ aan." in page
    for technical in ("None", "pilot update", "pilot create", "Slug", "search text"):
        assert technical not in page


def test_a_rounds_history_names_its_steps(client, carol, alices_pilot):
    round = round_services.open_round(
        actor=carol,
        round=Round(
            name="Voorjaarsnota 2026",
            kind="perspectiefnota",
            peildatum=datetime.date(2026, 3, 1),
            deadline=datetime.date(2026, 3, 21),
        ),
    )
    round_services.freeze(actor=carol, round=round, force=True)
    round_services.publish(actor=carol, round=round)
    round_services.reopen(actor=carol, round=round, reason="Cijfers gecorrigeerd")
    events = round_services.round_history(round)
    assert [e.text for e in events] == [
        "Carol heropende de ronde.",
        "Carol publiceerde de ronde.",
        "Carol stelde de ronde vast met 1 niet goedgekeurde pilots.",
        "Carol maakte de rapportageronde ‘Voorjaarsnota 2026’ aan.",
    ]
    assert events[0].reason == "Cijfers gecorrigeerd"
    client.force_login(carol)
    page = client.get(round.get_absolute_url()).content.decode()
    assert "Carol heropende de ronde. — reden: Cijfers gecorrigeerd" in page


def test_a_motions_history_has_its_status_changes_with_reasons(client, carol, portefeuille):
    motion = Motion.objects.create(nummer="2411-62", titel="Samen bouwen")
    with set_actor(carol):
        motion.titel = "Samen bouwen aan wonen"
        motion.save()
    motion_services.change_status(
        actor=carol, motion=motion, new=MotionStatus.IN_BEHANDELING, reason="College start"
    )
    events = motion_services.history_events(motion)
    assert events[0].text == "Carol wijzigde de status van ‘Open’ in ‘In behandeling’."
    assert events[0].reason == "College start"
    assert events[1].text == (
        "Carol wijzigde de titel van ‘Samen bouwen’ in ‘Samen bouwen aan wonen’."
    )
    client.force_login(carol)
    page = client.get(motion.get_absolute_url()).content.decode()
    assert "wijzigde de status van ‘Open’ in ‘In behandeling’. — reden: College start" in page


def test_an_accounts_history_says_who_gave_which_role(client, erin, bob):
    client.force_login(erin)
    url = reverse("accounts:user_edit", args=[bob.pk])
    client.post(
        url,
        {
            "username": "bob",
            "first_name": "Bob",
            "last_name": "Bakker",
            "email": "bob@example.org",
            "role": "coordinator",
            "is_active": "on",
        },
    )
    page = client.get(url).content.decode()
    assert "Erin wijzigde de rol van ‘Eigenaar’ in ‘P&amp;C-coördinator’." in page
