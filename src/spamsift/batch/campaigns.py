"""Campaigns: spam pages of many hosts grouped by what one operation leaves behind (the traces of
:func:`spamsift.core.campaign.campaign_traces` in each output record).

Hosts are linked when they share a trace that few hosts share: a link target or a doorway template on its own;
brands and MinHash bands of the spam text two at a time (a brand list is an operation's, one brand may be anyone's;
short link lists of different operations built from the same generic anchors share a band now and then, two
seldom). A trace
shared by more than MAX_SHARE of the spam hosts (a link shortener, "slot88") links nothing: rare keys weigh, common
ones do not. Connected hosts form a campaign. Memory grows with the spam hosts and their traces, not with the
records: a host keeps its traces and at most EXAMPLE_PAGES of its page ids.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any
from urllib.parse import urlsplit

LINKING_TRACES = ("targets", "template")
"""Trace kinds that link two hosts on their own."""
PAIRED_TRACES = ("brands", "blocks")
"""Trace kinds that link two hosts when they share two of them."""
MAX_SHARE = 0.25
"""A trace on more than this share of the spam hosts (and more than MIN_COMMON of them) is common: it links nothing."""
MIN_COMMON = 20
MIN_HOSTS = 2
"""A campaign has at least this many hosts."""
EXAMPLE_PAGES = 20
MAX_LINKS = 200
MAX_PAIRED_PER_HOST = 12
"""Traces of one paired kind a host offers for pairing; a host naming more brands is a link farm, and its other
traces speak for it."""


@dataclass(slots=True)
class Campaign:
    id: str
    hosts: list[str]
    pages: list[str]
    """Record ids, at most EXAMPLE_PAGES per host."""
    page_count: int
    brands: list[str]
    targets: list[str]
    template: str | None
    first_seen: str | None
    last_seen: str | None
    keys: list[str]
    """The shared traces that tied the campaign together, the rarest first."""
    examples: list[str]
    links: list[tuple[str, str]]
    """(host, target) pairs: which of its hosts link or redirect to which targets, at most MAX_LINKS."""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "hosts": self.hosts, "pages": self.pages, "page_count": self.page_count,
                "brands": self.brands, "targets": self.targets, "template": self.template,
                "first_seen": self.first_seen, "last_seen": self.last_seen, "keys": self.keys,
                "examples": self.examples, "links": [list(link) for link in self.links]}


@dataclass(slots=True)
class _Host:
    traces: Counter[str] = field(default_factory=Counter)
    pages: list[str] = field(default_factory=list)
    page_count: int = 0
    urls: list[str] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None


class CampaignGrouper:
    """Reads output records one at a time (:meth:`add`), then groups their spam hosts (:meth:`campaigns`)."""

    def __init__(self) -> None:
        self._hosts: defaultdict[str, _Host] = defaultdict(_Host)

    def add(self, record: dict[str, Any]) -> None:
        """One output record (the pages of a scan); a run's records are aggregated per host first (:meth:`add_host`)."""
        traces = record.get("campaign")
        url = record.get("url")
        if record.get("status") != "ok" or record.get("label") in (None, "clean") or not traces or not url:
            return
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return
        date = record.get("warc_date")
        self.add_host(host, Counter(f"{kind}:{value}" for kind, values in traces.items() for value in values),
                      [str(record.get("id"))], 1, [url], date, date)

    def add_host(self, host: str, traces: Counter[str], pages: list[str], page_count: int, urls: list[str],
                 first_seen: str | None, last_seen: str | None) -> None:
        """What ``page_count`` spam pages of ``host`` left behind: their traces (with how many pages carry each),
        some of their ids and URLs, and when they were first and last seen."""
        host = host.removeprefix("www.")
        if not host:
            return
        entry = self._hosts[host]
        entry.page_count += page_count
        room = EXAMPLE_PAGES - len(entry.pages)
        entry.pages += pages[:room]
        entry.urls += urls[:room]
        entry.traces.update(traces)
        entry.first_seen = min(filter(None, (entry.first_seen, first_seen)), default=None)
        entry.last_seen = max(filter(None, (entry.last_seen, last_seen)), default=None)

    def _linking_keys(self) -> dict[str, list[str]]:
        """Each rare linking key and its hosts: single traces of LINKING_TRACES, pairs of PAIRED_TRACES."""
        hosts_of: defaultdict[str, list[str]] = defaultdict(list)
        for host, entry in self._hosts.items():
            keys = [t for t in entry.traces if t.split(":", 1)[0] in LINKING_TRACES]
            for kind in PAIRED_TRACES:
                traces = sorted(t for t in entry.traces if t.startswith(kind + ":"))[:MAX_PAIRED_PER_HOST]
                keys += [f"{a}+{b}" for a, b in combinations(traces, 2)]
            for key in keys:
                hosts_of[key].append(host)
        common = max(MIN_COMMON, MAX_SHARE * len(self._hosts))
        return {key: hosts for key, hosts in hosts_of.items() if MIN_HOSTS <= len(hosts) <= common}

    def campaigns(self) -> list[Campaign]:
        keys = self._linking_keys()
        parent = {host: host for host in self._hosts}

        def find(host: str) -> str:
            while parent[host] != host:
                parent[host] = parent[parent[host]]
                host = parent[host]
            return host

        for hosts in keys.values():
            root = find(hosts[0])
            for host in hosts[1:]:
                parent[find(host)] = root
        groups: defaultdict[str, list[str]] = defaultdict(list)
        for host in self._hosts:
            groups[find(host)].append(host)
        found = [sorted(hosts) for hosts in groups.values() if len(hosts) >= MIN_HOSTS]
        found.sort(key=lambda hosts: (-len(hosts), hosts[0]))
        return [self._campaign(f"c{number + 1}", hosts, keys) for number, hosts in enumerate(found)]

    def _campaign(self, campaign_id: str, hosts: list[str], keys: dict[str, list[str]]) -> Campaign:
        entries = [self._hosts[host] for host in hosts]
        traces: Counter[str] = Counter()
        for entry in entries:
            traces.update(set(entry.traces))
        members = set(hosts)
        shared = sorted((key for key, key_hosts in keys.items() if members.issuperset(key_hosts)),
                        key=lambda key: (len(keys[key]), key))

        def values(kind: str) -> list[str]:
            return [t.split(":", 1)[1] for t, _ in traces.most_common() if t.startswith(kind + ":")]

        templates = values("template")
        links = [(host, trace.split(":", 1)[1]) for host, entry in zip(hosts, entries) for trace in sorted(entry.traces)
                 if trace.startswith("targets:")][:MAX_LINKS]
        dates = [d for entry in entries for d in (entry.first_seen, entry.last_seen) if d]
        return Campaign(campaign_id, hosts, [page for entry in entries for page in entry.pages],
                        sum(entry.page_count for entry in entries), values("brands")[:20], values("targets")[:20],
                        templates[0] if templates else None, min(dates, default=None), max(dates, default=None),
                        shared[:10], [url for entry in entries for url in entry.urls[:1]][:5], links)
