"""The glossary linker: which words become links when a page's Markdown is converted, and its
invariants (the text a reader sees never changes, no link is nested in a link, and linking twice
changes nothing). Pages are converted by the real Python-Markdown with the site's extensions."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown import Markdown

from conftest import TEXT_EXTENSIONS
from induction import glossary as glossary_module
from induction.glossary import GlossaryExtension, Linked, _LinkTerms, load_glossary


def link_markdown(text: str, glossary, url: str, linking: bool = True, extensions=()) -> tuple[str, Linked]:
    """`text` converted to HTML with its glossary links, and what was linked and found."""
    extension = GlossaryExtension(glossary)
    md = Markdown(extensions=[*extensions, extension])
    extension.start(url, linking)
    return md.convert(text), extension.take()


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
# The Markdown extensions of mkdocs.yml that shape a page's text.
EXTENSIONS = TEXT_EXTENSIONS


def linked(html: str) -> list[tuple[str, str]]:
    """(link text, anchor) for every glossary link in `html`."""
    soup = BeautifulSoup(html, "html.parser")
    return [(a.get_text(), a["href"].rpartition("#")[2]) for a in soup.select("a.glossary-term")]


def link(text: str) -> str:
    return link_markdown(text, GLOSSARY, URL, extensions=EXTENSIONS)[0]


def plain(text: str) -> str:
    """The same Markdown converted without the glossary."""
    return Markdown(extensions=EXTENSIONS).convert(text)


def link_twice(text: str) -> str:
    """Converted with the glossary tree processor, then the linker run over the tree again."""
    extension, again = GlossaryExtension(GLOSSARY), GlossaryExtension(GLOSSARY)
    md = Markdown(extensions=[*EXTENSIONS, extension])
    md.treeprocessors.register(_LinkTerms(md, again), "again", -2)
    extension.start(URL)
    again.start(URL)
    return md.convert(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # Where links never go.
        ("## Multi-Agency Safeguarding Hub\n\nMASH", [("MASH", "mash")]),
        ("# MASH\n\n### CIN\n\n###### CP", []),
        ("[Multi-Agency Safeguarding Hub](x.md) and MASH", [("MASH", "mash")]),
        ("`MASH` and\n\n```\ns47\n```", []),
        ("<kbd>CIN</kbd> <samp>CP</samp> <code>MASH</code>", []),
        ('<a href="x.md">Multi-Agency Safeguarding Hub</a> and MASH', [("MASH", "mash")]),
        ("<button>MASH</button> <label>CIN</label>", []),
        ("<span>MASH</span>", [("MASH", "mash")]),
        ("*[MASH]: Multi-Agency Safeguarding Hub\n\nThe MASH", []),
        ("<script>var MASH = 1;</script>\n\n<style>.MASH{}</style>", []),
        ("<nav markdown>MASH</nav>\n\nCIN\n:   CP", [("CP", "child-protection")]),
        ('??? note "Multi-Agency Safeguarding Hub"\n    MASH', [("MASH", "mash")]),
        ("Multi-Agency Safeguarding Hub\n{ data-glossary-skip }\n\nMASH", [("MASH", "mash")]),
        ("<div data-glossary-skip markdown>\n*MASH* CIN\n</div>", []),
        ('<div class="quiz" markdown>Multi-Agency Safeguarding Hub?</div>\n\nMASH', [("MASH", "mash")]),
        ('!!! trainer "For trainers"\n    Multi-Agency Safeguarding Hub\n\nMASH', [("MASH", "mash")]),
        # First occurrence only, per entry (an alias counts as the entry).
        ("MASH, MASH and MASH", [("MASH", "mash")]),
        ("CiC\n\nchildren in care\n\nlooked after children", [("CiC", "children-in-care")]),
        ("Multi-Agency Safeguarding Hub (MASH)", [("Multi-Agency Safeguarding Hub", "mash")]),
        # Longest match wins.
        ("A child protection plan.", [("child protection plan", "child-protection-plan")]),
        ("A CP plan, then CP.", [("CP plan", "child-protection-plan"), ("CP", "child-protection")]),
        # Case rules: acronyms exactly as written, words in any case.
        ("cin, Cin and medicine", []),
        ("CIN", [("CIN", "cin")]),
        ("CIC and cic", [("CIC", "children-in-care")]),
        ("Children In Care", [("Children In Care", "children-in-care")]),
        ("OFSTED", [("OFSTED", "ofsted")]),
        ("KCSIE", []),
        # Plurals and possessives.
        ("Two EHCPs", [("EHCPs", "ehcp")]),
        ("The MASH's work", [("MASH's", "mash")]),
        ("The MASH\u2019s work", [("MASH\u2019s", "mash")]),
        ("The MASH&rsquo;s work", [("MASH\u2019s", "mash")]),
        ("Care leavers", [("Care leavers", "care-leaver")]),
        ("children in need", [("children in need", "cin")]),
        # Punctuation and word boundaries.
        ("(MASH), MASH.", [("MASH", "mash")]),
        ("Education, Health and Care Plan", [("Education, Health and Care Plan", "ehcp")]),
        ("education health and care plan", []),
        ("CP-IS alerts", []),
        ("The C-SPA", [("C-SPA", "c-spa")]),
        ("MASHED potatoes, SMASH", []),
        ("section&nbsp;47 and s47", [("section\xa047", "section-47")]),
        ("section\n47", [("section\n47", "section-47")]),
        ("Multi-Agency<br>Safeguarding Hub", []),
        ("Multi-Agency  \nSafeguarding Hub", []),
        # A term is read within one run of text: one split by inline tags is not linked (a later
        # mention is), and the acronym check still reads MA**SH** as MASH.
        ("*Multi-Agency* Safeguarding Hub", []),
        ("Multi-Agency **Safeguarding Hub**", []),
        ("Multi-Agency *Safeguarding* Hub", []),
        ("**MASH**", [("MASH", "mash")]),
        ("MA**SH**", []),
        ("*Multi-Agency* Safeguarding Hub, MASH", [("MASH", "mash")]),
        ("[Multi-Agency](x.md) Safeguarding Hub", []),
        ("- Multi-Agency\n- Safeguarding Hub", []),
        ("Multi-Agency <b>Safeguarding</b> Hub", []),
    ],
)
def test_the_linker(text, expected):
    assert linked(link(text)) == expected


def test_a_term_inside_inline_tags_is_linked_inside_them():
    out = link("***Multi-Agency Safeguarding Hub*** today")
    assert re.search(
        r'<strong><em><a class="glossary-term"[^>]*>Multi-Agency Safeguarding Hub</a></em></strong> today',
        out,
    )


def test_the_link_points_to_the_entry_and_carries_the_definition_as_title():
    a = BeautifulSoup(link("MASH"), "html.parser").a
    assert a["href"] == "../glossary/#mash"
    assert a["title"] == (
        "Multi-Agency Safeguarding Hub (MASH): Where agencies share information about a worry about a child."
    )


def test_a_page_without_terms_is_converted_exactly_as_without_the_glossary():
    text = "No terms here &amp; nothing &nbsp; else\n{ .x }\n\n<!-- c -->\n\n---"
    assert link(text) == plain(text)


def test_only_the_inserted_tags_change_the_html():
    text = "A &amp; B &mdash; MASH ![](a.png) &#8217; and *children in care*\n{ .x }"
    out = link(text)
    assert len(linked(out)) == 2
    assert re.sub(r"<a class=\"glossary-term\"[^>]*>|</a>", "", out) == plain(text)


def test_existing_glossary_links_count_as_the_first_occurrence():
    once = link_twice("MASH and CIN\n\nMASH and CIN")
    assert once == link("MASH and CIN\n\nMASH and CIN")
    assert len(linked(once)) == 2


def test_a_glossary_link_written_later_on_the_page_leaves_earlier_mentions_to_be_linked():
    text = "MASH here.\n\nLater [MASH](../glossary/#mash){ .glossary-term } and MASH again."
    out = link(text)
    assert linked(out) == [("MASH", "mash"), ("MASH", "mash")]
    assert out.count("glossary-term") == 2  # the first mention and the link written by hand
    assert "and MASH again" in out  # the mention after the written link stays plain


def test_a_glossary_link_written_where_nothing_is_linked_still_counts_as_the_first_use():
    text = "In a box, [MASH](../glossary/#mash){ .glossary-term }.\n{ data-glossary-skip }\n\nMASH later."
    out = link(text)
    assert out.count('class="glossary-term"') == 1  # the link written by hand, nothing added
    assert "MASH later" in out


def test_only_the_page_itself_is_linked_not_markdown_converted_later_for_it():
    # Unlike the checks (facts, phone links, safe_html), which judge every conversion, the glossary
    # links only the conversion `start` named: its links are made relative to that page, and what
    # it links is that page's "Used on". Markdown converted later gets no links.
    extension = GlossaryExtension(GLOSSARY)
    md = Markdown(extensions=[*EXTENSIONS, extension])
    extension.start(URL)
    assert linked(md.convert("MASH")) == [("MASH", "mash")]
    md.reset()
    assert linked(md.convert("MASH")) == []


def test_the_used_entries_and_unknown_acronyms_are_reported():
    _, result = link_markdown(
        "## XYZ\n\nMASH, CIN, UK, ABCs, GSCP's and the SPA-ish word", GLOSSARY, URL, extensions=EXTENSIONS
    )
    assert [e.term for e in result.used] == ["MASH", "CIN"]
    assert result.unknown == ["XYZ", "ABCs", "GSCP", "SPA"]


def test_a_known_acronym_with_s_or_apostrophe_s_inside_a_longer_word_is_not_reported():
    _, result = link_markdown("the EHCP's-based plan and CINs-led work", GLOSSARY, URL, extensions=EXTENSIONS)
    assert result.unknown == []


def test_unknown_acronyms_are_not_reported_inside_code_opted_out_blocks_or_trainer_notes():
    text = (
        "```\nXYZ\n```\n\n`ABC` <kbd>GHI</kbd>\n\nDEF\n{ data-glossary-skip }\n\n"
        '!!! trainer "For trainers"\n    JKL\n\nMA**SH**'
    )
    _, result = link_markdown(text, GLOSSARY, URL, extensions=EXTENSIONS)
    assert result.unknown == []
    _, result = link_markdown(text.replace("MA**SH**", "MNO"), GLOSSARY, URL, extensions=EXTENSIONS)
    assert result.unknown == ["MNO"]


def test_a_page_that_is_only_checked_gets_no_links():
    html, result = link_markdown("MASH and XYZ", GLOSSARY, URL, linking=False, extensions=EXTENSIONS)
    assert html == plain("MASH and XYZ")
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


# --- Invariants, on generated Markdown --------------------------------------------------------

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


def _text():
    return st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)


def _inline(depth=2):
    if depth == 0:
        return _text()
    return st.one_of(
        _text(),
        st.tuples(st.sampled_from(["*", "**", "`"]), _inline(depth - 1)).map(lambda t: f"{t[0]}{t[1]}{t[0]}"),
        st.tuples(_inline(depth - 1)).map(lambda t: f"[{t[0]}](x.md)"),
        st.tuples(_inline(depth - 1), _inline(depth - 1)).map(lambda t: t[0] + " " + t[1]),
    )


_blocks = st.lists(
    st.one_of(
        _inline(),
        _inline().map(lambda t: f"## {t}"),
        _inline().map(lambda t: f"- {t}"),
        _inline().map(lambda t: f"> {t}"),
        _inline().map(lambda t: f"{t}\n:   definition"),
        _inline().map(lambda t: f"{t}\n{{ data-glossary-skip }}"),
        _text().map(lambda t: f"```\n{t}\n```"),
    ),
    min_size=1,
    max_size=6,
).map("\n\n".join)


def _visible_text(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_blocks)
def test_the_text_a_reader_sees_is_unchanged(text):
    assert _visible_text(link(text)) == _visible_text(plain(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_blocks)
def test_no_link_is_nested_in_a_link_or_placed_where_links_are_not_allowed(text):
    soup = BeautifulSoup(link(text), "html.parser")
    for a in soup.select("a.glossary-term"):
        assert a.find_parent("a") is None and a.find("a") is None
        assert a.find_parent(["h2", "code", "pre", "abbr", "dt"]) is None
        assert a.find_parent(attrs={"data-glossary-skip": True}) is None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_blocks)
def test_linking_twice_changes_nothing_more(text):
    assert link_twice(text) == link(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_blocks)
def test_each_term_is_linked_at_most_once(text):
    anchors = [anchor for _, anchor in linked(link(text))]
    assert len(anchors) == len(set(anchors))


def reference_find(text: str) -> list[tuple[int, int, str]]:
    """What `Glossary.find` must return, the slow way: a regular expression of its own for every
    way of writing every name, tried at every place; the longest match wins. It is built from the
    same word rules (split_name, WORD_BEFORE, WORD_AFTER), so it checks the trie's shape, not the
    rules: test_the_linker's hand-written cases pin those."""
    forms = []
    for entry in GLOSSARY.entries:
        for name in entry.names:
            acronym = glossary_module.is_acronym(name)
            exact = entry.case == "exact" if entry.case else acronym
            words, seps = glossary_module.split_name(name)
            for ending in ("",) if name.endswith("s") and not acronym else ("", "s", "'s"):
                written = [*words[:-1], words[-1] + ending]
                pattern = re.escape(written[0])
                for sep, word in zip(seps, written[1:], strict=True):
                    pattern += "".join(rf"\s*{re.escape(c)}" for c in sep) + r"\s*" if sep else r"\s+"
                    pattern += re.escape(word)
                whole = glossary_module.WORD_BEFORE + pattern + glossary_module.WORD_AFTER
                forms.append((re.compile(whole, 0 if exact else re.IGNORECASE), entry.id))
    text = glossary_module.normal(text)
    found, at = [], 0
    while at < len(text):
        matches = [(m.end(), entry) for pattern, entry in forms if (m := pattern.match(text, at))]
        if matches:
            end, entry = max(matches, key=lambda match: match[0])
            found.append((at, end, entry))
            at = end
        else:
            at += 1
    return found


_PIECES = st.sampled_from([*WORDS, "Children", "CIN", "Cin", "cp", "MASH\u2019s", "C-SPA-led", "Education,"])
_SEPARATORS = st.sampled_from([" ", "  ", "\n", "\u00a0", ", ", ",", ".", "(", ")", "-", "'", "\u2014"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_PIECES, _SEPARATORS), max_size=12))
def test_the_trie_pattern_finds_what_one_pattern_per_name_finds(pieces):
    """The rules (whole words, longest name first, case, plurals, 's) hold for the one compiled
    trie as they would for a separate pattern for each name."""
    text = "".join(word + sep for word, sep in pieces)
    assert [(a, b, e.id) for a, b, e in GLOSSARY.find(text)] == reference_find(text)
