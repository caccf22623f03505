"""The council memo on a motion's handling, as DOCX (to edit) and PDF (to read and archive).

Same structure as the seed memo: Onderwerp and Bijlagen, Aanleiding, Achtergrond, the
author's further sections, Conclusie, and the contact block for technical questions. The
renderers read a `MemoDocument` (built by `motions.services.memo_document`), never the database.
"""

from dataclasses import dataclass

from . import blocks, pdf, word


@dataclass(frozen=True)
class MemoDocument:
    municipality: str
    reference: str
    onderwerp: str
    bijlagen: str
    sections: list  # (heading, text) in print order, empty standard sections left out
    contact: list  # (label, value): Naam, Telefoon, E-mailadres

    @property
    def subject(self) -> str:
        return ", ".join(filter(None, [self.reference, self.onderwerp]))


CONTACT_INTRO = "Voor technische vragen kunt u zich wenden tot:"


def render_docx(memo: MemoDocument) -> bytes:
    document = word.new_document(title=memo.onderwerp, author=memo.municipality)
    document.add_paragraph(blocks.clean(memo.municipality), style="Subtitle")
    document.add_paragraph(blocks.clean(memo.onderwerp), style="Title")
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text, table.cell(0, 1).text = "Onderwerp", "Bijlagen"
    table.cell(1, 0).text = blocks.breakable(blocks.clean(memo.subject))
    table.cell(1, 1).text = blocks.breakable(blocks.clean(memo.bijlagen))
    for cell in table.rows[0].cells:
        cell.paragraphs[0].runs[0].bold = True
    for title, text in memo.sections:
        document.add_heading(blocks.clean(title), level=1)
        word.add_text(document, text)
    document.add_paragraph()
    document.add_paragraph(CONTACT_INTRO)
    contact = document.add_table(rows=len(memo.contact), cols=2)
    for row, (label, value) in enumerate(memo.contact):
        contact.cell(row, 0).text = blocks.clean(label)
        contact.cell(row, 1).text = blocks.clean(value)
    return word.to_bytes(document)


def render_pdf(memo: MemoDocument) -> bytes:
    return pdf.render(
        "memo",
        {
            "title": memo.onderwerp,
            "municipality": memo.municipality,
            "concept": False,
            "running": memo.subject,
            "onderwerp": blocks.breakable(blocks.clean(memo.subject)),
            "bijlagen": blocks.breakable(blocks.clean(memo.bijlagen)),
            "sections": [
                {"title": blocks.clean(title), "blocks": blocks.as_json(text)}
                for title, text in memo.sections
            ],
            "contact": [[label, blocks.clean(value)] for label, value in memo.contact],
        },
    )
