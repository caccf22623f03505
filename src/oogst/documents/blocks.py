"""The one text-block parser: how a text people wrote becomes paragraphs and lists.

Every format reads the same blocks: the web pages (the `rich_text` filter), Word and Typst.
A blank line starts a new block; a line starting with "- ", "• ", "* " (or "·", "o" pasted
from Word) is a bullet item, "1. " or "1) " a numbered item; other lines are a paragraph whose
single line breaks are kept.
"""

import re
from dataclasses import dataclass
from typing import Literal

BULLET = re.compile(r"^\s*[-*•·o]\s+")
NUMBER = re.compile(r"^\s*\d+[.)]\s+")

# Characters that no format can show as text: C0/C1 controls (except tab and newline, which
# the parser reads) and the bidirectional embeddings and overrides, which would reorder the
# visible text around them ("Trojan source"). They are dropped; everything else stays literal.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]")
# Words longer than this get invisible break opportunities (U+200B) so that a 20,000-character
# "word" wraps inside its table cell in Word and PDF instead of running off the page.
LONG_WORD = 40
_LONG_RUN = re.compile(rf"[^\s\u200b]{{{LONG_WORD}}}(?=[^\s\u200b])")


@dataclass(frozen=True)
class Block:
    kind: Literal["paragraph", "bullets", "numbers"]
    lines: tuple[str, ...]  # a paragraph's lines, or a list's items


def clean(text: str) -> str:
    """The text with line endings unified and characters no document can show removed."""
    return _INVISIBLE.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n"))


def breakable(text: str) -> str:
    """`text` with a zero-width break opportunity every LONG_WORD characters of a long word."""
    return _LONG_RUN.sub(lambda m: m.group(0) + "\u200b", text)


def _kind(line: str) -> str:
    if BULLET.match(line):
        return "bullets"
    if NUMBER.match(line):
        return "numbers"
    return "paragraph"


def parse(text: str) -> list[Block]:
    """Paragraphs, bullet lists and numbered lists of `text`, in order."""
    result = []
    for chunk in re.split(r"\n\s*\n", clean(text).strip()):
        kind, lines = None, []
        for raw in chunk.split("\n"):
            if not raw.strip():
                continue
            line_kind = _kind(raw)
            line = (BULLET if line_kind == "bullets" else NUMBER).sub("", raw, count=1)
            if line_kind != kind and lines:
                result.append(Block(kind, tuple(lines)))
                lines = []
            kind = line_kind
            lines.append(line.strip())
        if lines:
            result.append(Block(kind, tuple(lines)))
    return result


def as_json(text: str) -> list[dict]:
    """The blocks as plain data for a Typst template."""
    return [{"kind": b.kind, "lines": [breakable(line) for line in b.lines]} for b in parse(text)]
