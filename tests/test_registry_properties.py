"""Property tests: any re-spelling of a stored number finds it; no query finds a different number."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.numbers import LetterNumber, parse_number
from bot.registry import Registry
from tests.registry_fixtures import make_knowledge
from tests.test_numbers import THAI, numbers, respelled

LETTER = """ที่ {number}
สำนักงานทดสอบ
{day} มกราคม 2569
เรื่อง เรื่องทดสอบที่ {index}
เรียน ผู้รับทดสอบ
ข้อความทดสอบ
ขอแสดงความนับถือ
(นายทดสอบ ระบบ)
ตำแหน่งทดสอบ
"""


def _stored_numbers(count: int) -> list[LetterNumber]:
    rng = random.Random(20260223)
    stored: dict[str | None, LetterNumber] = {}
    while len(stored) < count:
        number = LetterNumber(
            rng.choice(["ขร", "มท", "ชร", "ชม"]),
            f"{rng.choice([23, 810, 808]):04d}.{rng.randint(1, 30)}",
            rng.random() < 0.8,
            str(rng.randint(1, 400)).zfill(rng.choice([1, 3, 4])),
        )
        stored.setdefault(number.key_full, number)
    return list(stored.values())


STORED = _stored_numbers(300)


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    """A SQLite registry holding 300 random letters (with many shared serials, so many ambiguities)."""
    root = tmp_path_factory.mktemp("properties")
    opened = Registry.open(f"sqlite:///{root / 'p.db'}", make_knowledge(root))
    letters = [(LETTER.format(number=n.canonical, day=1 + i % 28, index=i), None) for i, n in enumerate(STORED)]
    results = opened.ingest_many(letters)
    assert {result.status for result in results} == {"added"}
    yield opened
    opened.close()


def _level_key(number: LetterNumber, level: str) -> str | None:
    return {"full": number.key_full, "tail": number.key_tail, "serial": number.key_serial}[level]


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FAST
@given(st.data(), st.sampled_from(STORED))
def test_any_respelling_of_a_stored_number_finds_it(
    registry: Registry, data: st.DataObject, number: LetterNumber
) -> None:
    text = data.draw(respelled(number))
    result = registry.lookup(text)
    assert result.found, text
    assert result.number == number.canonical


@FAST
@given(st.data(), st.sampled_from(STORED), st.sampled_from(["tail", "serial"]))
def test_a_shortened_number_finds_it_or_lists_it(
    registry: Registry, data: st.DataObject, number: LetterNumber, level: str
) -> None:
    short = LetterNumber(None, number.code if level == "tail" else None, number.circular, number.serial)
    text = data.draw(respelled(short)) if level == "tail" else short.canonical
    if level == "serial" and data.draw(st.booleans()):
        text = f"หนังสือ {text.translate(THAI)} เรื่องอะไร"
    if level == "serial" and not number.circular:
        return  # a bare serial without ว is not a number anyone can look up
    result = registry.lookup(text)
    same = [n for n in STORED if _level_key(n, level) == _level_key(number, level)]
    if len(same) == 1:
        assert result.found and result.number == number.canonical, text
    else:
        assert not result.found and number.canonical in result.candidates, text


@FAST
@given(st.one_of(numbers.map(lambda n: n.canonical), st.sampled_from(STORED).map(lambda n: n.canonical[:-1]),
                 st.text(alphabet="ขรมทว0123456789๐๑๒๓ ./", max_size=20)))
def test_no_query_finds_a_different_number(registry: Registry, query: str) -> None:
    result = registry.lookup(query)
    if not result.found:
        assert result.number is None and result.to_json()["number"] is None
        return
    asked = parse_number(query)
    found = parse_number(result.number or "")
    assert asked is not None and found is not None
    assert _level_key(found, asked.level) == asked.key, (query, result.number)


def test_fixture_is_not_trivial() -> None:
    serials = [n.key_serial for n in STORED]
    assert len(set(serials)) < len(serials)  # some serial-only queries must be ambiguous
    assert Path(__file__).is_file()
