"""Motion exports: every motion with its linked pilots."""

import json

from django.utils import translation

from oogst.core import tabular
from oogst.core.tabular import Column

from .models import Motion


def export_queryset():
    return (
        Motion.objects.select_related("portefeuille", "programma")
        .prefetch_related("pilots", "documents")
        .order_by("nummer")
    )


def motion_record(motion: Motion) -> dict:
    return {
        "nummer": motion.nummer,
        "titel": motion.titel,
        "adopted_on": motion.adopted_on.isoformat() if motion.adopted_on else None,
        "meeting": motion.meeting,
        "vote_result": motion.vote_result,
        "indieners": [line.strip() for line in motion.indieners.splitlines() if line.strip()],
        "dictum": motion.dictum,
        "deadline": motion.deadline,
        "deadline_start": motion.deadline_start.isoformat() if motion.deadline_start else None,
        "deadline_end": motion.deadline_end.isoformat() if motion.deadline_end else None,
        "status": motion.status,
        "programma": str(motion.programma) if motion.programma else "",
        "portefeuille": motion.portefeuille.name if motion.portefeuille else "",
        "portefeuillehouder": (
            motion.portefeuille.portefeuillehouder if motion.portefeuille else ""
        ),
        "contact_naam": motion.contact_naam,
        "contact_telefoon": motion.contact_telefoon,
        "contact_email": motion.contact_email,
        "pilots": [{"slug": p.slug, "name": p.name, "fase": p.fase} for p in motion.pilots.all()],
        "documents": [{"title": d.title, "url": d.url} for d in motion.documents.all()],
    }


def write_json(stream, motions) -> None:
    json.dump([motion_record(m) for m in motions], stream, ensure_ascii=False, indent=2)
    stream.write("\n")


COLUMNS = [
    Column("nummer", "Motienummer"),
    Column("titel", "Titel"),
    Column("adopted_on", "Aangenomen op", "date"),
    Column("meeting", "Raadsvergadering"),
    Column("vote_result", "Stemuitslag"),
    Column("indieners", "Indieners"),
    Column("dictum", "Dictum / verzoek"),
    Column("deadline", "Termijn"),
    Column("deadline_start", "Termijn vanaf", "date"),
    Column("deadline_end", "Termijn uiterlijk", "date"),
    Column("status", "Status"),
    Column("programma", "Programma"),
    Column("portefeuille", "Portefeuille"),
    Column("portefeuillehouder", "Portefeuillehouder"),
    Column("contact_naam", "Ambtenaar"),
    Column("contact_telefoon", "Telefoon"),
    Column("contact_email", "E-mail"),
    Column("pilots", "Pilots"),
    Column("documents", "Documenten"),
]


def table_rows(motions):
    """Motions as rows for CSV/XLSX: Dutch status labels, real dates."""
    with translation.override("nl"):
        for motion in motions:
            record = motion_record(motion)
            record["adopted_on"] = motion.adopted_on
            record["deadline_start"] = motion.deadline_start
            record["deadline_end"] = motion.deadline_end
            record["status"] = str(motion.get_status_display())
            record["indieners"] = "; ".join(record["indieners"])
            record["pilots"] = "; ".join(p["name"] for p in record["pilots"])
            record["documents"] = "; ".join(
                f"{d['title']} <{d['url']}>" for d in record["documents"]
            )
            yield record


def write_csv(stream, motions) -> None:
    tabular.write_csv(stream, COLUMNS, table_rows(motions))
