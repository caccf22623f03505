import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from oogst.accounts.models import Role
from oogst.core.once import once_per_form

from . import services
from .diff import round_diff
from .forms import ReasonForm, RoundForm
from .models import EntryStatus, Round, RoundEntry

COORDINATING = (Role.COORDINATOR, Role.BEHEERDER)


def _visible_round(request, slug) -> Round:
    return get_object_or_404(Round.objects.visible_to(request.user), slug=slug)


def _coordinator_only(request):
    if request.user.role not in COORDINATING:
        raise PermissionDenied


@require_GET
def round_list(request):
    return render(
        request,
        "rounds/list.html",
        {
            "rounds": Round.objects.visible_to(request.user),
            "can_open": request.user.role in COORDINATING,
        },
    )


@require_http_methods(["GET", "POST"])
@once_per_form
def round_create(request):
    _coordinator_only(request)
    if request.method == "POST":
        form = RoundForm(request.POST)
    else:
        import datetime

        form = RoundForm(
            initial={"pilots": services.default_pilots(peildatum=datetime.date.today())}
        )
    if request.method == "POST" and form.is_valid():
        try:
            round = services.open_round(
                actor=request.user,
                round=form.save(commit=False),
                pilots=form.cleaned_data["pilots"],
            )
        except services.RoundError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The round is open; owners get an e-mail."))
            return redirect(round)
    return render(request, "rounds/form.html", {"form": form})


@require_GET
def round_detail(request, slug):
    round = _visible_round(request, slug)
    entries = list(
        round.entries.select_related(
            "pilot__owner", "pilot__programma", "pilot__portefeuille", "approved_by"
        ).prefetch_related("returns__by")
    )
    coordinating = request.user.role in COORDINATING
    if coordinating and not round.is_frozen:
        for entry in entries:
            entry.warnings = services.warnings_for(entry.pilot)
    return render(
        request,
        "rounds/detail.html",
        {
            "round": round,
            "entries": entries,
            "coordinating": coordinating,
            "completeness": services.completeness(round) if coordinating else None,
            "unapproved": sum(e.status != EntryStatus.GOEDGEKEURD for e in entries),
            "reason_form": ReasonForm(),
            "history": services.round_history(round) if coordinating else [],
        },
    )


@require_GET
def my_tasks(request):
    entries = (
        RoundEntry.objects.filter(pilot__owner=request.user, round__status="open")
        .select_related("round", "pilot")
        .prefetch_related("returns__by")
        .order_by("round__deadline", "pilot__name")
    )
    return render(request, "rounds/my_tasks.html", {"entries": entries})


def _entry(request, pk) -> RoundEntry:
    return get_object_or_404(RoundEntry.objects.select_related("round", "pilot"), pk=pk)


def _workflow_step(request, entry, step):
    try:
        step()
    except services.RoundError as error:
        messages.error(request, str(error))
    return redirect(request.POST.get("next") or entry.round.get_absolute_url())


@require_POST
def entry_mark_updated(request, pk):
    entry = _entry(request, pk)
    if not (request.user.role in COORDINATING or entry.pilot.owner_id == request.user.pk):
        raise PermissionDenied
    return _workflow_step(
        request,
        entry,
        lambda: (
            services.mark_updated(actor=request.user, entry=entry),
            messages.success(
                request, _("“%(name)s” is marked as updated.") % {"name": entry.pilot.name}
            ),
        ),
    )


@require_POST
def entry_approve(request, pk):
    _coordinator_only(request)
    entry = _entry(request, pk)
    return _workflow_step(
        request,
        entry,
        lambda: (
            services.approve(actor=request.user, entry=entry),
            messages.success(request, _("“%(name)s” is approved.") % {"name": entry.pilot.name}),
        ),
    )


@require_POST
def entry_send_back(request, pk):
    _coordinator_only(request)
    entry = _entry(request, pk)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _workflow_step(
        request,
        entry,
        lambda: (
            services.send_back(actor=request.user, entry=entry, reason=reason),
            messages.success(
                request, _("“%(name)s” was sent back to its owner.") % {"name": entry.pilot.name}
            ),
        ),
    )


@require_POST
def round_freeze(request, slug):
    _coordinator_only(request)
    round = get_object_or_404(Round, slug=slug)
    try:
        services.freeze(actor=request.user, round=round, force=request.POST.get("force") == "on")
        messages.success(request, _("The round is frozen."))
    except services.RoundError as error:
        messages.error(request, str(error))
    return redirect(round)


@require_POST
def round_reopen(request, slug):
    _coordinator_only(request)
    round = get_object_or_404(Round, slug=slug)
    form = ReasonForm(request.POST)
    try:
        services.reopen(
            actor=request.user,
            round=round,
            reason=form.cleaned_data["reason"] if form.is_valid() else "",
        )
        messages.success(request, _("The round is open again."))
    except services.RoundError as error:
        messages.error(request, str(error))
    return redirect(round)


@require_POST
def round_publish(request, slug):
    _coordinator_only(request)
    round = get_object_or_404(Round, slug=slug)
    try:
        services.publish(actor=request.user, round=round)
        messages.success(request, _("The appendix is published for the council and the public."))
    except services.RoundError as error:
        messages.error(request, str(error))
    return redirect(round)


@require_GET
def round_changes(request, slug):
    round = _visible_round(request, slug)
    return render(request, "rounds/changes.html", {"round": round, "diff": round_diff(round)})


@require_GET
def round_changes_export(request, slug, fmt):
    round = _visible_round(request, slug)
    rows = round_diff(round).as_rows()
    if fmt == "json":
        return JsonResponse(rows, safe=False, json_dumps_params={"ensure_ascii": False})
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=["pilot", "change", "field", "old", "new"])
    writer.writeheader()
    writer.writerows(rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="wijzigingen-{round.slug}.csv"'
    return response


CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


@require_GET
def round_appendix(request, slug, fmt):
    round = _visible_round(request, slug)
    return _appendix_response(round, fmt)


def _appendix_response(round, fmt):
    content = services.render_appendix(round, fmt)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    if fmt != "html":
        response["Content-Disposition"] = f'attachment; filename="bijlage-{round.slug}.{fmt}"'
    return response


@login_not_required
@require_GET
def public_list(request):
    return render(
        request, "rounds/public_list.html", {"rounds": Round.objects.filter(published=True)}
    )


@login_not_required
@require_GET
def public_appendix(request, slug):
    round = get_object_or_404(Round, slug=slug, published=True)
    return render(
        request,
        "rounds/public_appendix.html",
        {
            "round": round,
            "appendix_html": services.render_appendix(round, "html", standalone=False),
        },
    )


@login_not_required
@require_GET
def public_appendix_download(request, slug, fmt):
    round = get_object_or_404(Round, slug=slug, published=True)
    if fmt not in ("pdf", "docx"):
        raise Http404
    return _appendix_response(round, fmt)
