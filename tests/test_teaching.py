"""Teaching quality (issue 18, section 5), checked on the BUILT learning pages.

- Each "What you will learn" item says what the reader will be able to do: it starts with an
  action verb (explain, name, decide ...), not a reworded heading ("What the front door is").
- Learner text names the induction slides at most once a page: the page footer lists every
  source with its date, so the running text does not repeat the citation after each figure.
- A page that uses the slides lists `induction_2025` in its front matter `sources:`, so the
  footer shows them."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from check.content import ACTION_VERBS, first_word
from conftest import ROOT
from export_support import hosted_path, nav_pages

# The named citation of the slide deck, in the forms the pages have used.
SLIDES_CITATION = re.compile(
    r"induction slides|induction \(slide deck\)|slides,? June 2025|June 2025 slides|slides \(June 2025\)",
    re.I,
)

# Parts of the built article that are not running learner text.
NOT_LEARNER_TEXT = ".page-review, .quiz, .quiz-intro, .admonition.trainer, .trainer"

# Pages in the nav that are not learning pages.
NOT_LEARNING = re.compile(r"^(trainers/|about/)|^(contacts|progress|glossary)\.md$")


def learning_pages() -> list[str]:
    return [src for src in nav_pages() if not NOT_LEARNING.search(src)]


def starts_with_action(item: str) -> bool:
    return first_word(item) in ACTION_VERBS


def slide_citations(text: str) -> int:
    return len(SLIDES_CITATION.findall(" ".join(text.split())))


def learner_text(html: BeautifulSoup) -> str:
    """The article's words without the footer, the self-checks and any trainer-only note."""
    article = html.select_one("article.md-content__inner")
    for part in article.select(NOT_LEARNER_TEXT):
        part.decompose()
    return " ".join(article.get_text(" ").split())


def learn_items(html: BeautifulSoup) -> list[str]:
    heading = html.find(id="what-you-will-learn")
    assert heading is not None, "no 'What you will learn' heading"
    found = heading.find_next_sibling("ul")
    assert found is not None, "no list under 'What you will learn'"
    return [" ".join(li.get_text(" ").split()) for li in found.find_all("li", recursive=False)]


def front_matter(src: str) -> dict:
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def built(real_site, src: str) -> BeautifulSoup:
    return real_site.html(hosted_path(src))


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Explain what the front door is and why every new worry about a child starts there.", True),
        ("Name who works at the front door.", True),
        ("Decide when and how to declare an interest.", True),
        ("Recognise the main kinds of abuse and neglect.", True),
        ("What the front door is and why it matters.", False),
        ("How the service is organised.", False),
        ("Key facts about the young people the service supports.", False),
        ("The seven corporate parenting principles in the law.", False),
        ("", False),
    ],
)
def test_starts_with_action(item, expected):
    assert starts_with_action(item) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 400 children (figure given in June 2025).", 0),
        ("The slides list the values.", 0),
        ("The June 2025 induction slides say so.", 1),
        ("As of April 2025 (Members Induction slides, June 2025):", 1),
        ("Given in the June 2025\n  induction slides.", 1),
        ("The June 2025 slides name four plans. The slides (June 2025) list changes.", 2),
    ],
)
def test_slide_citations(text, expected):
    assert slide_citations(text) == expected


def test_learning_pages_are_the_ones_with_a_list():
    """The nav's learning pages each open with the list; the check below covers all of them."""
    pages = learning_pages()
    assert "services/front-door.md" in pages and "index.md" in pages
    assert not [p for p in pages if p.startswith(("trainers/", "about/")) or p == "glossary.md"]


@pytest.mark.parametrize("src", learning_pages())
def test_what_you_will_learn_says_what_the_reader_can_do(real_site, src):
    items = learn_items(built(real_site, src))
    assert 3 <= len(items) <= 6, f"docs/{src}: 'What you will learn' has {len(items)} items (write 3 to 6)"
    weak = [item for item in items if not starts_with_action(item)]
    assert not weak, (
        f"docs/{src}: start each 'What you will learn' item with what the reader will be able to do "
        f"({', '.join(sorted(ACTION_VERBS))}):\n" + "\n".join(weak)
    )


@pytest.mark.parametrize("src", learning_pages())
def test_slides_cited_at_most_once_in_learner_text(real_site, src):
    count = slide_citations(learner_text(built(real_site, src)))
    assert count <= 1, (
        f"docs/{src}: the induction slides are cited {count} times (once at most: the footer lists them)"
    )


@pytest.mark.parametrize("src", learning_pages())
def test_pages_using_the_slides_list_them_as_a_source(src):
    markdown = (ROOT / "docs" / src).read_text(encoding="utf-8").split("---", 2)[2]
    if not re.search(r"\bslides?\b", markdown, re.I):
        pytest.skip("the page does not use the slides")
    assert "induction_2025" in (front_matter(src).get("sources") or []), (
        f"docs/{src}: uses the induction slides, so add induction_2025 to 'sources:' in its front matter"
    )


# Acts the pages name in their learner text: the page's sources at its foot must credit each one.
ACTS = re.compile(r"\b(?:[A-Z][a-z]+ (?:and |of )?)+Act (?:19|20)\d\d\b")


def credited_acts(title: str) -> set[str]:
    """The Acts a source's title credits: the Act it is, when it starts with one ("Children Act
    2004, section 16E"), else the Acts it names in brackets (guidance made under an Act: "...
    (Children Act 2004, sections 18 and 19)"). A judgment or guidance that only mentions an Act
    in its words credits none."""
    title = title.removeprefix("The ")
    if found := ACTS.match(title):
        return {found.group()}
    return {act for part in re.findall(r"\(([^)]*)\)", title) for act in ACTS.findall(part)}


def named_acts(text: str, known: set[str]) -> set[str]:
    """The Acts `text` names: each match, less any capitalised words before it that start a
    sentence ("Under the Children Act 1989": the longest known Act it ends with)."""
    acts = set()
    for match in ACTS.findall(text):
        acts.add(max((act for act in known if match.endswith(act)), key=len, default=match))
    return acts


@pytest.mark.parametrize("src", learning_pages())
def test_pages_naming_an_act_list_it_as_a_source(real_site, src):
    """A reader who meets an Act in the text finds it among the page's sources at the foot: one
    of the sources its front matter lists (data/sources.yml) is that Act, or guidance naming it."""
    text = " ".join(learner_text(built(real_site, src)).split())
    sources = yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8"))
    known = set().union(*(credited_acts(entry["title"]) for entry in sources.values()))
    credited = set().union(
        *(credited_acts(sources[key]["title"]) for key in front_matter(src).get("sources") or [])
    )
    missing = sorted(named_acts(text, known) - credited)
    assert not missing, f"docs/{src}: names {missing}, which no source in its 'sources:' list credits"


def test_an_act_is_credited_by_its_own_source_not_by_one_that_mentions_it():
    known = {"Children Act 1989", "Children and Families Act 2014"}
    title = "Children and Families Act 2014, section 14 (in section 32 of the Children Act 1989)"
    assert credited_acts(title) == {"Children and Families Act 2014"}
    assert credited_acts("Guidance (Children Act 2004, sections 18 and 19)") == {"Children Act 2004"}
    assert credited_acts("A judgment on section 20 of the Children Act 1989") == set()
    assert credited_acts("The Children Act 1989") == {"Children Act 1989"}
    assert named_acts("Both Children Act 1989 and Children and Families Act 2014 apply.", known) == known


@pytest.mark.parametrize("src", learning_pages())
def test_footer_names_the_slides(real_site, src):
    """The footer is where the slides are cited: it shows their title and date."""
    if "induction_2025" not in (front_matter(src).get("sources") or []):
        pytest.skip("the page does not list the slides")
    footer = built(real_site, src).select_one("aside.page-review")
    assert footer is not None, f"docs/{src}: no page-review footer"
    text = " ".join(footer.get_text(" ").split())
    assert "Members Induction (slide deck) (June 2025)" in text, (
        f"docs/{src}: footer lacks the slides:\n{text}"
    )
