"""Train spamsift's models from ../shared/data and write src/spamsift/models/weights.json.gz.

    python scripts/train.py [--data ../shared/data]

Reproducible: fixed seeds, fixed splits (see spamsift.devdata), deterministic solvers, the library versions of
constraints/train.txt and one numeric environment (NUMERIC_ENVIRONMENT), whatever the machine's processor.
Six models are trained; the page model on data the others did not see, and none on the benchmarks' test split:
1. segment model (train split): is this block spam? Logistic regression over the dense evidence
   features and named tokens (words, word pairs, word beginnings and endings); and the blind segment model, the
   same over the dense features alone, for blocks in words the segment model does not know.
2. page-text model (train split): do the tokens of the whole page, taken together, read as spam?
3. layout model (train split): is this HTML block main content? Logistic regression over the
   block's layout features, labelled by the extraction benchmarks' ground truth.
4. page model (calibration split): calibrated probability that a page carries spam, from the
   page aggregates of the first three.
5. brand name model (train split for its negatives): does a single name read like the gambling domain lists'
   names? Character n-grams of the names the lists register sites under, against the names of the sites genuine
   pages link to and the words of genuine text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from spamsift.core.brandname import name_grams, registered_name
from spamsift.core.features import DENSE_FEATURES, collect_evidence
from spamsift.core.links import gambling_domains
from spamsift.core.model import WEIGHTS_FILE, LinearModel, Models, StackedModel, load_models
from spamsift.core.page import Segment
from spamsift.core.segment import segment_text
from spamsift.core.verdict import (
    PAGE_FEATURES,
    SHORT_PAGE_FEATURES,
    Assessment,
    assess,
    page_grams,
)
from spamsift.core.vocabulary import names_gambling
from spamsift.devdata import (
    HTML_STYLES,
    ComposedHtml,
    LabelledText,
    clean_pages,
    compose_html,
    genuine_names,
    iter_composed_texts,
    landing_pages,
    youtube_comments,
    youtube_comments_2,
)
from spamsift.html.layout import (
    CONTEXT_FEATURES,
    LAYOUT_FEATURES,
    LayoutExamples,
    context_rows,
    layout_examples,
)
from spamsift.html.parse import parse_html

SEED = 20261126
MIN_TOKEN_COUNT = 5
SEGMENT_C = 0.5
PAGE_TEXT_C = 10.0
BRAND_NAME_C = 1.0
BLOCK_PAGE_C, SHORT_PAGE_C = 1.0, 0.1
"""Chosen by five-fold cross-validation on the calibration split (page-level F1 per source)."""
OUT = Path(__file__).resolve().parent.parent / "src/spamsift/models" / WEIGHTS_FILE


MAX_BLOCKS_PER_PAGE = 120
LONG_PAGES_PER_ARTICLE = 3
"""Text pages composed over each genuine article of the calibration split (each HTML page gets every injection
style): the page model's block part learns from long pages alone, and one of each left it a few hundred."""


def _html_segment_labels(composed: ComposedHtml, segments: list[Segment]) -> list[int]:
    injected = [" ".join(text.split()) for text in composed.injected]
    return [int(any(seg.text in text or text in seg.text for text in injected)) for seg in segments]


@dataclass(slots=True)
class SegmentRows:
    tokens: list[list[str]] = field(default_factory=list)
    dense: list[list[float]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def add(self, segments: list[Segment], segment_labels: list[int], source: str) -> None:
        for ev, label in zip(collect_evidence(segments), segment_labels):
            self.tokens.append(ev.tokens.spelled())
            self.dense.append(ev.dense)
            self.labels.append(label)
            self.sources.append(source)

    def weights(self) -> list[float]:
        """Every source weighs as much in total as the largest one, for the page-text model: each comment set holds
        three times as many texts as the landing pages. (The segment model weighs every block once: weighting its five
        thousand landing pages up to the quarter million composed lines lets rare OCR words such as "han"
        or "gold" condemn genuine blocks.)"""
        counts = Counter(self.sources)
        largest = max(counts.values())
        return [largest / counts[source] for source in self.sources]


def labelled_texts(data: Path, split: str, without: str | None = None) -> list[LabelledText]:
    """The labelled short texts of ``split``: the comments of both YouTube sets and the landing pages' OCR text,
    all but the source ``without`` (to measure how the models do on a source they never saw). The two comment sets
    are the only genuine Indonesian text: models that see one set alone learn Indonesian from the OCR text of
    gambling sites and condemn the other set's genuine comments."""
    rows = youtube_comments(data, split) + youtube_comments_2(data, split) + landing_pages(data, split)
    return [row for row in rows if row.source != without]


def segment_rows(data: Path, split: str, without: str | None = None) -> SegmentRows:
    """Block-level examples: comments, landing pages, the lines of composed text pages, and the blocks of
    real HTML pages, genuine (every block a negative: navigation, user names, product codes) or with spam
    composed into them."""
    rng = random.Random(SEED)
    rows = SegmentRows()
    for row in labelled_texts(data, split, without):
        rows.add([Segment(0, len(row.text), row.text)], [int(row.spam)], row.source)
    for composed in iter_composed_texts(data, split, seed=SEED, per_page=2, without=without):
        page = segment_text(composed.text)
        rows.add(page.segments, [int(label == "spam") for label in composed.labels], "composed text")
    spam_texts = [r.text for r in labelled_texts(data, split, without) if r.spam]
    for page in clean_pages(data, split):
        if rng.random() < 0.5:
            segments = parse_html(page.html(), page.url).segments
            segment_labels = [0] * len(segments)
        else:
            composed = compose_html(page, spam_texts, rng, rng.choice(HTML_STYLES))
            segments = parse_html(composed.html, composed.url).segments
            segment_labels = _html_segment_labels(composed, segments)
        keep = sorted(rng.sample(range(len(segments)), min(len(segments), MAX_BLOCKS_PER_PAGE)))
        keep = sorted(set(keep) | {i for i, label in enumerate(segment_labels) if label})
        rows.add([segments[i] for i in keep], [segment_labels[i] for i in keep], "html")
    return rows


def page_text_rows(data: Path, split: str, without: str | None = None) -> SegmentRows:
    """Whole-page examples for the page-text model: the comments and landing pages, and short excerpts of the
    genuine pages (:func:`genuine_excerpts`), each as the character n-grams of its text. The model reads only short
    pages (``WHOLE_TEXT_BLOCKS``), so it learns from short pages."""
    rows = SegmentRows()
    texts = [(row.text, int(row.spam), row.source) for row in labelled_texts(data, split, without)]
    texts += [(text, 0, "genuine excerpts") for text in genuine_excerpts(data, split)]
    for text, label, source in texts:
        rows.tokens.append(sorted(page_grams(segment_text(text).segments)))
        rows.dense.append([])
        rows.labels.append(label)
        rows.sources.append(source)
    return rows


GENUINE_WORDS = 20_000
"""Ordinary words of genuine text among the brand name model's negatives, drawn at random: all of them would
outweigh the names, and a brand name is seldom an ordinary word alone."""


def brand_name_rows(data: Path) -> tuple[list[str], list[int], list[float]]:
    """Names, labels and weights for the brand name model. Gambling: the names the shipped gambling domain list
    (``data/gambling-domains.txt.gz``, derived from four MIT and Unlicense lists) registers sites under. Genuine, of
    the train split only (:func:`spamsift.devdata.genuine_names`): the names of the sites genuine pages link to and
    of ordinary sites, the words of genuine text written with digits or in capitals, and GENUINE_WORDS of its other
    words. A name the gambling list holds, or that the vocabulary names, is no negative. The genuine names weigh as
    much in total as the gambling ones."""
    gambling = sorted({name for domain in gambling_domains() if (name := registered_name(domain))})
    found = genuine_names(data, "train")
    ordinary = random.Random(SEED).sample(sorted(found.words), min(GENUINE_WORDS, len(found.words)))
    known = set(gambling)
    genuine = sorted(name for name in found.names | set(ordinary) if name not in known and not names_gambling(name))
    weight = len(gambling) / len(genuine)
    return (gambling + genuine, [1] * len(gambling) + [0] * len(genuine),
            [1.0] * len(gambling) + [weight] * len(genuine))


EXCERPTS_PER_PAGE = 12
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def genuine_excerpts(data: Path, split: str) -> list[str]:
    """Short genuine texts in English and the other languages of the extraction benchmarks: one to three sentences
    of a genuine page's content, EXCERPTS_PER_PAGE a page. The comments are the only other genuine short texts, and
    they are Indonesian: without these, the page-text model learned English itself as spam (". " and " an " among
    its heaviest weights, since English reached it in promotions only) and read "Built the recommendation service
    for an online casino client" as gambling."""
    rng = random.Random(SEED)
    excerpts = []
    for page in clean_pages(data, split):
        sentences = [s for line in page.main_content.splitlines() for s in _SENTENCE_END.split(line.strip()) if s]
        if not sentences:
            continue
        for _ in range(EXCERPTS_PER_PAGE):
            start = rng.randrange(len(sentences))
            excerpt = " ".join(sentences[start:start + rng.randint(1, 3)])
            if 15 <= len(excerpt) <= 600:
                excerpts.append(excerpt)
    return excerpts


def fit_linear(tokens: list[list[str]] | None, dense: list[list[float]], labels: list[int], c: float,
               weights: list[float] | None = None, normalized: bool = False) -> dict:
    """Logistic regression over dense features and binary tokens; with ``normalized``, each row's tokens
    weigh one over the square root of their number, as :meth:`LinearModel.normalized_logit` reads them."""
    vocabulary: dict[str, int] = {}
    if tokens is not None:
        counts: dict[str, int] = {}
        for row in tokens:
            for token in set(row):
                counts[token] = counts.get(token, 0) + 1
        for token in sorted(t for t, n in counts.items() if n >= MIN_TOKEN_COUNT):
            vocabulary[token] = len(vocabulary)
    n_dense = len(dense[0])
    rows, cols, values = [], [], []
    for i, row in enumerate(tokens or []):
        present = set(row)
        value = 1 / np.sqrt(len(present)) if normalized and present else 1.0
        for token in present:
            j = vocabulary.get(token)
            if j is not None:
                rows.append(i)
                cols.append(j)
                values.append(value)
    token_matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(labels), len(vocabulary)))
    matrix = sparse.hstack([sparse.csr_matrix(np.asarray(dense)), token_matrix], format="csr")
    model = LogisticRegression(C=c, max_iter=3000, solver="liblinear", random_state=SEED)
    model.fit(matrix, labels, sample_weight=weights)
    weights = model.coef_[0]
    token_weights = {t: round(float(weights[n_dense + j]), 4) for t, j in vocabulary.items()
                     if abs(weights[n_dense + j]) >= 0.01}
    return {"bias": round(float(model.intercept_[0]), 4), "dense": [round(float(w), 4) for w in weights[:n_dense]],
            "tokens": token_weights}


def _flatten(pages: list[LayoutExamples]) -> tuple[list[list[str]], list[list[float]], list[int]]:
    return ([t for p in pages for t in p.tokens], [d for p in pages for d in p.dense],
            [label for p in pages for label in p.labels])


def layout_model(layout: dict) -> StackedModel:
    return StackedModel(LinearModel.from_dict(layout["block"]), LinearModel.from_dict(layout["context"]))


def fit_layout(pages: list[LayoutExamples]) -> dict:
    """Stage one on the blocks; stage two on stage one's out-of-fold output (two folds), so that the
    context model learns from predictions as good as they will be on unseen pages."""
    folds = [pages[0::2], pages[1::2]]
    context_x: list[list[float]] = []
    context_y: list[int] = []
    for train, held in ((folds[0], folds[1]), (folds[1], folds[0])):
        block = LinearModel.from_dict(fit_linear(*_flatten(train), c=0.5))
        for page in held:
            logits = [block.logit(d, t) for d, t in zip(page.dense, page.tokens)]
            context_x.extend(context_rows(logits, page.infos, page.dense))
            context_y.extend(page.labels)
    block = fit_linear(*_flatten(pages), c=0.5)
    block["features"] = list(LAYOUT_FEATURES)
    context = fit_linear(None, context_x, context_y, c=1.0)
    context["features"] = list(CONTEXT_FEATURES)
    print(f"layout model: {len(context_y)} blocks, {sum(context_y)} content", file=sys.stderr)
    return {"block": block, "context": context}


def fit_page(pages: list[Assessment], labels: list[int]) -> dict:
    """The page model, fitted as two and merged into one linear model (see ``page_features``). Each part learns
    from the pages it judges: the block part from the long pages' block aggregates, the short part from the short
    pages' whole text. (Fitted on the comments too, the block part learned how near the spam threshold one
    comment's block may come: once the second comment set doubled the comments, it flagged genuine pages with
    three navigation blocks just under the threshold, "Login", "2 Slot", "Welcome Bonus Offer", 10 of the 1,678
    genuine pages.) Each part's features are zero on the other kind of page, and the ``short_page`` indicator
    carries the difference between the two fits' biases, so the merged model gives a long page the block fit's
    logit and a short one the short fit's."""
    short_column = PAGE_FEATURES.index("short_page")
    short = [i for i, page in enumerate(pages) if page.features[short_column]]
    long = [i for i, page in enumerate(pages) if not page.features[short_column]]
    block_fit = fit_linear(None, [pages[i].block_aggregates for i in long], [labels[i] for i in long],
                           c=BLOCK_PAGE_C)
    short_columns = [PAGE_FEATURES.index(name) for name in SHORT_PAGE_FEATURES]
    short_fit = fit_linear(None, [[pages[i].features[j] for j in short_columns] for i in short],
                           [labels[i] for i in short], c=SHORT_PAGE_C)
    dense = [*block_fit["dense"], round(short_fit["bias"] - block_fit["bias"], 4), *short_fit["dense"]]
    return {"bias": block_fit["bias"], "dense": dense, "tokens": {}}


def train(data: Path, without: str | None = None) -> dict:
    """The weights of all the models, as written to the weights file, trained on every source but ``without``."""
    random.seed(SEED)
    print("brand name model: building examples", file=sys.stderr)
    names, labels, name_weights = brand_name_rows(data)
    brand_name = fit_linear([sorted(name_grams(name)) for name in names], [[] for _ in names], labels,
                            c=BRAND_NAME_C, weights=name_weights)
    print(f"brand name model: {sum(labels)} gambling names, {len(labels) - sum(labels)} genuine, "
          f"{len(brand_name['tokens'])} tokens", file=sys.stderr)

    print("segment model: building examples", file=sys.stderr)
    rows = segment_rows(data, "train", without)
    segment = fit_linear(rows.tokens, rows.dense, rows.labels, c=SEGMENT_C)
    segment["dense_features"] = list(DENSE_FEATURES)
    print(f"segment model: {len(rows.labels)} examples ({dict(Counter(rows.sources))}), {sum(rows.labels)} spam, "
          f"{len(segment['tokens'])} tokens", file=sys.stderr)
    segment_blind = fit_linear(None, rows.dense, rows.labels, c=SEGMENT_C)
    segment_blind["dense_features"] = list(DENSE_FEATURES)

    print("page-text model: building examples", file=sys.stderr)
    rows = page_text_rows(data, "train", without)
    page_text = fit_linear(rows.tokens, rows.dense, rows.labels, c=PAGE_TEXT_C, weights=rows.weights(),
                           normalized=True)
    print(f"page-text model: {len(rows.labels)} pages ({dict(Counter(rows.sources))}), {sum(rows.labels)} spam, "
          f"{len(page_text['tokens'])} tokens", file=sys.stderr)

    print("layout model: building examples", file=sys.stderr)
    layout = fit_layout([layout_examples(page) for page in clean_pages(data, "train")])

    no_page = {"bias": 0.0, "dense": [0.0] * len(PAGE_FEATURES), "tokens": {}}
    interim = Models(LinearModel.from_dict(segment, reads_blocks=True), LinearModel.from_dict(segment_blind),
                     LinearModel.from_dict(page_text),
                     LinearModel.from_dict(no_page), layout_model(layout), PAGE_FEATURES, {},
                     LinearModel.from_dict(brand_name))
    print("page model: building examples (calibration split)", file=sys.stderr)
    page_rows: list[Assessment] = []
    page_y: list[int] = []
    calibration_texts = labelled_texts(data, "calibration", without)
    for row in calibration_texts:
        page_rows.append(assess(segment_text(row.text), interim))
        page_y.append(int(row.spam))
    for composed in iter_composed_texts(data, "calibration", seed=SEED + 1, per_page=LONG_PAGES_PER_ARTICLE,
                                        without=without):
        page_rows.append(assess(segment_text(composed.text), interim))
        page_y.append(int(composed.spam))
    rng = random.Random(SEED + 2)
    spam_texts = [r.text for r in calibration_texts if r.spam]
    for page in clean_pages(data, "calibration"):
        page_rows.append(assess(parse_html(page.html(), url=page.url, layout=interim.layout), interim))
        page_y.append(0)
        for style in HTML_STYLES:
            composed = compose_html(page, spam_texts, rng, style)
            if composed.injected:
                page_rows.append(assess(parse_html(composed.html, composed.url, interim.layout), interim))
                page_y.append(1)
    page = fit_page(page_rows, page_y)
    page["features"] = list(PAGE_FEATURES)
    print(f"page model: {len(page_y)} pages, {sum(page_y)} spam", file=sys.stderr)

    provenance = {
        "script": "scripts/train.py",
        "environment": "the train extras pinned by constraints/train.txt",
        "seed": SEED,
        "data": {
            "segment": "train split of spam/youtube-judol-comments.csv, spam/youtube-judol-comments-2/, "
                       "spam/gambling-landing-ocr.csv, of text "
                       "pages composed from clean/scrapinghub and clean/wcxb-dev ground truth with spam lines "
                       "from the same split, and of the HTML blocks of those pages, genuine or with spam "
                       "composed into them in the five injection styles",
            "segment_blind": "the segment model's examples, its dense features alone (no words)",
            "page_text": "train split of both YouTube comment sets and spam/gambling-landing-ocr.csv, and genuine "
                         "excerpts (one to three sentences, 12 a page) of the train split of clean/scrapinghub and "
                         "clean/wcxb-dev: each text as the character 2- to 5-grams of its words",
            "weighting": "page-text model: every source weighs as much in total as the largest; segment model: "
                         "every block once",
            "unread": "neither word model reads the cashier's words of data/vocabulary/cashier.tsv: they give the "
                      "segment model no token and are blanked out of the page-text model's text",
            "layout": "train split of clean/scrapinghub and clean/wcxb-dev: blocks labelled content when their "
                      "text is in the ground-truth main content",
            "brand_name": "gambling: the names under which data/gambling-domains.txt.gz (derived from four MIT and "
                          "Unlicense lists) registers sites; genuine, train split: the names of the sites "
                          "clean/scrapinghub and clean/wcxb-dev pages link to and of the ordinary sites of "
                          "spam/gambling-landing-ocr.csv, and words of genuine text (letters with digits, capitals, "
                          "20,000 others); character 2- to 5-grams of each name",
            "page": "calibration split of the same sources: comments, landing pages, three composed text pages "
                    "per article, genuine HTML pages and the same pages with spam composed into them in each "
                    "injection style; the block part on the long pages, the short part on the short ones",
        },
        "splits": "spamsift.devdata.split_of: 70/10/20 by hash of video id, comment id (second YouTube set), "
                  "domain or page id",
    }
    if without:
        provenance["without"] = without
    return {"provenance": provenance, "segment": segment, "segment_blind": segment_blind, "page_text": page_text,
            "layout": layout, "page": page, "brand_name": brand_name}


NUMERIC_ENVIRONMENT = {
    "NPY_DISABLE_CPU_FEATURES": "X86_V3 X86_V4 AVX512_ICL AVX512_SPR",
    "OPENBLAS_CORETYPE": "Nehalem",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
}
"""The numeric code training runs on x86_64, the same on every processor: numpy's and OpenBLAS's x86-64-v2 kernels
(numpy's baseline) and one thread. Left to choose, they take the processor's widest vector instructions and split
sums over its cores, and the weights' fourth decimals moved with them: on one machine the AVX-512 kernels and the
AVX2 ones wrote weights differing in 62,666 entries, and a new machine did not write the weights an older one had
shipped under the same library versions."""


def _with_numeric_environment() -> None:
    """Run this script again under NUMERIC_ENVIRONMENT unless it already runs so: the libraries read it when they
    load, which has happened by now."""
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return
    if any(os.environ.get(name) != value for name, value in NUMERIC_ENVIRONMENT.items()):
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, **NUMERIC_ENVIRONMENT})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    _with_numeric_environment()
    weights = train(args.data)
    OUT.write_bytes(gzip.compress(json.dumps(weights, ensure_ascii=False, sort_keys=True).encode(), mtime=0))
    load_models.cache_clear()
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KiB)", file=sys.stderr)


if __name__ == "__main__":
    main()
