"""In a real browser: viewing any page sends no request to another host."""

from __future__ import annotations

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
