from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from oogst import vague_dates
from oogst.core import confirm, tabular
from oogst.core.once import once_per_form
from oogst.core.redirects import safe_next

from . import exports, results, search, services, timeline
from .forms import (
    BudgetLineForm,
    IndicatorForm,
    LessonForm,
    MeasurementForm,
    PilotForm,
    StatusUpdateForm,
)
from .models import BudgetLine, Indicator, Lesson, Measurement, Pilot
from .register import filtered_register
from .register import select as register_selection

PAGE_SIZE = 50


@require_GET
def register(request):
    selection = register_selection(request.GET)
    form = selection.form
    if request.GET.get("weergave") == "tijdlijn":
        # Every pilot that passes the filters on one axis (no pages: it is one picture).
        query = request.GET.copy()
        query.pop("weergave", None)
        return render(
            request,
            "pilots/register_timeline.html",
            {
                "form": form,
                "table_query": query.urlencode(),
                **timeline.context(
                    timeline.items_from_queryset(selection.ordered()),
                    today=timezone.localdate(),
                    timeline_id="tijdlijn",
                ),
            },
        )
    if not selection.text:
        page = Paginator(selection.ordered(), PAGE_SIZE).get_page(request.GET.get("pagina"))
    else:
        page = search.results_page(
            selection.pilots,
            selection.text,
            request.GET.get("pagina"),
            per_page=PAGE_SIZE,
            order_by=selection.order_by,
        )
    query = request.GET.copy()
    query.pop("pagina", None)
    timeline_query = query.copy()
    timeline_query["weergave"] = "tijdlijn"
    return render(
        request,
        "pilots/register.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "timeline_query": timeline_query.urlencode(),
            "can_create": request.user.can_create_pilot(),
        },
    )


@require_GET
def detail(request, slug):
    pilot = get_object_or_404(
        Pilot.objects.select_related("programma", "portefeuille", "owner"), slug=slug
    )
    return _render_detail(request, pilot, StatusUpdateForm())


def _render_detail(request, pilot, update_form, status=200, lesson_form=None):
    return render(
        request,
        "pilots/detail.html",
        {
            "pilot": pilot,
            "dates": [
                (pilot._meta.get_field(f).verbose_name, pilot.vague_date(f))
                for f in Pilot.VAGUE_DATE_FIELDS
            ],
            "status_updates": pilot.status_updates.select_related("author"),
            "partners": pilot.partners.all(),
            "can_edit": request.user.can_edit_pilot(pilot),
            "has_monitor": hasattr(pilot, "monitor"),
            "update_form": update_form,
            "lessons": pilot.lessons.prefetch_related("themes"),
            "lesson_form": lesson_form or LessonForm(prefix="lesson"),
            **results.context(pilot),
        },
        status=status,
    )


def _client_ip(request):
    return request.META.get("REMOTE_ADDR")


@require_http_methods(["GET", "POST"])
@once_per_form
def create(request):
    if not request.user.can_create_pilot():
        raise PermissionDenied
    form = PilotForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        pilot = form.save(commit=False)
        services.create_pilot(
            actor=request.user,
            pilot=pilot,
            partners=form.cleaned_data["partners"],
            reason=form.cleaned_data["reason"],
            remote_addr=_client_ip(request),
        )
        messages.success(request, _("Pilot “%(name)s” was created.") % {"name": pilot.name})
        return redirect(pilot)
    return render(request, "pilots/form.html", {"form": form, "pilot": None})


@require_http_methods(["GET", "POST"])
def edit(request, slug):
    pilot = get_object_or_404(Pilot, slug=slug)
    if not request.user.can_edit_pilot(pilot):
        raise PermissionDenied
    form = PilotForm(request.POST or None, instance=pilot, user=request.user)
    stale = None
    if request.method == "POST" and form.is_valid():
        edited = form.save(commit=False)
        try:
            services.update_pilot(
                actor=request.user,
                pilot=edited,
                expected_version=form.cleaned_data["version"] or 0,
                partners=form.cleaned_data["partners"],
                reason=form.cleaned_data["reason"],
                remote_addr=_client_ip(request),
            )
        except services.StaleEdit as conflict:
            stale = conflict.changes
            # Keep what the user typed; the next save is a deliberate overwrite of the
            # version they have now seen.
            data = request.POST.copy()
            data["version"] = Pilot.objects.values_list("version", flat=True).get(pk=pilot.pk)
            form = PilotForm(data, instance=Pilot.objects.get(pk=pilot.pk), user=request.user)
            form.is_valid()
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect(edited)
    return render(
        request,
        "pilots/form.html",
        {
            "form": form,
            "pilot": pilot,
            "stale": stale,
            # Beside "were the goals met?": what the figures say.
            "indicator_rows": results.context(pilot)["indicator_rows"],
        },
    )


@require_POST
@once_per_form
def add_status_update(request, slug):
    pilot = get_object_or_404(Pilot, slug=slug)
    if not request.user.can_edit_pilot(pilot):
        raise PermissionDenied
    form = StatusUpdateForm(request.POST)
    if form.is_valid():
        services.add_status_update(
            actor=request.user,
            pilot=pilot,
            update=form.save(commit=False),
            remote_addr=_client_ip(request),
        )
        messages.success(request, _("The progress update was added."))
        return redirect(pilot)
    # Invalid: show the page again with the messages and what was typed.
    return _render_detail(request, pilot, form, status=400)


@require_POST
@once_per_form
def add_lesson(request, slug):
    pilot = get_object_or_404(Pilot, slug=slug)
    if not request.user.can_edit_pilot(pilot):
        raise PermissionDenied
    # Prefixed: the progress update form on the same page has a "text" field too.
    form = LessonForm(request.POST, prefix="lesson")
    if form.is_valid():
        services.save_lesson(
            actor=request.user,
            pilot=pilot,
            lesson=form.save(commit=False),
            themes=form.cleaned_data["themes"],
            remote_addr=_client_ip(request),
        )
        messages.success(request, _("The lesson was added."))
        return redirect(f"{pilot.get_absolute_url()}#lessen")
    return _render_detail(request, pilot, StatusUpdateForm(), status=400, lesson_form=form)


def _owned_lesson(request, slug, pk) -> Lesson:
    lesson = get_object_or_404(Lesson.objects.select_related("pilot"), pk=pk, pilot__slug=slug)
    if not request.user.can_edit_pilot(lesson.pilot):
        raise PermissionDenied
    return lesson


@require_http_methods(["GET", "POST"])
def edit_lesson(request, slug, pk):
    lesson = _owned_lesson(request, slug, pk)
    form = LessonForm(request.POST or None, instance=lesson)
    if request.method == "POST" and form.is_valid():
        services.save_lesson(
            actor=request.user,
            pilot=lesson.pilot,
            lesson=form.save(commit=False),
            themes=form.cleaned_data["themes"],
            remote_addr=_client_ip(request),
        )
        messages.success(request, _("Your changes were saved."))
        return redirect(f"{lesson.pilot.get_absolute_url()}#lessen")
    return render(request, "pilots/lesson_form.html", {"form": form, "lesson": lesson})


@require_http_methods(["GET", "POST"])
def delete_lesson(request, slug, pk):
    lesson = _owned_lesson(request, slug, pk)
    return _confirmed_delete(
        request,
        delete=lambda **kw: services.delete_lesson(lesson=lesson, **kw),
        obj=lesson,
        pilot=lesson.pilot,
        anchor="lessen",
        template="pilots/lesson_delete.html",
        done=_("The lesson was deleted."),
        ask=_("Confirm that the lesson should be deleted."),
    )


@require_GET
def history(request, slug):
    pilot = get_object_or_404(Pilot, slug=slug)
    return render(
        request, "pilots/history.html", {"pilot": pilot, "events": services.history_events(pilot)}
    )


@require_GET
def export(request, fmt):
    """The register as the user sees it: the active search, filters and sort."""
    _form, pilots = filtered_register(request.GET)
    if fmt in ("csv", "xlsx"):
        return tabular.response(fmt, exports.COLUMNS, exports.table_rows(pilots), filename="pilots")
    response = HttpResponse(content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="oogst-pilots.json"'
    exports.write_json(response, pilots.prefetch_related("partners", "status_updates__author"))
    return response


@require_GET
def date_preview(request):
    """The live interpretation shown under a date field while the user types (htmx)."""
    # htmx sends the input under its own field name.
    text = next(
        (
            request.GET[k]
            for k in (*Pilot.VAGUE_DATE_FIELDS, "deadline", "target_date", "text")
            if k in request.GET
        ),
        "",
    )
    parsed = vague_dates.parse(text[:500])
    return render(request, "pilots/_date_preview.html", {"parsed": parsed})


# Indicators, measurements and budget lines. Each form takes an optional `next` (the round's
# task list, say) to return to; without one it returns to the pilot page's section.


def _editable_pilot(request, slug) -> Pilot:
    pilot = get_object_or_404(Pilot, slug=slug)
    if not request.user.can_edit_pilot(pilot):
        raise PermissionDenied
    return pilot


def _back(request, pilot, anchor):
    return safe_next(request, f"{pilot.get_absolute_url()}#{anchor}")


def _save_or_show_errors(form, save) -> bool:
    """Run `save`; a rule the model refuses becomes a message on the form."""
    try:
        save()
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


@require_http_methods(["GET", "POST"])
@once_per_form
def add_indicator(request, slug):
    pilot = _editable_pilot(request, slug)
    form = IndicatorForm(request.POST or None, instance=Indicator(pilot=pilot))
    if request.method == "POST" and form.is_valid():
        indicator = form.save(commit=False)
        if _save_or_show_errors(
            form,
            lambda: services.save_indicator(
                actor=request.user,
                pilot=pilot,
                indicator=indicator,
                remote_addr=_client_ip(request),
            ),
        ):
            messages.success(request, _("The indicator was added."))
            return redirect(_back(request, pilot, "resultaten"))
    return render(
        request,
        "pilots/indicator_form.html",
        {"form": form, "pilot": pilot, "indicator": None, "next": safe_next(request, "")},
    )


def _owned(request, model, slug, pk, pilot_path="pilot"):
    obj = get_object_or_404(
        model.objects.select_related(pilot_path), pk=pk, **{f"{pilot_path}__slug": slug}
    )
    pilot = obj
    for part in pilot_path.split("__"):
        pilot = getattr(pilot, part)
    if not request.user.can_edit_pilot(pilot):
        raise PermissionDenied
    return obj, pilot


@require_http_methods(["GET", "POST"])
def edit_indicator(request, slug, pk):
    indicator, pilot = _owned(request, Indicator, slug, pk)
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        edited = form.save(commit=False)
        if _save_or_show_errors(
            form,
            lambda: services.save_indicator(
                actor=request.user,
                pilot=pilot,
                indicator=edited,
                remote_addr=_client_ip(request),
            ),
        ):
            messages.success(request, _("Your changes were saved."))
            return redirect(_back(request, pilot, f"indicator-{indicator.pk}"))
    return render(
        request,
        "pilots/indicator_form.html",
        {
            "form": form,
            "pilot": pilot,
            "indicator": indicator,
            "measurements": indicator.measurements.select_related("author"),
            "next": safe_next(request, ""),
        },
    )


def _confirmed_delete(request, *, delete, obj, pilot, anchor, template, done, ask):
    """A confirmation page first; a POST without the confirmation shows it again."""
    if request.method == "POST":
        try:
            delete(
                actor=request.user,
                confirmed=confirm.confirmed(request),
                remote_addr=_client_ip(request),
            )
        except services.DeletionNotConfirmed:
            messages.error(request, ask)
        else:
            messages.success(request, done)
            return redirect(_back(request, pilot, anchor))
    return render(request, template, {"obj": obj, "pilot": pilot, "next": safe_next(request, "")})


@require_http_methods(["GET", "POST"])
def delete_indicator(request, slug, pk):
    indicator, pilot = _owned(request, Indicator, slug, pk)
    indicator.measurement_count = indicator.measurements.count()
    return _confirmed_delete(
        request,
        delete=lambda **kw: services.delete_indicator(indicator=indicator, **kw),
        obj=indicator,
        pilot=pilot,
        anchor="resultaten",
        template="pilots/indicator_delete.html",
        done=_("The indicator was deleted."),
        ask=_("Confirm that the indicator should be deleted."),
    )


@require_http_methods(["GET", "POST"])
@once_per_form
def add_measurement(request, slug, pk):
    indicator, pilot = _owned(request, Indicator, slug, pk)
    form = MeasurementForm(
        request.POST or None,
        instance=Measurement(indicator=indicator),
        initial={"date": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        measurement = form.save(commit=False)
        if _save_or_show_errors(
            form,
            lambda: services.add_measurement(
                actor=request.user,
                indicator=indicator,
                measurement=measurement,
                remote_addr=_client_ip(request),
            ),
        ):
            messages.success(request, _("The measurement was added."))
            return redirect(_back(request, pilot, f"indicator-{indicator.pk}"))
    return render(
        request,
        "pilots/measurement_form.html",
        {"form": form, "pilot": pilot, "indicator": indicator, "next": safe_next(request, "")},
    )


@require_http_methods(["GET", "POST"])
def delete_measurement(request, slug, pk):
    measurement, pilot = _owned(request, Measurement, slug, pk, pilot_path="indicator__pilot")
    return _confirmed_delete(
        request,
        delete=lambda **kw: services.delete_measurement(measurement=measurement, **kw),
        obj=measurement,
        pilot=pilot,
        anchor=f"indicator-{measurement.indicator_id}",
        template="pilots/measurement_delete.html",
        done=_("The measurement was deleted."),
        ask=_("Confirm that the measurement should be deleted."),
    )


@require_http_methods(["GET", "POST"])
@once_per_form
def add_budget_line(request, slug):
    pilot = _editable_pilot(request, slug)
    return _budget_line_form(request, pilot, BudgetLine(pilot=pilot))


@require_http_methods(["GET", "POST"])
def edit_budget_line(request, slug, pk):
    line, pilot = _owned(request, BudgetLine, slug, pk)
    return _budget_line_form(request, pilot, line)


def _budget_line_form(request, pilot, line):
    is_new = line.pk is None
    form = BudgetLineForm(request.POST or None, instance=line)
    if request.method == "POST" and form.is_valid():
        edited = form.save(commit=False)
        if _save_or_show_errors(
            form,
            lambda: services.save_budget_line(
                actor=request.user, pilot=pilot, line=edited, remote_addr=_client_ip(request)
            ),
        ):
            messages.success(
                request,
                _("The budget line was added.") if is_new else _("Your changes were saved."),
            )
            return redirect(_back(request, pilot, "financien"))
    return render(
        request,
        "pilots/budget_line_form.html",
        {
            "form": form,
            "pilot": pilot,
            "line": None if is_new else line,
            "next": safe_next(request, ""),
        },
    )


@require_http_methods(["GET", "POST"])
def delete_budget_line(request, slug, pk):
    line, pilot = _owned(request, BudgetLine, slug, pk)
    return _confirmed_delete(
        request,
        delete=lambda **kw: services.delete_budget_line(line=line, **kw),
        obj=line,
        pilot=pilot,
        anchor="financien",
        template="pilots/budget_line_delete.html",
        done=_("The budget line was deleted."),
        ask=_("Confirm that the budget line should be deleted."),
    )
