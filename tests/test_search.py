"""Search for learners (issue 20): the searches a new councillor types find the right page, in
Chromium, with the built site's own search; trainers' pages and self-check answers are not in it.

The searches and the page each should find are in tests/fixtures/searches.yml. Run them with
`python3 noxfile.py -s tests -- tests/test_search.py`.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

SEARCHES = Path(__file__).parent / "fixtures" / "searches.yml"


def load_searches() -> list[dict]:
    return yaml.safe_load(SEARCHES.read_text(encoding="utf-8"))


def test_the_searches_file_has_at_least_25_searches_each_with_a_page():
    searches = load_searches()
    assert len(searches) >= 25
    assert all(set(s) <= {"search", "page", "urgent"} and s["search"] and s["page"] for s in searches)
    assert len({s["search"].lower() for s in searches}) == len(searches), "a search is listed twice"
    urgent = " ".join(s["search"] for s in searches if s.get("urgent"))
    assert all(word in urgent for word in ("worried", "danger", "night", "abuse", "told", "urgent")), urgent


def search(page, base: str, query: str) -> list[str]:
    """Type `query` into the site's search box as a reader would; the result pages, in order."""
    page.goto(f"{base}/")
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(query, delay=10)
    last: list[str] | None = None
    for _ in range(40):  # until two readings 200 ms apart agree
        page.wait_for_timeout(200)
        now = page.eval_on_selector_all(
            ".md-search-result__item > a.md-search-result__link",
            "links => links.map(a => new URL(a.href).pathname)",
        )
        if now and now == last:
            break
        last = now
    return list(dict.fromkeys(path.split("#")[0].removeprefix("/") for path in (last or [])))


def test_each_search_finds_its_page_in_the_top_three_and_urgent_ones_first(served_site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    wrong = []
    for item in load_searches():
        found = search(page, served_site, item["search"])
        places = 1 if item.get("urgent") else 3
        if item["page"] not in found[:places]:
            wrong.append(f"{item['search']!r}: wanted {item['page']} in the first {places}, got {found[:5]}")
    page.close()
    assert not wrong, "\n".join(wrong)


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
    ):
        assert words not in text, words
    # Material skips a marked element only until an element with the same tag inside it closes
    home = real_site.html("thresholds/index.html")
    assert not home.select("div.quiz[data-search-exclude]")
    assert home.select("div.quiz form[data-search-exclude]")


def test_no_result_preview_is_a_list_of_keywords(real_site):
    """A result's preview is the start of its section's text: the glossary's hidden list of the
    names of the terms a page uses comes after a section's own words, never first."""
    index = json.loads((real_site.site / "search" / "search_index.json").read_text())
    checked = 0
    for doc in index["docs"]:
        html = real_site.site / doc["location"].split("#")[0] / "index.html"
        words = real_site.html(str(html.relative_to(real_site.site))).select_one("p.glossary-search")
        if words is not None:
            checked += 1
            assert not doc["text"].startswith("<p>" + words.get_text()[:40]), doc["location"]
    assert checked > 100
