"""The ``spamsift`` command: check, clean and run, with exit statuses like clamscan's."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from spamsift.api import check
from spamsift.core.report import Report
from spamsift.io.decode import InputError, decode_bytes

EXIT_CLEAN, EXIT_SPAM, EXIT_ERROR = 0, 1, 2
_KIND_STYLE = {"spam": "bold red", "boilerplate": "dim", "content": ""}
_LABEL_STYLE = {"gambling": "bold white on red", "spam": "bold white on dark_orange", "clean": "bold white on green"}


def _load(source: str, allow_private: bool, url: str | None, title: str | None) -> Report:
    if source.startswith(("http://", "https://")):
        if url is not None or title is not None:
            raise ValueError("--url and --title go with a file or standard input; a fetched page has its own")
        return check(url=source, allow_private=allow_private)
    data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    decoded = decode_bytes(data)
    if decoded.is_html:
        return check(html=decoded.text, url=url, title=title)
    return check(text=decoded.text, url=url, title=title)


def _report_or_exit(source: str, allow_private: bool, url: str | None = None, title: str | None = None) -> Report:
    try:
        return _load(source, allow_private, url, title)
    except (InputError, OSError, ValueError) as exc:
        click.echo(f"spamsift: {source}: {exc}", err=True)
        sys.exit(EXIT_ERROR)


def render(report: Report, console: Console, width: int = 110) -> None:
    """The readable verdict: label, score, reasons, then the page's blocks with spam in colour."""
    header = Text()
    header.append(f" {report.label.upper()} ", style=_LABEL_STYLE[report.label])
    header.append(f"  score {report.score:.3f}")
    if report.url:
        header.append(f"  {report.url}", style="cyan")
    console.print(header)
    for reason in report.reasons:
        console.print(f"  • {reason}")
    console.print()
    for block in report.blocks:
        text = block.text if len(block.text) <= width else block.text[: width - 1] + "…"
        line = Text(f"{block.kind[:4]:<4} ", style="dim")
        line.append(text, style=_KIND_STYLE[block.kind])
        if block.kind == "spam" and block.reasons:
            line.append("  ← " + "; ".join(block.reasons[:3]), style="italic yellow")
        console.print(line, overflow="fold")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="spamsift")
def main() -> None:
    """Judge, locate and salvage gambling and SEO spam in web pages."""


KEEP_ALIVE_SECONDS = 30
"""How long the server keeps an idle connection open. With uvicorn's default of 5 s, about 1 in 4,000 requests of
``benchmarks/load.py`` at concurrency 50 failed with a connection reset (none of 16,000 with 30 s): most likely a
connection the server closed as idle while the client was sending the next request on it."""


_context_url = click.option("--url", help="Where a file or standard input was served from (context, never fetched).")
_context_title = click.option("--title", help="The title of a text that does not carry it, such as a search "
                                             "result's beside its snippet.")


@main.command(name="check")
@click.argument("source", default="-")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@_context_url
@_context_title
@click.option("--allow-private", is_flag=True, help="Allow fetching private, loopback and link-local addresses.")
def check_command(source: str, as_json: bool, url: str | None, title: str | None, allow_private: bool) -> None:
    """Judge a page (PATH, URL or - for stdin). Exit 0 clean, 1 spam found, 2 error."""
    report = _report_or_exit(source, allow_private, url, title)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        render(report, Console(highlight=False))
    sys.exit(EXIT_SPAM if report.is_spam else EXIT_CLEAN)


@main.command()
@click.argument("source", default="-")
@_context_url
@click.option("--allow-private", is_flag=True, help="Allow fetching private, loopback and link-local addresses.")
def clean(source: str, url: str | None, allow_private: bool) -> None:
    """Print only the genuine content of a page: no spam, no template debris."""
    report = _report_or_exit(source, allow_private, url)
    click.echo(report.clean_text)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path),
              help="Output: .jsonl, .jsonl.gz or .parquet; - for JSON Lines on standard output; a directory (or a path "
                   "ending in /) for one file per input.")
@click.option("--workers", "-w", type=click.IntRange(min=1), help="Processes to use [default: every core].")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where to judge: processes on this machine, or Ray tasks.")
@click.option("--address", help="Address of an existing Ray cluster (with --engine ray); else a local one.")
@click.option("--resume", is_flag=True, help="Keep what the output already holds and judge only the rest.")
@click.option("--fields", help="Comma-separated output fields to keep, e.g. id,label,score,clean_text.")
@click.option("--format", "partition_format", type=click.Choice(["jsonl.gz", "jsonl", "parquet"]),
              default="jsonl.gz", show_default=True, help="File format of a directory output's partitions.")
@click.option("--id-column", default="id", show_default=True, help="Parquet input: the id column.")
@click.option("--text-column", default="text", show_default=True, help="Parquet input: the text column.")
@click.option("--html-column", default="html", show_default=True, help="Parquet input: the HTML column.")
@click.option("--url-column", default="url", show_default=True, help="Parquet input: the URL column.")
@click.option("--title-column", default="title", show_default=True,
              help="Parquet input: the title column, read with the text when present.")
def run(inputs: tuple[str, ...], output: Path, workers: int | None, engine: str, address: str | None, resume: bool,
        fields: str | None, partition_format: str, id_column: str, text_column: str, html_column: str,
        url_column: str, title_column: str) -> None:
    """Judge every record of INPUTS: JSON Lines, WARC, WET, Parquet, or directories and globs of .html/.txt
    files, compressed with gzip or zstd or not. One output record per input record, errors included.

    Exit 0 when no spam was found, 1 when any was, 2 when the run could not start.
    """
    from spamsift.batch.run import run_batch
    from spamsift.batch.sources import Columns

    columns = Columns(id=id_column, text=text_column, html=html_column, url=url_column, title=title_column)
    keep = tuple(name.strip() for name in fields.split(",") if name.strip()) if fields else None
    try:
        summary = run_batch(list(inputs), output, workers=workers, engine=engine, address=address, resume=resume,
                            fields=keep, columns=columns, partition_format=partition_format,
                            progress=sys.stderr.isatty())
    except (OSError, RuntimeError) as exc:
        click.echo(f"spamsift: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(summary.line(), err=True)
    sys.exit(EXIT_SPAM if summary.spam_found else EXIT_CLEAN)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--processes", type=click.IntRange(min=1), help="Processes that run checks [default: one per core].")
@click.option("--timeout", "request_seconds", default=30.0, show_default=True, help="Seconds a check may take.")
@click.option("--max-body", "max_body_bytes", default=8 * 1024 * 1024, show_default=True,
              help="Largest request body, in bytes.")
@click.option("--allow-private", is_flag=True, help="Allow fetching private, loopback and link-local addresses.")
def serve(host: str, port: int, processes: int | None, request_seconds: float, max_body_bytes: int,
          allow_private: bool) -> None:
    """Start the JSON API (POST /v1/check, /v1/check/batch; docs at /docs) and the web page at /."""
    try:
        import uvicorn

        from spamsift.serve.app import ServeSettings, create_app
    except ImportError as exc:
        click.echo(f"spamsift: serve needs the serve extra (pip install 'spamsift[serve]'): {exc}", err=True)
        sys.exit(EXIT_ERROR)
    settings = ServeSettings(request_seconds=request_seconds, max_body_bytes=max_body_bytes,
                             allow_private=allow_private, **({"processes": processes} if processes else {}))
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", timeout_keep_alive=KEEP_ALIVE_SECONDS)


@main.command()
@click.argument("sites", nargs=-1)
@click.option("--urls", "urls_file", type=click.File("r", encoding="utf-8"), help="File of sites, one per line.")
@click.option("--max-pages", default=50, show_default=True, type=click.IntRange(min=1), help="Pages per site.")
@click.option("--max-depth", default=3, show_default=True, type=click.IntRange(min=0), help="Link depth.")
@click.option("--max-time", default=300.0, show_default=True, help="Seconds per site.")
@click.option("--delay", default=1.0, show_default=True, help="Seconds between requests to one host.")
@click.option("--concurrency", default=4, show_default=True, type=click.IntRange(min=1), help="Fetches at once.")
@click.option("--retries", default=2, show_default=True, type=click.IntRange(min=0), help="Retries of a failed fetch.")
@click.option("--ignore-robots", is_flag=True, help="Do not obey robots.txt (only for your own site).")
@click.option("--allow-private", is_flag=True, help="Allow private, loopback and link-local addresses.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per site.")
@click.option("--html", "html_path", type=click.Path(path_type=Path, dir_okay=False), help="Write an HTML report.")
def scan(sites: tuple[str, ...], urls_file, max_pages: int, max_depth: int, max_time: float, delay: float,
         concurrency: int, retries: int, ignore_robots: bool, allow_private: bool, as_json: bool,
         html_path: Path | None) -> None:
    """Crawl SITES and find gambling spam, also where it is cloaked for search engines.

    Every page is fetched as a browser, as Googlebot and as a visitor from a Google search; spam that only
    the crawler or the referred visitor gets is reported as cloaked. Exit 0 clean, 1 spam found, 2 error.
    """
    from spamsift.scan.output import html_report, print_campaigns, print_summary, scan_campaigns
    from spamsift.scan.site import ScanLimits, scan_site

    targets = list(sites) + ([line.strip() for line in urls_file if line.strip()] if urls_file else [])
    if not targets:
        raise click.UsageError("give at least one site, or --urls FILE")
    limits = ScanLimits(max_pages=max_pages, max_depth=max_depth, max_seconds=max_time, delay=delay,
                        concurrency=concurrency, retries=retries, ignore_robots=ignore_robots,
                        allow_private=allow_private)
    console = Console(highlight=False, stderr=as_json)
    scans = []
    for target in targets:
        with _page_progress(target, max_pages) as on_page:
            result = scan_site(target, limits, on_page)
        scans.append(result)
        if as_json:
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            print_summary(result, console)
    campaigns = scan_campaigns(scans)
    if as_json:
        click.echo(json.dumps({"campaigns": [c.to_dict() for c in campaigns]}, ensure_ascii=False))
    else:
        print_campaigns(campaigns, console)
    if html_path is not None:
        html_path.write_text(html_report(scans, campaigns), encoding="utf-8")
    if all(result.error for result in scans):
        sys.exit(EXIT_ERROR)
    found = any(result.infected_pages or result.injected_urls or result.doorway_generators for result in scans)
    sys.exit(EXIT_SPAM if found else EXIT_CLEAN)


@contextmanager
def _page_progress(site: str, total: int):
    """A progress bar of pages scanned, on stderr when it is a terminal; yields the per-page callback."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(site, total=total)
        yield lambda _finding: progress.advance(task)


@main.command()
@click.argument("outputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--html", "html_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write the report as one HTML file with charts.")
@click.option("--json", "as_json", is_flag=True, help="Print the whole report as one JSON object.")
def report(outputs: tuple[Path, ...], html_path: Path | None, as_json: bool) -> None:
    """Summarise the outputs of `spamsift run`: labels, spam share by host, domain and public suffix, the most
    affected hosts, the most frequent spam terms, the score histogram and the campaigns."""
    from spamsift.batch.report import collect, html_page, json_summary, text_summary

    summary = collect(outputs)
    click.echo(json.dumps(json_summary(summary), ensure_ascii=False) if as_json else text_summary(summary))
    if html_path is not None:
        html_path.write_text(html_page(summary), encoding="utf-8")
