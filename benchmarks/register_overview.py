"""Register overview with 2,000 generated pilots: median render time and query count.

Run: .venv/bin/python benchmarks/register_overview.py [--pilots 2000] [--requests 60]
Uses a fresh SQLite database in a temporary folder unless DATABASE_URL is set (then it
creates and drops a benchmark database on that server).
"""

import argparse
import os
import statistics
import tempfile
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pilots", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="oogst-bench-")
    os.environ.setdefault("OOGST_DATA_DIR", tmp)

    import bench_env
    import django

    bench_env.configure()

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import (
        CaptureQueriesContext,
        get_runner,  # noqa: F401  (kept for parity with test setup)
        setup_test_environment,
    )

    # Production settings: hashed static files, as served by whitenoise.
    call_command("collectstatic", interactive=False, verbosity=0)
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run(args, connection, CaptureQueriesContext, settings)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(args, connection, CaptureQueriesContext, settings):
    from django.test import Client

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
