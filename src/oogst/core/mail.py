"""Text that goes into a mail header (subject, names) must be one clean line.

A line break in a header is refused by Django (BadHeaderError) and could inject headers; one
helper makes every subject from any text (a round name typed with Enter, a pasted title).
"""

import unicodedata

from django.conf import settings

# Control characters and the Unicode line and paragraph separators all end a header line.
_BREAKING = {"Cc", "Zl", "Zp"}


def single_line(text, *, max_length: int = 200) -> str:
    """`text` with every line break and control character turned into one space, trimmed."""
    spaced = "".join(" " if unicodedata.category(c) in _BREAKING else c for c in str(text))
    return " ".join(spaced.split())[:max_length]


def absolute(path: str) -> str:
    """A link for a mail: OOGST_BASE_URL plus the path, so it works outside the browser."""
    return settings.OOGST_BASE_URL.rstrip("/") + path
