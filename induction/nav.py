"""The site's menu, walked once here for everyone: the `nav:` setting as mkdocs.yml writes it
(lists, one-key mappings and paths), and the navigation MkDocs builds from it (pages, sections
and links)."""

from __future__ import annotations

from collections.abc import Iterator


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
