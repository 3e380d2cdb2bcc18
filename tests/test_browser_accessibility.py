"""Accessibility in a real browser (Debian's Chromium through Playwright, axe-core 4.x):
zero axe violations on every page in both colour schemes at desktop and phone widths,
reflow at 320 CSS pixels, 200% text, keyboard use, and printing."""

from __future__ import annotations

import io

import pytest
from axe_playwright_python.sync_playwright import Axe

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
SCHEMES = {"light": "default", "dark": "slate"}
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
SIZES = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 375, "height": 740}}
# Every rule of those tags runs on every element either way; "violations" only spares axe from
# writing out a CSS selector for each element that passed (half its time here), which no test reads.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}


def page_paths(real_site) -> list[str]:
    return [p.relative_to(real_site.site).as_posix() for p in real_site.pages()]


def set_scheme(page, scheme: str) -> None:
    """Switch Material's colour scheme as its own toggle does, then let styles settle."""
    page.evaluate(
        """scheme => {
            document.body.setAttribute('data-md-color-scheme', scheme);
            document.body.setAttribute('data-md-color-primary', 'custom');
            document.body.setAttribute('data-md-color-accent', 'custom');
        }""",
        SCHEMES[scheme],
    )
    page.wait_for_timeout(50)


def lay_out_every_quiz(page) -> None:
    """Lay out the self-checks a reader has not scrolled to yet, as scrolling to them would.

    docs/stylesheets/self-check.css gives each quiz `content-visibility: auto`, so one far down
    the page keeps a placeholder height until it nears the screen. axe reads colours from what is
    painted at each point, so it would take the quiz's own button for the background of the next
    question's heading, a layout no reader ever sees.
    """
    page.evaluate(
        "document.querySelectorAll('.quiz').forEach(q => { q.style.contentVisibility = 'visible'; })"
    )


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violations_on_any_page(browser, served_site, real_site, scheme, size):
    axe = Axe()
    context = browser.new_context(viewport=SIZES[size], color_scheme="dark" if scheme == "dark" else "light")
    page = context.new_page()
    reports = []
    for path in page_paths(real_site):
        page.goto(f"{served_site}/{path}", wait_until="load")
        set_scheme(page, scheme)
        lay_out_every_quiz(page)
        results = axe.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            reports.append(f"--- {path} ({scheme}, {size})\n{results.generate_report()}")
    context.close()
    assert not reports, "axe violations (run: nox -s tests -- -k axe):\n" + "\n".join(reports)


def test_every_page_reflows_at_320_css_pixels(browser, served_site, real_site):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    wide = []
    for path in page_paths(real_site):
        page.goto(f"{served_site}/{path}", wait_until="load")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            wide.append(f"{path}: {overflow}px too wide")
    context.close()
    assert not wide


def test_text_zoomed_to_200_percent_still_fits(browser, served_site, real_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    wide = []
    for path in page_paths(real_site):
        page.goto(f"{served_site}/{path}", wait_until="load")
        page.evaluate("document.documentElement.style.fontSize = '250%'")  # Material's base is 125%
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            wide.append(f"{path}: {overflow}px too wide")
    context.close()
    assert not wide


def test_keyboard_skip_link_reaches_the_content(browser, served_site):
    page = browser.new_page()
    page.goto(f"{served_site}/services/front-door/", wait_until="load")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    # Material slides the link into view over 250 ms: wait for it to arrive, fully opaque.
    page.wait_for_function(
        """() => {
            const s = getComputedStyle(document.activeElement);
            return (s.transform === "none" || s.transform === "matrix(1, 0, 0, 1, 0, 0)")
                && s.opacity === "1";
        }""",
        timeout=3000,
    )
    page.keyboard.press("Enter")
    assert page.url.endswith("#front-door-and-mash") or "#" in page.url
    page.close()


def test_keyboard_reaches_the_contacts_bar_and_the_menu(browser, served_site):
    page = browser.new_page()
    page.goto(f"{served_site}/", wait_until="load")
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                "(document.activeElement.closest('.worried') ? 'bar:' : '') + "
                "(document.activeElement.closest('.md-nav--primary') ? 'nav:' : '') + "
                "document.activeElement.textContent.trim()"
            )
        )
    assert any(s.startswith("bar:") for s in seen), seen
    assert any(s.startswith("nav:") and "Front door and MASH" in s for s in seen), seen
    page.close()


def test_search_works_from_the_keyboard(browser, served_site):
    page = browser.new_page()
    page.goto(f"{served_site}/", wait_until="load")
    page.keyboard.press("/")  # Material's shortcut to focus search
    page.keyboard.type("fostering")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    results = page.locator(".md-search-result__item").count()
    assert results > 0
    page.keyboard.press("ArrowDown")
    active = page.evaluate("document.activeElement.closest('.md-search-result') !== null")
    assert active
    page.close()


def test_a_focused_link_shows_a_visible_outline(browser, served_site):
    page = browser.new_page()
    page.goto(f"{served_site}/", wait_until="load")
    page.focus(".md-content a[href]")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.close()


def test_printing_a_page_hides_navigation_and_opens_details(browser, served_site, real_site):
    from pypdf import PdfReader

    target = next((p for p in page_paths(real_site) if real_site.html(p).select("details:not([open])")), None)
    if target is None:
        pytest.skip("no page has a collapsed details block yet")
    soup = real_site.html(target)
    hidden_text = soup.select("details:not([open])")[0].find("p").get_text(" ", strip=True)[:40]
    page = browser.new_page()
    page.goto(f"{served_site}/{target}", wait_until="load")
    pdf = page.pdf(format="A4")
    page.close()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    assert " ".join(hidden_text.split())[:30] in flat, "collapsed details are not printed"
    assert "Skip to content" not in flat
    assert "Table of contents" not in flat


def test_printing_writes_out_external_link_addresses(browser, served_site, real_site):
    from pypdf import PdfReader

    page = browser.new_page()
    page.goto(f"{served_site}/about/accessibility/", wait_until="load")
    pdf = page.pdf(format="A4")
    page.close()
    text = "".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "(https://www.w3.org/TR/WCAG22/)" in text
