"""`oogst loaddemo`: the seed appendix's 11 pilots plus the memo's proposal, a user per role."""

import io
import json

import pytest
from django.core.management import call_command

from oogst import vague_dates
from oogst.accounts.models import Role, User
from oogst.pilots.models import Pilot

pytestmark = pytest.mark.django_db


def loaddemo():
    out = io.StringIO()
    call_command("loaddemo", stdout=out)
    return out.getvalue()


def test_the_demo_holds_the_twelve_pilots_and_the_fictional_example(client):
    loaddemo()
    # The seed's eleven, the memo's proposal, and the participant monitoring example.
    assert Pilot.objects.count() == 13
    assert Pilot.objects.filter(slug="voorbeeld-deelnemersmonitor").exists()
    piezo = Pilot.objects.get(slug="samen-bouwen-aan-verbinding-en-ontwikkeling")
    assert piezo.fase == "niet_gestart"
    assert piezo.target_participants == 40
    assert str(piezo.budget) == "70000.00"
    assert "Stichting Piëzo" in [p.name for p in piezo.partners.all()]


def test_loading_the_demo_twice_changes_nothing():
    loaddemo()
    before = json.loads(_export())
    second = loaddemo()
    assert json.loads(_export()) == before
    assert Pilot.objects.count() == 13
    assert "changepassword" in second


def test_each_role_gets_a_demo_user_whose_password_is_printed_once():
    first = loaddemo()
    for role in (Role.BEHEERDER, Role.COORDINATOR, Role.EIGENAAR, Role.LEZER):
        user = User.objects.get(role=role)
        line = next(x for x in first.splitlines() if x.strip().startswith(user.username + " "))
        assert user.check_password(line.split()[-1])
    second = loaddemo()
    for user in User.objects.all():
        assert not any(x.strip().startswith(user.username + " ") for x in second.splitlines())


def test_the_demo_users_passwords_differ_between_installations(django_user_model):
    from oogst.motions.models import Afdoeningsronde, Motion
    from oogst.participants.models import Participant
    from oogst.rounds.models import Round

    first = loaddemo()
    Motion.objects.all().delete()
    Afdoeningsronde.objects.all().delete()
    Round.objects.all().delete()
    Participant.objects.all().delete()
    Pilot.objects.all().delete()
    User.objects.all().delete()
    second = loaddemo()
    assert first != second


def test_the_scans_slips_are_mended_and_facts_kept():
    loaddemo()
    export = _export()
    for slip in ("financiéle", "geévalueerd", "Dos), boves feetizel", "Piézo", "codrdinator"):
        assert slip not in export
    dealbreakers = Pilot.objects.get(slug="dealbreakers")
    assert "€ 200.000" in dealbreakers.korte_omschrijving
    assert "financiële" in dealbreakers.korte_omschrijving
    tuinrangers = Pilot.objects.get(name="Tuinrangers")
    assert "Update februari 2025" in tuinrangers.korte_omschrijving
    assert "600 te geven tuinadviezen" in tuinrangers.doel


def test_every_seed_date_is_interpreted_in_the_demo():
    loaddemo()
    flex = Pilot.objects.get(slug="flexwonen-ruimtebaan")
    assert flex.startdatum == "20 december 2021 (vaststelling projectopdracht door het college)"
    assert (flex.startdatum_start.isoformat(), flex.startdatum_end.isoformat()) == (
        "2021-12-20",
        "2021-12-20",
    )
    # Expertisepool's start is a paragraph about a phased start, not one date: Oogst keeps
    # it and flags it as unrecognised rather than guessing.
    free_text = {("expertisepool", "startdatum")}
    for pilot in Pilot.objects.all():
        for field in Pilot.VAGUE_DATE_FIELDS:
            parsed = vague_dates.parse(getattr(pilot, field))
            expected_unrecognised = (pilot.slug, field) in free_text
            assert (parsed.precision == "unrecognized") == expected_unrecognised, (
                pilot.name,
                field,
                parsed.text,
            )
            assert getattr(pilot, f"{field}_start") == parsed.start
            assert getattr(pilot, f"{field}_precision") == parsed.precision


def _export():
    out = io.StringIO()
    call_command("export", "--format", "json", stdout=out)
    return out.getvalue()


def test_the_demo_holds_the_seed_appendix_as_a_frozen_published_round():
    from oogst.rounds.models import Round
    from oogst.rounds.services import snapshots

    loaddemo()
    round = Round.objects.get(slug="perspectiefnota-2026")
    assert round.is_frozen and round.published
    records = snapshots(round)
    assert len(records) == 11
    assert "Samen bouwen aan verbinding en ontwikkeling" not in [r.name for r in records]
    # Programma order, then name, as the appendix prints it.
    assert records[0].name == "Vindplaats verborgen schulden"
    loaddemo()
    assert Round.objects.count() == 1
