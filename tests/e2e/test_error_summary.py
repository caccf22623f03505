"""A form that was not saved says so where the eye is: the error summary, focused on load."""

import pytest

from tests.e2e.conftest import axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_progress_update_without_a_date_lands_on_the_error_summary(
    page, live_server, alice, alices_pilot
):
    log_in(page, live_server, "alice", "alice-password-123")
    page.goto(f"{live_server.url}{alices_pilot.get_absolute_url()}")
    update = page.locator("form", has=page.get_by_role("button", name="Bericht toevoegen"))
    update.get_by_label("Datum").fill("")
    update.get_by_label("Titel").fill("Tweede schooljaar")
    update.get_by_label("Tekst").fill("Drie scholen doen mee.")
    update.get_by_role("button", name="Bericht toevoegen").click()

    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    # The summary has the focus and is on screen, so the user hears and sees it at once.
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert summary.is_visible() and summary.bounding_box()["y"] >= 0
    assert "Niet opgeslagen" in summary.inner_text()
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 800})
    # Its link takes the user to the date field; what was typed is kept.
    summary.get_by_role("link", name="Datum").click()
    assert page.evaluate("document.activeElement.id") == "id_date"
    assert update.get_by_label("Titel").input_value() == "Tweede schooljaar"

    update.get_by_label("Datum").fill("2025-09-01")
    update.get_by_role("button", name="Bericht toevoegen").click()
    page.get_by_text("Het voortgangsbericht is toegevoegd.").wait_for()
