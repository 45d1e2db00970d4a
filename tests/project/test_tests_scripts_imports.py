"""tests/ and scripts/ do not import each other through the back door.

Scripts never import from tests/ (a script must run without the test suite); tests import
what they share with scripts only as the package ``scripts.<module>``, never by putting a
directory on ``sys.path``; tests run a script's command line as a subprocess.
"""

from __future__ import annotations

import ast
from pathlib import Path

from helpers.paths import REPO

TESTS, SCRIPTS = REPO / "tests", REPO / "scripts"


def _sources(top: Path) -> list[Path]:
    return sorted(p for p in top.rglob("*.py") if "fixtures" not in p.parts and "__pycache__" not in p.parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in ``path``, function-level ones included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module))
    return found


def _names(top: Path) -> set[str]:
    """Top-level module names a file under ``top`` could be imported as, by a path hack."""
    return {p.stem for p in top.rglob("*.py")} | {
        p.name for p in top.rglob("*") if (p / "__init__.py").exists()
    }


def test_scripts_never_import_from_tests() -> None:
    test_modules = _names(TESTS) | {"tests"}
    bad = [
        f"{path.relative_to(REPO)}:{line}: {module}"
        for path in _sources(SCRIPTS)
        for line, module in _imports(path)
        if module.split(".")[0] in test_modules
    ]
    assert not bad, bad


def test_tests_import_scripts_only_as_the_scripts_package() -> None:
    script_modules = _names(SCRIPTS) - {"__init__"}
    bad = [
        f"{path.relative_to(REPO)}:{line}: {module}"
        for path in _sources(TESTS)
        for line, module in _imports(path)
        if module.split(".")[0] in script_modules
    ]
    assert not bad, bad


def test_no_sys_path_edits_reach_across() -> None:
    """No test edits sys.path; no script puts tests/ on it."""
    bad = []
    for top in (TESTS, SCRIPTS):
        for path in _sources(top):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if "sys.path" in line and (top == TESTS or '"tests"' in line or "'tests'" in line):
                    bad.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    bad = [b for b in bad if not b.startswith("tests/project/test_tests_scripts_imports.py")]
    assert not bad, bad
