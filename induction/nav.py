"""The site's menu, walked once here for everyone: the `nav:` setting as mkdocs.yml writes it
(lists, one-key mappings and paths), and the navigation MkDocs builds from it (pages, sections
and links)."""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from induction.common import check_keys_once, read_source, relative_display


def nav_setting_pages(nav, section: str | None = None) -> Iterator[tuple[str, str]]:
    """(title, path) of every entry in mkdocs.yml's `nav:` setting, in order: a path written with
    no title of its own takes its section's title, or, outside any section, the path itself."""
    for item in nav if isinstance(nav, list) else [nav]:
        if isinstance(item, str):
            yield section or item, item
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    yield title, value
                elif isinstance(value, (list, dict)):
                    yield from nav_setting_pages(value, title)


def nav_paths(nav) -> list[str]:
    """The paths in mkdocs.yml's `nav:` setting, in order."""
    return [path for _, path in nav_setting_pages(nav or [])]


def nav_items(items) -> Iterator:
    """Every item of MkDocs' navigation (or a section's children), each before its children."""
    for item in items or ():
        yield item
        yield from nav_items(getattr(item, "children", None))


def nav_item_pages(items) -> Iterator:
    """The pages of MkDocs' navigation (or a section's children), in menu order."""
    return (item for item in nav_items(items) if item.is_page)


def missing_nav_pages(settings: Iterable[tuple[str, yaml.Node | None]], pages: set[str]):
    """(settings file, line, path, close match or None) for each page the `nav:` setting lists
    that is not among `pages` (the documentation pages' paths), in the first of `settings` (the
    (name, YAML node tree) pairs of induction.pages.settings_files) that has a `nav:`.
    Addresses (https://...) and anything not ending in .md are left to MkDocs."""
    for display, root in settings:
        pairs = root.value if isinstance(root, yaml.MappingNode) else []
        nav = next((value for key, value in pairs if key.value == "nav"), None)
        if nav is None:
            continue
        for node in (value for _, value in nav_entries(nav) if isinstance(value, yaml.ScalarNode)):
            path = node.value
            if path.endswith(".md") and "://" not in path and posixpath.normpath(path) not in pages:
                close = difflib.get_close_matches(
                    path, sorted(pages), n=1, cutoff=0.85
                )  # a slip, not another page
                yield display, node.start_mark.line + 1, path, close[0] if close else None
        return


def nav_entries(node: yaml.Node | None) -> Iterator[tuple[yaml.ScalarNode | None, yaml.Node]]:
    """Each entry of a `nav:` node tree as mkdocs.yml writes it, in order, a section before its
    entries: (its title's node, or None for a path written alone; its value's node: a path, an
    address or the section's list)."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from nav_entries(item)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key, value
            if not isinstance(value, yaml.ScalarNode):
                yield from nav_entries(value)
    elif node is not None:
        yield None, node


def settings_chain(config_file: str | Path) -> Iterator[tuple[Path, str, yaml.Node | None]]:
    """(path, name as messages give it, YAML node tree) of the settings file and of each file it
    takes settings from with `INHERIT:`, in that order; a DataError at a key written twice."""
    path = Path(config_file).resolve()
    root, seen = path.parent, set()
    while path not in seen and path.is_file():
        seen.add(path)
        display = relative_display(path, root)
        node = check_keys_once(read_source(path, display), display)
        yield path, display, node
        pairs = node.value if isinstance(node, yaml.MappingNode) else []
        inherit = [value.value for key, value in pairs if key.value == "INHERIT" and value.id == "scalar"]
        if not inherit:
            return
        path = (path.parent / inherit[0]).resolve()
