"""The one PDF helper: a Typst template under documents/typst/ plus data as JSON gives a PDF.

User text never becomes Typst markup: the data travels as one JSON string in `sys.inputs`,
the template reads it with `json(bytes(...))` and places every text as a string, so `#read`,
`$`, `*` or `<` are just characters. Typst's project root is the template folder, so a
template can read no file outside it, and only the fonts shipped beside it are used (system
fonts are ignored), so the PDF looks the same on every server.

Output is PDF/A-2a and PDF/UA-1 at once (Typst allows UA-1 with one of PDF/A-1/2/3): tagged,
with the document title shown, language and fonts embedded.

Typst runs in a short-lived child process (`python -m oogst.documents.pdf`): the compiler
memoizes every layout in a process-wide cache that the `typst` package never empties, so a web
worker compiling in-process would grow by hundreds of MB per large appendix. The child takes
its memory with it when it exits.
"""

import datetime
import functools
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "typst"
FONTS = HERE / "fonts"
STANDARDS = ["a-2a", "ua-1"]
# The glyph shown for a character the shipped font lacks (emoji, CJK): PDF/A forbids text
# without a glyph, and a missing glyph must not stop a document from being made.
MISSING = "\u25a1"
TIMEOUT = 600  # seconds; a 2,000-pilot appendix takes about 11


class PdfError(RuntimeError):
    """Typst could not make the PDF (the message says why)."""


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
    stamp = int((now or datetime.datetime.now(datetime.UTC)).timestamp())
    payload = json.dumps(printable(data), ensure_ascii=False).encode("utf-8")
    command = [sys.executable, "-m", __name__, str(TEMPLATES / f"{template}.typ"), str(TEMPLATES)]
    try:
        result = subprocess.run(
            [*command, str(stamp)], input=payload, capture_output=True, timeout=TIMEOUT
        )
    except subprocess.TimeoutExpired as error:
        raise PdfError(f"Typst took longer than {TIMEOUT} s for {template}.pdf") from error
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip()
        raise PdfError(f"Typst could not make {template}.pdf: {reason}")
    return result.stdout


def _compile(source: str, root: str, stamp: str) -> int:
    import typst

    try:
        content = typst.compile(
            source,
            root=root,
            font_paths=[FONTS],
            ignore_system_fonts=True,
            sys_inputs={"data": sys.stdin.buffer.read().decode("utf-8")},
            pdf_standards=STANDARDS,
            timestamp=int(stamp),
        )
    except (typst.TypstError, RuntimeError, ValueError) as error:
        sys.stderr.write(str(error))
        return 1
    sys.stdout.buffer.write(content)
    return 0


if __name__ == "__main__":
    sys.exit(_compile(*sys.argv[1:4]))
