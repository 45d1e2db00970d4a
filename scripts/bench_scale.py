#!/usr/bin/env python3
"""Measure load, every named query and the views at several register sizes on three engines.

For each scale (``--scales 1,3``; ``scripts/gen_scale.py`` writes the synthetic register)
and each engine (embedded Oxigraph on disk, Oxigraph server, Virtuoso 7.2; the servers
are started here on loopback, Virtuoso with a throwaway database), in one run:

* **load**: ``import_sipri`` of the register into an empty store (wall seconds);
* every named query with the parameters of ``scripts/bench_queries.py``: the median of
  ``--repeat`` runs (an engine error is recorded as such);
* the network view and the India country view (median).

Writes ``docs/scaling.md`` (``--out``): the table, and for each engine the largest size
measured at which it stayed comfortable (every named query's median <= 1 s and the load
<= 10 min).  Usage::

    .venv/bin/python scripts/bench_scale.py --scales 1,3 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "scripts")]

from bench_queries import BENCH_PARAMS  # noqa: E402
from gen_scale import REGISTER, split_register, synthetic_rows, write_register  # noqa: E402
from servers import free_port, start_virtuoso  # noqa: E402
from servers import oxigraph_binary as _oxigraph_binary  # noqa: E402
from servers import stop as _stop  # noqa: E402
from servers import wait_http as _wait_http  # noqa: E402

ENGINES = ["embedded", "oxigraph", "virtuoso"]
COMFORT_QUERY_S, COMFORT_LOAD_S = 1.0, 600.0


#: A measure whose first run takes longer than this (seconds) is not repeated: at 10x some
#: views take minutes, and their repeats would not change the verdict (``--once-above``).
ONCE_ABOVE_S = 60.0


def median_of(fn: Callable[[], object], repeat: int, once_above: float = ONCE_ABOVE_S) -> float:
    """Median wall seconds of ``repeat`` runs; one run when the first takes over ``once_above``."""
    times: list[float] = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        if times[0] > once_above:
            break
    return statistics.median(times)


def measure_rewrites(store: object) -> dict[str, float | str]:
    """Seconds to replace the register's graph, which the store holds, on a remote store:
    with the same statements, with 1% of them changed, and with every statement re-sent
    through the whole-graph swap (upload beside it, ``MOVE``; ``difference_limit = 0``).

    Why: a first import writes a new graph, a ``--force`` re-import or a rebuilt links
    graph replaces one, and the engines' cost for that differs by two orders of magnitude.
    """
    import io

    from kg.store.remote import RemoteStore

    assert isinstance(store, RemoteStore)
    graph = max(store.named_graphs(), key=store.count)  # the register's release graph
    buf = io.BytesIO()
    store.export("nt", buf, graph=graph)
    lines = buf.getvalue().splitlines()
    changed = [line.replace(b"> .", b"-x> .", 1) if i % 100 == 0 else line for i, line in enumerate(lines)]
    out: dict[str, float | str] = {}
    for label, payload, limit in (
        ("rewrite: unchanged", lines, store.difference_limit),
        ("rewrite: 1% changed", changed, store.difference_limit),
        ("rewrite: whole, swapped", lines, 0),
    ):
        store.difference_limit = limit
        t0 = time.perf_counter()
        try:
            store.replace_graphs({graph: b"\n".join(payload) + b"\n"})
            out[label] = time.perf_counter() - t0
        except Exception as exc:  # a failed rewrite is a result here
            out[label] = f"failed after {time.perf_counter() - t0:.0f} s: {_brief(str(exc))}"
        print(f"  {store.location[:30]} {label}: {out[label]}", file=sys.stderr)
    store.difference_limit = type(store).difference_limit
    return out


def measure(
    location: str,
    register: Path,
    repeat: int,
    once_above: float = ONCE_ABOVE_S,
    rewrites: bool = False,
    queries: bool = True,
) -> dict[str, float | str]:
    """Load, named queries and views on one store; values are seconds or an error text.

    A load that fails (e.g. a server timing out) is recorded and ends this engine's run.
    ``rewrites`` adds :func:`measure_rewrites` after the load on remote stores.
    """
    from kg.analysis import network as kn
    from kg.ingest.base_graphs import ensure_base_graphs
    from kg.ingest.sipri.importer import import_sipri
    from kg.present.views import country_view, network_view
    from kg.queries.named import list_queries, run_named
    from kg.store import open_store

    out: dict[str, float | str] = {}
    store = open_store(location)
    try:
        if location.startswith("http"):
            store.drop_graphs([*store.named_graphs(), _registry()])
        t0 = time.perf_counter()
        try:
            ensure_base_graphs(store)
            import_sipri(store, [register])
        except Exception as exc:  # a failed load is a result here
            out["load"], out["quads"] = (
                f"failed after {time.perf_counter() - t0:.0f} s: {_brief(str(exc))}",
                0.0,
            )
            return out
        out["load"] = time.perf_counter() - t0
        out["quads"] = float(store.count())
        if rewrites and location.startswith("http"):
            out.update(measure_rewrites(store))
        if not queries:
            return out
        for q in list_queries():
            params = BENCH_PARAMS.get(q.name, {})
            try:
                out[q.name] = median_of(
                    lambda q=q, p=params: list(run_named(store, q, p).rows), repeat, once_above
                )
            except Exception as exc:  # an engine's error is a result here
                out[q.name] = f"error: {str(exc)[:60]}"
            print(f"  {location[:30]} {q.name}: {out[q.name]}", file=sys.stderr)
        out["view: network"] = median_of(lambda: network_view(store, kn.Filters()), repeat, once_above)
        out["view: country India"] = median_of(lambda: country_view(store, "India"), repeat, once_above)
    finally:
        store.close()
    return out


def _brief(message: str) -> str:
    """An error message short enough for a table cell, keeping its head (the engine's error
    code) and its tail (what it was doing)."""
    return message if len(message) <= 240 else f"{message[:160]} ... {message[-60:]}"


#: Virtuoso's page cache for the bench: 680,000 pages of 8 kB (5.2 GB), the ini's setting for
#: 8 GB given to Virtuoso.  Debian's default of 10,000 (80 MB) thrashed from 3x on: the 10x
#: count after the upload had not answered after 20 minutes ("Read wait on column page").
VIRTUOSO_BUFFERS = 680_000


def _registry():
    from kg.vocab.iris import REGISTRY_GRAPH

    return REGISTRY_GRAPH


def start_servers(tmp: Path, engines: list[str]) -> tuple[dict[str, str], list]:
    """Oxigraph server and Virtuoso (those in ``engines``) on loopback; (engine -> URL, processes)."""
    import subprocess

    urls, procs = {}, []
    binary = _oxigraph_binary() if "oxigraph" in engines else None
    if binary:
        port = free_port()
        proc = subprocess.Popen(
            [binary, "serve", "--location", str(tmp / "oxigraph"), "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_http(proc, f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", "oxigraph server")
        urls["oxigraph"], procs = f"http://127.0.0.1:{port}", [proc]
    if "virtuoso" not in engines:
        return urls, procs
    try:
        (tmp / "virtuoso").mkdir()
        proc, base, user, password = start_virtuoso(
            tmp / "virtuoso", max_rows=1_000_000, buffers=VIRTUOSO_BUFFERS
        )
        os.environ.update(KG_REMOTE_USER=user, KG_REMOTE_PASSWORD=password)
        urls["virtuoso"] = base
        procs.append(proc)
    except (FileNotFoundError, RuntimeError) as exc:
        print(f"virtuoso skipped: {exc}", file=sys.stderr)
    return urls, procs


#: The prose part of docs/scaling.md (kept here so that a re-run rewrites the whole file).
BEYOND = """
## Beyond one machine

kg's store interface is SPARQL 1.1 (Protocol, Update, Graph Store Protocol), so moving the
graph means pointing `--store` (or `KG_STORE`) at a server; nothing else changes
(docs/remote-stores.md).

* **Next step, same machine or one bigger one: Virtuoso.**  Counts and GROUP BYs run
  10-40x faster than Oxigraph's (../shared/design/virtuoso-notes.md; `pipeline` 0.4 s
  against 11.6 s at 1x in the afternoon run), and it is tested with kg on every
  `make test`.  `kg import` fills it directly (a first import is written in place,
  in 50,000-statement chunks, no `MOVE`); its bulk loader (`ld_dir` +
  `rdf_loader_run()`, about 1M triples in 5-9 s) on `kg export --format nq` remains the
  fastest way for tens of millions of triples.  Use kg with
  `KG_STORE=http://host:8890 KG_REMOTE_USER=... KG_REMOTE_PASSWORD=...`; in
  `virtuoso.ini` size the page cache first (`NumberOfBuffers`/`MaxDirtyBuffers`: the
  ini's commented line for the RAM you give it; Debian's 80 MB default thrashes from a
  few million triples on) and set `MaxQueryExecutionTime = 0` (kg refuses the partial
  answers Virtuoso gives at that limit).  What you give up: replacing a
  multi-million-triple graph in one transaction (drop it first), `ORDER BY` on an
  aggregate alias seen out of order now and then (docs/remote-stores.md), and `SELECT`
  results beyond `ResultSetMaxRows` cost one paged re-run.  kg adapts to the engine's
  known wrong answers in its remote store (SP031 re-sent with constants inlined,
  `COALESCE` unfolded), so the named queries give the embedded store's rows.
* **Oxigraph server** loads as fast as the embedded store now (its bulk loader) and
  answers the same way, so it is the server to pick when several processes or machines
  must read one store of embedded-store size, not for more data.
* **Several machines: QLever or a Virtuoso cluster.**  QLever indexes billions of
  triples on one large machine and answers kg's queries read-only (imports happen
  elsewhere, then the index is rebuilt: no incremental `kg import`, no `kg link`
  updates).  Virtuoso's commercial cluster edition shards a store over machines; the
  open-source 7.2 tested here does not.
* **What does not move:** `kg serve` stays an endpoint for embedded stores, and the
  views and the report read through SPARQL, so they are as fast as the server's answers
  to the same queries (the table above).
"""


def write_report(
    path: Path,
    results: dict[tuple[int, str], dict[str, float | str]],
    cmd: str,
    load: tuple[float, float],
    once_above: float = ONCE_ABOVE_S,
) -> None:
    columns = sorted(results)
    keys = list(dict.fromkeys(k for c in columns for k in results[c] if k not in ("load", "quads")))
    head = " | ".join(f"{e} {s}x" for s, e in columns)
    lines = [
        "# Scaling: load, named queries and views by register size and engine",
        "",
        f"Measured by `{cmd}` on this machine (2 cores shared with other jobs, 24 GB RAM),",
        "with `scripts/gen_scale.py` registers (copy 0 is the real 16-column register; further",
        "copies re-draw parties, systems and years from the real rows, seed 16).  Seconds;",
        f"queries and views are medians (one run when the first took over {once_above:g} s).",
        "Embedded = Oxigraph on disk through kg; oxigraph =",
        "Oxigraph server over HTTP; virtuoso = Debian's Virtuoso 7.2 over HTTP.",
        f"Load average (1 min) at the start and end of the run: {load[0]:.1f} and {load[1]:.1f}",
        "on 2 cores: other jobs shared the machine, so absolute times are inflated.",
        "",
        f"| measure | {head} |",
        "| --- |" + " ---: |" * len(columns),
        "| quads | " + " | ".join(f"{int(results[c]['quads']):,}" for c in columns) + " |",
        "| load (import sipri) | " + " | ".join(_cell(results[c]["load"]) for c in columns) + " |",
    ]
    for key in keys:
        lines.append(f"| {key} | " + " | ".join(_cell(results[c].get(key, "-")) for c in columns) + " |")
    lines += ["", "## Comfortable up to", ""]
    # the criterion: the named queries and the load (views and rewrites are reported only)
    judged = [k for k in keys if not k.startswith(("rewrite:", "view:"))]
    for engine in sorted({e for _, e in columns}):
        fine = [
            s
            for s, e in columns
            if e == engine
            and isinstance(results[(s, e)]["load"], float)
            and results[(s, e)]["load"] <= COMFORT_LOAD_S
            and all(
                isinstance(v, float) and v <= COMFORT_QUERY_S
                for k, v in results[(s, e)].items()
                if k in judged
            )
        ]
        slow = {
            k
            for s, e in columns
            if e == engine
            for k, v in results[(s, e)].items()
            if k in judged and (not isinstance(v, float) or v > COMFORT_QUERY_S)
        }
        verdict = f"comfortable at {max(fine)}x" if fine else "not comfortable at any measured size"
        lines.append(
            f"* **{engine}**: {verdict}"
            + (f"; over 1 s or failing: {', '.join(sorted(slow))}" if slow else "")
        )
    path.write_text("\n".join(lines) + "\n" + BEYOND, encoding="utf-8")


def _write_json(path: Path, results: dict[tuple[int, str], dict[str, float | str]]) -> None:
    raw = {f"{scale}x {engine}": values for (scale, engine), values in results.items()}
    raw["load average (1 min)"] = {"now": os.getloadavg()[0]}  # type: ignore[assignment]
    path.write_text(json.dumps(raw, indent=1), encoding="utf-8")


def _cell(value: float | str) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scales", default="1,3")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, help="write the markdown report here (e.g. docs/scaling.md)")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument(
        "--once-above",
        type=float,
        default=ONCE_ABOVE_S,
        help="a measure whose first run takes longer (seconds) is run once (default %(default)s)",
    )
    parser.add_argument(
        "--rewrites",
        action="store_true",
        help="on the servers, also time replacing the loaded graph (unchanged, 1%% changed, swapped whole)",
    )
    parser.add_argument("--no-queries", action="store_true", help="measure the load (and rewrites) only")
    args = parser.parse_args()
    # one PUT of a whole register to a busy Oxigraph server can take minutes
    os.environ.setdefault("KG_REMOTE_TIMEOUT", "1800")
    load_before = os.getloadavg()[0]
    scales = [int(s) for s in args.scales.split(",")]
    engines = args.engines.split(",")
    results: dict[tuple[int, str], dict[str, float | str]] = {}
    with tempfile.TemporaryDirectory(prefix="kg-bench-scale-") as tmp_name:
        tmp = Path(tmp_name)
        urls, procs = start_servers(tmp, engines)
        try:
            preamble, rows = split_register(REGISTER)
            for scale in scales:
                register = tmp / f"register-{scale}x.csv"
                write_register(register, preamble, synthetic_rows(rows, scale, 16))
                for engine in engines:
                    location = str(tmp / f"embedded-{scale}") if engine == "embedded" else urls.get(engine)
                    if location is None:
                        continue
                    print(f"{engine} {scale}x ...", file=sys.stderr)
                    results[(scale, engine)] = measure(
                        location, register, args.repeat, args.once_above, args.rewrites, not args.no_queries
                    )
                    print(
                        f"{engine} {scale}x load: {_cell(results[(scale, engine)]['load'])}", file=sys.stderr
                    )
                    if args.json:  # after every engine: a run cut short still leaves what finished
                        _write_json(args.json, results)
        finally:
            for proc in procs:
                _stop(proc)
    cmd = "python scripts/bench_scale.py " + " ".join(sys.argv[1:])
    load = (load_before, os.getloadavg()[0])
    if args.out:
        write_report(args.out, results, cmd, load, args.once_above)
    if args.json:
        _write_json(args.json, results)
        print(f"wrote {args.json}", file=sys.stderr)
    else:
        for key, value in results.items():
            print(key, value)


if __name__ == "__main__":
    main()
