"""`python -m export`: make the offline export (see export/pipeline.py, or run with --help)."""

from export.pipeline import main

raise SystemExit(main())
