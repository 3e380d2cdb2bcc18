"""Every hook MkDocs loads (hooks/*.py) holds its event handlers itself, in the shape Material's
own hooks use: the event's value first, then MkDocs' other arguments as keywords, each with its
type, e.g. `def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files)`.
The rules they call live in the induction package, which keeps no build state of its own."""

from __future__ import annotations

import ast
import inspect

import pytest

from conftest import ROOT

HOOKS = sorted((ROOT / "hooks").glob("*.py"))
# The arguments MkDocs passes to each event (mkdocs.plugins.PluginCollection), in order.
EVENTS = {
    "on_startup": ["*", "command", "dirty"],
    "on_shutdown": [],
    "on_serve": ["server", "*", "config", "builder"],
    "on_config": ["config"],
    "on_pre_build": ["*", "config"],
    "on_files": ["files", "*", "config"],
    "on_nav": ["nav", "*", "config", "files"],
    "on_env": ["env", "*", "config", "files"],
    "on_post_build": ["*", "config"],
    "on_build_error": ["*", "error"],
    "on_pre_template": ["template", "*", "template_name", "config"],
    "on_template_context": ["context", "*", "template_name", "config"],
    "on_post_template": ["output_content", "*", "template_name", "config"],
    "on_pre_page": ["page", "*", "config", "files"],
    "on_page_read_source": ["*", "page", "config"],
    "on_page_markdown": ["markdown", "*", "page", "config", "files"],
    "on_page_content": ["html", "*", "page", "config", "files"],
    "on_page_context": ["context", "*", "page", "config", "nav"],
    "on_post_page": ["output", "*", "page", "config"],
}


def handlers(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")]


@pytest.mark.parametrize("path", HOOKS, ids=[p.name for p in HOOKS])
def test_each_hook_holds_typed_handlers_with_mkdocs_keyword_arguments(path):
    found = handlers(path)
    assert found, f"{path.name} has no event handlers: MkDocs would load it for nothing"
    for node in found:
        args = node.args
        shape = [a.arg for a in args.posonlyargs + args.args] + (["*"] if args.kwonlyargs else [])
        shape += [a.arg for a in args.kwonlyargs]
        expected = EVENTS[node.name]
        # The event's value may have another name (html_text); the keywords must be MkDocs' own.
        assert shape[1:] == expected[1:] and len(shape) == len(expected), (
            f"{path.name}: def {node.name}({', '.join(shape)}) should take ({', '.join(expected)})"
        )
        every = args.posonlyargs + args.args + args.kwonlyargs
        assert all(a.annotation is not None for a in every), (
            f"{path.name}: {node.name} has an argument without a type"
        )
        assert node.returns is not None, f"{path.name}: {node.name} says nothing of what it returns"


def test_the_induction_package_holds_no_event_handlers():
    """MkDocs calls the handlers in hooks/; induction/ holds what they call (no `on_*` there)."""
    for path in sorted((ROOT / "induction").glob("*.py")):
        assert not handlers(path), (
            f"{path.name} defines {[n.name for n in handlers(path)]}: move them to hooks/"
        )


def test_the_event_names_are_mkdocs_own():
    from mkdocs.plugins import PluginCollection  # its methods send each event, with the event's arguments

    for name, expected in EVENTS.items():
        params = list(inspect.signature(getattr(PluginCollection, name)).parameters.values())[1:]  # no self
        shape = []
        for param in params:
            if param.kind is param.KEYWORD_ONLY and "*" not in shape:
                shape.append("*")
            shape.append(param.name)
        assert shape == expected, name


def test_the_induction_package_keeps_no_build_state():
    """A build's state lives in one object made afresh each build (kept by the hook module or on
    the config), never in induction/'s module globals, which `mkdocs serve` keeps between builds:
    no `global` statement and no module-level empty list, dict or set to fill in later."""
    for path in sorted((ROOT / "induction").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert not [n for n in ast.walk(tree) if isinstance(n, ast.Global)], f"{path.name} uses `global`"
        for node in tree.body:
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            empty = isinstance(value, (ast.List, ast.Dict, ast.Set)) and not (
                getattr(value, "elts", None) or getattr(value, "keys", None)
            )
            assert not empty, f"{path.name}:{node.lineno} keeps state in a module global"


# The only events where a hook module may set its module state: a run-wide fact (on_startup) or
# the one object that holds a build's state, made afresh as each build starts (on_config).
STATE_EVENTS = {"on_startup", "on_config"}
CONTAINERS = {"list", "dict", "set", "defaultdict", "deque", "Counter", "OrderedDict"}


def test_hooks_keep_state_only_in_an_object_made_afresh_each_build():
    """`mkdocs serve` keeps each hook module between builds, so a hook keeps a build's state in
    one object it makes in on_config (or a run-wide fact set in on_startup): no module-level list,
    dict or set to fill in from other events, and no `global` anywhere else."""
    for path in sorted((ROOT / "hooks").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            func = value.func if isinstance(value, ast.Call) else None
            made = (
                func is not None and (getattr(func, "id", None) or getattr(func, "attr", None)) in CONTAINERS
            )
            literal = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)
            assert not (isinstance(value, literal) or made), (
                f"{path.name}:{node.lineno} keeps state in a module-level container"
            )
        for function in (n for n in tree.body if isinstance(n, ast.FunctionDef)):
            if any(isinstance(n, ast.Global) for n in ast.walk(function)):
                assert function.name in STATE_EVENTS, (
                    f"{path.name}: {function.name} sets module state (only {sorted(STATE_EVENTS)} may)"
                )
