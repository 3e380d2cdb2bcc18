"""Quizzes in real strict builds: a fixture site (tests/fixtures/quiz) and the real site.

Each content page gets its quiz in mkdocs-quiz's markup under "Check your understanding", with the
quiz CSS and JS on that page only; bad quiz data stops the build with a message naming the file
and line, before any page is written."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs_quiz.plugin import confetti_lib_script, js_content

from conftest import ROOT, run_build
from quiz_support import QUIZ_ASSETS, quiz_project

# Signs of mkdocs-quiz on a page: its script and config, its stylesheet, or our own assets.
QUIZ_TRACES = (
    "mkdocsQuizConfig",
    "quiz_progress_",
    "quiz-progress",
    "self-check.css",
    "self-check.js",
    "JSConfetti",
    "quiz-intro",
)
UPSTREAM_CSS = ".correct label"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    project = quiz_project(tmp_path_factory.mktemp("quiz") / "project")
    build = run_build(project, project.parent / "site")
    assert build.returncode == 0, f"quiz fixture failed to build:\n{build.output}"
    return build


def article(build, path):
    return build.html(path).select_one("article")


def headings(soup) -> list[str]:
    return [h.get_text(strip=True).rstrip("¶") for h in soup.find_all(["h2"])]


def raw_quiz_text(soup) -> list[str]:
    """Quiz Markdown that reached the reader as text (outside rendered quizzes): a <quiz> tag or an
    answer line."""
    soup = BeautifulSoup(str(soup), "lxml")
    for quiz in soup.select("div.quiz, code, pre"):  # rendered quizzes, and examples shown as code
        quiz.decompose()
    text = soup.get_text("\n")
    found = [line for line in text.splitlines() if re.match(r"\s*[-*] \[[ xX]?\] ", line)]
    return found + (["<quiz>"] if soup.find("quiz") or "<quiz>" in text else [])


def test_the_quiz_goes_under_check_your_understanding_after_key_takeaways(fixture_site):
    page = article(fixture_site, "topic/index.html")
    assert headings(page)[-2:] == ["Key takeaways", "Check your understanding"]
    quizzes = page.select("div.quiz")
    assert len(quizzes) == 4
    assert [quiz.select_one(".quiz-number").get_text() for quiz in quizzes] == [
        "Question 1",
        "Question 2",
        "Question 3",
        "Question 4",
    ]
    first, second, blank = quizzes[0], quizzes[1], quizzes[2]
    assert [i["type"] for i in first.select("input[name=answer]")] == ["radio"] * 3
    assert [i["type"] for i in second.select("input[name=answer]")] == ["checkbox"] * 3
    assert blank.select_one("input.quiz-blank-input")["data-answer"] == "773"
    assert "01452 42 65 65" in blank.get_text()  # facts are filled in
    feedback = first.select(".answer-feedback")
    assert [f.get_text(strip=True) for f in feedback] == [
        "Yes. The hub brings agencies together.",
        "Not quite. It is about safeguarding.",
    ]
    explanation = first.select_one("section.content")
    assert "Why: The hub is where agencies share" in explanation.get_text(" ", strip=True)
    assert explanation.find("a")["href"] == "#what-the-front-door-does"
    assert page.select_one(".quiz-intro button").get_text(strip=True) == "Clear my answers"
    assert page.select_one(".self-check-status[role=status][aria-live=polite]") is not None
    assert raw_quiz_text(page) == []


def test_a_marker_places_the_quiz_and_code_examples_stay_code(fixture_site):
    page = article(fixture_site, "marked/index.html")
    assert headings(page) == [
        "What you will learn",
        "Children in care",
        "Check your understanding",
        "After the quiz",
    ]
    assert len(page.select("div.quiz")) == 3
    code = page.find("code").get_text()
    assert "<!-- quiz -->" in code and "<quiz>" in code


def test_text_in_quiz_files_is_shown_as_text_and_never_runs(fixture_site):
    soup = fixture_site.html("topic/index.html")
    tricky = soup.select("div.quiz")[3]
    text = tricky.get_text(" ", strip=True)
    assert "<b>text</b>" in text and "<script>window.quizHacked = 1</script>" in text
    assert '<img src=x onerror="window.quizHacked = 2">' in text
    assert "[a link](javascript:window.quizHacked=3)" in text
    assert "# Not a heading. <!-- not a comment --> </quiz> stays text." in text
    assert [label.get_text(strip=True) for label in tricky.select("label")][1:] == [
        "- [x] not an answer line",
        "[[not a blank]]",
    ]
    assert not any("quizHacked" in s.get_text() for s in soup.find_all("script"))
    assert not soup.find(attrs={"onerror": True}) and not soup.find(attrs={"onclick": True})
    assert not soup.select('a[href^="javascript:"]')
    assert not tricky.find(["b", "img", "h1", "h2"])
    assert [h.get_text() for h in tricky.find_all("h3")] == ["Question 4"]  # only the number


def test_quiz_assets_only_on_quiz_pages_and_mkdocs_quiz_css_is_replaced(fixture_site):
    for path in ("topic/index.html", "marked/index.html"):
        soup = fixture_site.html(path)
        head = str(soup.head)
        assert all(asset in head for asset in QUIZ_ASSETS), path
        # mkdocs-quiz's inline settings are a JSON block that javascripts/quiz-settings.js reads
        settings = json.loads(soup.select_one("script#quiz-settings[type='application/json']").string)
        assert "mkdocsQuizConfig" not in str(soup)
        assert UPSTREAM_CSS not in str(soup), "mkdocs-quiz's unscoped stylesheet is still on " + path
        assert confetti_lib_script not in str(soup) and settings["config"]["confetti"] is False
        assert soup.select("#quiz-progress-sidebar, #quiz-progress-mobile") == []  # switched off
        # mkdocs-quiz's own script is one cached file, deferred after self-check.js, not inline
        assert js_content[:200] not in str(soup), path
        deferred = [s["src"] for s in soup.head.select("script[defer][src]")] + [
            s["src"] for s in soup.body.select("script[defer][src]")
        ]
        mine = next(i for i, src in enumerate(deferred) if src.endswith("javascripts/self-check.js"))
        settings = next(i for i, src in enumerate(deferred) if src.endswith("javascripts/quiz-settings.js"))
        theirs = next(i for i, src in enumerate(deferred) if src.endswith("javascripts/mkdocs-quiz.js"))
        material = next(i for i, src in enumerate(deferred) if "assets/javascripts/bundle." in src)
        # Material's script last: run before it, mkdocs-quiz sets up once (not again on document$)
        assert mine < settings < theirs < material, deferred
    assert (fixture_site.site / "javascripts" / "mkdocs-quiz.js").read_text(encoding="utf-8") == js_content
    for path in ("index.html", "about/answer-key/index.html", "404.html"):
        page = (fixture_site.site / path).read_text(encoding="utf-8")
        assert [t for t in QUIZ_TRACES if t in page] == [], path


def test_the_answer_key_is_printable_out_of_the_nav_and_out_of_search(fixture_site):
    key = fixture_site.html("about/answer-key/index.html")
    # (the front door's number is a tel: link, so a space stands before the full stop after it)
    text = key.select_one("article").get_text(" ", strip=True).replace(" .", ".")
    assert "Self-check answer key" in text
    for expected in (
        "Question 1 (one answer): What does MASH stand for?",
        "✓ Multi-Agency Safeguarding Hub (right answer) Feedback: Yes. The hub brings agencies together.",
        "✗ Estate agents Feedback: No. They have no part in safeguarding.",
        "Question 3 (fill in the blank): The front door's number is 01452 42 65 65. There were ___ children",
        "✓ Answer: 773",
        "Why: The hub is where agencies share what they know about a child.",
    ):
        assert expected in text
    pages = ["The front door", "A page with a marker", "Numbers in blanks"]
    assert headings(key.select_one("article")) == pages
    assert not key.select(".md-sidebar--primary .md-nav__link[href*=answer-key]")
    home = fixture_site.html("index.html")
    assert "answer-key" not in str(home.select_one(".md-nav--primary"))
    index = json.loads((fixture_site.site / "search" / "search_index.json").read_text())
    assert not [d for d in index["docs"] if d["location"].startswith("about/answer-key")]


def test_interface_strings_are_uk_english(fixture_site):
    page = (fixture_site.site / "topic" / "index.html").read_text(encoding="utf-8")
    block = BeautifulSoup(page, "lxml").select_one("script#quiz-settings")  # hooks/quizzes.py
    strings = json.loads(block.string)["translations"]
    assert strings["Submit"] == "Check my answer"
    assert strings["Try Again"] == "Try again"
    assert strings["Correct answer!"] == "That is the right answer."
    intro = BeautifulSoup(page, "lxml").select_one(".quiz-intro").get_text(" ", strip=True)
    assert intro.startswith("Your answers are saved only in this web browser, on this device.")


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def break_yaml(p):
    edit(p / "quizzes/topic.yml", "explanation: The hub is where", "explanation: The hub: is where")


def wrong_page(p):
    edit(p / "quizzes/marked.yml", "page: marked.md", "page: marker.md")


def second_file(p):
    (p / "quizzes/topic-again.yml").write_text((p / "quizzes/topic.yml").read_text())


def missing_quiz(p):
    (p / "quizzes/marked.yml").unlink()


def unknown_section(p):
    edit(p / "quizzes/marked.yml", "section: Children in care", "section: Children in need")


def no_correct(p):
    edit(
        p / "quizzes/marked.yml",
        "      - text: Where the marker line is\n        correct: true\n",
        "      - text: Here\n",
    )


def no_plugin(p):
    edit(p / "mkdocs.yml", "  - mkdocs_quiz:\n", "  - mkdocs_quiz_off:\n")
    text = (p / "mkdocs.yml").read_text()
    start = text.index("  - mkdocs_quiz_off:")
    end = text.index("hooks:")
    (p / "mkdocs.yml").write_text(text[:start] + text[end:])


def unknown_fact(p):
    edit(p / "quizzes/marked.yml", "Is this a test page?", "Is {{ contacts.nobody.phone }} a test page?")


def marker_inside_html(p):
    edit(p / "docs/marked.md", "\n<!-- quiz -->\n", '\n<div class="boxed">\n\n<!-- quiz -->\n\n</div>\n')


def marker_without_quiz(p):
    edit(p / "docs/index.md", "A page without a quiz.", "A page without a quiz.\n\n<!-- quiz -->\n")


BAD_BUILDS = [
    (
        break_yaml,
        "quizzes/topic.yml:12: this is not valid YAML: this line has a second ': ' in it "
        "(put text that contains ': ' in quotes: owner: \"Team: fostering\")",
    ),
    (
        wrong_page,
        "quizzes/marked.yml:1: the page 'marker.md' does not exist "
        "(write the path of a page under docs/; e.g. services/front-door.md)",
    ),
    (
        second_file,
        "quizzes/topic.yml:2: there is already a quiz for topic.md in quizzes/topic-again.yml "
        "(keep one quiz file per page: move these questions into that file, or delete one)",
    ),
    (
        missing_quiz,
        "docs/marked.md: the page is in the nav but has no self-check quiz "
        "(add quizzes/marked.yml with 'page: marked.md' and at least 3 questions as quizzes/README.md shows, "
        "or list the page under extra.quizzes.not_needed in mkdocs.yml)",
    ),
    (
        unknown_section,
        "quizzes/marked.yml:10: question 1 names the section 'Children in need', which is not a heading on "
        "marked.md (use a heading of the page as it is written: A page with a marker; What you will learn; "
        "Children in care; After the quiz)",
    ),
    (
        no_correct,
        "quizzes/marked.yml:13: question 2 has no correct answer (mark at least one option 'correct: true')",
    ),
    (
        no_plugin,
        "mkdocs.yml: the mkdocs_quiz plugin is not in 'plugins:', and the self-checks take their settings "
        "and their buttons' words from it "
        "(add '- mkdocs_quiz:' with the settings shown in quizzes/README.md)",
    ),
    (
        unknown_fact,
        "quizzes/marked.yml:18: unknown fact '{{ contacts.nobody.phone }}' "
        "(see data/contacts.yml for the names you can use)",
    ),
    (
        marker_inside_html,
        "docs/marked.md: the self-check could not be placed in the page (is its <!-- quiz --> line inside "
        "HTML?) (put the <!-- quiz --> line on a line of its own, outside any HTML block)",
    ),
    (
        marker_without_quiz,
        "docs/index.md:14: the page has a <!-- quiz --> line but no quiz file names this page "
        "(add a quiz file in quizzes/ with 'page: index.md', or remove the line)",
    ),
]


@pytest.mark.build
@pytest.mark.parametrize(("breakage", "message"), BAD_BUILDS, ids=[b[0].__name__ for b in BAD_BUILDS])
def test_bad_quiz_input_stops_the_strict_build_before_any_page_is_written(tmp_path, breakage, message):
    project = quiz_project(tmp_path / "project")
    breakage(project)
    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert f"ERROR   -  {message}" in build.output, build.output
    assert not list((tmp_path / "site").rglob("*.html")), "pages were written despite the error"


@pytest.mark.build
@pytest.mark.parametrize("value", ["true", "[shuffle_answers]", "{enabled: true, shuffle_answers: true}"])
def test_a_quiz_setting_in_front_matter_of_any_kind_still_builds_the_self_check(tmp_path, value):
    """mkdocs-quiz's `quiz:` front matter: a page's settings for its self-check when it is a
    mapping (here shuffle_answers), and nothing when it is not; mkdocs-quiz itself stays off."""
    project = quiz_project(tmp_path / "project")
    edit(
        project / "docs/topic.md",
        "sources: [induction_2025]\n",
        f"sources: [induction_2025]\nquiz: {value}\n",
    )
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    quizzes = article(build, "topic/index.html").select("div.quiz")
    assert len(quizzes) == 4
    shuffled = value.startswith("{")
    assert [quiz.get("data-shuffle-answers") for quiz in quizzes[:2]] == (
        ["true"] * 2 if shuffled else [None] * 2
    )
    assert "mkdocsQuizConfig" not in (tmp_path / "site/topic/index.html").read_text(encoding="utf-8")


@pytest.mark.build
def test_mkdocs_quiz_stays_off_on_a_page_without_a_quiz_file_whatever_its_front_matter_says(tmp_path):
    """mkdocs-quiz is switched off on every page, not only those with a quiz file: a page's
    `quiz: {enabled: true}` would otherwise let it write its own markup and inline scripts from a
    <quiz> block readers never see as text (here in a comment, where it reads one all the same)."""
    project = quiz_project(tmp_path / "project")
    edit(
        project / "docs/index.md",
        "sources: [induction_2025]\n",
        "sources: [induction_2025]\nquiz: {enabled: true}\n",
    )
    edit(
        project / "docs/index.md",
        "# Home\n",
        "# Home\n\n<!-- <quiz>\nWhy?\n- [x] Yes\n- [ ] No\n</quiz> -->\n",
    )
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "quiz-" not in home and "mkdocsQuizConfig" not in home


# --- The real site ----------------------------------------------------------------------------


def real_settings() -> dict:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return config["extra"]["quizzes"]


def nav_pages() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    found = []

    def walk(items):
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, dict):
                for value in item.values():
                    walk(value)

    walk(config["nav"])
    return found


def content_pages() -> list[str]:
    from fnmatch import fnmatchcase

    skip = real_settings()["not_needed"]
    return [p for p in nav_pages() if not any(fnmatchcase(p, pattern) for pattern in skip)]


def quiz_files() -> dict[str, dict]:
    quizzes = {}
    for path in sorted((ROOT / "quizzes").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        quizzes[data["page"]] = data
    return quizzes


def html_path(src: str) -> str:
    return "index.html" if src == "index.md" else src[: -len(".md")].removesuffix("/index") + "/index.html"


# The learning pages of issue 5: every nav page but the home, glossary, contacts and about pages.
LEARNING_PAGES = [
    "gloucestershire.md",
    "how-services-work.md",
    *(
        f"services/{name}.md"
        for name in (
            "front-door",
            "early-help",
            "children-in-need",
            "child-protection",
            "disabled-children",
            "court-proceedings",
            "children-in-care",
            "care-leavers",
            "fostering",
            "kinship-care",
            "youth-justice",
            "academy-and-business-support",
        )
    ),
    "corporate-parenting.md",
    "thresholds.md",
    "safeguarding-partnership.md",
    "scrutiny.md",
]


def test_every_content_page_has_a_quiz_and_the_rule_is_switched_on():
    assert [page for page in LEARNING_PAGES if page not in content_pages()] == [], "exempted in not_needed"
    missing = [page for page in content_pages() if page not in quiz_files()]
    assert missing == [], "content pages without a quiz in quizzes/: " + ", ".join(missing)
    assert real_settings()["require"] == "true", "set extra.quizzes.require: true in mkdocs.yml"


def test_every_quiz_on_the_real_site_is_rendered_with_all_its_questions(real_site):
    for page, data in quiz_files().items():
        soup = real_site.html(html_path(page))
        body = soup.select_one("article")
        assert headings(body)[-1] == "Check your understanding", page
        assert "Key takeaways" in headings(body), page
        assert len(body.select("div.quiz")) == len(data["questions"]) >= 3, page
        assert all(asset in str(soup.head) for asset in QUIZ_ASSETS), page


def test_no_page_of_the_real_site_shows_raw_quiz_markup(real_site):
    offenders = {}
    for path in real_site.pages():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("article")
        if soup is not None and raw_quiz_text(soup):
            offenders[path.name] = raw_quiz_text(soup)
    assert offenders == {}


def test_real_pages_without_a_quiz_carry_no_quiz_css_or_js(real_site):
    with_quiz = {html_path(page) for page in quiz_files()}
    offenders = []
    for path in real_site.pages():
        relative = path.relative_to(real_site.site).as_posix()
        if relative in with_quiz:
            continue
        text = path.read_text(encoding="utf-8")
        offenders += [f"{relative}: {t}" for t in QUIZ_TRACES if t in text]
    assert offenders == []


def test_the_real_answer_key_lists_every_question(real_site):
    key = real_site.html("about/answer-key/index.html").select_one("article").get_text(" ", strip=True)
    total = sum(len(data["questions"]) for data in quiz_files().values())
    assert key.count("Why:") == total
    index = json.loads((real_site.site / "search" / "search_index.json").read_text())
    assert not [d for d in index["docs"] if d["location"].startswith("about/answer-key")]
