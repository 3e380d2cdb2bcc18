"""The lines of a page's Markdown that a learner reads.

Everything but fenced code (``` or ~~~), trainer-only notes (`!!! trainer`, `??? trainer`,
`???+ trainer`, with their indented text) and HTML comments. The reading time under each page's
title (induction/learning_path.py) and the content check's figures without a date
(check/content.py) both count these lines only, so a trainer note never makes a page look longer,
nor its figures look undated.
"""

from __future__ import annotations

import re

from induction.common import lines_with_code
from induction.trainer_notes import note_start


def learner_lines(body: str, offset: int = 0) -> list[tuple[int, str]]:
    """The body's lines as (file line, text), with what learners never read blanked out: fenced
    code, trainer-only notes and HTML comments. Blank lines are kept so paragraphs stay apart;
    `offset` is the number of front matter lines above the body."""
    out: list[tuple[int, str]] = []
    note_indent = None
    in_comment = False
    for number, line, code in lines_with_code(body, start=1 + offset):
        stripped = line.expandtabs(4).lstrip()
        indent = len(line.expandtabs(4)) - len(stripped)
        if note_indent is not None:
            if not stripped or indent > note_indent:
                out.append((number, ""))
                continue
            note_indent = None
        if code:
            out.append((number, ""))
            continue
        if note_start(line):
            note_indent = indent
            out.append((number, ""))
            continue
        line, in_comment = _without_comments(line, in_comment)
        out.append((number, line))
    return out


def _without_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    kept, rest = [], line
    while rest:
        if in_comment:
            end = rest.find("-->")
            if end < 0:
                return "".join(kept), True
            rest, in_comment = rest[end + 3 :], False
        else:
            start = rest.find("<!--")
            if start < 0:
                kept.append(rest)
                break
            kept.append(rest[:start])
            rest, in_comment = rest[start + 4 :], True
    return "".join(kept), in_comment


# A code span (`text`, ``text``): shown as code, not read as prose.
CODE_SPAN = re.compile(r"(`+)[^`]*?\1")
