"""How spamsift does on a source of spam it never saw: leave one source out.

    python benchmarks/generalisation.py [--data ../shared/data] [--sources youtube,youtube-2,ocr]

For each spam source of the training data (the two YouTube comment sets and the OCR text of landing pages), the
models are trained by ``scripts/train.py``'s own ``train`` on every source but that one (spam lines of the held-out
source are kept out of the composed pages too), and measured on the held-out source's test split, with the genuine
pages of the test split of both extraction benchmarks judged at the same threshold. The doorway pages are held out
by construction (no model trains on them): the shipped models are measured on them, as full pages and as search
results. Needs the train extras (``make train`` installs them). Each training takes some minutes.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from train import train

from spamsift.core.model import Models, load_models, models_from_weights
from spamsift.core.report import Report
from spamsift.core.segment import segment_text
from spamsift.core.verdict import judge
from spamsift.core.vocabulary import names_gambling
from spamsift.devdata import (
    clean_pages,
    compose_text,
    doorway_brands,
    doorway_templates,
    fill_doorway,
    landing_pages,
    search_result,
    youtube_comments,
    youtube_comments_2,
)
from spamsift.html.parse import parse_html

READERS = {"youtube": youtube_comments, "youtube-2": youtube_comments_2, "ocr": landing_pages}


def check_text(text: str, models: Models, url: str | None = None) -> Report:
    return judge(segment_text(text, url), models)


def check_html(html: str, url: str | None, models: Models) -> Report:
    return judge(parse_html(html, url, models.layout), models)


def f1_line(name: str, spam_flags: list[tuple[bool, bool]], genuine: list[tuple[bool, bool]]) -> None:
    """Precision, recall, F1 and false-positive rate of (truth, said) pairs, and the genuine pages' flags."""
    tp = sum(1 for truth, said in spam_flags if truth and said)
    fp = sum(1 for truth, said in spam_flags if not truth and said)
    fn = sum(1 for truth, said in spam_flags if truth and not said)
    negatives = sum(1 for truth, _ in spam_flags if not truth)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"held out: {name:<10} n={len(spam_flags):>5}  precision {precision:.4f}  recall {recall:.4f}  F1 {f1:.4f}  "
          f"FPR {fp / negatives if negatives else 0.0:.4f}  genuine pages flagged "
          f"{sum(said for _, said in genuine)}/{len(genuine)}",
          flush=True)


def genuine_pages(data: Path, models: Models) -> list[tuple[bool, bool]]:
    """(False, flagged) for each genuine page of the test split."""
    return [(False, check_html(page.html(), page.url, models).is_spam) for page in clean_pages(data, "test")]


INJECTION_STYLES = ("stuffed_top", "stuffed_bottom", "spliced")


def injected_lines(name: str, data: Path, spam_texts: list[str], models: Models) -> None:
    """The held-out source's spam injected into each genuine article of the test split (stuffed above or below it,
    or spliced into it, as ``quality.py``'s composed pages are), judged as text: the share of the source's lines
    found (not of the generated keyword lines the composition mixes in), apart for those that name gambling (a
    term, brand or numbered name) and those that name nothing (much of the landing pages' OCR text is menus, dates
    and misread letters), and the share of the articles' own lines flagged. Locating spam is what a crawl's
    cleaning rests on, and the composed pages of ``quality.py`` draw their spam from sources the shipped models
    learned from."""
    rng = random.Random(7)
    source_texts = [" ".join(text.split()) for text in spam_texts]
    found: Counter = Counter()
    injected: Counter = Counter()
    flagged = genuine = 0
    for page in clean_pages(data, "test"):
        composed = compose_text(page.main_content, spam_texts, rng, rng.choice(INJECTION_STYLES))
        report = check_text(composed.text, models)
        for block, label in zip(report.blocks, composed.labels, strict=True):
            if label == "spam" and any(block.text in text for text in source_texts):
                kind = "naming gambling" if names_gambling(block.text) else "naming nothing"
                injected[kind] += 1
                found[kind] += block.kind == "spam"
            elif label == "content":
                genuine += 1
                flagged += block.kind == "spam"
    shares = ", ".join(f"{kind} {found[kind] / injected[kind]:.4f} ({found[kind]}/{injected[kind]})"
                       for kind in sorted(injected))
    print(f"held out: {name:<10} its spam injected into the genuine articles: lines found "
          f"{found.total() / injected.total():.4f} ({shares}), the articles' lines flagged {flagged / genuine:.4f} "
          f"({flagged}/{genuine})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--sources", default=",".join(READERS))
    args = parser.parse_args()
    started = time.perf_counter()
    for source in args.sources.split(","):
        models = models_from_weights(train(args.data, without=source))
        rows = READERS[source](args.data, "test")
        flags = [(row.spam, check_text(row.text, models).is_spam) for row in rows]
        f1_line(source, flags, genuine_pages(args.data, models))
        injected_lines(source, args.data, [row.text for row in rows if row.spam], models)
    models = load_models()
    rng = random.Random(7)
    brands = doorway_brands(args.data)
    pages, results = [], []
    for template in doorway_templates(args.data, "test"):
        brand = rng.choice(brands)
        html, url = fill_doorway(template, brand, rng)
        pages.append((True, check_html(html, url, models).is_spam))
        text = search_result(template.title.replace("{BRAND}", brand), template.description.replace("{BRAND}", brand),
                             url)
        results.append((True, check_text(text, models, url).is_spam))
    for page in clean_pages(args.data, "test"):
        head = parse_html(page.html(), page.url, models.layout)
        description = next((value for name, value in head.meta if name == "description"), "")
        results.append((False, check_text(search_result(head.title or "", description, page.url), models,
                                          page.url).is_spam))
    genuine = genuine_pages(args.data, models)
    f1_line("doorway pages, full, against the genuine pages", pages + genuine, genuine)
    f1_line("doorway pages, search results, against the genuine pages' search results", results, genuine)
    print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
