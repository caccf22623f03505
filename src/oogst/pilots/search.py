"""Ranked full-text search over pilots with Dutch stemming: one function, two engines.

`search_pilots(queryset, text)` is all a page needs. Behind it:

- PostgreSQL: a stored tsvector per pilot in the narrow table `pilots_search` (made from
  name, description, goal and `search_text` with the `dutch` configuration by a trigger, so
  the database keeps it in step on every write) with a GIN index; matched with
  `plainto_tsquery('dutch', ...)`, ranked by `ts_rank`.
- SQLite (the embedded default): an FTS5 table `pilots_search` holding the same texts,
  stemmed here with Snowball's Dutch stemmer (FTS5 has none) and kept in step on save;
  ranked by `bm25`.

Both stem with the same algorithm (PostgreSQL's `dutch` is Snowball's original Dutch
stemmer, `dutch_porter` in the snowballstemmer package) and drop the same stop words, so a
fixed corpus gives the same results on both. Names weigh most, then description and goal,
then the rest. The matching passage is highlighted here, in Python, the same on both.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from functools import lru_cache

import snowballstemmer
from django.core.paginator import Page, Paginator
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

FTS_TABLE = "pilots_search"
# Weights: name, description and goal, everything else (PostgreSQL's A, B, C).
SQLITE_WEIGHTS = (10.0, 4.0, 2.0)
WORD = re.compile(r"\w+", re.UNICODE)
# PostgreSQL 15's tsearch_data/dutch.stop: the words its `dutch` configuration ignores.
STOP_WORDS = frozenset(
    """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar
    om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar
    naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al
    waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd
    altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest
    andere""".split()
)


def _is_postgresql() -> bool:
    return connection.vendor == "postgresql"


@lru_cache(maxsize=1)
def _stemmer():
    # Snowball's original Dutch algorithm: the one PostgreSQL's `dutch` configuration uses.
    return snowballstemmer.stemmer("dutch_porter")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


def terms(text: str) -> list[str]:
    """The stemmed words of `text` that search looks at (stop words dropped), in order."""
    return [stem(w) for w in WORD.findall(text or "") if w.lower() not in STOP_WORDS]


def _stemmed(text: str) -> str:
    return " ".join(terms(text))


def search_pilots(queryset: QuerySet, text: str) -> QuerySet:
    """Pilots matching every word of `text` (stemmed), best first, annotated with `rank`."""
    query_terms = terms(text)
    if not query_terms:
        # Only stop words or punctuation: nothing to look for, so nothing matches.
        return queryset.none() if (text or "").strip() else queryset
    if _is_postgresql():
        tsquery = "plainto_tsquery('dutch'::regconfig, %s)"
        queryset = queryset.extra(
            select={"rank": f"ts_rank({FTS_TABLE}.vector, {tsquery})"},
            select_params=[text],
            tables=[FTS_TABLE],
            where=[
                f"{FTS_TABLE}.vector @@ {tsquery}",
                f'{FTS_TABLE}.pilot_id = "pilots_pilot"."id"',
            ],
            params=[text],
        )
    else:
        # Every term quoted: FTS5 query syntax never comes from the user. A join, not a
        # subquery per pilot: bm25() then scores every match in one pass over the index.
        match = " AND ".join(f'"{t}"' for t in query_terms)
        weights = ", ".join(str(w) for w in SQLITE_WEIGHTS)
        queryset = queryset.extra(
            # bm25 is lower for a better match; negated so that higher is better on both.
            select={"rank": f"-bm25({FTS_TABLE}, {weights})"},
            tables=[FTS_TABLE],
            where=[f"{FTS_TABLE} MATCH %s", f'{FTS_TABLE}.rowid = "pilots_pilot"."id"'],
            params=[match],
        )
    return queryset.order_by("-rank", "name", "pk")


@contextmanager
def index_preferred():
    """Run a search's queries on the GIN index, even for a word in half the pilots.

    PostgreSQL costs `@@` at almost nothing, so for a common word it plans a sequential scan
    that tests every pilot's vector; on the index only the matches are read (20,000 pilots,
    "woningen" in 7,865: the count 18 ms on a scan, 6 ms on the index). The ranked page sorts
    the matches with their vectors before it joins the 50 it shows: work_mem of 32 MB keeps
    that sort in memory (with the default 4 MB it spilled to disk: 44 instead of 35 ms).
    SET LOCAL keeps both inside this transaction; SQLite needs nothing (FTS5 is its index).
    """
    if not _is_postgresql():
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL work_mem = '32MB'")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")
                cursor.execute("SET LOCAL work_mem TO DEFAULT")


def results_page(pilots: QuerySet, text: str, number, *, per_page: int, order_by=None) -> Page:
    """One page of search results as the register shows them, each pilot with its `passage`.

    `pilots` are the register's filtered pilots before the search. Best match first
    (`order_by` None) runs as one query that ranks and counts in `pilots_search` alone and
    joins only the page's pilots (20,000 pilots, a word in 7,900 of them: 11 ms for count
    and page; Django's count and page each joined every match: 45 ms). A chosen order goes
    through the QuerySet. The long texts the
    passages need are read for the page's pilots only, in one query.
    """
    from .models import Pilot

    if order_by is None and terms(text):
        page = _ranked_page(pilots, text, number, per_page)
    else:
        with index_preferred():
            ordered = search_pilots(pilots, text)
            if order_by is not None:
                ordered = ordered.order_by(*order_by)
            page = Paginator(ordered, per_page).get_page(number)
            page.object_list = list(page.object_list)
    rows = page.object_list
    texts = Pilot.objects.only("korte_omschrijving", "doel", "search_text").in_bulk(
        [pilot.pk for pilot in rows]
    )
    for pilot in rows:
        full = texts[pilot.pk]
        for name in ("korte_omschrijving", "doel", "search_text"):
            setattr(pilot, name, getattr(full, name))
        pilot.passage = highlight(pilot, text)
    return page


def _matches_sql(text: str) -> tuple[str, str, list]:
    """(SQL for `pilot_id, score` of every pilot matching `text`, the column its pilot id
    is in, parameters): the same match and rank as `search_pilots`, higher better, read from
    the index table alone."""
    if _is_postgresql():
        return (
            f"SELECT pilot_id, ts_rank(vector, query) AS score"
            f" FROM {FTS_TABLE}, plainto_tsquery('dutch'::regconfig, %s) AS query"
            f" WHERE vector @@ query",
            "pilot_id",
            [text],
        )
    weights = ", ".join(str(w) for w in SQLITE_WEIGHTS)
    return (
        f"SELECT rowid AS pilot_id, -bm25({FTS_TABLE}, {weights}) AS score"
        f" FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
        "rowid",
        [" AND ".join(f'"{t}"' for t in terms(text))],
    )


def _ranked_page(pilots: QuerySet, text: str, number, per_page: int) -> Page:
    """Like `Paginator(search_pilots(pilots, text), per_page).get_page(number)` in one query
    where Paginator needs two: an invalid page number gives the first page, one past the
    end the last.

    The matches are ranked and counted in the index table; only those that can be on the
    page are joined to the pilots for the tie-break by name. `place` (SQL's rank(): equal
    scores share the place of the first) of a row is at most its place in the full order,
    so every row of the page has place <= the page's last position.
    """
    matches, pilot_column, params = _matches_sql(text)
    if pilots.query.where:  # the register's filters: only the pilots that pass them
        ids, ids_params = pilots.order_by().values("pk").query.sql_with_params()
        matches, params = f"{matches} AND {pilot_column} IN ({ids})", [*params, *ids_params]
    sql = (
        "SELECT s.pilot_id, s.score, s.total FROM ("
        " SELECT pilot_id, score, count(*) OVER () AS total,"
        f" rank() OVER (ORDER BY score DESC) AS place FROM ({matches}) AS m"
        f") AS s JOIN {pilots.model._meta.db_table} AS p ON p.id = s.pilot_id"
        " WHERE s.place <= %s ORDER BY s.score DESC, p.name, p.id LIMIT %s OFFSET %s"
    )

    def run(page_number):
        offset = (page_number - 1) * per_page
        with index_preferred(), connection.cursor() as cursor:
            cursor.execute(sql, [*params, offset + per_page, per_page, offset])
            return cursor.fetchall()

    try:
        number = max(int(number), 1)
    except (TypeError, ValueError):
        number = 1
    found = run(number)
    if not found and number > 1:  # past the end: the last page, as Paginator.get_page does
        found = run(1)
        number = max(1, -(-found[0][2] // per_page)) if found else 1
        found = run(number) if number > 1 else found
    count = found[0][2] if found else 0
    by_pk = pilots.in_bulk([pilot_id for pilot_id, _score, _count in found])
    rows = []
    for pilot_id, score, _count in found:
        if pilot_id in by_pk:  # not if deleted between the two queries
            pilot = by_pk[pilot_id]
            pilot.rank = score
            rows.append(pilot)
    return Page(rows, number, _Counted(rows, per_page, count))


class _Counted(Paginator):
    """A paginator whose count is already known (it came with the page)."""

    def __init__(self, rows, per_page, count):
        super().__init__(rows, per_page)
        self.count = count


# --- keeping the SQLite index in step (PostgreSQL's trigger keeps `pilots_search` in step) ---


def index_pilot(pilot) -> None:
    """Write the pilot's texts to the SQLite FTS5 table (PostgreSQL needs nothing)."""
    if _is_postgresql():
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [pilot.pk])
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, name, summary, body) VALUES (%s, %s, %s, %s)",
            [
                pilot.pk,
                _stemmed(pilot.name),
                _stemmed(f"{pilot.korte_omschrijving}\n{pilot.doel}"),
                _stemmed(pilot.search_text),
            ],
        )


def unindex_pilot(pk) -> None:
    if _is_postgresql() or pk is None:
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [pk])


def refresh(pilot) -> None:
    """After a progress update, lesson or motion changed: the pilot's searchable texts again.

    A plain UPDATE: derived text is not a change anybody made, so no history and no version.
    """
    pilot.search_text = pilot.build_search_text()
    type(pilot).objects.filter(pk=pilot.pk).update(search_text=pilot.search_text)
    index_pilot(pilot)


def reindex_all() -> int:
    """Rebuild the SQLite index from every pilot (after bulk loads); returns the count."""
    from .models import Pilot

    if _is_postgresql():
        return 0  # the trigger keeps PostgreSQL's column in step, bulk writes included
    count = 0
    for pilot in Pilot.objects.only(
        "pk", "name", "korte_omschrijving", "doel", "search_text"
    ).iterator():
        index_pilot(pilot)
        count += 1
    return count


# --- the matching passage ----------------------------------------------------------------

PASSAGE_WORDS = 30


def highlight(pilot, text: str, *, words: int = PASSAGE_WORDS) -> SafeString:
    """The passage of the pilot that best matches `text`, escaped, with matches in <mark>.

    Looks at the pilot's texts in weight order and takes the passage holding the most
    distinct query terms; empty when nothing matches (a match on a motion, say, that the
    stored texts no longer show).
    """
    wanted = set(terms(text))
    if not wanted:
        return mark_safe("")
    sources = [
        pilot.name,
        pilot.korte_omschrijving,
        pilot.doel,
        *(pilot.search_text or "").split("\n"),
    ]
    # Most texts hold none of the words: a stem is nearly always the start of the words it
    # comes from, so a substring test skips them cheaply (all texts are read if none passes).
    prefixes = [t[:4] for t in wanted]
    likely = [s for s in sources if s and any(p in s.lower() for p in prefixes)]
    best, best_score = None, 0
    for source in likely or sources:
        if not source:
            continue
        tokens = list(re.finditer(r"\w+|\W+", source))
        hits = [i for i, t in enumerate(tokens) if _matches(t.group(), wanted)]
        score = len({stem(tokens[i].group()) for i in hits})
        if score > best_score:
            best, best_score = (tokens, hits), score
    if best is None:
        return mark_safe("")
    tokens, hits = best
    # A window of `words` words around the first hit.
    word_positions = [i for i, t in enumerate(tokens) if WORD.fullmatch(t.group())]
    first = word_positions.index(hits[0])
    start = word_positions[max(0, first - words // 3)]
    end_index = min(len(word_positions) - 1, max(0, first - words // 3) + words - 1)
    end = word_positions[end_index]
    out = ["… " if start > 0 else ""]
    for i in range(start, end + 1):
        piece = tokens[i].group()
        if i in hits:
            out.append(f"<mark>{escape(piece)}</mark>")
        else:
            out.append(escape(piece))
    if end < len(tokens) - 1:
        out.append(" …")
    return mark_safe("".join(out))


def _matches(token: str, wanted: set[str]) -> bool:
    return bool(WORD.fullmatch(token)) and token.lower() not in STOP_WORDS and stem(token) in wanted


# --- the index's structures, made by migrations (one engine each) ----------------------------

# PostgreSQL keeps the vectors in a narrow table of their own, `pilots_search` (the name of
# SQLite's FTS5 table), filled by a trigger on pilots_pilot. Ranking reads the vector of every
# match: as a column of pilots_pilot a vector over about 2 KB went to TOAST and was fetched
# row by row (a word in 40% of 20,000 pilots: 64,000 buffer reads); here a row holds little
# else, and toast_tuple_target keeps vectors up to 8 KB in the row itself.
# A trigger rather than a generated column: a generated column would block later migrations
# that alter the columns it reads (a longer name, say).
POSTGRESQL_CREATE = """
CREATE TABLE IF NOT EXISTS pilots_search (
  pilot_id bigint PRIMARY KEY,
  vector tsvector NOT NULL
) WITH (toast_tuple_target = 8160);
ALTER TABLE pilots_search ALTER COLUMN vector SET STORAGE MAIN;
CREATE INDEX IF NOT EXISTS pilots_search_vector_gin ON pilots_search USING GIN (vector);
CREATE OR REPLACE FUNCTION pilots_search_vector(name text, summary text, goal text, body text)
RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
  SELECT setweight(to_tsvector('dutch'::regconfig, coalesce(name, '')), 'A') ||
         setweight(to_tsvector('dutch'::regconfig, concat_ws(' ', summary, goal)), 'B') ||
         setweight(to_tsvector('dutch'::regconfig, coalesce(body, '')), 'C')
$$;
CREATE OR REPLACE FUNCTION pilots_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    TRUNCATE pilots_search;
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM pilots_search WHERE pilot_id = OLD.id;
    RETURN OLD;
  END IF;
  INSERT INTO pilots_search (pilot_id, vector)
  VALUES (NEW.id, pilots_search_vector(NEW.name, NEW.korte_omschrijving, NEW.doel, NEW.search_text))
  ON CONFLICT (pilot_id) DO UPDATE SET vector = EXCLUDED.vector;
  RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS pilots_search_sync ON pilots_pilot;
CREATE TRIGGER pilots_search_sync
  AFTER INSERT OR DELETE OR UPDATE OF name, korte_omschrijving, doel, search_text ON pilots_pilot
  FOR EACH ROW EXECUTE FUNCTION pilots_search_sync();
DROP TRIGGER IF EXISTS pilots_search_truncate ON pilots_pilot;
CREATE TRIGGER pilots_search_truncate AFTER TRUNCATE ON pilots_pilot
  FOR EACH STATEMENT EXECUTE FUNCTION pilots_search_sync();
-- The earlier layout: a column on pilots_pilot.
DROP TRIGGER IF EXISTS pilots_pilot_search_vector ON pilots_pilot;
DROP FUNCTION IF EXISTS pilots_pilot_search_vector();
ALTER TABLE pilots_pilot DROP COLUMN IF EXISTS search_vector;
INSERT INTO pilots_search (pilot_id, vector)
  SELECT id, pilots_search_vector(name, korte_omschrijving, doel, search_text) FROM pilots_pilot
  ON CONFLICT (pilot_id) DO UPDATE SET vector = EXCLUDED.vector;
ANALYZE pilots_search;
"""
POSTGRESQL_DROP = """
DROP TRIGGER IF EXISTS pilots_search_sync ON pilots_pilot;
DROP TRIGGER IF EXISTS pilots_search_truncate ON pilots_pilot;
DROP FUNCTION IF EXISTS pilots_search_sync();
DROP FUNCTION IF EXISTS pilots_search_vector(text, text, text, text);
DROP TABLE IF EXISTS pilots_search;
"""
SQLITE_CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "name, summary, body, tokenize = 'unicode61 remove_diacritics 0')"
)


def move_postgresql_vectors(apps, schema_editor) -> None:
    """Migration step: PostgreSQL's vectors from a pilots_pilot column to `pilots_search`."""
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(POSTGRESQL_CREATE)


def create_index_structures(apps, schema_editor) -> None:
    """Migration step: the engine's index, then every pilot's texts in it."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        # Without parameters, so psycopg sends the statements (and the $$ body) as written.
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(POSTGRESQL_CREATE)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
    rebuild_search_texts(apps, schema_editor)


def drop_index_structures(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(POSTGRESQL_DROP)
    elif vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


def rebuild_search_texts(apps, schema_editor) -> None:
    """Migration step: recompute `search_text` (and SQLite's index) with historical models."""
    Pilot = apps.get_model("pilots", "Pilot")
    StatusUpdate = apps.get_model("pilots", "StatusUpdate")
    Lesson = apps.get_model("pilots", "Lesson")
    try:
        Motion = apps.get_model("motions", "Motion")
    except LookupError:
        Motion = None  # the motions app's own migration runs this again
    vendor = schema_editor.connection.vendor
    for pilot in Pilot.objects.all().iterator():
        parts = [
            pilot.uitkomst_evaluatie,
            pilot.succesvol_toelichting,
            pilot.beleid_aanpassen_toelichting,
            pilot.financieel_gevolg_toelichting,
            pilot.bestuurlijk_gerapporteerd,
        ]
        for title, text in StatusUpdate.objects.filter(pilot=pilot).values_list("title", "text"):
            parts += [title, text]
        parts += list(Lesson.objects.filter(pilot=pilot).values_list("text", flat=True))
        if Motion is not None:
            for row in Motion.objects.filter(pilots=pilot).values_list("nummer", "titel", "dictum"):
                parts += list(row)
        pilot.search_text = "\n".join(p for p in parts if p)
        Pilot.objects.filter(pk=pilot.pk).update(search_text=pilot.search_text)
        if vendor == "sqlite":
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [pilot.pk])
                cursor.execute(
                    f"INSERT INTO {FTS_TABLE} (rowid, name, summary, body) VALUES (%s, %s, %s, %s)",
                    [
                        pilot.pk,
                        _stemmed(pilot.name),
                        _stemmed(f"{pilot.korte_omschrijving}\n{pilot.doel}"),
                        _stemmed(pilot.search_text),
                    ],
                )
