"""Participant figures: what disclosure control hides on the demo, and the page's speed.

Run: .venv/bin/python benchmarks/participant_figures.py [--people 2000] [--requests 20]

1. On the demo monitor (40 fictional people): cells hidden per table before (the per-table
   suppression of commit BEFORE, read from git) and after (participants/disclosure.py), and the
   share of cells shown, for everyone and over every group the page offers.
2. The figures page "Deelnemers in cijfers" for a monitor of --people participants, end to end
   through Django's test client (median of --requests), for everyone and for a start year.
On a fresh SQLite database, or on DATABASE_URL's server when set.
"""

import argparse
import datetime
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import types

BEFORE = "be5d880"  # the last commit with participants/aggregates.py


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("OOGST_DATA_DIR", tempfile.mkdtemp(prefix="oogst-bench-"))
    import bench_env
    import django

    bench_env.configure()

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    call_command("collectstatic", interactive=False, verbosity=0)
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        demo_figures()
        page_speed(args, connection, CaptureQueriesContext)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def old_aggregates():
    """The previous module, from git, to measure what it hid."""
    source = subprocess.check_output(
        ["git", "show", f"{BEFORE}:src/oogst/participants/aggregates.py"], text=True
    ).replace("from .models import", "from oogst.participants.models import")
    module = types.ModuleType("old_aggregates")
    exec(compile(source, "old_aggregates.py", "exec"), module.__dict__)  # noqa: S102
    return module


def _old_tables(figures):
    tables = {
        "reach (taking part, left)": [figures["active"], figures["exited"]],
        "phases": [v for _l, v in figures["phases"]],
        "movement": list(figures["movement"].values()),
        "outcomes": [v for _l, v in figures["outcomes"]],
        "rungs first+latest": [v for _l, v in figures["first_rungs"] + figures["latest_rungs"]],
        "zrm (all domains)": [v for d in figures["zrm"] for v in d["figures"].values()],
        "series (3 columns)": [
            row[key] for row in figures["over_time"] for key in ("started", "left", "active")
        ],
    }
    return {name: (sum(f.suppressed for f in c), 0, len(c)) for name, c in tables.items()}


def _new_tables(published):
    names = {
        "reach (taking part, left)": ["reach"],
        "phases": ["phases"],
        "movement": ["movement"],
        "outcomes": ["outcomes"],
        "rungs first+latest": [],
        "zrm (all domains)": [f"zrm:{d}" for d, _l in published.layout.zrm],
        "series (3 columns)": ["started"],
    }
    result = {}
    layout_sizes = {
        "reach": 2,
        "phases": len(published.layout.phases),
        "movement": 4,
        "outcomes": len(published.layout.outcomes),
        "started": len(published.layout.quarters),
    }
    for label, tables in names.items():
        hidden = withheld = total = 0
        for name in tables:
            table = published.table(name)
            size = layout_sizes.get(name, 3)
            total += size
            if table is None:
                withheld += size
            else:
                hidden += sum(f.suppressed for f in table.values())
        result[label] = (hidden, withheld, total)
    return result


def demo_figures():
    from oogst.demo.pilots import load_demo
    from oogst.participants import disclosure
    from oogst.participants.models import Monitor

    load_demo()
    monitor = Monitor.objects.get(pilot__slug="voorbeeld-deelnemersmonitor")
    today = datetime.date(2026, 11, 1)
    old = old_aggregates()
    before = _old_tables(old.compute(monitor, today=today))
    after = _new_tables(disclosure.for_monitor(monitor, today=today))
    print("Demo monitor (40 people), everyone: hidden / not shown / cells, before -> after")
    totals = [0, 0, 0, 0, 0]
    for name in before:
        b_hidden, _w, b_total = before[name]
        a_hidden, a_withheld, a_total = after[name]
        print(
            f"  {name:28s} before {b_hidden:2d} hidden of {b_total:2d}   "
            f"after {a_hidden:2d} hidden + {a_withheld:2d} not shown of {a_total:2d}"
        )
        totals = [
            totals[0] + b_hidden,
            totals[1] + b_total,
            totals[2] + a_hidden,
            totals[3] + a_withheld,
            totals[4] + a_total,
        ]
    print(
        f"  share of cells shown: before {1 - totals[0] / totals[1]:.0%} of {totals[1]}, "
        f"after {1 - (totals[2] + totals[3]) / totals[4]:.0%} of {totals[4]} "
        f"({totals[4] - totals[2] - totals[3]} of the {totals[1]} cells published before)"
    )

    # Every group the page offers.
    years = sorted({p.start_date.year for p in monitor.participants.all()})
    combos = [
        old.Filters(start_year=y, status=s, activity_type=a)
        for y in [None, *years]
        for s in ("", "actief", "uitgestroomd")
        for a in [None, *monitor.activity_types.values_list("pk", flat=True)]
    ]
    b_hidden = b_total = 0
    for filters in combos:
        for hidden, _w, total in _old_tables(old.compute(monitor, filters, today=today)).values():
            b_hidden, b_total = b_hidden + hidden, b_total + total
    views = disclosure.for_monitor(monitor, today=today).views
    a_shown = a_total = 0
    refused = 0
    for view in views:
        published = disclosure.for_monitor(monitor, view_key=view.key, today=today)
        cells = _new_tables(published)
        total = sum(t for _h, _w, t in cells.values())
        a_total += total
        if view.refused:
            refused += 1
            continue
        a_shown += total - sum(h + w for h, w, _t in cells.values())
    print(
        f"  over every group offered: before {len(combos)} filter combinations, "
        f"{1 - b_hidden / b_total:.0%} of {b_total} cells shown; after {len(views)} groups "
        f"({refused} refused), {a_shown / a_total:.0%} of {a_total} cells shown"
    )


def page_speed(args, connection, CaptureQueriesContext):
    from django.test import Client

    from oogst.accounts.models import Role, User
    from oogst.participants import services
    from oogst.participants.models import (
        Attendance,
        LadderMeasurement,
        Outcome,
        Participant,
        PhaseStep,
        ZrmScore,
    )
    from oogst.pilots.models import Partner, Pilot

    coordinator = User.objects.create_user("bench-coordinator", role=Role.COORDINATOR)
    pilot = Pilot.objects.create(slug="bench", name="Benchmark", owner=coordinator)
    monitor = services.set_up_monitor(
        pilot=pilot, partner=Partner.objects.create(name="Bench"), code_prefix="BE", target=2000
    )
    monitor.zrm_domains = ["financien", "sociaal_netwerk", "justitie"]
    monitor.save()
    rng = random.Random(12)
    phases = list(monitor.phases.all())
    activities = list(monitor.activity_types.all())
    people = []
    for i in range(args.people):
        start = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(0, 1000))
        leaves = rng.random() < 0.3
        people.append(
            Participant(
                monitor=monitor,
                code=f"BE-{i:06d}",
                start_date=start,
                exit_date=start + datetime.timedelta(days=200) if leaves else None,
                exit_outcome=rng.choice(Outcome.values) if leaves else "",
            )
        )
    Participant.objects.bulk_create(people, batch_size=500)
    people = list(Participant.objects.filter(monitor=monitor))
    steps, ladder, scores, attendances = [], [], [], []
    for person in people:
        for n in range(rng.randint(1, 3)):
            day = person.start_date + datetime.timedelta(days=90 * n)
            steps.append(PhaseStep(participant=person, phase=rng.choice(phases), date=day))
            ladder.append(LadderMeasurement(participant=person, date=day, rung=rng.randint(1, 6)))
            for domain in monitor.zrm_domains:
                scores.append(
                    ZrmScore(participant=person, date=day, domain=domain, score=rng.randint(1, 5))
                )
            attendances.append(
                Attendance(participant=person, activity_type=rng.choice(activities), date=day)
            )
    for model, rows in [
        (PhaseStep, steps),
        (LadderMeasurement, ladder),
        (ZrmScore, scores),
        (Attendance, attendances),
    ]:
        model.objects.bulk_create(rows, batch_size=1000)

    client = Client()
    client.force_login(coordinator)
    for label, params in [("everyone", {}), ("one start year", {"groep": "jaar-2025"})]:
        url = f"/pilots/{pilot.slug}/deelnemers/"
        timings = []
        for _ in range(args.requests):
            started = time.perf_counter()
            response = client.get(url, params)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        with CaptureQueriesContext(connection) as ctx:
            client.get(url, params)
        print(
            f"figures page, {label:15s} {args.people} people: "
            f"median {statistics.median(timings):6.1f} ms  max {max(timings):6.1f} ms  "
            f"queries {len(ctx.captured_queries)}  (target < 300 ms, {connection.vendor})"
        )


if __name__ == "__main__":
    sys.exit(main())
