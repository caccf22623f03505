"""One block parser for every format: the same text gives the same paragraphs and lists."""

import io

import pytest
from django.core.exceptions import ImproperlyConfigured

from oogst.core.templatetags.oogst import rich_text
from oogst.documents import blocks, memo
from oogst.documents.blocks import Block

from .test_document_formats import a_memo

TEXT = (
    "Doelen:\nsneller\n- minder thuiszitters\n• snellere hulp\n* betere zorg\n"
    "1. eerst\n2) dan\nSlot."
)


def test_paragraph_lines_bullets_and_numbers_are_read_the_same_way_everywhere():
    assert blocks.parse(TEXT) == [
        Block("paragraph", ("Doelen:", "sneller")),
        Block("bullets", ("minder thuiszitters", "snellere hulp", "betere zorg")),
        Block("numbers", ("eerst", "dan")),
        Block("paragraph", ("Slot.",)),
    ]


def test_the_web_page_shows_numbered_items_as_a_numbered_list():
    html = rich_text(TEXT)
    assert '<p class="utrecht-paragraph">Doelen:<br>sneller</p>' in html
    assert (
        '<ol class="utrecht-ordered-list"><li class="utrecht-ordered-list__item">eerst</li>'
        '<li class="utrecht-ordered-list__item">dan</li></ol>'
    ) in html


def test_word_reads_the_same_blocks_as_the_web_page():
    import docx

    document = docx.Document(io.BytesIO(memo.render_docx(a_memo(TEXT))))
    start = next(i for i, p in enumerate(document.paragraphs) if p.text.startswith("Doelen"))
    assert [(p.style.name, p.text) for p in document.paragraphs[start : start + 7]] == [
        ("Normal", "Doelen:\nsneller"),
        ("List Bullet", "minder thuiszitters"),
        ("List Bullet", "snellere hulp"),
        ("List Bullet", "betere zorg"),
        ("List Number", "eerst"),
        ("List Number", "dan"),
        ("Normal", "Slot."),
    ]


def test_invisible_controls_and_direction_overrides_are_dropped_and_the_rest_kept():
    assert blocks.clean("a\x07b\u202ec\u202dd\r\ne") == "abcd\ne"
    assert blocks.breakable("x" * 100).replace("\u200b", "") == "x" * 100
    assert max(len(part) for part in blocks.breakable("x" * 100).split("\u200b")) == 40


def test_a_missing_word_template_says_which_setting_is_wrong(settings, tmp_path):
    settings.OOGST_DOCX_TEMPLATE = str(tmp_path / "weg.docx")
    with pytest.raises(ImproperlyConfigured, match="OOGST_DOCX_TEMPLATE"):
        memo.render_docx(a_memo())
