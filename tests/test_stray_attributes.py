"""A line of attributes (`{ data-glossary-skip }`, `{ .class }`) works only straight after the
paragraph or list item it is for. After a blank line, a heading or a box it attaches to nothing,
and readers saw it as typed (`<p>{ data-glossary-skip }</p>`, and the box was still linked): the
build now stops at its line. The trainer guide's ways to keep glossary links out of a paragraph,
a list and a box all work as it says."""

from __future__ import annotations

import re

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, run_build
from induction.glossary import GlossaryExtension, load_glossary
from induction.safe_html import NOTE, STRAY, SafeHtml
from test_glossary_lines import plant
from test_safe_html import CONFIG, check


def stray(line: int, text: str) -> tuple:
    return (line, f"the line '{text}' attaches to nothing, so readers see it", STRAY)


def wrapped(line: int, text: str) -> tuple:
    one_line = " ".join(part.strip() for part in text.split("\n"))
    return (
        line,
        f"the attributes '{one_line}' go over {text.count(chr(10)) + 1} lines, so they attach to nothing "
        "and readers see them",
        f"write them on one line, straight after the paragraph or list item they are for: {one_line}",
    )


def note(line: int, text: str) -> tuple:
    one_line = " ".join(part.strip() for part in text.split("\n"))
    return (
        line,
        f"'{one_line}' is in braces, which make its words read as settings, so readers see the braces",
        NOTE,
    )


def hidden_note(line: int, text: str) -> tuple:
    """A drafting note straight after its paragraph: attr_list made its words attributes."""
    return (
        line,
        f"'{text}' is in braces, which make its words read as settings, so readers do not see them",
        NOTE,
    )


SKIP = "{ data-glossary-skip }"
PRINT = '{ data-print="Use the contacts\npage." }'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Attached to nothing: shown to readers as typed.
        (f"!!! note\n    The MASH.\n{SKIP}\n\nText.\n", [stray(3, SKIP)]),
        (f"!!! note\n    The MASH.\n\n{SKIP}\n", [stray(4, SKIP)]),
        ("Text.\n\n{ .lead }\n", [stray(3, "{ .lead }")]),
        ("## Contacts\n{ #contacts }\n", [stray(2, "{ #contacts }")]),
        ('- One.\n\n    { data-print="One only." }\n', [stray(3, '{ data-print="One only." }')]),
        ("Text.\n\n{: .lead }\n", [stray(3, "{: .lead }")]),
        ("> Text.\n>\n> { .lead }\n", [stray(3, "{ .lead }")]),
        ("- { .lead }\n- Two.\n", [stray(1, "{ .lead }")]),
        # A list over two lines: attr_list reads only one on one line, even straight after its
        # paragraph or list item; named at its first line.
        (f"Text.\n{PRINT}\n", [wrapped(2, PRINT)]),
        (f"Text.\n\n{PRINT}\n", [wrapped(3, PRINT)]),
        ('- One.\n  { data-print="Use the contacts\n  page." }\n', [wrapped(2, PRINT)]),
        ("!!! note\n    Text.\n    { .lead\n    .wide }\n", [wrapped(3, "{ .lead\n.wide }")]),
        # the same words attached first, then alone: the line of the one alone
        ("Text.\n{ .lead }\n\nMore.\n\n{ .lead }\n", [stray(6, "{ .lead }")]),
        # Attached: the paragraph, each list item, a heading's own line, a box in a <div>.
        (f"Text.\n{SKIP}\n", []),
        (f"- One.\n  {SKIP}\n- Two.\n  {SKIP}\n", []),
        ("## Contacts { #contacts }\n", []),
        ("<div data-glossary-skip markdown>\n\n!!! note\n    The MASH.\n\n</div>\n\nText.\n", []),
        # Shown as typed on purpose: code, an escaped brace; braces in a sentence.
        ("`{ .lead }`\n\n```\n{ .lead }\n```\n\n    { .lead }\n", []),
        ("\\{ .lead }\n", []),
        ("Write { and } round it.\n\n{}\n", []),
        # Braces round what is not a list of attributes: a sentence, numbers, JSON (attr_list
        # would turn their words into attributes, so the advice to move them up would be wrong).
        ("Text.\n\n{ We mean it: a child comes first. }\n", []),
        ("Text.\n\n{1, 2}\n", []),
        ('Text.\n\n{ "name": "Front door", "phone": "01452" }\n', []),
        ("Text.\n{ We mean\nit. }\n", []),
        # but every kind of attribute attr_list reads is one
        ("Text.\n\n{ #top .lead data-x=1 title='Top' }\n", [stray(3, "{ #top .lead data-x=1 title='Top' }")]),
    ],
)
def test_a_line_of_attributes_that_attaches_to_nothing_is_named(text, expected):
    assert check(text) == expected


GUIDE = (ROOT / "docs" / "trainers" / "glossary-terms.md").read_text(encoding="utf-8")
SECTION = GUIDE.split("## Stop a term being linked in one place", 1)[1].split("\n## ", 1)[0]
EXAMPLES = re.findall(r"```text\n(.*?)```", SECTION, re.DOTALL)
GLOSSARY = load_glossary((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"), "data/glossary.yml")


def convert(text: str) -> tuple[str, list, list, list]:
    """`text` converted as a build converts a page: (HTML, glossary entries linked, unknown
    words, problems SafeHtml found)."""
    glossary, judge = GlossaryExtension(GLOSSARY), SafeHtml()
    md = markdown.Markdown(
        extensions=[*CONFIG.markdown_extensions, glossary, judge], extension_configs=CONFIG.mdx_configs
    )
    glossary.start("../glossary/")
    judge.start(text)
    html = md.convert(text)
    linked = glossary.take()
    return html, linked.used, linked.unknown, judge.problems


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Drafting notes in braces: bare words, none an attribute the site uses. Moving them up,
        # as the advice for attributes says, would make their words attributes (add, the, date)
        # and the note would vanish: the advice is to write the words as ordinary text.
        ("Text.\n\n{ see below }\n", [note(3, "{ see below }")]),
        ("Text.\n\n{insert contact details}\n", [note(3, "{insert contact details}")]),
        ("Text.\n\n{ to be confirmed }\n", [note(3, "{ to be confirmed }")]),
        ("!!! note\n    The MASH.\n\n{ add the date here }\n", [note(4, "{ add the date here }")]),
        ("Text.\n\n{ check with\nthe team }\n", [note(3, "{ check with\nthe team }")]),
        ("Text.\n{ check with\nthe team }\n", [note(2, "{ check with\nthe team }")]),
        # Straight after its paragraph, list item or heading, attr_list makes its words the
        # element's attributes (add="", the="", ...): the note would vanish, and was told as
        # "the attribute the= on <p> is not allowed", at the first line holding "the".
        ("The date.\nText.\n{ add the date here }\n", [hidden_note(3, "{ add the date here }")]),
        ("Text.\n{: tbc }\n", [hidden_note(2, "{ tbc }")]),
        ("- One.\n  { check with the team }\n- Two.\n", [hidden_note(2, "{ check with the team }")]),
        ("## Contacts { see below }\n", [hidden_note(1, "{ see below }")]),
        ("Text.\n{ .lead see below }\n", [hidden_note(2, "{ see below }")]),
        (f"Text.\n{SKIP}\n", []),
        # Real attribute lists keep the advice to move them up (or join them).
        (f"Text.\n\n{SKIP}\n", [stray(3, SKIP)]),
        ("Text.\n\n{ .lead }\n", [stray(3, "{ .lead }")]),
        ("Text.\n\n{ markdown }\n", [stray(3, "{ markdown }")]),
        ("Text.\n\n{ data-search-exclude }\n", [stray(3, "{ data-search-exclude }")]),
        ("Text.\n\n{ see .lead }\n", [stray(3, "{ see .lead }")]),
        ("Text.\n\n{ see title=x }\n", [stray(3, "{ see title=x }")]),
    ],
)
def test_a_drafting_note_in_braces_is_told_to_be_ordinary_text(text, expected):
    assert check(text) == expected


def test_the_guide_shows_a_paragraph_a_list_and_a_box():
    assert [example.split()[0] for example in EXAMPLES] == ["The", "-", "<div"]
    assert "!!! note" in EXAMPLES[2]


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_guides_ways_to_keep_links_out_work(example):
    html, used, unknown, problems = convert(example.replace("C-SPA", "QZXW"))
    assert (used, unknown, problems) == ([], [], [])
    assert "MASH" in html and "{" not in BeautifulSoup(html, "html.parser").get_text()
    # and without the marker the same text is linked
    html, used, *_ = convert(example.replace(SKIP, "").replace("data-glossary-skip ", ""))
    assert used


def test_the_glossary_file_says_what_works():
    comment = (ROOT / "data" / "glossary.yml").read_text(encoding="utf-8").split("\nallow:")[0]
    assert "(in a list: after each item)" in comment and "<div data-glossary-skip markdown>" in comment
    assert "list or block" not in comment


def test_the_error_table_shows_the_message():
    table = (ROOT / "docs" / "trainers" / "errors.md").read_text(encoding="utf-8")
    assert f"`docs/services/fostering.md:36: {stray(36, SKIP)[1]}`" in table
    assert f"`docs/services/fostering.md:36: {wrapped(36, PRINT)[1]}`" in table
    assert f"`docs/services/fostering.md:36: {note(36, '{ see below }')[1]}`" in table
    assert f"`docs/services/fostering.md:36: {hidden_note(36, '{ add the date here }')[1]}`" in table


@pytest.mark.build
@pytest.mark.parametrize(
    ("planted", "after", "message"),
    [
        # a marker after a box, at its line
        (f"!!! note\n    The MASH is one way in (planted).\n{SKIP}\n\n", 2, lambda n: stray(n, SKIP)),
        # a list over two lines straight after its paragraph, at its first line
        (f"The planted paragraph.\n{PRINT}\n\n", 1, lambda n: wrapped(n, PRINT)),
        # a drafting note in braces after a blank line: write it as ordinary text
        (
            "The planted paragraph.\n\n{ add the date here }\n\n",
            2,
            lambda n: note(n, "{ add the date here }"),
        ),
        # a drafting note straight after its paragraph: its words became the paragraph's
        # attributes (this stopped the build with a Python error, facts' safety net reading
        # an attribute with no value)
        (
            "The planted paragraph.\n{ add the date here }\n\n",
            1,
            lambda n: hidden_note(n, "{ add the date here }"),
        ),
        # a box whose title has quotes pasted from a word processor: shown as typed
        (
            "!!! note “Ask your manager”\n    The planted box.\n\n",
            0,
            lambda n: unread(n, "!!! note “Ask your manager”"),
        ),
    ],
    ids=[
        "marker after a box",
        "list over two lines",
        "drafting note",
        "drafting note after its paragraph",
        "box with curly quotes",
    ],
)
def test_attributes_readers_would_see_stop_the_real_build_at_their_line(tmp_path, planted, after, message):
    project = copy_project(tmp_path / "project")
    old = "### The rules fostering services follow\n"
    line = plant(project, "docs/services/fostering.md", old, planted + old) + after
    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0
    _, problem, expected = message(line)
    assert f"docs/services/fostering.md:{line}: {problem} ({expected})" in build.output, build.output
    assert "Traceback" not in build.output
    assert not list((tmp_path / "site").rglob("*.html")), "a failed build wrote pages"


def unread(line: int, first: str) -> tuple:
    return (
        line,
        f"'{first}' is not read as a box, so readers see this line as typed",
        'write it as !!! note "Title", with the title in straight double quotes (not curly or '
        "single ones), and the box's text on the lines below it, indented four spaces",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # quotes pasted from a word processor: Python-Markdown shows the line and the text as typed
        ("Text.\n\n!!! note “Ask your manager”\n    The box.\n", [unread(3, "!!! note “Ask your manager”")]),
        ("!!! tip 'Before the meeting'\n    The box.\n", [unread(1, "!!! tip 'Before the meeting'")]),
        ("- One.\n\n    ??? info “More”\n        The box.\n", [unread(3, "??? info “More”")]),
        # boxes that are read, and the same words in code
        ('!!! note "Ask your manager"\n    The box.\n', []),
        ("!!! note\n    The box.\n", []),
        ('???+ tip "More"\n    The box.\n', []),
        ("```\n!!! note “Ask your manager”\n```\n", []),
        ("Three exclamation marks!!! are not a box.\n", []),
    ],
)
def test_a_box_markdown_does_not_read_is_named(text, expected):
    assert check(text) == expected
