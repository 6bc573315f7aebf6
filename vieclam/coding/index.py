"""A small TF-IDF nearest-neighbour index over short folded texts, with typo correction. Pure Python.

Each document is a short text (an occupation name, an alias, a real job title) labelled with a code. A query
is a list of weighted segments (see normalize.title_segments). Features are folded words and word bigrams:
Vietnamese job names are compounds of syllables ('kế toán', 'kinh doanh'), so bigrams carry most of the
meaning. Both sides are L2-normalised TF-IDF vectors; a code scores the best cosine among its documents,
times the document's weight, plus a small bonus when a second document of the same code also matches.

Typo tolerance: a query word that no document contains is replaced by a known word that shares a one-letter
deletion with it (SymSpell, so lookup is O(word length)) and is within edit distance 1 (2 for words of 6+
letters); the one that forms a known bigram with a neighbour wins, else the most frequent ('ke toan tong hp' →
'hop'). English plurals fall back to the singular. The constants below were tuned on the dev titles (SOURCES.md).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

BIGRAM_WEIGHT = 1.6
CORRECTED_WEIGHT = 0.8
SECOND_DOC_BONUS = 0.15
UNKNOWN_WEIGHT = 0.5
COMMON_SHARE = 0.03


Segments = list[tuple[str, float]]


@dataclass(frozen=True)
class Document:
    """Labelled text: `code` is what a query that looks like `segments` [(words, weight)] should be coded as."""

    code: str
    segments: tuple[tuple[str, float], ...]
    weight: float = 1.0


def features(words: list[str], weight: float = 1.0, into: dict[str, float] | None = None) -> dict[str, float]:
    """Word and bigram counts of one segment, scaled by its weight (added to `into` when given)."""
    found: dict[str, float] = defaultdict(float) if into is None else into
    for word in words:
        found[word] += weight
    for left, right in zip(words, words[1:], strict=False):
        found[f"{left} {right}"] += weight * BIGRAM_WEIGHT
    return found


def document_features(document: Document) -> dict[str, float]:
    found: dict[str, float] = defaultdict(float)
    for text, weight in document.segments:
        features(text.split(), weight, found)
    return found


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, or limit + 1 once it is known to exceed limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


class TfidfIndex:
    """Build once from documents; `scores(segments)` → {code: score in 0..1}."""

    def __init__(self, documents: list[Document]):
        self.documents = documents
        vectors = [document_features(doc) for doc in documents]
        df: dict[str, int] = defaultdict(int)
        for vector in vectors:
            for feature in vector:
                df[feature] += 1
        total = len(documents)
        self.idf = {feature: math.log((total + 1) / (count + 1)) + 1.0 for feature, count in df.items()}
        self.max_idf = math.log(total + 1) + 1.0
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self.vectors: list[dict[str, float]] = []
        for doc_id, vector in enumerate(vectors):
            weighted = {f: tf * self.idf[f] for f, tf in vector.items()}
            norm = math.sqrt(sum(w * w for w in weighted.values())) or 1.0
            self.vectors.append({f: w / norm for f, w in weighted.items()})
            for feature, w in self.vectors[-1].items():
                self.postings[feature].append((doc_id, w))
        self.word_df = {f: n for f, n in df.items() if " " not in f}
        self.common = {f for f, n in self.word_df.items() if n > COMMON_SHARE * total}
        self._delete_index: dict[str, list[str]] = defaultdict(list)
        for word in self.word_df:
            if len(word) >= 2 and word.isalpha():
                for key in _deletes(word) | {word}:
                    self._delete_index[key].append(word)

    def correct(self, words: list[str]) -> list[tuple[str, float]]:
        """Each word with a weight: known words as they are, unknown ones replaced by a close known word."""
        out = []
        for i, word in enumerate(words):
            if word in self.word_df or len(word) < 2 or not word.isalpha():
                out.append((word, 1.0))
                continue
            if word.endswith("s") and word[:-1] in self.word_df:  # English plurals: 'risks', 'developers'
                out.append((word[:-1], 1.0))
                continue
            best = self._closest(word, words[i - 1] if i else None, words[i + 1] if i + 1 < len(words) else None)
            out.append((best, CORRECTED_WEIGHT) if best else (word, 1.0))
        return out

    def _closest(self, word: str, before: str | None, after: str | None) -> str | None:
        limit = 1 if len(word) < 6 else 2
        candidates = {c for key in _deletes(word) | {word} for c in self._delete_index.get(key, ())}
        candidates = {c for c in candidates if edit_distance(word, c, limit) <= limit}
        if not candidates:
            return None

        def rank(candidate: str) -> tuple[int, int]:
            joined = (before and f"{before} {candidate}" in self.idf) or (after and f"{candidate} {after}" in self.idf)
            return (1 if joined else 0, self.word_df[candidate])

        return max(sorted(candidates), key=rank)

    def query_vector(self, segments: Segments) -> dict[str, float]:
        """Unit TF-IDF vector of the known features; unknown words count in the norm, lowering every score."""
        vector: dict[str, float] = defaultdict(float)
        unknown = 0.0
        for text, weight in segments:
            corrected = self.correct(text.split())
            penalty = {word: w for word, w in corrected if w != 1.0}
            for feature, tf in features([word for word, _ in corrected], weight).items():
                if feature in self.idf:
                    factor = min(penalty.get(part, 1.0) for part in feature.split())
                    vector[feature] += tf * self.idf[feature] * factor
                elif " " not in feature:
                    unknown += (tf * self.max_idf * UNKNOWN_WEIGHT) ** 2
        norm = math.sqrt(sum(v * v for v in vector.values()) + unknown)
        return {f: v / norm for f, v in vector.items()} if vector else {}

    def scores(self, segments: Segments) -> dict[str, float]:
        """{code: score} for every code with at least one matching document."""
        vector = self.query_vector(segments)
        # 'nhan', 'vien' are in a third of the documents: their postings are read only when nothing rarer
        # matches; otherwise they are added to the documents that a rarer feature found (same cosine, less work)
        rare = [f for f in vector if f not in self.common]
        sims: dict[int, float] = defaultdict(float)
        for feature in rare or vector:
            for doc_id, dw in self.postings[feature]:
                sims[doc_id] += vector[feature] * dw
        if rare:
            common = [(f, vector[f]) for f in vector if f in self.common]
            for doc_id in sims:
                weights = self.vectors[doc_id]
                sims[doc_id] += sum(qw * weights.get(f, 0.0) for f, qw in common)
        best: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
        for doc_id, sim in sims.items():
            doc = self.documents[doc_id]
            value = sim * doc.weight
            top = best[doc.code]
            if value > top[0]:
                top[0], top[1] = value, top[0]
            elif value > top[1]:
                top[1] = value
        return {code: min(1.0, first + SECOND_DOC_BONUS * second) for code, (first, second) in best.items()}
