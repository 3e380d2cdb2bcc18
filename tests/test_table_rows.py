"""A table row with a cell missing or one too many (induction/tables.py). Python-Markdown fills a
short row with empty cells at its end, so each value after the gap shows under the wrong
heading, and drops a long row's extra cells: both published a wrong table with a green build.
The build now stops at the row."""

from __future__ import annotations

import pytest

from conftest import copy_project, run_build
from induction.tables import table_problems
from test_glossary_lines import plant

SHORT = "so each value after a missing cell shows under the wrong heading"
TABLE = "| Step | Who | Duty |\n| --- | --- | --- |\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (TABLE + "| 1 | All |\n", [(3, "this table row has 2 cells, but the table has 3 columns, " + SHORT)]),
        (
            TABLE + "| 1 | All | None | Extra |\n",
            [
                (
                    3,
                    "this table row has 4 cells, but the table has 3 columns, "
                    "so readers do not see the last 1",
                )
            ],
        ),
        (
            "Step | Who\n--- | ---\n1 | All\nAlone\n",
            [(4, "this table row has 1 cell, but the table has 2 columns, " + SHORT)],
        ),
        # in a box, in a list item, in a quote: at the file's line
        (
            "!!! note\n\n    " + TABLE.replace("\n", "\n    ") + "| 1 |\n",
            [(5, "this table row has 1 cell, but the table has 3 columns, " + SHORT)],
        ),
        (
            "> | a | b |\n> | - | - |\n> | 1 |\n",
            [(3, "this table row has 1 cell, but the table has 2 columns, " + SHORT)],
        ),
        # straight after a heading line, a line of HTML, or as a definition (each a block of its own)
        (
            "## Steps\n| a | b |\n| - | - |\n| 1 |\n",
            [(4, "this table row has 1 cell, but the table has 2 columns, " + SHORT)],
        ),
        (
            "<div markdown>\n| a | b |\n| - | - |\n| 1 |\n</div>\n",
            [(4, "this table row has 1 cell, but the table has 2 columns, " + SHORT)],
        ),
        (
            "Term\n:   | a | b |\n    | - | - |\n    | 1 |\n",
            [(4, "this table row has 1 cell, but the table has 2 columns, " + SHORT)],
        ),
        # a --- row that does not fit the headings: Python-Markdown makes no table at all
        (
            "| S | P | W |\n| --- | --- |\n| a | b | c |\n",
            [
                (
                    2,
                    "the --- row below this table's headings has 2 cells, but the heading row has 3, "
                    "so the table is not made and readers see its lines as typed",
                )
            ],
        ),
        ("a | b\n---\n", []),  # a heading underlined with ---, not a table
        # column alignment is fine (mkdocs.yml writes it as align=, which the security policy allows)
        ("| a | b |\n| :--- | ---: |\n| 1 | 2 |\n", []),
        # pipes that are not cell borders: in a code span, escaped; no border pipes at all
        (TABLE + "| `a|b` | All | None |\n| a \\| b | All | None |\n", []),
        (TABLE + "| 1 | All | None\n1 | All | None |\n", []),
        (TABLE + "| 1 | | |\n", []),  # empty cells written out
        # not tables: after a paragraph line, in code, no --- row
        ("Text.\n| a | b |\n| - | - |\n| 1 |\n", []),
        ("```\n| a | b |\n| - | - |\n| 1 |\n```\n", []),
        ("    | a | b |\n    | - | - |\n    | 1 |\n", []),
        ("| a | b |\n| 1 |\n", []),
    ],
)
def test_rows_that_do_not_fit_their_columns_are_named(text, expected):
    assert [(line, problem) for line, problem, _ in table_problems(text)] == expected


@pytest.mark.build
def test_a_missing_cell_stops_the_real_build_at_its_row(tmp_path):
    project = copy_project(tmp_path / "project")
    old = "| 1. Universal services | Every child | "
    line = plant(project, "docs/thresholds.md", old, "| 1. Universal services | ")
    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert (
        f"docs/thresholds.md:{line}: this table row has 4 cells, but the table has 5 columns, {SHORT} "
        "(give the row one cell for each column, in the same order as the headings; "
        "write | | for an empty cell)"
    ) in build.output, build.output
    assert "Traceback" not in build.output
    assert not list((tmp_path / "site").rglob("*.html")), "a failed build wrote pages"


@pytest.mark.build
def test_a_table_with_aligned_columns_builds(tmp_path):
    """Python-Markdown wrote column alignment as style="text-align: left", which the site's
    security policy refuses: a correct table stopped the build with a message about style=."""
    project = copy_project(tmp_path / "project")
    old = (
        "| Step | Who it is for | What happens | The council's legal duty | Must the family agree? |\n| --- |"
    )
    plant(project, "docs/thresholds.md", old, old.replace("\n| --- |", "\n| :--- |"))
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    cell = build.html("thresholds/index.html").select_one("article table th")
    assert cell.get("align") == "left" and not cell.get("style")
