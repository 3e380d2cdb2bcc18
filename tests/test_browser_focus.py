"""Accessibility beyond what axe finds (issue 20, WCAG 2.2 AA), in Chromium on the built site.

- Focus not obscured (2.4.11): tabbing through every focusable element of the home page, a long
  learning page and the glossary, each focused element is fully in view, not under the sticky
  header nor cut off by a side bar's scroll area, with nothing else (the "Back to top" button)
  drawn over its middle: on a desktop, a phone and a desktop zoomed to 400%; and a link of the
  table of contents stays in view when the theme moves the contents after focus has reached it.
- Target size (2.5.8): self-check answers, buttons (a question's "Try again", shown once it is
  answered, too), "clear" links and the Glossary's A to Z letters are at least 24 by 24 CSS
  pixels.
- Every focus stop shows a focus ring.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from induction.dates import today, uk_date
from test_browser_progress import answer

ROOT = Path(__file__).resolve().parent.parent
STATEMENT = ROOT / "docs" / "about" / "accessibility.md"

WIDTH, HEIGHT = 1280, 800

# For the focused element: its box, the bottom of the sticky header, and whether it has a ring.
FOCUSED = """(again) => {
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  window.seenFocus = window.seenFocus || new Set();  // focus has come back round
  if (!again && window.seenFocus.has(el)) return {again: true};
  window.seenFocus.add(el);
  const name = (el.innerText || el.getAttribute("aria-label") || el.value || "").trim().slice(0, 40);
  const what = `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\\s+/).join(".")} '${name}'`;
  // A switch drawn by its label (the theme's dark mode switch): the label is what is seen.
  if (el.matches("input.md-option") && el.getBoundingClientRect().width === 0) {
    el = [...el.form.querySelectorAll("label")].find(l => l.getBoundingClientRect().width > 0) || el;
  }
  const box = el.getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect();
  // In a side bar, its scroll area shows only part of it (the theme scrolls the table of contents
  // itself): the window alone is not enough. Half a pixel either way is rounding.
  const area = el.closest(".md-sidebar__scrollwrap"), view = area && area.getBoundingClientRect();
  const cut = view && (box.top < view.top - 0.5 || box.bottom > view.bottom + 0.5)
    ? `${view.top.toFixed(0)} to ${view.bottom.toFixed(0)}px` : null;
  // Something else drawn over its middle (the theme's "Back to top" button, a bar, a side bar's
  // title, which stays at the top of its scroll area): what it is.
  const x = (box.left + box.right) / 2, y = (box.top + box.bottom) / 2;
  const inside = x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
  const hit = inside && document.elementFromPoint(x, y);
  const names = hit && (hit.getAttribute("class") || "").trim().split(/\\s+/).join(".");
  const over = hit && hit !== el && !el.contains(hit) && !hit.contains(el)
    ? `${hit.tagName.toLowerCase()}.${names}` : null;
  const style = getComputedStyle(el);
  const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
    || style.boxShadow !== "none";
  return {
    what, top: box.top, bottom: box.bottom, left: box.left, right: box.right,
    width: box.width, height: box.height, cut, over, inHeader: !!el.closest(".md-header"),
    headerTop: header.top, headerBottom: header.bottom, ring,
  };
}"""


def focus_problems(page, url: str, key: str = "Tab", limit: int = 3000) -> tuple[int, list[str]]:
    """Press `key` from the top of `url` until focus comes back round (Shift+Tab goes backwards,
    from the end, which is when the sticky header could hide the focus); what was hidden or had
    no ring."""
    page.goto(url)
    page.wait_for_load_state("load")
    problems, stops = [], 0
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    for _ in range(limit):
        page.keyboard.press(key)
        now = page.evaluate(FOCUSED, False)
        if now is None:
            continue
        if now.get("again"):
            break
        stops += 1
        found = _problems(now, width, height)
        for _ in range(10):  # again while the page scrolls or a panel that focus opens slides in
            if not found:
                break
            page.wait_for_timeout(300)
            found = _problems(page.evaluate(FOCUSED, True), width, height)
        problems += found
    return stops, problems


def _problems(now: dict, width: int, height: int) -> list[str]:
    if now["width"] == 0 and now["height"] == 0:
        return [f"{now['what']}: focus on something with no size"]
    found = []
    under = not now["inHeader"] and now["top"] < now["headerBottom"] and now["bottom"] > now["headerTop"]
    outside = now["top"] < 0 or now["bottom"] > height or now["left"] < 0 or now["right"] > width
    if under or outside or now["cut"] or not now["height"]:
        where = f"{now['top']:.0f} to {now['bottom']:.0f}px"
        header = f"header {now['headerTop']:.0f} to {now['headerBottom']:.0f}px"
        if now["cut"]:
            header += f"; its scroll area shows {now['cut']}"
        found.append(f"{now['what']}: not fully in view ({where}; {header})")
    elif now["over"]:
        found.append(f"{now['what']}: {now['over']} is drawn over it")
    if not now["ring"]:
        found.append(f"{now['what']}: no visible focus ring")
    return found


IN_VIEW = {
    "what": "a 'Key takeaways'",
    "top": 700,
    "bottom": 724,
    "left": 1000,
    "right": 1200,
    "width": 200,
    "height": 24,
    "cut": None,
    "over": None,
    "inHeader": False,
    "headerTop": 0,
    "headerBottom": 48,
    "ring": True,
}


@pytest.mark.parametrize(
    "change, problem",
    [
        ({}, None),
        ({"top": 30, "bottom": 54}, "not fully in view (30 to 54px; header 0 to 48px)"),
        ({"top": 830, "bottom": 854}, "not fully in view (830 to 854px; header 0 to 48px)"),
        # inside the window, but its side bar's scroll area shows only part of it
        (
            {"top": 770, "bottom": 794, "cut": "152 to 776px"},
            "not fully in view (770 to 794px; header 0 to 48px; its scroll area shows 152 to 776px)",
        ),
        # in view, but something else is drawn over its middle
        ({"over": "button.md-top.md-icon"}, "button.md-top.md-icon is drawn over it"),
        ({"ring": False}, "no visible focus ring"),
    ],
)
def test_what_the_focus_walk_counts_as_hidden(change, problem):
    found = _problems({**IN_VIEW, **change}, WIDTH, HEIGHT)
    assert found == ([] if problem is None else [f"a 'Key takeaways': {problem}"])


DESKTOP = (WIDTH, HEIGHT)
# A phone, and a desktop zoomed to 400% (1280 by 800 pixels seen as 320 by 200): there, focusing
# the search box opens Material's search panel, which locks the page's scrolling; focus moving on
# out of it must still land in view (docs/javascripts/search-focus.js).
PHONE = (375, 700)
ZOOMED = (320, 200)
FOCUS_CASES = [
    (path, size, key)
    for path in ("", "safeguarding-partnership/", "glossary/")
    for size in (DESKTOP, PHONE)
    for key in ("Tab", "Shift+Tab")
] + [("", ZOOMED, key) for key in ("Tab", "Shift+Tab")]
# A phone held upright, going back up long pages: the theme's "Back to top" button shows as soon
# as the page scrolls up, just below the header, where the browser put what Shift+Tab focused.
FOCUS_CASES += [(path, (390, 844), "Shift+Tab") for path in ("services/child-protection/", "glossary/")]
# A table wider than a phone: a link the keyboard reaches at the edge of the table's own scroll
# area was left cut off by it (the browser scrolls only for an element wholly out of view).
FOCUS_CASES += [("thresholds/", (390, 844), key) for key in ("Tab", "Shift+Tab")]


CLOSED_DRAWER = "() => !!document.activeElement.closest('.md-sidebar--primary')"


def test_the_closed_menu_drawer_holds_no_focus_stop_on_a_phone(served_site, browser):
    """At phone width the menu is a drawer drawn off screen: closed, its links are not Tab stops."""
    page = browser.new_page(viewport={"width": 375, "height": 700})
    page.goto(f"{served_site}/")
    page.wait_for_load_state("load")
    inside = []
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(CLOSED_DRAWER):
            inside.append(page.evaluate("() => document.activeElement.outerHTML.slice(0, 80)"))
    page.close()
    assert inside == []


LABEL_FOCUSED = (
    "() => document.activeElement.getAttribute('aria-label') || document.activeElement.textContent.trim()"
)
DRAWER_OPEN = "() => document.getElementById('__drawer').checked"


@pytest.mark.parametrize("size", [(1024, 768), (390, 844)], ids=["small laptop", "phone"])
@pytest.mark.parametrize("key", ["Enter", " "], ids=["Enter", "Space"])
def test_the_menu_opens_and_closes_from_the_keyboard(served_site, browser, size, key):
    """Below 1220 pixels the menu is a drawer opened by a button that was a <label> the Tab key
    never reached (found in a learner's review, December 2026): a keyboard user could not open
    the menu. docs/javascripts/menu-button.js makes it a button."""
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(f"{served_site}/services/front-door/")
    page.wait_for_load_state("load")
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate(LABEL_FOCUSED) == "Menu":
            break
    button = page.locator('.md-header label[for="__drawer"]')
    assert page.evaluate(LABEL_FOCUSED) == "Menu", "Tab never reached the menu button"
    assert button.get_attribute("role") == "button" and button.get_attribute("aria-expanded") == "false"
    page.keyboard.press(key)
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary')")
    assert page.evaluate(DRAWER_OPEN) and button.get_attribute("aria-expanded") == "true"
    reached = []
    for _ in range(6):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("() => document.activeElement.textContent.replace(/\\s+/g, ' ').trim()"))
    assert any("(not started)" in text or "(started)" in text for text in reached), reached
    page.keyboard.press("Escape")
    assert not page.evaluate(DRAWER_OPEN)
    assert page.evaluate(LABEL_FOCUSED) == "Menu" and button.get_attribute("aria-expanded") == "false"
    # tabbing past the menu's last link closes it: the focus is not left under it
    page.keyboard.press(key)
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary')")
    for _ in range(200):
        page.keyboard.press("Tab")
        if not page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"):
            break
    assert not page.evaluate(DRAWER_OPEN) and button.get_attribute("aria-expanded") == "false"
    page.close()


@pytest.mark.parametrize("path, size, key", FOCUS_CASES)
def test_every_focused_element_is_in_view_with_a_focus_ring(served_site, browser, path, size, key):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    stops, problems = focus_problems(page, f"{served_site}/{path}", key)
    page.close()
    assert stops > 20
    assert problems == [], "\n".join(problems[:40])


# The focused element and the scroll area of the side bar it is in, once nothing has scrolled or
# changed size for a few animation frames (at most 3 seconds).
SETTLED_IN_AREA = """async () => {
  const frame = () => new Promise(done => requestAnimationFrame(() => done()));
  const el = document.activeElement, area = el.closest(".md-sidebar__scrollwrap");
  const where = () => JSON.stringify([scrollY, area.scrollTop, area.getBoundingClientRect()]);
  let last = where(), still = 0;
  for (const start = performance.now(); still < 20 && performance.now() - start < 3000; ) {
    await frame();
    const now = where();
    still = now === last ? still + 1 : 0;
    last = now;
  }
  const box = el.getBoundingClientRect(), view = area.getBoundingClientRect();
  return {
    what: el.innerText.trim(), keyboard: el.matches(":focus-visible"), top: box.top,
    bottom: box.bottom, areaTop: view.top, areaBottom: view.bottom, scrolled: area.scrollTop,
  };
}"""
LAST_CONTENTS_LINK = "() => [...document.querySelectorAll('.md-sidebar--secondary a')].pop().innerText.trim()"
THE_CONTENTS = "document.activeElement.closest('.md-sidebar__scrollwrap')"


@pytest.mark.parametrize(
    "page_at, then",
    [
        # toc.follow: a moment after the page scrolls, the theme scrolls the table of contents to
        # put the section being read in the middle, smoothly (seen in Chromium:
        # scrollTo({top: -285, behavior: "smooth"}) 28 ms after Shift+Tab had moved focus on)
        (0, f"{THE_CONTENTS}.scrollTo({{top: 0, behavior: 'smooth'}})"),
        # the page reached its top as the reader tabbed back up it, and the theme shortens the
        # side bar there (its top comes down under the header) after focus has moved on
        (400, "window.scrollTo(0, 0)"),
    ],
    ids=["the contents follow the page", "the side bar is shortened at the top"],
)
def test_focus_in_the_contents_stays_in_view_when_the_theme_moves_them(served_site, browser, page_at, then):
    """Tabbing backwards up a long page, Shift+Tab from the page title goes to the last link of the
    table of contents, and the browser scrolls the contents to show it. When the theme answered
    the page's scrolling only after that (a loaded machine, or a reader tabbing fast), it carried
    the focused link out of the contents' scroll area (830 to 854 pixels, below the window) and
    nothing brought it back (docs/javascripts/sidebar-focus.js does now)."""
    page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
    page.goto(f"{served_site}/safeguarding-partnership/")
    page.wait_for_load_state("load")
    page.evaluate(f"() => window.scrollTo(0, {page_at})")
    page.wait_for_timeout(500)
    page.evaluate("() => document.querySelector('article h1 a.headerlink').focus({preventScroll: true})")
    page.keyboard.press("Shift+Tab")
    before = page.evaluate(SETTLED_IN_AREA)
    last = page.evaluate(LAST_CONTENTS_LINK)
    page.evaluate(f"() => {{ {then}; }}")
    after = page.evaluate(SETTLED_IN_AREA)
    walk = _problems(page.evaluate(FOCUSED, True), WIDTH, HEIGHT)  # as the walk above measures it
    page.close()
    assert before["what"] == last and before["keyboard"], before
    assert before["areaTop"] <= before["top"] and before["bottom"] <= before["areaBottom"], before
    assert after["what"] == last, after
    where = f"{after['top']:.0f} to {after['bottom']:.0f}px"
    area = f"contents shown {after['areaTop']:.0f} to {after['areaBottom']:.0f}px"
    hidden = after["top"] < after["areaTop"] or after["bottom"] > after["areaBottom"]
    assert not hidden, f"'{last}' has focus but is out of view ({where}; {area})"
    assert after["areaBottom"] <= HEIGHT, after
    assert walk == []


def test_the_reader_can_still_scroll_the_contents_away_from_the_focus(served_site, browser):
    """Focus is brought back into view only after the theme's scrolling: a reader who scrolls the
    table of contents with the mouse wheel sees what they scrolled to."""
    page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
    page.goto(f"{served_site}/safeguarding-partnership/")
    page.wait_for_load_state("load")
    page.evaluate("() => document.querySelector('article h1 a.headerlink').focus({preventScroll: true})")
    page.keyboard.press("Shift+Tab")
    before = page.evaluate(SETTLED_IN_AREA)
    page.mouse.move(WIDTH - 100, (before["areaTop"] + before["areaBottom"]) / 2)
    page.mouse.wheel(0, -before["scrolled"])
    after = page.evaluate(SETTLED_IN_AREA)
    page.close()
    assert before["scrolled"] > 0 and before["keyboard"], before
    assert after["scrolled"] == 0, after


# Each target: its size, and for a radio or checkbox the size of it together with its label.
TARGETS = """selector => [...document.querySelectorAll(selector)].filter(e => e.offsetParent).map(e => {
  let box = e.getBoundingClientRect();
  const label = e.id && document.querySelector(`label[for="${e.id}"]`);
  if (label) {  // a click on the label chooses the answer: the target is both together
    const l = label.getBoundingClientRect();
    const top = Math.min(box.top, l.top), left = Math.min(box.left, l.left);
    box = {width: Math.max(box.right, l.right) - left, height: Math.max(box.bottom, l.bottom) - top};
  }
  const name = (e.innerText || (label && label.innerText) || "").trim().slice(0, 40);
  return {what: `${e.tagName.toLowerCase()} '${name}'`, width: box.width, height: box.height};
})"""
# The Glossary's A to Z is a row of one-letter links: each letter alone would be a few pixels wide.
TARGET_SELECTORS = (
    ".quiz input, .quiz button, .md-typeset .md-button, .quiz-intro-reset, .quiz-reset-all-link,"
    " .glossary-az a"
)


# Answer the first self-check question wrongly, as a reader would: a wrong option chosen (mkdocs-quiz
# marks the right ones data-correct), or a wrong word in each blank.
@pytest.mark.parametrize("path", ["thresholds/", "services/care-leavers/", "progress/", "glossary/"])
def test_answers_buttons_and_clear_links_are_at_least_24_pixels(served_site, browser, path):
    """WCAG 2.2 target size (minimum), measured in CSS pixels at phone and desktop widths: the
    self-check answers and buttons, the "clear" links and the Glossary's A to Z letters; on a page
    with a self-check, also once a question is answered wrongly, so that its "Try again" button
    (hidden until then) is measured too."""
    for width in (375, WIDTH):
        page = browser.new_page(viewport={"width": width, "height": HEIGHT})
        page.goto(f"{served_site}/{path}")
        targets = page.evaluate(TARGETS, TARGET_SELECTORS)
        if page.locator(".quiz").count():
            quiz = page.get_attribute(".quiz", "id")
            answer(page, quiz, right=False)
            page.locator(f"#{quiz} .quiz-reset-button").wait_for(state="visible")
            answered = page.evaluate(TARGETS, TARGET_SELECTORS)
            assert "button 'Try again'" in [t["what"] for t in answered], answered
            targets += answered
        page.close()
        assert len(targets) >= 1
        small = [
            f"{t['what']}: {t['width']:.0f}x{t['height']:.0f}"
            for t in targets
            if min(t["width"], t["height"]) < 24
        ]
        assert small == [], f"at {width}px wide:\n" + "\n".join(small)


HEADINGS = """() => [document.querySelector("article h1"), document.querySelector("article h2")].map(h => {
  const s = getComputedStyle(h);
  return {size: parseFloat(s.fontSize), weight: parseInt(s.fontWeight), colour: s.color};
})"""


def _darkness(colour: str) -> float:
    """How dark text of this colour looks on white: alpha times (1 - mean of the channels)."""
    parts = [float(x) for x in colour[colour.index("(") + 1 : -1].split(",")]
    alpha = parts[3] if len(parts) == 4 else 1.0
    return alpha * (1 - sum(parts[:3]) / 765)


@pytest.mark.parametrize("path", ["services/child-protection/", "glossary/", ""])
def test_the_page_title_is_at_least_as_prominent_as_a_section_heading(served_site, browser, path):
    page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, color_scheme="light")
    page.goto(f"{served_site}/{path}")
    title, heading = page.evaluate(HEADINGS)
    page.close()
    assert title["size"] >= heading["size"] and title["weight"] >= heading["weight"], (title, heading)
    assert _darkness(title["colour"]) >= _darkness(heading["colour"]), (title, heading)


def test_the_notice_that_a_page_talks_about_abuse_is_a_warning(real_site):
    notice = real_site.html("services/child-protection/index.html").select_one(
        ".admonition:has(> .admonition-title)"
    )
    assert notice.select_one(".admonition-title").get_text(strip=True) == "This page talks about abuse"
    assert "warning" in notice["class"] and "note" not in notice["class"]


# --- The accessibility statement ----------------------------------------------------------------
# The Government's model statement for the Public Sector Bodies Accessibility Regulations 2018.
MODEL_HEADINGS = [
    "How accessible this site is",
    "Feedback and contact information",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Compliance status",
    "Non-accessible content",
    "Non-compliance with the accessibility regulations",
    "Disproportionate burden",
    "Content that is not within the scope of the accessibility regulations",
    "What we are doing to improve accessibility",
    "How we tested this site",
    "Preparation of this accessibility statement",
]


def test_the_accessibility_statement_follows_the_model_statement(real_site):
    article = real_site.html("about/accessibility/index.html").select_one("article")
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in article.select("h2, h3")]
    assert [h for h in MODEL_HEADINGS if h not in headings] == []
    text = " ".join(article.get_text(" ").split())
    for words in (
        "Equality and Human Rights Commission",
        "Equality Advisory and Support Service",
        "Equality Commission for Northern Ireland",
        "different format",
        "the publishing workflow runs before it publishes a change",
        "This accessibility statement applies to this site",
    ):
        assert words in text, words
    links = {a.get_text(" ", strip=True): a["href"] for a in article.select("a[href^='https:']")}
    assert links.get("Equality Advisory and Support Service (EASS)", "").startswith("https://www.equality")
    # When the site was last tested, and by whom, as the model statement says it.
    assert last_tested_problems(text) == []


def last_tested_problems(text: str) -> list[str]:
    """What is wrong with the statement's "This website was last tested on [date]. The test was
    carried out by [who]": missing, a date not written the site's way (6 December 2026), or a day
    still to come. The date is typed in the page's text: each message names its line."""
    lines = STATEMENT.read_text(encoding="utf-8").splitlines()
    line = next((n for n, words in enumerate(lines, 1) if "last tested on" in words), 1)
    where = f"docs/about/accessibility.md:{line}"
    found = LAST_TESTED.search(text)
    if not found:
        return [f"{where}: the statement does not say when the site was last tested and by whom ({WRITE})"]
    try:
        tested = dt.datetime.strptime(found["day"], "%d %B %Y").date()
    except ValueError:
        tested = None
    if tested is None or uk_date(tested) != found["day"]:
        return [f"{where}: '{found['day']}' is not a date written the site's way ({WRITE})"]
    if tested > today():
        return [f"{where}: the site was last tested on {found['day']}, a day still to come ({WRITE})"]
    return []


LAST_TESTED = re.compile(
    r"This website was last tested on (?P<day>\d{1,2} [A-Z][a-z]+ \d{4})\. The test was carried out by \w"
)
WRITE = "write 'This website was last tested on 6 December 2026. The test was carried out by ...'"


@pytest.mark.parametrize(
    "text, problem",
    [
        ("This website was last tested on 6 December 2026. The test was carried out by us.", None),
        ("This website was last tested on 31 December 2025. The test was carried out by us.", None),
        # the statement before: how it is tested and when the statement was reviewed, no test date
        (
            "It was last reviewed on 22 November 2026. This website is tested by the automated tests",
            "does not say when the site was last tested and by whom",
        ),
        ("This website was last tested on 6 December 2026.", "does not say when the site was last tested"),
        ("This website was last tested on 06 December 2026. The test was carried out by us.", "'06 December"),
        ("This website was last tested on 6 Decmber 2026. The test was carried out by us.", "'6 Decmber"),
        ("This website was last tested on 31 February 2026. The test was carried out by us.", "'31 Feb"),
        ("This website was last tested on 6 December 2099. The test was carried out by us.", "still to come"),
    ],
)
def test_a_missing_or_wrong_last_tested_date_is_found(monkeypatch, text, problem):
    monkeypatch.setenv("INDUCTION_TODAY", "2026-12-06")
    found = last_tested_problems(text)
    if problem is None:
        assert found == []
    else:
        assert len(found) == 1 and problem in found[0], found
        assert re.match(r"docs/about/accessibility\.md:\d+: ", found[0])
        assert found[0].endswith(f"({WRITE})")


def test_the_accessibility_statement_invents_no_contact(real_site):
    """Only phone numbers and addresses from data/contacts.yml may appear; where the contact is not
    known, a trainer note asks trainers to add it."""
    known = yaml.safe_load((ROOT / "data" / "contacts.yml").read_text(encoding="utf-8"))
    allowed = {str(v) for entry in known.values() if isinstance(entry, dict) for v in entry.values()}
    text = real_site.html("about/accessibility/index.html").select_one("article").get_text(" ")
    found = re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+|\b0\d[\d ]{8,}\d\b", text)
    assert [f for f in found if f not in allowed] == []
    source = STATEMENT.read_text(encoding="utf-8")
    assert '!!! trainer "Add the contact for accessibility problems"' in source
