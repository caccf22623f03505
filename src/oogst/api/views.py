"""The API's resources. Thin: parse, check the key's scope, call the apps' services, answer."""

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch, Q
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from oogst.motions import services as motion_services
from oogst.motions.models import Motion, MotionStatus
from oogst.participants import disclosure
from oogst.participants.models import Monitor
from oogst.pilots import search
from oogst.pilots import services as pilot_services
from oogst.pilots.models import Indicator, Lesson, Measurement, Pilot, StatusUpdate
from oogst.pilots.register import filtered_register
from oogst.rounds.models import Round

from .auth import sees_all
from .models import Scope
from .problems import PreconditionFailed, PreconditionRequired
from .serializers import (
    FIGURES_SCHEMA,
    MeasurementSerializer,
    MotionSerializer,
    PilotDetailSerializer,
    PilotSerializer,
    RoundDetailSerializer,
    RoundSerializer,
    StatusUpdateSerializer,
)

# --- pilots -----------------------------------------------------------------------------------

# API query parameter -> the register's filter form field: the page's filters, by one function.
PILOT_FILTERS = {
    "q": "q",
    "programma": "programma",
    "portefeuille": "portefeuille",
    "fase": "fase",
    "succesvol": "succesvol",
    "evaluatieIn": "evaluatie_in",
    "sort": "sort",
}
PILOT_PARAMETERS = [
    OpenApiParameter("q", str, description="Search words (ranked, Dutch stemming)."),
    OpenApiParameter("programma", int, description="Programme id."),
    OpenApiParameter("portefeuille", int, description="Portfolio id."),
    OpenApiParameter("fase", str, description="Phase, e.g. uitvoering."),
    OpenApiParameter("succesvol", str, description='Answer, or "leeg" for not filled in.'),
    OpenApiParameter("evaluatieIn", int, description="Evaluation moment falls in this year."),
    OpenApiParameter(
        "sort", str, enum=["name", "programma", "start", "end", "evaluatie"], description="Order."
    ),
]

# The largest id a database column holds (SQLite and PostgreSQL bigint): a larger number in a
# URL is simply not found, not an overflow.
MAX_ID = 2**63 - 1
PILOT_PATH = OpenApiParameter("pilot", str, OpenApiParameter.PATH, description="Slug or id.")


def pilot_queryset():
    """Everything a page of pilots shows in a fixed number of queries."""
    measurements = Measurement.objects.select_related("author")
    return (
        Pilot.objects.select_related("programma", "portefeuille", "owner")
        .prefetch_related(
            "partners",
            Prefetch(
                "indicators",
                Indicator.objects.prefetch_related(Prefetch("measurements", measurements)),
            ),
            "budget_lines",
        )
        .defer("search_text")
    )


def get_pilot(key: str, queryset=None) -> Pilot:
    """A pilot by its slug or its id."""
    queryset = queryset if queryset is not None else pilot_queryset()
    lookup = {"pk": int(key)} if key.isdigit() and int(key) <= MAX_ID else {"slug": key}
    pilot = queryset.filter(**lookup).first()
    if pilot is None:
        raise NotFound(_("There is no pilot %(key)s.") % {"key": key})
    return pilot


def etag(pilot: Pilot) -> str:
    return f'"{pilot.version}"'


class PilotList(generics.ListAPIView):
    """The register: every pilot with every field of the form, filtered and searched as the
    register page is."""

    required_scope = Scope.READ_PUBLIC
    serializer_class = PilotSerializer

    def get_queryset(self):
        params = self.request.query_params
        data = {field: params[name] for name, field in PILOT_FILTERS.items() if name in params}
        form, pilots = filtered_register(data, pilot_queryset())
        if not form.is_valid():
            names = {field: name for name, field in PILOT_FILTERS.items()}
            raise ValidationError({names[f]: errors for f, errors in form.errors.items()})
        return pilots

    @extend_schema(operation_id="pilots_list", parameters=PILOT_PARAMETERS)
    def get(self, request, *args, **kwargs):
        if not request.query_params.get("q"):
            return super().get(request, *args, **kwargs)
        # A search reads the full-text index, as the register page does (pilots/search.py).
        with search.index_preferred():
            return super().get(request, *args, **kwargs)


class PilotDetail(APIView):
    required_scope = Scope.READ_PUBLIC

    @extend_schema(
        operation_id="pilot_read",
        responses={200: PilotDetailSerializer},
        parameters=[
            OpenApiParameter("pilot", str, OpenApiParameter.PATH, description="Slug or id.")
        ],
    )
    def get(self, request, pilot):
        queryset = pilot_queryset().prefetch_related(
            Prefetch("status_updates", StatusUpdate.objects.select_related("author")),
            Prefetch("lessons", Lesson.objects.prefetch_related("themes")),
        )
        found = get_pilot(pilot, queryset)
        response = Response(PilotDetailSerializer(found, context={"request": request}).data)
        response["ETag"] = etag(found)
        return response


class StatusUpdateWrite(serializers.Serializer):
    """A new progress update: the same fields, and the same rules, as the page's form."""

    date = serializers.DateField()
    title = serializers.CharField(max_length=200, allow_blank=True, required=False, default="")
    text = serializers.CharField(max_length=20_000)


def _if_match(request) -> int:
    header = request.META.get("HTTP_IF_MATCH", "").strip()
    if not header or header == "*":
        raise PreconditionRequired(
            _("Send If-Match with the pilot's ETag (its version) to write; read the pilot first.")
        )
    value = header.removeprefix("W/").strip('"')
    if not value.isdigit():
        raise PreconditionFailed(_("If-Match does not hold a version of this pilot."))
    return int(value)


class PilotUpdates(APIView):
    """A pilot's progress updates; a write-updates key adds one."""

    @property
    def required_scope(self):
        if self.request is not None and self.request.method == "POST":
            return Scope.WRITE_UPDATES
        return Scope.READ_PUBLIC

    @extend_schema(
        operation_id="pilot_updates_list",
        responses={200: StatusUpdateSerializer(many=True)},
        parameters=[
            OpenApiParameter("pilot", str, OpenApiParameter.PATH, description="Slug or id.")
        ],
    )
    def get(self, request, pilot):
        found = get_pilot(pilot, Pilot.objects.only("pk", "slug"))
        updates = found.status_updates.select_related("author")
        return Response(
            StatusUpdateSerializer(updates, many=True, context={"request": request}).data
        )

    @extend_schema(
        operation_id="pilot_updates_create",
        request=StatusUpdateWrite,
        responses={
            201: OpenApiResponse(
                StatusUpdateSerializer,
                description="Added; ETag is the pilot's new version, Location the pilot.",
            )
        },
        parameters=[
            PILOT_PATH,
            OpenApiParameter(
                "If-Match",
                str,
                OpenApiParameter.HEADER,
                required=True,
                description='The pilot\'s ETag, e.g. "7".',
            ),
        ],
    )
    def post(self, request, pilot):
        found = get_pilot(pilot, Pilot.objects.all())
        expected = _if_match(request)
        write = StatusUpdateWrite(data=request.data)
        write.is_valid(raise_exception=True)
        update = pilot_services.add_status_update(
            actor=request.user,
            pilot=found,
            update=StatusUpdate(**write.validated_data),
            remote_addr=request.META.get("REMOTE_ADDR"),
            expected_version=expected,
        )
        return _created(request, StatusUpdateSerializer, update, found)


class MeasurementWrite(serializers.Serializer):
    """A new measurement: the same fields, and the same rules (not in the future, not before
    the baseline, not negative), as the page's form."""

    date = serializers.DateField()
    value = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0)
    source = serializers.CharField(max_length=200, allow_blank=True, required=False, default="")
    note = serializers.CharField(max_length=2000, allow_blank=True, required=False, default="")


INDICATOR_PATH = OpenApiParameter(
    "indicator", int, OpenApiParameter.PATH, description="The indicator's id."
)


class IndicatorMeasurements(APIView):
    """An indicator's measurements; a write-updates key adds one."""

    @property
    def required_scope(self):
        if self.request is not None and self.request.method == "POST":
            return Scope.WRITE_UPDATES
        return Scope.READ_PUBLIC

    def _indicator(self, pilot, indicator) -> Indicator:
        found = get_pilot(pilot, Pilot.objects.all())
        if not indicator.isdigit() or int(indicator) > MAX_ID:
            raise NotFound(_("This pilot has no such indicator."))
        result = Indicator.objects.filter(pilot=found, pk=int(indicator)).first()
        if result is None:
            raise NotFound(_("This pilot has no such indicator."))
        result.pilot = found
        return result

    @extend_schema(
        operation_id="indicator_measurements_list",
        responses={200: MeasurementSerializer(many=True)},
        parameters=[PILOT_PATH, INDICATOR_PATH],
    )
    def get(self, request, pilot, indicator):
        found = self._indicator(pilot, indicator)
        measurements = found.measurements.select_related("author")
        data = MeasurementSerializer(measurements, many=True, context={"request": request}).data
        return Response(data)

    @extend_schema(
        operation_id="indicator_measurements_create",
        request=MeasurementWrite,
        responses={
            201: OpenApiResponse(
                MeasurementSerializer,
                description="Added; ETag is the pilot's new version, Location the pilot.",
            )
        },
        parameters=[
            PILOT_PATH,
            INDICATOR_PATH,
            OpenApiParameter(
                "If-Match",
                str,
                OpenApiParameter.HEADER,
                required=True,
                description='The pilot\'s ETag, e.g. "7".',
            ),
        ],
    )
    def post(self, request, pilot, indicator):
        found = self._indicator(pilot, indicator)
        expected = _if_match(request)
        write = MeasurementWrite(data=request.data)
        write.is_valid(raise_exception=True)
        measurement = pilot_services.add_measurement(
            actor=request.user,
            indicator=found,
            measurement=Measurement(**write.validated_data),
            remote_addr=request.META.get("REMOTE_ADDR"),
            expected_version=expected,
        )
        return _created(request, MeasurementSerializer, measurement, found.pilot)


def _created(request, serializer_class, written, pilot) -> Response:
    """201 for a write on `pilot`: what was written, the pilot's new version as ETag (the next
    write's If-Match) and the pilot as Location."""
    response = Response(
        serializer_class(written, context={"request": request}).data,
        status=status.HTTP_201_CREATED,
    )
    response["ETag"] = etag(pilot)
    response["Location"] = request.build_absolute_uri(
        reverse("api:pilot", kwargs={"pilot": pilot.slug})
    )
    return response


class ParticipantFigures(APIView):
    """A pilot's participant figures as the disclosure rules allow: counts of 1-4 read "<5",
    cells hidden to protect them read "suppressed". Never a participant record."""

    required_scope = Scope.READ_ALL

    @extend_schema(
        operation_id="pilot_figures_read",
        responses={200: FIGURES_SCHEMA},
        parameters=[
            PILOT_PATH,
            OpenApiParameter("groep", str, description="A group's key from `groups`."),
        ],
    )
    def get(self, request, pilot):
        found = get_pilot(pilot, Pilot.objects.only("pk", "slug"))
        monitor = Monitor.objects.filter(pilot=found).first()
        if monitor is None:
            raise NotFound(_("This pilot does not record participants."))
        people, layout = disclosure.load(monitor)
        group = request.query_params.get("groep", "")
        try:
            published = disclosure.publish(people, layout, view_key=group, target=monitor.target)
        except KeyError:
            raise ValidationError({"groep": [_("There is no such group.")]}) from None
        response = Response(_figures(found, published))
        # As the figures page: never stored by a browser or proxy.
        response["Cache-Control"] = "no-store"
        return response


def _figures(pilot, published) -> dict:
    tables = [
        ("reach", _("Reach")),
        ("phases", _("Phase")),
        ("outcomes", _("Outflow")),
        ("movement", _("Participation ladder")),
        *((f"zrm:{domain}", label) for domain, label in published.layout.zrm),
        ("started", _("Started per quarter")),
    ]
    rows = []
    for name, label in tables:
        labelled = None if published.refused else disclosure.labelled(published, name)
        table = published.table(name) or {}
        rows.append(
            {
                "name": name,
                "label": str(label),
                "shown": labelled is not None,
                "rows": [
                    {
                        "key": disclosure.quarter_label(key) if name == "started" else str(key),
                        "label": row_label,
                        "value": figure.value,
                        "marker": figure.marker,
                        "display": str(figure),
                    }
                    for (key, figure), (row_label, _f) in zip(
                        table.items(), labelled or [], strict=False
                    )
                ],
            }
        )
    return {
        "pilot": pilot.slug,
        "group": {"key": published.view.key, "label": str(published.view.label)},
        "refused": str(published.refused or ""),
        "participants": None if published.refused or not published.reach else published.reach.value,
        "target": published.target,
        "groups": [
            {"key": v.key, "label": str(v.label), "shown": not v.refused} for v in published.views
        ],
        "tables": rows,
    }


# --- reporting rounds ------------------------------------------------------------------------


def visible_rounds(request):
    """Published rounds for everyone; concepts too for read-all keys."""
    return Round.objects.all() if sees_all(request) else Round.objects.filter(published=True)


class RoundList(generics.ListAPIView):
    """Reporting rounds: the published ones for anyone, every round for read-all keys."""

    required_scope = None
    serializer_class = RoundSerializer

    def get_queryset(self):
        return visible_rounds(self.request)

    @extend_schema(operation_id="rapportagerondes_list")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class RoundDetail(APIView):
    """A round with its entries: each pilot as the frozen round reported it."""

    required_scope = None

    @extend_schema(operation_id="rapportageronde_read", responses={200: RoundDetailSerializer})
    def get(self, request, slug):
        round = visible_rounds(request).filter(slug=slug).first()
        if round is None:
            raise NotFound(_("There is no such round."))
        entries = round.entries.select_related("pilot").only(
            "status", "snapshot", "pilot__id", "pilot__slug", "pilot__name"
        )
        rows = [
            {
                "pilot": {"id": e.pilot.pk, "slug": e.pilot.slug},
                "status": e.status,
                "snapshot": e.frozen_snapshot() if round.is_frozen else None,
            }
            for e in entries
        ]
        context = {"request": request, "entries": rows}
        return Response(RoundDetailSerializer(round, context=context).data)


# --- motions --------------------------------------------------------------------------------


class MotionFilters(serializers.Serializer):
    q = serializers.CharField(required=False, max_length=200)
    status = serializers.ChoiceField(choices=MotionStatus.values, required=False)
    portefeuille = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    programma = serializers.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    archief = serializers.BooleanField(required=False, default=False)


def motion_queryset():
    return Motion.objects.select_related("programma", "portefeuille").prefetch_related(
        Prefetch("pilots", Pilot.objects.only("pk", "slug", "name")), "documents"
    )


class _WithHistories:
    """Status histories for every motion on the page in one query."""

    def get_serializer(self, *args, **kwargs):
        if not args:  # the OpenAPI generator asks for the bare serializer
            return MotionSerializer(**kwargs)
        instances, many = args[0], kwargs.get("many", False)
        motions = list(instances) if many else [instances]
        kwargs["context"] = {
            **self.get_serializer_context(),
            "histories": motion_services.status_histories(motions),
        }
        return MotionSerializer(motions if many else instances, **kwargs)


class MotionList(_WithHistories, generics.ListAPIView):
    """Council motions, with their status history and the pilots they led to."""

    required_scope = Scope.READ_PUBLIC
    serializer_class = MotionSerializer

    def get_queryset(self):
        filters = MotionFilters(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        motions = motion_queryset()
        motions = motions.archived() if data["archief"] else motions.current()
        if data.get("status"):
            motions = motions.filter(status=data["status"])
        if data.get("portefeuille"):
            motions = motions.filter(portefeuille_id=data["portefeuille"])
        if data.get("programma"):
            motions = motions.filter(programma_id=data["programma"])
        if data.get("q"):
            q = data["q"]
            motions = motions.filter(
                Q(nummer__icontains=q) | Q(titel__icontains=q) | Q(dictum__icontains=q)
            )
        return motions

    @extend_schema(operation_id="moties_list", parameters=[MotionFilters])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class MotionDetail(_WithHistories, generics.RetrieveAPIView):
    required_scope = Scope.READ_PUBLIC
    serializer_class = MotionSerializer
    lookup_field = "nummer"

    def get_queryset(self):
        return motion_queryset()

    @extend_schema(operation_id="motie_read")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


# --- the OpenAPI document and its documentation page -----------------------------------------


class OpenApiDocument(SpectacularJSONAPIView):
    """The OpenAPI 3 document, for anyone, without a key."""

    required_scope = None
    authentication_classes = []


@login_not_required
def documentation(request):
    """The API's documentation page (Swagger UI, served from the package: no CDN)."""
    return render(request, "api/docs.html", {"schema_url": reverse("api:openapi")})


documentation.api_public = True
