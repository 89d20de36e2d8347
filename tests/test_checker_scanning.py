"""Clause and negation scanning is linear in the draft's length and decides exactly as before.

tests/reference_engine.py is bot/checker/engine.py as of a05a157 (quadratic: each hit re-read its
sentence from the start), kept verbatim as the oracle for the indexed engine.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.checker import check_text, engine, negation, sentences
from bot.checker.clauses import split_draft
from bot.checker.rules import RULES
from bot.checker.sentences import SentenceIndex
from tests import reference_engine
from tests.checker_hostile import one_clause_text

SECONDS = 10.0

_ENGLISH = [
    "not", "no", "sister city", "sister cities", "treaty", "but", "if", "shall", "not only", "no later than",
    "whether or not", "legally binding", "binding", "the Government of Thailand", "shall not be bound", "don't",
    "cannot", "nothing", "construed", "in accordance with", "visa", "ratify", "when", "In the event", "x", "word",
    "twin city", "military", "(Sister City)", "immigration", "issue visas", "No. 5", "however", "Article 2",
]
_THAI = [
    "ไม่", "มิได้", "ไม่ใช่", "เมืองพี่เมืองน้อง", "แต่", "หาก", "กรณี", "ไม่ว่า", "ไม่เกิน", "ผูกพัน", "รัฐบาลไทย",
    "สนธิสัญญา", "มีผลผูกพัน", "ก", "ตาม", "กฎหมาย", "เมืองแฝด", "หา ใช่", "มีได้มี", "ปราศจาก", "อย่างไรก็ตาม",
    "แต่ละ", "ทหาร", "ข้อ 1", "สัตยาบัน",
]
_SEPARATORS = [" ", " ", "", ",", ", ", "\n", "\n\n", "\n\n\n", ". ", "; "]


@st.composite
def _drafts(draw: st.DrawFn) -> str:
    """Return drafts made of negators, contrasts, conditionals, rule words and separators."""
    words = draw(st.sampled_from([_ENGLISH, _THAI, _ENGLISH + _THAI]))
    separators = draw(st.sampled_from([[" "], [""], _SEPARATORS]))
    count = draw(st.integers(min_value=1, max_value=400))
    picks = draw(st.lists(st.tuples(st.sampled_from(words), st.sampled_from(separators)), min_size=count,
                          max_size=count))
    return "".join(word + separator for word, separator in picks)


def _hits(module: object, draft: object, lowered: str, rule: object, *index: object) -> list[tuple[int, int, bool]]:
    return [(hit.start, hit.end, hit.negated) for hit in module._hits(draft, lowered, rule, *index)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("short_sentence", "short_piece"), [(1024, 256), (0, 256), (0, 0)])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_drafts())
def test_every_hit_is_judged_as_by_the_quadratic_engine(
    monkeypatch: pytest.MonkeyPatch, short_sentence: int, short_piece: int, text: str
) -> None:
    # Forcing the index onto short sentences and restarts inside pieces exercises every path.
    monkeypatch.setattr(sentences, "SHORT_SENTENCE", short_sentence)
    monkeypatch.setattr(negation, "_SHORT", short_piece)
    draft = split_draft(text)
    lowered = engine._lowered(draft.text)
    index = SentenceIndex(draft.text)
    for rule in RULES:
        assert _hits(engine, draft, lowered, rule, index) == _hits(reference_engine, draft, lowered, rule), rule.id


@settings(max_examples=40, deadline=None)
@given(text=_drafts())
def test_results_are_those_of_the_quadratic_engine(text: str) -> None:
    if text.strip():
        assert check_text(text).to_json() == reference_engine.check_text(text).to_json()


def _seconds(text: str) -> float:
    started = time.perf_counter()
    check_text(text)
    return time.perf_counter() - started


def test_the_990_kb_one_clause_text_is_checked_in_under_10_s() -> None:
    # "not sister city but treaty, " x 35,000: no result after 240 s before (quadratic).
    text = one_clause_text()
    assert len(text) > 980_000
    started = time.perf_counter()
    result = check_text(text)
    assert time.perf_counter() - started < SECONDS
    # "not sister city" is negated every time; "but treaty" is not.
    assert [finding.rule for finding in result.findings] == ["treaty-terms"]


@pytest.mark.parametrize(
    "phrase",
    [
        "not sister city but treaty ",  # no commas: one piece, restarted inside
        "ไม่ใช่เมืองพี่เมืองน้องแต่สนธิสัญญา",  # Thai without spaces: one piece
        "if no treaty, ",  # conditional pieces
        "sister city. ",  # many short sentences
        "xissuissuwaivliab",  # one huge word made of rule-word prefixes
        "ไม่ว่า ",  # blanked phrases everywhere
    ],
)
def test_other_hostile_shapes_are_checked_in_seconds(phrase: str) -> None:
    # 400 KB each (the 990 KB case is above); checking time grows linearly (below).
    assert _seconds(phrase * (400_000 // len(phrase))) < SECONDS / 2


@pytest.mark.parametrize("phrase", ["not sister city but treaty, ", "xissuissuwaiv", "ไม่ใช่เมืองพี่เมืองน้องแต่สนธิสัญญา "])
def test_checking_time_grows_linearly(phrase: str) -> None:
    small, large = (_seconds(phrase * (size // len(phrase))) for size in (50_000, 400_000))
    # 8x the text: ~8x the time when linear, 64x when quadratic (the old engine measured 2.4 s -> 30.6 s for 8x).
    assert large < 20 * small + 0.5


def test_findings_are_capped_with_a_note_and_blocking_ones_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "MAX_FINDINGS", 3)
    lines = [f"ข้อ {number} ความตกลงนี้ต้องได้รับสัตยาบัน" for number in range(1, 6)] + ["ข้อ 6 เป็นเมืองแฝด"]
    result = check_text("\n".join(lines))
    assert result.result == "not-allowed"
    assert len(result.findings) == 3 and result.omitted_findings == 3
    assert result.findings[-1].rule == "sister-city"  # the blocking finding stays listed
    assert "แสดง 3 จากทั้งหมด 6 ประเด็น" in result.summary
    assert result.to_json()["omitted_findings"] == 3
    assert "omitted_findings" not in check_text("ข้อ 1 เป็นเมืองแฝด").to_json()
