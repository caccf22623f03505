from django import forms
from django.utils.translation import gettext_lazy as _

from oogst.core.forms import NLDesignFormMixin

from .models import Scope


class ApiKeyForm(NLDesignFormMixin, forms.Form):
    application = forms.CharField(
        label=_("Application"),
        max_length=100,
        help_text=_("The system that uses the key, e.g. begrotingsapp or PMsys."),
    )
    scope = forms.ChoiceField(
        label=_("Scope"),
        choices=Scope.choices,
        initial=Scope.READ_PUBLIC,
        help_text=_(
            "Read public data: pilots, motions and published rounds, without names. "
            "Read all data: also concept rounds, names and participant figures. "
            "Write: also add progress updates to pilots."
        ),
    )
