"""Register overview with 2,000 generated pilots: median render time and query count.

Run: .venv/bin/python benchmarks/register_overview.py [--pilots 2000] [--requests 60]
Uses a fresh SQLite database in a temporary folder unless DATABASE_URL is set (then it
creates and drops a benchmark database on that server).
"""

import argparse
import statistics
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pilots", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()

    import bench_env

    with bench_env.test_database(static=True) as connection:
        run(args, connection)


def run(args, connection):
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from oogst.accounts.models import Role, User
    from oogst.pilots.models import Partner

    owner = User.objects.create_user("bench", role=Role.LEZER)
    Partner.objects.create(name="Partner")
    started = time.perf_counter()
    import bench_env

    bench_env.register_of(args.pilots, owner=owner)
    print(
        f"generated {args.pilots} pilots in {time.perf_counter() - started:.1f} s "
        f"on {connection.vendor}"
    )

    client = Client()
    client.force_login(owner)
    for label, query in [
        ("overview", ""),
        ("search 'kwartaal'", "?q=kwartaal"),
        ("sort by start date", "?sort=start"),
        ("filter fase + evaluation year", "?fase=uitvoering&evaluatie_in=2025"),
    ]:
        timings = []
        for _ in range(args.requests):
            t0 = time.perf_counter()
            response = client.get("/" + query)
            timings.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200
        with CaptureQueriesContext(connection) as ctx:
            client.get("/" + query)
        print(
            f"{label:32s} median {statistics.median(timings):6.1f} ms  "
            f"p95 {sorted(timings)[int(len(timings) * 0.95) - 1]:6.1f} ms  "
            f"queries {len(ctx.captured_queries)}"
        )


if __name__ == "__main__":
    main()
