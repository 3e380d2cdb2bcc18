"""`python -m check`: the content report for trainers (see check/report.py, or run with --help)."""

from check.report import main

raise SystemExit(main())
