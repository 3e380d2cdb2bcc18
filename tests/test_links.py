"""A broken link, or a link to a section a page does not have, is told by the build (and so the
preview) in the house form, at the line where the link is typed, with what to write: MkDocs' own
sentence, which names no line, is rewritten once (induction/links.py, hooks/links.py).

Pure functions first (table-driven), then a strict build of a copy of the real project with a
broken link and a missing section planted, and the real site, which has neither.
"""

from __future__ import annotations

import logging

import pytest

from conftest import copy_project, run_build
from induction.building import build_in_process
from induction.links import (
    ABSOLUTE,
    MISSING_ANCHOR,
    MISSING_FILE,
    NOT_A_PAGE,
    LinkMessages,
    LinkWarning,
    link_error,
    read_link_warning,
    typed_link_lines,
)
from test_escaping import plant_line

RELATIVE = "links are relative to this page"
HEADING_ANCHOR = "a heading's anchor is its words in lower case with hyphens for spaces"
NOT_TYPED = (
    "the build added it from what the page takes in: a self-check (quizzes/), a fact (data/) or a "
    "file it includes with --8<--; correct it there"
)

# --- MkDocs' sentences, as MkDocs 1.6.1 writes them -----------------------------------------


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "Doc file 'services/fostering.md' contains a link 'contacts.md', but the target "
            "'services/contacts.md' is not found among documentation files.",
            LinkWarning("services/fostering.md", MISSING_FILE, "contacts.md"),
        ),
        (
            "Doc file 'index.md' contains a link 'contact.html', but the target is not found among "
            "documentation files. Did you mean 'contact.md'?",
            LinkWarning("index.md", MISSING_FILE, "contact.html", "contact.md"),
        ),
        (
            "Doc file 'index.md' contains an unrecognized relative link 'services/', it was left as "
            "is. Did you mean 'services/index.md'?",
            LinkWarning("index.md", NOT_A_PAGE, "services/", "services/index.md"),
        ),
        (
            "Doc file 'about/index.md' contains an absolute link '/contacts.md', it was left as is. "
            "Did you mean '../contacts.md'?",
            LinkWarning("about/index.md", ABSOLUTE, "/contacts.md", "../contacts.md"),
        ),
        (
            "Doc file 'services/fostering.md' contains a link 'kinship-care.md#nope', but the doc "
            "'services/kinship-care.md' does not contain an anchor '#nope'.",
            LinkWarning(
                "services/fostering.md",
                MISSING_ANCHOR,
                "kinship-care.md#nope",
                None,
                "services/kinship-care.md",
                "nope",
            ),
        ),
        (
            "Doc file 'thresholds.md' contains a link '#nope', but there is no such anchor on this page.",
            LinkWarning("thresholds.md", MISSING_ANCHOR, "#nope", None, "thresholds.md", "nope"),
        ),
        ("Doc file 'p.md' contains a link to 'q.md' which is excluded from the built site.", None),
        ("Cleaning site directory", None),
    ],
)
def test_mkdocs_link_warnings_are_read_into_their_parts(message, expected):
    assert read_link_warning(message) == expected


# --- The line where the link is typed --------------------------------------------------------

FRONT = "---\ntitle: P\nowner: O\n---\n\n"  # 5 lines above the body


@pytest.mark.parametrize(
    ("raw", "url", "lines"),
    [
        ("# P\n\nSee [contacts](contacts.md).\n", "contacts.md", [3]),
        (FRONT + "# P\n\nSee [contacts](contacts.md).\n", "contacts.md", [8]),  # the file's line
        ("Contacts.md lists every team.\n\nSee [the contacts](contacts.md).\n", "contacts.md", [3]),
        ("Write `[x](contacts.md)` like this.\n\nSee [it](contacts.md).\n", "contacts.md", [3]),
        ("```markdown\n[x](contacts.md)\n```\n\nSee [it](contacts.md).\n", "contacts.md", [5]),
        ("    [x](contacts.md)\n\nSee [it](contacts.md).\n", "contacts.md", [3]),  # indented code
        ("<!-- [x](contacts.md) -->\nSee [it](contacts.md).\n", "contacts.md", [2]),
        ("See [it][c].\n\n[c]: contacts.md\n", "contacts.md", [3]),
        ('<a href="contacts.md">x</a>\n', "contacts.md", [1]),
        (
            '<a href="contacts.md">x</a>\n\nSee [it](contacts.md).\n',
            "contacts.md",
            [3],
        ),  # MkDocs checks this one
        ("[one](<my page.md>) and\n[two](my page.md) and [three](my page.md).\n", "my page.md", [1, 2, 2]),
        ('See [it](contacts.md "Contacts").\n', "contacts.md", [1]),
        ("See [it](contacts.md#who).\n", "contacts.md", []),  # another address
        ("See [it](#who) and [that](other.md#who).\n", "#who", [1]),
    ],
)
def test_a_link_is_found_where_it_is_typed_not_in_code(raw, url, lines):
    assert typed_link_lines(raw, url) == lines


# --- What the message says -----------------------------------------------------------------

EXISTING = [
    "about/index.md",
    "contacts.md",
    "index.md",
    "services/children-in-care.md",
    "services/kinship-care.md",
]
FOSTERING = (
    "---\ntitle: F\n---\n\n# F\n\n"
    "See [a](contacts.md), [b](children-in-cae.md).\n\n"  # line 7
    "[c](contacts.md)\n[d](index.md#who)\n"  # lines 9 and 10
)


def missing(line: int, url: str, near: str) -> str:
    return (
        f"docs/services/fostering.md:{line}: the link '{url}' goes to a file that does not exist "
        f"(did you mean '{near}'? {RELATIVE})"
    )


@pytest.mark.parametrize(
    ("url", "guess", "occurrence", "message"),
    [
        ("contacts.md", None, 0, missing(7, "contacts.md", "../contacts.md")),
        ("contacts.md", None, 1, missing(9, "contacts.md", "../contacts.md")),  # each link in turn
        ("children-in-cae.md", None, 0, missing(7, "children-in-cae.md", "children-in-care.md")),
        ("children-in-cae.md", "guess.md", 0, missing(7, "children-in-cae.md", "guess.md")),  # MkDocs' first
        ("index.md#who", None, 0, missing(10, "index.md#who", "../index.md#who")),  # nearest of that name
        (
            "[c]",
            None,
            0,
            "docs/services/fostering.md: the link '[c]' goes to a file that does not exist, and it is "
            f"not typed in this page ({NOT_TYPED})",
        ),
    ],
)
def test_a_missing_file_is_told_at_its_line_with_the_nearest_file(url, guess, occurrence, message):
    warning = LinkWarning("services/fostering.md", MISSING_FILE, url, guess)
    assert str(link_error(warning, FOSTERING, occurrence, EXISTING)) == message


@pytest.mark.parametrize(
    ("raw", "warning", "anchors", "message"),
    [
        (
            "# P\n\nSee [kinship](kinship-care.md#key-takeaway).\n",
            LinkWarning(
                "p.md",
                MISSING_ANCHOR,
                "kinship-care.md#key-takeaway",
                None,
                "kinship-care.md",
                "key-takeaway",
            ),
            {"key-takeaways", "what-you-will-learn", "__tabbed_1_1"},
            "docs/p.md:3: the link 'kinship-care.md#key-takeaway' goes to a section '#key-takeaway' that "
            f"is not on kinship-care.md (did you mean 'kinship-care.md#key-takeaways'? {HEADING_ANCHOR})",
        ),
        (
            "# P\n\nSee [below](#nope).\n",
            LinkWarning("p.md", MISSING_ANCHOR, "#nope", None, "p.md", "nope"),
            {"key-takeaways"},
            "docs/p.md:3: the link '#nope' goes to a section '#nope' that is not on this page (link to a "
            f"heading that is on that page: {HEADING_ANCHOR}, e.g. #key-takeaways)",
        ),
        (
            "# P\n\nSee [the services](services/).\n",
            LinkWarning("p.md", NOT_A_PAGE, "services/", "services/index.md"),
            (),
            "docs/p.md:3: the link 'services/' does not name a page (did you mean 'services/index.md'? link "
            "to the page's .md file, relative to this page, e.g. ../contacts.md or services/front-door.md)",
        ),
        (
            "# P\n\nSee [contacts](/contacts.md).\n",
            LinkWarning("about/p.md", ABSOLUTE, "/contacts.md"),
            (),
            "docs/about/p.md:3: the link '/contacts.md' starts with /, so it does not name a page of this "
            "site (did you mean '../contacts.md'? link to the page's .md file, relative to this page, e.g. "
            "../contacts.md or services/front-door.md)",
        ),
    ],
)
def test_a_missing_section_or_an_address_that_is_not_a_page_says_what_to_write(
    raw, warning, anchors, message
):
    assert str(link_error(warning, raw, 0, EXISTING, anchors)) == message


def test_the_filter_rewrites_mkdocs_sentence_in_place_and_leaves_other_messages_alone():
    page = "# P\n\n[a](gone.md) and\n[b](gone.md)\n"
    messages = LinkMessages(lambda src: page, EXISTING, lambda src: set())
    sentence = (
        "Doc file 'p.md' contains a link 'gone.md', but the target is not found among documentation files."
    )
    records = [logging.makeLogRecord({"msg": sentence, "levelno": logging.WARNING}) for _ in range(2)]
    other = logging.makeLogRecord({"msg": "Something else", "levelno": logging.WARNING})
    assert all(messages.filter(r) for r in [*records, other])
    assert [r.getMessage().split(" (")[0] for r in records] == [
        "docs/p.md:3: the link 'gone.md' goes to a file that does not exist",
        "docs/p.md:4: the link 'gone.md' goes to a file that does not exist",
    ]
    assert [(r.problem.path, r.problem.line, r.levelno) for r in records] == [
        ("docs/p.md", 3, logging.WARNING),
        ("docs/p.md", 4, logging.WARNING),
    ]
    assert other.getMessage() == "Something else" and not hasattr(other, "problem")


# --- Real builds ----------------------------------------------------------------------------

PAGE = "docs/services/fostering.md"
BROKEN_LINK = (
    f"{PAGE}:23: the link 'children-in-cae.md' goes to a file that does not exist "
    f"(did you mean 'children-in-care.md'? {RELATIVE})"
)
MISSING_SECTION = (
    f"{PAGE}:52: the link 'kinship-care.md#key-takeaway' goes to a section '#key-takeaway' that is not "
    f"on kinship-care.md (did you mean 'kinship-care.md#key-takeaways'? {HEADING_ANCHOR})"
)


PLANTED = [  # (line, the start of the line there, the line planted)
    (21, "Foster carers give", "Foster carers (`[x](children-in-cae.md)`) give children a home."),
    (23, "[children in the council's care]", "[children in the council's care](children-in-cae.md)."),
    (52, "- kinship care (see", "- kinship care (see [Kinship care](kinship-care.md#key-takeaway))"),
]


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory):
    """The real project with a broken link (line 23, and in code on line 21, where it links
    nowhere) and a link to a section that kinship-care.md does not have (line 52)."""
    project = copy_project(tmp_path_factory.mktemp("links") / "project")
    for line, start, new in PLANTED:
        assert plant_line(project, PAGE, start, new) == line, f"{PAGE} has changed: update this test"
    return project


@pytest.mark.build
def test_the_strict_build_tells_a_broken_link_and_a_missing_section_at_their_lines(broken_project, tmp_path):
    build = run_build(broken_project, tmp_path / "site")
    assert build.returncode != 0, build.output
    assert f"WARNING -  {BROKEN_LINK}\n" in build.output, f"run: nox -s build -- --strict\n{build.output}"
    assert f"WARNING -  {MISSING_SECTION}\n" in build.output, build.output
    assert "Doc file" not in build.output  # told once, in the house form only
    assert build.output.count(" the link ") == 2, build.output  # not the link in code on line 21
    assert "Aborted with 2 warnings in strict mode!" in build.output


@pytest.mark.build
def test_the_content_check_reads_the_builds_link_errors_and_the_filter_goes_with_the_build(
    broken_project, tmp_path
):
    built = build_in_process(broken_project / "mkdocs.yml", tmp_path / "site", strict=True)
    told = [(r.name, str(r.problem)) for r in built.records if getattr(r, "problem", None) is not None]
    assert told == [("mkdocs.structure.pages", BROKEN_LINK), ("mkdocs.structure.pages", MISSING_SECTION)]
    assert not [f for f in logging.getLogger("mkdocs.structure.pages").filters if isinstance(f, LinkMessages)]


def test_the_real_site_has_no_broken_link(real_site):
    assert "Doc file" not in real_site.output and " the link '" not in real_site.output, real_site.output
