import json

from auditlog.context import set_actor
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from oogst.core import history as readable_history
from oogst.core import tabular
from oogst.core.once import once_per_form
from oogst.core.tabular import Column
from oogst.pilots.models import Pilot

from . import disclosure, services
from .forms import (
    AttendanceForm,
    EndReportForm,
    FilterForm,
    MeasurementForm,
    MonitorForm,
    ParticipantForm,
    StepForm,
    TransferDecisionForm,
    TransferProposalForm,
    ZrmForm,
)
from .models import (
    AccessAction,
    AccessLogEntry,
    AccessReason,
    Monitor,
    MonitorTransfer,
    Participant,
    TransferStatus,
)

# --- Municipal side: aggregates, settings and the end report ----------------------------------


def _monitor_with_aggregates(request, slug) -> Monitor:
    monitor = get_object_or_404(
        Monitor.objects.select_related("pilot", "partner"), pilot__slug=slug
    )
    if not services.can_see_aggregates(request.user, monitor):
        raise Http404
    return monitor


def _filtered_figures(request, monitor):
    """The figures of the group the reader chose; a group that does not exist shows everyone."""
    people, layout = disclosure.load(monitor)
    published = disclosure.publish(people, layout, target=monitor.target)
    form = FilterForm(request.GET or None, views=published.views)
    if form.is_valid() and form.cleaned_data["groep"]:
        published = disclosure.publish(
            people, layout, view_key=form.cleaned_data["groep"], target=monitor.target
        )
    return form, published


@require_GET
def overview(request, slug):
    monitor = _monitor_with_aggregates(request, slug)
    form, published = _filtered_figures(request, monitor)
    return render(
        request,
        "participants/overview.html",
        {
            "monitor": monitor,
            "pilot": monitor.pilot,
            "form": form,
            "figures": published,
            "tables": {
                name: disclosure.labelled(published, name)
                for name in ("reach", "phases", "outcomes", "movement", "started")
            },
            "zrm": [
                (label, disclosure.labelled(published, f"zrm:{domain}"))
                for domain, label in published.layout.zrm
            ],
            "min_group": disclosure.MIN_GROUP,
            "min_difference": disclosure.MIN_DIFFERENCE,
            "can_configure": request.user.is_municipal
            and request.user.can_edit_pilot(monitor.pilot),
            "query": request.GET.urlencode(),
        },
    )


@require_GET
def overview_export(request, slug, fmt):
    monitor = _monitor_with_aggregates(request, slug)
    _form, published = _filtered_figures(request, monitor)
    rows = disclosure.as_rows(published)
    filename = f"deelnemers-{monitor.pilot.slug}.{fmt}"
    if fmt == "json":
        response = HttpResponse(
            json.dumps(
                [{"onderdeel": s, "omschrijving": i, "aantal": v} for s, i, v in rows],
                ensure_ascii=False,
                indent=2,
            ),
            content_type="application/json; charset=utf-8",
        )
    else:
        # CSV and XLSX through the one writer for tables (`;`, BOM, formulas neutralised).
        columns = [Column("s", "onderdeel"), Column("i", "omschrijving"), Column("v", "aantal")]
        table = ({"s": s, "i": i, "v": v} for s, i, v in rows)
        return tabular.response(fmt, columns, table, filename=filename.rsplit(".", 1)[0])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
def settings_edit(request, slug):
    pilot = get_object_or_404(Pilot, slug=slug)
    if not (request.user.is_municipal and request.user.can_edit_pilot(pilot)):
        raise PermissionDenied
    monitor = Monitor.objects.filter(pilot=pilot).first() or Monitor(pilot=pilot)
    if not monitor.pk:
        monitor.target = pilot.target_participants
    form = MonitorForm(request.POST or None, instance=monitor)
    erasure = None
    if request.method == "POST" and form.is_valid():
        confirmed = request.POST.get("confirm_erase", "")
        try:
            with transaction.atomic():
                switched_off = form.switched_off()
                cleared = services.save_settings(
                    monitor=form.save(commit=False),
                    switched_off=switched_off,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                    phases=form.cleaned_data["phases_text"],
                    activities=form.cleaned_data["activities_text"],
                    confirmed_erasures=int(confirmed) if confirmed.isdigit() else None,
                )
        except services.TransferError as refused:
            messages.error(request, str(refused))
            return redirect("participants:transfer", slug=pilot.slug)
        except services.ErasureNotConfirmed as pending:
            # Nothing was saved; the form comes back as typed, with the count to confirm.
            monitor.refresh_from_db()
            erasure = {
                "values": pending.values,
                "fields": [str(form.fields[f"collect_{name}"].label) for name in pending.fields],
            }
        else:
            if cleared:
                messages.warning(
                    request,
                    _("Switched-off fields were erased from %(n)s participant records.")
                    % {"n": cleared},
                )
            messages.success(request, _("The participant monitoring settings were saved."))
            return redirect("participants:overview", slug=pilot.slug)
    history = readable_history.events(services.settings_history(monitor)) if monitor.pk else []
    return render(
        request,
        "participants/settings.html",
        {
            "form": form,
            "pilot": pilot,
            "monitor": monitor,
            "history": history,
            "holds_records": services.holds_records(monitor),
            "erasure": erasure,
        },
        status=409 if erasure else 200,
    )


@require_http_methods(["GET", "POST"])
@once_per_form
def transfer(request, slug):
    """The pilot editor's side of a transfer: propose, see the outcome, withdraw."""
    monitor = get_object_or_404(
        Monitor.objects.select_related("pilot", "partner"), pilot__slug=slug
    )
    if not (request.user.is_municipal and request.user.can_edit_pilot(monitor.pilot)):
        raise PermissionDenied
    pending = services.open_transfer(monitor)
    form = TransferProposalForm(
        request.POST if request.method == "POST" and "withdraw" not in request.POST else None,
        monitor=monitor,
    )
    if request.method == "POST":
        try:
            if "withdraw" in request.POST and pending is not None:
                services.withdraw_transfer(actor=request.user, transfer=pending)
                messages.success(request, _("The proposed transfer was withdrawn."))
                return redirect("participants:transfer", slug=slug)
            if form.is_valid():
                services.propose_transfer(
                    actor=request.user,
                    monitor=monitor,
                    to_partner=form.cleaned_data["to_partner"],
                    reason=form.cleaned_data["reason"],
                )
                messages.success(
                    request,
                    _("The transfer was proposed. The records move once %(partner)s accepts.")
                    % {"partner": monitor.partner},
                )
                return redirect("participants:transfer", slug=slug)
        except services.TransferError as refused:
            messages.error(request, str(refused))
            return redirect("participants:transfer", slug=slug)
    return render(
        request,
        "participants/transfer.html",
        {
            "monitor": monitor,
            "pilot": monitor.pilot,
            "form": form,
            "pending": pending,
            "transfers": monitor.transfers.select_related(
                "from_partner", "to_partner", "proposed_by", "decided_by"
            ),
        },
    )


@require_http_methods(["GET", "POST"])
def end_report_edit(request, slug):
    monitor = _monitor_with_aggregates(request, slug)
    if not (request.user.is_municipal and request.user.can_edit_pilot(monitor.pilot)):
        raise PermissionDenied
    form = EndReportForm(request.POST or None, instance=monitor)
    if request.method == "POST" and form.is_valid():
        with set_actor(request.user):
            form.save()
        messages.success(request, _("The end report was saved."))
        return redirect("participants:overview", slug=slug)
    return render(request, "participants/end_report_form.html", {"form": form, "monitor": monitor})


@require_GET
def end_report_download(request, slug, fmt):
    from oogst.documents import end_report
    from oogst.documents.download import download_response

    monitor = _monitor_with_aggregates(request, slug)
    report = services.end_report(monitor)
    render = end_report.render_pdf if fmt == "pdf" else end_report.render_docx
    return download_response(render(report), filename=f"eindrapport-{slug}", fmt=fmt)


# --- Partner side: the records ----------------------------------------------------------------


@require_GET
def home(request):
    if not request.user.is_partner:
        raise Http404
    monitors = Monitor.objects.filter(partner_id=request.user.partner_id).select_related("pilot")
    transfers = MonitorTransfer.objects.filter(
        from_partner_id=request.user.partner_id, status=TransferStatus.PROPOSED
    ).select_related("monitor__pilot", "to_partner", "proposed_by")
    return render(request, "participants/home.html", {"monitors": monitors, "transfers": transfers})


@require_http_methods(["GET", "POST"])
def transfer_decide(request, slug, pk):
    """The current organisation's side: accept (the records move) or decline."""
    monitor = services.monitor_for_partner(request.user, slug)
    transfer = get_object_or_404(
        MonitorTransfer.objects.select_related("to_partner", "from_partner", "proposed_by"),
        pk=pk,
        monitor=monitor,
        from_partner_id=request.user.partner_id,
    )
    form = TransferDecisionForm(request.POST or None)
    if request.method == "POST" and transfer.is_open and form.is_valid():
        reason = form.cleaned_data["reason"]
        try:
            if "accept" in request.POST:
                services.accept_transfer(actor=request.user, transfer=transfer, reason=reason)
                messages.success(
                    request,
                    _("The records were handed over to %(partner)s.")
                    % {"partner": transfer.to_partner},
                )
                return redirect("participants:home")
            services.decline_transfer(actor=request.user, transfer=transfer, reason=reason)
            messages.success(request, _("You declined the transfer; nothing changed."))
            return redirect("participants:list", slug=slug)
        except services.TransferError as refused:
            form.add_error("reason", str(refused))
    return render(
        request,
        "participants/transfer_decide.html",
        {
            "monitor": monitor,
            "transfer": transfer,
            "form": form,
            "records": Participant.objects.filter(monitor=monitor).count(),
        },
    )


@require_GET
def participant_list(request, slug):
    monitor = services.monitor_for_partner(request.user, slug)
    participants = (
        Participant.objects.for_partner_user(request.user)
        .filter(monitor=monitor)
        .select_related("monitor")
        .prefetch_related("steps__phase", "ladder_measurements")
        .order_by("exit_date", "code")
    )
    page = Paginator(participants, 100).get_page(request.GET.get("pagina"))
    services.log_list_view(user=request.user, participants=page)
    rows = [
        {
            "participant": p,
            "phase": p.current_phase,
            "measurement_due": services.measurement_due(p),
        }
        for p in page
    ]
    return render(
        request,
        "participants/list.html",
        {"monitor": monitor, "rows": rows, "page": page},
    )


@require_http_methods(["GET", "POST"])
@once_per_form
def participant_create(request, slug):
    monitor = services.monitor_for_partner(request.user, slug)
    form = ParticipantForm(request.POST or None, monitor=monitor)
    if request.method == "POST" and form.is_valid():
        participant = services.create_participant(
            actor=request.user,
            monitor=monitor,
            participant=form.save(commit=False),
            first_phase=form.cleaned_data.get("first_phase"),
        )
        messages.success(
            request,
            _("Participant %(code)s was added. Note this code in your own file.")
            % {"code": participant.code},
        )
        return redirect("participants:detail", slug=slug, code=participant.code)
    return render(request, "participants/form.html", {"form": form, "monitor": monitor})


RECORD_FORMS = {
    "stap": (StepForm, True, _("phase step")),
    "meting": (MeasurementForm, False, _("Participatieladder measurement")),
    "zrm": (ZrmForm, True, _("self-sufficiency score")),
    "activiteit": (AttendanceForm, True, _("activity")),
}


def _record_forms(monitor, data=None, kind=None, participant=None):
    forms = {}
    for key, (form_class, needs_monitor, _label) in RECORD_FORMS.items():
        if key == "zrm" and not monitor.zrm_domains:
            continue
        kwargs = {"monitor": monitor} if needs_monitor else {}
        form = form_class(data if key == kind else None, prefix=key, **kwargs)
        if participant is not None:
            # The record's own rules (a phase not before the start) need its participant.
            form.instance.participant = participant
        forms[key] = form
    return forms


def _detail_page(request, monitor, participant, forms, status=200):
    return render(
        request,
        "participants/detail.html",
        {
            "monitor": monitor,
            "participant": participant,
            "steps": participant.steps.select_related("phase"),
            "measurements": participant.ladder_measurements.all(),
            "scores": participant.zrm_scores.all(),
            "attendances": participant.attendances.select_related("activity_type"),
            "forms": forms,
            "measurement_due": services.measurement_due(participant),
        },
        status=status,
    )


@require_GET
def participant_detail(request, slug, code):
    monitor = services.monitor_for_partner(request.user, slug)
    reason = request.GET.get("doel")
    if reason not in (AccessReason.BEGELEIDING, AccessReason.REGISTRATIE, AccessReason.CORRECTIE):
        reason = AccessReason.BEGELEIDING
    participant = services.participant_for(request.user, monitor, code, reason=reason)
    return _detail_page(request, monitor, participant, _record_forms(monitor))


@require_POST
@once_per_form
def participant_add(request, slug, code, kind):
    monitor = services.monitor_for_partner(request.user, slug)
    if kind not in RECORD_FORMS or (kind == "zrm" and not monitor.zrm_domains):
        raise Http404
    participant = services.participant_for(
        request.user, monitor, code, reason=AccessReason.REGISTRATIE, action=AccessAction.UPDATE
    )
    forms = _record_forms(monitor, request.POST, kind, participant=participant)
    form = forms[kind]
    if form.is_valid():
        services.add_to_record(
            actor=request.user,
            participant=participant,
            obj=form.save(commit=False),
            what=str(RECORD_FORMS[kind][2]),
        )
        messages.success(request, _("Saved."))
        return redirect("participants:detail", slug=slug, code=code)
    return _detail_page(request, monitor, participant, forms, status=400)


@require_http_methods(["GET", "POST"])
def participant_edit(request, slug, code):
    monitor = services.monitor_for_partner(request.user, slug)
    participant = services.participant_for(
        request.user, monitor, code, reason=AccessReason.CORRECTIE
    )
    form = ParticipantForm(request.POST or None, instance=participant, monitor=monitor)
    if request.method == "POST" and form.is_valid():
        services.update_participant(
            actor=request.user,
            participant=form.save(commit=False),
            what=", ".join(form.changed_data),
        )
        messages.success(request, _("Saved."))
        return redirect("participants:detail", slug=slug, code=code)
    return render(
        request,
        "participants/form.html",
        {"form": form, "monitor": monitor, "participant": participant},
    )


@require_GET
def inzage_export(request, slug, code, fmt):
    from oogst.documents import inzage
    from oogst.documents.download import download_response

    monitor = services.monitor_for_partner(request.user, slug)
    participant = services.participant_for(
        request.user, monitor, code, reason=AccessReason.INZAGEVERZOEK, action=AccessAction.EXPORT
    )
    if fmt == "json":
        record = services.inzage_record(participant)
        content = json.dumps(record, ensure_ascii=False, indent=2)
    else:
        record = services.inzage_record(participant, latest_accesses=inzage.RECENT_ACCESSES)
        content = inzage.render_pdf(record)
    return download_response(content, filename=f"inzage-{code}", fmt=fmt)


@require_http_methods(["GET", "POST"])
def participant_erase(request, slug, code):
    monitor = services.monitor_for_partner(request.user, slug)
    if request.method == "POST":
        participant = services.participant_for(
            request.user,
            monitor,
            code,
            reason=AccessReason.VERWIJDERVERZOEK,
            action=AccessAction.VIEW,
        )
        if request.POST.get("confirm_code", "").strip().upper() != code:
            messages.error(request, _("Type the participant's code to confirm the erasure."))
            return redirect("participants:erase", slug=slug, code=code)
        services.anonymise(
            participant=participant, actor=request.user, reason=AccessReason.VERWIJDERVERZOEK
        )
        messages.success(
            request,
            _("The record of %(code)s was erased. The pilot's figures still count it anonymously.")
            % {"code": code},
        )
        return redirect("participants:list", slug=slug)
    participant = services.participant_for(
        request.user, monitor, code, reason=AccessReason.VERWIJDERVERZOEK
    )
    return render(
        request, "participants/erase.html", {"monitor": monitor, "participant": participant}
    )


# --- Beheerder: the access log ----------------------------------------------------------------


@require_GET
def access_log(request):
    if not request.user.is_beheerder:
        raise PermissionDenied
    entries = AccessLogEntry.objects.select_related("user", "partner", "pilot")
    code = request.GET.get("code", "").strip().upper()
    if code:
        entries = entries.filter(participant_code=code)
    page = Paginator(entries, 100).get_page(request.GET.get("pagina"))
    return render(request, "participants/access_log.html", {"page": page, "code": code})
