"""The quiz renderer (hooks/quizzes.py): each page's questions become mkdocs-quiz's markup under
"Check your understanding" in the page's own conversion, text stays text, sections are cited with
links, and the answer key lists it all."""

from __future__ import annotations

import datetime as dt
import itertools

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_quiz.plugin import MkDocsQuizPlugin
from mkdocs_quiz.translations import TranslationManager

from conftest import ROOT, TEXT_EXTENSIONS
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


WORDS = {"Submit": "Check my answer", "Answer": "Your answer", "Reset quiz": "Clear my answers"}
SETUP = q.Setup(dict(q.QUIZ_OPTIONS, auto_submit=False, disable_after_submit=False, auto_number=True), WORDS)


def page_with_quiz(
    page: str, built: q.Quiz, options: dict | None = None, setup: q.Setup = SETUP
) -> tuple[BeautifulSoup, q.SelfCheck]:
    """`page` with `built`'s self-check, converted as the site converts a page."""
    self_check = q.SelfCheck()
    md = markdown.Markdown(extensions=[*EXTENSIONS, self_check])
    text, shown = q.add_quiz(page, built, None, FACTS, "docs/services/front-door.md", self_check.slot)
    self_check.start(shown, options or setup.page_options({}), setup)
    return BeautifulSoup(md.convert(text), "html.parser"), self_check


def test_the_page_gets_its_self_check_under_the_heading_in_mkdocs_quizs_markup():
    soup, self_check = page_with_quiz(PAGE, quiz())
    assert self_check.placed == 1 and self_check.slot not in str(soup)
    heading = soup.find("h2", id=CHECK)
    assert heading.get_text() == "Check your understanding"
    parts = heading.find_next_siblings(True)
    assert [(p.name, p.get("class")) for p in parts] == [
        ("div", ["quiz-intro"]),
        ("div", ["quiz"]),
        ("div", ["quiz"]),
        ("div", ["quiz", "quiz-fill-blank"]),
        ("p", ["self-check-status", "visually-hidden"]),
    ]
    assert parts[4].attrs["role"] == "status" and parts[4]["aria-live"] == "polite"
    assert parts[0].button.get_text() == "Clear my answers" and parts[0].button["type"] == "button"
    one, several, blank = parts[1:4]
    assert [quiz["id"] for quiz in (one, several, blank)] == ["quiz-0", "quiz-1", "quiz-2"]
    assert [quiz.find("h3", class_="quiz-number").get_text() for quiz in (one, several, blank)] == [
        "Question 1",
        "Question 2",
        "Question 3",
    ]
    assert one.attrs.get("data-show-correct") == "true" and "data-auto-submit" not in one.attrs
    # one answer: radio buttons; the right one marked; feedback under its answer; the question names the set
    assert one.select_one(".quiz-question").get_text(" ", strip=True) == "What does MASH stand for?"
    assert one.fieldset["aria-labelledby"] == "quiz-0-question" == one.select_one(".quiz-question")["id"]
    choices = one.select("fieldset > div")
    assert [(c.input["type"], c.input.get("data-correct"), c.label.get_text()) for c in choices] == [
        ("radio", "true", "Multi-Agency Safeguarding Hub"),
        ("radio", None, "Multi-Area Support Hub"),
    ]
    assert [c.input["id"] for c in choices] == [c.label["for"] for c in choices] == ["quiz-0-0", "quiz-0-1"]
    assert choices[0].select_one(".answer-feedback.hidden").get_text() == "Yes. It brings agencies together."
    assert choices[1].select_one(".answer-feedback") is None
    assert one.form.attrs == {"data-search-exclude": ""}  # no inline handler, no javascript: action
    assert one.form.find("button", type="submit").get_text() == "Check my answer"
    why = one.select_one("section.content.hidden")
    assert [p.get_text() for p in why.find_all("p")] == [
        "Why: The hub is where agencies share what they know.",
        "Read more: What the front door does.",
    ]
    assert why.strong.get_text() == "Why:" and why.a["href"] == "#what-the-front-door-does"
    # several answers: tick boxes and the hint
    assert {i["type"] for i in several.select("fieldset input")} == {"checkbox"}
    assert [i.get("data-correct") for i in several.select("fieldset input")] == ["true", "true", None]
    assert several.select_one(".quiz-question em").get_text() == "Choose all the answers that apply."
    assert several.select_one("section a")["href"] == "#staff"
    # a blank: a text box in the sentence, facts filled in
    assert blank.attrs.get("data-quiz-type") == "fill-blank" and blank.fieldset is None
    box = blank.select_one(".quiz-question p input.quiz-blank-input")
    assert (box["type"], box["data-answer"], box["size"], box["aria-label"]) == (
        "text",
        "773",
        "5",
        "Your answer",
    )
    assert box["id"] == "quiz-2-blank-0"
    assert (
        blank.select_one(".quiz-question p").get_text()
        == "Ring 01452 42 65 65. There were  children in care."
    )
    # search skips the answers, never the whole question (see the note above QUIZ_OPTIONS)
    for quiz_ in (one, several, blank):
        marked = {(e.name, tuple(e.get("class") or ())) for e in quiz_.select("[data-search-exclude]")}
        assert marked == {
            ("a", ("quiz-header-link",)),
            ("h3", ("quiz-number",)),
            ("div", ("quiz-question",)),
            ("form", ()),
            ("section", ("content", "hidden")),
        }


def test_each_setting_of_mkdocs_quiz_shows_on_the_questions_as_its_script_reads_it():
    options = SETUP.page_options(
        {"quiz": {"auto_submit": True, "shuffle_answers": True, "auto_number": False}}
    )
    soup, _ = page_with_quiz(PAGE, quiz(), options)
    one, several, blank = soup.select("div.quiz")
    assert one.attrs["data-auto-submit"] == one.attrs["data-shuffle-answers"] == "true"
    assert one.form.button is None  # one answer, answered as it is chosen
    assert several.form.button is not None and blank.form.button is not None  # these need the button
    assert "data-auto-submit" not in blank.attrs and "data-shuffle-answers" not in blank.attrs
    assert soup.select(".quiz-number") == []


def test_a_self_check_whose_place_is_inside_raw_html_is_not_placed():
    page = PAGE.replace("## Key takeaways", "<div>\n\n<!-- quiz -->\n\n</div>\n\n## Key takeaways")
    soup, self_check = page_with_quiz(page, quiz())
    assert self_check.placed == 0 and soup.select("div.quiz") == []


def test_a_conversion_not_started_for_a_page_places_no_self_check():
    """The self-check goes into the one conversion after `start` (the page's), never a later one."""
    soup, self_check = page_with_quiz(PAGE, quiz())
    md = markdown.Markdown(extensions=[*EXTENSIONS, self_check])
    again = BeautifulSoup(md.convert(f"# Again\n\n{self_check.slot}\n"), "html.parser")
    assert again.select("div.quiz") == [] and again.p.get_text() == self_check.slot


def test_emphasis_may_hold_a_blank_as_in_mkdocs_quiz():
    question = q.Question(
        1, "Go to the *out of ___ hours* team.", "Because.", "Key takeaways", "fill-in", answer="office"
    )
    soup, _ = page_with_quiz(PAGE, q.Quiz(file=FILE, page="p.md", questions=[question]))
    sentence = soup.select_one(".quiz-question p")
    assert sentence.em.get_text() == "out of  hours" and sentence.em.input["data-answer"] == "office"
    assert sentence.get_text() == "Go to the out of  hours team."


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="*_"), min_size=1), st.booleans())
def test_any_question_text_is_shown_as_its_words_without_control_characters(text, blank):
    """Whatever a quiz file holds (a YAML escape can write any character), the page shows its words:
    no markup, no placeholder of Python-Markdown's taking the place of another piece of the page."""
    words = " ".join(q.CONTROL_CHARACTERS.sub("", " ".join(text.split())).split())
    kind = "fill-in" if blank else "single"
    options = [] if blank else [q.Option("Yes", correct=True), q.Option("No")]
    question = q.Question(
        1, text + (" ___" if blank else ""), "Because.", "Key takeaways", kind, options, "773"
    )
    page = "<div>\n\nRaw HTML the page stashes.\n\n</div>\n\n" + PAGE  # stash entry 0: not for the quiz
    soup, self_check = page_with_quiz(page, q.Quiz(file=FILE, page="p.md", questions=[question]))
    sentence = soup.select_one(".quiz-question p")
    shown = " ".join(sentence.get_text().split())
    assert self_check.placed == 1 and shown == words
    assert {tag.name for tag in sentence.find_all(True)} <= {"input"}
    assert len(sentence.find_all("input")) == blank


OPTION_NAMES = ["show_correct", "auto_submit", "disable_after_submit", "auto_number", "shuffle_answers"]


@pytest.mark.parametrize("values", list(itertools.product([True, False], repeat=5)))
def test_the_self_check_is_mkdocs_quizs_own_markup_finished_for_the_site(values):
    """The markup mkdocs-quiz 1.7.1 writes for the same questions (its _generate_intro_html,
    _process_quiz and _process_fill_in_blank_quiz, with every setting it reads), with the site's
    changes: question numbers <h3>, no inline form handlers, search marks. Fails when a new
    version of mkdocs-quiz writes other markup, which its script would then expect."""
    options = dict(zip(OPTION_NAMES, values, strict=True), show_progress=False)
    words = TranslationManager("en", ROOT / "quizzes" / "interface-text.en-GB.po")
    setup = q.Setup(dict(q.QUIZ_OPTIONS), words.to_dict())
    soup, _ = page_with_quiz(PAGE, quiz(), options, setup)
    ours = soup.find("h2", id=CHECK).find_next_siblings(True)[:-1]  # without the status line
    plugin = MkDocsQuizPlugin()
    plugin._create_fragment_markdown = lambda page, config, files: markdown.Markdown(extensions=EXTENSIONS)
    shown = q.shown_questions(quiz(), q.page_sections(PAGE), FACTS)
    blocks = [upstream_block(s) for s in shown]
    upstream = plugin._generate_intro_html(words) + "".join(
        plugin._process_quiz(block, number, options, words, None, None, None)
        for number, block in enumerate(blocks)
    )
    theirs = BeautifulSoup(upstream.replace("<h4", "<h3").replace("</h4>", "</h3>"), "html.parser")
    for form in theirs.find_all("form"):
        form.attrs = {"data-search-exclude": ""}
    for tag, name in SEARCH_MARKED:
        for element in theirs.find_all(tag, class_=name):
            element["data-search-exclude"] = ""
    assert [shape(e) for e in ours] == [shape(e) for e in theirs.find_all(True, recursive=False)]
    assert setup.word("Submit") == "Check my answer"


SEARCH_MARKED = [
    ("a", "quiz-header-link"),
    ("div", "quiz-question"),
    ("section", "content"),
    ("button", "quiz-intro-reset"),
    ("div", "quiz-intro"),
    ("h3", "quiz-number"),
]


def upstream_block(shown: q.Shown) -> str:
    """A question as the mkdocs-quiz block it stands for (the inside of <quiz>...</quiz>)."""
    end = f"\n\n{shown.why}\n\n{shown.read_more}"
    if shown.blank is not None:
        return shown.question.replace(q.BLANK_SLOT, f"[[{shown.blank}]]") + "\n\n---\n" + end
    lines = [shown.question]
    for text, correct, feedback in shown.options:
        lines.append(f"- [{'x' if correct else ' '}] {text}")
        if feedback:
            lines.append(f"> {feedback}")
    return "\n".join(lines) + end


def shape(element) -> tuple:
    """An element as a reader's browser sees it: tag, attributes, words and children, without the
    blank space between tags."""
    children = tuple(shape(child) for child in element.find_all(True, recursive=False))
    own = " ".join("".join(element.find_all(string=True, recursive=False)).split())
    return (
        element.name,
        sorted((k, " ".join(v) if isinstance(v, list) else v) for k, v in element.attrs.items()),
        own,
        children,
    )


def test_a_section_the_page_does_not_have_is_an_error_listing_the_headings():
    broken = quiz()
    broken.questions[0].section = "What the back door does"
    with pytest.raises(DataError) as error:
        q.shown_questions(broken, q.page_sections(PAGE))
    assert str(error.value) == (
        "quizzes/services-front-door.yml:10: question 1 names the section 'What the back door does', "
        "which is not a heading on services/front-door.md (use a heading of the page as it is written: "
        "Front door and MASH; What you will learn; What the front door does; Who works there; Key takeaways)"
    )


def test_an_unknown_fact_in_a_quiz_names_the_quiz_file_and_line():
    broken = quiz()
    broken.questions[2].text = "Ring {{ contacts.front_dor.phone }} now. ___"
    with pytest.raises(DataError) as error:
        q.shown_questions(broken, q.page_sections(PAGE), FACTS)
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
        st.text(
            alphabet=st.characters(codec="ascii", categories=["L", "N", "P", "S"], exclude_characters="*_"),
            min_size=1,
        ),
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
    soup, _ = page_with_quiz(PAGE, q.Quiz(file=FILE, page="p.md", questions=[question]))
    choices = soup.select("div.quiz fieldset > div")
    assert [c.label.get_text() for c in choices] == [" ".join(t.split()) for t in texts]
    assert [c.input.get("data-correct") for c in choices] == ["true"] + [None] * (len(texts) - 1)


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
