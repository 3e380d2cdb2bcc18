"""The curriculum: every page in the nav has its parts, the contacts match the source exactly,
doubts in the sources are flagged for trainers, and each page's reading level is reported."""

from __future__ import annotations

import re
import warnings

import pytest
import yaml

from conftest import ROOT

with warnings.catch_warnings():
    # textstat 0.7.4 imports pkg_resources, which warns that it is deprecated (see requirements.txt)
    warnings.simplefilter("ignore", UserWarning)
    import textstat

SEEDS = ROOT.parent / "shared" / "seeds"
SLIDES = SEEDS / "002_20bb34fc56e1cd25.txt"
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
    assert len([p for p in NAV_FILES if p.startswith("services/")]) == 12


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


def test_contacts_page_matches_the_source_exactly(real_site):
    source = " ".join(SLIDES.read_text(encoding="utf-8").split())
    page = " ".join(built(real_site, "contacts.md").select_one("article").get_text(" ").split())
    for fact in ("01452 42 65 65", "childrenshelpdesk@gloucestershire.gov.uk", "01452 614194"):
        assert fact in source, f"{fact} is not in the source any more"
        assert fact in page, f"{fact} is missing from the contacts page"
    assert "9am and 5pm Monday to Friday" in source
    assert "9am to 5pm, Monday to Friday" in page
    assert "999" in page
    assert "answering machine" in page
    assert "cannot wait until the next working day" in page


KNOWN_DOUBTS = [
    ("services/front-door.md", "22,00"),
    ("services/kinship-care.md", "280"),
    ("services/children-in-care.md", "760"),
]


@pytest.mark.parametrize(("src", "clue"), KNOWN_DOUBTS)
def test_known_doubts_in_the_sources_are_flagged_for_trainers(src, clue):
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    notes = re.findall(r"^!!! trainer.*?(?=^\S|\Z)", text, re.S | re.M)
    assert any(clue in note for note in notes), f"docs/{src}: no trainer note about {clue!r}"


def test_kinship_page_does_not_present_the_fostering_figures_as_its_own(real_site):
    text = built(real_site, "services/kinship-care.md").select_one("article").get_text(" ")
    assert "326 children" not in text


def test_doubtful_figures_are_shown_as_the_best_supported_value(real_site):
    front_door = built(real_site, "services/front-door.md").select_one("article").get_text(" ")
    assert "22,000" in front_door and "22,00 " not in front_door
    in_care = built(real_site, "services/children-in-care.md").select_one("article").get_text(" ")
    assert "773" in in_care and "April 2025" in in_care


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
