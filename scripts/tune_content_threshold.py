"""Clean-text F1 on the calibration split for several content thresholds: shares of the page's best block's
layout probability (``spamsift.core.verdict.CONTENT_SHARE_OF_BEST``).

    python scripts/tune_content_threshold.py [--data ../shared/data] [SHARE ...]

The layout model was trained on the train split and the benchmarks read the test split, so the
threshold is chosen here, on pages neither has seen.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from spamsift.core import verdict
from spamsift.core.model import load_models
from spamsift.devdata import clean_pages
from spamsift.html.parse import parse_html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from quality import bow_f1, shingle_f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("shares", nargs="*", type=float, default=[0.3, 0.4, 0.45, 0.5, 0.6, 0.7])
    args = parser.parse_args()
    models = load_models()
    pages = [(page, parse_html(page.html(), page.url, models.layout))
             for page in clean_pages(args.data, "calibration") if page.main_content]
    for share in args.shares:
        verdict.CONTENT_SHARE_OF_BEST = share
        scores: dict[str, list[float]] = {"scrapinghub": [], "wcxb": []}
        for page, parsed in pages:
            measure = shingle_f1 if page.source == "scrapinghub" else bow_f1
            scores[page.source].append(measure(verdict.judge(parsed, models).clean_text, page.main_content)[2])
        print(f"share {share:.2f}  scrapinghub 4-gram shingle F1 {statistics.mean(scores['scrapinghub']):.4f}  "
              f"wcxb bag-of-words F1 {statistics.mean(scores['wcxb']):.4f}", flush=True)


if __name__ == "__main__":
    main()
