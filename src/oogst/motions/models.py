import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from oogst import vague_dates
from oogst.pilots.models import Pilot, Portefeuille, Programma

# As the council writes them: "2411-62", "21-0642", "2111-03A" for an amended motion.
MOTION_NUMBER = re.compile(r"^\d{2,4}-\d{1,4}[A-Z]?$")


def validate_motion_number(value):
    if not MOTION_NUMBER.match(value):
        raise ValidationError(
            _("Write the motion number as the council does, e.g. 2411-62 or 2111-03A.")
        )


class MotionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_BEHANDELING = "in_behandeling", _("In progress")
    AANGEHOUDEN = "aangehouden", _("Held over")
    AFDOENINGSVOORSTEL = "afdoeningsvoorstel", _("Proposed as handled")
    AFGEDAAN = "afgedaan", _("Handled (afgedaan)")
    INGETROKKEN = "ingetrokken", _("Withdrawn")


# Statuses in which the college's work on a motion is over; only these may be archived.
CLOSED_STATUSES = (MotionStatus.AFGEDAAN, MotionStatus.INGETROKKEN)


class MotionQuerySet(models.QuerySet):
    def current(self):
        """Not archived: what the griffie's lists show unless asked for the archive."""
        return self.filter(archived_at__isnull=True)

    def archived(self):
        return self.filter(archived_at__isnull=False)

    def not_handled(self):
        return self.exclude(status__in=[MotionStatus.AFGEDAAN, MotionStatus.INGETROKKEN])

    def overdue(self, today=None):
        """Past their deadline and not afgedaan; motions without a deadline never are."""
        today = today or timezone.localdate()
        return self.not_handled().filter(deadline_end__lt=today)


class Motion(models.Model):
    """A council motion asking the college to act."""

    nummer = models.CharField(
        _("number"), max_length=20, unique=True, validators=[validate_motion_number]
    )
    titel = models.CharField(_("title"), max_length=300)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    meeting = models.CharField(_("council meeting"), max_length=200, blank=True)
    vote_result = models.CharField(
        _("vote result"), max_length=200, blank=True, help_text=_("Leave empty when unknown.")
    )
    indieners = models.TextField(
        _("submitted by"), blank=True, max_length=5000, help_text=_("One per line: name (party).")
    )
    dictum = models.TextField(_("dictum / request"), blank=True, max_length=20_000)
    deadline = models.CharField(
        _("deadline"),
        max_length=200,
        blank=True,
        help_text=_('As the motion says it, e.g. "voor 1 juni 2025". Empty: no deadline.'),
    )
    deadline_start = models.DateField(null=True, editable=False)
    deadline_end = models.DateField(null=True, editable=False)
    deadline_precision = models.CharField(max_length=20, editable=False, default="unknown")
    programma = models.ForeignKey(
        Programma,
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="motions",
    )
    portefeuille = models.ForeignKey(
        Portefeuille,
        verbose_name=_("portfolio"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="motions",
    )
    contact_naam = models.CharField(_("official: name"), max_length=200, blank=True)
    contact_telefoon = models.CharField(_("official: telephone"), max_length=50, blank=True)
    contact_email = models.EmailField(_("official: e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=30, choices=MotionStatus.choices, default=MotionStatus.OPEN
    )
    pilots = models.ManyToManyField(
        Pilot, verbose_name=_("pilots"), related_name="motions", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # A handled or withdrawn motion leaves the lists but keeps its decision, memo and history;
    # the alternative to deleting a motion that is part of the record.
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True, editable=False)
    # Optimistic locking, as for pilots: a save from a stale form is refused (services.py).
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = MotionQuerySet.as_manager()

    class Meta:
        verbose_name = _("motion")
        verbose_name_plural = _("motions")
        ordering = ["-nummer"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=MotionStatus.values), name="motion_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.nummer} {self.titel}"

    def save(self, *args, **kwargs):
        parsed = vague_dates.parse(self.deadline)
        # "voor 1 juni 2025" has only an end; that end is the deadline.
        self.deadline_start, self.deadline_end = parsed.start, parsed.end
        self.deadline_precision = parsed.precision
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("motions:detail", kwargs={"nummer": self.nummer})

    @property
    def deadline_parsed(self):
        return vague_dates.parse(self.deadline)

    # --- transitions: services call these, templates ask them ------------------------------

    @property
    def is_closed(self) -> bool:
        """Handled (afgedaan) or withdrawn: the college's work on it is over."""
        return self.status in CLOSED_STATUSES

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def may_be_proposed(self) -> bool:
        """May go on an afdoeningsronde as proposed to be handled."""
        return not self.is_closed and not self.is_archived

    def may_be_archived(self) -> bool:
        return self.is_closed and not self.is_archived

    def may_be_unarchived(self) -> bool:
        return self.is_archived

    def move_refused_because(self, new: str, *, council_agreed: bool, records_council: bool) -> str:
        """Why this motion may not move to status `new` ("" when it may).

        Afgedaan follows the council's agreement to an afdoeningsvoorstel (`council_agreed`);
        without one only who records the council's decisions (`records_council`: the griffie)
        may set it.
        """
        if new not in MotionStatus.values:
            return str(_("Unknown status."))
        if self.is_archived:
            return str(_("This motion is archived; take it out of the archive first."))
        if new == MotionStatus.AFGEDAAN and not (council_agreed or records_council):
            return str(
                _(
                    "A motion is afgedaan only after the council agreed to an afdoeningsvoorstel. "
                    "Record the decision in an afdoeningsronde, or ask the griffie."
                )
            )
        return ""


class MotionDocument(models.Model):
    """A document of the motion, linked where it lives (the council information system)."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), max_length=1000)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["pk"]

    def __str__(self):
        return self.title


class Afdoeningsronde(models.Model):
    """One of the three yearly rounds in which the council handles motions."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    date = models.DateField(_("council meeting date"))

    class Meta:
        verbose_name = _("handling round")
        verbose_name_plural = _("handling rounds")
        ordering = ["-date"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("motions:afdoeningsronde", kwargs={"pk": self.pk})

    def meeting_held(self, today=None) -> bool:
        """A decision is recorded for a meeting that took place, not one still to come."""
        return self.date <= (today or timezone.localdate())


class Decision(models.TextChoices):
    PENDING = "", _("Not yet decided")
    AKKOORD = "akkoord", _("Agreed")
    NIET_AKKOORD = "niet_akkoord", _("Not agreed")


class Afdoeningsvoorstel(models.Model):
    """The college proposes to the council that a motion is handled."""

    ronde = models.ForeignKey(Afdoeningsronde, on_delete=models.PROTECT, related_name="voorstellen")
    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="voorstellen")
    decision = models.CharField(
        _("council decision"), max_length=20, blank=True, choices=Decision.choices
    )
    decision_reason = models.TextField(_("reason"), blank=True, max_length=5000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ronde", "motion"], name="one_voorstel_per_ronde"),
        ]

    def __str__(self):
        return f"{self.ronde}: {self.motion.nummer}"


class Memo(models.Model):
    """The council memo on a motion's handling, in the structure of the seed memo."""

    motion = models.OneToOneField(Motion, on_delete=models.CASCADE, related_name="memo")
    reference = models.CharField(
        _("reference number"), max_length=50, blank=True, help_text=_("E.g. 2025-065916.")
    )
    onderwerp = models.CharField(_("subject"), max_length=300)
    bijlagen = models.CharField(_("attachments"), max_length=300, blank=True)
    aanleiding = models.TextField(_("cause"), blank=True, max_length=20_000)
    achtergrond = models.TextField(_("background"), blank=True, max_length=20_000)
    conclusie = models.TextField(_("conclusion"), blank=True, max_length=20_000)
    contact_naam = models.CharField(_("name"), max_length=200, blank=True)
    contact_telefoon = models.CharField(_("telephone"), max_length=50, blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("memo")
        verbose_name_plural = _("memos")

    def __str__(self):
        return self.onderwerp


class MemoSection(models.Model):
    """A further section the author adds between Achtergrond and Conclusie."""

    memo = models.ForeignKey(Memo, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), max_length=20_000)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title
