"""Fuzz: any str gives a result, any bytes give a result or a DocumentRefused, and every result can be sent."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.checker import DocumentRefused, check_file, check_text, render_thai
from tests.checker_fixtures import make_docx, make_pdf

# Every code point, lone surrogates and noncharacters included (codec=None, no category filter).
ANY_TEXT = st.text(alphabet=st.characters(codec=None, categories=None), max_size=300)
# Arbitrary characters mixed with words the rules react to, so findings (and excerpts) come out.
WORDS = st.sampled_from(["sister city", "treaty", "not", "ไม่ใช่", "เมืองแฝด", "ข้อ 1", "\n", ", ", "\ud800", "\udfff"])
MIXED = st.lists(st.one_of(ANY_TEXT, WORDS), max_size=12).map("".join)


def _sendable(result: object) -> None:
    """Assert the result encodes to UTF-8 as JSON and as the Thai report (what Telegram and the CLI do)."""
    json.dumps(result.to_json(), ensure_ascii=False).encode("utf-8")  # type: ignore[attr-defined]
    render_thai(result).encode("utf-8")  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(MIXED)
def test_check_text_takes_any_str(text: str) -> None:
    try:
        result = check_text(text)
    except DocumentRefused as error:
        assert error.code == "empty" and not text.strip()
        return
    _sendable(result)
    assert all(not 0xD800 <= ord(char) <= 0xDFFF for finding in result.findings for char in finding.excerpt)


def test_lone_surrogates_are_dropped_not_raised() -> None:
    result = check_text("ข้อ 1 ทั้งสองเมืองเป็น sister\ud800 city \udfff\ufffe\U0010ffff")
    assert result.result == "not-allowed"
    _sendable(result)


def test_invalid_utf8_is_read_or_refused() -> None:
    samples = (
        b"\xff\xfe\xfd sister city \xc3\x28 \xed\xa0\x80",  # a UTF-16 BOM, then bytes that are not UTF-16
        b"sister city \xed\xa0\x80\xed\xbf\xbf",  # surrogates encoded in UTF-8
        b"\xc0\xaf" * 50,  # overlong encodings
    )
    for data in samples:
        try:
            _sendable(check_file(data, "bad.txt"))
        except DocumentRefused as error:
            assert error.code in ("not-a-document", "empty")


_NAMES = st.sampled_from(["d.docx", "d.pdf", "d.txt", "draft"])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000), _NAMES)
def test_check_file_on_random_bytes_only_refuses(data: bytes, name: str) -> None:
    with contextlib.suppress(DocumentRefused):
        _sendable(check_file(data, name))


@pytest.fixture(scope="module")
def seeds() -> list[bytes]:
    """Real drafts to mutate: random bytes alone seldom start like a zip or a PDF."""
    return [
        make_docx(["ข้อ 1 ทั้งสองฝ่ายเป็นเมืองแฝด", "Article 2 treaty"], numbered=["หนึ่ง"], table=[["ก", "ข"]]),
        make_pdf([["Article 1", "The towns become sister cities."], ["ข้อ ๒ สัตยาบัน"]]),
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 1), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8),
       st.integers(0, 10**6), _NAMES)
def test_check_file_on_damaged_drafts_only_refuses(
    seeds: list[bytes], seed: int, flips: list[tuple[int, int]], cut: int, name: str
) -> None:
    data = bytearray(seeds[seed])
    for position, value in flips:
        data[position % len(data)] = value
    with contextlib.suppress(DocumentRefused):
        _sendable(check_file(bytes(data[: max(1, cut % (len(data) + 1))]), name))


def _with_document_xml(docx: bytes, xml: bytes) -> bytes:
    """Return `docx` with word/document.xml replaced (a valid zip: the CRC matches the new bytes)."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, xml if info.filename == "word/document.xml" else source.read(info.filename))
    return out.getvalue()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(b"<>/=\"'&;:wpt \x00\xff")), min_size=1, max_size=6),
       st.integers(0, 10**6))
def test_damaged_document_xml_only_refuses(seeds: list[bytes], flips: list[tuple[int, int]], cut: int) -> None:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(seeds[0])) as archive:
        xml = bytearray(archive.read("word/document.xml"))
    for position, value in flips:
        xml[position % len(xml)] = value
    with contextlib.suppress(DocumentRefused):
        _sendable(check_file(_with_document_xml(seeds[0], bytes(xml[: max(1, cut % (len(xml) + 1))])), "d.docx"))
