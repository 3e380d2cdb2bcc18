"""The glossary file: each kind of mistake a trainer can make is reported with its line, and the
real data/glossary.yml is complete, consistent and written as the house style asks."""

from __future__ import annotations

import re
import subprocess
import sys
from types import SimpleNamespace

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markdown import Markdown
from markdown.extensions.toc import TocExtension
from material.plugins.search.plugin import SearchIndex

from conftest import ROOT, search_sections
from induction.common import DataError
from induction.glossary import (
    GlossaryExtension,
    Job,
    check_see_links,
    entries_for_search,
    glossary_markdown,
    index_entries,
    is_acronym,
    load_glossary,
    without_entries,
)

DATA = ROOT / "data" / "glossary.yml"
GOOD = """\
terms:
  - term: MASH
    expansion: Multi-Agency Safeguarding Hub
    definition: Where agencies share information.
    see: [services/front-door.md]
  - term: children in care
    aliases: [CiC, CIC]
    definition: Children the council looks after.
"""


def test_a_good_file_loads():
    glossary = load_glossary(GOOD, "data/glossary.yml")
    assert [e.term for e in glossary.entries] == ["children in care", "MASH"]
    assert glossary.by_id["mash"].see == ("services/front-door.md",)


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "terms:\n  - term: MASH\n    definition: [oops\n",
            "data/glossary.yml:4: this is not valid YAML",
        ),
        ("- term: MASH\n", "data/glossary.yml:1: the file has no 'terms:' list"),
        (
            GOOD + "  - term: Mash\n    definition: Again.\n",
            "data/glossary.yml:9: 'Mash' is already a name of the entry 'MASH' (line 2) "
            "(give each term, expansion and alias to one entry only; capitals are ignored)",
        ),
        (
            GOOD + "  - term: looked after\n    aliases: [cic]\n    definition: Again.\n",
            "data/glossary.yml:9: 'cic' is already a name of the entry 'children in care' (line 6)",
        ),
        (
            GOOD + "  - term: MARAC\n    expansion: multi-agency safeguarding hub\n    definition: x.\n",
            "data/glossary.yml:9: 'multi-agency safeguarding hub' is already a name of the entry 'MASH'",
        ),
        (
            GOOD + "  - term: CIN\n    definition: >-\n\n  - term: SGO\n    definition: x\n",
            "data/glossary.yml:10: the definition of 'CIN' is empty "
            "(write one to three plain sentences after 'definition: >-')",
        ),
        (
            GOOD + "  - term: CIN\n",
            "data/glossary.yml:9: the definition of 'CIN' is empty",
        ),
        (GOOD + "  - definition: x\n", "data/glossary.yml:9: entry 3 has no term"),
        (GOOD + "  - CIN\n", "data/glossary.yml:9: entry 3 in 'terms:' is not a group of fields"),
        (
            GOOD + "  - term: CIN\n    defintion: x\n",
            "data/glossary.yml:10: unknown field 'defintion' (use only: term, expansion,",
        ),
        (
            GOOD + "  - term: CIN\n    definition: x\n    case: upper\n",
            "data/glossary.yml:11: 'CIN' has case: upper",
        ),
        (
            GOOD + "  - term: CIN\n    definition: x\n    aliases: [C.I.N.]\n",
            "data/glossary.yml:9: 'C.I.N.' (in 'CIN') cannot be found in a page's text",
        ),
        (
            GOOD + "  - term: CIN\n    definition: x\n    aliases: [CIN]\n",
            "data/glossary.yml:9: 'CIN' lists 'CIN' twice",
        ),
        (
            GOOD + "  - term: Children in-care\n    definition: x\n",
            "data/glossary.yml:9: 'Children in-care' would have the same anchor '#children-in-care'",
        ),
        (GOOD + "colour: red\n", "data/glossary.yml:9: unknown top-level key 'colour'"),
        (GOOD + "  - term: CIN\n    definition: x\n  - term: CIN\n    definition: x\n", "is already a name"),
    ],
)
def test_each_mistake_is_reported_with_its_line(text, message):
    with pytest.raises(DataError) as error:
        load_glossary(text, "data/glossary.yml")
    assert message in str(error.value)


def test_a_see_link_to_a_missing_page_names_the_line_of_the_path():
    text = GOOD.replace(
        "see: [services/front-door.md]", "see:\n      - index.md\n      - services/frontdoor.md"
    )
    glossary = load_glossary(text, "data/glossary.yml")
    with pytest.raises(DataError) as error:
        check_see_links(glossary, {"index.md", "services/front-door.md"})
    assert str(error.value) == (
        "data/glossary.yml:7: 'MASH' has see: services/frontdoor.md, which is not a page "
        "(give the path of a page under docs/, e.g. services/front-door.md)"
    )


def glossary_page_html(glossary, used_on=None, pages=None, extensions=("attr_list", "toc")):
    """The Glossary page's entries as the hook makes them (headings for the letters in Markdown,
    the entries put in under them by the tree processor), and what `add_entries` returned."""
    extension = GlossaryExtension()
    extension.job = Job(glossary, "", linking=False, entries=(used_on or {}, pages or {}))
    html = Markdown(extensions=[*extensions, extension]).convert(glossary_markdown(glossary))
    return html, extension.entries


def glossary_page(glossary, used_on=None, pages=None) -> BeautifulSoup:
    return BeautifulSoup(glossary_page_html(glossary, used_on, pages)[0], "html.parser")


def test_a_definition_is_text_even_when_it_looks_like_html():
    written = "<script>alert(1)</script> <b>bold</b> *star* [x](y) {: .c} &lt;i&gt; &amp; Q&A &#60;"
    text = GOOD.replace("Where agencies share information.", f"'{written}'")
    page = glossary_page(load_glossary(text, "data/glossary.yml"))
    assert not page.select("script, b, i, em, .c")
    definition = page.select_one("h3#mash + div.glossary-definition")
    assert definition.select_one(".glossary-expansion").get_text() == "Multi-Agency Safeguarding Hub"
    assert written in definition.get_text()  # shown exactly as typed, entities and all


def test_each_entry_lists_its_pages_under_its_own_heading():
    glossary = load_glossary(GOOD, "data/glossary.yml")
    pages = {
        "services/front-door.md": ("The front door", "../services/front-door/"),
        "a.md": ("A & B", "../a/"),
    }
    page = glossary_page(glossary, {"mash": ["a.md", "services/front-door.md"]}, pages)
    assert [h.get("id") for h in page.select("h3.glossary-entry")] == ["children-in-care", "mash"]
    mash = page.select_one("h3#mash").find_next_sibling()
    lines = {p.get_text().split(":")[0]: p for p in mash.find_all("p")}
    assert [(a.get_text(), a["href"]) for a in lines["Used on"].find_all("a")] == [
        ("A & B", "../a/"),
        ("The front door", "../services/front-door/"),
    ]
    assert lines["Used on"].get_text() == "Used on: A & B, The front door"
    assert [a["href"] for a in lines["Find out more"].find_all("a")] == ["../services/front-door/"]
    cic = page.select_one("h3#children-in-care").find_next_sibling()
    assert cic.get_text(" ") == "Children the council looks after. Also written: CiC, CIC"


@pytest.mark.parametrize(
    "toc",
    [
        {"permalink": True},
        {"permalink": True, "permalink_title": "Link to this section"},
        {"permalink": "#", "permalink_title": "", "permalink_class": "here"},
        {"permalink": True, "permalink_leading": True},
        {"anchorlink": True},
        {"anchorlink": True, "permalink": True, "baselevel": 2},
        {},
        None,
    ],
)
def test_an_entry_heading_is_the_heading_the_toc_extension_writes(toc):
    """The entries go in as HTML after the toc extension has run, so their headings are written
    by the hook: exactly as the toc extension, as configured, writes a heading in Markdown."""
    extensions = ["attr_list", *([TocExtension(**toc)] if toc is not None else [])]
    glossary = load_glossary(GOOD.replace("term: MASH", 'term: Q & A\'s "x" y'), "data/glossary.yml")
    html, _ = glossary_page_html(glossary, extensions=extensions)
    written = Markdown(extensions=extensions).convert('### Q &amp; A\'s "x" y { #q-as-x-y .glossary-entry }')
    assert written.startswith("<h") and written in html


def test_a_heading_with_an_entry_s_id_on_the_glossary_page_is_an_error():
    glossary = load_glossary(GOOD, "data/glossary.yml")
    extension = GlossaryExtension()
    extension.job = Job(glossary, "", linking=False, entries=({}, {}))
    markdown = "## About MASH { #mash }\n\n" + glossary_markdown(glossary)
    with pytest.raises(DataError) as error:
        Markdown(extensions=["attr_list", "toc", extension]).convert(markdown)
    assert str(error.value) == (
        "docs/glossary.md: a heading there has the id 'mash', which is the anchor of the entry 'MASH' "
        "(give the heading an id of its own, e.g. { #about-mash })"
    )


def assert_search_reads_the_same_words(glossary, used_on, pages, meta=None):
    """Material's search parser makes the same sections of the page as readers get it and of the
    copy a search plugin is handed (no links, permalinks or wrappers); and Material's own search
    index gets the same entries, in the same order, when it reads the page without the entries
    and the hook puts their sections in (`index_entries`)."""
    extensions = ["attr_list", TocExtension(permalink=True)]
    html, (placed, pieces) = glossary_page_html(glossary, used_on, pages, extensions)
    assert sorted(placed) == sorted(glossary.by_id)
    light = entries_for_search(html, pieces)
    assert html.count("headerlink") == len(glossary.entries) + light.count(
        "headerlink"
    )  # letters keep theirs
    assert 'class="glossary-page"' in html and 'class="glossary-page"' not in light
    assert search_sections(light) == search_sections(html)
    assert len(search_sections(html)) > len(glossary.entries)

    page = SimpleNamespace(content=html, toc=[], url="glossary/", title="Glossary", meta=meta or {})
    as_read = SearchIndex()
    as_read.add_entry_from_context(page)
    given = SearchIndex()
    given.entries.append({"location": "earlier/", "title": "An earlier page", "text": ""})
    page.content = without_entries(html, pieces)
    assert "glossary-entry" not in page.content
    given.add_entry_from_context(page)
    index_entries(given, 1, page, pieces)
    assert given.entries[1:] == as_read.entries
    assert len(as_read.entries) == len(search_sections(html)) > len(glossary.entries)


def test_material_search_gets_no_entries_from_a_glossary_page_it_leaves_out():
    glossary = load_glossary(GOOD, "data/glossary.yml")
    html, (_, pieces) = glossary_page_html(glossary)
    page = SimpleNamespace(content=html, toc=[], url="glossary/", title="Glossary", meta={})
    page.meta["search"] = {"exclude": True}
    index = SearchIndex()
    index.add_entry_from_context(page)
    index_entries(index, 0, page, pieces)
    assert index.entries == []


def test_every_entry_goes_through_the_search_plugin_when_it_changes_what_it_indexes():
    """Entries after the first are copies of what the plugin made of the first, unless the
    plugin does more to a section than take its anchor, title and text (as it does when it
    splits Chinese words): then each goes through the plugin."""

    class Marking(SearchIndex):
        def create_entry_for_section(self, section, toc, url, page):
            super().create_entry_for_section(section, toc, url, page)
            self.entries[-1]["title"] += " (marked)"

    glossary = load_glossary(GOOD, "data/glossary.yml")
    html, (_, pieces) = glossary_page_html(glossary)
    page = SimpleNamespace(content=without_entries(html, pieces), toc=[], url="glossary/", title="G", meta={})
    index = Marking()
    index.add_entry_from_context(page)
    index_entries(index, 0, page, pieces)
    letters_and_top = {"glossary/", "glossary/#letter-c", "glossary/#letter-m"}
    entries = {e["location"]: e["title"] for e in index.entries if e["location"] not in letters_and_top}
    assert entries == {
        "glossary/#children-in-care": "children in care (marked)",
        "glossary/#mash": "MASH (marked)",
    }


def test_material_search_keeps_the_glossary_page_s_tags_and_boost_on_its_entries():
    glossary = load_glossary(GOOD, "data/glossary.yml")
    assert_search_reads_the_same_words(glossary, {}, {}, meta={"tags": ["Words"], "search": {"boost": 2}})


def test_search_reads_the_same_words_from_the_real_entries():
    glossary = load_glossary(DATA.read_text(encoding="utf-8"), "data/glossary.yml")
    titles = ["Front door & MASH", "Is <b> bold?", 'Say "hello"', "Plain"]
    pages = {f"p{n}.md": (title, f"../p{n}/?a=1&b=<2>") for n, title in enumerate(titles)}
    pages.update({src: (src, f"../{src}") for e in glossary.entries for src in e.see})
    used_on = {e.id: list(pages)[: 1 + n % 4] for n, e in enumerate(glossary.entries)}
    assert_search_reads_the_same_words(glossary, used_on, pages)


_text = st.text(alphabet="abcXY &<>\"'\u00e9-.;#\n", min_size=1, max_size=15)
_name = st.text(alphabet="abcXY &'\u00e9-.;#", max_size=10)
# A page title is never only spaces (Material's parser would read such a link's text as one space).
_title = _text.filter(str.strip)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(_name, _text, st.booleans(), st.lists(_name, max_size=2)), min_size=1, max_size=4),
    st.lists(_title, min_size=1, max_size=3),
)
def test_search_reads_the_same_words_from_any_entries(entries, titles):
    terms = []
    for n, (term, definition, expanded, aliases) in enumerate(entries):
        entry = {"term": f"T{n} {term} t", "definition": f"D {definition}"}
        if expanded:
            entry["expansion"] = f"E{n} {term} e"
        if aliases:
            entry["aliases"] = [f"A{n}x{m} {alias} a" for m, alias in enumerate(aliases)]
        terms.append(entry)
    try:
        glossary = load_glossary(yaml.safe_dump({"terms": terms}), "data/glossary.yml")
    except DataError:
        assume(False)
    pages = {f"p{n}.md": (title, f"../p{n}/") for n, title in enumerate(titles)}
    used_on = {e.id: list(pages) for e in glossary.entries}
    assert_search_reads_the_same_words(glossary, used_on, pages)


@pytest.mark.parametrize(
    "name, acronym",
    [
        ("MASH", True),
        ("CiC", True),
        ("KCSiE", True),
        ("DfE", True),
        ("C-SPA", True),
        ("QiiP", True),
        ("Multi-Agency", False),
        ("Ofsted", False),
        ("GlosFamilies", False),
        ("children in care", False),
    ],
)
def test_which_names_count_as_acronyms(name, acronym):
    assert is_acronym(name) is acronym


# --- The real glossary -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    return load_glossary(DATA.read_text(encoding="utf-8"), "data/glossary.yml")


def test_the_real_glossary_covers_well_over_80_terms(real):
    assert len(real.entries) > 80
    for term in [
        "MASH",
        "child in need",
        "child protection",
        "children in care",
        "UASC",
        "EHCP",
        "EHCNA",
        "SEND",
        "SGO",
        "CAO",
        "LCSPR",
        "SIN",
        "CDOP",
        "CDR",
        "DSCO",
        "EDT",
        "CSE",
        "CCE",
        "KCSiE",
        "HOTH",
        "FSM",
        "GSCP",
        "LSP",
        "DSP",
        "ICB",
        "YJS",
        "PA",
        "EET",
        "DA",
        "DCS",
        "AD",
        "LA",
        "GCC",
        "CSC",
        "GDAS",
        "front door",
        "EYFS",
        "section 11",
        "section 17",
        "section 47",
        "significant harm",
        "strategy discussion",
        "corporate parenting",
        "kinship care",
        "private fostering",
        "pre-proceedings",
        "parental responsibility",
        "Ofsted",
    ]:
        assert real.find(term), f"data/glossary.yml has no entry for {term}"


def test_every_definition_is_one_to_three_plain_sentences(real):
    for entry in real.entries:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", entry.definition) if s]
        assert 1 <= len(sentences) <= 3, f"{entry.term}: {len(sentences)} sentences"
        assert entry.definition[0].isupper() and entry.definition.endswith("."), entry.term
        assert "<" not in entry.definition and "](" not in entry.definition, entry.term


US_SPELLINGS = re.compile(
    r"\b(organiz\w*|recogniz\w*|behavior\w*|center|program(?!me)\w*|color\w*|favor\w*|labor\b|"
    r"analyz\w*|defense|license\b|practicing)",
    re.I,
)


def test_definitions_use_uk_spelling(real):
    for entry in real.entries:
        found = US_SPELLINGS.findall(f"{entry.expansion} {entry.definition}")
        assert not found, f"{entry.term}: {found}"


def test_every_see_link_names_a_page():
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    for entry in data["terms"]:
        for src in entry.get("see") or []:
            assert (ROOT / "docs" / src).is_file(), f"{entry['term']}: see {src}"


def test_the_allow_list_stays_small():
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    assert len(data.get("allow") or []) <= 10


def test_the_glossary_hook_does_not_load_beautifulsoup():
    """Importing BeautifulSoup takes about a tenth of a second, as long as the glossary's work on
    forty pages; the glossary hook reads HTML with Python-Markdown's tree and html.parser only."""
    code = "import sys; import glossary; print(sorted(m for m in ('bs4', 'lxml') if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT / "hooks", check=True
    )
    assert result.stdout.strip() == "[]"
