from oogst.accounts.models import Role, User
from oogst.demo.pilots import load_demo
from oogst.participants import disclosure
from oogst.participants.models import Participant
from oogst.pilots.models import Pilot


def test_the_demo_has_a_fictional_monitored_pilot_and_a_partner_user(db):
    result = load_demo()
    pilot = Pilot.objects.get(slug="voorbeeld-deelnemersmonitor")
    assert "fictieve gegevens" in pilot.name
    people = Participant.objects.filter(monitor__pilot=pilot)
    assert people.count() == 40
    assert all(person.naam.endswith("(fictief)") for person in people)
    partner = User.objects.get(username="partner")
    assert partner.role == Role.PARTNER and partner.partner == pilot.monitor.partner
    assert "partner" in result.new_passwords
    # Spread over the phases, measured over about a year.
    figures = disclosure.for_monitor(pilot.monitor)
    assert str(figures.reach) == "40" and figures.reach_percent == 100
    assert len({step.phase_id for person in people for step in person.steps.all()}) == 5
    dates = [m.date for person in people for m in person.ladder_measurements.all()]
    assert (max(dates) - min(dates)).days > 300
    # The real Piëzo proposal is untouched.
    assert (
        Pilot.objects.get(slug="samen-bouwen-aan-verbinding-en-ontwikkeling").fase == "niet_gestart"
    )


def test_the_demo_is_the_same_on_every_machine(db):
    load_demo()
    first = sorted(Participant.objects.values_list("code", "start_date", "exit_outcome"))
    Participant.objects.all().delete()
    Pilot.objects.filter(slug="voorbeeld-deelnemersmonitor").delete()
    load_demo()
    assert sorted(Participant.objects.values_list("code", "start_date", "exit_outcome")) == first
