"""Render the appendix of a 500-pilot round in each format: seconds and peak memory.

Run: .venv/bin/python benchmarks/appendix_render.py [--pilots 500 2000]
Each format runs in a fresh process so its peak memory (max RSS) is its own. The round's web
pages, end to end through Django, are timed by benchmarks/round_page.py. WeasyPrint is no
longer installed, so its PDF figure is quoted from the last measurement on this machine
(README: 48 s, 967 MB at 500 pilots) and the ratio is computed against it. To measure it
again: `git worktree add /tmp/weasy 0e1939e^`, a venv there with `pip install -e .`, and
this script of that commit.
"""

import argparse
import datetime
import json
import os
import resource
import subprocess
import sys
import time

PARAGRAPH = (
    "Het project bevindt zich in de uitvoeringsfase. De eerste ervaringen zijn "
    "positief; financiële gevolgen worden in de P&C-cyclus gerapporteerd (€ 160.000). "
)


# The last WeasyPrint measurement of the 500-pilot PDF on this machine (seconds, peak MB):
# WeasyPrint 70.0 at 0e1939e^, 2026-11-25, right before the Typst figure in the README.
WEASYPRINT = (48, 967)


def snapshot(i):
    return {
        "name": f"Pilot {i:03d} geëvalueerd",
        "slug": f"pilot-{i}",
        "korte_omschrijving": (PARAGRAPH * 4 + "\n\n") * 2 + "- punt een\n- punt twee",
        "programma": f"Programma {i % 8 + 1}. Veiligheid",
        "portefeuille": "Wonen",
        "portefeuillehouder": "",
        "doel": PARAGRAPH * 3,
        "startdatum": "1 januari 2021",
        "einddatum": "4de kwartaal 2025",
        "evaluatiemoment": "2x per jaar",
        "uitkomst_evaluatie": PARAGRAPH * 2,
        "succesvol": "ja",
        "succesvol_toelichting": PARAGRAPH * 2,
        "beleid_aanpassen": "nee",
        "beleid_aanpassen_toelichting": PARAGRAPH,
        "financieel_gevolg": "nog_niet_bekend",
        "financieel_gevolg_toelichting": "",
        "bestuurlijk_gerapporteerd": PARAGRAPH,
        "fase": "uitvoering",
        "resultaat": "",
        "status_updates": [
            {"date": "2025-02-01", "title": "Update", "text": PARAGRAPH, "author": ""}
        ],
    }


def child(fmt, count):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oogst.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    import django

    django.setup()
    from oogst.documents.appendix import Appendix, render_docx, render_html, render_pdf
    from oogst.rounds.snapshot import load

    appendix = Appendix(
        title="Bijlage 6. Monitoring evaluatie Pilots",
        round_name="Benchmark",
        municipality="Gemeente",
        inleiding=PARAGRAPH,
        concept=False,
        peildatum=datetime.date(2025, 3, 1),
        pilots=[load(snapshot(i)) for i in range(count)],  # a schema-1 record, upgraded
    )
    render = {
        "docx": render_docx,
        "pdf": render_pdf,
        "html": lambda a: render_html(a, standalone=False),
    }[fmt]
    started = time.perf_counter()
    output = render(appendix)
    seconds = time.perf_counter() - started
    # The PDF is compiled in a child process (oogst.documents.pdf): the peak of the largest
    # process, not their sum, is what a server needs; both are printed.
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    peak_mb = max(self_mb, child_mb)
    print(
        json.dumps(
            {
                "format": fmt,
                "seconds": round(seconds, 2),
                "peak_mb": round(peak_mb),
                "self_mb": round(self_mb),
                "child_mb": round(child_mb),
                "size_kb": round(len(output) / 1024),
            }
        )
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pilots", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.pilots[0])
    targets = {"docx": 3, "pdf": 5, "html": 0.5}
    for count in args.pilots:
        for fmt in ("html", "docx", "pdf"):
            result = subprocess.run(
                [sys.executable, __file__, "--child", fmt, "--pilots", str(count)],
                capture_output=True,
                text=True,
                check=True,
            )
            row = json.loads(result.stdout.strip().splitlines()[-1])
            within = row["seconds"] <= targets[fmt] and row["peak_mb"] <= 500
            ok = "ok" if count > 500 or within else "OVER TARGET"
            print(
                f"{fmt:5s} {count} pilots: {row['seconds']:6.2f} s (target <= {targets[fmt]} s "
                f"at 500), peak {row['peak_mb']} MB (caller {row['self_mb']} MB, Typst child "
                f"{row['child_mb']} MB), {row['size_kb']} KB  {ok}"
            )
            if fmt == "pdf" and count == 500:
                print(
                    f"      vs WeasyPrint {WEASYPRINT[0]} s, {WEASYPRINT[1]} MB: "
                    f"{WEASYPRINT[0] / row['seconds']:.0f}x faster, "
                    f"{WEASYPRINT[1] / row['peak_mb']:.1f}x less memory"
                )


if __name__ == "__main__":
    main()
