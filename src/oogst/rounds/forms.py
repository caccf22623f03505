from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from oogst.core.forms import NLDesignFormMixin
from oogst.core.mail import single_line
from oogst.pilots.models import Pilot

from .models import Round


class RoundForm(NLDesignFormMixin, forms.ModelForm):
    pilots = forms.ModelMultipleChoiceField(
        label=_("Pilots in this round"),
        queryset=Pilot.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Preselected: every pilot except proposals, pilots never started and "
            "pilots completed before the previous round."
        ),
    )

    class Meta:
        model = Round
        fields = [
            "name",
            "kind",
            "peildatum",
            "deadline",
            "appendix_title",
            "inleiding",
            "appendix_order",
            "print_lessons",
            "print_results",
            "print_finances",
        ]
        widgets = {
            "peildatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "inleiding": forms.Textarea(attrs={"rows": 6}),
        }

    # A name goes into mail subjects and headings: one line, whatever was pasted.
    def clean_name(self):
        name = single_line(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Give the round a name."))
        return name

    def clean_appendix_title(self):
        return single_line(self.cleaned_data["appendix_title"])

    def clean_deadline(self):
        # Owners cannot meet a deadline that has already passed.
        deadline = self.cleaned_data["deadline"]
        if deadline and deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline cannot lie in the past."))
        return deadline


class ReasonForm(NLDesignFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
