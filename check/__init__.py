"""The content check for trainers: `nox -s check` (or `python -m check`).

It reads every page and data file, builds the site once in a temporary folder, and prints one
report a trainer can read: for each page its review status, reading level, glossary terms used
but not defined, self-check questions, images without alt text, figures without a date and
broken links. Each problem names the file and line to change and says what to write instead.
The same report is written as an HTML page (reports/content-check.html).

It exits with status 1 only when there are errors (things that stop the strict build or that a
learner must not see); warnings are advice.

- `check/content.py`: pure functions, one per check, that the tests call directly.
- `check/report.py`: runs them over the project, builds the site, prints and writes the report.
"""

from __future__ import annotations
