"""Publishing and reopening a round take a confirmation page; a round's dates make sense."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from oogst.rounds import services
from oogst.rounds.models import Round

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen_round(carol, spring_round):
    return services.freeze(actor=carol, round=spring_round, force=True)


def test_publishing_asks_first_and_says_who_will_see_it(client, carol, frozen_round):
    client.force_login(carol)
    page = client.get(reverse("rounds:publish", args=[frozen_round.slug]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Publiceren voor raad en inwoners" in text
    assert 'name="confirm" value="yes"' in text
    frozen_round.refresh_from_db()
    assert not frozen_round.published


def test_a_publish_post_without_the_confirmation_publishes_nothing(client, carol, frozen_round):
    client.force_login(carol)
    response = client.post(reverse("rounds:publish", args=[frozen_round.slug]))
    assert response.status_code == 400
    frozen_round.refresh_from_db()
    assert not frozen_round.published


def test_a_confirmed_publish_publishes(client, carol, frozen_round):
    client.force_login(carol)
    response = client.post(reverse("rounds:publish", args=[frozen_round.slug]), {"confirm": "yes"})
    assert response.status_code == 302
    frozen_round.refresh_from_db()
    assert frozen_round.published


def test_a_reopen_post_without_the_confirmation_keeps_the_round_frozen(client, carol, frozen_round):
    services.publish(actor=carol, round=frozen_round)
    client.force_login(carol)
    page = client.get(reverse("rounds:reopen", args=[frozen_round.slug])).content.decode()
    assert "niet meer" in page  # the page warns that the public loses the published round
    response = client.post(
        reverse("rounds:reopen", args=[frozen_round.slug]), {"reason": "Cijfers fout"}
    )
    assert response.status_code == 400
    frozen_round.refresh_from_db()
    assert frozen_round.is_frozen and frozen_round.published


def test_a_confirmed_reopen_without_a_reason_shows_the_field_error(client, carol, frozen_round):
    client.force_login(carol)
    response = client.post(
        reverse("rounds:reopen", args=[frozen_round.slug]), {"reason": "", "confirm": "yes"}
    )
    assert response.status_code == 400
    assert "utrecht-form-field--invalid" in response.content.decode()
    frozen_round.refresh_from_db()
    assert frozen_round.is_frozen


ROUND_FORM = {
    "name": "Voorjaarsnota 2027",
    "kind": "perspectiefnota",
    "appendix_title": "Bijlage 6",
    "inleiding": "",
    "appendix_order": "programma",
}


@time_machine.travel(datetime.datetime(2026, 2, 20, 12, tzinfo=datetime.UTC))
def test_a_deadline_before_the_reference_date_is_refused(client, carol):
    client.force_login(carol)
    response = client.post(
        reverse("rounds:create"),
        {**ROUND_FORM, "peildatum": "2026-03-01", "deadline": "2026-02-25"},
    )
    assert response.status_code == 200
    assert "De deadline moet na de peildatum liggen." in response.content.decode()
    assert not Round.objects.exists()


@time_machine.travel(datetime.datetime(2026, 2, 20, 12, tzinfo=datetime.UTC))
def test_a_deadline_in_the_past_is_refused(client, carol):
    client.force_login(carol)
    response = client.post(
        reverse("rounds:create"),
        {**ROUND_FORM, "peildatum": "2026-01-01", "deadline": "2026-02-10"},
    )
    assert response.status_code == 200
    assert "De deadline kan niet in het verleden liggen." in response.content.decode()
    assert not Round.objects.exists()


def test_the_service_refuses_a_deadline_on_or_before_the_reference_date(carol):
    round = Round(
        name="Fout",
        kind="perspectiefnota",
        peildatum=datetime.date(2026, 3, 1),
        deadline=datetime.date(2026, 3, 1),
    )
    with pytest.raises(services.RoundError):
        services.open_round(actor=carol, round=round)
    assert not Round.objects.exists()
