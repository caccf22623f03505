"""Concept (unpublished) rounds are for those who work on them, not for every signed-in user."""

import pytest
from django.urls import reverse

from oogst.accounts.models import Role, User
from oogst.rounds import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def griet(db):
    return User.objects.create_user("griet", first_name="Griet", role=Role.GRIFFIE)


@pytest.mark.parametrize("role", [Role.GRIFFIE, Role.LEZER])
def test_readers_and_the_griffie_see_neither_open_nor_frozen_unpublished_rounds(
    client, carol, spring_round, role
):
    reader = User.objects.create_user(f"reader-{role}", role=role)
    client.force_login(reader)
    urls = [
        reverse("rounds:detail", args=[spring_round.slug]),
        reverse("rounds:appendix", args=[spring_round.slug, "docx"]),
        reverse("rounds:changes", args=[spring_round.slug]),
    ]
    assert [client.get(url).status_code for url in urls] == [404, 404, 404]
    services.freeze(actor=carol, round=spring_round, force=True)
    assert [client.get(url).status_code for url in urls] == [404, 404, 404]
    assert spring_round.name not in client.get(reverse("rounds:list")).content.decode()
    services.publish(actor=carol, round=spring_round)
    assert [client.get(url).status_code for url in urls] == [200, 200, 200]


def test_owners_see_the_concept_they_work_on(client, alice, spring_round):
    client.force_login(alice)
    assert client.get(reverse("rounds:detail", args=[spring_round.slug])).status_code == 200
