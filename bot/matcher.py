"""Question -> ranked knowledge entries with a confidence in [0, 1].

Recall comes from a BM25 index over the canonical terms of every phrasing; the final score
weighs, per entry, how much of the question (IDF-weighted) the best phrasing covers and how
closely it reads (rapidfuzz on space-joined terms), and how much of the question the entry's
whole vocabulary covers. Words the knowledge base has never seen weigh as much as its rarest
words, so a question about something else ("แผนพัฒนาท้องถิ่น", "ค่าเช่าบ้าน") scores low even
when it shares "อบต" with the domain.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from bot.analyzer import Analyzer
from bot.knowledge import Entry, KnowledgeBase

# BM25 parameters (the usual defaults) and how many phrasings go on to be reranked.
_K1, _B = 1.2, 0.75
_CANDIDATES = 60
# Recall (how much of the question a phrasing covers) and precision (how much of the phrasing
# the question asks) weigh the same: a grid search over the question sets of the time found that
# favouring recall let short near-miss questions through.
_BETA2 = 1.0
_W_PHRASING, _W_FUZZ, _W_ENTRY = 0.55, 0.15, 0.30
_NUMBER_IDF = 1.0


@dataclass(frozen=True)
class Match:
    """One entry and how confident the matcher is that it answers the question."""

    entry: Entry
    confidence: float
    phrasing: str


@dataclass(frozen=True)
class _Phrasing:
    entry_index: int
    text: str
    terms: tuple[str, ...]
    term_set: frozenset[str]
    joined: str


class Matcher:
    """Ranks the entries of one knowledge base against questions."""

    def __init__(self, kb: KnowledgeBase, analyzer: Analyzer | None = None) -> None:
        self.kb = kb
        self.analyzer = analyzer or Analyzer(kb)
        self._phrasings: list[_Phrasing] = []
        for index, entry in enumerate(kb.entries):
            for text in (entry.title, *entry.questions):
                # Curated phrasings are taken as written: no typo repair.
                terms = tuple(self.analyzer.terms(text, repair=False))
                if terms:
                    self._phrasings.append(_Phrasing(index, text, terms, frozenset(terms), " ".join(terms)))
        self._build_indexes()
        self.analyzer.set_vocabulary(self._entry_df)

    def _build_indexes(self) -> None:
        """Build the BM25 postings and the per-entry vocabularies and IDFs."""
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        lengths = [len(p.terms) for p in self._phrasings]
        avg_length = sum(lengths) / max(1, len(lengths))
        for pid, phrasing in enumerate(self._phrasings):
            for term, count in Counter(phrasing.terms).items():
                postings[term].append((pid, count))
        n = len(self._phrasings)
        # BM25 term weights depend only on the phrasing, so compute them once: a question then
        # costs one vectorised add per term, however many phrasings share it.
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for term, posts in postings.items():
            idf = math.log(1 + (n - len(posts) + 0.5) / (len(posts) + 0.5))
            ids = np.fromiter((pid for pid, _ in posts), dtype=np.int32, count=len(posts))
            weights = np.fromiter(
                (idf * tf * (_K1 + 1) / (tf + _K1 * (1 - _B + _B * lengths[pid] / avg_length)) for pid, tf in posts),
                dtype=np.float32,
                count=len(posts),
            )
            self._postings[term] = (ids, weights)
        vocab: list[set[str]] = [set() for _ in self.kb.entries]
        for phrasing in self._phrasings:
            vocab[phrasing.entry_index] |= phrasing.term_set
        self._entry_vocab = [frozenset(words) for words in vocab]
        self._entry_index = {entry.id: index for index, entry in enumerate(self.kb.entries)}
        self._entry_df: Counter[str] = Counter(word for words in vocab for word in words)
        entries = len(self.kb.entries)
        # A smooth IDF: with a few dozen entries, the usual BM25 IDF all but zeroes a concept
        # that most entries mention, though it still decides between them.
        self._idf = {term: math.log(1 + entries / df) for term, df in self._entry_df.items()}
        # A word no entry uses is more telling than the rarest word the knowledge base has.
        self._unknown_idf = math.log(1 + entries / 0.5)
        # Each phrasing's total weight, the denominator of its precision, never changes.
        self._phrasing_mass = [sum(self.idf(t) for t in p.term_set) for p in self._phrasings]

    def idf(self, term: str) -> float:
        """Return how telling `term` is across entries, times the curator's weight for it."""
        known = self._idf.get(term)
        if known is not None:
            return known * self.analyzer.weight(term)
        # Unknown words: a function word or a bare number says little about the topic;
        # any other word is a sign the question is about something the base does not cover.
        if self.analyzer.is_filler(term):
            return 0.0
        if term.isdigit():
            return _NUMBER_IDF
        return self._unknown_idf

    def _retrieve(self, terms: list[str]) -> list[int]:
        """Return the ids of the phrasings with the best BM25 scores for `terms`."""
        scores = np.zeros(len(self._phrasings), dtype=np.float32)
        for term, query_count in Counter(terms).items():
            posting = self._postings.get(term)
            if posting is not None:
                ids, weights = posting
                scores[ids] += weights * query_count
        hits = np.flatnonzero(scores)
        if len(hits) > _CANDIDATES:
            hits = hits[np.argpartition(scores[hits], -_CANDIDATES)[-_CANDIDATES:]]
        return [int(pid) for pid in hits]

    def vocabulary(self, entry: Entry) -> frozenset[str]:
        """Return the canonical terms of all of an entry's phrasings."""
        return self._entry_vocab[self._entry_index[entry.id]]

    def knows(self, term: str) -> bool:
        """Tell whether some entry's phrasings use `term`."""
        return term in self._idf

    def match(self, question: str, limit: int = 5) -> list[Match]:
        """Return up to `limit` entries ranked by confidence (empty if nothing is related)."""
        return self.match_terms(self.analyzer.terms(question[:2000]), limit=limit)

    def match_terms(self, terms: list[str], limit: int = 5) -> list[Match]:
        """Rank entries for a question's canonical terms (see bot.understanding for what they are)."""
        if not terms:
            return []
        query_set = frozenset(terms)
        weights = {term: self.idf(term) for term in query_set}
        unknown = [term for term in query_set if term not in self._idf and weights[term] == self._unknown_idf]
        if len(unknown) > 1:
            # Unknown words show a question strays from the base, but a long question with
            # context ("ช่วงสงกรานต์ นายกฯ ถามว่า...") strays less than its word count says.
            for term in unknown:
                weights[term] = self._unknown_idf / math.sqrt(len(unknown))
        total = sum(weights.values())
        if total == 0:
            return []
        joined = " ".join(terms)
        best: dict[int, tuple[float, str, float]] = {}
        for pid in self._retrieve(terms):
            phrasing = self._phrasings[pid]
            shared = sum(weights[t] for t in query_set & phrasing.term_set)
            if shared == 0:
                continue
            recall = shared / total
            precision = shared / self._phrasing_mass[pid]
            f_score = (1 + _BETA2) * precision * recall / (_BETA2 * precision + recall)
            closeness = fuzz.token_sort_ratio(joined, phrasing.joined) / 100
            score = (_W_PHRASING * f_score + _W_FUZZ * closeness) / (_W_PHRASING + _W_FUZZ)
            index = phrasing.entry_index
            if index not in best or score > best[index][0]:
                best[index] = (score, phrasing.text, recall)
        matches = []
        for index, (score, text, recall) in best.items():
            coverage = sum(weights[t] for t in query_set & self._entry_vocab[index]) / total
            confidence = (1 - _W_ENTRY) * score + _W_ENTRY * coverage
            if self.kb.entries[index].is_smalltalk:
                # A greeting inside a real question ("สวัสดีครับ ขอถามเรื่องภาษี") is not small talk.
                confidence = min(confidence, recall)
            matches.append(Match(self.kb.entries[index], min(1.0, confidence), text))
        matches.sort(key=lambda m: m.confidence, reverse=True)
        return matches[:limit]
