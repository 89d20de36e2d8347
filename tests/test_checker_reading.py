"""Reading drafts: what is read, what is refused (with a Thai and an English message), and clauses."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from bot.checker import MAX_BYTES, DocumentRefused, check_file
from bot.checker.clauses import split_draft
from bot.checker.reading import read_bytes, read_path
from bot.thai import has_thai
from tests.checker_fixtures import make_docx, make_pdf

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _refusal(source: Path | bytes, filename: str = "draft") -> DocumentRefused:
    with pytest.raises(DocumentRefused) as refused:
        check_file(source, filename)
    error = refused.value
    # Users read Thai; operators read one English line.
    assert has_thai(error.user_message)
    assert error.operator_message.isascii() or not has_thai(error.operator_message)
    assert "\n" not in error.operator_message and str(error) == error.operator_message
    return error


@pytest.mark.parametrize(
    ("data", "name", "code", "english"),
    [
        (PNG, "scan.png", "not-a-document", "PNG image"),
        (PNG, "draft.docx", "not-a-document", "PNG image"),  # the name lies; the bytes tell
        (JPEG, "draft.txt", "not-a-document", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "a.gif", "not-a-document", "GIF image"),
        (b"%PDF-1.4\n% broken\n", "draft.pdf", "unreadable", "PDF that cannot be read"),
        (b"\x00\x01\x02\x03" * 200, "draft.bin", "not-a-document", "not a .txt"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old.doc", "not-a-document", ".doc"),
        (b"", "empty.txt", "empty", "empty"),
        (b" \n\t\r\n  ", "blank.txt", "empty", "empty"),
    ],
)
def test_non_documents_are_refused_clearly(data: bytes, name: str, code: str, english: str) -> None:
    error = _refusal(data, name)
    assert error.code == code
    assert english in error.operator_message


def test_a_zip_archive_is_refused() -> None:
    error = _refusal(_zip({"draft.txt": b"sister city"}), "drafts.zip")
    assert error.code == "not-a-document"
    assert "zip archive" in error.operator_message
    assert "ไฟล์บีบอัด" in error.user_message


def test_an_excel_file_is_refused() -> None:
    error = _refusal(_zip({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"}), "book.xlsx")
    assert "Excel" in error.operator_message


def test_a_damaged_docx_is_refused() -> None:
    error = _refusal(_zip({"word/document.xml": b"not xml"}), "draft.docx")
    assert error.code == "unreadable"


def test_a_scanned_pdf_without_text_is_refused() -> None:
    error = _refusal(make_pdf([[]]), "scan.pdf")
    assert error.code == "no-text"
    assert "สแกน" in error.user_message


@pytest.mark.parametrize("size", [MAX_BYTES + 1, 50 * 1024 * 1024])
def test_a_file_over_the_limit_is_refused_by_its_size(tmp_path: Path, size: int) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(size)  # sparse: the test does not write 50 MB
    error = _refusal(path)
    assert error.code == "too-large"
    assert f"{MAX_BYTES:,}" in error.operator_message
    assert "MB" in error.user_message


def test_bytes_over_the_limit_are_refused() -> None:
    assert _refusal(b"a" * (MAX_BYTES + 1), "big.txt").code == "too-large"


def test_missing_file_folder_and_device_are_refused(tmp_path: Path) -> None:
    assert _refusal(tmp_path / "nope.docx").code == "missing"
    assert _refusal(tmp_path).code == "unreadable"
    assert "not a regular file" in _refusal(Path("/dev/zero")).operator_message


def test_text_encodings_are_read() -> None:
    thai = "ข้อ 1 ทั้งสองฝ่ายเป็นเมืองแฝด"
    for data in (
        thai.encode("utf-8"),
        thai.encode("utf-8-sig"),
        thai.encode("utf-16"),
        thai.encode("cp874"),
    ):
        assert read_bytes(data, "d.txt") == thai


def test_a_text_starting_like_a_bmp_is_still_text() -> None:
    assert read_bytes(b"BMA and Mae Sai agree", "d.txt") == "BMA and Mae Sai agree"


def test_docx_and_pdf_are_read_by_content_not_name(tmp_path: Path) -> None:
    docx = tmp_path / "draft.pdf"
    docx.write_bytes(make_docx(["ข้อ 1 ทั้งสองฝ่ายเป็นเมืองแฝด"]))
    assert "เมืองแฝด" in read_path(docx)
    pdf = tmp_path / "draft.txt"
    pdf.write_bytes(make_pdf([["Article 1", "The towns become sister cities."]]))
    assert "sister cities" in read_path(pdf)


def test_pdf_with_thai_text_layer_is_read() -> None:
    text = read_bytes(make_pdf([["ข้อ ๑ น้ำ ที่ทำ กำหนด"]]), "d.pdf")
    assert text.strip() == "ข้อ ๑ น้ำ ที่ทำ กำหนด"


def test_clauses_thai_english_numbered_and_paragraphs() -> None:
    draft = split_draft("ชื่อเรื่อง\nข้อ ๑ ก\nข้อที่ 2. ข\n๒.๑ ย่อย\nArticle III c\nทำขึ้นที่แม่สาย\nลงชื่อ")
    assert [c.label for c in draft.clauses] == ["ส่วนนำ", "ข้อ 1", "ข้อ 2", "Article III", "ส่วนลงนาม"]
    numbered = split_draft("Title\n1. one\n2) two\n(3) three")
    assert [c.label for c in numbered.clauses] == ["Preamble", "Clause 1", "Clause 2", "Clause 3"]
    paragraphs = split_draft("first\nstill first\n\nsecond")
    assert [c.label for c in paragraphs.clauses] == ["Paragraph 1", "Paragraph 2"]
    # A reference at the start of a line is not a heading.
    reference = split_draft("ข้อ 1 ทั่วไป\nข้อ 102 แห่งกฎบัตรสหประชาชาติ\nArticle 5 of the Charter")
    assert [c.label for c in reference.clauses] == ["ข้อ 1"]


def test_clause_text_is_contiguous() -> None:
    draft = split_draft("ชื่อ\nข้อ 1 ก\nข้อ 2 ข\n")
    assert draft.clauses[0].start == 0 and draft.clauses[-1].end == len(draft.text)
    for before, after in zip(draft.clauses, draft.clauses[1:], strict=False):
        assert before.end == after.start


def test_signature_lines_start_the_signature_part_and_stay_out_of_excerpts() -> None:
    from bot.checker import check_text

    # A signature table with no closing sentence before it ("ลงชื่อ ..." straight after the last article).
    draft = "ข้อ 1 ทั้งสองฝ่ายจะส่งเสริมการท่องเที่ยว\nข้อ 2 บันทึกนี้มีผลผูกพันตามกฎหมาย\nลงชื่อ ........\n(นายสมชาย ใจดี)"
    assert [c.label for c in split_draft(draft).clauses] == ["ข้อ 1", "ข้อ 2", "ส่วนลงนาม"]
    (finding,) = check_text(draft).findings
    assert finding.clause == "ข้อ 2" and "ลงชื่อ" not in finding.excerpt
    # Names and positions after a blank line (a table, a block of its own) are not the clause's words.
    spaced = "Article 1\nThis MOU is legally binding on both cities\n\nMr. Somchai Jaidee\nMayor of Wiang"
    (finding,) = check_text(spaced).findings
    assert finding.excerpt == "Article 1 This MOU is legally binding on both cities"
