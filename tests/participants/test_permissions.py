"""Who reaches which participant page: per role and per organisation, enforced on the server.

Municipal users get figures only and a 404 for any record; a partner's staff see their own
organisation's records and nobody else's; a partner user reaches nothing municipal.
"""

import pytest
from django.urls import reverse

from oogst.participants.models import AccessLogEntry

SLUG = "dealbreakers"


def record_urls(code):
    return {
        "detail": ("GET", reverse("participants:detail", args=[SLUG, code])),
        "edit": ("GET", reverse("participants:edit", args=[SLUG, code])),
        "edit-post": ("POST", reverse("participants:edit", args=[SLUG, code])),
        "add-meting": ("POST", reverse("participants:add", args=[SLUG, code, "meting"])),
        "inzage-json": ("GET", reverse("participants:inzage", args=[SLUG, code, "json"])),
        "inzage-pdf": ("GET", reverse("participants:inzage", args=[SLUG, code, "pdf"])),
        "erase": ("GET", reverse("participants:erase", args=[SLUG, code])),
        "erase-post": ("POST", reverse("participants:erase", args=[SLUG, code])),
    }


LIST_URLS = {
    "list": ("GET", reverse("participants:list", args=[SLUG])),
    "create": ("GET", reverse("participants:create", args=[SLUG])),
    "create-post": ("POST", reverse("participants:create", args=[SLUG])),
}
FIGURE_URLS = {
    "overview": ("GET", reverse("participants:overview", args=[SLUG])),
    "figures-csv": ("GET", reverse("participants:overview_export", args=[SLUG, "csv"])),
    "figures-json": ("GET", reverse("participants:overview_export", args=[SLUG, "json"])),
    "report-docx": ("GET", reverse("participants:end_report_download", args=[SLUG, "docx"])),
    "report-pdf": ("GET", reverse("participants:end_report_download", args=[SLUG, "pdf"])),
}
CONFIGURE_URLS = {
    "settings": ("GET", reverse("participants:settings", args=[SLUG])),
    "end-report": ("GET", reverse("participants:end_report", args=[SLUG])),
}


def fetch(client, method, url):
    return client.get(url) if method == "GET" else client.post(url, {})


MUNICIPAL = ["alice", "bob", "carol", "dave", "erin", "gina"]


@pytest.mark.parametrize("username", MUNICIPAL)
def test_municipal_users_never_reach_a_record(client, request, people, username):
    client.force_login(request.getfixturevalue(username))
    code = people[0].code
    for name, (method, url) in {**record_urls(code), **LIST_URLS}.items():
        assert fetch(client, method, url).status_code == 404, name
    assert not AccessLogEntry.objects.exists()


@pytest.mark.parametrize("username", MUNICIPAL)
def test_municipal_users_see_the_figures(client, request, people, username):
    client.force_login(request.getfixturevalue(username))
    for name, (method, url) in FIGURE_URLS.items():
        response = fetch(client, method, url)
        assert response.status_code == 200, name
        body = b"".join(response) if response.streaming else response.content
        assert people[0].code.encode() not in body
        assert b"Persoon 0" not in body


@pytest.mark.parametrize(
    "username, expected",
    [("alice", 200), ("carol", 200), ("erin", 200), ("bob", 403), ("dave", 403), ("gina", 403),
     ("pia", 403), ("quinn", {"settings": 403, "end-report": 404})],
)  # fmt: skip
def test_only_editors_of_the_pilot_configure_it(client, request, monitor, username, expected):
    client.force_login(request.getfixturevalue(username))
    for name, (method, url) in CONFIGURE_URLS.items():
        status = expected[name] if isinstance(expected, dict) else expected
        assert fetch(client, method, url).status_code == status, name


def test_the_partner_reaches_its_own_records(client, pia, people):
    client.force_login(pia)
    code = people[0].code
    for name in ("detail", "edit", "inzage-json", "inzage-pdf", "erase"):
        method, url = record_urls(code)[name]
        assert fetch(client, method, url).status_code == 200, name
    for name in ("list", "create"):
        method, url = LIST_URLS[name]
        assert fetch(client, method, url).status_code == 200, name
    for name, (method, url) in FIGURE_URLS.items():
        assert fetch(client, method, url).status_code == 200, name


def test_another_partner_never_sees_them(client, quinn, people):
    client.force_login(quinn)
    code = people[0].code
    urls = {**record_urls(code), **LIST_URLS, **FIGURE_URLS}
    for name, (method, url) in urls.items():
        assert fetch(client, method, url).status_code == 404, name
    response = client.get(reverse("participants:home"))
    assert "Dealbreakers" not in response.content.decode()
    assert not AccessLogEntry.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login(client, people):
    code = people[0].code
    for name, (method, url) in {**record_urls(code), **LIST_URLS, **FIGURE_URLS}.items():
        response = fetch(client, method, url)
        assert response.status_code == 302 and "/inloggen/" in response["Location"], name


def test_a_partner_user_reaches_nothing_municipal(client, pia, alices_pilot):
    client.force_login(pia)
    assert client.get(reverse("pilots:register")).url == reverse("participants:home")
    for url in [
        reverse("pilots:detail", args=[alices_pilot.slug]),
        reverse("pilots:history", args=[alices_pilot.slug]),
        reverse("pilots:export", args=["json"]),
        reverse("rounds:list"),
        reverse("motions:list"),
        reverse("accounts:user_list"),
        reverse("participants:access_log"),
    ]:
        assert client.get(url).status_code == 403, url


def test_the_partner_home_lists_only_its_pilots(client, pia, monitor):
    client.force_login(pia)
    page = client.get(reverse("participants:home")).content.decode()
    assert "Dealbreakers" in page


def test_only_the_beheerder_reads_the_access_log(client, erin, carol, pia, people):
    url = reverse("participants:access_log")
    client.force_login(carol)
    assert client.get(url).status_code == 403
    client.force_login(erin)
    assert client.get(url).status_code == 200


def test_the_services_refuse_with_a_domain_exception_not_http(people, alice, quinn):
    """Services say NotFound; only the web layer turns it into a 404 (the tests above)."""
    from oogst.core.errors import NotFound
    from oogst.participants import services

    with pytest.raises(NotFound):
        services.monitor_for_partner(alice, SLUG)
    with pytest.raises(NotFound):
        services.monitor_for_partner(quinn, SLUG)
    with pytest.raises(NotFound):
        services.participant_for(quinn, people[0].monitor, people[0].code, reason="test")
    assert not AccessLogEntry.objects.exists()
