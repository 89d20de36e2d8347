"""Citation lines: the public sample (tests/data/citations.yaml) and the forms real pages and letters print."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.citations import parse_citations
from bot.commands.parse import parsed_json
from tests.registry_fixtures import SAMPLE_LETTER

SAMPLE = yaml.safe_load((Path(__file__).parent / "data" / "citations.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("item", SAMPLE["samples"], ids=lambda item: item["number"])
def test_public_samples(item: dict[str, str]) -> None:
    data = parsed_json(item["text"])
    assert data["kind"] == "citation"
    assert (data["number"], data["date"]) == (item["number"], item["date"])
    for name in ("subject", "issuer"):
        if name in item:
            assert data[name] == item[name]


@pytest.mark.parametrize("item", SAMPLE["negatives"], ids=lambda item: item["why"][:30])
def test_negatives_give_no_letter(item: dict[str, str]) -> None:
    data = parsed_json(item["text"])
    assert data["kind"] is None and data["number"] is None and data["date"] is None
    assert parse_citations(item["text"]) == []


@pytest.mark.parametrize(
    ("text", "number", "date", "subject"),
    [
        ("หนังสือที่ มท 0893.3/ว 1863 ลงวันที่ 23 สิงหาคม 2556 เรื่อง นโยบายส่งเสริมการจัดการศึกษา",
         "มท 0893.3/ว 1863", "2013-08-23", "นโยบายส่งเสริมการจัดการศึกษา"),
        ("ว0712 (23ก.พ.2554) การจัดทำแผนพัฒนาท้องถิ่น", "ว 0712", "2011-02-23", "การจัดทำแผนพัฒนาท้องถิ่น"),
        ("- ด่วนที่สุด ที่ มท 0808.2/ว 3434 ลว. 15 มิ.ย. 2563 เรื่อง การเบิกค่าใช้จ่าย.pdf",
         "มท 0808.2/ว 3434", "2020-06-15", "การเบิกค่าใช้จ่าย"),
        ("1. มท 0803/ว 2872 ลว 22 ต.ค. 55 ระเบียบกระทรวงการคลังว่าด้วยค่าใช้จ่าย", "มท 0803/ว 2872", "2012-10-22",
         "ระเบียบกระทรวงการคลังว่าด้วยค่าใช้จ่าย"),
        ("• มท๐๘๑๖.๒/ว๑๒๓ ลงวันที่ ๕ มี.ค.๖๓", "มท 0816.2/ว 123", "2020-03-05", None),
        ("หนังสือ ว 1863 ลงวันที่ 23/8/2556", "ว 1863", "2013-08-23", None),
        ("หนังสือ ที่ มท 0810.4/1234 ลงวันที่ 14 ม.ค.62 เรื่อง ซักซ้อมแนวทาง (มติคณะรัฐมนตรีเมื่อวันที่ 10 ตุลาคม 2561)",
         "มท 0810.4/1234", "2019-01-14", "ซักซ้อมแนวทาง (มติคณะรัฐมนตรีเมื่อวันที่ 10 ตุลาคม 2561)"),
        ("ขร OO23.20/ว O313 ลงวันที่ 23 ก.พ. 69", "ขร 0023.20/ว 0313", "2026-02-23", None),
        ("(สำเนาหนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่ มท 0810.2/ว 1004 ลงวันที่ 24 กุมภาพันธ์ 2564)",
         "มท 0810.2/ว 1004", "2021-02-24", None),
        ("หนังสือสั่งการ ว.2150 (24/10/2560) การเบิกจ่าย", "ว 2150", "2017-10-24", "การเบิกจ่าย"),
        ("เลขที่หนังสือ มท 0816.3/ว 2150 วันที่ 24 ตุลาคม 2560 เรื่อง การประชุม", "มท 0816.3/ว 2150", "2017-10-24",
         "การประชุม"),
        ("ว 1863 ลว 23 สิงหา 56 นโยบายการศึกษา [PDF]", "ว 1863", "2013-08-23", "นโยบายการศึกษา"),
        ("ที่มท.0808.2/ว.6081 ลงวันที่ 1ม.ค.62", "มท 0808.2/ว 6081", "2019-01-01", None),
    ],
)
def test_forms_of_citation(text: str, number: str, date: str, subject: str | None) -> None:
    [citation] = parse_citations(text)
    assert (citation.canonical, citation.date, citation.subject) == (number, date, subject)


def test_issuer_is_read_without_urgency_or_copy_words() -> None:
    [citation] = parse_citations(
        "• หนังสือกรมส่งเสริมการปกครองท้องถิ่น ด่วนที่สุด ที่ มท ๐๘๑๖.๒/ว ๑๒๓ ลงวันที่ ๕ มีนาคม ๒๕๖๓ เรื่อง การป้องกันโรค")
    assert citation.issuer == "กรมส่งเสริมการปกครองท้องถิ่น" and citation.subject == "การป้องกันโรค"
    [copy] = parse_citations("(สำเนาหนังสือกระทรวงมหาดไทย ด่วนที่สุด ที่ มท 0810.2/ว 1004 ลงวันที่ 24 ก.พ. 2564)")
    assert copy.issuer == "กระทรวงมหาดไทย"
    [listed] = parse_citations("เลขที่หนังสือ มท 0816.3/ว 2150 ลงวันที่ 24 ตุลาคม 2560")
    assert listed.issuer is None


def test_several_citations_in_one_line_and_in_a_list() -> None:
    line = ("ตามหนังสือจังหวัดเชียงราย ที่ ชร 0023.3/ว 100 ลงวันที่ 1 ม.ค. 2563 "
            "และหนังสืออำเภอแม่สาย ที่ ชร 0023.20/ว 200 ลงวันที่ 2 ม.ค. 2563")
    found = [(c.canonical, c.date, c.issuer) for c in parse_citations(line)]
    assert found == [("ชร 0023.3/ว 100", "2020-01-01", "จังหวัดเชียงราย"),
                     ("ชร 0023.20/ว 200", "2020-01-02", "อำเภอแม่สาย")]
    listing = "\n".join(item["text"] for item in SAMPLE["samples"] if "\n" not in item["text"])
    assert len(parse_citations(listing)) == 3
    data = parsed_json(line)
    assert data["number"] == "ชร 0023.3/ว 100" and len(data["citations"]) == 2


def test_a_date_inside_the_subject_is_not_the_letters() -> None:
    [citation] = parse_citations("ที่ มท 0816.2/ว 4567 เรื่อง การประชุม วันที่ 5 กันยายน 2563")
    assert citation.date is None and citation.subject == "การประชุม วันที่ 5 กันยายน 2563"


def test_orders_and_stamps_are_not_letters() -> None:
    assert parse_citations("คำสั่งจังหวัดเชียงราย ที่ 123/2562 ลงวันที่ 1 มกราคม 2562") == []
    assert parse_citations("เลขที่รับ 851 ที่ ขร 0023.20/ว 0313 วันที่ 24 ก.พ. 2569") == []


def test_a_full_letter_is_a_letter() -> None:
    letter = SAMPLE_LETTER.read_text(encoding="utf-8")
    data = parsed_json(letter)
    assert data["kind"] == "letter" and data["number"] == "ขร 0023.20/ว 0313" and data["date"] == "2026-02-23"


def test_blind_citation_lines_stay_above_their_floor() -> None:
    # Written by a helper who never saw the parser; the first run read 91.2% of them right.
    blind = yaml.safe_load((Path(__file__).parent / "data" / "citations_blind.yaml").read_text(encoding="utf-8"))
    right = 0
    for sample in blind["samples"]:
        found = [(citation.canonical, citation.date) for citation in parse_citations(sample["text"])]
        wanted = [(c["number"], c["date"]) for c in sample["citations"]] if "citations" in sample else [
            (sample["number"], sample["date"])]
        right += found[: len(wanted)] == wanted if "citations" not in sample else all(w in found for w in wanted)
    assert right / len(blind["samples"]) >= 0.9
    assert not [n["text"] for n in blind["negatives"] if parse_citations(n["text"])]


def test_ocr_lookalikes_inside_numbers_are_digits() -> None:
    (citation,) = parse_citations("ที่ มท O8l0.6/ว 2O73 ลงวันที่ 4 พฤศจิกายน 2564")
    assert (citation.canonical, citation.date) == ("มท 0810.6/ว 2073", "2021-11-04")
    (short,) = parse_citations("ตามหนังสือที่ ชม 0023.l/ว 3l47 ลงวันที่ 12 เมษายน 2565")
    assert short.canonical == "ชม 0023.1/ว 3147"
