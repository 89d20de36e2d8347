"""Reading what officials have: text in three encodings, .docx, PDF text, scans through Tesseract, and refusals."""

from __future__ import annotations

import io
import os
import stat
from datetime import date
from pathlib import Path

import pytest

from bot.intake import DocumentUnreadable, read_data
from bot.intake.checks import Reading, review_reasons
from bot.intake.documents import ReadDocument
from bot.intake.ocr import OcrLine, OcrUnavailable, Tesseract, page_from
from bot.intake.repair import repair_ocr_text
from bot.numbers import parse_number
from tests.checker_fixtures import make_docx, make_pdf
from tests.registry_fixtures import SAMPLE_LETTER
from tests.scan_fixtures import LETTER_LINES, NOT_A_LETTER, image_pdf, need_ocr_tools, png, render

LETTER = SAMPLE_LETTER.read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp874"])
def test_text_in_each_encoding(encoding: str) -> None:
    document = read_data(LETTER.encode(encoding), "letter.txt")
    assert document.method == "text" and "ขร ๐๐๒๓.๒๐/ว ๐๓๑๓" in document.text
    assert len(document.sha256) == 64 and document.lines == ()


def test_docx_and_pdf_text_layer() -> None:
    lines = LETTER.splitlines()
    assert read_data(make_docx(lines), "letter.docx").method == "docx"
    pdf = read_data(make_pdf([lines[:40], lines[40:]]), "letter.pdf")
    assert pdf.method == "pdf-text" and "ขร" in pdf.text


def test_encrypted_and_damaged_pdfs_are_refused_in_one_line() -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(DocumentUnreadable) as caught:
        read_data(buffer.getvalue(), "locked.pdf")
    assert caught.value.code == "encrypted" and str(caught.value) == "locked.pdf is an encrypted PDF"
    with pytest.raises(DocumentUnreadable) as caught:
        read_data(b"%PDF-1.4\n% broken\n", "broken.pdf")
    assert caught.value.code == "unreadable" and "\n" not in str(caught.value)


def test_other_files_are_refused() -> None:
    with pytest.raises(DocumentUnreadable) as caught:
        read_data(b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "a.out")
    assert caught.value.code == "not-a-document" and "a program" in str(caught.value)


def test_a_scan_without_an_ocr_engine_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan = image_pdf(_blank())
    # Lookup injection: no tesseract anywhere on PATH.
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(DocumentUnreadable) as caught:
        read_data(scan, "scan.pdf")
    assert caught.value.code == "no-ocr"
    assert str(caught.value) == ("scan.pdf: is a scanned PDF and needs OCR, but the OCR engine Tesseract is not "
                                 "installed (apt-get install tesseract-ocr tesseract-ocr-tha)")
    with pytest.raises(DocumentUnreadable, match="image and needs OCR"):
        read_data(png(_blank()), "photo.png", ocr=lambda: Tesseract.find(which=lambda name: None))


def test_tesseract_without_the_thai_model(tmp_path: Path) -> None:
    fake = tmp_path / "tesseract"
    fake.write_text("#!/bin/sh\necho 'List of available languages (2):'\necho eng\necho osd\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    with pytest.raises(OcrUnavailable, match=r"no Thai model \(apt-get install tesseract-ocr tesseract-ocr-tha\)"):
        Tesseract.find(which=lambda name: str(fake))


def _blank() -> object:
    from PIL import Image

    return Image.new("L", (1654, 600), 255)


def test_a_blank_scan_has_no_text() -> None:
    need_ocr_tools()
    with pytest.raises(DocumentUnreadable) as caught:
        read_data(image_pdf(_blank()), "blank.pdf")
    assert caught.value.code == "no-text" and str(caught.value).startswith("blank.pdf: OCR found no text")


def test_arabic_digit_scan_is_read_with_confidence() -> None:
    need_ocr_tools()
    document = read_data(image_pdf(render(LETTER_LINES)), "scan.pdf")
    assert document.method == "ocr" and document.pages == document.pages_read == 1
    assert document.confidence is not None and document.confidence > 0.8
    heading = document.lines[0]
    assert heading.text == "ที่ ชม 0023.15/ว 742" and not heading.thai_digits
    assert heading.digit_confidence is not None and heading.digit_confidence > 80


def test_an_image_is_read_too() -> None:
    need_ocr_tools()
    document = read_data(png(render(NOT_A_LETTER)), "menu.png")
    assert document.method == "ocr" and "ข้าวผัด" in document.text


def test_page_from_pairs_text_lines_with_tsv_lines() -> None:
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    rows = ["5\t1\t1\t1\t1\t1\t0\t0\t9\t9\t95.0\tที่", "5\t1\t1\t1\t1\t2\t0\t0\t9\t9\t60.5\t0313",
            "5\t1\t1\t2\t1\t1\t0\t0\t9\t9\t90.0\t๒๓"]
    page = page_from("ที่ 0313\n\n๒๓ ก.พ.\n", header + "\n".join(rows) + "\n")
    assert [(line.text, line.digit_confidence, line.thai_digits) for line in page.lines] == [
        ("ที่ 0313", 60.5, False), ("๒๓ ก.พ.", 90.0, True)]
    # When text and TSV disagree on the lines, every line gets the page's worst confidence.
    page = page_from("a 1\nb 2\nc 3\n", header + "\n".join(rows) + "\n")
    assert {line.digit_confidence for line in page.lines} == {60.5}


@pytest.mark.parametrize(
    ("ocr", "repaired"),
    [
        ("ที ขร 0023.20/ว 0313", "ที่ ขร 0023.20/ว 0313"),
        ("เรือง แนวทางการจัดทํา", "เรื่อง แนวทางการจัดทำ"),
        ("อางถึง หนังสือ ที่ ลูป 0023.9|ว 42 ลงวันที 8 มกราคม 2569", "อ้างถึง หนังสือ ที่ ลป 0023.9/ว 42 ลงวันที่ 8 มกราคม 2569"),
        ("สิงทีส่งมาด้วย สำเนา", "สิ่งที่ส่งมาด้วย สำเนา"),
        ("ทีมงาน ขร", "ทีมงาน ขร"),  # not a ที่ line
        ("ที่ ลูกค้า 0023.9/ว 42", "ที่ ลูกค้า 0023.9/ว 42"),  # ลค is no office's prefix: left alone
    ],
)
def test_predictable_ocr_slips_are_repaired(ocr: str, repaired: str) -> None:
    assert repair_ocr_text(ocr) == repaired


def _ocr_document(*lines: OcrLine) -> ReadDocument:
    return ReadDocument(text="\n".join(line.text for line in lines), method="ocr", name="scan.pdf", sha256="0" * 64,
                        lines=lines)


def test_review_reasons_for_ocr_readings() -> None:
    today = date(2026, 3, 20)
    number = parse_number("ชม 0023.15/ว 742")
    assert number is not None
    sure = _ocr_document(OcrLine("ที่ ชม 0023.15/ว 742", 92, 92, False), OcrLine("12 มีนาคม 2569", 93, 93, False))
    assert review_reasons(sure, Reading(number, "2026-03-12"), today) == []
    thai = _ocr_document(OcrLine("ที่ ชม ๐๐๒๓.๑๕/ว ๗๔๒", 96, 96, True), OcrLine("๑๒ มีนาคม ๒๕๖๙", 97, 97, True))
    assert review_reasons(thai, Reading(number, "2026-03-12"), today) == [
        "the number was read by OCR from Thai digits", "the date was read by OCR from Thai digits"]
    doubtful = _ocr_document(OcrLine("ที่ ชม 0023.15/ว 742", 92, 61, False), OcrLine("12 มีนาคม 2569", 93, 93, False))
    assert review_reasons(doubtful, Reading(number, "2026-03-12"), today) == [
        "the number was read with low OCR confidence (61%)"]
    odd = parse_number("ฮฮ 0023.15/ว 742")
    assert odd is not None
    assert "the prefix ฮฮ is not a known office's" in review_reasons(
        _ocr_document(OcrLine("ที่ ฮฮ 0023.15/ว 742", 92, 92, False)), Reading(odd, None), today)


def test_consistency_checks_apply_to_every_method() -> None:
    number = parse_number("ชม 0023.15/ว 742")
    assert number is not None
    text = ReadDocument(text="", method="text", name="a.txt", sha256="0" * 64)
    today = date(2026, 3, 20)
    assert review_reasons(text, Reading(number, "2026-03-12", "2026-03-13"), today) == []
    assert review_reasons(text, Reading(number, "2027-03-12"), today) == ["the date 2027-03-12 is in the future"]
    assert review_reasons(text, Reading(number, "2026-03-12", "2026-03-01"), today) == [
        "received (2026-03-01) before the letter's date (2026-03-12)"]


def test_no_ocr_runs_for_text() -> None:
    def no_engine() -> Tesseract:
        raise AssertionError("OCR was not needed")

    assert read_data(LETTER.encode(), "a.txt", ocr=no_engine).method == "text"
    assert os.environ.get("PYTHAINLP_OFFLINE") == "1"
