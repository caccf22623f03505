"""Saving a pilot's form without changes records no change anywhere."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oogst.pilots.models import Pilot
from tests.conftest import pilot_form_data

pytestmark = pytest.mark.django_db

TEXTAREAS = [
    "korte_omschrijving",
    "doel",
    "uitkomst_evaluatie",
    "succesvol_toelichting",
    "bestuurlijk_gerapporteerd",
]


def as_browser_posts(data):
    """Browsers send textarea line breaks as CRLF."""
    return {
        k: v.replace("\n", "\r\n") if isinstance(v, str) and k in TEXTAREAS else v
        for k, v in data.items()
    }


def test_changing_only_the_end_date_lists_only_the_end_date(client, alice, alices_pilot):
    client.force_login(alice)
    before = LogEntry.objects.count()
    data = as_browser_posts(pilot_form_data(alices_pilot, einddatum="1ste kwartaal 2026"))
    client.post(reverse("pilots:edit", args=[alices_pilot.slug]), data)
    assert LogEntry.objects.count() == before + 1
    changed = set(LogEntry.objects.latest("pk").changes_dict) - {"version"}
    assert changed == {"einddatum"}


def test_posting_the_unchanged_form_records_nothing(client, alice, alices_pilot):
    client.force_login(alice)
    before = (LogEntry.objects.count(), alices_pilot.version)
    response = client.post(
        reverse("pilots:edit", args=[alices_pilot.slug]),
        as_browser_posts(pilot_form_data(alices_pilot)),
    )
    assert response.status_code == 302
    alices_pilot.refresh_from_db()
    assert (LogEntry.objects.count(), alices_pilot.version) == before


paragraphs = st.lists(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\r\n\t "),
        max_size=40,
    ),
    max_size=4,
).map("\n\n".join)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(texts=st.fixed_dictionaries({name: paragraphs for name in TEXTAREAS}))
def test_for_any_pilot_saving_the_unchanged_form_records_no_change(client, alice, texts):
    # The pilot is stored the way any way in stores it (normalised), then its own form is
    # posted back as a browser would.
    pilot = Pilot.objects.create(name="Eigenschap", owner=alice, fase="uitvoering", **texts)
    pilot.refresh_from_db()
    client.force_login(alice)
    before = (LogEntry.objects.count(), pilot.version)
    response = client.post(
        reverse("pilots:edit", args=[pilot.slug]), as_browser_posts(pilot_form_data(pilot))
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    pilot.refresh_from_db()
    assert (LogEntry.objects.count(), pilot.version) == before
    pilot.delete()
