"""`policybot ingest` on folders of what officials have, scans made here, `--json`, each refusal; `review`."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from bot.channels.telegram.render import card_reply
from bot.plain import render_card
from bot.registry import Registry
from tests.checker_fixtures import make_docx, make_pdf
from tests.registry_fixtures import SAMPLE_LETTER, TEST_LETTERS, kb_root  # noqa: F401
from tests.scan_fixtures import (
    CITED,
    CITED_DATE,
    DATE,
    LETTER_LINES,
    NOT_A_LETTER,
    NUMBER,
    image_pdf,
    need_ocr_tools,
    png,
    render,
)
from tests.test_registry_commands import Cli

INGEST_KEYS = {"file", "status", "kind", "number", "date", "method", "sha256", "pages", "confidence", "needs_review",
               "review_reasons", "changed", "stubs", "stubs_for_review", "records", "error", "error_code"}
CITATION_LIST = """รายการหนังสือสั่งการ (คัดลอกจากหน้าเว็บ)
- หนังสือที่ มท 0893.3/ว 1863 ลงวันที่ 23 สิงหาคม 2556 เรื่อง นโยบายส่งเสริมการจัดการศึกษา
- ว0712 (23ก.พ.2554) การจัดทำแผนพัฒนาท้องถิ่น.pdf
- ด่วนที่สุด ที่ มท 0808.2/ว 3434 ลว. 15 มิ.ย. 63 เรื่อง การเบิกค่าใช้จ่าย
"""


@pytest.fixture
def cli(tmp_path: Path, kb_root: Path, capsys: pytest.CaptureFixture[str],  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Return a command runner on a fresh SQLite registry (OCR is slow enough once)."""
    return Cli({"DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}", "KNOWLEDGE_DIR": str(kb_root)}, capsys, monkeypatch)


def _registry(cli: Cli) -> Registry:
    return Registry.open(cli.environ["DATABASE_URL"], Path(cli.environ["KNOWLEDGE_DIR"]))


def _lookup(cli: Cli, query: str) -> dict[str, object]:
    _, out, _ = cli("lookup", "--json", query)
    return dict(json.loads(out))


def test_a_folder_of_every_format(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    letter = SAMPLE_LETTER.read_text(encoding="utf-8")
    other = (TEST_LETTERS / "province-two-references.txt").read_text(encoding="utf-8")
    (folder / "a-utf16.txt").write_bytes(letter.encode("utf-16"))
    (folder / "b-cp874.txt").write_bytes(other.encode("cp874"))
    (folder / "c.docx").write_bytes(make_docx((TEST_LETTERS / "district-enclosures-arabic.txt").read_text(
        encoding="utf-8").splitlines()))
    text = (TEST_LETTERS / "ministry-letter-one-line-stamp.txt").read_text(encoding="utf-8")
    (folder / "sub" / "d.pdf").write_bytes(make_pdf([text.splitlines()]))
    (folder / "e-list.txt").write_text(CITATION_LIST, encoding="utf-8")
    (folder / "f.txt").write_bytes((TEST_LETTERS / "not-a-letter.txt").read_bytes())
    (folder / ".hidden").write_text("skipped", encoding="utf-8")
    code, out, err = cli("ingest", "--json", str(folder))
    assert code == 1, err  # f.txt is not a letter
    objects = [json.loads(line) for line in out.splitlines()]
    assert all(set(o) == INGEST_KEYS for o in objects)
    by_name = {Path(o["file"]).name: o for o in objects}
    assert list(by_name) == ["a-utf16.txt", "b-cp874.txt", "c.docx", "e-list.txt", "f.txt", "d.pdf"]
    # The shipped letter is already there, read from its text.
    assert (by_name["a-utf16.txt"]["status"], by_name["a-utf16.txt"]["method"]) == ("unchanged", "text")
    assert (by_name["b-cp874.txt"]["status"], by_name["b-cp874.txt"]["number"]) == ("added", "ชร 0023.3/ว 1234")
    assert (by_name["c.docx"]["method"], by_name["c.docx"]["number"]) == ("docx", "ชม 0023.15/ว 42")
    assert (by_name["d.pdf"]["method"], by_name["d.pdf"]["number"]) == ("pdf-text", "มท 0810.4/1234")
    listing = by_name["e-list.txt"]
    assert listing["kind"] == "citation" and listing["status"] == "added"
    assert [(r["number"], r["date"], r["status"]) for r in listing["records"]] == [
        ("มท 0893.3/ว 1863", "2013-08-23", "unchanged"),  # seeded from knowledge/citations.yaml
        ("ว 0712", "2011-02-23", "added"),
        ("มท 0808.2/ว 3434", "2020-06-15", "added")]
    assert by_name["f.txt"]["status"] == "refused" and by_name["f.txt"]["error_code"] == "not-a-letter"
    assert by_name["c.docx"]["sha256"] == hashlib.sha256((folder / "c.docx").read_bytes()).hexdigest()
    summary = err.strip().splitlines()[-1]
    assert summary == ("policybot: ingest: 6 files, 8 records: 5 added, 0 filled, 0 updated, 2 unchanged, "
                       "1 refused (1 not a letter); 0 need review")
    assert _lookup(cli, "ว 3434")["provenance"] == {  # type: ignore[index]
        **_lookup(cli, "ว 3434")["provenance"], "method": "citation", "source": str(folder / "e-list.txt")}
    assert _lookup(cli, "ว 0712")["found"] is True


def test_plain_output_and_progress_of_a_long_run(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    template = (TEST_LETTERS / "district-enclosures-arabic.txt").read_text(encoding="utf-8")
    for index in range(60):
        (folder / f"{index:03d}.txt").write_text(template.replace("ว 42", f"ว {1000 + index}"), encoding="utf-8")
    code, out, err = cli("ingest", str(folder))
    assert code == 0
    assert out.count("added ชม 0023.15/ว 1") == 60
    assert "policybot: ingest: 6/60 files" in err and "policybot: ingest: 54/60 files" in err
    assert err.strip().splitlines()[-1].startswith("policybot: ingest: 60 files: 60 added")


def test_refusals_are_one_line_each(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(buffer.getvalue())
    code, out, err = cli("ingest", str(locked))
    assert (code, out) == (2, "") and err == f"policybot: refused {locked} is an encrypted PDF\n"
    # No OCR engine on PATH: a scan is refused with what to install, and nothing is stored.
    from PIL import Image

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(image_pdf(Image.new("L", (800, 400), 255)))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    code, out, err = cli("ingest", "--json", str(scan))
    [data] = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and data["status"] == "refused" and data["error_code"] == "no-ocr"
    assert data["error"].endswith("needs OCR, but the OCR engine Tesseract is not installed "
                                  "(apt-get install tesseract-ocr tesseract-ocr-tha)")
    code, _, err = cli("parse", str(scan))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "apt-get install tesseract-ocr" in err


def test_a_blank_scan_and_an_image_that_is_not_a_letter(cli: Cli, tmp_path: Path) -> None:
    need_ocr_tools()
    from PIL import Image

    blank = tmp_path / "blank.pdf"
    blank.write_bytes(image_pdf(Image.new("L", (1654, 500), 255)))
    menu = tmp_path / "menu.png"
    menu.write_bytes(png(render(NOT_A_LETTER)))
    code, out, err = cli("ingest", str(blank), str(menu))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert lines[0] == f"policybot: refused {blank}: OCR found no text in the scan (a blank or unreadable page)"
    assert lines[1].startswith(f"{menu}: refused: read by OCR, but not an official letter (missing: number")
    assert lines[2].endswith("2 refused (1 no text found, 1 not a letter); 0 need review")
    assert "Traceback" not in err


def test_an_arabic_digit_scan_is_stored_right_and_unflagged(cli: Cli, tmp_path: Path) -> None:
    need_ocr_tools()
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(image_pdf(render(LETTER_LINES)))
    code, out, err = cli("ingest", "--json", str(scan))
    [data] = [json.loads(line) for line in out.splitlines()]
    assert code == 0, err
    assert (data["status"], data["number"], data["date"], data["method"]) == ("added", NUMBER, DATE, "ocr")
    assert data["needs_review"] is False and data["confidence"] > 0.8 and data["stubs"] == [CITED]
    card = _lookup(cli, "ว 742")
    assert card["provenance"]["method"] == "ocr" and card["provenance"]["needs_review"] is False  # type: ignore[index]
    assert card["provenance"]["sha256"] == hashlib.sha256(scan.read_bytes()).hexdigest()  # type: ignore[index]
    assert card["references"] == [{"number": CITED, "date": CITED_DATE, "relation": "refers-to"}]
    # The same scan again stores nothing; a text copy of the letter then replaces the OCR reading.
    code, out, _ = cli("ingest", str(scan))
    assert out.startswith(f"{scan}: unchanged {NUMBER}")


def test_a_thai_digit_scan_is_right_or_flagged_never_wrong_and_confident(cli: Cli, tmp_path: Path) -> None:
    need_ocr_tools()
    scan = tmp_path / "thai.pdf"
    scan.write_bytes(image_pdf(render(LETTER_LINES, thai_digits=True)))
    cli("ingest", str(scan))
    truth = {NUMBER: DATE, CITED: CITED_DATE}
    registry = _registry(cli)
    try:
        from bot.registry_review import pending

        flagged = {item.key for item in pending(registry)}
        stored = [result for result in (registry.lookup(key) for key in _keys_from(registry, str(scan)))]
        assert stored, "the scan stored nothing at all"
        for result in stored:
            assert result.document is not None
            right = truth.get(result.document.number or "") == result.document.date
            assert right or result.document.provenance.needs_review, result.to_json()
            if result.document.provenance.needs_review:
                assert result.document.key in flagged
                assert "⚠️ อ่านจากภาพ โปรดตรวจสอบเลขที่" in render_card(result)
                assert "อ่านจากภาพ โปรดตรวจสอบเลขที่" in card_reply(result).text
    finally:
        registry.close()


def _keys_from(registry: Registry, source: str) -> list[str]:
    import sqlalchemy as sa

    with registry.engine.connect() as connection:
        rows = connection.execute(sa.text("select key from registry_document where source_file = :s"), {"s": source})
        return [str(row[0]) for row in rows]


def test_review_lists_confirms_and_corrects(cli: Cli, tmp_path: Path) -> None:
    # A letter whose receiving stamp predates it fails a consistency check, whatever it was read from.
    text = (TEST_LETTERS / "district-enclosures-arabic.txt").read_text(encoding="utf-8")
    odd = tmp_path / "odd.txt"
    odd.write_text(text.replace("ชม 0023.15/ว 42", "ชม 0023.15/ว 4200").replace("วันที่ 14 ม.ค. 69", "วันที่ 1 ม.ค. 60"),
                   encoding="utf-8")
    code, out, _ = cli("ingest", str(odd))
    assert code == 0 and "needs review: received (2017-01-01) before the letter's date" in out
    code, out, err = cli("review")
    assert code == 0 and out.startswith("ชม 0023.15/ว 4200  ") and "1 documents need review" in err
    assert "⚠️ ข้อมูลยังไม่ได้ตรวจสอบ" in cli("lookup", "ว 4200")[1]
    code, out, _ = cli("review", "correct", "ว 4200", "--number", "ชม 0023.15/ว 4201", "--date", "2026-02-20")
    assert code == 0 and out.startswith("reviewed ชม 0023.15/ว 4201  2026-02-20")
    found = _lookup(cli, "ชม 0023.15/ว 4201")
    assert found["found"] and found["date"] == "2026-02-20"
    assert found["provenance"]["needs_review"] is False and found["provenance"]["reviewed_at"]  # type: ignore[index]
    assert not _lookup(cli, "ชม 0023.15/ว 4200")["found"]
    assert "ข้อมูลยังไม่ได้ตรวจสอบ" not in cli("lookup", "ว 4201")[1]
    code, out, _ = cli("review", "--json")
    assert (code, out) == (0, "")
    # A number the registry does not hold, or a correction onto another letter's number: one line, exit 2.
    for argv in (("confirm", "ว 99999"), ("correct", "ว 4201", "--number", "ขร 0023.20/ว 0313"),
                 ("correct", "ว 4201"), ("correct", "ว 4201", "--date", "tomorrow")):
        code, _, err = cli("review", *argv)
        assert code == 2 and len(err.strip().splitlines()) == 1 and err.startswith("policybot: review: "), err
    code, out, _ = cli("review", "confirm", "ว 4201")
    assert code == 0 and out.startswith("reviewed ชม 0023.15/ว 4201")
