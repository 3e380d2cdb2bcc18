"""A menu entry (mkdocs.yml `nav:`) for a page that is not there: MkDocs only warns, with no line
and no advice ("A reference to 'services/fosterin.md' is included in the 'nav' configuration,
which is not found in the documentation files"); the build now stops at the entry's line and
names the page it most likely means (induction.nav.missing_nav_pages, hooks/pages.py)."""

from __future__ import annotations

import pytest
import yaml

from conftest import copy_project, run_build
from induction.nav import missing_nav_pages
from test_glossary_lines import plant

PAGES = {"index.md", "services/fostering.md", "contacts.md"}


def settings(*texts: str):
    return [(f"file{n}.yml", yaml.compose(text)) for n, text in enumerate(texts)]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            [
                "site_name: A\nnav:\n  - Home: index.md\n  - Services:\n"
                "      - Fostering: services/fosterin.md\n"
            ],
            [("file0.yml", 5, "services/fosterin.md", "services/fostering.md")],
        ),
        (
            ["nav:\n  - index.md\n  - Adoption: services/adoption.md\n"],
            [("file0.yml", 3, "services/adoption.md", None)],
        ),
        # the first file with a nav: (mkdocs-offline.yml inherits mkdocs.yml's)
        (
            ["INHERIT: mkdocs.yml\n", "nav:\n  - Contact: contact.md\n"],
            [("file1.yml", 2, "contact.md", "contacts.md")],
        ),
        # pages that are there, addresses and other files are left alone
        (["nav:\n  - index.md\n  - Council: https://example.invalid/x.md\n  - Files: files/\n"], []),
        (["site_name: A\n"], []),
        (
            ["nav:\n  - ./index.md\n  - Fostering: services/../services/fostering.md\n"],
            [],
        ),  # as MkDocs reads them
    ],
)
def test_a_menu_entry_for_a_missing_page_is_named_at_its_line(texts, expected):
    assert list(missing_nav_pages(settings(*texts), PAGES)) == expected


@pytest.mark.build
def test_a_misspelt_menu_entry_stops_the_real_build_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    line = plant(project, "mkdocs.yml", "services/fostering.md", "services/fosterin.md")
    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert (
        f"mkdocs.yml:{line}: the menu (nav:) lists 'services/fosterin.md', but there is no page "
        "docs/services/fosterin.md (write 'services/fostering.md' if that is the page you mean)"
    ) in build.output, build.output
    assert not list((tmp_path / "site").rglob("*.html")), "a failed build wrote pages"
