"""The command line, run as a real process: ask (one, batch, JSON), eval, and operator errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
KEYS = {"question", "entry_id", "verdict", "confidence", "answer", "sources", "suggestions"}


def policybot(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot ARGS` from a temporary folder with the network-free environment."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
        env=full_env, timeout=120, check=False,
    )


def test_ask_prints_the_verdict_first() -> None:
    result = policybot("ask", "ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("❌ ทำไม่ได้")
    assert "ที่มา:" in result.stdout and "ว 0313" in result.stdout


def test_ask_json_has_the_documented_keys() -> None:
    result = policybot("ask", "--json", "อบต. ทำ MOU ด้านการท่องเที่ยวกับเมืองในลาวได้ไหม")
    data = json.loads(result.stdout)
    assert set(data) >= KEYS
    assert data["entry_id"] == "other-cooperation-allowed" and data["verdict"] == "conditional"


def test_batch_mode_answers_every_line_in_order() -> None:
    questions = ["ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม", "", "ขอสูตรต้มยำกุ้ง", "มีคำถามเพิ่มเติมติดต่อที่ไหน"]
    result = policybot("ask", stdin="\n".join(questions) + "\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["question"] for line in lines] == questions
    assert [line["entry_id"] for line in lines] == ["sister-city-province-only", None, None, "contact-office"]
    assert all(set(line) >= KEYS for line in lines)


def test_eval_prints_the_figures() -> None:
    result = policybot("eval", str(DATA / "eval_questions.yaml"))
    assert "in-scope accuracy:" in result.stdout and "out-of-scope rejection:" in result.stdout
    assert "verdict errors:         0" in result.stdout
    assert "lookups:                4/4" in result.stdout
    assert result.returncode == 0


def test_bad_setting_stops_with_one_line() -> None:
    result = policybot("ask", "x", env={"MATCH_THRESHOLD": "lots"})
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "MATCH_THRESHOLD" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_knowledge_dir_is_reported(tmp_path: Path) -> None:
    result = policybot("ask", "x", env={"KNOWLEDGE_DIR": str(tmp_path / "missing")})
    assert result.returncode == 2 and "KNOWLEDGE_DIR" in result.stderr and "Traceback" not in result.stderr


def test_no_pythainlp_data_is_written(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = policybot("ask", "อบต ทำ sister city ได้มั้ย", env={"HOME": str(home), "PYTHAINLP_DATA": str(home / "pd")})
    assert result.returncode == 0, result.stderr
    assert not (home / "pythainlp-data").exists() and not (home / "pd").exists()
