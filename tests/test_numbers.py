"""Letter numbers: canonical form, matching keys, query levels, numbers inside free text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.numbers import LetterNumber, canonical, find_numbers, matching_key, number_spans, parse_number

THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@pytest.mark.parametrize(
    "text",
    [
        "ขร 0023.20/ว 0313",
        "ขร ๐๐๒๓.๒๐/ว ๐๓๑๓",
        "ขร0023.20/ว0313",
        "ข.ร. 0023.20 / ว. 313",
        "ขร.๐๐๒๓.๒๐/ว.๓๑๓",
        "ที่ ขร 23.20/ว 313",
        "  ขร  0023.20/ว  0313  ",
    ],
)
def test_spellings_share_one_key(text: str) -> None:
    assert matching_key(text) == matching_key("ขร 0023.20/ว 0313") == "ขร23.20/ว313"


def test_canonical_form_keeps_printed_padding() -> None:
    assert canonical("ขร ๐๐๒๓.๒๐/ว ๐๓๑๓") == "ขร 0023.20/ว 0313"
    assert canonical("ข.ร.0023.20/ว.016") == "ขร 0023.20/ว 016"
    assert canonical("มท ๐๘๑๐.๔/๑๒๓๔") == "มท 0810.4/1234"


@pytest.mark.parametrize(
    ("text", "level", "key"),
    [
        ("ขร 0023.20/ว 0313", "full", "ขร23.20/ว313"),
        ("0023.20/ว0313", "tail", "23.20/ว313"),
        ("ว 0313", "serial", "ว313"),
        ("หนังสือ ว ๔๖๓๔ เรื่องอะไร", "serial", "ว4634"),
        ("หนังสือว4634", "serial", "ว4634"),
        ("ว.4634", "serial", "ว4634"),
    ],
)
def test_query_levels(text: str, level: str, key: str) -> None:
    number = parse_number(text)
    assert number is not None
    assert (number.level, number.key) == (level, key)


@pytest.mark.parametrize(
    "text", ["เวลา 16.38 น.", "สวัสดีครับ", "ว 12.5", "", "ถนนพหลโยธิน ขร 57130", "มติ ครม. 10 ต.ค. 2561"]
)
def test_text_without_a_number(text: str) -> None:
    assert parse_number(text) is None


def test_short_serial_is_not_a_longer_one() -> None:
    assert matching_key("ว 4") != matching_key("ว 4634")
    assert matching_key("ว 463") != matching_key("ว 4634")


def test_fractions_in_free_text_are_not_numbers() -> None:
    assert find_numbers("ขั้นตอนที่ 1/2 ลงวันที่ 3/2/2569") == []
    assert parse_number("0810.4/1234") is not None  # asked for on purpose, it is one


def test_numbers_found_in_free_text() -> None:
    text = "ตามหนังสือ ขร ๐๐๒๓.๓/ว ๔๖๓๔ และหนังสือ ว 0313 กับ 0023.20/ว 016 เวลา 16.38 น."
    found = [(number.canonical, number.level) for number, _ in find_numbers(text)]
    assert found == [("ขร 0023.3/ว 4634", "full"), ("ว 0313", "serial"), ("0023.20/ว 016", "tail")]


# --- properties ---------------------------------------------------------------------------

prefixes = st.sampled_from(["ขร", "มท", "ชร", "ชม", "นร", "กค", "ศธ"])
codes = st.lists(st.integers(0, 9999), min_size=1, max_size=3).map(
    lambda parts: ".".join(f"{p:04d}" if i == 0 else str(p) for i, p in enumerate(parts))
)
serials = st.integers(1, 99999).map(str)
numbers = st.builds(LetterNumber, prefixes, codes, st.booleans(), serials)


@st.composite
def respelled(draw: st.DrawFn, number: LetterNumber) -> str:
    """Spell `number` the way a user might: digits, spaces, dots, zero padding."""
    def digits(value: str) -> str:
        value = value.lstrip("0") or "0"
        value = "0" * draw(st.integers(0, 3)) + value
        return value.translate(THAI) if draw(st.booleans()) else value

    space = lambda: draw(st.sampled_from(["", " ", "  "]))  # noqa: E731
    prefix = number.prefix or ""
    if prefix and draw(st.booleans()):
        prefix = ".".join(prefix) + "."
    code = ".".join(digits(part) for part in (number.code or "").split("."))
    serial = digits(number.serial)
    w = f"ว{draw(st.sampled_from(['', '.', '. ']))}{space()}" if number.circular else ""
    return f"{prefix}{space()}{code}{space()}/{space()}{w}{serial}"


@given(numbers)
def test_normalisation_is_idempotent(number: LetterNumber) -> None:
    once = canonical(number.canonical)
    assert once is not None
    assert canonical(once) == once
    assert matching_key(once) == number.key


@given(st.data(), numbers)
def test_any_respelling_has_the_same_key(data: st.DataObject, number: LetterNumber) -> None:
    text = data.draw(respelled(number))
    parsed = parse_number(text)
    assert parsed is not None, text
    assert parsed.key_full == number.key_full, text


@pytest.mark.parametrize("text", ["ขร OO23.20/ว O313", "ว o๓๑๓", "ขร ๐๐๒๓.๒O/ว ๐๓๑๓", "หนังสือ ว O313 ว่าอย่างไร"])
def test_letter_o_for_zero_inside_numbers(text: str) -> None:
    number = parse_number(text)
    assert number is not None and number.key_serial == "ว313", text


@pytest.mark.parametrize("text", ["MOU 2 ฉบับ", "COVID-19 ระบาด", "ว OOO", "ISO 9001"])
def test_the_letter_o_in_words_is_left_alone(text: str) -> None:
    assert parse_number(text) is None
    assert "O" in text or "o" in text


@pytest.mark.parametrize("text", ["Circular kr 0023.20/w 0313 from Mae Sai", "0023.20/W.313", "no. 0023.20 / v 0313"])
def test_a_circulars_w_typed_in_latin_after_the_slash(text: str) -> None:
    # An official writing in English romanises ว; the office code and serial still name the letter.
    number = parse_number(text)
    assert number is not None and number.key_tail == "23.20/ว313", text
    assert find_numbers(text)[0][0].key_tail == "23.20/ว313"


def test_a_latin_w_elsewhere_is_no_circular_mark() -> None:
    assert parse_number("Route w 313") is None
    assert find_numbers("www.example.com/wiki") == []


def test_a_circulars_wor_romanised_keeps_the_offsets() -> None:
    text = 'citing "Khor Ror 0023.20/Wor 0313" again'
    (start, end, number), = number_spans(text)
    assert number.key_tail == "23.20/ว313" and text[start:end].startswith("0023.20/Wor")
