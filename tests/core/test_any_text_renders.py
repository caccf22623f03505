"""No text a user can type makes any page or document answer 500.

Texts are cleaned on the way in (core/text.py), but records typed before that, imports and
the database itself may still hold hostile text, so it is written here past the normaliser
(a queryset update) and every page and document that shows it must still render.
"""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from oogst.accounts.models import Role, User
from oogst.motions.models import Memo, Motion
from oogst.participants import services as participant_services
from oogst.participants.models import Participant
from oogst.pilots.models import Partner, Pilot, StatusUpdate
from oogst.rounds import services as round_services
from oogst.rounds.models import DocumentStatus, Round

pytestmark = pytest.mark.django_db

WORD = "Onderwijs" * 2_300  # a 20,000-character word


def hostile() -> str:
    text = (
        "Regel\x0bmet\x07tekens\x1b[31m ]]> <script>alert(1)</script> & &amp; "
        '#read("/etc/passwd") #include "x" $x^2$ *vet* _schuin_ `code` \\ {{ x }} {% y %} '
        "\u202eknil\u202c \ufeff\ufffe\uffff \x7f\x85 \r\n\r\n- punt\r1. item "
    )
    # PostgreSQL text cannot hold NUL at all; SQLite can, and Word cannot.
    return text + ("" if connection.vendor == "postgresql" else "\x00") + WORD


@pytest.fixture
def hostile_world(alice, carol, programma, portefeuille):
    text = hostile()
    pilot = Pilot.objects.create(name="Vijandig", owner=alice, fase="uitvoering")
    StatusUpdate.objects.create(pilot=pilot, date=datetime.date(2025, 2, 1), text="x", author=alice)
    Pilot.objects.filter(pk=pilot.pk).update(
        **{
            name: text
            for name in (
                "korte_omschrijving",
                "doel",
                "uitkomst_evaluatie",
                "succesvol_toelichting",
                "bestuurlijk_gerapporteerd",
                "aanleiding_toelichting",
            )
        },
        name="Vijandig \x0b <b>naam</b> ]]>",
        startdatum="\x0b4de kwartaal 2025 ]]>",
    )
    StatusUpdate.objects.filter(pilot=pilot).update(title="\x0c<titel>", text=text)
    motion = Motion.objects.create(nummer="2411-62", titel="Motie")
    Motion.objects.filter(pk=motion.pk).update(titel="Motie \x0b ]]>", dictum=text)
    memo = Memo.objects.create(motion=motion, onderwerp="Memo")
    Memo.objects.filter(pk=memo.pk).update(
        aanleiding=text, onderwerp="Memo\x0b <b>", conclusie=text
    )
    partner = Partner.objects.create(name="Partner")
    monitor = participant_services.set_up_monitor(pilot=pilot, partner=partner, code_prefix="VJ")
    person = Participant.objects.create(
        monitor=monitor, code=monitor.new_code(), start_date=datetime.date(2025, 1, 1)
    )
    Participant.objects.filter(pk=person.pk).update(notes=text, naam=text[:200])
    partner_user = User.objects.create_user("pp", role=Role.PARTNER, partner=partner)
    round = round_services.open_round(
        actor=carol,
        round=Round(
            name="Ronde",
            kind="perspectiefnota",
            peildatum=datetime.date(2025, 3, 1),
            deadline=datetime.date(2025, 3, 21),
        ),
        pilots=Pilot.objects.filter(pk=pilot.pk),
    )
    Round.objects.filter(pk=round.pk).update(inleiding=text)
    round.refresh_from_db()
    return pilot, motion, round, person, partner_user


def test_every_page_and_document_renders_hostile_text(client, carol, hostile_world):
    pilot, motion, round, person, partner_user = hostile_world
    client.force_login(carol)
    urls = [
        reverse("pilots:register"),
        reverse("pilots:register") + "?q=passwd",
        reverse("pilots:detail", args=[pilot.slug]),
        reverse("pilots:edit", args=[pilot.slug]),
        reverse("pilots:history", args=[pilot.slug]),
        reverse("pilots:export", args=["csv"]),
        reverse("pilots:export", args=["json"]),
        reverse("rounds:detail", args=[round.slug]),
        *[reverse("rounds:appendix", args=[round.slug, fmt]) for fmt in ("html", "docx", "pdf")],
        reverse("motions:detail", args=[motion.nummer]),
        reverse("motions:list"),
        *[reverse("motions:memo_download", args=[motion.nummer, fmt]) for fmt in ("docx", "pdf")],
        reverse("participants:overview", args=[pilot.slug]),
        *[
            reverse("participants:end_report_download", args=[pilot.slug, fmt])
            for fmt in ("docx", "pdf")
        ],
    ]
    failures = {url: client.get(url).status_code for url in urls}
    assert {u: s for u, s in failures.items() if s != 200} == {}

    round_services.freeze(actor=carol, round=round, force=True)
    assert {d.format: d.status for d in round.documents.all()} == {
        fmt: DocumentStatus.READY for fmt in ("docx", "pdf", "html", "fragment")
    }, [(d.format, d.error) for d in round.documents.all()]
    round_services.publish(actor=carol, round=round)
    client.logout()
    assert client.get(reverse("rounds:public_appendix", args=[round.slug])).status_code == 200

    client.force_login(partner_user)
    for url in [
        reverse("participants:list", args=[pilot.slug]),
        reverse("participants:detail", args=[pilot.slug, person.code]),
        reverse("participants:inzage", args=[pilot.slug, person.code, "json"]),
        reverse("participants:inzage", args=[pilot.slug, person.code, "pdf"]),
    ]:
        assert client.get(url).status_code == 200, url
