"""Import pages: upload, preview (read in the background, the page polls), confirm."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from oogst.core import permissions
from oogst.core.once import once_per_form
from oogst.core.uploads import MAX_UPLOAD_BYTES

from . import imports, spreadsheet_import
from .forms import ImportForm
from .models import ImportJob, ImportKind


@require_http_methods(["GET", "POST"])
@once_per_form
def import_start(request):
    permissions.require(request.user, "pilot.import")
    # Refuse an oversized upload by its announced length, before Django reads the body.
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_UPLOAD_BYTES + 64 * 1024:
        messages.error(
            request,
            _("The file is larger than %(limit)d MB; nothing was imported.")
            % {"limit": MAX_UPLOAD_BYTES // (1024 * 1024)},
        )
        return redirect("pilots:import")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        # Read the bytes only after the size check (ImportForm), never a 50 MB file.
        job = imports.start_import(
            actor=request.user,
            kind=form.cleaned_data["kind"],
            name=upload.name,
            data=upload.read(),
        )
        return redirect(job)
    return render(
        request,
        "pilots/import_start.html",
        {
            "form": form,
            "jobs": ImportJob.objects.defer("content", "preview").select_related("created_by")[:10],
            "limit_mb": MAX_UPLOAD_BYTES // (1024 * 1024),
        },
    )


def _job(request, pk) -> ImportJob:
    permissions.require(request.user, "pilot.import")
    return get_object_or_404(ImportJob.objects.defer("content"), pk=pk)


@require_GET
def import_detail(request, pk):
    job = _job(request, pk)
    return render(request, "pilots/import_detail.html", {"job": job, **_context(job)})


@require_GET
def import_status(request, pk):
    """The preview part of the page; htmx polls it while the file is being read."""
    job = _job(request, pk)
    return render(request, "pilots/_import_preview.html", {"job": job, **_context(job)})


def _context(job):
    preview = job.preview or {}
    return {
        "pending": job.is_pending,
        "is_appendix": job.kind == ImportKind.APPENDIX,
        "preview": preview,
    }


@require_POST
def import_confirm(request, pk):
    job = _job(request, pk)
    try:
        if job.kind == ImportKind.APPENDIX:
            result = imports.apply_appendix(actor=request.user, job=job)
        else:
            result = imports.apply_rows(
                actor=request.user, job=job, only_valid=request.POST.get("only_valid") == "on"
            )
    except imports.ImportRefused as refused:
        messages.error(request, str(refused))
        return redirect(job)
    messages.success(
        request,
        _("Imported: %(created)d new, %(updated)d updated, %(skipped)d not imported.")
        % {
            "created": len(result["created"]),
            "updated": len(result["updated"]),
            "skipped": len(result["skipped"]),
        },
    )
    return redirect(job)


@require_POST
def import_retry(request, pk):
    job = _job(request, pk)
    try:
        imports.retry_import(actor=request.user, job=job)
    except imports.ImportRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The file is being read again."))
    return redirect(job)


@require_GET
def import_template(request, kind):
    permissions.require(request.user, "pilot.import")
    if kind not in spreadsheet_import.TEMPLATES:
        raise Http404
    return spreadsheet_import.template_response(kind)
