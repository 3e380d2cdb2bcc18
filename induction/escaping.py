"""Titles and front matter show as text: nothing a trainer types there can run in a reader's browser.

Material's templates write a page's title, description and other front matter, and the titles in
the menu (`nav:` in mkdocs.yml), without escaping them: MkDocs runs Jinja with autoescape off,
because the page body and its contents list are HTML. So hooks/escaping.py, with the rules
here:

- It fails the build when a front matter value or a menu title holds `<` or `>`. There is no
  HTML to write in a title, and Material's `<title>` runs the page title through `striptags`,
  which would turn an escaped `&lt;script&gt;` back into a tag.
  The site's name, description and author in mkdocs.yml, which Material also writes into every
  page as they are, may not hold `<`, `>` or `"` either (they are not escaped: the offline
  export uses the same settings as plain text).
- Material also writes the copyright into every page as HTML (on purpose, for a link), and loads
  the files named by extra_javascript, extra_css, extra.polyfills and the theme's logo and
  favicon from every page. The copyright meets the same sanitiser and allowlist as a page's own
  HTML (hooks/safe_html.py); those addresses must be files of the site: no scheme, no `//`.
  Under `extra:` only the site's own settings may be written (EXTRA_KEYS): Material writes its
  own there (`alternate`, `social`, `homepage`, `analytics`, `consent`) into every page as they
  are, and the site uses none of them.
  A link in the menu may go where a link in a page may (https, mailto:, tel:, the site), never
  to `javascript:` or `data:`.
- It stops the build when hooks/csp.py, hooks/safe_html.py or hooks/safe_files.py is missing from
  `hooks:`: without them the build would pass with nothing checked (overrides/main.html then
  writes a policy that allows nothing, never an empty one).
- Just before the templates run (`on_env`, after every page is converted), it turns each front
  matter text, each page title and each menu title into escaped `Markup`: the templates' plain
  `{{ }}` then write "Children &amp; families", and their `| e` leaves it as it is. What makes
  HTML of titles earlier (the learning path's table) still gets plain text and escapes it itself;
  the glossary's "Used on" is Markdown, which shows a title as typed (induction.text).

Data files (contacts, people, sources, glossary) are escaped where they are written: by
overrides/main.html (`| e`), induction/facts.py and induction/glossary.py (as Markdown that shows
them as typed).
"""

from __future__ import annotations

from pathlib import Path

import yaml
from markupsafe import escape

from induction.common import DataError, compose, read_source, relative_display
from induction.front_matter import front_matter_line
from induction.nav import nav_entries, nav_items, settings_chain
from induction.safe_html import TYPED, html_problems, url_problem
from induction.versions import require

require(
    "mkdocs",
    ">=1.6.1,<1.7",
    "induction/escaping.py's reading of a page's own title from the page object's attributes "
    "(vars(page)['title'], set when nav: names one) and of config.hooks as a mapping of loaded modules",
)


def check_hooks(config) -> None:
    """Stop the build when hooks: leaves out a hook without which nothing would be checked."""
    config_file = Path(config.config_file_path)
    names = [Path(getattr(module, "__file__", "") or name).name for name, module in config.hooks.items()]
    missing = missing_hooks(names)
    if missing:
        lines = setting_lines(read_source(config_file))
        raise DataError(
            relative_display(config_file, config_file.parent),
            lines.get("hooks"),
            f"hooks: does not list hooks/{missing}",
            f"put back the line - hooks/{missing} under hooks:; {REQUIRED_HOOKS[missing]}",
        )


def check_menu_and_settings(nav, config) -> None:
    """The menu's titles and links, and the settings Material writes into every page."""
    config_file = Path(config.config_file_path)
    path = nav_file(config_file)
    display = relative_display(path, config_file.parent)
    title_lines = nav_title_lines(read_source(path))
    check_titles(nav_titles(nav.items), title_lines, display)
    check_menu_links(nav_links(nav.items), title_lines, display)
    settings = page_settings(config)
    for settings_file in dict.fromkeys((config_file, path)):  # the offline copy's, then mkdocs.yml
        text = read_source(settings_file)
        settings_display = relative_display(settings_file, config_file.parent)
        check_settings(config, setting_lines(text), settings_display)
        check_extra_keys(extra_key_lines(text), settings_display)
        check_page_settings(settings, setting_value_lines(text), settings_display)
    check_page_settings(settings, None, relative_display(config_file, config_file.parent))  # set elsewhere


def escape_menu_titles(menu) -> None:
    """Each section's and link's title in the menu becomes escaped Markup (a page's title is the
    page's own, escaped by escape_pages once it is final)."""
    for item in nav_items(menu):
        if not item.is_page and item.title is not None:  # a section or a link
            item.title = as_text(item.title)


def escape_pages(pages) -> None:
    """Every page has been converted and the templates run next: each page's front matter and
    title become escaped Markup."""
    for page in pages:
        escape_page(page)


def escape_page(page) -> None:
    """The page's front matter text and its title as escaped Markup (a title from the menu is
    kept on the page itself; otherwise MkDocs reads it from the front matter)."""
    page.meta = as_text(page.meta)
    if "title" in vars(page) and page.title is not None:
        page.title = as_text(page.title)


def as_text(value):
    """`value` with every string in it (inside lists and mappings too) as escaped Markup, which
    Jinja writes as it is and `| e` does not escape again."""
    if isinstance(value, str):
        return escape(value)  # Markup already escaped stays as it is
    if isinstance(value, dict):
        return {key: as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_text(item) for item in value]
    return value


def check_front_matter_text(front: dict, raw: str, display: str) -> None:
    """Stop at the first text in a page's front matter that holds `<` or `>`. `raw` is the page
    file's text, for the line; `display` its path for the message."""
    for path, text in _strings(front):
        char = _markup_char(text)
        if char:
            name = ".".join(step for step in path if isinstance(step, str))  # hide, not hide.1
            raise DataError(
                display,
                front_matter_line(raw, *path),
                f"the {name} contains '{char}'",
                "write plain text: no HTML in front matter",
            )


def check_titles(titles, lines: dict[str, int], display: str) -> None:
    """Stop at the first menu title that holds `<` or `>`; `lines` gives each title's line."""
    for title in titles:
        char = _markup_char(title)
        if char:
            raise DataError(
                display,
                lines.get(title),
                f"the menu title '{title}' contains '{char}'",
                "write plain text: no HTML in the menu titles in mkdocs.yml",
            )


def check_settings(config, lines: dict[str, int], display: str) -> None:
    """Stop at a site setting written in `display` (`lines`: its keys and their lines) that holds
    `<`, `>` or `"`: Material writes these into every page, in text and attributes, as they are."""
    for key in SETTINGS:
        char = _markup_char(config.get(key) or "", '<>"') if key in lines else None
        if char:
            raise DataError(
                display,
                lines[key],
                f"{key} contains '{char}'",
                "write plain text: no HTML and no double quotes in the site's name, description and author",
            )


def check_extra_keys(lines: dict[str, int], display: str) -> None:
    """Stop at a key under `extra:` in `display` (`lines`: each key there and its line) that is
    not one of EXTRA_KEYS. Material writes many of its own (`alternate`, `social`, `homepage`,
    `analytics`, `consent`) into every page as they are, as HTML and in attributes, so a value
    there could put script or a redirect on every page; this site uses none of them."""
    for key, line in lines.items():
        if key not in EXTRA_KEYS:
            raise DataError(
                display,
                line,
                f"extra: has '{key}', which is not a setting of this site, and the theme may write it "
                "into every page as it is",
                f"take it out: the settings under extra: are {', '.join(EXTRA_KEYS[:-1])} and "
                f"{EXTRA_KEYS[-1]}, and a new one is a developer's change",
            )


def extra_key_lines(config_text: str) -> dict[str, int]:
    """Each key under the top-level `extra:` of a settings file, and its line."""
    extra = _keys(_compose(config_text)).get("extra")
    return {key.value: key.start_mark.line + 1 for key, _ in _entries(extra)}


def missing_hooks(names) -> str | None:
    """The first hook the site's safety needs that is not among `names` (file names of the hooks
    loaded), or None."""
    return next((hook for hook in REQUIRED_HOOKS if hook not in names), None)


def check_menu_links(links, lines: dict[str, int], display: str) -> None:
    """Stop at the first menu link (title, address) whose address a page's link could not have:
    `javascript:`, `data:` and the like (https, mailto: and tel: are fine)."""
    for title, url in links:
        found = url_problem("a", "href", url)
        if found:
            problem, expected = found
            raise DataError(display, lines.get(title), f"the menu link '{title}': {problem}", expected)


def nav_links(items):
    """(title, address) of every link in the menu that is not one of the site's pages."""
    for item in nav_items(items):
        if getattr(item, "is_link", False):
            yield str(item.title), str(item.url)


def page_settings(config) -> list[tuple[str, str]]:
    """(setting, value) for each setting Material writes into every page as it is: the copyright
    (as HTML), and the addresses of the files every page loads (scripts, stylesheets, the logo,
    the browser tab's icon)."""
    theme, extra = config.get("theme"), config.get("extra") or {}
    found = [("copyright", config.get("copyright") or "")]
    for name, values in (
        ("extra_javascript", config.get("extra_javascript")),
        ("extra_css", config.get("extra_css")),
        ("extra.polyfills", extra.get("polyfills")),
        ("theme.logo", theme["logo"] if theme and "logo" in theme else None),
        ("theme.favicon", theme["favicon"] if theme and "favicon" in theme else None),
    ):
        for value in values if isinstance(values, list) else [values]:
            # extra_javascript: {path: ..., type: module}, which MkDocs reads into an object
            value = value.get("path") if isinstance(value, dict) else getattr(value, "path", value)
            if isinstance(value, str) and value:
                found.append((name, value))
    return found


def check_page_settings(settings, lines: dict[tuple[str, str], int] | None, display: str) -> None:
    """Stop at the first of `settings` ((setting, value), from page_settings) written in `display`
    that could run script or load a file from another website. `lines` (setting_value_lines)
    gives the line of each setting and value in that file; None checks them all, with no line."""
    for name, value in settings:
        line = None if lines is None else lines.get((name, value)) or lines.get((name, ""))
        if lines is not None and line is None:
            continue  # not written in this file
        if name == "copyright":
            problems = html_problems(value, TYPED)
            if problems:
                _, problem, expected = problems[0]
                raise DataError(display, line, f"copyright: {problem}", expected)
        elif url_problem("link", "src", value):  # any scheme, or //elsewhere: not a file of the site
            raise DataError(
                display,
                line,
                f"{name} '{value}' is not a file of this site",
                "copy the file into docs/ and write its path from there, such as stylesheets/extra.css",
            )


def setting_value_lines(config_text: str) -> dict[tuple[str, str], int]:
    """The lines of the settings page_settings reads, in a settings file: (setting, "") is the
    setting's own line, (setting, value) the line of each value written under it."""
    root = _compose(config_text)
    lines: dict[tuple[str, str], int] = {}
    for name in PAGE_SETTINGS:
        node, key = root, None
        for step in name.split("."):
            key, node = next(((k, v) for k, v in _entries(node) if k.value == step), (None, None))
        if key is None:
            continue
        lines[(name, "")] = key.start_mark.line + 1
        for item in node.value if isinstance(node, yaml.SequenceNode) else [node]:
            item = _keys(item).get("path", item)  # extra_javascript: {path: ..., type: module}
            if isinstance(item, yaml.ScalarNode):
                lines.setdefault((name, item.value), item.start_mark.line + 1)
    return lines


def setting_lines(config_text: str) -> dict[str, int]:
    """Each top-level key of a settings file and its line."""
    node = _compose(config_text)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in node.value if isinstance(key, yaml.ScalarNode)}


def nav_titles(items):
    """Every title the menu sets: sections, links, and pages given a title in `nav:`."""
    for item in nav_items(items):
        title = vars(item).get("title") if item.is_page else item.title
        if isinstance(title, str):
            yield title


def nav_file(config_file: Path) -> Path:
    """The file whose `nav:` the build uses: this one, or the one it INHERITs (the offline copy's
    settings inherit mkdocs.yml's menu)."""
    last = config_file
    for path, _, node in settings_chain(config_file):
        if "nav" in _keys(node):
            return path
        last = path
    return last


def nav_title_lines(config_text: str) -> dict[str, int]:
    """Each title written under `nav:` and the line it is first written on."""
    lines: dict[str, int] = {}
    for key, _ in nav_entries(_keys(_compose(config_text)).get("nav")):
        if key is not None:
            lines.setdefault(key.value, key.start_mark.line + 1)
    return dict(sorted(lines.items(), key=lambda item: item[1]))


def _strings(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _markup_char(text: str, chars: str = "<>") -> str | None:
    return next((char for char in text if char in chars), None)


def _compose(text: str):
    """The shape of a settings file, as YAML nodes (None when it cannot be read): composing makes
    no values, so MkDocs' own tags (`!relative`, `!ENV`) need no constructor here."""
    try:
        return compose(text)
    except yaml.YAMLError:
        return None


def _keys(node) -> dict:
    return {key.value: value for key, value in _entries(node)}


def _entries(node) -> list:
    if not isinstance(node, yaml.MappingNode):
        return []
    return [(key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)]


SETTINGS = ("site_name", "site_description", "site_author")  # Material writes these unescaped
# The settings under extra: that this site reads (the hooks add others, such as facts and csp, as
# the build runs); the theme's own (alternate, social, homepage, analytics, consent) are refused.
EXTRA_KEYS = ("generator", "essentials", "quizzes", "lms", "polyfills")
# Hooks that keep readers safe: without them the build would still pass, with nothing checked.
REQUIRED_HOOKS = {
    "safe_html.py": "it stops script and files from other websites in pages",
    "safe_files.py": "it stops script and files from other websites in pictures and style sheets",
    "csp.py": "it gives every page the site's security policy",
}
# Material writes these into every page as they are: the copyright as HTML, the rest as addresses.
PAGE_SETTINGS = (
    "copyright",
    "extra_javascript",
    "extra_css",
    "extra.polyfills",
    "theme.logo",
    "theme.favicon",
)
