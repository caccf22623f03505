"""Content-Security-Policy helpers for responses that carry their own styling."""

import base64
import hashlib
import re

_STYLE_ELEMENT = re.compile(rb"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_STYLE_ATTRIBUTE = re.compile(rb'\sstyle="([^"]*)"', re.IGNORECASE)


def _hash(content: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(content).digest()).decode() + "'"


def allow_own_styles(response):
    """Let a standalone document (the appendix as one HTML file) use its own inline styles.

    The file must work when downloaded, so its styles stay inline; served under the site's
    policy they get exactly their own hashes, nothing else. Documents stored before the
    appendix lost its style attribute keep working through 'unsafe-hashes' of those values.
    """
    body = response.content
    sources = [_hash(m.group(1)) for m in _STYLE_ELEMENT.finditer(body)]
    attributes = {m.group(1) for m in _STYLE_ATTRIBUTE.finditer(body) if m.group(1)}
    if attributes:
        sources += ["'unsafe-hashes'", *(_hash(value) for value in sorted(attributes))]
    if sources:
        response._csp_update = {"style-src": sources}
    return response
