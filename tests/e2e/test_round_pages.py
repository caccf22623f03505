"""The coordinator's round pages and the public appendix pass axe-core."""

import datetime

import pytest

from oogst.rounds import services
from oogst.rounds.models import Round
from tests.e2e.conftest import axe_violations, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def round_(carol, alices_pilot, bobs_pilot):
    carol.set_password("carol-password-123")
    carol.save()
    return services.open_round(
        actor=carol,
        round=Round(
            name="Perspectiefnota 2026",
            kind="perspectiefnota",
            peildatum=datetime.date(2025, 3, 1),
            deadline=datetime.date(2025, 3, 21),
        ),
    )


def test_the_coordinator_freezes_and_publishes_and_the_public_reads_it(page, live_server, round_):
    log_in(page, live_server, "carol", "carol-password-123")
    page.goto(f"{live_server.url}/rondes/")
    assert axe_violations(page) == [], "round list"
    page.get_by_role("link", name="Perspectiefnota 2026").click()
    assert axe_violations(page) == [], "round page"
    page.get_by_label("Toch vaststellen, met pilots die niet zijn goedgekeurd").check()
    page.get_by_role("button", name="Vaststellen").click()
    # Publishing asks first, on a page of its own that says who will see the appendix.
    page.get_by_role("link", name="Publiceren voor raad en inwoners").click()
    page.get_by_role("heading", name="Perspectiefnota 2026 publiceren").wait_for()
    assert axe_violations(page) == [], "publish confirmation"
    page.get_by_role("button", name="Publiceren voor raad en inwoners").click()
    page.get_by_text("De bijlage is gepubliceerd").wait_for()

    anonymous = page.context.browser.new_context(locale="nl-NL").new_page()
    anonymous.goto(f"{live_server.url}/openbaar/{round_.slug}/")
    assert anonymous.get_by_role("heading", name="Dealbreakers").is_visible()
    assert axe_violations(anonymous) == [], "public appendix"
    anonymous.context.close()


@pytest.fixture
def gina(db):
    from oogst.accounts.models import Role, User

    return User.objects.create_user("gina", first_name="Gina", role=Role.GRIFFIE)


def test_the_motion_pages_pass_axe(page, live_server, gina):
    from django.core.management import call_command

    call_command("loaddemo", verbosity=0, stdout=__import__("io").StringIO())
    gina.set_password("gina-password-123")
    gina.save()
    log_in(page, live_server, "gina", "gina-password-123")
    for path in (
        "/moties/",
        "/moties/2411-62/",
        "/moties/2411-62/memo/",
        "/moties/afdoeningsrondes/",
        "/moties/nieuw/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
