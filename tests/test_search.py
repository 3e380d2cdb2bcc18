"""Search for learners (issue 20): the searches a new councillor types find the right page, in
Chromium, with the built site's own search; no result's preview (the text Material shows under
it) is a list of keywords; trainers' pages and self-check answers are not in it.

The searches and the page each should find are in tests/fixtures/searches.yml. Run them with
`python3 noxfile.py -s tests -- tests/test_search.py`.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from pathlib import Path
from typing import NamedTuple

import pytest
import yaml

from induction.glossary import WORD, Glossary, load_glossary

ROOT = Path(__file__).parent.parent
SEARCHES = Path(__file__).parent / "fixtures" / "searches.yml"


def load_searches() -> list[dict]:
    return yaml.safe_load(SEARCHES.read_text(encoding="utf-8"))


def test_the_searches_file_has_at_least_25_searches_each_with_a_page():
    searches = load_searches()
    assert len(searches) >= 25
    assert all(
        set(s) <= {"search", "page", "urgent", "shows"} and s["search"] and s["page"] for s in searches
    )
    assert len({s["search"].lower() for s in searches}) == len(searches), "a search is listed twice"
    urgent = " ".join(s["search"] for s in searches if s.get("urgent"))
    assert all(word in urgent for word in ("worried", "danger", "night", "abuse", "told", "urgent")), urgent


# Each result as Material shows it: the page it links to, and its preview (the result's text
# without its title, icon, tags and "Missing:" line).
RESULTS = """articles => articles.map(article => {
    const shown = article.cloneNode(true)
    shown.querySelectorAll("h1, h2, .md-search-result__icon, .md-search-result__terms, .md-tags")
        .forEach(part => part.remove())
    return [new URL(article.closest("a").href).pathname, shown.textContent.replace(/\\s+/g, " ").trim()]
})"""


def search(page, query: str) -> list[tuple[str, str]]:
    """Search for `query` in the open page's search box; each result shown, in order, as (page,
    preview), the "more on this page" ones included. Material searches when a key is released in
    the box, reading the whole box: the query is put in, then a key pressed, once (typing it key by
    key searches every part of it on the way, 1.3 s a search where this takes a third of that)."""
    box = page.locator(".md-search__input")
    box.fill("")
    box.press("End")  # an empty box: the last search's results go
    page.locator(".md-search-result__item").first.wait_for(state="detached")
    box.fill(query)
    box.press("End")
    last: list | None = None
    for _ in range(80):  # until two readings 100 ms apart agree
        page.wait_for_timeout(100)
        now = page.eval_on_selector_all(".md-search-result__item article.md-search-result__article", RESULTS)
        if now and now == last:
            break
        last = now
    return [(path.removeprefix("/"), preview) for path, preview in (last or [])]


def result_pages(results: list[tuple[str, str]]) -> list[str]:
    return list(dict.fromkeys(path for path, _ in results))


@pytest.fixture(scope="module")
def searched(served_site, browser) -> dict[str, list[tuple[str, str]]]:
    """Every search of tests/fixtures/searches.yml, typed once into the built site's search."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{served_site}/")  # one page, one search index: each search is typed over the last
    results = {item["search"]: search(page, item["search"]) for item in load_searches()}
    page.close()
    return results


def test_each_search_finds_its_page_in_the_top_three_and_urgent_ones_first(searched):
    wrong = []
    for item in load_searches():
        found = result_pages(searched[item["search"]])
        places = 1 if item.get("urgent") else 3
        if item["page"] not in found[:places]:
            wrong.append(f"{item['search']!r}: wanted {item['page']} in the first {places}, got {found[:5]}")
    assert not wrong, "\n".join(wrong)


def test_an_urgent_search_shows_the_number_to_call_first(searched):
    """A reader who searches "who do I call at night" sees the out-of-hours number in the first
    piece of a page shown (it was the 999 line, since only that one said "night")."""
    shown = [item for item in load_searches() if "shows" in item]
    assert shown
    for item in shown:
        results = searched[item["search"]]
        first = next((preview for path, preview in results if preview and path == item["page"]), "")
        assert item["shows"] in first, (item["search"], first)


# Small words a sentence has and a list of keywords has not; words that close a sentence's list.
SMALL_WORDS = frozenset(
    """a about after all also an and any are as at be been but by can could did do does each every
    for from had has have he her his how i if in into is it its may me might must my no nor not of
    on or our she should so such than that the their them then there these they this those to
    was we were what when where which who why will with would you your""".split()
)
CLOSING = frozenset({"and", "or", "nor"})
JOINT = re.compile("[,;] ")  # between the items of a list


@functools.cache
def glossary() -> Glossary:
    return load_glossary((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"), "data/glossary.yml")


class Unit(NamedTuple):
    """One word of a text, or one glossary name however many words it has (`entry` its entry's id)."""

    start: int
    end: int
    entry: str  # "" for a word that is no glossary name
    word: str  # the word in lower case ("" for a name)


def units(text: str, names: Glossary) -> list[Unit]:
    """The text's words in order, each glossary name (as the site reads one) taken as one unit."""
    found = {start: (end, entry.id) for start, end, entry in names.find(text)}
    out: list[Unit] = []
    for word in WORD.finditer(text):
        if out and word.start() < out[-1].end:
            continue  # a later word of a name
        if word.start() in found:
            out.append(Unit(word.start(), *found[word.start()], ""))
        else:
            out.append(Unit(word.start(), word.end(), "", word.group().lower()))
    return out


def keyword_runs(text: str, names: Glossary) -> list[str]:
    """Each run of keywords in `text`: glossary names, or other short terms, strung together with
    no sentence round them. Three shapes:

    - a name of one glossary entry and a name of another joined by "; " ("CP; significant harm"),
      as in the hidden list of search words the glossary once added to each page;
    - a list of three terms or more joined by commas or semicolons, each term a glossary name or a
      short term (one to three words, none a small word such as "the", "of" or "and" outside a
      name): "child protection, significant harm, neglect";
    - names of three entries or more in a row with nothing but spaces between them: "child
      protection significant harm neglect" (ordinary words run together by spaces are what a
      table's cells or a list's items look like in a preview, so only names count there).

    A list a sentence makes is not a run: one closed by "and", "or" or "nor" ("fostering, adoption
    and kinship care"), and one the page introduces with a label and a colon ("Used on: Early
    help, Children in need, Child protection", the Glossary page's lists, or a bulleted list after
    "Three organisations lead it:")."""
    words = units(text, names)
    gaps = [text[one.end : other.start] for one, other in itertools.pairwise(words)]
    # Phrases: words with only spaces between; what joins each phrase to the one before it.
    phrases: list[list[Unit]] = []
    joins: list[str] = []
    for unit, gap in zip(words, [text[: words[0].start], *gaps] if words else [], strict=True):
        if phrases and (not gap or gap.isspace()):
            phrases[-1].append(unit)
        else:
            phrases.append([unit])
            joins.append(gap)

    def listed(phrase: int) -> bool:  # joined to the phrase before it as a list's item is
        return 0 < phrase < len(phrases) and JOINT.fullmatch(joins[phrase]) is not None

    def introduced(phrase: int) -> bool:  # the list this phrase is in follows a label's colon
        while listed(phrase):
            phrase -= 1
        return joins[phrase].rstrip().endswith(":")

    def term(phrase: int) -> bool:
        words = phrases[phrase]
        return all(unit.entry for unit in words) or (
            len(words) <= 3 and not any(unit.word in SMALL_WORDS for unit in words)
        )

    runs = []
    for (one, other), gap in zip(itertools.pairwise(words), gaps, strict=True):
        if one.entry and other.entry and one.entry != other.entry and gap == "; ":
            runs.append(text[one.start : other.end])
    first = 0
    while first < len(phrases):  # lists of terms joined by commas or semicolons
        last = first
        while term(first) and listed(last + 1) and term(last + 1):
            last += 1
        closed = listed(last + 1) and any(unit.word in CLOSING for unit in phrases[last + 1])
        if last - first >= 2 and not closed and not introduced(first):
            runs.append(text[phrases[first][0].start : phrases[last][-1].end])
        first = last + 1
    for number, phrase in enumerate(phrases):  # names in a row, spaces between
        for entry, row in itertools.groupby(phrase, key=lambda unit: bool(unit.entry)):
            row = list(row)
            if entry and len({unit.entry for unit in row}) >= 3 and not introduced(number):
                runs.append(text[row[0].start : row[-1].end])
    return runs


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        (
            "child protection CP; significant harm; strategy discussion strategy meeting",
            [
                "CP; significant harm",
                "significant harm; strategy discussion",
                "child protection CP; significant harm; strategy discussion strategy meeting",
            ],
        ),
        (
            "MASH Multi-Agency Safeguarding Hub; children in care CiC CIC",
            ["Multi-Agency Safeguarding Hub; children in care"],
        ),
        # joined by commas, or by spaces alone, glossary names or not
        ("child protection, significant harm, neglect", ["child protection, significant harm, neglect"]),
        ("child protection significant harm neglect", ["child protection significant harm neglect"]),
        ("fostering, respite, allowances, matching", ["fostering, respite, allowances, matching"]),
        ("Early help, CiC, care leavers.", ["Early help, CiC, care leavers"]),
        # after a sentence, with no full stop between
        (
            "Call the front door if you are worried child protection, CP, significant harm, neglect",
            ["CP, significant harm, neglect"],  # the first term is in the sentence's last phrase
        ),
        (
            "The council helps families child protection significant harm neglect",
            ["child protection significant harm neglect"],
        ),
        # sentences that name several terms
        ("Call the MASH; a social worker will help.", []),  # a name, then ordinary words
        ("She asked about CP; CP was the answer.", []),  # one entry on both sides
        ("about neglect; the harm", []),  # ordinary words after the joint
        ("MASHED; neglect", []),  # a name inside a longer word
        ("Fostering, adoption and kinship care are ways a child can live with a family.", []),
        ("The MASH, the LADO and the police share what they know.", []),
        ("It covers children in need, child protection, care leavers, adoption and fostering.", []),
        ("Physical abuse, neglect, sexual abuse, or emotional abuse can all cause harm.", []),
        ("for example by hitting, shaking, throwing, poisoning, burning or scalding them", []),
        ("Early help, child protection", []),  # two terms: a list needs three
        ("Ask the MASH social workers what they found.", []),  # two names in a row: a row needs three
        ("Used on: Early help, Children in need, Child protection, Disabled children", []),
        ("Also written: child in care, CiC, CIC, looked after children, LAC", []),
        ("They are: Gloucestershire County Council Gloucestershire Constabulary NHS England", []),
        ("A child protection plan follows a child protection conference.", []),
        ("", []),
    ],
)
def test_a_run_of_keywords_is_told_apart_from_sentences(text, runs):
    assert keyword_runs(text, glossary()) == runs


def test_no_result_preview_is_a_list_of_keywords(searched):
    """What a reader sees under each result is the page's own words, never a run of glossary
    names or other keywords (every result of every search in tests/fixtures/searches.yml, as
    Chromium shows it)."""
    lists = [
        f"{query!r}: {path}: {run!r} in ...{around(preview, run)}..."
        for query, results in searched.items()
        for path, preview in results
        for run in keyword_runs(preview, glossary())[:1]
    ]
    assert sum(len(results) for results in searched.values()) > 100
    assert not lists, "\n".join(lists)


def around(text: str, part: str) -> str:
    at = text.find(part)
    return text[max(0, at - 60) : at + len(part) + 60]


def test_trainers_pages_answers_and_buttons_are_not_in_the_learners_search(real_site):
    index = json.loads((real_site.site / "search" / "search_index.json").read_text())
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert not [p for p in pages if p.startswith(("trainers/", "about/answer-key"))]
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    # nor where progress is kept: the site and the LMS package share one index, and each wording
    # is true in one of the two places only (lms.js shows the one that is)
    for words in (
        "Check my answer",
        "Clear my answers",
        "Question 1",
        "Call 999 now.Yes",
        "Why:",
        "learning system",
        "Nothing is sent",
        "Nothing was sent",
        "saved only in this web browser",
        "kept only in this browser",
        # nor My progress's controls and the empty table and record that progress.js fills in
        "Clear my progress",
        "Print my record",
        "________________",
        "Your progress, page by page",
        "\u2013\u2013",  # the empty cells of a row, run together: "Early help––Children in need––"
        "Date: \u2013",
    ):
        assert words not in text, words
    # Material skips a marked element only until an element with the same tag inside it closes
    home = real_site.html("thresholds/index.html")
    assert not home.select("div.quiz[data-search-exclude]")
    assert home.select("div.quiz form[data-search-exclude]")
