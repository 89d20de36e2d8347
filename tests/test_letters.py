"""The official-letter parser: the shipped circular field by field, and unseen layouts and noise."""

from __future__ import annotations

import pytest

from bot.letters import parse_letter, parse_thai_date
from tests.registry_fixtures import SAMPLE_LETTER, TEST_LETTERS


def test_shipped_circular_parses_completely() -> None:
    letter = parse_letter(SAMPLE_LETTER.read_text(encoding="utf-8"))
    assert letter.missing == []
    data = letter.to_json()
    assert data["number"] == "ขร 0023.20/ว 0313"
    assert data["date"] == "2026-02-23"
    # The letterhead noise at the top and the receiving stamp are not the issuer.
    assert data["issuer"] == "ที่ว่าการอำเภอแม่สาย"
    assert data["address"] == "ถนนพหลโยธิน ขร 57130"
    assert data["subject"] == "แนวทางการจัดทำความตกลงความร่วมมือระหว่างประเทศขององค์กรปกครองส่วนท้องถิ่น"
    assert data["recipient"] == "นายกเทศมนตรีตำบล และนายกองค์การบริหารส่วนตำบล ทุกแห่ง"
    assert data["references"] == [
        {"number": "ขร 0023.20/ว 016", "date": "2026-01-08", "issuer": "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอแม่สาย"}
    ]
    assert data["enclosures"] == [
        {
            "title": "สำเนาหนังสือจังหวัดเชียงราย ที่ ขร 0023.3/ว 4634 ลงวันที่ 16 กุมภาพันธ์ 2569",
            "number": "ขร 0023.3/ว 4634",
            "date": "2026-02-16",
            "issuer": "จังหวัดเชียงราย",
            "count": "1 ฉบับ",
        }
    ]
    assert data["signer"] == {
        "name": "นายสิทธิศักดิ์ อินใจคำ",
        "position": "ปลัดอำเภอ (จพง.ปล.ชำนาญการพิเศษ) รักษาการแทน นายอำเภอแม่สาย",
    }
    assert data["contact_office"] == "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ"
    assert data["phone"] == "0-5373-2273"
    # "๑๖.3๘ น.": Thai and Arabic digits inside one time.
    assert data["received"] == {"number": "851", "date": "2026-02-24", "time": "16:38",
                                "office": "สำนักงานเทศบาลตำบลเวียงหางคำ"}
    assert letter.body.startswith("ตามที่สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอแม่สาย")
    assert letter.body.endswith("จึงเรียนมาเพื่อทราบและพิจารณาดำเนินการต่อไป")


def test_parse_json_has_the_documented_keys() -> None:
    data = parse_letter(SAMPLE_LETTER.read_text(encoding="utf-8")).to_json()
    assert {"number", "date", "issuer", "subject", "recipient", "references", "enclosures", "signer", "phone",
            "received"} <= set(data)
    assert {"number", "date"} <= set(data["references"][0])
    assert {"title", "number", "date"} <= set(data["enclosures"][0])
    assert set(data["signer"]) == {"name", "position"}
    assert {"number", "date", "time"} <= set(data["received"])


def test_copy_paste_damage_does_not_change_the_reading() -> None:
    text = SAMPLE_LETTER.read_text(encoding="utf-8")
    damaged = "\ufeff" + text.replace("\n", "\r\n\r\n").replace("เรื่อง", "เรื่อง\u200b")
    assert parse_letter(damaged).to_json() == parse_letter(text).to_json()


def test_provincial_letter_with_two_numbered_references() -> None:
    letter = parse_letter((TEST_LETTERS / "province-two-references.txt").read_text(encoding="utf-8"))
    assert letter.missing == []
    assert letter.urgency == "ด่วนที่สุด"
    assert letter.number == "ชร 0023.3/ว 1234"
    assert letter.date == "2026-03-05"
    # Two-column OCR order: the office block comes above the ที่ line.
    assert letter.issuer == "ศาลากลางจังหวัดเชียงราย"
    assert letter.subject == ("การรายงานผลการดำเนินงานด้านความร่วมมือระหว่างประเทศ ขององค์กรปกครองส่วนท้องถิ่น "
                              "ประจำปีงบประมาณ พ.ศ. 2569")
    assert [(r.number, r.date, r.issuer) for r in letter.references] == [
        ("มท 0810.2/ว 555", "2026-02-02", "กรมส่งเสริมการปกครองท้องถิ่น"),
        ("ชร 0023.3/ว 4000", "2026-01-20", "จังหวัดเชียงราย"),
    ]
    assert letter.enclosures == []
    assert letter.signer.name == "นายสมมุติ ทดสอบดี"
    assert letter.signer.position == "รองผู้ว่าราชการจังหวัด ปฏิบัติราชการแทน ผู้ว่าราชการจังหวัดเชียงราย"
    assert letter.contact_office == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด กลุ่มงานส่งเสริมและพัฒนาท้องถิ่น"
    assert letter.phone == "0 5317 7000"
    assert letter.received is None
    # The page number and the continuation marker are not body text.
    assert "-2-" not in letter.body and "/จังหวัดเชียงราย..." not in letter.body


def test_district_letter_with_numbered_enclosures_and_a_stamp_in_the_body() -> None:
    letter = parse_letter((TEST_LETTERS / "district-enclosures-arabic.txt").read_text(encoding="utf-8"))
    assert letter.missing == []
    assert (letter.number, letter.date, letter.issuer) == ("ชม 0023.15/ว 42", "2026-01-12", "ที่ว่าการอำเภอทดสอบ")
    assert letter.address == "ถนนสายกลาง ชม 50000"
    assert letter.references == []
    assert [(e.number, e.date, e.count) for e in letter.enclosures] == [
        ("ชม 0023.3/ว 9876", "2026-01-05", "1 ฉบับ"),
        ("มท 0810.6/ว 77", "2025-12-28", "1 ฉบับ"),
        (None, None, "1 ชุด"),
    ]
    assert letter.enclosures[2].title == "แบบรายงานผล"
    assert letter.received is not None
    assert (letter.received.number, letter.received.date, letter.received.time) == ("17", "2026-01-14", "09:05")
    assert "เลขรับ" not in letter.body
    assert letter.signer.position == "นายอำเภอทดสอบ"


def test_ministry_letter_without_blank_lines_and_a_one_line_stamp() -> None:
    letter = parse_letter((TEST_LETTERS / "ministry-letter-one-line-stamp.txt").read_text(encoding="utf-8"))
    assert letter.missing == []
    assert letter.number == "มท 0810.4/1234"  # a letter, not a circular: no ว
    assert letter.issuer == "กรมส่งเสริมการปกครองท้องถิ่น"
    assert letter.date == "2026-02-27"
    assert letter.recipient == "ผู้ว่าราชการจังหวัด ทุกจังหวัด"
    assert [(r.number, r.date, r.issuer) for r in letter.references] == [(None, "2018-10-10", "คณะรัฐมนตรี")]
    assert letter.received is not None
    assert (letter.received.number, letter.received.date, letter.received.time) == ("1234", "2026-03-03", "10:15")
    assert letter.received.office is None
    assert letter.urgency == "ด่วนมาก"
    assert letter.contact_office == "กองการต่างประเทศ"


def test_a_text_that_is_not_a_letter_lists_what_is_missing() -> None:
    letter = parse_letter((TEST_LETTERS / "not-a-letter.txt").read_text(encoding="utf-8"))
    assert letter.missing == ["number", "date", "subject", "recipient"]
    assert parse_letter("").missing == ["number", "date", "subject", "recipient"]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("๒๓ กุมภาพันธ์ ๒๕๖๙", "2026-02-23"),
        ("24 ก.พ. 2569", "2026-02-24"),
        ("5 ม.ค. 69", "2026-01-05"),
        ("1 มี.ค.2569", "2026-03-01"),
        ("ลงวันที่ 10 ตุลาคม พ.ศ. 2561", "2018-10-10"),
        ("28 ธ.ค. 68", "2025-12-28"),
        ("3 เม.ย. 2569", "2026-04-03"),
    ],
)
def test_thai_dates(text: str, iso: str) -> None:
    assert parse_thai_date(text) == iso


@pytest.mark.parametrize("text", ["31 ก.พ. 2569", "ไม่มีวันที่", "", "16.38 น."])
def test_not_a_date(text: str) -> None:
    assert parse_thai_date(text) is None


def test_memo_layout_with_number_and_date_on_one_line() -> None:
    memo = (
        "บันทึกข้อความ\n"
        "ส่วนราชการ สำนักงานปลัด องค์การบริหารส่วนตำบลทดสอบ โทร. 0 5371 1234\n"
        "ที่ ชร 72301/ว 15          วันที่  9  มีนาคม  2569\n"
        "เรื่อง ขอหารือการจัดทำบันทึกความเข้าใจกับเมืองในต่างประเทศ\n"
        "เรียน นายกองค์การบริหารส่วนตำบลทดสอบ\n"
        "ด้วยสำนักงานปลัดได้รับข้อหารือ\n"
    )
    letter = parse_letter(memo)
    assert letter.missing == []
    assert (letter.number, letter.date) == ("ชร 72301/ว 15", "2026-03-09")
    assert letter.issuer == "สำนักงานปลัด องค์การบริหารส่วนตำบลทดสอบ"
    assert letter.phone == "0 5371 1234"
