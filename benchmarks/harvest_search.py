"""Ranked search at 2,000 and 20,000 pilots, and the harvest page and timeline at 2,000.

Run: DATABASE_URL=postgres://... .venv/bin/python benchmarks/harvest_search.py
     [--sizes 2000 20000] [--requests 40]
Uses a fresh SQLite database in a temporary folder unless DATABASE_URL is set (then it
creates and drops a benchmark database on that server). Every figure is a whole request
through Django (the register page with ?q=: ranked first page, the count, the highlighted
passages), measured with the test client; the corpus is generated from a fixed seed with a
Zipf-like word distribution, so common words match many pilots and rare words few.

Targets (issue 18): search median <= 50 ms and p95 <= 150 ms at 20,000 pilots on PostgreSQL,
growing less than 2x from 2,000; harvest page and timeline under 200 ms at 2,000 pilots.
"""

import argparse
import random
import statistics
import time

WORDS = (
    "woning woningen wonen huurder huurders corporatie jongeren school scholen ouders "
    "buurt wijk wijken bewoners eenzaamheid ouderen zorg mantelzorg vrijwilligers statushouder "
    "statushouders taal werk werkgever werkgevers inburgering schuld schulden armoede energie "
    "isolatie warmtepomp zonnepanelen groen bomen water klimaat hitte fiets fietsers verkeer "
    "veiligheid criminaliteit ondermijning handhaving toezicht politie cameras overlast "
    "jeugd jeugdzorg sport bewegen gezondheid preventie verslaving digitaal data dashboard "
    "monitoring evaluatie subsidie financiering begroting samenwerking partners bereik "
    "doelgroep uitvoering participatie ondernemers winkels centrum markt cultuur bibliotheek "
    "kunst erfgoed onderwijs stage leerlingen docenten kinderopvang opvoeding gezin gezinnen "
    "vergunning omgevingswet afval recycling grondstoffen circulair bouw flexwoningen "
    "tijdelijk permanent regeling loket informatie communicatie inwoners raad college motie"
).split()
THEMES = [
    "samenwerking met partners",
    "bereik van de doelgroep",
    "financiering",
    "uitvoering",
    "data en monitoring",
]
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
    "onbekend",
]
QUERIES = [
    ("one word, common", "woningen"),
    ("one word, less common", "mantelzorg"),
    ("one word, rare", "bibliotheek"),
    ("two words", "jongeren school"),
    ("two words, stemmed", "statushouders werkgevers"),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()

    import bench_env

    with bench_env.test_database(static=True) as connection:
        run(args, connection)


def _vocabulary(size=8000):
    """Made-up Dutch-looking filler words, with the real topical words placed at ranks 60 to
    about 900 of a Zipf distribution: common enough to match many pilots, as in a register
    that covers every policy field, but not nearly all of them."""
    syllables = "ver be ont ge wo ning ker sto la ma ren de ten bo ri se ka pel tuin ar".split()
    n = len(syllables)
    filler = []
    for k in range(size):
        a, b, c = syllables[k % n], syllables[(k // n) % n], syllables[(k // (n * n)) % n]
        filler.append(f"{a}{b}{c}{'en' if k % 3 == 0 else ''}")
    words = list(dict.fromkeys(filler))
    for i, word in enumerate(WORDS):
        words.insert(60 + i * 7, word)
    return words


VOCABULARY = _vocabulary()
CUMULATIVE = []
_total = 0.0
for _k in range(len(VOCABULARY)):
    _total += 1 / (_k + 1)
    CUMULATIVE.append(_total)


def text(rng, n):
    # Zipf-like: word k is drawn with weight 1/(k+1).
    return " ".join(rng.choices(VOCABULARY, cum_weights=CUMULATIVE, k=n)).capitalize() + "."


def generate(total, connection, rng, programmas, portefeuilles, themes, owner):
    from oogst.pilots import search
    from oogst.pilots.models import Lesson, Pilot

    have = Pilot.objects.count()
    pilots = []
    for i in range(have, total):
        pilot = Pilot(
            name=f"Pilot {i:05d} {text(rng, 3)}",
            slug=f"pilot-{i}",
            programma=programmas[i % len(programmas)],
            portefeuille=portefeuilles[i % len(portefeuilles)],
            owner=owner,
            korte_omschrijving=text(rng, 80),
            doel=text(rng, 30),
            uitkomst_evaluatie=text(rng, 40),
            startdatum=DATES[i % len(DATES)],
            einddatum=DATES[(i + 3) % len(DATES)],
            evaluatiemoment=DATES[(i + 5) % len(DATES)],
            fase=["uitvoering", "evaluatie", "afgerond", "voorbereiding"][i % 4],
            beleid_aanpassen=["ja", "nee", "deels", ""][i % 4],
            financieel_gevolg=["ja", "nee", ""][i % 3],
        )
        if pilot.fase == "afgerond":
            pilot.resultaat = ["geborgd", "voortgezet", "gestopt"][i % 3]
        pilot.interpret_dates()
        pilot.search_text = pilot.uitkomst_evaluatie
        pilots.append(pilot)
    Pilot.objects.bulk_create(pilots, batch_size=500)
    created = Pilot.objects.filter(pk__gt=0).order_by("pk")[have:]
    lessons = []
    for pilot in created:
        for k in range(2):
            lessons.append(
                Lesson(pilot=pilot, kind=["werkte", "aanbeveling"][k], text=text(rng, 12))
            )
    Lesson.objects.bulk_create(lessons, batch_size=1000)
    through = Lesson.themes.through
    through.objects.bulk_create(
        [
            through(lesson_id=lesson.pk, thema_id=themes[lesson.pk % len(themes)].pk)
            for lesson in Lesson.objects.filter(pilot__in=created)
        ],
        batch_size=1000,
    )
    search.reindex_all()  # SQLite's FTS5 table (bulk_create skips save); PostgreSQL's trigger ran
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The state autovacuum leaves after a bulk load (threshold: a fifth of the table):
            # statistics, and the visibility map that lets the count skip the heap.
            cursor.execute("VACUUM ANALYZE pilots_pilot")
            cursor.execute("VACUUM ANALYZE pilots_search")


def measure(client, url, requests):
    client.get(url)  # warm caches, as a server that has served a page before
    timings = []
    for _ in range(requests):
        t0 = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200, response.status_code
    return summary(timings)


def summary(timings):
    timings = sorted(timings)
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


def measure_search(query, requests):
    """The search itself as the register runs it (`search.results_page`): the count, the
    ranked first page of 50 and their highlighted passages (no page rendering, session or
    middleware)."""
    from oogst.pilots.models import Pilot
    from oogst.pilots.search import results_page

    timings = []
    for _ in range(requests + 1):
        t0 = time.perf_counter()
        results_page(Pilot.objects.for_register(), query, 1, per_page=50)
        timings.append((time.perf_counter() - t0) * 1000)
    return summary(timings[1:])


def run(args, connection):
    from django.test import Client

    from oogst.accounts.models import Role, User
    from oogst.pilots.models import Pilot, Portefeuille, Programma, Thema

    rng = random.Random(18)
    owner = User.objects.create_user("bench", role=Role.LEZER)
    programmas = [Programma.objects.create(number=n, name=f"Programma {n}") for n in range(1, 9)]
    portefeuilles = [Portefeuille.objects.create(name=f"Portefeuille {n}") for n in range(12)]
    themes = [Thema.objects.create(name=name) for name in THEMES]
    client = Client()
    client.force_login(owner)
    results = {}
    for size in sorted(args.sizes):
        started = time.perf_counter()
        generate(size, connection, rng, programmas, portefeuilles, themes, owner)
        print(
            f"\n{size} pilots on {connection.vendor} "
            f"(generated in {time.perf_counter() - started:.0f} s)"
        )
        for label, query in QUERIES:
            from oogst.pilots.search import search_pilots

            matches = search_pilots(Pilot.objects.all(), query).count()
            median, p95 = measure_search(query, args.requests)
            page_median, page_p95 = measure(client, f"/?q={query}", args.requests)
            results[(size, label)] = median
            print(
                f"  {label:26s} {query!r:27s} {matches:5d} matches  "
                f"search median {median:5.1f} ms p95 {p95:5.1f} ms | "
                f"whole page median {page_median:5.1f} ms p95 {page_p95:5.1f} ms"
            )
        if size == min(args.sizes):
            for label, url in [("harvest page", "/oogst/"), ("timeline", "/?weergave=tijdlijn")]:
                median, p95 = measure(client, url, args.requests)
                print(f"  {label:35s} median {median:6.1f} ms  p95 {p95:6.1f} ms")
    if len(args.sizes) > 1:
        small, large = min(args.sizes), max(args.sizes)
        print(f"\ngrowth from {small} to {large} pilots (median):")
        for label, _query in QUERIES:
            print(f"  {label:28s} {results[(large, label)] / results[(small, label)]:.2f}x")


if __name__ == "__main__":
    main()
