from django import forms
from django.utils.translation import gettext_lazy as _

from oogst.core.forms import NLDesignFormMixin

from .models import User


class UserForm(NLDesignFormMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "role", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["is_active"].help_text = _(
            "Switch off instead of deleting: the history keeps naming this person."
        )
