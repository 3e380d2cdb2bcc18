"""Broken links and links to missing sections, told at the line where the trainer typed the link.

MkDocs finds them (the `validation:` settings in mkdocs.yml) and logs each as a sentence of its
own that names the page but not the line: "Doc file 'services/fostering.md' contains a link
'contacts.md', but the target 'services/contacts.md' is not found among documentation files."
That sentence is all MkDocs gives, so `read_link_warning` reads it back into its parts, the one
place that does, and `link_error` makes it a DataError in the house form, at the line of the page
where the link is typed (outside code), with what to write instead: MkDocs' own guess, or the
nearest file or section there is. hooks/links.py puts it in place of MkDocs' sentence as the build
logs it, so the build, the preview and the content check all tell it in these words.

MkDocs stays the judge of what is broken: a sentence not read here is left as MkDocs wrote it.
"""

from __future__ import annotations

import difflib
import logging
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from mkdocs.utils import get_relative_url

from induction.common import DataError
from induction.front_matter import split_front_matter
from induction.learner_text import without_code_and_comments
from induction.versions import require

require(
    "mkdocs",
    ">=1.6.1,<1.7",
    "induction/links.py's reading of MkDocs' link warnings (WARNINGS): the sentences of "
    "mkdocs/structure/pages.py's _RelativePathTreeprocessor.path_to_url and "
    "Page.validate_anchor_links, its only report of a broken link",
)

# What MkDocs found, one kind per sentence it writes.
MISSING_FILE = "missing file"  # validation: links: not_found
NOT_A_PAGE = "not a page"  # validation: links: unrecognized_links ('services/', 'contacts')
ABSOLUTE = "absolute"  # validation: links: absolute_links ('/contacts.md')
MISSING_ANCHOR = "missing anchor"  # validation: links: anchors


@dataclass(frozen=True)
class LinkWarning:
    """One of MkDocs' link warnings, read: the page (as MkDocs names it, from docs/), the kind,
    the link's address as the page has it, and MkDocs' own guess at what was meant, if any. For a
    missing section, `page` is the page that has no such section and `anchor` the section."""

    src: str
    kind: str
    url: str
    suggestion: str | None = None
    page: str | None = None
    anchor: str | None = None


class LinkMessages(logging.Filter):
    """One build's filter for MkDocs' logger of pages: each link warning rewritten in place into
    the house form, at its line, with the DataError as the record's `problem` (as
    induction.common.warn gives it); its level is kept, so a strict build still counts it.

    `read_raw(src)` gives the text of docs/<src> ("" when it cannot be read), `existing` the
    files under docs/, `anchors_of(src)` the ids on a page."""

    def __init__(
        self,
        read_raw: Callable[[str], str],
        existing: Iterable[str],
        anchors_of: Callable[[str], Iterable[str]],
    ):
        super().__init__()
        self.read_raw, self.existing, self.anchors_of = read_raw, sorted(existing), anchors_of
        self.told: Counter = Counter()  # how many links to each address on each page were told

    def filter(self, record: logging.LogRecord) -> bool:
        warning = read_link_warning(record.getMessage()) if record.levelno > logging.DEBUG else None
        if warning is not None:
            told = self.told[warning.src, warning.url]
            anchors = self.anchors_of(warning.page) if warning.kind == MISSING_ANCHOR else ()
            error = link_error(warning, self.read_raw(warning.src), told, self.existing, anchors)
            self.told[warning.src, warning.url] += 1
            record.msg, record.args, record.problem = "%s", (error,), error
        return True


def read_link_warning(message: str) -> LinkWarning | None:
    """MkDocs' sentence about a broken link, read into its parts; None for any other message."""
    for kind, pattern in WARNINGS:
        if found := pattern.match(message.strip()):
            parts = found.groupdict()
            page, anchor = parts.get("page"), parts.get("anchor")
            if kind == MISSING_ANCHOR and page is None:  # a link to a section of its own page
                page, anchor = parts["src"], urlsplit(parts["url"]).fragment
            return LinkWarning(parts["src"], kind, parts["url"], parts.get("suggestion"), page, anchor)
    return None


def link_error(
    warning: LinkWarning,
    raw: str,
    occurrence: int = 0,
    existing: Iterable[str] = (),
    anchors: Iterable[str] = (),
) -> DataError:
    """The house message for `warning`, on page text `raw` (the file as typed, front matter and
    all): at the line of the `occurrence`-th link to that address (MkDocs warns about each link to
    a missing file, in the page's order), with what to write. `existing` are the files under docs/
    (their paths from there), for the nearest to a missing one; `anchors` the ids on the page a
    missing section was looked for on."""
    display = f"docs/{warning.src}"
    url = warning.url
    problem, todo = _what_and_todo(warning, list(existing), sorted(anchors))
    lines = typed_link_lines(raw, url)
    if not lines:  # added by the build: a self-check, a fact, an included file or a hook
        return DataError(
            display,
            None,
            f"{problem}, and it is not typed in this page",
            "the build added it from what the page takes in: a self-check (quizzes/), a fact "
            "(data/) or a file it includes with --8<--; correct it there",
        )
    return DataError(display, lines[min(occurrence, len(lines) - 1)], problem, todo)


def typed_link_lines(raw: str, url: str) -> list[int]:
    """The lines of a page's text `raw` (front matter included, so they are the file's lines)
    where `url` is typed as a link's address, in order: `[words](url)` or a reference
    `[name]: url`, else `href="url"` (MkDocs checks a tag's link only inside `markdown` blocks, so
    a Markdown link to the same address is the one it means); not in code or a comment, where it
    is shown as typed and links nowhere."""
    _, body, offset = split_front_matter(raw)
    prose = without_code_and_comments(body)
    addresses = "|".join(re.escape(u) for u in dict.fromkeys([url, url.replace("&", "&amp;")]))
    for start in TYPED_LINK_STARTS:
        pattern = re.compile(rf"{start}(?:{addresses}){TYPED_LINK_END}", re.M)
        if found := [offset + prose.count("\n", 0, m.start()) + 1 for m in pattern.finditer(prose)]:
            return found
    return []


def _what_and_todo(warning: LinkWarning, existing: list[str], anchors: list[str]) -> tuple[str, str]:
    url = warning.url
    if warning.kind == MISSING_ANCHOR:
        page = urlsplit(url).path or "this page"
        near = difflib.get_close_matches(warning.anchor, anchors, n=1)
        what = f"the link '{url}' goes to a section '#{warning.anchor}' that is not on {page}"
        if near:
            written = f"{urlsplit(url).path}#{near[0]}"
            return what, f"did you mean '{written}'? {ANCHOR_ADVICE}"
        return what, f"link to a heading that is on that page: {ANCHOR_ADVICE}, e.g. #key-takeaways"
    near = warning.suggestion or _nearest_file(warning, existing)
    did_you_mean = f"did you mean '{near}'? " if near else ""
    if warning.kind == MISSING_FILE:
        what = f"the link '{url}' goes to a file that does not exist"
        if near:
            return what, f"{did_you_mean}links are relative to this page"
        return what, (
            "check the spelling and the folder: links are relative to this page, so from a page in "
            "services/ write ../contacts.md"
        )
    what = f"the link '{url}' does not name a page"
    if warning.kind == ABSOLUTE:
        what = f"the link '{url}' starts with /, so it does not name a page of this site"
    return what, (
        f"{did_you_mean}link to the page's .md file, relative to this page, "
        "e.g. ../contacts.md or services/front-door.md"
    )


def _nearest_file(warning: LinkWarning, existing: list[str]) -> str | None:
    """The file under docs/ a link to a missing one most likely meant, written as a link from the
    page: one of the same name in another folder (a link written from the wrong folder), else one
    spelt nearly the same; None when none is near."""
    address = urlsplit(warning.url)
    path = unquote(address.path)
    if warning.kind == NOT_A_PAGE:
        path = path.rstrip("/") + ".md"
    if warning.kind == ABSOLUTE:  # MkDocs reads it from docs/
        wanted = posixpath.normpath(path.lstrip("/"))
    else:
        wanted = posixpath.normpath(posixpath.join(posixpath.dirname(warning.src), path))
    same_name = [p for p in existing if posixpath.basename(p) == posixpath.basename(wanted)]
    near = difflib.get_close_matches(wanted, same_name, n=1, cutoff=0) or difflib.get_close_matches(
        wanted, existing, n=1, cutoff=0.8
    )
    if not near:
        return None
    return get_relative_url(near[0], warning.src) + (f"#{address.fragment}" if address.fragment else "")


# --- MkDocs' sentences and the way a link is typed ------------------------------------------

_DOC = r"^Doc file '(?P<src>.+?)' contains "
_GUESS = r"(?: Did you mean '(?P<suggestion>.*)'\?)?$"
WARNINGS = [
    (
        MISSING_FILE,
        re.compile(
            _DOC + r"a link '(?P<url>.+?)', but the target(?: '.+?')? is not found among documentation "
            r"files\." + _GUESS,
            re.S,
        ),
    ),
    (
        NOT_A_PAGE,
        re.compile(
            _DOC + r"an unrecognized relative link '(?P<url>.+?)', it was left as is\." + _GUESS, re.S
        ),
    ),
    (ABSOLUTE, re.compile(_DOC + r"an absolute link '(?P<url>.+?)', it was left as is\." + _GUESS, re.S)),
    (
        MISSING_ANCHOR,
        re.compile(
            _DOC + r"a link '(?P<url>.+?)', but (?:there is no such anchor on this page"
            r"|the doc '(?P<page>.+?)' does not contain an anchor '#(?P<anchor>.*)')\.",
            re.S,
        ),
    ),
]
ANCHOR_ADVICE = "a heading's anchor is its words in lower case with hyphens for spaces"
# Where a link's address starts: after `](` (and `<`) or a reference definition's `[name]:` at
# the start of a line; else after `href=` in a tag. It ends at a space, a closing bracket, quote or `>`.
TYPED_LINK_STARTS = (r"(?:\]\(\s*<?|^[ \t]*\[[^\]\n]+\]:[ \t]*<?)", r"\bhref[ \t]*=[ \t]*[\"']?")
TYPED_LINK_END = r"(?=[\s)\"'>]|$)"
