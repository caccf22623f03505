"""Every page is guarded on the server: who may read, create and edit which pilot."""

import pytest
from django.urls import reverse

from tests.conftest import pilot_form_data

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_get_the_login_page_for_every_page(client, alices_pilot):
    urls = [
        reverse("pilots:register"),
        reverse("pilots:detail", args=[alices_pilot.slug]),
        reverse("pilots:edit", args=[alices_pilot.slug]),
        reverse("pilots:history", args=[alices_pilot.slug]),
        reverse("pilots:create"),
        reverse("pilots:export", args=["csv"]),
        reverse("pilots:export", args=["json"]),
        reverse("accounts:user_list"),
        reverse("pilots:reference_list", args=["programmas"]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


def test_the_login_page_is_open_to_anonymous_visitors(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Inloggen" in response.content.decode() or "Log in" in response.content.decode()


def test_an_eigenaar_gets_403_on_the_edit_page_of_another_owners_pilot(client, alice, bobs_pilot):
    client.force_login(alice)
    assert client.get(reverse("pilots:edit", args=[bobs_pilot.slug])).status_code == 403
    response = client.post(
        reverse("pilots:edit", args=[bobs_pilot.slug]),
        pilot_form_data(bobs_pilot, name="Overgenomen"),
    )
    assert response.status_code == 403
    bobs_pilot.refresh_from_db()
    assert bobs_pilot.name == "Woonoverlast"


def test_an_eigenaar_reads_every_pilot_but_sees_no_edit_button_on_others(client, alice, bobs_pilot):
    client.force_login(alice)
    response = client.get(reverse("pilots:detail", args=[bobs_pilot.slug]))
    assert response.status_code == 200
    assert reverse("pilots:edit", args=[bobs_pilot.slug]) not in response.content.decode()


def test_an_eigenaar_edits_their_own_pilot(client, alice, alices_pilot):
    client.force_login(alice)
    response = client.post(
        reverse("pilots:edit", args=[alices_pilot.slug]),
        pilot_form_data(alices_pilot, doel="Nieuw doel"),
    )
    assert response.status_code == 302
    alices_pilot.refresh_from_db()
    assert alices_pilot.doel == "Nieuw doel"


def test_an_eigenaar_cannot_hand_their_pilot_to_someone_else(client, alice, bob, alices_pilot):
    client.force_login(alice)
    client.post(
        reverse("pilots:edit", args=[alices_pilot.slug]),
        pilot_form_data(alices_pilot, owner=bob.pk),
    )
    alices_pilot.refresh_from_db()
    assert alices_pilot.owner == alice


def test_an_eigenaar_who_creates_a_pilot_owns_it(client, alice, programma):
    client.force_login(alice)
    response = client.post(
        reverse("pilots:create"),
        {"name": "Tuinrangers", "fase": "voorstel", "programma": programma.pk},
    )
    assert response.status_code == 302
    from oogst.pilots.models import Pilot

    assert Pilot.objects.get(name="Tuinrangers").owner == alice


def test_a_coordinator_edits_any_pilot(client, carol, bobs_pilot):
    client.force_login(carol)
    response = client.post(
        reverse("pilots:edit", args=[bobs_pilot.slug]),
        pilot_form_data(bobs_pilot, einddatum="December 2024"),
    )
    assert response.status_code == 302
    bobs_pilot.refresh_from_db()
    assert bobs_pilot.einddatum == "December 2024"


def test_a_lezer_reads_but_cannot_create_or_edit(client, dave, alices_pilot):
    client.force_login(dave)
    assert client.get(reverse("pilots:register")).status_code == 200
    assert client.get(reverse("pilots:detail", args=[alices_pilot.slug])).status_code == 200
    assert client.get(reverse("pilots:create")).status_code == 403
    assert client.get(reverse("pilots:edit", args=[alices_pilot.slug])).status_code == 403
    response = client.post(
        reverse("pilots:add_status_update", args=[alices_pilot.slug]),
        {"date": "2025-03-01", "text": "Sneaky"},
    )
    assert response.status_code == 403
    assert not alices_pilot.status_updates.exists()


@pytest.mark.parametrize("role_user", ["alice", "carol", "dave"])
def test_only_a_beheerder_manages_reference_lists_and_users(client, request, role_user):
    client.force_login(request.getfixturevalue(role_user))
    assert client.get(reverse("pilots:reference_list", args=["programmas"])).status_code == 403
    assert client.get(reverse("accounts:user_list")).status_code == 403
    assert (
        client.post(
            reverse("pilots:reference_create", args=["partners"]), {"name": "X", "active": "on"}
        ).status_code
        == 403
    )


def test_a_beheerder_maintains_the_programme_list_in_the_app(client, erin):
    client.force_login(erin)
    response = client.post(
        reverse("pilots:reference_create", args=["programmas"]),
        {"number": 7, "name": "Inrichting van de stad", "active": "on"},
    )
    assert response.status_code == 302
    from oogst.pilots.models import Programma

    assert str(Programma.objects.get(number=7)) == "Programma 7. Inrichting van de stad"


def test_a_beheerder_sets_a_portefeuillehouder(client, erin, portefeuille):
    client.force_login(erin)
    client.post(
        reverse("pilots:reference_edit", args=["portefeuilles", portefeuille.pk]),
        {"name": portefeuille.name, "portefeuillehouder": "Wethouder X", "active": "on"},
    )
    portefeuille.refresh_from_db()
    assert portefeuille.portefeuillehouder == "Wethouder X"


def test_a_beheerder_creates_a_user_and_sees_the_password_once(client, erin):
    client.force_login(erin)
    response = client.post(
        reverse("accounts:user_create"),
        {
            "username": "frank",
            "first_name": "Frank",
            "last_name": "F",
            "email": "f@example.org",
            "role": "eigenaar",
            "is_active": "on",
        },
        follow=True,
    )
    assert response.status_code == 200
    from oogst.accounts.models import User

    frank = User.objects.get(username="frank")
    shown = [str(m) for m in response.context["messages"]]
    password = shown[0].rsplit(" ", 1)[-1]
    assert frank.check_password(password)
    # The next page no longer shows it.
    assert password not in client.get(reverse("accounts:user_list")).content.decode()
