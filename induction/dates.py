"""Dates as the site writes them: the UK way ("5 December 2026"), and "today" for a build, which
INDUCTION_TODAY=YYYY-MM-DD can set to another day (the content check and the tests use it)."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    """The build date; INDUCTION_TODAY=YYYY-MM-DD pretends it is another day (for checks)."""
    override = os.environ.get("INDUCTION_TODAY")
    return dt.date.fromisoformat(override) if override else dt.date.today()


def uk_date(day: dt.date) -> str:
    """`day` the UK way: 5 December 2026."""
    return f"{day.day} {day:%B %Y}"


def parse_date(value) -> dt.date | None:
    """A date from front matter (YAML gives a date; text is read as YYYY-MM-DD), or None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def format_date(value) -> str:
    """The templates' `dmy` filter: a date the UK way, or the value as it is when it is no date."""
    parsed = parse_date(value)
    return uk_date(parsed) if parsed else str(value)
