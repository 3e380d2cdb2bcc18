"""In a real browser: a glossary link shows its definition on hover and on keyboard focus
(docs/javascripts/glossary-tooltip.js), as WCAG 2.2 success criterion 1.4.13 asks: the reader can
move the pointer onto it, it stays until they move on, and Esc closes it. A tap on a touch screen
opens the glossary at that entry."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from test_browser_accessibility import AXE_TAGS, SCHEMES, set_scheme

PAGE = "/services/front-door/"
TOOLTIP = "#glossary-tooltip"
LINK = "article a.glossary-term"
LINGER_MS = 300  # how long the tooltip waits for the pointer to cross onto it (glossary-tooltip.js)


@pytest.fixture
def page(browser, served_site):
    page = browser.new_page()
    page.goto(served_site + PAGE)
    page.wait_for_load_state("load")
    yield page
    page.close()


def definition(link) -> str:
    """The definition the build wrote on the link (its title, or lent to the tooltip)."""
    return link.get_attribute("title") or link.get_attribute("data-glossary-title")


def point_at_first_link(page):
    """The page's first glossary link, with the pointer on it and its definition showing."""
    link = page.locator(LINK).first
    link.hover()
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible", timeout=3000)
    return link, tooltip


def tab_to(page, selector: str, limit: int = 80):
    page.locator("article h1").click()  # start keyboard focus in the article, before the first link
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return page.locator(":focus")
    pytest.fail(f"Tab never reached {selector}")


def tab_to_first_link(page):
    """Keyboard focus on the first glossary link, its definition showing: (link, definition, tooltip)."""
    tab_to(page, "a.glossary-term")
    link = page.evaluate_handle("document.activeElement")
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible", timeout=3000)
    return link, link.get_attribute("data-glossary-title"), tooltip


def test_hovering_a_glossary_link_shows_its_definition_beside_it(page):
    link = page.locator(LINK).first
    expected = link.get_attribute("title")
    assert expected and ": " in expected
    link.hover()
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.inner_text().strip() == expected
    assert tooltip.get_attribute("role") == "tooltip"
    # The link lends its title to the tooltip (no second, native tooltip) and is described by it.
    assert link.get_attribute("title") is None
    assert link.get_attribute("aria-describedby") == "glossary-tooltip"
    near, box = link.bounding_box(), tooltip.bounding_box()
    below, above = box["y"] - (near["y"] + near["height"]), near["y"] - (box["y"] + box["height"])
    assert 0 <= below < 20 or 0 <= above < 20, (near, box)


def test_the_pointer_can_move_onto_the_definition_and_it_closes_after_leaving(page):
    link = page.locator(LINK).first
    expected = link.get_attribute("title")
    link.hover()
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible", timeout=3000)
    near, box = link.bounding_box(), tooltip.bounding_box()
    x = max(near["x"], box["x"]) + 2  # over both the link and the tooltip
    page.mouse.move(x, near["y"] + near["height"] - 2)  # the link's bottom edge
    page.mouse.move(x, box["y"] + 10, steps=12)  # down across the gap, a pixel or two at a time
    page.wait_for_timeout(LINGER_MS * 3)
    assert tooltip.is_visible(), "the definition closed while the pointer was on it"
    assert tooltip.inner_text().strip() == expected and link.get_attribute("title") is None
    page.mouse.move(5, 600)  # away from both, into the page margin
    tooltip.wait_for(state="hidden", timeout=3000)
    assert link.get_attribute("title") == expected, "the link did not get its title back"
    assert link.get_attribute("aria-describedby") is None


def test_tabbing_to_a_glossary_link_shows_its_definition_and_esc_closes_it(page):
    link, expected, tooltip = tab_to_first_link(page)
    assert expected and tooltip.inner_text().strip() == expected
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden", timeout=3000)
    assert page.evaluate("a => document.activeElement === a", link), "Esc moved focus"
    assert link.get_attribute("title") is None, "a native tooltip could show again after Esc"
    box = link.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # the pointer comes
    tooltip.wait_for(state="visible", timeout=3000)  # to the closed link: the definition is back
    page.mouse.move(5, 600)
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden", timeout=3000)
    page.keyboard.press("Tab")  # focus moves on: the link gets its title back
    assert page.evaluate("a => document.activeElement !== a", link)
    assert link.get_attribute("title") == expected
    assert link.get_attribute("aria-describedby") is None


def test_esc_closes_a_definition_shown_by_the_pointer(page):
    link, tooltip = point_at_first_link(page)
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden", timeout=3000)
    assert link.get_attribute("title") is None, "a native tooltip could show after Esc"
    page.wait_for_timeout(LINGER_MS * 2)
    assert tooltip.is_hidden(), "the definition came back while the pointer stayed on the link"
    page.mouse.move(5, 600)  # the pointer leaves: the link gets its title back
    page.wait_for_function("() => document.querySelector('article a.glossary-term').title !== ''")
    link.hover()  # and coming back shows the definition again
    tooltip.wait_for(state="visible", timeout=3000)


def test_a_mouse_click_does_not_keep_the_definition_open(page):
    link, tooltip = point_at_first_link(page)
    page.mouse.down()  # focuses the link, as a click does
    assert page.evaluate("document.activeElement.classList.contains('glossary-term')")
    page.mouse.move(5, 600, steps=3)
    page.mouse.up()  # released away from the link: no click, the link keeps focus
    tooltip.wait_for(state="hidden", timeout=3000)
    assert link.get_attribute("title")


def test_a_link_over_two_lines_keeps_both_lines_clear(page):
    link = page.locator(LINK).filter(has_text=re.compile(r"\w\s+\w")).first
    link.evaluate("a => { a.parentElement.style.maxWidth = '3em'; }")  # make it wrap
    lines = link.evaluate("a => Array.from(a.getClientRects(), r => [r.top, r.bottom])")
    assert len(lines) >= 2, lines
    link.hover()
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible", timeout=3000)
    top, bottom = tooltip.evaluate("t => [t.getBoundingClientRect().top, t.getBoundingClientRect().bottom]")
    assert top >= lines[-1][1] or bottom <= lines[0][0], (lines, top, bottom)


def test_one_definition_shows_at_a_time(page):
    first, second = page.locator(LINK).first, page.locator(LINK).last  # far apart: not covered
    first_title, second_title = first.get_attribute("title"), second.get_attribute("title")
    assert first_title != second_title
    first.hover()
    second.hover()
    tooltip = page.locator(TOOLTIP)
    page.wait_for_function(
        "t => document.querySelector('#glossary-tooltip').innerText.trim() === t", arg=second_title
    )
    assert page.locator("[role=tooltip]:visible").count() == 1
    assert tooltip.inner_text().strip() == second_title
    assert first.get_attribute("title") == first_title
    assert page.locator(".md-tooltip2").count() == 0, "Material's tooltips are back: two tooltips per link"


def test_tabbing_away_while_pointing_at_a_link_shows_only_one_definition(page):
    pointed = page.locator(LINK).first
    pointed_title = pointed.get_attribute("title")
    pointed.hover()
    page.locator(TOOLTIP).wait_for(state="visible", timeout=3000)
    pointed.evaluate("a => a.focus()")
    for _ in range(80):  # Tab on to the next glossary link; the pointer stays where it is
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.glossary-term')"):
            break
    else:
        pytest.fail("Tab never reached a second glossary link")
    focused = page.evaluate_handle("document.activeElement")
    page.wait_for_function(
        "a => document.querySelector('#glossary-tooltip').innerText.trim() === a.dataset.glossaryTitle",
        arg=focused,
    )
    assert pointed.get_attribute("title") is None, "the pointed link could show a native tooltip too"
    focused.evaluate("a => a.blur()")  # focus leaves: the link under the pointer shows its own again
    page.wait_for_function(
        "t => document.querySelector('#glossary-tooltip').innerText.trim() === t", arg=pointed_title
    )
    assert page.locator(TOOLTIP).is_visible()
    page.mouse.move(5, 600)
    page.locator(TOOLTIP).wait_for(state="hidden", timeout=3000)
    assert pointed.get_attribute("title") == pointed_title


def test_the_focused_link_gets_its_definition_back_after_the_pointer_passes_another(page):
    focused, expected, tooltip = tab_to_first_link(page)
    other = page.locator(LINK).last
    other.hover()
    page.wait_for_function(
        "t => document.querySelector('#glossary-tooltip').innerText.trim() !== t", arg=expected
    )
    page.mouse.move(5, 600)
    page.wait_for_function(
        "t => document.querySelector('#glossary-tooltip').innerText.trim() === t", arg=expected
    )
    assert tooltip.is_visible() and page.evaluate("a => document.activeElement === a", focused)
    assert other.get_attribute("title")


def test_keyboard_focus_reopens_a_definition_closed_with_esc(page):
    link, tooltip = point_at_first_link(page)
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden", timeout=3000)
    link.evaluate("a => a.focus()")  # focus after a key press counts as keyboard focus
    assert page.evaluate("document.activeElement.matches(':focus-visible')")
    tooltip.wait_for(state="visible", timeout=3000)


def test_the_definition_fits_a_320_pixel_screen(browser, served_site):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(served_site + PAGE)
    page.wait_for_load_state("load")
    link = tab_to(page, "a.glossary-term")
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible", timeout=3000)
    box = tooltip.bounding_box()
    assert box["x"] >= 8 and box["x"] + box["width"] <= 320 - 8, box  # clear of the edges
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert tooltip.inner_text().strip() == definition(link)
    context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violations_with_a_definition_showing(browser, served_site, scheme):
    context = browser.new_context(color_scheme="dark" if scheme == "dark" else "light")
    page = context.new_page()
    page.goto(served_site + PAGE)
    page.wait_for_load_state("load")
    set_scheme(page, scheme)
    page.locator(LINK).first.hover()
    page.locator(TOOLTIP).wait_for(state="visible", timeout=3000)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()
    context.close()


def test_tapping_a_glossary_link_opens_its_entry(browser, served_site):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(served_site + PAGE)
    link = page.locator(LINK).first
    anchor = link.get_attribute("href").rpartition("#")[2]
    text = link.get_attribute("title").split(": ", 1)[1]
    link.tap()
    page.wait_for_url(f"**/glossary/#{anchor}")
    entry = page.locator(f"#{anchor}")
    assert entry.is_visible()
    assert text in entry.locator("xpath=following-sibling::div[1]").inner_text()
    context.close()
