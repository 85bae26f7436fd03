"""Same-event grouping: the reports of one story, from any feed, become one event.

Candidates come from MinHash LSH (datasketch) over character shingles of each item's lead
and of its number-masked title; a candidate pair is joined when the texts are near
duplicates, or when the titles read alike once numbers are masked (a developing story:
"指数涨超3%" … "指数收涨5.2%") and the items are close in time. Events are the connected
components of the joined pairs, so the result does not depend on input order.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from datasketch import MinHash, MinHashLSH

from theme_research.analyze import Analyzed, mask_numbers, shingles

NUM_PERM = 64
LEAD_JACCARD = 0.42
"""Lead bigram Jaccard at which two items are one story (outlets' rewrites share ~half)."""
TITLE_DICE = 0.62
"""Masked-title bigram Dice at which two close items are updates of one story."""
DUPLICATE_GAP = timedelta(hours=36)
UPDATE_GAP = timedelta(hours=10)
_SEED = 7


@dataclass(frozen=True)
class Event:
    """One story: every item that reports it, oldest first."""

    items: tuple[Analyzed, ...]

    @property
    def id(self) -> str:
        return min(a.key for a in self.items)

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(a.item.source for a in self.items)

    @property
    def outlets(self) -> frozenset[str]:
        """Every outlet that carried the story, including those a Readhub topic lists."""
        names = {a.item.outlet or a.item.source for a in self.items}
        for a in self.items:
            names.update(a.item.extras.get("outlets") or [])
        return frozenset(names)


@dataclass(frozen=True)
class _Features:
    lead: frozenset[str]
    title: frozenset[str]


def group(items: Sequence[Analyzed]) -> list[Event]:
    """Group items into events (connected components of same-story pairs)."""
    ordered = sorted(items, key=lambda a: a.key)  # a canonical order: input order is moot
    features = [_features(a) for a in ordered]
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(features):
        if same_story(ordered[i], ordered[j], features[i], features[j]):
            parent[find(i)] = find(j)
    components: dict[int, list[Analyzed]] = {}
    for index, item in enumerate(ordered):
        components.setdefault(find(index), []).append(item)
    events = [
        Event(tuple(sorted(c, key=lambda a: (a.item.published_at, a.key))))
        for c in components.values()
    ]
    return sorted(events, key=lambda e: e.id)


def _features(item: Analyzed) -> _Features:
    return _Features(
        lead=frozenset(shingles(item.lead)),
        title=frozenset(shingles(mask_numbers(item.title))),
    )


def _candidate_pairs(features: Sequence[_Features]) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    for attribute, threshold in (("lead", LEAD_JACCARD * 0.8), ("title", TITLE_DICE * 0.6)):
        sets = [getattr(f, attribute) for f in features]
        pairs |= _lsh_pairs(sets, threshold)
    return pairs


def _lsh_pairs(sets: Sequence[frozenset[str]], threshold: float) -> set[tuple[int, int]]:
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    # bulk() shares one set of permutations; crc32 is a stable, fast 32-bit hash.
    encoded = [[g.encode("utf-8") for g in sorted(grams)] for grams in sets]
    hashes = MinHash.bulk(encoded, num_perm=NUM_PERM, seed=_SEED, hashfunc=zlib.crc32)
    for index, minhash in enumerate(hashes):
        lsh.insert(index, minhash)
    pairs = set()
    for index, minhash in enumerate(hashes):
        for other in lsh.query(minhash):
            if other != index:
                pairs.add((min(index, other), max(index, other)))
    return pairs


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def same_story(a: Analyzed, b: Analyzed, fa: _Features, fb: _Features) -> bool:
    """Near-duplicate leads within a day and a half, or like titles within hours."""
    gap = abs(a.item.published_at - b.item.published_at)
    if gap <= DUPLICATE_GAP and jaccard(fa.lead, fb.lead) >= LEAD_JACCARD:
        return True
    return gap <= UPDATE_GAP and dice(fa.title, fb.title) >= TITLE_DICE
