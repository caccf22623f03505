"""The timeline (register and public appendix) and the harvest page pass axe-core, and the
timeline is reachable by keyboard inside its own scrolling region on a phone."""

import datetime

import pytest

from oogst.pilots.models import Lesson, Pilot, Thema
from oogst.rounds import services
from oogst.rounds.models import Round
from tests.e2e.conftest import axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def register(alice, alices_pilot, bobs_pilot, carol):
    Pilot.objects.create(
        name="Kwartaal",
        fase="afgerond",
        resultaat="geborgd",
        startdatum="2023",
        einddatum="4de kwartaal 2024",
        evaluatiemoment="januari 2025",
        beleid_aanpassen="ja",
        financieel_gevolg="ja",
        financieel_gevolg_toelichting="€ 10.000",
    )
    Pilot.objects.create(name="Onbekend", fase="voorstel", einddatum="onbekend")
    lesson = Lesson.objects.create(pilot=alices_pilot, kind="werkte", text="Korte lijnen.")
    lesson.themes.add(Thema.objects.create(name="samenwerking met partners"))
    alice.set_password("alice-password-123")
    alice.save()
    round = services.open_round(
        actor=carol,
        round=Round(
            name="Perspectiefnota 2026",
            kind="perspectiefnota",
            peildatum=datetime.date(2025, 3, 1),
            deadline=datetime.date(2025, 3, 21),
        ),
        pilots=Pilot.objects.all(),
    )
    services.freeze(actor=carol, round=round, force=True)
    services.publish(actor=carol, round=round)
    return round


def test_the_timeline_and_the_harvest_pass_axe(page, live_server, register):
    log_in(page, live_server, "alice", "alice-password-123")
    page.goto(f"{live_server.url}/?weergave=tijdlijn")
    assert page.locator(".oogst-timeline__bar").count() == 4
    assert axe_violations(page) == [], "register timeline"
    page.goto(f"{live_server.url}/oogst/")
    assert axe_violations(page) == [], "harvest page"
    page.goto(f"{live_server.url}/pilots/{Pilot.objects.get(name='Dealbreakers').slug}/")
    assert axe_violations(page) == [], "pilot page with lessons"

    anonymous = page.context.browser.new_context(locale="nl-NL").new_page()
    anonymous.goto(f"{live_server.url}/openbaar/{register.slug}/")
    assert anonymous.locator(".oogst-timeline__bar").count() == 4
    assert axe_violations(anonymous) == [], "public appendix with timeline"
    anonymous.goto(f"{live_server.url}/oogst/")
    assert axe_violations(anonymous) == [], "public harvest page"
    anonymous.context.close()


def test_on_a_phone_the_timeline_scrolls_in_its_own_region_and_bars_take_focus(
    browser, live_server, register
):
    context = browser.new_context(locale="nl-NL", viewport={"width": 375, "height": 740})
    phone = context.new_page()
    phone.goto(f"{live_server.url}/openbaar/{register.slug}/")
    region = phone.get_by_role("region", name="Tijdlijn, scrollt zijwaarts")
    # The region is narrower than the SVG, so it scrolls; the page itself does not.
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    region.focus()
    phone.keyboard.press("Tab")
    focused = phone.evaluate("document.activeElement.getAttribute('class')")
    assert focused == "oogst-timeline__bar"
    context.close()
