"""The one DOCX helper: a document in the house style, text blocks, and the bytes.

`new_document()` starts from the municipality's own Word template (`OOGST_DOCX_TEMPLATE`) when
set, keeping its styles, page setup, headers and footers and dropping its body; otherwise from
Oogst's plain default: A4, 2 cm margins, "Pagina N van M" in the footer. Either way the text
language is nl-NL in the document defaults and in Normal, so Word spellchecks Dutch, and the
core properties name the municipality as author.
"""

import datetime
import io
import re
from xml.sax.saxutils import escape as xml_escape

from django.core.exceptions import ImproperlyConfigured

from . import blocks

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Characters XML 1.0 cannot carry are dropped by blocks.clean(); this catches the rest.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def safe_text(text: str) -> str:
    """Text any python-docx call accepts: no characters XML 1.0 cannot carry."""
    return _XML_INVALID.sub("", blocks.clean(text or ""))


def new_document(*, title: str, author: str):
    import docx
    from django.conf import settings

    template = getattr(settings, "OOGST_DOCX_TEMPLATE", "")
    if template:
        try:
            document = docx.Document(template)
        except (OSError, ValueError, KeyError, docx.opc.exceptions.PackageNotFoundError) as error:
            raise ImproperlyConfigured(
                f"OOGST_DOCX_TEMPLATE={template!r} is not a readable Word document (.docx): {error}"
            ) from error
        body = document.element.body
        for child in list(body):
            if child.tag != f"{{{W_NS}}}sectPr":
                body.remove(child)
        _add_missing_styles(document)
    else:
        document = docx.Document()
        _plain_house_style(document)
    _dutch(document)
    now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    properties = document.core_properties
    # Core properties are XML too: a title with a pasted control character must not fail.
    title, author = safe_text(title), safe_text(author)
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.created = properties.modified = now
    properties.revision = 1
    properties.language = "nl-NL"
    properties.comments = ""
    properties.subject = ""
    properties.keywords = ""
    return document


# Styles the renderers use. A template saved by Word holds only the styles it uses, so those it
# lacks are copied from python-docx's plain template (lists fall back to a typed marker).
NEEDED_STYLES = ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Table Grid")


def _add_missing_styles(document) -> None:
    import copy

    import docx
    from docx.oxml.ns import qn

    plain = None
    for name in NEEDED_STYLES:
        if has_style(document, name):
            continue
        plain = plain or docx.Document().styles
        element = copy.deepcopy(plain[name].element)
        for link in element.findall(qn("w:link")):
            element.remove(link)  # its character style stays behind
        document.styles.element.append(element)


def has_style(document, name: str) -> bool:
    try:
        document.styles[name]
    except KeyError:
        return False
    return True


def list_style(document, kind: str) -> str | None:
    """The style name for a list kind, or None when the template has no such style."""
    name = "List Bullet" if kind == "bullets" else "List Number"
    return name if has_style(document, name) else None


def marker(kind: str, number: int) -> str:
    return "• " if kind == "bullets" else f"{number}. "


def _plain_house_style(document) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Mm, Pt

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2.2)
    document.styles["Normal"].font.size = Pt(10)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _append_xml(
        footer._p,
        f'<w:r><w:t xml:space="preserve">Pagina </w:t></w:r>{_field("PAGE")}'
        f'<w:r><w:t xml:space="preserve"> van </w:t></w:r>{_field("NUMPAGES")}',
    )


def _field(instruction: str) -> str:
    return f'<w:fldSimple w:instr=" {instruction} "><w:r><w:t>1</w:t></w:r></w:fldSimple>'


def _append_xml(parent, xml: str) -> None:
    from docx.oxml import parse_xml

    for element in parse_xml(f'<w:x xmlns:w="{W_NS}">{xml}</w:x>'):
        parent.append(element)


def _dutch(document) -> None:
    """nl-NL as the language of every run: in the document defaults and in Normal."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    default_rpr = run_defaults.find(qn("w:rPr"))
    if default_rpr is None:
        default_rpr = OxmlElement("w:rPr")
        run_defaults.append(default_rpr)
    for rpr in (default_rpr, document.styles["Normal"].element.get_or_add_rPr()):
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), "nl-NL")
        lang.set(qn("w:eastAsia"), "nl-NL")
        lang.set(qn("w:bidi"), "ar-SA")


def style_id(document, name: str) -> str:
    """The style id of a built-in style in this template ("Heading1", or "Kop1" in Dutch Word)."""
    return document.styles[name].style_id


def mark_concept(document) -> None:
    """CONCEPT, bold and right-aligned, at the top of the running header."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    header = document.sections[0].header
    paragraph = header.paragraphs[0]
    if paragraph.text:
        paragraph = paragraph.insert_paragraph_before()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run("CONCEPT").bold = True


def add_text(container, text: str, *, empty: str = "") -> None:
    """A text's blocks as paragraphs and lists (List Bullet / List Number) in `container`."""
    parsed = blocks.parse(text)
    if not parsed and empty:
        container.add_paragraph(empty)
    for block in parsed:
        if block.kind == "paragraph":
            paragraph = container.add_paragraph()
            for i, line in enumerate(block.lines):
                run = paragraph.add_run(blocks.breakable(line))
                if i < len(block.lines) - 1:
                    run.add_break()
        else:
            style = list_style(document_of(container), block.kind)
            for number, line in enumerate(block.lines, start=1):
                prefix = "" if style else marker(block.kind, number)
                container.add_paragraph(prefix + blocks.breakable(line), style=style)


def run_xml(text: str, bold: bool = False) -> str:
    text = xml_escape(_XML_INVALID.sub("", blocks.breakable(blocks.clean(text))))
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def document_of(container):
    """The document a container (document, table cell) belongs to."""
    return getattr(container, "part", container).document


def text_xml(text: str, styles: dict[str, str | None]) -> str:
    """A text's blocks as WordprocessingML paragraphs; `styles` maps list kinds to style ids
    (None: the template has no list style, so the item gets a typed marker)."""
    paragraphs = []
    for block in blocks.parse(text):
        if block.kind == "paragraph":
            breaks = "<w:r><w:br/></w:r>".join(run_xml(line) for line in block.lines)
            paragraphs.append(f"<w:p>{breaks}</w:p>")
        elif styles[block.kind]:
            style = f'<w:pPr><w:pStyle w:val="{styles[block.kind]}"/></w:pPr>'
            paragraphs.extend(f"<w:p>{style}{run_xml(line)}</w:p>" for line in block.lines)
        else:
            paragraphs.extend(
                f"<w:p>{run_xml(marker(block.kind, number) + line)}</w:p>"
                for number, line in enumerate(block.lines, start=1)
            )
    return "".join(paragraphs) or "<w:p/>"


def to_bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
