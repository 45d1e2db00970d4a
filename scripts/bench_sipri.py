#!/usr/bin/env python3
"""Benchmark ``kg import sipri`` on the real registers against a naive rdflib baseline.

For each register (16-column ``trade-register.csv``, 17-column ``trade_register.csv``):

* **kg CLI**: ``python -m kg --store <fresh dir> import sipri FILE`` in a subprocess, end
  to end (interpreter start, parse, map, bulk load into on-disk Oxigraph, flush), timed
  with ``/usr/bin/time -v`` for peak RSS when available (else ``getrusage`` of children);
* **naive baseline**: the *same triples* (the importer's N-Triples, parsed beforehand, not
  timed) turned into rdflib terms and added one by one to a plain in-memory
  ``rdflib.Graph`` (in its own subprocess, so its memory is measured separately);
* **naive CSV baseline** (the issue's yardstick, independent of how many triples kg
  emits): the ``csv`` module reads the same file and a plain rdflib ``Graph.add`` loop
  makes two triples per cell (row -> cell node, cell node -> value), written as N-Triples;
  all of it timed, in its own subprocess.  kg's import should be >= 3x faster.

Prints a table: seconds, triples, triples/s, peak RSS, and baseline / CLI ratio.
Usage: ``python scripts/bench_sipri.py [--no-baseline] [--repeat N]`` (medians of N runs,
kg and the baselines interleaved, with the ratio of each run and the load average).
"""

from __future__ import annotations

import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "sipri"
FILES = [DATA / "trade-register.csv", DATA / "trade_register.csv"]


def _run_timed(cmd: list[str]) -> tuple[float, int | None, subprocess.CompletedProcess]:
    """Wall seconds, peak RSS in MiB (None if unknown) and the completed process.

    The CPU seconds (user + system) of the child are attached as ``proc.cpu_seconds``:
    on a shared machine they vary less than wall time.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    full = ["/usr/bin/time", "-v", *cmd] if Path("/usr/bin/time").exists() else cmd
    start = time.perf_counter()
    proc = subprocess.run(full, capture_output=True, text=True, check=False, cwd=ROOT)
    seconds = time.perf_counter() - start
    rss: int | None = None
    user = re.search(r"User time \(seconds\): ([\d.]+)", proc.stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", proc.stderr)
    proc.cpu_seconds = float(user.group(1)) + float(system.group(1)) if user and system else None  # type: ignore[attr-defined]
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    if match:
        rss = int(match.group(1)) // 1024
    else:
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        rss = after // 1024 if after > before else None
    return seconds, rss, proc


def _median_run(runs: list[dict[str, object]]) -> dict[str, object]:
    """The run with the median wall time (its CPU, RSS and triples with it); CPU as a median too."""
    ordered = sorted(runs, key=lambda r: r["seconds"])  # type: ignore[arg-type,return-value]
    out = dict(ordered[len(ordered) // 2])
    cpus = [r["cpu"] for r in runs if r.get("cpu") is not None]
    out["cpu"] = statistics.median(cpus) if cpus else None  # type: ignore[type-var]
    return out


def bench_cli(path: Path) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="kg-bench-sipri-") as tmp:
        store = Path(tmp) / "store"
        seconds, rss, proc = _run_timed(
            [sys.executable, "-m", "kg", "--store", str(store), "import", "sipri", "-q", str(path)]
        )
        if proc.returncode != 0:
            raise SystemExit(f"kg import sipri failed ({proc.returncode}): {proc.stderr[-2000:]}")
        from kg.store import open_store

        with open_store(str(store), read_only=True) as s:
            triples = s.count()
            deals = s.stats()["deals"]
    return {"seconds": seconds, "cpu": proc.cpu_seconds, "rss": rss, "triples": triples, "deals": deals}  # type: ignore[attr-defined]


def bench_baseline(path: Path) -> dict[str, object]:
    _wall, rss, proc = _run_timed([sys.executable, __file__, "--baseline-child", str(path)])
    if proc.returncode != 0:
        raise SystemExit(f"baseline failed: {proc.stderr[-2000:]}")
    add_seconds, add_cpu, triples = proc.stdout.split()
    return {"seconds": float(add_seconds), "cpu": float(add_cpu), "rss": rss, "triples": int(triples)}


def baseline_child(path: Path) -> None:
    """Child process: rdflib terms + Graph.add one triple at a time (timed part)."""
    import pyoxigraph as ox
    from rdflib import Graph, Literal, URIRef

    from kg.ingest.sipri.formats import parse_file
    from kg.ingest.sipri.mapping import map_release

    nt = map_release(parse_file(path)).ntriples().encode("utf-8")
    raw = []  # plain Python tuples, so the timed part starts from data, not parser objects
    for t in ox.parse(nt, ox.RdfFormat.N_TRIPLES):
        o = t.object
        if isinstance(o, ox.Literal):
            obj = ("L", o.value, o.datatype.value if o.datatype else None)
        else:
            obj = ("U", o.value, None)
        raw.append((t.subject.value, t.predicate.value, obj))
    start, cpu = time.perf_counter(), time.process_time()
    graph = Graph()
    for s, p, (kind, value, dtype) in raw:
        obj = URIRef(value) if kind == "U" else Literal(value, datatype=URIRef(dtype) if dtype else None)
        graph.add((URIRef(s), URIRef(p), obj))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{seconds:.3f} {cpu:.3f} {len(graph)}")


def csv_baseline_child(path: Path) -> None:
    """Child process: csv reader + rdflib Graph.add, two triples per cell, N-Triples out (all timed)."""
    import csv

    from rdflib import RDF, Graph, Literal, URIRef

    start, cpu = time.perf_counter(), time.process_time()
    graph = Graph()
    base = "https://example.org/baseline/"
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for i, row in enumerate(csv.reader(fh)):
            row_node = URIRef(f"{base}row/{i}")
            for j, cell in enumerate(row):
                cell_node = URIRef(f"{base}row/{i}/cell/{j}")
                graph.add((row_node, URIRef(f"{base}col/{j}"), cell_node))
                graph.add((cell_node, RDF.value, Literal(cell)))
    with tempfile.TemporaryDirectory(prefix="kg-bench-baseline-") as tmp:
        graph.serialize(destination=str(Path(tmp) / "out.nt"), format="nt", encoding="utf-8")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{seconds:.3f} {cpu:.3f} {len(graph)}")


def bench_csv_baseline(path: Path) -> dict[str, object]:
    _wall, rss, proc = _run_timed([sys.executable, __file__, "--csv-baseline-child", str(path)])
    if proc.returncode != 0:
        raise SystemExit(f"csv baseline failed: {proc.stderr[-2000:]}")
    seconds, cpu, triples = proc.stdout.split()
    return {"seconds": float(seconds), "cpu": float(cpu), "rss": rss, "triples": int(triples)}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--baseline-child"]:
        baseline_child(Path(argv[1]))
        return 0
    if argv[:1] == ["--csv-baseline-child"]:
        csv_baseline_child(Path(argv[1]))
        return 0
    with_baseline = "--no-baseline" not in argv
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 1
    missing = [p for p in FILES if not p.exists()]
    if missing:
        print(f"missing data: {', '.join(map(str, missing))}", file=sys.stderr)
        return 1
    rows = []
    loads = [os.getloadavg()[0]]
    for path in FILES:
        # runs interleaved (kg, baselines, kg, ...): a change in the machine's load hits both
        runs: dict[str, list[dict[str, object]]] = {"cli": [], "base": [], "naive": []}
        for _ in range(repeat):
            runs["cli"].append(bench_cli(path))
            if with_baseline:
                runs["base"].append(bench_baseline(path))
                runs["naive"].append(bench_csv_baseline(path))
            loads.append(os.getloadavg()[0])
        cli = _median_run(runs["cli"])
        rows.append((path.name, "kg import sipri (CLI, on-disk)", cli))
        if with_baseline:
            for key, label in (("base", "naive rdflib Graph.add"), ("naive", "naive csv + Graph.add + nt")):
                base = _median_run(runs[key])
                base["ratio"] = base["seconds"] / cli["seconds"]  # type: ignore[operator]
                # the ratio within each run too (kg and baseline measured side by side)
                base["ratios"] = [
                    b["seconds"] / c["seconds"] for b, c in zip(runs[key], runs["cli"], strict=True)
                ]  # type: ignore[operator]
                # CPU seconds too: on a loaded machine they vary far less than wall time (kg's
                # load uses two threads, so its CPU ratio is below its wall ratio on an idle one)
                base["cpu_ratios"] = [
                    b["cpu"] / c["cpu"]
                    for b, c in zip(runs[key], runs["cli"], strict=True)
                    if b["cpu"] and c["cpu"]
                ]  # type: ignore[operator]
                rows.append((path.name, label, base))
    header = (
        f"{'file':<20} {'method':<32} {'wall s':>7} {'cpu s':>7} {'triples':>9} {'triples/s':>10} "
        f"{'peak RSS MiB':>12} {'x slower':>8}"
    )
    print(header)
    print("-" * len(header))
    for name, method, r in rows:
        tps = r["triples"] / r["seconds"]  # type: ignore[operator]
        ratio = f"{r['ratio']:.1f}" if "ratio" in r else ""
        rss = r["rss"] if r["rss"] is not None else "?"
        cpu = f"{r['cpu']:.2f}" if r.get("cpu") is not None else "?"
        print(
            f"{name:<20} {method:<32} {r['seconds']:>7.2f} {cpu:>7} {r['triples']:>9} {tps:>10.0f} "
            f"{rss!s:>12} {ratio:>8}"
        )
    for name, method, r in rows:
        if "ratios" in r:
            print(f"{name} {method}: per-run ratios {', '.join(f'{x:.2f}' for x in r['ratios'])}")  # type: ignore[union-attr]
            cpu = ", ".join(f"{x:.2f}" for x in r.get("cpu_ratios", []))  # type: ignore[union-attr]
            print(f"{name} {method}: per-run CPU-seconds ratios {cpu or '?'}")
    print(
        f"\nmedians of {repeat} run(s); load average (1 min) before and after each run: "
        f"{', '.join(f'{x:.1f}' for x in loads)} on {os.cpu_count()} CPUs"
    )
    print(
        "\nkg: whole CLI process (start, parse, map, bulk load, flush). Baseline: only the "
        "Graph.add loop over pre-parsed triples (term creation included), in memory; "
        "'x slower' = baseline seconds / kg CLI seconds."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
