"""Participant progress monitoring: pseudonymous records kept by partner organisations.

Privacy by design: a pilot switches on only the personal fields it needs, municipal users see
aggregates only (see disclosure.py), every look at a record is logged, and records are anonymised
on request or when the retention period ends.
"""

import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

# Personal fields a pilot may switch on. Everything else about a participant is pseudonymous.
PERSONAL_FIELDS = ["naam", "contact", "geboortejaar", "bsn", "nationaliteit", "verblijfsstatus"]


def empty_value(name: str):
    """What a personal field holds when it holds nothing (the year is a number)."""
    return None if name == "geboortejaar" else ""


class LadderRung(models.IntegerChoices):
    """The six standard rungs of the Participatieladder."""

    GEISOLEERD = 1, _("1. Isolated")
    SOCIALE_CONTACTEN = 2, _("2. Social contacts outside the home")
    GEORGANISEERDE_ACTIVITEITEN = 3, _("3. Taking part in organised activities")
    ONBETAALD_WERK = 4, _("4. Unpaid work")
    BETAALD_WERK_MET_ONDERSTEUNING = 5, _("5. Paid work with support")
    BETAALD_WERK = 6, _("6. Paid work")


class ZrmDomain(models.TextChoices):
    """The thirteen domains of the Zelfredzaamheidsmatrix (ZRM 2017)."""

    FINANCIEN = "financien", _("Finances")
    WERK_OPLEIDING = "werk_opleiding", _("Work and education")
    TIJDSBESTEDING = "tijdsbesteding", _("Use of time")
    HUISVESTING = "huisvesting", _("Housing")
    HUISELIJKE_RELATIES = "huiselijke_relaties", _("Domestic relations")
    GEESTELIJKE_GEZONDHEID = "geestelijke_gezondheid", _("Mental health")
    LICHAMELIJKE_GEZONDHEID = "lichamelijke_gezondheid", _("Physical health")
    MIDDELENGEBRUIK = "middelengebruik", _("Substance use")
    BASALE_ADL = "basale_adl", _("Basic activities of daily living")
    INSTRUMENTELE_ADL = "instrumentele_adl", _("Instrumental activities of daily living")
    SOCIAAL_NETWERK = "sociaal_netwerk", _("Social network")
    MAATSCHAPPELIJKE_PARTICIPATIE = "maatschappelijke_participatie", _("Social participation")
    JUSTITIE = "justitie", _("Justice")


class Outcome(models.TextChoices):
    """Where a participant went on leaving the pilot."""

    VRIJWILLIGERSWERK = "vrijwilligerswerk", _("Volunteering")
    OPLEIDING = "opleiding", _("Education")
    BETAALD_WERK = "betaald_werk", _("Paid work")
    ANDERS = "anders", _("Other")
    UITGEVALLEN = "uitgevallen", _("Dropped out")


# The PiëzoMethodiek's five phases, offered as a ready set when a pilot sets up its phases.
PIEZO_PHASES = [
    (0, "Activering (huisbezoek)"),
    (1, "Activiteit in een veilige omgeving vanuit talent"),
    (2, "Vrijwilligerswerk als leerervaring in een veilige omgeving"),
    (3, "Vrijwilligerswerk als leerervaring bij partnerorganisaties"),
    (4, "Toeleiding naar opleiding of regulier werk"),
]
DEFAULT_ACTIVITY_TYPES = [
    "Taalles",
    "Vaardigheidstraining",
    "Sociale activiteit",
    "Individuele begeleiding",
]


class Monitor(models.Model):
    """A pilot's participant monitoring: who runs it, what it may record, its target."""

    pilot = models.OneToOneField(
        "pilots.Pilot", on_delete=models.CASCADE, related_name="monitor", verbose_name=_("pilot")
    )
    partner = models.ForeignKey(
        "pilots.Partner",
        on_delete=models.PROTECT,
        related_name="monitors",
        verbose_name=_("partner organisation that records participants"),
    )
    target = models.PositiveIntegerField(_("target number of participants"), null=True, blank=True)
    code_prefix = models.CharField(
        _("code prefix"),
        max_length=6,
        help_text=_("Letters that start every participant code of this pilot, e.g. PZ."),
    )
    # Data minimisation: every personal field is off unless the pilot needs it.
    collect_naam = models.BooleanField(_("record name"), default=False)
    collect_contact = models.BooleanField(_("record contact details"), default=False)
    collect_geboortejaar = models.BooleanField(_("record year of birth"), default=False)
    collect_bsn = models.BooleanField(_("record BSN"), default=False)
    collect_nationaliteit = models.BooleanField(_("record nationality"), default=False)
    collect_verblijfsstatus = models.BooleanField(_("record residence status"), default=False)
    # The Dutch DPA warned against collecting every ZRM domain by default: none unless named.
    zrm_domains = models.JSONField(_("self-sufficiency matrix domains"), default=list, blank=True)
    evaluatie = models.TextField(_("evaluation"), blank=True, max_length=20_000)
    aanbevelingen = models.TextField(_("recommendations"), blank=True, max_length=20_000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("participant monitoring")
        verbose_name_plural = _("participant monitoring")

    def __str__(self):
        return str(self.pilot)

    def clean(self):
        unknown = set(self.zrm_domains or []) - set(ZrmDomain.values)
        if unknown:
            raise ValidationError({"zrm_domains": _("Unknown domain: %s") % ", ".join(unknown)})

    @property
    def personal_fields(self) -> list[str]:
        return [name for name in PERSONAL_FIELDS if getattr(self, f"collect_{name}")]

    @property
    def zrm_choices(self):
        return [(value, label) for value, label in ZrmDomain.choices if value in self.zrm_domains]

    def new_code(self) -> str:
        """A random code that says nothing about the person: prefix and 6 unambiguous characters."""
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        while True:
            code = f"{self.code_prefix}-" + "".join(secrets.choice(alphabet) for _ in range(6))
            if not Participant.objects.filter(code=code).exists():
                return code


class Phase(models.Model):
    """A step of the pilot's own trajectory."""

    monitor = models.ForeignKey(Monitor, on_delete=models.CASCADE, related_name="phases")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["monitor", "number"]
        constraints = [
            models.UniqueConstraint(fields=["monitor", "number"], name="phase_number_unique")
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"

    def get_additional_data(self):
        """Ties this phase's history to its monitor's, also after the phase is deleted."""
        return {"monitor": self.monitor_id}


class ActivityType(models.Model):
    monitor = models.ForeignKey(Monitor, on_delete=models.CASCADE, related_name="activity_types")
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("kind of activity")
        verbose_name_plural = _("kinds of activity")
        ordering = ["monitor", "name"]
        constraints = [
            models.UniqueConstraint(fields=["monitor", "name"], name="activity_type_unique")
        ]

    def __str__(self):
        return self.name

    def get_additional_data(self):
        return {"monitor": self.monitor_id}


class TransferStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    WITHDRAWN = "withdrawn", _("withdrawn")


class MonitorTransfer(models.Model):
    """A proposal to let another organisation record a monitor's participants, and its outcome.

    Records are personal data held by the organisation that recorded them: they move only when
    that organisation's staff accept. Every step stays here (who, when, from, to, why).
    """

    monitor = models.ForeignKey(Monitor, on_delete=models.CASCADE, related_name="transfers")
    from_partner = models.ForeignKey(
        "pilots.Partner",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("from organisation"),
    )
    to_partner = models.ForeignKey(
        "pilots.Partner",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("to organisation"),
    )
    reason = models.TextField(_("reason"), max_length=2_000)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=TransferStatus.choices,
        default=TransferStatus.PROPOSED,
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True, max_length=2_000)
    records_moved = models.PositiveIntegerField(_("records moved"), default=0)

    class Meta:
        verbose_name = _("transfer of participant records")
        verbose_name_plural = _("transfers of participant records")
        ordering = ["-proposed_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["monitor"],
                condition=Q(status="proposed"),
                name="one_open_transfer_per_monitor",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["proposed", "accepted", "declined", "withdrawn"]),
                name="transfer_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.monitor}: {self.from_partner} → {self.to_partner}"

    @property
    def is_open(self) -> bool:
        return self.status == TransferStatus.PROPOSED


class ParticipantQuerySet(models.QuerySet):
    def identifiable(self):
        """Records that still belong to a known person; anonymised rows only feed aggregates."""
        return self.filter(anonymised_at__isnull=True)

    def for_partner_user(self, user):
        return self.identifiable().filter(monitor__partner_id=user.partner_id)


class Participant(models.Model):
    monitor = models.ForeignKey(Monitor, on_delete=models.PROTECT, related_name="participants")
    # Null once anonymised: the code is what links a record to a person at the partner.
    code = models.CharField(_("code"), max_length=20, unique=True, null=True, blank=True)
    start_date = models.DateField(_("start date"))
    naam = models.CharField(_("name"), max_length=200, blank=True)
    contact = models.CharField(_("contact details"), max_length=300, blank=True)
    geboortejaar = models.PositiveSmallIntegerField(
        _("year of birth"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    nationaliteit = models.CharField(_("nationality"), max_length=100, blank=True)
    verblijfsstatus = models.CharField(_("residence status"), max_length=100, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=5_000)
    exit_date = models.DateField(_("exit date"), null=True, blank=True)
    exit_outcome = models.CharField(
        _("outcome at exit"), max_length=20, choices=Outcome.choices, blank=True
    )
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)
    anonymised_reason = models.CharField(max_length=40, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # The only link from the access log to this record; cleared on anonymisation, so the log
    # keeps what happened but can no longer be joined to the anonymised row.
    log_key = models.UUIDField(null=True, unique=True, editable=False, default=uuid.uuid4)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["monitor", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(exit_outcome="") | Q(exit_date__isnull=False),
                name="participant_outcome_has_exit_date",
            ),
            models.CheckConstraint(
                condition=Q(exit_outcome__in=[*Outcome.values, ""]),
                name="participant_outcome_valid",
            ),
        ]

    def __str__(self):
        return self.code or str(_("anonymised participant"))

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None

    @property
    def current_phase(self):
        """The phase of the latest step; uses prefetched steps (with their phase) when given."""
        steps = list(self.steps.all())
        return steps[-1].phase if steps else None

    def clean(self):
        if self.exit_outcome and not self.exit_date:
            raise ValidationError({"exit_date": _("Give the date the participant left.")})
        if self.exit_date and not self.exit_outcome:
            raise ValidationError({"exit_outcome": _("Choose where the participant went.")})
        if self.exit_date and self.start_date and self.exit_date < self.start_date:
            raise ValidationError({"exit_date": _("The exit date is before the start date.")})
        if self.pk and self.start_date:
            first = self.steps.order_by("date").values_list("date", flat=True).first()
            if first and first < self.start_date:
                raise ValidationError(
                    {
                        "start_date": _(
                            "The participant entered a phase on %(date)s, before this start date."
                        )
                        % {"date": date_format(first, "j F Y")}
                    }
                )


class PhaseStep(models.Model):
    """The participant entered this phase on this date (people may enter or leave in any phase)."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="steps")
    phase = models.ForeignKey(
        Phase, on_delete=models.PROTECT, related_name="steps", verbose_name=_("phase")
    )
    date = models.DateField(_("date"))

    class Meta:
        verbose_name = _("phase step")
        verbose_name_plural = _("phase steps")
        ordering = ["participant", "date", "id"]

    def __str__(self):
        return f"{self.date}: {self.phase}"

    def clean(self):
        # Nobody enters a phase of a programme before they joined it.
        participant = self.participant if self.participant_id else None
        if participant and self.date and self.date < participant.start_date:
            raise ValidationError(
                {
                    "date": _("The phase cannot start before the participant did (%(date)s).")
                    % {"date": date_format(participant.start_date, "j F Y")}
                }
            )


class LadderMeasurement(models.Model):
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="ladder_measurements"
    )
    date = models.DateField(_("date"))
    rung = models.PositiveSmallIntegerField(_("rung"), choices=LadderRung.choices)

    class Meta:
        verbose_name = _("Participatieladder measurement")
        verbose_name_plural = _("Participatieladder measurements")
        ordering = ["participant", "date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rung__gte=1, rung__lte=6), name="ladder_rung_in_range"
            )
        ]

    def __str__(self):
        return f"{self.date}: {self.get_rung_display()}"


class ZrmScore(models.Model):
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="zrm_scores"
    )
    date = models.DateField(_("date"))
    domain = models.CharField(_("domain"), max_length=40, choices=ZrmDomain.choices)
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("self-sufficiency score")
        verbose_name_plural = _("self-sufficiency scores")
        ordering = ["participant", "date", "domain"]
        constraints = [
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="zrm_score_1_5")
        ]

    def __str__(self):
        return f"{self.date}: {self.get_domain_display()} {self.score}"


class Attendance(models.Model):
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="attendances"
    )
    activity_type = models.ForeignKey(
        ActivityType,
        on_delete=models.PROTECT,
        related_name="attendances",
        verbose_name=_("activity"),
    )
    date = models.DateField(_("date"))

    class Meta:
        verbose_name = _("activity attended")
        verbose_name_plural = _("activities attended")
        ordering = ["participant", "date", "id"]

    def __str__(self):
        return f"{self.date}: {self.activity_type}"


class AccessAction(models.TextChoices):
    VIEW = "view", _("viewed")
    CREATE = "create", _("created")
    UPDATE = "update", _("changed")
    EXPORT = "export", _("exported")
    ERASE = "erase", _("erased")
    ANONYMISE = "anonymise", _("anonymised (retention period)")
    TRANSFER = "transfer", _("handed over to another organisation")


class AccessReason(models.TextChoices):
    BEGELEIDING = "begeleiding", _("Guidance of the participant")
    REGISTRATIE = "registratie", _("Recording progress")
    INZAGEVERZOEK = "inzageverzoek", _("Request for access (AVG art. 15)")
    VERWIJDERVERZOEK = "verwijderverzoek", _("Request for erasure (AVG art. 17)")
    CORRECTIE = "correctie", _("Correction")
    BEWAARTERMIJN = "bewaartermijn", _("Retention period ended")
    OVERDRACHT = "overdracht", _("Transfer to another organisation")


class AccessLogQuerySet(models.QuerySet):
    def for_participant(self, participant):
        if participant.log_key is None:
            return self.none()
        return self.filter(subject_key=participant.log_key)

    def update(self, **kwargs):
        raise PermissionError("The access log cannot be changed.")

    def delete(self):
        raise PermissionError("The access log cannot be changed.")


class AccessLogEntry(models.Model):
    """Who looked at or changed which participant record, when and why. Append-only."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    # The participant's log key and code as they were. The log outlives anonymisation, but
    # the key is cleared from the record then, so nothing joins the log to the anonymised row.
    subject_key = models.UUIDField(null=True, blank=True, db_index=True, editable=False)
    participant_code = models.CharField(_("participant"), max_length=20)
    partner = models.ForeignKey(
        "pilots.Partner", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    pilot = models.ForeignKey(
        "pilots.Pilot", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    action = models.CharField(_("action"), max_length=20, choices=AccessAction.choices)
    reason = models.CharField(_("why"), max_length=30, choices=AccessReason.choices)
    detail = models.CharField(_("detail"), max_length=200, blank=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.user}: {self.action} {self.participant_code}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The access log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The access log cannot be changed.")
