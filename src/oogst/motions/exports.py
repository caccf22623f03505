"""Motion exports: every motion with its linked pilots."""

import csv
import json

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


def write_csv(stream, motions) -> None:
    stream.write("\ufeff")  # Excel reads UTF-8 with ë and € only with a BOM
    writer = None
    for motion in motions:
        record = motion_record(motion)
        record["indieners"] = "; ".join(record["indieners"])
        record["pilots"] = "; ".join(p["name"] for p in record["pilots"])
        record["documents"] = "; ".join(f"{d['title']} <{d['url']}>" for d in record["documents"])
        if writer is None:
            writer = csv.DictWriter(stream, fieldnames=list(record))
            writer.writeheader()
        writer.writerow(record)
