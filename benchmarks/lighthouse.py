"""Lighthouse scores (mobile) for the home page and a long service page.

Builds the site, serves it on 127.0.0.1, and runs Lighthouse (pinned in
benchmarks/lighthouse/package.json, installed with `npm ci` there) with Debian's Chromium.
Prints the accessibility and performance scores and the main timings. This is a measurement,
not a test: the figures depend on the machine. The local server compresses files (gzip) as a
real web host does (each file compressed
once, before serving). Targets: accessibility 100, performance >= 95.

    python3 benchmarks/lighthouse.py            (from the repository root, with the build venv)
    python3 benchmarks/lighthouse.py --reports DIR   (also keep each page's full JSON report)
"""

from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import shutil
import socketserver
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
            header = ("page", "access.", "perf.", "FCP ms", "LCP ms", "TBT ms", "CLS")
            print(f"{header[0]:40}" + "".join(f"{h:>8}" for h in header[1:]))
            for label, path in PAGES.items():
                report = run_lighthouse(base + path, Path(tmp) / "report.json")
                if reports:
                    reports.mkdir(parents=True, exist_ok=True)
                    name = path.strip("/").replace("/", "-") or "home"
                    shutil.copy(Path(tmp) / "report.json", reports / f"{name}.json")
                cats, audits = report["categories"], report["audits"]
                print(
                    f"{label:40} {cats['accessibility']['score'] * 100:8.0f} "
                    f"{cats['performance']['score'] * 100:6.0f} "
                    f"{audits['first-contentful-paint']['numericValue']:7.0f} "
                    f"{audits['largest-contentful-paint']['numericValue']:7.0f} "
                    f"{audits['total-blocking-time']['numericValue']:7.0f} "
                    f"{audits['cumulative-layout-shift']['numericValue']:6.3f}"
                )
                failed = [
                    a["id"]
                    for a in audits.values()
                    if a.get("score") == 0 and a["id"] in ACCESSIBILITY_AUDITS(report)
                ]
                if failed:
                    print(f"    accessibility audits failing: {', '.join(failed)}")
            server.shutdown()
    return 0


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


def run_lighthouse(url: str, out: Path) -> dict:
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
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
    )
    return json.loads(out.read_text())


if __name__ == "__main__":
    sys.exit(main())
