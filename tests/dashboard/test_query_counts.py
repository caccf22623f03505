"""The dashboard and "Mijn pilots" ask the database the same number of times for 3 pilots
with signals as for 30: each rule is one query, never one per pilot."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from oogst.motions.models import Motion
from oogst.pilots.models import Indicator, Pilot, StatusUpdate

pytestmark = pytest.mark.django_db


def add_pilots(owner, start, count):
    for i in range(start, start + count):
        pilot = Pilot.objects.create(
            name=f"Pilot {i}",
            owner=owner if i % 5 else None,
            fase="uitvoering",
            einddatum="2024",
            evaluatiemoment="Q1 2025" if i % 2 else "na de zomer",
            funding_ends=datetime.date(2025, 4, 1),
        )
        StatusUpdate.objects.create(pilot=pilot, date=datetime.date(2024, 1, 1), text="Oud.")
        Indicator.objects.create(
            pilot=pilot, name="Bereik", target=Decimal(10), target_date="31-12-2024"
        )
        Motion.objects.create(nummer=f"2401-{i}", titel="Motie", deadline="1 januari 2025")


def count(client, name):
    # Both measurements include counting the signals for the menu (kept a while per user).
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse(name))
        assert response.status_code == 200
    return len(ctx.captured_queries), response


@pytest.mark.parametrize("name", ["dashboard:home", "dashboard:my_pilots"])
@pytest.mark.parametrize("who", ["carol", "alice"])
def test_the_query_count_does_not_grow_with_the_pilots(client, request, name, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    with time_machine.travel(datetime.datetime(2025, 3, 1, 12, tzinfo=datetime.UTC), tick=False):
        add_pilots(user, 1, 3)
        few, response = count(client, name)
        assert "Pilot 1" in response.content.decode()
        add_pilots(user, 4, 27)
        many, response = count(client, name)
    assert few == many
    assert "Pilot 29" in response.content.decode()
