"""The register's filters, search and sort: one function for the page, its downloads and the API."""

from dataclasses import dataclass

from django.db.models import F, QuerySet

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


@dataclass
class Selection:
    """What the register's filter form selects: the filtered pilots before any search, the
    search text and the order. The page hands the first three to `search.results_page`,
    which ranks on the index; downloads and the API take `ordered()`."""

    form: RegisterFilterForm
    pilots: QuerySet
    text: str = ""
    sort: str = "name"

    def ordered(self) -> QuerySet:
        pilots = search.search_pilots(self.pilots, self.text) if self.text else self.pilots
        if self.sort == "rank":
            return pilots  # search_pilots orders best match first
        return pilots.order_by(*SORTS[self.sort])

    @property
    def order_by(self):
        """The chosen order's expressions, or None for best match first."""
        return None if self.sort == "rank" else SORTS[self.sort]


def select(params, pilots=None) -> Selection:
    """The register's filters applied to `pilots`. The page passes the register's narrow
    columns by default; the API passes the full pilot."""
    form = RegisterFilterForm(params)
    pilots = Pilot.objects.for_register() if pilots is None else pilots
    if not form.is_valid():
        return Selection(form, pilots)
    data = form.cleaned_data
    if data["programma"]:
        pilots = pilots.filter(programma=data["programma"])
    if data["portefeuille"]:
        pilots = pilots.filter(portefeuille=data["portefeuille"])
    if data["fase"]:
        pilots = pilots.filter(fase=data["fase"])
    if data["succesvol"]:
        pilots = pilots.filter(succesvol="" if data["succesvol"] == "leeg" else data["succesvol"])
    if data["evaluatie_in"]:
        year = data["evaluatie_in"]
        # Overlap of the interpreted evaluation interval with the year.
        pilots = pilots.filter(
            evaluatiemoment_start__year__lte=year, evaluatiemoment_end__year__gte=year
        )
    # Best match first unless the reader chose an order.
    default = "rank" if data["q"] else "name"
    return Selection(form, pilots, data["q"], data["sort"] or default)


def filtered_register(params, pilots=None):
    """(the filter form, the pilots it selects in the register's order)."""
    selection = select(params, pilots)
    return selection.form, selection.ordered()
