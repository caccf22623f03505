"""The attack: every create form sent twice (a double click, a resubmit after Back) creates one
row, and the second send lands on what the first created."""

import datetime

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse

from oogst.accounts.models import Role, User
from oogst.motions.models import Afdoeningsronde, Afdoeningsvoorstel, Motion
from oogst.pilots.models import Partner, Pilot, StatusUpdate
from oogst.rounds.models import Round
from tests.double_submit import assert_created_once, send_twice

pytestmark = pytest.mark.django_db


@pytest.fixture
def gina(db):
    return User.objects.create_user("gina", first_name="Gina", role=Role.GRIFFIE)


def test_a_new_pilot_sent_twice_is_created_once(client, alice, programma):
    client.force_login(alice)
    url = reverse("pilots:create")
    first, second = send_twice(
        client, url, url, {"name": "Tuinrangers", "fase": "voorstel", "programma": programma.pk}
    )
    assert_created_once(first, second, Pilot.objects.filter(name="Tuinrangers").count)
    said = [str(m) for m in get_messages(second.wsgi_request)]
    assert "Dit formulier was al verstuurd; er is niets dubbel aangemaakt." in said


def test_a_progress_update_sent_twice_is_added_once(client, alice, alices_pilot):
    client.force_login(alice)
    first, second = send_twice(
        client,
        reverse("pilots:detail", args=[alices_pilot.slug]),
        reverse("pilots:add_status_update", args=[alices_pilot.slug]),
        {"date": "2025-01-10", "title": "Januari", "text": "Eerste update"},
    )
    assert_created_once(first, second, StatusUpdate.objects.count)


def test_a_new_motion_sent_twice_is_created_once(client, gina):
    client.force_login(gina)
    url = reverse("motions:create")
    first, second = send_twice(
        client,
        url,
        url,
        {
            "nummer": "2111-03A",
            "titel": "Geamendeerde motie",
            "documents-TOTAL_FORMS": "0",
            "documents-INITIAL_FORMS": "0",
        },
    )
    assert_created_once(first, second, Motion.objects.count)


def test_a_new_afdoeningsronde_sent_twice_is_created_once(client, gina):
    client.force_login(gina)
    url = reverse("motions:afdoeningsrondes")
    first, second = send_twice(
        client, url, url, {"name": "Afdoening moties juli 2025", "date": "2025-07-03"}
    )
    assert_created_once(first, second, Afdoeningsronde.objects.count)


def test_a_motion_proposed_twice_is_put_on_the_round_once(client, gina, portefeuille):
    motion = Motion.objects.create(nummer="2411-62", titel="Samen bouwen")
    ronde = Afdoeningsronde.objects.create(name="Juli", date=datetime.date(2025, 7, 3))
    client.force_login(gina)
    first, second = send_twice(
        client,
        reverse("motions:afdoeningsronde", args=[ronde.pk]),
        reverse("motions:propose", args=[ronde.pk]),
        {"motion": motion.pk},
        after=reverse("motions:propose", args=[ronde.pk]),
    )
    assert_created_once(first, second, Afdoeningsvoorstel.objects.count)
    # No "already in this round" error either: the second send is recognised as the first.
    said = [str(m) for m in get_messages(second.wsgi_request)]
    assert said == ["Dit formulier was al verstuurd; er is niets dubbel aangemaakt."]


@time_machine.travel(datetime.datetime(2026, 2, 20, 12, tzinfo=datetime.UTC))
def test_a_new_round_sent_twice_is_opened_once(client, carol, alices_pilot):
    client.force_login(carol)
    url = reverse("rounds:create")
    first, second = send_twice(
        client,
        url,
        url,
        {
            "name": "Perspectiefnota 2027",
            "kind": "perspectiefnota",
            "peildatum": "2026-03-01",
            "deadline": "2026-03-21",
            "appendix_title": "Bijlage 6",
            "inleiding": "",
            "appendix_order": "programma",
            "pilots": [alices_pilot.pk],
        },
    )
    assert_created_once(first, second, Round.objects.count)


def test_a_new_account_sent_twice_is_created_once(client, erin):
    client.force_login(erin)
    url = reverse("accounts:user_create")
    first, second = send_twice(
        client,
        url,
        url,
        {"username": "nieuw", "email": "nieuw@example.org", "role": Role.LEZER, "is_active": "on"},
    )
    assert_created_once(first, second, User.objects.filter(username="nieuw").count)


def test_a_new_partner_organisation_sent_twice_is_created_once(client, erin):
    client.force_login(erin)
    url = reverse("pilots:reference_create", args=["partners"])
    first, second = send_twice(client, url, url, {"name": "IVN", "active": "on"})
    assert_created_once(first, second, Partner.objects.filter(name="IVN").count)


def test_a_form_that_failed_validation_keeps_its_token_for_the_next_try(client, alice, programma):
    client.force_login(alice)
    url = reverse("pilots:create")
    first, _second = send_twice(client, url, url, {"name": "", "fase": "voorstel"})
    assert first.status_code == 200
    page = client.get(url).content.decode()
    from tests.double_submit import token_in

    token = token_in(page)
    response = client.post(url, {"name": "", "fase": "voorstel", "form_token": token})
    assert response.status_code == 200
    response = client.post(url, {"name": "Tweede poging", "fase": "voorstel", "form_token": token})
    assert response.status_code == 302
    assert Pilot.objects.filter(name="Tweede poging").count() == 1


def test_two_sends_at_the_same_moment_create_one_row(client, alice, programma, monkeypatch):
    """The double click: the second send checks before the first has committed, sees nothing,
    creates its pilot, and is undone by the token's unique constraint."""
    from oogst.core import once

    client.force_login(alice)
    url = reverse("pilots:create")
    data = {"name": "Tuinrangers", "fase": "voorstel", "programma": programma.pk}
    first, _ = send_twice(client, url, url, data)  # the first send, committed
    token = once.FormSubmission.objects.get().token
    real = once._done
    calls = []

    def not_yet_committed(user, token):
        calls.append(token)
        return None if len(calls) == 1 else real(user, token)

    monkeypatch.setattr(once, "_done", not_yet_committed)
    late = client.post(url, {**data, "form_token": token})
    assert late.status_code == 302 and late["Location"] == first["Location"]
    assert Pilot.objects.filter(name="Tuinrangers").count() == 1


def test_a_lesson_sent_twice_is_recorded_once(client, alice, alices_pilot):
    from oogst.pilots.models import Lesson

    client.force_login(alice)
    add = reverse("pilots:add_lesson", args=[alices_pilot.slug])
    first, second = send_twice(
        client,
        reverse("pilots:detail", args=[alices_pilot.slug]),
        add,
        {"lesson-kind": "werkte", "lesson-text": "Vroeg beginnen werkt."},
        after=add,
    )
    assert_created_once(first, second, Lesson.objects.count)


def test_an_import_uploaded_twice_is_read_once(client, carol):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from oogst.pilots.models import ImportJob
    from tests.double_submit import token_in

    client.force_login(carol)
    url = reverse("pilots:import")
    token = token_in(client.get(url).content.decode(), 'enctype="multipart/form-data"')

    def send():
        upload = SimpleUploadedFile("pilots.csv", b"Naam;Fase\nTuinrangers;voorstel\n")
        return client.post(url, {"kind": "pilots", "file": upload, "form_token": token})

    first, second = send(), send()
    assert_created_once(first, second, ImportJob.objects.count)
