"""How a long-running Oogst process runs Python's garbage collector.

A page such as the harvest or the timeline makes a few hundred thousand short-lived objects
(2,000 pilots with their lessons and bars). With CPython's defaults the young generation is
collected every 700 allocations and now and then the whole heap, Django's own start-up
objects included, is scanned again: at 2,000 pilots that put the harvest page's p95 at
three times its median (160 against 55 ms) while its median barely moved with the
collector off. Reference counting frees nearly all of it anyway; the collector is only
there for cycles.
"""

import gc

# Young generation every 50,000 allocations instead of 700; the older two as CPython has
# them relative to that. A cycle lives a little longer (at most some MB), pages no longer
# stall on collections.
THRESHOLDS = (50_000, 20, 100)


def tune_garbage_collection() -> None:
    """Call once a worker has loaded Django and Oogst (wsgi.py): what is alive then (modules,
    settings, URL patterns, templates) stays alive for the process's life, so it is moved
    out of the collector's sight, and young objects are collected less often."""
    from django.urls import get_resolver

    _patterns = get_resolver().url_patterns  # views imported before freezing
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
