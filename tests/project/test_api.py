"""The library API (``import kg``): every public name resolves, lazily, and the README's
"Use kg from Python" example runs as written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.paths import REPO

import kg


def _run(code: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=cwd)


def test_every_name_in_all_resolves() -> None:
    for name in kg.__all__:
        assert getattr(kg, name) is not None, name
    assert set(kg.__all__) <= set(dir(kg))
    with pytest.raises(AttributeError):
        kg.no_such_name  # noqa: B018


def test_import_kg_loads_no_submodule() -> None:
    """``import kg`` stays cheap: names load on first use, not at import (only the version)."""
    done = _run("import sys, kg; print(sorted(m for m in sys.modules if m == 'kg' or m.startswith('kg.')))")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['kg', 'kg._version']"


@pytest.mark.parametrize("module", sorted(set(kg._API.values())))
def test_each_api_module_imports_first_without_a_cycle(module: str) -> None:
    """Each name's module, imported first in a fresh interpreter (a cycle would fail here)."""
    names = [n for n, m in kg._API.items() if m == module]
    done = _run(f"import kg\nfor n in {names!r}: getattr(kg, n)")
    assert done.returncode == 0, done.stderr[-2000:]


def _readme_python() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Use kg from Python") :]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]


def test_readme_example_runs(tmp_path: Path) -> None:
    (tmp_path / "data").symlink_to(REPO / "data")  # the example's relative paths, from the checkout
    done = _run(_readme_python(), cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout.splitlines()
    added = [line for line in out if line.startswith("added ")]
    assert len(added) == len(list((REPO / "data" / "articles").glob("*.md")))
    assert not any(line.startswith("refused:") for line in out)
    assert any("Rafale" in line for line in out)  # the timeline was printed
    assert out[-1].startswith("unknown party 'Atlantis'") and out[-1].endswith("-> exit code 2")
    assert (tmp_path / "india.html").stat().st_size > 0
    assert (tmp_path / "kg-store").is_dir()


def test_every_error_class_is_a_kg_error_with_an_exit_code() -> None:
    errors = [
        getattr(kg, n)
        for n in kg.__all__
        if isinstance(getattr(kg, n), type) and n.endswith(("Error", "Name", "Locked", "Failed", "Refused"))
    ]
    assert len(errors) >= 10
    for cls in errors:
        assert issubclass(cls, kg.KgError) and isinstance(cls.exit_code, int), cls
