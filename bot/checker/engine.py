"""Run the rule table over a draft: find triggering words, drop negated or safe ones, judge."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.checker.clauses import Draft, split_draft
from bot.checker.errors import DocumentRefused
from bot.checker.limits import MAX_CHARS, MAX_FINDINGS
from bot.checker.reading import read_bytes, read_path
from bot.checker.report import summarise  # report imports engine's types for type checking only
from bot.checker.rules import NOT_ALLOWED, REVIEW, RULES, RULES_BY_ID, Rule, starts_word
from bot.checker.sentences import SentenceIndex

OK = "ok"
RESULTS = (OK, REVIEW, NOT_ALLOWED)
# Statements that the agreement binds nobody: the wording the circular asks for.
_NON_BINDING_RULES = ("binds-government", "legally-binding", "international-law")

# Context shown around the triggering words in a finding's excerpt.
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
    # Findings left out of `findings` past MAX_FINDINGS (the summary says so; `result` counts them).
    omitted_findings: int = 0

    def to_json(self) -> dict[str, Any]:
        """Return {result, findings, summary} as printed by `policybot check --json` (+ omitted_findings if any)."""
        data: dict[str, Any] = {
            "result": self.result,
            "findings": [finding.to_json() for finding in self.findings],
            "summary": self.summary,
        }
        if self.omitted_findings:
            data["omitted_findings"] = self.omitted_findings
        return data


@dataclass(frozen=True)
class _Hit:
    rule: Rule
    start: int
    end: int
    negated: bool


# Where a match may begin a word: after a non-word character, or at a character that is not an
# ASCII letter or digit (see starts_word).
_WORD_START = re.compile(r"(?<!\w)|(?![a-z0-9])")
# Between a negated name and its restatement: "ไม่ใช่เมืองพี่เมืองน้อง (Sister City)".
_RESTATEMENT_GAP = re.compile(r"[\s()\[\]/\"'“”‘’,-]*")


def _spans(regex: re.Pattern[str], lowered: str) -> Iterator[tuple[int, int]]:
    """Yield the regex's matches in lower-cased text that start a word."""
    position = 0
    while (match := regex.search(lowered, position)) is not None:
        if starts_word(lowered, match.start()):
            yield match.span()
            position = match.end()
        else:
            # No match can start a word before the next word start: jump there rather than one
            # character on ("xratifratif…" would otherwise match again at every "ratif").
            after = _WORD_START.search(lowered, match.start() + 1)
            position = after.start() if after else len(lowered)


def _lowered(text: str) -> str:
    """Return `text` lower-cased with every character kept in its place."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters grow when lower-cased ("İ"); keep those as they are so offsets agree.
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def _hits(draft: Draft, lowered: str, rule: Rule, sentences: SentenceIndex) -> Iterator[_Hit]:
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
        begin, finish = sentences.bounds(start, end, clause.start, clause.end)
        if rule.safe_context_regex is not None and sentences.mentions(rule.safe_context_regex, begin, finish):
            continue
        if soft and sentences.mentions(rule.soft_context_regex, begin, finish):
            continue
        negated = sentences.negated(begin, finish, start, end)
        # "ไม่ใช่เมืองพี่เมืองน้อง (Sister City)": a restatement shares the first name's negation.
        if previous is not None and previous.negated and _RESTATEMENT_GAP.fullmatch(text, previous.end, start):
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
    # Never across a blank line: what follows one (a signature table, the next block) is not the clause's words.
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
    sentences = SentenceIndex(text)
    for rule in RULES:
        # Only a clause's first finding of a rule is kept, so later hits there need no Finding.
        clauses_found: set[int] = set()
        for hit in _hits(draft, lowered, rule, sentences):
            if hit.negated:
                states_non_binding = states_non_binding or rule.id in _NON_BINDING_RULES
                continue
            clause = draft.clause_at(hit.start)
            if clause.index in clauses_found:
                continue
            clauses_found.add(clause.index)
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
    order = {rule.id: index for index, rule in enumerate(RULES)}
    return sorted(kept, key=lambda f: (f.start, order[f.rule])), states_non_binding


def _listed(findings: list[Finding]) -> list[Finding]:
    """Return at most MAX_FINDINGS findings to list: not-allowed ones first, then in draft order."""
    if len(findings) <= MAX_FINDINGS:
        return findings
    chosen = sorted(range(len(findings)), key=lambda index: (findings[index].severity != NOT_ALLOWED, index))
    return [findings[index] for index in sorted(chosen[:MAX_FINDINGS])]


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
    """Check a draft given as any str (lone surrogates too); raise DocumentRefused if there is nothing to check."""
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
    listed = _listed(findings)
    summary = summarise(result, listed, states_non_binding)
    omitted = len(findings) - len(listed)
    if omitted:
        summary += f" (แสดง {len(listed):,} จากทั้งหมด {len(findings):,} ประเด็น)"
    return CheckResult(
        result=result,
        findings=listed,
        summary=summary,
        clauses=[clause.label for clause in draft.clauses],
        characters=len(draft.text),
        states_non_binding=states_non_binding,
        omitted_findings=omitted,
    )


def check_file(source: Path | str | bytes, filename: str | None = None) -> CheckResult:
    """Check a draft file (a path, or the bytes of an upload with its file name)."""
    if isinstance(source, bytes):
        return check_text(read_bytes(source, filename or "draft"))
    return check_text(read_path(Path(source)))
