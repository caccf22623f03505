"""A published round as open data: the frozen snapshots as JSON and CSV, and a metadata file
(title, publisher, licence, date) that says what they are. Only what the public appendix
shows: no owner, no authors of progress updates."""

import json

from django.conf import settings
from django.urls import reverse

from oogst.core import tabular

from . import snapshot as snapshot_contract
from .models import Round
from .services import snapshots

# People's names are in the snapshot for the council's internal use; the public data leaves
# them out, as the public appendix does.
_PERSONAL = ("owner",)
DATE_FIELDS = ("startdatum", "einddatum", "evaluatiemoment")


def records(round: Round) -> list[dict]:
    rows = []
    for record in snapshots(round):
        data = record.to_json()
        for name in _PERSONAL:
            data.pop(name, None)
        for update in data["status_updates"]:
            update.pop("author", None)
        rows.append(data)
    return rows


def json_bytes(round: Round) -> bytes:
    document = {
        "round": round.slug,
        "title": f"{round.appendix_title} — {round.name}",
        "peildatum": round.peildatum.isoformat(),
        "pilots": records(round),
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


def _columns():
    columns = [tabular.Column("pilot_id", "ID", "integer"), tabular.Column("slug", "Slug")]
    for name in snapshot_contract.COMPARED_FIELDS:
        if name in _PERSONAL:
            continue
        label = snapshot_contract.field_label(name)
        columns.append(tabular.Column(name, label))
        if name in DATE_FIELDS:
            columns.append(tabular.Column(f"{name}_start", f"{label} (begin)", "date"))
            columns.append(tabular.Column(f"{name}_end", f"{label} (eind)", "date"))
    return columns


def csv_bytes(round: Round) -> bytes:
    rows = []
    for record in snapshots(round):
        row = {"pilot_id": record.pilot_id, "slug": record.slug}
        for name in snapshot_contract.COMPARED_FIELDS:
            if name in _PERSONAL:
                continue
            if name == "status_updates":
                # Without the author, as on the public page.
                row[name] = "\n\n".join(
                    str(snapshot_contract.ProgressUpdate(u.id, u.date, u.title, u.text))
                    for u in record.status_updates
                )
            else:
                row[name] = record.display(name)
        for name in DATE_FIELDS:
            value = getattr(record, name)
            row[f"{name}_start"], row[f"{name}_end"] = value.start, value.end
        rows.append(row)
    return tabular.csv_text(_columns(), rows).encode("utf-8")


def metadata(round: Round, request) -> dict:
    """A small DCAT-like description, enough for a data portal to list the files."""

    def url(fmt):
        return request.build_absolute_uri(
            reverse("rounds:open_data", kwargs={"slug": round.slug, "fmt": fmt})
        )

    return {
        "title": f"{round.appendix_title} — {round.name}",
        "description": (
            "De pilots zoals gerapporteerd aan de gemeenteraad in deze rapportageronde "
            f"(peildatum {round.peildatum.isoformat()}); vastgesteld en gepubliceerd."
        ),
        "publisher": settings.OOGST_MUNICIPALITY,
        "license": settings.OOGST_OPEN_DATA_LICENCE,
        "licenseUrl": settings.OOGST_OPEN_DATA_LICENCE_URL,
        "issued": round.published_at.date().isoformat() if round.published_at else None,
        "modified": round.frozen_at.date().isoformat() if round.frozen_at else None,
        "temporal": round.peildatum.isoformat(),
        "language": "nl",
        "landingPage": request.build_absolute_uri(
            reverse("rounds:public_appendix", kwargs={"slug": round.slug})
        ),
        "distributions": [
            {"format": "JSON", "mediaType": "application/json", "downloadUrl": url("json")},
            {
                "format": "CSV",
                "mediaType": "text/csv",
                "downloadUrl": url("csv"),
                "description": "Puntkomma als scheidingsteken, UTF-8 met BOM, datums dd-mm-jjjj.",
            },
        ],
    }
