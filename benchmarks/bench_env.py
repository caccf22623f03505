"""The environment every benchmark runs Oogst in: production settings, as a test client sees them.

DEBUG off (the real template and static setup), a throwaway secret, the test client's host,
plain HTTP (production's HTTPS redirect would answer 301) and no MFA enrolment step (the
benchmarks sign in with force_login, as the tests do).
"""

import contextlib
import os
import tempfile

DEFAULTS = {
    "SECRET_KEY": "benchmark-only-secret",
    "DEBUG": "false",
    "DJANGO_SETTINGS_MODULE": "oogst.settings",
    "ALLOWED_HOSTS": "testserver",
    "SECURE_SSL_REDIRECT": "false",
    "OOGST_REQUIRE_MFA": "false",
}


def configure() -> None:
    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)


DATES = [
    "4de kwartaal 2025",
    "1 januari 2021",
    "Nader te bepalen",
    "jaarlijks",
    "Eind 2025",
    "Q3 2025",
    "September 2020",
    "2018",
    "27-08-2024",
    "1ste helft 2025",
]


def register_of(count: int, *, owner) -> None:
    """`count` pilots over 8 programmes and 12 portfolios, with the register's vague dates,
    written in bulk and indexed for search (bulk_create skips save())."""
    from oogst.pilots import search
    from oogst.pilots.models import Pilot, Portefeuille, Programma

    programmas = [Programma.objects.create(number=n, name=f"Programma {n}") for n in range(1, 9)]
    portefeuilles = [Portefeuille.objects.create(name=f"Portefeuille {n}") for n in range(12)]
    pilots = []
    for i in range(count):
        pilot = Pilot(
            name=f"Pilot {i:05d} {DATES[i % 10]}",
            slug=f"pilot-{i}",
            programma=programmas[i % 8],
            portefeuille=portefeuilles[i % 12],
            owner=owner,
            korte_omschrijving="Omschrijving " * 80,
            doel="Doel " * 40,
            startdatum=DATES[i % 10],
            einddatum=DATES[(i + 3) % 10],
            evaluatiemoment=DATES[(i + 5) % 10],
            fase=["uitvoering", "evaluatie", "afgerond"][i % 3],
        )
        pilot.interpret_dates()
        pilot.search_text = pilot.build_search_text()
        pilots.append(pilot)
    Pilot.objects.bulk_create(pilots, batch_size=500)
    search.reindex_all()


@contextlib.contextmanager
def test_database(*, static: bool = False):
    """Django set up as `configure()` says, in a throwaway data folder and test database that
    are gone afterwards; yields the connection. `static` collects the hashed static files the
    production page templates refer to."""
    os.environ.setdefault("OOGST_DATA_DIR", tempfile.mkdtemp(prefix="oogst-bench-"))
    configure()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    if static:
        call_command("collectstatic", interactive=False, verbosity=0)
    setup_test_environment()
    from oogst.core.runtime import tune_garbage_collection

    tune_garbage_collection()  # as every gunicorn worker does in oogst/wsgi.py
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
