"""A list item out of line in a settings or data file is named at its own line, with the indent
to give it: a menu entry moved two spaces to the left was told as "carries on the text of" the
entry above it (with advice to add quotes), one moved two spaces to the right as "not under a
name" (with advice to indent it further), and an entry with no space after its '-' was told to
start its '-' where it already was."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, copy_project
from export.build import build_site
from induction.common import DataError, check_keys_once

SETTINGS = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
LINES = SETTINGS.split("\n")
MENU_ENTRY = re.compile(r"( *)- [^:]+: \S+\.md")


def middle_entry(lines: list[str]) -> int:
    """The first menu entry inside a section (indented) with an entry of the same list just above
    and below it: where the slips go. Found, not named, so that a trainer who moves or renames
    menu entries does not break these tests."""
    for n in range(1, len(lines) - 1):
        entries = [MENU_ENTRY.fullmatch(line) for line in lines[n - 1 : n + 2]]
        if all(entries) and len({e.group(1) for e in entries}) == 1 and len(entries[1].group(1)) > 2:
            return n
    raise AssertionError("mkdocs.yml's menu has no section with three entries in a row")


AT = middle_entry(LINES)
ITEM = LINES[AT].strip()
INDENT = len(LINES[AT]) - len(LINES[AT].lstrip())
NOT_YAML = "this is not valid YAML:"


def slipped(line: str) -> str:
    return "\n".join([*LINES[:AT], line, *LINES[AT + 1 :]])


CASES = [
    (
        "  " + ITEM,
        f"mkdocs.yml:{AT + 1}: {NOT_YAML} this list item is indented 2 spaces, out of line with the lines "
        f"above and below it ({AT} and {AT + 2}) (start its '-' {INDENT} spaces from the left edge, like "
        "the other items of its list)",
    ),
    (
        " " * (INDENT + 2) + ITEM,
        f"mkdocs.yml:{AT + 1}: {NOT_YAML} this list item is indented {INDENT + 2} spaces, out of line with "
        f"line {AT} above it (start its '-' {INDENT} spaces from the left edge, like the other items of "
        "its list)",
    ),
    (
        " " * INDENT + "-" + ITEM[2:],
        f"mkdocs.yml:{AT + 1}: {NOT_YAML} this list item has no space after its '-' (write a space "
        f"between the '-' and the text: {ITEM})",
    ),
]


@pytest.mark.parametrize(
    ("line", "message"), CASES, ids=["moved left", "moved right", "no space after the dash"]
)
def test_a_list_item_out_of_line_is_named_at_its_line(line, message):
    with pytest.raises(DataError) as error:
        check_keys_once(slipped(line), "mkdocs.yml")
    assert str(error.value) == message


def test_the_lines_around_the_slip_are_no_slips():
    assert check_keys_once(SETTINGS, "mkdocs.yml") is not None  # the real settings read as they are


@pytest.mark.build
@pytest.mark.parametrize(("line", "message"), CASES[:2], ids=["moved left", "moved right"])
def test_a_menu_entry_out_of_line_stops_the_build_at_its_line(tmp_path, capsys, line, message):
    """As `python3 noxfile.py -s build` runs it (export/build.py reads the settings before MkDocs,
    whose own message gives the parser's words and no advice)."""
    project = copy_project(tmp_path / "project")
    (project / "mkdocs.yml").write_text(slipped(line), encoding="utf-8")
    assert build_site(project / "mkdocs.yml", project / "site") == 1
    assert capsys.readouterr().err.strip() == f"ERROR    -  {message}"
    assert not (project / "site").exists()
