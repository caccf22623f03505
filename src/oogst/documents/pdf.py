"""The one PDF helper: a Typst template under documents/typst/ plus data as JSON gives a PDF.

User text never becomes Typst markup: the data travels as one JSON string in `sys.inputs`,
the template reads it with `json(bytes(...))` and places every text as a string, so `#read`,
`$`, `*` or `<` are just characters. Typst's project root is the template folder, so a
template can read no file outside it, and only the fonts shipped beside it are used (system
fonts are ignored), so the PDF looks the same on every server.

Output is PDF/A-2a and PDF/UA-1 at once (Typst 0.14+ allows this pair): tagged, with the
document title shown, language and fonts embedded.
"""

import datetime
import functools
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "typst"
FONTS = HERE / "fonts"
STANDARDS = ["a-2a", "ua-1"]
# The glyph shown for a character the shipped font lacks (emoji, CJK): PDF/A forbids text
# without a glyph, and a missing glyph must not stop a document from being made.
MISSING = "\u25a1"


@functools.cache
def _covered() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(FONTS / "SourceSans3-Regular.ttf", lazy=True) as font:
        return frozenset(font.getBestCmap()) | {0x0A, 0x09, 0x200B}


def printable(value):
    """`value` (str, or lists and dicts of them) with every character the font lacks replaced."""
    if isinstance(value, str):
        covered = _covered()
        if all(ord(c) in covered for c in value):
            return value
        return "".join(c if ord(c) in covered else MISSING for c in value)
    if isinstance(value, dict):
        return {key: printable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [printable(item) for item in value]
    return value


def render(template: str, data: dict, *, now: datetime.datetime | None = None) -> bytes:
    """Compile documents/typst/`template`.typ with `data` (JSON-serialisable) to PDF bytes."""
    import typst  # imported lazily: only documents need the compiler

    source = TEMPLATES / f"{template}.typ"
    return typst.compile(
        source,
        root=TEMPLATES,
        font_paths=[FONTS],
        ignore_system_fonts=True,
        sys_inputs={"data": json.dumps(printable(data), ensure_ascii=False)},
        pdf_standards=STANDARDS,
        timestamp=(now or datetime.datetime.now(datetime.UTC)).replace(microsecond=0),
    )
