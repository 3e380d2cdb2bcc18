"""What the build hooks cost: the real site's strict build with every hook, with none, and with
each hook left out in turn.

Method
------
The script copies the project (mkdocs.yml, docs/, data/, quizzes/, overrides/, hooks/ and the
`induction` package) into a temporary folder, compiles the Python to bytecode there (as Python's
own cache would on any machine where it may write it: this machine sets PYTHONDONTWRITEBYTECODE=1,
which would otherwise charge every build with hooks for compiling `induction` from source), and
puts that folder first on PYTHONPATH, so every build runs the same snapshot of the code even if
the working tree changes meanwhile. It then writes one settings file per variant, the real
mkdocs.yml with only its `hooks:` list changed:

- "all hooks": the real list;
- "no hooks": only the stand-in below;
- "without X": the real list less hooks/X.py, plus the stand-in.

The templates (overrides/main.html) read values the hooks add: `config.extra.facts` (contacts and
sources), `config.extra.csp`, `config.extra.learning_sections`, `config.extra.trainer_view` and
the `dmy` date filter. A build without the hooks that add them would stop with a template error,
so a benchmark-only stand-in hook (bench/standin.py, written into the copy) gives the templates
those values, recorded from one build with all hooks (every `config.extra` key the hooks added,
and each template filter whose function is in `induction`). It sets only what is missing and
does no other work (it is in every variant but "all hooks"). So "no hooks" renders the same
pages from the same Markdown files in the same page frame: the issue's bare build, the
denominator of its 1.5 target. What it lacks is what the hooks add to the content: facts filled
in, the self-checks, glossary links and the Glossary page's entries, the answer key page, and
every check.

A second bare build, "no hooks, given the hooks' Markdown", separates the hooks' own code from
the content they add. The same stand-in gives each page the Markdown the hooks made of it,
recorded from the build with all hooks (as MkDocs converts it; an earlier record, just before
mkdocs-quiz read the page, mattered while mkdocs-quiz wrote the self-checks), with the front
matter the hooks set and the pages they generate (the answer key). What it then lacks is only the
hooks' own work: the checks, the glossary's links (made in the element tree), trainer notes
taken out, and the self-checks, which hooks/quizzes.py's Markdown extension writes inside the
page's conversion (since 7 December 2026; the recorded Markdown holds only the paragraph they
take the place of).

hooks/escaping.py refuses to build when hooks/csp.py, hooks/safe_html.py or hooks/safe_files.py
is not in `hooks:` (a safety rule: without them nothing would be checked). To leave one of those
three out, the variant lists an empty file of the same name from bench/ instead: escaping's
check (which reads the hooks' file names) passes, and the hook's work is gone.

Each build is `python -m mkdocs build --strict -q` in a fresh process (so importing the hooks is
part of its cost), timed by wall clock and by the CPU time (user + system) the process used.
Rounds are interleaved: every round builds every variant once, in a new random order, and the
ratios are taken within each round, then the median over the rounds, so the machine's drift
(10-20% within a minute on this shared machine) falls on both sides of each ratio.

Last, one build with all hooks runs under cProfile and its time is shared out among the hooks
(`print_profile` says how), a second view of which hook costs what that does not depend on
differences between noisy builds, though the profiler slows Python calls several times over.

    python3 benchmarks/hooks.py            (from the repository root, with the build venv; ~5 minutes)
    python3 benchmarks/hooks.py --quick    (one round, to try the script)
    python3 benchmarks/hooks.py --rounds N
    python3 benchmarks/hooks.py --commit REV   (the code of another commit; the default is HEAD,
                                                the last commit; --worktree: the files as they are)

This is a measurement, not a test: figures depend on the machine and on what else is running.
"""

from __future__ import annotations

import compileall
import os
import pstats
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "docs", "data", "quizzes", "overrides", "hooks", "induction")
SAFETY_HOOKS = ("csp.py", "safe_html.py", "safe_files.py")  # hooks/escaping.py needs these names
ROUNDS = 7
TARGET = 1.5  # issue 19: all hooks together at most 1.5 times the bare build

STANDIN = '''"""Benchmark-only stand-in (benchmarks/hooks.py). With BENCH_RECORD set, it records what
the hooks give the templates and make of each page; otherwise it gives the templates those
values, and with BENCH_CONTENT set also each page's Markdown as the hooks left it."""
import importlib
import os
import pickle
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File

RECORD, CONTENT = os.environ.get("BENCH_RECORD"), os.environ.get("BENCH_CONTENT")
STORE = Path(__file__).with_name("recorded.pickle")
seen = {"extra": set(), "files": [], "early": {}, "late": {}}


def recorded():
    if not _recorded:
        _recorded.update(pickle.loads(STORE.read_bytes()))
    return _recorded


_recorded = {}


@event_priority(1000)  # first: before the hooks add anything
def on_config(config):
    if RECORD:
        seen["extra"] = set(config.extra)
        return config
    for key, value in recorded()["extra"].items():
        if key not in config.extra:
            config.extra[key] = value
    return config


@event_priority(-1000)  # last: after every hook
def on_files(files, config):
    if RECORD:
        seen["files"] = [(f.src_uri, f.content_bytes) for f in files if f.generated_by]
    elif CONTENT:
        for src_uri, content in recorded()["files"]:
            if files.get_file_from_path(src_uri) is None:
                files.append(File.generated(config, src_uri, content=content))
    return files


@event_priority(1)  # after the hooks that write self-checks (50), before the plugins (0)
def _early(markdown, page, config, files):
    src = page.file.src_uri
    if RECORD:
        seen["early"][src] = (markdown, dict(page.meta))
    elif CONTENT and src in recorded()["early"]:
        markdown, meta = recorded()["early"][src]
        page.meta.update(meta)
    return markdown


@event_priority(-1000)  # last: the Markdown MkDocs converts
def _late(markdown, page, config, files):
    src = page.file.src_uri
    if RECORD:
        seen["late"][src] = markdown
    elif CONTENT:
        markdown = recorded()["late"].get(src, markdown)
    return markdown


on_page_markdown = CombinedEvent(_early, _late)


@event_priority(-1000)
def on_env(env, config, files):
    if RECORD:
        seen["filters"] = {
            name: (f.__module__, f.__qualname__)
            for name, f in env.filters.items()
            if getattr(f, "__module__", "").startswith("induction")
        }
        seen["extra"] = {key: value for key, value in config.extra.items() if key not in seen["extra"]}
        STORE.write_bytes(pickle.dumps(seen))
        return env
    for name, (module, qualname) in recorded()["filters"].items():
        if name not in env.filters:
            env.filters[name] = getattr(importlib.import_module(module), qualname)
    return env
'''


def main(argv: list[str]) -> int:
    rounds = int(option(argv, "--rounds") or (1 if "--quick" in argv else ROUNDS))
    with tempfile.TemporaryDirectory(prefix="hooks-bench-") as tmp:
        revision = None if "--worktree" in argv else (option(argv, "--commit") or "HEAD")
        project = make_project(Path(tmp), revision)
        hooks = hook_entries(project / "mkdocs.yml")
        variants = {
            ALL: (hooks, {}),
            BARE: ([STANDIN_ENTRY], {}),
            BARE_CONTENT: ([STANDIN_ENTRY], {"BENCH_CONTENT": "1"}),
        }
        for entry in hooks:
            name = Path(entry).name
            if name in SAFETY_HOOKS:  # an empty file of the same name (see the top)
                rest = [f"bench/{name}" if hook == entry else hook for hook in hooks]
            else:
                rest = [hook for hook in hooks if hook != entry]
            variants[f"without {name}"] = ([*rest, STANDIN_ENTRY], {})
        configs = {name: write_config(project, name, entries) for name, (entries, _) in variants.items()}
        record = build(write_config(project, "record", [*hooks, STANDIN_ENTRY]), {"BENCH_RECORD": "1"})
        if record["returncode"]:
            print(record["output"], file=sys.stderr)
            return 1
        times: dict[str, list[dict]] = {name: [] for name in configs}
        failed: dict[str, str] = {}
        for number in range(rounds):
            order = [name for name in times if name not in failed]
            random.shuffle(order)
            for name in order:
                result = build(configs[name], variants[name][1])
                if result["returncode"]:  # a variant that cannot build is reported, not timed
                    failed[name] = last_line(result["output"])
                times[name].append(result)
            print(f"round {number + 1} of {rounds} done", file=sys.stderr)
        report({name: runs for name, runs in times.items() if name not in failed}, failed, rounds)
        print_profile(project, configs[ALL])
    return 0


ALL, BARE, BARE_CONTENT = "all hooks", "no hooks", "no hooks, given the hooks' Markdown"
STANDIN_ENTRY = "bench/standin.py"


def make_project(tmp: Path, revision: str | None) -> Path:
    """The project's files from git `revision` (a commit), or as they are in the working tree."""
    project = tmp / "project"
    project.mkdir()
    if revision:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", revision, *PARTS], capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(project)], input=archive.stdout, check=True)
    else:
        for part in PARTS:
            source = ROOT / part
            if source.is_dir():
                shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, project / part)
    (project / "bench").mkdir()
    (project / "bench" / "standin.py").write_text(STANDIN, encoding="utf-8")
    for name in SAFETY_HOOKS:
        (project / "bench" / name).write_text('"""Benchmark-only: an empty stand-in."""\n', encoding="utf-8")
    for folder in ("hooks", "induction", "bench"):
        compileall.compile_dir(project / folder, quiet=1)
    return project


def hook_entries(config: Path) -> list[str]:
    """The `hooks:` list of mkdocs.yml, as written."""
    block = HOOKS_BLOCK.search(config.read_text(encoding="utf-8"))
    return re.findall(r"^\s+- (\S+)", block.group(0), re.M)


def write_config(project: Path, name: str, entries: list[str]) -> Path:
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    listed = "hooks:\n" + "".join(f"  - {entry}\n" for entry in entries)
    path = project / (re.sub(r"\W+", "-", name).strip("-") + ".yml")
    path.write_text(HOOKS_BLOCK.sub(lambda _: listed, text, count=1), encoding="utf-8")
    if name == "all hooks":  # the recording build: every hook, then the stand-in recording
        record = listed + f"  - {STANDIN_ENTRY}\n"
        path.with_name("record.yml").write_text(
            HOOKS_BLOCK.sub(lambda _: record, text, count=1), encoding="utf-8"
        )
    return path


def build(config: Path, env: dict | None = None) -> dict:
    site = config.parent.parent / "site"
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(config.parent), **(env or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=environ, cwd=config.parent)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "wall": wall,
        "cpu": cpu,
        "returncode": result.returncode,
        "output": result.stdout + result.stderr,
    }


def print_profile(project: Path, config: Path) -> None:
    """One build with all hooks under cProfile, its time shared out among the hooks. A hook's
    time is that of its handlers in hooks/X.py (as MkDocs calls them, with everything they call,
    and the import of the hook with the induction modules it loads first) and of the Markdown
    processors in induction/X.py (`run`, as Python-Markdown calls them while MkDocs converts a
    page). safe_html converts each page again with every extension, so the processors' time
    inside that conversion counts for safe_html as well."""
    out = project.parent / "build.prof"
    site = project.parent / "site"
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    command = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "--strict", "-q"]
    subprocess.run([*command, "-f", str(config), "-d", str(site)], env=environ, cwd=project, check=True)
    profile = pstats.Stats(str(out))
    hooks, induction = project / "hooks", project / "induction"
    costs: dict[str, float] = {}
    for (file, _, function), (_, _, _, cumulative, callers) in profile.stats.items():
        path = Path(file)
        from_outside = not any(caller[0].startswith((str(hooks), str(induction))) for caller in callers)
        handler = path.parent == hooks and from_outside
        processor = path.parent == induction and function == "run" and (hooks / path.name).exists()
        if handler or processor:
            costs[path.name] = costs.get(path.name, 0.0) + cumulative
    total = profile.total_tt
    print(f"\nOne build with all hooks under cProfile ({total:.1f} s in all: the profiler slows Python")
    print("calls several times over, so read the shares, not the seconds):\n")
    print("| hook | seconds under the profiler | share of the build |")
    print("| --- | ---: | ---: |")
    for name, seconds in sorted(costs.items(), key=lambda item: -item[1]):
        print(f"| {name} | {seconds:.2f} | {seconds / total:.0%} |")
    print(f"| all hooks | {sum(costs.values()):.2f} | {sum(costs.values()) / total:.0%} |")


def report(times: dict[str, list[dict]], failed: dict[str, str], rounds: int) -> None:
    bare, full = times[BARE], times[ALL]

    def ratio(runs, to, key):  # median of the per-round ratios
        return statistics.median(a[key] / b[key] for a, b in zip(runs, to, strict=True))

    def cost(runs, key):  # what a hook adds: all hooks less the build without it, per round
        return statistics.median(a[key] - b[key] for a, b in zip(full, runs, strict=True))

    print(
        f"\nStrict build of the real site, {rounds} interleaved round(s): medians, ratios within a round.\n"
    )
    print(
        "| build | CPU s | wall s | CPU / no hooks | wall / no hooks "
        "| the hook's cost: CPU s (all hooks less this build) | all hooks / this (CPU) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, runs in times.items():
        cpu, wall = (statistics.median(r[k] for r in runs) for k in ("cpu", "wall"))
        row = [
            name,
            f"{cpu:.2f}",
            f"{wall:.2f}",
            f"{ratio(runs, bare, 'cpu'):.2f}",
            f"{ratio(runs, bare, 'wall'):.2f}",
        ]
        if name.startswith("without "):
            row += [f"{cost(runs, 'cpu'):.2f}", f"{ratio(full, runs, 'cpu'):.2f}"]
        else:
            row += ["", ""]
        print("| " + " | ".join(row) + " |")
    for name, why in failed.items():
        print(f"| {name} | build failed: {why} | | | | | |")
    overall = ratio(full, bare, "cpu")
    verdict = "met" if overall <= TARGET else "not met"
    print(f"\nAll hooks / no hooks (CPU): {overall:.2f} (target at most {TARGET}: {verdict}).")
    if BARE_CONTENT in times:
        print(f"All hooks / {BARE_CONTENT} (CPU): {ratio(full, times[BARE_CONTENT], 'cpu'):.2f}.")
    left_out = [name for name in times if name.startswith("without ")]
    total = statistics.median(a["cpu"] - b["cpu"] for a, b in zip(full, bare, strict=True))
    print(
        f"All hooks less no hooks: {total:.2f} s CPU; the hooks' own costs add up to "
        f"{sum(cost(times[name], 'cpu') for name in left_out):.2f} s."
    )


def option(argv: list[str], name: str) -> str | None:
    return argv[argv.index(name) + 1] if name in argv[:-1] else None


def last_line(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    return lines[-1][:200] if lines else "no output"


HOOKS_BLOCK = re.compile(r"^hooks:\n(?:[ \t]+- .*\n)+", re.M)

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
