"""Sentences of a draft, indexed once and shared by every rule: bounds, context tests, negation."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from bot.checker.negation import SHORT_SENTENCE, SentencePieces, negated_after, negated_from

_SENTENCE_END = re.compile(r"[.;:!?](?=\s)|\n[ \t]*\n")


@dataclass(frozen=True)
class _Ends:
    """The sentence-end marks of one clause: where each starts and stops, and how far it looks."""

    starts: list[int]
    stops: list[int]
    # A "." is a sentence end only before a space: it needs one character more to be seen.
    reaches: list[int]


class SentenceIndex:
    """Answers about the sentences of one draft's text, each computed once however many rules ask."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends: dict[tuple[int, int], _Ends] = {}
        self._sentences: dict[tuple[int, int], str] = {}
        self._pieces: dict[tuple[int, int], SentencePieces] = {}
        self._contexts: dict[tuple[re.Pattern[str], int, int], bool] = {}

    def _clause_ends(self, lower: int, upper: int) -> _Ends:
        """Return the sentence ends of the clause [lower, upper), found once."""
        key = (lower, upper)
        if key not in self._ends:
            starts, stops, reaches = [], [], []
            for match in _SENTENCE_END.finditer(self.text, lower, upper):
                starts.append(match.start())
                stops.append(match.end())
                reaches.append(match.end() + (self.text[match.start()] != "\n"))
            self._ends[key] = _Ends(starts, stops, reaches)
        return self._ends[key]

    def bounds(self, start: int, end: int, lower: int, upper: int) -> tuple[int, int]:
        """Return the sentence around [start, end), kept inside the clause [lower, upper)."""
        ends = self._clause_ends(lower, upper)
        # The sentence starts after the last end mark seen entirely before `start`
        # (as if the clause were searched only up to `start`).
        before = bisect.bisect_right(ends.reaches, start)
        begin = ends.stops[before - 1] if before else lower
        # It stops at the first mark starting at or after `end` (as if searched from `end`).
        after = bisect.bisect_left(ends.starts, end)
        finish = ends.starts[after] if after < len(ends.starts) else upper
        if after and ends.stops[after - 1] > end:
            # `end` falls inside a blank-line mark; searched from `end`, its closing line break
            # may open a mark of its own ("\n\n\n").
            inner = ends.stops[after - 1] - 1
            if _SENTENCE_END.match(self.text, inner, upper):
                finish = inner
        return begin, finish

    def sentence(self, begin: int, finish: int) -> str:
        """Return text[begin:finish], sliced once."""
        key = (begin, finish)
        if key not in self._sentences:
            self._sentences[key] = self.text[begin:finish]
        return self._sentences[key]

    def mentions(self, regex: re.Pattern[str], begin: int, finish: int) -> bool:
        """Tell whether `regex` occurs in the sentence [begin, finish) (searched once per sentence)."""
        key = (regex, begin, finish)
        if key not in self._contexts:
            self._contexts[key] = regex.search(self.sentence(begin, finish)) is not None
        return self._contexts[key]

    def negated(self, begin: int, finish: int, start: int, end: int) -> bool:
        """Tell whether a negator governs the words at [start, end) of the sentence [begin, finish)."""
        if finish - begin <= SHORT_SENTENCE:
            return negated_after(self.text, end) or negated_from(self.text, begin, start, end)
        key = (begin, finish)
        if key not in self._pieces:
            self._pieces[key] = SentencePieces(self.text, begin, finish)
        return self._pieces[key].negated(self.text, start, end)
