"""What a scan shows people: a terminal summary and a self-contained HTML report."""

from __future__ import annotations

from html import escape

from rich.console import Console
from rich.table import Table

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


_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; color: #1b1b1b; margin: 0 auto; max-width: 90rem; padding: 1rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; } h3 { font-size: 1rem; margin-bottom: 0.3rem; }
table { border-collapse: collapse; margin: 0.5rem 0; } td, th { border: 1px solid #c8c8c8; padding: 0.25rem 0.5rem;
text-align: left; vertical-align: top; } .views { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr));
gap: 0.8rem; } @media (max-width: 800px) { .views { grid-template-columns: 1fr; } }
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


def html_report(scans: list[SiteScan]) -> str:
    """One HTML file, no external assets: per site the infected pages, their evidence, and the three views side
    by side with the blocks that only the crawler or referred view gets outlined."""
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'>",
             "<meta name='viewport' content='width=device-width, initial-scale=1'>",
             f"<title>spamsift scan report</title><style>{_STYLE}</style></head><body><h1>spamsift scan report</h1>"]
    for scan in scans:
        summary = scan.summary()
        parts.append(f"<h2>{escape(scan.site)}</h2>")
        if scan.error:
            parts.append(f"<p>scan failed: {escape(scan.error)}</p>")
            continue
        parts.append("<table><tr>" + "".join(f"<th>{escape(k)}</th>" for k in summary if k != "error") + "</tr><tr>"
                     + "".join(f"<td>{escape(str(v))}</td>" for k, v in summary.items() if k != "error")
                     + "</tr></table>")
        if scan.injected_urls:
            parts.append("<h3>Spam URLs found in sitemaps and links</h3><table><tr><th>URL</th><th>found in</th>"
                         "<th>score</th><th>evidence</th></tr>")
            parts.extend(f"<tr><td>{escape(u.url)}</td><td>{escape(u.found_in)}</td><td>{u.score:.3f}</td>"
                         f"<td>{escape(u.evidence)}</td></tr>" for u in scan.injected_urls)
            parts.append("</table>")
        for page in scan.infected_pages:
            tag = " <span class='tag'>CLOAKED</span>" if page.cloaked else ""
            parts.append(f"<h3>{escape(page.url)}{tag}</h3><ul>")
            parts.extend(f"<li>{escape(reason)}</li>" for reason in page.reasons)
            parts.append("</ul><div class='views'>")
            parts.extend(_view_column(page, name) for name in VIEW_NAMES)
            parts.append("</div>")
        if not scan.infected_pages:
            parts.append("<p>No infected pages found.</p>")
    parts.append("</body></html>")
    return "".join(parts)
