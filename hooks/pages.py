"""Page facts every reader can trust: required front matter, review dates and sources.

Each page's front matter says who owns it, when it was last reviewed and when the next review is
due (the NHS pattern), and which sources its facts come from. This hook checks those fields when
the site is built, fails the strict build when a page is past its review date, and gives the
templates a `dmy` filter that writes dates the UK way ("22 November 2026").
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re

from _common import DataError, read_source

log = logging.getLogger("mkdocs.hooks.pages")


def on_env(env, config, files):
    env.filters["dmy"] = format_date
    return env


def on_page_markdown(markdown, page, config, files):
    display = f"docs/{page.file.src_uri}"
    sources = config.extra.get("facts", {}).get("sources", {})
    raw = read_source(page.file.abs_src_path) if page.file.abs_src_path else ""
    problems, overdue = check_front_matter(page.meta, display, sources, today(), raw)
    if problems:
        raise DataError(*problems[0])
    if overdue:
        log.warning(overdue)
    return markdown


def today() -> dt.date:
    """The build date; INDUCTION_TODAY=YYYY-MM-DD pretends it is another day (for checks)."""
    override = os.environ.get("INDUCTION_TODAY")
    return dt.date.fromisoformat(override) if override else dt.date.today()


def check_front_matter(meta: dict, display: str, sources: dict, on: dt.date, raw: str = ""):
    """Return (problems, overdue message or None) for one page's front matter.

    Each problem is (path, line, problem, expected) for DataError. The line is the field's line
    in `raw` (the file's text), or 1, the front matter's opening line, when the field is absent.
    """

    def line(field: str) -> int:
        match = re.search(rf"^{re.escape(field)}\s*:", raw, re.MULTILINE)
        return raw.count("\n", 0, match.start()) + 1 if match else 1

    problems = []
    for field, example in REQUIRED.items():
        value = meta.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems.append(
                (
                    display,
                    1,
                    f"the front matter has no '{field}'",
                    f"add a line '{field}: {example}' between the --- lines",
                )
            )
    dates = {}
    for field in ("last_reviewed", "review_due"):
        value = meta.get(field)
        if value is None:
            continue
        parsed = parse_date(value)
        if parsed is None:
            problems.append(
                (
                    display,
                    line(field),
                    f"'{field}: {value}' is not a date",
                    f"write it as YYYY-MM-DD, e.g. '{field}: 2026-11-22'",
                )
            )
        dates[field] = parsed
    last, due = dates.get("last_reviewed"), dates.get("review_due")
    if last and due and due <= last:
        problems.append(
            (
                display,
                line("review_due"),
                f"review_due {due} is not after last_reviewed {last}",
                "set review_due to a date after last_reviewed",
            )
        )
    if last and last > on:
        problems.append(
            (
                display,
                line("last_reviewed"),
                f"last_reviewed {last} is in the future",
                f"use the date the page was reviewed, on or before {on}",
            )
        )
    srcs = meta.get("sources") or []
    if not isinstance(srcs, list):
        problems.append(
            (display, line("sources"), "'sources' is not a list", "write 'sources: [induction_2025]'")
        )
        srcs = []
    for key in srcs:
        if key not in sources:
            known = ", ".join(sources) or "none"
            problems.append(
                (
                    display,
                    line("sources"),
                    f"unknown source '{key}'",
                    f"use a key from data/sources.yml: {known}",
                )
            )
    overdue = None
    if due and due < on:
        overdue = (
            f"{display}:{line('review_due')}: page is past its review date (review_due {due}) "
            "(review the page, then set last_reviewed to today and review_due to the next review date)"
        )
    return problems, overdue


def parse_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def format_date(value) -> str:
    parsed = parse_date(value)
    return f"{parsed.day} {parsed:%B %Y}" if parsed else str(value)


REQUIRED = {
    "title": "Front door and MASH",
    "description": "One sentence saying what the page is about.",
    "owner": "Head of Service, Front Door",
    "last_reviewed": "2026-11-22",
    "review_due": "2027-11-22",
}
