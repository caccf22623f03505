"""The register's filters, search and sort: one function for the page, its downloads and the API."""

from django.db.models import F

from . import search
from .forms import RegisterFilterForm
from .models import Pilot

SORTS = {
    "name": [F("name").asc()],
    "programma": [F("programma__number").asc(nulls_last=True), F("name").asc()],
    # Interpreted dates: earliest first, unknown and unrecognised last.
    "start": [F("startdatum_start").asc(nulls_last=True), F("name").asc()],
    "end": [F("einddatum_end").asc(nulls_last=True), F("name").asc()],
    "evaluatie": [F("evaluatiemoment_start").asc(nulls_last=True), F("name").asc()],
}


def filtered_register(params, pilots=None):
    """(the filter form, the pilots it selects in the register's order). The page passes the
    register's narrow columns by default; the API passes the full pilot."""
    form = RegisterFilterForm(params)
    pilots = Pilot.objects.for_register() if pilots is None else pilots
    sort = "name"
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            # Best match first unless the reader chose an order.
            pilots = search.search_pilots(pilots, data["q"])
            sort = "rank"
        if data["programma"]:
            pilots = pilots.filter(programma=data["programma"])
        if data["portefeuille"]:
            pilots = pilots.filter(portefeuille=data["portefeuille"])
        if data["fase"]:
            pilots = pilots.filter(fase=data["fase"])
        if data["succesvol"]:
            pilots = pilots.filter(
                succesvol="" if data["succesvol"] == "leeg" else data["succesvol"]
            )
        if data["evaluatie_in"]:
            year = data["evaluatie_in"]
            # Overlap of the interpreted evaluation interval with the year.
            pilots = pilots.filter(
                evaluatiemoment_start__year__lte=year, evaluatiemoment_end__year__gte=year
            )
        sort = data["sort"] or sort
    if sort == "rank":
        return form, pilots
    return form, pilots.order_by(*SORTS[sort])
