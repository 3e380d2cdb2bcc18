"""The LMS packages in a real SCORM runtime: scorm-again (tests/fixtures/scorm-again/) plays the
learning management system in Chromium, SCORM 1.2 or SCORM 2004, and the package's site runs in
its frame, under the site's own security policy, with docs/javascripts/lms.js reporting to it.

One launch answers a self-check and leaves; the LMS then holds the lesson status (SCORM 2004: the
completion and success statuses), the score and the progress (cmi.suspend_data); a second launch
with that record shows the progress and the answer again, in a browser that has never seen the
site. A record with every page finished is reported as passed or failed against the pass mark
(the manifest's mastery score, or SCORM 2004's scaled passing score), and the largest realistic
record fits SCORM 1.2's 4,096 characters. Going to another page of the package by a keyboard
shortcut (with or without the browser's Navigation API) or by the browser's Back keeps the
session, and a link to another website opens a new window instead of taking the course out of
the LMS's frame. Inside an LMS the pages say that progress goes to it; elsewhere, that it does
not. With a pass mark, SCORM 1.2's score waits until every page is finished (an LMS judging it
against the mastery score would record a member half way through as failed), and a score the
LMS already held is blanked until then; a member who failed can clear their progress and try
again, the LMS then holding the new result; every launch restores the record, whatever the LMS
says of the visit (an LMS may say "ab-initio", a first visit, and still hold one), and a first
visit leaves no error in the LMS but SCORM 2004's for the empty record;
the exit is "suspend" from the first commit on, so a session that ends unannounced is resumed;
a record the LMS could not give is never replaced (nothing but the time is sent), and a later
page asks for it again and adds to it what the member did meanwhile;
a session without a pass mark asks the LMS for it once, not at every save (a SCORM 2004 LMS
answers with an error);
answers are committed without leaving the page (at most one commit every ten seconds, but a page
that becomes finished at once), and so is the progress when the page is hidden;
a browser that cannot keep the progress keeps the LMS's record in memory and adds to it; the API
is found from a frame of a pop-up window too."""

from __future__ import annotations

import json
import re
import shutil
import socketserver
import threading
import zipfile
from dataclasses import asdict, dataclass
from functools import partial

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, _QuietHandler
from export_support import real_export
from test_browser_csp import REPORTER  # each policy violation, in every frame
from test_browser_progress import answer

pytestmark = pytest.mark.export  # each test opens Chromium on the real export's package

KEY = "member-induction-progress-v2"
PAGE = "thresholds.html"  # a learning page with a self-check
LIMIT = 4096  # SCORM 1.2's longest cmi.suspend_data
# Whether the last commit held PAGE's questions answered right as `right` says ("0.1").
COMMITTED = (
    "right => JSON.parse(window.committed['cmi.suspend_data'] || '{}').p?.[PAGE]?.[2] === right"
).replace("PAGE", json.dumps(PAGE))


@dataclass(frozen=True)
class Scorm:
    """A SCORM version as the LMS side offers it, and the names the site must report under."""

    name: str
    package: str  # the export's file
    runtime: str  # scorm-again's class
    api: str  # the window property the site looks for
    initialize: str
    commit: str
    finish: str
    set_value: str
    get_value: str
    status: str  # SCORM 2004 reports completion here, and success in cmi.success_status
    score: str
    exit: str
    time: str
    time_format: str  # a pattern

    def cmi(
        self,
        record: str | None,
        mastery: int | None,
        score: int | None = None,
        entry: str | None = None,
        passed: bool = False,
    ) -> dict:
        """What the LMS holds for the learner before the launch: an earlier session's record
        (and score, and whether it `passed`), the pass mark it took from the manifest, and what
        it says of this visit (`entry`: "ab-initio" on a first visit, "resume" after a session
        that left "suspend"; a blank when not given)."""
        cmi: dict = (
            {"core": {"lesson_status": "not attempted", "credit": "credit", "lesson_mode": "normal"}}
            if self.name == "1.2"
            else {}
        )
        if entry is not None and self.name == "1.2":
            cmi["core"]["entry"] = entry
        elif entry is not None:
            cmi["entry"] = entry
        if record is not None:
            cmi["suspend_data"] = record
        if mastery is not None and self.name == "1.2":
            cmi["student_data"] = {"mastery_score": str(mastery)}
        elif mastery is not None:
            cmi["scaled_passing_score"] = str(mastery / 100)
        if score is not None and self.name == "1.2":
            cmi["core"]["score"] = {"raw": str(score), "min": "0", "max": "100"}
        elif score is not None:
            cmi["score"] = {"raw": str(score), "min": "0", "max": "100", "scaled": str(score / 100)}
        if passed and self.name == "1.2":
            cmi["core"]["lesson_status"] = "passed"
        elif passed:
            cmi.update(completion_status="completed", success_status="passed")
        return cmi


SCORM12 = Scorm(
    "1.2",
    "member-induction-lms-2*.zip",
    "Scorm12API",
    "API",
    "LMSInitialize",
    "LMSCommit",
    "LMSFinish",
    "LMSSetValue",
    "LMSGetValue",
    "cmi.core.lesson_status",
    "cmi.core.score.",
    "cmi.core.exit",
    "cmi.core.session_time",
    r"\d{2,4}:\d\d:\d\d(\.\d{1,2})?",
)
SCORM2004 = Scorm(
    "2004",
    "member-induction-lms-scorm2004-*.zip",
    "Scorm2004API",
    "API_1484_11",
    "Initialize",
    "Commit",
    "Terminate",
    "SetValue",
    "GetValue",
    "cmi.completion_status",
    "cmi.score.",
    "cmi.exit",
    "cmi.session_time",
    r"PT(\d+H)?(\d+M)?\d+(\.\d{1,2})?S",  # ISO 8601, e.g. PT1H2M3.5S
)
VERSIONS = pytest.mark.parametrize("scorm", [SCORM12, SCORM2004], ids=["scorm12", "scorm2004"])

# The LMS: scorm-again's API as window.API (or window.API_1484_11), with `settings` of its own,
# every call counted and every value set kept (they stay readable after the session ends; those
# set before the last commit in window.committed), the record of an earlier session loaded, then
# the course opened in the frame, or in a frame of a pop-up window (`popup`).
LAUNCH = """([v, cmi, settings, popup]) => {
  const api = new window[v.runtime](Object.assign({ autocommit: false, logLevel: 5 }, settings));
  window.calls = { [v.initialize]: 0, [v.commit]: 0, [v.finish]: 0 };
  window.values = {};
  window.committed = {};
  api.loadFromJSON(cmi, '');
  for (const name of Object.keys(window.calls)) {
    const real = api[name].bind(api);
    api[name] = (arg) => {
      window.calls[name]++;
      if (name === v.commit) window.committed = Object.assign({}, window.values);
      return real(arg);
    };
  }
  const setValue = api[v.set_value].bind(api);
  api[v.set_value] = (element, value) => {
    const result = setValue(element, value);
    if (result === 'true') window.values[element] = value;
    return result;
  };
  window[v.api] = api;
  const course = new URL(`scorm${v.name.replace('.', '')}/index.html`, location.href).href;
  if (popup) {
    const opened = window.open('', 'course');
    opened.document.body.innerHTML = '<iframe id="sco" title="The course"></iframe>';
    opened.document.getElementById('sco').src = course;
  } else {
    document.getElementById('sco').src = course;
  }
}"""


@pytest.fixture(scope="module")
def lms(tmp_path_factory):
    """The LMS packages unzipped under scorm12/ and scorm2004/, beside the player, on a local web
    server (the LMS serves the course from its own address, so the course can reach its API)."""
    root = tmp_path_factory.mktemp("lms")
    export = real_export(tmp_path_factory)
    for scorm in (SCORM12, SCORM2004):
        with zipfile.ZipFile(export.one(scorm.package)) as archive:
            archive.extractall(root / folder(scorm))
    for name in ("player.html", "scorm12.min.js", "scorm2004.min.js"):
        shutil.copy2(FIXTURES / "scorm-again" / name, root / name)
    handler = partial(_QuietHandler, directory=str(root))
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_address[1]}", root
        server.shutdown()


def folder(scorm: Scorm) -> str:
    return f"scorm{scorm.name.replace('.', '')}"


class Launch:
    """One session in the LMS, in a new browser profile (no saved progress of its own)."""

    def __init__(
        self,
        browser,
        url: str,
        scorm: Scorm,
        record: str | None = None,
        mastery: int | None = None,
        before: str | None = None,
        in_every_page: str | None = None,
        settings: dict | None = None,
        popup: bool = False,
        score: int | None = None,
        entry: str | None = None,
        passed: bool = False,
        clock: bool = False,
    ):
        self.scorm = scorm
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.context.set_default_timeout(10000)
        # the pages' timers and Date.now(): at normal speed until the test stops them (pause_at), then
        # only as it moves them on (run_for)
        if clock:
            self.context.clock.install()
        self.violations: list[str] = []
        self.context.expose_function("cspReport", lambda text: self.violations.append(text))
        self.context.add_init_script(REPORTER)
        if in_every_page:  # something about the browser, in the course's pages too
            self.context.add_init_script(in_every_page)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.violations.append(f"error: {error}"))
        self.page.goto(f"{url}/player.html", wait_until="load")
        if before:  # something else the LMS offers
            self.page.evaluate(before)
        arguments = [asdict(scorm), scorm.cmi(record, mastery, score, entry, passed), settings or {}, popup]
        if popup:
            with self.context.expect_page() as opened:
                self.page.evaluate(LAUNCH, arguments)
            self.window = opened.value  # the pop-up, with the course in its frame
        else:
            self.page.evaluate(LAUNCH, arguments)
            self.window = self.page  # the LMS's own page, with the course in its frame
        self.frame = self.wait_for("index.html")

    def wait_for(self, address: str):
        """The course's frame showing the page at address, loaded (whatever heading the address
        names: Material adds one as the page scrolls)."""
        self.window.wait_for_function(
            "address => { const f = document.getElementById('sco').contentWindow;"
            " return f.location.href.split('#')[0].endsWith(address)"
            " && f.document.readyState === 'complete'"
            " && f.inductionProgress; }",
            arg=address,
        )
        return self.window.query_selector("#sco").content_frame()

    def values(self) -> dict:
        return self.page.evaluate("window.values")

    def committed(self) -> dict:
        """The values set before the last commit."""
        return self.page.evaluate("window.committed")

    def calls(self) -> dict:
        return self.page.evaluate("window.calls")

    def lms_says(self, element: str) -> str:
        """What the LMS itself answers (SCORM 2004 LMSs work out the success status themselves
        from the score and the pass mark), while the session is open."""
        return self.page.evaluate(
            "([api, get, element]) => window[api][get](element)",
            [self.scorm.api, self.scorm.get_value, element],
        )

    def leave(self) -> None:
        """The learner closes the course: the LMS takes the frame away."""
        self.window.evaluate("document.getElementById('sco').remove()")

    def close(self) -> None:
        self.context.close()


def answer_first_question(frame, number: int = 0) -> None:
    """Answer the page's first question (or question `number`, from 0) correctly."""
    frame.evaluate(
        """number => {
          const quiz = document.getElementById(`quiz-${number}`);
          quiz.querySelectorAll('input[name="answer"]')
            .forEach(o => { o.checked = o.hasAttribute('data-correct'); });
        }""",
        number,
    )
    frame.click(f"#quiz-{number} button[type=submit]")


def learning_pages(package) -> list[dict]:
    """The learning pages and their questions, as the build gives them to progress.js."""
    home = BeautifulSoup((package / "index.html").read_text(encoding="utf-8"), "html.parser")
    return json.loads(home.select_one("script[data-pages]")["data-pages"])


@VERSIONS
def test_a_session_reports_status_score_and_progress_and_the_next_launch_restores_them(browser, lms, scorm):
    url, root = lms
    questions = sum(page["questions"] for page in learning_pages(root / folder(scorm)))
    first = Launch(browser, url, scorm)
    first.frame.click(f'a.learning-path__page[href="{PAGE}"]')  # a link inside the site
    frame = first.wait_for(PAGE)
    answer_first_question(frame)
    first.page.wait_for_function("() => (window.values['cmi.suspend_data'] || '').includes(':1:')")
    first.leave()
    values, calls = first.values(), first.calls()
    assert calls == {scorm.initialize: 2, scorm.commit: calls[scorm.commit], scorm.finish: 1}
    assert calls[scorm.commit] >= 2  # on the first page, and when each page was left
    assert values[scorm.status] == "incomplete"
    if scorm is SCORM2004:
        assert values["cmi.success_status"] == "unknown"
        assert "cmi.score.scaled" not in values  # only once every page is finished
    assert values[scorm.score + "raw"] == str(round(100 / questions))  # 1 right at the first try
    assert (values[scorm.score + "min"], values[scorm.score + "max"]) == ("0", "100")
    assert values[scorm.exit] == "suspend"
    assert re.fullmatch(scorm.time_format, values[scorm.time]), values[scorm.time]
    record = values["cmi.suspend_data"]
    saved = json.loads(record)["p"]
    assert saved[PAGE][2] == "0"  # question 1 of the page answered correctly
    assert first.violations == []
    first.close()

    second = Launch(browser, url, scorm, record=record)  # another device: nothing saved in this browser
    mark = (
        second.frame.locator(f'a.learning-path__page[href="{PAGE}"]')
        .locator("xpath=..")
        .locator(".progress-mark")
    )
    assert mark.get_attribute("class").split()[-1] == "progress-mark--started"
    second.frame.click(f'a.learning-path__page[href="{PAGE}"]')
    frame = second.wait_for(PAGE)
    assert frame.locator("#quiz-0 input[data-correct]").first.is_checked()  # the answer is back
    assert second.values()[scorm.score + "raw"] == str(round(100 / questions))
    assert second.violations == []
    second.close()


@VERSIONS
def test_with_both_apis_the_site_reports_to_the_version_of_its_package(browser, lms, scorm):
    """An LMS may offer both APIs; each package's lms.js uses the version the LMS launched it as
    (export/lms.py writes the version into it), and never touches the other API."""
    url, _ = lms
    other = SCORM2004 if scorm is SCORM12 else SCORM12
    also_the_other = f"""() => {{
      const api = new {other.runtime}({{ autocommit: false, logLevel: 5 }});
      window.otherCalls = 0;
      api.{other.initialize} = () => {{ window.otherCalls++; return 'true'; }};
      window.{other.api} = api;
    }}"""
    launch = Launch(browser, url, scorm, before=also_the_other)
    launch.page.wait_for_function("status => window.values[status]", arg=scorm.status)
    assert launch.calls()[scorm.initialize] == 1
    assert launch.page.evaluate("window.otherCalls") == 0
    launch.close()


def finished_record(pages: list[dict], first_try: float) -> str:
    """Every learning page finished (every question right in the end), with `first_try` of each
    page's questions right at the first try."""
    state = {}
    for page in pages:
        every = ".".join(str(i) for i in range(page["questions"]))
        first = ".".join(str(i) for i in range(round(page["questions"] * first_try)))
        state[page["id"]] = ["2026-12-01", "2026-12-01", every, "", every, first]
    return json.dumps({"v": 1, "p": state})


@VERSIONS
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
    browser, lms, scorm, mastery, first_try, status, score
):
    url, root = lms
    record = finished_record(learning_pages(root / folder(scorm)), first_try)
    launch = Launch(browser, url, scorm, record=record, mastery=mastery, settings=MASTERY_OVERRIDE)
    launch.page.wait_for_function("status => window.values[status]", arg=scorm.status)
    values = launch.values()
    assert abs(int(values[scorm.score + "raw"]) - score) <= 1  # each page's half, rounded
    if scorm is SCORM12:
        assert values[scorm.status] == status
    else:  # SCORM 2004: completed, and passed or failed (or unknown, with no pass mark)
        success = "unknown" if status == "completed" else status
        assert (values[scorm.status], values["cmi.success_status"]) == ("completed", success)
        assert float(values["cmi.score.scaled"]) == int(values[scorm.score + "raw"]) / 100
        assert launch.lms_says("cmi.success_status") == success  # the LMS's own judgement agrees
    launch.leave()
    # The record is kept for the next visit, finished or not: a member who comes back to look
    # something up finds their marks (an attempt ended with "normal" would start again empty).
    assert launch.values()[scorm.exit] == "suspend"
    assert launch.calls()[scorm.finish] == 1
    if scorm is SCORM12:  # the LMS's own judgement, when the session ends, agrees
        assert launch.page.evaluate("window.API.cmi.core.lesson_status") == status
    launch.close()


# SCORM 1.2 lets the LMS judge the raw score against the mastery score itself when the session
# ends (scorm-again does with this setting; Moodle's "mastery score overrides status" likewise).
MASTERY_OVERRIDE = {"mastery_override": True}


def test_scorm_1_2_with_a_mastery_score_is_not_failed_half_way(browser, lms):
    """A member half way through, with a pass mark: the site sends no score until every page is
    finished, so the LMS, which would judge it against the mastery score, records "incomplete",
    not "failed"."""
    url, _ = lms
    launch = Launch(browser, url, SCORM12, mastery=80, settings=MASTERY_OVERRIDE)
    launch.frame.click(f'a.learning-path__page[href="{PAGE}"]')
    answer_first_question(launch.wait_for(PAGE))
    launch.page.wait_for_function("() => (window.values['cmi.suspend_data'] || '').includes(':1:')")
    launch.leave()
    assert launch.calls()["LMSFinish"] == 1
    assert launch.values()["cmi.core.lesson_status"] == "incomplete"
    assert not any(name.startswith("cmi.core.score.") for name in launch.values())
    assert launch.page.evaluate("window.API.cmi.core.lesson_status") == "incomplete"  # the LMS's own
    launch.close()


def test_scorm_1_2_takes_back_a_score_the_lms_held_until_every_page_is_finished(browser, lms):
    """The LMS already holds a score (the course was first uploaded without a pass mark, or the
    administrator set a mastery score since): with a pass mark, a member half way through has it
    taken back (a blank raw score), so the LMS does not judge it and record them as failed."""
    url, root = lms
    record = json.dumps({"v": 1, "p": {PAGE: ["2026-12-01", 0, "0", "", "0", "0"]}})
    launch = Launch(browser, url, SCORM12, record=record, mastery=80, settings=MASTERY_OVERRIDE, score=1)
    launch.frame.click(f'a.learning-path__page[href="{PAGE}"]')
    answer_first_question(launch.wait_for(PAGE), 1)
    launch.page.wait_for_function("() => (window.values['cmi.suspend_data'] || '').includes('0.1')")
    launch.leave()
    assert launch.calls()["LMSFinish"] == 1
    lms_record = "[window.API.cmi.core.lesson_status, window.API.cmi.core.score.raw]"
    assert launch.page.evaluate(lms_record) == ["incomplete", ""]  # not "failed"
    assert launch.values()["cmi.core.score.raw"] == ""
    launch.close()


def test_scorm_2004_with_a_pass_mark_is_neither_passed_nor_failed_half_way(browser, lms):
    """Until every page is finished the site sends no scaled score, so an LMS with a pass mark
    (which judges the scaled score against it itself) says "unknown", not "failed"."""
    url, _ = lms
    launch = Launch(browser, url, SCORM2004, mastery=80)
    launch.page.wait_for_function("() => window.values['cmi.completion_status']")
    assert launch.values()["cmi.completion_status"] == "incomplete"
    assert launch.lms_says("cmi.success_status") == "unknown"
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


def all_right(package, typed: str | None = None) -> dict:
    """progress.js's saved progress with every learning page opened, read and finished, and every
    question answered right at the first try (`typed`, when given, typed in every answer)."""
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
    return state


def record_for(browser, url: str, root, typed: str | None, scorm: Scorm = SCORM12) -> str:
    """What the LMS is asked to keep when every learning page is opened, read and finished, and
    every question answered right at the first try (`typed`, when given, typed in every answer)."""
    state = all_right(root / folder(scorm), typed)
    launch = Launch(browser, url, scorm)
    launch.frame.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(state)])
    launch.frame.evaluate("() => window.dispatchEvent(new Event('inductionprogress'))")
    record = launch.values()["cmi.suspend_data"]
    launch.close()
    return record


def test_the_largest_realistic_record_fits_scorm_1_2s_limit_with_the_answers(browser, lms):
    url, root = lms
    record = record_for(browser, url, root, typed=None)
    print(f"largest realistic record: {len(record)} characters of {LIMIT}")
    assert len(record) <= LIMIT
    saved = json.loads(record)["p"]
    assert all(item[3] for item in saved.values())  # every page's answers kept


LONG = "a long typed answer, far longer than any blank needs"


def test_a_record_too_long_with_the_answers_keeps_the_progress_without_them(browser, lms):
    url, root = lms
    record = record_for(browser, url, root, typed=LONG)
    print(f"record without the answers: {len(record)} characters of {LIMIT}")
    assert len(record) <= LIMIT
    saved = json.loads(record)["p"]
    assert [item[3] for item in saved.values()] == [""] * len(saved)
    assert all(item[2] and item[2] == item[5] for item in saved.values())  # progress and score kept


def test_scorm_2004_keeps_the_answers_that_scorm_1_2_has_no_room_for(browser, lms):
    """SCORM 2004 allows 64,000 characters: the same record keeps every page's answers."""
    url, root = lms
    record = record_for(browser, url, root, typed=LONG, scorm=SCORM2004)
    print(f"record with the answers in SCORM 2004: {len(record)} characters of 64,000")
    assert LIMIT < len(record) <= 64000
    saved = json.loads(record)["p"]
    assert all(item[3] for item in saved.values())


def link_to(package, page: str, rel: str) -> str:
    """Where the page's <link rel="next"> (or "prev") goes: what Material's shortcuts open."""
    html = BeautifulSoup((package / page).read_text(encoding="utf-8"), "html.parser")
    return str(html.select_one(f'link[rel="{rel}"]')["href"])


def page_with_a_link_out(package) -> str:
    """A learning page whose text links to a page of another website."""
    for page in learning_pages(package):
        html = BeautifulSoup((package / page["id"]).read_text(encoding="utf-8"), "html.parser")
        if html.select_one(LINK_OUT):
            return page["id"]
    raise AssertionError("no learning page links to another website")


LINK_OUT = 'article a[href^="https:"], article a[href^="http:"]'
ELSEWHERE = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")  # any other website: never reached


# A browser without the Navigation API (lms.js then watches the keys itself).
NO_NAVIGATION_API = "Object.defineProperty(window, 'navigation', { value: undefined });"


@VERSIONS
@pytest.mark.parametrize(
    ("key", "browser_lacks"), [("n", None), (".", NO_NAVIGATION_API)], ids=["n", "dot-without-navigation-api"]
)
def test_the_keyboard_shortcut_to_the_next_page_continues_the_session(
    browser, lms, scorm, key, browser_lacks
):
    """Material's shortcuts (n or . for the next page, p or , for the previous one) change the
    address without a click on a link: the next page of the package goes on with the same
    session, and what the learner answers there reaches the LMS."""
    url, root = lms
    before = link_to(root / folder(scorm), PAGE, "prev")
    launch = Launch(browser, url, scorm, in_every_page=browser_lacks)
    launch.frame.click(f'a.learning-path__page[href="{before}"]')
    launch.wait_for(before).press("body", key)
    frame = launch.wait_for(PAGE)
    answer_first_question(frame)
    frame.wait_for_function("key => (localStorage.getItem(key) || '').includes('quiz-0')", arg=KEY)
    assert launch.calls()[scorm.finish] == 0  # the session goes on
    record = json.loads(launch.values().get("cmi.suspend_data") or "{}")
    assert record["p"][PAGE][2] == "0"  # the answer reached the LMS
    launch.leave()
    calls = launch.calls()
    assert (calls[scorm.initialize], calls[scorm.finish]) == (3, 1)  # three pages, one session
    assert launch.values()[scorm.exit] == "suspend"
    assert launch.violations == []
    launch.close()


@VERSIONS
def test_the_browsers_back_button_inside_the_course_continues_the_session(browser, lms, scorm):
    """Back (a traversal of the history, no click on a link) to a page of the package goes on
    with the same session: the navigate event names that page too."""
    url, _ = lms
    launch = Launch(browser, url, scorm)
    launch.frame.click(f'a.learning-path__page[href="{PAGE}"]')
    answer_first_question(launch.wait_for(PAGE))
    launch.page.evaluate("history.back()")  # as the browser's Back: back in the course's frame
    launch.wait_for("index.html")
    assert launch.calls()[scorm.finish] == 0
    launch.leave()
    calls = launch.calls()
    assert (calls[scorm.initialize], calls[scorm.finish]) == (3, 1)
    assert json.loads(launch.values()["cmi.suspend_data"])["p"][PAGE][2] == "0"
    launch.close()


@VERSIONS
def test_the_address_rewritten_while_the_next_page_loads_continues_the_session(browser, lms, scorm):
    """Material rewrites the address as the page scrolls (navigation.tracking), and a click
    scrolls the link into view: when that rewrite lands after the click, before the next page
    arrives, Chromium reports the click's navigation as aborted (navigateerror), yet the next page
    still loads. That is still going on in the course, not leaving it (it ended the session on a
    busy machine)."""
    url, _ = lms
    launch = Launch(browser, url, scorm)
    launch.frame.evaluate(
        "page => { location.href = page;"
        " history.replaceState(history.state, '', location.pathname + '#your-learning-path'); }",
        PAGE,
    )
    launch.wait_for(PAGE)
    assert launch.calls()[scorm.finish] == 0
    launch.leave()
    assert launch.calls()[scorm.finish] == 1
    launch.close()


@VERSIONS
def test_scrolling_then_closing_the_course_ends_the_session(browser, lms, scorm):
    """Material rewrites the address as the reader scrolls (navigation.tracking: a change of
    address within the page, which the Navigation API reports too): that goes nowhere, so closing
    the course afterwards still ends the session, once, keeping the record."""
    url, _ = lms
    launch = Launch(browser, url, scorm)
    launch.frame.click(f'a.learning-path__page[href="{PAGE}"]')
    frame = launch.wait_for(PAGE)
    frame.evaluate("location.hash = 'check-your-understanding'")  # a jump to a heading, too
    frame.evaluate("window.scrollBy(0, -1500)")
    frame.evaluate("history.replaceState(history.state, '', location.pathname + '#key-takeaways')")
    assert launch.calls()[scorm.finish] == 0
    launch.leave()
    assert launch.calls()[scorm.finish] == 1
    assert launch.values()[scorm.exit] == "suspend"
    launch.close()


@VERSIONS
def test_inside_the_lms_a_link_to_another_website_opens_a_new_window(browser, lms, scorm):
    """A link out of the package would take the LMS's frame away from the course (and end the
    session): inside an LMS it opens in a new window or tab instead."""
    url, root = lms
    page = page_with_a_link_out(root / folder(scorm))
    launch = Launch(browser, url, scorm)
    launch.context.route(
        ELSEWHERE, lambda route: route.fulfill(body="another website", content_type="text/plain")
    )
    launch.frame.click(f'a.learning-path__page[href="{page}"]')
    frame = launch.wait_for(page)
    link = frame.locator(LINK_OUT).first
    assert link.get_attribute("target") == "_blank"
    assert "noopener" in link.get_attribute("rel").split()
    assert link.text_content().endswith(" (opens in a new window)")  # said, not shown
    assert link.locator(".visually-hidden").count() == 1
    assert frame.locator('a[href^="#"][target], a.learning-path__page[target]').count() == 0
    with launch.context.expect_page() as opened:
        link.click()
    opened.value.close()
    assert launch.wait_for(page).url.split("#")[0].endswith(page)  # the course is still there
    assert launch.calls()[scorm.finish] == 0
    launch.leave()
    assert launch.calls()[scorm.finish] == 1
    assert launch.violations == []
    launch.close()


# What the pages say about where progress goes: a sentence true only outside an LMS (the site,
# the memory stick: nothing is sent) and one true only inside it (progress and answers go to it).
WHERE_PROGRESS_GOES = {
    "index.html": ("Nothing is sent anywhere", "saved in the council's learning system"),
    PAGE: ("saved only in this web browser", None),  # mkdocs-quiz's note above the self-check
    "progress.html": ("It is never sent to the council", "saved in the council's learning system"),
    "about/index.html": ("Nothing is sent to the council", "them in the council's learning system"),
}
RECORD_NOTES = ".certificate__note.outside-lms, .certificate__note.inside-lms"  # the completion record's


def what_is_read(frame, page: str) -> tuple[bool, bool]:
    """Whether a screen reader meets the page's outside wording, and its inside wording (hidden
    text is not in the accessibility tree)."""
    read = " ".join(frame.locator("article").aria_snapshot().split())
    outside, inside = WHERE_PROGRESS_GOES[page]
    return outside in read, inside is not None and inside in read


def shown(frame, selector: str) -> list[bool]:
    return frame.eval_on_selector_all(selector, "all => all.map(e => getComputedStyle(e).display !== 'none')")


@VERSIONS
def test_inside_the_lms_the_pages_say_that_progress_goes_to_it(browser, lms, scorm):
    """Inside an LMS progress and self-check answers (typed ones too) are sent to it: no page may
    say that nothing is sent. The offline wording is hidden, also from screen readers."""
    url, _ = lms
    launch = Launch(browser, url, scorm)
    assert launch.frame.evaluate("document.documentElement.classList.contains('lms-connected')")
    assert what_is_read(launch.frame, "index.html") == (False, True)
    launch.frame.click(f'a.learning-path__page[href="{PAGE}"]')
    assert what_is_read(launch.wait_for(PAGE), PAGE) == (False, False)
    for page in ("progress.html", "about/index.html"):
        launch.frame.evaluate("page => document.querySelector(`a[href$='${page}']`).click()", page)
        frame = launch.wait_for(page)
        assert what_is_read(frame, page) == (False, True), page
        if page == "progress.html":
            assert shown(frame, RECORD_NOTES) == [False, True]
            assert frame.locator(".progress-table caption").inner_text() == "Your progress, page by page"
            asked: list[str] = []
            frame.page.once(
                "dialog", lambda dialog, asked=asked: (asked.append(dialog.message), dialog.dismiss())
            )
            frame.click("#progress-reset")
            assert asked and "the council's learning system" in asked[0]
    launch.leave()
    assert launch.calls()[scorm.finish] == 1
    assert launch.violations == []
    launch.close()


def test_without_an_lms_the_site_behaves_as_before_with_no_error(browser, lms):
    """Opened on its own (a web server, a memory stick), lms.js finds no API and does nothing:
    progress is kept in the browser as usual, links to other websites open as they always did,
    and nothing goes wrong."""
    url, root = lms
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    problems: list[str] = []
    context.expose_function("cspReport", lambda text: problems.append(text))
    context.add_init_script(REPORTER)
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"error: {error}"))
    page.goto(f"{url}/scorm12/{PAGE}", wait_until="load")
    answer_first_question(page)
    saved = json.loads(page.evaluate("key => localStorage.getItem(key)", KEY))
    assert saved["pages"][PAGE]["right"] == ["quiz-0"]
    assert "first" not in saved["pages"][PAGE]  # lms.js kept nothing of its own
    page.goto(f"{url}/scorm12/{page_with_a_link_out(root / 'scorm12')}", wait_until="load")
    assert page.locator(LINK_OUT).count() > 0
    assert page.locator("a[target]").count() == 0  # the site itself opens no new windows
    for address in WHERE_PROGRESS_GOES:  # nothing is sent: the pages say so, on screen and on paper
        page.goto(f"{url}/scorm12/{address}", wait_until="load")
        assert what_is_read(page, address) == (True, False), address
        page.emulate_media(media="print")
        assert shown(page, ".outside-lms") == [True] * page.locator(".outside-lms").count()
        assert not any(shown(page, ".inside-lms"))
        if address == "progress.html":
            assert shown(page, RECORD_NOTES) == [True, False]
            caption = page.locator(".progress-table caption").inner_text()
            assert caption == "Your progress, page by page (kept only in this browser)"
        page.emulate_media(media="screen")
    assert problems == []
    context.close()


# A browser that cannot keep the progress, in every page: storage switched off (null), refused
# (as a browser blocking a frame's storage does) or full (nothing can be written).
NO_STORAGE = {
    "switched-off": "Object.defineProperty(window, 'localStorage', { value: null });",
    "refused": "Object.defineProperty(window, 'localStorage', { get() {"
    " throw new DOMException('The operation is insecure.', 'SecurityError'); } });",
    "full": "Storage.prototype.setItem = function () {"
    " throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };",
}


@pytest.mark.parametrize("storage", list(NO_STORAGE))
def test_a_browser_that_cannot_keep_the_progress_keeps_the_lms_record_and_adds_to_it(browser, lms, storage):
    """The progress is then kept in memory from the LMS's record: the pages show it, what the
    member does adds to it on every page, and the LMS's record is never replaced by an empty one."""
    url, root = lms
    pages = learning_pages(root / folder(SCORM12))
    before = json.loads(finished_record(pages, 1))["p"]
    del before[PAGE]  # every other page finished
    launch = Launch(
        browser,
        url,
        SCORM12,
        record=json.dumps({"v": 1, "p": before}),
        mastery=80,
        in_every_page=NO_STORAGE[storage],
    )
    launch.page.wait_for_function("() => window.values['cmi.core.lesson_status']")
    assert json.loads(launch.values()["cmi.suspend_data"])["p"] == before
    assert launch.values()["cmi.core.lesson_status"] == "incomplete"
    other = next(page["id"] for page in pages if page["id"] != PAGE)
    mark = launch.frame.locator(f'a.learning-path__page[href="{other}"]').locator("xpath=..")
    assert mark.locator(".progress-mark").get_attribute("class").split()[-1] == "progress-mark--finished"
    launch.frame.click(f'a.learning-path__page[href="{PAGE}"]')  # another page, the same session
    answer_first_question(launch.wait_for(PAGE))
    launch.page.wait_for_function(
        "page => (window.values['cmi.suspend_data'] || '').includes(page)", arg=PAGE
    )
    launch.leave()
    after = json.loads(launch.values()["cmi.suspend_data"])["p"]
    assert {page: after[page] for page in before} == before
    assert after[PAGE][2] == "0"  # the answer, added
    assert launch.calls()["LMSFinish"] == 1
    assert launch.page.evaluate("window.API.cmi.core.lesson_status") == "incomplete"
    launch.close()


@VERSIONS
def test_answers_reach_the_lms_without_leaving_the_page(browser, lms, scorm):
    """A phone may close a page that is out of sight: an answer is committed at once (then at most
    one commit every ten seconds, the last answers included), and so is the progress when the page
    is hidden."""
    url, _ = lms
    launch = Launch(browser, url, scorm, clock=True)
    launch.frame.click(f'a.learning-path__page[href="{PAGE}"]')
    frame = launch.wait_for(PAGE)
    answer_first_question(frame)
    launch.page.wait_for_function(COMMITTED, arg="0", timeout=2000)  # at once
    answer_first_question(frame, 1)
    launch.page.clock.run_for(9_000)
    assert not launch.page.evaluate(COMMITTED, "0.1")  # not yet: the last commit was 9 s ago
    launch.page.clock.run_for(1_100)
    launch.page.wait_for_function(COMMITTED, arg="0.1", timeout=2000)  # ten seconds after the last
    # Something else changes (the page read to its end), then the member switches to another app.
    frame.evaluate(
        """([key, page]) => {
          const state = JSON.parse(localStorage.getItem(key));
          state.pages[page].read = '2026-12-06';
          localStorage.setItem(key, JSON.stringify(state));
          window.dispatchEvent(new Event('inductionprogress'));
        }""",
        [KEY, PAGE],
    )
    assert json.loads(launch.committed()["cmi.suspend_data"])["p"][PAGE][1] == 0
    frame.evaluate(
        "() => { Object.defineProperty(document, 'visibilityState', { value: 'hidden' });"
        " document.dispatchEvent(new Event('visibilitychange')); }"
    )
    assert json.loads(launch.committed()["cmi.suspend_data"])["p"][PAGE][1] == "2026-12-06"
    assert launch.calls()[scorm.finish] == 0
    launch.close()


@VERSIONS
def test_the_answer_that_finishes_a_page_is_committed_at_once(browser, lms, scorm):
    """Answers are committed at most once every ten seconds, but a page that becomes finished is
    committed straight away, the LMS's record then holding it finished, even when the last commit
    was a moment ago."""
    url, root = lms
    questions = next(page["questions"] for page in learning_pages(root / folder(scorm)) if page["id"] == PAGE)
    launch = Launch(browser, url, scorm, clock=True)
    launch.frame.click(f'a.learning-path__page[href="{PAGE}"]')
    frame = launch.wait_for(PAGE)
    answer(frame, "quiz-0", right=True)
    launch.page.wait_for_function(COMMITTED, arg="0")  # at once
    now = launch.page.evaluate("Date.now()")
    launch.page.clock.pause_at((now + 1_000) / 1_000)  # time stands still a second later
    for number in range(1, questions - 1):
        answer(frame, f"quiz-{number}", right=True)
    commits = launch.calls()[scorm.commit]
    assert launch.page.evaluate(COMMITTED, "0")  # the answers since wait for the ten seconds
    answer(frame, f"quiz-{questions - 1}", right=True)  # the last question: the page is finished
    every = ".".join(str(number) for number in range(questions))
    assert launch.page.evaluate(COMMITTED, every)
    assert launch.calls()[scorm.commit] == commits + 1
    assert launch.calls()[scorm.finish] == 0
    launch.close()


@VERSIONS
def test_in_a_frame_of_a_pop_up_window_the_site_finds_the_api_of_the_window_that_opened_it(
    browser, lms, scorm
):
    """An LMS may open the course in a pop-up window with the course in a frame there, keeping
    the API in its own window: the site looks there too (the top window's opener)."""
    url, _ = lms
    launch = Launch(browser, url, scorm, popup=True)
    launch.page.wait_for_function("status => window.values[status]", arg=scorm.status)
    assert launch.calls()[scorm.initialize] == 1
    assert launch.values()[scorm.status] == "incomplete"
    launch.leave()
    assert launch.calls()[scorm.finish] == 1
    assert launch.violations == []
    launch.close()


def test_where_memory_cannot_stand_in_for_storage_the_lms_record_is_left_as_it_is(browser, lms):
    """A browser that lets no script stand in for its storage: nothing but the time spent is sent,
    so the LMS keeps the record it had."""
    url, root = lms
    record = finished_record(learning_pages(root / folder(SCORM12)), 1)
    fixed = "Object.defineProperty(window, 'localStorage', { value: null, configurable: false });"
    launch = Launch(browser, url, SCORM12, record=record, mastery=80, in_every_page=fixed)
    launch.page.wait_for_function("() => window.values['cmi.core.session_time']")
    launch.leave()
    assert launch.calls()["LMSFinish"] == 1
    assert set(launch.values()) == {"cmi.core.session_time", "cmi.core.exit"}
    assert launch.page.evaluate("window.API.cmi.suspend_data") == record
    launch.close()


@VERSIONS
def test_a_member_who_failed_can_clear_their_progress_and_try_again(browser, lms, scorm):
    """As the trainer guide says: "Clear my progress" on My progress clears the record in the LMS
    too and first tries count again. SCORM 1.2: "incomplete" with no score until every page is
    finished again; SCORM 2004: "incomplete", and the LMS goes on judging the earlier scaled score
    (SCORM 2004 cannot take one back) until then. Then the new result replaces the old one."""
    url, root = lms
    package = root / folder(scorm)
    record = finished_record(learning_pages(package), 0.5)
    launch = Launch(browser, url, scorm, record=record, mastery=80, settings=MASTERY_OVERRIDE)
    result = "cmi.core.lesson_status" if scorm is SCORM12 else "cmi.success_status"
    launch.page.wait_for_function("result => window.values[result] === 'failed'", arg=result)
    launch.frame.evaluate("() => document.querySelector(`a[href$='progress.html']`).click()")
    frame = launch.wait_for("progress.html")
    frame.page.once("dialog", lambda dialog: dialog.accept())
    frame.click("#progress-reset")
    frame.evaluate("page => document.querySelector(`a[href$='${page}']`).click()", PAGE)
    frame = launch.wait_for(PAGE)  # the cleared record goes to the LMS as the member moves on
    launch.page.wait_for_function("status => window.values[status] === 'incomplete'", arg=scorm.status)
    values = launch.values()
    assert values[scorm.status] == "incomplete"
    if scorm is SCORM12:
        assert values["cmi.core.score.raw"] == ""  # the failed score taken back
    else:
        assert (values["cmi.success_status"], values["cmi.score.raw"]) == ("unknown", "0")
        assert launch.lms_says("cmi.success_status") == "failed"  # the earlier scaled score
    frame.evaluate(  # every page finished again, every question right at the first try
        "([key, value]) => { localStorage.setItem(key, value);"
        " window.dispatchEvent(new Event('inductionprogress')); }",
        [KEY, json.dumps(all_right(package))],
    )
    assert launch.values()[scorm.score + "raw"] == "100"
    assert launch.values()[result] == "passed"
    launch.leave()
    if scorm is SCORM12:
        assert launch.page.evaluate("window.API.cmi.core.lesson_status") == "passed"  # the LMS's own
    else:
        assert launch.page.evaluate("window.API_1484_11.cmi.success_status") == "passed"
    launch.close()


@VERSIONS
def test_clearing_progress_clears_it_in_the_lms_at_once(browser, lms, scorm):
    """My progress asks "Clear ... here and in the council's learning system?": the LMS gets the
    cleared record when the member says yes, not only when they go on to another page."""
    url, root = lms
    record = finished_record(learning_pages(root / folder(scorm)), 1.0)
    launch = Launch(browser, url, scorm, record=record)
    launch.frame.evaluate("() => document.querySelector(`a[href$='progress.html']`).click()")
    frame = launch.wait_for("progress.html")
    assert json.loads(launch.values()["cmi.suspend_data"])["p"]  # the finished record, restored
    frame.page.once("dialog", lambda dialog: dialog.accept())
    frame.click("#progress-reset")
    launch.page.wait_for_function(
        "() => !Object.keys(JSON.parse(window.values['cmi.suspend_data']).p).length"
    )
    assert launch.values()[scorm.status] == "incomplete"
    assert launch.calls()[scorm.finish] == 0
    launch.close()


# The errors the LMS records from the course's calls, from the launch on, twice over: each call
# of `names` after which its GetLastError answers an error (window.errors), and scorm-again's own
# record, every error it raises whatever the call (window.raised: its throwSCORMError, which logs
# each one as "SCORM Error 403: ...", what an administrator reads in an LMS's log).
ERRORS = """([api, names, lastError]) => {
  window.errors = [];
  window.raised = [];
  let held = null;
  Object.defineProperty(window, api, { configurable: true, get: () => held, set: (lms) => {
    const raise = lms.throwSCORMError.bind(lms);
    lms.throwSCORMError = (element, code, ...rest) => {
      window.raised.push([element || '', String(code)]);
      return raise(element, code, ...rest);
    };
    for (const name of names) {
      const real = lms[name].bind(lms);
      lms[name] = (element, value) => {
        const result = real(element, value);
        const error = String(lms[lastError]());
        if (error !== '0') window.errors.push([name, element, error]);
        return result;
      };
    }
    held = lms;
  } });
}"""


def watch_errors(scorm: Scorm, names: list[str]) -> str:
    """Launch's `before`: record the errors the LMS records (ERRORS), GetLastError after `names`."""
    last_error = "GetLastError" if scorm is SCORM2004 else "LMSGetLastError"
    return f"() => ({ERRORS})({json.dumps([scorm.api, names, last_error])})"


@VERSIONS
def test_a_first_visit_leaves_no_error_in_the_lms_but_the_empty_records(browser, lms, scorm):
    """A member's first visit (the LMS says so: cmi.entry "ab-initio", and it holds no record) to
    a package with a pass mark: nothing the site asks or sends as the session starts, nor when
    the member leaves, is an error to the LMS, neither in what GetLastError answers after each
    call nor in scorm-again's own record (an LMS may log each error), but one: SCORM 2004 answers
    the question for the record (cmi.suspend_data), which holds no value yet, with an error (403,
    "not initialised"). The site asks all the same, whatever the entry: an LMS may say
    "ab-initio" and hold a record (see the next test), and the standard has no other way to learn
    there is none. SCORM 1.2 answers with a blank, no error."""
    url, _ = lms
    names = [scorm.initialize, scorm.get_value, scorm.set_value, scorm.commit]
    launch = Launch(browser, url, scorm, mastery=80, entry="ab-initio", before=watch_errors(scorm, names))
    launch.page.wait_for_function("commit => window.calls[commit] > 0", arg=scorm.commit)
    assert launch.values()[scorm.status] == "incomplete"
    errors = [["GetValue", "cmi.suspend_data", "403"]] if scorm is SCORM2004 else []
    raised = [[element, code] for _, element, code in errors]
    assert launch.page.evaluate("[window.errors, window.raised]") == [errors, raised]
    launch.leave()
    assert launch.calls()[scorm.finish] == 1
    assert launch.page.evaluate("[window.errors, window.raised]") == [errors, raised]
    assert launch.violations == []
    launch.close()


@pytest.mark.parametrize(
    ("scorm", "entry"),
    [
        (SCORM12, "resume"),
        (SCORM12, ""),
        (SCORM12, "ab-initio"),
        (SCORM2004, "resume"),
        (SCORM2004, ""),
        (SCORM2004, "ab-initio"),
    ],
    ids=[
        "scorm12-resume",
        "scorm12-blank",
        "scorm12-ab-initio",
        "scorm2004-resume",
        "scorm2004-blank",
        "scorm2004-ab-initio",
    ],
)
def test_every_launch_restores_the_record_and_the_lms_keeps_it_whatever_the_entry(browser, lms, scorm, entry):
    """The site asks for the record whatever the LMS says of the visit: "resume", a blank (the
    standard's "anything else", and what an LMS that does not say gives) or "ab-initio", which an
    LMS may say while it holds the record of the same attempt (Moodle's SCORM 2004, and Totara's,
    say it whenever no exit was stored: after a session that ended unannounced, a phone closing
    the page). The page shows as started, and the LMS still holds the record after the commit."""
    url, _ = lms
    record = json.dumps({"v": 1, "p": {PAGE: ["2026-12-01", 0, "0", "", "0", "0"]}})
    launch = Launch(browser, url, scorm, record=record, entry=entry)
    link = launch.frame.locator(f'a.learning-path__page[href="{PAGE}"]')
    mark = link.locator("xpath=..").locator(".progress-mark")
    assert mark.get_attribute("class").split()[-1] == "progress-mark--started"
    launch.page.wait_for_function("commit => window.calls[commit] > 0", arg=scorm.commit)
    assert json.loads(launch.committed()["cmi.suspend_data"])["p"][PAGE][2] == "0"  # sent back whole
    held = launch.page.evaluate(f"window.{scorm.api}.cmi.suspend_data")
    assert json.loads(held)["p"][PAGE][2] == "0"
    launch.close()


@VERSIONS
def test_the_exit_is_suspend_from_the_first_commit(browser, lms, scorm):
    """The exit ("suspend": keep the record for the next visit) goes with every commit, not only
    when the page is left: a session that ends unannounced (a phone closing a page in the
    background, a crash, the last request lost) still leaves an exit, so the LMS resumes the
    record next time (Moodle's SCORM 2004 says "ab-initio" after a session with none)."""
    url, _ = lms
    launch = Launch(browser, url, scorm, entry="ab-initio")
    launch.page.wait_for_function("commit => window.calls[commit] > 0", arg=scorm.commit)
    assert launch.calls()[scorm.finish] == 0  # nothing left yet
    assert launch.committed()[scorm.exit] == "suspend"
    launch.close()


# The LMS cannot give the record it holds: a general failure (SCORM 1.2: 101; SCORM 2004: 301) to
# the question for cmi.suspend_data, as when its server does not answer, until the LMS's page sets
# window.readFails = false (the fault has passed). The error code is that of the last call, as in
# an LMS (the next page's "already initialised" is told as it is).
UNREADABLE = """([v, lastError, code]) => {
  let held = null;
  window.readFails = true;
  Object.defineProperty(window, v.api, { configurable: true, get: () => held, set: (lms) => {
    const realError = lms[lastError].bind(lms);
    let failed = false;
    for (const name of [v.initialize, v.get_value, v.set_value, v.commit, v.finish]) {
      const real = lms[name].bind(lms);
      lms[name] = (...args) => {
        failed = name === v.get_value && args[0] === 'cmi.suspend_data' && window.readFails;
        return failed ? '' : real(...args);
      };
    }
    lms[lastError] = () => (failed ? code : realError());
    held = lms;
  } });
}"""


# What the LMS holds in the reviewer's case: two pages other than PAGE, passed, with a score.
HELD_PAGES = ("corporate-parenting.html", "gloucestershire.html")
HELD = json.dumps({"v": 1, "p": {page: ["2026-12-01", "2026-12-01", "", "", "", ""] for page in HELD_PAGES}})


def unreadable(
    browser, url: str, scorm: Scorm, record: str = HELD, in_every_page: str | None = None
) -> Launch:
    """A launch whose LMS holds `record` (passed, score 90) but cannot give it (see UNREADABLE)."""
    last_error, code = ("GetLastError", "301") if scorm is SCORM2004 else ("LMSGetLastError", "101")
    arguments = json.dumps([asdict(scorm), last_error, code])
    before = f"() => ({UNREADABLE})({arguments})"
    return Launch(
        browser, url, scorm, record=record, score=90, passed=True, before=before, in_every_page=in_every_page
    )


@VERSIONS
def test_a_record_the_lms_could_not_give_is_never_replaced(browser, lms, scorm):
    """The LMS holds a record but fails to give it: the member sees no progress, and whatever
    the member then does (another page opened, a question answered), the record stays in the LMS
    as it was, with its status and score: nothing but the time is sent."""
    url, _ = lms
    launch = unreadable(browser, url, scorm)
    link = launch.frame.locator(f'a.learning-path__page[href="{HELD_PAGES[0]}"]')
    assert link.locator("xpath=..").locator(".progress-mark").get_attribute("class").split()[-1] == (
        "progress-mark--none"
    )
    launch.frame.click(f'a.learning-path__page[href="{PAGE}"]')
    answer_first_question(launch.wait_for(PAGE))
    launch.leave()
    assert launch.calls()[scorm.finish] == 1
    values = launch.values()
    assert re.fullmatch(scorm.time_format, values[scorm.time]), values[scorm.time]
    sent = [name for name in values if name in ("cmi.suspend_data", scorm.status, "cmi.success_status")]
    assert sent + [name for name in values if name.startswith(scorm.score)] == []
    held = ["suspend_data", "core.lesson_status", "core.score.raw"]
    if scorm is SCORM2004:
        held = ["suspend_data", "completion_status", "success_status", "score.raw"]
    lms_holds = launch.page.evaluate(
        f"names => names.map(n => n.split('.').reduce((o, k) => o[k], window.{scorm.api}.cmi))", held
    )
    status = ["passed"] if scorm is SCORM12 else ["completed", "passed"]
    assert lms_holds == [HELD, *status, "90"]
    launch.close()


@VERSIONS
def test_a_later_page_asks_again_for_the_record_and_adds_what_the_member_did_meanwhile(browser, lms, scorm):
    """The LMS failed to give its record as the session started; when the fault has passed, the
    next page the member opens reads it, and the LMS then holds its pages and what the member did
    meanwhile (PAGE opened, its first question right at the first try) and on that page."""
    url, root = lms
    launch = unreadable(browser, url, scorm)
    launch.frame.click(f'a.learning-path__page[href="{PAGE}"]')
    frame = launch.wait_for(PAGE)
    answer_first_question(frame)
    frame.wait_for_function("key => (localStorage.getItem(key) || '').includes('quiz-0')", arg=KEY)
    assert "cmi.suspend_data" not in launch.values()
    launch.page.evaluate("window.readFails = false")
    after = link_to(root / folder(scorm), PAGE, "next")
    frame.press("body", "n")
    launch.wait_for(after)
    launch.page.wait_for_function("() => window.values['cmi.suspend_data']")
    pages = json.loads(launch.values()["cmi.suspend_data"])["p"]
    assert set(pages) == {*HELD_PAGES, PAGE, after}
    assert all(pages[page][:2] == ["2026-12-01", "2026-12-01"] for page in HELD_PAGES)
    assert (pages[PAGE][2], pages[PAGE][4], pages[PAGE][5]) == ("0", "0", "0")
    assert launch.values()[scorm.status] == "incomplete"
    launch.close()


def answers_of(item: list) -> set[str]:
    """A page's saved answers in the record, one "question:right:choices" a question."""
    return set(item[3].split(";")) if item[3] else set()


@VERSIONS
def test_the_records_answers_to_other_questions_of_a_page_are_kept_when_it_is_read_later(browser, lms, scorm):
    """The LMS's record holds PAGE's first question answered; it fails to give it, and the member
    answers PAGE's second question meanwhile. When a later page reads the record, the LMS holds
    both answers: the member's for the second question added to the record's, not in place of
    all of them."""
    url, root = lms
    held = json.loads(HELD)
    held["p"][PAGE] = ["2026-12-01", 0, "0", "0:1:kept", "0", "0"]
    launch = unreadable(browser, url, scorm, record=json.dumps(held))
    launch.frame.click(f'a.learning-path__page[href="{PAGE}"]')
    frame = launch.wait_for(PAGE)
    answer_first_question(frame, 1)
    frame.wait_for_function("key => (localStorage.getItem(key) || '').includes('quiz-1')", arg=KEY)
    launch.page.evaluate("window.readFails = false")
    after = link_to(root / folder(scorm), PAGE, "next")
    frame.press("body", "n")
    launch.wait_for(after)
    launch.page.wait_for_function("() => window.values['cmi.suspend_data']")
    item = json.loads(launch.values()["cmi.suspend_data"])["p"][PAGE]
    assert "0:1:kept" in answers_of(item)
    assert {answer.split(":")[0] for answer in answers_of(item)} == {"0", "1"}
    assert (item[2], item[4], item[5]) == ("0.1", "0.1", "0.1")
    launch.close()


# The browser refuses this site's session storage (window.sessionStorage throws, as under a
# setting that blocks it) in the course's pages; its local storage works.
NO_SESSION_STORAGE = """if (location.pathname.includes('/scorm')) {
  Object.defineProperty(window, 'sessionStorage', { configurable: true, get: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  } });
}"""


@VERSIONS
def test_without_session_storage_a_record_the_lms_could_not_give_is_still_never_replaced(browser, lms, scorm):
    """The page that failed to read the record cannot leave a mark for later pages (no session
    storage): a later page takes the record as unread, so nothing but the time is sent while the
    read fails, and the record, read once the fault has passed, keeps its pages."""
    url, root = lms
    launch = unreadable(browser, url, scorm, in_every_page=NO_SESSION_STORAGE)
    launch.frame.click(f'a.learning-path__page[href="{PAGE}"]')
    frame = launch.wait_for(PAGE)
    answer_first_question(frame)
    frame.wait_for_function("key => (localStorage.getItem(key) || '').includes('quiz-0')", arg=KEY)
    frame.evaluate(  # a commit, as when the member switches to another program
        "() => { Object.defineProperty(document, 'visibilityState', { value: 'hidden' });"
        " document.dispatchEvent(new Event('visibilitychange')); }"
    )
    values = launch.values()
    assert re.fullmatch(scorm.time_format, values[scorm.time]), values[scorm.time]
    sent = [name for name in values if name in ("cmi.suspend_data", scorm.status, "cmi.success_status")]
    assert sent + [name for name in values if name.startswith(scorm.score)] == []
    launch.page.evaluate("window.readFails = false")
    after = link_to(root / folder(scorm), PAGE, "next")
    frame.press("body", "n")
    launch.wait_for(after)
    launch.page.wait_for_function("() => window.values['cmi.suspend_data']")
    assert set(json.loads(launch.values()["cmi.suspend_data"])["p"]) == {*HELD_PAGES, PAGE, after}
    launch.close()


@VERSIONS
def test_a_session_without_a_pass_mark_leaves_no_error_in_the_lms(browser, lms, scorm):
    """Without a pass mark, a SCORM 2004 LMS answers the question for it with an error ("not
    initialised"), and the standard offers no way to ask whether there is one without it (only
    the manifest sets it, and an administrator may change it in the LMS): the site asks once,
    when the session starts, not at every save (an LMS may log each one). SCORM 1.2 answers with a
    blank, no error. (SCORM 2004 also answers the question for the record, empty on a first
    visit, with the same error: see test_a_first_visit_leaves_no_error_in_the_lms_but_the_empty_records.)"""
    url, _ = lms
    names = [scorm.get_value, scorm.set_value, scorm.commit]
    launch = Launch(browser, url, scorm, entry="ab-initio", before=watch_errors(scorm, names))
    launch.frame.click(f'a.learning-path__page[href="{PAGE}"]')
    frame = launch.wait_for(PAGE)
    answer_first_question(frame)
    answer_first_question(frame, 1)
    frame.evaluate(
        "() => { Object.defineProperty(document, 'visibilityState', { value: 'hidden' });"
        " document.dispatchEvent(new Event('visibilitychange')); }"
    )
    launch.leave()
    assert launch.calls()[scorm.finish] == 1
    errors = launch.page.evaluate("window.errors")
    if scorm is SCORM2004:  # once, as the session starts: no record yet, no pass mark (the standard's way)
        assert errors == [
            ["GetValue", "cmi.suspend_data", "403"],
            ["GetValue", "cmi.scaled_passing_score", "403"],
        ]
    else:
        assert errors == []
    # scorm-again's own record has those and one more: "already initialised" (SCORM 1.2: 101,
    # SCORM 2004: 103) as the next page starts the session again, which is how the site learns
    # that the session goes on (the API has no way to ask that without an error).
    again = "101" if scorm is SCORM12 else "103"
    raised = [[element, code] for _, element, code in errors] + [["api", again]]
    assert launch.page.evaluate("window.raised") == raised
    launch.close()
