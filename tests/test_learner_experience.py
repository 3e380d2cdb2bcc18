"""Learner experience read from the built HTML: the learning path, the contacts bar on every
page, the review dates and sources under every page, reading times, and which pages are
learning pages (the ones with a progress mark; the marks themselves are tested in Chromium in
tests/test_browser_progress.py)."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from conftest import ROOT
from induction.learning_path import (
    essentials_markdown,
    learning_path_markdown,
    progress_data,
    reading_minutes,
    with_reading_time,
)
from induction.nav import nav_paths
from induction.quizzes import load_quizzes
from test_law import every_question, quiz, section_text

CONTACTS = yaml.safe_load((ROOT / "data" / "contacts.yml").read_text(encoding="utf-8"))
CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_every_page_shows_the_contacts_from_the_one_source(real_site):
    expected = {
        "Front door": CONTACTS["front_door"]["phone"],
        "Out of hours": CONTACTS["emergency_duty_team"]["phone"],
        "Immediate danger": CONTACTS["emergency"]["phone"],
    }
    for path in real_site.pages():
        soup = real_site.html(str(path.relative_to(real_site.site)))
        bar = soup.select_one(".md-banner .worried")
        assert bar is not None, f"{path}: no 'Worried about a child?' bar"
        found = {}
        for item in bar.select(".worried__item"):
            label = item.find(string=True, recursive=False).strip()
            link = item.find("a")
            found[label] = link.get_text(strip=True)
            digits = re.sub(r"\D", "", link.get_text())
            assert link["href"].startswith("tel:")
            assert link["href"].endswith(digits[1:] if digits.startswith("0") else digits)
        assert found == expected, path
        # the out-of-hours number is for what cannot wait (June 2025 slides): beside it on a
        # computer, in the opening hours on a phone (extra.css), where the numbers have no room
        limit = bar.select_one(".worried__item:nth-child(2) .worried__limit")
        assert limit is not None and limit.get_text(strip=True) == "(only if it can't wait)", path
        hours = " ".join(bar.select_one(".worried__hours").get_text().split())
        assert hours.endswith("Out of hours, call only if it cannot wait."), path


def test_a_councillor_is_told_to_share_a_worry_only_with_the_front_door_or_the_police(real_site):
    soup = real_site.html("thresholds/index.html")
    heading = soup.find(id="what-not-to-do")
    items = [" ".join(li.get_text(" ").split()) for li in heading.find_next_sibling("ul").find_all("li")]
    shared = next((item for item in items if item.startswith("Do not pass it around")), None)
    routes = "only with the front door (out of hours, the Emergency Duty Team) or the police"
    assert shared and routes in shared, items
    assert "notes safe" in shared, items


def test_every_page_shows_review_dates_and_its_sources(real_site):
    for path in real_site.pages():
        soup = real_site.html(str(path.relative_to(real_site.site)))
        if soup.find("h1") is None:  # redirect stubs have no content
            continue
        box = soup.select_one(".page-review")
        assert box is not None, f"{path}: no 'Page last reviewed' box"
        text = box.get_text(" ", strip=True)
        assert re.search(r"Page last reviewed: \d{1,2} [A-Z][a-z]+ \d{4}", text), text
        assert re.search(r"Next review due: \d{1,2} [A-Z][a-z]+ \d{4}", text), text
        for time in box.find_all("time"):
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", time["datetime"])


def test_service_pages_name_their_source_documents(real_site):
    soup = real_site.html("gloucestershire/index.html")
    sources = soup.select_one(".page-review").get_text(" ", strip=True)
    assert "Members Induction" in sources and "June 2025" in sources


def test_home_page_shows_the_learning_path_with_reading_times(real_site):
    soup = real_site.html("index.html")
    path_heading = soup.find(id="your-learning-path")
    listing = path_heading.find_next("ol")
    items = [li.get_text(" ", strip=True) for li in listing.find_all("li", recursive=False)]
    assert items[0].startswith("Gloucestershire's children")
    assert any(item.startswith("Services") for item in items)
    assert all(re.search(r"about \d+ min", item) for item in items)
    nav_titles = re.findall(r"^  - ([^:]+):", CONFIG, re.M)
    shown = [item.split(" (about")[0] for item in items]
    # Sections appear in the nav's order.
    assert [t for t in nav_titles if t in shown] == shown


def test_home_page_offers_a_30_minute_route_through_the_essentials(real_site):
    soup = real_site.html("index.html")
    heading = soup.find(id=re.compile("essentials"))
    route = heading.find_next("ol")
    links = [a["href"] for a in route.find_all("a")]
    assert links == ["corporate-parenting/", "thresholds/", "contacts/"]
    minutes = [int(m) for m in re.findall(r"about (\d+) min", route.get_text())]
    total = int(
        re.search(
            r"Together: about (\d+) minutes", heading.find_next("p", string=re.compile("Together")).get_text()
        ).group(1)
    )
    assert sum(minutes) == total
    assert total <= 30, "the essentials route must fit in 30 minutes"


@pytest.mark.parametrize(
    ("markdown", "minutes"),
    [
        ("word " * 10, 1),
        ("word " * 200, 1),
        ("word " * 201, 2),
        ("word " * 1000 + "\n```\n" + "code " * 5000 + "\n```\n", 5),
        ("word " * 200 + '\n!!! trainer "Note"\n    ' + "secret " * 800 + "\n\nEnd.", 2),
    ],
)
def test_reading_minutes(markdown, minutes):
    assert reading_minutes(markdown) == minutes


def test_learning_path_links_are_relative_to_the_page_and_skip_it():
    sections = [
        {"title": "Start", "pages": [{"src": "index.md", "title": "Start", "minutes": 2}]},
        {
            "title": "Services",
            "pages": [
                {"src": "services/a.md", "title": "A", "minutes": 3},
                {"src": "services/b.md", "title": "B", "minutes": 4},
            ],
        },
    ]
    text = learning_path_markdown(sections, "index.md")
    assert "[Start](" not in text  # the page itself is not on its own path
    assert "1. **Services** (about 7 min in all)" in text
    assert "    - [A](services/a.md){ .learning-path__page } (about 3 min)" in text
    assert "about 7 minutes" in text
    pages = [p for s in sections for p in s["pages"]]
    assert essentials_markdown(pages, ["services/b.md"], "services/a.md").startswith("1. [B](b.md)")


def test_progress_page_lists_every_learning_page(real_site):
    soup = real_site.html("progress/index.html")
    rows = soup.select(".progress-table tr[data-page-id]")
    ids = [row["data-page-id"] for row in rows]
    assert ids == [page["id"] for page in progress_pages(real_site)]
    for row in rows:
        href = row.find("a")["href"]
        assert href.startswith("../"), href


def page_id(src: str) -> str:
    """A page's id in the progress data: its address under the site (services/index.md ->
    services/, services/fostering.md -> services/fostering/)."""
    return src.removesuffix("index.md") if src.endswith("index.md") else src.removesuffix(".md") + "/"


def progress_pages(real_site) -> list[dict]:
    return json.loads(real_site.html("index.html").select_one("script[data-pages]")["data-pages"])


def test_learning_pages_come_from_the_nav_and_front_matter(real_site):
    """The learning pages (the ones with a progress mark) are the learning path's pages in nav
    order, less those whose front matter says `progress: false`; each with its quiz's questions."""
    pages = progress_pages(real_site)
    ids = [page["id"] for page in pages]
    settings = yaml_load(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), get_yaml_loader(config=MkDocsConfig())
    )
    menu = [page_id(src) for src in nav_paths(settings["nav"])]
    assert len(ids) >= 10 and ids == [page for page in menu if page in ids]  # in the menu's order
    for not_learning in ("", "contacts/", "progress/", "glossary/", "about/", "trainers/"):
        assert not_learning not in ids
    assert not [page for page in ids if page.startswith(("about/", "trainers/"))]
    questions = {q.page: len(q.questions) for q in load_quizzes(ROOT / "quizzes", ROOT).quizzes}
    assert {page["id"]: page["questions"] for page in pages} == {
        page_id(src): count for src, count in questions.items()
    }
    for src in ("index.md", "contacts.md"):
        assert "\nprogress: false" in (ROOT / "docs" / src).read_text(encoding="utf-8")
    # Every page gets the same list, for its menu marks.
    other = real_site.html("services/fostering/index.html").select_one("script[data-pages]")["data-pages"]
    assert json.loads(other) == pages


def test_each_learning_page_shows_its_reading_time_under_its_title(real_site):
    home = real_site.html("index.html")
    minutes = {}
    for link in home.select("a.learning-path__page"):
        minutes[link["href"]] = int(re.search(r"about (\d+) min", link.parent.get_text()).group(1))
    assert len(minutes) == len(progress_pages(real_site))
    for href, expected in minutes.items():
        title = real_site.html(href + "index.html").select_one("article h1")
        shown = title.find_next_sibling()
        assert "reading-time" in shown["class"], href
        assert shown.get_text() == f"About {expected} minute{'s' if expected != 1 else ''} to read"
    for other in ("index.html", "contacts/index.html", "progress/index.html", "glossary/index.html"):
        assert real_site.html(other).select(".reading-time") == [], other


def test_the_home_page_offers_continue_and_the_finished_line(real_site):
    path = real_site.html("index.html").select_one("article")
    button = path.select_one("#learning-continue")
    assert button["href"] == "gloucestershire/" and "md-button" in button["class"]
    assert button.parent.has_attr("data-handout-exclude")  # the screen's button, not the handout's
    done = path.select_one("#learning-done")
    assert done.has_attr("hidden") and done.has_attr("data-handout-exclude")
    assert done.find("a")["href"] == "progress/#completion-record"
    assert real_site.html("progress/index.html").select_one("#completion-record[data-glossary-skip]")


def test_reading_times_and_the_continue_button_are_not_in_the_search(real_site):
    """Search results never show "About 5 minutes to read" or the button's words as a page's text
    (data-search-exclude: Material leaves such parts out of its index)."""
    index = json.loads((real_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    for words in ("minutes to read", "minute to read", "Start with", "You have finished every learning page"):
        assert words not in text, words


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# Title\n\nText.", "# Title\n\nREADING\n\n\nText."),
        ("```\n# not a title\n```\n# Title", "```\n# not a title\n```\n# Title\n\nREADING\n"),
        ("No title here.", "No title here."),
    ],
)
def test_reading_time_goes_under_the_title(markdown, expected):
    reading = '<p class="reading-time" data-search-exclude>About 3 minutes to read</p>'
    assert with_reading_time(markdown, 3) == expected.replace("READING", reading)
    assert "About 1 minute to read" in with_reading_time("# T", 1)


def test_pages_marked_progress_false_are_left_out_of_the_path_and_the_marks():
    sections = [
        {
            "title": "Start",
            "pages": [{"src": "index.md", "url": "", "title": "Start", "minutes": 2, "marked": False}],
        },
        {
            "title": "Contacts",
            "pages": [
                {"src": "contacts.md", "url": "contacts/", "title": "Contacts", "minutes": 1, "marked": False}
            ],
        },
        {"title": "A", "pages": [{"src": "a.md", "url": "a/", "title": "A", "minutes": 3, "questions": 4}]},
    ]
    text = learning_path_markdown(sections, "index.md")
    assert "Contacts" not in text
    assert "[A](a.md){ .learning-path__page } (about 3 min)" in text
    assert "[Start with A](a.md){ .md-button .md-button--primary #learning-continue }\n" in text
    assert json.loads(progress_data(sections)) == [{"id": "a/", "questions": 4}]


def test_headings_never_skip_a_level_on_any_page(real_site):
    """Screen reader users move by headings: an h4 straight under an h2 (as mkdocs-quiz writes
    its question numbers) hides a level. Lighthouse's heading-order audit checks the same."""
    skips = {}
    for path in real_site.pages():
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("article")
        if article is None:
            continue
        level = 1
        for heading in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
            new = int(heading.name[1])
            if new > level + 1:
                skips.setdefault(path.relative_to(real_site.site).as_posix(), []).append(
                    f"h{level} then h{new}: {heading.get_text(' ', strip=True)}"
                )
            level = new
    assert skips == {}


# --- Who to call: one message wherever a reader meets it (a reviewer's read across the site) ----

LIMIT = "cannot wait until the next working day"


def test_every_place_that_gives_the_out_of_hours_number_gives_its_limit(real_site):
    places = {
        "Thresholds, key takeaways": section_text(real_site, "thresholds.md", "key-takeaways"),
        "Thresholds, what to do": section_text(real_site, "thresholds.md", "what-to-do"),
        "Front door, how to contact": section_text(
            real_site, "services/front-door.md", "how-to-contact-the-front-door"
        ),
        "Contacts, out of hours": section_text(
            real_site, "contacts.md", "out-of-hours-the-emergency-duty-team"
        ),
    }
    for where, text in places.items():
        assert CONTACTS["emergency_duty_team"]["phone"] in text, where
        assert LIMIT in text, (where, text)
    for where in ("Thresholds, what to do", "Front door, how to contact"):
        assert "answering machine" in places[where] and "If it can wait" in places[where], where
    for name, question in every_question():
        explanation = question.get("explanation", "")
        if "Emergency Duty Team" in explanation:
            assert LIMIT in explanation, (name, question["question"])


def test_a_worry_is_phoned_through_and_the_email_is_for_questions_about_support(real_site):
    steps = section_text(real_site, "thresholds.md", "what-to-do")
    assert "phone the front door straight away" in steps and "Phone rather than email" in steps, steps
    weekday = next(q for q in quiz("thresholds") if q["question"].startswith("On a weekday morning"))
    keyed = [o["text"] for o in weekday["options"] if o.get("correct")]
    assert keyed == ["Phone the front door straight away, on {{ contacts.front_door.phone }}."], keyed
    front_door = section_text(real_site, "services/front-door.md", "how-to-contact-the-front-door")
    assert "for questions about the support available" in front_door, front_door
