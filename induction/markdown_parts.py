"""Which parts of a page's Markdown are code (shown as typed, not read as prose) and which are
comments: the one place that decides it.

Python-Markdown shows code as typed: fenced blocks, indented blocks (also inside a list item,
admonition or tab) and code spans (also when wrapped over two lines); a backslash-escaped brace,
backtick or backslash shows as itself; an HTML comment is never shown. The facts leave all of
these alone (induction/facts.py fills placeholders only in the rest), and the words a learner
reads leave out code and comments (induction/learner_text.py, for the reading time and the content
check's figures without a date). Fences are found by induction.common.lines_with_code, the one
fence tracker.
"""

from __future__ import annotations

import re

from induction.common import lines_with_code

# The kind of each piece of typed_parts() that is not prose.
CODE_BLOCK = "code block"  # a line of a fenced (fences included) or indented code block
CODE_SPAN = "code span"
ESCAPE = "escape"  # \{ \} \` \\
COMMENT = "comment"  # <!-- ... -->


def typed_parts(markdown: str) -> list[tuple[int, str, str | None]]:
    """`markdown` cut into (start, text, kind) pieces, in order: `kind` is CODE_BLOCK (one line
    of a code block, without its line end), CODE_SPAN, ESCAPE or COMMENT for what Python-Markdown
    shows as typed or leaves out, and None for the prose around them."""
    lines = markdown.split("\n")
    code = code_lines(markdown)
    # the same text with code lines blanked, so spans and comments are found around them
    masked = "\n".join(
        " " * len(line) if is_code else line for line, is_code in zip(lines, code, strict=True)
    )
    typed = [(m.start(), m.end(), KINDS[m.lastgroup]) for m in AS_TYPED.finditer(masked)]
    starts, position = [], 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    typed += [(starts[n], starts[n] + len(lines[n]), CODE_BLOCK) for n, is_code in enumerate(code) if is_code]
    parts, position = [], 0
    for begin, end, kind in sorted(typed):
        if begin < position:  # a comment or span over a code line: the code line is already typed
            begin = position
        if begin > position:
            parts.append((position, markdown[position:begin], None))
        if end > begin:
            parts.append((begin, markdown[begin:end], kind))
        position = max(position, end)
    if position < len(markdown):
        parts.append((position, markdown[position:], None))
    return parts


def code_lines(markdown: str) -> list[bool]:
    """Whether each line of `markdown` is code: a fence or inside fenced code (`lines_with_code`),
    or an indented code block: a line indented 4 spaces more than the text it belongs to (the
    page, a list item, an admonition or tab), after a blank line or more code."""
    lines = markdown.split("\n")
    code = [is_code for _, _, is_code in lines_with_code(markdown)]
    content = [0]  # the indent of the text of each open list item, admonition or tab
    blank_before, code_before = True, False
    for n, line in enumerate(lines):
        expanded = line.expandtabs(4)
        stripped = expanded.lstrip()
        if not stripped:
            blank_before = True
            continue
        indent = len(expanded) - len(stripped)
        if code[n]:
            blank_before, code_before = False, False
            continue
        if blank_before or code_before:
            while len(content) > 1 and indent < content[-1]:
                content.pop()
            if indent >= content[-1] + 4:
                code[n] = code_before = True
                blank_before = False
                continue
        if CONTAINER.match(stripped):
            content.append(indent + 4)
        blank_before = code_before = False
    return code


# What Python-Markdown shows as typed inside a block of text: a code span (the same run of
# backticks each side, within one paragraph), an escaped brace, backtick or backslash, and an HTML
# comment (one left open is shown as text, so it is no comment).
AS_TYPED = re.compile(
    r"(?P<span>(`+)(?:(?!\n[ \t]*\n).)+?(?<!`)\2(?!`))|(?P<escape>\\[\\`{}])|(?P<comment><!--.*?-->)",
    re.DOTALL,
)
KINDS = {"span": CODE_SPAN, "escape": ESCAPE, "comment": COMMENT}  # AS_TYPED's group names
# A line that starts a list item, admonition, collapsible block, tab or footnote: the indented
# lines after it are its text, not code.
CONTAINER = re.compile(r"([-*+]|\d+[.)])(\s|$)|(!!!|\?\?\?\+?|===\+?)\s|\[\^[^\]]+\]:")
