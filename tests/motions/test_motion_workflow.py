"""From adopted motion to afdoening: statuses, the council's decision, and who may do what."""

import datetime

import pytest
from django.urls import reverse

from oogst.motions import services
from oogst.motions.models import Motion, MotionStatus

pytestmark = pytest.mark.django_db


def test_a_proposal_agreed_by_the_council_makes_the_motion_afgedaan(carol, motion, ronde):
    voorstel = services.propose(actor=carol, motion=motion, ronde=ronde)
    motion.refresh_from_db()
    assert motion.status == MotionStatus.AFDOENINGSVOORSTEL
    services.record_decision(actor=carol, voorstel=voorstel, decision="akkoord")
    motion.refresh_from_db()
    assert motion.status == MotionStatus.AFGEDAAN
    assert [(c.old, c.new, c.by) for c in reversed(services.status_history(motion))] == [
        ("open", "afdoeningsvoorstel", carol),
        ("afdoeningsvoorstel", "afgedaan", carol),
    ]


def test_a_proposal_not_agreed_goes_back_to_in_behandeling_with_the_reason(carol, motion, ronde):
    voorstel = services.propose(actor=carol, motion=motion, ronde=ronde)
    with pytest.raises(services.MotionError):
        services.record_decision(actor=carol, voorstel=voorstel, decision="niet_akkoord")
    services.record_decision(
        actor=carol,
        voorstel=voorstel,
        decision="niet_akkoord",
        reason="Raad wil eerst de pilotresultaten",
    )
    motion.refresh_from_db()
    assert motion.status == MotionStatus.IN_BEHANDELING
    assert services.status_history(motion)[0].reason == "Raad wil eerst de pilotresultaten"


def test_skipping_the_council_decision_is_refused(carol, motion):
    with pytest.raises(services.MotionError, match="afdoeningsvoorstel"):
        services.change_status(actor=carol, motion=motion, new="afgedaan")
    motion.refresh_from_db()
    assert motion.status == MotionStatus.OPEN


def test_the_griffie_may_record_the_decision_directly(gina, motion):
    services.change_status(
        actor=gina, motion=motion, new="afgedaan", reason="Raadsbesluit 3 juli 2025"
    )
    motion.refresh_from_db()
    assert motion.status == MotionStatus.AFGEDAAN
    assert services.status_history(motion)[0].by == gina


def test_an_eigenaar_or_lezer_cannot_change_a_motion(client, alice, dave, motion):
    for user in (alice, dave):
        client.force_login(user)
        response = client.post(
            reverse("motions:status", args=[motion.nummer]), {"status": "in_behandeling"}
        )
        assert response.status_code == 403
        assert client.get(reverse("motions:create")).status_code == 403
    motion.refresh_from_db()
    assert motion.status == MotionStatus.OPEN


def test_a_duplicate_number_is_refused_naming_the_existing_motion(client, gina, motion):
    client.force_login(gina)
    response = client.post(reverse("motions:create"), {"nummer": "2411-62", "titel": "Dubbel"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Samen bouwen aan een nieuwe toekomst" in page
    assert Motion.objects.count() == 1


def test_a_malformed_number_is_refused(client, gina):
    client.force_login(gina)
    response = client.post(reverse("motions:create"), {"nummer": "motie 12", "titel": "X"})
    assert response.status_code == 200
    assert not Motion.objects.exists()


def test_deleting_a_motion_with_linked_pilots_is_refused(client, gina, motion, alices_pilot):
    motion.pilots.add(alices_pilot)
    client.force_login(gina)
    delete = reverse("motions:delete", args=[motion.nummer])
    client.post(delete, {"confirm": motion.nummer})
    assert Motion.objects.filter(pk=motion.pk).exists()
    motion.pilots.clear()
    client.post(delete, {"confirm": motion.nummer})
    assert not Motion.objects.filter(pk=motion.pk).exists()


def test_deleting_asks_to_type_the_number_and_says_what_goes(client, gina, motion):
    client.force_login(gina)
    delete = reverse("motions:delete", args=[motion.nummer])
    page = client.get(delete).content.decode()
    assert "documentlink" in page.lower() and 'name="confirm"' in page
    refused = client.post(delete)  # one click, nothing typed
    assert refused.status_code == 400
    assert Motion.objects.filter(pk=motion.pk).exists()
    client.post(delete, {"confirm": motion.nummer})
    assert not Motion.objects.filter(pk=motion.pk).exists()


def test_a_motion_with_a_council_decision_or_a_memo_is_never_deleted(client, gina, motion):
    from oogst.motions.models import Afdoeningsronde, Afdoeningsvoorstel, Memo

    ronde = Afdoeningsronde.objects.create(name="Juli 2025", date="2025-07-03")
    Afdoeningsvoorstel.objects.create(ronde=ronde, motion=motion, decision="akkoord")
    client.force_login(gina)
    delete = reverse("motions:delete", args=[motion.nummer])
    client.post(delete, {"confirm": motion.nummer})
    assert Motion.objects.filter(pk=motion.pk).exists()
    Afdoeningsvoorstel.objects.all().delete()
    Memo.objects.create(motion=motion)
    client.post(delete, {"confirm": motion.nummer})
    assert Motion.objects.filter(pk=motion.pk).exists()


def test_the_pilot_and_the_motion_show_each_other(client, dave, motion, alices_pilot):
    motion.pilots.add(alices_pilot)
    client.force_login(dave)
    motion_page = client.get(motion.get_absolute_url()).content.decode()
    assert "Dealbreakers" in motion_page and "Uitvoering" in motion_page
    pilot_page = client.get(alices_pilot.get_absolute_url()).content.decode()
    assert "2411-62" in pilot_page


def test_overdue_motions_and_no_deadline(client, dave, motion):
    Motion.objects.create(nummer="21-0642", titel="Oogst van de pilots")
    assert list(Motion.objects.overdue(today=datetime.date(2025, 6, 1))) == [motion]
    assert list(Motion.objects.overdue(today=datetime.date(2025, 5, 31))) == []
    client.force_login(dave)
    page = client.get(reverse("motions:list")).content.decode()
    assert "geen termijn" in page


def test_a_deadline_is_read_as_a_vague_date(motion):
    assert motion.deadline_end == datetime.date(2025, 5, 31)
    assert motion.deadline_start is None


def test_the_griffie_records_a_motion_with_its_documents(client, gina, alices_pilot):
    client.force_login(gina)
    response = client.post(
        reverse("motions:create"),
        {
            "nummer": "2111-03A",
            "titel": "Geamendeerde motie",
            "deadline": "uiterlijk Q3 2025",
            "pilots": [alices_pilot.pk],
            "documents-TOTAL_FORMS": "1",
            "documents-INITIAL_FORMS": "0",
            "documents-0-title": "Motie 2111-03A (pdf)",
            "documents-0-url": "https://raad.example.nl/moties/2111-03A.pdf",
        },
    )
    assert response.status_code == 302
    motion = Motion.objects.get(nummer="2111-03A")
    assert motion.deadline_end == datetime.date(2025, 9, 30)
    assert [d.title for d in motion.documents.all()] == ["Motie 2111-03A (pdf)"]
    page = client.get(motion.get_absolute_url()).content.decode()
    assert "https://raad.example.nl/moties/2111-03A.pdf" in page
    assert "Dealbreakers" in page


def test_status_history_is_the_audit_log_with_reasons(client, gina, motion):
    """One history (#11): the audit log's entries, shown on the motion page with the reason."""
    from auditlog.models import LogEntry

    services.change_status(actor=gina, motion=motion, new="in_behandeling", reason="Start")
    services.change_status(actor=gina, motion=motion, new="afgedaan", reason="Raadsbesluit")
    entries = LogEntry.objects.get_for_object(motion).filter(
        action=LogEntry.Action.UPDATE, changes__has_key="status"
    )
    assert sorted(e.additional_data["reason"] for e in entries) == ["Raadsbesluit", "Start"]
    client.force_login(gina)
    page = client.get(motion.get_absolute_url()).content.decode()
    assert "in ‘Afgedaan’. — reden: Raadsbesluit" in page


def test_the_status_form_offers_only_allowed_moves(carol, gina, motion):
    carols = dict(services.status_choices(carol, motion))
    assert "afgedaan" not in carols  # no agreed afdoeningsvoorstel yet
    assert list(carols)[0] == motion.status
    assert "afgedaan" in dict(services.status_choices(gina, motion))


def test_a_decided_motion_is_archived_instead_of_deleted(client, gina, motion, ronde):
    voorstel = services.propose(actor=gina, motion=motion, ronde=ronde)
    services.record_decision(actor=gina, voorstel=voorstel, decision="akkoord")
    motion.refresh_from_db()
    with pytest.raises(services.MotionError):
        services.delete_motion(actor=gina, motion=motion, confirmation=motion.nummer)
    client.force_login(gina)
    refusal = client.get(reverse("motions:delete", args=[motion.nummer])).content.decode()
    assert "in plaats daarvan archiveren" in refusal
    response = client.post(reverse("motions:archive", args=[motion.nummer]))
    assert response.status_code == 302
    motion.refresh_from_db()
    assert motion.is_archived
    # Gone from the list, kept in the archive with its decision.
    assert motion.titel not in client.get(reverse("motions:list")).content.decode()
    archive = client.get(reverse("motions:list") + "?archief=1").content.decode()
    assert motion.titel in archive
    assert motion.voorstellen.get().decision == "akkoord"
    # An archived motion cannot change status until it is taken out again.
    with pytest.raises(services.MotionError, match="archive"):
        services.change_status(actor=gina, motion=motion, new="open")
    client.post(reverse("motions:archive", args=[motion.nummer]), {"undo": "1"})
    motion.refresh_from_db()
    assert not motion.is_archived


def test_an_open_motion_cannot_be_archived(client, gina, motion):
    client.force_login(gina)
    client.post(reverse("motions:archive", args=[motion.nummer]))
    motion.refresh_from_db()
    assert not motion.is_archived
    with pytest.raises(services.MotionError):
        services.archive(actor=gina, motion=motion)
