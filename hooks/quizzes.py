"""MkDocs hook: self-check quizzes. Trainers write questions in `quizzes/*.yml`; each page shows its own.

Each build reads and checks every quiz file (on_config), adds the trainers' answer key page and
checks the quiz text for acronyms the glossary does not explain (on_files), checks every page in
the menu has a quiz (on_nav), puts each page's self-check in the page's Markdown conversion
(on_page_markdown: the SelfCheck extension writes it), and adds the settings and script for
mkdocs-quiz's script after it (on_page_content). The rules are in induction/quizzes.py (follow the
import).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from induction.common import DataError, read_source
from induction.front_matter import body_line_offset
from induction.glossary import GlossaryExtension
from induction.quizzes import (
    ANSWER_KEY,
    QUIZ_SCRIPT,
    QUIZ_SETTINGS_SCRIPT,
    QuizBuild,
    Setup,
    add_quiz,
    check_no_answer_key_file,
    check_no_quiz_markup,
    check_pages_exist,
    check_required,
    page_quiz_settings,
    slugify_for,
    upstream_script,
)

build = QuizBuild()  # this build's quizzes, made afresh by on_config (`mkdocs serve` keeps the module)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global build
    root = Path(config.config_file_path).parent
    build = QuizBuild.load(root, config.extra.get("quizzes"), config.plugins)
    config.markdown_extensions.append(build.self_check)  # writes each page's self-check
    # each page's number of questions, for the learning path and progress marks (hooks/learning_path.py)
    config.extra["quiz_questions"] = {quiz.page: len(quiz.questions) for quiz in build.quizzes.values()}
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # read here, once hooks/quiz_interface_text.py has checked the interface text (on_config)
    root, language = Path(config.config_file_path).parent, config.theme.get("language")
    build.setup = Setup.read(config.plugins["mkdocs_quiz"].config, root, language)
    pages = {file.src_uri: file for file in files.documentation_pages()}
    check_pages_exist(list(build.quizzes.values()), set(pages))
    check_no_answer_key_file(files.get_file_from_path(ANSWER_KEY) is not None)
    build.check_facts(config.extra.get("facts"))  # at each text's own line, before the answer key
    sources = {src: pages[src].content_string for src in build.quizzes}
    key = build.answer_key(sources, config.nav, slugify_for(config), config.extra.get("facts"))
    files.append(File.generated(config, ANSWER_KEY, content=key, inclusion=InclusionLevel.NOT_IN_NAV))
    glossaries = [e.glossary for e in config.markdown_extensions if isinstance(e, GlossaryExtension)]
    for glossary in glossaries:  # with hooks/glossary.py on, quiz text is checked here, at its lines
        build.check_words(glossary, config.extra.get("facts"))
    if build.quizzes:
        files.append(File.generated(config, QUIZ_SCRIPT, content=upstream_script()))
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    nav_pages = [page.file.src_uri for page in nav.pages]
    check_required(nav_pages, set(build.quizzes), build.require, build.not_needed)
    return nav


@event_priority(50)  # before mkdocs-quiz reads the page (hooks otherwise run after every plugin)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    src, path = page.file.src_uri, page.file.abs_src_path
    offset = body_line_offset(read_source(path)) if path else 0  # front matter lines, for errors
    quiz = build.quizzes.get(src)
    check_no_quiz_markup(markdown, f"docs/{src}", offset, has_quiz=quiz is not None)
    # mkdocs-quiz: hands off every page (a page's quiz: front matter cannot switch it on again)
    page.meta["quiz"] = {**page_quiz_settings(page.meta), "enabled": False}
    if quiz is None:
        return markdown
    options = build.setup.page_options(page.meta)
    facts = config.extra.get("facts")
    slot = build.self_check.slot
    markdown, shown = add_quiz(markdown, quiz, slugify_for(config), facts, f"docs/{src}", slot, offset)
    build.self_check.start(shown, options, build.setup)
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri not in build.quizzes:
        return html
    if build.self_check.placed != 1:  # its slot went into raw HTML, which is published as typed
        raise DataError(
            f"docs/{page.file.src_uri}",
            None,
            "the self-check could not be placed in the page (is its <!-- quiz --> line inside HTML?)",
            "put the <!-- quiz --> line on a line of its own, outside any HTML block",
        )
    script = get_relative_url(QUIZ_SCRIPT, page.file.url)
    settings = get_relative_url(QUIZ_SETTINGS_SCRIPT, page.file.url)
    return html + "\n" + build.setup.settings_html(build.self_check.options, settings, script)
