"""Reading time: only the words a learner reads count (induction.learner_text.learner_lines)."""

from __future__ import annotations

import pytest

from induction.learner_text import learner_lines
from induction.learning_path import reading_minutes

TEXT = "word " * 190  # under a minute's reading, so any hidden word counted shows as 2 minutes
HIDDEN = "secret " * 400


@pytest.mark.parametrize(
    "hidden",
    [
        f'!!! trainer "Note"\n    {HIDDEN}\n',
        f'??? trainer "Note"\n    {HIDDEN}\n',
        f'???+ trainer "Note"\n    {HIDDEN}\n',
        f'!!! warning trainer "Note"\n    {HIDDEN}\n',
        f'- A list item\n\n    !!! trainer "Note in a list"\n        {HIDDEN}\n',
        f"```\n{HIDDEN}\n```\n",
        f"~~~\n{HIDDEN}\n~~~\n",
        f"````markdown\n```\n{HIDDEN}\n```\n````\n",
        f"<!-- {HIDDEN} -->\n",
        # an indented code block, on the page or in an admonition (induction.markdown_parts)
        f"    {HIDDEN}\n",
        f'!!! note "Example"\n\n    Read this.\n\n        {HIDDEN}\n',
        # a code span with a backtick inside, and one wrapped over two lines
        f"Type ``{HIDDEN} ` {HIDDEN}`` there.\n",
        f"Type `{HIDDEN}\n{HIDDEN}` there.\n",
    ],
    ids=[
        "!!!",
        "???",
        "???+",
        "two classes",
        "indented",
        "```",
        "~~~",
        "nested fence",
        "comment",
        "indented code",
        "code in a note",
        "span with `",
        "wrapped span",
    ],
)
def test_reading_minutes_leave_out_what_learners_never_read(hidden):
    assert reading_minutes(f"# Title\n\n{TEXT}\n\n{hidden}\nThe end.\n") == 1


@pytest.mark.parametrize(
    ("markdown", "minutes"),
    [
        ("word " * 10, 1),
        ("word " * 200, 1),
        ("word " * 201, 2),
        ("word " * 1000, 5),
        # Ordinary admonitions and details are read; so is the text after a note.
        ('!!! note "Remember"\n    ' + "word " * 390, 2),
        ('??? info "More"\n    ' + "word " * 390, 2),
        ('!!! trainer "Note"\n    ' + HIDDEN + "\n\n" + "word " * 400, 2),
        # A lone backtick opens no code span, so the words after it are read.
        ("A lone ` here.\n\n" + "word " * 390 + "\n\nThen `code`.", 2),
        # A list item's indented paragraph is text, not code.
        ("- Item\n\n    " + "word " * 390, 2),
    ],
)
def test_reading_minutes_count_ordinary_text(markdown, minutes):
    assert reading_minutes(markdown) == minutes


def test_learner_lines_keep_the_file_line_numbers():
    body = 'Intro.\n\n??? trainer "Note"\n    Hidden.\n\n~~~\ncode\n~~~\nAfter <!-- gone --> here.'
    assert learner_lines(body, offset=5) == [
        (6, "Intro."),
        (7, ""),
        (8, ""),
        (9, ""),
        (10, ""),
        (11, ""),
        (12, ""),
        (13, ""),
        (14, "After  here."),
    ]


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        # an indented code block is blanked like fenced code; a list item's indented text is not
        ("Text.\n\n    773 children\n\nEnd.", ["Text.", "", "", "", "End."]),
        ("- Item\n\n    773 children", ["- Item", "", "    773 children"]),
        ('!!! note "N"\n\n    Text.\n\n        773', ['!!! note "N"', "", "    Text.", "", ""]),
        # a code span is one space, also when wrapped over two lines; an escaped backtick stays
        ("A `773` and \\` tick.", ["A   and \\` tick."]),
        ("Write `773\nchildren` here.", ["Write  ", " here."]),
        ("A ``x ` 773`` span.", ["A   span."]),
        # a comment over several lines is taken out, its line ends kept
        ("a <!-- 773\n\nmore --> b", ["a ", "", " b"]),
    ],
    ids=["indented code", "list text", "code in a note", "span", "wrapped span", "span with `", "comment"],
)
def test_learner_lines_blank_code_spans_and_blocks(body, lines):
    assert [text for _, text in learner_lines(body, offset=3)] == lines
    assert [number for number, _ in learner_lines(body, offset=3)] == list(range(4, 4 + len(lines)))
