"""Oogst's own stylesheets parse: an unclosed block silently swallows every rule after it
(a merge once left one open, and the reflow rules for fieldsets never applied)."""

import re
from pathlib import Path

import pytest

import oogst

STATIC = Path(oogst.__file__).parent / "static" / "oogst"


@pytest.mark.parametrize("path", sorted(STATIC.glob("*.css")), ids=lambda p: p.name)
def test_every_block_in_the_stylesheet_is_closed(path):
    text = re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.S)
    text = re.sub(r"\"[^\"]*\"|'[^']*'", "", text)
    depth = 0
    for number, line in enumerate(text.splitlines(), 1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"{path.name}:{number} closes a block that was never opened"
    assert depth == 0, f"{path.name} leaves {depth} block(s) open"
