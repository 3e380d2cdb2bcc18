"""Addresses as a browser reads them, for the checks of pages (induction/safe_html.py) and of
the files under docs/ (hooks/safe_files.py)."""

from __future__ import annotations

import re


def as_browser_reads(value: str) -> str:
    """An address as a browser's URL parser takes it: tabs and newlines dropped, control
    characters and spaces around it stripped, a backslash read as a slash."""
    return _TAB_OR_NEWLINE.sub("", value).strip(_C0_OR_SPACE).replace("\\", "/")


def short(text: str, limit: int = 60) -> str:
    """`text` on one line and at most `limit` characters, to quote in a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers drop tabs and newlines anywhere in an address (java\tscript:), and control
# characters and spaces around it.
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_C0_OR_SPACE = "".join(map(chr, range(0x21)))
