"""Export time compared with a plain strict build of the same content, and the zip's size.

Runs, in turn, `mkdocs build --strict` (the hosted site) and `python -m export` (the offline
site, zip, the two packages for a learning management system, handout and trainer pack with
their large-print versions, and the Essentials handout: eight files), each as a trainer runs it
from the command line, a few times, and prints the median times, their ratio and the zip's size.
A measurement, not a test: the figures depend on the machine and on what else it is doing.
Targets (issues 7 and 20): export at most 3x the plain build; zip under 10 MB.

    python3 benchmarks/export.py [--runs 3] [--project PATH]   (from the repository root)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout}{result.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--project", type=Path, default=ROOT)
    args = parser.parse_args()
    project = args.project.resolve()
    builds, exports, lean = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        dist, lean_dist = Path(tmp) / "dist", Path(tmp) / "dist-lean"
        for run in range(1, args.runs + 1):
            site = Path(tmp) / f"site-{run}"
            builds.append(
                timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], project)
            )
            export = [sys.executable, "-m", "export", "--project", str(project), "--dist", str(dist)]
            exports.append(timed(export, ROOT))
            lean.append(timed([*export[:-1], str(lean_dist), "--no-large-print"], ROOT))
            print(
                f"run {run}: build {builds[-1]:.1f} s, export {exports[-1]:.1f} s, "
                f"export without large print {lean[-1]:.1f} s",
                flush=True,
            )
        zip_file = next(dist.glob("member-induction-offline-*.zip"))
        zip_size = zip_file.stat().st_size
        pdfs = {p.name: p.stat().st_size for p in dist.glob("*.pdf")}
    build, export_time, lean_time = (statistics.median(x) for x in (builds, exports, lean))
    print()
    print(f"load average at the end (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"plain strict build (median of {args.runs}):  {build:.1f} s")
    print(f"export, all eight files:            {export_time:.1f} s  = {export_time / build:.1f}x the build")
    print(f"export without large print:         {lean_time:.1f} s  = {lean_time / build:.1f}x the build")
    print(f"zip of the offline site:            {zip_size / 1_000_000:.1f} MB ({zip_file.name})")
    for name, size in sorted(pdfs.items()):
        print(f"  {name}: {size / 1_000_000:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
