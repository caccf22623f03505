"""The framework floor: how close a logged-in Oogst page comes to bare Django.

Measures, with gunicorn on 127.0.0.1 (same worker count for both):
  1. requests per second of a trivial logged-in Oogst view (the date preview) against a
     bare Django view behind only Django's session and authentication middleware, with wrk
     (Debian's `wrk`; bounded runs of --seconds each) at 1, 8 and 32 connections;
  2. the register page's Python time per request with --pilots pilots (in-process, median
     CPU time of the process, so other load on a shared machine does not count), and with
     --profile where the time goes (cProfile, top functions) for both pages.

Run: .venv/bin/python benchmarks/framework_floor.py [--pilots 2000] [--seconds 5]
     [--workers 2] [--rounds 3] [--profile]
Uses fresh SQLite databases in a temporary folder, production settings (DEBUG off), and
plain HTTP (SECURE_SSL_REDIRECT=false).
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(app: str, env: dict, workers: int, cwd: Path):
    port = free_port()
    process = subprocess.Popen(
        [GUNICORN, app, "-b", f"127.0.0.1:{port}", "-w", str(workers), "--log-level", "warning"],
        env=env,
        cwd=cwd,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"gunicorn for {app} did not start")


def warm_up(url: str, cookie: str, workers: int) -> None:
    """Every worker imports and connects before the clock runs; a wrong answer stops here."""
    import urllib.request

    for _ in range(workers * 10):
        request = urllib.request.Request(url, headers={"Cookie": cookie})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200, (url, response.status)


def wrk(url: str, cookie: str, connections: int, seconds: int) -> float:
    output = subprocess.run(
        [
            "wrk",
            "-t",
            str(min(connections, 2)),
            "-c",
            str(connections),
            "-d",
            f"{seconds}s",
            "-H",
            f"Cookie: {cookie}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in output:
        raise RuntimeError(f"non-2xx answers from {url}:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


CPU_LOOP = """
import time
from django.test import Client
def cpu_per_request(client, url, n=500):
    for _ in range(30):
        assert client.get(url).status_code == 200
    t0 = time.process_time()
    for _ in range(n):
        client.get(url)
    return (time.process_time() - t0) * 1000 / n
"""


def bare_cpu(env) -> float:
    """CPU time per request of the bare view, in-process (no HTTP): steadier than req/s."""
    code = (
        "import django; django.setup()\n"
        + CPU_LOOP
        + "from django.contrib.auth.models import User\n"
        "c = Client(); c.force_login(User.objects.get(username='bench'))\n"
        "print(cpu_per_request(c, '/hello/'))\n"
    )
    out = subprocess.run(
        [PYTHON, "-c", code], env=env, cwd=HERE, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip())


def oogst_cpu(user) -> float:
    scope = {}
    exec(CPU_LOOP, scope)
    from django.test import Client

    client = Client()
    client.force_login(user)
    return scope["cpu_per_request"](client, "/pilots/datum/?text=Q3+2025")


def bare_cookie(env) -> str:
    code = (
        "import django; django.setup()\n"
        "from django.contrib.auth.models import User\n"
        "from django.test import Client\n"
        "User.objects.create_user('bench', password='x')\n"
        "c = Client(); c.force_login(User.objects.get(username='bench'))\n"
        "print(c.cookies['sessionid'].value)\n"
    )
    subprocess.run([PYTHON, "-m", "django", "migrate", "-v0"], env=env, cwd=HERE, check=True)
    key = subprocess.run(
        [PYTHON, "-c", code], env=env, cwd=HERE, capture_output=True, text=True, check=True
    )
    return f"sessionid={key.stdout.strip()}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pilots", type=int, default=2000)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--profile", action="store_true", help="print where the time goes")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("Needs wrk: apt-get install wrk")

    tmp = Path(tempfile.mkdtemp(prefix="oogst-floor-"))
    oogst_env = {
        **os.environ,
        "OOGST_DATA_DIR": str(tmp),
        "SECRET_KEY": "benchmark-only-secret-" + "x" * 40,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{tmp / 'oogst.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "oogst.settings",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(oogst_env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    user, cookie = make_oogst_data(args.pilots)

    bare_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bare_django",
        "BARE_DB": str(tmp / "bare.sqlite3"),
        "PYTHONPATH": str(HERE),
    }
    bare_session = bare_cookie(bare_env)

    print(f"gunicorn, {args.workers} sync workers, wrk {args.seconds} s per run, 127.0.0.1")
    oogst, oogst_port = serve("oogst.wsgi:application", oogst_env, args.workers, Path.cwd())
    bare, bare_port = serve("bare_django:application", bare_env, args.workers, HERE)
    try:
        oogst_url = f"http://127.0.0.1:{oogst_port}/pilots/datum/?text=Q3+2025"
        bare_url = f"http://127.0.0.1:{bare_port}/hello/"
        warm_up(bare_url, bare_session, args.workers)
        warm_up(oogst_url, cookie, args.workers)
        # Interleaved rounds, median per concurrency: the machine may be shared.
        ratios = []
        for connections in (1, 8, 32):
            floors, ours = [], []
            for _ in range(args.rounds):
                floors.append(wrk(bare_url, bare_session, connections, args.seconds))
                ours.append(wrk(oogst_url, cookie, connections, args.seconds))
            floor, our = statistics.median(floors), statistics.median(ours)
            ratio = statistics.median(o / f for o, f in zip(ours, floors, strict=True))
            ratios.append(ratio)
            print(
                f"{connections:3d} connections: bare Django {floor:7.0f} req/s, "
                f"Oogst {our:7.0f} req/s, ratio {ratio:5.1%} (median of {args.rounds})"
            )
    finally:
        for process in (oogst, bare):
            process.terminate()
            process.wait()

    floor_ms, our_ms = bare_cpu(bare_env), oogst_cpu(user)
    print(
        f"CPU per request in-process (no HTTP): bare Django {floor_ms:.2f} ms, Oogst "
        f"{our_ms:.2f} ms: Oogst at {floor_ms / our_ms:.1%} of the floor's throughput per core"
    )
    if args.profile:
        profile_trivial_view(user)
    register_ms = register_time(user, args)
    print(
        f"trivial view throughput vs bare Django: {min(ratios):.1%} (worst) "
        f"to {max(ratios):.1%} (best); target >= 50%"
    )
    print(
        f"register page Python time with {args.pilots} pilots: median "
        f"{register_ms:.1f} ms per request; target <= 20 ms"
    )
    shutil.rmtree(tmp, ignore_errors=True)


def make_oogst_data(count: int):
    from allauth.mfa.totp.internal.auth import TOTP
    from django.conf import settings
    from django.test import Client

    from oogst.accounts.models import Role, User

    user = User.objects.create_user("bench", password="bench-password-123", role=Role.LEZER)
    # Production asks MFA of local accounts; the benchmark user has enrolled.
    TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    import bench_env

    bench_env.register_of(count, owner=user)
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return user, f"{name}={client.cookies[name].value}"


def profile_trivial_view(user):
    import cProfile
    import pstats

    from django.test import Client

    client = Client()
    client.force_login(user)
    client.get("/pilots/datum/?text=Q3+2025")
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(300):
        client.get("/pilots/datum/?text=Q3+2025")
    profiler.disable()
    print("--- trivial view, 300 requests in-process, by cumulative time")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


def register_time(user, args) -> float:
    from django.test import Client

    client = Client()
    client.force_login(user)
    for _ in range(3):
        assert client.get("/").status_code == 200
    # Python time: the process's CPU time, so that other load on the machine does not count.
    timings = []
    for _ in range(args.requests):
        t0 = time.process_time()
        client.get("/")
        timings.append((time.process_time() - t0) * 1000)
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(10):
            client.get("/")
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
    return statistics.median(timings)


if __name__ == "__main__":
    main()
