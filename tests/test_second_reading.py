"""A second reading of the content against the two source documents (6 December 2026): each
confirmed finding is pinned in the built pages, the glossary, data/sources.yml and the
self-checks, so that the old wording cannot come back.

The checks look for the words that carry the meaning, not whole sentences, so trainers can
reword freely."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from test_law import article_text, glossary, page, quiz, quiz_words, section_text, source

# Content (pyproject.toml): these pin today's wording of the second reading's corrections. A trainer
# who reviews a page may reword it or resolve its notes, so they run in the whole suite, not in
# publish's gate.
pytestmark = pytest.mark.content

SOURCES = yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8"))
CONTACTS = yaml.safe_load((ROOT / "data" / "contacts.yml").read_text(encoding="utf-8"))


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def front_matter(src: str) -> dict:
    return yaml.safe_load(source(src).split("---", 2)[1])


def footer(real_site, src: str) -> str:
    return words(page(real_site, src).select_one(".page-review"))


def source_key(title_words: str) -> str:
    """The key of the one entry in data/sources.yml whose title holds these words."""
    keys = [key for key, entry in SOURCES.items() if title_words in entry["title"]]
    assert len(keys) == 1, f"data/sources.yml: no single entry titled with {title_words!r}: {keys}"
    return keys[0]


def notes_of(src: str) -> str:
    """Every trainer-only note of a page, as one line of words."""
    return " ".join(" ".join(re.findall(r"^!!! trainer.*?(?=^\S|\Z)", source(src), re.S | re.M)).split())


# 1. Children in care: section 20 needs no one to object, not the parents' agreement ------------


def test_children_in_care_are_not_said_to_need_the_parents_agreement(real_site):
    entry = glossary("children in care")
    assert "parents have agreed" not in entry
    assert "care order" in entry and "section 20" in entry and "objects" in entry and "16 or 17" in entry
    shown = page(real_site, "glossary.md").find(id="children-in-care").find_next("p")
    assert "objects" in words(shown) and "parents have agreed" not in words(shown)
    question = next(q for q in quiz("services-court-proceedings") if "live away" in q["question"])
    assert "parents' agreement" not in quiz_words(question)
    wrong = [o.get("feedback", "") for o in question["options"] if not o.get("correct")]
    assert any("section 20" in feedback and "police" in feedback for feedback in wrong), wrong


# 2. Ofsted: each fact is credited to the document that holds it ---------------------------------


def test_the_2022_inspection_dates_are_credited_to_the_cabinet_papers(real_site):
    history = section_text(real_site, "how-services-work.md", "the-2022-inspection")
    assert "7 to 18 February 2022" in history and "1 April 2022" in history
    assert "scrutiny pack describes the 2022 inspection" not in history
    assert "cabinet papers" in history and "scrutiny pack" in history
    cabinet = source_key("cabinet papers")
    assert "7 to 18 February 2022" in SOURCES[cabinet]["note"]
    assert cabinet in front_matter("how-services-work.md")["sources"]
    assert SOURCES[cabinet]["title"] in footer(real_site, "how-services-work.md")


OFSTED_2025_PAGES = [
    "how-services-work.md",
    "services/care-leavers.md",
    "services/children-in-care.md",
    "services/child-protection.md",
]


@pytest.mark.parametrize("src", OFSTED_2025_PAGES)
def test_the_june_2025_findings_are_credited_to_press_coverage(real_site, src):
    text = article_text(real_site, src)
    assert "Ofsted's inspection report, 2025" not in text
    assert "press coverage" in text
    press = source_key("Press coverage")
    assert "June 2025" in SOURCES[press]["title"]
    assert press in front_matter(src)["sources"], f"docs/{src}: add {press} to sources"
    assert SOURCES[press]["title"] in footer(real_site, src)


def test_the_areas_to_improve_are_said_to_come_from_press_coverage():
    notes = notes_of("how-services-work.md")
    assert "ones our sources name" not in notes
    assert "press coverage names" in notes and "neither source document" in notes


# 3. Figures the slides do not date are not stamped "as of June 2025" ---------------------------


@pytest.mark.parametrize(
    ("src", "figure"),
    [
        ("services/fostering.md", "280"),
        ("services/youth-justice.md", "50 staff"),
        ("services/youth-justice.md", "150 children"),
        ("services/academy-and-business-support.md", "175 staff"),
        ("gloucestershire.md", "6,530 plans"),
    ],
)
def test_undated_figures_say_they_were_given_in_june_2025(real_site, src, figure):
    assert "as of june 2025" not in article_text(real_site, src).lower()
    learner = [
        e for e in page(real_site, src).select("article p, article li") if not e.find_parent(class_="quiz")
    ]
    found = [e for e in learner if figure in words(e)]
    assert found, f"docs/{src}: {figure!r} is not on the page"
    for element in found:
        # a list item may take its date from the sentence that introduces the list
        intro = element.parent.find_previous_sibling("p") if element.name == "li" else None
        context = words(element) + " " + (words(intro) if intro else "")
        assert "given in June 2025" in context, f"docs/{src}: {words(element)!r}"


# 4. Youth justice: the slides do not say when "at this time" was -------------------------------


def test_youth_justice_does_not_date_at_this_time(real_site):
    said_when = re.compile(r"\bnot (?:say )?when\b")
    numbers = section_text(real_site, "services/youth-justice.md", "key-numbers")
    assert "not for June 2025" not in numbers
    assert "at this time" in numbers and said_when.search(numbers), numbers
    takeaways = section_text(real_site, "services/youth-justice.md", "key-takeaways")
    assert "then serving" not in takeaways and said_when.search(takeaways), takeaways
    explanation = next(q for q in quiz("services-youth-justice") if q.get("answer") == "132")["explanation"]
    assert "then serving" not in explanation and said_when.search(explanation), explanation


# 5. The glossary says no more than the sources about local things ------------------------------


def test_glossary_marks_what_the_sources_do_not_explain():
    group = glossary("CPG")
    assert "oversees" not in group and "do not say" in group and "Ambassadors" in group
    staying = glossary("Staying Close")
    assert "Nationally" in staying and "do not say what it does" in staying
    bright = glossary("Bright Spots survey")
    assert not bright.startswith("A national survey") and "general" in bright
    assert "You said, together we will" in bright
    marf = glossary("MARF")
    assert "form professionals use" not in marf and "does not say" in marf
    for src, marked in (("corporate-parenting.md", "general"), ("services/care-leavers.md", "national")):
        assert "glossary" in notes_of(src) and marked in notes_of(src), src


# 6. Start here: the Emergency Duty Team is only for what cannot wait -----------------------------


def test_start_here_gives_the_emergency_duty_teams_limit(real_site):
    box = words(real_site.html("index.html").select_one(".admonition.danger"))
    assert CONTACTS["emergency_duty_team"]["phone"] in box
    assert " ".join(CONTACTS["emergency_duty_team"]["when"].split()) in box
    assert "cannot wait until the next working day" in box


# 7. The county's diversity figure is national, as the slide says, not "across England" ---------


def test_gloucestershire_self_check_says_nationally_as_the_slide_does():
    question = next(q for q in quiz("gloucestershire") if "16.6%" in quiz_words(q))
    text = quiz_words(question)
    assert "England" not in text
    wrong = [o for o in question["options"] if not o.get("correct")]
    assert any("32.1%" in o.get("feedback", "") and "ationally" in o.get("feedback", "") for o in wrong)
