"""What the glossary costs a build, by the wall clock.

Every build runs in a fresh Python process (`mkdocs build`), and the variants of one comparison
are built in rounds, one build of each per round, in an order that alternates from round to
round: this shared machine's speed drifts by 10-20% within a minute, so each ratio is the median,
over the rounds, of the two builds of the same round. All the ratios come from one run.

- The real site with the glossary (hooks/glossary.py) against the same site without it (the hook
  taken out of mkdocs.yml). Target: at most 1.10.
- Synthetic sites of 100 and 1,000 pages (about 600 words and twenty term mentions a page) with
  500 terms: the glossary against no glossary. Target: at most 1.25 at both sizes, and linear
  (the glossary's extra time per page the same at 100 and 1,000 pages).
- Material's abbreviations on the same synthetic pages, as Material's documentation sets them up
  (the `abbr` extension, with every abbreviation appended to every page by `pymdownx.snippets`'
  `auto_append`), as the anchor.
- Not a target of the issue, to show what its code costs apart from its page: the same builds
  against "without, page given", the build without the glossary that is still given the Glossary
  page's A to Z as the glossary wrote them (recorded once by a stand-in hook, bench/record.py; put
  in by another, bench/given.py). Against it, the glossary's cost is loading the data file,
  linking and checking the pages, and the hook, not converting a page of every entry.

    python3 benchmarks/glossary.py           (from the repository root, with the build venv)
    python3 benchmarks/glossary.py --quick   (one round; no 1,000-page site, no abbreviations)
    python3 benchmarks/glossary.py --parts   (CPU time, 100 pages, with parts of the glossary left out)

This is a measurement, not a test: figures depend on the machine and on what else is running.
"""

from __future__ import annotations

import compileall
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TERMS = 500
TERMS_PER_PAGE = 20
ROUNDS = {"real": 9, 100: 7, 1000: 3}
# What of the repository the real site's build reads.
PROJECT = ("mkdocs.yml", "docs", "data", "hooks", "quizzes", "overrides")
WORDS = (
    "the a child family council service support plan meeting team worker school health police "
    "review report need help care home safe risk local partner work time year young people "
    "with and for of to in on about when where what how who after before during each every "
    "must should can will may share record check visit listen agree decide protect improve"
).split()


def main(argv: list[str]) -> int:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return 0
    if argv[:1] == ["--part"]:  # one build in this process, with a part of the glossary left out
        return build_part(Path(argv[1]), argv[2])
    if "--parts" in argv:
        return parts()
    quick = "--quick" in argv
    # Bytecode first, as Python writes it the first time on any machine where it may: this
    # machine sets PYTHONDONTWRITEBYTECODE=1, which would make every build compile the glossary
    # from source, a cost no installed package pays.
    compileall.compile_dir(ROOT / "induction", quiet=1)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        real = real_site(Path(tmp) / "real")
        give_the_page(real)
        rows.append(("real site", None, compare(real, VARIANTS, 1 if quick else ROUNDS["real"])))
        for pages in (100,) if quick else (100, 1000):
            project = Path(tmp) / f"synthetic-{pages}"
            write_synthetic(project, pages)
            give_the_page(project)
            rows.append((f"{pages} pages", pages, compare(project, VARIANTS, 1 if quick else ROUNDS[pages])))
            if pages == 100 and not quick:  # an abbreviations build takes minutes: fewer rounds
                rows.append((f"{pages} pages, abbreviations", None, compare(project, ("abbr", "without"), 3)))
    report(rows)
    return 0


VARIANTS = ("glossary", "without", "given")


def compare(project: Path, variants: tuple[str, ...], rounds: int) -> list[dict[str, float]]:
    """`rounds` rounds, each building every variant once, in alternating order."""
    results = []
    for number in range(rounds):
        order = variants if number % 2 == 0 else variants[::-1]
        results.append({v: build(project / f"mkdocs-{v}.yml", project / f"site-{v}") for v in order})
    return results


def build(config: Path, site: Path) -> float:
    """Seconds for one `mkdocs build` in a fresh process."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    start = time.perf_counter()
    subprocess.run(command, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, cwd=config.parent)
    return time.perf_counter() - start


def report(rows) -> None:
    print(f"Glossary build cost, wall clock, Python {sys.version.split()[0]}; medians over the rounds")
    print("| site | rounds | without | with | with / without | without, page given | with / that |")
    print("|---|---|---|---|---|---|---|")
    extra = {}
    for name, pages, results in rows:
        other = next(v for v in results[0] if v not in ("without", "given"))
        median = {v: statistics.median(r[v] for r in results) for v in results[0]}
        given = (
            f"{median['given']:.2f} s | {statistics.median(r[other] / r['given'] for r in results):.3f}"
            if "given" in median
            else "| "
        )
        print(
            f"| {name} | {len(results)} | {median['without']:.2f} s | {median[other]:.2f} s "
            f"| {statistics.median(r[other] / r['without'] for r in results):.3f} | {given} |"
        )
        if pages:
            extra[pages] = statistics.median(r["glossary"] - r["without"] for r in results) / pages
    if len(extra) == 2:
        small, large = extra[100], extra[1000]
        print(
            f"\nThe glossary's extra time per page: {small * 1000:.2f} ms at 100 pages, "
            f"{large * 1000:.2f} ms at 1,000 ({large / small:.2f}x; 1.00 = linear)"
        )


PARTS = ("without", "no A to Z entries", "no Used on lists", "glossary")


def parts() -> int:
    """Where the glossary's cost goes on the 100-page site: CPU time of whole builds (each in a
    fresh process, 5 interleaved rounds) with parts of the Glossary page left out."""
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "synthetic-100"
        write_synthetic(project, 100)
        rounds = []
        for number in range(5):
            order = PARTS if number % 2 == 0 else PARTS[::-1]
            rounds.append({part: cpu_of_part(project, part) for part in order})
    print("| build, 100 pages, 500 terms | CPU (median of 5) | / without |\n|---|---|---|")
    for part in PARTS:
        cpu = statistics.median(r[part] for r in rounds)
        print(f"| {part} | {cpu:.2f} s | {statistics.median(r[part] / r['without'] for r in rounds):.2f} |")
    return 0


def cpu_of_part(project: Path, part: str) -> float:
    command = [sys.executable, __file__, "--part", str(project), part]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return float(
        subprocess.run(command, check=True, env=env, capture_output=True, text=True).stdout.split()[-1]
    )


def build_part(project: Path, part: str) -> int:
    import logging

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    import induction.glossary

    full = induction.glossary.glossary_markdown
    if part == "no A to Z entries":
        induction.glossary.glossary_markdown = lambda glossary, used_on, titles: ""
    elif part == "no Used on lists":
        induction.glossary.glossary_markdown = lambda glossary, used_on, titles: full(glossary, {}, titles)
    logging.disable(logging.WARNING)
    os.chdir(project)
    start = time.process_time()
    config = "mkdocs-without.yml" if part == "without" else "mkdocs-glossary.yml"
    mkdocs_build(load_config(config, site_dir=str(project / "site-part")))
    print(time.process_time() - start)
    return 0


def real_site(project: Path) -> Path:
    """A copy of the real project, with mkdocs-without.yml: the same site without the glossary."""
    for part in PROJECT:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
            compileall.compile_dir(project / part, quiet=1)
        else:
            project.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, project / part)
    config = (project / "mkdocs.yml").read_text()
    (project / "mkdocs-glossary.yml").write_text(config)
    without = [line for line in config.split("\n") if line.strip() != "- hooks/glossary.py"]
    assert len(without) == config.count("\n"), "mkdocs.yml lists hooks/glossary.py once"
    (project / "mkdocs-without.yml").write_text("\n".join(without))
    return project


def write_synthetic(project: Path, pages: int) -> None:
    """`pages` pages as a trainer writes them, a glossary of TERMS terms, and three configs:
    with the glossary hook, without it, and with Material's abbreviations instead."""
    rng = random.Random(pages)
    entries = make_terms(rng, TERMS)
    lines = ["allow: []", "terms:"]
    for name, expansion, definition in entries:
        lines += [f"  - term: {name}", *([f"    expansion: {expansion}"] if expansion else [])]
        lines += [f"    definition: {definition}"]
    write(project / "data" / "glossary.yml", "\n".join(lines) + "\n")
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(project / "hooks", quiet=1)
    sources = {"index.md": "# Home\n\n" + paragraph(rng, entries, 3) + "\n"}
    for n in range(pages):
        sources[f"section-{n % 10}/page-{n}.md"] = make_page(rng, n, entries)
    for src, text in sources.items():
        write(project / "docs" / src, text)
    write(
        project / "docs" / "glossary.md", "# Glossary\n\nThe words used on this site.\n\n<!-- glossary -->\n"
    )
    abbreviations = [f"*[{name}]: {expansion or definition}" for name, expansion, definition in entries]
    write(project / "includes" / "abbreviations.md", "\n".join(abbreviations) + "\n")
    nav = [f"  - Page {src.rpartition('-')[2][:-3]}: {src}" for src in sources if src != "index.md"]
    base = [
        "site_name: Glossary benchmark",
        "theme:",
        "  name: material",
        "  font: false",
        "plugins: [search]",
    ]
    extensions = ["markdown_extensions:", "  - attr_list", "  - admonition", "  - toc:"]
    extensions += ["      permalink: true"]
    nav = ["nav:", "  - Home: index.md", *nav, "  - Glossary: glossary.md"]
    abbr = ["  - abbr", "  - pymdownx.snippets:", "      auto_append: [includes/abbreviations.md]"]
    configs = {
        "glossary": [*base, "hooks:", "  - hooks/glossary.py", *extensions, *nav],
        "without": [*base, *extensions, *nav],
        "abbr": [*base, *extensions, *abbr, *nav],
    }
    for variant, config in configs.items():
        write(project / f"mkdocs-{variant}.yml", "\n".join(config) + "\n")


def give_the_page(project: Path) -> None:
    """mkdocs-given.yml: the build without the glossary, given the Glossary page as the build with
    it wrote the page's Markdown (recorded here, once, by a build with bench/record.py)."""
    recorded = project / "bench" / "glossary-page.md"
    write(project / "bench" / "record.py", RECORD.format(path=str(recorded)))
    write(project / "bench" / "given.py", GIVEN.format(path=str(recorded)))
    write(
        project / "mkdocs-record.yml",
        with_hook((project / "mkdocs-glossary.yml").read_text(), "bench/record.py"),
    )
    build(project / "mkdocs-record.yml", project / "site-record")
    write(
        project / "mkdocs-given.yml",
        with_hook((project / "mkdocs-without.yml").read_text(), "bench/given.py"),
    )


def with_hook(config: str, hook: str) -> str:
    """`config` (a settings file's text) with `hook` first in its `hooks:` list."""
    lines = config.split("\n")
    if "hooks:" not in lines:
        return config.rstrip("\n") + f"\nhooks:\n  - {hook}\n"
    at = lines.index("hooks:") + 1
    return "\n".join([*lines[:at], f"  - {hook}", *lines[at:]])


RECORD = """from pathlib import Path
from mkdocs.plugins import event_priority


@event_priority(-200)  # after hooks/glossary.py (-100) has written the A to Z into the page
def on_page_markdown(markdown, *, page, **kwargs):
    if page.file.src_uri == "glossary.md":
        Path({path!r}).write_text(markdown, encoding="utf-8")
    return markdown
"""
GIVEN = """from pathlib import Path
from mkdocs.plugins import event_priority

PAGE = Path({path!r}).read_text(encoding="utf-8")


@event_priority(-100)  # where hooks/glossary.py writes it
def on_page_markdown(markdown, *, page, **kwargs):
    return PAGE if page.file.src_uri == "glossary.md" else markdown


def on_page_content(html, *, page, **kwargs):
    if page.file.src_uri == "glossary.md":  # as hooks/glossary.py: the side contents list the letters
        for letter in (item for title in page.toc for item in title.children):
            letter.children = []
    return html
"""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


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
        definition = " ".join(rng.choice(WORDS) for _ in range(18)).capitalize() + "."
        entries.append((name, expansion, definition))
    return entries


def pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(s) for s in ("bdfgklmnprstvz", "aeiou", "lmnrst", "aeiou", "kmnprstv"))


def paragraph(rng: random.Random, entries, mentions: int) -> str:
    words = [rng.choice(WORDS) for _ in range(60)]
    for _ in range(mentions):
        words.insert(rng.randrange(len(words)), entries[rng.randrange(len(entries))][0])
    text = " ".join(words)
    return text[:1].upper() + text[1:] + "."


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
