"""The quiz renderer (hooks/quizzes.py): questions become mkdocs-quiz Markdown under "Check your
understanding", text stays text, sections are cited with links, and the answer key lists it all."""

from __future__ import annotations

import datetime as dt
import json

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_quiz.plugin import MkDocsQuizPlugin
from mkdocs_quiz.plugin import js_script as upstream_script
from mkdocs_quiz.plugin import style as upstream_style

from conftest import TEXT_EXTENSIONS
from induction import quizzes as q
from induction.common import DataError, parse_yaml
from induction.pages import check_front_matter
from induction.text import trainer_markdown

FILE = "quizzes/services-front-door.yml"
QUIZ_YAML = """\
page: services/front-door.md
questions:
  - question: What does MASH stand for?
    options:
      - text: Multi-Agency Safeguarding Hub
        correct: true
        feedback: Yes. It brings agencies together.
      - text: Multi-Area Support Hub
    explanation: The hub is where agencies share what they know.
    section: What the front door does
  - question: Who works there?
    type: multiple
    options:
      - text: Social workers
        correct: true
      - text: Police
        correct: true
        feedback: Yes.
      - text: Estate agents
    explanation: Several agencies work side by side.
    section: who works there
  - question: "Ring {{ contacts.front_door.phone }}. There were ___ children in care."
    type: fill-in
    answer: 773
    explanation: From the slides.
    section: Key takeaways
"""
PAGE = """\
# Front door and MASH

## What you will learn

## What the front door does

## Who works there {#staff}

```markdown
## Not a heading
```

## Key takeaways
"""
FACTS = {"contacts": {"front_door": {"phone": "01452 42 65 65"}}}
CHECK = "check-your-understanding"
TYPED = st.characters(codec="ascii", categories=["L", "N", "P", "S", "Zs"], exclude_characters="*_")
# The Markdown extensions the site uses (mkdocs.yml), for checking what readers see.
EXTENSIONS = [*TEXT_EXTENSIONS, "toc"]


def quiz() -> q.Quiz:
    return q.parse_quiz(QUIZ_YAML, FILE)


def test_render_quiz_writes_mkdocs_quiz_markdown_under_the_heading():
    sections = q.page_sections(PAGE)
    assert q.render_quiz(quiz(), sections, FACTS) == (
        "<!-- self-check -->\n"
        "\n"
        "## Check your understanding\n"
        "\n"
        "<!-- mkdocs-quiz intro -->\n"
        "\n"
        "<quiz>\n"
        "What does MASH stand for?\n"
        "- [x] Multi-Agency Safeguarding Hub\n"
        "> Yes. It brings agencies together.\n"
        "- [ ] Multi-Area Support Hub\n"
        "\n"
        "**Why:** The hub is where agencies share what they know.\n"
        "\n"
        "Read more: [What the front door does](#what-the-front-door-does).\n"
        "</quiz>\n"
        "\n"
        "<quiz>\n"
        "Who works there? *Choose all the answers that apply.*\n"
        "- [x] Social workers\n"
        "- [x] Police\n"
        "> Yes.\n"
        "- [ ] Estate agents\n"
        "\n"
        "**Why:** Several agencies work side by side.\n"
        "\n"
        "Read more: [Who works there](#staff).\n"
        "</quiz>\n"
        "\n"
        "<quiz>\n"
        "Ring 01452 42 65 65. There were [[773]] children in care.\n"
        "\n"
        "---\n"
        "\n"
        "**Why:** From the slides.\n"
        "\n"
        "Read more: [Key takeaways](#key-takeaways).\n"
        "</quiz>\n"
        "\n"
        '<p class="self-check-status visually-hidden" role="status" aria-live="polite"></p>'
    )


def test_mkdocs_quiz_reads_the_rendered_questions_as_written():
    plugin = MkDocsQuizPlugin()
    blocks = q.render_quiz(quiz(), q.page_sections(PAGE), FACTS).split("<quiz>")[1:]
    first = blocks[0].split("</quiz>")[0].strip().splitlines()
    text, answers, correct, feedback, _ = plugin._parse_quiz_question_and_answers(first)
    assert text == "What does MASH stand for?"
    assert answers == ["Multi-Agency Safeguarding Hub", "Multi-Area Support Hub"]
    assert correct == ["Multi-Agency Safeguarding Hub"]
    assert feedback == ["Yes. It brings agencies together.", ""]
    assert plugin._is_fill_in_blank_quiz(blocks[2])
    assert not plugin._is_fill_in_blank_quiz(blocks[0])


def test_a_section_the_page_does_not_have_is_an_error_listing_the_headings():
    broken = quiz()
    broken.questions[0].section = "What the back door does"
    with pytest.raises(DataError) as error:
        q.render_quiz(broken, q.page_sections(PAGE))
    assert str(error.value) == (
        "quizzes/services-front-door.yml:10: question 1 names the section 'What the back door does', "
        "which is not a heading on services/front-door.md (use a heading of the page as it is written: "
        "Front door and MASH; What you will learn; What the front door does; Who works there; Key takeaways)"
    )


def test_an_unknown_fact_in_a_quiz_names_the_quiz_file_and_line():
    broken = quiz()
    broken.questions[2].text = "Ring {{ contacts.front_dor.phone }} now. ___"
    with pytest.raises(DataError) as error:
        q.render_quiz(broken, q.page_sections(PAGE), FACTS)
    assert str(error.value) == (
        "quizzes/services-front-door.yml:22: unknown fact '{{ contacts.front_dor.phone }}' "
        "(see data/contacts.yml for the names you can use)"
    )


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("[a link](javascript:alert(1))", "\\[a link\\](javascript:alert(1))"),
        ("Text {: onclick=alert(1) }", "Text &#123;: onclick=alert(1) &#125;"),
        ("[[773]] is not a blank", "\\[\\[773\\]\\] is not a blank"),
        ("</quiz> stays text", "&lt;/quiz&gt; stays text"),
        ("- [x] not an answer", "&#45; \\[x\\] not an answer"),
        ("# Not a heading", "&#35; Not a heading"),
        ("1. Not a list", "&#49;. Not a list"),
        ("!!! note not an admonition", "&#33;!! note not an admonition"),
        ("___", "&#95;__"),
        ("`not code`", "\\`not code\\`"),
        ("back\\slash", "back\\\\slash"),
        ("Ring {{ contacts.front_door.phone }} {x}", "Ring {{ contacts.front_door.phone }} &#123;x&#125;"),
        ("**Bold** and *italic* stay", "**Bold** and *italic* stay"),
        ("1.5 million and -1", "1.5 million and -1"),
        ("  several\n  lines  ", "several lines"),
    ],
)
def test_escape_text(text, escaped):
    assert trainer_markdown(text) == escaped


def visible(markdown_text: str) -> tuple[str, set[str]]:
    html = markdown.markdown(markdown_text, extensions=EXTENSIONS)
    soup = BeautifulSoup(html, "html.parser")
    return soup.get_text(), {tag.name for tag in soup.find_all(True)}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=TYPED))
def test_escaped_text_reads_exactly_as_written_and_makes_no_markup(text):
    """Whatever a trainer types (without *emphasis*), readers see those words and nothing else."""
    words = " ".join(text.split())
    shown, tags = visible(trainer_markdown(text))
    assert shown == words
    assert tags <= {"p"}


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.characters(codec="ascii", categories=["L", "N", "P", "S"]), min_size=1),
        min_size=2,
        max_size=5,
        unique_by=lambda t: t.casefold(),
    )
)
def test_any_option_text_keeps_its_place_and_its_mark(texts):
    question = q.Question(
        number=1,
        text="Which?",
        explanation="Because.",
        section="Key takeaways",
        options=[q.Option(text=t, correct=i == 0) for i, t in enumerate(texts)],
    )
    holder = q.Quiz(file=FILE, page="p.md", questions=[question])
    block = q.render_question(question, holder).split("<quiz>")[1].split("</quiz>")[0]
    plugin = MkDocsQuizPlugin()
    _, answers, correct, _, _ = plugin._parse_quiz_question_and_answers(block.strip().splitlines())
    assert len(answers) == len(texts)
    assert correct == [answers[0]]
    assert not plugin._is_fill_in_blank_quiz(block)


@pytest.mark.parametrize(
    ("page", "sections"),
    [
        (
            PAGE,
            {
                "Front door and MASH": "front-door-and-mash",
                "What you will learn": "what-you-will-learn",
                "What the front door does": "what-the-front-door-does",
                "Who works there": "staff",
                "Key takeaways": "key-takeaways",
                "Check your understanding": CHECK,
            },
        ),
        (
            "## Notes\n\n## Notes\n\n## *Who's* [who](people.md)\n",
            {"Notes": "notes", "Who's who": "whos-who", "Check your understanding": CHECK},
        ),
    ],
    ids=["headings, ids and code", "repeats and inline markup"],
)
def test_page_sections_gives_the_anchors_the_toc_makes(page, sections):
    assert q.page_sections(page) == sections


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("# T\n\n## Key takeaways\n\n- One.\n", "# T\n\n## Key takeaways\n\n- One.\n\nQUIZ\n"),
        ("# T\n\n<!-- quiz -->\n\n## After\n", "# T\n\n\nQUIZ\n\n\n## After\n"),
        ("# T\n\n```\n<!-- quiz -->\n```\n", "# T\n\n```\n<!-- quiz -->\n```\n\nQUIZ\n"),
    ],
    ids=["at the end", "at the marker", "marker in code is not a marker"],
)
def test_place_quiz(page, expected):
    assert q.place_quiz(page, "QUIZ", "docs/t.md") == expected


def test_two_markers_are_an_error():
    with pytest.raises(DataError) as error:
        q.place_quiz("<!-- quiz -->\n\n<!-- quiz -->\n", "QUIZ", "docs/t.md", offset=8)
    assert str(error.value) == "docs/t.md:11: the page has 2 <!-- quiz --> lines (keep one)"


def test_the_answer_key_lists_every_question_with_answers_feedback_and_explanation():
    front = {
        "title": "Front door and MASH",
        "last_reviewed": dt.date(2026, 11, 22),
        "review_due": dt.date(2027, 11, 22),
        "sources": ["induction_2025"],
    }
    sections = {"services/front-door.md": q.page_sections(PAGE)}
    text = q.answer_key_markdown(
        [quiz()], {"services/front-door.md": front}, sections, FACTS, dt.date(2026, 12, 1)
    )
    body_start = text.index("\n---\n") + 5
    meta = parse_yaml(text[4 : body_start - 4], "key")
    problems, overdue = check_front_matter(
        meta, "docs/about/answer-key.md", {"induction_2025": {}}, dt.date(2026, 12, 1)
    )
    assert (problems, overdue) == ([], None)
    assert meta["search"] == {"exclude": True}
    body = text[body_start:]
    assert "## Front door and MASH" in body
    assert "Page: [Front door and MASH](../services/front-door.md). Quiz file: `" + FILE + "`." in body
    assert "**Question 1** (one answer): What does MASH stand for?" in body
    assert "- ✓ **Multi-Agency Safeguarding Hub** (right answer) *Feedback:* Yes. It brings" in body
    assert "- ✗ Multi-Area Support Hub" in body
    assert "**Question 2** (more than one answer): Who works there?" in body
    assert "Section: [Who works there](../services/front-door.md#staff)." in body
    assert "(fill in the blank): Ring 01452 42 65 65. There were \\_\\_\\_ children in care." in body
    assert "- ✓ Answer: **773**" in body
    assert "Why: The hub is where agencies share what they know." in body


def test_the_answer_key_without_quizzes_says_so():
    text = q.answer_key_markdown([], {}, {}, None, dt.date(2026, 12, 1))
    assert "last_reviewed: 2026-12-01" in text
    assert "review_due: 2027-12-01" in text
    assert "There are no self-check questions yet." in text


# mkdocs-quiz 1.7.1's output for one question, as its on_page_content writes it after the page.
UPSTREAM_QUIZ = """<div class="quiz" data-show-correct="true" id="quiz-0">
    <a href="#quiz-0" class="quiz-header-link">#</a>
    <h4 class="quiz-number">Question 1</h4>
    <div class="quiz-question" id="quiz-0-question"><p>Why &amp; how?</p></div>
    <form action="javascript:void(0);" onsubmit="return false;">
        <fieldset aria-labelledby="quiz-0-question"><div><input type="radio" name="answer" value="0"
         id="quiz-0-0" data-correct="true"><label for="quiz-0-0">Yes</label></div></fieldset>
        <div class="quiz-feedback hidden"></div>
        <button type="submit" class="quiz-button">Check my answer</button>
    </form>
    <section class="content hidden"><p>Because.</p></section>
</div>"""
UPSTREAM_TAIL = (
    '<div id="quiz-progress-sidebar" aria-label="Progress" style="display: none;"><div><div></div></div>'
    '<a href="#">Reset</a></div><nav id="quiz-progress-mobile" style="display: none;"><div></div></nav>'
    + upstream_style
    + '<script type="text/javascript">\nwindow.mkdocsQuizTranslations = {"Submit": "Check my answer"};\n'
    + "</script>"
    + '<script type="text/javascript">\nwindow.mkdocsQuizConfig = {\n  confetti: false,\n'
    + '  showProgress: false,\n  progressSidebarPosition: "top"\n};\n</script>'
    + upstream_script
    + '<script type="text/javascript">\n'
    + q.QUIZ_AUTO_NUMBER
    + "\n</script>"
)
BEFORE = "<h1>Front door</h1>\n<p>It&rsquo;s <a href=x title='t'>here</a><br></p>\n"


def finished(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_finish_quiz_html_makes_mkdocs_quizs_output_safe_and_accessible():
    page = BEFORE + q.START + "\n<h2>Check your understanding</h2>\n" + UPSTREAM_QUIZ + UPSTREAM_TAIL
    html = q.finish_quiz_html(page, "docs/t.md", 1, "../js/quiz.js", "../js/settings.js")
    # the page is kept as it was written, and the marker goes with its line break
    assert html.startswith(BEFORE + "<h2>Check your understanding</h2>\n<div class")
    soup = finished(html)
    assert [h.name for h in soup.select(".quiz-number")] == ["h3"]  # under the h2, not h4
    assert soup.form.attrs == {"data-search-exclude": ""}  # no inline handler, no javascript: action
    marked = [e.name for e in soup.select("[data-search-exclude]")]  # answers are not in search
    assert {"a", "h3", "div", "form", "section"} <= set(marked)
    assert "quiz" not in soup.find("div")["class"][1:]
    assert soup.find("style") is None and soup.select("#quiz-progress-sidebar, #quiz-progress-mobile") == []
    scripts = soup.find_all("script")
    assert [s.get("src") for s in scripts] == [None, "../js/settings.js", "../js/quiz.js"]
    assert scripts[0]["type"] == "application/json" and scripts[0]["id"] == "quiz-settings"
    assert json.loads(scripts[0].string) == {
        "translations": {"Submit": "Check my answer"},
        "config": {"confetti": False, "showProgress": False, "progressSidebarPosition": "top"},
        "autoNumber": True,
    }
    assert soup.select_one(".quiz-question").get_text() == "Why & how?"
    assert q.START not in html


def test_finish_quiz_html_leaves_what_is_not_mkdocs_quizs_for_the_security_check():
    planted = '<script>alert(1)</script><style>p{}</style><form onsubmit="go()"></form>'
    page = q.START + UPSTREAM_QUIZ + planted + UPSTREAM_TAIL
    html = q.finish_quiz_html(page, "docs/t.md", 1, "q.js", "s.js")
    assert planted in html


@pytest.mark.parametrize(
    ("page", "rendered"),
    [
        (BEFORE + q.START + "<quiz>\nWhy?\n- [x] Yes\n</quiz>" + UPSTREAM_TAIL, 0),  # mkdocs-quiz was off
        (BEFORE + q.START + UPSTREAM_QUIZ + "<p>&lt;quiz&gt;</p><quiz>" + UPSTREAM_TAIL, 1),  # one unclosed
        (BEFORE + UPSTREAM_QUIZ + UPSTREAM_TAIL, 0),  # the hook's block never reached the page
    ],
)
def test_finish_quiz_html_stops_when_a_question_was_not_made_into_a_quiz(page, rendered):
    with pytest.raises(DataError) as error:
        q.finish_quiz_html(page, "docs/t.md", 2 if rendered else 1, "q.js", "s.js")
    assert str(error.value) == (
        f"docs/t.md: {rendered} of the {2 if rendered else 1} self-check questions were turned into quizzes "
        "(the rest would show as raw text) "
        "(check that mkdocs_quiz is in 'plugins:' in mkdocs.yml and hooks/quizzes.py in 'hooks:')"
    )


@pytest.mark.parametrize(
    "page",
    [
        "##Key numbers\n\nText.\n",  # no space after the signs: still a heading to Python-Markdown
        "## Key numbers ##\n",
        "### Who works there {#staff}\n",
        "#Title\n\n## Two words\n\n## Two words\n",
    ],
)
def test_the_sections_a_question_may_name_are_the_headings_readers_see(page):
    md = markdown.Markdown(extensions=EXTENSIONS)
    md.convert(page)

    def flat(tokens):
        for token in tokens:
            yield token["name"], token["id"]
            yield from flat(token["children"])

    seen = {}
    for name, anchor in flat(md.toc_tokens):
        seen.setdefault(name, anchor)  # a question names the first heading of its words
    sections = q.page_sections(page)
    assert {name: sections[name] for name in seen} == seen
