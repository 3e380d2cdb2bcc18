"""`python -m export.build`: the strict build into site/, which changes only when the build works.

    nox -s build                       (or: python -m export.build [mkdocs build options])

MkDocs empties site/ before it builds, so a build that stops half way (a bad page, a broken
link, any warning in strict mode) would leave site/ half written. Here the site is built into a
new folder beside site/ and swapped in with renames only when the build succeeds, as the export
does for dist/ (export/pipeline.py); when it fails, site/ keeps the last good build exactly.
`mkdocs serve` is unchanged: it never writes site/.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from export.pipeline import STOPPED, folder_beside, move_into_place, stopped
from induction.common import DataError, read_source
from induction.pages import check_settings_files

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 noxfile.py -s build --",
        description="Build the site into site/ in strict mode; site/ changes only if the build works. "
        "Other options are passed to `mkdocs build`.",
    )
    parser.add_argument("-f", "--config-file", default=str(ROOT / "mkdocs.yml"))
    parser.add_argument("-d", "--site-dir", help="where the site goes (default: site/ beside mkdocs.yml)")
    parser.add_argument(
        "--settings-only",
        action="store_true",
        help="only check that mkdocs.yml can be read, as the preview does before it starts",
    )
    args, rest = parser.parse_known_args(argv)
    config = Path(args.config_file).resolve()
    if args.settings_only:
        return settings_problem(config)
    site = Path(args.site_dir).resolve() if args.site_dir else config.parent / "site"
    return build_site(config, site, rest)


def build_site(config: Path, site: Path, extra: list[str] = ()) -> int:
    """`mkdocs build --strict` of `config` into a new folder beside `site`, swapped in as `site`
    only when the build succeeds; returns the build's exit status."""
    refused = refused_option(extra)
    if refused:
        print(f"ERROR    -  {refused}", file=sys.stderr)
        return 2
    if settings_problem(config):
        return 1
    site.parent.mkdir(parents=True, exist_ok=True)
    with folder_beside(site) as new:
        command = ["mkdocs", "build", "--strict", "-f", str(config), "-d", str(new), *extra]
        # MkDocs runs in a process group of its own, which Ctrl+C in the terminal does not reach
        # (stopped by it, MkDocs printed "Aborted!" or a traceback): this process stops it
        with subprocess.Popen([sys.executable, "-m", *command], cwd=config.parent, process_group=0) as mkdocs:
            try:
                returncode = mkdocs.wait()
            except KeyboardInterrupt:  # stop MkDocs and wait for it; then folder_beside removes `new`
                mkdocs.kill()
                mkdocs.wait()
                print(f"\n{stopped(site)}", file=sys.stderr)
                return STOPPED
        if returncode != 0:
            if site.exists():  # only then is there a last good build to speak of
                print(
                    f"The build failed, so {site.name}/ was not changed: it still holds the last good "
                    "build. Fix the error above and build again.",
                    file=sys.stderr,
                )
            return returncode
        move_into_place(new, site)
    print(f"The new site is in {site}")
    return 0


def settings_problem(config: Path) -> int:
    """Check that `config` (mkdocs.yml) can be read: MkDocs reads it before any hook can, and
    words a slip in it in the YAML parser's terms, so a slip is told here first, in the house
    form. Return 0, or 1 once the problem is printed."""
    try:
        read_source(config, config.name)
        check_settings_files(config)
    except DataError as error:
        print(f"ERROR    -  {error}", file=sys.stderr)
        return 1
    return 0


def refused_option(extra: list[str]) -> str | None:
    """Why an option passed on to `mkdocs build` would let a broken site be published, or None.

    `--quiet` makes MkDocs drop its warnings before strict mode counts them (its count is a
    handler on the same logger), so a broken link, a missing alt text or a page past its review
    date would build with exit status 0 and replace site/; `--no-strict` turns the count off."""
    for arg in extra:
        if arg == "--":  # what follows is not an option (and `mkdocs build` refuses it)
            return None
        if arg in ("--quiet", "--no-strict"):
            flag = arg
        elif arg.startswith("-") and not arg.startswith("--"):
            flags = re.match(r"-[cqsv]*", arg).group()  # -cq is -c -q; -tq is the theme 'q'
            flag = "-q" if "q" in flags else None
        else:
            flag = None
        if flag == "--no-strict":
            return (
                "the option --no-strict turns strict mode off, so a warning (a broken link, a page "
                "past its review date) would no longer stop the build and the broken site would "
                "replace site/ (build without --no-strict; to look at a site with warnings, use "
                "python3 noxfile.py -s serve)"
            )
        if flag:
            where = "" if arg in ("-q", "--quiet") else f" in {arg}"
            return (
                f"the option -q (--quiet){where} hides MkDocs' warnings, and strict mode stops the "
                "build only for the warnings it sees, so a broken link or a page past its review date "
                "would be published in site/ (build without -q: when all is well, the build prints "
                "only a few lines)"
            )
    return None


if __name__ == "__main__":
    sys.exit(main())
