"""Every URL × role × owner, against the one table in docs/permissions.md.

The table is the specification people read; this test reads it and asks the app. A URL that
is not in the table fails the test, so a new page cannot ship without a decision on who may
open it.
"""

import datetime
import re
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from oogst.accounts.models import Role, User
from oogst.motions.models import Afdoeningsronde, Afdoeningsvoorstel, Memo, Motion
from oogst.participants import services as participant_services
from oogst.participants.models import Participant
from oogst.pilots.models import (
    BudgetLine,
    ImportJob,
    ImportKind,
    ImportStatus,
    Indicator,
    Lesson,
    Measurement,
    Partner,
    Pilot,
    Programma,
)
from oogst.rounds import services as round_services
from oogst.rounds.models import Round

TABLE = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"
COLUMNS = [
    "beheerder",
    "coordinator",
    "eigenaar-owner",
    "eigenaar-other",
    "lezer",
    "griffie",
    "partner-own",
    "partner-other",
    "anonymous",
]


def spec() -> dict[str, tuple[str, dict[str, str]]]:
    """{url name: (method, {column: "yes" | "no" | "login"})} from the docs table."""
    rows = {}
    for line in TABLE.read_text().splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) != 2 + len(COLUMNS) or cells[1] not in ("GET", "POST"):
            continue
        rows[cells[0]] = (cells[1], dict(zip(COLUMNS, cells[2:], strict=True)))
    return rows


def url_names(patterns=None, namespace=None):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and pattern.namespace == "api":
            continue  # keys, not roles: tests/api/test_scopes.py checks every endpoint per scope
        if isinstance(pattern, URLResolver):
            yield from url_names(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_url_is_in_the_table():
    missing = sorted(set(url_names()) - set(spec()))
    assert not missing, f"add these URLs to docs/permissions.md: {missing}"


@pytest.fixture
def world(db, alice, bob, carol, erin, programma, alices_pilot):
    """One of everything, owned by Alice where an object has an owner."""
    return build_world(alice, bob, carol, erin, programma, alices_pilot)


def build_world(alice, bob, carol, erin, programma, alices_pilot):
    """The world's users per column and each URL's kwargs; the browser tests visit it too."""
    own, other = Partner.objects.create(name="Eigen"), Partner.objects.create(name="Ander")
    # Local accounts have a password (the beheerder's break-glass account, partner staff);
    # Carol, the lezer and the griffie sign in through SSO and have none.
    erin.set_password("erin-password-123")
    erin.save()
    users = {
        "beheerder": erin,
        "coordinator": carol,
        "eigenaar-owner": alice,
        "eigenaar-other": bob,
        "lezer": User.objects.create_user("lex", role=Role.LEZER),
        "griffie": User.objects.create_user("gijs", role=Role.GRIFFIE),
        "partner-own": User.objects.create_user(
            "pim", "", "pim-password-123", role=Role.PARTNER, partner=own
        ),
        "partner-other": User.objects.create_user(
            "quin", "", "quin-password-123", role=Role.PARTNER, partner=other
        ),
        "anonymous": None,
    }
    monitor = participant_services.set_up_monitor(
        pilot=alices_pilot, partner=own, code_prefix="EG", target=10
    )
    person = Participant.objects.create(
        monitor=monitor, code=monitor.new_code(), start_date=datetime.date(2025, 1, 1)
    )
    Pilot.objects.create(name="Verborgen", fase="uitvoering")
    published = round_services.open_round(
        actor=carol,
        round=Round(
            name="Gepubliceerd",
            kind="perspectiefnota",
            peildatum=datetime.date(2025, 3, 1),
            deadline=datetime.date(2025, 3, 20),
        ),
    )
    round_services.freeze(actor=carol, round=published, force=True)
    round_services.publish(actor=carol, round=published)
    concept = round_services.open_round(
        actor=carol,
        round=Round(
            name="Concept",
            kind="programmabegroting",
            peildatum=datetime.date(2025, 9, 1),
            deadline=datetime.date(2025, 9, 20),
        ),
    )
    motion = Motion.objects.create(nummer="2411-62", titel="Statushouders", portefeuille=None)
    motion.portefeuille = alices_pilot.portefeuille
    motion.save()
    alices_pilot.portefeuille.members.add(alice)
    ronde = Afdoeningsronde.objects.create(name="Juli", date=datetime.date(2025, 7, 3))
    voorstel = Afdoeningsvoorstel.objects.create(ronde=ronde, motion=motion)
    Memo.objects.create(motion=motion, onderwerp="Afdoening motie 2411-62")
    # Whose password the reset page resets: nobody else's session depends on it.
    someone = User.objects.create_user("iemand", role=Role.LEZER)
    from oogst.participants.models import MonitorTransfer

    transfer = MonitorTransfer.objects.create(
        monitor=monitor,
        from_partner=own,
        to_partner=other,
        reason="Ander contract",
        proposed_by=carol,
    )
    job = ImportJob.objects.create(
        kind=ImportKind.APPENDIX, file_name="b6.docx", sha256="0" * 64, size=0, content=b"",
        created_by=carol, status=ImportStatus.FAILED, error="leeg",
    )  # fmt: skip
    lesson = Lesson.objects.create(pilot=alices_pilot, kind="werkte", text="Korte lijnen.")
    indicator = Indicator.objects.create(pilot=alices_pilot, name="Bereikte werkgevers")
    measurement = Measurement.objects.create(
        indicator=indicator, value=9, date=datetime.date(2024, 6, 1)
    )
    line = BudgetLine.objects.create(
        pilot=alices_pilot, funding_kind="eigen_middelen", nature="incidenteel", begroot=1000
    )
    from oogst.api import services as api_services

    api_key, _raw = api_services.issue_key(actor=erin, application="PMsys", scope="read_public")
    pilot, code = alices_pilot.slug, person.code
    kwargs = {
        "pilots:export": {"fmt": "xlsx"},
        "pilots:detail": {"slug": pilot},
        "pilots:import_template": {"kind": "moties"},
        **{f"pilots:{n}": {"pk": job.pk} for n in ("import_detail", "import_status")},
        "pilots:import_confirm": {"pk": job.pk},
        "pilots:import_retry": {"pk": job.pk},
        "pilots:edit": {"slug": pilot},
        "pilots:add_status_update": {"slug": pilot},
        "pilots:history": {"slug": pilot},
        "pilots:add_lesson": {"slug": pilot},
        "pilots:edit_lesson": {"slug": pilot, "pk": lesson.pk},
        "pilots:delete_lesson": {"slug": pilot, "pk": lesson.pk},
        "pilots:add_indicator": {"slug": pilot},
        **{
            f"pilots:{n}": {"slug": pilot, "pk": indicator.pk}
            for n in ("edit_indicator", "delete_indicator", "add_measurement")
        },
        "pilots:delete_measurement": {"slug": pilot, "pk": measurement.pk},
        "pilots:add_budget_line": {"slug": pilot},
        "pilots:edit_budget_line": {"slug": pilot, "pk": line.pk},
        "pilots:delete_budget_line": {"slug": pilot, "pk": line.pk},
        "rounds:detail": {"slug": concept.slug},
        "rounds:freeze": {"slug": concept.slug},
        "rounds:remind": {"slug": concept.slug},
        "rounds:reopen": {"slug": published.slug},
        "rounds:publish": {"slug": concept.slug},
        "rounds:changes": {"slug": concept.slug},
        "rounds:documents": {"slug": concept.slug},
        "rounds:documents_retry": {"slug": published.slug},
        "rounds:changes_export": {"slug": concept.slug, "fmt": "json"},
        "rounds:appendix": {"slug": concept.slug, "fmt": "html"},
        "rounds:entries_export": {"slug": concept.slug, "fmt": "xlsx"},
        "motions:export": {"fmt": "xlsx"},
        "rounds:entry_mark_updated": {"pk": concept.entries.get(pilot=alices_pilot).pk},
        "rounds:entry_approve": {"pk": concept.entries.get(pilot=alices_pilot).pk},
        "rounds:entry_send_back": {"pk": concept.entries.get(pilot=alices_pilot).pk},
        "rounds:public_appendix": {"slug": published.slug},
        "rounds:public_download": {"slug": published.slug, "fmt": "pdf"},
        "rounds:open_data": {"slug": published.slug, "fmt": "csv"},
        "rounds:open_data_metadata": {"slug": published.slug},
        "api_keys:issued": {"pk": api_key.pk},
        "api_keys:revoke": {"pk": api_key.pk},
        "motions:afdoeningsronde": {"pk": ronde.pk},
        "motions:propose": {"pk": ronde.pk},
        "motions:decide": {"pk": voorstel.pk},
        **{
            f"motions:{name}": {"nummer": motion.nummer}
            for name in ("detail", "edit", "status", "delete", "archive", "memo_edit")
        },
        "motions:memo_download": {"nummer": motion.nummer, "fmt": "docx"},
        "participants:overview": {"slug": pilot},
        "participants:overview_export": {"slug": pilot, "fmt": "xlsx"},
        "participants:settings": {"slug": pilot},
        "participants:end_report": {"slug": pilot},
        "participants:end_report_download": {"slug": pilot, "fmt": "docx"},
        "participants:list": {"slug": pilot},
        "participants:create": {"slug": pilot},
        "participants:detail": {"slug": pilot, "code": code},
        "participants:edit": {"slug": pilot, "code": code},
        "participants:add": {"slug": pilot, "code": code, "kind": "meting"},
        "participants:inzage": {"slug": pilot, "code": code, "fmt": "json"},
        "participants:erase": {"slug": pilot, "code": code},
        "participants:transfer": {"slug": pilot},
        "participants:transfer_decide": {"slug": pilot, "pk": transfer.pk},
        "openid_connect_login": {"provider_id": "gemeente"},
        "openid_connect_callback": {"provider_id": "gemeente"},
        "accounts:user_edit": {"pk": someone.pk},
        "accounts:user_reset_password": {"pk": someone.pk},
        "accounts:user_reset_mfa": {"pk": someone.pk},
        "accounts:user_unlock": {"pk": someone.pk},
        "core:statement_edit": {"kind": "privacy"},
        "pilots:reference_list": {"kind": "programmas"},
        "pilots:reference_create": {"kind": "programmas"},
        "pilots:reference_edit": {"kind": "programmas", "pk": Programma.objects.first().pk},
    }
    return users, kwargs


def outcome(client, name, method, kwargs) -> str:
    url = reverse(name, kwargs=kwargs.get(name))
    response = client.post(url) if method == "POST" else client.get(url)
    location = response.get("Location", "")
    if response.status_code == 302 and location.startswith(reverse("login")):
        return "login"
    if response.status_code in (403, 404, 405):
        return "no"
    # The partner scope sends partner staff from municipal pages to their own home page.
    if response.status_code == 302 and location == reverse("participants:home") != url:
        return "no"
    return "yes"


@pytest.mark.parametrize("column", COLUMNS)
def test_each_role_reaches_exactly_what_the_table_allows(client, world, column):
    users, kwargs = world
    if users[column] is not None:
        client.force_login(users[column])
    found, expected = {}, {}
    for name, (method, allowed) in spec().items():
        if name in ("logout", "account_logout"):
            continue
        found[name] = outcome(client, name, method, kwargs)
        expected[name] = allowed[column]
    wrong = {n: f"table {expected[n]}, app {found[n]}" for n in found if found[n] != expected[n]}
    assert not wrong, wrong


def test_the_table_names_only_the_three_answers():
    for _method, allowed in spec().values():
        assert set(allowed.values()) <= {"yes", "no", "login"}
    assert re.search(r"\| *`?pilots:register", TABLE.read_text())
