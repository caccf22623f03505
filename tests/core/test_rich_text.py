"""Long texts keep their paragraphs and lists, and never become markup."""

from oogst.core.templatetags.oogst import rich_text


def test_blank_lines_make_paragraphs():
    assert rich_text("Een.\n\nTwee.") == (
        '<p class="utrecht-paragraph">Een.</p>\n<p class="utrecht-paragraph">Twee.</p>'
    )


def test_bullets_from_word_become_a_list_between_paragraphs():
    html = rich_text("Doelen:\n- minder thuiszitters\n• snellere hulp\nSlot.")
    assert html == (
        '<p class="utrecht-paragraph">Doelen:</p>\n'
        '<ul class="utrecht-unordered-list"><li class="utrecht-unordered-list__item">'
        'minder thuiszitters</li><li class="utrecht-unordered-list__item">snellere hulp</li>'
        '</ul>\n<p class="utrecht-paragraph">Slot.</p>'
    )


def test_markup_is_escaped():
    assert "&lt;img src=x onerror=alert(1)&gt;" in rich_text("<img src=x onerror=alert(1)>")


def test_empty_text_renders_nothing():
    assert rich_text("") == ""
