"""Reading time: only the words a learner reads count (induction.learner_text.learner_lines)."""

from __future__ import annotations

import pytest

from induction.learner_text import learner_lines
from induction.learning_path import (
    LEARNING_MARKER,
    continue_markdown,
    duration,
    essentials_markdown,
    path_list_markdown,
    reading_minutes,
    with_learning_path,
)

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


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (0, "0 minutes"),
        (1, "1 minute"),
        (17, "17 minutes"),
        (59, "59 minutes"),
        (60, "1 hour"),
        (61, "1 hour 1 minute"),
        (62, "1 hour 2 minutes"),
        (120, "2 hours"),
        (121, "2 hours 1 minute"),
        (185, "3 hours 5 minutes"),
    ],
)
def test_durations_leave_out_a_zero_part_and_say_1_in_the_singular(minutes, words):
    assert duration(minutes) == words


def test_reading_everything_and_together_use_those_words():
    sections = [{"title": "A", "pages": [{"src": "a.md", "url": "a/", "title": "A", "minutes": 60}]}]
    assert "Reading everything takes about 1 hour, not counting" in path_list_markdown(sections, "index.md")
    pages = [{"src": "a.md", "title": "A", "minutes": 1}]
    assert essentials_markdown(pages, ["a.md"], "index.md").endswith("Together: about 1 minute.")


SECTIONS = [
    {
        "title": "Start",
        "pages": [{"src": "index.md", "url": "", "title": "Start", "minutes": 2, "marked": False}],
    },
    {"title": "A", "pages": [{"src": "a.md", "url": "a/", "title": "A", "minutes": 3}]},
]
BUTTON = continue_markdown(SECTIONS, "index.md")
LIST = path_list_markdown(SECTIONS, "index.md")


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        # straight under the heading above the marker, before the words introducing the list
        (
            f"# Home\n\n## Your learning path\n\nRead in order.\n\n{LEARNING_MARKER}\n\n## Next",
            f"# Home\n\n## Your learning path\n\n{BUTTON}\n\n\nRead in order.\n\n{LIST}\n\n## Next",
        ),
        (f"## Path {{ #path }}\n{LEARNING_MARKER}", f"## Path {{ #path }}\n\n{BUTTON}\n\n{LIST}"),
        # no heading above it (one below does not count): just before the list
        (f"Intro.\n\n{LEARNING_MARKER}\n\n## Later", f"Intro.\n\n{BUTTON}\n\n{LIST}\n\n## Later"),
        # a heading in code, or '#tag' with no space, is not a heading
        (f"```\n# code\n```\n#tag\n{LEARNING_MARKER}", f"```\n# code\n```\n#tag\n{BUTTON}\n\n{LIST}"),
        # no marker: unchanged
        ("## Heading\n\nText.", "## Heading\n\nText."),
    ],
)
def test_the_continue_button_goes_straight_under_the_learning_paths_heading(markdown, expected):
    assert with_learning_path(markdown, SECTIONS, "index.md") == expected


def test_the_button_says_where_it_goes_and_the_list_follows_it():
    assert BUTTON.startswith("[Start with A](a.md){ .md-button .md-button--primary #learning-continue }\n")
    assert 'id="learning-done" hidden' in BUTTON and "(progress.md#completion-record)" in BUTTON
    assert LIST.startswith("1. [A](a.md){ .learning-path__page } (about 3 min)")
    assert "learning-continue" not in LIST
    assert continue_markdown(SECTIONS[:1], "index.md") == ""  # no learning page: no button
