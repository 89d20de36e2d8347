"""Turn a question into canonical terms: fold, segment, map synonyms, fix typos, drop fillers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot import thai
from bot.knowledge import KnowledgeBase
from bot.numbers import without_numbers

# A variant may be split by the segmenter into up to this many pieces ("ได้" + "ไหม").
_MAX_PIECES = 4
# Typo repair: how close an unknown word must be to a known one, and how long it must be
# (short Thai words differ by one letter and mean different things).
_TYPO_SCORE = 86.0
_TYPO_MIN_CHARS = 5
# Repairs tried per question: bounds the cost of a long or garbled message.
_MAX_REPAIRS = 12
# Punctuation, symbols, emoji and stray single Latin letters ("department's" -> "s").
_MEANINGLESS = re.compile(r"^([\W_]+|[a-z])$")
# English inflections to strip when the inflected word is unknown ("applies" -> "apply").
_SUFFIXES = (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


@lru_cache(maxsize=1)
def _thai_stopwords() -> frozenset[str]:
    from pythainlp.corpus import thai_stopwords

    return frozenset(thai_stopwords())


class Analyzer:
    """Analyses texts with one knowledge base's synonyms and vocabulary."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._canonical: dict[str, tuple[str, ...]] = {}
        self._weights: dict[str, float] = {}
        for group in kb.synonyms:
            forms = (thai.fold(group.canonical), *(thai.fold(also) for also in group.also))
            self._weights[forms[0]] = group.weight
            for variant in (group.canonical, *group.variants):
                self._canonical[thai.fold(variant)] = forms
        self._ignore = frozenset(thai.fold(word) for word in kb.ignore)
        # Every beginning of a variant, so that a run of pieces that begins none is not looked up longer.
        self._prefixes = frozenset(key[:end] for key in self._canonical for end in range(1, len(key) + 1))
        # Every variant is a dictionary word, so the segmenter keeps "เมืองพี่เมืองน้อง" whole.
        self.domain_words = frozenset(
            {word for word in self._canonical if word}
            | {form for forms in self._canonical.values() for form in forms}
        )
        # CJK runs are cut by these (the fillers too, so a particle such as "の" comes out); they stay
        # out of newmm's dictionary, where an English filler ("a") would split "administrative".
        self._unspaced_words = thai.unspaced_words(self.domain_words | self._ignore)
        self._known: frozenset[str] = frozenset()
        # Typos are repaired only towards the curated vocabulary (synonyms.yaml), bucketed by
        # length: its size does not grow with the number of entries, so neither does the cost.
        self._by_length: dict[int, list[str]] = {}
        for word in sorted(self._canonical):
            if len(word) >= _TYPO_MIN_CHARS:
                self._by_length.setdefault(len(word), []).append(word)

    def knows(self, term: str) -> bool:
        """Tell whether `term` is a canonical form or a word the knowledge base uses."""
        return term in self._known or term in self.domain_words or term in self._ignore

    def knows_latin(self, word: str) -> bool:
        """Tell whether a lower-case Latin word, or its stem ("applies" -> "apply"), is one the knowledge base uses."""
        return self.knows(word) or self.knows(self._correct(word))

    def is_filler(self, term: str) -> bool:
        """Tell whether `term` is a common Thai function word (PyThaiNLP's stopword list)."""
        return term in _thai_stopwords()

    def weight(self, term: str) -> float:
        """Return the curator's weight for a canonical term (1 unless synonyms.yaml says)."""
        return self._weights.get(term, 1.0)

    def set_vocabulary(self, words: Iterable[str]) -> None:
        """Set the words the knowledge base uses: they are never "corrected" as typos."""
        self._known = frozenset(words)
        self._correct.cache_clear()
        self._terms.cache_clear()

    def forget(self) -> None:
        """Drop the analyses kept of earlier texts (a benchmark times each question as if new)."""
        self._terms.cache_clear()

    def terms(self, text: str, repair: bool = True) -> list[str]:
        """Return the canonical terms of `text`, in order; `repair` fixes typos (for questions)."""
        # Understanding reads the same clauses of a message more than once: analyse each once.
        return list(self._terms(text, repair))

    @lru_cache(maxsize=1024)  # noqa: B019 - one analyzer lives as long as its knowledge base
    def _terms(self, text: str, repair: bool) -> tuple[str, ...]:
        # A letter number ("ว 0313") names which letter, not what is asked: the registry's card
        # answers it, and its digits must not pull a question towards the entry that quotes it.
        pieces = thai.tokenize(thai.fold(without_numbers(text)), self.domain_words, self._unspaced_words)
        if repair:
            pieces = self._repair(pieces)
        terms = [term for term in self._map(pieces, repair) if term not in self._ignore]
        # "ด้านการศึกษา" is one sector, not two: a term right after itself says nothing new.
        return tuple(term for index, term in enumerate(terms) if index == 0 or terms[index - 1] != term)

    def _is_known(self, piece: str) -> bool:
        return piece in self._canonical or piece in self._known or piece in self._ignore

    def _repair(self, pieces: list[str]) -> list[str]:
        """Rejoin a misspelt domain word the segmenter broke up ("เมืองพี่เมืองนอ้ง")."""
        if not self._by_length:
            return pieces
        out = list(pieces)
        index = 0
        attempts = 0
        while index < len(out):
            piece = out[index]
            settled = self._is_known(piece) or not thai.has_thai(piece)
            if settled or attempts >= _MAX_REPAIRS:
                index += 1
                continue
            attempts += 1
            best: tuple[float, int, int, str] | None = None
            for start in range(max(0, index - _MAX_PIECES + 1), index + 1):
                for end in range(index + 1, min(len(out), start + _MAX_PIECES) + 1):
                    joined = "".join(out[start:end])
                    hit = self._closest_variant(joined) if thai.has_thai(joined) else None
                    if hit and (best is None or (hit[1], end - start) > (best[0], best[2] - best[1])):
                        best = (hit[1], start, end, hit[0])
            if best is None:
                index += 1
                continue
            _, start, end, word = best
            out[start:end] = [word]
            index = start + 1
        return out

    def _map(self, pieces: list[str], repair: bool = True) -> list[str]:
        """Map runs of pieces to canonical forms, longest run first; repair unknown words."""
        out: list[str] = []
        index = 0
        while index < len(pieces):
            for width in range(self._widest_run(pieces, index), 0, -1):
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
                word = self._correct(piece) if repair else piece
                out.extend(self._canonical.get(word, (word,)))
        return out

    def _widest_run(self, pieces: list[str], index: int) -> int:
        """Return how many pieces from `index` may still form one variant (joined as Thai or as English)."""
        thai_joined = english_joined = pieces[index]
        widest = 1
        for width in range(2, min(_MAX_PIECES, len(pieces) - index) + 1):
            piece = pieces[index + width - 1]
            thai_joined += piece
            english_joined += " " + piece
            if thai_joined not in self._prefixes and english_joined not in self._prefixes:
                break
            widest = width
        return widest

    def _lookup(self, run: list[str]) -> tuple[str, ...] | None:
        """Return the canonical forms of a run of pieces, joined as Thai or as English."""
        forms = self._canonical.get("".join(run))
        if forms is None and len(run) > 1:
            forms = self._canonical.get(" ".join(run))
        return forms

    # A word's typo repair is kept for good (unlike a text's analysis, which `forget` drops): the same
    # unknown words come back in question after question.
    @lru_cache(maxsize=65536)  # noqa: B019 - one analyzer lives as long as its knowledge base
    def _closest_variant(self, joined: str) -> tuple[str, float] | None:
        """Return the domain variant `joined` is a typo of, with its score, or None."""
        size = len(joined)
        if size < _TYPO_MIN_CHARS:
            return None
        # fuzz.ratio >= 86 needs lengths within about 25% of each other: compare only those.
        hit = process.extractOne(joined, self._candidates(size), scorer=fuzz.ratio, score_cutoff=_TYPO_SCORE)
        return (str(hit[0]), float(hit[1])) if hit else None

    @lru_cache(maxsize=256)  # noqa: B019 - one analyzer lives as long as its knowledge base
    def _candidates(self, size: int) -> list[str]:
        """Return the domain variants a word of `size` characters may be a typo of."""
        # fuzz.ratio >= 86 needs lengths within about 25% of each other: compare only those.
        return [word for n in range(int(size * 0.75), int(size * 1.34) + 1) for word in self._by_length.get(n, ())]

    @lru_cache(maxsize=4096)  # noqa: B019 - one analyzer lives as long as its knowledge base
    def _correct(self, word: str) -> str:
        """Return the known word `word` is a typo of, or `word` itself."""
        if word in self._canonical or word in self._known:
            return word
        if word.isascii() and word.isalpha():
            for suffix, replacement in _SUFFIXES:
                stem = word[: -len(suffix)] + replacement
                if word.endswith(suffix) and len(stem) >= 3 and (stem in self._canonical or stem in self._known):
                    return stem
        if not self._known:
            return word
        hit = self._closest_variant(word)
        return hit[0] if hit else word
