"""Template helpers: long texts with their paragraphs and lists, and vague dates."""

from django import forms, template
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


# Widgets that render one input per choice: the summary links to the first of them.
_MULTI_INPUT = (forms.RadioSelect, forms.CheckboxSelectMultiple)


@register.inclusion_tag("core/_error_summary.html")
def error_summary(*forms_, title_id="error-summary-title", saving=True):
    """The NL Design System / GOV.UK error summary for one or more bound forms (or formsets).

    Every message once, in the form's order, each field's message a link to its input; the
    summary is focused on load by oogst/error-summary.js so the user lands on it, not on the
    top of an unchanged-looking page. `saving=False` for forms that store nothing (logging in,
    a code): the summary then asks to check, rather than saying nothing was saved.
    """
    errors = []
    for form in _flatten(forms_):
        errors += [{"message": e} for e in form.non_field_errors()]
        for field in form:
            if not field.errors:
                continue
            anchor = field.id_for_label or field.auto_id
            if isinstance(field.field.widget, _MULTI_INPUT):
                anchor = f"{field.auto_id}_0"
            for message in field.errors:
                if field.is_hidden:
                    errors.append({"message": message})
                else:
                    errors.append({"message": message, "label": field.label, "anchor": anchor})
    return {"errors": errors, "title_id": title_id, "saving": saving}


def _flatten(items):
    for item in items:
        if item is None or item == "":
            continue
        if hasattr(item, "forms"):  # a formset: its own errors, then each form's
            errors = item.non_form_errors()
            if errors:
                yield _Messages(errors)
            yield from item.forms
        else:
            yield item


class _Messages:
    """A formset's own errors, shaped like a form without fields."""

    def __init__(self, errors):
        self._errors = errors

    def non_field_errors(self):
        return self._errors

    def __iter__(self):
        return iter(())
