"""mkdocs-offline.yml stays in step with mkdocs.yml and works without any network."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHIM = ROOT / "overrides" / "assets" / "vendor" / "iframe-worker"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may use MkDocs' own tags (!ENV, !relative); read them as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def config(name: str) -> dict:
    return yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=_Loader)


def plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def test_offline_config_inherits_the_site_config():
    assert config("mkdocs-offline.yml")["INHERIT"] == "mkdocs.yml"


def test_offline_plugins_are_the_site_plugins_plus_offline_last():
    """MkDocs replaces lists under INHERIT, so the offline file repeats the site's plugins.
    If this fails, copy mkdocs.yml's `plugins:` into mkdocs-offline.yml, above `- offline`."""
    site = config("mkdocs.yml")["plugins"]
    offline = config("mkdocs-offline.yml")["plugins"]
    assert offline[: len(site)] == site, "mkdocs-offline.yml `plugins:` differs from mkdocs.yml's"
    assert [plugin_name(p) for p in offline[len(site) :]] == ["offline"]


def test_offline_config_changes_nothing_else_that_is_a_list():
    """Any other list in mkdocs-offline.yml would silently replace mkdocs.yml's."""
    offline = config("mkdocs-offline.yml")
    lists = {key for key, value in offline.items() if isinstance(value, list)}
    assert lists == {"plugins", "extra_javascript"}
    # lms.js (the LMS package's bridge) is added to the site's scripts, which it must repeat
    site_scripts = config("mkdocs.yml").get("extra_javascript", [])
    assert offline["extra_javascript"] == [*site_scripts, "javascripts/lms.js"]
    assert set(offline.get("extra", {})) == {"polyfills"}
    assert "theme" not in offline


def test_instant_navigation_is_off_for_the_offline_build():
    assert "navigation.instant" not in config("mkdocs.yml")["theme"].get("features", [])


def test_the_search_shim_is_a_local_file_with_its_licence():
    polyfills = config("mkdocs-offline.yml")["extra"]["polyfills"]
    assert polyfills == ["assets/vendor/iframe-worker/shim.js"]
    shim = (SHIM / "shim.js").read_text(encoding="utf-8")
    assert "MIT License" in shim.splitlines()[0]
    licence = (SHIM / "LICENSE").read_text(encoding="utf-8")
    assert "Martin Donath" in licence and "Permission is hereby granted" in licence
