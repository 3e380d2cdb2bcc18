"""The curriculum: every page in the nav has its parts, the contacts match the source exactly,
doubts in the sources are flagged for trainers, and each page's reading level is reported."""

from __future__ import annotations

import re
import warnings

import pytest
import yaml

from conftest import FIXTURES, ROOT

with warnings.catch_warnings():
    # textstat 0.7.4 imports pkg_resources, which warns that it is deprecated (see requirements.txt)
    warnings.simplefilter("ignore", UserWarning)
    import textstat

NAV_FILES = re.findall(r"^\s*- (?:[^:\n]+: )?([\w/.-]+\.md)\s*$", (ROOT / "mkdocs.yml").read_text(), re.M)
CHALLENGE_PAGES = [p for p in NAV_FILES if p.startswith("services/")] + [
    "corporate-parenting.md",
    "thresholds.md",
    "scrutiny.md",
]
LEARNING_PAGES = [p for p in NAV_FILES if p.startswith("services/")] + [
    "gloucestershire.md",
    "how-services-work.md",
    "corporate-parenting.md",
    "thresholds.md",
    "safeguarding-partnership.md",
    "scrutiny.md",
]


def built(real_site, src: str):
    url = (
        "index.html" if src == "index.md" else src.removesuffix(".md").removesuffix("/index") + "/index.html"
    )
    return real_site.html(url)


def front_matter(src: str) -> dict:
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])


def article_h2s(soup) -> list[str]:
    article = soup.select_one("article.md-content__inner")
    return [h.get_text(strip=True).rstrip("¶") for h in article.find_all("h2")]


def test_the_nav_lists_every_curriculum_page():
    assert len(NAV_FILES) >= 25
    assert len([p for p in NAV_FILES if p.startswith("services/")]) >= 12  # the sources' twelve services


@pytest.mark.parametrize("src", NAV_FILES)
def test_every_nav_page_has_front_matter_and_its_opening_and_closing_sections(real_site, src):
    meta = front_matter(src)
    for field in ("title", "description", "owner", "last_reviewed", "review_due"):
        assert meta.get(field), f"docs/{src}: front matter has no {field}"
    if src.startswith("trainers/"):
        return
    soup = built(real_site, src)
    headings = article_h2s(soup)
    assert headings[0] == "What you will learn", f"docs/{src}: first section is {headings[0]!r}"
    closing = [h for h in headings if h != "Check your understanding"]
    assert closing[-1] == "Key takeaways", f"docs/{src}: last section is {closing[-1]!r}"
    assert "To be written" not in soup.get_text(), f"docs/{src} is still a placeholder"


@pytest.mark.parametrize("src", CHALLENGE_PAGES)
def test_councillor_pages_offer_questions_you_could_ask(real_site, src):
    headings = article_h2s(built(real_site, src))
    assert "Questions you could ask" in headings, f"docs/{src}"
    assert headings.index("Questions you could ask") < headings.index("Key takeaways")


SOURCE_FACTS = yaml.safe_load((FIXTURES / "source-facts.yml").read_text(encoding="utf-8"))


def article_text(real_site, src: str) -> str:
    return " ".join(built(real_site, src).select_one("article").get_text(" ").split())


def test_source_facts_name_a_known_source_and_where_in_it():
    sources = yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8"))
    facts = [f for group in SOURCE_FACTS.values() for f in group]
    assert len(facts) >= 8
    for fact in facts:
        assert fact["source"] in sources, fact
        assert fact["where"].strip() and fact["quote"].strip(), fact
        assert (ROOT / "docs" / fact["page"]).is_file(), fact


@pytest.mark.parametrize("fact", SOURCE_FACTS["contacts"], ids=lambda f: f["shown"])
def test_contacts_page_shows_the_source_facts(real_site, fact):
    assert fact["shown"] in article_text(real_site, fact["page"]), (
        f"docs/{fact['page']}: {fact['shown']!r} is missing (source: {fact['where']})"
    )


def test_contacts_page_gives_the_emergency_number(real_site):
    assert "999" in article_text(real_site, "contacts.md")


@pytest.mark.content  # a new number from a new source: the full suite says what to add, not the gate
def test_contacts_data_matches_the_source_numbers():
    contacts = yaml.safe_load((ROOT / "data" / "contacts.yml").read_text(encoding="utf-8"))
    quoted = " ".join(" ".join(f["quote"].split()) for f in SOURCE_FACTS["contacts"])
    for contact, field in (
        ("front_door", "phone"),
        ("front_door", "email"),
        ("emergency_duty_team", "phone"),
    ):
        assert contacts[contact][field] in quoted, (
            f"data/contacts.yml: {contact}: {field}: {contacts[contact][field]} is in no source's words "
            "in tests/fixtures/source-facts.yml (if a new source gives it, add that source's exact words "
            "there, under contacts:, with its name from data/sources.yml; if not, check the number)"
        )


@pytest.mark.content  # a trainer who settles the doubt, or adds a figure, changes it
@pytest.mark.parametrize("fact", SOURCE_FACTS["doubts"], ids=lambda f: f"{f['page']}-{f['clue']}")
def test_known_doubts_in_the_sources_are_flagged_for_trainers(fact):
    text = (ROOT / "docs" / fact["page"]).read_text(encoding="utf-8")
    notes = re.findall(r"^!!! trainer.*?(?=^\S|\Z)", text, re.S | re.M)
    assert any(fact["clue"] in note for note in notes), (
        f"docs/{fact['page']}: no trainer note about {fact['clue']!r} ({fact['where']})"
    )


@pytest.mark.parametrize("fact", SOURCE_FACTS["doubts"], ids=lambda f: f"{f['page']}-{f['clue']}")
def test_doubtful_figures_are_shown_as_the_best_supported_value(real_site, fact):
    text = article_text(real_site, fact["page"])
    if "shown" in fact:
        assert fact["shown"] in text, f"docs/{fact['page']}: {fact['shown']!r} is missing"
    if "not_shown" in fact:
        assert fact["not_shown"] not in text, f"docs/{fact['page']}: shows {fact['not_shown']!r}"


def test_the_garbled_front_door_figure_is_not_shown(real_site):
    assert "22,00 " not in article_text(real_site, "services/front-door.md") + " "


def reading_grade(soup) -> float:
    article = soup.select_one("article.md-content__inner")
    for tag in article.select(".quiz, .page-review, table, pre, .headerlink, svg"):
        tag.decompose()
    text = article.get_text("\n")
    return textstat.flesch_kincaid_grade(text)


def test_reading_level_is_reported_and_mostly_plain(real_site, capsys):
    grades = {src: reading_grade(built(real_site, src)) for src in NAV_FILES}
    with capsys.disabled():
        print("\nReading level (Flesch-Kincaid grade) per page:")
        for src, grade in sorted(grades.items(), key=lambda kv: -kv[1]):
            print(f"  {grade:5.1f}  docs/{src}")
    plain = [src for src, grade in grades.items() if grade <= 9]
    assert len(plain) >= len(grades) * 0.6, "most pages should read at grade 9 or lower"
    for src, grade in grades.items():
        if grade > 12:
            assert front_matter(src).get("reading_level_note"), (
                f"docs/{src} reads at grade {grade:.1f}: simplify it, or explain why in "
                "front matter 'reading_level_note:'"
            )


def test_every_image_has_a_text_alternative(real_site):
    images = 0
    for path in real_site.pages():
        soup = real_site.html(str(path.relative_to(real_site.site)))
        for img in soup.select("article img"):
            images += 1
            assert img.get("alt", "").strip(), f"{path}: image {img.get('src')} has no alt text"
    assert images >= 3, "the curriculum should have diagrams (front door route, continuum, partnership)"


def test_diagrams_are_local_files_with_a_title(real_site):
    svgs = list((real_site.site / "images").glob("*.svg"))
    diagrams = [s for s in svgs if s.name != "favicon.svg"]
    assert len(diagrams) >= 3
    for svg in diagrams:
        text = svg.read_text(encoding="utf-8")
        assert "<title" in text, f"{svg.name} has no <title>"
        assert "http://www.w3.org/2000/svg" in text
        assert not re.search(r'(href|src)="https?://', text), f"{svg.name} loads something from the web"


@pytest.mark.content  # counts today's undated figures; the content check warns of each one
@pytest.mark.parametrize("src", LEARNING_PAGES)
def test_figures_carry_a_date(src):
    """Every table of figures or line with a large number mentions when it is from."""
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    body = re.sub(r"^!!! trainer.*?(?=^\S|\Z)", "", text.split("---", 2)[2], flags=re.S | re.M)
    undated = []
    for line in body.split("\n"):
        if re.search(r"\b\d{1,3}(,\d{3})+\b|\b\d{3,}\b(?!\s*(?:Act|hours))", line) and not DATED.search(line):
            undated.append(line.strip())
    # A figure's date can be in the table heading or the sentence before the table: allow a few.
    assert len(undated) <= 6, f"docs/{src}: figures without a date nearby:\n" + "\n".join(undated)


DATED = re.compile(
    r"(19|20)\d\d|as of|\b(January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b|slides|figure|source|section \d+|\bs\d+\b|01452|999",
    re.I,
)
