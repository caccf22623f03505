"""The register's column chooser hides a column and remembers it in this browser."""

import pytest

from tests.e2e.conftest import axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_owner_hides_the_owner_column_and_finds_it_hidden_again(
    page, live_server, alice, alices_pilot
):
    log_in(page, live_server, "alice", "alice-password-123")
    page.goto(f"{live_server.url}/")  # owners land on their signals; the register is home
    table = page.get_by_role("table", name="Pilots")
    assert table.get_by_role("columnheader", name="Eigenaar").is_visible()

    page.get_by_text("Kolommen kiezen").click()
    page.get_by_role("checkbox", name="Eigenaar").uncheck()
    assert not table.get_by_role("columnheader", name="Eigenaar").is_visible()
    assert table.get_by_role("columnheader", name="Fase").is_visible()
    assert axe_violations(page) == []

    page.reload()
    assert not table.get_by_role("columnheader", name="Eigenaar").is_visible()
    assert table.get_by_role("link", name="Dealbreakers").is_visible()
