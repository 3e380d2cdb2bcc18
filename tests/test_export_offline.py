"""The unzipped export in Chromium, opened from the file system with every network request
blocked and recorded: search, glossary links, self-checks and their saved answers all work, and
nothing leaves the file system."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from export_support import unzipped


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory):
    return unzipped(tmp_path_factory)


@pytest.fixture
def offline(browser):
    """A fresh browser profile where only file:// loads; other requests are blocked and kept."""
    context = browser.new_context()
    context.set_default_timeout(10000)
    outside, missing = [], []

    def local_only(route):
        if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    def failed(request):  # a local file that is not there (not one cancelled by leaving the page)
        if request.url.startswith("file:") and not Path(url2pathname(urlsplit(request.url).path)).exists():
            missing.append(request.url)

    context.route("**/*", local_only)
    context.on("requestfailed", failed)
    context.on("weberror", lambda e: missing.append(f"script error: {e.error}"))
    yield context
    context.close()
    assert outside == [], f"requests left the file system: {outside}"
    assert missing == [], f"files or scripts failed: {missing}"


def first_page_with(site, selector):
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        if soup.select_one(f"article {selector}"):
            return page
    return None


def test_search_finds_an_acronym_from_the_file_system(offline, offline_site):
    page = offline.new_page()
    page.goto((offline_site / "index.html").as_uri(), wait_until="load")
    page.keyboard.press("/")
    page.keyboard.type("MASH")
    page.wait_for_selector(".md-search-result__item")
    assert page.locator(".md-search-result__item").count() > 0
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://") and "MASH" in page.locator("article").inner_text()


def test_every_page_opens_from_the_file_system_without_any_request(offline, offline_site):
    page = offline.new_page()
    for html in sorted(offline_site.rglob("*.html")):
        if html.name != "404.html":  # only a web server shows it, at any address
            page.goto(html.as_uri(), wait_until="load")
    assert page.locator(".worried").count() == 1  # the contacts banner is on the page
    assert page.locator(".worried").inner_text().startswith("Worried about a child?")


def test_a_glossary_link_reaches_its_definition(offline, offline_site):
    source = first_page_with(offline_site, 'a[href*="glossary.html#"]')
    if source is None:
        pytest.skip(
            "no page links a term to the glossary yet (needs hooks/glossary.py and data/glossary.yml)"
        )
    page = offline.new_page()
    page.goto(source.as_uri(), wait_until="load")
    link = page.locator('article a[href*="glossary.html#"]').first
    term = link.inner_text()
    link.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://") and "glossary.html#" in page.url
    target = page.locator(f"[id='{page.url.split('#', 1)[1]}']")
    assert target.count() == 1 and target.is_visible()
    assert term.casefold().rstrip("s") in target.inner_text().casefold() or term in page.content()


def test_a_glossary_link_shows_its_definition_from_the_file_system(offline, offline_site):
    source = first_page_with(offline_site, "a.glossary-term[title]")
    assert source is not None, "no page of the export has a glossary link"
    page = offline.new_page()
    page.goto(source.as_uri(), wait_until="load")
    link = page.locator("article a.glossary-term").first
    expected = link.get_attribute("title")
    link.hover()
    tooltip = page.locator("#glossary-tooltip")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip() == expected


def test_a_self_check_answer_is_marked_and_survives_a_reload(offline, offline_site):
    source = first_page_with(offline_site, "div.quiz fieldset input[data-correct]")
    if source is None:
        pytest.skip("no page has a self-check yet (needs quizzes/*.yml with hooks/quizzes.py)")
    page = offline.new_page()
    page.goto(source.as_uri(), wait_until="load")
    quiz = page.locator("div.quiz:has(fieldset input[data-correct])").first
    quiz_id = quiz.get_attribute("id")
    quiz.locator("input[data-correct] + label").first.click()
    quiz.locator("button.quiz-button[type=submit]").click()
    feedback = quiz.locator(".quiz-feedback")
    assert "hidden" not in (feedback.get_attribute("class") or "")
    expect(feedback).to_contain_text("Correct")  # self-check.js writes it just after the click
    page.reload(wait_until="load")
    quiz = page.locator(f"[id='{quiz_id}']")
    assert quiz.locator("input[data-correct]").first.is_checked()
    expect(quiz.locator(".quiz-feedback")).to_contain_text("Correct")
