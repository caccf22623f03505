from django import forms
from django.utils.translation import gettext_lazy as _

from oogst.core.forms import NLDesignFormMixin

from .models import Role, User


class UserForm(NLDesignFormMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "role", "partner", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["is_active"].help_text = _(
            "Switch off instead of deleting: the history keeps naming this person."
        )
        self.fields["partner"].help_text = _(
            "Only for partner organisation staff: the organisation whose participants they record."
        )

    def clean(self):
        data = super().clean()
        role, partner = data.get("role"), data.get("partner")
        if role == Role.PARTNER and not partner:
            self.add_error("partner", _("Choose the organisation this partner user works for."))
        elif role and role != Role.PARTNER and partner:
            self.add_error(
                "partner", _("Only partner organisation staff are bound to an organisation.")
            )
        return data
