"""A coordinator imports last year's appendix from Word: upload, preview, confirm; pages pass
axe-core."""

import pytest

from oogst.accounts.models import Role, User
from oogst.pilots.models import Pilot
from tests.e2e.conftest import axe_violations, log_in
from tests.imports.conftest import seed_layout_docx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_imports_an_appendix_after_seeing_the_preview(
    page, live_server, programma, tmp_path
):
    User.objects.create_user("cor", role=Role.COORDINATOR, password="cor-password-123")
    path = tmp_path / "bijlage6.docx"
    path.write_bytes(seed_layout_docx())
    log_in(page, live_server, "cor", "cor-password-123")
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Importeren (Word, Excel)").click()
    assert axe_violations(page) == [], "import page"

    page.get_by_label("Bestand").set_input_files(str(path))
    page.get_by_role("button", name="Bestand inlezen").click()
    page.get_by_role("heading", name="Flexwonen Ruimtebaan").wait_for()
    assert "Budgetcode" in page.locator("main").inner_text()
    assert axe_violations(page) == [], "preview"
    assert not Pilot.objects.exists()

    page.get_by_role("button", name="Import bevestigen").click()
    page.get_by_text("Geïmporteerd: 3 nieuw").wait_for()
    assert Pilot.objects.count() == 3
