"""An eigenaar logs in, edits their pilot, sees it in the history; pages pass axe-core."""

import pytest

from tests.e2e.conftest import axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_owner_edits_a_pilot_and_finds_the_change_in_the_history(
    page, live_server, alice, alices_pilot
):
    log_in(page, live_server, "alice", "alice-password-123")
    assert axe_violations(page) == [], "signals (the landing page)"
    page.goto(f"{live_server.url}/")
    assert axe_violations(page) == [], "register overview"

    page.get_by_role("link", name="Dealbreakers").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Dealbreakers"
    assert axe_violations(page) == [], "pilot page"

    page.get_by_role("link", name="Bewerken").click()
    assert axe_violations(page) == [], "edit page"
    end_date = page.get_by_label("Einddatum")
    end_date.fill("eind 2025")
    # htmx shows the interpretation while typing.
    page.locator("#id_einddatum_preview").get_by_text("1 okt 2025").wait_for()
    page.get_by_label("Waarom gewijzigd?").fill("Looptijd verlengd")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Uw wijzigingen zijn opgeslagen.").wait_for()

    page.get_by_role("link", name="Geschiedenis").click()
    history = page.locator("main").inner_text()
    assert "Looptijd verlengd" in history
    assert "31 december 2024" in history and "eind 2025" in history
    assert axe_violations(page) == [], "history page"


def test_the_login_page_and_an_invalid_form_pass_axe(page, live_server, alice, alices_pilot):
    page.goto(f"{live_server.url}/inloggen/")
    assert axe_violations(page) == [], "login page"
    log_in(page, live_server, "alice", "alice-password-123")
    page.goto(f"{live_server.url}/pilots/{alices_pilot.slug}/bewerken/")
    page.get_by_label("Naam", exact=True).fill("")
    page.get_by_role("button", name="Opslaan").click()
    # The error summary repeats the field's message as a link to it.
    page.locator("[data-error-summary]").get_by_role(
        "link", name="Naam: Dit veld is verplicht."
    ).wait_for()
    assert axe_violations(page) == [], "edit page with errors"
