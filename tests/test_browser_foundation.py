"""In a real browser: viewing any page sends no request to another host."""

from __future__ import annotations

from urllib.parse import urlparse


def test_pages_make_no_request_to_any_other_host(browser, served_site, real_site):
    own_host = urlparse(served_site).netloc
    outside, failed = [], []
    page = browser.new_page()
    page.on(
        "request",
        lambda r: (
            outside.append(r.url)
            if urlparse(r.url).scheme in {"http", "https"} and urlparse(r.url).netloc != own_host
            else None
        ),
    )
    page.on("requestfailed", lambda r: failed.append(r.url))
    for html in real_site.pages():
        rel = html.relative_to(real_site.site).as_posix()
        page.goto(f"{served_site}/{rel}", wait_until="networkidle")
    page.close()
    assert outside == []
    assert failed == []
