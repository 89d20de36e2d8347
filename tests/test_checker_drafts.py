"""The checker on the sample drafts: exact findings as text, as .docx and as PDF."""

from __future__ import annotations

import pytest
import yaml

from bot.checker import check_file
from tests.checker_fixtures import DRAFTS, draft_lines, make_docx, make_pdf

EXPECTED = yaml.safe_load((DRAFTS / "expected.yaml").read_text(encoding="utf-8"))


def _pairs(result: object) -> list[list[str]]:
    return [[finding.rule, finding.clause] for finding in result.findings]  # type: ignore[attr-defined]


def test_every_sample_has_an_expectation() -> None:
    assert sorted(EXPECTED) == sorted(path.name for path in DRAFTS.glob("*.txt"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_text_findings(name: str) -> None:
    result = check_file(DRAFTS / name)
    assert result.result == EXPECTED[name]["result"]
    assert _pairs(result) == EXPECTED[name]["findings"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_as_docx_gives_the_same_findings(name: str) -> None:
    data = make_docx(draft_lines(name))
    result = check_file(data, name.replace(".txt", ".docx"))
    assert result.result == EXPECTED[name]["result"]
    assert _pairs(result) == EXPECTED[name]["findings"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_as_pdf_gives_the_same_findings(name: str) -> None:
    lines = draft_lines(name)
    # Two pages, cut in the middle: a clause may run across a page break.
    middle = len(lines) // 2
    result = check_file(make_pdf([lines[:middle], lines[middle:]]), name.replace(".txt", ".pdf"))
    assert result.result == EXPECTED[name]["result"]
    if "paragraphs" in name:
        # PDF text has no blank lines, so unnumbered paragraphs cannot keep their numbers.
        assert [rule for rule, _ in _pairs(result)] == [rule for rule, _ in EXPECTED[name]["findings"]]
    else:
        assert _pairs(result) == EXPECTED[name]["findings"]


def test_safe_samples_are_never_not_allowed() -> None:
    for name in EXPECTED:
        if name.startswith("safe-"):
            assert check_file(DRAFTS / name).result != "not-allowed", name


def test_findings_quote_the_triggering_words() -> None:
    result = check_file(DRAFTS / "unsafe-disguised-th.txt")
    quoted = [(finding.matched, finding.excerpt) for finding in result.findings]
    assert [matched for matched, _ in quoted] == ["เมืองคู่มิตร", "เมืองแฝด", "บ้านพี่ เมืองน้อง", "เมืองพันธมิตร"]
    for matched, excerpt in quoted:
        assert matched in excerpt


def test_docx_auto_numbering_and_tables_are_read() -> None:
    # Word keeps list numbers out of the text; the reader puts them back so clauses have labels.
    data = make_docx(
        ["บันทึกความร่วมมือด้านการศึกษา"],
        numbered=["ทั้งสองฝ่ายจะแลกเปลี่ยนครู", "ทั้งสองฝ่ายตกลงเป็นเมืองแฝดกัน"],
        table=[["ลงนามในนามรัฐบาลไทย", "For the City of Jinghong"]],
    )
    result = check_file(data, "draft.docx")
    assert _pairs(result) == [["sister-city", "ข้อ 2"], ["binds-government", "ข้อ 2"]]
    assert result.clauses == ["ส่วนนำ", "ข้อ 1", "ข้อ 2"]
