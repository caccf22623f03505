"""The memo: who may write it, and its DOCX and PDF hold every section in order."""

import io

import pytest
from django.urls import reverse

from oogst.motions.models import Memo, MemoSection

pytestmark = pytest.mark.django_db


@pytest.fixture
def memo(motion):
    memo = Memo.objects.create(
        motion=motion,
        reference="2025-065916",
        onderwerp="Memo raad afdoening motie 2411-62",
        bijlagen="2",
        aanleiding="Tijdens de raadsvergadering van 11 november 2024 ...",
        achtergrond="In Utrecht is met Plan Einstein ...",
        conclusie="Als afgedaan beschouwen.",
        contact_naam="S. Ziani",
        contact_telefoon="079-3468667",
        contact_email="S.Ziani@zoetermeer.nl",
    )
    MemoSection.objects.create(
        memo=memo, title="Pilot “Samen bouwen”", body="40 statushouders, €70.000, Stichting Piëzo."
    )
    return memo


ORDER = [
    "Onderwerp",
    "Aanleiding",
    "Achtergrond",
    "Pilot “Samen bouwen”",
    "Conclusie",
    "Voor technische vragen kunt u zich wenden tot:",
    "S. Ziani",
    "079-3468667",
    "S.Ziani@zoetermeer.nl",
]


def assert_in_order(text, needles):
    positions = [text.index(n) for n in needles]
    assert positions == sorted(positions)


def test_the_docx_holds_every_section_in_order_and_the_contact_block(client, dave, memo):
    import docx

    client.force_login(dave)
    response = client.get(reverse("motions:memo_download", args=["2411-62", "docx"]))
    document = docx.Document(io.BytesIO(response.content))
    parts = []
    for block in document.element.body.iterchildren():
        parts.append("".join(block.itertext()))
    text = "\n".join(parts)
    assert_in_order(text, ORDER)
    assert "2025-065916" in text and "€70.000" in text and "Piëzo" in text


def test_the_pdf_holds_every_section_in_order_and_the_contact_block(client, dave, memo):
    from pdfminer.high_level import extract_text

    client.force_login(dave)
    response = client.get(reverse("motions:memo_download", args=["2411-62", "pdf"]))
    text = extract_text(io.BytesIO(response.content))
    assert_in_order(" ".join(text.split()), [" ".join(n.split()) for n in ORDER])


def test_an_eigenaar_drafts_a_memo_only_for_motions_of_their_portfolio(
    client, alice, bob, motion, portefeuille
):
    portefeuille.members.add(alice)
    data = {"onderwerp": "Concept", "sections-TOTAL_FORMS": "0", "sections-INITIAL_FORMS": "0"}
    client.force_login(bob)
    assert client.post(reverse("motions:memo_edit", args=[motion.nummer]), data).status_code == 403
    client.force_login(alice)
    response = client.post(reverse("motions:memo_edit", args=[motion.nummer]), data)
    assert response.status_code == 302
    assert Memo.objects.get(motion=motion).onderwerp == "Concept"


def test_the_memo_command_writes_the_pdf(tmp_path, memo):
    from django.core.management import CommandError, call_command
    from pdfminer.high_level import extract_text

    target = tmp_path / "memo.pdf"
    call_command(
        "memo",
        "--motion",
        "2411-62",
        "--format",
        "pdf",
        "--output",
        str(target),
        stdout=io.StringIO(),
    )
    assert "Aanleiding" in extract_text(str(target))
    with pytest.raises(CommandError, match="no memo"):
        call_command(
            "memo", "--motion", "9999-1", "--format", "pdf", "--output", str(tmp_path / "x.pdf")
        )
