"""Version gates: code that relies on a dependency's private workings names the versions it was
checked with (induction.versions.require), and these tests fail as soon as a pin moves."""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import re

import pytest
from mkdocs.exceptions import PluginError
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from conftest import ROOT
from induction.versions import require

CODE = ("hooks", "induction", "check", "export")


def pinned() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"([A-Za-z0-9_.\-]+)==(\S+)", line)
        if match:
            pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def gates() -> list[tuple[str, str, str, str]]:
    """(file, distribution, versions, what) of every require(...) call in the code."""
    found = []
    for path in sorted(p for folder in CODE for p in (ROOT / folder).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "require":
                args = [ast.literal_eval(arg) for arg in node.args]
                found.append((path.relative_to(ROOT).as_posix(), *args))
    return found


def test_every_gate_holds_for_the_pinned_version():
    pins, found = pinned(), gates()
    assert found, "no code requires a version: if nothing relies on private workings, delete this test"
    moved = [
        f"{file}: {name} is pinned at {pin}, outside {versions}: {what}"
        for file, name, versions, what in found
        if (pin := pins.get(canonicalize_name(name))) is None or not SpecifierSet(versions).contains(pin)
    ]
    assert not moved, "re-check the code each gate names, then widen its range:\n" + "\n".join(moved)


def test_a_version_outside_the_gate_stops_the_build_with_what_to_check():
    with pytest.raises(PluginError) as stopped:
        require("mkdocs", "<1.0", "the test's private use of MkDocs")
    assert "the test's private use of MkDocs was only checked with mkdocs <1.0" in str(stopped.value)
    require("mkdocs", ">=1.0", "the same use, in range")  # no error


@functools.cache
def installed_packages() -> dict[str, list[str]]:
    """Top-level module -> the distributions that install it (slow to read: once)."""
    return importlib.metadata.packages_distributions()


def private_names(source: str) -> list[tuple[int, str]]:
    """(line, dotted name) of each private name (`_x`, not `__x__`) of an installed package that
    `source` reads straight from a module it imports: `from mod import _x`, `from mod._private
    import x` or `alias._x`. A private attribute of an object (md.htmlStash and the like) is not
    seen here; those gates are kept by review."""
    installed = installed_packages()
    tree = ast.parse(source)
    private = lambda name: name.startswith("_") and not name.startswith("__")  # noqa: E731
    modules, found = {}, []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {alias.asname or alias.name.split(".")[0]: alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
                if any(map(private, [*node.module.split("."), alias.name])):
                    found.append((node.lineno, f"{node.module}.{alias.name}"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and private(node.attr) and isinstance(node.value, ast.Name):
            module = modules.get(node.value.id)
            if module:
                found.append((node.lineno, f"{module}.{node.attr}"))
    return sorted((line, name) for line, name in found if name.split(".")[0] in installed)


def test_private_names_of_a_dependency_are_read_only_behind_its_gate():
    """A module's private name, read where its package has no require(...) in the same file,
    would break unseen when the package is upgraded."""
    installed = installed_packages()
    gated = {(file, canonicalize_name(name)) for file, name, _, _ in gates()}
    ungated = [
        f"{file}:{line}: {name}"
        for path in sorted(p for folder in CODE for p in (ROOT / folder).glob("*.py"))
        for line, name in private_names(path.read_text(encoding="utf-8"))
        if not any(
            (file := path.relative_to(ROOT).as_posix(), canonicalize_name(dist)) in gated
            for dist in installed[name.split(".")[0]]
        )
    ]
    assert not ungated, "use the package's public API, or gate the file on its version:\n" + "\n".join(
        ungated
    )


def test_private_names_are_found_in_each_form_they_are_read():
    source = (
        "from lxml import etree as lxml_etree\n"
        "import markdown\n"
        "from mkdocs.structure import _private\n"
        "from material.plugins.search._x import y\n"
        "def f(node, md):\n"
        "    return isinstance(node, lxml_etree._Entity) or md._own or markdown.__version__\n"
    )
    assert private_names(source) == [
        (3, "mkdocs.structure._private"),
        (4, "material.plugins.search._x.y"),
        (6, "lxml.etree._Entity"),
    ]
