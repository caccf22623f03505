"""How a long-running Oogst process runs Python's garbage collector.

Now and then CPython's collector scans every object in the process for cycles, Django's and
Oogst's start-up objects included (about 126,000). At 2,000 pilots such a full collection
took about 100 ms in the middle of a harvest page or a timeline (their p95 was 210 and 240
ms against medians of 70 and 120). Freezing what is loaded at start-up takes it out of
those scans: the same collections then take 10 to 40 ms.

The collection thresholds stay CPython's: raised to 50,000 young objects they made pages a
little faster but let reference cycles holding large responses (a 6 MB PDF download)
pile up between collections, and a 500-pilot round's pages then peaked at 713 MB instead
of 370.
"""

import gc


def tune_garbage_collection() -> None:
    """Call once a worker has loaded Django and Oogst (wsgi.py): what is alive then (modules,
    settings, every view and URL pattern) stays alive for the process's life."""
    from django.urls import get_resolver

    _patterns = get_resolver().url_patterns  # views imported before freezing
    gc.collect()
    gc.freeze()
