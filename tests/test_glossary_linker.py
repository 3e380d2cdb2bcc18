"""The glossary linker as a pure function: which words become links, and its invariants (the text
a reader sees never changes, no link is nested in a link, and linking twice changes nothing)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary import link_terms, load_glossary

GLOSSARY = load_glossary(
    """
allow: [UK]
terms:
  - term: MASH
    expansion: Multi-Agency Safeguarding Hub
    definition: Where agencies share information about a worry about a child.
  - term: children in care
    aliases: [CiC, CIC, looked after children]
    definition: Children the council looks after.
  - term: child protection
    aliases: [CP]
    definition: Action to protect a child from significant harm.
  - term: child protection plan
    aliases: [CP plan]
    definition: The plan that says how a child will be kept safe.
  - term: CIN
    expansion: child in need
    plurals: [children in need]
    definition: A child who needs the council's help.
  - term: EHCP
    expansion: education, health and care plan
    definition: A legal plan for a child with special educational needs.
  - term: section 47
    aliases: [s47]
    definition: The law on enquiries about significant harm.
  - term: care leaver
    definition: A young person who has left care.
  - term: Ofsted
    definition: The inspectorate.
  - term: KCSiE
    expansion: Keeping Children Safe in Education
    definition: Guidance for schools.
  - term: C-SPA
    expansion: Children's Single Point of Access
    definition: A way in before the MASH.
""",
    "test.yml",
)
URL = "../glossary/"


def linked(html: str) -> list[tuple[str, str]]:
    """(link text, anchor) for every glossary link in `html`."""
    soup = BeautifulSoup(html, "html.parser")
    return [(a.get_text(), a["href"].rpartition("#")[2]) for a in soup.select("a.glossary-term")]


def link(html: str) -> str:
    return link_terms(html, GLOSSARY, URL).html


@pytest.mark.parametrize(
    "html, expected",
    [
        # Where links never go.
        ("<h2>MASH</h2><p>MASH</p>", [("MASH", "mash")]),
        ("<h1>MASH</h1><h3>CIN</h3><h6>CP</h6>", []),
        ('<p><a href="x">MASH</a> and MASH</p>', [("MASH", "mash")]),
        ("<p><code>MASH</code> <kbd>CIN</kbd> <samp>CP</samp></p><pre>s47</pre>", []),
        ('<p><abbr title="x">MASH</abbr></p>', []),
        ("<script>var MASH = 1;</script><style>.MASH{}</style>", []),
        ("<nav>MASH</nav><dl><dt>CIN</dt><dd>CP</dd></dl>", [("CP", "child-protection")]),
        ("<details><summary>MASH</summary><p>MASH</p></details>", [("MASH", "mash")]),
        ("<button>MASH</button><label>CIN</label>", []),
        ('<p data-glossary-skip="">MASH</p><p>MASH</p>', [("MASH", "mash")]),
        ("<div data-glossary-skip><p><em>MASH</em> CIN</p></div>", []),
        ('<div class="quiz"><p>What is MASH?</p></div><p>MASH</p>', [("MASH", "mash")]),
        # First occurrence only, per entry (an alias counts as the entry).
        ("<p>MASH, MASH and MASH</p>", [("MASH", "mash")]),
        ("<p>CiC</p><p>children in care</p><p>looked after children</p>", [("CiC", "children-in-care")]),
        ("<p>Multi-Agency Safeguarding Hub (MASH)</p>", [("Multi-Agency Safeguarding Hub", "mash")]),
        # Longest match wins.
        ("<p>A child protection plan.</p>", [("child protection plan", "child-protection-plan")]),
        ("<p>A CP plan, then CP.</p>", [("CP plan", "child-protection-plan"), ("CP", "child-protection")]),
        # Case rules: acronyms exactly as written, words in any case.
        ("<p>cin, Cin and medicine</p>", []),
        ("<p>CIN</p>", [("CIN", "cin")]),
        ("<p>CIC and cic</p>", [("CIC", "children-in-care")]),
        ("<p>Children In Care</p>", [("Children In Care", "children-in-care")]),
        ("<p>OFSTED</p>", [("OFSTED", "ofsted")]),
        ("<p>KCSIE</p>", []),
        # Plurals and possessives.
        ("<p>Two EHCPs</p>", [("EHCPs", "ehcp")]),
        ("<p>The MASH's work</p>", [("MASH's", "mash")]),
        ("<p>The MASH\u2019s work</p>", [("MASH\u2019s", "mash")]),
        ("<p>Care leavers</p>", [("Care leavers", "care-leaver")]),
        ("<p>children in need</p>", [("children in need", "cin")]),
        # Punctuation and word boundaries.
        ("<p>(MASH), MASH.</p>", [("MASH", "mash")]),
        ("<p>Education, Health and Care Plan</p>", [("Education, Health and Care Plan", "ehcp")]),
        ("<p>education health and care plan</p>", []),
        ("<p>CP-IS alerts</p>", []),
        ("<p>The C-SPA</p>", [("C-SPA", "c-spa")]),
        ("<p>MASHED potatoes, SMASH</p>", []),
        ("<p>section&nbsp;47 and s47</p>", [("section\xa047", "section-47")]),
        ("<p>section\n47</p>", [("section\n47", "section-47")]),
        ("<p>Multi-Agency<br>Safeguarding Hub</p>", []),
        # Terms split across inline tags: linked when the link can wrap the tags whole.
        ("<p><em>Multi-Agency</em> Safeguarding Hub</p>", [("Multi-Agency Safeguarding Hub", "mash")]),
        (
            "<p>Multi-Agency <strong>Safeguarding Hub</strong></p>",
            [("Multi-Agency Safeguarding Hub", "mash")],
        ),
        ("<p>Multi-Agency <b>Safeguarding</b> Hub</p>", [("Multi-Agency Safeguarding Hub", "mash")]),
        ("<p><strong>MASH</strong></p>", [("MASH", "mash")]),
        ("<p>MA<b>SH</b></p>", [("MASH", "mash")]),
        ("<p><em>the Multi-Agency</em> Safeguarding Hub, MASH</p>", [("MASH", "mash")]),
        ("<p><a href='x'>Multi-Agency</a> Safeguarding Hub</p>", []),
        ("<ul><li>Multi-Agency</li><li>Safeguarding Hub</li></ul>", []),
    ],
)
def test_the_linker(html, expected):
    assert linked(link(html)) == expected


def test_nested_inline_tags_are_wrapped_whole():
    out = link("<p><em><b>Multi-Agency</b></em> Safeguarding Hub today</p>")
    assert re.search(r'<a class="glossary-term"[^>]*><em><b>Multi-Agency</b></em> Safeguarding Hub</a>', out)


def test_the_link_points_to_the_entry_and_carries_the_definition_as_title():
    a = BeautifulSoup(link("<p>MASH</p>"), "html.parser").a
    assert a["href"] == "../glossary/#mash"
    assert a["title"] == (
        "Multi-Agency Safeguarding Hub (MASH): Where agencies share information about a worry about a child."
    )


def test_unchanged_html_is_returned_exactly():
    html = "<p class='x'>No terms here &amp; nothing &nbsp; else</p><!-- c --><br/>"
    assert link(html) == html


def test_only_the_inserted_tags_change_the_html():
    html = "<div class='x'><p>A &amp; B &mdash; MASH <img src=a.png alt=''> &#8217;</p></div>"
    out = link(html)
    assert re.sub(r"<a class=\"glossary-term\"[^>]*>|</a>", "", out) == html


def test_existing_glossary_links_count_as_the_first_occurrence():
    once = link("<p>MASH and CIN</p><p>MASH and CIN</p>")
    assert link(once) == once
    assert len(linked(once)) == 2


def test_the_used_entries_and_unknown_acronyms_are_reported():
    result = link_terms("<h2>XYZ</h2><p>MASH, CIN, UK, ABCs, GSCP's and the SPA-ish word</p>", GLOSSARY, URL)
    assert [e.term for e in result.used] == ["MASH", "CIN"]
    assert result.unknown == ["XYZ", "ABCs", "GSCP", "SPA"]


def test_unknown_acronyms_are_not_reported_inside_code_or_opted_out_blocks():
    result = link_terms(
        "<pre>XYZ</pre><p><code>ABC</code></p><p data-glossary-skip>DEF</p><p>MA<b>SH</b></p>", GLOSSARY, URL
    )
    assert result.unknown == []


def test_a_page_that_is_only_checked_gets_no_links():
    result = link_terms("<p>MASH and XYZ</p>", GLOSSARY, URL, linking=False)
    assert result.html == "<p>MASH and XYZ</p>"
    assert result.unknown == ["XYZ"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "MASH and the Multi-Agency Safeguarding Hub",
            [("MASH", "mash"), ("Multi-Agency Safeguarding Hub", "mash")],
        ),
        ("child protection plans", [("child protection plans", "child-protection-plan")]),
        ("s47s", [("s47s", "section-47")]),
        ("no terms", []),
    ],
)
def test_find(text, expected):
    assert [(text[a:b], e.id) for a, b, e in GLOSSARY.find(text)] == expected


# --- Invariants, on generated HTML ------------------------------------------------------------

WORDS = [
    "MASH",
    "Multi-Agency",
    "Safeguarding",
    "Hub",
    "CiC",
    "children",
    "in",
    "care",
    "CP",
    "plan",
    "child",
    "protection",
    "EHCPs",
    "section",
    "47",
    "the",
    "and",
    "a",
    "cin",
    "medicine",
    "(MASH),",
    "MASH's",
    "looked",
    "after",
    "&amp;",
    "&nbsp;",
    "&lt;b&gt;",
    "C-SPA",
    "UK",
    "Ofsted",
]
INLINE = ["em", "strong", "b", "span", "code", "abbr"]
BLOCK = ["p", "li", "h2", "td", "blockquote", "dd", "dt"]


def _text():
    return st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)


def _inline(depth=2):
    if depth == 0:
        return _text()
    return st.one_of(
        _text(),
        st.tuples(st.sampled_from(INLINE), _inline(depth - 1)).map(lambda t: f"<{t[0]}>{t[1]}</{t[0]}>"),
        st.tuples(_inline(depth - 1)).map(lambda t: f'<a href="x">{t[0]}</a>'),
        st.tuples(_inline(depth - 1), _inline(depth - 1)).map(lambda t: t[0] + " " + t[1]),
    )


_blocks = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(BLOCK), _inline()).map(lambda t: f"<{t[0]}>{t[1]}</{t[0]}>"),
        _inline().map(lambda t: f"<div data-glossary-skip><p>{t}</p></div>"),
        _text().map(lambda t: f"<pre><code>{t}</code></pre>"),
    ),
    min_size=1,
    max_size=6,
).map("".join)


def _visible_text(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_blocks)
def test_the_text_a_reader_sees_is_unchanged(html):
    assert _visible_text(link(html)) == _visible_text(html)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_blocks)
def test_no_link_is_nested_in_a_link_or_placed_where_links_are_not_allowed(html):
    soup = BeautifulSoup(link(html), "html.parser")
    for a in soup.select("a.glossary-term"):
        assert a.find_parent("a") is None and a.find("a") is None
        assert a.find_parent(["h2", "code", "pre", "abbr", "dt"]) is None
        assert a.find_parent(attrs={"data-glossary-skip": True}) is None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_blocks)
def test_linking_twice_changes_nothing_more(html):
    once = link(html)
    assert link(once) == once


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_blocks)
def test_each_term_is_linked_at_most_once(html):
    anchors = [anchor for _, anchor in linked(link(html))]
    assert len(anchors) == len(set(anchors))
