"""Template helpers: long texts with their paragraphs and lists, and vague dates."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from oogst import money, vague_dates
from oogst.documents import blocks

register = template.Library()


@register.filter
def rich_text(text: str) -> str:
    """Paragraphs, bullet and numbered lists as HTML, read by the documents' one block parser."""
    html = []
    for block in blocks.parse(text):
        if block.kind == "paragraph":
            html.append(
                '<p class="utrecht-paragraph">' + "<br>".join(map(escape, block.lines)) + "</p>"
            )
        else:
            tag, css = ("ul", "unordered") if block.kind == "bullets" else ("ol", "ordered")
            items = "".join(
                f'<li class="utrecht-{css}-list__item">{escape(line)}</li>' for line in block.lines
            )
            html.append(f'<{tag} class="utrecht-{css}-list">{items}</{tag}>')
    return mark_safe("\n".join(html))


@register.filter
def vague_date_description(parsed) -> str:
    lang = "en" if (get_language() or "nl").startswith("en") else "nl"
    return vague_dates.describe(parsed, lang=lang)


@register.simple_tag(takes_context=True)
def may(context, action: str, obj=None) -> bool:
    """{% may "entry.approve" entry as can_approve %}: the one allow-list, asked by a template."""
    from oogst.core.permissions import can

    return can(context.get("user"), action, obj)


@register.simple_tag
def form_token():
    """The hidden one-time token of a create form (see core/once.py)."""
    from oogst.core import once

    return mark_safe(f'<input type="hidden" name="{once.FIELD}" value="{once.new_token()}">')


@register.filter
def multiply(value, factor):
    """For coordinates in server-made SVG charts."""
    return int(value) * int(factor)


@register.simple_tag
def bar_width(value, largest, full) -> int:
    """A bar's length in a chart whose largest bar is `full` long (0 for an empty chart)."""
    return round(int(value) * int(full) / int(largest)) if largest else 0


@register.filter
def euro(value) -> str:
    """€ 339.225,00, the Dutch way whatever the page's language."""
    return money.euro(value)


@register.filter
def figure(value) -> str:
    """A figure the Dutch way: 339.225 or 12,5."""
    return money.number(value)
