"""The learned parts: a logistic model over segment evidence, one over the words of a whole page, one over page
aggregates, and one over the letters of a single name.

Weights are a small JSON file written by ``scripts/train.py`` (see ``spamsift/models/README.md``
for what it was trained on). Scoring needs no machine-learning library: a segment's logit is a
bias plus the weights of the tokens it contains plus a dot product over its dense features. A block's tokens are
weighed by a compiled table without being spelled out (``spamsift/core/_tokens.pyx``).
"""

from __future__ import annotations

import gc
import gzip
import json
import math
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spamsift.core._evidence import evidence_logits
from spamsift.core._tokens import BlockTokens, TokenWeights, weighted_sum
from spamsift.core.features import DENSE_FEATURES, Evidence
from spamsift.core.links import load_domains
from spamsift.core.vocabulary import load_vocabulary

WEIGHTS_FILE = "weights.json.gz"


def token_sum(weights: dict[str, float], tokens: Collection[str]) -> float:
    """The sum of the ``weights`` of the ``tokens`` that have one, each once. A set's order changes from process to
    process (string hashes are salted) and a float sum with its order, so the sum is taken exactly rounded
    (``math.fsum``), whatever the order: the same text gets the same score, to the last digit, in every run."""
    return math.fsum(map(weights.__getitem__, weights.keys() & tokens))


KNOWN_WEIGHT = 0.05
"""The smallest weight of a token a model knows. The training keeps every token of at least five examples whose weight
is 0.01 or more; one that weighs less than this says nothing, and counted as known it could turn whether a model
reads a foreign text at all (``verdict.KNOWN_SHARE``) on the training's random draws: a Portuguese promotion whose
first line the segment model knew 0.278 of the tokens of was read by the blind model, and a retraining that brought
in one word beginning weighing -0.046 ("horá~") made it 0.306, read by the segment model, and the text clean."""


@dataclass(frozen=True, slots=True)
class LinearModel:
    bias: float
    dense: tuple[float, ...]
    tokens: dict[str, float]
    table: TokenWeights | None = field(default=None, repr=False, compare=False)
    """The token weights as a table that weighs :class:`BlockTokens` without spelling them out, for the model that
    reads blocks (the segment model); built once, when the weights are loaded."""
    known: frozenset[str] = field(init=False, repr=False, compare=False)
    """The tokens weighed at least KNOWN_WEIGHT (:meth:`known_share`), set once: a short text's thousands of letter
    groups are read against it as one set intersection."""

    def __post_init__(self) -> None:
        known = frozenset(token for token, weight in self.tokens.items() if abs(weight) >= KNOWN_WEIGHT)
        object.__setattr__(self, "known", known)

    def logit(self, dense: list[float], tokens: BlockTokens | Collection[str] | None = None) -> float:
        z = self.bias + weighted_sum(self.dense, dense)
        if isinstance(tokens, BlockTokens):
            z += self.table.total(tokens)
        elif tokens:
            z += token_sum(self.tokens, tokens)
        return z

    def block_logits(self, evidence: list[Evidence]) -> list[float]:
        """:meth:`logit` of each block's evidence (its dense features and tokens), computed in one compiled loop;
        for the model that reads blocks (built with ``reads_blocks``)."""
        return evidence_logits(evidence, self.bias, self.dense, self.table)

    def normalized_logit(self, tokens: Collection[str]) -> float:
        """The logit of a set of tokens read as a binary vector of unit length, each present token weighing
        one over the square root of their number: a long text does not read as spam merely for holding
        more of them. The page-text model reads character n-grams this way."""
        if not tokens:
            return self.bias
        return self.bias + token_sum(self.tokens, tokens) / math.sqrt(len(tokens))

    def known_share(self, tokens: Collection[str]) -> float:
        """The share of ``tokens`` the model weighs at least KNOWN_WEIGHT: how much of a text it can read at all."""
        return len(self.known.intersection(tokens)) / len(tokens) if tokens else 0.0

    def known_share_of_blocks(self, blocks: list[BlockTokens]) -> float | None:
        """:meth:`known_share` of the blocks' tokens taken together, weighed by the table without spelling them out
        (for the model that reads blocks); None when they have no token."""
        return self.table.known_share(blocks, KNOWN_WEIGHT)

    def top_tokens(self, tokens: BlockTokens, n: int = 3) -> list[tuple[str, float]]:
        """The tokens that pushed the score up most, for the reasons (for the model that reads blocks)."""
        scored = self.table.weighed_above(tokens, 0.3)
        return sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))[:n]  # ties by name: the same reasons every run

    @classmethod
    def from_dict(cls, data: dict, reads_blocks: bool = False) -> LinearModel:
        tokens = data.get("tokens", {})
        return cls(data["bias"], tuple(data["dense"]), tokens, TokenWeights(tokens) if reads_blocks else None)


@dataclass(frozen=True, slots=True)
class StackedModel:
    """A block model, and a second model that reads the first one's output over neighbouring blocks."""

    block: LinearModel
    context: LinearModel


@dataclass(frozen=True, slots=True)
class Models:
    segment: LinearModel
    segment_blind: LinearModel
    """The segment model's dense features alone, learned from the same blocks: it reads blocks in words the segment
    model does not know."""
    page_text: LinearModel
    """Character n-grams of a whole short page at once (:meth:`LinearModel.normalized_logit`): one of the page
    model's inputs, never a verdict on its own."""
    page: LinearModel
    layout: StackedModel | None
    page_features: tuple[str, ...]
    provenance: dict
    brand_name: LinearModel
    """Character n-grams of a single name: does it read like the gambling domain lists' names
    (:mod:`spamsift.core.brandname`)?"""




@cache
def load_models() -> Models:
    """The shipped models (``models/weights.json.gz``), read once, with the data every page is read with (the
    vocabulary, the gambling domains and the public suffixes).

    All that is alive then (that data, the modules of spamsift and of its dependencies) lives as long as the
    process, and is moved out of the cyclic garbage collector's reach (``gc.freeze``): judging a page makes
    thousands of objects, so the collector runs every few hundred of them, and each of its full passes walked the
    100,000 gambling domains and the rest again: about 6% of an HTML page's time. Objects alive at that moment
    that later become garbage cycles are not collected; everything else is freed as before."""
    raw = (resources.files("spamsift.models") / WEIGHTS_FILE).read_bytes()
    models = models_from_weights(json.loads(gzip.decompress(raw)))
    load_vocabulary()
    load_domains()
    gc.freeze()
    return models


def models_from_weights(data: dict) -> Models:
    """The models of a weights record as ``scripts/train.py`` writes it."""
    if tuple(data["segment"]["dense_features"]) != DENSE_FEATURES:
        raise RuntimeError("spamsift model weights do not match this version's features; run scripts/train.py")
    layout = data.get("layout")
    return Models(
        segment=LinearModel.from_dict(data["segment"], reads_blocks=True),
        segment_blind=LinearModel.from_dict(data["segment_blind"]),
        page_text=LinearModel.from_dict(data["page_text"]),
        page=LinearModel.from_dict(data["page"]),
        layout=StackedModel(LinearModel.from_dict(layout["block"]), LinearModel.from_dict(layout["context"]))
        if layout else None,
        page_features=tuple(data["page"]["features"]),
        provenance=data["provenance"],
        brand_name=LinearModel.from_dict(data["brand_name"]),
    )

