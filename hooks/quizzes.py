"""MkDocs hook: self-check quizzes. Trainers write questions in `quizzes/*.yml`; each page shows its own.

Each build reads and checks every quiz file (on_config), adds the trainers' answer key page and
checks the quiz text for acronyms the glossary does not explain (on_files), checks every page in
the menu has a quiz (on_nav), writes each page's quiz as mkdocs-quiz blocks before mkdocs-quiz
reads the page (on_page_markdown), and finishes the quiz mkdocs-quiz wrote (on_page_content).
The rules are in induction/quizzes.py (follow the import).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from induction.common import read_source
from induction.front_matter import body_line_offset
from induction.glossary import GlossaryExtension
from induction.quizzes import (
    ANSWER_KEY,
    QUIZ_SCRIPT,
    QUIZ_SETTINGS_SCRIPT,
    QuizBuild,
    add_quiz,
    check_no_answer_key_file,
    check_no_quiz_markup,
    check_pages_exist,
    check_required,
    finish_quiz_html,
    slugify_for,
    upstream_script,
)

build = QuizBuild()  # this build's quizzes, made afresh by on_config (`mkdocs serve` keeps the module)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global build
    root = Path(config.config_file_path).parent
    build = QuizBuild.load(root, config.extra.get("quizzes"), config.plugins)
    # each page's number of questions, for the learning path and progress marks (hooks/learning_path.py)
    config.extra["quiz_questions"] = {quiz.page: len(quiz.questions) for quiz in build.quizzes.values()}
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
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
    if quiz is None:
        check_no_quiz_markup(markdown, f"docs/{src}", offset)
        return markdown
    settings = page.meta.get("quiz") if isinstance(page.meta.get("quiz"), dict) else {}
    page.meta["quiz"] = {**settings, "enabled": True}  # mkdocs-quiz on for this page only
    facts = config.extra.get("facts")
    return add_quiz(markdown, quiz, slugify_for(config), facts, f"docs/{src}", offset)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    quiz = build.quizzes.get(page.file.src_uri)
    if quiz is None:
        return html
    script = get_relative_url(QUIZ_SCRIPT, page.file.url)
    settings = get_relative_url(QUIZ_SETTINGS_SCRIPT, page.file.url)
    return finish_quiz_html(html, f"docs/{page.file.src_uri}", len(quiz.questions), script, settings)
