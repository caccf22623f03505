import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from oogst import vague_dates

# Long texts are generous but bounded, so a pasted novel is refused cleanly.
LONG_TEXT_MAX = 20_000


class Programma(models.Model):
    """A programme of the municipal budget, e.g. "Programma 5. Veiligheid"."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["number"]

    def __str__(self):
        return f"Programma {self.number}. {self.name}"


class Portefeuille(models.Model):
    """A portfolio of the college, held by a portefeuillehouder (an alderman or the mayor)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    portefeuillehouder = models.CharField(_("portfolio holder"), max_length=200, blank=True)
    # Policy staff who work for this portfolio: they may draft memos on its motions.
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("staff"), blank=True, related_name="portefeuilles"
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("portfolio")
        verbose_name_plural = _("portfolios")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Partner(models.Model):
    """An organisation the municipality runs pilots with (Vidomes, RIEC, IVN, ...)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Fase(models.TextChoices):
    VOORSTEL = "voorstel", _("Proposal")
    VERKENNING = "verkenning", _("Exploration / feasibility")
    VOORBEREIDING = "voorbereiding", _("Preparation")
    UITVOERING = "uitvoering", _("Execution")
    EVALUATIE = "evaluatie", _("Evaluation")
    AFGEROND = "afgerond", _("Completed")
    NIET_GESTART = "niet_gestart", _("Not started")


class Resultaat(models.TextChoices):
    """What came of a completed pilot."""

    GEBORGD = "geborgd", _("Embedded in regular policy")
    VOORTGEZET = "voortgezet", _("Continued or scaled up")
    GESTOPT = "gestopt", _("Stopped")


class Antwoord(models.TextChoices):
    """The answer to each of the appendix's evaluation questions."""

    JA = "ja", _("Yes")
    DEELS = "deels", _("Partly")
    NEE = "nee", _("No")
    NOG_NIET_BEKEND = "nog_niet_bekend", _("Not yet known")
    NVT = "nvt", _("Not applicable")


_FASE_LABELS = dict(Fase.choices)
_RESULTAAT_LABELS = dict(Resultaat.choices)
_ANTWOORD_LABELS = dict(Antwoord.choices)


class AanleidingSoort(models.TextChoices):
    MOTIE = "motie", _("Council motion")
    RIJKSPROGRAMMA = "rijksprogramma", _("National programme or subsidy")
    EIGEN_INITIATIEF = "eigen_initiatief", _("Own initiative")


class PilotQuerySet(models.QuerySet):
    def for_register(self):
        """Everything the register overview shows, in a fixed number of queries.

        Only the columns the table shows: sorting 2,000 rows with their long texts was a
        third of the page's time on SQLite.
        """
        return self.select_related("programma", "portefeuille", "owner").only(
            "name",
            "slug",
            "fase",
            "resultaat",
            "startdatum",
            "einddatum",
            "evaluatiemoment",
            "succesvol",
            "programma__number",
            "programma__name",
            "portefeuille__name",
            "owner__username",
            "owner__first_name",
            "owner__last_name",
        )

    def search(self, text: str):
        """Ranked full-text search with Dutch stemming (pilots.search: one function)."""
        from .search import search_pilots

        return search_pilots(self, text)


class Pilot(models.Model):
    """One pilot, holding every field of the appendix's form ("Bijlage 6")."""

    VAGUE_DATE_FIELDS = ("startdatum", "einddatum", "evaluatiemoment")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    korte_omschrijving = models.TextField(
        _("short description"), blank=True, max_length=LONG_TEXT_MAX
    )
    programma = models.ForeignKey(
        Programma,
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="pilots",
        null=True,
        blank=True,
    )
    portefeuille = models.ForeignKey(
        Portefeuille,
        verbose_name=_("portfolio"),
        on_delete=models.PROTECT,
        related_name="pilots",
        null=True,
        blank=True,
    )
    doel = models.TextField(_("goal / intended result"), blank=True, max_length=LONG_TEXT_MAX)

    # Dates are kept exactly as written; the interval they mean is derived on save.
    startdatum = models.CharField(_("start date"), max_length=500, blank=True)
    startdatum_start = models.DateField(null=True, editable=False)
    startdatum_end = models.DateField(null=True, editable=False)
    startdatum_precision = models.CharField(max_length=20, editable=False, default="unknown")
    einddatum = models.CharField(_("end date"), max_length=500, blank=True)
    einddatum_start = models.DateField(null=True, editable=False)
    einddatum_end = models.DateField(null=True, editable=False)
    einddatum_precision = models.CharField(max_length=20, editable=False, default="unknown")
    evaluatiemoment = models.CharField(_("evaluation moment"), max_length=500, blank=True)
    evaluatiemoment_start = models.DateField(null=True, editable=False)
    evaluatiemoment_end = models.DateField(null=True, editable=False)
    evaluatiemoment_precision = models.CharField(max_length=20, editable=False, default="unknown")

    uitkomst_evaluatie = models.TextField(
        _("evaluation outcome"), blank=True, max_length=LONG_TEXT_MAX
    )
    succesvol = models.CharField(
        _("Pilot successful? Were the goals/results set in advance achieved?"),
        max_length=20,
        choices=Antwoord.choices,
        blank=True,
    )
    succesvol_toelichting = models.TextField(
        _("explanation (successful)"), blank=True, max_length=LONG_TEXT_MAX
    )
    beleid_aanpassen = models.CharField(
        _("Do the results give reason to adjust existing policy?"),
        max_length=20,
        choices=Antwoord.choices,
        blank=True,
    )
    beleid_aanpassen_toelichting = models.TextField(
        _("explanation (policy)"), blank=True, max_length=LONG_TEXT_MAX
    )
    financieel_gevolg = models.CharField(
        _("Does adjusting the policy have a financial consequence?"),
        max_length=20,
        choices=Antwoord.choices,
        blank=True,
    )
    financieel_gevolg_toelichting = models.TextField(
        _("explanation (financial)"), blank=True, max_length=LONG_TEXT_MAX
    )
    bestuurlijk_gerapporteerd = models.TextField(
        _("How reported to the administration?"), blank=True, max_length=LONG_TEXT_MAX
    )

    fase = models.CharField(_("phase"), max_length=20, choices=Fase.choices, default=Fase.VOORSTEL)
    resultaat = models.CharField(
        _("result"),
        max_length=20,
        choices=Resultaat.choices,
        blank=True,
        help_text=_("Only for a completed pilot: what came of it."),
    )

    aanleiding_soort = models.CharField(
        _("cause"), max_length=20, choices=AanleidingSoort.choices, blank=True
    )
    motienummers = models.CharField(
        _("motion numbers"),
        max_length=300,
        blank=True,
        help_text=_(
            "Council motion numbers as the council writes them, comma-separated, "
            "e.g. 1911-35, 2406-25."
        ),
    )
    aanleiding_toelichting = models.TextField(
        _("cause explained"),
        blank=True,
        max_length=LONG_TEXT_MAX,
        help_text=_("E.g. the national programme or subsidy and the ministry behind it."),
    )
    partners = models.ManyToManyField(
        Partner, verbose_name=_("partners"), related_name="pilots", blank=True
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="owned_pilots",
        null=True,
        blank=True,
    )
    target_participants = models.PositiveIntegerField(
        _("target number of participants"), null=True, blank=True
    )
    budget = models.DecimalField(
        _("budget (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    funding_ends = models.DateField(
        _("funding ends"),
        null=True,
        blank=True,
        help_text=_("The last day the pilot's funding covers, if it ends."),
    )

    # The searchable texts beyond name, description and goal (evaluations, progress updates,
    # lessons, motions), kept in step on save. PostgreSQL derives its stored, GIN-indexed
    # vector in `pilots_search` from it; SQLite's FTS5 table is filled from it (pilots.search).
    search_text = models.TextField(editable=False, blank=True, default="")
    # Optimistic locking: a save of a stale form is refused instead of overwriting.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PilotQuerySet.as_manager()

    class Meta:
        verbose_name = _("pilot")
        verbose_name_plural = _("pilots")
        ordering = ["name"]
        # The register's first page walks this index instead of sorting every pilot.
        indexes = [models.Index(fields=["name"], name="pilot_name_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(resultaat="") | Q(fase=Fase.AFGEROND),
                name="pilot_resultaat_only_when_afgerond",
            ),
            models.CheckConstraint(condition=Q(fase__in=Fase.values), name="pilot_fase_valid"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.name, exclude_pk=self.pk)
        self.interpret_dates()
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)
        from .search import index_pilot

        index_pilot(self)

    def get_absolute_url(self):
        return reverse("pilots:detail", kwargs={"slug": self.slug})

    # Labels for the register's rows. Django's get_FOO_display() hashes every (lazy,
    # translated) choice label on each call: on the register that was 700 translations per
    # page. These look the one label up.
    @property
    def fase_label(self):
        return _FASE_LABELS.get(self.fase, self.fase)

    @property
    def resultaat_label(self):
        return _RESULTAAT_LABELS.get(self.resultaat, self.resultaat)

    @property
    def succesvol_label(self):
        return _ANTWOORD_LABELS.get(self.succesvol, self.succesvol)

    def delete(self, *args, **kwargs):
        from .search import unindex_pilot

        pk = self.pk
        result = super().delete(*args, **kwargs)
        unindex_pilot(pk)
        return result

    def interpret_dates(self) -> None:
        """Derive each vague date's interval from its text (the text is what counts)."""
        for field in self.VAGUE_DATE_FIELDS:
            parsed = vague_dates.parse(getattr(self, field))
            setattr(self, f"{field}_start", parsed.start)
            setattr(self, f"{field}_end", parsed.end)
            setattr(self, f"{field}_precision", parsed.precision)

    def vague_date(self, field: str) -> vague_dates.VagueDate:
        return vague_dates.parse(getattr(self, field))

    def build_search_text(self) -> str:
        """The texts searched besides name, description and goal (those are weighted higher)."""
        parts = [
            self.uitkomst_evaluatie,
            self.succesvol_toelichting,
            self.beleid_aanpassen_toelichting,
            self.financieel_gevolg_toelichting,
            self.bestuurlijk_gerapporteerd,
        ]
        if self.pk:
            parts.extend(self.status_updates.values_list("title", "text").iterator())
            parts.extend(self.lessons.values_list("text", flat=True).iterator())
            # Motions live in their own app (which knows pilots); the reverse relation is
            # there when that app is installed.
            motions = getattr(self, "motions", None)
            if motions is not None:
                parts.extend(motions.values_list("nummer", "titel", "dictum").iterator())
        return "\n".join(_flatten(parts))

    @property
    def motion_numbers(self) -> list[str]:
        return [n.strip() for n in self.motienummers.split(",") if n.strip()]

    @property
    def evaluation_questions(self):
        """The appendix's three questions as (label, answer label, explanation)."""
        return [
            (
                self._meta.get_field(name).verbose_name,
                getattr(self, f"get_{name}_display")(),
                getattr(self, f"{name}_toelichting"),
            )
            for name in ("succesvol", "beleid_aanpassen", "financieel_gevolg")
        ]


def _flatten(parts):
    for part in parts:
        if isinstance(part, tuple | list):
            yield from (p for p in part if p)
        elif part:
            yield part


def unique_slug(name: str, *, exclude_pk=None) -> str:
    base = slugify(name)[:200] or "pilot"
    slug, n = base, 2
    while Pilot.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


class StatusUpdate(models.Model):
    """A dated "stand van zaken" update written by the pilot's owner."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="status_updates")
    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_("Empty for updates carried over from an appendix without a date."),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    text = models.TextField(_("text"), max_length=LONG_TEXT_MAX)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        # Newest first; undated (carried-over) updates after the dated ones.
        ordering = [models.F("date").desc(nulls_last=True), "-created_at", "-id"]

    def __str__(self):
        return self.title or self.text[:60]


class ImportKind(models.TextChoices):
    APPENDIX = "bijlage", _("Appendix (Word)")
    PILOTS = "pilots", _("Pilots (spreadsheet)")
    MOTIONS = "moties", _("Motions (spreadsheet)")


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Being read")
    READY = "ready", _("Ready to confirm")
    FAILED = "failed", _("Refused")
    APPLIED = "applied", _("Imported")


class ImportJob(models.Model):
    """An uploaded file on its way in: stored as uploaded, read in the background, shown as a
    preview, and written only when the coordinator confirms."""

    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    file_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    content = models.BinaryField()
    # What the file says and how Oogst reads it, per pilot or row: shown, then applied.
    preview = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # When the reading was last handed to the worker: the upload, or a retry of a stalled one.
    queued_at = models.DateTimeField(default=timezone.now)
    applied_at = models.DateTimeField(null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    result = models.JSONField(null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ImportStatus.values), name="import_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ImportKind.values), name="import_kind_valid"
            ),
        ]

    def __str__(self):
        return self.file_name

    def get_absolute_url(self):
        return reverse("pilots:import_detail", kwargs={"pk": self.pk})

    # The job's states as the pages and services ask them; templates never compare strings.
    @property
    def is_pending(self) -> bool:
        return self.status == ImportStatus.PENDING

    @property
    def is_stalled(self) -> bool:
        """Still unread long after it was queued: no worker took it, or the worker stopped."""
        limit = datetime.timedelta(minutes=settings.OOGST_IMPORT_TIMEOUT_MINUTES)
        return self.is_pending and timezone.now() - self.queued_at > limit

    @property
    def is_failed(self) -> bool:
        return self.status == ImportStatus.FAILED

    @property
    def is_applied(self) -> bool:
        return self.status == ImportStatus.APPLIED

    @property
    def can_be_confirmed(self) -> bool:
        """Read without error and not yet written: the coordinator may confirm it."""
        return self.status == ImportStatus.READY


class Thema(models.Model):
    """A theme lessons are tagged with, e.g. "samenwerking met partners" (a reference list)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self):
        return self.name


class LessonKind(models.TextChoices):
    WERKTE = "werkte", _("What worked")
    WERKTE_NIET = "werkte_niet", _("What did not work")
    AANBEVELING = "aanbeveling", _("Recommendation")


class Lesson(models.Model):
    """A lesson the owner draws from a pilot, tagged with themes for the harvest page."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="lessons")
    kind = models.CharField(_("kind of lesson"), max_length=20, choices=LessonKind.choices)
    text = models.TextField(_("lesson"), max_length=LONG_TEXT_MAX)
    themes = models.ManyToManyField(
        Thema, verbose_name=_("themes"), related_name="lessons", blank=True
    )
    decision = models.CharField(
        _("led to the decision"),
        max_length=20,
        choices=Resultaat.choices,
        blank=True,
        help_text=_("Optional: the decision on the pilot this lesson led to."),
    )
    policy_change = models.BooleanField(
        _("led to the policy change"),
        default=False,
        help_text=_("The lesson is behind the policy change the pilot gives reason for."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=LessonKind.values), name="lesson_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(decision="") | Q(decision__in=Resultaat.values),
                name="lesson_decision_valid",
            ),
        ]

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        return reverse("pilots:edit_lesson", kwargs={"slug": self.pilot.slug, "pk": self.pk})

    def get_additional_data(self):
        # Kept with every history entry, so the pilot's history finds a deleted lesson too.
        return {"pilot": self.pilot_id}


# Figures (indicator values, euros) are Decimals from zero up to a bound no pilot reaches, so
# a slip of the keyboard ("80000000000") is refused rather than printed in the appendix.
MAX_FIGURE = Decimal("999999999999.99")
MAX_FIGURE_TEXT = "999.999.999.999,99"
FIGURE_DIGITS = {"max_digits": 14, "decimal_places": 2}


def _figure_validators():
    return [MinValueValidator(Decimal(0)), MaxValueValidator(MAX_FIGURE)]


class Direction(models.TextChoices):
    HIGHER = "hoger", _("Higher is better")
    LOWER = "lager", _("Lower is better")


class Indicator(models.Model):
    """A measurable result of a pilot: from a baseline to a target, with measurements between."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(
        _("unit"), max_length=50, blank=True, help_text=_('E.g. "woningen", "adviezen", "%".')
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    baseline = models.DecimalField(
        _("baseline"), null=True, blank=True, validators=_figure_validators(), **FIGURE_DIGITS
    )
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    target = models.DecimalField(
        _("target"), null=True, blank=True, validators=_figure_validators(), **FIGURE_DIGITS
    )
    # As written ("eind 2027"); the interval it means is derived on save.
    target_date = models.CharField(
        _("target date"),
        max_length=100,
        blank=True,
        help_text=_('A date as you would write it: "31-12-2026", "eind 2027", "Q2 2026".'),
    )
    target_date_start = models.DateField(null=True, editable=False)
    target_date_end = models.DateField(null=True, editable=False)
    target_date_precision = models.CharField(max_length=20, editable=False, default="unknown")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["pilot", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(direction__in=Direction.values), name="indicator_direction_valid"
            ),
            models.CheckConstraint(
                condition=Q(baseline__isnull=True) | Q(baseline__gte=0),
                name="indicator_baseline_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(target__isnull=True) | Q(target__gte=0),
                name="indicator_target_not_negative",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        parsed = vague_dates.parse(self.target_date)
        self.target_date_start, self.target_date_end = parsed.start, parsed.end
        self.target_date_precision = parsed.precision
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("pilots:edit_indicator", kwargs={"slug": self.pilot.slug, "pk": self.pk})

    def get_additional_data(self):
        # Kept with every history entry, so the pilot's history finds a deleted indicator.
        return {"pilot": self.pilot_id}

    @property
    def direction_label(self):
        return dict(Direction.choices).get(self.direction, self.direction)

    def vague_target_date(self) -> vague_dates.VagueDate:
        return vague_dates.parse(self.target_date)

    def latest(self):
        """The most recent measurement (by date), from prefetched measurements when there."""
        measurements = list(self.measurements.all())
        return max(measurements, key=lambda m: (m.date, m.pk)) if measurements else None

    def progress(self, value=None) -> int | None:
        """How far `value` (default: the latest measurement) is from baseline to target, in
        whole percent (0-100); None when baseline, target or a measurement is missing."""
        if value is None:
            latest = self.latest()
            value = latest.value if latest else None
        if value is None or self.baseline is None or self.target is None:
            return None
        span = self.target - self.baseline
        if span == 0:
            return 100
        share = (value - self.baseline) / span
        return int(max(Decimal(0), min(Decimal(1), share)) * 100)

    def clean(self):
        super().clean()
        if (
            self.baseline is not None
            and self.target is not None
            and self.baseline != self.target
            and (self.target > self.baseline) != (self.direction == Direction.HIGHER)
        ):
            raise ValidationError(
                {
                    "target": _(
                        "The target lies on the wrong side of the baseline for the direction "
                        "chosen."
                    )
                }
            )


class Measurement(models.Model):
    """A value of an indicator on a date, with where it comes from."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    value = models.DecimalField(_("value"), validators=_figure_validators(), **FIGURE_DIGITS)
    date = models.DateField(_("date"))
    source = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("Where the figure comes from.")
    )
    note = models.TextField(_("note"), blank=True, max_length=2000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=0), name="measurement_value_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.date})"

    def get_additional_data(self):
        return {"pilot": self.indicator.pilot_id, "indicator": self.indicator_id}

    def clean(self):
        super().clean()
        if self.date is None:
            return
        if self.date > timezone.localdate():
            raise ValidationError({"date": _("A measurement cannot be dated in the future.")})
        baseline_date = self.indicator.baseline_date if self.indicator_id else None
        if baseline_date and self.date < baseline_date:
            raise ValidationError(
                {
                    "date": _("A measurement cannot be dated before the baseline (%(date)s).")
                    % {"date": baseline_date.strftime("%d-%m-%Y")}
                }
            )


class FundingKind(models.TextChoices):
    EIGEN_MIDDELEN = "eigen_middelen", _("Own municipal funds")
    RIJKSMIDDELEN = "incidentele_rijksmiddelen", _("One-off national funds")
    SUBSIDIE = "subsidie", _("Subsidy")
    FONDS = "fonds", _("Fund")


class FundingNature(models.TextChoices):
    STRUCTUREEL = "structureel", _("Structural")
    INCIDENTEEL = "incidenteel", _("One-off")


class BudgetLine(models.Model):
    """Money for a pilot from one source: budgeted and spent, in euros."""

    NAMED_KINDS = (FundingKind.SUBSIDIE, FundingKind.FONDS)

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="budget_lines")
    description = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “vervolg 2025”; optional."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Empty when the amount covers several years."),
    )
    begroot = models.DecimalField(
        _("budgeted (EUR)"),
        null=True,
        blank=True,
        validators=_figure_validators(),
        **FIGURE_DIGITS,
    )
    besteed = models.DecimalField(
        _("spent (EUR)"), null=True, blank=True, validators=_figure_validators(), **FIGURE_DIGITS
    )
    # Empty when the source does not say (the seed appendix gives amounts without a source).
    funding_kind = models.CharField(
        _("funding source"), max_length=30, choices=FundingKind.choices, blank=True
    )
    funder = models.CharField(
        _("provider or fund"),
        max_length=200,
        blank=True,
        help_text=_("Who gives the subsidy, or which fund, e.g. “Sociaal Innovatiefonds”."),
    )
    nature = models.CharField(
        _("structural or one-off"), max_length=20, choices=FundingNature.choices, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["pilot", "year", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(funding_kind="") | Q(funding_kind__in=FundingKind.values),
                name="budget_line_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(nature="") | Q(nature__in=FundingNature.values),
                name="budget_line_nature_valid",
            ),
            models.CheckConstraint(
                condition=(Q(begroot__isnull=True) | Q(begroot__gte=0))
                & (Q(besteed__isnull=True) | Q(besteed__gte=0)),
                name="budget_line_amounts_not_negative",
            ),
        ]

    def __str__(self):
        return self.source_label

    def get_additional_data(self):
        return {"pilot": self.pilot_id}

    @property
    def source_label(self) -> str:
        if not self.funding_kind:
            return self.funder or str(_("Source not stated"))
        label = str(dict(FundingKind.choices).get(self.funding_kind, self.funding_kind))
        return f"{label} ({self.funder})" if self.funder else label

    @property
    def unspent(self):
        if self.begroot is None or self.besteed is None:
            return None
        return self.begroot - self.besteed

    def clean(self):
        super().clean()
        if self.funding_kind in self.NAMED_KINDS and not self.funder.strip():
            raise ValidationError({"funder": _("Name the subsidy provider or the fund.")})
        if self.begroot is None and self.besteed is None:
            raise ValidationError(_("Give an amount budgeted, spent, or both."))
