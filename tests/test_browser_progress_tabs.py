"""Progress seen from more than one page at a time (docs/javascripts/progress.js), in real
Chromium: a page the browser's Back button brings back from its back/forward cache, and a second
tab, show the progress as it is now, not as it was when they were drawn; and progress cleared in
one tab is not written back by another tab that still holds the earlier answers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, run_build
from test_browser_progress import answer, answer_all, learning_pages, menu_mark

pytestmark = pytest.mark.browser  # Chromium, some of it launched here with its cache allowed

# Each pageshow's `persisted` (true: the page came back from the back/forward cache), kept where
# the test can read it: the last one on the page, and all of the tab's in its sessionStorage (a
# page that came back from the cache may reload at once).
PAGESHOW = """addEventListener('pageshow', event => {
  window.lastPageshow = event.persisted;
  const shown = JSON.parse(sessionStorage.getItem('test-pageshows') || '[]');
  sessionStorage.setItem('test-pageshows', JSON.stringify(shown.concat([event.persisted])));
});"""
SECOND_TITLE = "How children's services work"


@pytest.fixture(scope="module")
def cached_browser(browser):
    """Chromium with its back/forward cache: Playwright switches it off unless told not to."""
    cached = browser.browser_type.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, ignore_default_args=["--disable-back-forward-cache"]
    )
    yield cached
    cached.close()


@pytest.fixture
def context(cached_browser):
    context = cached_browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(5000)
    context.add_init_script(PAGESHOW)
    yield context
    context.close()


@dataclass
class Site:
    home: str  # the home page's address
    first: str  # the first learning page's id (the home page's button starts there)
    file: bool  # opened from file://


@pytest.fixture(scope="module")
def offline_copy_site(tmp_path_factory) -> Path:
    """The offline copy (mkdocs-offline.yml: pages as .html files), opened from file://."""
    build = run_build(
        ROOT, tmp_path_factory.mktemp("offline") / "site", "-f", str(ROOT / "mkdocs-offline.yml")
    )
    assert build.returncode == 0, build.output
    return build.site


@pytest.fixture(params=["http", "file"])
def site(request, real_site, served_site) -> Site:
    """The site on the local web server, or the offline copy opened from file://."""
    if request.param == "http":
        return Site(served_site + "/", learning_pages(real_site)[0]["id"], False)
    folder = request.getfixturevalue("offline_copy_site")
    return Site((folder / "index.html").as_uri(), "gloucestershire.html", True)


def address(site: Site, page_id: str) -> str:
    return urljoin(site.home, page_id)


def path_mark(tab):
    """The home page's learning path: the mark after the first learning page's link."""
    return tab.locator("a.learning-path__page").first.locator("xpath=..").locator(":scope > .progress-mark")


def expect_first_page_finished(home, site: Site) -> None:
    expect(home.locator("#learning-continue")).to_have_text(f"Continue with {SECOND_TITLE}")
    expect(path_mark(home)).to_have_text("✓ Finished")
    menu = home.locator(f'.md-nav--primary a.md-nav__link[href="{site.first}"] .progress-mark').first
    expect(menu).to_have_text("✓ (finished)")


def test_back_to_the_home_page_shows_the_page_just_finished(context, site):
    """Start here, Continue, every question right, then the browser's Back: Chromium brings the
    home page back from its back/forward cache (over http) as it was drawn before; it must show
    the first page finished and Continue going on to the second."""
    errors = []
    home = context.new_page()
    home.on("pageerror", lambda error: errors.append(str(error)))
    home.goto(site.home, wait_until="load")
    expect(home.locator("#learning-continue")).to_have_text("Start with Gloucestershire's children")
    expect(path_mark(home)).to_have_text("○ Not started")
    home.evaluate("window.lastPageshow = undefined")
    home.click("#learning-continue")
    home.wait_for_url(address(site, site.first))
    answer_all(home, right=True)
    assert menu_mark(home, "gloucestershire.html" if site.file else "./") == "✓ (finished)"
    home.go_back(wait_until="commit")  # from the cache there is no load event
    assert wait_until(home, "window.lastPageshow !== undefined")
    if not site.file:  # what this test is about: the page came back from the cache
        assert home.evaluate("window.lastPageshow") is True
    expect_first_page_finished(home, site)
    assert not errors


def test_a_second_tab_shows_a_page_finished_in_the_first(context, site):
    """Start here open in one tab; every question of the first page answered right in another:
    back in the first tab, Start here shows that page finished (no reload)."""
    home = context.new_page()
    home.goto(site.home, wait_until="load")
    expect(home.locator("#learning-continue")).to_have_text("Start with Gloucestershire's children")
    other = context.new_page()
    other.goto(address(site, site.first), wait_until="load")
    answer_all(other, right=True)
    home.bring_to_front()
    expect_first_page_finished(home, site)
    assert home.evaluate("window.lastPageshow") is False  # the same page all along, not reloaded


def quiz_ids(tab) -> list[str]:
    return tab.eval_on_selector_all(".quiz", "quizzes => quizzes.map(q => q.id)")


def saved_answers(tab, page_id: str) -> dict:
    """mkdocs-quiz's saved answers for a page of the site on the local web server."""
    return json.loads(tab.evaluate(f"localStorage.getItem('quiz_progress_/{page_id}')") or "{}")


def clear_progress(tab, site: str) -> None:
    tab.goto(f"{site}progress/", wait_until="load")
    tab.once("dialog", lambda dialog: dialog.accept())
    tab.click("#progress-reset")
    expect(tab.locator("#progress-summary")).to_contain_text("You have finished 0 of")


def wait_until(tab, expression: str, seconds: float = 3) -> bool:
    """Whether `expression` comes true in the tab within `seconds` (asked again every 0.1 s, also
    across a reload: Playwright's wait_for_function would run code from a string, which the
    offline copy's security policy refuses)."""
    for _ in range(int(seconds * 10)):
        try:
            if tab.evaluate(expression):
                return True
        except PlaywrightError:
            pass  # the page is being replaced (a reload)
        tab.wait_for_timeout(100)
    return False


def settle(tab) -> None:
    """Give a tab time to act on a storage event or its return from the cache (reloading is one
    way to forget) and to be ready: the asserts after this say what is wrong, if anything."""
    wait_until(tab, "window.heldEarlierAnswers === undefined && document.readyState === 'complete'")
    wait_until(tab, "document.readyState === 'complete'")


def assert_only_one_wrong_answer_is_kept(tab, served_site: str, page_id: str, questions: int, pages) -> None:
    """My progress after the clear and one wrong answer: the page started, none right."""
    tab.goto(f"{served_site}/progress/", wait_until="load")
    row = tab.locator(f'tr[data-page-id="{page_id}"]')
    assert row.locator('[data-col="state"]').inner_text() == "◐ Started"
    assert row.locator('[data-col="quiz"]').inner_text() == f"0 of {questions}"
    total = sum(p["questions"] for p in pages)
    assert tab.inner_text("#progress-summary") == (
        f"You have finished 0 of {len(pages)} learning pages and started 1 more. "
        f"Self-check questions answered correctly: 0 of {total}."
    )
    assert list(saved_answers(tab, page_id)) == ["quiz-0"]


def test_progress_cleared_in_another_tab_is_not_written_back(context, served_site, real_site):
    """Half the questions answered in tab 1, the rest of them in tab 2, progress cleared in tab 2;
    then one wrong answer in tab 1, still open: the earlier answers tab 1's self-check held in
    memory must not come back (on a shared computer they are the last person's results)."""
    pages = learning_pages(real_site)
    learning = next(p for p in pages if p["questions"] >= 8)
    first = context.new_page()
    first.goto(f"{served_site}/{learning['id']}", wait_until="load")
    ids = quiz_ids(first)
    assert len(ids) == learning["questions"]
    for quiz_id in ids[:5]:
        answer(first, quiz_id, right=True)
    first.evaluate("window.heldEarlierAnswers = true")  # gone once the tab has forgotten them
    second = context.new_page()
    second.goto(f"{served_site}/{learning['id']}", wait_until="load")
    for quiz_id in ids[5:]:
        answer(second, quiz_id, right=True)
    assert menu_mark(second, "./") == "✓ (finished)"
    clear_progress(second, f"{served_site}/")

    first.bring_to_front()
    settle(first)
    # Tab 1 forgot without counting as opening the page again: nothing is started.
    expect(second.locator("#progress-summary")).to_have_text(
        f"You have finished 0 of {len(pages)} learning pages. Self-check questions answered correctly: "
        f"0 of {sum(p['questions'] for p in pages)}."
    )
    assert first.locator(f"#{ids[1]} .quiz-reset-button").is_hidden(), "tab 1 still shows the earlier answers"
    answer(first, ids[0], right=False)
    assert_only_one_wrong_answer_is_kept(second, served_site, learning["id"], learning["questions"], pages)


def test_a_page_back_from_the_cache_after_a_clear_forgets_its_answers(context, served_site, real_site):
    """The same, with the learning page kept in the back/forward cache while another tab clears
    the progress (a page in the cache hears nothing): once back, it holds no earlier answers."""
    pages = learning_pages(real_site)
    learning = next(p for p in pages if p["questions"] >= 8)
    tab = context.new_page()
    tab.goto(f"{served_site}/{learning['id']}", wait_until="load")
    answer_all(tab, right=True)
    tab.evaluate("window.heldEarlierAnswers = true")
    tab.goto(f"{served_site}/", wait_until="load")
    clear_progress(context.new_page(), f"{served_site}/")
    tab.evaluate("sessionStorage.removeItem('test-pageshows')")
    tab.go_back(wait_until="commit")
    settle(tab)
    assert json.loads(tab.evaluate("sessionStorage.getItem('test-pageshows')"))[0] is True  # from the cache
    assert tab.locator(".quiz-reset-button:visible").count() == 0, "the page still shows the earlier answers"
    answer(tab, quiz_ids(tab)[0], right=False)
    assert_only_one_wrong_answer_is_kept(tab, served_site, learning["id"], learning["questions"], pages)
