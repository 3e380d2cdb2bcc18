"""A trainer note typed slightly wrong never reaches learners. A first line Markdown does not read
as a trainer note (curly or single quotes, a quote missing, `trainers`, `!!`, `trainer-note`,
`trainer:`), a `<div>` left open above a note (which published the rest of the page as typed
Markdown), and any note's first line still on a page after conversion (a note indented two
spaces, a note inside closed raw HTML) each stop the build, and the check, at the file and line
with what to write; no page is written."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, run_build
from export_support import export_project, run_export
from induction.common import DataError
from induction.safe_html import SafeHtml
from induction.trainer_notes import (
    VIEW_LABEL,
    TrainerNotes,
    check_note_lines,
    note_left_on_page,
    note_slip,
)
from test_safe_html import CONFIG
from test_trainer_check import run_check

NOT_READ = (
    "looks like the first line of a trainer note, but Markdown does not read it as one, so the note "
    "would be published to learners"
)
UNCLOSED = (
    "is opened here but never closed, so the rest of the page would be published as typed, trainer "
    "notes included"
)
NOT_A_NOTE_HERE = (
    "is not read as the start of a trainer note here, so the note would be published to learners"
)
IN_CODE = "is shown as code on a page learners read, so the note would be published to learners"
CODE_ADVICE = (
    "start the note's first line at the left edge: four spaces before it make it code, except under "
    "a list item or box; show examples of notes in the trainer guide (docs/trainers/)"
)
WHERE_NOTES_GO = (
    "start the note on a line of its own at the left edge, with a blank line before it (or indented by "
    "four spaces under a list item or box), and outside any HTML tag or comment (<div> ... </div>, "
    "<!-- ... -->)"
)


def slip(line: str, written: str) -> str:
    return f"'{line}' {NOT_READ} (write it as {written}, with the title in straight double quotes)"


def unclosed(line: int, tag: str) -> tuple:
    return (
        line,
        f"<{tag}> {UNCLOSED}",
        f"add </{tag}> on a line of its own after the part it holds, with a blank line before it",
    )


# --- A first line typed slightly wrong ---------------------------------------------------------

TITLE = "Explain the Staying Close Team"
CURLY = f"\N{LEFT DOUBLE QUOTATION MARK}{TITLE}\N{RIGHT DOUBLE QUOTATION MARK}"  # pasted from Word
CURLY_SINGLE = f"\N{LEFT SINGLE QUOTATION MARK}{TITLE}\N{RIGHT SINGLE QUOTATION MARK}"
SLIPS = [
    (
        f"!!! trainer \N{LEFT DOUBLE QUOTATION MARK}{TITLE}\N{RIGHT DOUBLE QUOTATION MARK}",
        f'!!! trainer "{TITLE}"',
    ),
    (f"!!! trainer '{TITLE}'", f'!!! trainer "{TITLE}"'),
    (
        f"!!! trainer \N{LEFT SINGLE QUOTATION MARK}{TITLE}\N{RIGHT SINGLE QUOTATION MARK}",
        f'!!! trainer "{TITLE}"',
    ),
    (f'!!! trainer "{TITLE}', f'!!! trainer "{TITLE}"'),
    (f'!!! trainers "{TITLE}"', f'!!! trainer "{TITLE}"'),
    (f'!! trainer "{TITLE}"', f'!!! trainer "{TITLE}"'),
    (f'!!! trainer-note "{TITLE}"', f'!!! trainer "{TITLE}"'),
    (f'!!! trainer: "{TITLE}"', f'!!! trainer "{TITLE}"'),
    (f'!!!! trainer "{TITLE}"', f'!!! trainer "{TITLE}"'),
    (f'!!! note trainers "{TITLE}"', f'!!! trainer "{TITLE}"'),
    (f'!!! "Trainer: {TITLE}"', f'!!! trainer "Trainer: {TITLE}"'),
    ("!!! TRAINERS", '!!! trainer "Title"'),
    (f'?? trainer "{TITLE}"', f'??? trainer "{TITLE}"'),
    (
        f"??? trainer \N{LEFT DOUBLE QUOTATION MARK}{TITLE}\N{RIGHT DOUBLE QUOTATION MARK}",
        f'??? trainer "{TITLE}"',
    ),
    (f'???+ Trainers "{TITLE}"', f'???+ trainer "{TITLE}"'),
]


@pytest.mark.parametrize(("line", "written"), SLIPS)
@pytest.mark.parametrize("where", ["{}", "  {}", "> {}", "- Item.\n\n    {}"])
def test_a_first_line_typed_slightly_wrong_stops_at_its_line(line, written, where):
    page = "Intro.\n\n" + where.format(line) + "\n    The note's text.\n\nAfter."
    at = page.split("\n").index(where.format(line).split("\n")[-1]) + 1
    with pytest.raises(DataError) as error:
        check_note_lines(page, "docs/services/care-leavers.md", 8)
    assert str(error.value) == f"docs/services/care-leavers.md:{at + 8}: {slip(line, written)}"


@pytest.mark.parametrize(
    "line",
    [
        '!!! trainer "Title"',
        '??? trainer "Folded"',
        '???+ trainer "Open"',
        "!!! trainer",
        '!!! Trainer "Capital"',
        '!!! warning trainer "Two classes"',
        "!!! warning trainer",  # a trainer note in a warning's colours
        '> !!! trainer "In a quote"',
        # boxes for learners whose title mentions trainers, and prose
        '!!! note "Ask your trainer"',
        '??? info "What the trainers do"',
        "A trainer is a person. !!! trainer in the middle of a line is not a note.",
        "!!! warning",
        "?? Is this a question",
    ],
)
def test_a_note_or_a_box_for_learners_is_no_slip(line):
    assert note_slip(line) is None
    check_note_lines(f"{line}\n    Text.", "docs/x.md")


def test_a_slip_in_code_is_an_example():
    check_note_lines(f"```text\n{SLIPS[0][0]}\n    Shown as code.\n```", "docs/trainers/x.md")


@pytest.mark.parametrize(
    "text",
    [
        # the trainer guide shows a mistyped note as an indented code block (it stopped the build)
        'An example:\n\n    !!! trainers "Check this figure"\n        The slide says 22,00.\n',
        "An example:\n\n    !!! trainer \N{LEFT DOUBLE QUOTATION MARK}Curly\N{RIGHT DOUBLE QUOTATION MARK}\n",
        # a note without indented text, shown as code
        'An example:\n\n    !!! trainer "No text"\n    Not under it.\n',
        # code under a list item: eight spaces
        '- An example:\n\n        !! trainer "Two marks"\n            Text.\n',
    ],
)
def test_a_slip_in_indented_code_is_an_example(text):
    """Indented code is left to the safety net, which allows it only in the trainer guide."""
    check_note_lines(text, "docs/trainers/x.md")


# --- A box for learners whose title mentions a trainer is not a trainer note -----------------------

ASK = "Ask your trainer"
NOT_A_BOX = (
    "is not read as a box, so learners would see this line as typed, with the box's text as an "
    "ordinary paragraph"
)
LEARNER_SLIPS = [
    (f"!!! note \N{LEFT DOUBLE QUOTATION MARK}{ASK}\N{RIGHT DOUBLE QUOTATION MARK}", f'!!! note "{ASK}"'),
    (f"!!! tip '{ASK}'", f'!!! tip "{ASK}"'),
    (f'!!! warning "{ASK}', f'!!! warning "{ASK}"'),
    (f'!! note "{ASK}"', f'!!! note "{ASK}"'),
    (
        "??? info \N{LEFT SINGLE QUOTATION MARK}What the trainers do\N{RIGHT SINGLE QUOTATION MARK}",
        '??? info "What the trainers do"',
    ),
    (f"!!! note inline end '{ASK}'", f'!!! note inline end "{ASK}"'),
]


def box_slip(line: str, written: str) -> str:
    return (
        f"'{line}' {NOT_A_BOX} (write it as {written}, with the title in straight double quotes: a box "
        "for learners)"
    )


@pytest.mark.parametrize(("line", "written"), LEARNER_SLIPS)
@pytest.mark.parametrize("where", ["{}", "> {}", "- Item.\n\n    {}"])
def test_a_box_for_learners_typed_wrong_keeps_its_type(line, written, where):
    """Python-Markdown shows the line as typed (it is no box); the advice keeps the box's type, so
    following it never hides what was meant for learners."""
    page = "Intro.\n\n" + where.format(line) + "\n    Who to ask.\n\nAfter."
    assert "admonition" not in markdown_with(TrainerNotes()).convert(page)
    at = page.split("\n").index(where.format(line).split("\n")[-1]) + 1
    with pytest.raises(DataError) as error:
        check_note_lines(page, "docs/about/index.md", 3)
    assert str(error.value) == f"docs/about/index.md:{at + 3}: {box_slip(line, written)}"
    shown = markdown_with(notes := TrainerNotes()).convert(f"{written}\n    Who to ask.")
    assert "Who to ask." in shown and not notes.take().found  # as advised: a box, kept for learners


UNQUOTED = "has its title without quotes, so Markdown reads the title's words as the box's type"
HIDDEN = ", 'trainer' among them, and the box would be hidden from learners as a trainer note"
UNQUOTED_TITLES = [
    (f"!!! note {ASK}", f'!!! note "{ASK}"', HIDDEN),
    (f"??? tip {ASK}", f'??? tip "{ASK}"', HIDDEN),
    (f"!!! info inline end {ASK}", f'!!! info inline end "{ASK}"', HIDDEN),
    (
        "!!! note Ask the trainers",
        '!!! note "Ask the trainers"',
        ": learners would see the box titled 'Note', not 'Ask the trainers'",
    ),
]


def unquoted(line: str, written: str, shown: str) -> str:
    return (
        f"'{line}' {UNQUOTED}{shown} (write it as {written}, with the title in straight double quotes: "
        "a box for learners)"
    )


@pytest.mark.parametrize(("line", "written", "shown"), UNQUOTED_TITLES)
@pytest.mark.parametrize(
    "where", ["{}\n    Who to ask.", "> {}\n>     Who to ask.", "- Item.\n\n    {}\n        Who to ask."]
)
def test_a_box_title_without_quotes_is_told_not_hidden(line, written, shown, where):
    """Without quotes the title's words are the box's classes: with 'trainer' among them the build
    took the box out as a trainer note, silently, though it was meant for learners."""
    page = "Intro.\n\n" + where.format(line) + "\n\nAfter."
    converted = markdown_with(notes := TrainerNotes()).convert(page)
    assert ("Who to ask." not in converted) == (shown == HIDDEN) == bool(notes.take().found)
    at = next(n for n, text in enumerate(page.split("\n"), start=1) if text.endswith(line))
    with pytest.raises(DataError) as error:
        check_note_lines(page, "docs/about/index.md", 3)
    assert str(error.value) == f"docs/about/index.md:{at + 3}: {unquoted(line, written, shown)}"


TITLE_LOST = [
    # (first line, what to write, the title Markdown gives the box, shown, for learners)
    (
        "!!! note Worried about a child",
        '!!! note "Worried about a child"',
        "Note",
        ": learners would see the box titled 'Note', not 'Worried about a child'",
        True,
    ),
    (
        "??? tip Ask the LADO",
        '??? tip "Ask the LADO"',
        "Tip",
        ": learners would see the box titled 'Tip', not 'Ask the LADO'",
        True,
    ),
    (
        "!!! Worried about a child",
        '!!! note "Worried about a child"',
        "Worried",
        ": learners would see the box titled 'Worried', not 'Worried about a child'",
        True,
    ),
    (
        "!!! trainer Check the figure",
        '!!! trainer "Check the figure"',
        "Trainer",
        ": the trainer note would be titled 'Trainer', not 'Check the figure'",
        False,
    ),
    (
        "???+ warning trainer Check the figure",
        '???+ warning trainer "Check the figure"',
        "Warning",
        ": the trainer note would be titled 'Warning', not 'Check the figure'",
        False,
    ),
]


def title_lost(line: str, written: str, shown: str, learners: bool) -> str:
    return f"'{line}' {UNQUOTED}{shown} (write it as {written}, with the title in straight double quotes" + (
        ": a box for learners)" if learners else ")"
    )


def box_titles(html: str) -> list[str]:
    page = BeautifulSoup(html, "html.parser")
    titles = page.select(".admonition-title, summary")  # in the trainer view, a note's title says so
    return [title.get_text(strip=True).removeprefix(f"{VIEW_LABEL}: ") for title in titles]


@pytest.mark.parametrize(("line", "written", "titled", "shown", "learners"), TITLE_LOST)
@pytest.mark.parametrize(
    "where", ["{}\n    Who to ask.", "> {}\n>     Who to ask.", "- Item.\n\n    {}\n        Who to ask."]
)
def test_a_box_title_without_quotes_stops_at_its_line(line, written, titled, shown, learners, where):
    """Without quotes Markdown reads the title's words as the box's type and titles the box after
    its first word: the title the trainer wrote was lost, and the build passed. The advice gives
    the box its title and keeps who it is for."""
    page = "Intro.\n\n" + where.format(line) + "\n\nAfter."
    notes = TrainerNotes(show=True)
    assert box_titles(markdown_with(notes).convert(page)) == [titled]
    at = next(n for n, text in enumerate(page.split("\n"), start=1) if text.endswith(line))
    with pytest.raises(DataError) as error:
        check_note_lines(page, "docs/about/index.md", 3)
    assert str(error.value) == f"docs/about/index.md:{at + 3}: {title_lost(line, written, shown, learners)}"
    title = written.split('"')[1]
    advised = markdown_with(notes := TrainerNotes(show=True)).convert(f"{written}\n    Who to ask.")
    assert box_titles(advised) == [title] and bool(notes.take().found) != learners
    check_note_lines(f"{written}\n    Who to ask.", "docs/about/index.md")


@pytest.mark.parametrize(
    "line", ["!!! note inline end", "!!! warning trainer", "??? abuse", "!!! danger", '!!! note "Check this"']
)
def test_a_box_of_known_words_keeps_its_line(line):
    """Placement words, the trainer class and a type of the site's own (one word) are no title."""
    assert note_slip(line) is None


# --- A tag left open publishes the rest of the page as typed ------------------------------------


def markdown_with(extension) -> markdown.Markdown:
    """Python-Markdown with mkdocs.yml's extensions and `extension`, as a build converts a page."""
    return markdown.Markdown(
        extensions=[*CONFIG.markdown_extensions, extension], extension_configs=CONFIG.mdx_configs
    )


def judged(text: str) -> list[tuple]:
    """What SafeHtml finds in a page's Markdown, converted with mkdocs.yml's extensions."""
    judge = SafeHtml()
    judge.start(text)
    md = markdown.Markdown(
        extensions=[*CONFIG.markdown_extensions, judge], extension_configs=CONFIG.mdx_configs
    )
    md.convert(text)
    return judge.problems


NOTE = '!!! trainer "Corrected"\n    Secret.'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f'Intro.\n\n<div class="note">\n\n{NOTE}\n\n## Heading\n', [unclosed(3, "div")]),
        (f'Intro.\n\n  <div class="note">\n\n{NOTE}\n', [unclosed(3, "div")]),
        (f"Intro.\n\n<details>\n<summary>More</summary>\n\n{NOTE}\n", [unclosed(3, "details")]),
        (f"<p>A paragraph\n\n{NOTE}\n", [unclosed(1, "p")]),
        # one of two <div>s closed: the raw HTML still runs to the end of the page
        (f"<div>\n<div>x</div>\n\n{NOTE}\n", [unclosed(1, "div")]),
        # the same line closed earlier on the page: the one left open is named
        (f'<div class="note">\nx\n</div>\n\nText.\n\n<div class="note">\n\n{NOTE}\n', [unclosed(7, "div")]),
        # told first, before a problem on an earlier line
        (f"<img src=x onerror=alert(1)>\n\n<div>\n\n{NOTE}\n", [unclosed(3, "div")]),
    ],
)
def test_a_block_tag_never_closed_is_told_at_its_line(text, expected):
    assert judged(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        '<div class="note">\nx\n</div>\n\nText.',
        "<ul><li>one<li>two</ul>\n\nText.",
        "<table>\n<tr><td>a\n</table>\n\nText.",
        "Text.\n\n<hr>\n\nMore.",
        "<div>\n<br>\n<img src=a.png alt=x>\n</div>\n\nText.",
        "A <kbd>Ctrl</kbd> key and a <div>b</div> inside a line.",
        "<div markdown>\n\n*Markdown* in a box.\n\n</div>\n\nText.",
        "```html\n<div>\nopen in code\n```\n\nText.",
        "<!-- quiz -->\n\nText.",
    ],
)
def test_closed_html_and_html_in_code_pass(text):
    assert judged(text) == []


# --- The last safety net: a note's first line left on the page -----------------------------------


def leaked(text: str, show: bool = False) -> tuple[list[str], list[str]]:
    """The first lines of notes left on the page after conversion: (as text, as code only)."""
    notes = TrainerNotes(show=show)
    markdown_with(notes).convert(text)
    taken = notes.take()
    return taken.leaked, taken.in_code


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # two spaces before the note's line: Python-Markdown reads a paragraph
        ('Intro.\n\n  !!! trainer "Secret"\n      Hidden.\n', ['!!! trainer "Secret"']),
        # inside raw HTML that is closed: published as typed
        ('<div>\n!!! trainer "Secret"\n    Hidden.\n</div>\n', ['!!! trainer "Secret"']),
        ('<div>\n<p>\n??? Trainer "Folded"\n</p>\n</div>\n', ['??? Trainer "Folded"']),
        # in a table's cell
        ('| a |\n|---|\n| !!! trainer "x" |\n', ['!!! trainer "x"']),
        # commented out: not on the page, but in its file (the offline zip, view source)
        ('Intro.\n\n<!--\n!!! trainer "Secret"\n    Hidden.\n-->\n', ['!!! trainer "Secret"']),
        ('Intro. <!-- !!! trainer "Inline" -->\n', ['!!! trainer "Inline"']),
        # written with character references in raw HTML: the browser shows the note's line
        ('<div>\n&#33;&#33;&#33; &#116;rainer "Coded"\n</div>\n', ['!!! trainer "Coded"']),
        # the word split by a tag in raw HTML: the browser shows it whole
        ('<div>\n!!! tr<b>ainer</b> "Split"\n    Hidden.\n</div>\n', ['!!! trainer "Split"']),
    ],
)
def test_a_notes_first_line_left_on_the_page_is_found(text, lines):
    assert leaked(text) == (lines, [])


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # the whole note four spaces in, at the page's top level: an indented code block
        ('Intro.\n\n    !!! trainer "Indented"\n        Hidden.\n', ['!!! trainer "Indented"']),
        ('```text\n??? trainer "An example"\n```\n', ['??? trainer "An example"']),
        ('Intro.\n\n<pre><code>!!! trainer "Raw"\n</code></pre>\n', ['!!! trainer "Raw"']),
        # a slip, four spaces in: still caught on a page learners read (check_note_lines skips code)
        ('Intro.\n\n    !!! trainers "Slip"\n        Hidden.\n', ['!!! trainers "Slip"']),
    ],
)
def test_a_notes_first_line_shown_as_code_is_found_apart(text, lines):
    assert leaked(text) == ([], lines)


@pytest.mark.parametrize(
    ("text", "show"),
    [
        (f"Intro.\n\n{NOTE}\n\n> {NOTE.replace(chr(10), chr(10) + '> ')}\n", False),
        (f"Intro.\n\n{NOTE}\n", True),  # the trainer view keeps the note, marked
        (f"- Item.\n\n    {NOTE.replace(chr(10), chr(10) + '    ')}\n", False),
        ("Some **bold** !!! trainer in a line, and `!!! trainer` in code.\n", False),
        # a code span is not a block: an explanation, not a note shown
        ("`!!! trainer` starts a note.\n", False),
        ('| a |\n|---|\n| `!!! trainer "x"` |\n', False),
        ('!!! note "Ask your trainer"\n    A box for learners.\n', False),
        # a box for learners is no trainer note, even shown as typed or as code
        (
            f"<div>\n{LEARNER_SLIPS[0][0]}\n</div>\n",
            False,
        ),
        ('Intro.\n\n    !!! tip "Ask your trainer"\n        Shown as code.\n', False),
        ("Intro.\n\n    !!! tip Ask your trainer\n        Shown as code.\n", False),
    ],
)
def test_notes_taken_out_leave_nothing_on_the_page(text, show):
    assert leaked(text, show) == ([], [])


@pytest.mark.parametrize(
    ("markdown_text", "leak", "line"),
    [
        ('Intro.\n\n  !!! trainer "Secret"\n      Hidden.\n', '!!! trainer "Secret"', 3),
        ('```\n!!! trainer "x"\n```\n\n| a |\n|---|\n| !!! trainer "x" |\n', '!!! trainer "x"', 7),
        ("Nothing like it.", '!!! trainer "x"', None),
    ],
)
def test_the_safety_net_names_the_notes_line(markdown_text, leak, line):
    error = note_left_on_page([leak], [], "services/x.md", markdown_text, "docs/services/x.md", 10)
    where = f"docs/services/x.md:{line + 10}" if line else "docs/services/x.md"
    assert str(error) == f"{where}: '{leak}' {NOT_A_NOTE_HERE} ({WHERE_NOTES_GO})"


@pytest.mark.parametrize(
    ("markdown_text", "line"),
    [
        ('Intro.\n\n    !!! trainer "Indented"\n        Hidden.\n', 3),
        ('Intro.\n\n```text\n!!! trainer "Indented"\n```\n', 4),
    ],
)
def test_a_note_shown_as_code_stops_on_a_page_learners_read(markdown_text, line):
    code = ['!!! trainer "Indented"']
    error = note_left_on_page([], code, "services/x.md", markdown_text, "docs/services/x.md", 10)
    assert str(error) == f"docs/services/x.md:{line + 10}: '{code[0]}' {IN_CODE} ({CODE_ADVICE})"
    assert note_left_on_page([], code, "trainers/notes.md", markdown_text, "docs/trainers/notes.md") is None


# --- On a copy of the real project: the build and the check stop, no page is written ---------------

CARE_LEAVERS = Path("docs/services/care-leavers.md")
STAYING_CLOSE = f'!!! trainer "{TITLE}"'
STAYING_CLOSE_TEXT = "Ask the care leavers service for a one-line description"
CORRECTED = '!!! trainer "Corrected December 2026: one focused visit, and the June 2025 inspection"'
CORRECTED_TEXT = "They are one: Ofsted visited on 22 and 23 January 2025"


def plant(project: Path, page: Path, change) -> int:
    """Change `page` of the project copy with `change(lines)`, which gives the (0-based) index of
    the line it planted; the planted line's number in the file."""
    path = project / page
    lines = path.read_text(encoding="utf-8").split("\n")
    at = change(lines)
    path.write_text("\n".join(lines), encoding="utf-8")
    return at + 1


def replace_line(old: str, new: str):
    def change(lines: list[str]) -> int:
        at = lines.index(old)
        lines[at] = new
        return at

    return change


def insert_before(old: str, *new: str):
    def change(lines: list[str]) -> int:
        at = lines.index(old)
        lines[at:at] = list(new)
        return at

    return change


def indent_note(old: str, indent: str):
    def change(lines: list[str]) -> int:
        at = end = lines.index(old)
        while end + 1 < len(lines) and (lines[end + 1].startswith("    ") or not lines[end + 1].strip()):
            end += 1
        lines[at : end + 1] = [indent + line if line.strip() else line for line in lines[at : end + 1]]
        return at

    return change


def assert_stopped(build, message: str, secret: str) -> None:
    assert build.returncode != 0
    assert message in build.output, build.output
    assert build.output.count("ERROR") <= 2, build.output  # this error alone ("Error reading page" and it)
    assert not list(build.site.rglob("*.html")), "a failed build wrote pages"
    for path in build.site.rglob("*"):
        assert not path.is_file() or secret.encode() not in path.read_bytes(), path


@pytest.mark.parametrize(("line", "written"), [SLIPS[0], SLIPS[3], SLIPS[4]])
def test_a_slipped_first_line_stops_the_real_build(project_copy, tmp_path, line, written):
    at = plant(project_copy, CARE_LEAVERS, replace_line(STAYING_CLOSE, line))
    build = run_build(project_copy, tmp_path / "site")
    assert_stopped(build, f"{CARE_LEAVERS.as_posix()}:{at}: {slip(line, written)}", STAYING_CLOSE_TEXT)


@pytest.mark.parametrize(
    ("page", "before"),
    [(CARE_LEAVERS, CORRECTED), (Path("docs/thresholds.md"), "## What you will learn")],
)
def test_a_div_left_open_stops_the_real_build_at_its_line(project_copy, tmp_path, page, before):
    """Left open above a trainer note, the rest of the page was published as typed, the note's
    text included, and the build passed; higher up, the build stopped only at the links into the
    page's lost headings, from other pages."""
    at = plant(project_copy, page, insert_before(before, '<div class="note">', ""))
    build = run_build(project_copy, tmp_path / "site")
    _, problem, expected = unclosed(at, "div")
    assert_stopped(build, f"{page.as_posix()}:{at}: {problem} ({expected})", '<div class="note">')
    assert "contains a link" not in build.output  # no message blames the pages linking to it


@pytest.mark.parametrize(
    ("changes", "moved"),
    [
        ([indent_note(CORRECTED, "  ")], 0),  # the whole note two spaces in: a paragraph
        # inside raw HTML, closed after the note's text: the note is published as typed
        ([insert_before("### Looking back to 2022", "</div>", ""), insert_before(CORRECTED, "<div>")], 1),
        # commented out with the text after it: not shown, but in the page's file
        ([insert_before("### Looking back to 2022", "-->", ""), insert_before(CORRECTED, "<!--")], 1),
    ],
)
def test_a_note_left_on_the_page_stops_the_real_build(project_copy, tmp_path, changes, moved):
    at = [plant(project_copy, CARE_LEAVERS, change) for change in changes][-1] + moved
    build = run_build(project_copy, tmp_path / "site")
    message = f"{CARE_LEAVERS.as_posix()}:{at}: '{CORRECTED}' {NOT_A_NOTE_HERE} ({WHERE_NOTES_GO})"
    assert_stopped(build, message, CORRECTED_TEXT)


def test_a_note_indented_into_code_stops_the_real_build(project_copy, tmp_path):
    """The whole note four spaces in, after a paragraph: an indented code block, showing the
    note's first line and text to learners."""
    at = plant(project_copy, CARE_LEAVERS, indent_note(CORRECTED, "    "))
    build = run_build(project_copy, tmp_path / "site")
    assert_stopped(
        build, f"{CARE_LEAVERS.as_posix()}:{at}: '{CORRECTED}' {IN_CODE} ({CODE_ADVICE})", CORRECTED_TEXT
    )


def test_a_slipped_note_indented_into_code_stops_the_real_build(project_copy, tmp_path):
    """A slip four spaces in on a page learners read: code, which check_note_lines leaves to the
    safety net; it still stops the build."""
    slipped = CORRECTED.replace("trainer", "trainers", 1)
    plant(project_copy, CARE_LEAVERS, replace_line(CORRECTED, slipped))
    at = plant(project_copy, CARE_LEAVERS, indent_note(slipped, "    "))
    build = run_build(project_copy, tmp_path / "site")
    assert_stopped(
        build, f"{CARE_LEAVERS.as_posix()}:{at}: '{slipped}' {IN_CODE} ({CODE_ADVICE})", CORRECTED_TEXT
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (LEARNER_SLIPS[0][0], box_slip(*LEARNER_SLIPS[0])),
        (LEARNER_SLIPS[1][0], box_slip(*LEARNER_SLIPS[1])),
        (UNQUOTED_TITLES[0][0], unquoted(*UNQUOTED_TITLES[0])),
        (TITLE_LOST[0][0], title_lost(*TITLE_LOST[0][:2], *TITLE_LOST[0][3:])),
        (TITLE_LOST[3][0], title_lost(*TITLE_LOST[3][:2], *TITLE_LOST[3][3:])),
    ],
)
def test_a_box_for_learners_typed_wrong_stops_the_real_build(project_copy, tmp_path, line, message):
    """With curly or single quotes it was called a trainer note, and the advice
    (`!!! trainer "Ask your trainer"`) hid it; without quotes the build hid it, or titled the box
    (or the trainer note) after its first word, and passed."""
    page = Path("docs/about/index.md")
    path = project_copy / page
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{text}\n\n{line}\n    Your trainer can tell you who to ask.\n", encoding="utf-8")
    build = run_build(project_copy, tmp_path / "site")
    at = len(text.split("\n")) + 2
    assert_stopped(build, f"{page.as_posix()}:{at}: {message}", "who to ask")


def test_the_trainer_guide_shows_a_slip_as_indented_code(project_copy, tmp_path):
    """An example of a mistyped note, shown as an indented code block in the trainer guide, builds
    and is shown as typed; it stopped the build."""
    path = project_copy / "docs" / "trainers" / "trainer-notes.md"
    example = '!!! trainers "Check this figure"'
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(
        f"{text}\n\nA first line Markdown does not read:\n\n    {example}\n        The slide says 22,00.\n",
        encoding="utf-8",
    )
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = BeautifulSoup(
        (build.site / "trainers" / "trainer-notes" / "index.html").read_bytes(), "html.parser"
    )
    assert f"{example}\n    The slide says 22,00.\n" in [pre.get_text() for pre in page.find_all("pre")]


@pytest.mark.build
def test_the_check_names_a_slipped_first_line(tmp_path):
    project = copy_project(tmp_path / "project")
    line, written = SLIPS[0]
    at = plant(project, CARE_LEAVERS, replace_line(STAYING_CLOSE, line))
    report = run_check(project)
    assert report.returncode != 0
    assert f"{CARE_LEAVERS.as_posix()}:{at}: {slip(line, written)}" in report.stdout
    assert "1 error to fix before publishing" in report.stdout


def test_the_error_table_shows_these_messages():
    table = (ROOT / "docs" / "trainers" / "errors.md").read_text(encoding="utf-8")
    line, written = SLIPS[0]
    assert f"`docs/services/care-leavers.md:69: '{line}' {NOT_READ}`" in table
    assert f"write it as {written}" in slip(line, written)
    assert f"`docs/thresholds.md:12: <div> {UNCLOSED}`" in table
    line, written = LEARNER_SLIPS[0]
    assert f"`docs/about/index.md:107: '{line}' {NOT_A_BOX}`" in table
    assert f"write it as {written}" in box_slip(line, written)
    line, written, shown = UNQUOTED_TITLES[0]
    assert f"`docs/about/index.md:107: '{line}' {UNQUOTED}{shown}`" in table
    for line, _, _, shown, _ in (TITLE_LOST[0], TITLE_LOST[3]):
        assert f"`{line}`" in table and f"`{shown.removeprefix(': ')}`" in table
    assert f"`docs/services/care-leavers.md:166: '{CORRECTED}' {NOT_A_NOTE_HERE}`" in table
    assert f"`docs/services/care-leavers.md:166: '{CORRECTED}' {IN_CODE}`" in table


@pytest.mark.export
def test_a_slipped_first_line_stops_the_export_with_nothing_made(tmp_path):
    """With `!!! trainers` the note was a box of another kind: in the offline zip, both LMS
    packages and the handout. The export stops at the build, with the same message."""
    project = export_project(tmp_path / "project")
    line, written = SLIPS[4]
    at = plant(project, CARE_LEAVERS, replace_line(STAYING_CLOSE, line))
    run = run_export(project, tmp_path / "dist")
    assert run.returncode != 0
    assert f"{CARE_LEAVERS.as_posix()}:{at}: {slip(line, written)}" in run.output
    assert not [p for p in (tmp_path / "dist").rglob("*") if p.suffix in (".zip", ".pdf")]
