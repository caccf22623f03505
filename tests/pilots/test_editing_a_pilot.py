"""Editing keeps work safe: history with reasons, no lost input, no silent overwrites."""

import pytest
from django.urls import reverse

from oogst.pilots import services
from oogst.pilots.models import LONG_TEXT_MAX, Pilot
from tests.conftest import pilot_form_data

pytestmark = pytest.mark.django_db


def edit(client, pilot, **changes):
    return client.post(reverse("pilots:edit", args=[pilot.slug]), pilot_form_data(pilot, **changes))


def test_the_history_shows_who_changed_which_field_when_with_old_new_and_reason(
    client, alice, alices_pilot
):
    client.force_login(alice)
    edit(client, alices_pilot, einddatum="31 december 2025", reason="Subsidie verlengd")
    page = client.get(reverse("pilots:history", args=[alices_pilot.slug])).content.decode()
    assert "Subsidie verlengd" in page
    assert "31 december 2024" in page and "31 december 2025" in page
    assert "Alice Aalbers" in page
    assert "wijzigde de einddatum van" in page


def test_an_edit_without_a_reason_is_still_recorded(client, alice, alices_pilot):
    client.force_login(alice)
    edit(client, alices_pilot, doel="Ander doel")
    entries = services.history(alices_pilot)
    latest = entries.first()
    assert latest.actor == alice
    assert latest.changes_dict["doel"][1] == "Ander doel"
    assert not (latest.additional_data or {}).get("reason")


def test_invalid_input_is_refused_with_a_field_message_and_keeps_what_was_typed(
    client, alice, alices_pilot
):
    client.force_login(alice)
    response = edit(
        client,
        alices_pilot,
        name="",
        doel="Mijn zorgvuldig getypte tekst",
        motienummers="motie twaalf",
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Mijn zorgvuldig getypte tekst" in page
    assert "Dit veld is verplicht." in page
    assert "motie twaalf" in page
    assert 'aria-invalid="true"' in page
    alices_pilot.refresh_from_db()
    assert alices_pilot.name == "Dealbreakers"
    assert alices_pilot.doel != "Mijn zorgvuldig getypte tekst"


def test_a_result_is_refused_for_a_pilot_that_is_not_completed(client, alice, alices_pilot):
    client.force_login(alice)
    response = edit(client, alices_pilot, fase="uitvoering", resultaat="geborgd")
    assert response.status_code == 200
    alices_pilot.refresh_from_db()
    assert alices_pilot.resultaat == ""


def test_the_second_save_of_a_stale_form_is_refused_and_shows_what_changed(
    client, alice, carol, alices_pilot
):
    stale_data = pilot_form_data(alices_pilot, doel="Alice's doel")
    # Carol saves first, from the same version Alice opened.
    client.force_login(carol)
    assert edit(client, alices_pilot, evaluatiemoment="Q2 2026").status_code == 302

    client.force_login(alice)
    response = client.post(reverse("pilots:edit", args=[alices_pilot.slug]), stale_data)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="stale-warning"' in page
    assert "Q2 2026" in page and "Carol" in page
    assert "Alice&#x27;s doel" in page  # her typing is kept
    alices_pilot.refresh_from_db()
    assert alices_pilot.evaluatiemoment == "Q2 2026"
    assert alices_pilot.doel != "Alice's doel"


def test_after_seeing_the_conflict_a_deliberate_save_goes_through(
    client, alice, carol, alices_pilot
):
    stale_data = pilot_form_data(alices_pilot, doel="Alice's doel")
    client.force_login(carol)
    edit(client, alices_pilot, evaluatiemoment="Q2 2026")
    client.force_login(alice)
    response = client.post(reverse("pilots:edit", args=[alices_pilot.slug]), stale_data)
    resubmit = {k: v for k, v in response.context["form"].data.lists()}
    assert (
        client.post(reverse("pilots:edit", args=[alices_pilot.slug]), resubmit).status_code == 302
    )
    alices_pilot.refresh_from_db()
    assert alices_pilot.doel == "Alice's doel"


def test_the_service_refuses_a_stale_version(alice, alices_pilot):
    alices_pilot.doel = "A"
    services.update_pilot(actor=alice, pilot=alices_pilot, expected_version=1)
    stale = Pilot.objects.get(pk=alices_pilot.pk)
    stale.doel = "B"
    with pytest.raises(services.StaleEdit) as conflict:
        services.update_pilot(actor=alice, pilot=stale, expected_version=1)
    assert [c.new for c in conflict.value.changes if c.old != c.new] == ["A"]


def test_html_and_script_in_text_are_shown_as_text(client, alice, alices_pilot):
    client.force_login(alice)
    edit(client, alices_pilot, korte_omschrijving="<script>alert('x')</script><b>vet</b>")
    page = client.get(reverse("pilots:detail", args=[alices_pilot.slug])).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;vet&lt;/b&gt;" in page


def test_oversized_text_is_refused_with_a_message(client, alice, alices_pilot):
    client.force_login(alice)
    response = edit(client, alices_pilot, korte_omschrijving="x" * (LONG_TEXT_MAX + 1))
    assert response.status_code == 200
    assert "niet meer dan 20000 tekens" in response.content.decode()
    alices_pilot.refresh_from_db()
    assert len(alices_pilot.korte_omschrijving) < LONG_TEXT_MAX


def test_a_request_too_large_for_any_form_is_refused_cleanly(client, alice, alices_pilot, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    client.force_login(alice)
    response = edit(client, alices_pilot, doel="x" * 20_000)
    assert response.status_code == 400
    alices_pilot.refresh_from_db()
    assert alices_pilot.doel == "Voorkomen van jonge aanwas in criminaliteit."


def test_long_texts_keep_their_paragraphs_and_lists(client, alice, alices_pilot):
    client.force_login(alice)
    edit(
        client,
        alices_pilot,
        doel="Doelen:\n- minder thuiszitters\n- snellere hulp\n\nTweede alinea.",
    )
    page = client.get(reverse("pilots:detail", args=[alices_pilot.slug])).content.decode()
    assert '<li class="utrecht-unordered-list__item">minder thuiszitters</li>' in page
    assert '<p class="utrecht-paragraph">Tweede alinea.</p>' in page


def test_a_status_update_is_shown_newest_first_with_its_author(client, alice, alices_pilot):
    client.force_login(alice)
    url = reverse("pilots:add_status_update", args=[alices_pilot.slug])
    client.post(url, {"date": "2025-01-10", "title": "Januari", "text": "Eerste update"})
    client.post(url, {"date": "2025-06-10", "title": "Juni", "text": "Tweede update"})
    page = client.get(reverse("pilots:detail", args=[alices_pilot.slug])).content.decode()
    assert page.index("Tweede update") < page.index("Eerste update")
    assert "Door Alice Aalbers" in page


def test_a_status_update_without_text_is_refused(client, alice, alices_pilot):
    client.force_login(alice)
    response = client.post(
        reverse("pilots:add_status_update", args=[alices_pilot.slug]),
        {"date": "2025-01-10", "title": "Leeg", "text": ""},
    )
    assert response.status_code == 400
    assert not alices_pilot.status_updates.exists()


def test_the_partner_choices_list_each_partner_once_and_keep_inactive_ones_in_use(
    client, alice, alices_pilot, bobs_pilot, partner
):
    from oogst.pilots.models import Partner

    alices_pilot.partners.add(partner)
    bobs_pilot.partners.add(partner)
    Partner.objects.create(name="Oud partner", active=False)
    partner.active = False
    partner.save()
    client.force_login(alice)
    form = client.get(reverse("pilots:edit", args=[alices_pilot.slug])).context["form"]
    assert [p.name for p in form.fields["partners"].queryset] == ["RIEC"]
