"""The package folders are the layers: a module imports only from its own rank or lower ones.

Data flows one way (read -> extract -> ingest -> store -> analysis -> present -> cli/serve); an
import pointing up the stack is how a layer ends up knowing about its callers (the store once
imported the HTTP server's tokenizer).  Every ``import`` and ``from ... import`` in ``kg/`` is
checked, function-level ones included (a lazy import is still a dependency), relative imports
resolved.  The ranks are those of the layout table in README.md ("How the code is laid out").
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from helpers.paths import REPO

KG = REPO / "kg"

#: First component under ``kg.`` -> rank (0 lowest).  ``kg`` itself (the public API) is the top.
RANKS: dict[str, int] = {
    "errors": 0,
    "_version": 0,
    "io": 0,
    "vocab": 1,
    "rdf": 2,
    "store": 3,
    "queries": 4,
    "extract": 4,
    "ingest": 5,
    "analysis": 6,
    "present": 7,
    "feeds": 8,
    "serve": 8,
    "cli": 9,
    "__main__": 9,
}
TOP = 9

#: (importing module, imported module) pairs that break the rule and need a redesign to fix.
#: Empty on purpose; an entry that no longer occurs fails the test below.
KNOWN_VIOLATIONS: set[tuple[str, str]] = set()


def module_name(path: Path) -> str:
    """``kg/store/remote.py`` -> ``kg.store.remote``; a package's ``__init__`` is the package."""
    parts = list(path.relative_to(KG.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def rank(module: str) -> int:
    """Rank of a ``kg`` module by the package it sits in; fails on a module no layer claims."""
    parts = module.split(".")
    if parts == ["kg"]:
        return TOP
    if parts[1] not in RANKS:
        raise AssertionError(f"{module}: kg/{parts[1]} is in no layer; add it to RANKS and README.md")
    return RANKS[parts[1]]


def is_module(name: str) -> bool:
    """True when ``name`` (``kg.a.b``) is a module or package in the tree."""
    rel = Path(*name.split("."))
    return (KG.parent / rel.with_suffix(".py")).is_file() or (KG.parent / rel / "__init__.py").is_file()


def imported_modules(source: str, this: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, kg module) for every import of a kg module in the source of module ``this``, at any
    depth of its syntax tree; ``is_package``: the source is ``this``'s ``__init__.py``."""
    package = this if is_package else this.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, filename=this)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                # ``from kg.vocab import ns`` imports the module kg.vocab.ns
                sub = f"{source}.{alias.name}"
                found.append((node.lineno, sub if is_module(sub) else source))
    return [(line, name) for line, name in found if name == "kg" or name.startswith("kg.")]


def all_imports() -> list[tuple[str, str, int, str]]:
    """(file, importing module, line, imported module) over every module in kg/."""
    rows = []
    for path in sorted(KG.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        for line, target in imported_modules(source, module_name(path), path.name == "__init__.py"):
            rows.append((str(path.relative_to(KG.parent)), module_name(path), line, target))
    return rows


def upward(rows: list[tuple[str, str, int, str]]) -> list[tuple[str, str, int, str]]:
    """The rows whose imported module sits in a higher layer than the importing one."""
    return [row for row in rows if rank(row[3]) > rank(row[1])]


def test_the_walker_sees_lazy_relative_and_from_imports() -> None:
    src = (
        "import kg.store\n"
        "from kg.vocab import ns\n"
        "def f():\n"
        "    from kg.analysis import network\n"
        "    from .terms import nt_line\n"
        "    from . import bindings\n"
    )
    got = {name for _, name in imported_modules(src, "kg.rdf.probe")}
    assert got == {"kg.store", "kg.vocab.ns", "kg.analysis.network", "kg.rdf.terms", "kg.rdf.bindings"}
    rows = [("kg/rdf/x.py", "kg.rdf.x", 1, name) for name in sorted(got)]
    assert {row[3] for row in upward(rows)} == {"kg.store", "kg.analysis.network"}


def test_every_package_has_a_rank() -> None:
    for path in KG.iterdir():
        if path.name.startswith(("_", ".")) and path.name not in {"__main__.py", "_version.py"}:
            continue
        if path.is_dir() and not (path / "__init__.py").is_file():
            continue  # templates, vendor files and the like are not modules
        rank(f"kg.{path.stem}")


def test_no_import_points_up_the_layers() -> None:
    rows = all_imports()
    assert len(rows) > 200, "the walker found too few imports to be looking at kg/"
    bad = [row for row in upward(rows) if (row[1], row[3]) not in KNOWN_VIOLATIONS]
    listing = "\n".join(
        f"  {file}:{line} ({mod}, rank {rank(mod)}) imports {target} (rank {rank(target)})"
        for file, mod, line, target in bad
    )
    assert not bad, f"imports from a lower layer to a higher one:\n{listing}"


def test_known_violations_are_still_needed() -> None:
    still = {(row[1], row[3]) for row in upward(all_imports())}
    gone = KNOWN_VIOLATIONS - still
    assert not gone, f"fixed; remove from KNOWN_VIOLATIONS: {sorted(gone)}"


def test_readme_lays_out_every_package_with_its_rank() -> None:
    """README's "How the code is laid out" names each package of kg/ once, with the rank used here."""
    readme = (KG.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How the code is laid out", 1)[1].split("\n## ", 1)[0]
    named: dict[str, int] = {}
    for line in section.splitlines():
        found = re.match(r"- (.*?) \[(\d)\]", line)
        if found:
            for name in re.findall(r"`kg/([\w.]+?)(?:/|\.py)?`", found.group(1)):
                named[name] = int(found.group(2))
    packages = {p.name for p in KG.iterdir() if (p / "__init__.py").is_file()} | {"errors", "_version"}
    assert set(named) >= packages, f"README layout misses: {sorted(packages - set(named))}"
    for name in packages:
        assert named[name] == RANKS[name], (
            f"kg/{name}: README says rank {named[name]}, the test {RANKS[name]}"
        )
