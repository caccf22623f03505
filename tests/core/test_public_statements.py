"""Every page links to the accessibility and privacy statements; anyone can read them; the
beheerder writes them, and what they type never becomes markup."""

import pytest
from django.urls import reverse

from oogst.core import statements
from oogst.core.models import Statement, StatementKind

pytestmark = pytest.mark.django_db

PAGES = ["core:accessibility_statement", "core:privacy_statement"]


@pytest.mark.parametrize("name", PAGES)
def test_anyone_reads_the_statements_without_signing_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert 'class="utrecht-heading-2"' in response.content.decode()


def test_the_default_accessibility_statement_follows_the_model_statement(client, settings):
    settings.OOGST_MUNICIPALITY = "Gemeente Voorbeeld"
    page = client.get(reverse("core:accessibility_statement")).content.decode()
    assert ">Toegankelijkheidsverklaring</h1>" in page
    for part in ("Nalevingsstatus", "WCAG", "Handhavingsprocedure", "Nationale ombudsman"):
        assert part in page
    assert "Gemeente Voorbeeld wil dat iedereen Oogst kan gebruiken" in page
    assert '<a class="utrecht-link" href="https://www.nationaleombudsman.nl"' in page


def test_the_default_privacy_statement_gives_what_the_avg_asks(client):
    page = client.get(reverse("core:privacy_statement")).content.decode()
    for part in (
        "verwerkingsverantwoordelijke",
        "functionaris gegevensbescherming",
        "grondslag",
        "Hoe lang bewaren wij",
        "Uw rechten",
        "Autoriteit Persoonsgegevens",
        "Cookies",
    ):
        assert part in page


def test_every_page_links_to_both_statements_in_its_footer(client, alice, alices_pilot):
    for response in (
        client.get(reverse("rounds:public_list")),
        client.get(reverse("login")),
    ):
        footer = response.content.decode().split('<footer class="oogst-footer">')[1]
        assert reverse("core:accessibility_statement") in footer
        assert reverse("core:privacy_statement") in footer
    client.force_login(alice)
    footer = client.get(alices_pilot.get_absolute_url()).content.decode().split("<footer")[1]
    assert reverse("core:privacy_statement") in footer


def test_the_beheerder_writes_the_statement_and_the_page_shows_it(client, erin):
    client.force_login(erin)
    url = reverse("core:statement_edit", args=["privacy"])
    form = client.get(url).content.decode()
    assert "verwerkingsverantwoordelijke" in form  # starts from the default text
    response = client.post(url, {"text": "Intro.\n\n## Contact\nMail fg@example.org."})
    assert response.status_code == 302
    assert response["Location"] == reverse("core:privacy_statement")
    client.logout()
    page = client.get(reverse("core:privacy_statement")).content.decode()
    assert '<h2 class="utrecht-heading-2">Contact</h2>' in page
    assert 'href="mailto:fg@example.org"' in page
    assert "verwerkingsverantwoordelijke" not in page
    client.force_login(erin)
    history = client.get(url).content.decode()
    assert "Erin wijzigde de tekst:" in history or "Erin maakte de verklaring" in history


@pytest.mark.parametrize("who", ["carol", "alice", "dave"])
def test_only_the_beheerder_edits_a_statement(client, request, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("core:statement_edit", args=["toegankelijkheid"])
    assert client.get(url).status_code == 403
    assert client.post(url, {"text": "Gekaapt"}).status_code == 403
    assert not Statement.objects.exists()


def test_an_unknown_statement_is_not_found(client, erin):
    client.force_login(erin)
    assert client.get(reverse("core:statement_edit", args=["cookies"])).status_code == 404


def test_what_the_beheerder_types_is_never_markup():
    html = str(
        statements.render(
            "## <script>alert(1)</script>\n<img src=x onerror=alert(1)>\n- <b>x</b>\n"
            "javascript:alert(1) https://example.org/?a=<x>"
        )
    )
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&lt;img" in html
    assert 'href="javascript' not in html
    assert '<ul class="utrecht-unordered-list">' in html


def test_the_text_of_a_statement_is_the_stored_one_or_the_default(db):
    text, stored = statements.text_of(StatementKind.PRIVACY)
    assert stored is None and "AVG" in text
    Statement.objects.create(kind=StatementKind.PRIVACY, text="Eigen tekst.")
    assert statements.text_of(StatementKind.PRIVACY)[0] == "Eigen tekst."
