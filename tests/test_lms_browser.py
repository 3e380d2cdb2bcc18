"""The LMS package in a real SCORM 1.2 runtime: scorm-again (tests/fixtures/scorm-again/) plays
the learning management system in Chromium, and the package's site runs in its frame, under the
site's own security policy, with docs/javascripts/lms.js reporting to it.

One launch answers a self-check and leaves; the LMS then holds the lesson status, the score and
the progress (cmi.suspend_data); a second launch with that record shows the progress and the
answer again, in a browser that has never seen the site. A record with every page finished is
reported as passed or failed against the pass mark (the manifest's mastery score), and the
largest realistic record fits SCORM 1.2's 4,096 characters."""

from __future__ import annotations

import json
import shutil
import socketserver
import threading
import zipfile
from functools import partial

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, _QuietHandler
from export_support import real_export
from test_browser_csp import REPORTER  # each policy violation, in every frame

pytestmark = pytest.mark.export  # each test opens Chromium on the real export's package

KEY = "member-induction-progress-v2"
PAGE = "thresholds.html"  # a learning page with a self-check
LIMIT = 4096  # SCORM 1.2's longest cmi.suspend_data
# The LMS: scorm-again's API as window.API, every call counted and every value set kept (they stay
# readable after LMSFinish), the record of an earlier session loaded, then the course opened.
LAUNCH = """([record, mastery]) => {
  const api = new Scorm12API({ autocommit: false, logLevel: 5 });
  window.calls = { LMSInitialize: 0, LMSCommit: 0, LMSFinish: 0 };
  window.values = {};
  const cmi = { core: { lesson_status: 'not attempted' } };
  if (record !== null) cmi.suspend_data = record;
  if (mastery !== null) cmi.student_data = { mastery_score: String(mastery) };
  api.loadFromJSON(cmi, '');
  for (const name of Object.keys(window.calls)) {
    const real = api[name].bind(api);
    api[name] = (arg) => { window.calls[name]++; return real(arg); };
  }
  const setValue = api.LMSSetValue.bind(api);
  api.LMSSetValue = (element, value) => {
    const result = setValue(element, value);
    if (result === 'true') window.values[element] = value;
    return result;
  };
  window.API = api;
  document.getElementById('sco').src = 'package/index.html';
}"""


@pytest.fixture(scope="module")
def lms(tmp_path_factory):
    """The LMS package unzipped under package/, beside the player, on a local web server (the
    LMS serves the course from its own address, so the course can reach its API)."""
    root = tmp_path_factory.mktemp("lms")
    with zipfile.ZipFile(real_export(tmp_path_factory).one("member-induction-lms-*.zip")) as archive:
        archive.extractall(root / "package")
    for name in ("player.html", "scorm12.min.js"):
        shutil.copy2(FIXTURES / "scorm-again" / name, root / name)
    handler = partial(_QuietHandler, directory=str(root))
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_address[1]}", root / "package"
        server.shutdown()


class Launch:
    """One session in the LMS, in a new browser profile (no saved progress of its own)."""

    def __init__(self, browser, url: str, record: str | None = None, mastery: int | None = None):
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.context.set_default_timeout(10000)
        self.violations: list[str] = []
        self.context.expose_function("cspReport", lambda text: self.violations.append(text))
        self.context.add_init_script(REPORTER)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.violations.append(f"error: {error}"))
        self.page.goto(f"{url}/player.html", wait_until="load")
        self.page.evaluate(LAUNCH, [record, mastery])
        self.frame = self.wait_for("index.html")

    def wait_for(self, address: str):
        self.page.wait_for_function(
            "address => { const f = document.getElementById('sco').contentWindow;"
            " return f.location.href.endsWith(address) && f.document.readyState === 'complete'"
            " && f.inductionProgress; }",
            arg=address,
        )
        return self.page.query_selector("#sco").content_frame()

    def values(self) -> dict:
        return self.page.evaluate("window.values")

    def calls(self) -> dict:
        return self.page.evaluate("window.calls")

    def leave(self) -> None:
        """The learner closes the course: the LMS takes the frame away."""
        self.page.evaluate("document.getElementById('sco').remove()")

    def close(self) -> None:
        self.context.close()


def answer_first_question(frame) -> None:
    frame.evaluate(
        """() => {
          const quiz = document.getElementById('quiz-0');
          quiz.querySelectorAll('input[name="answer"]')
            .forEach(o => { o.checked = o.hasAttribute('data-correct'); });
        }"""
    )
    frame.click("#quiz-0 button[type=submit]")


def learning_pages(package) -> list[dict]:
    """The learning pages and their questions, as the build gives them to progress.js."""
    home = BeautifulSoup((package / "index.html").read_text(encoding="utf-8"), "html.parser")
    return json.loads(home.select_one("script[data-pages]")["data-pages"])


def test_a_session_reports_status_score_and_progress_and_the_next_launch_restores_them(browser, lms):
    url, package = lms
    questions = sum(page["questions"] for page in learning_pages(package))
    first = Launch(browser, url)
    first.frame.click(f'a.learning-path__page[href="{PAGE}"]')  # a link inside the site
    frame = first.wait_for(PAGE)
    answer_first_question(frame)
    first.page.wait_for_function("() => (window.values['cmi.suspend_data'] || '').includes(':1:')")
    first.leave()
    values, calls = first.values(), first.calls()
    assert calls == {"LMSInitialize": 2, "LMSCommit": calls["LMSCommit"], "LMSFinish": 1}
    assert calls["LMSCommit"] >= 2  # on the first page, and when each page was left
    assert values["cmi.core.lesson_status"] == "incomplete"
    assert values["cmi.core.score.raw"] == str(round(100 / questions))  # 1 right at the first try
    assert (values["cmi.core.score.min"], values["cmi.core.score.max"]) == ("0", "100")
    assert values["cmi.core.exit"] == "suspend"
    assert values["cmi.core.session_time"].count(":") == 2
    record = values["cmi.suspend_data"]
    saved = json.loads(record)["p"]
    assert saved[PAGE][2] == "0"  # question 1 of the page answered correctly
    assert first.violations == []
    first.close()

    second = Launch(browser, url, record=record)  # another device: nothing saved in this browser
    mark = (
        second.frame.locator(f'a.learning-path__page[href="{PAGE}"]')
        .locator("xpath=..")
        .locator(".progress-mark")
    )
    assert mark.get_attribute("class").split()[-1] == "progress-mark--started"
    second.frame.click(f'a.learning-path__page[href="{PAGE}"]')
    frame = second.wait_for(PAGE)
    assert frame.locator("#quiz-0 input[data-correct]").first.is_checked()  # the answer is back
    assert second.values()["cmi.core.score.raw"] == str(round(100 / questions))
    assert second.violations == []
    second.close()


def finished_record(pages: list[dict], first_try: float) -> str:
    """Every learning page finished (every question right in the end), with `first_try` of each
    page's questions right at the first try."""
    state = {}
    for page in pages:
        every = ".".join(str(i) for i in range(page["questions"]))
        first = ".".join(str(i) for i in range(round(page["questions"] * first_try)))
        state[page["id"]] = ["2026-12-01", "2026-12-01", every, "", every, first]
    return json.dumps({"v": 1, "p": state})


@pytest.mark.parametrize(
    ("mastery", "first_try", "status", "score"),
    [
        (None, 1, "completed", 100),
        (80, 1, "passed", 100),
        (80, 0.5, "failed", 50),
        (50, 0.5, "passed", 50),
    ],
)
def test_every_page_finished_is_completed_or_passed_or_failed_against_the_pass_mark(
    browser, lms, mastery, first_try, status, score
):
    url, package = lms
    launch = Launch(browser, url, record=finished_record(learning_pages(package), first_try), mastery=mastery)
    launch.page.wait_for_function("() => window.values['cmi.core.lesson_status']")
    values = launch.values()
    assert values["cmi.core.lesson_status"] == status
    assert abs(int(values["cmi.core.score.raw"]) - score) <= 1  # each page's half, rounded
    launch.close()


def right_answers(package, page: dict) -> dict:
    """mkdocs-quiz's saved answers for `page` with every question answered right: the values of
    its right options, or the words of its blanks (a wrong answer is no longer)."""
    html = BeautifulSoup((package / page["id"]).read_text(encoding="utf-8"), "html.parser")
    answers = {}
    for quiz in html.select("div.quiz"):
        blanks = [blank["data-answer"] for blank in quiz.select(".quiz-blank-input[data-answer]")]
        options = [option["value"] for option in quiz.select('input[name="answer"][data-correct]')]
        answers[quiz["id"]] = {"answered": True, "correct": True, "selectedValues": blanks or options}
    assert len(answers) == page["questions"], page
    return answers


def record_for(browser, url: str, package, typed: str | None) -> str:
    """What the LMS is asked to keep when every learning page is opened, read and finished, and
    every question answered right at the first try (`typed`, when given, typed in every answer)."""
    state = {"pages": {}}
    for page in learning_pages(package):
        answers = right_answers(package, page)
        if typed is not None:
            for answer in answers.values():
                answer["selectedValues"] = [typed]
        state["pages"][page["id"]] = {
            "opened": "2026-12-01",
            "read": "2026-12-02",
            "right": [f"quiz-{i}" for i in range(page["questions"])],
            "tried": list(range(page["questions"])),
            "first": list(range(page["questions"])),
            "answers": json.dumps(answers),
        }
    launch = Launch(browser, url)
    launch.frame.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(state)])
    launch.frame.evaluate("() => window.dispatchEvent(new Event('inductionprogress'))")
    record = launch.values()["cmi.suspend_data"]
    launch.close()
    return record


def test_the_largest_realistic_record_fits_scorm_1_2s_limit_with_the_answers(browser, lms):
    url, package = lms
    record = record_for(browser, url, package, typed=None)
    print(f"largest realistic record: {len(record)} characters of {LIMIT}")
    assert len(record) <= LIMIT
    saved = json.loads(record)["p"]
    assert all(item[3] for item in saved.values())  # every page's answers kept


def test_a_record_too_long_with_the_answers_keeps_the_progress_without_them(browser, lms):
    url, package = lms
    record = record_for(browser, url, package, typed="a long typed answer, far longer than any blank needs")
    print(f"record without the answers: {len(record)} characters of {LIMIT}")
    assert len(record) <= LIMIT
    saved = json.loads(record)["p"]
    assert [item[3] for item in saved.values()] == [""] * len(saved)
    assert all(item[2] and item[2] == item[5] for item in saved.values())  # progress and score kept


def test_without_an_lms_the_site_behaves_as_before_with_no_error(browser, lms):
    """Opened on its own (a web server, a memory stick), lms.js finds no API and does nothing:
    progress is kept in the browser as usual, and nothing goes wrong."""
    url, _ = lms
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    problems: list[str] = []
    context.expose_function("cspReport", lambda text: problems.append(text))
    context.add_init_script(REPORTER)
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"error: {error}"))
    page.goto(f"{url}/package/{PAGE}", wait_until="load")
    answer_first_question(page)
    saved = json.loads(page.evaluate("key => localStorage.getItem(key)", KEY))
    assert saved["pages"][PAGE]["right"] == ["quiz-0"]
    assert "first" not in saved["pages"][PAGE]  # lms.js kept nothing of its own
    assert problems == []
    context.close()
