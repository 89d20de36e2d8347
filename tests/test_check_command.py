"""`policybot check FILE [--json]`: output, exit codes, refusals; the core stays free of Telegram."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import COMMANDS, main
from bot.config import default_contact
from tests.checker_fixtures import DRAFTS, make_docx

CONTACT = default_contact().line

ROOT = Path(__file__).resolve().parent.parent


def test_check_is_registered() -> None:
    assert COMMANDS["check"][0] == "check"


def test_plain_output_is_thai_with_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(DRAFTS / "unsafe-disguised-th.txt")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ผลการตรวจร่างความตกลง: ❌")
    assert "1. ข้อ 1" in out and "เมืองคู่มิตร" in out
    assert CONTACT in out
    # Sources show as document titles from the knowledge base.
    assert "หนังสืออำเภอแม่สาย ที่ ขร 0023.20/ว 0313" in out


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", str(DRAFTS / "unsafe-treaty-th.txt")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["result"] == "review"
    assert [f["rule"] for f in data["findings"]][:2] == ["international-law", "ratification"]
    assert data["findings"][0]["clause"] == "ข้อ 2"
    assert CONTACT in data["summary"]


def test_safe_draft_exits_zero_with_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", str(DRAFTS / "safe-education-en.txt")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["result"] == "ok" and data["findings"] == []
    assert data["summary"].startswith("ไม่พบถ้อยคำที่ขัดกับแนวทาง")


def test_docx_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(make_docx(["Article 1", "The towns become twin cities."]))
    assert main(["check", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["result"] == "not-allowed"


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("ข้อ 1 ความตกลงนี้ต้องได้รับสัตยาบัน\n"))
    assert main(["check", "--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["result"] == "review"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG image"),
        (b"", "empty"),
    ],
)
def test_refused_file_exits_2_with_one_english_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(content)
    assert main(["check", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("policybot: cannot check") and expected in lines[0]


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_checker_core_does_not_import_telegram() -> None:
    code = (
        "import sys, bot.checker, bot.commands.check;"
        "from bot.checker import check_text; check_text('sister city');"
        "assert 'telegram' not in sys.modules, 'telegram imported'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)
