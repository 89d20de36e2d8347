"""Follow-ups read with the question before them: actor and sector changes, why, letter details, closings."""

from __future__ import annotations

import pytest

from bot.answers import Answerer
from bot.config import default_contact
from bot.conversation import Conversation, Turn
from bot.followups import Context, asks_why, closes, combine, has_marker
from bot.knowledge import load_knowledge

SISTER_CITY = "อบต.ของเราจะลงนาม MOU เมืองพี่เมืองน้องกับเมืองในลาวได้ไหม"


@pytest.fixture(scope="module")
def conversation() -> Conversation:
    """A conversation over the shipped knowledge base, with no registry or log."""
    return Conversation(Answerer(load_knowledge(), default_contact()), None, None)


def _after(conversation: Conversation, *messages: str) -> list[Turn]:
    """Send messages in order, each read with the last question asked, as a channel does."""
    turns: list[Turn] = []
    context: Context | None = None
    for message in messages:
        turn = conversation.respond(message, context=context)
        turns.append(turn)
        if turn.carries_on:
            context = turn.context
    return turns


def test_a_new_actor_replaces_the_old_one(conversation: Conversation) -> None:
    first, follow = _after(conversation, SISTER_CITY, "แล้วถ้าเป็น อบจ. ล่ะครับ")
    assert first.answer.entry_id == follow.answer.entry_id == "sister-city-province-only"
    assert follow.answer.verdict == "no" and follow.read_with is not None and "อบจ" in follow.read_with
    # Alone, the same words cannot be understood.
    assert conversation.respond("แล้วถ้าเป็น อบจ. ล่ะครับ").answer.kind == "decline"


def test_the_province_itself_is_another_question(conversation: Conversation) -> None:
    # "May we?" then "and the province itself?": the province may, and its criteria follow.
    _, follow = _after(conversation, SISTER_CITY, "แล้วจังหวัดเองล่ะ")
    assert (follow.answer.entry_id, follow.answer.verdict) == ("sister-city-province-only", "yes")
    assert [extra.entry_id for extra in follow.answer.also] == ["sister-city-province-criteria"]


def test_a_sector_replaces_the_sister_city(conversation: Conversation) -> None:
    _, follow = _after(conversation, SISTER_CITY, "ถ้าเป็นด้านการท่องเที่ยวล่ะ")
    assert follow.answer.entry_id == "other-cooperation-allowed" and follow.answer.verdict == "conditional"


def test_why_gets_the_source_the_entry_names_or_the_entry_again(conversation: Conversation) -> None:
    _, why, actor = _after(conversation, SISTER_CITY, "ทำไมล่ะ", "แล้วถ้าให้จังหวัดทำแทนล่ะ")
    assert why.answer.entry_id == "legal-basis-cabinet-2561"
    # The next follow-up still goes on from the sister-city question, not from "why".
    assert (actor.answer.entry_id, actor.answer.verdict) == ("sister-city-province-only", "yes")
    _, again = _after(conversation, "MOU ของเทศบาลกับเมืองต่างประเทศ ผูกพันรัฐบาลไทยได้ไหม", "อ้างอิงจากอะไร")
    assert again.answer.entry_id == "agreement-must-not-bind-government"


def test_a_letter_detail_after_the_letter_asks_that_letter(conversation: Conversation) -> None:
    turns = _after(conversation, "หนังสือ ว 0313 ของอำเภอแม่สายเรื่องอะไร", "and the attachment?", "นายอำเภอเซ็นเองไหม")
    assert [turn.answer.entry_id for turn in turns] == ["circular-mae-sai-0313"] * 3


def test_a_closing_is_not_read_as_a_question(conversation: Conversation) -> None:
    _, thanks = _after(conversation, SISTER_CITY, "โอเค ขอบคุณครับ")
    assert thanks.answer.kind != "entry"
    assert closes("ok thanks") and closes("อ๋อ เข้าใจแล้วครับ")
    # An "ok" that goes on to ask is a question.
    assert not closes("ok งั้นต้องทำตามแนวทางไหน")


def test_a_complete_or_new_question_is_answered_alone(conversation: Conversation) -> None:
    _, alone = _after(conversation, SISTER_CITY, "MOU ของ ทต. ผูกพันรัฐบาลไทยได้ไหม")
    assert alone.answer.entry_id == "agreement-must-not-bind-government" and alone.read_with is None
    _, other = _after(conversation, SISTER_CITY, "ค่าเงินรูปีวันนี้เท่าไหร่")
    assert other.answer.kind == "decline"


def test_markers_and_why() -> None:
    assert has_marker("แล้ว อบจ. ล่ะ") and has_marker("what about a municipality?") and not has_marker("อบจ. ทำได้")
    # "and the province?" in Chinese, Korean and Vietnamese.
    assert has_marker("和清莱府呢") and has_marker("노인복지 분야 협력 MOU는요?") and has_marker("còn tỉnh thì sao?")
    assert not has_marker("我们可以签合作备忘录吗")
    assert asks_why("ทำไม", 1) and asks_why("why?", 1) and asks_why("มีในหนังสือฉบับไหน", 3)
    assert not asks_why("ทำไมเทศบาลถึงทำ MOU ด้านการศึกษากับเมืองในญี่ปุ่นไม่ได้ทั้งที่ไม่ใช่เมืองพี่เมืองน้อง", 12)


def test_a_commitment_added_after_a_permitted_answer_is_the_restriction(conversation: Conversation) -> None:
    first, then = _after(conversation, "เทศบาลทำ MOU ด้านสาธารณสุขกับเมืองในญี่ปุ่นได้ไหม",
                         "ในร่างมีข้อให้กระทรวงสาธารณสุขส่งพยาบาลไปอบรมทุกปีด้วย")
    assert first.answer.verdict == "conditional"
    assert (then.answer.entry_id, then.answer.verdict) == ("agreement-must-not-bind-government", "no")


def test_combine_takes_out_what_the_follow_up_replaces(conversation: Conversation) -> None:
    detector = conversation.answerer.concepts
    assert "อบต" not in combine(SISTER_CITY, "แล้ว อบจ. ล่ะ", detector)
    # Only the actor's own words go, never the rest of a clause written without spaces.
    assert "เมืองพี่เมืองน้อง" in combine("เทศบาลตำบลเราอยากทำเมืองพี่เมืองน้อง", "แล้วจังหวัดล่ะ", detector)
    assert "เมืองพี่เมืองน้อง" not in combine(SISTER_CITY, "ถ้าเป็นด้านการศึกษาล่ะ", detector)


def test_a_new_one_after_an_old_relationship_asks_about_signing_anew(conversation: Conversation) -> None:
    old, new = _after(conversation, "เทศบาลเรามีเมืองพี่เมืองน้องกับเมืองในลาวมาตั้งแต่ปี 2555 ต้องยกเลิกไหม",
                      "แล้วถ้าจะเซ็นฉบับใหม่ปีนี้ล่ะ")
    assert old.answer.entry_id == "existing-sister-city-agreement"
    assert (new.answer.entry_id, new.answer.verdict) == ("sister-city-province-only", "no")
