"""Every page has its own title, so a tab, a bookmark and a screen reader tell them apart.

The pages are those of the permission-matrix world, each opened once by the first role that may.
"""

import re
from html import unescape

import pytest
from django.urls import reverse

from tests.core.test_permission_matrix import build_world, spec

ROLES = ["anonymous", "coordinator", "eigenaar-owner", "beheerder", "partner-own", "griffie"]
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


@pytest.fixture
def world(db, alice, bob, carol, erin, programma, alices_pilot):
    return build_world(alice, bob, carol, erin, programma, alices_pilot)


def test_no_two_pages_share_a_title(client, world):
    users, kwargs = world
    titles = {}
    for name, (method, allowed) in spec().items():
        if method != "GET":
            continue
        url = reverse(name, kwargs=kwargs.get(name))
        role = next((r for r in ROLES if allowed[r] == "yes"), None)
        if role is None:
            continue
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        found = TITLE.search(response.content.decode())
        if found:
            urls = titles.setdefault(" ".join(unescape(found.group(1)).split()), [])
            if url not in urls:  # two names for one address (login, account_login)
                urls.append(url)
    assert len(titles) > 40
    shared = {title: urls for title, urls in titles.items() if len(urls) > 1}
    assert not shared, "\n".join(f"{title}: {urls}" for title, urls in shared.items())
