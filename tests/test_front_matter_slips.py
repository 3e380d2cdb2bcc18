"""Front matter slips that built and published silently (review, 6 December 2026).

1. `review_due: 2207-12-06`, a slip in the year, switched the page's review off for good: it
   would never fall due. A review_due more than MOST_YEARS_BETWEEN_REVIEWS years after
   last_reviewed now stops the build at its line.
2. Flags read loosely: `in_learning_path: "false"` and `progress: "false"` in quotes are text,
   which the site counts as true; `search: boost: high` is no number (Material's search then drops
   the page). Every front matter key the site reads now has its kind checked (FRONT_MATTER_TYPES,
   SEARCH_TYPES): a value of another kind stops the build at its line.
3. A front matter title that differs from the page's `#` heading passed, though the trainer guide
   (docs/trainers/pages.md, Add a new page, step 2) says they must match: the build now stops at
   the heading's line, naming both.

Pure functions first (tables), then one strict build of a copy of the real project per slip:
the exact message with file and line, and that no page was written.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import copy_project, last_review_day, run_build
from induction.pages import MOST_YEARS_BETWEEN_REVIEWS, check_front_matter, read_front_matter
from test_data_slips import _assert_stopped, _planted, _replace  # the build failed, said it and wrote no page

TODAY = dt.date(2026, 12, 6)
GOOD = {
    "title": "Fostering",
    "description": "D",
    "owner": "O",
    "last_reviewed": "2026-12-06",
    "review_due": "2027-12-06",
    "sources": "[]",
}


def _page(**change) -> str:
    """A page's text: front matter GOOD with `change` (a value None leaves the field out)."""
    fields = {**GOOD, **change}
    lines = [
        f"{key}: {value}" if value != "" else f"{key}:" for key, value in fields.items() if value is not None
    ]
    return "---\n" + "\n".join(lines) + "\n---\n\n# Fostering\n\nText.\n"


def _problems(raw: str) -> list[str]:
    """Each problem check_front_matter finds in the page `raw`, as the build prints it."""
    meta = read_front_matter(raw, "docs/x.md")
    problems, _ = check_front_matter(meta, "docs/x.md", {}, TODAY, raw)
    return [f"{path}:{line}: {problem} ({expected})" for path, line, problem, expected in problems]


# --- 1. A review date years away: review switched off for good ----------------------------------

EVERY = f"check the year: a page is reviewed at least every {MOST_YEARS_BETWEEN_REVIEWS} years"


@pytest.mark.parametrize(
    ("last", "due", "message"),
    [
        (
            "2026-12-06",
            "2207-12-06",
            f"docs/x.md:6: review_due 2207-12-06 is 181 years after last_reviewed 2026-12-06 ({EVERY})",
        ),
        (
            "2026-12-06",
            "2029-12-07",
            "docs/x.md:6: review_due 2029-12-07 is more than 3 years after last_reviewed 2026-12-06 "
            f"({EVERY})",
        ),
        (
            "1926-12-06",  # the slip in last_reviewed's year instead
            "2027-12-06",
            f"docs/x.md:6: review_due 2027-12-06 is 101 years after last_reviewed 1926-12-06 ({EVERY})",
        ),
        (
            "2024-02-29",
            "2027-03-01",
            "docs/x.md:6: review_due 2027-03-01 is more than 3 years after last_reviewed 2024-02-29 "
            f"({EVERY})",
        ),
        (
            "2026-12-06",
            "2026-12-05",
            "docs/x.md:6: review_due 2026-12-05 is not after last_reviewed 2026-12-06 "
            "(set review_due to a date after last_reviewed)",
        ),
    ],
)
def test_a_review_date_too_far_ahead_is_a_slip_in_the_year(last, due, message):
    assert _problems(_page(last_reviewed=last, review_due=due)) == [message]


@pytest.mark.parametrize(
    ("last", "due"),
    [
        ("2026-12-06", "2027-12-06"),
        ("2026-12-06", "2029-12-06"),
        ("2024-02-29", "2027-02-28"),
        ("2026-01-01", "2026-06-01"),
    ],
)
def test_a_review_within_three_years_is_fine(last, due):
    assert _problems(_page(last_reviewed=last, review_due=due)) == []


@pytest.mark.build
def test_a_review_date_centuries_ahead_stops_the_build_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    fostering = project / "docs" / "services" / "fostering.md"
    front = read_front_matter(fostering.read_text(encoding="utf-8"), "docs/services/fostering.md")
    last = front["last_reviewed"]
    slip = last.replace(year=last.year + 181)  # 2207 for 2026: a slip in the year's third digit
    _replace(fostering, f"review_due: {front['review_due']}", f"review_due: {slip}")
    build = run_build(project, tmp_path / "site", env={"INDUCTION_TODAY": last_review_day(project)})
    _assert_stopped(
        build,
        f"docs/services/fostering.md:6: review_due {slip} is 181 years after last_reviewed {last} ({EVERY})",
    )


# --- 2. Values of the wrong kind: "false" in quotes, boost: high ---------------------------------

QUOTED = "is in quotes, so it is read as text, which counts as true"


@pytest.mark.parametrize(
    ("field", "message"),
    [
        (
            'in_learning_path: "false"',
            f'docs/x.md:8: in_learning_path: "false" {QUOTED} '
            "(write in_learning_path: false, without quotes)",
        ),
        (
            "progress: 'False' # a note",
            f"docs/x.md:8: progress: 'False' {QUOTED} (write progress: false, without quotes)",
        ),
        (
            "progress: 0",
            "docs/x.md:8: progress: 0 is not true or false "
            "(write progress: true or progress: false, without quotes)",
        ),
        (
            "in_learning_path: never",
            "docs/x.md:8: in_learning_path: never is not true or false "
            "(write in_learning_path: true or in_learning_path: false, without quotes)",
        ),
        (
            "search:\n  boost: high",
            "docs/x.md:9: boost: high (under search:) is not a number "
            "(boost must be a number, for example boost: 2)",
        ),
        (
            'search:\n  boost: "3"',
            'docs/x.md:9: boost: "3" (under search:) is in quotes, so it is read as text, not as a number '
            "(write boost: 3, without quotes)",
        ),
        (
            "search:\n  boost: true",
            "docs/x.md:9: boost: true (under search:) is not a number "
            "(boost must be a number, for example boost: 2)",
        ),
        (
            'search:\n  exclude: "false"',
            f'docs/x.md:9: exclude: "false" (under search:) {QUOTED} (write exclude: false, without quotes)',
        ),
        (
            "search: false",
            "docs/x.md:8: search: false is not a group of settings "
            "(write search: on its own line, with exclude: true or boost: 2 indented under it)",
        ),
        (
            "reading_level_note: 12",
            "docs/x.md:8: reading_level_note: 12 is read as a number, not as text "
            '(put it in quotes: reading_level_note: "12")',
        ),
        (
            "status: yes",
            "docs/x.md:8: status: yes is read as true or false, not as text "
            '(put it in quotes: status: "yes")',
        ),
        (
            "subtitle: 2026-12-06",
            "docs/x.md:8: subtitle: 2026-12-06 is read as a date, not as text "
            '(put it in quotes: subtitle: "2026-12-06")',
        ),
        (
            "icon: [a, b]",
            "docs/x.md:8: icon: is not one line of text (write the text on the same line: icon: ...)",
        ),
        ("hide: toc", "docs/x.md:8: hide: toc is not a list (put it in square brackets: hide: [toc])"),
        (
            "hide: [navigation, tok]",
            "docs/x.md:8: hide: lists 'tok', which Material cannot hide "
            "(use only: navigation, toc, footer, path, tags, feedback)",
        ),
        (
            "tags: fostering",
            "docs/x.md:8: tags: fostering is not a list (put it in square brackets: tags: [fostering])",
        ),
    ],
)
def test_a_value_of_the_wrong_kind_is_named_at_its_line(field, message):
    assert _problems(_page(sources=f"[]\n{field}")) == [message]


def test_title_read_as_a_number_is_named_at_its_line():
    message = 'docs/x.md:2: title: 2027 is read as a number, not as text (put it in quotes: title: "2027")'
    assert _problems(_page(title="2027")) == [message]


@pytest.mark.parametrize(
    "field",
    [
        "in_learning_path: false",
        "in_learning_path: true",
        "progress: false # not a learning page",
        "search:\n  exclude: true",
        "search:\n  boost: 3",
        "search:\n  boost: 0.5",
        "hide: [navigation, toc]",
        "tags: [fostering]",
        'reading_level_note: "Long words: the law\'s own."',
        "status: new",
    ],
)
def test_values_of_the_right_kind_are_fine(field):
    assert _problems(_page(sources=f"[]\n{field}")) == []


@pytest.mark.build
@pytest.mark.parametrize(
    ("page", "old", "new", "message"),
    [
        (
            "progress.md",
            "in_learning_path: false",
            'in_learning_path: "false"',
            f'docs/progress.md:{{line}}: in_learning_path: "false" {QUOTED} '
            "(write in_learning_path: false, without quotes)",
        ),
        (
            "contacts.md",
            "  boost: 3 #",
            "  boost: high #",
            "docs/contacts.md:{line}: boost: high (under search:) is not a number "
            "(boost must be a number, for example boost: 2)",
        ),
    ],
)
def test_a_value_of_the_wrong_kind_stops_the_build_at_its_line(tmp_path, page, old, new, message):
    build, line = _planted(tmp_path, f"docs/{page}", old, new)
    _assert_stopped(build, message.format(line=line))


# --- 3. The title and the # heading must match (docs/trainers/pages.md) -------------------------

SAME_WORDS = (
    "write the same words in both: the title names the page in the menu, the browser tab and "
    "search; the heading at the top of the page"
)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "# Fostering and adoption\n",
            f"docs/x.md:10: the heading '# Fostering and adoption' does not match the title 'Fostering' "
            f"on line 2 ({SAME_WORDS})",
        ),
        (
            "```text\n# Fostering\n```\n\n# Fostring { #top }\n",
            "docs/x.md:14: the heading '# Fostring' does not match the title 'Fostering' on line 2 "
            f"({SAME_WORDS})",
        ),
    ],
)
def test_a_heading_that_is_not_the_title_is_named_at_its_line(body, message):
    raw = _page().replace("# Fostering\n\nText.\n", body)
    assert _problems(raw) == [message]


@pytest.mark.parametrize(
    "body",
    [
        "# Fostering\n",
        "# Fostering #\n",
        "# Fostering { #top .x }\n",
        "#  Fostering  \n",
        "Text without a heading.\n",
        "```\n# Not a heading\n```\n",
        # a heading kept in a comment, or in a trainer note, is not the page's heading
        "<!--\n# Fostering and adoption (the old title)\n-->\n\n# Fostering\n",
        '!!! trainer "Old title"\n    # Fostering and adoption\n\n# Fostering\n',
        # the same words once Markdown has read them: emphasis, code, a character reference
        "# *Fostering*\n",
        "# `Fostering`\n",
        "# Foster&#105;ng\n",
    ],
)
def test_a_heading_that_is_the_title_is_fine(body):
    assert _problems(_page().replace("# Fostering\n\nText.\n", body)) == []


@pytest.mark.parametrize(
    "title",
    [
        *("1. Fostering", "- Fostering", "+ Fostering", "> Fostering"),
        *("1. Fostering: the basics", "- Foster & care"),  # with a sign of markup (a review)
    ],
)
def test_a_heading_that_starts_like_a_list_or_quote_is_read_as_the_heading_shows_it(title):
    """A heading's words are read as the heading shows them, not as a page of their own would:
    '# 1. Fostering' shows '1. Fostering', not a list of one item."""
    raw = _page(title=f'"{title}"').replace("# Fostering\n", f"# {title}\n")
    assert _problems(raw) == []
    assert _problems(raw.replace(f"# {title}\n", "# Fostering\n"))  # the words still compared


def test_a_heading_ending_in_a_hash_is_compared_as_readers_see_it():
    """Markdown drops the hashes at the end of a heading, with or without a space before them:
    '# Learning C#' shows "Learning C", so it does not match the title 'Learning C#'. The message
    says what readers see and how to keep the hash; an escaped hash ('C\\#') shows and matches."""
    raw = _page(title='"Learning C#"').replace("# Fostering\n", "# Learning C# { #top }\n")
    assert _problems(raw) == [
        "docs/x.md:10: the heading '# Learning C#' (readers see 'Learning C') does not match the title "
        f"'Learning C#' on line 2 ({SAME_WORDS}; to end the heading with #, write \\#)"
    ]
    assert _problems(raw.replace("# Learning C#", "# Learning C\\#")) == []
    # a space after the hash: Markdown drops closing hashes only at the very end of the line
    assert _problems(raw.replace("# Learning C# { #top }", "# Learning C# ")) == []
    # a fact in a heading is no attribute list; an empty heading is not told to escape a hash
    fact = raw.replace("# Learning C# { #top }", "# Call {{ contacts.front_door.phone }}")
    assert "the heading '# Call {{ contacts.front_door.phone }}' does not" in _problems(fact)[0]
    assert "write \\#" not in _problems(raw.replace("# Learning C# { #top }", "#   "))[0]
    assert (
        _problems(
            raw.replace("# Learning C#", "# C# for beginners").replace('"Learning C#"', "C# for beginners")
        )
        == []
    )


def test_a_comment_in_the_front_matter_is_not_the_heading():
    raw = _page(sources="[]\n# a note for trainers")
    assert _problems(raw) == []


@pytest.mark.build
def test_a_heading_that_is_not_the_title_stops_the_build_at_its_line(tmp_path):
    build, line = _planted(
        tmp_path, "docs/services/fostering.md", "# Fostering\n", "# Fostering and adoption\n"
    )
    _assert_stopped(
        build,
        f"docs/services/fostering.md:{line}: the heading '# Fostering and adoption' does not match the "
        f"title 'Fostering' on line 2 ({SAME_WORDS})",
    )
