"""Front matter slips that built and published silently (review, 6 December 2026).

1. `review_due: 2207-12-06`, a slip in the year, switched the page's review off for good: it
   would never fall due. A review_due more than MOST_YEARS_BETWEEN_REVIEWS years after
   last_reviewed now stops the build at its line.

Pure functions first (tables), then one strict build of a copy of the real project per slip:
the exact message with file and line, and that no page was written.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import copy_project, run_build
from induction.pages import MOST_YEARS_BETWEEN_REVIEWS, check_front_matter, read_front_matter
from test_data_slips import _assert_stopped, _replace  # the build failed, said it and wrote no page

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
    _replace(
        project / "docs" / "services" / "fostering.md", "review_due: 2027-11-22", "review_due: 2207-11-22"
    )
    build = run_build(project, tmp_path / "site", env={"INDUCTION_TODAY": "2026-12-06"})
    _assert_stopped(
        build,
        "docs/services/fostering.md:6: review_due 2207-11-22 is 181 years after last_reviewed 2026-11-22 "
        f"({EVERY})",
    )
