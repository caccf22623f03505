"""A partner's staff record a participant in the browser; every page passes axe-core."""

import io

import pytest
from django.core.management import call_command

from oogst.accounts.models import User
from oogst.participants.models import AccessLogEntry, Participant
from tests.e2e.conftest import axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(db):
    call_command("loaddemo", verbosity=0, stdout=io.StringIO())
    for username in ("partner", "coordinator"):
        user = User.objects.get(username=username)
        user.set_password(f"{username}-password-123")
        user.save()


def test_a_partner_records_a_participant(page, live_server, demo):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("partner")
    page.get_by_label("Wachtwoord").fill("partner-password-123")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/deelnemers/")
    assert axe_violations(page) == [], "partner home"

    page.get_by_role("link", name="Voorbeeld deelnemersmonitor (fictieve gegevens)").click()
    assert page.get_by_text("40 deelnemers", exact=True).is_visible()
    assert axe_violations(page) == [], "participant list"

    page.get_by_role("link", name="Deelnemer toevoegen").click()
    assert axe_violations(page) == [], "new participant form"
    page.get_by_role("button", name="Opslaan").click()  # empty: an error, nothing lost
    assert page.get_by_role("alert").is_visible()
    assert axe_violations(page) == [], "new participant form with errors"
    page.get_by_label("Startdatum").fill("2026-11-02")
    page.get_by_label("Naam").fill("Testpersoon (fictief)")
    page.get_by_label("Fase bij de start").select_option(
        label="1. Activiteit in een veilige omgeving vanuit talent"
    )
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Noteer deze code").wait_for()
    assert axe_violations(page) == [], "participant record"

    with page.expect_navigation():
        page.get_by_role("button", name="Meting vastleggen").click()
    assert page.get_by_role("alert").first.is_visible()  # no date and rung: refused, explained
    page.locator("#id_meting-date").fill("2026-11-03")
    page.locator("#id_meting-rung").select_option("2")
    page.get_by_role("button", name="Meting vastleggen").click()
    page.get_by_text("3 november 2026: 2. Sociale contacten buiten de deur").wait_for()

    person = Participant.objects.get(naam="Testpersoon (fictief)")
    assert person.ladder_measurements.get().rung == 2
    assert AccessLogEntry.objects.for_participant(person).filter(action="view").exists()

    page.get_by_role("link", name="Dit dossier op verzoek verwijderen").click()
    assert axe_violations(page) == [], "erase page"
    page.get_by_label("Typ de code ter bevestiging").fill(person.code)
    page.get_by_role("button", name="Definitief verwijderen").click()
    page.get_by_text("is verwijderd").wait_for()
    person.refresh_from_db()
    assert person.is_anonymised


def test_the_figures_page_passes_axe(page, live_server, demo):
    log_in(page, live_server, "coordinator", "coordinator-password-123")
    page.goto(f"{live_server.url}/pilots/voorbeeld-deelnemersmonitor/")
    page.get_by_role("link", name="Deelnemers in cijfers").click()
    assert page.get_by_role("heading", name="Bereik").is_visible()
    assert axe_violations(page) == [], "figures page"
    page.get_by_role("combobox", name="Groep").select_option(label="Gestart in 2026")
    page.get_by_role("button", name="Filteren").click()
    assert axe_violations(page) == [], "filtered figures page"
    page.get_by_role("combobox", name="Groep").select_option(label="Doet mee")
    page.get_by_role("button", name="Filteren").click()
    assert axe_violations(page) == [], "filtered figures page with tables withheld"
    page.goto(f"{live_server.url}/pilots/voorbeeld-deelnemersmonitor/deelnemers/instellingen/")
    assert axe_violations(page) == [], "settings page"


def test_a_transfer_is_proposed_and_accepted_in_the_browser(page, live_server, demo):
    from oogst.participants.models import MonitorTransfer
    from oogst.pilots.models import Partner

    Partner.objects.get_or_create(name="Andere Stichting (fictief)")
    log_in(page, live_server, "coordinator", "coordinator-password-123")
    page.goto(f"{live_server.url}/pilots/voorbeeld-deelnemersmonitor/deelnemers/instellingen/")
    page.get_by_role("link", name="De deelnemersdossiers overdragen").click()
    assert axe_violations(page) == [], "transfer proposal page"
    page.get_by_label("Organisatie die de deelnemers gaat bijhouden").select_option(
        label="Andere Stichting (fictief)"
    )
    page.get_by_label("Reden").fill("De stichting stopt met dit project.")
    page.get_by_role("button", name="Voorstellen", exact=True).click()
    page.get_by_text("Wacht op een besluit").wait_for()
    assert axe_violations(page) == [], "transfer waiting"

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("partner")
    page.get_by_label("Wachtwoord").fill("partner-password-123")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_server.url}/deelnemers/")
    page.get_by_role("link", name="de dossiers overdragen aan Andere Stichting").click()
    assert axe_violations(page) == [], "transfer decision page"
    page.get_by_role("button", name="Aanvaarden: dossiers overdragen").click()
    page.get_by_text("De dossiers zijn overgedragen").wait_for()
    assert MonitorTransfer.objects.get().records_moved == 40
