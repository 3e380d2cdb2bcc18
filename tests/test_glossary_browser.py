"""In a real browser: a glossary link shows its definition on hover and on keyboard focus (Material's
tooltips), and a tap on a touch screen opens the glossary at that entry."""

from __future__ import annotations

import pytest

PAGE = "/services/front-door/"
TOOLTIP = ".md-tooltip2--active[role=tooltip]"


@pytest.fixture
def page(browser, served_site):
    page = browser.new_page()
    page.goto(served_site + PAGE)
    yield page
    page.close()


def test_hovering_a_glossary_link_shows_its_definition(page):
    link = page.locator("article a.glossary-term").first
    expected = link.get_attribute("title")
    assert expected and ": " in expected
    link.hover()
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.inner_text().strip() == expected


def test_tabbing_to_a_glossary_link_shows_its_definition(page):
    link = page.locator("article a.glossary-term").first
    expected = link.get_attribute("title")
    page.locator("article h1").click()  # start keyboard focus in the article, before the first link
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('glossary-term')"):
            break
    else:
        pytest.fail("Tab never reached a glossary link")
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.inner_text().strip() == expected


def test_tapping_a_glossary_link_opens_its_entry(browser, served_site):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(served_site + PAGE)
    link = page.locator("article a.glossary-term").first
    anchor = link.get_attribute("href").rpartition("#")[2]
    definition = link.get_attribute("title").split(": ", 1)[1]
    link.tap()
    page.wait_for_url(f"**/glossary/#{anchor}")
    entry = page.locator(f"#{anchor}")
    assert entry.is_visible()
    assert definition in entry.locator("xpath=following-sibling::div[1]").inner_text()
    context.close()
