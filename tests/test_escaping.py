"""Nothing typed into front matter, the menu or a data file runs in a reader's browser (issue 17).

Each hostile value carries the word in PWN, so whatever the build made of it can be found: a
script element, an event handler attribute or a `javascript:` link holding that word means the
value ran as HTML; the same words shown as text, where a reader sees them, means it was escaped.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from markupsafe import Markup

from conftest import ROOT, copy_project, run_build
from induction.common import DataError
from induction.escaping import (
    as_text,
    check_extra_keys,
    check_front_matter_text,
    check_menu_links,
    check_page_settings,
    check_settings,
    check_titles,
    extra_key_lines,
    missing_hooks,
    nav_file,
    nav_title_lines,
    page_settings,
    setting_lines,
    setting_value_lines,
)
from induction.facts import fill_placeholders, is_web_address
from induction.front_matter import front_matter_line
from induction.learning_path import essentials_markdown, learning_path_markdown
from induction.text import markdown_text

PWN = "pwned"


def stopped_with(check, *args) -> str | None:
    """The message `check(*args)` stops the build with, or None when it lets the input through."""
    try:
        check(*args)
    except DataError as error:
        return str(error)
    return None


# --- the pure functions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Children & families", "Children &amp; families"),
        ('The "front door"', "The &#34;front door&#34;"),
        ("Children's services", "Children&#39;s services"),
        ('x" onerror="alert(1)', "x&#34; onerror=&#34;alert(1)"),
        ("&lt;b&gt;", "&amp;lt;b&amp;gt;"),  # shows as typed
        (Markup("A &amp; B"), "A &amp; B"),  # already escaped: not again
        (["a & b", 3], ["a &amp; b", 3]),
        ({"search": {"exclude": True}, "hide": ["toc"]}, {"search": {"exclude": True}, "hide": ["toc"]}),
        (None, None),
    ],
)
def test_as_text_escapes_every_string_once(value, expected):
    result = as_text(value)
    assert result == expected
    assert as_text(result) == expected  # twice changes nothing more
    if isinstance(value, str):
        assert isinstance(result, Markup)


RAW = """---
title: Fostering
description: What fostering is.
owner: A team
sources: [induction_2025]
hide:
  - toc
---

# Fostering
"""


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ({"title": "Children & families", "description": 'The "front door"'}, None),
        ({"title": "<script>alert(1)</script>"}, (2, "the title contains '<'")),
        ({"title": "ok", "description": "a > b"}, (3, "the description contains '>'")),
        ({"owner": '<img src=x onerror="alert(1)">'}, (4, "the owner contains '<'")),
        ({"hide": ["<b>", "toc"]}, (7, "the hide contains '<'")),
        ({"search": {"exclude": "<no>"}}, (1, "the search.exclude contains '<'")),  # not in RAW: line 1
        ({"last_reviewed": 3, "sources": ["induction_2025"]}, None),
    ],
)
def test_check_front_matter_text(front, expected):
    message = (
        expected and f"docs/x.md:{expected[0]}: {expected[1]} (write plain text: no HTML in front matter)"
    )
    assert stopped_with(check_front_matter_text, front, RAW, "docs/x.md") == message


@pytest.mark.parametrize(
    ("raw", "path", "line"),
    [
        (RAW, ("title",), 2),
        (RAW, ("owner",), 4),
        (RAW, ("hide", 0), 7),
        (RAW, ("hide",), 6),  # a list written below its key: the key's line
        (RAW, ("sources",), 5),
        (RAW + "review_due: 2027-01-01\n", ("review_due",), 1),  # in the body, not the front matter
        ("---\nreview_due:\nowner: A\n---\n", ("review_due",), 2),  # empty: the key's line
        (RAW, ("missing",), 1),
        ("# No front matter\n", ("title",), 1),
        ("---\ntitle: [unclosed\n---\n", ("title",), 1),  # not YAML: the opening line
    ],
)
def test_front_matter_line(raw, path, line):
    assert front_matter_line(raw, *path) == line


NAV = """site_name: X
nav:
  - Start here: index.md
  - Services:
      - Front door: services/front-door.md
      - services/other.md
  - About:
      - about/index.md
      - Home page: https://example.invalid/
"""


def test_nav_title_lines_name_each_title_line():
    assert nav_title_lines(NAV) == {
        "Start here": 3,
        "Services": 4,
        "Front door": 5,
        "About": 7,
        "Home page": 9,
    }
    assert nav_title_lines("site_name: X\n") == {}
    assert nav_title_lines("base_path: !relative $config_dir\nnav:\n  - A: a.md\n") == {"A": 3}


SETTINGS_HINT = "write plain text: no HTML and no double quotes in the site's name, description and author"


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"site_name": "Member Induction: Children's Social Care & more"}, None),
        ({"site_name": "Induction<script>alert(1)</script>"}, "mkdocs.yml:1: site_name contains '<'"),
        ({"site_description": 'An "induction"'}, "mkdocs.yml:2: site_description contains '\"'"),
        ({"site_author": "a > b"}, "mkdocs.yml:3: site_author contains '>'"),
        ({"copyright": "<b>Council</b>"}, None),  # Material lets it hold HTML on purpose
        ({"site_name": "x<", "lines": "not in this file"}, None),
    ],
)
def test_check_settings(settings, expected):
    lines = {"site_name": 1, "site_description": 2, "site_author": 3, "copyright": 4}
    if settings.pop("lines", None):
        lines = {}
    assert stopped_with(check_settings, settings, lines, "mkdocs.yml") == (
        expected and f"{expected} ({SETTINGS_HINT})"
    )


def test_setting_lines():
    assert setting_lines(NAV) == {"site_name": 1, "nav": 2}
    assert setting_lines("- a list\n") == {}


def test_nav_file_follows_inherit_to_the_menu(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nnav:\n  - A: a.md\n", encoding="utf-8")
    (tmp_path / "offline.yml").write_text("INHERIT: mkdocs.yml\nplugins: [search]\n", encoding="utf-8")
    (tmp_path / "loop.yml").write_text("INHERIT: loop.yml\n", encoding="utf-8")
    assert nav_file(tmp_path / "offline.yml") == (tmp_path / "mkdocs.yml").resolve()
    assert nav_file(tmp_path / "mkdocs.yml") == tmp_path / "mkdocs.yml"
    assert nav_file(tmp_path / "loop.yml") == tmp_path / "loop.yml"


@pytest.mark.parametrize(
    ("titles", "expected"),
    [
        (["Start here", "Children & families", 'The "front door"'], None),
        (["Start here", "<script>x</script>"], (None, "the menu title '<script>x</script>' contains '<'")),
        (["Front door"], None),
        (["Front door <b>"], (5, "the menu title 'Front door <b>' contains '<'")),
    ],
)
def test_check_titles(titles, expected):
    if expected is not None:
        where = f"mkdocs.yml:{expected[0]}" if expected[0] else "mkdocs.yml"
        expected = f"{where}: {expected[1]} (write plain text: no HTML in the menu titles in mkdocs.yml)"
    assert stopped_with(check_titles, titles, {"Front door <b>": 5}, "mkdocs.yml") == expected


FILE_HINT = "copy the file into docs/ and write its path from there, such as stylesheets/extra.css"
NOT_HERE = f"is not a file of this site ({FILE_HINT})"
NO_SCRIPT = "remove it: a page cannot run scripts"


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ("copyright: 'Council. <a href=\"https://council.example/\">Terms</a> &amp; <b>more</b>'", None),
        ("extra_css: [stylesheets/extra.css]\nextra_javascript:\n  - path: javascripts/a.js", None),
        ("extra:\n  polyfills:\n    - assets/vendor/iframe-worker/shim.js", None),
        ("theme:\n  name: material\n  logo: images/logo.svg\n  favicon: images/favicon.svg", None),
        (
            'site_name: X\ncopyright: <img src="https://evil.example/c.png" alt="c">',
            "mkdocs.yml:2: copyright: the picture https://evil.example/c.png is loaded from another website "
            "(copy the picture into docs/images/ and show it with ![what it shows](../images/picture.svg))",
        ),
        (
            "copyright: >-\n  Council<script>alert(1)</script>",
            f"mkdocs.yml:1: copyright: the tag <script> is not allowed in a page ({NO_SCRIPT})",
        ),
        (
            "copyright: '<b onmouseover=\"alert(1)\">Council</b>'",
            "mkdocs.yml:1: copyright: the attribute onmouseover= on <b> is not allowed in a page "
            f"({NO_SCRIPT})",
        ),
        (
            "extra_javascript:\n  - javascripts/a.js\n  - https://evil.example/x.js",
            f"mkdocs.yml:3: extra_javascript 'https://evil.example/x.js' {NOT_HERE}",
        ),
        (
            "extra_javascript:\n  - path: //evil.example/x.js\n    type: module",
            f"mkdocs.yml:2: extra_javascript '//evil.example/x.js' {NOT_HERE}",
        ),
        (
            "extra_css:\n  - stylesheets/extra.css\n\n  - HTTPS://evil.example/x.css",
            f"mkdocs.yml:4: extra_css 'HTTPS://evil.example/x.css' {NOT_HERE}",
        ),
        (
            "extra:\n  polyfills: ['data:text/javascript,alert(1)']",
            f"mkdocs.yml:2: extra.polyfills 'data:text/javascript,alert(1)' {NOT_HERE}",
        ),
        (
            "theme:\n  name: material\n  logo: https://evil.example/l.png",
            f"mkdocs.yml:3: theme.logo 'https://evil.example/l.png' {NOT_HERE}",
        ),
        (
            "theme:\n  favicon: '\\\\evil.example\\f.ico'",  # a browser reads \\ as //
            f"mkdocs.yml:2: theme.favicon '\\\\evil.example\\f.ico' {NOT_HERE}",
        ),
        (
            "theme:\n  favicon: javascript:alert(1)",
            f"mkdocs.yml:2: theme.favicon 'javascript:alert(1)' {NOT_HERE}",
        ),
    ],
)
def test_check_page_settings(settings, expected):
    """Each setting as written in a settings file: stopped at its line when it is not safe."""
    config = yaml.safe_load(settings)
    lines = setting_value_lines(settings)
    assert stopped_with(check_page_settings, page_settings(config), lines, "mkdocs.yml") == expected
    if expected:  # set in another file (INHERIT, !ENV): checked once more, with no line
        assert stopped_with(check_page_settings, page_settings(config), {}, "mkdocs.yml") is None
        without_line = expected.replace(expected.split(": ")[0], "mkdocs.yml", 1)
        assert stopped_with(check_page_settings, page_settings(config), None, "mkdocs.yml") == without_line


def test_the_real_settings_files_pass_and_their_lines_are_found():
    for name in ("mkdocs.yml", "mkdocs-offline.yml"):
        text = (ROOT / name).read_text(encoding="utf-8")
        check_page_settings(page_settings(yaml.safe_load(text.replace("!relative", ""))), None, name)
    offline = setting_value_lines((ROOT / "mkdocs-offline.yml").read_text(encoding="utf-8"))
    assert ("extra.polyfills", "assets/vendor/iframe-worker/shim.js") in offline


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("https://council.example/members", None),
        ("mailto:members@council.example", None),
        ("glossary/", None),
        (
            "javascript:alert(1)",
            "the address javascript:alert(1) starts with javascript:, which a page may not use",
        ),
        (
            " JavaScript:alert(1)",
            "the address JavaScript:alert(1) starts with javascript:, which a page may not use",
        ),
        ("data:text/html,x", "the address data:text/html,x starts with data:, which a page may not use"),
    ],
)
def test_check_menu_links(link, expected):
    if expected:
        expected = f"mkdocs.yml:7: the menu link 'Council': {expected} ({LINK_HINT})"
    assert stopped_with(check_menu_links, [("Council", link)], {"Council": 7}, "mkdocs.yml") == expected


LINK_HINT = (
    "link to a web page (https://...), an email address (mailto:...), a phone number (tel:...) "
    "or another page of this site"
)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["safe_html.py", "safe_files.py", "escaping.py", "pages.py", "csp.py"], None),
        (["safe_html.py", "safe_files.py", "escaping.py", "pages.py"], "csp.py"),
        (["escaping.py", "safe_files.py", "csp.py"], "safe_html.py"),
        (["safe_html.py", "escaping.py", "csp.py"], "safe_files.py"),
    ],
)
def test_missing_hooks(names, expected):
    assert missing_hooks(names) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Children & families", "Children &amp; families"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("[call](javascript:alert(1))", "&#91;call&#93;(javascript:alert(1))"),
        ("x {: onclick=alert(1) }", "x &#123;: onclick=alert(1) &#125;"),
        ('x" onclick="alert(1)', "x&#34; onclick=&#34;alert(1)"),
        ("`code` and \\", "&#96;code&#96; and &#92;"),
        # a ' would end an attribute written in single quotes: <img alt='{{ people.x.name }}'>
        ("Children's services, 9am to 5pm", "Children&#39;s services, 9am to 5pm"),
        ("Jo' src='https://x.example/p.png", "Jo&#39; src=&#39;https://x.example/p.png"),
    ],
)
def test_markdown_text(value, expected):
    assert markdown_text(value) == expected


HOSTILE_FACTS = {"contacts": {"x": {"name": "[a](javascript:alert(1)) <b>", "email": 'a@b" onclick="x'}}}


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Call {{ contacts.x.name }}.", "Call &#91;a&#93;(javascript:alert(1)) &lt;b&gt;."),
        ("[mail](mailto:{{ contacts.x.email }})", "[mail](mailto:a@b&#34; onclick=&#34;x)"),
        ('<a href="mailto:{{ contacts.x.email }}">', '<a href="mailto:a@b&#34; onclick=&#34;x">'),
    ],
)
def test_placeholders_cannot_make_links_or_attributes(markdown, expected):
    assert fill_placeholders(markdown, HOSTILE_FACTS, "docs/x.md") == expected


def test_a_fact_stays_inside_an_attribute_in_single_quotes():
    """Found by a security review (December 2026): a ' in a fact ended an attribute written in
    single quotes, so the rest of the value became attributes of its own (src=, onerror=)."""
    facts = {"people": {"x": {"name": "Jo' src='https://x.example/p.png' onerror='alert(1)"}}}
    filled = fill_placeholders("<img alt='{{ people.x.name }}' src=\"a.png\">", facts, "docs/x.md")
    (image,) = BeautifulSoup(markdown.markdown(filled), "html.parser").find_all("img")
    assert image.attrs == {"alt": "Jo' src='https://x.example/p.png' onerror='alert(1)", "src": "a.png"}


LINK_TITLE = "A & [b](javascript:alert(1)) {: onclick=alert(2) }"
SECTION = "Services [x](javascript:alert(3))"


def test_the_learning_path_writes_titles_as_text():
    pages = [{"src": "a.md", "title": LINK_TITLE, "minutes": 1}, {"src": "b.md", "title": "B", "minutes": 2}]
    sections = [
        {"title": SECTION, "pages": pages, "minutes": 3},
        {"title": "One", "pages": pages[:1], "minutes": 1},
    ]
    for text in (
        learning_path_markdown(sections, "index.md"),
        essentials_markdown(pages, ["a.md"], "index.md"),
    ):
        soup = BeautifulSoup(markdown.markdown(text, extensions=["attr_list"]), "lxml")
        assert [a["href"] for a in soup.find_all("a")][0] == "a.md"
        assert not [a for a in soup.find_all("a") if "javascript" in a["href"]]
        assert not soup.find_all(onclick=True)
        assert LINK_TITLE in [a.get_text() for a in soup.find_all("a")]
    soup = BeautifulSoup(markdown.markdown(learning_path_markdown(sections, "index.md")), "lxml")
    assert SECTION in [strong.get_text() for strong in soup.find_all("strong")]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.legislation.gov.uk/ukpga/1989/41/contents", True),
        ("http://example.invalid/a?b=c#d", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("//example.invalid/x", False),
        ("www.example.invalid", False),
        ("https://", False),
        ("https://exa mple.invalid/", False),
        ("file:///etc/passwd", False),
        ("https://[::1", False),
    ],
)
def test_is_web_address(url, expected):
    assert is_web_address(url) is expected


# --- builds of the real project with hostile values --------------------------------------------


def plant(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{relative} no longer holds {old!r}: update this test"
    path.write_text(text.replace(old, new), encoding="utf-8")


def plant_field(project: Path, relative: str, entry: str, field: str, value: str) -> None:
    """Give `field` of the entry whose first line is `entry` in a data file the value `value`,
    whatever it holds today (a trainer changes names, hours and definitions, as the guide shows):
    its line, and the lines of a value written over several (`>-`), become one line."""
    lines = (project / relative).read_text(encoding="utf-8").split("\n")
    start = next(n for n, line in enumerate(lines) if line == entry or line.startswith(entry + " "))
    at = next(n for n in range(start + 1, len(lines)) if lines[n].strip().startswith(f"{field}:"))
    indent = len(lines[at]) - len(lines[at].lstrip())
    end = next(
        (
            n
            for n in range(at + 1, len(lines))
            if lines[n].strip() and len(lines[n]) - len(lines[n].lstrip()) <= indent
        ),
        len(lines),
    )
    lines[at:end] = [
        f"{' ' * indent}{field}: {json.dumps(value)}",
        *([""] if not lines[end - 1].strip() else []),
    ]
    (project / relative).write_text("\n".join(lines), encoding="utf-8")


def plant_line(project: Path, relative: str, start: str, new: str) -> int:
    """Replace the one line of `relative` that starts with `start`; return its number."""
    lines = (project / relative).read_text(encoding="utf-8").split("\n")
    ((number, old),) = [(n, line) for n, line in enumerate(lines, start=1) if line.startswith(start)]
    plant(project, relative, old + "\n", new + "\n")
    return number


def ran_as_html(soup: BeautifulSoup) -> list[str]:
    """What in `soup` a planted value made into markup instead of text: a link to a
    `javascript:` URL, an event handler holding PWN, or an element that runs or loads something
    (script, img, iframe, ...) with PWN in it. (mkdocs-quiz's own `action="javascript:void(0);"`
    and `onsubmit` on its forms are another part of issue 17.)"""
    found = []
    for element in soup.find_all(True):
        attributes = {name: " ".join(v) if isinstance(v, list) else v for name, v in element.attrs.items()}
        holds = any(PWN in f"{n}={v}" for n, v in attributes.items()) or (
            element.name in ("script", "style") and PWN in element.get_text()
        )
        for name, value in attributes.items():
            url = value.strip().lower().startswith("javascript:")
            if (url and (holds or name in ("href", "src"))) or (name.lower().startswith("on") and holds):
                found.append(f"<{element.name} {name}={value!r}>")
        if holds and element.name in ACTIVE:
            found.append(str(element)[:120])
    return found


ACTIVE = {"script", "style", "img", "iframe", "object", "embed", "svg", "form", "input", "link", "base"}


def site_ran_as_html(site: Path) -> list[str]:
    found = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        found += [f"{page.relative_to(site)}: {what}" for what in ran_as_html(soup)]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:  # Material's search shows titles and text as HTML
        for field in ("title", "text"):
            soup = BeautifulSoup(doc.get(field, ""), "lxml")
            found += [f"search index {doc['location']}: {what}" for what in ran_as_html(soup)]
    return found


def text_of(soup: BeautifulSoup, selector: str) -> str:
    element = soup.select_one(selector)
    assert element is not None, f"no {selector}"
    return " ".join(element.get_text().split())


# Values a trainer might type, legitimate or hostile, that the build must show as text.
FRONT_TITLE = f"Fostering & \"kinship\" [care](javascript:alert('{PWN}-md')) {{: onclick=alert('{PWN}') }}"
FRONT_DESCRIPTION = f'Carers & "their" children" onerror="alert(\'{PWN}-description\')'
FRONT_OWNER = f"Fostering team\" onmouseover=\"alert('{PWN}-owner')"
NAV_TITLE = f"Fostering & \"carers\" onmouseover=alert('{PWN}-nav')"
SECTION_TITLE = f"Services &amp; &lt;b&gt; & \"support\" [x](javascript:alert('{PWN}-section'))"
CONTACT_NAME = f'<script>alert("{PWN}-contact-name")</script>'
CONTACT_WHEN = (
    f'9am to 5pm" onerror="alert(1)<img src=x onerror=alert("{PWN}-contact-when")>'
    f" [call](javascript:alert('{PWN}-when-md')) {{: onclick=alert('{PWN}-when') }}"
)
PERSON_NAME = f"<script>alert('{PWN}-person')</script> [x](javascript:alert('{PWN}-person-md'))"
SOURCE_TITLE = f'<img src=x onerror=alert("{PWN}-source")>'
GLOSSARY_TERM = f"zzz\" onmouseover=\"alert('{PWN}-term') & zzz"  # '<' in a name: refused by glossary.py
GLOSSARY_DEFINITION = f'The hub. <script>alert("{PWN}-glossary")</script>" onmouseover="alert(1)'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The real project with hostile and awkward values in every place a template or a hook
    writes one that the build accepts: it must build, with each value shown as typed."""
    project = hostile_project(tmp_path_factory.mktemp("hostile") / "project")
    build = run_build(project, project.parent / "site")
    assert build.returncode == 0, build.output
    return build


def hostile_project(dest: Path) -> Path:
    project = copy_project(dest)
    plant_line(project, FOSTERING, "title:", f"title: {json.dumps(FRONT_TITLE)}")
    # no '# Fostering' heading, which must match the title: Material writes the title as the heading
    plant(project, FOSTERING, "\n# Fostering\n", "\n")
    plant_line(project, FOSTERING, "description:", f"description: {json.dumps(FRONT_DESCRIPTION)}")
    plant_line(project, FOSTERING, "owner:", f"owner: {json.dumps(FRONT_OWNER)}")
    plant(
        project,
        "mkdocs.yml",
        "      - Fostering: services/fostering.md",
        f"      - {json.dumps(NAV_TITLE)}: services/fostering.md",
    )
    plant(project, "mkdocs.yml", "  - Services:\n", f"  - {json.dumps(SECTION_TITLE)}:\n")
    plant_field(project, "data/contacts.yml", "front_door:", "name", CONTACT_NAME)
    plant_field(project, "data/contacts.yml", "front_door:", "when", CONTACT_WHEN)
    plant_field(project, "data/people.yml", "director_childrens_services:", "name", PERSON_NAME)
    plant_field(project, "data/sources.yml", "induction_2025:", "title", SOURCE_TITLE)
    plant_field(project, "data/glossary.yml", "  - term: MASH", "definition", GLOSSARY_DEFINITION)
    glossary = project / "data/glossary.yml"
    entry = f"  - term: {json.dumps(GLOSSARY_TERM)}\n    definition: {json.dumps(GLOSSARY_DEFINITION)}\n"
    glossary.write_text(glossary.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + entry, encoding="utf-8")
    return project


def test_hostile_values_never_run(hostile_site):
    assert site_ran_as_html(hostile_site.site) == []


def test_hostile_values_show_as_typed(hostile_site):
    site_name = "Member Induction: Children's Social Care"
    page = hostile_site.html("services/fostering/index.html")
    assert page.title.get_text() == f"{FRONT_TITLE} - {site_name}"
    assert page.find("meta", attrs={"name": "description"})["content"] == FRONT_DESCRIPTION
    assert text_of(page, '.md-header__topic[data-md-component="header-topic"]') == FRONT_TITLE
    nav = [" ".join(link.get_text().split()) for link in page.select(".md-nav__link")]
    assert NAV_TITLE in nav
    assert SECTION_TITLE in nav
    assert f"Page owner: {FRONT_OWNER}" in text_of(page, ".page-review")
    assert f"{SOURCE_TITLE} (June 2025)" in [li.get_text() for li in page.select(".page-review li")]
    assert text_of(page, ".worried__when") == f"({CONTACT_WHEN})"

    home = hostile_site.html("index.html")
    learning_path = [" ".join(a.get_text().split()) for a in home.select(".md-content a, .md-content strong")]
    assert FRONT_TITLE in learning_path
    assert SECTION_TITLE in learning_path
    assert f"({CONTACT_WHEN})" in text_of(home, ".md-content")  # {{ contacts.front_door.when }}

    people = hostile_site.html("how-services-work/index.html")
    assert PERSON_NAME in [td.get_text() for td in people.select("td")]  # {{ people.....name }}

    glossary = hostile_site.html("glossary/index.html")
    assert GLOSSARY_DEFINITION in text_of(glossary, "#mash + .glossary-definition")
    headings = ["".join(h3.find_all(string=True, recursive=False)).strip() for h3 in glossary.select("h3")]
    assert GLOSSARY_TERM in headings
    assert NAV_TITLE in [a.get_text() for a in glossary.select("a.glossary-page")]  # "Used on"
    front_door = hostile_site.html("services/front-door/index.html")
    tooltips = [a["title"] for a in front_door.select('a.glossary-term[href$="#mash"]')]
    assert tooltips and GLOSSARY_DEFINITION in tooltips[0]

    guide = hostile_site.html("trainers/contacts-and-people/index.html")  # shows data/contacts.yml
    assert any(json.dumps(CONTACT_NAME) in code.get_text() for code in guide.select("code"))

    answer_key = hostile_site.html("about/answer-key/index.html")
    headings = ["".join(h2.find_all(string=True, recursive=False)).strip() for h2 in answer_key.select("h2")]
    assert FRONT_TITLE in headings

    # Material's search shows an entry's title and text as HTML: read as HTML, they are as typed.
    # (The menu title is not searched: it was only in the Glossary page's "Used on" lists, which
    # search leaves out since 7 December 2026; it never runs, test_hostile_values_never_run.)
    index = json.loads((hostile_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = [BeautifulSoup(f"{d['title']} | {d['text']}", "lxml").get_text() for d in index["docs"]]
    for value in (FRONT_TITLE, CONTACT_WHEN, PERSON_NAME, GLOSSARY_DEFINITION, GLOSSARY_TERM):
        assert any(value in text for text in found), value
    assert not any(NAV_TITLE in text for text in found)


def written_files_holding(site: Path, word: str) -> list[str]:
    if not site.exists():
        return []
    return [
        str(path.relative_to(site))
        for path in site.rglob("*")
        if path.is_file() and word in path.read_text(encoding="utf-8", errors="replace")
    ]


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "services/fostering/index.html",
        "services/front-door/index.html",
        "how-services-work/index.html",
        "contacts/index.html",
        "glossary/index.html",
        "about/answer-key/index.html",
    ],
)
def test_no_hostile_value_runs_in_chromium(browser, hostile_site, path):
    """In a real browser, from file:// as the offline copy is opened: no planted script runs
    (each one would open an alert), even when every element gets the events an inline handler
    would wait for. The security policy alone would stop every one of them, so the page the
    browser built is also searched for anything that would run without it: an on...= attribute,
    an inline script or a javascript: link (the built pages have none of their own)."""
    page = browser.new_page()
    alerts = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    page.goto((hostile_site.site / path).as_uri())
    page.wait_for_load_state("load")
    page.evaluate(POINT_AT_EVERYTHING)
    if path == "services/fostering/index.html":
        assert page.title() == f"{FRONT_TITLE} - Member Induction: Children's Social Care"
    would_run = page.evaluate(WOULD_RUN_WITHOUT_THE_POLICY)
    page.close()
    assert alerts == []
    assert would_run == []


WOULD_RUN_WITHOUT_THE_POLICY = """() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const {name, value} of element.attributes) {
      const link = ["href", "src", "action", "formaction"].includes(name);
      if (name.startsWith("on") || (link && /^\\s*javascript:/i.test(value))) {
        found.push(`<${element.localName} ${name}=${value}>`);
      }
    }
  }
  for (const script of document.querySelectorAll('script:not([src]):not([type="application/json"])')) {
    found.push(`<script>${script.textContent.slice(0, 80)}`);
  }
  return found;
}"""


POINT_AT_EVERYTHING = """() => {
  for (const element of document.querySelectorAll("*")) {
    for (const type of ["mouseover", "focus", "error"]) element.dispatchEvent(new Event(type));
  }
}"""


@pytest.mark.build
def test_hostile_values_never_run_when_built_with_properdocs(tmp_path):
    """ProperDocs, the maintained MkDocs 1.x fork CI also builds with, has its own page and menu
    classes: the hook must escape them too."""
    project = hostile_project(tmp_path / "project")
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")]
    result = subprocess.run(
        [*command, "-d", str(tmp_path / "site")], capture_output=True, text=True, cwd=project
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert site_ran_as_html(tmp_path / "site") == []
    page = BeautifulSoup(
        (tmp_path / "site/services/fostering/index.html").read_text(encoding="utf-8"), "lxml"
    )
    nav = [" ".join(link.get_text().split()) for link in page.select(".md-nav__link")]
    assert NAV_TITLE in nav
    assert SECTION_TITLE in nav


HTML = f'<img src=x onerror="alert(\'{PWN}\')"><script>alert("{PWN}")</script>'
FOSTERING = "docs/services/fostering.md"
FRONT_MATTER_HINT = "(write plain text: no HTML in front matter)"
# (file, the start of the line to replace, the line written instead, the message; {line} is the
# replaced line's number)
NOT_OURS = (
    "which is not a setting of this site, and the theme may write it into every page as it is (take "
    "it out: the settings under extra: are generator, essentials, quizzes, lms and polyfills, and a "
    "new one is a developer's change)"
)


BAD_INPUT = {
    "front matter title": (
        FOSTERING,
        "title:",
        f"title: {json.dumps(HTML)}",
        f"{FOSTERING}:{{line}}: the title contains '<' {FRONT_MATTER_HINT}",
    ),
    "front matter description": (
        FOSTERING,
        "description:",
        f"description: {json.dumps('Fostering ' + HTML)}",
        f"{FOSTERING}:{{line}}: the description contains '<' {FRONT_MATTER_HINT}",
    ),
    "front matter owner": (
        FOSTERING,
        "owner:",
        f"owner: {json.dumps('Team > ' + HTML)}",
        f"{FOSTERING}:{{line}}: the owner contains '>' {FRONT_MATTER_HINT}",
    ),
    "menu title": (
        "mkdocs.yml",
        "      - Fostering: services/fostering.md",
        f"      - {json.dumps('Fostering' + HTML)}: services/fostering.md",
        f"mkdocs.yml:{{line}}: the menu title 'Fostering{HTML}' contains '<' "
        "(write plain text: no HTML in the menu titles in mkdocs.yml)",
    ),
    "site name": (
        "mkdocs.yml",
        "site_name:",
        f"site_name: 'Induction\" onmouseover=\"alert({PWN})'",
        f"mkdocs.yml:{{line}}: site_name contains '\"' ({SETTINGS_HINT})",
    ),
    "copyright with a picture from another website": (
        "mkdocs.yml",
        "copyright:",
        f'copyright: <img src="https://{PWN}.example/c.png" alt="c">',
        f"mkdocs.yml:{{line}}: copyright: the picture https://{PWN}.example/c.png is loaded from another "
        "website (copy the picture into docs/images/ and show it with "
        "![what it shows](../images/picture.svg))",
    ),
    "copyright with a script": (
        "mkdocs.yml",
        "copyright:",
        f"copyright: <script>alert('{PWN}')</script>",
        f"mkdocs.yml:{{line}}: copyright: the tag <script> is not allowed in a page ({NO_SCRIPT})",
    ),
    "extra_javascript from another website": (
        "mkdocs.yml",
        "extra_css:",
        f"extra_javascript: [https://{PWN}.example/x.js]\nextra_css:",
        f"mkdocs.yml:{{line}}: extra_javascript 'https://{PWN}.example/x.js' {NOT_HERE}",
    ),
    "extra_css from another website": (
        "mkdocs.yml",
        "  - stylesheets/extra.css",
        f"  - https://{PWN}.example/x.css",
        f"mkdocs.yml:{{line}}: extra_css 'https://{PWN}.example/x.css' {NOT_HERE}",
    ),
    "logo from another website": (
        "mkdocs.yml",
        "  favicon:",
        f"  logo: https://{PWN}.example/l.png\n  favicon: images/favicon.svg",
        f"mkdocs.yml:{{line}}: theme.logo 'https://{PWN}.example/l.png' {NOT_HERE}",
    ),
    "favicon from another website": (
        "mkdocs.yml",
        "  favicon:",
        f"  favicon: https://{PWN}.example/f.ico",
        f"mkdocs.yml:{{line}}: theme.favicon 'https://{PWN}.example/f.ico' {NOT_HERE}",
    ),
    # Material writes these extra: settings into every page as they are (found by a security
    # review, December 2026): the site uses none of them, so any is refused at its line.
    "extra.alternate with a redirect": (
        "mkdocs.yml",
        "  generator:",
        f'  alternate:\n    - name: \'English<meta http-equiv="refresh" content="3;url=https://{PWN}.example/">\''
        "\n      link: /\n      lang: en\n  generator: false",
        f"mkdocs.yml:{{line}}: extra: has 'alternate', {NOT_OURS}",
    ),
    "extra.social breaking out of its link": (
        "mkdocs.yml",
        "  generator:",
        "  social:\n    - icon: fontawesome/brands/github\n"
        f"      link: 'https://x.example/\"><b>{PWN}</b><a href=\"'\n  generator: false",
        f"mkdocs.yml:{{line}}: extra: has 'social', {NOT_OURS}",
    ),
    "extra.homepage with a data: address": (
        "mkdocs.yml",
        "  generator:",
        f"  homepage: 'data:text/html,<script>alert({PWN})</script>'\n  generator: false",
        f"mkdocs.yml:{{line}}: extra: has 'homepage', {NOT_OURS}",
    ),
    "javascript: link in the menu": (
        "mkdocs.yml",
        "  - Start here: index.md",
        f"  - Council: \"javascript:alert('{PWN}')\"\n  - Start here: index.md",
        f"mkdocs.yml:{{line}}: the menu link 'Council': the address javascript:alert('{PWN}') starts with "
        f"javascript:, which a page may not use ({LINK_HINT})",
    ),
    "source url": (
        "data/sources.yml",
        '  url: "https://www.legislation.gov.uk/ukpga/1989/41/contents"',
        f"  url: \"javascript:alert('{PWN}')\"",
        "data/sources.yml:{line}: 'children_act_1989.url' is not a web address "
        "(write the document's full address, starting https://)",
    ),
}


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("site_name: x\nextra:\n  generator: false\n  lms:\n    pass_mark: 70\n", {"generator": 3, "lms": 4}),
        ("extra:\n  alternate: []\n  quizzes: {}\n", {"alternate": 2, "quizzes": 3}),
        ("site_name: x\n", {}),
        ("extra: nothing\n", {}),
        ("extra: [\n", {}),  # not YAML: the build's own reading says so
    ],
)
def test_extra_key_lines_are_the_keys_under_extra(text, lines):
    assert extra_key_lines(text) == lines


def test_only_the_sites_own_settings_may_be_under_extra():
    keys = {"generator": 3, "essentials": 4, "quizzes": 9, "lms": 12, "polyfills": 15}
    assert stopped_with(check_extra_keys, keys, "mkdocs.yml") is None
    keys["consent"] = 20
    assert (
        stopped_with(check_extra_keys, keys, "mkdocs.yml")
        == f"mkdocs.yml:20: extra: has 'consent', {NOT_OURS}"
    )


@pytest.mark.build
@pytest.mark.parametrize(("relative", "start", "new", "message"), BAD_INPUT.values(), ids=BAD_INPUT)
def test_bad_input_stops_the_build_naming_file_and_line(tmp_path, relative, start, new, message):
    project = copy_project(tmp_path / "project")
    line = plant_line(project, relative, start, new)
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1, build.output
    assert message.format(line=line) in build.output
    assert written_files_holding(build.site, PWN) == []


CSP_HOOK = "  - hooks/csp.py"


@pytest.mark.build
def test_a_build_without_the_security_policy_hook_stops_naming_it(tmp_path):
    project = copy_project(tmp_path / "project")
    plant_line(project, "mkdocs.yml", CSP_HOOK, "")
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 1, build.output
    line = setting_lines((project / "mkdocs.yml").read_text(encoding="utf-8"))["hooks"]
    assert (
        f"mkdocs.yml:{line}: hooks: does not list hooks/csp.py (put back the line - hooks/csp.py under "
        "hooks:; it gives every page the site's security policy)"
    ) in build.output
    assert not (build.site / "index.html").exists()


@pytest.mark.build
def test_without_the_hooks_every_page_still_forbids_everything(tmp_path):
    """Fail closed: with the policy's hook and the check for it both gone, the template writes a
    policy that allows nothing, never an empty one."""
    project = copy_project(tmp_path / "project")
    plant_line(project, "mkdocs.yml", CSP_HOOK, "")
    plant_line(project, "mkdocs.yml", "  - hooks/escaping.py", "")
    build = run_build(project, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.output
    for page in ("index.html", "services/fostering/index.html", "404.html"):
        meta = build.html(page).head.find("meta")
        assert meta["http-equiv"] == "Content-Security-Policy"
        assert meta["content"] == "default-src 'none'", page
