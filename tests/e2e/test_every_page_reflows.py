"""Every page reflows to 320 px (WCAG 1.4.10) and passes axe-core, for every role and the public.

The pages are those of the permission-matrix world: each page a role may open is visited once,
by the first role in ROLES that may open it (the public pages as an anonymous visitor), checked
by axe once, then measured at three widths without reloading. That keeps the test to minutes.
"""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.core.test_permission_matrix import COLUMNS, build_world, spec
from tests.e2e.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The issue asks for WCAG 2.2 AA here as well (target size among others).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = (320, 768, 1280)
# Who visits a page: the public as the public, then the role that sees most of it.
ROLES = [
    "anonymous",
    "coordinator",
    "eigenaar-owner",
    "beheerder",
    "partner-own",
    "griffie",
    "lezer",
]
# allauth's pages for an SSO provider or an interrupted login are not reachable in this world.
SKIP = {"health", "set_language"}


def pages_per_role(world) -> dict[str, list[str]]:
    """{column: [url]}: each full HTML page of the world once, by the first role that opens it."""
    users, kwargs = world
    clients = {}
    for column in ROLES:
        client = Client()
        if users[column] is not None:
            client.force_login(users[column])
        clients[column] = client
    visits = {column: [] for column in ROLES}
    for name, (method, allowed) in spec().items():
        if method != "GET" or name in SKIP:
            continue
        url = reverse(name, kwargs=kwargs.get(name))
        for column in ROLES:
            if allowed[column] != "yes":
                continue
            response = clients[column].get(url)
            if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
                if b"<!DOCTYPE html>" in response.content[:200]:
                    visits[column].append(url)
            break
    return visits


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


MEASURE = """() => ({
  scroll: document.documentElement.scrollWidth,
  viewport: document.documentElement.clientWidth,
  wide: [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                 && !e.closest(".oogst-table-wrapper, .oogst-timeline__scroll"))
    .slice(0, 3)
    .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')
              + ' ' + Math.round(e.getBoundingClientRect().right)),
})"""


def test_every_page_reflows_and_passes_axe(
    browser, live_server, alice, bob, carol, erin, programma, alices_pilot
):
    world = build_world(alice, bob, carol, erin, programma, alices_pilot)
    # Long words and addresses, as people paste them, must wrap rather than widen the page.
    long_url = "https://www.zoetermeer.nl/" + "raadsinformatie/" * 12 + "motie-2411-62.pdf"
    alices_pilot.doel = f"Zie {long_url} en de Rijksbegrotingsvoorbereidingswerkzaamheden."
    alices_pilot.name = "Dealbreakers " + "jongerenwerkaanpak" * 4
    alices_pilot.save()
    users, _kwargs = world
    visits = pages_per_role(world)
    assert set(COLUMNS) >= set(visits)
    assert sum(len(urls) for urls in visits.values()) > 50, visits
    too_wide, inaccessible = {}, {}
    for column, urls in visits.items():
        context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
        if users[column] is not None:
            cookie = session_cookie(users[column])
            context.add_cookies(
                [
                    {
                        "name": settings.SESSION_COOKIE_NAME,
                        "value": cookie,
                        "domain": "localhost",
                        "path": "/",
                        "secure": True,
                    }
                ]
            )
        page = context.new_page()
        for url in urls:
            page.set_viewport_size({"width": 1280, "height": 900})
            page.goto(f"{live_server.url}{url}")
            violations = axe_violations(page, TAGS)
            if violations:
                inaccessible[f"{column} {url}"] = [(v["id"], v["targets"]) for v in violations]
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                measured = page.evaluate(MEASURE)
                if measured["scroll"] > measured["viewport"]:
                    too_wide[f"{column} {url} @{width}"] = (measured["scroll"], measured["wide"])
        context.close()
    report = [f"too wide: {k} {v}" for k, v in too_wide.items()]
    report += [f"axe: {k} {v}" for k, v in inaccessible.items()]
    assert not report, "\n".join(report)
