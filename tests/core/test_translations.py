"""The UI is Dutch by default, and the Dutch catalogue is complete."""

from pathlib import Path

import polib
import pytest
from django.urls import reverse

import oogst

CATALOGUE = Path(oogst.__file__).parent / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def test_every_ui_string_has_a_dutch_translation():
    po = polib.pofile(str(CATALOGUE))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


def test_the_compiled_catalogue_is_up_to_date():
    mo = CATALOGUE.with_suffix(".mo")
    compiled = {e.msgid: e.msgstr for e in polib.mofile(str(mo))}
    source = {e.msgid: e.msgstr for e in polib.pofile(str(CATALOGUE)) if not e.msgid_plural}
    assert {k: v for k, v in source.items() if compiled.get(k) != v} == {}


@pytest.mark.django_db
def test_the_login_page_is_in_dutch_by_default_and_english_on_request(client):
    assert "Inloggen bij Oogst" in client.get(reverse("login")).content.decode()
    english = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Log in to Oogst" in english.content.decode()


@pytest.mark.django_db
def test_a_visitor_who_is_not_signed_in_can_switch_the_public_pages_to_english():
    import re

    from django.test import Client

    visitor = Client(enforce_csrf_checks=True)  # as a browser: the form's token must do
    page = visitor.get(reverse("rounds:public_list")).content.decode()
    assert f'action="{reverse("set_language")}"' in page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = visitor.post(
        reverse("set_language"),
        {"language": "en", "next": reverse("rounds:public_list"), "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("rounds:public_list")
    assert '<html lang="en"' in visitor.get(reverse("rounds:public_list")).content.decode()
