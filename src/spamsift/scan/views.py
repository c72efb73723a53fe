"""One page seen three ways, and what differs between the views.

Injected gambling spam is often cloaked: served only to search engines (by User-Agent) or only to visitors
arriving from a search result (by Referer), so that the site's owner, visiting directly, never sees it. A page
is fetched as each of the three and every view is judged by :func:`spamsift.check`; spam that a crawler or a
referred visitor gets and a plain browser does not is cloaking.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

from spamsift.core.report import Block, Report

BROWSER_AGENT = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                 "Chrome/131.0.0.0 Safari/537.36")
GOOGLEBOT_AGENT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
VIEW_NAMES = ("browser", "crawler", "referred")


def view_headers(view: str, url: str) -> dict[str, str]:
    """The request headers of a view: a browser, Googlebot, or a browser coming from a Google search."""
    if view == "crawler":
        return {"User-Agent": GOOGLEBOT_AGENT}
    headers = {"User-Agent": BROWSER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
               "Accept-Language": "id,en;q=0.8"}
    if view == "referred":
        headers["Referer"] = f"https://www.google.com/search?q={quote(urlsplit(url).hostname or '')}"
    return headers


@dataclass(slots=True)
class View:
    """What one kind of visitor got: a report, or the error that stopped the fetch."""

    name: str
    final_url: str | None = None
    report: Report | None = None
    error: str | None = None

    @property
    def is_spam(self) -> bool:
        return self.report is not None and self.report.is_spam

    def to_dict(self) -> dict[str, Any]:
        report = self.report
        return {
            "final_url": self.final_url, "error": self.error,
            "label": report.label if report else None,
            "score": round(report.score, 4) if report else None,
            "reasons": report.reasons if report else [],
            "spam_blocks": [b.to_dict() for b in report.spam_blocks] if report else [],
        }


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass(slots=True)
class PageFinding:
    """The verdict on one URL over its three views."""

    url: str
    views: dict[str, View]
    cloaked: bool = False
    differing: dict[str, list[Block]] = field(default_factory=dict)
    """Per view other than the browser's: its spam blocks whose text the browser view does not have."""
    reasons: list[str] = field(default_factory=list)

    @property
    def worst(self) -> View:
        judged = [v for v in self.views.values() if v.report is not None]
        return max(judged, key=lambda v: v.report.score) if judged else self.views["browser"]  # type: ignore[union-attr]

    @property
    def label(self) -> str | None:
        report = self.worst.report
        return report.label if report else None

    @property
    def score(self) -> float | None:
        report = self.worst.report
        return report.score if report else None

    @property
    def infected(self) -> bool:
        return any(view.is_spam for view in self.views.values())

    def to_dict(self) -> dict[str, Any]:
        score = self.score
        return {"url": self.url, "label": self.label, "score": round(score, 4) if score is not None else None,
                "cloaked": self.cloaked, "reasons": self.reasons,
                "views": {name: view.to_dict() for name, view in self.views.items()},
                "differing_blocks": {name: [b.to_dict() for b in blocks] for name, blocks in self.differing.items()}}


def compare_views(url: str, views: dict[str, View]) -> PageFinding:
    """Decide whether the page is cloaked and say why: spam only some views get, redirects only some take."""
    finding = PageFinding(url, views)
    browser = views["browser"]
    seen_by_browser = {_key(b.text) for b in browser.report.blocks} if browser.report else set()
    for name, view in views.items():
        if name == "browser" or view.report is None:
            continue
        if browser.report is None:
            if view.is_spam:
                finding.reasons.append(f"{name} view carries spam; browser view failed: {browser.error}")
            continue
        extra = [b for b in view.report.spam_blocks if _key(b.text) not in seen_by_browser]
        if extra:
            finding.differing[name] = extra
        if view.is_spam and (extra or not browser.is_spam):
            finding.cloaked = True
            what = f"{len(extra)} spam blocks" if extra else "spam"
            finding.reasons.append(f"cloaked: the {name} view gets {what} the browser view does not "
                                   f"({'; '.join(view.report.reasons[:2])})")
    finals = {name: view.final_url for name, view in views.items() if view.final_url}
    if len(set(finals.values())) > 1:
        browser_final = finals.get("browser")
        for name, final in finals.items():
            if name != "browser" and final != browser_final:
                finding.reasons.append(f"redirect only in the {name} view: to {final} (browser view: {browser_final})")
                finding.cloaked = finding.cloaked or views[name].is_spam
    for name, view in views.items():
        if view.error:
            finding.reasons.append(f"{name} view failed: {view.error}")
    if not finding.cloaked and finding.infected:
        finding.reasons.extend(finding.worst.report.reasons)  # type: ignore[union-attr]
    return finding
