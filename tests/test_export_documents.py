"""The offline export's pure parts: reading self-checks from mkdocs-quiz's HTML, worksheets
without answers, links inside one document, file names, and the all-or-nothing move into dist/."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from export import documents, pipeline
from induction.dates import uk_date
from induction.nav import nav_setting_pages

# mkdocs-quiz 1.7.1's HTML for the three kinds of question, as hooks/quizzes.py makes them
# (copied from a real build; embed_source is off, auto_number on).
QUIZ_HTML = """
<h2 id="check-your-understanding">Check your understanding</h2>
<div class="quiz-intro"><p>Your answers are saved only in this web browser.</p>
<button class="md-button quiz-intro-reset" type="button">Clear my answers</button></div>
<!-- mkdocs-quiz-source
<quiz>What does MASH stand for?
- [x] Multi-Agency Safeguarding Hub
</quiz>
-->
<div class="quiz" data-show-correct="true" id="quiz-0">
<a class="quiz-header-link" href="#quiz-0">#</a>
<h4 class="quiz-number">Question 1</h4>
<div class="quiz-question" id="quiz-0-question"><p>What does MASH stand for?</p></div>
<form action="javascript:void(0);" onsubmit="return false;">
<fieldset aria-labelledby="quiz-0-question"><div><input data-correct="true" id="quiz-0-0" name="answer"
type="radio" value="0"/><label for="quiz-0-0">Multi-Agency Safeguarding Hub</label><div
class="answer-feedback hidden">Yes. Several agencies work side by side.</div></div><div><input
id="quiz-0-1" name="answer" type="radio" value="1"/><label for="quiz-0-1">Main Access to Social
Help</label></div></fieldset>
<div class="quiz-feedback hidden"></div>
<button class="quiz-button" type="submit">Check my answer</button>
</form>
<section class="content hidden"><p><strong>Why:</strong> Agencies share what they know.</p>
<p>Read more: <a href="#what-the-mash-does">What the MASH does</a>.</p></section>
</div>
<div class="quiz" data-show-correct="true" id="quiz-1">
<div class="quiz-question" id="quiz-1-question"><p>Who works there? <em>Choose all the answers
that apply.</em></p></div>
<form><fieldset><div><input data-correct="true" id="quiz-1-0" type="checkbox" value="0"/><label
for="quiz-1-0">Social workers</label></div><div><input data-correct="true" id="quiz-1-1"
type="checkbox" value="1"/><label for="quiz-1-1">Police officers</label></div><div><input
id="quiz-1-2" type="checkbox" value="2"/><label for="quiz-1-2">Estate agents</label></div></fieldset></form>
<section class="content hidden"><p><strong>Why:</strong> They work side by side.</p></section>
</div>
<div class="quiz quiz-fill-blank" data-quiz-type="fill-blank" id="quiz-2">
<div class="quiz-question"><p>It is called a <input aria-label="Your answer" class="quiz-blank-input"
data-answer="strategy" id="quiz-2-blank-0" type="text"/> meeting.</p></div>
<section class="content hidden"><p><strong>Why:</strong> Staff call a strategy meeting.</p></section>
</div>
<p class="self-check-status visually-hidden" role="status" aria-live="polite"></p>
"""


def article(body: str) -> str:
    return f'<html><body><article class="md-content__inner md-typeset">{body}</article></body></html>'


def test_questions_are_read_from_mkdocs_quiz_html_in_page_order():
    questions = documents.read_questions(documents.article_of(article(QUIZ_HTML)), "services/front-door.md")
    assert [(q.number, q.kind) for q in questions] == [(1, "one"), (2, "several"), (3, "blank")]
    first, second, third = questions
    assert first.text == "What does MASH stand for?"
    assert [(o.text, o.correct) for o in first.options] == [
        ("Multi-Agency Safeguarding Hub", True),
        ("Main Access to Social Help", False),
    ]
    assert first.options[0].feedback_html == "Yes. Several agencies work side by side."
    assert first.explanation_text.startswith("Why: Agencies share what they know.")
    assert [o.text for o in second.correct] == ["Social workers", "Police officers"]
    assert third.blanks == ["strategy"]
    assert "strategy" not in third.question_html and 'class="blank"' in third.question_html
    assert '<strong class="blank-answer">strategy</strong>' in third.answer_html
    assert third.text == "It is called a meeting."


def test_a_worksheet_page_has_the_questions_and_options_but_no_answers():
    page = documents.Page("services/front-door.md", "services/front-door.html", "Front door")
    env = documents.environment()
    documents.prepare_page(
        page, article(QUIZ_HTML), {page.url: page.anchor}, "../site/", documents.worksheet_renderer(env)
    )
    soup = BeautifulSoup(page.html, "html.parser")
    text = " ".join(soup.get_text(" ").split())
    for shown in ("What does MASH stand for?", "Multi-Agency Safeguarding Hub", "Estate agents", "meeting."):
        assert shown in text
    for answer in ("Several agencies work side by side", "Why:", "strategy", "Read more", "correct"):
        assert answer not in text, answer
    assert "mkdocs-quiz-source" not in page.html  # the quiz source (with [x]) is a comment: gone
    assert "data-correct" not in page.html
    assert not soup.select("button, input, form, .quiz-intro, .quiz")
    assert len(soup.select(".worksheet")) == 3
    assert len(soup.select(".worksheet .box--round")) == 2  # tick one: round boxes
    assert "Tick all that apply." in text and "Fill in the blank." in text


def test_the_answer_key_shows_every_correct_answer_feedback_and_explanation():
    env = documents.environment()
    questions = documents.read_questions(documents.article_of(article(QUIZ_HTML)), "x.md")
    macros = env.get_template("_questions.html").module
    text = " ".join(
        BeautifulSoup("".join(str(macros.answer(q)) for q in questions), "html.parser").get_text(" ").split()
    )
    assert "A. Multi-Agency Safeguarding Hub (correct)" in text
    assert "Correct answer: A" in text
    assert "A. Social workers (correct) B. Police officers (correct) C. Estate agents" in text
    assert "Correct answers: A, B" in text
    assert "Answer: strategy" in text
    assert "Feedback shown: Yes. Several agencies work side by side." in text
    for why in (
        "Agencies share what they know.",
        "They work side by side.",
        "Staff call a strategy meeting.",
    ):
        assert why in text
    assert "What the MASH does" in text  # the section link is kept as text


@pytest.mark.parametrize(
    "url, anchor",
    [
        ("index.html", "p-index"),
        ("services/front-door.html", "p-services-front-door"),
        ("about/index.html", "p-about-index"),
        ("glossary.html", "p-glossary"),
    ],
)
def test_page_anchor(url, anchor):
    assert documents.page_anchor(url) == anchor


@pytest.mark.parametrize(
    "href, page_url, expected",
    [
        ("#mash", "services/front-door.html", ("services/front-door.html", "mash")),
        ("../glossary.html#mash", "services/front-door.html", ("glossary.html", "mash")),
        ("child-protection.html", "services/front-door.html", ("services/child-protection.html", "")),
        ("services/", "index.html", ("services/index.html", "")),
        ("./", "index.html", ("index.html", "")),
        ("../images/route%20map.svg", "services/front-door.html", ("images/route map.svg", "")),
        ("https://www.gov.uk/x", "index.html", None),
        ("tel:+441452426565", "index.html", None),
        ("mailto:someone@example.org", "index.html", None),
    ],
)
def test_resolve(href, page_url, expected):
    assert documents.resolve(href, page_url) == expected


def test_links_between_pages_in_the_document_become_anchors_and_others_plain_text():
    html = article(
        '<h2 id="mash">MASH</h2><p><a href="#mash">here</a> <a href="../glossary.html#mash">glossary</a> '
        '<a href="child-protection.html">next page</a> <a href="../progress.html">progress</a> '
        '<a href="https://www.gov.uk/x">law</a> <a href="tel:999">999</a></p>'
        '<img src="../images/route.svg" alt="Route" loading="lazy"><label for="mash">x</label>'
    )
    anchors = {
        "services/front-door.html": "p-services-front-door",
        "services/child-protection.html": "p-services-child-protection",
        "glossary.html": "p-glossary",
    }
    soup = documents.article_of(html)
    documents.relink(soup, "services/front-door.html", anchors, "../site/")
    links = {a.get_text(): a["href"] for a in soup.find_all("a")}
    assert links == {
        "here": "#p-services-front-door--mash",
        "glossary": "#p-glossary--mash",
        "next page": "#p-services-child-protection",
        "law": "https://www.gov.uk/x",
        "999": "tel:999",
    }
    assert "progress" in soup.get_text()  # the link to a page left out is kept as text
    assert soup.find("h2")["id"] == "p-services-front-door--mash"
    assert soup.find("label")["for"] == "p-services-front-door--mash"
    assert soup.find("img")["src"] == "../site/images/route.svg"
    assert not soup.find("img").has_attr("loading")


def test_a_link_to_an_anchor_that_no_page_has_is_reported():
    env = documents.environment()
    render = documents.worksheet_renderer(env)
    home = documents.Page("index.md", "index.html", "Start")
    glossary = documents.Page("glossary.md", "glossary.html", "Glossary")
    anchors = {home.url: home.anchor, glossary.url: glossary.anchor}
    documents.prepare_page(
        home,
        article('<p><a href="glossary.html#mash">MASH</a> <a href="glossary.html#edt">EDT</a></p>'),
        anchors,
        "",
        render,
    )
    documents.prepare_page(glossary, article('<dl><dt id="mash">MASH</dt></dl>'), anchors, "", render)
    [broken] = documents.broken_links([home, glossary])
    assert (broken.path, broken.line) == ("docs/index.md", None)
    assert broken.problem == "the link 'EDT' goes to #p-glossary--edt, which is not in the handout"
    assert "put back the heading or glossary entry" in broken.expected


def test_details_are_opened_and_tabs_printed_one_after_another():
    html = article(
        '<details class="info"><summary>More</summary><p>Hidden text</p></details>'
        '<div class="tabbed-set tabbed-alternate" data-tabs="1:2"><input checked id="__tabbed_1_1" '
        'name="__tabbed_1" type="radio"/><input id="__tabbed_1_2" name="__tabbed_1" type="radio"/>'
        '<div class="tabbed-labels"><label for="__tabbed_1_1">Office hours</label>'
        '<label for="__tabbed_1_2">Out of hours</label></div><div class="tabbed-content">'
        '<div class="tabbed-block"><p>Call the front door.</p></div>'
        '<div class="tabbed-block"><p>Call the duty team.</p></div></div></div>'
    )
    soup = documents.article_of(html)
    documents.open_details(soup)
    documents.flatten_tabs(soup)
    assert soup.find("details").has_attr("open")
    assert not soup.select(".tabbed-set, input")
    assert [p.get_text() for p in soup.select(".tabs-printed > *")] == [
        "Office hours",
        "Call the front door.",
        "Out of hours",
        "Call the duty team.",
    ]


@pytest.mark.parametrize(
    ("step", "body", "printed"),
    [
        (  # screen-only parts and the author's opt-outs are removed
            documents.clean_article,
            '<h1 id="t">Title<a class="headerlink" href="#t">¶</a></h1><p data-handout-exclude>Web only</p>'
            '<aside class="page-review">Reviewed</aside><script>x()</script><style>p{}</style><p>Kept</p>',
            "Title Kept",
        ),
        (  # screen wording is replaced by its print form, or left out
            documents.print_wording,
            '<p data-print="The numbers are on the cover.">The numbers are at the top of every page.</p>'
            '<p data-print="">Press Esc to close it.</p><p>Kept as it is.</p>',
            "The numbers are on the cover. Kept as it is.",
        ),
    ],
)
def test_what_only_makes_sense_on_screen_is_not_printed(step, body, printed):
    soup = documents.article_of(article(body))
    step(soup)
    assert " ".join(soup.get_text(" ").split()) == printed
    assert soup.select("[data-print]") == []


def good_question(**change) -> documents.Question:
    fields = {
        "page": "services/front-door.md",
        "number": 2,
        "kind": "one",
        "question_html": "<p>Q?</p>",
        "answer_html": "<p>Q?</p>",
        "text": "What does MASH stand for?",
        "options": [documents.Option("A", "A", True), documents.Option("B", "B", False)],
    }
    return documents.Question(**{**fields, **change})


LABEL = (
    "quizzes/services-front-door.yml: question 2 ('What does MASH stand for?') in "
    "docs/services/front-door.md's built page"
)


@pytest.mark.parametrize(
    "question, message",
    [
        (
            good_question(options=[documents.Option("A", "A", False), documents.Option("B", "B", False)]),
            f"{LABEL} has no right answer ({documents.UNREAD})",
        ),
        (good_question(options=[documents.Option("A", "A", True)]), f"{LABEL} has fewer than two options"),
        (
            good_question(
                options=[documents.Option("A", "Same", True), documents.Option("B", "same", False)]
            ),
            f"{LABEL} has two options with the same text",
        ),
        (
            good_question(text=""),
            "question 2 ('') in docs/services/front-door.md's built page has no question text",
        ),
        (good_question(kind="blank", options=[], blanks=[" "]), f"{LABEL} has an empty answer"),
    ],
)
def test_a_self_check_the_export_cannot_read_is_reported_as_the_exports_problem(question, message):
    """The build checks every quiz file at its lines first (induction/quizzes.py), so what the
    export finds wrong in a built self-check is its own misreading: the message says so, and names
    the quiz file (its old messages told trainers to write mkdocs-quiz's old [[...]] syntax)."""
    page = documents.Page("services/front-door.md", "services/front-door.html", "Front door")
    page.questions = [question]
    [problem] = documents.question_problems([page])
    assert message in str(problem) and problem.expected == documents.UNREAD
    assert (problem.path, problem.line) == ("quizzes/services-front-door.yml", None)


def test_good_questions_have_no_problems():
    page = documents.Page("a.md", "a.html", "A")
    page.questions = [good_question()]
    assert documents.question_problems([page]) == []


def test_a_quiz_shown_as_text_is_a_problem():
    page = documents.Page("a.md", "a.html", "A")
    documents.prepare_page(page, article("<p>&lt;quiz&gt; What? - [x] Yes</p>"), {"a.html": "p-a"}, "", str)
    assert page.raw_quiz_tags == 1
    [problem] = documents.question_problems([page])
    assert str(problem) == f"docs/a.md: the built page shows 1 <quiz> tag(s) as text ({documents.UNREAD})"


def test_nav_pages_and_built_files():
    nav = [
        {"Start here": "index.md"},
        {"Services": [{"Front door": "services/front-door.md"}, "services/early-help.md"]},
        {"About": ["about/index.md", {"Accessibility": "about/accessibility.md"}]},
    ]
    assert list(nav_setting_pages(nav)) == [
        ("Start here", "index.md"),
        ("Front door", "services/front-door.md"),
        ("Services", "services/early-help.md"),
        ("About", "about/index.md"),
        ("Accessibility", "about/accessibility.md"),
    ]
    assert pipeline.built_file("services/front-door.md") == "services/front-door.html"
    assert pipeline.built_file("about/index.md") == "about/index.html"
    assert pipeline.built_file("README.md") == "index.html"


def test_file_names_carry_the_date_and_the_content_version():
    outputs = pipeline.Outputs(dt.date(2026, 11, 22), "23530bd")
    assert outputs.zip == "member-induction-offline-2026-11-22-23530bd.zip"
    assert outputs.site_folder == "member-induction-offline-2026-11-22-23530bd"
    assert outputs.handout() == "member-induction-handout-2026-11-22-23530bd.pdf"
    assert outputs.handout(large=True) == "member-induction-handout-large-print-2026-11-22-23530bd.pdf"
    assert outputs.trainer_pack() == "member-induction-trainer-pack-2026-11-22-23530bd.pdf"
    assert pipeline.safe_version("v1.0/rc 2-modified") == "v1.0-rc-2-modified"
    assert uk_date(dt.date(2026, 11, 2)) == "2 November 2026"


def test_content_version_is_dev_outside_a_git_repository(tmp_path):
    assert pipeline.content_version(tmp_path) == "dev"


def test_moving_into_place_replaces_the_whole_folder(tmp_path):
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "old-export.zip").write_text("old")
    new = tmp_path / ".dist-new"
    new.mkdir()
    (new / "new-export.zip").write_text("new")
    pipeline.move_into_place(new, dist)
    assert [p.name for p in dist.iterdir()] == ["new-export.zip"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist"]  # no leftovers


def test_moving_into_place_creates_dist_the_first_time(tmp_path):
    new = tmp_path / ".dist-new"
    new.mkdir()
    (new / "a.pdf").write_text("pdf")
    pipeline.move_into_place(new, tmp_path / "dist")
    assert (tmp_path / "dist" / "a.pdf").read_text() == "pdf"


def _table(columns: int) -> str:
    head = "".join(f"<th>H{i}</th>" for i in range(columns))
    row = "".join(f"<td>c{i}</td>" for i in range(columns))
    body = f"<tbody><tr>{row}</tr><tr>{row}</tr></tbody>"
    return f"<article><table><thead><tr>{head}</tr></thead>{body}</table></article>"


@pytest.mark.parametrize(("columns", "wide"), [(2, False), (3, False), (4, True), (5, True)])
def test_wide_tables_label_each_cell_with_its_heading_for_large_print(columns, wide):
    article = BeautifulSoup(_table(columns), "html.parser").article
    documents.label_table_cells(article)
    table = article.table
    assert table.has_attr("data-wide") is wide
    cells = table.select("tbody td")
    if wide:
        assert [c["data-label"] for c in cells] == [f"H{i % columns}" for i in range(2 * columns)]
    else:
        assert not any(c.has_attr("data-label") for c in cells)


# --- print wording, parts of pages for the Essentials handout --------------------------------


def test_a_pages_worksheets_are_paired_from_the_last():
    env = documents.environment()
    page = documents.Page("services/front-door.md", "services/front-door.html", "Front door")
    documents.prepare_page(
        page, article(QUIZ_HTML), {page.url: page.anchor}, "../site/", documents.worksheet_renderer(env)
    )
    soup = BeautifulSoup(page.html, "html.parser")
    pair = soup.select(".worksheet-pair.worksheet-pair--last > .worksheet")
    assert [w.select_one(".worksheet__label strong").get_text() for w in pair] == ["Question 2", "Question 3"]


@pytest.mark.parametrize(
    ("sheets", "grouped"),
    [
        ("1", "1"),
        ("12", "[12]"),
        ("123", "1[23]"),
        ("1234", "(12)[34]"),
        ("12345", "1(23)[45]"),
        ("12-345", "[12]-3[45]"),  # two runs of worksheets, with a paragraph between them
    ],
)
def test_worksheets_go_two_by_two_from_the_last_of_each_run(sheets, grouped):
    """(..) a pair, [..] the last pair of a run (print.css keeps it on one sheet in any size)."""
    html = "".join("<p>-</p>" if s == "-" else f'<div class="worksheet">{s}</div>' for s in sheets)
    body = BeautifulSoup(f"<article>{html}</article>", "html.parser").article
    documents.replace_quizzes(body, [])
    shown = ""
    for tag in body.find_all(recursive=False):
        if "worksheet-pair--last" in tag.get("class", []):
            shown += f"[{tag.get_text()}]"
        elif "worksheet-pair" in tag.get("class", []):
            shown += f"({tag.get_text()})"
        else:
            shown += tag.get_text()
    assert shown == grouped


def test_the_documents_link_the_sites_own_stylesheets_from_the_head_only():
    index = (
        '<html><head><link rel="stylesheet" href="assets/stylesheets/main.css">'
        '<link rel="stylesheet" href="https://fonts.example/x.css"><link rel="preload" href="a.css">'
        '<link rel="stylesheet"><LINK REL="stylesheet" HREF="./stylesheets/extra.css"></head>'
        '<body><link rel="stylesheet" href="late.css"></body></html>'
    )
    assert documents.stylesheets(index, "../site/") == [
        "../site/assets/stylesheets/main.css",
        "../site/stylesheets/extra.css",
    ]


def one_at_a_time(article_html: str, rendered: list[str]) -> str:
    """The page as replace_quizzes made it when it read each worksheet alone (its first version),
    the worksheets then paired by replace_quizzes itself (it has no quiz left to replace)."""
    body = documents.article_of(article_html)
    for quiz, html in zip(body.find_all("div", class_="quiz"), rendered, strict=True):
        quiz.replace_with(BeautifulSoup(html, "html.parser"))
    documents.replace_quizzes(body, [])
    return str(body)


def test_worksheets_read_together_make_the_page_they_made_read_one_at_a_time():
    """A page's worksheets are read in one go, each in a wrapper element: the page is the same, byte
    for byte (whitespace between them too), as when each was read alone, for real worksheets and
    for a question whose words hold the wrapper's end tag, as typed."""
    typed = QUIZ_HTML.replace("<p>What does MASH stand for?", "<p>What does &lt;/induction-worksheet&gt; do?")
    render = documents.worksheet_renderer(documents.environment())
    for html in (QUIZ_HTML, typed):
        rendered = [render(q) for q in documents.read_questions(documents.article_of(article(html)), "x.md")]
        body = documents.article_of(article(html))
        documents.replace_quizzes(body, rendered)
        assert str(body) == one_at_a_time(article(html), rendered)
        assert len(body.select(".worksheet-pair .worksheet")) == 2 and len(body.select(".worksheet")) == 3
    assert "What does </induction-worksheet> do?" in " ".join(body.get_text().split())


def test_each_worksheet_takes_the_place_of_its_own_quiz_whatever_its_markup():
    """One that leaves a tag open, closes one it never opened, or is more than one element still
    takes exactly the place of its own quiz; more or fewer worksheets than quizzes is an error."""
    quizzes = "".join(f'<div class="quiz">{n}</div><p>after {n}</p>' for n in range(3))
    body = BeautifulSoup(f"<article>{quizzes}</article>", "html.parser").article
    rendered = [
        '<div class="worksheet"><p>Left open',
        '<div class="worksheet">A stray end</div></div></p>',
        '<div class="worksheet">First</div>\n<div class="worksheet">Second</div>',
    ]
    documents.replace_quizzes(body, rendered)
    texts = [" ".join(tag.get_text(" ", strip=True).split()) for tag in body.find_all(recursive=False)]
    assert texts == ["Left open", "after 0", "A stray end", "after 1", "First Second", "after 2"]
    assert not body.find_all(documents.WORKSHEET_WRAPPER) and not body.find_all("div", class_="quiz")
    for count in (2, 4):
        body = BeautifulSoup(f"<article>{quizzes}</article>", "html.parser").article
        with pytest.raises(ValueError):
            documents.replace_quizzes(body, ['<div class="worksheet">x</div>'] * count)


PAGE_WITH_SECTIONS = """
<h1>Corporate parenting</h1><p>Intro.</p>
<h2 id="p-x--principles">The seven principles in the law</h2><p id="p-x--a">The Act says:</p>
<blockquote><p>(a) to act in the best interests</p></blockquote>
<h3>A smaller heading</h3><p>Still in the section.</p>
<h2>Key takeaways</h2><ul><li>One.</li></ul>
"""


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        (
            "The seven principles in the law",
            "<p>The Act says:</p>\n<blockquote><p>(a) to act in the best interests</p></blockquote>\n"
            "<h3>A smaller heading</h3><p>Still in the section.</p>",
        ),
        ("key takeaways", "<ul><li>One.</li></ul>"),
        ("A smaller heading", "<p>Still in the section.</p>"),
        ("Questions you could ask", None),
    ],
)
def test_a_section_of_a_page_is_what_is_under_its_heading(heading, expected):
    assert documents.section_html(PAGE_WITH_SECTIONS, heading) == expected


GLOSSARY_HTML = """
<h3 class="glossary-entry" id="p-glossary--mash">MASH<a class="headerlink" href="#mash">&para;</a></h3>
<div class="glossary-definition"><p class="glossary-expansion"><strong>Multi-Agency Safeguarding
Hub</strong></p><p>Where agencies share information.</p><p>Find out more: <a class="glossary-page"
href="#p-services-front-door">Front door and MASH</a></p><p>Used on: <a class="glossary-page"
href="#p-index">Start here</a></p></div>
<h3 class="glossary-entry" id="p-glossary--lado">LADO</h3>
<div class="glossary-definition"><p>The officer who deals with allegations.</p></div>
"""


def test_glossary_entries_are_taken_with_their_definition_but_not_their_pages():
    found, unknown = documents.glossary_entries(GLOSSARY_HTML, ["lado", "MASH", "IRO"])
    assert unknown == ["IRO"]
    assert [headword for headword, _ in found] == ["LADO", "MASH"]
    mash = found[1][1]
    assert "Multi-Agency Safeguarding" in mash and "Where agencies share information." in mash
    assert "Used on" not in mash and "Find out more" not in mash and "id=" not in mash


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("member-induction-handout-2026-12-05-abc1234", '"member-induction-handout-2026-12-05-abc1234"'),
        ('a"b;}</style>', '"a\\000022b\\00003b\\00007d\\00003c\\00002fstyle\\00003e"'),
    ],
)
def test_a_css_string_cannot_end_the_string_the_rule_or_the_style(text, expected):
    assert documents.css_string(text) == expected


OTHER_TERMS = "".join(f"  - term {n}\n" for n in range(3, 11))  # eight more: ten in all


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("terms:\n  - MASH\n  - 'early help'\n" + OTHER_TERMS, [("MASH", 2), ("early help", 3)]),
        ("# chosen terms\nterms:\n\n  - LADO\n  - MASH\n" + OTHER_TERMS, [("LADO", 4), ("MASH", 5)]),
    ],
)
def test_essentials_terms_come_with_their_lines(text, expected):
    from export.pipeline import essentials_terms

    terms = essentials_terms(text)
    assert terms[:2] == expected and len(terms) == 10
    assert terms[-1] == ("term 10", expected[-1][1] + 8)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "terms: MASH\n",
            "data/essentials.yml:1: terms: must be a list of glossary terms (write one '- term' per line)",
        ),
        (
            "other:\n  - MASH\n",
            "data/essentials.yml:1: terms: must be a list of glossary terms (write one '- term' per line)",
        ),
        ("terms:\n  - [MASH\n", "data/essentials.yml:2: this is not valid YAML: the [ ] brackets"),
        (
            "# the ten\nterms:\n  - MASH\n" + OTHER_TERMS,
            "data/essentials.yml:3: terms: lists 9 terms, and the Essentials handout has 10 (list the 10 "
            "terms a new member hears first, one '- term' per line)",
        ),
        (
            "terms:\n  - MASH\n",
            "data/essentials.yml:2: terms: lists 1 term, and the Essentials handout has 10",
        ),
        (
            "terms:\n  - MASH\n  - LADO\n  - IRO\n" + OTHER_TERMS,
            "data/essentials.yml:2: terms: lists 11 terms, and the Essentials handout has 10",
        ),
    ],
)
def test_a_bad_essentials_file_names_its_line(text, message):
    from export.pipeline import essentials_terms
    from induction.common import DataError

    with pytest.raises(DataError) as raised:
        essentials_terms(text)
    assert str(raised.value).startswith(message)


def test_an_essentials_heading_renamed_on_its_page_stops_the_export_naming_the_page():
    """The Essentials handout prints what the pages say under fixed headings: a page without one
    stops the export, saying which page and which heading."""
    from conftest import ROOT

    body = "<h2>{}</h2><ul><li>x</li></ul><h2>Key takeaways</h2><ul><li>y</li></ul>"
    pages = [
        documents.Page("contacts.md", "contacts.html", "Contacts", html=body.format("Which number when?")),
        documents.Page("thresholds.md", "thresholds.html", "Thresholds", html=body.format("What to do")),
        documents.Page(
            "corporate-parenting.md",
            "corporate-parenting.html",
            "Corporate parenting",
            html=body.format("The seven principles in the law")
            + body.format("Gloucestershire's corporate parenting strategy"),
        ),
    ]
    with pytest.raises(pipeline.ExportError) as stopped:
        pipeline.essentials_parts(ROOT, [{"title": "", "pages": pages}], None)
    assert stopped.value.summary == "The Essentials handout cannot be made:"
    missing = [(p.path, p.problem) for p in stopped.value.problems if p.problem.startswith("no heading")]
    assert missing == [("docs/thresholds.md", "no heading 'What not to do'")]
    assert "docs/thresholds.md: no heading 'What not to do' (keep this heading" in str(stopped.value)


# --- what the Essentials handout prints of a part, and where its links go -------------------

WHAT_TO_DO = documents.Place("what-to-do", "What to do")
WORRIED = documents.Place("worried", "If you are worried about a child")
FRONT_DOOR = documents.Place("p-front-door-takeaways", "Front door and MASH: Key takeaways")
# What the Essentials holds, by anchor in the handout; a page's anchor goes to its first part
# there (export.pipeline.essentials_parts)
PLACES = {
    "p-corporate-parenting": documents.Place("principles", "The seven principles in the law"),
    "p-thresholds--what-to-do": WHAT_TO_DO,
    "p-thresholds": WHAT_TO_DO,
    "p-contacts": WORRIED,
    "p-front-door": FRONT_DOOR,
    "p-early-help": documents.Place("p-early-help-takeaways", "Early help: Key takeaways"),
    "p-care-leavers": documents.Place("p-care-leavers-takeaways", "Care leavers: Key takeaways"),
    "p-children-in-care": documents.Place("p-children-in-care-takeaways", "Children in care: Key takeaways"),
}
NAMES = {
    "p-thresholds": {"thresholds and when to act"},
    "p-thresholds--what-to-do": {"thresholds and when to act", "what to do"},
    "p-thresholds--the-continuum-of-need": {"thresholds and when to act", "the continuum of need"},
    "p-contacts": {"contacts"},
    "p-front-door": {"front door and mash"},
    "p-early-help": {"early help"},
    "p-early-help--key-numbers": {"early help", "key numbers"},
    "p-care-leavers": {"care leavers"},
    "p-children-in-care": {"children in care"},
    "p-children-in-need--key-numbers": {"children in need", "key numbers"},
    "p-glossary": {"glossary"},
    "p-glossary--a": {"glossary", "a"},
    "p-corporate-parenting": {"corporate parenting"},
    "p-business-support": {"academy and business support", "business support"},
}


@pytest.mark.parametrize(
    ("part", "printed", "stray"),
    [
        (  # a link that is a word of the sentence (the title of a page): its words, no stop
            '<li>Many families are first offered <a href="#p-early-help">early help</a>, which is '
            "voluntary.</li>",
            "<li>Many families are first offered early help, which is voluntary.</li>",
            [],
        ),
        (
            '<li>How many <a href="#p-care-leavers">care leavers</a> are in education, employment or '
            "training?</li>",
            "<li>How many care leavers are in education, employment or training?</li>",
            [],
        ),
        (  # ... also to a part the Essentials holds: only pointing words send the reader there
            '<li><a href="#p-thresholds--what-to-do">Thresholds and when to act</a> says what to do.</li>',
            "<li>Thresholds and when to act says what to do.</li>",
            [],
        ),
        (  # pointing words to a page the Essentials holds a part of: that part's heading (the
            # print adds its page)
            '<li>If you are worried about a child, call the front door: see <a href="#p-contacts">'
            "Contacts</a>.</li>",
            '<li>If you are worried about a child, call the front door: see <a class="xref" '
            'href="#worried">If you are worried about a child</a>.</li>',
            [],
        ),
        (
            '<li>Before your first surgery, read the <a href="#p-front-door">front door page</a>.</li>',
            f'<li>Before your first surgery, read <a class="xref" href="#{FRONT_DOOR.anchor}">'
            f"{FRONT_DOOR.heading}</a>.</li>",
            [],
        ),
        (
            '<p>Find out more on the <a href="#p-contacts">Contacts</a> page.</p>',
            '<p>Find out more on <a class="xref" href="#worried">If you are worried about a child</a>.</p>',
            [],
        ),
        (
            '<li>If you are worried, go to <a href="#p-thresholds--what-to-do">the steps</a>.</li>',
            '<li>If you are worried, go to <a class="xref" href="#what-to-do">What to do</a>.</li>',
            [],
        ),
        (  # pointing words to a section the Essentials does not hold, with a link or without
            '<p>To know when to call, read <a href="#p-thresholds--the-continuum-of-need">the '
            "continuum of need</a>.</p>",
            "<p>To know when to call, read the continuum of need.</p>",
            [("To know when to call, read the continuum of need.", "the continuum of need")],
        ),
        (
            '<p>For more, see <a href="#p-glossary">the Glossary</a>.</p>',
            "<p>For more, see the Glossary.</p>",
            [("For more, see the Glossary.", "the Glossary")],
        ),
        (
            "<p>For the figures, look at Key numbers on the site.</p>",
            "<p>For the figures, look at Key numbers on the site.</p>",
            [("For the figures, look at Key numbers on the site.", "Key numbers")],
        ),
        (  # ... and not a link that is ordinary words after pointing words: "see" a child, "read"
            # a plan (the words of the sentence go on, and are not the place's name)
            '<li>Ask how often social workers see <a href="#p-children-in-care">children in care</a> '
            "on their own.</li>",
            "<li>Ask how often social workers see children in care on their own.</li>",
            [],
        ),
        (
            '<li>Read <a href="#p-early-help">early help</a> plans too.</li>',
            "<li>Read early help plans too.</li>",
            [],
        ),
        (  # ... with a capital too: a link is a reference only when its sentence ends with it,
            # or with "the [link] page" / "the [link] section"
            '<li>Ask how often social workers see <a href="#p-children-in-care">Children in care</a> '
            "on their own.</li>",
            "<li>Ask how often social workers see Children in care on their own.</li>",
            [],
        ),
        (
            '<li>The steps are explained in <a href="#p-corporate-parenting">Corporate parenting</a> '
            "training each year.</li>",
            "<li>The steps are explained in Corporate parenting training each year.</li>",
            [],
        ),
        (
            '<li>Read the <a href="#p-children-in-care">Children in care</a> page notes before a visit.</li>',
            "<li>Read the Children in care page notes before a visit.</li>",
            [],
        ),
        (
            '<li>Details are in <a href="#p-children-in-need--key-numbers">Key numbers</a>, which '
            "change each quarter.</li>",
            "<li>Details are in Key numbers, which change each quarter.</li>",
            [],
        ),
        (
            '<li>The numbers to call are set out in <a href="#p-contacts">Contacts</a> for each team.</li>',
            "<li>The numbers to call are set out in Contacts for each team.</li>",
            [],
        ),
        (  # "is in", "are in", "explained in", "set out in", "covered in" point before a link
            '<li>Details are in <a href="#p-children-in-need--key-numbers">Key numbers</a>.</li>',
            "<li>Details are in Key numbers.</li>",
            [("Details are in Key numbers.", "Key numbers")],
        ),
        (
            '<li>The numbers to call are set out in <a href="#p-contacts">Contacts</a>.</li>',
            '<li>The numbers to call are set out in <a class="xref" href="#worried">If you are worried '
            "about a child</a>.</li>",
            [],
        ),
        (  # ... and only there: without a link, a team's or a heading's name is everyday words
            "<li>The admin teams who take your calls are in Business Support.</li>",
            "<li>The admin teams who take your calls are in Business Support.</li>",
            [],
        ),
        (
            "<p>The figures are explained in Key numbers, with examples.</p>",
            "<p>The figures are explained in Key numbers, with examples.</p>",
            [],
        ),
        (
            "<p>For the figures, turn to Business Support.</p>",
            "<p>For the figures, turn to Business Support.</p>",
            [("For the figures, turn to Business Support.", "Business Support")],
        ),
        (  # ... but not ordinary words after "see"
            "<li>Can I see the current threshold document? See a child first, or see Akeem.</li>",
            "<li>Can I see the current threshold document? See a child first, or see Akeem.</li>",
            [],
        ),
        (  # with its Essentials wording: left out, or said another way
            '<p data-essentials="">See <a href="#p-glossary">the Glossary</a>.</p><p>Kept</p>',
            "<p>Kept</p>",
            [],
        ),
        (
            '<p data-essentials="Call the front door.">See <a href="#p-glossary">Glossary</a>.</p>',
            "<p>Call the front door.</p>",
            [],
        ),
        (  # a glossary term (not a place), a phone number and another site stay as they are
            '<p>Call the front door: see <a href="#p-glossary--mash">MASH</a>; call '
            '<a href="tel:999">999</a>, '
            '<a href="https://example.org/">the Act</a>.</p>',
            '<p>Call the front door: see MASH; call <a href="tel:999">999</a>, '
            '<a href="https://example.org/">the Act</a>.</p>',
            [],
        ),
    ],
)
def test_the_essentials_follows_pointing_words_to_its_own_headings_or_names_the_sentence(
    part, printed, stray
):
    assert documents.essentials_html(part, PLACES, NAMES) == (printed, stray)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("see What to do", ["What to do"]),
        ("See also the Glossary", ["Glossary"]),
        ("Turn to Key numbers", ["Key numbers"]),
        ("find out more in Early help", ["Early help"]),
        ("on the front door page; the Early help section", ["front door", "Early help"]),
        ("Can I see the current threshold document, read it, look at it?", []),
        ("Read the next page", ["next"]),
        ("Details are in Key numbers, set out in What to do.", ["Key numbers", "What to do"]),
        (
            "It is in Early help; covered in Care leavers, explained in Adoption",
            ["Early help", "Adoption", "Care leavers"],
        ),
        ("The details are in the plan, which is in draft.", []),
    ],
)
def test_the_pointing_words_find_the_place_they_send_the_reader_to(text, places):
    """The one list of pointing words, as the export and the test of the printed Essentials read
    it: a place named with a capital after "see", "read", ...; any words in "the ... page"."""
    patterns = documents.pointing_patterns(r"[A-Z][\w ]*\w", r"\w+(?: \w+)*?")
    assert [match.group("place") for pattern in patterns for match in pattern.finditer(text)] == places


def test_a_stray_reference_is_placed_at_its_link_in_the_part_it_is_in():
    raw = (
        "# Contacts\n\nSee [Early help](early-help.md) first.\n\n## Which number when?\n\n"
        "| a | b |\n\nSee [Early help](early-help.md).\n"
    )
    assert pipeline.source_line(raw, "Early help", "Which number when?") == 9
    assert pipeline.source_line(raw, "Missing", "Which number when?") == 5
    assert pipeline.source_line(raw, "Early help", "Key takeaways") == 3
    # the same words, with a link and without, in one part: each sentence at its own line
    raw = "## Key takeaways\n\n- Look at Key numbers.\n- Details are in [Key numbers](#key-numbers).\n"
    assert pipeline.source_line(raw, "Key numbers", "Key takeaways", "Look at Key numbers.") == 3
    assert pipeline.source_line(raw, "Key numbers", "Key takeaways", "Details are in Key numbers.") == 4
    assert pipeline.source_line(raw, "Key numbers", "Key takeaways") == 4


@pytest.mark.parametrize("guide", ["docs/trainers/preview-check-publish.md", "docs/trainers/errors.md"])
def test_the_trainers_are_told_every_pointing_word(guide):
    """The trainer guide and the table of messages list the pointing words the export reads."""
    text = " ".join((ROOT / guide).read_text(encoding="utf-8").split())
    words = [phrase.removesuffix(" ...") for phrase in documents.POINTING_WORDS]  # "see", "the ... page"
    assert [said for said in words if f'"{said}"' not in text] == []


def test_the_screen_only_parts_are_found_as_css_finds_them():
    """clean_article reads SCREEN_ONLY with simple_selectors (soupsieve took 0.1 s an export):
    on a page holding each kind of part and near misses, both find the same elements."""
    body = (
        '<h2 id="a">A<a class="headerlink x" href="#a">¶</a></h2><span class="headerlink">kept</span>'
        '<a class="md-content__button md-icon" href="e">Edit</a><aside class="page-review">R</aside>'
        '<div class="page-review">kept</div><button type="button">B</button><style>p{}</style>'
        '<div id="quiz-progress-sidebar">S</div><div id="quiz-progress-mobile-x">kept</div>'
        '<div class="quiz-intro">I</div><p class="quiz-results">R</p><h3 class="quiz-number">Q</h3>'
        '<a class="quiz-header-link" href="#q">#</a><span class="quiz-header-link">kept</span>'
        '<table class="progress-table"><tr><td>T</td></tr></table><p data-handout-exclude="">X</p>'
        '<p data-handout-excluded="">kept</p><script>x()</script><p class="quiz-intro-reset">kept</p>'
    )
    soup = documents.article_of(article(body))
    by_css = soup.select(", ".join(documents.SCREEN_ONLY))
    found = soup.find_all(documents.simple_selectors(documents.SCREEN_ONLY))
    assert [id(tag) for tag in found] == [id(tag) for tag in by_css]  # the same elements, not equal ones
    assert len(by_css) == 13 and "kept" not in " ".join(tag.get_text() for tag in by_css)


@pytest.mark.parametrize("selector", ["div > p", "a.b.c", "p:first-child", "[data-x='1']", "a, b", ""])
def test_a_screen_only_selector_of_another_form_is_refused(selector):
    with pytest.raises(ValueError, match="use a tag, .class, tag.class, #id or"):
        documents.simple_selectors([selector])
