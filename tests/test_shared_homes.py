"""The one home of logic the hooks, the content check and the export share (induction.common,
induction.dates, induction.nav, induction.text, induction.building)."""

from __future__ import annotations

import datetime as dt
import logging
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from induction.building import problem_of
from induction.common import DataError, lines_outside_code, lines_with_code, warn
from induction.dates import format_date, parse_date, today, uk_date
from induction.front_matter import split_front_matter
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
