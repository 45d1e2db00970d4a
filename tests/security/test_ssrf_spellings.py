"""The generated SERVICE/LOAD set against a real ``kg serve`` and ``kg query`` (issue 11, defect 1).

A real listener on 127.0.0.1 stands where an attacker's server would be.  Every spelling
must be refused (HTTP 403/400; ``kg query``: a non-zero exit and one line saying why)
and the listener must see no connection at all.  One ``kg serve`` per mode is started
for the whole module (read-only for queries, ``--writable`` for updates).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from helpers.paths import FIXTURES
from helpers.trig import oxigraph_store_dir

from kg.cli import cli
from scripts.listener import CountingListener
from scripts.servers import start_kg_serve
from scripts.ssrf_spellings import spellings

FIXTURE = FIXTURES / "queries_world.trig"


@pytest.fixture(scope="module")
def target() -> Iterator[CountingListener]:
    with CountingListener() as listener:
        yield listener


@pytest.fixture(scope="module")
def texts(target: CountingListener) -> list[tuple[str, str]]:
    return spellings(target.url)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return oxigraph_store_dir(tmp_path_factory.mktemp("ssrf") / "store", FIXTURE)


@pytest.fixture(scope="module")
def servers(store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    writable_store = tmp_path_factory.mktemp("ssrf-w") / "store"
    shutil.copytree(store_dir, writable_store)
    read_only, ro_url = start_kg_serve(store_dir)
    writable, rw_url = start_kg_serve(writable_store, "--writable")
    try:
        yield {"query": ro_url, "update": rw_url}
    finally:
        for proc in (read_only, writable):
            proc.terminate()
            proc.wait(timeout=10)


def test_the_set_is_large_and_mostly_real_ssrf(
    texts: list[tuple[str, str]], target: CountingListener
) -> None:
    """At least 500 spellings; most are SPARQL Oxigraph runs (so each would connect unguarded)."""
    assert len(texts) >= 500
    assert sum(kind == "update" for kind, _ in texts) >= 100
    # evaluated by the engine itself, past every check, in a child without network
    code = (
        "import json, sys\n"
        "from kg.store.sandbox import isolate_network\n"
        "how = isolate_network()\n"
        "import pyoxigraph as ox\n"
        "store, valid = ox.Store(), 0\n"
        "for kind, text in json.load(sys.stdin):\n"
        "    try:\n"
        "        list(store.query(text)) if kind == 'query' else store.update(text)\n"
        "    except SyntaxError:\n"
        "        continue\n"
        "    except Exception:\n"
        "        pass\n"
        "    valid += 1\n"
        "print(how, valid)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=json.dumps(texts), capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    how, valid = out.stdout.split()
    assert how in ("netns", "userns+netns")
    assert int(valid) >= 400, f"only {valid} of {len(texts)} spellings are runnable SPARQL"
    assert target.settle() == 0


def test_kg_serve_refuses_every_spelling(
    texts: list[tuple[str, str]], servers: dict[str, str], target: CountingListener
) -> None:
    with httpx.Client(timeout=30) as client, ThreadPoolExecutor(4) as pool:

        def send(item: tuple[str, str]) -> tuple[int, str, str]:
            kind, text = item
            r = client.post(f"{servers[kind]}/{kind}", data={kind: text})
            return r.status_code, r.text, text

        answers = list(pool.map(send, texts))
    wrong = [(status, text) for status, _, text in answers if status not in (400, 403)]
    connections = target.settle()
    assert not wrong and connections == 0, (
        f"{len(wrong)} not refused, {connections} connections, e.g. {wrong[:2]}"
    )
    assert all(body.strip() for _, body, _ in answers)  # each refusal says why


def test_kg_query_refuses_every_spelling_in_process(
    texts: list[tuple[str, str]], store_dir: Path, target: CountingListener
) -> None:
    runner = CliRunner()
    wrong = []
    for _, text in texts:
        result = runner.invoke(cli, ["--store", str(store_dir), "query", text])
        lines = result.output.strip().splitlines()
        if result.exit_code == 0 or len(lines) != 1 or not lines[0].startswith("error: refused"):
            wrong.append((result.exit_code, result.output[:200], text))
    connections = target.settle()
    ran = sum(code == 0 for code, _, _ in wrong)
    assert not wrong and connections == 0, (
        f"{len(wrong)} not refused by the check ({ran} ran, exit 0), {connections} connections, e.g. {wrong[:2]}"
    )


def test_kg_query_refuses_a_sample_as_real_processes(
    texts: list[tuple[str, str]], store_dir: Path, target: CountingListener
) -> None:
    """The process boundary (exit status, empty stdout, one stderr line) on a few spellings of
    each kind; every spelling goes through the same command in-process in the test above."""
    sample = []
    for kind in ("query", "update"):
        of_kind = [t for t in texts if t[0] == kind]
        sample += [of_kind[0], of_kind[len(of_kind) // 2]]

    def run(text: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kg", "--store", str(store_dir), "query", text],
            capture_output=True,
            text=True,
            timeout=120,
        )

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(run, [text for _, text in sample]))
    assert len(results) == 4
    for result in results:
        assert result.returncode == 1 and result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("error: refused")
    assert target.settle() == 0
