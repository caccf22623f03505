"""The council's decision is what the council decided: nothing chosen in advance, and nothing
recorded for a meeting still to come."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from oogst.motions import services
from oogst.motions.models import Afdoeningsronde, Decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def voorstel(gina, motion, ronde):
    return services.propose(actor=gina, motion=motion, ronde=ronde)


def test_the_decision_form_has_no_choice_made_in_advance(client, gina, voorstel):
    client.force_login(gina)
    page = client.get(reverse("motions:afdoeningsronde", args=[voorstel.ronde.pk]))
    html = page.content.decode()
    form = html[html.index(reverse("motions:decide", args=[voorstel.pk])) :]
    form = form[: form.index("</form>")]
    assert form.count('name="decision"') == 2
    assert "checked" not in form and "selected" not in form


def test_a_decision_sent_without_a_choice_records_nothing(client, gina, voorstel):
    client.force_login(gina)
    client.post(reverse("motions:decide", args=[voorstel.pk]), {"reason": ""})
    voorstel.refresh_from_db()
    assert voorstel.decision == Decision.PENDING


@time_machine.travel(datetime.datetime(2025, 7, 1, 12, tzinfo=datetime.UTC))
def test_no_decision_is_recorded_before_the_council_met(client, gina, motion):
    ronde = Afdoeningsronde.objects.create(name="Juli 2025", date=datetime.date(2025, 7, 3))
    voorstel = services.propose(actor=gina, motion=motion, ronde=ronde)
    client.force_login(gina)
    page = client.get(reverse("motions:afdoeningsronde", args=[ronde.pk])).content.decode()
    assert 'name="decision"' not in page
    client.post(reverse("motions:decide", args=[voorstel.pk]), {"decision": "akkoord"})
    voorstel.refresh_from_db()
    assert voorstel.decision == Decision.PENDING
    with pytest.raises(services.MotionError):
        services.record_decision(actor=gina, voorstel=voorstel, decision="akkoord")


@time_machine.travel(datetime.datetime(2025, 7, 3, 21, tzinfo=datetime.UTC))
def test_the_decision_is_recorded_on_the_evening_of_the_meeting(client, gina, motion):
    ronde = Afdoeningsronde.objects.create(name="Juli 2025", date=datetime.date(2025, 7, 3))
    voorstel = services.propose(actor=gina, motion=motion, ronde=ronde)
    client.force_login(gina)
    client.post(reverse("motions:decide", args=[voorstel.pk]), {"decision": "akkoord"})
    voorstel.refresh_from_db()
    assert voorstel.decision == Decision.AKKOORD
