"""Version gates: code that relies on a dependency's private workings names the versions it was
checked with (induction.versions.require), and these tests fail as soon as a pin moves."""

from __future__ import annotations

import ast
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
