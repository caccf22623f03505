"""The API's pilot list with N generated pilots (default 20,000), each with an indicator,
three measurements and a budget line, a page of 100: median and p95 per request, and the
queries a page costs (fixed: no snapshot building per pilot).

Run: .venv/bin/python benchmarks/api.py [--pilots 20000] [--requests 60]
Uses a fresh SQLite database in a temporary folder unless DATABASE_URL is set (then it
creates and drops a benchmark database on that server).
"""

import argparse
import statistics
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pilots", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()

    import bench_env

    with bench_env.test_database() as connection:
        run(args, connection)


def run(args, connection):
    import bench_env
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from oogst.accounts.models import Role, User
    from oogst.api import services
    from oogst.pilots.models import Partner

    owner = User.objects.create_user("bench", role=Role.LEZER)
    beheerder = User.objects.create_user("beheer", role=Role.BEHEERDER)
    Partner.objects.create(name="Partner")
    started = time.perf_counter()
    bench_env.register_of(args.pilots, owner=owner)
    _with_figures()
    print(
        f"generated {args.pilots} pilots in {time.perf_counter() - started:.1f} s "
        f"on {connection.vendor}"
    )
    _key, raw = services.issue_key(actor=beheerder, application="bench", scope="read_all")
    client = Client(HTTP_X_API_KEY=raw)
    last = (args.pilots + 99) // 100
    for label, query in [
        ("first page of 100", "?paginaGrootte=100"),
        ("middle page of 100", f"?paginaGrootte=100&pagina={max(1, last // 2)}"),
        ("search 'kwartaal'", "?q=kwartaal"),
        ("filter fase + evaluation year", "?fase=uitvoering&evaluatieIn=2025"),
    ]:
        timings = []
        for _ in range(args.requests):
            t0 = time.perf_counter()
            response = client.get("/api/v1/pilots" + query)
            timings.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, response.content[:500]
        with CaptureQueriesContext(connection) as ctx:
            client.get("/api/v1/pilots" + query)
        print(
            f"{label:32s} median {statistics.median(timings):6.1f} ms  "
            f"p95 {sorted(timings)[int(len(timings) * 0.95) - 1]:6.1f} ms  "
            f"queries {len(ctx.captured_queries)}"
        )


def _with_figures():
    """Each pilot one indicator with three measurements and one budget line, as the demo's
    pilots have: the list carries them, so they count in its time."""
    import datetime
    from decimal import Decimal

    from oogst.pilots.models import BudgetLine, Indicator, Measurement, Pilot

    pilots = list(Pilot.objects.values_list("pk", flat=True))
    Indicator.objects.bulk_create(
        Indicator(pilot_id=pk, name="Bereik", unit="deelnemers", baseline=0, target=100)
        for pk in pilots
    )
    Measurement.objects.bulk_create(
        Measurement(indicator_id=pk, value=Decimal(10 * n), date=datetime.date(2025, n, 1))
        for pk in Indicator.objects.values_list("pk", flat=True)
        for n in (1, 2, 3)
    )
    BudgetLine.objects.bulk_create(
        BudgetLine(pilot_id=pk, funding_kind="eigen_middelen", year=2025, begroot=Decimal(50_000))
        for pk in pilots
    )


if __name__ == "__main__":
    main()
