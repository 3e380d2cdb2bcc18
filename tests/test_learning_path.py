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
    ],
    ids=["!!!", "???", "???+", "two classes", "indented", "```", "~~~", "nested fence", "comment"],
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
