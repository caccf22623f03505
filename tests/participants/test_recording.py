"""Partner staff record what the pilot's settings allow, and nothing the pilot switched off."""

import io

import docx
import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from oogst.participants.models import LadderMeasurement, Monitor, Participant, ZrmScore


def test_a_new_participant_gets_an_issued_code(client, pia, monitor):
    client.force_login(pia)
    phase = monitor.phases.get(number=1)
    response = client.post(
        reverse("participants:create", args=["dealbreakers"]),
        {"start_date": "2026-03-02", "naam": "Fictief Persoon", "first_phase": phase.pk},
    )
    person = Participant.objects.get()
    assert response.url == reverse("participants:detail", args=["dealbreakers", person.code])
    assert person.code.startswith("PZ-") and len(person.code) == 9
    assert person.naam == "Fictief Persoon"
    assert [step.phase for step in person.steps.all()] == [phase]


def test_switched_off_fields_are_not_on_the_form_and_not_stored(client, pia, monitor):
    client.force_login(pia)
    url = reverse("participants:create", args=["dealbreakers"])
    html = client.get(url).content.decode()
    assert 'name="naam"' in html
    for field in ("bsn", "nationaliteit", "verblijfsstatus", "contact", "geboortejaar"):
        assert f'name="{field}"' not in html
    client.post(
        url,
        {
            "start_date": "2026-03-02",
            "bsn": "111222333",
            "nationaliteit": "X",
            "verblijfsstatus": "Y",
        },
    )
    person = Participant.objects.get()
    assert (person.bsn, person.nationaliteit, person.verblijfsstatus) == ("", "", "")


def test_a_bsn_is_checked_when_a_pilot_needs_it(client, pia, monitor):
    monitor.collect_bsn = True
    monitor.save()
    client.force_login(pia)
    url = reverse("participants:create", args=["dealbreakers"])
    response = client.post(url, {"start_date": "2026-03-02", "bsn": "123456789"})
    assert response.status_code == 200 and "elfproef" in response.content.decode()
    assert not Participant.objects.exists()
    client.post(url, {"start_date": "2026-03-02", "bsn": "111222333"})
    assert Participant.objects.get().bsn == "111222333"


def test_switching_a_field_off_erases_its_values(client, alice, monitor, people):
    client.force_login(alice)
    form = client.get(reverse("participants:settings", args=["dealbreakers"])).context["form"]
    data = {
        key: value
        for key, value in {
            **{name: field.initial for name, field in form.fields.items()},
            **form.initial,
        }.items()
        if value not in (None, False)
    }
    data["partner"] = monitor.partner_id
    data.pop("collect_naam")
    data["zrm_domains"] = ["financien"]
    url = reverse("participants:settings", args=["dealbreakers"])
    # One click erases nothing: the page says what would go and asks to confirm the count.
    asked = client.post(url, data)
    assert asked.status_code == 409
    assert asked.context["erasure"]["values"] == 12
    assert 'name="confirm_erase" id="confirm_erase" value="12"' in asked.content.decode()
    assert Participant.objects.exclude(naam="").count() == 12
    monitor.refresh_from_db()
    assert monitor.collect_naam and monitor.zrm_domains != ["financien"]  # nothing saved
    # A confirmation of another count (someone recorded more meanwhile) is not enough.
    assert client.post(url, {**data, "confirm_erase": "11"}).status_code == 409
    response = client.post(url, {**data, "confirm_erase": "12"})
    assert response.status_code == 302, response.context["form"].errors
    assert set(Participant.objects.values_list("naam", flat=True)) == {""}
    monitor.refresh_from_db()
    assert monitor.zrm_domains == ["financien"]
    assert monitor.phases.count() == 5


def test_a_phase_with_participants_cannot_be_removed(client, alice, monitor, people):
    client.force_login(alice)
    response = client.post(
        reverse("participants:settings", args=["dealbreakers"]),
        {
            "partner": monitor.partner_id,
            "code_prefix": "PZ",
            "phases_text": "1 Alleen deze",
            "activities_text": "Taalles",
        },
    )
    assert response.status_code == 200
    assert "heeft deelnemers en kan niet worden verwijderd" in response.content.decode()
    assert monitor.phases.count() == 5


def test_a_pilot_sets_up_its_own_phases(client, carol, bobs_pilot, piezo):
    client.force_login(carol)
    response = client.post(
        reverse("participants:settings", args=[bobs_pilot.slug]),
        {
            "partner": piezo.pk,
            "target": "25",
            "code_prefix": "wo",
            "phases_text": "1. Intake\n2) Traject\n\n3 Nazorg",
            "activities_text": "Huisbezoek\nCursus",
        },
    )
    assert response.status_code == 302
    monitor = Monitor.objects.get(pilot=bobs_pilot)
    assert [str(p) for p in monitor.phases.all()] == ["1. Intake", "2. Traject", "3. Nazorg"]
    assert monitor.code_prefix == "WO" and monitor.target == 25
    assert monitor.zrm_domains == [] and monitor.personal_fields == []


def test_the_new_settings_form_offers_the_piezo_phases(client, carol, bobs_pilot):
    client.force_login(carol)
    html = client.get(reverse("participants:settings", args=[bobs_pilot.slug])).content.decode()
    assert "0 Activering (huisbezoek)" in html
    assert "4 Toeleiding naar opleiding of regulier werk" in html


def test_measurements_and_scores_are_validated(client, pia, monitor, people):
    client.force_login(pia)
    code = people[0].code
    url = reverse("participants:add", args=["dealbreakers", code, "meting"])
    assert client.post(url, {"meting-date": "2026-06-01", "meting-rung": "7"}).status_code == 400
    assert client.post(url, {"meting-date": "", "meting-rung": "3"}).status_code == 400
    # Domains the pilot did not switch on are refused; without any, there is no form at all.
    zrm = reverse("participants:add", args=["dealbreakers", code, "zrm"])
    assert (
        client.post(zrm, {"zrm-date": "2026-06-01", "zrm-domain": "financien"}).status_code == 404
    )
    monitor.zrm_domains = ["financien"]
    monitor.save()
    bad = {"zrm-date": "2026-06-01", "zrm-domain": "justitie", "zrm-score": "3"}
    assert client.post(zrm, bad).status_code == 400
    assert client.post(zrm, {**bad, "zrm-domain": "financien", "zrm-score": "6"}).status_code == 400
    assert client.post(zrm, {**bad, "zrm-domain": "financien"}).status_code == 302
    assert ZrmScore.objects.get().score == 3
    assert LadderMeasurement.objects.filter(participant=people[0]).count() == 2


def test_an_exit_needs_a_date_and_an_outcome(client, pia, monitor, people):
    client.force_login(pia)
    person = people[0]
    url = reverse("participants:edit", args=["dealbreakers", person.code])
    base = {"start_date": "2025-10-01", "naam": person.naam}
    response = client.post(url, {**base, "exit_outcome": "opleiding"})
    assert response.status_code == 200 and "Geef de datum" in response.content.decode()
    response = client.post(url, {**base, "exit_outcome": "opleiding", "exit_date": "2025-01-01"})
    assert "vóór de startdatum" in response.content.decode()
    client.post(url, {**base, "exit_outcome": "opleiding", "exit_date": "2026-05-01"})
    person.refresh_from_db()
    assert person.exit_outcome == "opleiding"


@time_machine.travel("2026-11-23 10:00 +0000", tick=False)
def test_a_measurement_is_due_twice_a_year(client, pia, monitor, people):
    client.force_login(pia)
    html = client.get(reverse("participants:list", args=["dealbreakers"])).content.decode()
    # Seven were last measured in April; three in August; the two who left need none.
    assert html.count("Meting nodig") == 7


def test_participants_stay_out_of_the_pilot_history_and_register_exports(
    client, carol, monitor, people
):
    client.force_login(carol)
    codes = [person.code for person in people]
    for url in [
        reverse("pilots:history", args=["dealbreakers"]),
        reverse("pilots:detail", args=["dealbreakers"]),
        reverse("pilots:export", args=["json"]),
        reverse("pilots:export", args=["csv"]),
    ]:
        body = client.get(url).content.decode("utf-8-sig")
        assert not any(code in body for code in codes), url
        assert "Persoon 0" not in body, url
    out = io.StringIO()
    call_command("export", "--format", "json", stdout=out)
    assert "Persoon" not in out.getvalue() and codes[0] not in out.getvalue()


def test_the_end_report_command_writes_a_document(tmp_path, monitor, people):
    monitor.evaluatie = "De pilot werkt.\n\n- Meer taalles"
    monitor.aanbevelingen = "Voortzetten."
    monitor.save()
    target = tmp_path / "eindrapport.docx"
    call_command(
        "eindrapport", "--pilot", "dealbreakers", "--format", "docx", "--output", str(target)
    )
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "De pilot werkt." in text and "Meer taalles" in text and "Voortzetten." in text
    pdf = tmp_path / "eindrapport.pdf"
    call_command("eindrapport", "--pilot", "dealbreakers", "--format", "pdf", "--output", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["eindrapport.docx", "eindrapport.pdf"]


def test_the_end_report_command_explains_bad_input(tmp_path, monitor):
    with pytest.raises(CommandError, match="No participant monitoring"):
        call_command("eindrapport", "--pilot", "nope", "--format", "pdf", "--output", "x.pdf")
    with pytest.raises(CommandError, match="does not exist"):
        call_command(
            "eindrapport",
            "--pilot",
            "dealbreakers",
            "--format",
            "pdf",
            "--output",
            str(tmp_path / "missing" / "x.pdf"),
        )


def test_the_owner_writes_the_evaluation(client, alice, monitor):
    client.force_login(alice)
    url = reverse("participants:end_report", args=["dealbreakers"])
    client.post(url, {"evaluatie": "Geslaagd.", "aanbevelingen": "Doorgaan."})
    monitor.refresh_from_db()
    assert (monitor.evaluatie, monitor.aanbevelingen) == ("Geslaagd.", "Doorgaan.")


def test_the_beheerder_binds_a_partner_user_to_one_organisation(client, erin, piezo):
    client.force_login(erin)
    url = reverse("accounts:user_create")
    data = {"username": "piet", "email": "piet@example.org", "role": "partner", "is_active": "on"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Kies de organisatie" in response.content.decode()
    response = client.post(url, {**data, "role": "lezer", "partner": piezo.pk})
    assert "Alleen medewerkers van een partnerorganisatie" in response.content.decode()
    client.post(url, {**data, "partner": piezo.pk})
    from oogst.accounts.models import User

    assert User.objects.get(username="piet").partner == piezo
