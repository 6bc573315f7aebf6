"""`core` is the bottom layer: it depends on Django alone, so every app can build on it and none is built into it.

Apps plug into core instead (reference loaders register themselves, see core.refdata). Tests are left out: they
exercise core through the fixed cast of users, which lives in accounts.
"""

import ast
from pathlib import Path

import vieclam

CORE = Path(vieclam.__file__).parent / "core"

# Modules still moving out of core (to the `portal` app). The coordinator empties this list once that move is
# merged; a module listed here that no longer imports an app fails the test, so the list cannot go stale.
MOVING_OUT = {"selectors.py", "stats.py", "views.py"}


def _project_imports(path: Path) -> set[str]:
    """The vieclam.<app> modules a file imports, at any depth (function-level imports included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return {name for name in found if name.startswith("vieclam.") and not name.startswith("vieclam.core")}


def _core_modules() -> dict[str, Path]:
    return {
        path.relative_to(CORE).as_posix(): path
        for path in sorted(CORE.rglob("*.py"))
        if "tests" not in path.relative_to(CORE).parts and "migrations" not in path.relative_to(CORE).parts
    }


def test_core_imports_no_app_of_the_project():
    offending = {
        name: sorted(imports)
        for name, path in _core_modules().items()
        if name not in MOVING_OUT and (imports := _project_imports(path))
    }
    assert offending == {}


def test_the_list_of_modules_moving_out_of_core_is_not_stale():
    modules = _core_modules()
    stale = sorted(name for name in MOVING_OUT if name in modules and not _project_imports(modules[name]))
    assert stale == []
