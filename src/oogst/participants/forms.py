import re

from django import forms
from django.utils.translation import gettext_lazy as _

from oogst.core.forms import NLDesignFormMixin
from oogst.pilots.models import Partner

from .models import (
    DEFAULT_ACTIVITY_TYPES,
    PERSONAL_FIELDS,
    PIEZO_PHASES,
    ActivityType,
    Attendance,
    LadderMeasurement,
    Monitor,
    Participant,
    Phase,
    PhaseStep,
    ZrmDomain,
    ZrmScore,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MonitorForm(NLDesignFormMixin, forms.ModelForm):
    zrm_domains = forms.MultipleChoiceField(
        label=_("Self-sufficiency matrix domains"),
        choices=ZrmDomain.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Only the domains this pilot needs. The Dutch data protection authority warns "
            "against collecting all domains by default."
        ),
    )
    phases_text = forms.CharField(
        label=_("Phases of the trajectory"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One phase per line, starting with its number, e.g. “0 Activering”."),
    )
    activities_text = forms.CharField(
        label=_("Kinds of activity"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One per line."),
    )
    reason = forms.CharField(
        label=_("Reason for this change"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Kept in the history of these settings. Required when you switch a personal field "
            "on: say why the pilot needs it."
        ),
    )

    class Meta:
        model = Monitor
        fields = [
            "partner",
            "target",
            "code_prefix",
            *[f"collect_{name}" for name in PERSONAL_FIELDS],
            "zrm_domains",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        monitor = self.instance
        if monitor.pk:
            self.fields["phases_text"].initial = "\n".join(
                f"{phase.number} {phase.name}" for phase in monitor.phases.all()
            )
            self.fields["activities_text"].initial = "\n".join(
                activity.name for activity in monitor.activity_types.all()
            )
        else:
            self.fields["phases_text"].initial = "\n".join(
                f"{number} {name}" for number, name in PIEZO_PHASES
            )
            self.fields["phases_text"].help_text = _(
                "Filled in with the PiëzoMethodiek's five phases; change them to the pilot's own. "
                "One phase per line, starting with its number."
            )
            self.fields["activities_text"].initial = "\n".join(DEFAULT_ACTIVITY_TYPES)
        self.fields["code_prefix"].widget.attrs["pattern"] = "[A-Za-z]{1,6}"
        self._lock_partner_when_records_exist()

    def _lock_partner_when_records_exist(self):
        """Changing the organisation would hand its records over: that is a transfer instead."""
        from .services import holds_records

        if holds_records(self.instance):
            field = self.fields["partner"]
            field.disabled = True
            field.help_text = _(
                "This pilot has participant records. To let another organisation record them, "
                "propose a transfer; the current organisation must accept it."
            )

    def clean_code_prefix(self):
        prefix = self.cleaned_data["code_prefix"].strip().upper()
        if not re.fullmatch(r"[A-Z]{1,6}", prefix):
            raise forms.ValidationError(_("Use one to six letters, e.g. PZ."))
        return prefix

    def clean_phases_text(self):
        phases = {}
        for line in self.cleaned_data["phases_text"].splitlines():
            if not line.strip():
                continue
            match = re.fullmatch(r"\s*(\d{1,2})[.)]?\s+(.+?)\s*", line)
            if not match:
                raise forms.ValidationError(
                    _("Start every line with the phase's number: “%(line)s”.") % {"line": line}
                )
            number = int(match.group(1))
            if number in phases:
                raise forms.ValidationError(_("Phase %(n)s appears twice.") % {"n": number})
            phases[number] = match.group(2)[:200]
        if not phases:
            raise forms.ValidationError(_("Give at least one phase."))
        if self.instance.pk:
            in_use = set(
                Phase.objects.filter(monitor=self.instance, steps__isnull=False).values_list(
                    "number", flat=True
                )
            )
            missing = sorted(in_use - set(phases))
            if missing:
                raise forms.ValidationError(
                    _("Phase %(numbers)s has participants and cannot be removed.")
                    % {"numbers": ", ".join(map(str, missing))}
                )
        return phases

    def clean_activities_text(self):
        names = []
        for line in self.cleaned_data["activities_text"].splitlines():
            name = line.strip()[:200]
            if name and name not in names:
                names.append(name)
        if self.instance.pk:
            in_use = set(
                ActivityType.objects.filter(
                    monitor=self.instance, attendances__isnull=False
                ).values_list("name", flat=True)
            )
            missing = sorted(in_use - set(names))
            if missing:
                raise forms.ValidationError(
                    _("“%(names)s” has attendances and cannot be removed.")
                    % {"names": "”, “".join(missing)}
                )
        return names

    def switched_off(self) -> list[str]:
        """Personal fields this save switches off (their values will be erased)."""
        if not self.instance.pk:
            return []
        return [
            name
            for name in PERSONAL_FIELDS
            if f"collect_{name}" in self.changed_data and not self.cleaned_data[f"collect_{name}"]
        ]

    def switched_on(self) -> list[str]:
        """Personal fields this save switches on (a reason is required)."""
        return [
            name
            for name in PERSONAL_FIELDS
            if self.cleaned_data.get(f"collect_{name}")
            and (not self.instance.pk or f"collect_{name}" in self.changed_data)
        ]

    def clean(self):
        cleaned = super().clean()
        if self.switched_on() and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why the pilot needs the personal field you switch on."))
        return cleaned


class ParticipantForm(NLDesignFormMixin, forms.ModelForm):
    """Only the personal fields the pilot has switched on are on the form at all."""

    first_phase = forms.ModelChoiceField(
        label=_("Phase at the start"), queryset=Phase.objects.none(), required=False
    )

    class Meta:
        model = Participant
        fields = [
            "start_date",
            *PERSONAL_FIELDS,
            "notes",
            "exit_date",
            "exit_outcome",
        ]
        widgets = {
            "start_date": DATE,
            "exit_date": DATE,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, monitor, **kwargs):
        super().__init__(*args, **kwargs)
        for name in PERSONAL_FIELDS:
            if not getattr(monitor, f"collect_{name}"):
                del self.fields[name]
        self.fields["notes"].help_text = _(
            "Only what the guidance needs. Notes are erased with the record."
        )
        if "bsn" in self.fields:
            self.fields["bsn"].widget.attrs.update(inputmode="numeric", autocomplete="off")
        if self.instance.pk:
            del self.fields["first_phase"]
        else:
            self.fields["first_phase"].queryset = monitor.phases.all()
            del self.fields["exit_date"]
            del self.fields["exit_outcome"]

    def clean_bsn(self):
        bsn = self.cleaned_data.get("bsn", "").strip()
        if bsn and not _valid_bsn(bsn):
            raise forms.ValidationError(_("This is not a valid BSN (eleven test)."))
        return bsn


def _valid_bsn(bsn: str) -> bool:
    if not re.fullmatch(r"\d{8,9}", bsn):
        return False
    digits = [int(d) for d in bsn.zfill(9)]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0


class StepForm(NLDesignFormMixin, forms.ModelForm):
    class Meta:
        model = PhaseStep
        fields = ["phase", "date"]
        widgets = {"date": DATE}

    def __init__(self, *args, monitor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].queryset = monitor.phases.all()


class MeasurementForm(NLDesignFormMixin, forms.ModelForm):
    class Meta:
        model = LadderMeasurement
        fields = ["date", "rung"]
        widgets = {"date": DATE}


class ZrmForm(NLDesignFormMixin, forms.ModelForm):
    class Meta:
        model = ZrmScore
        fields = ["date", "domain", "score"]
        widgets = {"date": DATE}

    def __init__(self, *args, monitor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domain"].choices = monitor.zrm_choices


class AttendanceForm(NLDesignFormMixin, forms.ModelForm):
    class Meta:
        model = Attendance
        fields = ["activity_type", "date"]
        widgets = {"date": DATE}

    def __init__(self, *args, monitor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity_type"].queryset = monitor.activity_types.all()


class EndReportForm(NLDesignFormMixin, forms.ModelForm):
    class Meta:
        model = Monitor
        fields = ["evaluatie", "aanbevelingen"]
        widgets = {
            "evaluatie": forms.Textarea(attrs={"rows": 8}),
            "aanbevelingen": forms.Textarea(attrs={"rows": 8}),
        }


class FilterForm(NLDesignFormMixin, forms.Form):
    """One group at a time: combined filters would give many more overlapping groups to compare."""

    groep = forms.ChoiceField(label=_("Group"), required=False)

    def __init__(self, *args, views, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["groep"].choices = [(view.key, view.label) for view in views]


class TransferProposalForm(NLDesignFormMixin, forms.Form):
    to_partner = forms.ModelChoiceField(
        label=_("Organisation that should record the participants"),
        queryset=Partner.objects.none(),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The current organisation reads this before it decides."),
    )

    def __init__(self, *args, monitor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_partner"].queryset = Partner.objects.filter(active=True).exclude(
            pk=monitor.partner_id
        )


class TransferDecisionForm(NLDesignFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when you decline."),
    )
