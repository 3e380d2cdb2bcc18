"""Front matter a trainer can get wrong without YAML noticing, and YAML mistakes in plain English.

A page whose front matter has no closing `---` is one error at its first line (not five missing
fields); a misspelt front matter key stops the build with the nearest known key (it was ignored,
and the page did what the key was meant to stop); a YAML syntax error says what is wrong with
the line and what to write (a tab, a line indented unlike its neighbours, an unclosed quote or
bracket) instead of the parser's words. Table-driven tests of the pure functions, then real
strict builds of a copy of the project with each mistake planted.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, run_build
from induction.common import DataError, parse_yaml
from induction.pages import FRONT_MATTER_KEYS, read_front_matter, unknown_keys

KEYS = (
    "the keys a page can have: title, description, owner, last_reviewed, review_due, sources, "
    "in_learning_path, progress, reading_level_note, search, hide, quiz, icon, status, subtitle, "
    "tags, social"
)
UNCLOSED = (
    "the front matter starts with '---' on this line but has no closing '---' line (add a line with "
    "only --- after the last field, before the page's first heading)"
)
TAB = "this line starts with a tab (indent with spaces only, lined up with the lines above)"


# --- Unclosed front matter --------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "---\ntitle: T\nowner: O\n\n# T\n\nText.\n",
        "---   \ntitle: T\n",
        "---\n",
        "---",
    ],
)
def test_front_matter_with_no_closing_line_is_one_error_at_line_1(raw):
    with pytest.raises(DataError) as caught:
        read_front_matter(raw, "docs/x.md")
    assert str(caught.value) == f"docs/x.md:1: {UNCLOSED}"


@pytest.mark.parametrize(
    ("raw", "front"),
    [
        ("---\ntitle: T\n---\n\n# T\n", {"title": "T"}),
        ("---\ntitle: T\n...\n\n# T\n", {"title": "T"}),  # MkDocs also closes it with ...
        ("# T\n\n---\n\nText.\n", {}),  # a rule further down is not front matter
        ("----\n# T\n", {}),
    ],
)
def test_closed_or_absent_front_matter_is_read_as_before(raw, front):
    assert read_front_matter(raw, "docs/x.md") == front


# --- Unknown keys -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "---\ntitle: T\nprogres: false\n---\n",
            [(3, "unknown front matter key 'progres'", f"did you mean 'progress'? {KEYS}")],
        ),
        (
            "---\ntitle: T\nserach:\n  exclude: true\n---\n",
            [(3, "unknown front matter key 'serach'", f"did you mean 'search'? {KEYS}")],
        ),
        (
            "---\nlast-reviewed: 2026-11-22\n---\n",
            [(2, "unknown front matter key 'last-reviewed'", f"did you mean 'last_reviewed'? {KEYS}")],
        ),
        ("---\ncolour: red\n---\n", [(2, "unknown front matter key 'colour'", KEYS)]),
        # a page's template gives it its security policy: pages keep the site's (a security
        # review, 7 December 2026, named a partial and a path out of the project)
        (
            "---\ntitle: T\ntemplate: ../../../../etc/passwd\n---\n",
            [(3, "unknown front matter key 'template'", KEYS)],
        ),
        (
            "---\ntitle: T\nsearch:\n  exlude: true\n---\n",
            [
                (
                    4,
                    "unknown key 'exlude' under 'search'",
                    "did you mean 'exclude'? the keys under 'search' can be: exclude, boost",
                )
            ],
        ),
        (
            "---\ntitle: T\nprogress: false\nin_learning_path: false\nsearch:\n  exclude: true\n  boost: 2\n"
            "hide: [toc]\nreading_level_note: Official names.\n---\n",
            [],
        ),
    ],
    ids=["progres", "serach", "hyphen", "no-near-key", "template", "under-search", "all-known"],
)
def test_unknown_front_matter_keys_name_their_line_and_the_nearest_key(raw, expected):
    found = unknown_keys(read_front_matter(raw, "docs/x.md"), "docs/x.md", raw)
    assert found == [("docs/x.md", *problem) for problem in expected]


# Where the site's code reads a page's front matter: page.meta in templates, and the dict the
# Python code gets from the front matter (meta, front, fronts[...]) read with .get("key").
READS = [
    (ROOT / "overrides", "*.html", re.compile(r"page\.meta\.(\w+)")),
    (ROOT, "*.py", re.compile(r"\b(?:meta|front|page\.meta)\.get\(\s*[\"'](\w+)[\"']")),
]


def test_every_key_the_code_reads_is_a_key_a_page_can_have():
    read = set()
    for folder, pattern, key in READS:
        for path in folder.rglob(pattern):
            if not {".nox", "site", "tests", "node_modules"} & set(path.relative_to(ROOT).parts):
                read |= set(key.findall(path.read_text(encoding="utf-8")))
    assert {"in_learning_path", "progress", "reading_level_note", "last_reviewed", "quiz"} <= read
    assert read - set(FRONT_MATTER_KEYS) == set()


# --- YAML mistakes in plain English -------------------------------------------------------------

GLOSSARY = "terms:\n  - term: MASH\n    expansion: Multi-Agency Safeguarding Hub\n    aliases: [M]\n"
QUIZ = (
    "page: services/front-door.md\nquestions:\n  - question: What does MASH stand for?\n    options:\n"
    "      - text: Multi-Agency Safeguarding Hub\n        correct: true\n"
    "      - text: Main Assessment Hub\n"
)


@pytest.mark.parametrize(
    ("text", "old", "new", "message"),
    [
        (
            GLOSSARY,
            "    expansion",
            "   expansion",
            "data/x.yml:3: this is not valid YAML: this line is indented differently from the lines above it "
            "(start it 4 spaces from the left edge, lined up with 'term:' on line 2)",
        ),
        (
            GLOSSARY,
            "    expansion",
            "      expansion",
            "data/x.yml:3: this is not valid YAML: this line is indented further than the line above it "
            "(start it 4 spaces from the left edge, lined up with 'term:' on line 2; if it carries on the "
            "text of the line above, put that whole text in quotes)",
        ),
        (GLOSSARY, "    expansion", "\texpansion", f"data/x.yml:3: this is not valid YAML: {TAB}"),
        (GLOSSARY, "    aliases", "  \taliases", f"data/x.yml:4: this is not valid YAML: {TAB}"),
        (
            QUIZ,
            "        correct: true",
            "      correct: true",
            "data/x.yml:6: this is not valid YAML: this line is indented differently from the lines above it "
            "(start it 8 spaces from the left edge, lined up with 'text:' on line 5)",
        ),
        (
            QUIZ,
            "      - text: Main",
            "     - text: Main",
            "data/x.yml:7: this is not valid YAML: this line is indented differently from the lines above it "
            "(start its '-' 6 spaces from the left edge, under the '-' on line 5)",
        ),
        (
            QUIZ,
            "What does MASH stand for?",
            "MASH: what does it stand for?",
            "data/x.yml:3: this is not valid YAML: this line has a second ': ' in it "
            "(put text that contains ': ' in quotes: owner: \"Team: fostering\")",
        ),
        (
            GLOSSARY,
            "aliases: [M]",
            "aliases: [M",
            "data/x.yml:4: this is not valid YAML: the [ ] brackets that open on this line are not closed, "
            "or hold something YAML cannot read (close them with ']' on the same line, separate the items "
            "with ', ' and put an item that contains ': ' or a bracket in quotes)",
        ),
        (
            GLOSSARY,
            "expansion: Multi-Agency Safeguarding Hub",
            'expansion: "Multi-Agency Safeguarding Hub',
            "data/x.yml:3: this is not valid YAML: the quote that opens on this line is never closed "
            '(add the closing " at the end of the value)',
        ),
        (
            GLOSSARY,
            "expansion: Multi-Agency Safeguarding Hub",
            "expansion: 'Children's services'",
            "data/x.yml:3: this is not valid YAML: YAML cannot tell where the value on this line ends (put "
            "the whole value in double quotes, or in single quotes if it contains double quotes: title: "
            '"The council\'s duties")',
        ),
        (
            "title: The levels of need\nfrom everyday services\nowner: Team\n",
            "",
            "",
            "data/x.yml:2: this is not valid YAML: this line is not a 'name: value' line (write it as "
            "'name: value'; if it carries on the text of the line above, indent it further than that line's "
            "name)",
        ),
        (
            "title: T\n- sources\n",
            "",
            "",
            "data/x.yml:2: this is not valid YAML: this list item ('- ') is not under a name (indent it "
            "further than the 'name:' line it belongs to, lined up with the other items)",
        ),
        (
            "owner: @team\n",
            "",
            "",
            "data/x.yml:1: this is not valid YAML: a value on this line starts with '@' "
            '(put the whole value in double quotes: "@...")',
        ),
        (
            GLOSSARY,
            "aliases: [M]",
            "definition: >- The part of the front door",
            "data/x.yml:4: this is not valid YAML: YAML reads the '>' at the start of the value on this line "
            "as a sign of its own (after '>-' or '|' the text goes on the lines below it, indented; or put "
            "the whole value in double quotes)",
        ),
        (
            GLOSSARY,
            "expansion: Multi-Agency Safeguarding Hub",
            "expansion: & more",
            "data/x.yml:3: this is not valid YAML: YAML reads the '&' at the start of the value on this line "
            "as a sign of its own ('&' at the start of a value marks a YAML anchor; or put the whole value "
            "in double quotes)",
        ),
    ],
    ids=[
        "glossary-field-3-spaces",
        "glossary-field-too-deep",
        "tab",
        "spaces-then-tab",
        "quiz-correct-dedented",
        "quiz-option-off-by-one",
        "second-colon",
        "unclosed-bracket",
        "unclosed-quote",
        "apostrophe-in-single-quotes",
        "line-without-a-name",
        "list-item-under-no-name",
        "at-sign",
        "folded-text-on-the-same-line",
        "ampersand-first",
    ],
)
def test_yaml_mistakes_are_told_in_plain_english_with_file_and_line(text, old, new, message):
    assert old in text
    with pytest.raises(DataError) as caught:
        parse_yaml(text.replace(old, new, 1), "data/x.yml")
    assert str(caught.value) == message


def test_front_matter_yaml_mistakes_count_the_file_lines():
    with pytest.raises(DataError) as caught:
        read_front_matter("---\ntitle: T\n\towner: O\n---\n", "docs/x.md")
    assert str(caught.value) == f"docs/x.md:3: the front matter is not valid YAML: {TAB}"


# --- Real strict builds -------------------------------------------------------------------------


def _plant(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in `path` by `new`; return the line it is on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer contains {old!r}: update the test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _failed(build) -> list[str]:
    assert build.returncode != 0, build.output
    assert "Traceback" not in build.output, build.output
    assert not list(build.site.rglob("*.html")), "the failed build wrote pages"
    return [line for line in build.output.split("\n") if line.startswith("ERROR")]


def test_unclosed_front_matter_fails_the_build_with_one_error_at_line_1(project_copy, tmp_path):
    page = project_copy / "docs" / "thresholds.md"
    text = page.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4)
    page.write_text(text[:end] + text[end + 4 :], encoding="utf-8")  # the closing --- line gone
    errors = _failed(run_build(project_copy, tmp_path / "site"))
    assert errors == [f"ERROR   -  docs/thresholds.md:1: {UNCLOSED}"], errors


@pytest.mark.parametrize(
    ("page", "old", "new", "message"),
    [
        (
            "docs/contacts.md",
            "progress: false",
            "progres: false",
            f"unknown front matter key 'progres' (did you mean 'progress'? {KEYS})",
        ),
        (
            "docs/trainers/errors.md",
            "search:\n",
            "serach:\n",
            f"unknown front matter key 'serach' (did you mean 'search'? {KEYS})",
        ),
    ],
    ids=["progres", "serach"],
)
def test_a_misspelt_front_matter_key_fails_the_build(project_copy, tmp_path, page, old, new, message):
    line = _plant(project_copy / page, old, new)
    errors = _failed(run_build(project_copy, tmp_path / "site"))
    assert f"{page}:{line}: {message}" in "\n".join(errors), errors


def test_a_tab_in_the_glossary_fails_the_build_in_plain_english(project_copy, tmp_path):
    glossary = project_copy / "data" / "glossary.yml"
    old = "\n    expansion: Multi-Agency Safeguarding Hub"  # the entry's line, not the comment's
    line = 1 + _plant(glossary, old, old.replace("    ", "\t"))
    errors = _failed(run_build(project_copy, tmp_path / "site"))
    assert f"data/glossary.yml:{line}: this is not valid YAML: {TAB}" in "\n".join(errors), errors
    assert "cannot start any token" not in "\n".join(errors)
