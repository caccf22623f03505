"""Template helpers: long texts with their paragraphs and lists, and vague dates."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from oogst import vague_dates

register = template.Library()

# Lines that start a list item in texts people wrote or pasted from Word.
LIST_ITEM = re.compile(r"^\s*(?:[-*•·o]|\d+[.)])\s+")


@register.filter
def rich_text(text: str) -> str:
    """Paragraphs (blank lines) and bullet lists ("- ", "* ", "• ") as HTML; all text escaped."""
    if not text:
        return ""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    html = []
    for block in blocks:
        lines = [line for line in block.split("\n") if line.strip()]
        items, paragraph = [], []
        for line in lines:
            if LIST_ITEM.match(line):
                if paragraph:
                    html.append(_paragraph(paragraph))
                    paragraph = []
                items.append(LIST_ITEM.sub("", line, count=1))
            else:
                if items:
                    html.append(_list(items))
                    items = []
                paragraph.append(line)
        if paragraph:
            html.append(_paragraph(paragraph))
        if items:
            html.append(_list(items))
    return mark_safe("\n".join(html))


def _paragraph(lines):
    return '<p class="utrecht-paragraph">' + "<br>".join(escape(x.strip()) for x in lines) + "</p>"


def _list(items):
    return (
        '<ul class="utrecht-unordered-list">'
        + "".join(
            f'<li class="utrecht-unordered-list__item">{escape(i.strip())}</li>' for i in items
        )
        + "</ul>"
    )


@register.filter
def vague_date_description(parsed) -> str:
    lang = "en" if (get_language() or "nl").startswith("en") else "nl"
    return vague_dates.describe(parsed, lang=lang)


@register.simple_tag(takes_context=True)
def may(context, action: str, obj=None) -> bool:
    """{% may "entry.approve" entry as can_approve %}: the one allow-list, asked by a template."""
    from oogst.core.permissions import can

    return can(context.get("user"), action, obj)


@register.filter
def multiply(value, factor):
    """For coordinates in server-made SVG charts."""
    return int(value) * int(factor)


@register.simple_tag
def bar_width(value, largest, full) -> int:
    """A bar's length in a chart whose largest bar is `full` long (0 for an empty chart)."""
    return round(int(value) * int(full) / int(largest)) if largest else 0
