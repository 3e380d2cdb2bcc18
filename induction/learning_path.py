"""The learning path: reading times, the home page's route through the sections, and the
"My progress" page's list of pages.

Reading time is worked out from each page's words when the site is built, so it stays true as
trainers edit. A page whose front matter says `in_learning_path: false` (My progress, the
glossary, About this site) is left out of the path and the progress table.

Markers a page can hold: `<!-- learning-path -->` (the home page's list of sections),
`<!-- essentials -->` (the short route before a committee meeting; its pages are listed in
mkdocs.yml under `extra.essentials`) and `<!-- progress-table -->` (the table of pages on My
progress, filled in by docs/javascripts/progress.js from what this browser has done).
hooks/learning_path.py puts them in; the pieces are made here.
"""

from __future__ import annotations

import html
import math
import posixpath
import re

from mkdocs.utils import get_relative_url

from induction.common import DataError, split_front_matter
from induction.nav import nav_item_pages
from induction.text import markdown_text  # titles as text: no HTML, no link of their own

WORDS_PER_MINUTE = 200


def path_pages(sections: list[dict]) -> list[dict]:
    """The pages of the learning path, in order, from its sections."""
    return [page for section in sections for page in section["pages"]]


def check_essentials(essentials: list[str], pages: list[dict]) -> None:
    """Each page `extra.essentials` lists in mkdocs.yml must be on the learning path."""
    known = {p["src"] for p in pages}
    for src in essentials:
        if src not in known:
            raise DataError(
                "mkdocs.yml",
                None,
                f"extra.essentials lists '{src}', which is not in the nav",
                "list pages by their path under docs/, e.g. corporate-parenting.md",
            )


def nav_sections(items) -> list[dict]:
    """Top-level nav entries as sections: {title, pages: [{src, url, title, minutes}]}."""
    sections = []
    for item in items:
        if item.is_page:
            pages = [_page_info(item)]
        elif item.is_section:
            pages = [_page_info(child) for child in nav_item_pages(item.children)]
        else:
            continue
        pages = [p for p in pages if p["in_path"]]
        if not pages:
            continue
        sections.append({"title": item.title, "pages": pages, "minutes": sum(p["minutes"] for p in pages)})
    return sections


def _page_info(page) -> dict:
    source = page.file.content_string
    front, body, _ = split_front_matter(source)
    return {
        "src": page.file.src_uri,
        "url": page.file.url,
        "title": front.get("title") or page.title or page.file.name,
        "minutes": reading_minutes(body),
        "in_path": front.get("in_learning_path", True) is not False,
    }


def reading_minutes(markdown: str) -> int:
    """Minutes to read a page's Markdown at a steady pace, at least one."""
    text = CODE.sub(" ", markdown)
    text = TRAINER_NOTE.sub(" ", text)
    words = len(WORD.findall(text))
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def _rel(target_src: str, from_src: str) -> str:
    return posixpath.relpath(target_src, posixpath.dirname(from_src) or ".")


def _link(page: dict, from_src: str) -> str:
    """A Markdown link to `page`, its title shown exactly as written (no HTML, no link of its own)."""
    return f"[{markdown_text(page['title'])}]({_rel(page['src'], from_src)})"


def learning_path_markdown(sections: list[dict], from_src: str) -> str:
    lines = []
    total = 0
    number = 0
    for section in sections:
        pages = [p for p in section["pages"] if p["src"] != from_src]
        if not pages:
            continue
        number += 1
        minutes = sum(p["minutes"] for p in pages)
        total += minutes
        if len(pages) == 1:
            page = pages[0]
            lines.append(f"{number}. {_link(page, from_src)} (about {minutes} min)")
        else:
            lines.append(f"{number}. **{markdown_text(section['title'])}** (about {minutes} min in all)")
            for page in pages:
                lines.append(f"    - {_link(page, from_src)} (about {page['minutes']} min)")
    lines.append("")
    hours, mins = divmod(total, 60)
    span = f"{hours} hour{'s' if hours != 1 else ''} {mins} minutes" if hours else f"{mins} minutes"
    lines.append(f"Reading everything takes about {span}, not counting the self-checks.")
    return "\n".join(lines)


def essentials_markdown(pages: list[dict], essentials: list[str], from_src: str) -> str:
    by_src = {p["src"]: p for p in pages}
    chosen = [by_src[src] for src in essentials if src in by_src]
    lines = [f"{i}. {_link(p, from_src)} (about {p['minutes']} min)" for i, p in enumerate(chosen, start=1)]
    total = sum(p["minutes"] for p in chosen)
    lines += ["", f"Together: about {total} minutes."]
    return "\n".join(lines)


def progress_table_html(pages: list[dict], from_url: str) -> str:
    """The "My progress" table: one row per page; progress.js fills the status cells."""
    rows = []
    for page in pages:
        href = html.escape(get_relative_url(page["url"] or ".", from_url))
        page_id = html.escape(re.sub(r"^\./|index\.html$", "", page["url"]))
        rows.append(
            f'<tr data-page-id="{page_id}"><td><a href="{href}">{html.escape(page["title"])}</a></td>'
            f'<td data-col="visited">Not yet</td><td data-col="quiz">&ndash;</td></tr>'
        )
    return (
        '<div class="progress-table"><table>'
        "<caption>Your progress, page by page (kept only in this browser)</caption>"
        '<thead><tr><th scope="col">Page</th><th scope="col">Read</th>'
        '<th scope="col">Self-check</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table></div>"
    )


LEARNING_MARKER = "<!-- learning-path -->"
ESSENTIALS_MARKER = "<!-- essentials -->"
PROGRESS_MARKER = "<!-- progress-table -->"
CODE = re.compile(r"```.*?```|`[^`]*`", re.S)
TRAINER_NOTE = re.compile(r"^!!! trainer.*?(?=^\S|\Z)", re.S | re.M)
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
