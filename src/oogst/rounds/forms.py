from django import forms
from django.utils.translation import gettext_lazy as _

from oogst.core.forms import NLDesignFormMixin
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
        ]
        widgets = {
            "peildatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "inleiding": forms.Textarea(attrs={"rows": 6}),
        }


class ReasonForm(NLDesignFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
