"""Tell whether a negator governs a rule's words ("is not legally binding"), reading only near them.

The rule: blank out phrases that look negative but are not ("no later than", "ไม่ว่า"); cut the
sentence up to the words into pieces at commas, line breaks and gaps between Thai words; skip
conditional pieces ("if no agreement is reached"); a negator in the words themselves, or shortly
before them with no contrast ("but") and, in English, no second verb in between, negates them.

Only negators within `EN_REACH` characters before the words count, so the answer depends on the
sentence start only through which piece is conditional. `SentencePieces` indexes a sentence once;
each question then re-reads a few hundred characters, not the sentence from its start (which made
a one-sentence 1 MB draft quadratic). The restart points give the same answers as reading from the
sentence start as long as no pattern match runs longer than `_MARGIN`: true of the cleaned text the
engine passes (one space between words). tests/test_checker_scanning.py checks every hit against
the old, quadratic engine.
"""

from __future__ import annotations

import bisect
import re

from bot.thai import THAI_CHAR

_EN_NEGATOR = re.compile(
    r"\b(?:not|no|nothing|neither|nor|never|none|without|cannot|non|nowhere)\b|n't\b", re.IGNORECASE
)
_TH_NEGATOR = re.compile(
    r"ไม่|มิ(?=\s*(?:ได้|ใช่|ให้|อาจ|ก่อ|มี|ถือ|ผูก|เป็น|ต้อง|ควร|พึง|สามารถ|ประสงค์|เจตนา|นำ|ส่ง))"
    r"|ปราศจาก|หา\s*ใช่"
    # The circular itself misprints มิได้ as "มีได้มีผลผูกพัน"; drafts copy it.
    r"|มีได้(?=\s*มี)"
)
# "มิใช่เพียงความร่วมมือ แต่มีผลผูกพัน…", "not X but binding": a contrast ends the negation.
# (แต่ละ "each", ตั้งแต่ "since", แต่งตั้ง "appoint" and เพียงแต่ "only" are not contrasts.)
_CONTRAST = re.compile(
    r"\b(?:but|however|whereas|although|yet)\b|อย่างไรก็(?:ตาม|ดี)|(?<!ตั้ง)(?<!เพียง)(?<!แม้)แต่(?!ละ|ง|เพียง)",
    re.IGNORECASE,
)
_EN_MODAL = re.compile(r"\b(?:shall|will|must|should|may)\b", re.IGNORECASE)
_EN_DETERMINERS = {"no", "nothing", "none", "neither"}
# Words that look negative but are not ("no later than", "ไม่ว่า", "ไม่เกิน").
_NOT_NEGATION = re.compile(
    r"\b(?:no|not)\s+(?:later|less|more|earlier|fewer|sooner)\s+than\b|\bnot\s+only\b"
    r"|\bwhether\s+or\s+not\b|\bif\s+not\b|\bno\.\s*\d"
    r"|ไม่\s*ว่า|ไม่\s*(?:น้อย|ต่ำ|ช้า|มาก|เกิน|เพียง)|มิ\s*ฉะนั้น",
    re.IGNORECASE,
)
# A negator right after the words ("The Government of Thailand shall not be bound");
# matched from the words' end, so the pattern has no "^".
_NEGATED_AFTER = re.compile(
    r"[\s,]*(?:(?:is|are|was|were|shall|will|would|does|do|did|be|been|has|have|need|needs|must|"
    r"may|can|could|should|required)\s+){0,3}(?:not|never)\b|\S*n't\b"
    r"|\s*(?:(?:จะ|ย่อม|ก็|ต้อง)\s*)?(?:ไม่|มิ\s*(?:ได้|ใช่))",
    re.IGNORECASE,
)
# A conditional part ("if no agreement is reached", "หากไม่สามารถตกลงกันได้") negates nothing after it.
_CONDITIONAL = re.compile(
    r"^\s*(?:(?:if|where|when|whenever|unless|should|failing)\b|in\s+(?:the\s+event|case)\b"
    r"|หาก|ถ้า|ใน\s*กรณี|กรณี|เมื่อ)",
    re.IGNORECASE,
)
_SEGMENT = re.compile(rf",|\n|(?<=[{THAI_CHAR}])\s+(?=[{THAI_CHAR}])")
# How far back a negator still governs the words: Thai has no sentence marks, so keep it short.
TH_REACH = 50
EN_REACH = 150
# Re-reading starts this much before the reach. A scan started mid-text may see a match the full
# scan does not (or miss one) only within the longest pattern's length of its start, ~25
# characters in cleaned text, where a single space separates words.
_MARGIN = 64
# A piece starting at most this far before the margin is re-read whole (then nothing is assumed);
# a longer one is re-read from the margin, with its conditional flag taken from the index.
_SHORT = 256
# A sentence this short is simply read from its start for every question: indexing it costs more.
SHORT_SENTENCE = 1024


def _blanked(text: str, begin: int, end: int, from_sentence_start: bool) -> str:
    """Return text[begin:end] with the not-negative phrases replaced by spaces."""
    # At a sentence start the phrases are looked for in the slice, as the rule defines it; from a
    # later point, with the text before it in view (so "\b" sees the character before `begin`).
    found = _NOT_NEGATION.finditer(text[begin:end]) if from_sentence_start else _NOT_NEGATION.finditer(text, begin, end)
    offset = begin if from_sentence_start else 0
    parts: list[str] = []
    last = begin
    for match in found:
        parts += [text[last : match.start() + offset], " " * (match.end() - match.start())]
        last = match.end() + offset
    parts.append(text[last:end])
    return "".join(parts)


def _pieces(span: str) -> list[tuple[int, str]]:
    """Cut a blanked span at the separators; return each piece with its offset in the span."""
    found: list[tuple[int, str]] = []
    offset = 0
    for piece in _SEGMENT.split(span):
        # Pieces keep their offsets because split only removes the separators.
        position = span.find(piece, offset) if piece else offset
        offset = position + len(piece)
        found.append((position, piece))
    return found


def negated_from(
    text: str, begin: int, start: int, end: int, *, sentence_start: bool = True, first_conditional: bool | None = None
) -> bool:
    """Apply the rule to text[begin:end] for the words at [start, end) (the negator after them aside).

    `begin` is the sentence start, or (see SentencePieces.restart) a later point the answer does not
    depend on; `first_conditional` then says whether the piece `begin` falls in is conditional.
    """
    return _negated_span(text, begin, _blanked(text, begin, end, sentence_start), start, first_conditional)


def _negated_span(text: str, begin: int, span: str, start: int, first_conditional: bool | None) -> bool:
    """Apply the rule to `span`, text[begin:...] already blanked, for the words at `start`."""
    for index, (position, piece) in enumerate(_pieces(span)):
        if not piece:
            continue
        conditional = first_conditional if index == 0 and first_conditional is not None else _CONDITIONAL.match(piece)
        if conditional:
            continue
        for found in _TH_NEGATOR.finditer(piece):
            where = begin + position + found.start()
            if where >= start:
                return True
            if start - where <= TH_REACH and not _CONTRAST.search(text, begin + position + found.end(), start):
                return True
        for found in _EN_NEGATOR.finditer(piece):
            where = begin + position + found.start()
            if where >= start:
                return True
            if start - where > EN_REACH or _CONTRAST.search(text, begin + position + found.end(), start):
                continue
            # "which is not settled ... shall be submitted to the ICJ": a later verb starts a new
            # predicate. "Nothing ... shall be construed as" keeps its first verb.
            verbs = len(_EN_MODAL.findall(text, begin + position + found.end(), start))
            if verbs < (2 if found.group().lower() in _EN_DETERMINERS else 1):
                return True
    return False


def negated_after(text: str, end: int) -> bool:
    """Tell whether a negator follows the words ending at `end` ("shall not be bound")."""
    return _NEGATED_AFTER.match(text, end, min(len(text), end + 40)) is not None


class SentencePieces:
    """One sentence's non-empty pieces and blanked phrases, indexed to restart the rule near any words."""

    def __init__(self, text: str, begin: int, finish: int) -> None:
        self.begin = begin
        self.finish = finish
        sentence = text[begin:finish]
        blanks = [match.span() for match in _NOT_NEGATION.finditer(sentence)]
        self._blank_starts = [begin + first for first, _ in blanks]
        self._blank_ends = [begin + last for _, last in blanks]
        self._blanked = _blanked(text, begin, finish, True)
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._conditional: list[bool] = []
        for position, piece in _pieces(self._blanked):
            if piece:
                self._starts.append(begin + position)
                self._ends.append(begin + position + len(piece))
                self._conditional.append(_CONDITIONAL.match(piece) is not None)

    def restart(self, start: int) -> tuple[int, bool | None]:
        """Return where to re-read from for words at `start`, and the conditional flag to assume there."""
        low = start - EN_REACH - _MARGIN
        if low <= self.begin:
            return self.begin, None
        piece = bisect.bisect_right(self._starts, low) - 1
        if piece < 0:
            return self.begin, None
        if low - self._starts[piece] <= _SHORT and low < self._ends[piece]:
            # A true piece start: from there the rule reads exactly as from the sentence start.
            return self._starts[piece], None
        point = low
        blank = bisect.bisect_right(self._blank_starts, point) - 1
        if blank >= 0 and self._blank_ends[blank] > point:
            point = self._blank_ends[blank]  # never restart inside a blanked phrase
        if point < self._ends[piece]:
            return point, self._conditional[piece]
        # `low` lies between pieces: the next piece is a true start, and the one before ends too
        # early to hold a negator that counts.
        if piece + 1 < len(self._starts):
            return self._starts[piece + 1], None
        return self.begin, None

    def _window(self, text: str, point: int, end: int) -> str:
        """Return text[point:end] blanked: the sentence's blanking, with only its last stretch redone."""
        # Blanked as far as `end` only, the last ~25 characters may differ from the whole
        # sentence's blanking ("no later than" cut after "no"); redo the last _MARGIN of them.
        tail = end - _MARGIN
        blank = bisect.bisect_right(self._blank_starts, tail) - 1
        if blank >= 0 and self._blank_ends[blank] > tail:
            tail = self._blank_starts[blank]  # redo a phrase whole, never from its middle
        if tail <= point or end > self.finish:
            return _blanked(text, point, end, point == self.begin)
        return self._blanked[point - self.begin : tail - self.begin] + _blanked(text, tail, end, False)

    def negated(self, text: str, start: int, end: int) -> bool:
        """Tell whether a negator governs the words at [start, end) of this sentence."""
        if negated_after(text, end):
            return True
        point, conditional = self.restart(start)
        return _negated_span(text, point, self._window(text, point, end), start, conditional)
