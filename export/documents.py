"""The handout and the trainer pack, made from the pages of the built offline site.

Both documents are made from the HTML that learners get, not from a second copy of the content,
so the handout always has the same pages, the same self-check questions and the same glossary as
the site. For each learning page the article is taken out of the built page, tidied for paper
(buttons, scripts and self-link icons removed, details blocks opened, tabs laid out one after
another), its self-check questions are read from mkdocs-quiz's HTML and replaced by worksheets
without answers, and its links are rewritten so that they work inside one document. The answer
key in the trainer pack is made from the same questions.
"""

from __future__ import annotations

import copy
import functools
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, SoupStrainer, Tag
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from selectolax.lexbor import LexborHTMLParser

from induction.common import DataError
from induction.glossary import DEFINITION_CLASS, ENTRY_CLASS, PAGE_LINK_CLASS
from induction.quizzes import quiz_file_name
from induction.versions import require

require(
    "mkdocs-material",
    "==9.8.1",
    "export/documents.py's reading of Material's page HTML: the page's <article class="
    "'md-content__inner'> of its base.html (article_of) and the edit and view buttons "
    "(.md-content__button) it leaves off paper (SCREEN_ONLY)",
)
require(
    "pymdown-extensions",
    "==13.1",
    "export/documents.py's flatten_tabs, which reads pymdownx.tabbed's alternate-style markup: "
    "div.tabbed-set, its labels (:scope > .tabbed-labels > label) and its blocks "
    "(:scope > .tabbed-content > .tabbed-block), one label per block in the same order",
)
require(
    "mkdocs-quiz",
    "==1.7.1",
    "export/documents.py's reading of mkdocs-quiz's quiz HTML (read_questions, _blank_versions, "
    "replace_quizzes): div.quiz (with quiz-fill-blank for a fill-in blank), .quiz-question, "
    "input.quiz-blank-input and its data-answer, each answer a div under the fieldset holding an "
    "input (data-correct='true' when right; type checkbox when several are), its label and "
    ".answer-feedback, and section.content for the explanation; and the parts SCREEN_ONLY leaves off "
    "paper: #quiz-progress-sidebar, #quiz-progress-mobile, .quiz-intro, .quiz-results, "
    "a.quiz-header-link and .quiz-number",
)

TEMPLATES = Path(__file__).resolve().parent / "templates"
PRINT_WORDING = "data-print"  # an element's words on paper, in every handout ("" leaves it out)
ESSENTIALS_WORDING = "data-essentials"  # ... in the Essentials handout, which holds parts of pages
# Words that send a reader somewhere, "..." standing for the place (after "the", if any): in the
# Essentials handout, which holds only parts of the pages, such a place must be one it holds (the
# export and the test of the printed Essentials read this one list: pointing_patterns)
POINTING_ANYWHERE = (  # before a link or a name written without one
    "see ...",
    "see also ...",
    "read ...",
    "go to ...",
    "look at ...",
    "turn to ...",
    "find out more in ...",
    "find out more on ...",
    "the ... page",
    "the ... section",
)
POINTING_BEFORE_A_LINK = (  # only before a link: "the admin teams are in Business Support" is not one
    "is in ...",
    "are in ...",
    "explained in ...",
    "set out in ...",
    "covered in ...",
)
POINTING_WORDS = POINTING_ANYWHERE + POINTING_BEFORE_A_LINK


@dataclass
class Option:
    html: str
    text: str
    correct: bool
    feedback_html: str = ""


@dataclass
class Question:
    """One self-check question as learners see it on the site."""

    page: str  # the page's source file under docs/, e.g. services/front-door.md
    number: int  # 1, 2, ... in page order
    kind: str  # "one" (pick one), "several" (tick all that apply) or "blank" (fill in the blank)
    question_html: str  # for a blank: the sentence with empty blanks
    answer_html: str  # for a blank: the sentence with the answers written in
    text: str  # the question as plain text
    options: list[Option]
    explanation_html: str = ""
    explanation_text: str = ""
    blanks: list[str] = field(default_factory=list)

    @property
    def correct(self) -> list[Option]:
        return [option for option in self.options if option.correct]


@dataclass
class Page:
    """A page of the handout: where it comes from, and its content ready to print."""

    src: str  # e.g. services/front-door.md
    url: str  # the built file, e.g. services/front-door.html
    title: str
    section: str | None = None  # the nav section it sits in, when that has several pages
    html: str = ""
    questions: list[Question] = field(default_factory=list)
    raw_quiz_tags: int = 0  # quiz tags that reached the page as text (an unclosed <quiz>)
    ids: set[str] = field(default_factory=set)  # the anchors on the page, once in the document
    links: list[tuple[str, str]] = field(default_factory=list)  # (link text, "#anchor") to check

    @property
    def anchor(self) -> str:
        return page_anchor(self.url)


# --- whole pages ---------------------------------------------------------------------------


def prepare_page(
    page: Page,
    html_text: str,
    anchors: dict[str, str],
    asset_prefix: str,
    worksheet: Callable[..., str],
) -> Page:
    """Fill `page.html` (the article ready for the handout) and `page.questions` from a built page.

    `anchors` maps the built file of every page in the document to its anchor, so links between
    them become links inside the document; `asset_prefix` leads from the document to the site
    folder (for images and stylesheets); `worksheet` renders one question without its answers.
    """
    article = article_of(html_text, page.url)
    page.raw_quiz_tags = raw_quiz_tags(article)
    clean_article(article)
    print_wording(article)
    open_details(article)
    glossary_columns(article)
    flatten_tabs(article)
    label_table_cells(article)
    relink(article, page.url, anchors, asset_prefix)
    page.questions = read_questions(article, page.src)
    replace_quizzes(article, [worksheet(q) for q in page.questions])
    tags = article.find_all(True)
    page.ids = {str(tag["id"]) for tag in tags if tag.has_attr("id")}
    page.links = [
        (tag.get_text(" ", strip=True), str(tag["href"]))
        for tag in tags
        if tag.name == "a" and str(tag.get("href", "")).startswith("#")
    ]
    page.html = article.decode_contents().strip()
    return page


def article_of(html_text: str, where: str = "page") -> Tag:
    soup = BeautifulSoup(html_text, "lxml", parse_only=SoupStrainer("article"))  # twice as fast
    article = soup.find("article", class_="md-content__inner")  # (soupsieve: 4 ms a page)
    if article is None:
        raise ValueError(
            f"{where}: no <article class='md-content__inner'> (is this a page built by Material?)"
        )
    return article


def clean_article(article: Tag) -> None:
    """Remove what only makes sense on screen, and anything an author marked to leave out."""
    for comment in article.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()  # (mkdocs-quiz's embed_source kept each quiz's answers in one)
    for tag in article.find_all(_SCREEN_ONLY):
        tag.decompose()


def print_wording(article: Tag, attribute: str = PRINT_WORDING) -> None:
    """Words for screen readers of the site only, given their paper form: an element with
    `data-print="..."` (attr_list: `{ data-print="..." }` after a paragraph) shows that text
    instead; `data-print=""` leaves the element out of print. The Essentials handout, which holds
    only parts of the pages, reads `data-essentials` the same way (ESSENTIALS_WORDING), after
    `data-print`."""
    for tag in article.find_all(attrs={attribute: True}):  # ([attribute] in soupsieve: 0.25 s an export)
        text = str(tag[attribute]).strip()
        if not text:
            tag.decompose()
            continue
        tag.clear()
        tag.append(text)
        del tag[attribute]


def glossary_columns(article: Tag) -> None:
    """The Glossary page's entries, from the first letter heading on, in one block that
    print.css sets in two columns."""
    first = article.find("h3", class_=ENTRY_CLASS)
    if first is None:
        return
    start = first
    for heading in first.find_all_previous("h2"):
        start = heading
        break
    body = BeautifulSoup("", "lxml").new_tag("div", attrs={"class": "glossary-body"})
    start.insert_before(body)
    for sibling in list(body.next_siblings):
        body.append(sibling.extract())


def open_details(article: Tag) -> None:
    for details in article.find_all("details"):
        details["open"] = ""


def flatten_tabs(article: Tag) -> None:
    """Content tabs (pymdownx.tabbed, alternate style): every tab, each under its label."""
    for tabbed in article.find_all("div", class_="tabbed-set"):
        labels = [label.get_text(" ", strip=True) for label in children_at(tabbed, ".tabbed-labels", "label")]
        blocks = children_at(tabbed, ".tabbed-content", ".tabbed-block")
        flat = BeautifulSoup("", "lxml").new_tag("div", attrs={"class": "tabs-printed"})
        for label, block in zip(labels, blocks, strict=False):
            title = BeautifulSoup("", "lxml").new_tag("p", attrs={"class": "tab-title"})
            title.string = label
            flat.append(title)
            block.name = "div"
            block["class"] = ["tab-printed"]
            flat.append(block.extract())
        tabbed.replace_with(flat)


def children_at(tag: Tag, *path: str) -> list[Tag]:
    """The elements reached from `tag` a child at a time, one step per name in `path` (a tag, or
    ".x" for a class): children_at(table, "thead", "tr", "th") is soupsieve's
    table.select(":scope > thead > tr > th"), ten times faster."""
    found = [tag]
    for step in path:
        want = {"class_": step[1:]} if step.startswith(".") else {"name": step}
        found = [child for parent in found for child in parent.find_all(recursive=False, **want)]
    return found


def label_table_cells(article: Tag) -> None:
    """Give each cell of a table of WIDE_TABLE or more columns its column's heading
    (`data-label`), and mark the table `data-wide`: in large print such a table is set out a row
    at a time, each cell under its heading (print.css), since its columns cannot fit on A4."""
    for table in article.find_all("table"):
        headings = [th.get_text(" ", strip=True) for th in children_at(table, "thead", "tr", "th")]
        if len(headings) < WIDE_TABLE:
            continue
        table["data-wide"] = ""
        for row in children_at(table, "tbody", "tr"):
            for heading, cell in zip(headings, row.find_all(["td", "th"], recursive=False), strict=False):
                cell["data-label"] = heading


# --- links ---------------------------------------------------------------------------------


def page_anchor(url: str) -> str:
    """The anchor of a page in a combined document: services/front-door.html -> p-services-front-door."""
    stem = url[: -len(".html")] if url.endswith(".html") else url
    return "p-" + "-".join(part for part in stem.replace("/", "-").split("-") if part)


def resolve(href: str, page_url: str) -> tuple[str, str] | None:
    """(target file relative to the site root, fragment) for a link inside the site, else None."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return page_url, parts.fragment
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path))
    if path.endswith("/") or target == ".":
        target = posixpath.join("" if target == "." else target, "index.html")
    return target, parts.fragment


def relink(article: Tag, page_url: str, anchors: dict[str, str], asset_prefix: str) -> None:
    """Make ids unique in the document, point links at the document's own anchors, fix image paths.

    A link to a page that is in the document goes to that page's anchor (and heading); a link to
    anything else in the site (a page left out, a file) is unwrapped to plain text, because a
    printed page cannot follow it. Links to other sites, phone numbers and email stay.
    """
    prefix = anchors[page_url]
    for tag in article.find_all(True):  # one walk (each step below touches its own attributes)
        if tag.has_attr("id"):
            tag["id"] = f"{prefix}--{tag['id']}"
        for attr in ID_REFERENCES:
            if tag.has_attr(attr):
                tag[attr] = " ".join(f"{prefix}--{ref}" for ref in str(tag[attr]).split())
        if tag.name == "a" and tag.has_attr("href"):
            target = resolve(str(tag["href"]), page_url)
            if target is None:
                continue
            path, fragment = target
            if path in anchors:
                tag["href"] = "#" + (f"{anchors[path]}--{fragment}" if fragment else anchors[path])
            else:
                tag.unwrap()
        elif tag.name in ("img", "source") and tag.has_attr("src"):
            target = resolve(str(tag["src"]), page_url)
            if target is not None:
                tag["src"] = asset_prefix + target[0]
            tag.attrs.pop("loading", None)  # lazy images may not be loaded when the page is printed


ID_REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls")  # attributes naming ids


def broken_links(pages: list[Page]) -> list[DataError]:
    """Links in the document whose anchor is on no page of it (e.g. a glossary term that lost its
    entry), each a DataError naming the page."""
    ids = {page.anchor for page in pages}.union(*(page.ids for page in pages))
    return [
        DataError(
            f"docs/{page.src}",
            None,
            f"the link '{text}' goes to #{href[1:]}, which is not in the handout",
            "the handout holds the learning pages and the Glossary: link to a heading on one of "
            "them, or put back the heading or glossary entry the link went to",
        )
        for page in pages
        for text, href in page.links
        if href[1:] not in ids
    ]


@functools.lru_cache(maxsize=4096)  # the same text goes into the standard and large-print copies
def drop_internal_links(html: str) -> str:
    """Unwrap links to anchors in a document (for text moved into another document)."""
    if "#" not in html:  # most texts: no link to an anchor (0.1 s an export, parsing them all)
        return html
    soup = BeautifulSoup(html, "html.parser")
    for link in soup.find_all("a", href=True):
        if str(link["href"]).startswith("#"):
            link.unwrap()
    return str(soup)


def note_html(html: str, page_url: str) -> str:
    """A trainer note's HTML for the trainer pack: links into the site become plain text."""
    soup = BeautifulSoup(html, "html.parser")
    for link in soup.find_all("a", href=True):
        if resolve(str(link["href"]), page_url) is not None:
            link.unwrap()
    for tag in soup.find_all(id=True):
        del tag["id"]
    return str(soup)


# --- parts of pages, for the Essentials handout ---------------------------------------------


def section_html(page_html: str, heading: str) -> str | None:
    """The content under the heading `heading` (any level, capitals ignored) of a prepared page,
    up to the next heading of the same or a higher level, without ids; None when there is none."""
    soup = _parsed(page_html)
    wanted = heading.casefold()
    for tag in soup.find_all(HEADINGS):
        if tag.get_text(" ", strip=True).rstrip("¶").strip().casefold() != wanted:
            continue
        parts = []
        for sibling in tag.next_siblings:
            if isinstance(sibling, Tag) and sibling.name in HEADINGS[: HEADINGS.index(tag.name) + 1]:
                break
            parts.append(sibling)
        body = BeautifulSoup("".join(str(part) for part in parts), "html.parser")
        for marked in body.find_all(id=True):
            del marked["id"]
        return str(body).strip()
    return None


def heading_anchor(page_html: str, heading: str) -> str | None:
    """The id of the heading `heading` (any level, capitals ignored) of a prepared page."""
    wanted = heading.casefold()
    for tag in _parsed(page_html).find_all(HEADINGS, id=True):
        if tag.get_text(" ", strip=True).rstrip("¶").strip().casefold() == wanted:
            return str(tag["id"])
    return None


def heading_names(page: Page) -> dict[str, set[str]]:
    """{anchor in the handout: the names a link to it may give} for a prepared page: its title
    for the page, and the title or the heading's own words for each heading (a glossary entry's
    headword is a word, not a place, and is left out)."""
    names = {page.anchor: {page.title.casefold()}}
    for tag in _parsed(page.html).find_all(HEADINGS, id=True):
        if ENTRY_CLASS not in tag.get("class", []):
            words = tag.get_text(" ", strip=True).rstrip("¶").strip().casefold()
            names[str(tag["id"])] = {page.title.casefold(), words}
    return names


@dataclass(frozen=True)
class Place:
    """A part of a page that the Essentials handout holds, as it is there."""

    anchor: str  # the id of its heading in the Essentials
    heading: str  # that heading's words, e.g. "What to do" or "Fostering: Key takeaways"


def pointing_patterns(name: str, words: str, phrases: tuple[str, ...] = POINTING_WORDS) -> list[re.Pattern]:
    """One pattern for each of `phrases`, its place a group "place": `name` (a regex) after
    the words that come before it ("see ..."), `words` between the words around it ("the ...
    page"). The pointing words match in any capitals; the place as its regex says."""
    patterns = []
    for phrase in phrases:
        before, _, after = (" ".join(side.split()) for side in phrase.partition("..."))
        the = "" if before.endswith("the") else r"(?:the\s+)?"
        pattern = rf"(?i:\b{re.escape(before)}\s+{the})(?P<place>{words if after else name})"
        if after:
            pattern += rf"(?i:\s+{re.escape(after)}\b)(?!\s*\d)"  # not "section 17" of an Act
        patterns.append(re.compile(pattern.replace(r"\ ", r"\s+")))
    return patterns


LINK_MARK = "\x00"  # a link's place in its sentence, when judging whether the sentence sends the reader to it
_SENDS_TO_LINK = pointing_patterns(LINK_MARK, LINK_MARK)
_PLACE_WORD = re.compile(r"\s+(page|section)$", re.I)  # a link's own words "the [front door page]"
_BLOCKS = ["p", "li", "td", "th", "dd", "dt"]


def _sentence(tag) -> str:
    """The words of the paragraph, list item or table cell `tag` is in."""
    return " ".join((tag.find_parent(_BLOCKS) or tag).get_text().split())


_ENDS_HERE = re.compile(r"[^\w.;:!?]*(?:[.;:!?]|$)")  # nothing but punctuation to the end of the sentence


def _sends_reader(link: Tag, words: str) -> bool:
    """Whether the words around `link` (POINTING_WORDS) send the reader to where it goes: pointing
    words before it ("see", "read", "is in") and nothing but punctuation after it to the end of
    its sentence ("go to [the steps]."), or "the [link] page" / "the [link] section" and nothing
    but punctuation after that ("on the [Contacts] page."). Not a link that is ordinary words of
    the sentence after them: "see [Children in care] on their own", "read the [Early help] page
    notes", "explained in [Corporate parenting] training"."""
    block = link.find_parent(_BLOCKS) or link.parent or link
    before, after, seen = [], [], False
    for piece in block.find_all(string=True):
        if any(parent is link for parent in piece.parents):
            seen = True
        elif seen:
            after.append(str(piece))
        else:
            before.append(str(piece))
    place_word = _PLACE_WORD.search(words)  # its own words "the [front door page]"
    text = " ".join(f"{''.join(before)} {LINK_MARK}{' page' if place_word else ''} {''.join(after)}".split())
    for phrase, pattern in zip(POINTING_WORDS, _SENDS_TO_LINK, strict=True):
        match = pattern.search(text)
        rest = text[match.end() :] if match else ""
        if place_word and phrase.endswith("..."):
            rest = rest.removeprefix(" page")
        if match and _ENDS_HERE.match(rest):
            return True
    return False


def _named_places_not_held(text: str, names: set[str]) -> list[str]:
    """The names in `names` (casefolded) that pointing words in `text` send the reader to, each
    written as a name is (with a capital)."""
    if not names:
        return []
    found = []
    for pattern in _place_patterns(frozenset(names)):
        for match in pattern.finditer(text):
            if match.group("place")[:1].isupper() and match.group("place") not in found:
                found.append(match.group("place"))
    return found


@functools.cache
def _place_patterns(names: frozenset[str]) -> list[re.Pattern]:
    """pointing_patterns for any of `names`, made once for each set of names (one export judges
    hundreds of pieces of text against the same few sets)."""
    choice = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return pointing_patterns(rf"(?i:{choice})\b", rf"(?i:{choice})", POINTING_ANYWHERE)


def essentials_html(part_html: str, places: dict[str, Place], names: dict[str, set[str]]):
    """A part of a prepared page as the Essentials prints it, and [(sentence, words)] for each
    place in it that sends its reader to a page or section the Essentials does not hold.

    Its Essentials wording (`data-essentials`) is used first. Then a sentence is judged by its
    pointing words (POINTING_WORDS: "see ...", "read ...", "the ... page"), not by its links'
    words. A link they send the reader along (to a page or section of the handout, `names` by its
    anchor; its sentence ending with it or with "the [link] page": _sends_reader) goes, when the
    Essentials holds that place or a part of that page (`places`, by the
    handout's anchor), to the Essentials' own heading, said instead of the link's words (class
    xref: the print shows the page it is on); when it does not, the sentence is returned, to be
    given an Essentials wording. So are pointing words (POINTING_ANYWHERE, not "is in" ...)
    before a page's title or a heading's words (with a capital) that the Essentials does not
    hold, written without a link. Every
    other link is unwrapped to its words."""
    soup = BeautifulSoup(part_html, "html.parser")
    print_wording(soup, ESSENTIALS_WORDING)
    held = set().union(*(names.get(anchor, set()) for anchor in places))
    not_held = set().union(*(found for anchor, found in names.items() if anchor not in places)) - held
    not_held = {name for name in not_held if len(name) > 1}  # not the Glossary's letters
    stray = []
    for piece in soup.find_all(string=True):
        if piece.find_parent("a") is None:
            stray += [(_sentence(piece), name) for name in _named_places_not_held(str(piece), not_held)]
    for link in soup.find_all("a", href=True):
        href = str(link["href"])
        if not href.startswith("#"):
            continue
        words = " ".join(link.get_text(" ", strip=True).split())
        if href[1:] not in names or not _sends_reader(link, words):
            link.unwrap()  # a word of the sentence, a glossary term: its words
            continue
        place = places.get(href[1:])
        if place is None:
            stray.append((_sentence(link), words))
            link.unwrap()
            continue
        _drop_the_place_words(link)
        link["href"] = f"#{place.anchor}"
        link["class"] = "xref"
        link.string = place.heading
    return str(soup).strip(), stray


def _drop_the_place_words(link: Tag) -> None:
    """Leave out the "the" before a link and the "page" or "section" after it ("see the [Contacts]
    page"): the link is to be the Essentials' own heading and the page it is on."""
    before, after = link.previous_sibling, link.next_sibling
    if isinstance(before, NavigableString) and not isinstance(before, Comment):
        before.replace_with(re.sub(r"\b[Tt]he\s+$", "", str(before)))
    if isinstance(after, NavigableString) and not isinstance(after, Comment):
        after.replace_with(re.sub(r"^\s+(?i:page|section)\b", "", str(after)))


@functools.lru_cache(maxsize=64)  # several parts are taken from one page: read it once
def _parsed(page_html: str) -> BeautifulSoup:
    """A prepared page, parsed (read only: section_html copies what it takes; lxml is the faster)."""
    return BeautifulSoup(page_html, "lxml")


def glossary_entries(glossary_html: str, names: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """([(headword, definition HTML)] for `names` in their order, [names not in the glossary]).

    The definition is the entry's expansion and text as the Glossary page shows them, without
    its lists of pages (those are links to pages, not part of what the word means)."""
    wanted = {name.casefold() for name in names}
    entries = {}
    for heading in _parsed(glossary_html).find_all("h3", class_=ENTRY_CLASS):  # read only: see copy
        headword = heading.get_text(" ", strip=True).rstrip("¶").strip()
        definition = heading.find_next_sibling("div", class_=DEFINITION_CLASS)
        if definition is None or headword.casefold() not in wanted:  # ten of them, not all
            continue
        definition = copy.copy(definition)  # a copy of the tree below it, to take parts out of
        for paragraph in definition.find_all("p"):
            if paragraph.select_one(f"a.{PAGE_LINK_CLASS}"):
                paragraph.decompose()
        for marked in definition.find_all(id=True):
            del marked["id"]
        entries[headword.casefold()] = (headword, definition.decode_contents().strip())
    found = [entries[name.casefold()] for name in names if name.casefold() in entries]
    return found, [name for name in names if name.casefold() not in entries]


# --- self-check questions ------------------------------------------------------------------


def read_questions(article: Tag, src: str) -> list[Question]:
    """The page's self-check questions, from mkdocs-quiz's HTML, in page order."""
    questions = []
    for number, quiz in enumerate(article.find_all("div", class_="quiz"), start=1):
        body = quiz.find(class_="quiz-question")
        question_html = body.decode_contents().strip() if body else ""
        answer_html = question_html
        blanks: list[str] = []
        options: list[Option] = []
        if "quiz-fill-blank" in quiz.get("class", []):
            kind = "blank"
            blanks = [
                str(i.get("data-answer", "")) for i in body.find_all("input", class_="quiz-blank-input")
            ]
            question_html, answer_html, text = _blank_versions(body)
        else:
            text = plain(body)
            fieldsets = quiz.find_all("fieldset")
            inputs = [i for fieldset in fieldsets for i in fieldset.find_all("input")]
            kind = "several" if any(i.get("type") == "checkbox" for i in inputs) else "one"
            for wrapper in (
                div for fieldset in fieldsets for div in fieldset.find_all("div", recursive=False)
            ):
                field_input = wrapper.find("input")
                label = wrapper.find("label")
                feedback = wrapper.find(class_="answer-feedback")
                options.append(
                    Option(
                        html=label.decode_contents().strip() if label else "",
                        text=plain(label),
                        correct=bool(field_input and field_input.get("data-correct") == "true"),
                        feedback_html=feedback.decode_contents().strip() if feedback else "",
                    )
                )
        content = quiz.find("section", class_="content")
        questions.append(
            Question(
                page=src,
                number=number,
                kind=kind,
                question_html=question_html,
                answer_html=answer_html,
                text=text,
                options=options,
                explanation_html=content.decode_contents().strip() if content else "",
                explanation_text=plain(content),
                blanks=blanks,
            )
        )
    return questions


def _blank_versions(body: Tag) -> tuple[str, str, str]:
    """(worksheet HTML with empty blanks, HTML with the answers written in, plain text)."""
    empty = BeautifulSoup(body.decode_contents(), "html.parser")
    filled = BeautifulSoup(body.decode_contents(), "html.parser")
    for field_input in empty.find_all("input", class_="quiz-blank-input"):
        blank = empty.new_tag("span", attrs={"class": "blank", "role": "img", "aria-label": "blank"})
        field_input.replace_with(blank)
    for field_input in filled.find_all("input", class_="quiz-blank-input"):
        answer = filled.new_tag("strong", attrs={"class": "blank-answer"})
        answer.string = str(field_input.get("data-answer", ""))
        field_input.replace_with(answer)
    text = " ".join(empty.get_text(" ", strip=True).split())
    return str(empty).strip(), str(filled).strip(), text


def replace_quizzes(article: Tag, rendered: list[str]) -> None:
    """Put a worksheet (already rendered HTML) in place of each quiz, in order, and keep them on
    paper two by two, so that no sheet holds one question alone: each run of worksheets is cut
    into pairs from its end, each pair one block (the last one marked worksheet-pair--last) that
    print.css keeps on one sheet; when a run is odd, its first worksheet stays outside and
    print.css keeps it with what comes before it (the heading and the text above)."""
    # All of a page's worksheets are read in one go, each in a wrapper element (a reading of each
    # alone took three times as long: most of it was BeautifulSoup's own). No worksheet can close
    # a wrapper: each is BeautifulSoup's writing of a parsed page (tags balanced, every < in text
    # or attributes escaped), from which clean_article has taken comments, scripts and styles.
    wrapped = "".join(f"<{WORKSHEET_WRAPPER}>{html}</{WORKSHEET_WRAPPER}>" for html in rendered)
    sheets = BeautifulSoup(wrapped, "html.parser").find_all(WORKSHEET_WRAPPER, recursive=False)
    for quiz, sheet in zip(article.find_all("div", class_="quiz"), sheets, strict=True):
        quiz.replace_with(*list(sheet.contents))
    for run in worksheet_runs(article.find_all(class_="worksheet")):
        odd = len(run) % 2
        for first, second in zip(run[odd::2], run[odd + 1 :: 2], strict=True):
            last = " worksheet-pair--last" if second is run[-1] else ""
            pair = BeautifulSoup("", "html.parser").new_tag("div", attrs={"class": "worksheet-pair" + last})
            first.insert_before(pair)
            pair.append(first.extract())
            pair.append(second.extract())


WORKSHEET_WRAPPER = "induction-worksheet"  # a name no HTML element has


def worksheet_runs(worksheets: list[Tag]) -> list[list[Tag]]:
    """The worksheets in runs of ones that follow each other with nothing between them."""
    runs: list[list[Tag]] = []
    for sheet in worksheets:
        if runs and runs[-1][-1].find_next_sibling() is sheet:
            runs[-1].append(sheet)
        else:
            runs.append([sheet])
    return runs


def question_problems(pages: Iterable[Page]) -> list[DataError]:
    """What the export could not read of the self-checks in the built pages (empty: all read).

    The build has already checked every quiz file at its lines (induction/quizzes.py: a question
    with no text, fewer than two options, no right answer, two options alike), so none of these
    is a trainer's slip: each means the self-checks' built form is not what this module reads,
    as after an update of mkdocs-quiz. Each problem names the quiz file and says so."""
    problems = []
    for page in pages:
        quiz = f"quizzes/{quiz_file_name(page.src)}"
        if page.raw_quiz_tags:
            problems.append(
                DataError(
                    f"docs/{page.src}",
                    None,
                    f"the built page shows {page.raw_quiz_tags} <quiz> tag(s) as text",
                    UNREAD,
                )
            )
        for q in page.questions:
            found = []
            if not q.text:
                found.append("has no question text")
            if q.kind == "blank":
                found += [] if all(b.strip() for b in q.blanks) else ["has an empty answer"]
            else:
                texts = [o.text.casefold() for o in q.options]
                found += ["has fewer than two options"] if len(q.options) < 2 else []
                found += ["has no right answer"] if not q.correct else []
                found += ["has two options with the same text"] if len(set(texts)) != len(texts) else []
            problems += [
                DataError(
                    quiz,
                    None,
                    f"question {q.number} ('{_short(q.text)}') in docs/{page.src}'s built page {what}",
                    UNREAD,
                )
                for what in found
            ]
    return problems


UNREAD = (
    "the build checked the quiz file and passed it, so the export reads the built self-check "
    "wrongly, as after an update of mkdocs-quiz: ask a developer to check export/documents.py"
)


def raw_quiz_tags(article: Tag) -> int:
    """How many quiz tags reached a built page as text (an unclosed or unprocessed <quiz>)."""
    return sum(article.get_text().count(tag) for tag in ("<quiz>", "</quiz>"))


def _short(text: str, length: int = 50) -> str:
    return text if len(text) <= length else text[: length - 3].rstrip() + "..."


def plain(tag: Tag | None) -> str:
    return " ".join(tag.get_text(" ", strip=True).split()) if tag is not None else ""


# --- the documents -------------------------------------------------------------------------


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["html"] = Markup  # HTML made by MkDocs from the trainers' Markdown
    env.filters["unlinked"] = lambda html: Markup(drop_internal_links(html))
    env.filters["css_string"] = css_string
    return env


def css_string(text: str) -> Markup:
    """`text` as a quoted CSS string, every character other than letters, digits, spaces and
    `._-` written as a CSS escape (so nothing in it can end the string, the rule or the style)."""
    safe = "".join(c if c.isascii() and (c.isalnum() or c in " ._-") else f"\\{ord(c):06x}" for c in text)
    return Markup(f'"{safe}"')


def worksheet_renderer(env: Environment) -> Callable[..., str]:
    macros = env.get_template("_questions.html").module
    return lambda question: str(macros.worksheet(question))


def stylesheets(index_html: str, asset_prefix: str) -> list[str]:
    """The site's own stylesheets (theme, colours, extra.css), as links from the document."""
    hrefs = []  # Lexbor: a millisecond, where BeautifulSoup took 40 ms for the whole home page
    for link in LexborHTMLParser(index_html).css('head link[rel="stylesheet"]'):
        href = link.attributes.get("href") or ""
        if not href or urlsplit(href).scheme:
            continue
        hrefs.append(asset_prefix + posixpath.normpath(href))
    return hrefs


SCREEN_ONLY = (
    "a.headerlink",
    ".md-content__button",
    "aside.page-review",
    "style",
    "script",
    "button",
    "#quiz-progress-sidebar",
    "#quiz-progress-mobile",
    ".quiz-intro",
    ".quiz-results",
    "a.quiz-header-link",
    ".quiz-number",
    ".progress-table",
    "[data-handout-exclude]",
)


def simple_selectors(selectors: Iterable[str]) -> Callable[[Tag], bool]:
    """Whether a tag matches any of `selectors`, CSS selectors of the forms SCREEN_ONLY uses (a tag
    name, a class, an id, an attribute, or a tag name and a class: `a.headerlink`, `.quiz-intro`,
    `#quiz-progress-mobile`, `[data-handout-exclude]`), read seven times as fast as soupsieve
    matches them (0.1 s an export). Any other form is a ValueError, so the list cannot quietly
    outgrow it."""
    parts = []
    for selector in selectors:
        match = SIMPLE_SELECTOR.fullmatch(selector)
        if match is None or not any(match.groups()):
            raise ValueError(f"{selector!r}: use a tag, .class, tag.class, #id or [attribute]")
        parts.append(match.groups())

    def matches(tag: Tag) -> bool:
        for name, class_, id_, attribute in parts:
            if name and tag.name != name:
                continue
            if class_ and class_ not in tag.get("class", ()):
                continue
            if id_ and tag.get("id") != id_:
                continue
            if attribute and not tag.has_attr(attribute):
                continue
            return True
        return False

    return matches


SIMPLE_SELECTOR = re.compile(r"([a-z][a-z0-9]*)?(?:\.([\w-]+)|#([\w-]+)|\[([\w-]+)\])?")
_SCREEN_ONLY = simple_selectors(SCREEN_ONLY)


# A table with this many columns or more is set out a row at a time in large print.
WIDE_TABLE = 4
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
