"""Shared fixtures: stores (embedded, a real Oxigraph server, a real Virtuoso), paths to shared data.

Helpers several test modules share live in ``tests/helpers/``; nothing here or there is
imported by ``scripts/``.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.extract import learned
from scripts.servers import start_oxigraph, start_virtuoso, stop

REPO = Path(__file__).resolve().parents[1]
#: The engines every remote-store test runs against.
REMOTE_ENGINES = ["oxigraph", "virtuoso"]
#: Real third-party data, beside the checkout (never copied into the repository).
SHARED = REPO.parent / "shared"
SIPRI_DIR = SHARED / "data" / "sipri"
SEED_ARTICLE = SHARED / "seeds" / "000_d74674ddd7042d8b.txt"


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph SPARQL server on a free loopback port; yields its base URL."""
    try:
        proc, base = start_oxigraph(tmp_path_factory.mktemp("oxigraph-server"))
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    yield base
    stop(proc)


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private Virtuoso 7.2 (:func:`start_virtuoso`) with a throwaway database.

    kg reads the credentials from ``KG_REMOTE_USER``/``KG_REMOTE_PASSWORD`` (set for the
    session).  Yields the base URL.
    """
    try:
        proc, base, user, password = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    except RuntimeError as exc:
        pytest.fail(str(exc))
    saved = {k: os.environ.get(k) for k in ("KG_REMOTE_USER", "KG_REMOTE_PASSWORD")}
    os.environ.update(KG_REMOTE_USER=user, KG_REMOTE_PASSWORD=password)
    yield base
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    stop(proc)


def clear_store(store) -> None:
    """Remove every graph kg could have written (Virtuoso keeps its system graphs)."""
    if store.engine == "virtuoso":
        rows = store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        system = set(store._system_graphs)
        store.drop_graphs([r["g"] for r in rows if str(r["g"]) not in system])
    else:
        store.update("DROP ALL")


def _fresh_remote(url: str):
    """A RemoteStore on a shared server, emptied before and after the test."""
    from kg.store import open_store

    store = open_store(url)
    clear_store(store)
    yield store
    clear_store(store)


@pytest.fixture(params=REMOTE_ENGINES)
def remote_store(request: pytest.FixtureRequest):
    """A RemoteStore on each real server (Oxigraph, Virtuoso), emptied before each test."""
    yield from _fresh_remote(request.getfixturevalue(f"{request.param}_server"))


@pytest.fixture(params=["embedded", *REMOTE_ENGINES])
def any_store(request: pytest.FixtureRequest, tmp_path: Path):
    """The same test against the on-disk embedded store and each real SPARQL server."""
    from kg.store import open_store

    if request.param == "embedded":
        store = open_store(str(tmp_path / "store"))
        yield store
        store.close()
    else:
        yield from _fresh_remote(request.getfixturevalue(f"{request.param}_server"))


@pytest.fixture(scope="module")
def _module_store(request: pytest.FixtureRequest):
    """The in-memory store a module with ``STORE_SCOPE = "module"`` shares (see ``store``)."""
    from kg.store import open_store

    with open_store("memory:") as store:
        request.module.fill_store(store)
        yield store


@pytest.fixture
def store(request: pytest.FixtureRequest):
    """An in-memory store, closed after the test; the one fixture of that name.

    A test module says what it holds with ``fill_store(store)`` (none: empty).  With
    ``STORE_SCOPE = "module"`` it is filled once and shared by the module's tests, which
    must then only read it.
    """
    from kg.store import open_store

    if getattr(request.module, "STORE_SCOPE", "function") == "module":
        yield request.getfixturevalue("_module_store")
        return
    with open_store("memory:") as store:
        fill = getattr(request.module, "fill_store", None)
        if fill is not None:
            fill(store)
        yield store


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, str]:
    """``kg demo`` run once per session: (store location, output directory, its stdout).

    For tests that only read the demo's store or files (each run costs seconds); a test
    that writes to the store or checks a second run runs its own demo.
    """
    from click.testing import CliRunner

    from kg.cli import cli

    root = tmp_path_factory.mktemp("demo")
    store, out = str(root / "store"), root / "out"
    result = CliRunner().invoke(cli, ["--store", store, "demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return store, out, result.stdout


EXTRACT_TESTS = REPO / "tests" / "extract"


@pytest.fixture(autouse=True)
def _rules_see_candidates(request: pytest.FixtureRequest) -> Iterator[None]:
    """The extractor's rule tests (``tests/extract``) read every claim a rule makes: the candidates,
    before the claim model's drop floor (``learned.ClaimModel.floor``).

    Why: a rule test states what a construction yields ("a lease from a state keeps the lessee as
    buyer"); whether the shipped model then emits that claim by default is a different question,
    answered where the shipped output is measured: tests marked ``shipped_output`` (the own-words
    fixtures, the labelled sets' floors, the claim model, the floor itself) and every test outside
    ``tests/extract`` see the floor as a user does."""
    model = learned.current_model()
    if (
        EXTRACT_TESTS not in Path(request.node.path).parents
        or request.node.get_closest_marker("shipped_output")
        or model is None
        or model.floor <= 0
    ):
        yield
        return
    token = learned.use_model(dataclasses.replace(model, floor=0.0))
    try:
        yield
    finally:
        learned.reset_model(token)
