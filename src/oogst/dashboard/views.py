from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from oogst.core import permissions
from oogst.pilots.models import Pilot

from . import signals
from .templatetags.dashboard import remember_count

# Enough to act on at a glance; the rest of a rule is one click away.
SHOWN_PER_RULE = 25


@require_GET
def home(request):
    """The landing page: what needs attention, per rule, with a link to act."""
    rules = signals.rules_for(request.user)
    if not rules:
        # Readers land on the register (partner staff never reach this page).
        return redirect("pilots:register")
    expanded = request.GET.get("regel", "")
    groups = signals.signals_for(request.user, limit=SHOWN_PER_RULE, unlimited=expanded)
    total = sum(g.total for g in groups)
    remember_count(request.user, total)
    return render(
        request,
        "dashboard/home.html",
        {
            "groups": groups,
            "total": total,
            "sees_all": request.user.role in signals.SEES_ALL,
            "can_have_pilots": permissions.can(request.user, "rounds.my_tasks"),
        },
    )


@require_GET
def my_pilots(request):
    """An owner's pilots, each with its signals."""
    if not permissions.can(request.user, "rounds.my_tasks"):
        raise PermissionDenied
    pilots = list(
        Pilot.objects.filter(owner=request.user)
        .select_related("programma")
        .only("name", "slug", "fase", "einddatum", "funding_ends", "programma__number",
              "programma__name")
        .order_by("name")
    )  # fmt: skip
    # The owner's own signals only, whatever their role: the rules scoped to their pilots.
    found = signals.by_pilot(signals.signals_for(request.user, own=True))
    rows = [(pilot, found.get(pilot.slug, [])) for pilot in pilots]
    return render(
        request,
        "dashboard/my_pilots.html",
        {"rows": rows, "with_signals": sum(1 for _p, s in rows if s)},
    )
