"""Search for learners (issue 20): the searches a new councillor types find the right page, in
Chromium, with the built site's own search; no result's preview (the text Material shows under
it) is a list of keywords; trainers' pages and self-check answers are not in it.

The searches and the page each should find are in tests/fixtures/searches.yml. Run them with
`python3 noxfile.py -s tests -- tests/test_search.py`.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest
import yaml

from induction.glossary import Entry, load_glossary

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
    shown = {item["search"]: item["shows"] for item in load_searches() if "shows" in item}
    assert shown
    for query, words in shown.items():
        first = next((preview for _, preview in searched[query] if preview), "")
        assert words in first, (query, first)


@functools.cache
def glossary_entries() -> list[Entry]:
    text = (ROOT / "data" / "glossary.yml").read_text(encoding="utf-8")
    return load_glossary(text, "data/glossary.yml").entries


def apart(beside: str) -> bool:
    """A name is a whole word: the character beside it is none, a space or punctuation."""
    return not beside.isalnum()


def name_runs(text: str, entries: list[Entry]) -> list[str]:
    """Each place in `text` where a name of one glossary entry (term, expansion, other name) and a
    name of another are joined by "; ": the shape of a list of keywords, such as the hidden list
    of search words the glossary once added to each page ("child protection CP; significant harm;
    ...")."""
    names = [(entry.id, name.lower()) for entry in entries for name in entry.names]
    low, runs = text.lower(), []
    for joint in re.finditer("; ", low):
        before, after = low[: joint.start()], low[joint.end() :]
        ends = {one for one, name in names if before.endswith(name) and apart(before[: -len(name)][-1:])}
        starts = {one for one, name in names if after.startswith(name) and apart(after[len(name) :][:1])}
        if any(one != other for one in ends for other in starts):
            runs.append(text[max(0, joint.start() - 40) : joint.end() + 40])
    return runs


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("child protection CP; significant harm; strategy discussion strategy meeting", 2),
        ("MASH Multi-Agency Safeguarding Hub; children in care CiC CIC", 1),
        ("Call the MASH; a social worker will help.", 0),  # a name, then ordinary words
        ("She asked about CP; CP was the answer.", 0),  # one entry on both sides
        ("about neglect; the harm", 0),  # ordinary words after the joint
        ("MASHED; neglect", 0),  # a name inside a longer word
        ("", 0),
    ],
)
def test_a_run_of_glossary_names_is_told_apart_from_sentences(text, runs):
    assert len(name_runs(text, glossary_entries())) == runs


def test_no_result_preview_is_a_list_of_keywords(searched):
    """What a reader sees under each result is the page's own words, never a run of glossary
    names (every result of every search in tests/fixtures/searches.yml, as Chromium shows it)."""
    lists = [
        f"{query!r}: {path}: ...{run}..."
        for query, results in searched.items()
        for path, preview in results
        for run in name_runs(preview, glossary_entries())[:1]
    ]
    assert sum(len(results) for results in searched.values()) > 100
    assert not lists, "\n".join(lists)


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
