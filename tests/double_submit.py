"""Helpers for the double-submit tests: send a create form twice with the token it was given."""

import re

TOKEN = re.compile(r'name="form_token" value="([^"]+)"')


def token_in(page: str, after: str = "") -> str:
    """The form token of the first form on the page, or of the first after `after`."""
    start = page.index(after) if after else 0
    return TOKEN.search(page, start).group(1)


def send_twice(client, page_url, post_url, data, *, after=""):
    page = client.get(page_url)
    assert page.status_code == 200, page_url
    data = {**data, "form_token": token_in(page.content.decode(), after)}
    first = client.post(post_url, data)
    second = client.post(post_url, data)
    return first, second


def assert_created_once(first, second, count):
    assert first.status_code == 302, getattr(first, "content", b"")[:2000]
    assert count() == 1
    # The second send creates nothing and goes where the first went, saying why.
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
