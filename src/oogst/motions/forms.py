from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from oogst.core.forms import NLDesignFormMixin

from .models import (
    Afdoeningsronde,
    Decision,
    Memo,
    MemoSection,
    Motion,
    MotionDocument,
    MotionStatus,
)


class VersionedForm(NLDesignFormMixin, forms.ModelForm):
    """Carries the version the editor saw, so a save over someone else's edit is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class MotionForm(VersionedForm):
    class Meta:
        model = Motion
        fields = [
            "nummer",
            "titel",
            "adopted_on",
            "meeting",
            "vote_result",
            "indieners",
            "dictum",
            "deadline",
            "programma",
            "portefeuille",
            "contact_naam",
            "contact_telefoon",
            "contact_email",
            "pilots",
        ]
        widgets = {
            "adopted_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "indieners": forms.Textarea(attrs={"rows": 3}),
            "dictum": forms.Textarea(attrs={"rows": 6}),
            "pilots": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deadline"].widget.attrs.update(
            {
                "data-hx-get": reverse("pilots:date_preview"),
                "data-hx-trigger": "input changed delay:250ms",
                "data-hx-target": "#id_deadline_preview",
                "aria-describedby": "id_deadline_help id_deadline_preview",
            }
        )

    def clean_nummer(self):
        nummer = self.cleaned_data["nummer"].strip().upper()
        existing = Motion.objects.filter(nummer=nummer).exclude(pk=self.instance.pk).first()
        if existing:
            raise forms.ValidationError(
                format_html(
                    _('Motion {} already exists: <a class="utrecht-link" href="{}">{}</a>.'),
                    nummer,
                    existing.get_absolute_url(),
                    existing,
                )
            )
        return nummer


class StatusForm(NLDesignFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=MotionStatus.choices)
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if choices is not None:  # only the moves this user may make (motions.services)
            self.fields["status"].choices = choices


class AfdoeningsrondeForm(NLDesignFormMixin, forms.ModelForm):
    class Meta:
        model = Afdoeningsronde
        fields = ["name", "date"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class ProposeForm(NLDesignFormMixin, forms.Form):
    motion = forms.ModelChoiceField(label=_("Motion"), queryset=Motion.objects.not_handled())


class DecisionForm(NLDesignFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Council decision"), choices=[c for c in Decision.choices if c[0]]
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=5000)


class MemoForm(VersionedForm):
    class Meta:
        model = Memo
        fields = [
            "reference",
            "onderwerp",
            "bijlagen",
            "aanleiding",
            "achtergrond",
            "conclusie",
            "contact_naam",
            "contact_telefoon",
            "contact_email",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 6})
            for name in ("aanleiding", "achtergrond", "conclusie")
        }


class MemoSectionForm(NLDesignFormMixin, forms.ModelForm):
    class Meta:
        model = MemoSection
        fields = ["title", "body", "position"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}
        # The model field has no verbose name: without this the form said "Position".
        labels = {"position": _("Order in the memo")}


class MotionDocumentForm(NLDesignFormMixin, forms.ModelForm):
    # A link typed without a scheme is read as https (Django 6's default).
    url = forms.URLField(label=_("Link"), max_length=1000, assume_scheme="https")

    class Meta:
        model = MotionDocument
        fields = ["title", "url"]


MotionDocumentFormSet = forms.inlineformset_factory(
    Motion, MotionDocument, form=MotionDocumentForm, extra=1, can_delete=True
)

MemoSectionFormSet = forms.inlineformset_factory(
    Memo, MemoSection, form=MemoSectionForm, extra=1, can_delete=True
)
