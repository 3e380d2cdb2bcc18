"""What the glossary hook costs as the site grows: synthetic sites of 100 and 1,000 pages, 500 terms.

For each size the script writes a synthetic project (Material theme, search, the real
hooks/glossary.py, about 600 words a page with some twenty glossary terms in each) in four
variants, and builds each in a fresh Python process, several rounds in alternating order:

- "hook": the pages as trainers write them, with the glossary hook;
- "by hand": no hook, but the same links written by hand: each term's first mention on a page
  a Markdown link with the definition as its title, and a Glossary page in plain Markdown with
  the same headings, definitions and "Used on" lists (not the hook's hidden search words).
  hook / by hand is what the hook's own work costs;
- "static": no hook and no links, only the Glossary page with its definitions written by hand;
- "none": no glossary at all.

The target is a build with the hook at most 1.10 times the build without it; the three ratios
give that against each kind of site without the hook.

It prints the fastest build of each, the median ratio of the hook's build to each other build
of the same round, the time per page spent inside the hook's handlers and its tree processor,
how that time grows from 100 to 1,000 pages (target: linear, so the same time per page), as
timed and without the garbage collector's pauses that fell inside it, and,
for comparison, Material's abbreviation approach (`abbr` + `pymdownx.snippets` auto_append with
the same 500 terms) on the 100-page site.

This is a measurement, not a test: figures depend on the machine and on what else is running.

Wall-clock times on a shared machine drift by 10-20% within a minute, so the script also counts
the machine instructions each whole `mkdocs build` command executes at 100 pages, under
valgrind's cachegrind (Debian's `valgrind` package; skipped with a note when it is missing).
That count is the same from one run to the next (to within 0.1%), whatever else the machine is
doing, though it weighs every instruction alike (memory stalls are not in it). Counting 1,000
pages takes long, so it is a separate option.

The hooks are compiled to bytecode before the builds, as Python does the first time on any
machine where it may write its cache: this machine's environment sets PYTHONDONTWRITEBYTECODE=1,
which would otherwise make every build with the hook compile hooks/glossary.py from source, a
cost that no installed package pays.

    python3 benchmarks/glossary.py                 (from the repository root, with the build venv)
    python3 benchmarks/glossary.py --quick         (one round, no abbreviation or instruction count)
    python3 benchmarks/glossary.py --instructions  (only the instruction counts, at 100 pages)
    python3 benchmarks/glossary.py --instructions 1000   (at 1,000 pages: about an hour on 2 cores)

The instruction counts of the variants are taken side by side, one per processor.
"""

from __future__ import annotations

import compileall
import gc
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (100, 1000)
VARIANTS = ("none", "static", "by-hand", "hook")
TERMS = 500
TERMS_PER_PAGE = 20
RUNS = {100: 11, 1000: 3}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        print(json.dumps(build_once(Path(argv[1]))))
        return 0
    quick = "--quick" in argv
    if "--instructions" in argv:
        after = argv[argv.index("--instructions") + 1 :]
        pages = int(after[0]) if after and after[0].isdigit() else SIZES[0]
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp) / f"site-{pages}"
            write_project(project, pages, TERMS)
            print_instructions(project)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        return run_all(Path(tmp), quick)


def run_all(tmp: Path, quick: bool) -> int:
    results = {}
    for pages in SIZES:
        project = tmp / f"site-{pages}"
        write_project(project, pages, TERMS)
        results[pages] = interleaved(project, 1 if quick else RUNS[pages])
    abbr = None if quick else build(tmp / f"site-{SIZES[0]}" / "mkdocs-abbr.yml")
    print(f"Glossary hook, {TERMS} terms, Python {sys.version.split()[0]}")
    print("Build times: the fastest run of each; ratios: the median over runs of the hook's build")
    print("divided by the other build of the same round (the rounds alternate their order).")
    print(
        f"{'pages':>6} {'runs':>5} {'none':>8} {'static':>8} {'by hand':>8} {'hook':>8} "
        f"{'hook/by hand':>13} {'hook/static':>12} {'hook/none':>10} {'hook ms/page':>13} "
        f"{'of which per page':>18}"
    )
    for pages, runs in results.items():
        best = {v: min(runs, key=lambda r: r[v]["build"])[v] for v in VARIANTS}
        ratio = {v: statistics.median(r["hook"]["build"] / r[v]["build"] for r in runs) for v in VARIANTS}
        hook = best["hook"]
        print(
            f"{pages:>6} {len(runs):>5} "
            + " ".join(f"{best[v]['build']:7.2f}s" for v in VARIANTS)
            + f" {ratio['by-hand']:13.3f} {ratio['static']:12.3f} {ratio['none']:10.3f}"
            f" {hook['hook'] / pages * 1000:13.2f} {hook['per_page'] / pages * 1000:18.2f}"
        )
    for key, what in (("per_page", "as timed"), ("per_page_no_gc", "without garbage-collector pauses")):
        small, large = (min(r["hook"][key] for r in results[s]) / s for s in SIZES)
        print(
            f"time per page in the page events ({what}): {small * 1000:.2f} ms at {SIZES[0]} pages, "
            f"{large * 1000:.2f} ms at {SIZES[1]}, {large / small:.2f}x (1.00 = linear)"
        )
    for pages in SIZES:
        gc_share = statistics.median(r["hook"]["gc"] / r["hook"]["build"] for r in results[pages])
        print(f"garbage collection, {pages} pages: {gc_share:.0%} of the whole build with the hook")
    if abbr:
        base = min(r["none"]["build"] for r in results[SIZES[0]])
        print(
            f"Material abbreviations, {SIZES[0]} pages, {TERMS} terms: {abbr['build']:.2f}s "
            f"({abbr['build'] / base:.1f}x the build without a glossary)"
        )
    if not quick:
        print_instructions(tmp / f"site-{SIZES[0]}")  # after the timed builds, which it would slow
    return 0


def print_instructions(project: Path) -> None:
    """The instructions each variant's whole `mkdocs build` executes, and the hook's ratios."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("Instruction counts: skipped (valgrind is not installed: apt-get install valgrind)")
        return
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # the counts do not depend on it
        futures = {v: pool.submit(instructions, valgrind, project / f"mkdocs-{v}.yml") for v in VARIANTS}
        counts = {variant: future.result() for variant, future in futures.items()}
    print(f"Instructions executed by the whole `mkdocs build` at {project.name.split('-')[1]} pages:")
    for variant in VARIANTS:
        ratio = f"   hook / {variant}: {counts['hook'] / counts[variant]:.3f}" if variant != "hook" else ""
        print(f"{variant:>8} {counts[variant] / 1e9:7.3f} billion{ratio}")


def instructions(valgrind: str, config: Path) -> int:
    """Instructions executed by `mkdocs build -f config`, counted by cachegrind."""
    with tempfile.TemporaryDirectory() as site:
        result = subprocess.run(
            [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
            + [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", site],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            cwd=config.parent,
            check=True,
        )
    return int(re.search(r"I\s+refs:\s+([0-9,]+)", result.stderr).group(1).replace(",", ""))


def interleaved(project: Path, runs: int) -> list[dict]:
    """`runs` rounds, each building every variant once, in alternating order: this machine's speed
    drifts by 10-20% over a minute, so comparing builds of the same round is fairer than
    comparing the fastest of each."""
    rounds = []
    for number in range(runs):
        order = VARIANTS if number % 2 == 0 else VARIANTS[::-1]
        rounds.append({v: build(project / f"mkdocs-{v}.yml") for v in order})
    return rounds


def build(config: Path) -> dict:
    """One build in a fresh Python process (so no variant profits from another's warm caches)."""
    result = subprocess.run(
        [sys.executable, __file__, "--one", str(config)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def build_once(config_file: Path) -> dict:
    """Build in this process, timing the whole build and, separately, the glossary's handlers."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    start = time.perf_counter()  # reading the config loads the hooks: their import is part of the build
    config = load_config(config_file=str(config_file))
    spent: dict[str, float] = {}  # event -> seconds in the hook's handler
    paused: dict[str, float] = {}  # event -> seconds of that in the garbage collector
    gc_clock = _GcClock()
    hook_globals = None
    for event, methods in config.plugins.events.items():
        for i, method in enumerate(methods):
            code = getattr(method, "__code__", None)
            if code and code.co_filename.endswith("glossary.py"):
                methods[i] = _timed(method, event, spent, paused, gc_clock)
                hook_globals = method.__globals__
    if hook_globals and "_LinkTerms" in hook_globals:  # the tree processor that links the terms
        linker = hook_globals["_LinkTerms"]
        linker.run = _timed(linker.run, "tree", spent, paused, gc_clock)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    elapsed = time.perf_counter() - start
    config.plugins.on_shutdown()
    gc.callbacks.remove(gc_clock)
    per_page = sum(spent.get(event, 0.0) for event in PER_PAGE_EVENTS)
    in_gc = sum(paused.get(event, 0.0) for event in PER_PAGE_EVENTS)
    return {
        "build": elapsed,
        "hook": sum(spent.values()),
        "per_page": per_page,
        "per_page_no_gc": per_page - in_gc,
        "gc": gc_clock.total,
        "events": spent,
        "gc_in_events": paused,
    }


PER_PAGE_EVENTS = {"page_markdown", "tree", "page_content", "page_context", "post_page"}


def _timed(method, event, spent, paused, gc_clock):
    """`method`, adding the time it takes to spent[event] and the time the garbage collector
    paused it to paused[event]. A collection runs when enough objects have been made,
    whoever made them, and takes longer the more objects the whole build holds (every page of
    a 1,000-page site), so the time it happens to take inside the hook is not the hook's work."""

    def wrapper(*args, **kwargs):
        start, collected = time.perf_counter(), gc_clock.total
        try:
            return method(*args, **kwargs)
        finally:
            spent[event] = spent.get(event, 0.0) + time.perf_counter() - start
            paused[event] = paused.get(event, 0.0) + gc_clock.total - collected

    return wrapper


class _GcClock:
    """Total time spent in Python's garbage collector since it was made (a gc callback)."""

    def __init__(self):
        self.total, self.started = 0.0, 0.0
        gc.callbacks.append(self)

    def __call__(self, phase, info):
        if phase == "start":
            self.started = time.perf_counter()
        else:
            self.total += time.perf_counter() - self.started


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
    (project / "data").mkdir(parents=True)
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(project / "hooks", quiet=1)  # as Python's own cache would (see the top)
    entries = make_terms(rng, terms)
    lines = ["allow: []", "terms:"]
    for name, expansion, definition in entries:
        lines += [f"  - term: {name}"]
        if expansion:
            lines += [f"    expansion: {expansion}"]
        lines += [f"    definition: {definition}"]
    (project / "data" / "glossary.yml").write_text("\n".join(lines) + "\n")
    hook = load_hook()
    glossary = hook.load_glossary((project / "data" / "glossary.yml").read_text(), "data/glossary.yml")
    sources = {"index.md": "# Home\n\n" + paragraph(rng, entries, 3) + "\n"}
    for n in range(pages):
        sources[f"section-{n % 10}/page-{n}.md"] = make_page(rng, n, entries)
    # docs: the pages as a trainer writes them for the hook; docs-by-hand: the same pages with
    # the links the hook makes written in by hand, and the Glossary page with its "Used on" lists.
    used_on: dict[str, list[str]] = {}
    for src, source in sources.items():
        write(project / "docs" / src, mentions(source, entries, None))
        write(project / "docs-by-hand" / src, mentions(source, entries, (glossary, src, used_on)))
    write(project / "docs" / "glossary.md", "# Glossary\n\n<!-- glossary -->\n")
    for folder, lists in (("docs-static", None), ("docs-by-hand", used_on)):
        write(project / folder / "glossary.md", f"# Glossary\n\n{glossary_by_hand(hook, glossary, lists)}\n")
    for item in (project / "docs").iterdir():
        if item.name != "glossary.md":
            (project / "docs-static" / item.name).symlink_to(item.resolve())
    nav = [f"  - {title(src)}: {src}" for src in sources if src != "index.md"]
    abbreviations = [f"*[{name}]: {expansion or definition}" for name, expansion, definition in entries]
    (project / "abbreviations.md").write_text("\n".join(abbreviations) + "\n")
    base = [
        "site_name: Glossary benchmark",
        "theme:",
        "  name: material",
        "  font: false",
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
    configs = {
        "none": [],
        "static": ["docs_dir: docs-static"],
        "by-hand": ["docs_dir: docs-by-hand"],
        "hook": ["hooks:", "  - hooks/glossary.py"],
    }
    for variant, extra in configs.items():
        (project / f"mkdocs-{variant}.yml").write_text("\n".join(base + extra) + "\n")
    abbr = base[: base.index("  - toc:")] + [
        "  - abbr",
        "  - pymdownx.snippets:",
        f"      base_path: [{project}]",
        "      auto_append: [abbreviations.md]",
        "      check_paths: true",
        *base[base.index("  - toc:") :],
    ]
    (project / "mkdocs-abbr.yml").write_text("\n".join(abbr) + "\n")


def title(src: str) -> str:
    return "Home" if src == "index.md" else f"Page {src.rpartition('-')[2].removesuffix('.md')}"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


MENTION = re.compile("\x01([0-9]+)\x01")


def mentions(source: str, entries, by_hand) -> str:
    """The page with each term mention written out; `by_hand` (glossary, src, used_on) makes
    each term's first mention a link with the definition as its title, as the hook would."""
    linked = set()

    def write_out(match):
        name = entries[int(match.group(1))][0]
        if by_hand is None or name in linked:
            return name
        glossary, src, used_on = by_hand
        linked.add(name)
        entry = next(e for e in glossary.entries if e.term == name)
        used_on.setdefault(entry.id, []).append(src)
        up = "../" * src.count("/")
        return f'[{name}]({up}glossary.md#{entry.id} "{entry.title}"){{ .glossary-term }}'

    return MENTION.sub(write_out, source)


def glossary_by_hand(hook, glossary, used_on=None) -> str:
    """The A to Z page as a trainer would write it in Markdown: the hook's letters, and under them
    a heading with the hook's anchor for each entry, followed by its expansion, definition and
    (when given) the pages that use it."""
    groups = {hook.letter_anchor(x): entries for x, entries in hook.letter_groups(glossary).items()}
    out = []
    for line in hook.glossary_markdown(glossary).split("\n"):
        out.append(line)
        if line.startswith("## "):
            for entry in groups[line.rpartition("{ #")[2].split()[0]]:
                out += ["", f"### {entry.term} {{ #{entry.id} .{hook.ENTRY_CLASS} }}"]
                out += ["", f"**{entry.expansion}**"] if entry.expansion else []
                out += ["", entry.definition]
                pages = used_on.get(entry.id) if used_on else None
                if pages:
                    out += ["", "Used on: " + ", ".join(f"[{title(src)}]({src})" for src in pages)]
    return "\n".join(out)


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
    for _ in range(mentions):  # a mention is written as \x01(entry number)\x01, see `mentions`
        number = rng.randrange(len(entries))
        words.insert(rng.randrange(len(words)), f"\x01{number}\x01")
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
