"""What the glossary hook costs as the site grows: synthetic sites of 100 and 1,000 pages, 500 terms.

For each size the script writes a synthetic project (Material theme, search, the real
hooks/glossary.py, about 600 words a page with some twenty glossary terms in each) and builds it
with and without the hook, each in a fresh Python process, three times, keeping the fastest run.
It prints:

- the build time with the hook divided by the time without it (target: at most 1.10), twice:
  against the same site with the same A to Z glossary page written by hand ("static", the
  hook's own cost), and against the site with no glossary page at all ("none");
- the time per page spent inside the hook's handlers and its tree processor;
- how that time grows from 100 to 1,000 pages (target: linear, so the same time per page);
- for comparison, Material's abbreviation approach (`abbr` + `pymdownx.snippets` auto_append
  with the same 500 terms) on the 100-page site.

This is a measurement, not a test: figures depend on the machine and on what else is running.

    python3 benchmarks/glossary.py            (from the repository root, with the build venv)
    python3 benchmarks/glossary.py --quick    (one run each, no abbreviation comparison)
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (100, 1000)
VARIANTS = ("without", "static", "with")
TERMS = 500
TERMS_PER_PAGE = 20
RUNS = 3


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        print(json.dumps(build_once(Path(argv[1]))))
        return 0
    quick = "--quick" in argv
    runs = 1 if quick else RUNS
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for pages in SIZES:
            project = Path(tmp) / f"site-{pages}"
            write_project(project, pages, TERMS)
            results[pages] = {
                variant: best_of(project / f"mkdocs-{variant}.yml", runs) for variant in VARIANTS
            }
        abbr = None
        if not quick:
            abbr = best_of(Path(tmp) / f"site-{SIZES[0]}" / "mkdocs-abbr.yml", 1)
    print(f"Glossary hook, {TERMS} terms, best of {runs} run(s), Python {sys.version.split()[0]}")
    print(
        f"{'pages':>6} {'none':>8} {'static':>8} {'hook':>8} {'hook/static':>12} {'hook/none':>10} "
        f"{'hook ms/page':>13} {'of which per page':>18}"
    )
    for pages, r in results.items():
        hook, static, none = r["with"]["build"], r["static"]["build"], r["without"]["build"]
        print(
            f"{pages:>6} {none:7.2f}s {static:7.2f}s {hook:7.2f}s {hook / static:12.3f} {hook / none:10.3f} "
            f"{r['with']['hook'] / pages * 1000:13.2f} {r['with']['per_page'] / pages * 1000:18.2f}"
        )
    small, large = (results[s]["with"]["per_page"] / s for s in SIZES)
    print(
        f"time per page in the page events grows {large / small:.2f}x from {SIZES[0]} to {SIZES[1]} pages "
        "(1.00 = linear in the number of pages)"
    )
    if abbr:
        base = results[SIZES[0]]["without"]["build"]
        print(
            f"Material abbreviations, {SIZES[0]} pages, {TERMS} terms: {abbr['build']:.2f}s "
            f"({abbr['build'] / base:.1f}x the build without a glossary)"
        )
    return 0


def best_of(config: Path, runs: int) -> dict:
    best = None
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, __file__, "--one", str(config)],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            check=True,
        )
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        if best is None or figures["build"] < best["build"]:
            best = figures
    return best


def build_once(config_file: Path) -> dict:
    """Build in this process, timing the whole build and, separately, the glossary's handlers."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(config_file=str(config_file))
    spent: dict[str, float] = {}
    hook_globals = None
    for event, methods in config.plugins.events.items():
        for i, method in enumerate(methods):
            code = getattr(method, "__code__", None)
            if code and code.co_filename.endswith("glossary.py"):
                methods[i] = _timed(method, spent, event)
                hook_globals = method.__globals__
    if hook_globals and "_LinkTerms" in hook_globals:  # the tree processor that links the terms
        linker = hook_globals["_LinkTerms"]
        linker.run = _timed(linker.run, spent, "tree")
    config.plugins.on_startup(command="build", dirty=False)
    start = time.perf_counter()
    build(config)
    elapsed = time.perf_counter() - start
    config.plugins.on_shutdown()
    per_page = sum(t for event, t in spent.items() if event in PER_PAGE_EVENTS)
    return {"build": elapsed, "hook": sum(spent.values()), "per_page": per_page, "events": spent}


PER_PAGE_EVENTS = {"page_markdown", "tree", "page_content", "page_context", "post_page"}


def _timed(method, spent, event):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[event] = spent.get(event, 0.0) + time.perf_counter() - start

    return wrapper


# --- The synthetic project -------------------------------------------------------------------

WORDS = (
    "the a child family council service support plan meeting team worker school health police "
    "review report need help care home safe risk local partner work time year young people "
    "with and for of to in on about when where what how who after before during each every "
    "must should can will may share record check visit listen agree decide protect improve"
).split()


def write_project(project: Path, pages: int, terms: int) -> None:
    rng = random.Random(pages)
    if project.exists():
        shutil.rmtree(project)
    (project / "docs").mkdir(parents=True)
    (project / "data").mkdir()
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    entries = make_terms(rng, terms)
    lines = ["allow: []", "terms:"]
    for name, expansion, definition in entries:
        lines += [f"  - term: {name}"]
        if expansion:
            lines += [f"    expansion: {expansion}"]
        lines += [f"    definition: {definition}"]
    (project / "data" / "glossary.yml").write_text("\n".join(lines) + "\n")
    nav = []
    for n in range(pages):
        src = f"section-{n % 10}/page-{n}.md"
        (project / "docs" / src).parent.mkdir(exist_ok=True)
        (project / "docs" / src).write_text(make_page(rng, n, entries))
        nav.append(f"  - Page {n}: {src}")
    (project / "docs" / "index.md").write_text("# Home\n\n" + paragraph(rng, entries, 3) + "\n")
    (project / "docs" / "glossary.md").write_text("# Glossary\n\n<!-- glossary -->\n")
    abbreviations = [f"*[{name}]: {expansion or definition}" for name, expansion, definition in entries]
    (project / "abbreviations.md").write_text("\n".join(abbreviations) + "\n")
    base = [
        "site_name: Glossary benchmark",
        "theme:",
        "  name: material",
        "  font: false",
        "  features: [content.tooltips]",
        "plugins: [search]",
        "markdown_extensions:",
        "  - attr_list",
        "  - admonition",
        "  - toc:",
        "      permalink: true",
        "nav:",
        "  - Home: index.md",
        *nav,
        "  - Glossary: glossary.md",
    ]
    (project / "mkdocs-without.yml").write_text("\n".join(base) + "\n")
    # The same glossary page as the hook makes (without "Used on"), written out by hand.
    hook = load_hook()
    data = (project / "data" / "glossary.yml").read_text()
    static = hook.glossary_markdown(hook.load_glossary(data, "data/glossary.yml"), {}, {})
    (project / "docs-static").mkdir()
    for item in (project / "docs").iterdir():
        (project / "docs-static" / item.name).symlink_to(item.resolve())
    (project / "docs-static" / "glossary.md").unlink()
    (project / "docs-static" / "glossary.md").write_text(f"# Glossary\n\n{static}\n")
    (project / "mkdocs-static.yml").write_text("\n".join(base) + "\ndocs_dir: docs-static\n")
    (project / "mkdocs-with.yml").write_text("\n".join(base) + "\nhooks:\n  - hooks/glossary.py\n")
    abbr = base[: base.index("  - toc:")] + [
        "  - abbr",
        "  - pymdownx.snippets:",
        f"      base_path: [{project}]",
        "      auto_append: [abbreviations.md]",
        "      check_paths: true",
        *base[base.index("  - toc:") :],
    ]
    (project / "mkdocs-abbr.yml").write_text("\n".join(abbr) + "\n")


def load_hook():
    """hooks/glossary.py as a module (this script is also called glossary.py)."""
    import importlib.util

    sys.path.insert(0, str(ROOT / "hooks"))
    spec = importlib.util.spec_from_file_location("glossary_hook", ROOT / "hooks" / "glossary.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def make_terms(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    """Half acronyms with expansions, half two- or three-word terms; all unique."""
    entries, seen = [], set()
    letters = "ABCDEFGHIJKLMNOPRSTUVWY"
    while len(entries) < count:
        if len(entries) % 2 == 0:
            name = "".join(rng.choice(letters) for _ in range(rng.randint(3, 5)))
            expansion = " ".join(pseudo_word(rng) for _ in range(3))
        else:
            name = " ".join(pseudo_word(rng) for _ in range(rng.randint(2, 3)))
            expansion = ""
        if name.lower() in seen or expansion.lower() in seen:
            continue
        seen.update({name.lower(), expansion.lower()} - {""})
        definition = capitalised(" ".join(rng.choice(WORDS) for _ in range(18))) + "."
        entries.append((name, expansion, definition))
    return entries


def pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(s) for s in ("bdfgklmnprstvz", "aeiou", "lmnrst", "aeiou", "kmnprstv"))


def paragraph(rng: random.Random, entries, mentions: int) -> str:
    words = [rng.choice(WORDS) for _ in range(60)]
    for _ in range(mentions):
        name = rng.choice(entries)[0]
        words.insert(rng.randrange(len(words)), name)
    return capitalised(" ".join(words)) + "."


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def make_page(rng: random.Random, n: int, entries) -> str:
    per_block = TERMS_PER_PAGE // 5
    parts = [f"# Page {n}", "", paragraph(rng, entries, per_block), ""]
    for section in range(3):
        parts += [f"## Part {section + 1}", "", paragraph(rng, entries, per_block), ""]
        parts += [f"- {paragraph(rng, entries, 1)}" for _ in range(3)] + [""]
    parts += ['!!! note "Remember"', "    " + paragraph(rng, entries, 1), ""]
    return "\n".join(parts)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
