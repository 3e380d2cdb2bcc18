"""The lines of a page's Markdown that a learner reads.

Everything but code (fenced and indented blocks, code spans), trainer-only notes (`!!! trainer`,
`??? trainer`, `???+ trainer`, with their indented text) and HTML comments; what is code or a
comment is decided in induction/markdown_parts.py, as for the facts. The reading time under each
page's title (induction/learning_path.py) and the content check's figures without a date
(check/content.py) both count these lines only, so a trainer note never makes a page look longer,
nor its figures look undated.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable

from induction.markdown_parts import CACHED_TEXTS, CODE_SPAN, ESCAPE, code_lines, typed_parts, unquoted
from induction.trainer_notes import note_start


def learner_lines(body: str, offset: int = 0) -> list[tuple[int, str]]:
    """The body's lines as (file line, text), with what learners never read blanked out: code
    blocks, trainer-only notes and comments (a line that is all code or note is ""), and each code
    span (a span wrapped over lines too) made one space. Blank lines are kept so paragraphs stay
    apart; `offset` is the number of front matter lines above the body."""
    return [(number + offset, text) for number, text in _learner_lines(body)]


@functools.lru_cache(maxsize=CACHED_TEXTS)  # asked of a page by several hooks in one build (as typed_parts)
def _learner_lines(body: str) -> tuple[tuple[int, str], ...]:
    shown = without_code_and_comments(body).split("\n")
    return tuple(
        (number, "" if is_code or in_note else text)
        for number, (text, is_code, in_note) in enumerate(
            zip(shown, code_lines(body), note_lines(body), strict=True), start=1
        )
    )


@functools.lru_cache(maxsize=CACHED_TEXTS)
def note_lines(body: str) -> tuple[bool, ...]:
    """For each line of `body`, whether it belongs to a trainer-only note: the line that opens
    it, and the blank lines and lines indented 4 spaces more below it (code inside a note is the
    note's). A line indented less ends the note, as Python-Markdown's admonition and
    pymdownx.details read it: readers see it (a red-team of 7 December 2026 published a number
    typed 2 spaces in after a note)."""
    out: list[bool] = []
    note_indent = None
    for line, is_code in zip(body.split("\n"), code_lines(body), strict=True):
        line = unquoted(line) if QUOTED.match(line) else line  # a note in a quote: after the > marks
        stripped = line.expandtabs(4).lstrip()
        indent = len(line.expandtabs(4)) - len(stripped)
        if note_indent is not None:
            if not stripped or indent >= note_indent + 4:
                out.append(True)
                continue
            note_indent = None
        if not is_code and note_start(line):
            note_indent = indent
            out.append(True)
            continue
        out.append(False)
    return tuple(out)


QUOTED = re.compile(r" {0,3}>")  # a line in a quote (a > indented 4 spaces is a note's own quote)


def without_code_and_comments(body: str) -> str:
    """`body` with its code and comments taken out, each line end kept: a code span becomes one
    space (so the words either side stay apart), a code block line and a comment nothing. Also
    where induction/links.py looks for the line of a link: a link in code links nowhere."""
    out = []
    for _, piece, kind in typed_parts(body):
        if kind in (None, ESCAPE):  # prose, and an escaped sign, which shows as itself
            out.append(piece)
        else:
            out.append(" " * (kind == CODE_SPAN) + "\n" * piece.count("\n"))
    return "".join(out)


def joined(lines: list[tuple[int, str]]) -> tuple[str, Callable[[int], int]]:
    """The texts of (line, text) pairs joined by spaces, to find words that run over lines, and a
    function giving the line on which a place in that text falls."""
    starts = list(itertools.accumulate((len(text) + 1 for _, text in lines), initial=0))
    return " ".join(text for _, text in lines), lambda at: lines[bisect.bisect_right(starts, at) - 1][0]
