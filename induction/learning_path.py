"""The learning path: reading times, the home page's route through the sections with its
Continue button, and the "My progress" page's list of pages.

Reading time is worked out from each page's words when the site is built, so it stays true as
trainers edit; each learning page shows it under its title. A page whose front matter says
`in_learning_path: false` (My progress, the glossary, About this site) is left out of the path
and the progress table. A page on the path whose front matter says `progress: false` (Start here,
Contacts) stays in the handout's reading order but is not a learning page: it gets no progress
mark and is not counted on My progress or in the completion record.

The learning pages, with the number of self-check questions each has, reach
docs/javascripts/progress.js as JSON on its script tag (`progress_data`, written by
overrides/main.html), so the script never keeps a list of pages of its own. A page is not
started, started (opened) or finished: every self-check question answered correctly at least
once, or, on a page without a self-check, read to the end.

Markers a page can hold: `<!-- learning-path -->` (the home page's list of learning pages; its
Continue button goes straight under the heading above the marker), `<!-- essentials -->` (the
short route before a committee meeting; its pages are listed in mkdocs.yml under
`extra.essentials`) and `<!-- progress-table -->` (the table of learning pages on My progress,
filled in by progress.js from what this browser has done). hooks/learning_path.py puts them
in; the pieces are made here.
"""

from __future__ import annotations

import html
import json
import math
import posixpath
import re

from mkdocs.utils import get_relative_url

from induction.common import DataError, lines_with_code
from induction.front_matter import split_front_matter
from induction.learner_text import learner_lines
from induction.nav import nav_item_pages
from induction.text import markdown_text  # titles as text: no HTML, no link of their own

WORDS_PER_MINUTE = 200


def path_pages(sections: list[dict]) -> list[dict]:
    """The pages of the learning path, in order, from its sections."""
    return [page for section in sections for page in section["pages"]]


def learning_pages(sections: list[dict]) -> list[dict]:
    """The learning pages, in order: the pages of the path that get a progress mark."""
    return [page for page in path_pages(sections) if page.get("marked", True)]


def progress_data(sections: list[dict]) -> str:
    """What progress.js needs to know about the learning pages, as JSON: each page's id (its
    address from the site's root, as the script works it out) and its number of questions."""
    pages = [{"id": page_id(p["url"]), "questions": p.get("questions", 0)} for p in learning_pages(sections)]
    return json.dumps(pages, separators=(",", ":"))


def page_id(url: str) -> str:
    """A page's id for progress.js: its address from the site's root, without `index.html`."""
    return re.sub(r"^\./|index\.html$", "", url)


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


def nav_sections(items, questions: dict[str, int] | None = None) -> list[dict]:
    """Top-level nav entries as sections: {title, pages: [{src, url, title, minutes, questions,
    marked}]}; `questions` gives the number of self-check questions of each page (by src)."""
    questions = questions or {}
    sections = []
    for item in items:
        if item.is_page:
            pages = [_page_info(item, questions)]
        elif item.is_section:
            pages = [_page_info(child, questions) for child in nav_item_pages(item.children)]
        else:
            continue
        pages = [p for p in pages if p["in_path"]]
        if not pages:
            continue
        sections.append({"title": item.title, "pages": pages, "minutes": sum(p["minutes"] for p in pages)})
    return sections


def _page_info(page, questions: dict[str, int]) -> dict:
    source = page.file.content_string
    front, body, _ = split_front_matter(source)
    return {
        "src": page.file.src_uri,
        "url": page.file.url,
        "title": front.get("title") or page.title or page.file.name,
        "minutes": reading_minutes(body),
        "questions": questions.get(page.file.src_uri, 0),
        "in_path": front.get("in_learning_path", True) is not False,
        "marked": front.get("progress", True) is not False,
    }


def reading_minutes(markdown: str) -> int:
    """Minutes to read a page's Markdown at a steady pace, at least one: the words a learner
    reads (no code, trainer notes or comments: induction.learner_text.learner_lines)."""
    text = "\n".join(line for _, line in learner_lines(markdown))
    words = len(WORD.findall(text))
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def _rel(target_src: str, from_src: str) -> str:
    return posixpath.relpath(target_src, posixpath.dirname(from_src) or ".")


def _link(page: dict, from_src: str) -> str:
    """A Markdown link to `page`, its title shown exactly as written (no HTML, no link of its own)."""
    return f"[{markdown_text(page['title'])}]({_rel(page['src'], from_src)})"


def with_reading_time(markdown: str, minutes: int) -> str:
    """The page's Markdown with its reading time under its title (the first `# ` heading outside
    code). Search leaves it out; the handout keeps it."""
    lines = markdown.split("\n")
    for n, line, is_code in lines_with_code(markdown, start=0):
        if not is_code and line.startswith("# "):
            lines[n + 1 : n + 1] = [
                "",
                READING_TIME.format(minutes=minutes, s="" if minutes == 1 else "s"),
                "",
            ]
            break
    return "\n".join(lines)


def with_learning_path(markdown: str, sections: list[dict], from_src: str) -> str:
    """The page's Markdown with its learning path in place of the `<!-- learning-path -->`
    marker, and the Continue button straight under the heading above the marker (before any
    words introducing the list), so that a reader on a phone finds it without scrolling through
    the list. With no heading above the marker, the button goes just before the list."""
    if LEARNING_MARKER not in markdown:
        return markdown
    lines = markdown.split("\n")
    heading = None
    for n, line, is_code in lines_with_code(markdown, start=0):
        if is_code:
            continue
        if line.strip() == LEARNING_MARKER:
            break
        if HEADING.match(line):
            heading = n
    else:
        heading = None  # the marker is only inside code: shown as written, filled in as before
    button = continue_markdown(sections, from_src)
    if heading is None or not button:
        return markdown.replace(LEARNING_MARKER, learning_path_markdown(sections, from_src))
    lines[heading + 1 : heading + 1] = ["", button, ""]
    return "\n".join(lines).replace(LEARNING_MARKER, path_list_markdown(sections, from_src))


def learning_path_markdown(sections: list[dict], from_src: str) -> str:
    """The home page's learning path as one piece: the Continue button, then the list of pages."""
    button = continue_markdown(sections, from_src)
    listing = path_list_markdown(sections, from_src)
    return f"{button}\n\n{listing}" if button else listing


def continue_markdown(sections: list[dict], from_src: str) -> str:
    """The Continue button, which goes to the first learning page until progress.js points it at
    the first one not finished, and the line that replaces it once every page is finished; ""
    when there is no learning page to go to."""
    first = next((p for p in learning_pages(sections) if p["src"] != from_src), None)
    if first is None:
        return ""
    button = CONTINUE.format(title=markdown_text(first["title"]), href=_rel(first["src"], from_src))
    return button + "\n\n" + DONE.format(record=_rel(PROGRESS_PAGE, from_src) + "#completion-record")


def path_list_markdown(sections: list[dict], from_src: str) -> str:
    """The list of the learning path: each learning page with its reading time (progress.js adds
    its mark to each link of class learning-path__page), and the time to read them all."""
    lines = []
    total = 0
    number = 0
    for section in sections:
        pages = [p for p in section["pages"] if p["src"] != from_src and p.get("marked", True)]
        if not pages:
            continue
        number += 1
        minutes = sum(p["minutes"] for p in pages)
        total += minutes
        if len(pages) == 1:
            page = pages[0]
            lines.append(f"{number}. {_link(page, from_src)}{PATH_PAGE} (about {minutes} min)")
        else:
            lines.append(f"{number}. **{markdown_text(section['title'])}** (about {minutes} min in all)")
            for page in pages:
                lines.append(f"    - {_link(page, from_src)}{PATH_PAGE} (about {page['minutes']} min)")
    lines.append("")
    lines.append(f"Reading everything takes about {duration(total)}, not counting the self-checks.")
    return "\n".join(lines)


def duration(minutes: int) -> str:
    """A number of minutes in words: "2 hours", "1 hour 1 minute", "45 minutes" (no zero part,
    "0 minutes" only for nothing at all)."""
    hours, mins = divmod(minutes, 60)
    parts = [
        f"{count} {unit}{'' if count == 1 else 's'}"
        for count, unit in ((hours, "hour"), (mins, "minute"))
        if count
    ]
    return " ".join(parts) or "0 minutes"


def essentials_markdown(pages: list[dict], essentials: list[str], from_src: str) -> str:
    by_src = {p["src"]: p for p in pages}
    chosen = [by_src[src] for src in essentials if src in by_src]
    lines = [f"{i}. {_link(p, from_src)} (about {p['minutes']} min)" for i, p in enumerate(chosen, start=1)]
    total = sum(p["minutes"] for p in chosen)
    lines += ["", f"Together: about {duration(total)}."]
    return "\n".join(lines)


def progress_table_html(pages: list[dict], from_url: str) -> str:
    """The "My progress" table: one row per learning page; progress.js fills the status cells. Not
    in the search: its text is the menu's page titles run together, with dashes until it is filled."""
    rows = []
    for page in pages:
        href = html.escape(get_relative_url(page["url"] or ".", from_url))
        questions = page.get("questions", 0)
        rows.append(
            f'<tr data-page-id="{html.escape(page_id(page["url"]))}" data-questions="{questions}">'
            f'<td><a href="{href}">{html.escape(page["title"])}</a></td>'
            f'<td data-col="state">&ndash;</td><td data-col="quiz">&ndash;</td></tr>'
        )
    return (
        '<div class="progress-table" data-search-exclude><table>'
        '<caption>Your progress, page by page<span class="outside-lms" data-search-exclude>'
        " (kept only in this browser)</span></caption>"
        '<thead><tr><th scope="col">Page</th><th scope="col">Progress</th>'
        '<th scope="col">Self-check questions answered correctly</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table></div>"
    )


PROGRESS_PAGE = "progress.md"  # My progress, with the completion record
READING_TIME = '<p class="reading-time" data-search-exclude>About {minutes} minute{s} to read</p>'
PATH_PAGE = "{ .learning-path__page }"
# The Continue button and the line that replaces it are for the screen only: not in the handout,
# nor in the search (which would show them as the Start here page's text).
CONTINUE = (
    "[Start with {title}]({href}){{ .md-button .md-button--primary #learning-continue }}\n"
    '{{ data-handout-exclude="" data-search-exclude="" }}'
)
DONE = (
    '<p class="learning-path__done" id="learning-done" hidden data-handout-exclude data-search-exclude '
    "markdown>You have finished every learning page. [See your completion record]({record})</p>"
)
LEARNING_MARKER = "<!-- learning-path -->"
ESSENTIALS_MARKER = "<!-- essentials -->"
PROGRESS_MARKER = "<!-- progress-table -->"
HEADING = re.compile(r"#{1,6}(\s|$)")  # an ATX heading at the start of a line
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
