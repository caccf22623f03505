"""A frozen round's documents are made once, stored, and served byte for byte."""

import hashlib

import pytest
from django.core.management import call_command
from django.urls import reverse

from oogst.pilots.models import Programma
from oogst.rounds import services
from oogst.rounds.models import ConceptRender, DocumentFormat, DocumentStatus, RoundDocument

pytestmark = pytest.mark.django_db

FORMATS = ["docx", "pdf", "html"]


@pytest.fixture
def frozen_round(carol, spring_round):
    services.freeze(actor=carol, round=spring_round, force=True)
    return spring_round


def downloads(client, round):
    return {
        fmt: client.get(reverse("rounds:appendix", args=[round.slug, fmt])).content
        for fmt in FORMATS
    }


def test_freezing_makes_every_document_once_with_its_checksum(frozen_round):
    documents = {d.format: d for d in frozen_round.documents.all()}
    assert set(documents) == set(DocumentFormat.values)
    for document in documents.values():
        assert document.status == DocumentStatus.READY
        assert document.sha256 == hashlib.sha256(bytes(document.content)).hexdigest()
        assert document.size == len(bytes(document.content))
        assert document.code_version.startswith("oogst ")
        assert document.made_at is not None


def test_downloads_stay_byte_identical_when_pilots_templates_and_lists_change(
    client, carol, frozen_round, alices_pilot, monkeypatch
):
    client.force_login(carol)
    before = downloads(client, frozen_round)
    assert before["pdf"].startswith(b"%PDF")

    alices_pilot.doel = "Een heel ander doel"
    alices_pilot.save()
    Programma.objects.filter(number=5).update(name="Veiligheid en handhaving")
    from oogst.documents import appendix

    def new_look(*args, **kwargs):
        raise AssertionError("a frozen round must not be rendered again")

    for name in ("render_docx", "render_pdf", "render_html"):
        monkeypatch.setattr(appendix, name, new_look)

    assert downloads(client, frozen_round) == before
    response = client.get(reverse("rounds:appendix", args=[frozen_round.slug, "pdf"]))
    assert response["ETag"] == f'"{hashlib.sha256(before["pdf"]).hexdigest()}"'


def test_the_public_page_and_downloads_serve_the_stored_documents(client, carol, frozen_round):
    services.publish(actor=carol, round=frozen_round)
    fragment = frozen_round.documents.get(format="fragment")
    page = client.get(reverse("rounds:public_appendix", args=[frozen_round.slug]))
    assert bytes(fragment.content).decode() in page.content.decode()
    pdf = client.get(reverse("rounds:public_download", args=[frozen_round.slug, "pdf"]))
    assert pdf.content == bytes(frozen_round.documents.get(format="pdf").content)


def test_oogst_bijlage_writes_the_stored_bytes(tmp_path, frozen_round):
    call_command(
        "bijlage",
        "--round",
        frozen_round.slug,
        "--format",
        "docx",
        "--output",
        str(tmp_path / "b.docx"),
    )
    stored = bytes(frozen_round.documents.get(format="docx").content)
    assert (tmp_path / "b.docx").read_bytes() == stored


def test_reopening_discards_the_documents_and_freezing_again_makes_new_ones(
    carol, frozen_round, alices_pilot
):
    old_pdf = bytes(frozen_round.documents.get(format="pdf").content)
    services.reopen(actor=carol, round=frozen_round, reason="Fout in Dealbreakers")
    assert not frozen_round.documents.exists()
    alices_pilot.doel = "Gecorrigeerd doel"
    alices_pilot.save()
    services.freeze(actor=carol, round=frozen_round, force=True)
    html = bytes(frozen_round.documents.get(format="html").content).decode()
    assert "Gecorrigeerd doel" in html
    assert bytes(frozen_round.documents.get(format="pdf").content) != old_pdf


def test_a_late_render_of_an_earlier_freeze_is_dropped(carol, frozen_round):
    old_generation = frozen_round.documents.first().generation
    services.reopen(actor=carol, round=frozen_round, reason="Nog een correctie")
    services.freeze(actor=carol, round=frozen_round, force=True)
    pdf = frozen_round.documents.get(format="pdf")
    RoundDocument.objects.filter(pk=pdf.pk).update(status=DocumentStatus.PENDING, content=None)
    assert (
        services.make_document(round_id=frozen_round.pk, fmt="pdf", generation=old_generation)
        is None
    )
    pdf.refresh_from_db()
    assert pdf.status == DocumentStatus.PENDING and pdf.generation != old_generation


def test_a_failed_render_keeps_the_round_frozen_says_why_and_can_be_retried(
    client, carol, spring_round, monkeypatch
):
    from oogst.documents import appendix

    real = appendix.render_pdf

    def broken(_appendix):
        raise RuntimeError("font missing")

    monkeypatch.setattr(appendix, "render_pdf", broken)
    services.freeze(actor=carol, round=spring_round, force=True)
    spring_round.refresh_from_db()
    assert spring_round.is_frozen
    pdf = spring_round.documents.get(format="pdf")
    assert pdf.status == DocumentStatus.FAILED and "font missing" in pdf.error

    client.force_login(carol)
    page = client.get(spring_round.get_absolute_url()).content.decode()
    assert "font missing" in page
    assert reverse("rounds:documents_retry", args=[spring_round.slug]) in page
    download = client.get(reverse("rounds:appendix", args=[spring_round.slug, "pdf"]))
    assert download.status_code == 503 and "font missing" in download.content.decode()

    monkeypatch.setattr(appendix, "render_pdf", real)
    client.post(reverse("rounds:documents_retry", args=[spring_round.slug]))
    pdf.refresh_from_db()
    assert pdf.status == DocumentStatus.READY


def test_only_a_coordinator_may_retry(client, alice, frozen_round):
    client.force_login(alice)
    response = client.post(reverse("rounds:documents_retry", args=[frozen_round.slug]))
    assert response.status_code == 403


def test_a_stalled_document_is_offered_again(client, carol, frozen_round, time_machine):
    import datetime

    RoundDocument.objects.filter(round=frozen_round, format="pdf").update(
        status=DocumentStatus.PENDING, content=None
    )
    client.force_login(carol)
    pending = client.get(reverse("rounds:documents", args=[frozen_round.slug])).content.decode()
    assert 'data-hx-trigger="every 2s"' in pending  # the page keeps asking while it is made
    time_machine.move_to(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(hours=1))
    client.force_login(carol)  # an hour idle ends a session: Carol signs in again
    stalled = client.get(reverse("rounds:documents", args=[frozen_round.slug])).content.decode()
    assert "every 2s" not in stalled
    assert reverse("rounds:documents_retry", args=[frozen_round.slug]) in stalled


def test_anonymous_visitors_cannot_make_the_server_render(client, carol, frozen_round, monkeypatch):
    from oogst.documents import appendix

    services.publish(actor=carol, round=frozen_round)

    def no_render(*args, **kwargs):
        raise AssertionError("rendered for an anonymous visitor")

    for name in ("render_docx", "render_pdf", "render_html"):
        monkeypatch.setattr(appendix, name, no_render)
    RoundDocument.objects.filter(round=frozen_round, format="pdf").update(
        status=DocumentStatus.PENDING, content=None
    )
    pending = client.get(reverse("rounds:public_download", args=[frozen_round.slug, "pdf"]))
    assert pending.status_code == 503 and pending["Retry-After"]
    concept = client.get(reverse("rounds:appendix", args=[frozen_round.slug, "pdf"]))
    assert concept.status_code == 302 and "/inloggen/" in concept["Location"]


def test_a_concept_renders_one_at_a_time_per_round(client, carol, spring_round):
    client.force_login(carol)
    ConceptRender.objects.create(round=spring_round)
    busy = client.get(reverse("rounds:appendix", args=[spring_round.slug, "docx"]))
    assert busy.status_code == 429
    ConceptRender.objects.all().delete()
    ready = client.get(reverse("rounds:appendix", args=[spring_round.slug, "docx"]))
    assert ready.status_code == 200
    assert not ConceptRender.objects.exists()  # released after the render


def test_a_second_freeze_makes_no_second_set(carol, frozen_round):
    with pytest.raises(services.RoundError):
        services.freeze(actor=carol, round=frozen_round, force=True)
    assert frozen_round.documents.count() == len(DocumentFormat.values)
