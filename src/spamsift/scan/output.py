"""What a scan shows people: a terminal summary and a self-contained HTML report."""

from __future__ import annotations

from html import escape

from rich.console import Console
from rich.table import Table

from spamsift.batch.campaigns import Campaign, CampaignGrouper
from spamsift.batch.report import campaign_lines, campaigns_html
from spamsift.htmlpage import document, table
from spamsift.scan.site import SiteScan
from spamsift.scan.views import VIEW_NAMES, PageFinding


def print_summary(scan: SiteScan, console: Console) -> None:
    summary = scan.summary()
    if scan.error:
        console.print(f"[bold red]{scan.site}: scan failed:[/] {scan.error}")
        return
    console.print(f"[bold]{scan.site}[/]: {summary['pages']} pages in {summary['seconds']} s, "
                  f"[bold red]{summary['infected']} infected[/], {summary['cloaked']} cloaked, "
                  f"{summary['injected_urls']} spam URLs, {summary['skipped_by_robots']} skipped by robots.txt "
                  f"(robots.txt {summary['robots']}, {summary['sitemap_urls']} sitemap URLs)")
    if scan.infected_pages:
        table = Table(show_lines=False, header_style="bold")
        for column in ("page", "label", "score", "cloaked", "why"):
            table.add_column(column, overflow="fold")
        for page in scan.infected_pages:
            table.add_row(page.url, page.label or "", f"{page.score:.3f}" if page.score is not None else "",
                          "yes" if page.cloaked else "", "; ".join(page.reasons[:3]))
        console.print(table)
    for injected in scan.injected_urls:
        console.print(f"  spam URL {injected.url} ({injected.found_in}): {injected.evidence}")
    for generator in scan.doorway_generators:
        console.print(f"  [bold red]doorway generator[/] {generator.pattern}: {generator.count} keywords "
                      f"(e.g. {', '.join(generator.examples[:3])})")


_STYLE = """
.views { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.8rem; }
@media (max-width: 800px) { .views { grid-template-columns: 1fr; } }
.view { border: 1px solid #c8c8c8; border-radius: 6px; padding: 0.4rem; overflow-wrap: anywhere; }
.blk { margin: 0; padding: 0.1rem 0.4rem; border-left: 4px solid transparent; white-space: pre-wrap; }
.spam { background: #fde2e1; color: #7a0c06; border-left-color: #c5221f; }
.differs { outline: 2px dashed #c5221f; } .boilerplate { color: #6b6b6b; } .tag { font-weight: 700; color: #a50e0e; }
"""


def _view_column(page: PageFinding, name: str) -> str:
    view = page.views[name]
    if view.report is None:
        return f'<div class="view"><h3>{name}</h3><p>failed: {escape(view.error or "")}</p></div>'
    differing = {id(block) for block in page.differing.get(name, [])}
    blocks = []
    for block in view.report.blocks:
        classes = f"blk {block.kind}" + (" differs" if id(block) in differing else "")
        title = escape("; ".join(block.reasons), quote=True)
        blocks.append(f'<p class="{classes}" title="{title}">{escape(block.text)}</p>')
    heading = f"{name}: {view.report.label} {view.report.score:.3f}"
    if view.final_url and view.final_url != page.url:
        heading += f" (ended at {escape(view.final_url)})"
    return f'<div class="view"><h3>{escape(heading)}</h3>{"".join(blocks)}</div>'


def scan_campaigns(scans: list[SiteScan]) -> list[Campaign]:
    """The campaigns among the scanned sites: their infected pages grouped as ``spamsift report`` groups a run's."""
    grouper = CampaignGrouper()
    for scan in scans:
        for record in scan.campaign_records():
            grouper.add(record)
    return grouper.campaigns()


def print_campaigns(campaigns: list[Campaign], console: Console) -> None:
    for line in campaign_lines(campaigns):
        console.print(line)


def html_report(scans: list[SiteScan], campaigns: list[Campaign]) -> str:
    """One HTML file, no external assets: per site the infected pages, their evidence, and the three views side
    by side with the blocks that only the crawler or referred view gets outlined; then the ``campaigns`` across the
    sites (:func:`scan_campaigns`)."""
    parts = []
    for scan in scans:
        summary = scan.summary()
        parts.append(f"<h2>{escape(scan.site)}</h2>")
        if scan.error:
            parts.append(f"<p>scan failed: {escape(scan.error)}</p>")
            continue
        shown = {k: v for k, v in summary.items() if k != "error"}
        parts.append(table(list(shown), [[escape(str(v)) for v in shown.values()]]))
        if scan.doorway_generators:
            parts.append("<h3>Doorway generators</h3>")
            parts.append(table(["pattern", "keywords", "examples"],
                               [[escape(g.pattern), str(g.count), "<br>".join(escape(u) for u in g.examples)]
                                for g in scan.doorway_generators], frozenset({1})))
        if scan.injected_urls:
            parts.append("<h3>Spam URLs found in sitemaps and links</h3>")
            parts.append(table(["URL", "found in", "score", "evidence"],
                               [[escape(u.url), escape(u.found_in), f"{u.score:.3f}", escape(u.evidence)]
                                for u in scan.injected_urls], frozenset({2})))
        for page in scan.infected_pages:
            tag = " <span class='tag'>CLOAKED</span>" if page.cloaked else ""
            parts.append(f"<h3>{escape(page.url)}{tag}</h3><ul>")
            parts.extend(f"<li>{escape(reason)}</li>" for reason in page.reasons)
            parts.append("</ul><div class='views'>")
            parts.extend(_view_column(page, name) for name in VIEW_NAMES)
            parts.append("</div>")
        if not scan.infected_pages:
            parts.append("<p>No infected pages found.</p>")
    if campaigns:
        parts += ["<h2>Campaigns across the scanned sites</h2>", campaigns_html(campaigns)]
    return document("spamsift scan report", "".join(parts), _STYLE)
