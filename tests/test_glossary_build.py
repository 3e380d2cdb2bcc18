"""The glossary in real strict builds: a small fixture project and the real site, in the hosted
layout (directory URLs) and the offline layout (file://, no directory URLs)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from material.plugins.search.plugin import SearchIndex

from conftest import FIXTURES, ROOT, Build, copy_project, run_build

FIXTURE = FIXTURES / "glossary"
pytestmark = pytest.mark.build  # every test here builds the fixture project or the real site


def fixture_project(tmp_path: Path, directory_urls: bool = True) -> Path:
    """The fixture copied to tmp_path with the real hooks/ beside it."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    if not directory_urls:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text() + "use_directory_urls: false\n")
    return project


def add_hook(project: Path, name: str, code: str) -> None:
    """A hook of the test's own in the project, run after the glossary hook."""
    (project / "hooks" / f"{name}.py").write_text(code)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  - hooks/glossary.py\n", f"  - hooks/glossary.py\n  - hooks/{name}.py\n")
    )


def glossary_links(build: Build) -> list[tuple[Path, str, str]]:
    """(page, href, link text) for every glossary link in the built site."""
    found = []
    for page in build.site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        found += [(page, a["href"], a.get_text()) for a in soup.select("a.glossary-term")]
    return found


_ids: dict[Path, set[str]] = {}


def ids_in(page: Path) -> set[str]:
    if page not in _ids:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        _ids[page] = {tag["id"] for tag in soup.find_all(id=True)}
    return _ids[page]


def unresolved(links, directory_urls: bool) -> list[str]:
    """Links whose file or anchor does not exist, resolved the way a browser would."""
    bad = []
    for page, href, _ in links:
        parts = urlsplit(href)
        assert not parts.scheme and not parts.netloc, f"{page}: {href} is not relative"
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page.resolve()
        if target.is_dir():
            target = target / "index.html"
        if not directory_urls:
            assert not parts.path or parts.path.endswith(".html"), f"{page}: {href} is a directory URL"
        if not target.is_file() or parts.fragment not in ids_in(target):
            bad.append(f"{page}: {href}")
    return bad


@pytest.fixture(scope="module")
def fixture_builds(tmp_path_factory):
    builds = {}
    for layout, directory_urls in (("hosted", True), ("offline", False)):
        tmp = tmp_path_factory.mktemp(layout)
        build = run_build(fixture_project(tmp, directory_urls), tmp / "site")
        assert build.returncode == 0, build.output
        builds[layout] = build
    return builds


@pytest.mark.parametrize("layout", ["hosted", "offline"])
def test_every_glossary_link_resolves_to_an_existing_anchor(fixture_builds, layout):
    build = fixture_builds[layout]
    links = glossary_links(build)
    assert len(links) >= 8
    assert unresolved(links, layout == "hosted") == []
    depths = {len(page.relative_to(build.site).parts) for page, _, _ in links}
    assert {1, 3} <= depths or {1, 4} <= depths, "links from the top and from a nested page"


def test_first_occurrences_are_linked_and_nothing_else(fixture_builds):
    build = fixture_builds["hosted"]
    home = build.html("index.html").select_one("article")
    links = [(a.get_text(), a["href"]) for a in home.select("a.glossary-term")]
    assert links == [
        ("Multi-Agency Safeguarding Hub", "glossary/#mash"),
        ("Children in care", "glossary/#children-in-care"),
        ("child protection plan", "glossary/#child-protection-plan"),
        ("child protection", "glossary/#child-protection"),
        ("EHCPs", "glossary/#ehcp"),
        ("section\xa047", "glossary/#section-47"),
    ]
    assert not home.select("h1 a.glossary-term, h2 a.glossary-term, code a.glossary-term")
    front = build.html("services/deep/front-door/index.html").select_one("article")
    assert [a.get_text() for a in front.select("a.glossary-term")] == [
        "MASH",  # "*Multi-Agency* Safeguarding Hub" is split by the <em>: the next mention is linked
        "CIN",  # the first CIN is inside an ordinary link
        "looked after children",
    ]


def test_the_glossary_page_lists_every_entry_with_its_pages(fixture_builds):
    soup = fixture_builds["hosted"].html("glossary/index.html")
    article = soup.select_one("article")
    assert not article.select("a.glossary-term"), "the glossary page links no terms"
    entries = [h["id"] for h in article.select("h3.glossary-entry")]
    assert entries == [
        "child-protection",
        "child-protection-plan",
        "children-in-care",
        "cin",
        "ehcp",
        "mash",
        "section-47",
    ]
    jump = [a["href"] for a in article.select("nav.glossary-az a")]
    assert jump == ["#letter-c", "#letter-e", "#letter-m", "#letter-s"]
    assert all(soup.find(id=href[1:]) for href in jump)

    def used_on(anchor):
        body = soup.find(id=anchor).find_next_sibling("div")
        line = next(p for p in body.find_all("p") if p.get_text().startswith("Used on"))
        return [a.get_text() for a in line.find_all("a")]

    assert used_on("mash") == ["Home", "Front door", "Plain words"]  # nav titles
    assert used_on("cin") == ["Front door"]  # the home page mentions it only in an opted-out block
    toc = [a.get_text(strip=True) for a in soup.select(".md-sidebar--secondary nav a")]
    assert "MASH" not in toc and "M" in toc, "the side contents list letters, not every term"


def test_the_search_index_holds_only_the_words_a_page_shows(fixture_builds):
    """The glossary adds no hidden words for search: Material shows a section's indexed text as
    the result's preview, so a list of the terms' other names would be shown as the preview
    (tests/test_search.py checks the previews in the browser)."""
    build = fixture_builds["hosted"]
    index = json.loads((build.site / "search" / "search_index.json").read_text())
    text = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        text[page] = text.get(page, "") + " " + doc["title"] + " " + doc["text"]
    assert "Multi-Agency Safeguarding Hub" in text["plain/"] and "MASH" not in text["plain/"]
    assert "looked after children" not in text[""], "nor the other names of a term it uses"
    assert not build.html("plain/index.html").select("article [hidden]")


def test_a_page_with_search_attributes_keeps_its_links(tmp_path):
    """Material takes data-search-* attributes out of the page it indexes; the glossary's links
    are not affected."""
    project = fixture_project(tmp_path)
    plain = project / "docs" / "plain.md"
    plain.write_text(
        plain.read_text() + '\nNot for search: a child in need.\n{ data-search-exclude="yes" }\n'
    )
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = build.html("plain/index.html").select_one("article")
    assert [a.get_text() for a in page.select("a.glossary-term")] == [
        "Multi-Agency Safeguarding Hub",
        "child in need",
    ]
    assert not page.select("[data-search-exclude]")
    index = json.loads((build.site / "search" / "search_index.json").read_text())
    text = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("plain/"))
    assert "Not for search" not in text and "Multi-Agency Safeguarding Hub" in text, text


def test_material_search_indexes_the_glossary_page_as_it_would_read_it_whole(tmp_path):
    """The search index holds what Material's own search makes of the Glossary page as readers
    get it: an entry is a section of its own."""
    project = fixture_project(tmp_path)
    add_hook(
        project,
        "record",
        "from pathlib import Path\n"
        "from mkdocs.plugins import event_priority\n\n\n"
        "@event_priority(-50)\n"
        "def on_page_context(context, page, config, nav):\n"
        "    if page.file.src_uri == 'glossary.md':\n"
        "        Path(config.site_dir).with_name('glossary-content.html').write_text(page.content)\n"
        "    return context\n",
    )
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    content = (tmp_path / "glossary-content.html").read_text()
    assert content.count('class="glossary-entry"') == 7
    page = SimpleNamespace(content=content, toc=[], url="glossary/", title="Glossary", meta={})
    whole = SearchIndex()
    whole.add_entry_from_context(page)
    index = json.loads((build.site / "search" / "search_index.json").read_text())
    docs = [d for d in index["docs"] if d["location"].startswith("glossary/")]
    assert docs == whole.entries
    locations = [d["location"] for d in docs]
    assert locations[:3] == ["glossary/", "glossary/#letter-c", "glossary/#child-protection"]


def test_a_link_to_an_entry_is_checked_like_any_other_anchor(tmp_path):
    """A link to an entry passes the strict build, a link to a missing one fails it."""
    project = fixture_project(tmp_path)
    page = project / "docs" / "plain.md"
    page.write_text(page.read_text() + "\n[What children in care means](glossary.md#children-in-care).\n")
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    page.write_text(page.read_text().replace("#children-in-care", "#no-such-term"))
    build = run_build(project, tmp_path / "again")
    assert build.returncode != 0
    assert "does not contain an anchor '#no-such-term'" in build.output, build.output


def test_a_definition_is_shown_as_text_never_run(tmp_path):
    project = fixture_project(tmp_path)
    data = project / "data" / "glossary.yml"
    data.write_text(
        data.read_text().replace(
            "Where agencies share information about a new worry about a child.",
            "Share \"quotes\" & <script>alert('x')</script><b>bold</b>.",
        )
    )
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    glossary = build.html("glossary/index.html")
    assert not glossary.select("article script, article .glossary-definition b")
    assert (
        "<script>alert('x')</script><b>bold</b>"
        in glossary.find(id="mash").find_next_sibling("div").get_text()
    )
    link = build.html("index.html").select_one("a.glossary-term")
    assert link["title"].endswith("Share \"quotes\" & <script>alert('x')</script><b>bold</b>.")


def edit(path: str, old: str, new: str):
    def change(project: Path):
        file = project / path
        text = file.read_text()
        assert old in text, f"{path} no longer contains {old!r}"
        file.write_text(text.replace(old, new, 1))

    return change


BAD_INPUT = {
    "duplicate term": (
        edit(
            "data/glossary.yml", "  - term: CIN\n", "  - term: mash\n    definition: Again.\n  - term: CIN\n"
        ),
        "data/glossary.yml:23: 'mash' is already a name of the entry 'MASH' (line 3) "
        "(give each term, expansion and alias to one entry only; capitals are ignored)",
    ),
    "duplicate alias": (
        edit("data/glossary.yml", "aliases: [CP]", "aliases: [CP, cic]"),
        "data/glossary.yml:15: 'cic' is already a name of the entry 'children in care' (line 9)",
    ),
    "empty definition": (
        edit(
            "data/glossary.yml", "definition: >-\n      Children the council looks after.", "definition: ''"
        ),
        "data/glossary.yml:11: the definition of 'children in care' is empty "
        "(write one to three plain sentences after 'definition: >-')",
    ),
    "see a missing page": (
        edit("data/glossary.yml", "see: [services/deep/front-door.md]", "see: [services/front-door.md]"),
        "data/glossary.yml:7: 'MASH' has see: services/front-door.md, which is not a page "
        "(give the path of a page under docs/, e.g. services/front-door.md)",
    ),
    "malformed file": (
        edit("data/glossary.yml", "    aliases: [CiC, CIC, looked after children]", "    aliases: [CiC, CIC"),
        "data/glossary.yml:10: this is not valid YAML: the [ ] brackets that open on this line",
    ),
    "a heading with an entry's anchor": (
        edit("docs/glossary.md", "<!-- glossary -->", "## About MASH { #mash }\n\n<!-- glossary -->"),
        "docs/glossary.md: a heading there has the id 'mash', which is the anchor of the entry 'MASH' "
        "(give the heading an id of its own, e.g. { #about-mash })",
    ),
    "no marker on the glossary page": (
        edit("docs/glossary.md", "<!-- glossary -->", ""),
        "docs/glossary.md: the page has no <!-- glossary --> line",
    ),
}


@pytest.mark.parametrize("case", BAD_INPUT, ids=list(BAD_INPUT))
def test_bad_input_stops_the_build_with_a_clear_message_and_builds_nothing(tmp_path, case):
    change, message = BAD_INPUT[case]
    project = fixture_project(tmp_path)
    change(project)
    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert message in build.output, build.output
    assert not list((tmp_path / "site").rglob("*.html")), "no page was written"


def test_an_unexplained_acronym_fails_the_strict_build_naming_page_and_line(tmp_path):
    project = fixture_project(tmp_path)
    edit("docs/plain.md", "Only the expansion", "The XYZW team. Only the expansion")(project)
    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert (
        "docs/plain.md:3: 'XYZW' looks like an acronym but is not in the glossary "
        "(add it to data/glossary.yml, or to the allow: list there if it is not jargon)"
    ) in build.output


@pytest.mark.build
def test_an_unexplained_acronym_in_a_menu_title_or_a_description_fails_the_build(tmp_path):
    """The menu's titles show on every page and a description in search results: a trainer-
    workflow review (December 2026) put 'ZQX fostering' in the menu and it passed. Each is told
    at its line: the menu's in mkdocs.yml, the description's in the page's front matter."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n")
    menu = next(n for n, line in enumerate(lines, 1) if line.startswith("      - Fostering: "))
    # API is also in a comment near the top of mkdocs.yml: the title's own line is told
    lines[menu - 1] = lines[menu - 1].replace("Fostering:", "Fostering API:")
    config.write_text("\n".join(lines), encoding="utf-8")
    page = project / "docs" / "services" / "kinship-care.md"
    text = page.read_text(encoding="utf-8")
    described = next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith("description: "))
    page.write_text(text.replace("description: ", "description: WQZX ", 1), encoding="utf-8")
    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0
    for where, word in (
        (f"mkdocs.yml:{menu}", "API"),
        (f"docs/services/kinship-care.md:{described}", "WQZX"),
    ):
        assert (
            f"{where}: '{word}' looks like an acronym but is not in the glossary (add it to "
            "data/glossary.yml, or to the allow: list there if it is not jargon)"
        ) in build.output, build.output


# --- The real site ---------------------------------------------------------------------------------


def test_the_real_site_links_resolve_in_the_hosted_layout(real_site):
    links = glossary_links(real_site)
    assert len(links) > 100
    assert unresolved(links, directory_urls=True) == []
    glossary = real_site.html("glossary/index.html")
    assert not glossary.select("article a.glossary-term")
    assert len(glossary.select("h3.glossary-entry")) > 80


def test_every_used_on_page_links_back_to_the_entry(real_site):
    glossary = real_site.html("glossary/index.html")
    linked: dict[Path, set[str]] = {}  # page -> the entries it links (each page read once)
    checked = 0
    for body in glossary.select("div.glossary-definition"):
        anchor = body.find_previous_sibling("h3")["id"]
        for p in body.find_all("p"):
            if not p.get_text().startswith("Used on"):
                continue
            for a in p.find_all("a"):
                page = (real_site.site / "glossary" / a["href"] / "index.html").resolve()
                if page not in linked:
                    soup = BeautifulSoup(page.read_text(), "lxml")
                    linked[page] = {x["href"].rpartition("#")[2] for x in soup.select("a.glossary-term")}
                assert anchor in linked[page], f"{a['href']} does not link {anchor}"
                checked += 1
    assert checked > 50


def test_used_on_sends_learners_to_no_page_left_out_of_their_search(real_site):
    """The trainer guide uses glossary terms too, but it is left out of the learners' search
    (`search: exclude`): a learner reading the glossary is not sent there."""
    trainer_pages = sorted(real_site.site.glob("trainers/**/index.html"))
    linking = [p for p in trainer_pages if BeautifulSoup(p.read_text(), "lxml").select("a.glossary-term")]
    assert linking, "no trainer page links a glossary term: this test would prove nothing"
    glossary = real_site.html("glossary/index.html")
    used_on = [
        a["href"]
        for p in glossary.select("div.glossary-definition p")
        if p.get_text().startswith("Used on")
        for a in p.find_all("a")
    ]
    assert len(used_on) > 50
    assert [href for href in used_on if href.startswith("../trainers/")] == []


def test_the_real_site_search_knows_mash_by_both_names(real_site):
    index = json.loads((real_site.site / "search" / "search_index.json").read_text())
    front = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("services/front-door/"))
    assert "MASH" in front and "Multi-Agency Safeguarding Hub" in front


def test_a_glossary_result_shows_the_entry_not_its_lists_of_pages(real_site):
    """Material shows the parts of a result that hold the words searched for: the "Used on" and
    "Find out more" lists are not searched, so searching "MASH" shows the entry's definition,
    not "Find out more: Front door and MASH". Readers still see the lists on the page."""
    index = json.loads((real_site.site / "search" / "search_index.json").read_text())
    entries = {d["title"]: d["text"] for d in index["docs"] if d["location"].startswith("glossary/#")}
    assert len(entries) > 150
    listed = [title for title, text in entries.items() if "Used on" in text or "Find out more" in text]
    assert listed == []
    assert "MASH" not in entries["MASH"] and "Multi-Agency Safeguarding Hub" in entries["MASH"]
    page = real_site.html("glossary/index.html").select_one("#mash + div")
    labels = [p.get_text().split(":")[0] for p in page.select("p") if ":" in p.get_text()]
    assert labels[-2:] == ["Find out more", "Used on"], labels


@pytest.fixture(scope="module")
def offline_build(tmp_path_factory) -> Build:
    """The real site built with mkdocs-offline.yml: offline plugin (no directory URLs)."""
    site = tmp_path_factory.mktemp("offline") / "site"
    build = run_build(ROOT, site, "-f", str(ROOT / "mkdocs-offline.yml"))
    assert build.returncode == 0, build.output
    return build


def test_the_real_site_links_resolve_in_the_offline_layout(offline_build):
    links = glossary_links(offline_build)
    assert len(links) > 100
    assert unresolved(links, directory_urls=False) == []
