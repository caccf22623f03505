"""Erin issues and revokes an API key in the browser; the key pages and the API's documentation
page pass axe-core and the Content-Security-Policy (Swagger UI comes from the package)."""

import pytest

from oogst.api.models import ApiKey
from tests.e2e.conftest import axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_erin_issues_and_revokes_a_key(page, live_server, erin):
    erin.set_password("erin-password-123")
    erin.save()
    log_in(page, live_server, "erin", "erin-password-123")
    page.get_by_role("link", name="API-sleutels").click()
    assert axe_violations(page) == [], "key list (empty)"

    page.get_by_role("link", name="Nieuwe API-sleutel").click()
    assert axe_violations(page) == [], "new key form"
    page.get_by_label("Applicatie").fill("PMsys")
    page.get_by_label("Bevoegdheid").select_option("write_updates")
    page.get_by_role("button", name="Sleutel uitgeven").click()
    raw = page.get_by_label("API-sleutel").input_value()
    assert raw.startswith("oogst_")
    assert axe_violations(page) == [], "key shown once"
    page.reload()
    assert page.get_by_label("API-sleutel").count() == 0  # shown once only

    page.get_by_role("link", name="Terug naar de API-sleutels").click()
    page.get_by_role("link", name="Sleutel van PMsys intrekken").click()
    assert axe_violations(page) == [], "revoke confirmation"
    page.get_by_role("button", name="Sleutel intrekken").click()
    page.get_by_text("De sleutel van PMsys is ingetrokken.").wait_for()
    assert axe_violations(page) == [], "key list (revoked)"
    assert not ApiKey.objects.get().is_active


def test_the_documentation_page_shows_the_operations(page, live_server):
    page.goto(f"{live_server.url}/api/v1/docs")
    page.get_by_text("/rapportagerondes/{slug}").first.wait_for()
    assert page.get_by_text("/pilots/{pilot}/voortgang").first.is_visible()
