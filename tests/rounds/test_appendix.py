"""The appendix of a round: downloads per role, the public page, and `oogst bijlage`."""

import io

import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError, call_command
from django.urls import reverse

from oogst.rounds import services

pytestmark = pytest.mark.django_db

LABELS = [
    "Naam pilot",
    "Korte omschrijving",
    "Programma/Portefeuillehouder",
    "Doel/Beoogd resultaat",
    "Startdatum",
    "Einddatum",
    "Evaluatiemoment",
    "Uitkomst evaluatie",
    "Pilot succesvol?",
    "Hoe bestuurlijk gerapporteerd?",
]


def docx_text(content: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts)


def pdf_text(content: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(content))


@pytest.fixture
def published_round(carol, spring_round):
    services.freeze(actor=carol, round=spring_round, force=True)
    services.publish(actor=carol, round=spring_round)
    return spring_round


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_every_pilot_name_and_field_label_is_in_each_format(client, carol, published_round, fmt):
    client.force_login(carol)
    response = client.get(reverse("rounds:appendix", args=[published_round.slug, fmt]))
    assert response.status_code == 200
    text = {"docx": docx_text, "pdf": pdf_text, "html": lambda c: c.decode()}[fmt](response.content)
    text = " ".join(text.split())
    for needle in ["Dealbreakers", "Woonoverlast", *LABELS]:
        assert needle in text, (fmt, needle)
    assert "CONCEPT" not in text


def test_an_open_round_renders_as_concept(client, carol, spring_round):
    client.force_login(carol)
    html = client.get(reverse("rounds:appendix", args=[spring_round.slug, "html"]))
    assert "CONCEPT" in html.content.decode()
    docx = client.get(reverse("rounds:appendix", args=[spring_round.slug, "docx"]))
    assert "CONCEPT" in docx_text(docx.content)


def test_generating_the_appendix_changes_no_data(client, carol, published_round):
    before = (LogEntry.objects.count(), list(published_round.entries.values("snapshot")))
    client.force_login(carol)
    for fmt in ("docx", "pdf", "html"):
        client.get(reverse("rounds:appendix", args=[published_round.slug, fmt]))
    assert (LogEntry.objects.count(), list(published_round.entries.values("snapshot"))) == before


def test_the_public_reads_a_published_appendix_without_logging_in(client, published_round):
    page = client.get(reverse("rounds:public_appendix", args=[published_round.slug]))
    assert page.status_code == 200
    assert "Dealbreakers" in page.content.decode()
    pdf = client.get(reverse("rounds:public_download", args=[published_round.slug, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    assert published_round.name in client.get(reverse("rounds:public_list")).content.decode()


def test_an_unpublished_round_is_not_public(client, spring_round):
    assert (
        client.get(reverse("rounds:public_appendix", args=[spring_round.slug])).status_code == 404
    )
    assert (
        client.get(reverse("rounds:public_download", args=[spring_round.slug, "pdf"])).status_code
        == 404
    )


def test_a_lezer_cannot_download_an_unpublished_round(client, dave, spring_round):
    client.force_login(dave)
    response = client.get(reverse("rounds:appendix", args=[spring_round.slug, "pdf"]))
    assert response.status_code == 404


def test_the_command_writes_the_appendix(tmp_path, published_round):
    target = tmp_path / "bijlage.docx"
    out = io.StringIO()
    call_command(
        "bijlage",
        "--round",
        published_round.slug,
        "--format",
        "docx",
        "--output",
        str(target),
        stdout=out,
    )
    assert "Dealbreakers" in docx_text(target.read_bytes())
    assert "CONCEPT" not in out.getvalue()


def test_the_command_names_the_known_rounds_when_the_slug_is_wrong(tmp_path, published_round):
    with pytest.raises(CommandError, match="perspectiefnota-2026"):
        call_command(
            "bijlage",
            "--round",
            "bestaat-niet",
            "--format",
            "pdf",
            "--output",
            str(tmp_path / "x.pdf"),
        )
    assert list(tmp_path.iterdir()) == []


def test_a_failed_generation_leaves_no_file_behind(tmp_path, spring_round, monkeypatch):
    from oogst.documents import appendix

    def broken(_appendix):
        raise OSError("disk full")

    monkeypatch.setattr(appendix, "render_pdf", broken)
    with pytest.raises(CommandError, match="disk full"):
        call_command(
            "bijlage",
            "--round",
            spring_round.slug,
            "--format",
            "pdf",
            "--output",
            str(tmp_path / "bijlage.pdf"),
        )
    assert list(tmp_path.iterdir()) == []
