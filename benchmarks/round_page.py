"""A frozen round of 500 pilots: freeze to stored documents, then its pages end to end.

Run: .venv/bin/python benchmarks/round_page.py [--pilots 500] [--requests 20]
Freezes the round (which queues its documents as tasks), runs the real worker
(`db_worker --batch`) and reports the time from freeze to documents ready. Then times, with
Django's test client (URL routing, middleware, session, queries, template), the coordinator's
round page, the public appendix page and the stored PDF's download, on a fresh SQLite
database, or on DATABASE_URL's server when set. Pilot texts are as long as in
benchmarks/appendix_render.py.
"""

import argparse
import datetime
import os
import resource
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pilots", type=int, default=500)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    import bench_env

    with bench_env.test_database(static=True) as connection:
        run(args, connection)


def run(args, connection):
    from appendix_render import snapshot
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from oogst.accounts.models import Role, User
    from oogst.pilots.models import Pilot, Programma, StatusUpdate
    from oogst.rounds import services
    from oogst.rounds.models import Round

    coordinator = User.objects.create_user("coordinator", role=Role.COORDINATOR)
    owner = User.objects.create_user("owner", role=Role.EIGENAAR)
    programmas = [Programma.objects.create(number=n, name=f"Programma {n}") for n in range(1, 9)]
    fields = [
        "korte_omschrijving", "doel", "startdatum", "einddatum", "evaluatiemoment",
        "uitkomst_evaluatie", "succesvol", "succesvol_toelichting", "beleid_aanpassen",
        "beleid_aanpassen_toelichting", "financieel_gevolg", "bestuurlijk_gerapporteerd",
    ]  # fmt: skip
    pilots = []
    for i in range(args.pilots):
        data = snapshot(i)
        pilot = Pilot(
            name=data["name"],
            slug=data["slug"],
            programma=programmas[i % 8],
            owner=owner,
            fase="uitvoering",
            **{name: data[name] for name in fields},
        )
        pilot.interpret_dates()
        pilot.search_text = pilot.build_search_text()
        pilots.append(pilot)
    Pilot.objects.bulk_create(pilots, batch_size=500)
    StatusUpdate.objects.bulk_create(
        StatusUpdate(pilot=pilot, title="Update", text=snapshot(0)["doel"])
        for pilot in Pilot.objects.all()
    )
    round_ = services.open_round(
        actor=coordinator,
        round=Round(
            name="Benchmark",
            kind="perspectiefnota",
            peildatum=datetime.date(2025, 3, 1),
            deadline=datetime.date(2025, 3, 21),
        ),
        pilots=Pilot.objects.all(),
    )
    started = time.perf_counter()
    services.freeze(actor=coordinator, round=round_, force=True)
    frozen = time.perf_counter()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    ready = time.perf_counter()
    sizes = {d.format: d.size // 1024 for d in round_.documents.all() if d.size}
    assert len(sizes) == 4, [(d.format, d.status, d.error) for d in round_.documents.all()]
    print(
        f"freeze {args.pilots} pilots: {frozen - started:5.2f} s; documents ready "
        f"{ready - started:6.2f} s after the freeze started ({sizes} KB)"
    )
    services.publish(actor=coordinator, round=round_)

    staff = Client()
    staff.force_login(coordinator)
    public = Client()
    for label, client, url in [
        ("round page (coordinator)", staff, f"/rondes/{round_.slug}/"),
        ("public appendix page", public, f"/openbaar/{round_.slug}/"),
        ("stored PDF download", public, f"/openbaar/{round_.slug}/bijlage.pdf"),
    ]:
        timings = []
        for _ in range(args.requests):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        print(
            f"{label:26s} {args.pilots} pilots: median {statistics.median(timings):6.1f} ms  "
            f"max {max(timings):6.1f} ms  queries {len(ctx.captured_queries)}  "
            f"{len(response.content) // 1024} KB"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB on {connection.vendor}")


if __name__ == "__main__":
    main()
