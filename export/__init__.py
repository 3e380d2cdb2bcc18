"""The offline export for briefing sessions: `nox -s export` (or `python -m export`).

It builds the site for the file system (mkdocs-offline.yml), zips it for a USB stick, and prints
a handout (every learning page, self-checks as worksheets, glossary) and a trainer pack (answer
key and trainer-only notes) as A4 PDFs, with large-print versions. See README.md.

- `export/pipeline.py`: the stages, the progress messages and the move into dist/.
- `export/documents.py`: pure functions that turn the built pages into the handout and the
  trainer pack (quiz questions read from the built HTML, links made to work inside one PDF).
- `export/templates/`: the Jinja2 templates and the print stylesheet of the two documents.
"""
