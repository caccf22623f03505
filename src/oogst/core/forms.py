from django import forms

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
