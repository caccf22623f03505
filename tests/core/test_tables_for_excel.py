"""Every table Oogst writes (CSV and XLSX) opens in Dutch Excel as data, never as a formula.

Mallory names a pilot `=HYPERLINK("http://x","klik")`; whoever downloads the register, the
round's entries, the change list, the motions or the participant figures gets that text as
text. And the spreadsheets carry Dutch headers, real dates and numbers.
"""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse

from oogst.core import tabular
from oogst.motions.models import Motion
from oogst.pilots.models import Pilot
from oogst.rounds import services as round_services
from oogst.rounds.models import Round

EVIL = '=HYPERLINK("http://x","klik")'
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize(
    "text,expected",
    [
        (EVIL, "'" + EVIL),
        ("+31 79 346 8911", "'+31 79 346 8911"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tverborgen", "'\tverborgen"),
        ("\rverborgen", "'\rverborgen"),
        ("Gewone tekst = prima", "Gewone tekst = prima"),
        ("", ""),
    ],
)
def test_a_text_that_excel_would_run_is_neutralised(text, expected):
    assert tabular.neutralise(text) == expected


def csv_rows(content: bytes):
    text = content.decode("utf-8")
    assert text.startswith("\ufeff"), "UTF-8 with a BOM, so Excel keeps ë and €"
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def xlsx_rows(content: bytes):
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def assert_inert(rows):
    """No cell starts with a character Excel reads as the start of a formula."""
    for row in rows:
        for cell in row:
            if isinstance(cell, str):
                assert not cell.startswith(DANGEROUS_STARTS), cell
    assert any(isinstance(c, str) and EVIL in c for row in rows for c in row), "evil text kept"


@pytest.fixture
def mallory_everywhere(alices_pilot, carol):
    """The formula in a pilot's name, a motion's title, the change list and a phase's name."""
    alices_pilot.name = EVIL
    alices_pilot.doel = "-5 jongeren minder"
    alices_pilot.save()
    Motion.objects.create(nummer="2411-62", titel=EVIL, dictum="@Iedereen")
    before = round_services.open_round(
        actor=carol,
        round=Round(
            name="Voorjaar",
            kind="perspectiefnota",
            peildatum=datetime.date(2025, 3, 1),
            deadline=datetime.date(2025, 3, 20),
        ),
    )
    round_services.freeze(actor=carol, round=before, force=True)
    Pilot.objects.filter(pk=alices_pilot.pk).update(korte_omschrijving="+ nieuw")
    after = round_services.open_round(
        actor=carol,
        round=Round(
            name="Najaar",
            kind="programmabegroting",
            peildatum=datetime.date(2025, 9, 1),
            deadline=datetime.date(2025, 9, 20),
        ),
    )
    round_services.freeze(actor=carol, round=after, force=True)
    return after


def export_urls(round_slug):
    for fmt in ("csv", "xlsx"):
        yield fmt, reverse("pilots:export", args=[fmt])
        yield fmt, reverse("motions:export", args=[fmt])
        yield fmt, reverse("rounds:changes_export", args=[round_slug, fmt])
        yield fmt, reverse("rounds:entries_export", args=[round_slug, fmt])


def test_every_download_neutralises_formulas(client, carol, mallory_everywhere):
    client.force_login(carol)
    for fmt, url in export_urls(mallory_everywhere.slug):
        response = client.get(url)
        assert response.status_code == 200, url
        content = b"".join(response.streaming_content) if response.streaming else response.content
        rows = csv_rows(content) if fmt == "csv" else xlsx_rows(content)
        assert_inert(rows)


def test_the_participant_figures_neutralise_a_phase_named_like_a_formula(client, carol):
    from oogst.participants import services as participant_services
    from oogst.pilots.models import Partner

    pilot = Pilot.objects.create(name="Deelnemers", fase="uitvoering")
    monitor = participant_services.set_up_monitor(
        pilot=pilot, partner=Partner.objects.create(name="Piëzo"), code_prefix="PZ", target=40
    )
    phase = monitor.phases.first()
    phase.name = EVIL
    phase.save()
    # Enough people taking part and left that disclosure control shows the phases table.
    from tests.participants.conftest import add_people

    add_people(monitor, 12, phase_number=phase.number)
    add_people(monitor, 12, phase_number=phase.number, exit_outcome="betaald_werk")
    client.force_login(carol)
    for fmt in ("csv", "xlsx"):
        response = client.get(reverse("participants:overview_export", args=[pilot.slug, fmt]))
        content = b"".join(response.streaming_content) if response.streaming else response.content
        assert_inert(csv_rows(content) if fmt == "csv" else xlsx_rows(content))


def test_the_export_command_neutralises_formulas(mallory_everywhere):
    for what in ("pilots", "motions"):
        out = io.StringIO()
        call_command("export", "--what", what, "--format", "csv", stdout=out)
        assert_inert(csv_rows(out.getvalue().encode("utf-8")))


def test_the_register_xlsx_has_dutch_headers_typed_cells_a_frozen_header_and_a_filter(
    client, dave, alices_pilot
):
    alices_pilot.budget = Decimal("200000.50")
    alices_pilot.target_participants = 40
    alices_pilot.save()
    client.force_login(dave)
    response = client.get(reverse("pilots:export", args=["xlsx"]))
    assert response["Content-Type"] == tabular.XLSX_CONTENT_TYPE
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}2"
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert header[0] == "Naam pilot"
    assert row["Naam pilot"] == "Dealbreakers"
    assert row["Startdatum"] == "1 januari 2021"  # as written
    assert row["Startdatum vanaf"] == datetime.datetime(2021, 1, 1)  # a real date
    assert row["Einddatum tot en met"] == datetime.datetime(2024, 12, 31)
    assert row["Beoogd aantal deelnemers"] == 40
    assert row["Budget (EUR)"] == pytest.approx(200000.50)
    assert isinstance(row["Laatst gewijzigd"], datetime.datetime)
    assert row["Fase"] == "Uitvoering"
    name_width = sheet.column_dimensions["A"].width
    assert len("Naam pilot") < name_width <= tabular.MAX_WIDTH + 2


def test_the_register_download_follows_the_search_filter_and_sort(
    client, dave, alices_pilot, bobs_pilot
):
    client.force_login(dave)
    response = client.get(reverse("pilots:export", args=["csv"]), {"q": "criminaliteit"})
    rows = csv_rows(response.content)
    assert rows[0][0] == "Naam pilot"
    assert [r[0] for r in rows[1:]] == ["Dealbreakers"]
    response = client.get(reverse("pilots:export", args=["xlsx"]), {"sort": "start"})
    names = [r[0] for r in xlsx_rows(b"".join(response.streaming_content))[1:]]
    assert names == ["Woonoverlast", "Dealbreakers"]  # September 2020 before 1 januari 2021


def test_a_rounds_entries_download_gives_each_pilots_status(client, carol, alices_pilot):
    round = round_services.open_round(
        actor=carol,
        round=Round(
            name="Voorjaar",
            kind="perspectiefnota",
            peildatum=datetime.date(2025, 3, 1),
            deadline=datetime.date(2025, 3, 20),
        ),
    )
    client.force_login(carol)
    response = client.get(reverse("rounds:entries_export", args=[round.slug, "xlsx"]))
    rows = xlsx_rows(b"".join(response.streaming_content))
    assert rows[0][:5] == ["Pilot", "Programma", "Portefeuille", "Eigenaar", "Status"]
    assert rows[1][0] == "Dealbreakers"
    assert rows[1][4] == "Te doen"
    assert rows[1][8] == 0
