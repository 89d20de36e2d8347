"""The first screen of every answer fits a phone: the shipped knowledge base, entry by entry."""

from __future__ import annotations

import re
from html import unescape

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.answers import Answerer
from bot.brief import brief, clip, source_label
from bot.channels.telegram.render import MAX_CALLBACK_BYTES, answer_reply, card_reply, entry_sources_reply
from bot.config import default_contact
from bot.knowledge import KnowledgeBase, load_knowledge
from bot.plain import render_answer
from bot.texts import VERDICT_LABELS
from tests.fakes import FakeRegistry

_FOLDED = re.compile(r"<blockquote expandable>.*?</blockquote>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_NUMBER = re.compile(r"\d+(?:[./]\d+)*")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


def visible(html: str) -> str:
    """Return what a phone shows before the expandable part is opened (tags gone, entities read)."""
    return unescape(_TAG.sub("", _FOLDED.sub("", html))).strip()


def _whole_numbers(label: str, source: str) -> bool:
    """Tell whether every number in a (possibly cut) label is a whole number of its source text."""
    found = set(_NUMBER.findall(source))
    return all(number in found for number in _NUMBER.findall(label.rstrip("…")))


def test_every_entrys_first_message_fits_a_phone(kb: KnowledgeBase) -> None:
    answerer = Answerer(kb, default_contact())
    policy = [entry for entry in kb.entries if not entry.is_smalltalk]
    assert len(policy) >= 15
    for entry in policy:
        answer = answerer.entry_answer(entry.id)
        assert answer is not None
        reply = answer_reply(answer, default_contact(), "0123456789ab")
        shown = visible(reply.text)
        lines = shown.splitlines()
        assert len(shown) <= 500, f"{entry.id}: {len(shown)} characters on the first screen"
        assert len(lines) <= 10, f"{entry.id}: {len(lines)} lines"
        assert lines[0].startswith(VERDICT_LABELS[entry.verdict]), entry.id
        # The full explanation is there, folded.
        assert reply.text.count("<blockquote expandable>") == 1 and reply.text.endswith("</blockquote>")
        assert reply.keyboard is not None
        rows = reply.keyboard.inline_keyboard
        assert len(rows) <= 3, entry.id
        assert any(button.switch_inline_query for row in rows for button in row), f"{entry.id} has no share button"
        for row in rows:
            for button in row:
                assert len(str(button.callback_data or "").encode()) <= MAX_CALLBACK_BYTES
                if button.text.endswith("…"):
                    titles = " ".join(related.title for related in answer.related)
                    assert _whole_numbers(button.text, titles), button.text


def test_an_entry_in_its_case_fits_a_phone_and_says_its_own_question(kb: KnowledgeBase) -> None:
    # A province asking whether it may: the sister-city rule's "yes", under the province's question.
    answer = Answerer(kb, default_contact()).answer("จังหวัดเรายังทำเมืองพี่เมืองน้องกับต่างประเทศได้อยู่ใช่ไหม")
    assert answer.entry is not None and (answer.entry_id, answer.verdict) == ("sister-city-province-only", "yes")
    reply = answer_reply(answer, default_contact(), "0123456789ab")
    shown = visible(reply.text)
    assert shown.splitlines()[0].startswith(VERDICT_LABELS["yes"]) and len(shown) <= 500
    assert answer.entry.title.startswith("จังหวัด") and "อปท." not in answer.entry.title
    assert answer.entry.title in reply.text


def test_the_cli_keeps_the_whole_answer(kb: KnowledgeBase) -> None:
    answerer = Answerer(kb, default_contact())
    for entry in kb.entries:
        answer = answerer.entry_answer(entry.id)
        if answer is None:
            continue
        text = render_answer(answer)
        assert answer.text in text
        assert all(source.title in text for source in answer.sources)


def test_first_screen_reads_lead_instead_and_short_sources(kb: KnowledgeBase) -> None:
    answer = Answerer(kb, default_contact()).entry_answer("sister-city-province-only")
    assert answer is not None
    short = brief(answer, default_contact())
    # The verdict label says "ทำไม่ได้": the sentence after it does not say it again.
    assert short.lead.startswith("การสถาปนาความสัมพันธ์เมืองพี่เมืองน้อง")
    assert short.instead is not None and "ไม่มีผลผูกพันรัฐบาลไทย" in short.instead
    assert short.sources == ("ว 0313", "มติ ครม. 10 ต.ค. 2561", "หนังสือ มท. (แนวทาง อปท.)")
    # An entry without a curated `short` or `instead` uses its first line and its "สิ่งที่ทำได้แทน:" paragraph.
    other = Answerer(kb, default_contact()).entry_answer("agreement-must-not-bind-government")
    assert other is not None
    derived = brief(other, default_contact())
    assert derived.lead == "ความตกลงที่ อปท. จัดทำกับหน่วยการปกครองของต่างประเทศต้องไม่มีผลผูกพันรัฐบาลไทย"
    assert derived.rest.startswith("สิ่งที่ต้องคำนึง")
    names = Answerer(kb, default_contact()).entry_answer("sister-city-other-names")
    assert names is not None
    assert brief(names, default_contact()).instead == (
        "จัดทำความตกลงเฉพาะสาขาความร่วมมือกับหน่วยการปกครองของต่างประเทศ ในกรอบที่กฎหมายกำหนด "
        "บนพื้นฐานผลประโยชน์ของประเทศ และไม่มีผลผูกพันรัฐบาลไทย"
    )


def test_every_document_has_a_short_label(kb: KnowledgeBase) -> None:
    for document in kb.documents.values():
        label = source_label(document)
        assert 0 < len(label) <= 32 and not label.endswith("…"), (document.id, label)
    assert source_label(kb.documents["mae-sai-w0313"]) == "ว 0313"
    assert source_label(kb.documents["cabinet-2561-10-10"]) == "มติ ครม. 10 ต.ค. 2561"


def test_an_answers_sources_screen_lists_titles_and_buttons(kb: KnowledgeBase) -> None:
    answer = Answerer(kb, default_contact()).entry_answer("study-visit-budget")
    assert answer is not None and len(answer.sources) == 6
    reply = entry_sources_reply(answer)
    assert all(source.title in unescape(reply.text) for source in answer.sources)
    assert reply.keyboard is not None and len(reply.keyboard.inline_keyboard) <= 3
    assert reply.keyboard.inline_keyboard[0][0].callback_data == "d:law-municipality-s67"


def test_a_card_keeps_three_rows_and_a_share_button() -> None:
    card = card_reply(FakeRegistry().lookup("ว 0313"))
    assert card.keyboard is not None
    rows = card.keyboard.inline_keyboard
    assert len(rows) <= 3 and rows[-1][0].switch_inline_query == "ขร 0023.20/ว 0313"


@given(st.lists(st.sampled_from(["หนังสือ", "ที่", "ขร 0023.20/ว 0313", "ลงวันที่", "23", "กุมภาพันธ์", "2569", "(", ")",
                                 "มาตรา 35/5", "เมืองพี่เมืองน้อง", " ", "ก.พ.", "ว 4634"]), min_size=1, max_size=30),
       st.integers(min_value=8, max_value=60))
def test_labels_are_cut_at_word_ends_never_inside_a_number(parts: list[str], limit: int) -> None:
    text = " ".join(parts)
    label = clip(text, limit)
    assert len(label) <= limit
    if label.endswith("…"):
        assert " ".join(text.split()).startswith(label[:-1].rstrip())
        assert _whole_numbers(label, text)
        # A letter number is never shown in part ("ขร 0023.20/ว…").
        assert not label[:-1].rstrip().endswith(("/ว", "ขร"))
    else:
        assert label == " ".join(text.split())
