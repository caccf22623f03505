"""What the API says, in lowerCamelCase. One pilot shape for the live register and for a
frozen round's snapshot, so a client reads both the same way.

Adding a section to the pilot (as issue 17's indicators and budget lines were): a nested
serializer here, a field on `_PilotContent` (or on `PilotSerializer` and `SnapshotSerializer`
when the live and the frozen shapes differ), and a prefetch in `views.pilot_queryset()` so a
page of pilots stays a fixed number of queries.
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from oogst.motions.models import Motion, MotionStatus
from oogst.pilots.models import (
    AanleidingSoort,
    Antwoord,
    Direction,
    Fase,
    FundingKind,
    FundingNature,
    LessonKind,
    Resultaat,
)

from .auth import sees_all


def _absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


def _link(request, name: str, **kwargs) -> dict:
    """{"href": absolute URL}. Reversing a URL for every row was half a page's time: each
    route is reversed once per request, with placeholders, and filled in per row."""
    cache = getattr(request, "_api_links", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._api_links = cache
    template = cache.get(name)
    if template is None:
        slots = {key: f"0slot{key}0" for key in kwargs}
        template = cache[name] = _absolute(request, reverse(f"api:{name}", kwargs=slots))
    href = template
    for key, value in kwargs.items():
        href = href.replace(f"0slot{key}0", str(value))
    return {"href": href}


class LinkSerializer(serializers.Serializer):
    href = serializers.URLField()


class DateValueSerializer(serializers.Serializer):
    """A date as written ("4de kwartaal 2025") and the interval Oogst reads in it."""

    text = serializers.CharField(help_text="As written.")
    start = serializers.DateField(allow_null=True, help_text="First day the text can mean.")
    end = serializers.DateField(allow_null=True, help_text="Last day the text can mean.")
    precision = serializers.CharField(help_text="day, month, quarter, year, ... or unknown.")


class AnswerSerializer(serializers.Serializer):
    answer = serializers.ChoiceField(choices=[*Antwoord.values, ""])
    toelichting = serializers.CharField(allow_blank=True)


class ProgrammaSerializer(serializers.Serializer):
    number = serializers.IntegerField(allow_null=True)
    name = serializers.CharField()


class PortefeuilleSerializer(serializers.Serializer):
    name = serializers.CharField()
    portefeuillehouder = serializers.CharField(allow_blank=True)


class PersonSerializer(serializers.Serializer):
    username = serializers.CharField()
    name = serializers.CharField(allow_blank=True)


@extend_schema_field(DateValueSerializer)
class VagueDateField(serializers.Field):
    """A Pilot's text and its derived columns, or a snapshot's DateValue, as one object."""

    def __init__(self, name, **kwargs):
        self.date_name = name
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        value = getattr(obj, self.date_name)
        if isinstance(value, str):  # a Pilot: the text, with its interval beside it
            start = getattr(obj, f"{self.date_name}_start")
            end = getattr(obj, f"{self.date_name}_end")
            precision = getattr(obj, f"{self.date_name}_precision")
            text = value
        else:
            text, start, end, precision = value.text, value.start, value.end, value.precision
        return {
            "text": text,
            "start": start.isoformat() if start else None,
            "end": end.isoformat() if end else None,
            "precision": precision,
        }


@extend_schema_field(AnswerSerializer)
class AnswerField(serializers.Field):
    def __init__(self, name, **kwargs):
        self.answer_name = name
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        value = getattr(obj, self.answer_name)
        if isinstance(value, str):
            return {"answer": value, "toelichting": getattr(obj, f"{self.answer_name}_toelichting")}
        return {"answer": value.answer, "toelichting": value.toelichting}


@extend_schema_field(PersonSerializer(allow_null=True))
class PersonField(serializers.Field):
    """A person's name: for read-all keys only (the public appendix names nobody)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        if not sees_all(self.context.get("request")):
            return None
        return super().get_attribute(instance)

    def to_representation(self, value):
        if hasattr(value, "get_full_name"):
            return {"username": value.username, "name": value.get_full_name()}
        return {"username": value.username, "name": value.name}


FIGURE = {"max_digits": 14, "decimal_places": 2}


class BudgetLineSerializer(serializers.Serializer):
    """Money for a pilot from one source, in euros (decimal strings)."""

    id = serializers.IntegerField(allow_null=True)
    description = serializers.CharField(allow_blank=True)
    year = serializers.IntegerField(allow_null=True)
    begroot = serializers.DecimalField(allow_null=True, **FIGURE)
    besteed = serializers.DecimalField(allow_null=True, **FIGURE)
    fundingKind = serializers.ChoiceField(source="funding_kind", choices=[*FundingKind.values, ""])
    funder = serializers.CharField(allow_blank=True)
    nature = serializers.ChoiceField(choices=[*FundingNature.values, ""])


class MeasurementRecordSerializer(serializers.Serializer):
    """A value of an indicator on a date, with its source."""

    id = serializers.IntegerField(allow_null=True)
    date = serializers.DateField()
    value = serializers.DecimalField(**FIGURE)
    source = serializers.CharField(allow_blank=True)
    note = serializers.CharField(allow_blank=True)


class MeasurementSerializer(MeasurementRecordSerializer):
    author = PersonField(allow_null=True)
    createdAt = serializers.DateTimeField(source="created_at")


class _IndicatorContent(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True)
    name = serializers.CharField()
    unit = serializers.CharField(allow_blank=True)
    direction = serializers.ChoiceField(choices=Direction.values)
    baseline = serializers.DecimalField(allow_null=True, **FIGURE)
    baselineDate = serializers.DateField(source="baseline_date", allow_null=True)
    target = serializers.DecimalField(allow_null=True, **FIGURE)
    # A vague date ("eind 2027"), as the other *datum properties; not named "...Date", which
    # the design rules reserve for a plain ISO date.
    streefdatum = VagueDateField("target_date")
    progress = serializers.SerializerMethodField(
        help_text="From baseline to target, whole percent (0-100), by the latest measurement."
    )

    def get_progress(self, indicator) -> int | None:
        progress = indicator.progress
        return progress() if callable(progress) else progress


class IndicatorSerializer(_IndicatorContent):
    """An indicator of the pilot now, with its measurements (oldest first)."""

    measurements = MeasurementSerializer(many=True, source="measurements.all")
    _links = serializers.SerializerMethodField()

    @extend_schema_field(inline_serializer("IndicatorLinks", {"metingen": LinkSerializer()}))
    def get__links(self, indicator):
        # The pilot comes with the prefetch (no query): where to read and add measurements.
        request = self.context.get("request")
        return {
            "metingen": _link(
                request,
                "indicator_measurements",
                pilot=indicator.pilot.slug,
                indicator=indicator.pk,
            )
        }


class IndicatorRecordSerializer(_IndicatorContent):
    """An indicator as the frozen round reported it."""

    measurements = MeasurementRecordSerializer(many=True)


class _PilotContent(serializers.Serializer):
    """The appendix's form: what the live pilot and a frozen snapshot both hold."""

    name = serializers.CharField()
    korteOmschrijving = serializers.CharField(source="korte_omschrijving")
    programma = ProgrammaSerializer(allow_null=True)
    portefeuille = PortefeuilleSerializer(allow_null=True)
    doel = serializers.CharField()
    startdatum = VagueDateField("startdatum")
    einddatum = VagueDateField("einddatum")
    evaluatiemoment = VagueDateField("evaluatiemoment")
    uitkomstEvaluatie = serializers.CharField(source="uitkomst_evaluatie")
    succesvol = AnswerField("succesvol")
    beleidAanpassen = AnswerField("beleid_aanpassen")
    financieelGevolg = AnswerField("financieel_gevolg")
    bestuurlijkGerapporteerd = serializers.CharField(source="bestuurlijk_gerapporteerd")
    fase = serializers.ChoiceField(choices=Fase.values)
    resultaat = serializers.ChoiceField(choices=[*Resultaat.values, ""])
    aanleidingSoort = serializers.ChoiceField(
        source="aanleiding_soort", choices=[*AanleidingSoort.values, ""]
    )
    aanleidingToelichting = serializers.CharField(source="aanleiding_toelichting")
    targetParticipants = serializers.IntegerField(source="target_participants", allow_null=True)
    budget = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    fundingEnds = serializers.DateField(source="funding_ends", allow_null=True)
    owner = PersonField(allow_null=True)


class StatusUpdateSerializer(serializers.Serializer):
    """A progress update ("stand van zaken")."""

    id = serializers.IntegerField(read_only=True)
    date = serializers.DateField(
        allow_null=True, required=False, default=None, help_text="Empty for undated updates."
    )
    title = serializers.CharField(max_length=200, allow_blank=True, required=False, default="")
    text = serializers.CharField(max_length=20_000)
    author = PersonField(allow_null=True)
    createdAt = serializers.DateTimeField(source="created_at", read_only=True)


class LessonSerializer(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True)
    kind = serializers.ChoiceField(choices=LessonKind.values)
    text = serializers.CharField()
    themes = serializers.ListField(child=serializers.CharField())
    decision = serializers.ChoiceField(choices=[*Resultaat.values, ""])
    policyChange = serializers.BooleanField(source="policy_change")


class PilotSerializer(_PilotContent):
    """A pilot in the register now. Its `version` is also the ETag a write must send."""

    id = serializers.IntegerField(source="pk")
    slug = serializers.SlugField()
    motienummers = serializers.ListField(child=serializers.CharField(), source="motion_numbers")
    partners = serializers.SerializerMethodField()
    indicators = IndicatorSerializer(many=True, source="indicators.all")
    budgetLines = BudgetLineSerializer(many=True, source="budget_lines.all")
    version = serializers.IntegerField()
    createdAt = serializers.DateTimeField(source="created_at")
    updatedAt = serializers.DateTimeField(source="updated_at")
    _links = serializers.SerializerMethodField()

    def get_partners(self, pilot) -> list[str]:
        return [p.name for p in pilot.partners.all()]

    @extend_schema_field(
        inline_serializer(
            "PilotLinks",
            {
                "self": LinkSerializer(),
                "voortgang": LinkSerializer(),
                "deelnemerscijfers": LinkSerializer(),
            },
        )
    )
    def get__links(self, pilot):
        request = self.context.get("request")
        return {
            "self": _link(request, "pilot", pilot=pilot.slug),
            "voortgang": _link(request, "pilot_updates", pilot=pilot.slug),
            "deelnemerscijfers": _link(request, "pilot_figures", pilot=pilot.slug),
        }


class PilotDetailSerializer(PilotSerializer):
    statusUpdates = StatusUpdateSerializer(many=True, source="status_updates.all")
    lessons = serializers.SerializerMethodField()

    def get_lessons(self, pilot) -> LessonSerializer(many=True):
        return [
            {
                "id": lesson.pk,
                "kind": lesson.kind,
                "text": lesson.text,
                "themes": sorted(t.name for t in lesson.themes.all()),
                "decision": lesson.decision,
                "policyChange": lesson.policy_change,
            }
            for lesson in pilot.lessons.all()
        ]


class SnapshotUpdateSerializer(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True)
    date = serializers.DateField(allow_null=True)
    title = serializers.CharField(allow_blank=True)
    text = serializers.CharField(allow_blank=True)
    author = serializers.SerializerMethodField()

    def get_author(self, update) -> str | None:
        return update.author if sees_all(self.context.get("request")) else None


class SnapshotSerializer(_PilotContent):
    """A pilot as a frozen round reported it: fixed, whatever changed since."""

    pilotId = serializers.IntegerField(source="pilot_id", allow_null=True)
    slug = serializers.CharField()
    motienummers = serializers.ListField(child=serializers.CharField())
    partners = serializers.ListField(child=serializers.CharField())
    statusUpdates = SnapshotUpdateSerializer(many=True, source="status_updates")
    lessons = LessonSerializer(many=True)
    indicators = IndicatorRecordSerializer(many=True)
    budgetLines = BudgetLineSerializer(many=True, source="budget_lines")
    pilotVersion = serializers.IntegerField(source="pilot_version", allow_null=True)


class EntrySerializer(serializers.Serializer):
    pilot = inline_serializer(
        "EntryPilot", {"id": serializers.IntegerField(), "slug": serializers.CharField()}
    )
    status = serializers.CharField()
    snapshot = SnapshotSerializer(allow_null=True, help_text="Only once the round is frozen.")


class RoundSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    kind = serializers.CharField()
    peildatum = serializers.DateField()
    deadline = serializers.DateField()
    appendixTitle = serializers.CharField(source="appendix_title")
    status = serializers.CharField()
    frozenAt = serializers.DateTimeField(source="frozen_at", allow_null=True)
    published = serializers.BooleanField()
    publishedAt = serializers.DateTimeField(source="published_at", allow_null=True)
    _links = serializers.SerializerMethodField()

    @extend_schema_field(
        inline_serializer(
            "RoundLinks",
            {
                "self": LinkSerializer(),
                "openData": LinkSerializer(required=False),
                "openDataCsv": LinkSerializer(required=False),
                "openDataMetadata": LinkSerializer(required=False),
            },
        )
    )
    def get__links(self, round):
        request = self.context.get("request")
        links = {"self": _link(request, "round", slug=round.slug)}
        if round.published:
            for key, fmt in (("openData", "json"), ("openDataCsv", "csv")):
                url = reverse("rounds:open_data", kwargs={"slug": round.slug, "fmt": fmt})
                links[key] = {"href": _absolute(request, url)}
            url = reverse("rounds:open_data_metadata", kwargs={"slug": round.slug})
            links["openDataMetadata"] = {"href": _absolute(request, url)}
        return links


class RoundDetailSerializer(RoundSerializer):
    entries = serializers.SerializerMethodField()

    def get_entries(self, round) -> EntrySerializer(many=True):
        return EntrySerializer(self.context["entries"], many=True, context=self.context).data


class StatusStepSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    # Plain text: a status an older Oogst knew stays readable in the history.
    old = serializers.CharField()
    new = serializers.CharField()
    reason = serializers.CharField(allow_blank=True)
    by = PersonField(allow_null=True)


class MotionSerializer(serializers.Serializer):
    nummer = serializers.CharField()
    titel = serializers.CharField()
    status = serializers.ChoiceField(choices=MotionStatus.values)
    adoptedOn = serializers.DateField(source="adopted_on", allow_null=True)
    meeting = serializers.CharField()
    voteResult = serializers.CharField(source="vote_result")
    indieners = serializers.SerializerMethodField()
    dictum = serializers.CharField()
    deadline = VagueDateField("deadline")
    programma = ProgrammaSerializer(allow_null=True)
    portefeuille = PortefeuilleSerializer(allow_null=True)
    archived = serializers.BooleanField(source="is_archived")
    contact = serializers.SerializerMethodField()
    statusHistory = serializers.SerializerMethodField()
    pilots = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()
    _links = serializers.SerializerMethodField()

    def get_indieners(self, motion: Motion) -> list[str]:
        return [line.strip() for line in motion.indieners.splitlines() if line.strip()]

    @extend_schema_field(
        inline_serializer(
            "MotionContact",
            {
                "name": serializers.CharField(),
                "telephone": serializers.CharField(),
                "email": serializers.CharField(),
            },
            allow_null=True,
        )
    )
    def get_contact(self, motion):
        if not sees_all(self.context.get("request")):
            return None  # an official's contact details: for read-all keys
        return {
            "name": motion.contact_naam,
            "telephone": motion.contact_telefoon,
            "email": motion.contact_email,
        }

    def get_statusHistory(self, motion) -> StatusStepSerializer(many=True):
        steps = self.context["histories"].get(motion.pk, [])
        return StatusStepSerializer(steps, many=True, context=self.context).data

    @extend_schema_field(
        inline_serializer(
            "MotionPilot",
            {
                "id": serializers.IntegerField(),
                "slug": serializers.CharField(),
                "name": serializers.CharField(),
                "_links": inline_serializer("MotionPilotLinks", {"self": LinkSerializer()}),
            },
            many=True,
        )
    )
    def get_pilots(self, motion):
        request = self.context.get("request")
        return [
            {
                "id": p.pk,
                "slug": p.slug,
                "name": p.name,
                "_links": {"self": _link(request, "pilot", pilot=p.slug)},
            }
            for p in motion.pilots.all()
        ]

    @extend_schema_field(
        inline_serializer(
            "MotionDocument",
            {"title": serializers.CharField(), "url": serializers.URLField()},
            many=True,
        )
    )
    def get_documents(self, motion):
        return [{"title": d.title, "url": d.url} for d in motion.documents.all()]

    @extend_schema_field(inline_serializer("MotionLinks", {"self": LinkSerializer()}))
    def get__links(self, motion):
        return {"self": _link(self.context.get("request"), "motion", nummer=motion.nummer)}


class FigureSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    value = serializers.IntegerField(
        allow_null=True, help_text="Null when hidden by the disclosure rules."
    )
    marker = serializers.ChoiceField(
        choices=["", "small", "suppressed"],
        help_text='"small": 1 to 4 people; "suppressed": 5 or more, hidden to protect another.',
    )
    display = serializers.CharField(help_text='As the page shows it: "<5", "onderdrukt", "12".')


FIGURES_SCHEMA = inline_serializer(
    "ParticipantFigures",
    {
        "pilot": serializers.CharField(),
        "group": inline_serializer(
            "FiguresGroup",
            {"key": serializers.CharField(), "label": serializers.CharField()},
        ),
        "refused": serializers.CharField(help_text="Why this group shows no figures, or empty."),
        "participants": serializers.IntegerField(allow_null=True),
        "target": serializers.IntegerField(allow_null=True),
        "groups": inline_serializer(
            "FiguresGroupChoice",
            {
                "key": serializers.CharField(),
                "label": serializers.CharField(),
                "shown": serializers.BooleanField(),
            },
            many=True,
        ),
        "tables": inline_serializer(
            "FiguresTable",
            {
                "name": serializers.CharField(),
                "label": serializers.CharField(),
                "shown": serializers.BooleanField(),
                "rows": FigureSerializer(many=True),
            },
            many=True,
        ),
    },
)

# Schema helpers for views.
DATE_QUERY = OpenApiTypes.DATE
