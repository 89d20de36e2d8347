"""Run the rule table over a draft: find triggering words, drop negated or safe ones, judge."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.checker.clauses import Draft, split_draft
from bot.checker.errors import DocumentRefused
from bot.checker.reading import MAX_CHARS, read_bytes, read_path
from bot.checker.rules import NOT_ALLOWED, REVIEW, RULES, RULES_BY_ID, Rule, starts_word
from bot.thai import THAI_CHAR

OK = "ok"
RESULTS = (OK, REVIEW, NOT_ALLOWED)
# Statements that the agreement binds nobody: the wording the circular asks for.
_NON_BINDING_RULES = ("binds-government", "legally-binding", "international-law")

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
_SENTENCE_END = re.compile(r"[.;:!?](?=\s)|\n[ \t]*\n")
# How far back a negator still governs the words: Thai has no sentence marks, so keep it short.
_TH_REACH = 50
_EN_REACH = 150
_CONTEXT = 45


@dataclass(frozen=True)
class Finding:
    """One problem in one clause: the rule, the words that triggered it, why, and the sources."""

    rule: str
    severity: str
    title: str
    clause: str
    excerpt: str
    matched: str
    reason: str
    sources: tuple[str, ...]
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        """Return the JSON object documented for `policybot check --json`."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "clause": self.clause,
            "excerpt": self.excerpt,
            "reason": self.reason,
            "sources": list(self.sources),
        }


@dataclass
class CheckResult:
    """The verdict on one draft: ok, review or not-allowed, with findings and a Thai summary."""

    result: str
    findings: list[Finding]
    summary: str
    clauses: list[str] = field(default_factory=list)
    characters: int = 0
    # True when the draft says in so many words that it binds no government / is not binding.
    states_non_binding: bool = False

    def to_json(self) -> dict[str, Any]:
        """Return {result, findings, summary} as printed by `policybot check --json`."""
        return {
            "result": self.result,
            "findings": [finding.to_json() for finding in self.findings],
            "summary": self.summary,
        }


@dataclass(frozen=True)
class _Hit:
    rule: Rule
    start: int
    end: int
    negated: bool


def _sentence_bounds(text: str, start: int, end: int, lower: int, upper: int) -> tuple[int, int]:
    """Return the sentence around [start, end), kept inside the clause [lower, upper)."""
    begin = lower
    for match in _SENTENCE_END.finditer(text, lower, start):
        begin = match.end()
    after = _SENTENCE_END.search(text, end, upper)
    return begin, after.start() if after else upper


def _is_negated(text: str, begin: int, start: int, end: int) -> bool:
    """Tell whether a negator governs the words at [start, end) in the sentence from `begin`."""
    if _NEGATED_AFTER.match(text, end, min(len(text), end + 40)):
        return True
    span = _NOT_NEGATION.sub(lambda m: " " * len(m.group()), text[begin:end])
    offset = 0
    for piece in _SEGMENT.split(span):
        # Segments keep their offsets because split only removes the separators.
        position = span.find(piece, offset) if piece else offset
        offset = position + len(piece)
        if not piece or _CONDITIONAL.match(piece):
            continue
        for found in _TH_NEGATOR.finditer(piece):
            where = begin + position + found.start()
            if where >= start:
                return True
            if start - where <= _TH_REACH and not _CONTRAST.search(text, begin + position + found.end(), start):
                return True
        for found in _EN_NEGATOR.finditer(piece):
            where = begin + position + found.start()
            if where >= start:
                return True
            if start - where > _EN_REACH or _CONTRAST.search(text, begin + position + found.end(), start):
                continue
            # "which is not settled ... shall be submitted to the ICJ": a later verb starts a new
            # predicate. "Nothing ... shall be construed as" keeps its first verb.
            verbs = len(_EN_MODAL.findall(text, begin + position + found.end(), start))
            if verbs < (2 if found.group().lower() in _EN_DETERMINERS else 1):
                return True
    return False


def _spans(regex: re.Pattern[str], lowered: str) -> Iterator[tuple[int, int]]:
    """Yield the regex's matches in lower-cased text that start a word."""
    position = 0
    while (match := regex.search(lowered, position)) is not None:
        if starts_word(lowered, match.start()):
            yield match.span()
            position = match.end()
        else:
            position = match.start() + 1


def _lowered(text: str) -> str:
    """Return `text` lower-cased with every character kept in its place."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters grow when lower-cased ("İ"); keep those as they are so offsets agree.
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def _hits(draft: Draft, lowered: str, rule: Rule) -> Iterator[_Hit]:
    """Yield the rule's matches with their negation, dropping soft or safe-context ones."""
    text = draft.text
    matches = [(span, False) for span in _spans(rule.regex, lowered)]
    if rule.soft_regex is not None:
        matches += [(span, True) for span in _spans(rule.soft_regex, lowered)]
    matches.sort(key=lambda item: item[0][0])
    previous: _Hit | None = None
    for (start, end), soft in matches:
        if previous is not None and start < previous.end:
            continue
        clause = draft.clause_at(start)
        begin, finish = _sentence_bounds(text, start, end, clause.start, clause.end)
        sentence = text[begin:finish]
        if rule.safe_context_regex is not None and rule.safe_context_regex.search(sentence):
            continue
        if soft and rule.soft_context_regex.search(sentence):
            continue
        negated = _is_negated(text, begin, start, end)
        # "ไม่ใช่เมืองพี่เมืองน้อง (Sister City)": a restatement shares the first name's negation.
        if (
            previous is not None
            and previous.negated
            and re.fullmatch(r"[\s()\[\]/\"'“”‘’,-]*", text[previous.end:start])
        ):
            negated = True
        previous = _Hit(rule, start, end, negated)
        yield previous


def _excerpt(text: str, start: int, end: int, lower: int, upper: int) -> str:
    """Return the triggering words with a little context, on one line."""
    left = max(lower, start - _CONTEXT)
    right = min(upper, end + _CONTEXT)
    # Near the clause's edge, show the whole edge ("ข้อ 4 …" rather than "…4 …").
    if left - lower < 15:
        left = lower
    if upper - right < 15:
        right = upper
    # Prefer to cut at a space when one is near, so words stay whole.
    space = text.find(" ", left, start)
    if left > lower and 0 <= space - left < 15:
        left = space + 1
    space = text.rfind(" ", end, right)
    if right < upper and 0 <= right - space < 15:
        right = space
    # As the engine now does (a presentation rule, not a negation decision): never across a blank line.
    gap = text.rfind("\n\n", left, start)
    if gap >= 0:
        left, lower = gap + 2, max(lower, gap + 2)
    gap = text.find("\n\n", end, right)
    if gap >= 0:
        right, upper = gap, min(upper, gap)
    snippet = " ".join(text[left:right].split())
    return ("…" if left > lower else "") + snippet + ("…" if right < upper else "")


def analyse(draft: Draft) -> tuple[list[Finding], bool]:
    """Return the findings (one per rule and clause) and whether the draft states it is non-binding."""
    text = draft.text
    found: list[Finding] = []
    states_non_binding = False
    lowered = _lowered(text)
    for rule in RULES:
        for hit in _hits(draft, lowered, rule):
            if hit.negated:
                states_non_binding = states_non_binding or rule.id in _NON_BINDING_RULES
                continue
            clause = draft.clause_at(hit.start)
            found.append(
                Finding(
                    rule=rule.id,
                    severity=rule.severity,
                    title=rule.title,
                    clause=clause.label,
                    excerpt=_excerpt(text, hit.start, hit.end, clause.start, clause.end),
                    matched=" ".join(text[hit.start:hit.end].split()),
                    reason=rule.reason,
                    sources=rule.sources,
                    start=hit.start,
                    end=hit.end,
                )
            )
    rules_in_clause: dict[int, set[str]] = {}
    for finding in found:
        rules_in_clause.setdefault(draft.clause_at(finding.start).index, set()).add(finding.rule)
    kept = [
        finding
        for finding in found
        if not set(RULES_BY_ID[finding.rule].yields_to) & rules_in_clause[draft.clause_at(finding.start).index]
    ]
    # One finding per rule and clause: the first words that triggered it.
    seen: set[tuple[str, int]] = set()
    unique: list[Finding] = []
    for finding in sorted(kept, key=lambda f: (f.start, RULES.index(RULES_BY_ID[f.rule]))):
        key = (finding.rule, draft.clause_at(finding.start).index)
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique, states_non_binding


def warm_up() -> None:
    """Compile every rule's patterns now, so the first draft checked does not pay for it."""
    check_text("ข้อ 1 warm-up")


def overall(findings: list[Finding]) -> str:
    """Return ok, review or not-allowed for a list of findings."""
    severities = {finding.severity for finding in findings}
    if NOT_ALLOWED in severities:
        return NOT_ALLOWED
    return REVIEW if severities else OK


def check_text(text: str) -> CheckResult:
    """Check a draft given as text; raise DocumentRefused if there is nothing to check."""
    from bot.checker.report import summarise

    if not text.strip():
        raise DocumentRefused(
            "empty", "ไม่พบข้อความให้ตรวจ โปรดส่งร่างความตกลงหรือวางข้อความร่าง", "no text to check"
        )
    if len(text) > MAX_CHARS:
        raise DocumentRefused(
            "too-long",
            f"ข้อความยาวเกินกว่าที่ตรวจได้ ({MAX_CHARS:,} ตัวอักษร) โปรดส่งเฉพาะร่างความตกลง",
            f"the text holds {len(text):,} characters; the checker reads up to {MAX_CHARS:,}",
        )
    draft = split_draft(text)
    findings, states_non_binding = analyse(draft)
    result = overall(findings)
    return CheckResult(
        result=result,
        findings=findings,
        summary=summarise(result, findings, states_non_binding),
        clauses=[clause.label for clause in draft.clauses],
        characters=len(draft.text),
        states_non_binding=states_non_binding,
    )


def check_file(source: Path | str | bytes, filename: str | None = None) -> CheckResult:
    """Check a draft file (a path, or the bytes of an upload with its file name)."""
    if isinstance(source, bytes):
        return check_text(read_bytes(source, filename or "draft"))
    return check_text(read_path(Path(source)))
