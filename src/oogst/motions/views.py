from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from oogst.core import tabular
from oogst.core.once import once_per_form

from . import exports, services
from .forms import (
    AfdoeningsrondeForm,
    DecisionForm,
    MemoForm,
    MemoSectionFormSet,
    MotionDocumentFormSet,
    MotionForm,
    ProposeForm,
    StatusForm,
)
from .models import Afdoeningsronde, Afdoeningsvoorstel, Memo, Motion


def _require_manager(request):
    if not request.user.can_manage_motions():
        raise PermissionDenied


@require_GET
def motion_list(request):
    show_archive = request.GET.get("archief") == "1"
    listed = Motion.objects.archived() if show_archive else Motion.objects.current()
    return render(
        request,
        "motions/list.html",
        {
            "by_portefeuille": services.portefeuille_overview(),
            "overdue": Motion.objects.overdue().select_related("portefeuille"),
            "all_motions": listed.select_related("portefeuille", "programma"),
            "show_archive": show_archive,
            "archived_count": Motion.objects.archived().count(),
            "can_manage": request.user.can_manage_motions(),
        },
    )


@require_GET
def motion_export(request, fmt):
    motions = exports.export_queryset()
    if fmt == "json":
        response = HttpResponse(content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="moties.json"'
        exports.write_json(response, motions)
        return response
    return tabular.response(fmt, exports.COLUMNS, exports.table_rows(motions), filename="moties")


@require_GET
def motion_detail(request, nummer):
    motion = get_object_or_404(
        Motion.objects.select_related("portefeuille", "programma"), nummer=nummer
    )
    return render(
        request,
        "motions/detail.html",
        {
            "motion": motion,
            "pilots": motion.pilots.all(),
            "documents": motion.documents.all(),
            "history": services.history_events(motion),
            "voorstellen": motion.voorstellen.select_related("ronde", "decided_by"),
            "memo": Memo.objects.filter(motion=motion).first(),
            "can_manage": request.user.can_manage_motions(),
            "can_edit_memo": request.user.can_edit_memo(motion),
            "status_form": StatusForm(
                initial={"status": motion.status},
                choices=services.status_choices(request.user, motion),
            ),
        },
    )


@require_http_methods(["GET", "POST"])
@once_per_form
def motion_edit(request, nummer=None):
    _require_manager(request)
    motion = get_object_or_404(Motion, nummer=nummer) if nummer else None
    form = MotionForm(request.POST or None, instance=motion)
    documents = MotionDocumentFormSet(request.POST or None, instance=motion, prefix="documents")
    stale = None
    if request.method == "POST" and form.is_valid() and documents.is_valid():
        try:
            saved = services.save_motion(
                actor=request.user,
                form=form,
                documents=documents,
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleEdit as conflict:
            stale = conflict.changes
            # Keep what the user typed; the next save deliberately overwrites the version
            # they have now seen.
            current = Motion.objects.get(pk=motion.pk)
            data = request.POST.copy()
            data["version"] = current.version
            form = MotionForm(data, instance=current)
            documents = MotionDocumentFormSet(data, instance=current, prefix="documents")
            form.is_valid()
        else:
            messages.success(request, _("Motion %(nummer)s was saved.") % {"nummer": saved.nummer})
            return redirect(saved)
    return render(
        request,
        "motions/form.html",
        {"form": form, "documents": documents, "motion": motion, "stale": stale},
    )


@require_POST
def motion_status(request, nummer):
    _require_manager(request)
    motion = get_object_or_404(Motion, nummer=nummer)
    # The service decides which moves are allowed; the form only checks the value is a status.
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.change_status(
                actor=request.user,
                motion=motion,
                new=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("The status was changed."))
        except services.MotionError as error:
            messages.error(request, str(error))
    return redirect(motion)


@require_POST
def motion_archive(request, nummer):
    """Archive a handled or withdrawn motion, or take it out of the archive again."""
    _require_manager(request)
    motion = get_object_or_404(Motion, nummer=nummer)
    undo = request.POST.get("undo") == "1"
    try:
        if undo:
            services.unarchive(actor=request.user, motion=motion)
            messages.success(request, _("The motion is back in the lists."))
        else:
            services.archive(actor=request.user, motion=motion)
            messages.success(request, _("The motion was archived; it keeps all its data."))
    except services.MotionError as error:
        messages.error(request, str(error))
    return redirect(motion)


@require_http_methods(["GET", "POST"])
def motion_delete(request, nummer):
    """A confirmation page that says what goes; the POST needs the motion's number typed."""
    _require_manager(request)
    motion = get_object_or_404(Motion, nummer=nummer)
    if request.method == "POST":
        try:
            services.delete_motion(
                actor=request.user, motion=motion, confirmation=request.POST.get("confirm", "")
            )
        except services.MotionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The motion was deleted."))
            return redirect("motions:list")
    return render(
        request,
        "motions/delete.html",
        {
            "motion": motion,
            "refused": services.deletion_refused_because(motion),
            "removes": services.what_deleting_removes(motion),
        },
        status=200 if request.method == "GET" else 400,
    )


@require_http_methods(["GET", "POST"])
def memo_edit(request, nummer):
    motion = get_object_or_404(Motion, nummer=nummer)
    if not request.user.can_edit_memo(motion):
        raise PermissionDenied
    memo = Memo.objects.filter(motion=motion).first() or Memo(
        motion=motion,
        onderwerp=f"Memo raad afdoening motie {motion.nummer} - {motion.titel}",
        contact_naam=motion.contact_naam,
        contact_telefoon=motion.contact_telefoon,
        contact_email=motion.contact_email,
    )
    form = MemoForm(request.POST or None, instance=memo)
    sections = MemoSectionFormSet(request.POST or None, instance=memo)
    stale = None
    if request.method == "POST" and form.is_valid() and sections.is_valid():
        try:
            services.save_memo(
                actor=request.user,
                form=form,
                sections=sections,
                expected_version=form.cleaned_data["version"],
            )
        except services.StaleEdit as conflict:
            stale = conflict.changes
            current = Memo.objects.get(motion=motion)
            data = request.POST.copy()
            data["version"] = current.version
            form = MemoForm(data, instance=current)
            sections = MemoSectionFormSet(data, instance=current)
            form.is_valid()
        else:
            messages.success(request, _("The memo was saved."))
            return redirect(motion)
    return render(
        request,
        "motions/memo_form.html",
        {"form": form, "sections": sections, "motion": motion, "stale": stale},
    )


@require_GET
def memo_download(request, nummer, fmt):
    from oogst.documents import memo as memo_document
    from oogst.documents.download import download_response

    motion = get_object_or_404(Motion, nummer=nummer)
    memo = services.memo_document(get_object_or_404(Memo, motion=motion))
    render = memo_document.render_pdf if fmt == "pdf" else memo_document.render_docx
    return download_response(render(memo), filename=f"memo-{motion.nummer}", fmt=fmt)


@require_http_methods(["GET", "POST"])
@once_per_form
def afdoeningsrondes(request):
    form = AfdoeningsrondeForm(request.POST or None)
    if request.method == "POST":
        _require_manager(request)
        if form.is_valid():
            ronde = form.save()
            return redirect(ronde)
    return render(
        request,
        "motions/afdoeningsrondes.html",
        {
            "rondes": Afdoeningsronde.objects.all(),
            "form": form,
            "can_manage": request.user.can_manage_motions(),
        },
    )


@require_GET
def afdoeningsronde(request, pk):
    ronde = get_object_or_404(Afdoeningsronde, pk=pk)
    return render(
        request,
        "motions/afdoeningsronde.html",
        {
            "ronde": ronde,
            "voorstellen": ronde.voorstellen.select_related("motion__portefeuille", "decided_by"),
            "propose_form": ProposeForm(),
            "decision_form": DecisionForm(),
            "can_manage": request.user.can_manage_motions(),
            "meeting_held": ronde.meeting_held(),
        },
    )


@require_POST
@once_per_form
def afdoeningsronde_propose(request, pk):
    _require_manager(request)
    ronde = get_object_or_404(Afdoeningsronde, pk=pk)
    form = ProposeForm(request.POST)
    if form.is_valid():
        try:
            services.propose(actor=request.user, motion=form.cleaned_data["motion"], ronde=ronde)
        except services.MotionError as error:
            messages.error(request, str(error))
    return redirect(ronde)


@require_POST
def voorstel_decide(request, pk):
    _require_manager(request)
    voorstel = get_object_or_404(
        Afdoeningsvoorstel.objects.select_related("motion", "ronde"), pk=pk
    )
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.record_decision(
                actor=request.user,
                voorstel=voorstel,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("The council's decision was recorded."))
        except services.MotionError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Choose agreed or not agreed."))
    return redirect(voorstel.ronde)
