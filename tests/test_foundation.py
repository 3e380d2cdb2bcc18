"""The foundation: the real site builds strictly, fetches nothing from other hosts, and a broken
internal link fails the build with a message naming the page."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import yaml

from conftest import ROOT, run_build

# <link rel=...> values whose href the browser fetches.
FETCHED_LINK_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "modulepreload",
    "manifest",
}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+(?:url\()?\s*['\"]([^'\"]+)")


def is_external(url: str) -> bool:
    """True when fetching `url` from a page would contact another host."""
    url = url.strip()
    if url.startswith("//"):
        return True
    return urlparse(url).scheme in {"http", "https", "ws", "wss", "ftp"}


def fetched_urls(soup) -> list[str]:
    """Every URL in a page that a browser fetches on its own (not ordinary <a> links)."""
    urls = []
    for tag in soup.find_all(
        ["script", "img", "iframe", "source", "audio", "video", "embed", "track", "input"]
    ):
        urls += [tag.get("src", "")]
    for tag in soup.find_all(["img", "source"]):
        urls += [part.split()[0] for part in tag.get("srcset", "").split(",") if part.strip()]
    for tag in soup.find_all("object"):
        urls.append(tag.get("data", ""))
    for tag in soup.find_all("link"):
        if FETCHED_LINK_RELS & {rel.lower() for rel in tag.get("rel", [])}:
            urls.append(tag.get("href", ""))
    for tag in soup.find_all("style"):
        urls += css_urls(tag.get_text())
    for tag in soup.find_all(style=True):
        urls += css_urls(tag["style"])
    for tag in soup.find_all(["svg", "image", "use"]):
        urls += [tag.get("href", ""), tag.get("xlink:href", "")]
    return [u for u in urls if u]


def css_urls(css: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(css)]


def test_the_real_site_builds_in_strict_mode(real_site):
    pages = real_site.pages()
    assert len(pages) >= 2
    home = real_site.html("index.html")
    assert home.html["lang"] == "en"
    assert home.find("h1").get_text(strip=True).rstrip("¶") == "Start here"
    # Facts are filled in from data/contacts.yml, not left as placeholders.
    contacts = yaml.safe_load((ROOT / "data" / "contacts.yml").read_text())
    text = home.get_text(" ")
    assert contacts["front_door"]["phone"] in text
    assert "{{" not in text


def test_no_page_fetches_anything_from_another_host(real_site):
    offenders = []
    for page in real_site.pages():
        soup = real_site.html(str(page.relative_to(real_site.site)))
        offenders += [f"{page.name}: {u}" for u in fetched_urls(soup) if is_external(u)]
    for css in real_site.site.rglob("*.css"):
        offenders += [f"{css.name}: {u}" for u in css_urls(css.read_text()) if is_external(u)]
    assert offenders == [], "pages fetch from other hosts (run: nox -s build):\n" + "\n".join(offenders)


def test_the_external_request_check_catches_each_kind_of_fetch():
    from bs4 import BeautifulSoup

    html = """<html><head>
      <link rel="stylesheet" href="https://fonts.example.org/css">
      <link rel="preconnect" href="//cdn.example.org">
      <script src="https://cdn.example.org/x.js"></script>
      <style>@import "https://e.example.org/a.css"; body{background:url(https://e.example.org/b.png)}</style>
      </head><body><img src="http://e.example.org/c.png"><iframe src="https://e.example.org/f"></iframe>
      <a href="https://www.legislation.gov.uk/">the law</a></body></html>"""
    external = [u for u in fetched_urls(BeautifulSoup(html, "lxml")) if is_external(u)]
    assert len(external) == 7
    assert not any("legislation" in u for u in external)


def test_a_broken_internal_link_fails_the_strict_build_naming_the_page(project_copy, tmp_path):
    page = project_copy / "docs" / "gloucestershire.md"
    page.write_text(page.read_text() + "\nSee [the missing page](no-such-page.md).\n")
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert "gloucestershire.md" in build.output
    assert "no-such-page.md" in build.output
    assert "Aborted with" in build.output


def test_a_broken_anchor_fails_the_strict_build(project_copy, tmp_path):
    page = project_copy / "docs" / "gloucestershire.md"
    page.write_text(page.read_text() + "\nSee [nowhere](index.md#no-such-section).\n")
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode != 0
    assert "no-such-section" in build.output


def test_theme_makes_no_third_party_calls_by_configuration():
    config = (ROOT / "mkdocs.yml").read_text()
    assert re.search(r"^\s*font:\s*false", config, re.M), "theme.font must be false (Google Fonts)"
    assert not re.search(r"^repo_url:", config, re.M), "repo_url makes the theme call a third-party API"
    assert re.search(r"^\s*generator:\s*false", config, re.M)
    assert Path(ROOT / "requirements.txt").read_text().count("==") >= 10
