"""The council memo on a motion's handling, as DOCX (to edit) and PDF (to read and archive).

Same structure as the seed memo: Onderwerp and Bijlagen, Aanleiding, Achtergrond, the
author's further sections, Conclusie, and the contact block for technical questions.
"""

import io
import re

from django.conf import settings
from django.template.loader import render_to_string


def memo_sections(memo) -> list[tuple[str, str]]:
    """(heading, text) in print order; empty standard sections are left out."""
    sections = [("Aanleiding", memo.aanleiding), ("Achtergrond", memo.achtergrond)]
    sections += [(s.title, s.body) for s in memo.sections.all()]
    sections.append(("Conclusie", memo.conclusie))
    return [(title, text) for title, text in sections if text.strip()]


def _blocks(text: str):
    """Paragraphs and list items ("- ", "* ", "• ") of a text people wrote."""
    for block in re.split(r"\n\s*\n", text.strip()):
        for line in block.splitlines():
            line = line.strip()
            if not line:
                continue
            bullet = re.match(r"^[-*•]\s+(.*)$", line)
            yield ("item", bullet.group(1)) if bullet else ("para", line)


def render_docx(memo) -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.title = memo.onderwerp
    document.core_properties.language = "nl-NL"
    document.styles["Normal"].font.size = Pt(10.5)
    document.add_paragraph(settings.OOGST_MUNICIPALITY, style="Subtitle")
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text, table.cell(0, 1).text = "Onderwerp", "Bijlagen"
    table.cell(1, 0).text = " ".join(filter(None, [memo.reference, memo.onderwerp]))
    table.cell(1, 1).text = memo.bijlagen
    for cell in table.rows[0].cells:
        cell.paragraphs[0].runs[0].bold = True
    for title, text in memo_sections(memo):
        document.add_heading(title, level=2)
        for kind, line in _blocks(text):
            document.add_paragraph(line, style="List Bullet" if kind == "item" else None)
    document.add_paragraph()
    document.add_paragraph("Voor technische vragen kunt u zich wenden tot:")
    contact = document.add_table(rows=3, cols=2)
    for row, (label, value) in enumerate(
        [
            ("Naam", memo.contact_naam),
            ("Telefoon", memo.contact_telefoon),
            ("E-mailadres", memo.contact_email),
        ]
    ):
        contact.cell(row, 0).text, contact.cell(row, 1).text = label, value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_html(memo) -> str:
    return render_to_string(
        "documents/memo.html",
        {
            "memo": memo,
            "municipality": settings.OOGST_MUNICIPALITY,
            "sections": [(title, list(_blocks(text))) for title, text in memo_sections(memo)],
        },
    )


def render_pdf(memo) -> bytes:
    from weasyprint import HTML

    html = HTML(string=render_html(memo))
    try:
        return html.write_pdf(pdf_variant="pdf/ua-1")
    except Exception:  # noqa: BLE001 - an older WeasyPrint without the variant still gives a PDF
        return html.write_pdf()
