"""Pages with participant data: never cached, every list view logged, switched-off
organisations locked out, and partner accounts made by the beheerder traceable."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from oogst.accounts.models import Role, User
from oogst.participants.models import AccessAction, AccessLogEntry

SLUG = "dealbreakers"


def partner_urls(code):
    return [
        reverse("participants:home"),
        reverse("participants:list", args=[SLUG]),
        reverse("participants:detail", args=[SLUG, code]),
        reverse("participants:edit", args=[SLUG, code]),
        reverse("participants:erase", args=[SLUG, code]),
        reverse("participants:inzage", args=[SLUG, code, "json"]),
        reverse("participants:inzage", args=[SLUG, code, "pdf"]),
        reverse("participants:overview", args=[SLUG]),
        reverse("participants:overview_export", args=[SLUG, "csv"]),
    ]


def assert_not_stored(response, url):
    assert response.status_code == 200, url
    assert "no-store" in response["Cache-Control"], url
    assert response["Pragma"] == "no-cache", url


def test_no_page_or_download_with_participant_data_may_be_cached(client, pia, alice, people):
    client.force_login(pia)
    for url in partner_urls(people[0].code):
        assert_not_stored(client.get(url), url)
    client.force_login(alice)
    for url in [
        reverse("participants:overview", args=[SLUG]),
        reverse("participants:overview_export", args=[SLUG, "json"]),
        reverse("participants:end_report_download", args=[SLUG, "docx"]),
        reverse("participants:settings", args=[SLUG]),
    ]:
        assert_not_stored(client.get(url), url)


def test_a_look_at_the_participant_list_is_in_the_access_log_for_every_name_shown(
    client, pia, people
):
    client.force_login(pia)
    client.get(reverse("participants:list", args=[SLUG]))
    logged = AccessLogEntry.objects.filter(user=pia, action=AccessAction.VIEW)
    assert sorted(logged.values_list("participant_code", flat=True)) == sorted(
        p.code for p in people
    )


def test_staff_of_a_switched_off_organisation_lose_access_at_once(client, pia, piezo, people):
    client.force_login(pia)
    assert client.get(reverse("participants:list", args=[SLUG])).status_code == 200
    piezo.active = False
    piezo.save()
    for url in partner_urls(people[0].code):
        assert client.get(url).status_code in (403, 404), url
    assert client.post(reverse("participants:create", args=[SLUG]), {}).status_code in (403, 404)


def test_a_beheerder_creating_or_changing_a_partner_account_is_audited(
    client, erin, piezo, other_partner
):
    client.force_login(erin)
    client.post(
        reverse("accounts:user_create"),
        {
            "username": "nieuw",
            "email": "nieuw@example.org",
            "role": Role.PARTNER,
            "partner": piezo.pk,
            "is_active": "on",
        },
    )
    account = User.objects.get(username="nieuw")
    created = LogEntry.objects.get_for_object(account).get()
    assert created.actor == erin
    assert created.changes_dict["partner"][1] == str(piezo.pk)

    client.post(
        reverse("accounts:user_edit", args=[account.pk]),
        {
            "username": "nieuw",
            "email": "nieuw@example.org",
            "role": Role.PARTNER,
            "partner": other_partner.pk,
            "is_active": "on",
        },
    )
    changed = LogEntry.objects.get_for_object(account).order_by("-pk").first()
    assert changed.actor == erin
    assert changed.changes_dict["partner"] == [str(piezo.pk), str(other_partner.pk)]
    page = client.get(reverse("accounts:user_edit", args=[account.pk])).content.decode()
    assert "Andere Stichting" in page and str(erin) in page


@pytest.mark.parametrize("field", ["password"])
def test_the_account_history_never_holds_a_password(client, erin, pia, field):
    from oogst.accounts import services

    services.reset_password(pia)
    for entry in LogEntry.objects.get_for_object(pia):
        assert field not in entry.changes_dict
