"""The glossary file: each kind of mistake a trainer can make is reported with its line, and the
real data/glossary.yml is complete, consistent and written as the house style asks."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup
from markdown import Markdown
from markdown.extensions.toc import TocExtension

from conftest import ROOT, search_sections
from induction.common import DataError
from induction.glossary import (
    GlossaryExtension,
    check_see_links,
    glossary_markdown,
    is_acronym,
    load_glossary,
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
            "data/glossary.yml:3: this is not valid YAML: the [ ] brackets that open on this line",
        ),
        ("- term: MASH\n", "data/glossary.yml:1: the file has no 'terms:' list"),
        (
            GOOD + "  - term: Mash\n    definition: Again.\n",
            "data/glossary.yml:9: 'Mash' is already a name of the entry 'MASH' (line 2) "
            "(give each term, expansion and alias to one entry only; capitals are ignored)",
        ),
        (
            GOOD + "  - term: looked after\n    aliases: [cic]\n    definition: Again.\n",
            "data/glossary.yml:10: 'cic' is already a name of the entry 'children in care' (line 6)",
        ),
        (
            GOOD + "  - term: MARAC\n    expansion: multi-agency safeguarding hub\n    definition: x.\n",
            "data/glossary.yml:10: 'multi-agency safeguarding hub' is already a name of the entry 'MASH'",
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
            "data/glossary.yml:11: 'C.I.N.' (in 'CIN') cannot be found in a page's text",
        ),
        (
            GOOD + "  - term: CIN\n    definition: x\n    aliases: [CIN]\n",
            "data/glossary.yml:11: 'CIN' lists 'CIN' twice",
        ),
        (  # each message about a name gives that name's own line, in a list written down the page too
            GOOD + "  - term: CIN\n    definition: x\n    aliases:\n      - C I N\n      - cic\n",
            "data/glossary.yml:13: 'cic' is already a name of the entry 'children in care' (line 6)",
        ),
        (
            GOOD + "  - term: CIN\n    definition: x\n    plurals: [CINs, CINs]\n",
            "data/glossary.yml:11: 'CIN' lists 'CINs' twice",
        ),
        (
            GOOD + '  - term: CIN\n    definition: x\n    aliases: [C I N, "Hub <b>x</b> hub"]\n',
            "data/glossary.yml:11: 'Hub <b>x</b> hub' (in 'CIN') has < or > in it, which a page reads as "
            "HTML (write plain text: no HTML tags, < or > in a name)",
        ),
        (
            GOOD + '  - term: CIN\n    definition: x\n    aliases:\n      - C I N\n      - "<b>CIN</b>"\n',
            "data/glossary.yml:13: '<b>CIN</b>' (in 'CIN') has < or > in it, which a page reads as HTML",
        ),
        (
            GOOD + "  - term: a < b\n    definition: x\n",
            "data/glossary.yml:9: 'a < b' (in 'a < b') has < or > in it",
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


def glossary_page_html(glossary, used_on=None, titles=None):
    """The Glossary page's A to Z as the hook writes it, converted by Python-Markdown with the
    glossary's extension (MkDocs would then turn the links to pages into their URLs)."""
    extension = GlossaryExtension(glossary)
    markdown = Markdown(extensions=["attr_list", TocExtension(permalink=True), extension])
    extension.start("", linking=False)
    return markdown.convert(glossary_markdown(glossary, used_on or {}, titles or {}))


def glossary_page(glossary, used_on=None, titles=None) -> BeautifulSoup:
    return BeautifulSoup(glossary_page_html(glossary, used_on, titles), "html.parser")


def test_a_definition_is_text_even_when_it_looks_like_html():
    written = "<script>alert(1)</script> <b>bold</b> *star* [x](y) {: .c} &lt;i&gt; &amp; Q&A &#60;"
    text = GOOD.replace("Where agencies share information.", f"'{written}'")
    page = glossary_page(load_glossary(text, "data/glossary.yml"))
    assert not page.select("script, b, i, em, .c")
    definition = page.select_one("h3#mash + div.glossary-definition")
    assert definition.select_one(".glossary-expansion").get_text() == "Multi-Agency Safeguarding Hub"
    assert written in definition.get_text()  # shown exactly as typed, entities and all


@pytest.mark.parametrize(
    "written", ["1. a list?", "# a heading?", "> a quote?", "- a list?", "!!! note", ": a definition?"]
)
def test_a_definition_that_starts_like_markdown_block_is_text(written):
    text = GOOD.replace("Where agencies share information.", f"'{written}'")
    definition = glossary_page(load_glossary(text, "data/glossary.yml")).select_one("h3#mash + div")
    assert definition.select("p")[1].get_text() == written


def test_each_entry_lists_its_pages_under_its_own_heading():
    glossary = load_glossary(GOOD, "data/glossary.yml")
    titles = {"services/front-door.md": "The front door", "a.md": "A & B\n*not bold*"}  # a title may break
    page = glossary_page(glossary, {"mash": ["a.md", "services/front-door.md"]}, titles)
    assert [h.get("id") for h in page.select("h3.glossary-entry")] == ["children-in-care", "mash"]
    mash = page.select_one("h3#mash").find_next_sibling()
    lines = {p.get_text().split(":")[0]: p for p in mash.find_all("p")}
    assert [(a.get_text(), a["href"], a["class"]) for a in lines["Used on"].find_all("a")] == [
        ("A & B *not bold*", "a.md", ["glossary-page"]),
        ("The front door", "services/front-door.md", ["glossary-page"]),
    ]
    assert lines["Used on"].get_text() == "Used on: A & B *not bold*, The front door"
    assert [a["href"] for a in lines["Find out more"].find_all("a")] == ["services/front-door.md"]
    cic = page.select_one("h3#children-in-care").find_next_sibling()
    assert cic.get_text(" ", strip=True) == "Children the council looks after. Also written: CiC, CIC"


def test_each_entry_is_a_section_of_its_own_for_search():
    glossary = load_glossary(DATA.read_text(encoding="utf-8"), "data/glossary.yml")
    sections = {id_: (title, text) for id_, title, text in search_sections(glossary_page_html(glossary))}
    assert glossary.by_id.keys() <= sections.keys()
    assert sections["mash"][0] == "MASH"
    assert "Multi-Agency Safeguarding Hub" in sections["mash"][1]
    assert "letter-m" in sections


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
    r"\b(organiz\w*|recogniz\w*|behavior\w*|center|(?<!computer )(?<!software )program(?!me)\w*|color\w*|"
    r"favor\w*|labor\b|"
    r"analyz\w*|defense|license\b|practicing)",
    re.I,
)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("A parenting program run by the council.", ["program"]),
        ("The computer program that social workers use.", []),  # UK English spells software so
        ("A programme of visits; software programs.", []),
        ("The center of the organization.", ["center", "organization"]),
    ],
)
def test_the_uk_spelling_check_knows_a_computer_program(text, flagged):
    assert US_SPELLINGS.findall(text) == flagged


def test_definitions_use_uk_spelling(real):
    for entry in real.entries:
        found = US_SPELLINGS.findall(f"{entry.expansion} {entry.definition}")
        assert not found, f"{entry.term}: {found}"


def test_every_see_link_names_a_page():
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    for entry in data["terms"]:
        for src in entry.get("see") or []:
            assert (ROOT / "docs" / src).is_file(), f"{entry['term']}: see {src}"
