"""Ranked full-text search over pilots with Dutch stemming: one function, two engines.

`search_pilots(queryset, text)` is all a page needs. Behind it:

- PostgreSQL: a stored `search_vector` tsvector column (generated from name, description,
  goal and `search_text` with the `dutch` configuration, so the database keeps it in step on
  every write) with a GIN index; matched with `plainto_tsquery('dutch', ...)`, ranked by
  `ts_rank`.
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
from django.db import connection, transaction
from django.db.models import F, FloatField, QuerySet
from django.db.models.expressions import RawSQL
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
            where=[f'"pilots_pilot"."search_vector" @@ {tsquery}'], params=[text]
        ).annotate(
            rank=RawSQL(
                f'ts_rank("pilots_pilot"."search_vector", {tsquery})',
                [text],
                output_field=FloatField(),
            )
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
    return queryset.order_by(F("rank").desc(), "name", "pk")


@contextmanager
def index_preferred():
    """Run a search's queries on the GIN index, even for a word in half the pilots.

    PostgreSQL costs `@@` at almost nothing, so for a common word it plans a sequential scan
    that tests every pilot's vector (20,000 pilots, "woningen": 107 ms for the count, 117 ms
    for the ranked page); on the index the same queries take 27 and 43 ms. SET LOCAL keeps
    the change inside this transaction; SQLite needs nothing (FTS5 is its index).
    """
    if not _is_postgresql():
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = on")


# --- keeping the SQLite index in step (PostgreSQL's column is generated by the database) ---


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

# A trigger rather than a generated column: a generated column would block later migrations
# that alter the columns it reads (a longer name, say).
POSTGRESQL_CREATE = """
ALTER TABLE pilots_pilot ADD COLUMN IF NOT EXISTS search_vector tsvector;
CREATE OR REPLACE FUNCTION pilots_pilot_search_vector() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('dutch'::regconfig, coalesce(NEW.name, '')), 'A') ||
    setweight(to_tsvector('dutch'::regconfig,
      concat_ws(' ', NEW.korte_omschrijving, NEW.doel)), 'B') ||
    setweight(to_tsvector('dutch'::regconfig, coalesce(NEW.search_text, '')), 'C');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS pilots_pilot_search_vector ON pilots_pilot;
CREATE TRIGGER pilots_pilot_search_vector BEFORE INSERT OR UPDATE ON pilots_pilot
  FOR EACH ROW EXECUTE FUNCTION pilots_pilot_search_vector();
CREATE INDEX IF NOT EXISTS pilots_pilot_search_vector_gin ON pilots_pilot
  USING GIN (search_vector);
"""
POSTGRESQL_DROP = """
DROP TRIGGER IF EXISTS pilots_pilot_search_vector ON pilots_pilot;
DROP FUNCTION IF EXISTS pilots_pilot_search_vector();
ALTER TABLE pilots_pilot DROP COLUMN IF EXISTS search_vector;
"""
SQLITE_CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "name, summary, body, tokenize = 'unicode61 remove_diacritics 0')"
)


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
