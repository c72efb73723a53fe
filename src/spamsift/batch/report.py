"""``spamsift report``: what a run found, by label, host, registered domain and public suffix (``.go.id``,
``.ac.id``, ``.sch.id``), with the most affected hosts, the most frequent spam terms and brands, the score
histogram and the campaigns (:mod:`spamsift.batch.campaigns`); printed, as one JSON object, or written as one
HTML file with charts that needs no server and no network. The records are aggregated by DuckDB, which reads the
outputs in bounded memory, so that ten million records do not become ten million Python objects.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

import tldextract

from spamsift.batch.campaigns import EXAMPLE_PAGES, Campaign, CampaignGrouper
from spamsift.batch.sinks import partition_files
from spamsift.htmlpage import document
from spamsift.htmlpage import table as html_table

HISTOGRAM_BINS = 10
EXAMPLES_PER_HOST = 3
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)  # the bundled list: no network at run time


@dataclass(slots=True)
class Tally:
    pages: int = 0
    spam: int = 0

    @property
    def share(self) -> float:
        return self.spam / self.pages if self.pages else 0.0


@dataclass(slots=True)
class RunReport:
    statuses: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    hosts: defaultdict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    domains: defaultdict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    suffixes: defaultdict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    examples: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    terms: Counter[str] = field(default_factory=Counter)
    histogram: list[int] = field(default_factory=lambda: [0] * HISTOGRAM_BINS)
    errors: Counter[str] = field(default_factory=Counter)
    campaigns: list[Campaign] = field(default_factory=list)
    """The run's campaigns (:mod:`spamsift.batch.campaigns`), grouped once when the records are read."""

    def add_host(self, host: str, pages: int, spam: int, examples: list[str]) -> None:
        """A host's page counts, into the tables by host, registered domain and public suffix."""
        parts = _EXTRACT(host)
        domain = parts.top_domain_under_public_suffix or host
        for table, key in ((self.hosts, host), (self.domains, domain), (self.suffixes, parts.suffix or "(none)")):
            table[key].pages += pages
            table[key].spam += spam
        if examples:
            self.examples[host] = examples[:EXAMPLES_PER_HOST]

    def most_affected(self, table: dict[str, Tally], n: int = 20) -> list[tuple[str, Tally]]:
        affected = [(key, tally) for key, tally in table.items() if tally.spam]
        return sorted(affected, key=lambda kv: (-kv[1].spam, -kv[1].share, kv[0]))[:n]


_COLUMNS = {"id": "VARCHAR", "status": "VARCHAR", "error": "VARCHAR", "label": "VARCHAR", "score": "DOUBLE",
            "url": "VARCHAR", "terms": "MAP(VARCHAR, BIGINT)", "campaign": "MAP(VARCHAR, VARCHAR[])",
            "warc_date": "VARCHAR"}
"""The fields the report reads; the others (clean text, blocks) are never parsed into Python."""
_HOST = r"^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?(\[[^\]]*\]|[^/?#:]*)"
"""A URL's host, as DuckDB reads it (``urlsplit``'s ``hostname``, lower-cased below)."""


def _records_view(con, files: list[Path]) -> None:
    """A view ``records`` over the output files: JSON Lines (gzip or not; a torn last line, as a crash leaves it,
    reads as a row of nulls and is dropped) and Parquet."""
    sources = []
    jsonl = [str(f) for f in files if f.suffix != ".parquet"]
    parquet = [str(f) for f in files if f.suffix == ".parquet"]
    if jsonl:
        sources.append(f"SELECT * FROM read_json({jsonl!r}, format='newline_delimited', columns={_COLUMNS!r}, "
                       "ignore_errors=true)")
    if parquet:
        present = {name for (name,) in con.sql(f"SELECT name FROM parquet_schema({parquet!r})").fetchall()}
        selected = ", ".join(f"{name}::{kind} AS {name}" if name in present else f"NULL::{kind} AS {name}"
                             for name, kind in _COLUMNS.items())
        sources.append(f"SELECT {selected} FROM read_parquet({parquet!r}, union_by_name=true)")
    query = " UNION ALL ".join(sources) if sources else \
        "SELECT " + ", ".join(f"NULL::{kind} AS {name}" for name, kind in _COLUMNS.items()) + " WHERE false"
    con.sql(f"""CREATE VIEW records AS
        SELECT *, coalesce(label, 'clean') <> 'clean' AS spam,
               lower(regexp_extract(url, '{_HOST}', 1)) AS host
        FROM ({query}) WHERE id IS NOT NULL OR status IS NOT NULL""")


def collect(paths: Iterable[Path]) -> RunReport:
    """Aggregate every record of the given outputs (files or partitioned directories) with DuckDB, which streams
    them in bounded memory: only per-host aggregates (and the campaign traces of spam hosts) reach Python, however
    many records there are."""
    import duckdb

    files = [file for path in paths for file in (partition_files(path) if path.is_dir() else [path])]
    report = RunReport()
    con = duckdb.connect()
    _records_view(con, files)
    for status, count in con.sql("SELECT coalesce(status, 'error'), count(*) FROM records GROUP BY 1").fetchall():
        report.statuses[status] = count
    for error, count in con.sql("SELECT left(coalesce(error, ''), 60), count(*) FROM records "
                                "WHERE coalesce(status, 'error') = 'error' GROUP BY 1").fetchall():
        report.errors[error] = count
    ok = "FROM records WHERE status = 'ok'"
    for label, count in con.sql(f"SELECT coalesce(label, 'clean'), count(*) {ok} GROUP BY 1").fetchall():
        report.labels[label] = count
    for bin_, count in con.sql(f"SELECT least(floor(score * {HISTOGRAM_BINS})::INT, {HISTOGRAM_BINS - 1}), count(*) "
                               f"{ok} AND score IS NOT NULL GROUP BY 1").fetchall():
        report.histogram[bin_] += count
    for term, count in con.sql(f"SELECT e.key, sum(e.value) FROM (SELECT unnest(map_entries(terms)) AS e {ok} "
                               "AND spam) GROUP BY 1").fetchall():
        report.terms[term] = int(count)
    hosts = con.execute(f"SELECT host, count(*), count(*) FILTER (WHERE spam), list_sort(list(url) FILTER "
                        f"(WHERE spam))[1:{EXAMPLES_PER_HOST}] {ok} AND host <> '' GROUP BY 1")
    while rows := hosts.fetchmany(10_000):
        for host, pages, spam, examples in rows:
            report.add_host(host, pages, spam, examples or [])
    report.campaigns = _collect_campaigns(con, ok).campaigns()
    return report


def _collect_campaigns(con, ok: str) -> CampaignGrouper:
    """Each spam host's campaign traces, page ids, URLs and dates, aggregated by DuckDB, in a grouper."""
    grouper = CampaignGrouper()
    spam = f"{ok} AND spam AND host <> '' AND cardinality(campaign) > 0"
    pages = {host: row for host, *row in con.sql(
        f"SELECT host, count(*), list_sort(list(id))[1:{EXAMPLE_PAGES}], list_sort(list(url))[1:{EXAMPLE_PAGES}], "
        f"min(warc_date), max(warc_date) {spam} GROUP BY 1").fetchall()}
    traces: defaultdict[str, Counter[str]] = defaultdict(Counter)
    rows = con.execute(f"SELECT host, e.key || ':' || unnest(e.value) AS trace, count(*) FROM "
                       f"(SELECT host, unnest(map_entries(campaign)) AS e {spam}) GROUP BY 1, 2")
    while batch := rows.fetchmany(10_000):
        for host, trace, count in batch:
            traces[host][trace] = count
    for host, (count, ids, urls, first_seen, last_seen) in pages.items():
        grouper.add_host(host, traces[host], ids, count, urls, first_seen, last_seen)
    return grouper


def text_summary(report: RunReport) -> str:
    total = sum(report.statuses.values())
    lines = [f"{total} records: " + ", ".join(f"{k} {v}" for k, v in sorted(report.statuses.items())),
             "labels: " + ", ".join(f"{k} {v}" for k, v in sorted(report.labels.items()))]
    for title, table in (("public suffixes", report.suffixes), ("registered domains", report.domains),
                         ("hosts", report.hosts)):
        top = report.most_affected(table, 10)
        if top:
            lines.append(f"most affected {title}: " + ", ".join(
                f"{key} {t.spam}/{t.pages} ({t.share:.0%})" for key, t in top))
    if report.terms:
        lines.append("top spam terms: " + ", ".join(f"{t} {n}" for t, n in report.terms.most_common(15)))
    lines += campaign_lines(report.campaigns)
    return "\n".join(lines)


def json_summary(report: RunReport) -> dict[str, Any]:
    """The whole report as one JSON object."""
    def shares(table: dict[str, Tally]) -> list[dict[str, Any]]:
        return [{"key": key, "pages": t.pages, "spam": t.spam, "share": round(t.share, 4)}
                for key, t in report.most_affected(table)]

    return {"records": sum(report.statuses.values()), "statuses": dict(report.statuses), "labels": dict(report.labels),
            "suffixes": shares(report.suffixes), "domains": shares(report.domains), "hosts": shares(report.hosts),
            "examples": {host: urls for host, urls in report.examples.items()},
            "terms": dict(report.terms.most_common(50)), "histogram": report.histogram,
            "errors": dict(report.errors.most_common(50)),
            "campaigns": [campaign.to_dict() for campaign in report.campaigns]}


_STYLE = """
svg text { font: 12px system-ui, sans-serif; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
"""


def _bar_chart(title: str, rows: list[tuple[str, float, str]], colour: str = "#c5221f") -> str:
    """Horizontal bars as inline SVG; ``rows`` are (label, value in [0, max], text shown at the bar's end)."""
    if not rows:
        return ""
    top = max(value for _, value, _ in rows) or 1.0
    height = 22 * len(rows) + 10
    bars = []
    for i, (label, value, shown) in enumerate(rows):
        y = 5 + 22 * i
        width = 220 * value / top
        bars.append(f'<text x="0" y="{y + 14}">{escape(label[:28])}</text>'
                    f'<rect x="170" y="{y + 2}" width="{width:.1f}" height="16" fill="{colour}"/>'
                    f'<text x="{174 + width:.1f}" y="{y + 14}">{escape(shown)}</text>')
    return (f'<figure><figcaption>{escape(title)}</figcaption><svg role="img" aria-label="{escape(title)}" '
            f'class="chart" viewBox="0 0 500 {height}" style="width: 100%; max-width: 500px">{"".join(bars)}</svg>'
            "</figure>")


_CAMPAIGN_COLOURS = ("#c5221f", "#0b57d0", "#137333", "#8a4b00", "#7627bb", "#006a6a")
GRAPH_CAMPAIGNS, GRAPH_HOSTS, GRAPH_TARGETS = 6, 10, 6


def campaign_graph(campaigns: list[Campaign]) -> str:
    """The largest campaigns as an SVG graph: their hosts on the left, the targets they link or redirect to on the
    right, one colour per campaign; no script, no external asset."""
    rows: list[str] = []
    y = 10
    for number, campaign in enumerate(campaigns[:GRAPH_CAMPAIGNS]):
        colour = _CAMPAIGN_COLOURS[number % len(_CAMPAIGN_COLOURS)]
        hosts = [host for host in campaign.hosts if any(h == host for h, _ in campaign.links)][:GRAPH_HOSTS]
        targets = campaign.targets[:GRAPH_TARGETS]
        if not hosts or not targets:
            continue
        height = 16 * max(len(hosts), len(targets))
        host_y = {host: y + 16 * i + (height - 16 * len(hosts)) / 2 for i, host in enumerate(hosts)}
        target_y = {target: y + 16 * i + (height - 16 * len(targets)) / 2 for i, target in enumerate(targets)}
        rows.append(f'<text x="0" y="{y - 2}" font-weight="bold" fill="{colour}">{escape(campaign.id)}: '
                    f'{len(campaign.hosts)} hosts</text>')
        for host, target in campaign.links:
            if host in host_y and target in target_y:
                rows.append(f'<line x1="230" y1="{host_y[host] + 8:.0f}" x2="390" y2="{target_y[target] + 8:.0f}" '
                            f'stroke="{colour}" stroke-opacity="0.5"/>')
        rows += [f'<text x="225" y="{host_y[host] + 12:.0f}" text-anchor="end">{escape(host[:34])}</text>'
                 for host in hosts]
        rows += [f'<text x="395" y="{target_y[target] + 12:.0f}">{escape(target[:34])}</text>' for target in targets]
        y += height + 30
    if not rows:
        return ""
    return (f'<figure><figcaption>Campaigns: hosts and the targets they link or redirect to</figcaption>'
            f'<svg role="img" aria-label="Campaigns: hosts and their link targets" viewBox="0 0 640 {y}" '
            f'style="width: 100%; max-width: 640px">{"".join(rows)}</svg></figure>')


def campaigns_html(campaigns: list[Campaign]) -> str:
    """The campaigns as a graph of hosts and targets and a table."""
    rows = [[c.id, str(len(c.hosts)), str(c.page_count), escape(", ".join(c.hosts[:8])),
             escape(", ".join(c.brands[:8])), escape(", ".join(c.targets[:5])), escape(c.template or ""),
             escape(", ".join(c.keys[:3]))] for c in campaigns[:50]]
    return campaign_graph(campaigns) + html_table(
        ["campaign", "hosts", "pages", "hosts (first)", "brands", "targets", "template", "tied by"], rows,
        frozenset({1, 2}))


def campaign_lines(campaigns: list[Campaign]) -> list[str]:
    """The campaigns, a line each, for a terminal."""
    return [f"campaign {c.id}: {len(c.hosts)} hosts, {c.page_count} pages; brands {', '.join(c.brands[:5]) or '-'}; "
            f"targets {', '.join(c.targets[:3]) or '-'}; tied by {', '.join(c.keys[:3])}" for c in campaigns[:20]]


def _share_rows(report: RunReport, table: dict[str, Tally]) -> list[list[str]]:
    return [[escape(key), str(t.pages), str(t.spam), f"{t.share:.1%}"] for key, t in report.most_affected(table)]


_COUNTS = frozenset({1, 2, 3})


def html_page(report: RunReport) -> str:
    total = sum(report.statuses.values())
    statuses = sorted(report.statuses)
    labels = [(label, float(n), f"{n} ({n / total:.1%})") for label, n in sorted(report.labels.items())]
    histogram = [(f"{i / HISTOGRAM_BINS:.1f}-{(i + 1) / HISTOGRAM_BINS:.1f}", float(n), str(n))
                 for i, n in enumerate(report.histogram)]
    suffix_chart = [(key, t.share * 100, f"{t.share:.1%} of {t.pages}") for key, t in report.most_affected(
        report.suffixes, 12)]
    host_rows = [[escape(host), str(t.pages), str(t.spam), f"{t.share:.1%}",
                  "<br>".join(escape(url) for url in report.examples[host])]
                 for host, t in report.most_affected(report.hosts)]
    parts = [
        html_table(["records", *statuses], [[str(total), *(str(report.statuses[s]) for s in statuses)]],
                   frozenset(range(len(statuses) + 1))),
        "<div class='grid'>",
        _bar_chart("Pages by label", labels, "#0b57d0"),
        _bar_chart("Score histogram", histogram, "#8a4b00"),
        "</div>",
        "<h2>Spam share by public suffix</h2>", _bar_chart("Spam share by public suffix (%)", suffix_chart),
        html_table(["public suffix", "pages", "spam pages", "spam share"], _share_rows(report, report.suffixes),
                   _COUNTS),
        "<h2>Spam share by registered domain</h2>",
        html_table(["registered domain", "pages", "spam pages", "spam share"], _share_rows(report, report.domains),
                   _COUNTS),
        "<h2>Most affected hosts</h2>",
        html_table(["host", "pages", "spam pages", "spam share", "examples"], host_rows, _COUNTS),
        "<h2>Most frequent spam terms and brands</h2>",
        _bar_chart("Spam terms and brands", [(t, float(n), str(n)) for t, n in report.terms.most_common(20)]),
    ]
    if report.campaigns:
        parts += ["<h2>Campaigns</h2>", campaigns_html(report.campaigns)]
    if report.errors:
        rows = [[escape(error), str(n)] for error, n in report.errors.most_common(20)]
        parts += ["<h2>Errors</h2>", html_table(["error", "records"], rows, frozenset({1}))]
    return document("spamsift run report", "".join(parts), _STYLE)
