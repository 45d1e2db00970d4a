"""``kg feed add|list|remove|run``: follow RSS/Atom feeds into the store."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from kg.cli.app import KgGroup, cli, get_store
from kg.errors import EXIT_REJECTED

STATE_HELP = (
    "Feed state file (default: <store>.feeds.json beside an on-disk store, else ./kg-feeds.json). "
    "Env: KG_FEEDS_STATE."
)


def _state(ctx: click.Context):
    from kg.feeds.state import FeedState, state_path

    path = ctx.meta.get("kg.feeds.state")
    if path is None:
        holder = ctx.find_root().obj
        location = getattr(holder, "location", None) or "kg-store"
        path = state_path(location)
    return FeedState(Path(path))


@cli.group("feed", cls=KgGroup)
@click.option(
    "--state", "state_file", type=click.Path(dir_okay=False), envvar="KG_FEEDS_STATE", help=STATE_HELP
)
@click.pass_context
def feed_group(ctx: click.Context, state_file: str | None) -> None:
    """Follow RSS/Atom feeds: new articles are fetched, read and imported with their claims.

    \b
    kg feed add https://example.org/defence/rss.xml --name example
    kg feed list
    kg feed run                       # all feeds; ends with a digest of what is new
    kg feed run example --format json --digest new.xml
    kg feed remove example
    """
    if state_file:
        ctx.meta["kg.feeds.state"] = state_file


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@feed_group.command("add")
@click.argument("url")
@click.option("--name", help="Short name (default: the host name).")
@click.pass_context
def feed_add(ctx: click.Context, url: str, name: str | None) -> None:
    """Subscribe to the feed at URL (nothing is fetched until ``kg feed run``)."""
    state = _state(ctx)
    feed = state.add(url, name, _now())
    state.save()
    click.echo(f"added feed {feed.name}: {feed.url}", err=True)


@feed_group.command("remove")
@click.argument("name")
@click.pass_context
def feed_remove(ctx: click.Context, name: str) -> None:
    """Unsubscribe; the articles it brought stay in the store."""
    state = _state(ctx)
    feed = state.remove(name)
    state.save()
    click.echo(f"removed feed {feed.name}: {feed.url}", err=True)


@feed_group.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def feed_list(ctx: click.Context, fmt: str) -> None:
    """The feeds, with their last run, status and error."""
    from kg.cli.output import write_rows

    state = _state(ctx)
    feeds = [state.feeds[n] for n in sorted(state.feeds)]
    if fmt == "json":
        docs = [
            {
                "name": f.name,
                "url": f.url,
                "added": f.added,
                "last_run": f.last_run,
                "last_status": f.last_status,
                "last_error": f.last_error,
                "seen": len(f.seen),
            }
            for f in feeds
        ]
        click.echo(json.dumps(docs, ensure_ascii=False, indent=2))
        return
    rows = [
        [f.name, f.url, f.last_run or "never", f.last_status or "", len(f.seen), f.last_error or ""]
        for f in feeds
    ]
    write_rows(["name", "url", "last run", "status", "seen", "last error"], rows, "table", sys.stdout)


@feed_group.command("run")
@click.argument("names", nargs=-1)
@click.option(
    "--per-host",
    type=click.IntRange(1, 16),
    default=2,
    show_default=True,
    help="At most this many requests in flight per host.",
)
@click.option(
    "--delay",
    type=click.FloatRange(0, 60),
    default=0.5,
    show_default=True,
    help="Seconds between two requests to one host (robots.txt Crawl-delay may raise it).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(1, 600),
    default=60.0,
    show_default=True,
    help="Total seconds per request (connect 10 s, read 20 s within it).",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes that read pages and extract their claims.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="The digest on stdout: text or JSON.",
)
@click.option(
    "--digest",
    "digest_file",
    type=click.Path(dir_okay=False, writable=True),
    help="Also write the digest as an Atom feed to this file.",
)
@click.pass_context
def feed_run(
    ctx: click.Context,
    names: tuple[str, ...],
    per_host: int,
    delay: float,
    timeout: float,
    jobs: int,
    fmt: str,
    digest_file: str | None,
) -> None:
    """Fetch the feeds (all, or NAMES), import the items not seen before, print a digest.

    robots.txt is honoured; a 304 or an item already seen costs nothing else. A feed or
    item that fails is reported and the run goes on; exit code 3 if any failed.
    """
    from kg.feeds.digest import build_digest, render_text, write_atom
    from kg.feeds.run import run_feeds
    from kg.io.fetch import Fetcher, Limits

    state = _state(ctx)
    feeds = state.select(list(names))
    if not feeds:
        click.echo("no feeds: add one with kg feed add URL", err=True)
        return
    store = get_store(ctx)
    fetcher = Fetcher(
        Limits(connect=min(10.0, timeout), read=min(20.0, timeout), total=timeout),
        per_host=per_host,
        delay=delay,
    )
    bar = None
    interactive = sys.stderr.isatty()

    def on_total(n: int) -> None:
        nonlocal bar
        if interactive and n:
            bar = click.progressbar(length=n, label="fetching", file=sys.stderr)
            bar.__enter__()

    def on_page(url: str, error: str | None) -> None:
        if bar is not None:
            bar.update(1)
        elif not interactive:
            click.echo(f"{'failed' if error else 'fetched'} {url}", err=True)

    try:
        with fetcher:
            report = run_feeds(
                store, state, names, fetcher=fetcher, jobs=jobs, on_page=on_page, on_total=on_total
            )
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for w in report.warnings:
        click.echo(f"warning: {w}", err=True)
    for e in report.errors:
        click.echo(f"error: {e}", err=True)
    web = report.web
    click.echo(
        f"{len(report.feeds)} feed(s), {report.requests} request(s): imported {len(web.imported.written)} "
        f"article(s) with {web.imported.total('claims')} claim(s); {len(web.unchanged)} unchanged; "
        f"{len(web.kept)} kept (paywall rule); {len(web.copies)} copies of known stories; "
        f"{len(report.errors)} error(s)",
        err=True,
    )
    digest = build_digest(store, report)
    if fmt == "json":
        click.echo(json.dumps(digest.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(digest), nl=False)
    if digest_file:
        write_atom(digest, Path(digest_file))
    if report.errors:
        ctx.exit(EXIT_REJECTED)
