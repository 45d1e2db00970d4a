"""The installed package (not editable) carries ontology/ and data/ and runs from elsewhere."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


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
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
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


HTML_ARTICLE = """<!doctype html><html><head><title>Navy news</title>
<meta property="article:published_time" content="2024-05-02"></head><body><article>
<h1>Navy orders patrol boats</h1>
<p>The Philippine Navy ordered nine patrol boats from Israel in 2023, the ministry said on Tuesday.
The boats are to be delivered by 2026 and the first two arrived in Manila last month.</p>
<p>Officials said the order followed a review of coastal needs that began three years ago.</p>
</article></body></html>
"""


def test_clean_venv_without_extras_imports_an_html_article(wheel: Path, tmp_path: Path) -> None:
    """``pip install kg`` (no extras, what ``make demo`` does) must read HTML articles.

    Why: trafilatura's justext imports ``lxml.html.clean``, a separate package
    (``lxml_html_clean``) since lxml 5.2 that only a test extra happened to pull in.
    """
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    install = subprocess.run(
        [str(py), "-m", "pip", "install", "-q", str(wheel)], capture_output=True, text=True, timeout=600
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
