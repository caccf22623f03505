from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.CheckboxSelectMultiple: "",
    forms.RadioSelect: "",
    forms.HiddenInput: "",
}


class NLDesignFormMixin:
    """Give every widget its NL Design System class and mark invalid fields for assistive tech."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            css = next(
                (c for w, c in WIDGET_CLASSES.items() if isinstance(field.widget, w)),
                "utrecht-textbox utrecht-textbox--html-input",
            )
            if css:
                field.widget.attrs["class"] = (
                    field.widget.attrs.get("class", "") + " " + css
                ).strip()
            describedby = []
            if field.help_text:
                describedby.append(f"{self.auto_id % name if self.auto_id else name}_help")
            if describedby:
                field.widget.attrs["aria-describedby"] = " ".join(describedby)

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = (
                    attrs.get("aria-describedby", "") + f" id_{name}_error"
                ).strip()


class FastSelect(forms.Select):
    """A <select> written in Python: the same HTML as Django's template-rendered Select
    (tests/core/test_fast_select.py), without a template include per option. The register's
    filter form rendered its options at about a fifth of the page's time."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = []
        for group_name, group_choices, _index in widget["optgroups"]:
            rendered = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                ((str(o["value"]), flatatt(o["attrs"]), o["label"]) for o in group_choices),
            )
            if group_name:
                rendered = format_html('<optgroup label="{}">{}</optgroup>', group_name, rendered)
            options.append(rendered)
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            mark_safe("".join(options)),
        )


# Django REST framework ships its own Dutch for four of Django's messages, and an installed
# app's catalogue outranks Django's own: "Dit veld is vereist." would replace "Dit veld is
# verplicht." on every form. Oogst's catalogue outranks both and keeps Django's wording; these
# lines keep the messages in it (makemessages finds them here).
DJANGO_WORDING = (
    _("This field is required."),
    _("No file was submitted."),
    _("Upload a valid image. The file you uploaded was either not an image or a corrupted image."),
    _("Value must be valid JSON."),
)


class StatementForm(NLDesignFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Text"),
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 30}),
        help_text=_(
            "Plain text. A line starting with ## is a heading; a blank line starts a new "
            "paragraph; lines starting with - make a list. Web and e-mail addresses become links."
        ),
    )
