"""Derive spamsift's list of gambling domains from the permissively licensed domain lists in ../shared/data/domains.

    python scripts/build_domains.py [--data ../shared/data]

Writes ``src/spamsift/data/gambling-domains.txt.gz``: one registered domain a line (the domain under its public suffix,
private suffixes such as ``pages.dev`` and ``blogspot.com`` included, from the list bundled with tldextract), sorted,
from four lists (TRUST+ Positif part 4, MIT; hostsVN, MIT; ShadowWhisperer, Unlicense; The Block List Project,
Unlicense: their notices are in ``gambling-domains.NOTICE.md`` beside it). Left out, because a link to them is no
evidence of gambling:
- domains the lists name only through a subdomain: platforms and hacked sites that carried gambling pages;
- hosts under institutional suffixes (``go.id``, ``ac.id``, ``sch.id``, ``gov``, ``edu``, ...): the Indonesian list
  names the hacked government and university sites that carried gambling pages, not the operators;
- registered domains that the genuine pages of ``clean/`` and ``multilingual/`` link to (``whatsapp.com``,
  ``tumblr.com``: a list's noise), since such links are everyday;
- hosts that are only a public suffix.
Reproducible: the same inputs give the same file byte for byte.
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

from spamsift.core.links import registered_domain
from spamsift.devdata import clean_pages, multilingual_pages
from spamsift.html.parse import parse_html

LISTS = ("trustpositif/gambling_indonesia_004.txt", "hostsvn/gambling-domain.txt", "shadowwhisperer/Gambling.txt",
         "blocklistproject/gambling.txt")
INSTITUTIONAL = ("go.id", "ac.id", "sch.id", "mil.id", "desa.id", "gov", "edu", "mil", "int")
OUT = Path(__file__).resolve().parent.parent / "src/spamsift/data/gambling-domains.txt.gz"


def listable_domain(host: str) -> str | None:
    """The registered domain of ``host`` as spamsift compares links, unless it is an institution's."""
    domain = registered_domain(host)
    if domain is None or any(f".{suffix}." in f".{domain}." for suffix in INSTITUTIONAL):
        return None
    return domain


def listed_domains(data: Path) -> set[str]:
    """The registered domains the lists name themselves (``bet365.com``, ``www.bet365.com``). A domain named only
    through a subdomain is left out: that is how the lists name gambling pages on platforms and hacked sites
    (``slot-gacor.tumblr.com``, ``api.whatsapp.com``), whose other pages are everyday links."""
    domains = set()
    for name in LISTS:
        with open(data / "domains" / name, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                line = line.strip()
                if line and not line.startswith("#"):
                    host = line.split()[-1].lower().rstrip(".")
                    domain = listable_domain(host)
                    if domain and host.removeprefix("www.") == domain:
                        domains.add(domain)
    return domains


def genuine_link_domains(data: Path) -> set[str]:
    """The registered domains that genuine pages link to."""
    pages = [page.html() for page in clean_pages(data)]
    pages += [page.html() for page in multilingual_pages(data) if not page.gambling]
    domains = set()
    for html in pages:
        for segment in parse_html(html, None).segments:
            domains.update(d for d in map(listable_domain, segment.link_hosts) if d)
    return domains


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    listed = listed_domains(args.data)
    everyday = genuine_link_domains(args.data)
    kept = sorted(listed - everyday)
    OUT.write_bytes(gzip.compress(("\n".join(kept) + "\n").encode(), mtime=0))
    print(f"{len(listed)} listed registered domains, {len(listed & everyday)} linked to by genuine pages and left out, "
          f"{len(kept)} written to {OUT} ({OUT.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
