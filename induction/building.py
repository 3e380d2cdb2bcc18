"""Build the site in this process, for the content check (check/) and the export (export/).

Running the build here, not as `mkdocs build` in a subprocess, lets the caller read what the
build found afterwards: the loaded settings (and what the hooks put in them) and every warning
and error as a log record. A trainer error logged by a hook carries its DataError as the
record's `problem` (induction.common.warn), so nobody parses its text back.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from induction.versions import require

require(
    "mkdocs",
    ">=1.6.1,<1.7",
    "induction/building.py's build by hand, the steps `mkdocs build` takes in mkdocs/__main__.py "
    "(load_config, config.plugins.on_startup(command='build', dirty=False), "
    "mkdocs.commands.build.build(config), config.plugins.on_shutdown()), and problem_of, which finds "
    "a hook's DataError as the __context__ of the Abort that mkdocs.commands.build.build raises "
    "inside its `except` on a BuildError, after logging it at ERROR under BUILD_LOGGER (stopping_record), "
    "after a line that only introduces it (BUILD_NOISE)",
)

BUILD_LOGGER = "mkdocs.commands.build"  # MkDocs' build command, which logs the error that stops it
# MkDocs' lines that only introduce the error after them ("Error reading page 'x.md':", with
# nothing after the colon: an error that is not a BuildError is written there, naming the page)
BUILD_NOISE = ("Error reading page", "Error building page", "Error running")


@dataclass
class InProcessBuild:
    """What one build in this process left: its settings (None when mkdocs.yml could not be
    loaded), its warnings and errors, and the exception that stopped it (None when it finished)."""

    config: object | None = None
    records: list[logging.LogRecord] = field(default_factory=list)
    error: Exception | None = None


def build_in_process(
    config_file: Path,
    site_dir: Path,
    *,
    strict: bool = False,
    env: dict[str, str | None] | None = None,
    adjust: Callable[[object], None] | None = None,
) -> InProcessBuild:
    """Build `config_file` into `site_dir` as `mkdocs build` does, with the startup and shutdown
    events (which calling MkDocs' build alone skips), keeping MkDocs' log lines off the screen.

    `env` sets (or, with None, removes) environment variables for the build only; `adjust(config)`
    may change the loaded settings before the build starts. An exception is kept, not raised.
    """
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    result = InProcessBuild()
    collect = _Records(result.records)
    with environment({"NO_MKDOCS_2_WARNING": "1", **(env or {})}), mkdocs_log_to(collect):
        try:
            result.config = load_config(config_file=str(config_file), strict=strict, site_dir=str(site_dir))
            if adjust:
                adjust(result.config)
            result.config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build.build(result.config)
            finally:
                result.config.plugins.on_shutdown()
        except Exception as error:  # MkDocs aborts with the reason already logged
            result.error = error
    return result


def problem_of(record_or_error) -> object | None:
    """The DataError a log record carries (induction.common.warn), or the one behind an exception
    that stopped a build (MkDocs raises Abort from the hook's DataError), or None."""
    from induction.common import DataError

    found = getattr(record_or_error, "problem", None)
    if isinstance(found, DataError):
        return found
    error = record_or_error if isinstance(record_or_error, BaseException) else None
    while error is not None and not isinstance(error, DataError):
        error = error.__cause__ or error.__context__
    return error


def stopping_record(
    records: list[logging.LogRecord], stopped: BaseException | None
) -> logging.LogRecord | None:
    """The record in which MkDocs logged the error that stopped its build: when it stops at an
    error (a BuildError, such as a hook's DataError) it logs it at ERROR under its build command's
    logger, after everything else, and raises Abort. None when something else stopped it."""
    from mkdocs.exceptions import Abort

    if not isinstance(stopped, Abort):
        return None
    return next((r for r in reversed(records) if r.name == BUILD_LOGGER and r.levelno >= logging.ERROR), None)


def build_messages(built: InProcessBuild) -> list[tuple[logging.LogRecord | None, object]]:
    """What a build told, in order, each once: for each warning or error it logged, (the record,
    the DataError it carries or else its text), leaving out MkDocs' lines that only introduce the
    error after them (BUILD_NOISE) and the record in which MkDocs logged the error that stopped it;
    then (None, that error) when it is a trainer's DataError. The content check and the export
    both tell a build's problems from these."""
    stop = problem_of(built.error) if built.error is not None else None
    logged_stop = stopping_record(built.records, built.error) if stop is not None else None
    told: list[tuple[logging.LogRecord | None, object]] = []
    for record in built.records:
        if record is logged_stop:
            continue
        message = problem_of(record) or record.getMessage().strip()
        noise = isinstance(message, str) and message.startswith(BUILD_NOISE) and message.endswith(":")
        if message and not noise:  # (MkDocs writes an error that is no BuildError after its colon)
            told.append((record, message))
    if stop is not None:
        told.append((None, stop))
    once: dict[str, tuple[logging.LogRecord | None, object]] = {}
    for record, message in told:
        once.setdefault(str(message), (record, message))
    return list(once.values())


class _Records(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__(logging.WARNING)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def mkdocs_log_to(handler: logging.Handler | None = None) -> Iterator[None]:
    """Send MkDocs' log lines (and the hooks', under `mkdocs.`) to `handler` only, not the screen."""
    logger = logging.getLogger("mkdocs")
    handler = handler or logging.NullHandler()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


@contextmanager
def environment(changes: dict[str, str | None]) -> Iterator[None]:
    """Set (or, with None, remove) environment variables for the time of the `with` block."""
    old = {key: os.environ.get(key) for key in changes}
    _set(changes)
    try:
        yield
    finally:
        _set(old)


def _set(values: dict[str, str | None]) -> None:
    for key, value in values.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
