"""Lighthouse scores (mobile) for the home page and a long service page.

Builds the site, serves it on 127.0.0.1, and runs Lighthouse (pinned in
benchmarks/lighthouse/package.json, installed with `npm ci` there) with Debian's Chromium,
several times per page, and prints each run's accessibility and performance scores and main
timings, with the median. This is a measurement, not a test: the figures depend on the machine.
The local server compresses files (gzip) as a real web host does (each file compressed once,
before serving). Targets: accessibility 100, performance >= 95.

Lighthouse's mobile setting slows the CPU down 4 times, which is meant to turn a fast desktop
(Lighthouse "benchmark index" about 1,500) into a mid-range phone. Lighthouse's documentation
(docs/throttling.md, "Calibrating the CPU slowdown") says to lower the multiplier on a slower
machine, using its CPU throttling calculator: 800 -> 2x, 1,300 -> 3x, 1,533 -> 4x, in straight
lines between. So each page is measured twice: with the default 4x, and with the multiplier
calibrated from the benchmark index of this machine (the median of the default runs).

    python3 benchmarks/lighthouse.py                  (from the repository root, with the build venv)
    python3 benchmarks/lighthouse.py --runs 5         (runs per page and setting; default 3)
    python3 benchmarks/lighthouse.py --reports DIR    (also keep every run's full JSON report)
"""

from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import shutil
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "benchmarks" / "lighthouse"
PAGES = {"home page": "", "long service page (child protection)": "services/child-protection/"}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def main() -> int:
    reports = Path(sys.argv[sys.argv.index("--reports") + 1]) if "--reports" in sys.argv else None
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    if not (TOOL / "node_modules" / "lighthouse").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=TOOL, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
            cwd=ROOT,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        compressed = precompress(site)
        handler = partial(GzipHandler, compressed, directory=str(site))
        with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
            threading.Thread(target=server.serve_forever, daemon=True).start()
            base = f"http://127.0.0.1:{server.server_address[1]}/"
            default = measure(base, runs, DEFAULT_SLOWDOWN, Path(tmp), reports)
            index = statistics.median(
                r["environment"]["benchmarkIndex"] for rs in default.values() for r in rs
            )
            slowdown = calibrated_slowdown(index)
            print(
                f"Benchmark index of this machine (median): {index:.0f}; calibrated slowdown {slowdown:.1f}x"
            )
            calibrated = measure(base, runs, slowdown, Path(tmp), reports)
            server.shutdown()
    header = (
        "page",
        "CPU",
        "access.",
        "perf. (each run)",
        "median",
        "no *",
        "FCP ms",
        "LCP ms",
        "TBT ms",
        "CLS",
    )
    print(
        f"{header[0]:38}{header[1]:>6}{header[2]:>9}  {header[3]:18}" + "".join(f"{h:>8}" for h in header[4:])
    )
    for results, setting in ((default, DEFAULT_SLOWDOWN), (calibrated, slowdown)):
        for label, reports_of_page in results.items():
            print_row(label, setting, reports_of_page)
    print(
        "* the page had finished loading before headless Chromium painted it (its first paint came\n"
        "  about a second late: Chromium holds back frames from a page that was busy; Lighthouse\n"
        "  issue 17148). Lighthouse's simulation then adds that delay to the paint timings."
    )
    return 0


def late_first_paint(report: dict) -> bool:
    """True when the run's real (unthrottled) first paint came after the page's load event."""
    observed = report["audits"]["metrics"]["details"]["items"][0]
    return observed["observedFirstContentfulPaint"] > observed["observedLoad"]


DEFAULT_SLOWDOWN = 4.0


def calibrated_slowdown(benchmark_index: float) -> float:
    """The CPU slowdown that Lighthouse's throttling calculator gives for this benchmark index:
    straight lines through 800 -> 2x, 1,300 -> 3x and 1,533 -> 4x (the default), kept to 2x-6x."""
    if benchmark_index >= 1300:
        multiplier = 3 + (benchmark_index - 1300) / 233
    else:
        multiplier = 2 + (benchmark_index - 800) / 500
    return round(min(max(multiplier, 2.0), 6.0), 1)


def measure(base: str, runs: int, slowdown: float, tmp: Path, reports: Path | None) -> dict[str, list]:
    results: dict[str, list] = {}
    for label, path in PAGES.items():
        for number in range(runs):
            report = run_lighthouse(base + path, tmp / "report.json", slowdown)
            results.setdefault(label, []).append(report)
            if reports:
                reports.mkdir(parents=True, exist_ok=True)
                name = path.strip("/").replace("/", "-") or "home"
                shutil.copy(tmp / "report.json", reports / f"{name}-{slowdown:g}x-{number + 1}.json")
    return results


def print_row(label: str, slowdown: float, reports: list[dict]) -> None:
    def median(audit: str) -> float:
        return statistics.median(r["audits"][audit]["numericValue"] for r in reports)

    access = min(r["categories"]["accessibility"]["score"] * 100 for r in reports)
    perf = [round(r["categories"]["performance"]["score"] * 100) for r in reports]
    runs = ", ".join(
        f"{score}{'*' if late_first_paint(r) else ''}" for score, r in zip(perf, reports, strict=True)
    )
    painted = [score for score, r in zip(perf, reports, strict=True) if not late_first_paint(r)]
    prompt = f"{statistics.median(painted):.0f}" if painted else "-"  # median of the runs without *
    print(
        f"{label:38}{slowdown:5.1f}x{access:9.0f}  {runs:18}"
        f"{statistics.median(perf):8.0f}{prompt:>8}{median('first-contentful-paint'):8.0f}"
        f"{median('largest-contentful-paint'):8.0f}{median('total-blocking-time'):8.0f}"
        f"{median('cumulative-layout-shift'):8.3f}"
    )
    for report in reports:
        audits = ACCESSIBILITY_AUDITS(report)
        failed = [a["id"] for a in report["audits"].values() if a.get("score") == 0 and a["id"] in audits]
        if failed:
            print(f"    accessibility audits failing: {', '.join(failed)}")


def precompress(site: Path) -> dict[Path, bytes]:
    """Every file of the site, gzip-compressed once before serving, as a web host or CDN keeps
    them: compressing on each request would add the server's own time to every response."""
    return {path: gzip.compress(path.read_bytes(), 6) for path in site.rglob("*") if path.is_file()}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the browser accepts it, as any real web host does."""

    def __init__(self, compressed: dict[Path, bytes], *args, **kwargs):
        self.compressed = compressed
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = self.compressed.get(path) or gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def ACCESSIBILITY_AUDITS(report: dict) -> set[str]:  # noqa: N802 - reads like a constant
    return {ref["id"] for ref in report["categories"]["accessibility"]["auditRefs"]}


def run_lighthouse(url: str, out: Path, slowdown: float) -> dict:
    cli = TOOL / "node_modules" / ".bin" / "lighthouse"
    subprocess.run(
        [
            str(cli),
            url,
            "--quiet",
            "--form-factor=mobile",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=accessibility,performance",
            f"--throttling.cpuSlowdownMultiplier={slowdown:g}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
    )
    return json.loads(out.read_text())


if __name__ == "__main__":
    sys.exit(main())
