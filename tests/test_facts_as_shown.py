"""A fact placeholder is filled wherever Python-Markdown shows the page's text as text: the facts'
judgement of what is code (induction.markdown_parts) agrees with it in table rows, list items,
definitions, quotes and raw HTML; and, should the two ever differ, the build stops at a
placeholder left unfilled (induction.facts.UnfilledFacts) instead of showing readers the braces."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

import induction.facts
import induction.learner_text
import induction.markdown_parts
from conftest import TEXT_EXTENSIONS, copy_project, run_build
from induction.building import build_in_process, problem_of
from induction.common import DataError
from induction.facts import UnfilledFacts, check_code_spans, fill_placeholders, shows_placeholders

PHONE = "{{ contacts.front_door.phone }}"
FACTS = {"contacts": {"front_door": {"phone": "01452 42 65 65", "tel": "+441452426565"}}}
AS_TYPED = ("code", "pre", "kbd", "samp")


@pytest.fixture
def old_judgement(monkeypatch):
    """Judge code as before table rows were known (no span ever stops at a row's end), for this
    test only: what induction.markdown_parts keeps of its earlier answers is forgotten before the
    test and after it, so that no answer of the old judgement outlives it, nor one made before."""
    monkeypatch.setattr(induction.markdown_parts, "_span_stops", lambda *_: [])
    forget()
    yield
    forget()


def forget() -> None:
    for kept in (
        induction.markdown_parts._line_kinds,
        induction.markdown_parts._typed_parts,
        induction.learner_text._learner_lines,
        induction.learner_text.note_lines,
    ):
        kept.cache_clear()


def _shown(html: str) -> tuple[str, str]:
    """The text of `html` outside code, and the text of its code."""
    soup = BeautifulSoup(html, "html.parser")
    codes = " ".join(code.get_text() for code in soup.find_all(AS_TYPED))
    for code in soup.find_all(AS_TYPED):
        code.decompose()
    return soup.get_text(), codes


@pytest.mark.parametrize(
    ("page", "in_code"),
    [  # a backtick typed for an apostrophe pairs with none in another row, item or heading
        (f"| A | B |\n| --- | --- |\n| A child`s worry, {PHONE} | x |\n| the council`s door | y |\n", False),
        (f"A | B\n--- | ---\nA child`s worry, {PHONE} | x\nthe council`s door | y\n", False),
        (f"- A child`s worry, {PHONE}\n- the council`s door\n", False),
        (f"1. A child`s worry, {PHONE}\n2. the council`s door\n", False),
        (f"- a\n    - A child`s worry, {PHONE}\n    - the council`s door\n", False),
        (f"# A child`s worry, {PHONE}\nthe council`s door\n", False),
        (f"A child`s worry, {PHONE}\n# the council`s door\n", False),
        (f"Term\n:   A child`s worry, {PHONE}\n:   the council`s door\n", False),
        (f"A child`s worry, {PHONE}\n> the council`s door\n", False),
        (f'!!! note "The council`s door"\n    Call {PHONE}, the council`s number.\n', False),
        (f'??? note "The council`s door"\n    Call {PHONE}, the council`s number.\n', False),
        (f'=== "The council`s door"\n    Call {PHONE}, the council`s number.\n', False),
        # ... but a span still runs on within one paragraph, item or quote, as Python-Markdown reads it
        (f"A span `over {PHONE}\n- two` lines.\n", True),
        (f"- A span `over {PHONE}\n  two` lines.\n", True),
        (f"> A span `over {PHONE}\n> two` lines.\n", True),
        # a definition's paragraphs are its text, not code (def_list); 8 spaces are code there
        (f"Term\n:   Text.\n\n    Call {PHONE}.\n", False),
        (f"Term\n:   Text.\n\n        Call {PHONE}.\n", True),
        # a raw HTML block is passed on as typed: its indented lines are no code, its backticks no span
        (f"<div>\n    Call {PHONE}.\n</div>\n", False),
        (f"<div>\n\n    Call {PHONE}.\n\n</div>\n", False),
        (f"<div>\n`{PHONE}`\n</div>\n", False),
        (f"<div>\nx\n</div>\n\n    {PHONE}\n", True),  # after the block, code again
        (f"<div markdown>\n    Call {PHONE}.\n</div>\n", True),  # Markdown inside (md_in_html)
        (f"- a\n\n    <div>\n\n        Call {PHONE}.\n\n    </div>\n", True),  # not at the page's edge
        # code in a quote
        (f">     {PHONE}\n", True),
        (f"> a\n>\n>     {PHONE}\n", True),
        (f"> > a\n> >\n> >     {PHONE}\n", True),
        (f"> a\n>     {PHONE}\n", False),  # no blank line before: the paragraph goes on
        # a list in a quote: each item on its own, as outside one; a quote's blank line ends a paragraph
        (f"> - A child`s worry\n> - Call {PHONE}, the council`s door.\n", False),
        (f"> > - A child`s worry\n> > - Call {PHONE}, the council`s door.\n", False),
        (f">1. A child`s worry\n>2. Call {PHONE}, the council`s door.\n", False),
        (f"> A child`s worry\n>\n> Call {PHONE}, the council`s door.\n", False),
        (f"> - A span `over {PHONE}\n>   two` lines.\n", True),
    ],
)
def test_the_facts_take_for_code_what_python_markdown_shows_as_code(page, in_code):
    html = markdown.markdown(fill_placeholders(page, FACTS, "docs/x.md"), extensions=TEXT_EXTENSIONS)
    text, codes = _shown(html)
    assert "{{" not in text, html
    assert (PHONE in codes) == in_code, html
    assert ("01452 42 65 65" in text) != in_code, html


def _net(page: str) -> list:
    """What UnfilledFacts finds in `page`, converted as it is (nothing filled)."""
    net = UnfilledFacts()
    net.start(page)
    markdown.markdown(page, extensions=[*TEXT_EXTENSIONS, "toc", net])
    return net.problems


@pytest.mark.parametrize(
    ("page", "problems"),
    [
        (f"Intro.\n\nCall {PHONE} now.\n", [(3, PHONE)]),
        (
            "Call [the front door](tel:{{ contacts.front_door.tel }}).\n",
            [(1, "{{ contacts.front_door.tel }}")],
        ),
        (f"| A | B |\n| --- | --- |\n| x | {PHONE} |\n", [(3, PHONE)]),
        (f"## Call {PHONE}\n", [(1, PHONE)]),
        (f"!!! note\n    Call {PHONE}.\n", [(2, PHONE)]),
        # the raw HTML Python-Markdown passes on (its htmlStash): blocks, inline tags, attributes
        (f"Intro.\n\n<div>\n<p>Call {PHONE}.</p>\n</div>\n", [(4, PHONE)]),
        (f"Call <span>{PHONE}</span>.\n", [(1, PHONE)]),
        (
            '<div>\n<a href="tel:{{ contacts.front_door.tel }}">x</a>\n</div>\n',
            [(2, "{{ contacts.front_door.tel }}")],
        ),
        (f"<div>\n<code>{PHONE}</code> {PHONE}\n</div>\n", [(2, PHONE)]),
        # shown as typed on purpose, as the trainer guide does: no problem
        (f"Write `{PHONE}`.\n", []),
        (f"```\n{PHONE}\n```\n", []),
        (f"Text.\n\n    {PHONE}\n", []),
        (f"<div>\n<pre><code>{PHONE}</code></pre>\n</div>\n", []),
        (f"Press <kbd>{PHONE}</kbd> or <samp>{PHONE}</samp>.\n", []),
        ("Write \\{\\{ contacts.front_door.phone \\}\\}.\n", []),
        ("Write &#123;&#123; contacts.front_door.phone &#125;&#125;.\n", []),
        (f"<!-- {PHONE} -->\n\nText <!-- {PHONE} -->.\n", []),
        ("A {{ page.title | upper }} and {{ }} are no fact names.\n", []),
    ],
)
def test_the_net_finds_a_placeholder_shown_as_text_anywhere_on_the_page(page, problems):
    assert _net(page) == problems


def test_the_net_names_the_line_of_the_placeholder_the_facts_took_for_code(old_judgement):
    """When the judgement is wrong (here, as before it knew table rows), the line is that of the
    placeholder left unfilled, not of the same placeholder shown as code above it."""
    page = (
        f"Write `{PHONE}` to show the number.\n\n| A | B |\n| --- | --- |\n"
        f"| A child`s worry | {PHONE} |\n| the council`s door | y |\n"
    )
    net = UnfilledFacts()
    net.start(page, where=lambda: ("docs/x.md", 10))
    with pytest.raises(Exception) as raised:
        markdown.markdown(fill_placeholders(page, FACTS, "docs/x.md", 10), extensions=[*TEXT_EXTENSIONS, net])
    assert str(raised.value).startswith(f"docs/x.md:15: '{PHONE}' was not filled in (readers would see")


def _plant(project, old: str, new: str) -> int:
    """Change `old` to `new` on the first line of docs/contacts.md that holds it; that line's number."""
    path = project / "docs" / "contacts.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    line = next((n for n, text in enumerate(lines, 1) if old in text), None)
    assert line is not None, f"expected {old!r} on a line of docs/contacts.md"
    lines[line - 1] = lines[line - 1].replace(old, new)
    path.write_text("\n".join(lines), encoding="utf-8")
    return line


BACKTICKS = [  # reviewer's (a): a backtick typed for an apostrophe in two rows of Contacts' table
    ("A worry about a child,", "A child`s worry,"),
    ("working day, when the front door is closed", "working day, when the council`s front door is closed"),
]


@pytest.mark.parametrize(
    "plants",
    [
        BACKTICKS,
        [("The same numbers", f"Term\n:   Text.\n\n    Call {PHONE}.\n\nThe same numbers")],
    ],
    ids=["apostrophes typed as backticks in table rows", "a definition's second paragraph"],
)
def test_contacts_show_the_facts_whatever_the_markdown_around_them(project_copy, tmp_path, plants):
    for plant in plants:
        _plant(project_copy, *plant)
    build = run_build(project_copy, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = (tmp_path / "site" / "contacts" / "index.html").read_text(encoding="utf-8")
    text, _ = _shown(page)
    assert "{{" not in text
    rows = [row.get_text(" ", strip=True) for row in BeautifulSoup(page, "html.parser").select("article tr")]
    assert any("9am to 5pm, Monday to Friday" in row and "01452 42 65 65" in row for row in rows), rows


@pytest.mark.build
def test_a_placeholder_left_unfilled_stops_the_build_and_publishes_nothing(
    tmp_path, monkeypatch, old_judgement
):
    """Any future difference between the facts' judgement and Python-Markdown (here the table
    rows, as the judgement was before) stops the strict build at the placeholder's line."""
    monkeypatch.setattr(induction.facts, "check_code_spans", lambda *_: None)  # would stop it first
    project = copy_project(tmp_path / "project")
    line = [_plant(project, *plant) for plant in BACKTICKS][0]
    built = build_in_process(project / "mkdocs.yml", tmp_path / "site", strict=True)
    assert str(problem_of(built.error)) == (
        f"docs/contacts.md:{line}: '{{{{ contacts.front_door.when }}}}' was not filled in "
        "(readers would see the braces, as the page shows this part as text although the site "
        "took it for code: look on this line and the lines near it for a lone backtick (`) typed "
        "for an apostrophe (write ' instead) or a line indented by 4 spaces; to show braces as "
        "typed, put a backslash before each: "
        r"\{\{ like this \}\})"
    )
    assert not list((tmp_path / "site").rglob("*.html"))


def _net_of(page: str, included: str = "") -> list:
    """What UnfilledFacts finds when `included` (a file the page includes, pasted in after the
    filling, as pymdownx.snippets does) is added to `page`, the trainer's text, filled."""
    net = UnfilledFacts()
    converted = fill_placeholders(page, FACTS, "docs/x.md") + included
    net.start(page)
    markdown.markdown(converted, extensions=[*TEXT_EXTENSIONS, net])
    return net.problems


ROWS = "| A | B |\n| --- | --- |\n| A child`s worry | {} |\n| the council`s door | y |\n"
# the same placeholder shown as code above, and left unfilled in a table row (line 5)
BLIND_ROWS = [f"Write `{PHONE}` to show it.\n\n" + ROWS.format(PHONE)]


@pytest.mark.parametrize(
    ("page", "included", "problems"),
    [  # with the judgement blind to table rows (as before it knew them)
        (BLIND_ROWS[0], "", [(5, PHONE)]),
        # an included file (in code or not) puts more placeholders among the page's: the line stays
        (f'```text\n--8<-- "x"\n```\n\n{BLIND_ROWS[0]}', f"\n```text\n# {PHONE}\n```\n", [(9, PHONE)]),
        (BLIND_ROWS[0], f"\n    {PHONE}\n\nWrite `{PHONE}`.\n", [(5, PHONE)]),
        # a placeholder only in the included file has no line in the page
        ("Text.\n", f"\nCall {PHONE}.\n", [(None, PHONE)]),
        (f"Write `{PHONE}`.\n", f"\nCall {PHONE}.\n", [(None, PHONE)]),
    ],
)
def test_a_placeholder_left_unfilled_has_the_line_where_the_page_typed_it(
    page, included, problems, old_judgement
):
    assert _net_of(page, included) == problems


QUOTED_LIST = "\n> - A child`s worry\n> - Call {{ contacts.front_door.phone }}, the council`s door.\n"


@pytest.mark.build
def test_a_quoted_list_on_a_page_that_includes_the_contacts_file_shows_the_fact(tmp_path):
    """The reviewer's page: the trainer guide's Contacts and people, which shows the placeholder in
    a code span (line 30) and includes data/contacts.yml (which has it too) in a code block."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "trainers" / "contacts-and-people.md"
    page.write_text(page.read_text(encoding="utf-8") + QUOTED_LIST, encoding="utf-8")
    built = build_in_process(project / "mkdocs.yml", tmp_path / "site", strict=True)
    assert built.error is None, problem_of(built.error)
    html = (tmp_path / "site" / "trainers" / "contacts-and-people" / "index.html").read_text(encoding="utf-8")
    items = [li.get_text() for li in BeautifulSoup(html, "html.parser").select("article blockquote li")]
    assert items == ["A child`s worry", "Call 01452 42 65 65, the council`s door."]


UNFILLED_ROW = "\n" + ROWS.format(PHONE)


@pytest.mark.build
@pytest.mark.parametrize(
    ("page", "plant", "message"),
    [
        (  # a judgement blind to table rows: the line of the row, not the guide's code span (line 30)
            "docs/trainers/contacts-and-people.md",
            UNFILLED_ROW,
            "docs/trainers/contacts-and-people.md:LINE: '{{ contacts.front_door.phone }}' was not filled in "
            "(readers would see the braces, as the page shows this part as text although the site took it "
            "for code: look on this line and the lines near it for a lone backtick (`) typed for an "
            "apostrophe (write ' instead) or a line indented by 4 spaces; to show braces as typed, put a "
            r"backslash before each: \{\{ like this \}\})",
        ),
        (  # a fact in a file the page includes, which is not filled in
            "docs/scrutiny.md",
            '\n--8<-- "docs/trainers/examples/call.md"\n',
            "docs/scrutiny.md: '{{ contacts.front_door.phone }}' was not filled in (it is not in the "
            "page's own text but in a file it includes with --8<--, and facts are not filled in inside "
            "included files: write the sentence with the fact in the page itself)",
        ),
    ],
    ids=["line of the row", "an included file"],
)
def test_a_fact_left_unfilled_is_told_where_the_trainer_can_mend_it(
    tmp_path, page, plant, message, old_judgement
):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "trainers" / "examples" / "call.md").write_text(
        "Call {{ contacts.front_door.phone }} now.\n", encoding="utf-8"
    )
    path = project / page
    text = path.read_text(encoding="utf-8")
    path.write_text(text + plant, encoding="utf-8")
    planted = (text + plant).split("\n")  # LINE: the planted line that holds the fact
    at = next((n + 1 for n in range(text.count("\n"), len(planted)) if "{{ contacts" in planted[n]), None)
    built = build_in_process(project / "mkdocs.yml", tmp_path / "site", strict=True)
    assert str(problem_of(built.error)) == message.replace("LINE", str(at))
    assert not list((tmp_path / "site").rglob("*.html"))


APOSTROPHES = f"If you have a child`s worry, call {PHONE} at the council`s front door."
IN_CODE = (
    "'{{ contacts.front_door.phone }}' is inside a code span (SPAN), so readers would see the braces, "
    "not the fact (two backticks (`) typed for apostrophes make the words between them code: write ' "
    "for each apostrophe, and leave the fact outside backticks)"
)

ALONE = (
    "'{{ contacts.front_door.phone }}' is inside a code span (`{{ contacts.front_door.phone }}`), so readers "
    "would see the braces, not the fact (to show the fact, leave out the backticks; to show a fact's name on "
    "a page readers see, write a backslash before each brace, outside backticks: \\{\\{ like this \\}\\})"
)


@pytest.mark.parametrize(
    ("page", "message"),
    [  # the reviewer's sentence: two backticks typed for apostrophes make a code span of the fact
        (
            f"Intro.\n\n{APOSTROPHES}\n",
            "docs/x.md:13: "
            + IN_CODE.replace("SPAN", "`s worry, call {{ contacts.front_door.phone }} at the council`"),
        ),
        (
            f"A child`s worry,\ncall {PHONE}\nat the council`s door.\n",
            "docs/x.md:12: " + IN_CODE.replace("SPAN", f"`s worry, call {PHONE} at the council`"),
        ),
        # a span of the fact alone is meant as code: the advice is how to show its name, not apostrophes
        (f"Write `{PHONE}`.\n", f"docs/x.md:11: {ALONE}"),
        (f"Write `` {PHONE} ``.\n", f"docs/x.md:11: {ALONE.replace('(`', '(`` ').replace('`)', ' ``)', 1)}"),
        # filled, or shown as typed in another way: no problem
        (f"A child's worry, call {PHONE} at the council's door.\n", None),
        (f"- A child`s worry, {PHONE}\n- the council`s door\n", None),
        ("Write \\{\\{ contacts.front_door.phone \\}\\}.\n", None),
        (f"```text\n{PHONE}\n```\n", None),
        ("Write `{{ page.title }}` or `{ x }`.\n", None),
        # a trainer-only note, which learners never see, may name a fact in a code span
        (f'!!! trainer "Add the email"\n    Write `{PHONE}` where it should appear.\n', None),
        (f"??? trainer\n    A child`s worry,\n    call {PHONE} at the council`s door.\n", None),
        (f'???+ note trainer "`{PHONE}`"\n    Text.\n', None),
        (f"!!! trainer\n    Text.\n\nWrite `{PHONE}`.\n", f"docs/x.md:14: {ALONE}"),  # after the note
    ],
)
def test_a_fact_in_a_code_span_stops_a_page_readers_see(page, message):
    if message is None:
        check_code_spans(page, "docs/x.md", 10)
        return
    with pytest.raises(DataError) as raised:
        check_code_spans(page, "docs/x.md", 10)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("src_uri", "shows"),
    [
        ("trainers/pages.md", True),
        ("trainers/examples/quiz.md", True),
        ("contacts.md", False),
        ("about/answer-key.md", False),
    ],
)
def test_only_the_trainer_guide_shows_placeholders_as_typed(src_uri, shows):
    assert shows_placeholders(src_uri) == shows


@pytest.mark.build
def test_apostrophes_typed_as_backticks_around_a_fact_stop_the_build_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    lines = {}
    for page in ("contacts.md", "trainers/contacts-and-people.md"):  # the guide may show it as code
        path = project / "docs" / page
        text = path.read_text(encoding="utf-8")
        lines[page] = text.count("\n") + 2  # after the page's last line and a blank one
        path.write_text(text + f"\n{APOSTROPHES}\n", encoding="utf-8")
    built = build_in_process(project / "mkdocs.yml", tmp_path / "site", strict=True)
    assert str(problem_of(built.error)) == f"docs/contacts.md:{lines['contacts.md']}: " + IN_CODE.replace(
        "SPAN", "`s worry, call {{ contacts.front_door.phone }} at the council`"
    )
    assert not list((tmp_path / "site").rglob("*.html"))


NOTE_EDIT = (  # the reviewer's edit: a trainer note saying which placeholder to write
    "    Put the email in data/contacts.yml and write `{{ contacts.front_door.email }}`"
    " where it should appear.\n"
)


@pytest.mark.build
def test_a_trainer_note_may_name_a_fact_in_a_code_span_on_a_page_readers_see(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "docs" / "about" / "accessibility.md"
    text = path.read_text(encoding="utf-8")
    note = '!!! trainer "Add the contact for accessibility problems"\n'
    assert text.count(note) == 1
    path.write_text(text.replace(note, note + NOTE_EDIT), encoding="utf-8")
    built = build_in_process(project / "mkdocs.yml", tmp_path / "site", strict=True)
    assert built.error is None, problem_of(built.error) or built.error
    page = (tmp_path / "site" / "about" / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert "Put the email in" not in page  # the note is for trainers only
    assert "{{" not in BeautifulSoup(page, "html.parser").get_text()


def test_the_advice_for_showing_braces_as_typed_works_on_a_page_readers_see():
    """The messages advise a backslash before each brace to show braces as typed: on a page
    readers see, that is filled by nothing, stopped by nothing, and shows the braces."""
    advice = induction.facts.UNFILLED.rsplit(": ", 1)[1]
    assert advice == r"\{\{ like this \}\}"
    text = r"Write \{\{ contacts.front_door.phone \}\} to show a fact's name."
    filled = fill_placeholders(text, FACTS, "docs/x.md")
    check_code_spans(filled, "docs/x.md")  # no stop
    shown = BeautifulSoup(markdown.markdown(filled, extensions=[UnfilledFacts()]), "html.parser").get_text()
    assert shown == "Write {{ contacts.front_door.phone }} to show a fact's name."


def test_all_text_holds_every_text_attribute_and_stashed_piece_of_a_page():
    """The quick test the safety nets make before their walk (a placeholder left, a trainer
    note's line left): every place a page can hold text is in it, character references read."""
    md = markdown.Markdown(extensions=["attr_list", "md_in_html"])
    page = (
        "A *first* part.\n{ title=attribute }\n\nA bare word, which attr_list gives no value.\n{ bare }\n\n"
        '<div markdown="1">\n\ninside **markdown in html**\n\n</div>\n\n'
        '<p title="&#123;&#123; raw }}">raw &amp; html</p>\n\n<!-- a comment -->\n'
    )
    root = md.parser.parseDocument(page.split("\n")).getroot()
    for processor in md.treeprocessors:
        processor.run(root)
    text = induction.markdown_parts.all_text(root, md.htmlStash.rawHtmlBlocks)
    for part in ("A first part.", "attribute", "inside markdown in html", "{{ raw }}", "&", "a comment"):
        assert part in text
    assert "{{" not in induction.markdown_parts.all_text(md.parser.parseDocument(["Plain."]).getroot(), [])
