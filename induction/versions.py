"""Version gates for the few places that still rely on a dependency's private workings.

Where code uses something a dependency does not document (a module constant, the wording of its
messages, a copy of its template), it calls `require(distribution, versions, what)` when its
module is imported, that is as the build starts. If the installed version is outside the range
that was checked, the build stops with a message saying what to re-check, instead of going
wrong quietly. tests/test_versions.py reads every require(...) call in the code and fails as
soon as a pin in requirements.txt moves outside its range, so the gate is re-checked in the same
change that moves the pin.
"""

from __future__ import annotations

from importlib.metadata import version as installed_version

from packaging.specifiers import SpecifierSet

from induction.common import StopBuild  # MkDocs' PluginError where MkDocs is installed


def require(distribution: str, versions: str, what: str) -> None:
    """Stop with a clear error unless the installed `distribution` (as pip names it) is in
    `versions` (e.g. ">=1.6.1,<1.7"); `what` says which private workings of it the calling code
    relies on, and where."""
    found = installed_version(distribution)
    if not SpecifierSet(versions).contains(found, prereleases=True):
        raise StopBuild(
            f"{distribution} {found} is installed, but {what} was only checked with {distribution} "
            f"{versions}: check that code against {distribution} {found}, then widen the range in "
            "its require(...) call"
        )
