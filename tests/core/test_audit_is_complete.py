"""Users and roles and the council's decisions are in the one history, with who did it."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from oogst.accounts.models import Role, User
from oogst.motions import services as motion_services
from oogst.motions.models import Afdoeningsronde, Afdoeningsvoorstel, Motion

pytestmark = pytest.mark.django_db


def test_a_role_change_by_the_beheerder_is_in_the_history(client, erin, bob):
    client.force_login(erin)
    client.post(
        reverse("accounts:user_edit", args=[bob.pk]),
        {
            "username": "bob",
            "first_name": "Bob",
            "last_name": "Bakker",
            "email": "bob@example.org",
            "role": Role.COORDINATOR,
            "is_active": "on",
        },
    )
    bob.refresh_from_db()
    assert bob.role == Role.COORDINATOR
    entry = LogEntry.objects.get_for_object(bob).latest("timestamp")
    assert entry.actor == erin
    assert entry.changes_dict["role"] == ["eigenaar", "coordinator"]
    assert "password" not in entry.changes_dict


def test_a_password_reset_records_no_hash(client, erin, bob):
    client.force_login(erin)
    old_hash = bob.password
    client.post(reverse("accounts:user_reset_password", args=[bob.pk]), {"confirm": "yes"})
    bob.refresh_from_db()
    assert bob.password != old_hash
    for entry in LogEntry.objects.get_for_object(bob):
        assert "password" not in entry.changes_dict


def test_the_councils_decision_is_in_the_history(db):
    griet = User.objects.create_user("griet", role=Role.GRIFFIE)
    motion = Motion.objects.create(nummer="2411-62", titel="Statushouders")
    ronde = Afdoeningsronde.objects.create(name="Juli 2025", date=datetime.date(2025, 7, 3))
    voorstel = Afdoeningsvoorstel.objects.create(ronde=ronde, motion=motion)
    motion_services.record_decision(actor=griet, voorstel=voorstel, decision="akkoord", reason="")
    entry = LogEntry.objects.get_for_object(voorstel).latest("timestamp")
    assert entry.changes_dict["decision"][1] == "akkoord"
    assert entry.actor == griet
