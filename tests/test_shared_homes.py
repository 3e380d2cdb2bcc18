"""The one home of logic the hooks, the content check and the export share (induction.common,
induction.dates, induction.nav, induction.text, induction.building, induction.markdown_parts)."""

from __future__ import annotations

import ast
import datetime as dt
import logging
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT
from induction.building import problem_of
from induction.common import DataError, lines_outside_code, lines_with_code, warn
from induction.dates import format_date, parse_date, today, uk_date
from induction.facts import fill_placeholders
from induction.front_matter import split_front_matter
from induction.learner_text import learner_lines
from induction.nav import nav_item_pages, nav_items, nav_paths, nav_setting_pages

NAV = [
    {"Start here": "index.md"},
    {"Services": [{"Front door": "services/front-door.md"}, "services/early-help.md"]},
    "contacts.md",
    {"About": ["about/index.md", {"Elsewhere": "https://example.invalid/"}]},
]


def test_nav_setting_pages_gives_each_entry_with_its_title_or_its_sections():
    assert list(nav_setting_pages(NAV)) == [
        ("Start here", "index.md"),
        ("Front door", "services/front-door.md"),
        ("Services", "services/early-help.md"),
        ("contacts.md", "contacts.md"),
        ("About", "about/index.md"),
        ("Elsewhere", "https://example.invalid/"),
    ]
    assert nav_paths(NAV)[:3] == ["index.md", "services/front-door.md", "services/early-help.md"]
    assert nav_paths(None) == []


def _item(title, children=None):
    return SimpleNamespace(title=title, children=children, is_page=children is None)


def test_nav_items_walks_each_item_before_its_children():
    menu = [_item("a"), _item("S", [_item("b"), _item("T", [_item("c")])]), _item("d")]
    assert [i.title for i in nav_items(menu)] == ["a", "S", "b", "T", "c", "d"]
    assert [i.title for i in nav_item_pages(menu)] == ["a", "b", "c", "d"]


def test_dates_the_uk_way_and_today_from_the_environment(monkeypatch):
    assert uk_date(dt.date(2026, 12, 5)) == "5 December 2026"
    assert format_date("2027-05-05") == "5 May 2027"
    assert format_date("soon") == "soon"
    assert parse_date(dt.datetime(2026, 1, 2, 3, 4)) == dt.date(2026, 1, 2)
    monkeypatch.setenv("INDUCTION_TODAY", "2027-10-01")
    assert today() == dt.date(2027, 10, 1)


MARKDOWN = "a\n```yaml\nb: 1\n~~~\n```\nc\n~~~~\n```\n~~~~\nd"


def test_lines_with_code_marks_fences_and_what_they_hold():
    assert [(n, code) for n, _, code in lines_with_code(MARKDOWN)] == [
        (1, False),
        (2, True),
        (3, True),
        (4, True),  # another kind of fence inside: still code
        (5, True),
        (6, False),
        (7, True),
        (8, True),
        (9, True),
        (10, False),
    ]
    assert list(lines_outside_code(MARKDOWN)) == [(1, "a"), (6, "c"), (10, "d")]


# Markdown that shows `{{ x }` as typed: the facts leave it alone and learners never read it as prose.
TYPED = [
    "```\n{{ x }\n```",
    "Example:\n\n    {{ x }\n\nEnd.",
    '!!! note "N"\n\n    Text.\n\n        {{ x }',
    "Write `{{\nx }` there.",
    "Type ``{{ x } ` y`` there.",
    "<!-- {{ x }\n\nmore -->",
    "> A quote:\n>\n>     {{ x }",
]


@pytest.mark.parametrize(
    "markdown",
    TYPED,
    ids=["fenced", "indented", "in a note", "wrapped", "with `", "comment", "in a quote"],
)
def test_the_facts_and_the_learners_lines_agree_on_what_is_code(markdown):
    """induction.markdown_parts.typed_parts decides for both: what the facts leave as typed is
    what learner_lines (the reading time, the check's figures) leaves out."""
    assert fill_placeholders(markdown, {}, "docs/x.md") == markdown  # neither filled nor refused
    assert "{" not in "".join(text for _, text in learner_lines(markdown))


CODE = ("hooks", "induction", "check", "export")
RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "sub", "subn", "finditer", "findall", "split"}


def test_code_spans_and_comments_are_found_in_one_place():
    """induction/markdown_parts.py alone finds code spans and HTML comments in Markdown: a second
    code-span pattern (a run of backticks, `+) or a second comment scanner (searching for <!-- or
    -->, or a pattern holding <!--) would disagree with it, as learner_text's did with the facts'
    (indented code and wrapped spans counted as prose). Fences stay with lines_with_code."""
    found = []
    for path in sorted(p for folder in CODE for p in (ROOT / folder).glob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name == "induction/markdown_parts.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and "`+" in str(node.value) and id(node) not in docstrings:
                found.append(f"{name}:{node.lineno}: a code-span pattern {node.value!r}")
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            for arg in node.args:
                text = arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else ""
                if text.strip() in ("<!--", "-->") or (node.func.attr in RE_FUNCTIONS and "<!--" in text):
                    found.append(f"{name}:{node.lineno}: a comment scanner {node.func.attr}({text!r})")
    assert found == [], "use induction.markdown_parts.typed_parts (or learner_lines):\n" + "\n".join(found)


def test_split_front_matter_gives_the_offset_of_the_body():
    front, body, offset = split_front_matter("---\ntitle: T\n---\n\n# T\n")
    assert (front, body, offset) == ({"title": "T"}, "# T\n", 4)


def test_under_mkdocs_a_data_error_stops_the_build_as_a_plugin_error():
    # MkDocs prints a PluginError as one ERROR line and exits 1; the stand-in base class is only
    # for a host without MkDocs (tests/test_glossary_without_mkdocs.py).
    assert issubclass(DataError, PluginError)


def test_a_warning_carries_its_error_object_and_prints_the_house_form(caplog):
    error = DataError("docs/a.md", 3, "something is wrong", "write it right")
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.test"):
        warn(logging.getLogger("mkdocs.hooks.test"), error)
    (record,) = caplog.records
    assert record.getMessage() == "docs/a.md:3: something is wrong (write it right)"
    assert problem_of(record) is error


def test_problem_of_finds_the_error_behind_an_abort():
    error = DataError("quizzes/a.yml", 2, "bad", "good")
    try:
        try:
            raise error
        except DataError:
            raise RuntimeError("Aborted with a BuildError!") from None
    except RuntimeError as abort:
        stopped = abort
    assert stopped.__cause__ is None and problem_of(stopped) is error  # from its context
    assert problem_of(logging.makeLogRecord({"msg": "plain"})) is None
    assert problem_of(ValueError("plain")) is None


@pytest.mark.parametrize("value", ["<b>x</b>", "[a](javascript:x)", "`c` {: .x }", 'a "b"'])
def test_markdown_text_and_trainer_markdown_leave_no_markup(value):
    import markdown

    from induction.text import markdown_text, trainer_markdown

    for escaped in (markdown_text(value), trainer_markdown(value)):
        html = markdown.markdown(escaped, extensions=["attr_list"])
        assert "<a" not in html and "<b>" not in html and "<code>" not in html


# sys.path changed in code, or in code held in a string (a script run with python -c)
SYS_PATH_EDIT = re.compile(
    r"\bsys\.path\s*(?:\.\s*(?:insert|append|extend|remove)\b|\+=|\[[^\]]*\]\s*=|=(?!=))"
)


def sys_path_edits(source: str) -> list[int]:
    """Lines of `source` that change sys.path (insert, append, assignment and the like)."""
    return [n for n, line in enumerate(source.splitlines(), 1) if SYS_PATH_EDIT.search(line)]


def test_sys_path_edits_are_found():
    source = (
        "import sys\nsys.path.insert(0, 'x')\nsys.path += ['y']\nsys.path[:0] = ['z']\n"
        "print(sys.path)\ntask = 'import sys; sys.path.append(sys.argv[1])'\nif sys.path == []: pass\n"
    )
    assert sys_path_edits(source) == [2, 3, 4, 6]


def test_no_python_file_edits_sys_path():
    """Every import is a normal one an editor's go-to-definition can follow (issue 19)."""
    edits = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted(ROOT.rglob("*.py"))
        if path != Path(__file__)  # its examples above
        and not {".nox", ".git", "site", "node_modules"} & set(path.relative_to(ROOT).parts)
        for line in sys_path_edits(path.read_text(encoding="utf-8"))
    ]
    assert not edits, "import the project's code as a package instead:\n" + "\n".join(edits)
