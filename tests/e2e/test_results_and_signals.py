"""An owner lands on their signals, records a goal in figures and a measurement, and sees
progress and the chart with its table; every page passes axe-core."""

import datetime

import pytest

from tests.e2e.conftest import axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_owner_records_figures_and_money_and_sees_them_on_the_pilot_page(
    page, live_server, alice, alices_pilot
):
    alices_pilot.evaluatiemoment = "Q1 2024"  # passed, without an outcome: a signal
    alices_pilot.save()
    log_in(page, live_server, "alice", "alice-password-123")
    assert page.get_by_role("heading", level=1).inner_text() == "Signalen"
    assert page.get_by_text("Evaluatiemoment “Q1 2024” is voorbij").is_visible()
    assert axe_violations(page) == [], "signals"

    page.goto(f"{live_server.url}/pilots/{alices_pilot.slug}/")
    page.get_by_role("link", name="Indicator toevoegen").click()
    assert axe_violations(page) == [], "indicator form"
    page.get_by_label("Indicator", exact=True).fill("Werkgevers bereikt")
    page.get_by_label("Eenheid").fill("werkgevers")
    page.locator("#id_baseline").fill("0")
    page.get_by_label("Datum nulmeting").fill("2024-01-01")
    page.locator("#id_target").fill("10")
    page.get_by_label("Streefdatum").fill("eind 2026")
    page.locator("#id_target_date_preview").get_by_text("2026").wait_for()
    page.get_by_role("button", name="Opslaan").click()

    page.get_by_role("link", name="Meting toevoegen").click()
    page.get_by_label("Waarde").fill("-1")
    page.locator("#id_date").fill(datetime.date.today().isoformat())
    page.get_by_role("button", name="Meting toevoegen").click()
    page.locator("#id_value_error").get_by_text("Een negatief getal").wait_for()
    assert axe_violations(page) == [], "measurement form with an error"
    page.get_by_label("Waarde").fill("9")
    page.get_by_role("button", name="Meting toevoegen").click()
    page.get_by_text("De meting is toegevoegd.").wait_for()
    assert page.locator("progress").get_attribute("value") == "90"

    page.get_by_role("link", name="Begrotingsregel toevoegen").click()
    page.get_by_label("Financieringsbron").select_option("subsidie")
    page.get_by_label("Verstrekker of fonds").fill("Ministerie van Justitie en Veiligheid")
    page.get_by_label("Structureel of incidenteel").select_option("incidenteel")
    page.get_by_label("Begroot (euro)").fill("200.000")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De begrotingsregel is toegevoegd.").wait_for()
    assert "€ 200.000,00" in page.locator("#financien ~ div table").inner_text().replace(
        "\u00a0", " "
    )
    page.get_by_text("Metingen als tabel").click()
    assert axe_violations(page) == [], "pilot page with results, chart and finances"
    # The page keeps to the screen from tablet width up; its tables scroll in their own
    # region. (On a 320 px phone the pilot form's table already overflows, before these.)
    for width in (768, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth") <= width, width
    page.goto(f"{live_server.url}/overzicht/")
    for width in (320, 768):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth") <= width, width
    page.goto(f"{live_server.url}/mijn-pilots/")
    assert axe_violations(page) == [], "my pilots"
