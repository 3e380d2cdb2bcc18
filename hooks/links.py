"""MkDocs hook: a broken link, or a link to a section a page does not have, is told at the line of
the page where it is typed, with what to write (`docs/services/fostering.md:22: the link
'contacts.md' goes to a file that does not exist (did you mean '../contacts.md'? ...)`).

MkDocs finds these links itself (`validation:` in mkdocs.yml) and logs a sentence with no line.
For the time of each build this hook sets a filter on MkDocs' logger for pages that rewrites that
sentence into the house message (induction.links.LinkMessages) before anyone prints or counts it:
the same warning at the same level, so a strict build still stops on it, told once. The content
check reads the DataError the record then carries.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from induction.common import DataError, read_source
from induction.links import LinkMessages

PAGES_LOG = logging.getLogger("mkdocs.structure.pages")  # where MkDocs logs a page's broken links


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    # The last event before MkDocs converts the pages and checks their links; the files are final.
    _stop()
    docs = Path(config.docs_dir)
    PAGES_LOG.addFilter(
        LinkMessages(lambda src: _read(docs, src), _under(files, docs), lambda src: _anchors(files, src))
    )
    return nav


def on_post_build(*, config: MkDocsConfig) -> None:
    _stop()  # MkDocs checks the links to sections once every page is written, before this event


def on_build_error(*, error: Exception) -> None:
    _stop()


def _stop() -> None:
    """Take away this hook's filter (also one an earlier build in this process left)."""
    for old in [f for f in PAGES_LOG.filters if isinstance(f, LinkMessages)]:
        PAGES_LOG.removeFilter(old)


def _read(docs: Path, src: str) -> str:
    try:
        return read_source(docs / src, f"docs/{src}")
    except (OSError, DataError):
        return ""


def _under(files: Files, docs: Path) -> list[str]:
    """The files under docs/, by their path from there (not the theme's own files)."""
    return [f.src_uri for f in files if f.abs_src_path and Path(f.abs_src_path).is_relative_to(docs)]


def _anchors(files: Files, src: str) -> set[str]:
    found = files.get_file_from_path(src)
    return (found.page.present_anchor_ids or set()) if found and found.page else set()
