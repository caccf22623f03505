"""Confirmation steps: one pattern for every step that cannot be taken back.

A GET shows a page that says what will happen, with a form carrying `confirm=yes` (the lesson
deletion and the MFA reset started it). The POST does the step only when that field is there;
without it nothing changes and the page is shown again, so a stray or forged POST, a link
prefetcher or an old one-click button cannot publish, reopen or reset by accident.
"""

from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext as _

FIELD = "confirm"


def confirmed(request) -> bool:
    return request.method == "POST" and request.POST.get(FIELD) == "yes"


def confirmation_page(
    request,
    *,
    title: str,
    explanation: list[str],
    button: str,
    cancel_url: str,
    items=(),
    form=None,
    breadcrumb=None,
    status=None,
):
    """The page that asks; a POST that arrived without the confirmation says so (400)."""
    if request.method == "POST" and status is None:
        if not confirmed(request):
            messages.error(request, _("Nothing was changed: confirm the step on this page."))
        status = 400
    return render(
        request,
        "core/confirm.html",
        {
            "title": title,
            "explanation": explanation,
            "items": items,
            "button": button,
            "cancel_url": cancel_url,
            "form": form,
            "breadcrumb": breadcrumb or (cancel_url, title),
        },
        status=status or 200,
    )
