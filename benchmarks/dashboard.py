"""The signals dashboard with 2,000 generated pilots: median render time and query count.

Run: .venv/bin/python benchmarks/dashboard.py [--pilots 2000] [--requests 40]
Every pilot gets a progress update, an indicator and (every third) a funding end; a tenth
have no owner and there are 200 motions, so every rule finds plenty. Measured for the
coordinator (every pilot) and for an owner (their 200 pilots), and "Mijn pilots". The query
count is also taken at a tenth of the pilots, to show it does not grow. Uses a fresh SQLite
database in a temporary folder unless DATABASE_URL is set.
"""

import argparse
import datetime
import statistics
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pilots", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()

    import bench_env

    with bench_env.test_database(static=True) as connection:
        run(args, connection)


def generate(count: int, *, start: int, coordinator, owners) -> None:
    from decimal import Decimal

    from bench_env import DATES

    from oogst.motions.models import Motion
    from oogst.pilots.models import Indicator, Measurement, Pilot, StatusUpdate

    pilots = []
    for i in range(start, start + count):
        pilot = Pilot(
            name=f"Pilot {i:05d}",
            slug=f"pilot-{i}",
            owner=None if i % 10 == 0 else owners[i % len(owners)],
            startdatum=DATES[i % 10],
            einddatum=DATES[(i + 3) % 10],
            evaluatiemoment=DATES[(i + 5) % 10],
            fase=["uitvoering", "evaluatie", "afgerond", "voorbereiding"][i % 4],
            funding_ends=datetime.date(2025, 1, 1) + datetime.timedelta(days=i % 900)
            if i % 3 == 0
            else None,
        )
        pilot.interpret_dates()
        pilots.append(pilot)
    Pilot.objects.bulk_create(pilots, batch_size=500)
    pilots = list(Pilot.objects.filter(slug__in=[p.slug for p in pilots]))
    StatusUpdate.objects.bulk_create(
        StatusUpdate(
            pilot=p,
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=p.pk % 700),
            text="Stand.",
        )
        for p in pilots
    )
    indicators = []
    for p in pilots:
        indicator = Indicator(
            pilot=p,
            name="Bereik",
            target=Decimal(100),
            target_date=["31-12-2024", "eind 2025", "Q2 2026"][p.pk % 3],
        )
        indicator.save()
        indicators.append(indicator)
    Measurement.objects.bulk_create(
        Measurement(indicator=ind, value=Decimal(40), date=datetime.date(2025, 6, 1))
        for ind in indicators[::2]
    )
    Motion.objects.bulk_create(
        Motion(
            nummer=f"25{i % 12 + 1:02d}-{i}",
            titel=f"Motie {i}",
            deadline="1 januari 2025",
            deadline_end=datetime.date(2025, 1, 1),
            deadline_precision="day",
        )
        for i in range(start // 10, (start + count) // 10)
    )


def measure(client, path, requests, connection):
    from django.core.cache import cache
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(requests):
        cache.clear()  # count the menu's signals too, as on a first visit
        t0 = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200, response.status_code
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        client.get(path)
    return (
        statistics.median(timings),
        sorted(timings)[int(len(timings) * 0.95) - 1],
        len(ctx.captured_queries),
    )


def run(args, connection):
    from django.test import Client

    from oogst.accounts.models import Role, User

    coordinator = User.objects.create_user("coordinator", role=Role.COORDINATOR)
    owners = [User.objects.create_user(f"owner{n}", role=Role.EIGENAAR) for n in range(10)]
    cases = [
        ("coordinator: dashboard", coordinator, "/overzicht/"),
        ("owner: dashboard", owners[1], "/overzicht/"),
        ("owner: mijn pilots", owners[1], "/mijn-pilots/"),
    ]
    small = args.pilots // 10
    started = time.perf_counter()
    generate(small, start=0, coordinator=coordinator, owners=owners)
    few = {}
    for label, user, path in cases:
        client = Client()
        client.force_login(user)
        few[label] = measure(client, path, 3, connection)[2]
    generate(args.pilots - small, start=small, coordinator=coordinator, owners=owners)
    print(
        f"generated {args.pilots} pilots in {time.perf_counter() - started:.1f} s "
        f"on {connection.vendor}"
    )
    for label, user, path in cases:
        client = Client()
        client.force_login(user)
        median, p95, queries = measure(client, path, args.requests, connection)
        print(
            f"{label:26s} median {median:6.1f} ms  p95 {p95:6.1f} ms  queries {queries} "
            f"(at {small} pilots: {few[label]})"
        )


if __name__ == "__main__":
    main()
