"""The installed package (not editable) carries ontology/ and data/ and runs from elsewhere."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from helpers.paths import REPO

from scripts.hostile_data import HTML_ARTICLE


def test_every_package_directory_is_listed() -> None:
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(REPO).parts)
        for p in (REPO / "kg").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if proc.returncode != 0:
        pytest.fail(f"building the wheel failed: {proc.stderr[-2000:]}")
    return next(out.glob("kg-*.whl"))


def test_wheel_contains_ontology_and_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "kg/ontology/kg.ttl" in names
    assert "kg/ontology/shapes.ttl" in names
    assert any(re.match(r"kg/data/reference/.+\.csv$", n) for n in names)
    assert any(n.startswith("kg/data/facts/") for n in names)
    assert any(n.startswith("kg/queries/") and n.endswith(".rq") for n in names)


def test_installed_wheel_runs_help_and_demo_from_elsewhere(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-compile",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    work = tmp_path / "elsewhere"
    work.mkdir()
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import kg, kg.io.resources as r; print(kg.__file__); print(r.ontology_path())",
        ],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert where.stdout.startswith(str(target)), where.stdout + where.stderr
    assert Path(where.stdout.splitlines()[1]).is_file()
    help_ = subprocess.run(
        [sys.executable, "-m", "kg", "--help"], cwd=work, env=env, capture_output=True, text=True, timeout=60
    )
    assert help_.returncode == 0 and "demo" in help_.stdout
    demo = subprocess.run(
        [sys.executable, "-m", "kg", "--store", "store", "demo", "--out", "out"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert demo.returncode == 0, demo.stderr[-3000:]
    assert "deals" in demo.stdout


def test_clean_venv_without_extras_imports_an_html_article(wheel: Path, tmp_path: Path) -> None:
    """``pip install kg`` (no extras, what ``make demo`` does) must read HTML articles.

    Why: trafilatura's justext imports ``lxml.html.clean``, a separate package
    (``lxml_html_clean``) since lxml 5.2 that only a test extra happened to pull in.
    """
    venv = tmp_path / "venv"
    # --without-pip, then this pip driving the venv's interpreter (--python): installing pip
    # into the venv first cost ~6 s of CPU and proves nothing about kg's dependencies
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    # --no-compile: byte-compiling every dependency (numpy, matplotlib, networkx...) proves nothing
    # here and cost most of the install's CPU; imported modules still compile as they load
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-compile", str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    page = tmp_path / "article.html"
    page.write_text(HTML_ARTICLE, encoding="utf-8")
    res = subprocess.run(
        [str(py), "-m", "kg", "--store", str(tmp_path / "store"), "import", "articles", str(page)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr[-3000:]
    assert "imported 1 article(s)" in res.stderr


def _imported_top_modules() -> set[str]:
    """Top-level names of every module imported anywhere in kg/ (function-level imports too)."""
    import ast

    names: set[str] = set()
    for path in (REPO / "kg").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return names


def _normalise(dist: str) -> str:
    return re.sub(r"[-_.]+", "-", dist).lower()


def test_every_third_party_import_is_a_declared_dependency() -> None:
    """A module kg imports must come from a distribution listed in pyproject's dependencies.

    Why: an undeclared one (jinja2 was, pulled in only through pyvis) works until the
    package that happens to bring it drops it; then a fresh ``pip install kg`` breaks.
    """
    from importlib.metadata import packages_distributions

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    declared = {_normalise(re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0]) for d in project["dependencies"]}
    by_module = packages_distributions()
    stdlib = set(sys.stdlib_module_names) | {"__future__", "kg"}
    undeclared = {}
    for name in sorted(_imported_top_modules() - stdlib):
        dists = {_normalise(d) for d in by_module.get(name, [])}
        if not dists:
            undeclared[name] = "not installed"
        elif not dists & declared:
            undeclared[name] = ", ".join(sorted(dists))
    assert not undeclared, f"imported by kg/ but not in [project] dependencies: {undeclared}"


def test_justext_cleaner_is_declared_with_bounds() -> None:
    """``lxml_html_clean`` (needed by justext since lxml 5.2) is a bounded runtime dependency."""
    deps = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    spec = next((d for d in deps if _normalise(d).startswith("lxml-html-clean")), None)
    assert spec is not None and ">=" in spec and "<" in spec, spec
