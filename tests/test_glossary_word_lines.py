"""Each unexplained acronym is named at its line, also one joined to others by hyphens: a page line
`LIVE-EDIT-QZX here.` gave 'LIVE' at its line and then 'EDIT' and 'QZX' with no line at all."""

from __future__ import annotations

import logging

import pytest

from conftest import copy_project, run_build
from induction.glossary import EXPLAIN_IT, warn_unknown_words
from test_glossary_lines import plant

SAYS = "looks like an acronym but is not in the glossary"


@pytest.mark.parametrize(
    ("raw", "words", "first", "lines"),
    [
        ("# T\n\nLIVE-EDIT-QZX here.\n", ["LIVE", "EDIT", "QZX"], None, [3, 3, 3]),
        ("# T\n\nThe QZX-EDIT team.\n", ["QZX", "EDIT"], None, [3, 3]),
        # standing alone is looked for first (a hyphenated word may be a glossary name: C-SPA)
        ("# T\n\nThe LIVE-EDIT.\n\nEDIT\n", ["EDIT"], None, [5]),
        ("The C-SPA team.\n\nThe SPA.\n", ["SPA"], None, [3]),
        ("The C-SPA team.\n", ["SPA"], None, [1]),
        # from line `first` on; a word not in the text (from a filled-in fact) at `first`
        ("QZX\nLIVE-QZX\n", ["QZX"], 2, [2]),
        ("Ask {{ contacts.x.name }}.\n", ["QZX"], 1, [1]),
        # in a page, not where the word is code or a comment (not checked, so not the place)
        ("Write `QZX` or\n\n    QZX\n\n<!-- QZX -->\nThe QZX.\n", ["QZX"], None, [6]),
        ("`a\nQZX` b\n\nQZX\n", ["QZX"], None, [4]),
        # nor in a trainer note, which the glossary does not check either: the line readers see
        ('# T\n\n!!! trainer "Check"\n    The QZX figure.\n\nThe QZX team.\n', ["QZX"], None, [6]),
        ('??? trainer "Check"\n    QZX\n    - LIVE\n\nLIVE and QZX.\n', ["QZX", "LIVE"], None, [5, 5]),
    ],
)
def test_each_word_is_named_at_its_line(caplog, raw, words, first, lines):
    with caplog.at_level(logging.WARNING):
        warn_unknown_words(words, "docs/x.md", raw, first)
    assert [r.getMessage() for r in caplog.records] == [
        f"docs/x.md:{line}: '{word}' {SAYS} ({EXPLAIN_IT})" for word, line in zip(words, lines, strict=True)
    ]


@pytest.mark.build
def test_hyphenated_acronyms_in_a_page_are_each_named_at_the_line_by_the_real_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = "docs/services/fostering.md"
    old = "Foster carers give children in care"
    line = plant(project, page, old, "LIVE-EDIT-QZX here. " + old)
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1, build.output  # strict: the site is not published
    told = [x.split(" -  ", 1)[1] for x in build.output.splitlines() if x.startswith(f"WARNING -  {page}")]
    assert told == [f"{page}:{line}: '{word}' {SAYS} ({EXPLAIN_IT})" for word in ("LIVE", "EDIT", "QZX")]
