"""The attack: two people open the same motion (or memo), both save; the second save is refused.

As for pilots: the second editor sees what the first changed and keeps everything they typed.
"""

import pytest
from django.test import Client
from django.urls import reverse

from oogst.motions.models import Memo, MemoSection, Motion

pytestmark = pytest.mark.django_db


def _values(form):
    data = {}
    for bound in form:
        value = bound.value()
        if value is None or value is False:
            continue
        if isinstance(value, (list, tuple)):
            data[bound.html_name] = [str(v) for v in value]
        else:
            data[bound.html_name] = "on" if value is True else str(value)
    return data


def opened_form(client, url, formset_name):
    """What the browser would post back unchanged from the form as it was opened."""
    context = client.get(url).context
    data = _values(context["form"])
    formset = context[formset_name]
    data.update(_values(formset.management_form))
    for form in formset:
        data.update(_values(form))
    return data


@pytest.fixture
def sessions(gina, carol):
    first, second = Client(), Client()
    first.force_login(gina)
    second.force_login(carol)
    return first, second


def test_the_second_save_of_a_motion_is_refused_with_what_changed(sessions, motion):
    gina_client, carol_client = sessions
    url = reverse("motions:edit", args=[motion.nummer])
    gina_form = opened_form(gina_client, url, "documents")
    carol_form = opened_form(carol_client, url, "documents")

    gina_form["titel"] = "Titel van Gina"
    assert gina_client.post(url, gina_form).status_code == 302
    carol_form["dictum"] = "Het dictum zoals Carol het typte."
    response = carol_client.post(url, carol_form)

    assert response.status_code == 200
    motion.refresh_from_db()
    assert motion.titel == "Titel van Gina"
    assert motion.dictum == ""
    page = response.content.decode()
    assert 'id="stale-warning"' in page
    assert "Titel van Gina" in page  # what Gina changed is listed
    assert "Het dictum zoals Carol het typte." in page  # Carol's typing is kept
    # Saving again is a deliberate overwrite of the version Carol has now seen.
    again = response.context["form"]
    data = {**carol_form, "version": again["version"].value()}
    assert carol_client.post(url, data).status_code == 302
    motion.refresh_from_db()
    assert motion.dictum == "Het dictum zoals Carol het typte."
    assert motion.version == 3


@pytest.fixture
def memo(motion):
    memo = Memo.objects.create(motion=motion, onderwerp="Memo 2411-62", conclusie="Afdoen.")
    MemoSection.objects.create(memo=memo, title="Pilot", body="40 statushouders.")
    return memo


def test_the_second_save_of_a_memo_is_refused_with_what_changed(sessions, memo):
    gina_client, carol_client = sessions
    url = reverse("motions:memo_edit", args=[memo.motion.nummer])
    gina_form = opened_form(gina_client, url, "sections")
    carol_form = opened_form(carol_client, url, "sections")

    gina_form["conclusie"] = "Als afgedaan beschouwen (Gina)."
    assert gina_client.post(url, gina_form).status_code == 302
    carol_form["aanleiding"] = "De aanleiding zoals Carol die schreef."
    response = carol_client.post(url, carol_form)

    assert response.status_code == 200
    memo.refresh_from_db()
    assert memo.conclusie == "Als afgedaan beschouwen (Gina)."
    assert memo.aanleiding == ""
    page = response.content.decode()
    assert 'id="stale-warning"' in page
    assert "Als afgedaan beschouwen (Gina)." in page
    assert "De aanleiding zoals Carol die schreef." in page


def test_two_people_writing_the_first_memo_do_not_overwrite_each_other(sessions, motion):
    gina_client, carol_client = sessions
    url = reverse("motions:memo_edit", args=[motion.nummer])
    gina_form = opened_form(gina_client, url, "sections")
    carol_form = opened_form(carol_client, url, "sections")
    gina_form["aanleiding"] = "Gina's eerste versie."
    assert gina_client.post(url, gina_form).status_code == 302
    carol_form["aanleiding"] = "Carol's eerste versie."
    response = carol_client.post(url, carol_form)
    assert response.status_code == 200
    assert Memo.objects.get(motion=motion).aanleiding == "Gina's eerste versie."
    assert "Carol&#x27;s eerste versie." in response.content.decode()


def test_an_edit_of_a_fresh_form_saves_and_moves_the_version(client, gina, motion):
    client.force_login(gina)
    url = reverse("motions:edit", args=[motion.nummer])
    data = opened_form(client, url, "documents")
    data["titel"] = "Nieuwe titel"
    assert client.post(url, data).status_code == 302
    assert Motion.objects.get(pk=motion.pk).version == 2
