"""Answering: the eval sets' figures, declines, and bad input that must never crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.evaluation import evaluate, load_items
from bot.knowledge import load_knowledge
from bot.service import CONTACT, DECLINE_TEXT, EMPTY_TEXT, PolicyService

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def service() -> PolicyService:
    """Build the service once on the shipped knowledge base."""
    return PolicyService(load_knowledge())


def test_public_eval_sample_meets_the_bar(service: PolicyService) -> None:
    report = evaluate(service, load_items(DATA / "eval_questions.yaml"))
    assert report.accuracy >= 0.95, report.misses
    assert report.rejection == 1.0, report.misses
    assert report.verdict_errors == 0, report.misses


def test_development_set_generalises(service: PolicyService) -> None:
    # Written apart from the knowledge base's phrasings; a lower bar than the public sample,
    # but every out-of-scope question must still be declined and no verdict may be wrong.
    report = evaluate(service, load_items(DATA / "dev_questions.yaml"))
    assert report.accuracy >= 0.9, report.misses
    assert report.rejection == 1.0, report.misses
    assert report.verdict_errors == 0, report.misses


@pytest.mark.parametrize("name", ["heldout_questions.yaml", "blind_questions.yaml", "blind2_questions.yaml"])
def test_independent_sets_stay_above_their_floor(service: PolicyService, name: str) -> None:
    # Written by people who never saw the knowledge base (see README for how each was used):
    # floors that catch a regression in general matching, not targets tuned to these items.
    report = evaluate(service, load_items(DATA / name))
    assert report.accuracy >= 0.85, report.misses
    assert report.rejection >= 0.9, report.misses
    assert report.verdict_errors == 0, report.misses


def test_answer_carries_verdict_sources_and_related(service: PolicyService) -> None:
    answer = service.answer("ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม")
    assert answer.entry_id == "sister-city-province-only"
    assert answer.verdict == "no"
    assert answer.answer.startswith("ทำไม่ได้")
    assert any("ว 0313" in source for source in answer.sources)
    assert answer.related and 0.53 <= answer.confidence <= 1.0
    data = answer.to_json()
    for key in ("question", "entry_id", "verdict", "confidence", "answer", "sources", "suggestions"):
        assert key in data


def test_decline_apologises_suggests_and_names_the_office(service: PolicyService) -> None:
    answer = service.answer("อบต.ขอกู้เงินจากธนาคารได้ไหม")
    assert answer.entry_id is None and answer.verdict is None
    assert answer.answer == DECLINE_TEXT and CONTACT in answer.answer and answer.answer.startswith("ขออภัย")
    assert len(answer.suggestions) <= 3


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   \t  ",
        "ก" * 10_000,
        "เมืองพี่เมืองน้อง " * 2_000,
        "😀🙏🎉",
        "\x00\x01\x02\xff\ufffd binary \x7f",
        "ทำsister cityกับ中国的城市 можно?",
        "%s %d {0} <b>x</b> ' OR 1=1 --",
        "\u200b\u200b\u200b",
    ],
)
def test_bad_input_never_crashes(service: PolicyService, question: str) -> None:
    answer = service.answer(question)
    assert answer.answer
    assert 0.0 <= answer.confidence <= 1.0
    if not question.strip("\u200b \t"):
        assert answer.answer == EMPTY_TEXT


def test_long_question_on_topic_is_still_answered(service: PolicyService) -> None:
    question = "เรียนสอบถามครับ ตอนนี้ทางเทศบาลตำบลกำลังจะลงนาม MOU เมืองพี่เมืองน้องกับเมืองในจีน ทำได้หรือไม่ครับ"
    assert service.answer(question).entry_id == "sister-city-province-only"


def test_question_naming_a_circular_gets_its_card(tmp_path: Path) -> None:
    from bot.config import load_settings
    from bot.service import build_service

    settings = load_settings({"DB_PATH": str(tmp_path / "registry.db")}, env_file=None)
    service = build_service(settings)
    answer = service.answer("หนังสือ ว ๔๖๓๔ เรื่องอะไร")
    assert answer.circulars == ["ขร 0023.3/ว 4634"] and not answer.declined
    assert "16 กุมภาพันธ์ 2569" in answer.answer and "จังหวัดเชียงราย" in answer.answer
    unknown = service.answer("ขอดูหนังสือ ขร 0023.20/ว 9999")
    assert unknown.circulars == [] and "9999" in unknown.answer and CONTACT in unknown.answer
    # A question without a number never opens the database.
    fresh = build_service(load_settings({"DB_PATH": str(tmp_path / "unused.db")}, env_file=None))
    assert fresh.answer("อบต ทำ sister city ได้มั้ย").entry_id == "sister-city-province-only"
    assert not (tmp_path / "unused.db").exists()


def test_small_talk_is_answered_in_kind_but_names_no_entry(service: PolicyService) -> None:
    answer = service.answer("สวัสดีครับ")
    assert answer.smalltalk == "smalltalk-greeting" and answer.entry_id is None and answer.verdict is None
    assert "ว 0313" in answer.answer
    assert service.answer("hello world").smalltalk is None


def test_thai_typed_on_the_english_layout_is_understood(service: PolicyService) -> None:
    answer = service.answer("v[9 meg,nv'rujg,nv'ohv'wfhws,")  # อบต ทำเมืองพี่เมืองน้องได้ไหม
    assert answer.entry_id == "sister-city-province-only"
    assert answer.answer.startswith("(อ่านว่า: อบต ทำเมืองพี่เมืองน้องได้ไหม)")
    assert service.answer("what is the capital of France").entry_id is None
