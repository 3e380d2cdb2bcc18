"""In a real browser: viewing any page sends no request to another host."""

from __future__ import annotations

import base64
from urllib.parse import urlparse

TABS = 6  # pages open at once: each waits for half a second without requests, so they wait together


def test_pages_make_no_request_to_any_other_host(browser, served_site, real_site):
    own_host = urlparse(served_site).netloc
    outside, failed = [], []
    context = browser.new_context()  # its events cover every tab opened in it
    context.on(
        "request",
        lambda r: (
            outside.append(r.url)
            if urlparse(r.url).scheme in {"http", "https"} and urlparse(r.url).netloc != own_host
            else None
        ),
    )
    context.on("requestfailed", lambda r: failed.append(r.url))
    paths = [html.relative_to(real_site.site).as_posix() for html in real_site.pages()]
    for start in range(0, len(paths), TABS):
        tabs = [(context.new_page(), rel) for rel in paths[start : start + TABS]]
        for tab, rel in tabs:
            tab.goto(f"{served_site}/{rel}", wait_until="commit")
        for tab, _ in tabs:
            tab.wait_for_load_state("networkidle")
            tab.close()
    context.close()
    assert len(paths) > 20
    assert outside == []
    assert failed == []


# The mean brightness of each column of pixels of a PNG picture, read by the browser itself.
COLUMNS = """async src => {
  const img = new Image();
  img.src = src;
  await img.decode();
  const canvas = Object.assign(document.createElement("canvas"), {width: img.width, height: img.height});
  const g = canvas.getContext("2d");
  g.drawImage(img, 0, 0);
  const data = g.getImageData(0, 0, img.width, img.height).data, out = [];
  for (let x = 0; x < img.width; x++) {
    let sum = 0;
    for (let y = 0; y < img.height; y++) sum += data[(y * img.width + x) * 4];
    out.push(sum / img.height);
  }
  return out;
}"""


def test_a_table_wider_than_a_phone_shows_a_shadow_where_it_scrolls(browser, served_site):
    """A usability review (7 December 2026) read the thresholds table on a phone as cut off: it
    scrolls sideways, and now a shadow on the edge where more of it is hidden says so. Each edge is
    compared with the same picture without the page's table style: darker where more is hidden,
    the same where the table ends."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    decoder = browser.new_page()
    page.goto(f"{served_site}/thresholds/", wait_until="load")
    wrap = page.locator(".md-typeset__scrollwrap").first
    assert wrap.evaluate("w => w.scrollWidth - w.clientWidth") > 50, "the table fits: the test needs another"
    wrap.evaluate("w => window.scrollTo(0, w.getBoundingClientRect().top + scrollY - 300)")

    def edges() -> tuple[float, float]:
        box = wrap.bounding_box()
        png = page.screenshot(clip={"x": box["x"], "y": 320, "width": box["width"], "height": 200})
        columns = decoder.evaluate(COLUMNS, "data:image/png;base64," + base64.b64encode(png).decode())
        return sum(columns[:6]) / 6, sum(columns[-6:]) / 6

    def with_and_without() -> list[tuple[float, float]]:
        shown = edges()
        wrap.evaluate("w => { w.style.background = 'none'; }")
        bare = edges()
        wrap.evaluate("w => { w.style.background = ''; }")
        return [shown, bare]

    (left, right), (bare_left, bare_right) = with_and_without()
    assert right < bare_right - 10 and abs(left - bare_left) < 2, (left, right, bare_left, bare_right)
    wrap.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    (left, right), (bare_left, bare_right) = with_and_without()
    assert left < bare_left - 10 and abs(right - bare_right) < 2, (left, right, bare_left, bare_right)
    page.close()
    decoder.close()
