import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from oogst.core import permissions
from oogst.pilots.models import Fase, Pilot

DEFAULT_APPENDIX_TITLE = "Bijlage 6. Monitoring evaluatie Pilots"
DEFAULT_INLEIDING = (
    "Deze bijlage geeft een overzicht van alle recent afgeronde en lopende pilots die bij de "
    "gemeente lopen. De nadruk ligt op de evaluatie van deze pilots en, indien van toepassing, "
    "de gevolgen van deze evaluatie.\n\n"
    "Deze bijlage is een uitvloeisel van raadsmotie 21-0642, Oogst van de pilots en wordt twee "
    "keer per jaar geactualiseerd (en opgenomen in perspectiefnota en programmabegroting)."
)


class RoundKind(models.TextChoices):
    PERSPECTIEFNOTA = "perspectiefnota", _("Perspectiefnota")
    PROGRAMMABEGROTING = "programmabegroting", _("Programmabegroting")
    JAARREKENING = "jaarrekening", _("Jaarrekening")
    VOORTGANGSRAPPORTAGE = "voortgangsrapportage", _("Voortgangsrapportage")


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Open")
    VASTGESTELD = "vastgesteld", _("Frozen")


class AppendixOrder(models.TextChoices):
    PROGRAMMA = "programma", _("Programme, then name")
    NAAM = "naam", _("Name")


class RoundQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Rounds `user` may see (core.permissions: concepts only for who works on them)."""
        if permissions.can(user, "round.view_concepts"):
            return self
        if permissions.can(user, "pilot.view"):
            return self.filter(published=True)
        return self.none()


class Round(models.Model):
    """A reporting round: the register as reported to the council at one peildatum."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=RoundKind.choices)
    peildatum = models.DateField(_("reference date"))
    deadline = models.DateField(_("deadline for owners"))
    appendix_title = models.CharField(
        _("appendix title"), max_length=200, default=DEFAULT_APPENDIX_TITLE
    )
    inleiding = models.TextField(
        _("introduction"), blank=True, default=DEFAULT_INLEIDING, max_length=20_000
    )
    appendix_order = models.CharField(
        _("order in the appendix"),
        max_length=20,
        choices=AppendixOrder.choices,
        default=AppendixOrder.PROGRAMMA,
    )
    print_lessons = models.BooleanField(
        _("print lessons in the appendix"),
        default=False,
        help_text=_("Adds each pilot's lessons to the appendix as a row of its own."),
    )
    print_results = models.BooleanField(
        _("print results in the appendix"),
        default=True,
        help_text=_(
            "Adds a “Resultaten” table per pilot with indicators: baseline, target and realised."
        ),
    )
    print_finances = models.BooleanField(
        _("print finances in the appendix"),
        default=True,
        help_text=_(
            "Adds a “Financiën” row per pilot with budget lines or a date its funding ends."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RoundStatus.choices, default=RoundStatus.OPEN
    )
    frozen_at = models.DateTimeField(_("frozen at"), null=True, blank=True)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("reporting round")
        verbose_name_plural = _("reporting rounds")
        ordering = ["-peildatum", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(published=False) | Q(status="vastgesteld"),
                name="round_published_only_when_frozen",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("rounds:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.peildatum and self.deadline and not self.deadline_follows_peildatum():
            raise ValidationError(
                {"deadline": _("The deadline must lie after the reference date.")}
            )

    def deadline_follows_peildatum(self) -> bool:
        # Owners report on the register as it stood at the peildatum, so they report after it.
        return self.deadline > self.peildatum

    @property
    def is_frozen(self) -> bool:
        return self.status == RoundStatus.VASTGESTELD

    # The round's transitions, asked by services and (through core.permissions) templates.
    def may_be_frozen(self) -> bool:
        return self.status == RoundStatus.OPEN

    def may_be_reopened(self) -> bool:
        return self.status == RoundStatus.VASTGESTELD

    def may_be_published(self) -> bool:
        return self.status == RoundStatus.VASTGESTELD and not self.published

    def previous(self):
        return (
            Round.objects.filter(peildatum__lt=self.peildatum)
            .exclude(pk=self.pk)
            .order_by("-peildatum", "-pk")
            .first()
        )

    def deadline_passed(self, today=None) -> bool:
        return (today or timezone.localdate()) > self.deadline


class EntryStatus(models.TextChoices):
    OPEN = "open", _("To do")
    BIJGEWERKT = "bijgewerkt", _("Updated")
    TERUGGESTUURD = "teruggestuurd", _("Sent back")
    GOEDGEKEURD = "goedgekeurd", _("Approved")


class RoundEntry(models.Model):
    """One pilot in a round: the owner's task, the coordinator's review, and the snapshot."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="entries")
    pilot = models.ForeignKey(Pilot, on_delete=models.PROTECT, related_name="round_entries")
    status = models.CharField(
        _("status"), max_length=20, choices=EntryStatus.choices, default=EntryStatus.OPEN
    )
    updated_marked_at = models.DateTimeField(null=True, blank=True)
    updated_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    # The pilot as reported, fixed when the round is frozen; never changed by later edits.
    snapshot = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("round entry")
        verbose_name_plural = _("round entries")
        ordering = ["pilot__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "pilot"], name="one_entry_per_pilot_per_round"
            ),
            models.CheckConstraint(
                condition=Q(status__in=EntryStatus.values), name="round_entry_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.round} – {self.pilot}"

    @property
    def is_done_for_owner(self) -> bool:
        return self.status in (EntryStatus.BIJGEWERKT, EntryStatus.GOEDGEKEURD)

    # The entry's transitions (state only; who may is core.permissions' question).
    def may_be_marked_updated(self) -> bool:
        return not self.round.is_frozen and self.status in (
            EntryStatus.OPEN,
            EntryStatus.TERUGGESTUURD,
        )

    def may_be_approved(self) -> bool:
        return not self.round.is_frozen and self.status == EntryStatus.BIJGEWERKT

    def may_be_sent_back(self) -> bool:
        return not self.round.is_frozen

    def frozen_snapshot(self):
        """The typed snapshot this entry was frozen with (None while the round is open)."""
        from .snapshot import load

        return load(self.snapshot) if self.snapshot else None


class EntryReturn(models.Model):
    """The coordinator sent an entry back to its owner, with a reason the owner reads."""

    entry = models.ForeignKey(RoundEntry, on_delete=models.CASCADE, related_name="returns")
    reason = models.TextField(_("reason"), max_length=5000)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return self.reason[:60]


class Notification(models.Model):
    """A mail sent about a round; the unique key makes sending idempotent.

    `key` tells apart mails of one kind to one person in one round: the entry return a
    "sent back" mail is about, or the day of a reminder the coordinator asked for.
    """

    class Kind(models.TextChoices):
        OPENED = "opened", _("Round opened")
        REMINDER = "reminder", _("Deadline reminder")
        SENT_BACK = "sent_back", _("Entry sent back")
        DEADLINE_PASSED = "deadline_passed", _("Deadline passed")
        SUMMARY = "summary", _("Open entries after the deadline (coordinator)")
        ON_REQUEST = "on_request", _("Reminder sent by the coordinator")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="notifications")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=50, blank=True, default="")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "user", "kind", "key"], name="one_mail_per_kind_and_key"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.round} {self.user}"


DEFAULT_EXCLUDED_FASES = (Fase.VOORSTEL, Fase.NIET_GESTART)


class DocumentFormat(models.TextChoices):
    DOCX = "docx", "Word (DOCX)"
    PDF = "pdf", "PDF"
    HTML = "html", _("web page (HTML)")
    # The appendix's body as the public page embeds it in the site's layout.
    HTML_FRAGMENT = "fragment", _("public page")


class DocumentStatus(models.TextChoices):
    PENDING = "pending", _("Being made")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class RoundDocument(models.Model):
    """A frozen round's appendix as issued: made once, stored, and served byte for byte.

    `generation` is the freeze it belongs to (the round's frozen_at); a render that finishes
    after the round was reopened or frozen again finds no row of its generation and is dropped.
    """

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="documents")
    format = models.CharField(max_length=20, choices=DocumentFormat.choices)
    generation = models.CharField(max_length=40)
    status = models.CharField(
        max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.PENDING
    )
    content = models.BinaryField(null=True, editable=False)
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.PositiveBigIntegerField(null=True)
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True)
    made_at = models.DateTimeField(null=True)
    code_version = models.CharField(max_length=100, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("round document")
        verbose_name_plural = _("round documents")
        constraints = [
            models.UniqueConstraint(fields=["round", "format"], name="one_document_per_format"),
            models.CheckConstraint(
                condition=~Q(status="ready") | Q(content__isnull=False),
                name="round_document_ready_has_content",
            ),
        ]

    def __str__(self):
        return f"{self.round} – {self.format}"

    @property
    def is_ready(self) -> bool:
        return self.status == DocumentStatus.READY

    @property
    def is_failed(self) -> bool:
        return self.status == DocumentStatus.FAILED

    def is_stalled(self, now=None) -> bool:
        """Pending for longer than a render may take: its worker died, or none is running."""
        if self.status != DocumentStatus.PENDING:
            return False
        since = self.started_at or self.requested_at
        limit = datetime.timedelta(minutes=settings.OOGST_DOCUMENT_TIMEOUT_MINUTES)
        return (now or timezone.now()) - since > limit

    @property
    def may_retry(self) -> bool:
        return self.status == DocumentStatus.FAILED or self.is_stalled()


class ConceptRender(models.Model):
    """Held while a concept (open) round's appendix renders on demand: one at a time per round."""

    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.round_id} since {self.started_at}"
