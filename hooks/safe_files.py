"""MkDocs hook: the files under docs/ that MkDocs publishes as they are (pictures, style sheets)
cannot run script in a reader's browser or make it fetch anything from another website.

The build stops at the first unsafe file, naming it; the rules are in induction/safe_files.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from induction.common import DataError
from induction.safe_files import file_problem, link_problem


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    docs, root = Path(config.docs_dir), Path(config.config_file_path).parent
    for file in files:
        if file.abs_src_path:
            path = Path(file.abs_src_path)
            problem = link_problem(path, docs, root)
            if not problem and path.is_relative_to(docs) and not file.is_documentation_page():
                problem = file_problem(file.src_uri, path)
            if problem:
                raise DataError(*problem)
    return files
