"""The beheerder's pages for the reference lists: programmes, portfolios, partners, themes."""

from auditlog.context import set_actor
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from oogst.core.forms import NLDesignFormMixin
from oogst.core.once import once_per_form

from .models import Partner, Portefeuille, Programma, Thema


class ReferenceForm(NLDesignFormMixin, forms.ModelForm):
    pass


REFERENCE_LISTS = {
    "programmas": (Programma, ["number", "name", "active"]),
    "portefeuilles": (Portefeuille, ["name", "portefeuillehouder", "members", "active"]),
    "partners": (Partner, ["name", "active"]),
    # The themes lessons are tagged with, so the harvest page can group them.
    "themas": (Thema, ["name", "active"]),
}


def _reference_list(request, kind):
    if not request.user.can_manage_reference_lists():
        raise PermissionDenied
    try:
        return REFERENCE_LISTS[kind]
    except KeyError:
        raise Http404 from None


def _display(obj, field):
    value = getattr(obj, field)
    if obj._meta.get_field(field).many_to_many:
        return ", ".join(str(item) for item in value.all())
    return value


@require_GET
def reference_list(request, kind):
    model, fields = _reference_list(request, kind)
    return render(
        request,
        "pilots/reference_list.html",
        {
            "kind": kind,
            "model_meta": model._meta,
            "fields": fields,
            "field_labels": [model._meta.get_field(f).verbose_name for f in fields],
            "rows": [(obj, [_display(obj, f) for f in fields]) for obj in model.objects.all()],
            "kinds": [(k, m._meta.verbose_name_plural) for k, (m, _f) in REFERENCE_LISTS.items()],
        },
    )


@require_http_methods(["GET", "POST"])
@once_per_form
def reference_edit(request, kind, pk=None):
    model, fields = _reference_list(request, kind)
    instance = get_object_or_404(model, pk=pk) if pk else None
    form_class = forms.modelform_factory(
        model,
        form=ReferenceForm,
        fields=fields,
        widgets={"members": forms.CheckboxSelectMultiple},
    )
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        with set_actor(request.user, remote_addr=request.META.get("REMOTE_ADDR")):
            form.save()
        messages.success(request, _("“%(name)s” was saved.") % {"name": form.instance})
        return redirect("pilots:reference_list", kind=kind)
    return render(
        request,
        "pilots/reference_form.html",
        {"kind": kind, "model_meta": model._meta, "form": form, "instance": instance},
    )
