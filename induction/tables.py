"""Tables whose rows do not fit their columns.

Python-Markdown's tables extension gives a table as many columns as its `---` row has cells. A
row with fewer cells is filled up with empty ones at its end, so each value after a missing cell
shows under the wrong heading; a row with more cells loses the extra ones without a word. Both
publish a wrong table (a number under the wrong heading) with a green build, so the build stops
at the row instead.

Rows are split into cells by the extension's own splitter (pipes in code spans and `\\|` are not
cell borders), so this counts exactly what readers will see.
"""

from __future__ import annotations

import functools
import re

import markdown
from markdown.extensions.tables import TableProcessor

from induction.markdown_parts import bare_line, code_lines
from induction.versions import require

require(
    "Markdown",
    "==3.11.3",
    "induction/tables.py's use of the tables extension's TableProcessor.test and _split_row",
)

# A `---` row as trainers write one: pipes, dashes, colons and spaces, at least one pipe and dash.
_RULE_ROW = re.compile(r"(?=.*\|)(?=.*-)[|:\- ]+")


def table_problems(text: str) -> list[tuple[int, str, str]]:
    """(line in `text`, problem, what to write) for each table row whose number of cells is not
    the table's number of columns, outside code."""
    lines, code = text.split("\n"), code_lines(text)
    splitter = _splitter()
    problems, n = [], 0
    while n < len(lines) - 1:
        if "|" not in lines[n] or code[n] or not _starts_block(lines, n):
            n += 1
            continue
        end = n
        while end < len(lines) and not code[end] and bare_line(lines[end])[:1] not in ("", "<"):
            end += 1  # from this line up to a blank line or code (a table starts its block)
        if end - n < 2:
            n += 1
            continue
        if not splitter.test(None, "\n".join(map(bare_line, lines[n:end]))):
            if _RULE_ROW.fullmatch(bare_line(lines[n + 1])):  # a --- row that does not fit: no table at all
                heading, rule = (len(splitter._split_row(bare_line(lines[row]))) for row in (n, n + 1))
                problems.append((n + 2, *_rule_problem(rule, heading)))
            n += 1
            continue
        columns = len(splitter.separator)
        for row in range(n + 2, end):
            # `_split_row` is the extension's own (not documented): Python-Markdown is pinned,
            # and tests/test_safe_html.py's test_markdown_internals_are_as_pinned fails when
            # its version moves.
            cells = len(splitter._split_row(bare_line(lines[row])))
            if cells != columns:
                problems.append((row + 1, *_problem(cells, columns)))
        n = end
    return problems


@functools.cache
def _splitter() -> TableProcessor:
    """The tables extension's processor, made once (each `test` sets what the next rows use)."""
    return TableProcessor(markdown.Markdown().parser, {"use_align_attribute": False})


def _starts_block(lines: list[str], n: int) -> bool:
    """Whether line `n` starts a block: a table's heading row must (after a paragraph line, the
    lines are all one paragraph; a heading line or a line of HTML is a block of its own)."""
    if n == 0 or not (above := bare_line(lines[n - 1])) or re.match(r"[ \t]*:[ \t]", lines[n]):
        return True  # (a definition's first line, after ':', starts a block too)
    return above.startswith(("#", "<")) or _indent(lines[n - 1]) < _indent(lines[n])


def _rule_problem(rule: int, heading: int) -> tuple[str, str]:
    return (
        f"the --- row below this table's headings has {rule} cell{'s' if rule != 1 else ''}, but the "
        f"heading row has {heading}, so the table is not made and readers see its lines as typed",
        "give the --- row one | --- | for each heading, and each row one cell for each heading",
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _problem(cells: int, columns: int) -> tuple[str, str]:
    has = f"this table row has {cells} cell{'s' if cells != 1 else ''}"
    if cells < columns:
        return (
            f"{has}, but the table has {columns} columns, so each value "
            "after a missing cell shows under the wrong heading",
            "give the row one cell for each column, in the same order as the headings; write | | for "
            "an empty cell",
        )
    return (
        f"{has}, but the table has {columns} columns, so readers do not see the last {cells - columns}",
        "take out the extra cells, or add a column to the heading row and to the --- row below it; a | "
        "inside a cell is written \\|",
    )
