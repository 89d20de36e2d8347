"""Turn a question into canonical terms: fold, segment, map synonyms, fix typos, drop fillers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot import thai
from bot.knowledge import KnowledgeBase

# A variant may be split by the segmenter into up to this many pieces ("ได้" + "ไหม").
_MAX_PIECES = 4
# Typo repair: how close an unknown word must be to a known one, and how long it must be
# (short Thai words differ by one letter and mean different things).
_TYPO_SCORE = 86.0
_TYPO_MIN_CHARS = 5
_MEANINGLESS = re.compile(r"^[\W_]+$")


class Analyzer:
    """Analyses texts with one knowledge base's synonyms and vocabulary."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._canonical: dict[str, tuple[str, ...]] = {}
        for group in kb.synonyms:
            forms = (thai.fold(group.canonical), *(thai.fold(also) for also in group.also))
            for variant in (group.canonical, *group.variants):
                self._canonical[thai.fold(variant)] = forms
        self._ignore = frozenset(thai.fold(word) for word in kb.ignore)
        # Every variant is a dictionary word, so the segmenter keeps "เมืองพี่เมืองน้อง" whole.
        self.domain_words = frozenset(
            {word for word in self._canonical if word}
            | {form for forms in self._canonical.values() for form in forms}
        )
        self._vocabulary: tuple[str, ...] = ()

    def set_vocabulary(self, words: Iterable[str]) -> None:
        """Set the known words that unknown words may be corrected to."""
        self._vocabulary = tuple(sorted({w for w in words if len(w) >= _TYPO_MIN_CHARS}))
        self._correct.cache_clear()

    def terms(self, text: str) -> list[str]:
        """Return the canonical terms of `text`, in order (duplicates kept)."""
        pieces = thai.tokenize(thai.fold(text), self.domain_words)
        return [term for term in self._map(pieces) if term not in self._ignore]

    def _map(self, pieces: list[str]) -> list[str]:
        """Map runs of pieces to canonical forms, longest run first; repair unknown words."""
        out: list[str] = []
        index = 0
        while index < len(pieces):
            for width in range(min(_MAX_PIECES, len(pieces) - index), 0, -1):
                run = pieces[index : index + width]
                forms = self._lookup(run)
                if forms is not None:
                    out.extend(forms)
                    index += width
                    break
            else:
                piece = pieces[index]
                index += 1
                if _MEANINGLESS.match(piece):
                    continue
                out.extend(self._canonical.get(self._correct(piece), (self._correct(piece),)))
        return out

    def _lookup(self, run: list[str]) -> tuple[str, ...] | None:
        """Return the canonical forms of a run of pieces, joined as Thai or as English."""
        forms = self._canonical.get("".join(run))
        if forms is None and len(run) > 1:
            forms = self._canonical.get(" ".join(run))
        return forms

    @lru_cache(maxsize=4096)  # noqa: B019 - one analyzer lives as long as its knowledge base
    def _correct(self, word: str) -> str:
        """Return the known word `word` is a typo of, or `word` itself."""
        if len(word) < _TYPO_MIN_CHARS or word in self._canonical or not self._vocabulary:
            return word
        if word in self._vocabulary:
            return word
        best = process.extractOne(word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=_TYPO_SCORE)
        return str(best[0]) if best else word
