from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Count
from django.http import Http404, HttpResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from oogst.core import confirm, permissions, tabular
from oogst.core.csp import allow_own_styles
from oogst.core.once import once_per_form
from oogst.core.redirects import redirect_next
from oogst.core.tabular import Column

from . import services
from .diff import round_diff
from .forms import ReasonForm, RoundForm
from .models import DocumentFormat, DocumentStatus, EntryStatus, Round, RoundEntry, RoundStatus
from .snapshot import SnapshotVersionError


def _visible_round(request, slug) -> Round:
    return get_object_or_404(Round.objects.visible_to(request.user), slug=slug)


def _coordinator_only(request):
    permissions.require(request.user, "round.manage")


@require_GET
def round_list(request):
    return render(
        request,
        "rounds/list.html",
        {
            "rounds": Round.objects.visible_to(request.user),
            "can_open": request.user.can("round.manage"),
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
    coordinating = request.user.can("round.manage")
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
            "history": services.round_history(round) if coordinating else [],
            **_documents_context(request, round),
        },
    )


@require_POST
def round_remind(request, slug):
    """ "Stuur herinnering": mail every owner with entries still to do (once a day)."""
    _coordinator_only(request)
    round = get_object_or_404(Round, slug=slug)
    try:
        sent = services.send_reminders_now(actor=request.user, round=round)
    except services.RoundError as error:
        messages.error(request, str(error))
    else:
        if sent:
            messages.success(
                request,
                ngettext(
                    "A reminder was sent to %(count)d owner.",
                    "A reminder was sent to %(count)d owners.",
                    sent,
                )
                % {"count": sent},
            )
        else:
            messages.info(
                request, _("Nobody to remind: no open entries, or reminded already today.")
            )
    return redirect(round)


@require_GET
def my_tasks(request):
    permissions.require(request.user, "rounds.my_tasks")
    entries = (
        RoundEntry.objects.filter(pilot__owner=request.user, round__status=RoundStatus.OPEN)
        .select_related("round", "pilot")
        .prefetch_related("returns__by", "pilot__indicators__measurements")
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
    return redirect_next(request, entry.round.get_absolute_url())


@require_POST
def entry_mark_updated(request, pk):
    entry = _entry(request, pk)
    permissions.require(request.user, "entry.act_for", entry)
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
@once_per_form  # each send-back is a row the owner reads: a double click makes one
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


def _round_step(request, slug, step, done: str):
    """A coordinator's step on a round: run it, say how it went, back to the round."""
    _coordinator_only(request)
    round = get_object_or_404(Round, slug=slug)
    try:
        step(round)
        messages.success(request, done)
    except services.RoundError as error:
        messages.error(request, str(error))
    return redirect(round)


@require_POST
def round_freeze(request, slug):
    force = request.POST.get("force") == "on"
    return _round_step(
        request,
        slug,
        lambda round: services.freeze(actor=request.user, round=round, force=force),
        _("The round is frozen."),
    )


@require_http_methods(["GET", "POST"])
def round_reopen(request, slug):
    """Reopening drops the issued documents and unpublishes: a page says so and asks why."""
    _coordinator_only(request)
    round = get_object_or_404(Round, slug=slug)
    form = ReasonForm(request.POST if request.method == "POST" else None)
    if confirm.confirmed(request) and form.is_valid():
        return _round_step(
            request,
            slug,
            lambda round: services.reopen(
                actor=request.user, round=round, reason=form.cleaned_data["reason"]
            ),
            _("The round is open again."),
        )
    explanation = [
        _(
            "The round becomes open again: owners can update their pilots and the round is "
            "frozen again later, with new documents."
        ),
        _("The appendix as issued is withdrawn."),
    ]
    if round.published:
        explanation.append(
            _("The round is published now; the council and the public no longer see it.")
        )
    return confirm.confirmation_page(
        request,
        title=_("Reopen %(round)s") % {"round": round.name},
        explanation=explanation,
        button=_("Reopen the round"),
        cancel_url=round.get_absolute_url(),
        breadcrumb=(round.get_absolute_url(), round.name),
        form=form,
        status=400 if request.method == "POST" and confirm.confirmed(request) else None,
    )


@require_http_methods(["GET", "POST"])
def round_publish(request, slug):
    """Publishing cannot be taken back quietly: the council and the public see it at once."""
    _coordinator_only(request)
    round = get_object_or_404(Round, slug=slug)
    if confirm.confirmed(request):
        return _round_step(
            request,
            slug,
            lambda round: services.publish(actor=request.user, round=round),
            _("The appendix is published for the council and the public."),
        )
    return confirm.confirmation_page(
        request,
        title=_("Publish %(round)s") % {"round": round.name},
        explanation=[
            _(
                "The appendix as frozen becomes readable for the council and for everyone on "
                "the public pages, without signing in, and can be downloaded there."
            ),
            _("Only reopening the round takes it off the public pages again."),
        ],
        button=_("Publish for the council and the public"),
        cancel_url=round.get_absolute_url(),
        breadcrumb=(round.get_absolute_url(), round.name),
    )


def _diff_or_error(request, round):
    try:
        return round_diff(round)
    except SnapshotVersionError as error:
        messages.error(request, str(error))
        return None


@require_GET
def round_changes(request, slug):
    round = _visible_round(request, slug)
    return render(
        request, "rounds/changes.html", {"round": round, "diff": _diff_or_error(request, round)}
    )


CHANGE_COLUMNS = [
    Column("pilot", "Pilot"),
    Column("change", "Wijziging"),
    Column("field", "Veld"),
    Column("old", "Was"),
    Column("new", "Wordt"),
]


@require_GET
def round_changes_export(request, slug, fmt):
    round = _visible_round(request, slug)
    try:
        rows = round_diff(round).as_rows()
    except SnapshotVersionError as error:
        return HttpResponse(str(error), status=409, content_type="text/plain; charset=utf-8")
    if fmt == "json":
        return JsonResponse(rows, safe=False, json_dumps_params={"ensure_ascii": False})
    return tabular.response(fmt, CHANGE_COLUMNS, rows, filename=f"wijzigingen-{round.slug}")


ENTRY_COLUMNS = [
    Column("pilot", "Pilot"),
    Column("programma", "Programma"),
    Column("portefeuille", "Portefeuille"),
    Column("eigenaar", "Eigenaar"),
    Column("status", "Status"),
    Column("bijgewerkt_op", "Bijgewerkt gemeld op", "datetime"),
    Column("goedgekeurd_op", "Goedgekeurd op", "datetime"),
    Column("goedgekeurd_door", "Goedgekeurd door"),
    Column("teruggestuurd", "Keren teruggestuurd", "integer"),
]


@require_GET
def round_entries_export(request, slug, fmt):
    """The round's pilots and where each stands, for the coordinator's spreadsheet."""
    round = _visible_round(request, slug)
    entries = round.entries.select_related(
        "pilot__owner", "pilot__programma", "pilot__portefeuille", "approved_by"
    ).annotate(returns_count=Count("returns"))

    def person(user):
        return (user.get_full_name() or user.username) if user else ""

    with translation.override("nl"):
        rows = [
            {
                "pilot": e.pilot.name,
                "programma": str(e.pilot.programma) if e.pilot.programma else "",
                "portefeuille": e.pilot.portefeuille.name if e.pilot.portefeuille else "",
                "eigenaar": person(e.pilot.owner),
                "status": str(e.get_status_display()),
                "bijgewerkt_op": e.updated_marked_at,
                "goedgekeurd_op": e.approved_at,
                "goedgekeurd_door": person(e.approved_by),
                "teruggestuurd": e.returns_count,
            }
            for e in entries
        ]
    return tabular.response(fmt, ENTRY_COLUMNS, rows, filename=f"ronde-{round.slug}")


CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


@require_GET
def round_appendix(request, slug, fmt):
    round = _visible_round(request, slug)
    return _appendix_response(request, round, fmt)


def _appendix_response(request, round, fmt):
    """Stored bytes for a frozen round (with their SHA-256 as ETag), a concept otherwise."""
    try:
        if round.is_frozen:
            document = services.issued_document(round, fmt)
            etag = f'"{document.sha256}"'
            if request.headers.get("If-None-Match") == etag:
                return HttpResponseNotModified(headers={"ETag": etag})
            response = HttpResponse(bytes(document.content), content_type=CONTENT_TYPES[fmt])
            response["ETag"] = etag
            response["Cache-Control"] = "no-cache"
        else:
            response = HttpResponse(
                services.concept_appendix(round, fmt), content_type=CONTENT_TYPES[fmt]
            )
            response["Cache-Control"] = "no-store"
    except services.DocumentNotReady as not_ready:
        return _not_ready(request, round, str(not_ready))
    except services.RenderBusy:
        return _not_ready(
            request,
            round,
            _("Someone else is making the concept of this appendix. Try again in a minute."),
            status=429,
        )
    if fmt != "html":
        response["Content-Disposition"] = f'attachment; filename="bijlage-{round.slug}.{fmt}"'
    else:
        allow_own_styles(response)
    return response


def _not_ready(request, round, message, status=503):
    response = render(
        request, "rounds/not_ready.html", {"round": round, "message": message}, status=status
    )
    response["Retry-After"] = "30"
    return response


@require_GET
def round_documents(request, slug):
    """The documents' state on the round page; htmx polls it while any is being made."""
    round = _visible_round(request, slug)
    return render(
        request,
        "rounds/_documents.html",
        {"round": round, **_documents_context(request, round)},
    )


def _documents_context(request, round):
    documents = services.document_states(round) if round.is_frozen else []
    return {
        "documents": documents,
        "documents_pending": any(
            d.status == DocumentStatus.PENDING and not d.is_stalled() for d in documents
        ),
        "documents_may_retry": round.is_frozen
        and (any(d.may_retry for d in documents) or len(documents) < len(DocumentFormat.values)),
        "coordinating": request.user.can("round.manage"),
    }


@require_POST
def round_documents_retry(request, slug):
    return _round_step(
        request,
        slug,
        lambda round: services.retry_documents(actor=request.user, round=round),
        _("The documents are being made again."),
    )


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
    try:
        document = services.issued_document(round, DocumentFormat.HTML_FRAGMENT)
        # Our own render of the snapshots, escaped when it was made.
        appendix_html = mark_safe(bytes(document.content).decode("utf-8"))
    except services.DocumentNotReady:
        appendix_html = None
    context = {"round": round, "appendix_html": appendix_html}
    if appendix_html is not None:
        context["timeline_html"] = _public_timeline(request, round)
    return render(request, "rounds/public_appendix.html", context)


def _public_timeline(request, round) -> str:
    """The published round's timeline, drawn from its frozen snapshots. It has a line for
    today, so it is not stored with the documents; it is made once a day per worker and
    freeze instead of on every request (a 500-pilot timeline takes about 60 ms)."""
    from django.core.cache import cache
    from django.template.loader import render_to_string

    from oogst.pilots import timeline

    today = timezone.localdate()
    key = f"oogst:public-timeline:{round.pk}:{round.frozen_at.isoformat()}:{today}"
    html = cache.get(key)
    if html is None:
        try:
            records = services.snapshots(round)
        except SnapshotVersionError:
            return ""  # the stored appendix still reads; only the timeline is left out
        html = render_to_string(
            "pilots/_timeline.html",
            timeline.context(services.timeline_items(records), today=today, timeline_id="tijdlijn"),
            request=request,
        )
        cache.set(key, html, 60 * 60 * 24)
    return mark_safe(html)  # our own render of the snapshots, escaped by the template


@login_not_required
@require_GET
def public_appendix_download(request, slug, fmt):
    round = get_object_or_404(Round, slug=slug, published=True)
    if fmt not in ("pdf", "docx"):
        raise Http404
    return _appendix_response(request, round, fmt)


@login_not_required
@require_GET
def open_data(request, slug, fmt):
    """A published round's pilots as open data (JSON or CSV), from its frozen snapshots."""
    from . import open_data as dataset

    round = get_object_or_404(Round, slug=slug, published=True)
    if fmt == "json":
        body, content_type = dataset.json_bytes(round), "application/json; charset=utf-8"
    else:
        body, content_type = dataset.csv_bytes(round), "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{round.slug}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may fetch it
    # Made from the frozen snapshots: the same bytes until the round is reopened.
    response["Cache-Control"] = "public, max-age=3600"
    return response


@login_not_required
@require_GET
def open_data_metadata(request, slug):
    from . import open_data as dataset

    round = get_object_or_404(Round, slug=slug, published=True)
    response = JsonResponse(
        dataset.metadata(round, request), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@login_not_required
@require_GET
def harvest_page(request):
    """*Oogst*: municipal readers see the register now; everyone else the latest published round."""
    from . import harvest

    filters = harvest.Filters.from_params(request.GET)
    public_round = None
    if permissions.can(request.user, "pilot.view"):
        records = harvest.live_records()
    else:
        public_round = harvest.latest_published_round()
        records = harvest.published_records(public_round) if public_round else []
    return render(
        request,
        "rounds/harvest.html",
        {
            "harvest": harvest.harvest(
                records, filters, complete=request.GET.get("volledig") == "1"
            ),
            "complete_query": _with(request.GET, volledig="1"),
            "filters": filters,
            "public_round": public_round,
            "live": permissions.can(request.user, "pilot.view"),
        },
    )


def _with(params, **extra) -> str:
    query = params.copy()
    for key, value in extra.items():
        query[key] = value
    return query.urlencode()
