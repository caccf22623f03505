import re
from decimal import Decimal

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from oogst import money, vague_dates
from oogst.accounts.models import Role, User
from oogst.core.forms import FastSelect, NLDesignFormMixin
from oogst.core.uploads import MAX_UPLOAD_BYTES

from .models import (
    MAX_FIGURE,
    MAX_FIGURE_TEXT,
    BudgetLine,
    Fase,
    ImportKind,
    Indicator,
    Lesson,
    Measurement,
    Partner,
    Pilot,
    Portefeuille,
    Programma,
    StatusUpdate,
    Thema,
)

MOTION_NUMBER = re.compile(r"^\d{2,4}-\d{1,4}[A-Za-z]?$")


class DutchDecimalInput(forms.TextInput):
    """A figure shown the Dutch way (339.225,00) and typed on a phone's decimal keypad."""

    input_type = "text"

    def __init__(self, attrs=None, *, euros: bool = False):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})
        self.euros = euros

    def format_value(self, value):
        if isinstance(value, Decimal):
            # Amounts with their cents (339.225,00); other figures as they are (80, 12,5).
            return money.amount(value) if self.euros else money.number(value)
        return super().format_value(value)


class DutchDecimalField(forms.DecimalField):
    """Reads "€ 339.225,00", "339225" or "12,5"; refuses negative and absurd figures."""

    widget = DutchDecimalInput
    default_error_messages = {
        "invalid": _("Enter a number, e.g. 339.225,00."),
    }

    def __init__(self, *args, euros: bool = False, **kwargs):
        kwargs.setdefault("widget", DutchDecimalInput(euros=euros))
        kwargs.setdefault("min_value", Decimal(0))
        kwargs.setdefault("max_value", MAX_FIGURE)
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("localize", False)
        super().__init__(*args, **kwargs)
        self.error_messages["min_value"] = _("A negative figure is not possible here.")
        self.error_messages["max_value"] = format_lazy(
            _("This figure is too large; the most Oogst accepts is {largest}."),
            largest=MAX_FIGURE_TEXT,
        )

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        try:
            return money.parse(str(value))
        except money.NotANumber:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None

    def widget_attrs(self, widget):
        # No min/max/step: the field is text (Dutch commas), and the server says what is wrong.
        return {}


class PilotForm(NLDesignFormMixin, forms.ModelForm):
    """The appendix's form. Unknown or empty answers are allowed: pilots are works in progress."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(
        label=_("Why changed?"),
        required=False,
        max_length=500,
        help_text=_("Shown in the pilot's history."),
        widget=forms.TextInput,
    )

    budget = DutchDecimalField(
        label=_("budget (EUR)"),
        required=False,
        euros=True,
        max_digits=12,
        max_value=Decimal("9999999999.99"),
    )

    class Meta:
        model = Pilot
        fields = [
            "name",
            "korte_omschrijving",
            "programma",
            "portefeuille",
            "doel",
            "startdatum",
            "einddatum",
            "evaluatiemoment",
            "uitkomst_evaluatie",
            "succesvol",
            "succesvol_toelichting",
            "beleid_aanpassen",
            "beleid_aanpassen_toelichting",
            "financieel_gevolg",
            "financieel_gevolg_toelichting",
            "bestuurlijk_gerapporteerd",
            "fase",
            "resultaat",
            "aanleiding_soort",
            "motienummers",
            "aanleiding_toelichting",
            "partners",
            "owner",
            "target_participants",
            "budget",
            "funding_ends",
        ]
        widgets = {
            "partners": forms.CheckboxSelectMultiple,
            "korte_omschrijving": forms.Textarea(attrs={"rows": 8}),
            "doel": forms.Textarea(attrs={"rows": 4}),
            "uitkomst_evaluatie": forms.Textarea(attrs={"rows": 4}),
            "succesvol_toelichting": forms.Textarea(attrs={"rows": 3}),
            "beleid_aanpassen_toelichting": forms.Textarea(attrs={"rows": 3}),
            "financieel_gevolg_toelichting": forms.Textarea(attrs={"rows": 3}),
            "bestuurlijk_gerapporteerd": forms.Textarea(attrs={"rows": 3}),
            "aanleiding_toelichting": forms.Textarea(attrs={"rows": 2}),
            "funding_ends": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "startdatum": _(
                'As you would write it: "1 september 2022", "4de kwartaal 2025", '
                '"Nader te bepalen".'
            ),
            "einddatum": _('E.g. "31-12-2027", "Eind 2025", "onbekend".'),
            "evaluatiemoment": _('E.g. "Q2 2025", "jaarlijks", "najaar 2027".'),
        }

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # Active choices, plus the inactive ones this pilot already has, so an edit never
        # drops them.
        pilot = self.instance if self.instance.pk else None
        self.fields["programma"].queryset = Programma.objects.filter(
            Q(active=True) | Q(pk=getattr(pilot, "programma_id", None))
        )
        self.fields["portefeuille"].queryset = Portefeuille.objects.filter(
            Q(active=True) | Q(pk=getattr(pilot, "portefeuille_id", None))
        )
        self.fields["partners"].queryset = Partner.objects.filter(
            Q(active=True) | Q(pk__in=pilot.partners.values("pk") if pilot else [])
        )
        if pilot:
            self.fields["version"].initial = pilot.version
        owners = User.objects.filter(
            is_active=True, role__in=[Role.EIGENAAR, Role.COORDINATOR, Role.BEHEERDER]
        )
        self.fields["owner"].queryset = owners
        if not user.sees_all_as_editor:
            # An owner cannot hand a pilot to someone else, nor take someone else's.
            self.fields["owner"].disabled = True
            if not self.instance.pk:
                self.fields["owner"].initial = user.pk
        for name in Pilot.VAGUE_DATE_FIELDS:
            # Live interpretation under the field while typing (htmx); the server renders
            # the same text on load, so it works without JavaScript too.
            self.fields[name].widget.attrs.update(
                {
                    "data-hx-get": reverse("pilots:date_preview"),
                    "data-hx-trigger": "input changed delay:250ms",
                    "data-hx-target": f"#id_{name}_preview",
                    "data-hx-swap": "innerHTML",
                    "aria-describedby": f"id_{name}_help id_{name}_preview",
                }
            )

    @property
    def date_fields(self):
        """Each vague date field with the interpretation of its current value."""
        for name in Pilot.VAGUE_DATE_FIELDS:
            bound = self[name]
            yield bound, vague_dates.parse(bound.value() or "")

    def clean_motienummers(self):
        numbers = [n.strip() for n in self.cleaned_data["motienummers"].split(",") if n.strip()]
        wrong = [n for n in numbers if not MOTION_NUMBER.match(n)]
        if wrong:
            raise forms.ValidationError(
                _("Not motion numbers: %(numbers)s. Write a motion number like 1911-35."),
                params={"numbers": ", ".join(wrong)},
            )
        return ", ".join(numbers)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("resultaat") and cleaned.get("fase") != Fase.AFGEROND:
            self.add_error(
                "resultaat", _("A result can only be given once the pilot is completed.")
            )
        return cleaned


class StatusUpdateForm(NLDesignFormMixin, forms.ModelForm):
    class Meta:
        model = StatusUpdate
        fields = ["date", "title", "text"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "text": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only updates carried over from an old appendix lack a date; a new one has one, and
        # the model's hint ("empty for carried-over updates") would tell the user otherwise.
        self.fields["date"].required = True
        self.fields["date"].help_text = _(
            "The day this update describes; today unless you change it."
        )
        self.fields["date"].initial = timezone.localdate


class LessonForm(NLDesignFormMixin, forms.ModelForm):
    """A lesson: what worked, what did not, or a recommendation, tagged with themes."""

    class Meta:
        model = Lesson
        fields = ["kind", "text", "themes", "decision", "policy_change"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "themes": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Retired themes stay on the lessons that have them, but are not offered anew.
        chosen = self.instance.themes.all() if self.instance.pk else Thema.objects.none()
        self.fields["themes"].queryset = Thema.objects.filter(
            Q(active=True) | Q(pk__in=chosen.values("pk"))
        )


class RegisterFilterForm(NLDesignFormMixin, forms.Form):
    """The register overview's filters; invalid values are ignored, never an error page."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    programma = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Programma.objects.all(),
        required=False,
        empty_label=_("All programmes"),
        widget=FastSelect,
    )
    portefeuille = forms.ModelChoiceField(
        label=_("Portfolio"),
        queryset=Portefeuille.objects.all(),
        required=False,
        empty_label=_("All portfolios"),
        widget=FastSelect,
    )
    fase = forms.ChoiceField(label=_("Phase"), required=False, widget=FastSelect)
    succesvol = forms.ChoiceField(label=_("Successful?"), required=False, widget=FastSelect)
    evaluatie_in = forms.IntegerField(
        label=_("Evaluation in year"), required=False, min_value=1900, max_value=2199
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        widget=FastSelect,
        choices=[
            # The default: best match first when searching, else by name. Said so, so that
            # ranked results never look sorted by name.
            ("", _("Best match (or name)")),
            ("name", _("Name")),
            ("programma", _("Programme")),
            ("start", _("Start date")),
            ("end", _("End date")),
            ("evaluatie", _("Evaluation moment")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import Antwoord

        self.fields["fase"].choices = [("", _("All phases")), *Fase.choices]
        self.fields["succesvol"].choices = [
            ("", _("All")),
            *Antwoord.choices,
            ("leeg", _("Not filled in")),
        ]


class ImportForm(NLDesignFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file holds"),
        choices=ImportKind.choices,
        widget=forms.RadioSelect,
        initial=ImportKind.APPENDIX,
    )
    file = forms.FileField(
        label=_("File"),
        help_text=format_lazy(
            _(
                "A Word appendix (.docx), or a spreadsheet (.xlsx, or .csv with ; or ,) made "
                "from the template. At most {limit} MB."
            ),
            limit=MAX_UPLOAD_BYTES // (1024 * 1024),
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)d MB; the limit is %(limit)d MB.")
                % {
                    "size": upload.size // (1024 * 1024),
                    "limit": MAX_UPLOAD_BYTES // (1024 * 1024),
                }
            )
        return upload


class IndicatorForm(NLDesignFormMixin, forms.ModelForm):
    baseline = DutchDecimalField(label=_("baseline"), required=False)
    target = DutchDecimalField(label=_("target"), required=False)

    class Meta:
        model = Indicator
        fields = ["name", "unit", "direction", "baseline", "baseline_date", "target", "target_date"]
        widgets = {
            "baseline_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "baseline": _("The value before the pilot started, if known."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["baseline"].help_text = _("The value before the pilot started, if known.")
        self.fields["target"].help_text = _("The value the pilot aims for.")
        self.fields["target_date"].widget.attrs.update(
            {
                "data-hx-get": reverse("pilots:date_preview"),
                "data-hx-trigger": "input changed delay:250ms",
                "data-hx-target": "#id_target_date_preview",
                "data-hx-swap": "innerHTML",
                "aria-describedby": "id_target_date_help id_target_date_preview",
            }
        )

    @property
    def target_date_parsed(self):
        return vague_dates.parse(self["target_date"].value() or "")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("baseline_date") and cleaned["baseline_date"] > timezone.localdate():
            self.add_error("baseline_date", _("A baseline cannot be dated in the future."))
        return cleaned


class MeasurementForm(NLDesignFormMixin, forms.ModelForm):
    value = DutchDecimalField(label=_("value"))

    class Meta:
        model = Measurement
        fields = ["value", "date", "source", "note"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 2}),
        }


class BudgetLineForm(NLDesignFormMixin, forms.ModelForm):
    begroot = DutchDecimalField(label=_("budgeted (EUR)"), required=False, euros=True)
    besteed = DutchDecimalField(label=_("spent (EUR)"), required=False, euros=True)

    class Meta:
        model = BudgetLine
        fields = [
            "description",
            "year",
            "funding_kind",
            "funder",
            "nature",
            "begroot",
            "besteed",
        ]
        widgets = {"year": forms.TextInput(attrs={"inputmode": "numeric"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["begroot"].help_text = _("In euros, e.g. 339.225,00.")
        self.fields["besteed"].help_text = _("In euros; empty while not known.")
        self.fields["year"].error_messages["max_value"] = _("Enter a year between 1990 and 2100.")
        self.fields["year"].error_messages["min_value"] = _("Enter a year between 1990 and 2100.")
