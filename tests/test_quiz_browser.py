"""Self-check quizzes in a real browser (Debian's Chromium through Playwright, axe-core):
keyboard-only answering, what screen readers are told, saved answers, clearing them, and no
accessibility violations in the light or dark scheme once answers are shown."""

from __future__ import annotations

import http.server
import re
import socketserver
import threading
from functools import partial

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import ROOT, run_build
from quiz_support import quiz_project

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
STATUS = ".self-check-status"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def quiz_site(tmp_path_factory):
    """The quiz fixture site, built strictly and served on 127.0.0.1."""
    project = quiz_project(tmp_path_factory.mktemp("quiz-browser") / "project")
    build = run_build(project, project.parent / "site")
    assert build.returncode == 0, build.output
    with socketserver.ThreadingTCPServer(
        ("127.0.0.1", 0), partial(_Quiet, directory=str(build.site))
    ) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_address[1]}"
        server.shutdown()


@pytest.fixture
def page(browser, quiz_site):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    context.set_default_timeout(5000)
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(f"{quiz_site}/topic/", wait_until="load")
    yield tab
    context.close()
    assert errors == [], "JavaScript errors on the quiz page"


def active(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()")


def tab_to(page, target: str, limit: int = 15) -> None:
    """Press Tab until the element with id `target` (or that text) has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if active(page) == target:
            return
    raise AssertionError(f"Tab never reached {target}; stopped on {active(page)}")


def announced(page, text) -> None:
    """The live region says `text` (a string, or a compiled pattern), waiting for it briefly."""
    expect(page.locator(STATUS)).to_have_text(text)


def marks(page, quiz: str) -> list[str]:
    return page.eval_on_selector_all(f"{quiz} .self-check-mark", "els => els.map(e => e.textContent.trim())")


def test_answer_with_the_keyboard_alone_and_hear_the_result(page):
    page.focus(".quiz-intro-reset")  # "Clear my answers", just above the first question
    tab_to(page, "quiz-0-0")
    page.keyboard.press("ArrowDown")  # arrows move between options ...
    assert page.is_checked("#quiz-0-1")
    assert page.is_hidden("#quiz-0 .quiz-feedback")  # ... without answering
    page.keyboard.press("ArrowUp")
    assert page.is_checked("#quiz-0-0")
    page.keyboard.press("Tab")
    assert active(page) == "Check my answer"
    page.keyboard.press("Enter")
    announced(page, "Question 1: Correct.")
    assert page.inner_text("#quiz-0 .self-check-verdict") == "✓ Correct"
    assert marks(page, "#quiz-0") == ["✓ Your answer: correct"]
    assert page.get_attribute("#quiz-0-0", "aria-describedby") == "quiz-0-0-mark"
    assert page.is_visible("#quiz-0 section.content")  # the explanation

    # A multiple-answer question, answered wrongly: Space ticks boxes.
    tab_to(page, "quiz-1-0")
    page.keyboard.press("Space")
    tab_to(page, "quiz-1-2")
    page.keyboard.press("Space")
    tab_to(page, "Check my answer")
    page.keyboard.press("Enter")
    announced(page, "Question 2: Not quite. The right answers are: Social workers; Police.")
    assert page.inner_text("#quiz-1 .self-check-verdict") == "✗ Not quite"
    assert marks(page, "#quiz-1") == [
        "✓ Your answer: correct",
        "✓ Correct answer",
        "✗ Your answer: not correct",
    ]
    assert "No. They have no part in safeguarding." in page.inner_text("#quiz-1 .quiz-feedback")

    # "Try again" clears the answer and puts focus back on the question.
    tab_to(page, "Try again")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'quiz-1-0'")
    assert not page.is_checked("#quiz-1-0") and marks(page, "#quiz-1") == []
    announced(page, "Answer cleared. Choose again.")


def test_a_blank_is_answered_with_enter_and_cannot_take_markup(page):
    page.focus("#quiz-2-blank-0")
    page.keyboard.type("<b>77")
    assert page.input_value("#quiz-2-blank-0") == "b77"
    page.keyboard.press("Enter")
    announced(page, "Question 3: Not quite. The right answer is: 773.")
    assert page.get_attribute("#quiz-2-blank-0", "aria-invalid") == "true"
    assert page.inner_text("#quiz-2 .self-check-verdict") == "✗ Not quite"
    page.fill("#quiz-2-blank-0", " 773 ")
    page.focus("#quiz-2-blank-0")
    page.keyboard.press("Enter")
    announced(page, "Question 3: Correct.")


def test_answers_survive_a_reload_and_clear_my_answers_removes_them(page):
    page.check("#quiz-0-1")
    page.click("#quiz-0 button[type=submit]")
    page.fill("#quiz-2-blank-0", "773")
    page.click("#quiz-2 button[type=submit]")
    announced(page, re.compile("^Question 3: Correct"))
    stored = page.evaluate("localStorage.getItem('quiz_progress_' + location.pathname)")
    assert '"quiz-0"' in stored and '"quiz-2"' in stored

    page.reload(wait_until="load")
    assert page.is_checked("#quiz-0-1")
    page.wait_for_selector("#quiz-0 .self-check-verdict")
    assert page.inner_text("#quiz-0 .self-check-verdict") == "✗ Not quite"
    assert page.input_value("#quiz-2-blank-0") == "773"
    assert page.inner_text(STATUS) == ""  # restoring saved answers is not announced

    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.focus(".quiz-intro-reset")
    page.keyboard.press("Enter")
    # A usability review (7 December 2026) found My progress unchanged after clearing, with
    # nothing saying so: progress counts the questions ever got right, and both messages say it.
    announced(
        page, "Your answers on this page have been cleared. My progress still counts the ones you got right."
    )
    assert asked == [
        "Clear your answers to the questions on this page, to try them again? My progress still counts "
        "the questions you have already got right."
    ]
    assert not page.is_checked("#quiz-0-1")
    assert page.input_value("#quiz-2-blank-0") == ""
    assert page.is_hidden("#quiz-0 .quiz-feedback") and page.is_hidden("#quiz-2 .quiz-feedback")
    assert page.evaluate("localStorage.getItem('quiz_progress_' + location.pathname)") == "{}"
    page.reload(wait_until="load")
    assert not page.is_checked("#quiz-0-1") and page.input_value("#quiz-2-blank-0") == ""


def test_script_written_in_a_quiz_file_never_runs(page):
    page.check("#quiz-3-0")
    page.click("#quiz-3 button[type=submit]")
    announced(page, "Question 4: Correct.")
    feedback = page.inner_text("#quiz-3 .quiz-feedback")
    assert "[a link](javascript:window.quizHacked=3)" in feedback
    page.click("#quiz-3 .quiz-feedback-item-content")
    page.hover("#quiz-3 label[for=quiz-3-0]")
    assert page.evaluate("typeof window.quizHacked") == "undefined"


def test_focus_is_visible_on_options_and_buttons(page):
    page.focus(".quiz-intro-reset")
    tab_to(page, "quiz-0-0")
    row = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement.parentElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert row[0] == "solid" and row[1] >= 2
    page.keyboard.press("Tab")
    button = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth]; })()"
    )
    assert button == ["solid", "3px"]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_nothing_with_right_and_wrong_answers_showing(page, scheme):
    page.evaluate(
        """scheme => {
            document.body.setAttribute('data-md-color-scheme', scheme);
            document.body.setAttribute('data-md-color-primary', 'custom');
            document.body.setAttribute('data-md-color-accent', 'custom');
        }""",
        scheme,
    )
    page.check("#quiz-0-0")
    page.click("#quiz-0 button[type=submit]")
    page.check("#quiz-1-2")
    page.click("#quiz-1 button[type=submit]")
    page.fill("#quiz-2-blank-0", "770")
    page.click("#quiz-2 button[type=submit]")
    page.wait_for_selector("#quiz-2 .self-check-verdict")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()


def test_the_real_front_door_quiz_works_from_the_keyboard(browser, served_site):
    if not (ROOT / "quizzes" / "services-front-door.yml").exists():
        pytest.skip("quizzes/services-front-door.yml is not written yet")
    context = browser.new_context()
    context.set_default_timeout(5000)
    tab = context.new_page()
    tab.goto(f"{served_site}/services/front-door/", wait_until="load")
    tab.focus(".quiz-intro-reset")
    tab_to(tab, "quiz-0-0", limit=30)
    tab.keyboard.press("ArrowDown")
    assert tab.is_hidden("#quiz-0 .quiz-feedback")
    tab.keyboard.press("Tab")
    tab.keyboard.press("Enter")
    announced(tab, re.compile("^Question 1: (Correct|Not quite)"))
    context.close()


def test_questions_below_the_screen_are_laid_out_only_when_the_reader_reaches_them(browser, served_site):
    """On a phone, a long page's questions wait to be laid out until scrolled near (so the top of
    the page paints sooner), yet stay in the accessibility tree and work once reached."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.set_default_timeout(5000)
    tab = context.new_page()
    tab.goto(f"{served_site}/services/child-protection/", wait_until="load")
    last = tab.locator(".quiz").last
    rendered = "q => q.querySelector('.quiz-question').checkVisibility({contentVisibilityAuto: true})"
    assert last.evaluate(rendered) is False
    question = last.locator(".quiz-number").text_content().strip()
    assert tab.get_by_role("heading", name=question, exact=True).count() == 1  # in the accessibility tree
    last.scroll_into_view_if_needed()
    tab.wait_for_function(  # a function, not a string: the site's security policy forbids eval
        f"n => ({rendered})(document.querySelectorAll('.quiz')[n])", arg=tab.locator(".quiz").count() - 1
    )
    last.locator("input").first.check()
    last.locator("button[type=submit]").click()
    expect(last.locator(".self-check-verdict")).to_be_visible()
    context.close()


# What the reader types in each blank of the fixture's numbers page, and whether it is right.
NUMBER_ANSWERS = [
    # quiz-0 expects "1,000": thousands separators or none, but the same number.
    ("quiz-0", "1000", True),
    ("quiz-0", "1,000", True),
    ("quiz-0", "1 000", True),
    ("quiz-0", "1\u00a0000", True),
    ("quiz-0", "100", False),
    ("quiz-0", "10,00", False),
    ("quiz-0", "1,000%", False),  # not a percentage question
    # quiz-1 expects "30%": with or without the sign.
    ("quiz-1", "30", True),
    ("quiz-1", "30%", True),
    ("quiz-1", "30 %", True),
    ("quiz-1", "30 per cent", True),
    ("quiz-1", "30 Percent", True),
    ("quiz-1", "3,0", False),
    ("quiz-1", "31%", False),
    ("quiz-1", "300", False),
    # quiz-2 expects "30" in "gone up by ___ per cent": a percentage question too.
    ("quiz-2", "30", True),
    ("quiz-2", "30%", True),
    ("quiz-2", "30 per cent", True),
    ("quiz-2", "3", False),
    # quiz-3 expects "301" in "___ schools": the sign is not accepted.
    ("quiz-3", "301", True),
    ("quiz-3", "301%", False),
    ("quiz-3", "3,01", False),
]


def check_blank(tab, quiz: str, typed: str) -> bool:
    """Type `typed` in the quiz's blank, check it, and say whether the quiz marked it right."""
    reset = tab.locator(f"#{quiz} .quiz-reset-button")
    if reset.is_visible():
        reset.click()
        expect(tab.locator(f"#{quiz} .self-check-verdict")).to_have_count(0)
    tab.fill(f"#{quiz}-blank-0", typed)
    tab.click(f"#{quiz} button[type=submit]")
    verdict = tab.locator(f"#{quiz} .self-check-verdict")
    expect(verdict).to_have_count(1)
    right = verdict.get_attribute("data-verdict") == "right"
    blank = tab.get_attribute(f"#{quiz}-blank-0", "class")
    assert ("correct" in blank.split()) == right and ("wrong" in blank.split()) != right
    return right


def watch_policy(context) -> list[str]:
    """Record every security-policy violation in the context's pages."""
    violations: list[str] = []
    context.expose_function("policyViolation", lambda text: violations.append(text))
    context.add_init_script(
        'addEventListener("securitypolicyviolation", e =>'
        ' window.policyViolation(`${e.effectiveDirective} ${e.blockedURI || "inline"}`), true);'
    )
    return violations


def test_a_number_is_right_with_or_without_separators_and_per_cent(browser, quiz_site):
    context = browser.new_context()
    context.set_default_timeout(5000)
    violations = watch_policy(context)
    tab = context.new_page()
    tab.goto(f"{quiz_site}/numbers/", wait_until="load")
    assert tab.get_attribute("#quiz-0-blank-0", "data-answer") == "1,000"  # as mkdocs-quiz writes it
    marked = [(quiz, typed, check_blank(tab, quiz, typed)) for quiz, typed, _ in NUMBER_ANSWERS]
    assert marked == NUMBER_ANSWERS

    # A right number is shown as the question writes it, and is still right after a reload.
    check_blank(tab, "quiz-0", "1000")
    assert tab.input_value("#quiz-0-blank-0") == "1,000"
    tab.reload(wait_until="load")
    expect(tab.locator("#quiz-0 .self-check-verdict")).to_have_attribute("data-verdict", "right")
    assert tab.input_value("#quiz-0-blank-0") == "1,000"
    context.close()
    assert violations == []


def test_the_real_number_blanks_take_separators_and_per_cent(browser, served_site):
    """The real number blanks: early help's 1,000 typed as 1000, Gloucestershire's 30 per cent as 30%."""
    context = browser.new_context()
    context.set_default_timeout(5000)
    violations = watch_policy(context)
    tab = context.new_page()
    for path, words, typed in [
        ("services/early-help", "children allocated for support", "1000"),
        ("gloucestershire", "free school meals", "30%"),
    ]:
        tab.goto(f"{served_site}/{path}/", wait_until="load")
        quiz = tab.locator(".quiz", has_text=words).get_attribute("id")
        assert check_blank(tab, quiz, typed), (path, typed)
    context.close()
    assert violations == []
