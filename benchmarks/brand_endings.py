"""Brand endings derived from data, against the hand-written list (``data/vocabulary/brand-suffixes.txt``).

    python benchmarks/brand_endings.py [--data ../shared/data] [--rate 5]

Gambling brands are named by their endings ("dapurtoto", "megabet", "zeus303"). This derives such endings from
data two ways and prints how each does beside the hand list:
- from the names of the listed gambling domains (``data/gambling-domains.txt.gz``, the four permissive lists);
- from half of the gambling brand keywords of the doorway campaigns and the second YouTube set
  (:func:`spamsift.devdata.doorway_brands`), split by a hash of the keyword.
An ending (two to six characters, at least three before it; digits alone are left to the numbered names) is a
candidate while genuine words end in it at most ``--rate`` times a million: the words of the genuine comments of
both YouTube sets, the ordinary sites' OCR texts and the extraction benchmarks' main content. Candidates are taken
greedily, the one covering most names not yet covered first, until one adds fewer than a share of the names
(MIN_SHARES, from 1% to 0.1%: the fewer names an ending may add, the more keywords and genuine words the list
matches). Every list
is judged on the other half of the keywords, which neither derivation read, and on how often genuine words match
it, by one rule: a word is a brand when at least three characters come before an ending it ends with (the shipped
matcher adds up to four digits after an ending of letters, two letters before an ending but "bet", and
exceptions).
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from spamsift.core.links import gambling_domains
from spamsift.devdata import (
    SPLITS,
    clean_pages,
    doorway_brands,
    landing_pages,
    youtube_comments,
    youtube_comments_2,
)

_TOKEN = re.compile(r"[a-z0-9]+")
HAND_LIST = Path(__file__).resolve().parent.parent / "src/spamsift/data/vocabulary/brand-suffixes.txt"
MIN_SHARES = (0.01, 0.005, 0.002, 0.001)


def endings(word: str) -> set[str]:
    """The endings of two to six characters a word has with at least three characters before them, digits alone
    excepted."""
    return {word[-n:] for n in range(2, 7) if len(word) - n >= 3 and not word[-n:].isdigit()}


def is_brand(word: str, chosen: Iterable[str]) -> bool:
    return any(word.endswith(ending) and len(word) - len(ending) >= 3 for ending in chosen)


def genuine_tokens(data: Path) -> Counter[str]:
    texts: list[str] = []
    for split in SPLITS:
        for reader in (youtube_comments, youtube_comments_2, landing_pages):
            texts += [row.text for row in reader(data, split) if not row.spam]
    texts += [page.main_content for page in clean_pages(data)]
    return Counter(token for text in texts for token in _TOKEN.findall(text.lower()))


def derive(names: list[str], genuine_rate: dict[str, float], max_rate: float, min_share: float) -> list[str]:
    """Endings covering ``names`` greedily, each rarer than ``max_rate`` a million among genuine words."""
    covers: dict[str, set[str]] = {}
    for name in names:
        for ending in endings(name):
            if genuine_rate.get(ending, 0.0) <= max_rate:
                covers.setdefault(ending, set()).add(name)
    uncovered, chosen = set(names), []
    min_cover = min_share * len(names)
    while covers:
        best = max(covers, key=lambda ending: (len(covers[ending] & uncovered), -len(ending), ending))
        if len(covers[best] & uncovered) < min_cover:
            break
        chosen.append(best)
        uncovered -= covers.pop(best)
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--rate", type=float, default=5.0, help="genuine matches a million an ending may have")
    args = parser.parse_args()

    tokens = genuine_tokens(args.data)
    total = sum(tokens.values())
    genuine_rate: Counter[str] = Counter()
    for token, count in tokens.items():
        for ending in endings(token):
            genuine_rate[ending] += count * 1e6 / total
    keywords = sorted({re.sub(r"[^a-z0-9]", "", brand.lower()) for brand in doorway_brands(args.data)} - {""})
    half = [hashlib.blake2b(word.encode(), digest_size=2).digest()[0] % 2 for word in keywords]
    derive_half = [word for word, h in zip(keywords, half) if h == 0]
    judge_half = [word for word, h in zip(keywords, half) if h == 1]
    domain_names = sorted({part for domain in gambling_domains() for part in domain.split(".")[0].split("-")
                           if len(part) >= 5 and _TOKEN.fullmatch(part)})
    hand = [line.strip() for line in HAND_LIST.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    print(f"genuine words: {total:,} ({len(tokens):,} distinct); keywords: {len(keywords):,} "
          f"({len(derive_half):,} to derive from, {len(judge_half):,} to judge on); "
          f"domain names: {len(domain_names):,}")
    lists = {"hand list": hand}
    for source, names in (("domain names", domain_names), ("half the keywords", derive_half)):
        for share in MIN_SHARES:
            lists[f"{source}, {share:.1%}"] = derive(names, genuine_rate, args.rate, share)
    for name, chosen in lists.items():
        caught = sum(is_brand(word, chosen) for word in judge_half)
        rate = sum(count for token, count in tokens.items() if is_brand(token, chosen)) * 1e6 / total
        print(f"{name:<24} {len(chosen):>3} endings  keywords caught {caught:>5}/{len(judge_half)} "
              f"({caught / len(judge_half):.3f})  genuine words matched {rate:6.1f} a million  "
              + " ".join(chosen[:24]) + (" ..." if len(chosen) > 24 else ""))
        matched = [token for token, _ in tokens.most_common() if is_brand(token, chosen) and not is_brand(token, hand)]
        if matched:
            print("    genuine words it matches and the hand list does not: " + ", ".join(matched[:12]))


if __name__ == "__main__":
    main()
