"""Import preview of a 500-pilot appendix (DOCX) and the register's XLSX export of 20,000 pilots.

Run: .venv/bin/python benchmarks/import_export.py [--pilots 500] [--register 20000 5000]
Each measurement runs in a fresh process on a fresh SQLite database, so its peak memory (max
RSS, which includes lxml's and openpyxl's C allocations) is its own; "base" is the process's
RSS just before the measured step (Python, Django and the data already loaded).
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def setup_django():
    tmp = tempfile.mkdtemp(prefix="oogst-bench-")
    os.environ.setdefault("OOGST_DATA_DIR", tmp)
    import bench_env
    import django

    bench_env.configure()

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)


def make_docx(count: int, path: str) -> None:
    """Oogst's own appendix of `count` generated pilots, as the round's DOCX renderer makes it."""
    sys.path.insert(0, HERE)
    import datetime

    import bench_env
    import django
    from appendix_render import PARAGRAPH, snapshot

    bench_env.configure()

    django.setup()
    from oogst.documents.appendix import Appendix, render_docx
    from oogst.rounds.snapshot import load

    appendix = Appendix(
        title="Bijlage 6. Monitoring evaluatie Pilots",
        round_name="Benchmark",
        municipality="Gemeente",
        inleiding=PARAGRAPH,
        concept=False,
        peildatum=datetime.date(2025, 3, 1),
        pilots=[load(snapshot(i)) for i in range(count)],
    )
    with open(path, "wb") as handle:
        handle.write(render_docx(appendix))


def child_preview(path: str) -> dict:
    setup_django()
    from oogst.core.uploads import check_upload
    from oogst.pilots.appendix_reader import read_appendix
    from oogst.pilots.imports import preview_appendix

    data = open(path, "rb").read()
    base = rss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    check_upload(data, "bijlage.docx", allowed={"docx"})
    preview = preview_appendix(read_appendix(data))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "what": "appendix import preview",
        "pilots": len(preview["pilots"]),
        "importable": preview["importable"],
        "docx_kb": len(data) // 1024,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),  # the machine may be shared: CPU time is the fair figure
        "base_mb": round(base),
        "peak_mb": round(peak_mb()),
    }


def child_xlsx(count: int) -> dict:
    setup_django()
    import datetime
    from decimal import Decimal

    from django.db import connection

    from oogst.core import tabular
    from oogst.pilots import exports
    from oogst.pilots.models import Pilot, Portefeuille, Programma, StatusUpdate

    programmas = [Programma.objects.create(number=n, name=f"Programma {n}") for n in range(1, 9)]
    portefeuille = Portefeuille.objects.create(name="Wonen")
    text = "Het project bevindt zich in de uitvoeringsfase; € 160.000. " * 3
    Pilot.objects.bulk_create(
        [
            Pilot(
                name=f"Pilot {i:05d}",
                slug=f"pilot-{i}",
                korte_omschrijving=text,
                doel=text,
                programma=programmas[i % 8],
                portefeuille=portefeuille,
                startdatum="1 januari 2021",
                startdatum_start=datetime.date(2021, 1, 1),
                startdatum_end=datetime.date(2021, 1, 1),
                einddatum="4de kwartaal 2025",
                einddatum_start=datetime.date(2025, 10, 1),
                einddatum_end=datetime.date(2025, 12, 31),
                evaluatiemoment="2x per jaar",
                succesvol="ja",
                succesvol_toelichting=text,
                fase="uitvoering",
                budget=Decimal("160000.00"),
                target_participants=40,
            )
            for i in range(count)
        ],
        batch_size=2000,
    )
    ids = list(Pilot.objects.values_list("pk", flat=True))
    StatusUpdate.objects.bulk_create(
        [StatusUpdate(pilot_id=pk, date=datetime.date(2025, 2, 1), text=text) for pk in ids],
        batch_size=2000,
    )
    connection.close()  # start the measurement with no cached rows
    base = rss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    with tempfile.TemporaryFile() as handle:
        tabular.write_xlsx(
            handle, exports.COLUMNS, exports.table_rows(Pilot.objects.order_by("name"))
        )
        size = handle.tell()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "what": "register XLSX export",
        "pilots": count,
        "xlsx_mb": round(size / 1024 / 1024, 1),
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),  # the machine may be shared: CPU time is the fair figure
        "base_mb": round(base),
        "peak_mb": round(peak_mb()),
    }


def run_child(*args) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child", *map(str, args)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pilots", type=int, default=500)
    parser.add_argument("--register", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--child", nargs="+")
    args = parser.parse_args()
    if args.child:
        kind, value = args.child
        result = child_preview(value) if kind == "preview" else child_xlsx(int(value))
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "bijlage.docx")
        subprocess.run(
            [sys.executable, "-c", f"import sys; sys.path.insert(0, {HERE!r}); "
             f"from import_export import make_docx; make_docx({args.pilots}, {path!r})"],
            check=True,
        )  # fmt: skip
        print(json.dumps(run_child("preview", path)))
    for count in args.register:
        print(json.dumps(run_child("xlsx", count)))


if __name__ == "__main__":
    main()
