"""Trainers' slips that once built and published something wrong (review, 6 December 2026).

1. `python3 noxfile.py -s build -- -q`: MkDocs' --quiet drops the warnings strict mode counts,
   so a broken link built with exit status 0 and replaced site/.
2. A stray quote or full stop in a phone number was shown on every page.
3. A date in numbers only (11/24/2022, 09/01/2027) in data/sources.yml or data/people.yml.
4. A quote left open in a data file was reported at a later line, with advice that did not fit.
5. A page without its opening `---` was reported as a wrong field ('sources' is not a list).

Pure functions first (tables), then one strict build of a copy of the real project per slip:
the exact message with file and line, and that nothing was published.
"""

from __future__ import annotations

import pytest

from conftest import copy_project
from export.build import build_site, refused_option

QUIET = (
    "hides MkDocs' warnings, and strict mode stops the build only for the warnings it sees, so a "
    "broken link or a page past its review date would be published in site/ (build without -q: when "
    "all is well, the build prints only a few lines)"
)
DIGITS_ONLY = "which a phone number cannot have (write only the digits and spaces, as it is dialled, e.g."
NO_STRICT = (
    "the option --no-strict turns strict mode off, so a warning (a broken link, a page past its review "
    "date) would no longer stop the build and the broken site would replace site/ (build without "
    "--no-strict; to look at a site with warnings, use python3 noxfile.py -s serve)"
)
NEVER_CLOSED = "this is not valid YAML: the quote that opens on this line is never closed"


def _line_of(path, text: str) -> int:
    """The line (from 1) of `path` that holds `text`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if text in line)


def _replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"expected {old!r} once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- 1. Options that would let strict mode miss a warning ------------------------------------


@pytest.mark.parametrize(
    ("extra", "refused"),
    [
        (["-q"], f"the option -q (--quiet) {QUIET}"),
        (["--quiet"], f"the option -q (--quiet) {QUIET}"),
        (["-cq"], f"the option -q (--quiet) in -cq {QUIET}"),
        (["-v", "-qs"], f"the option -q (--quiet) in -qs {QUIET}"),
        (["--no-strict"], NO_STRICT),
        ([], None),
        (["-v"], None),
        (["--dirty", "-c"], None),
        (["-t", "material"], None),
        (["-tq"], None),  # the theme 'q' (MkDocs refuses it), not --quiet
        (["--", "-q"], None),  # not an option after -- (and MkDocs refuses it)
    ],
)
def test_options_that_hide_warnings_are_refused(extra, refused):
    assert refused_option(extra) == refused


@pytest.mark.build
def test_a_quiet_build_with_a_broken_link_stops_and_leaves_the_site(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build")
    _replace(project / "docs" / "contacts.md", "](thresholds.md).", "](no-such-page.md).")
    assert build_site(project / "mkdocs.yml", site, ["-q"]) != 0
    assert capsys.readouterr().err == f"ERROR    -  the option -q (--quiet) {QUIET}\n"
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert (site / "index.html").read_text() == "the last good build"
    assert sorted(p.name for p in project.iterdir()) == sorted(
        ["data", "docs", "hooks", "mkdocs.yml", "overrides", "quizzes", "site"]
    ), "a temporary folder was left behind"
