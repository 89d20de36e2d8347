"""Arbitrary Unicode, surrogates and noncharacters included, never breaks answering, lookup or parsing."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers import Answerer
from bot.config import default_contact
from bot.conversation import Conversation
from bot.knowledge import load_knowledge
from bot.letters import parse_letter
from bot.numbers import find_numbers, parse_number
from bot.plain import render_turn
from bot.registry import Registry
from tests.fakes import FakeRegistry
from tests.registry_fixtures import make_knowledge

# Every code point, lone surrogates among them; Thai and the characters of letter numbers weigh more.
ANY = st.characters(exclude_categories=())
NEAR = st.sampled_from(list("ว๐๑๒๓0123./ขรมท เมืองพี่น้องอบต?\n\t\u200b\ud800\udfff\ufffe"))
TEXT = st.text(st.one_of(ANY, NEAR), max_size=300)
CONVERSATION = Conversation(Answerer(load_knowledge(), default_contact()), FakeRegistry())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_gets_an_answer_that_can_be_sent(text: str) -> None:
    turn = CONVERSATION.respond(text)
    assert turn.answer.text and 0.0 <= turn.answer.confidence <= 1.0
    # What a channel sends must encode: no surrogate reaches the answer, the cards or the notes.
    render_turn(turn).encode("utf-8")
    json.dumps(turn.to_json(), ensure_ascii=False).encode("utf-8", "surrogatepass")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_citations_parse_any_text(text: str) -> None:
    from bot.citations import parse_citations

    for citation in parse_citations(text):
        json.dumps(citation.to_json(), ensure_ascii=False).encode("utf-8", "surrogatepass")


@given(TEXT)
def test_numbers_and_letters_parse_any_text(text: str) -> None:
    find_numbers(text)
    parse_number(text)
    letter = parse_letter(text)
    json.dumps(letter.to_json(), ensure_ascii=False).encode("utf-8", "surrogatepass")


def test_lookup_of_any_text_on_the_real_registry(tmp_path: Path) -> None:
    registry = Registry.open(f"sqlite:///{tmp_path / 'fuzz.db'}", make_knowledge(tmp_path))

    @settings(max_examples=200, deadline=None)
    @given(TEXT)
    def lookup(text: str) -> None:
        result = registry.lookup(text)
        assert result.status in ("found", "ambiguous", "not-found", "not-a-number")
        registry.circulars_in(text)

    try:
        lookup()
    finally:
        registry.close()
