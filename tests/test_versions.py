"""Version gates: code that relies on a dependency's private workings names the versions it was
checked with (induction.versions.require), and these tests fail as soon as a pin moves."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from mkdocs.exceptions import PluginError
from packaging.utils import canonicalize_name

import induction
from conftest import ROOT
from induction import versions


def pinned() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"([A-Za-z0-9_.\-]+)==(\S+)", line)
        if match:
            pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def all_gates() -> list[versions.Gate]:
    for module in pkgutil.iter_modules(induction.__path__):
        importlib.import_module(f"induction.{module.name}")
    importlib.import_module("check.content")
    importlib.import_module("export.pipeline")
    return list(versions.GATES)


def test_every_gate_holds_for_the_pinned_version():
    pins, gates = pinned(), all_gates()
    assert gates, "no module requires a version: if nothing relies on private workings, delete this test"
    moved = [
        f"{g.distribution} is pinned at {pin}, outside {g.versions}: {g.what}"
        for g in gates
        if (pin := pins.get(canonicalize_name(g.distribution))) is None or not g.allows(pin)
    ]
    assert not moved, "re-check the code each gate names, then widen its range:\n" + "\n".join(moved)


def test_a_version_outside_the_gate_stops_the_build_with_what_to_check():
    with pytest.raises(PluginError) as stopped:
        versions.require("mkdocs", "<1.0", "the test's private use of MkDocs")
    assert "the test's private use of MkDocs was only checked with mkdocs <1.0" in str(stopped.value)
    versions.GATES.remove(versions.Gate("mkdocs", "<1.0", "the test's private use of MkDocs"))
