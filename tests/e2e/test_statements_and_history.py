"""The statements are one click from any page, for anyone, at any width; the history's word
diff passes axe-core."""

import pytest

from oogst.pilots import services
from oogst.pilots.models import Pilot
from tests.e2e.conftest import axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_finds_both_statements_in_the_footer(page, live_server):
    page.goto(f"{live_server.url}/openbaar/")
    footer = page.locator("footer")
    footer.get_by_role("link", name="Toegankelijkheidsverklaring").click()
    page.get_by_role("heading", level=1, name="Toegankelijkheidsverklaring").wait_for()
    assert axe_violations(page) == [], "accessibility statement"
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.locator("footer").get_by_role("link", name="Privacyverklaring").click()
    page.get_by_role("heading", level=1, name="Privacyverklaring").wait_for()
    assert axe_violations(page) == [], "privacy statement"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_history_with_a_word_diff_passes_axe(page, live_server, alice, alices_pilot):
    pilot = Pilot.objects.get(pk=alices_pilot.pk)
    pilot.doel = "Voorkomen van jonge instroom in criminaliteit en overlast."
    services.update_pilot(
        actor=alice, pilot=pilot, expected_version=pilot.version, reason="Scherper"
    )
    log_in(page, live_server, "alice", "alice-password-123")
    page.goto(f"{live_server.url}/pilots/{alices_pilot.slug}/geschiedenis/")
    main = page.locator("main")
    assert "Alice Aalbers wijzigde het doel / beoogd resultaat:" in main.inner_text()
    added = main.locator("ins").first.text_content()
    assert added.startswith("[toegevoegd: ") and "instroom" in added
    assert axe_violations(page) == [], "history page"
