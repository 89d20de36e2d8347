"""ChatMemory: what a follow-up is read with, per chat and speaker, replies to the bot's messages."""

from __future__ import annotations

from bot.followups import Context
from bot.memory import MAX_REPLIES, ChatMemory


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_recent_question_is_remembered_per_chat_and_speaker() -> None:
    clock = Clock()
    memory = ChatMemory(minutes=10, clock=clock)
    asked = Context("อบต. ทำเมืองพี่เมืองน้องได้ไหม", "sister-city-province-only")
    memory.remember("telegram:1", "telegram:7", asked)
    assert memory.context("telegram:1", "telegram:7") == asked
    # Someone else in the same group, or the same person in another chat, starts afresh.
    assert memory.context("telegram:1", "telegram:8") is None
    assert memory.context("telegram:2", "telegram:7") is None
    clock.now += 10 * 60 + 1
    assert memory.context("telegram:1", "telegram:7") is None


def test_a_reply_to_a_bot_message_is_read_with_that_answer_at_any_time() -> None:
    clock = Clock()
    memory = ChatMemory(minutes=10, clock=clock)
    first = Context("อบต. ทำเมืองพี่เมืองน้องได้ไหม", "sister-city-province-only")
    later = Context("ทำ MOU ด้านการศึกษาได้ไหม", "other-cooperation-allowed")
    memory.sent("telegram:1", "500", first)
    memory.remember("telegram:1", "telegram:7", later)
    clock.now += 3600
    # Replying to the first answer an hour later still means the first answer, not the latest.
    assert memory.context("telegram:1", "telegram:9", replying_to="500") == first
    assert memory.context("telegram:1", "telegram:9", replying_to="501") is None
    memory.forget("telegram:1", "telegram:7")
    assert memory.context("telegram:1", "telegram:7") is None


def test_memory_is_bounded() -> None:
    memory = ChatMemory()
    for n in range(MAX_REPLIES + 10):
        memory.sent("c", str(n), Context(f"q{n}"))
    assert memory.context("c", "u", replying_to="0") is None
    assert memory.context("c", "u", replying_to=str(MAX_REPLIES + 9)) == Context(f"q{MAX_REPLIES + 9}")
