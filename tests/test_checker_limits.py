"""Hostile uploads are refused fast and small: zip bombs, huge PDFs, damaged files (the attacker's table)."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from bot.checker import DocumentRefused, check_file, reading
from bot.checker import archive as archive_module
from bot.checker import pdf_text as pdf_module
from bot.thai import has_thai
from tests import checker_hostile as hostile
from tests.checker_fixtures import make_docx, make_pdf

# Generous bounds: the figures measured on a 2-CPU machine are ~10x lower (bench/bench_check_limits.py).
SECONDS = 10.0
RSS_MB = 300.0


def _refused(data: bytes, name: str) -> DocumentRefused:
    with pytest.raises(DocumentRefused) as refused:
        check_file(data, name)
    error = refused.value
    assert has_thai(error.user_message)
    assert "\n" not in error.operator_message and not has_thai(error.operator_message)
    return error


@pytest.fixture(scope="module")
def zip_bomb() -> bytes:
    return hostile.zip_bomb_docx()


def test_zip_bomb_is_refused_by_its_headers_in_under_2_s_and_300_mb(zip_bomb: bytes) -> None:
    # A 631 KB .docx whose document.xml inflates to 200 MB: 168 s and 3.3 GB before the limits.
    assert len(zip_bomb) < 1024 * 1024
    outcome, seconds, growth = hostile.measure_in_child("file", zip_bomb, "bomb.docx")
    assert outcome == "refused:too-complex"
    assert seconds < 2.0 and growth < RSS_MB
    error = _refused(zip_bomb, "bomb.docx")
    assert "unpacks to" in error.operator_message


def test_lying_zip_headers_are_refused_without_inflating_the_member() -> None:
    # The headers say 20 KB; the data inflates to 200 MB. Reading stops at the declared size.
    data = hostile.lying_zip_docx()
    outcome, seconds, growth = hostile.measure_in_child("file", data, "lying.docx")
    assert outcome in ("refused:unreadable", "refused:too-complex")
    assert seconds < 2.0 and growth < 50


def test_a_member_packed_like_a_bomb_is_refused() -> None:
    # 24 MB of XML is under the size limits, but packed ~1000:1 no document is.
    error = _refused(hostile.zip_bomb_docx(24 * 1024 * 1024), "packed.docx")
    assert error.code == "too-complex" and "packed" in error.operator_message


def test_too_many_members_are_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target, zipfile.ZipFile(io.BytesIO(make_docx(["x"]))) as source:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        for number in range(archive_module.MAX_ZIP_MEMBERS):
            target.writestr(f"extra/{number}.bin", b"")
    error = _refused(buffer.getvalue(), "many.docx")
    assert error.code == "too-complex" and "members" in error.operator_message


def test_xml_with_too_many_tags_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive_module, "MAX_XML_TAGS", 50)
    error = _refused(make_docx(["ข้อ 1 ทดสอบ"] * 30), "tags.docx")
    assert error.code == "too-complex" and "XML tags" in error.operator_message


def test_paragraphs_are_counted_while_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_DOCX_PARAGRAPHS", 10)
    assert check_file(make_docx(["ข้อ 1 ทดสอบ"] * 10), "ten.docx").result == "ok"
    error = _refused(make_docx(["ข้อ 1 ทดสอบ"] * 11), "eleven.docx")
    assert error.code == "too-complex" and "paragraphs" in error.operator_message


def test_characters_are_counted_while_reading_a_docx(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_CHARS", 100)
    assert _refused(make_docx(["ก" * 60, "ข" * 60]), "long.docx").code == "too-long"


def _docx_with_wide_cell(span: int) -> bytes:
    """Return a .docx with a one-cell table whose cell claims to span `span` grid columns."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "เมืองแฝด"
    grid_span = OxmlElement("w:gridSpan")
    grid_span.set(qn("w:val"), str(span))
    cell._tc.get_or_add_tcPr().append(grid_span)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_cell_claiming_a_billion_columns_is_refused_at_once() -> None:
    # python-docx's row.cells lists a cell once per column it spans: a 40 KB file, a billion lines.
    started = time.perf_counter()
    error = _refused(_docx_with_wide_cell(1_000_000_000), "wide.docx")
    assert error.code == "too-complex"
    assert time.perf_counter() - started < SECONDS


def _table_docx(rows: int, cols: int, merges: list[tuple[int, int, int, int]]) -> bytes:
    """Return a .docx with one table, cells "r,c", and the given (row, col, to_row, to_col) merges."""
    from docx import Document

    document = Document()
    table = document.add_table(rows=rows, cols=cols)
    for row in range(rows):
        for col in range(cols):
            table.cell(row, col).text = f"{row},{col}"
    for row, col, to_row, to_col in merges:
        table.cell(row, col).merge(table.cell(to_row, to_col))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "merges",
    [[], [(0, 0, 2, 0)], [(0, 0, 0, 2)], [(1, 1, 3, 2)], [(0, 0, 3, 0), (0, 1, 0, 2), (2, 1, 3, 2)]],
)
def test_tables_read_as_python_docx_lists_their_cells(merges: list[tuple[int, int, int, int]]) -> None:
    from docx import Document

    data = _table_docx(4, 3, merges)
    expected = []
    for row in Document(io.BytesIO(data)).tables[0].rows:
        for cell in row.cells:
            expected.extend(paragraph.text for paragraph in cell.paragraphs)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        text = reading._read_docx(archive, "t.docx")
    assert text.split("\n") == ["", *expected, ""]  # a table is a block of its own: blank lines around it


def test_a_tall_vertical_merge_reads_in_linear_time() -> None:
    # python-docx climbs row by row, with XPath, for each cell of a vertical merge (quadratic).
    from docx import Document
    from docx.table import _Cell

    document = Document()
    rows = 3_000
    table = document.add_table(rows=rows, cols=2)
    # Built on the XML directly: python-docx's own cell lookups are the quadratic path.
    for row, tr in enumerate(table._tbl.tr_lst):
        first, second = tr.tc_lst
        first.vMerge = "restart" if row == 0 else "continue"
        _Cell(second, table).text = f"row {row}"
    _Cell(table._tbl.tr_lst[0].tc_lst[0], table).text = "เมืองแฝด"
    buffer = io.BytesIO()
    document.save(buffer)
    started = time.perf_counter()
    result = check_file(buffer.getvalue(), "tall.docx")
    assert time.perf_counter() - started < 2.0
    # Like python-docx, the merged cell's text shows in every row it spans (the old reader hit
    # Python's recursion limit on this table instead).
    assert result.result == "not-allowed" and result.characters > rows * len("เมืองแฝด")


def test_malformed_xml_is_a_damaged_file_not_a_traceback() -> None:
    error = _refused(hostile.malformed_xml_docx(), "broken.docx")
    assert error.code == "unreadable"
    assert "XMLSyntaxError" in error.operator_message
    assert "เสียหาย" in error.user_message


@pytest.mark.parametrize("cut", [30, 200, 1000, -22, -100])
def test_a_truncated_docx_is_a_damaged_file(cut: int) -> None:
    data = make_docx(["ข้อ 1 ทดสอบ"])
    error = _refused(data[:cut], "cut.docx")
    assert error.code in ("unreadable", "not-a-document")


def test_a_shared_content_stream_pdf_is_refused_in_under_10_s() -> None:
    # 300 pages drawing one 3 MB stream: pypdf interprets it 300 times (> 240 s before the limits).
    data = hostile.shared_stream_pdf()
    assert len(data) < 100 * 1024
    outcome, seconds, growth = hostile.measure_in_child("file", data, "shared.pdf")
    assert outcome == "refused:too-complex"
    assert seconds < SECONDS and growth < RSS_MB


def test_a_pdf_over_the_whole_content_budget_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # Small pages, each under the page budget, that add up to more than the file budget.
    monkeypatch.setattr(pdf_module, "MAX_PDF_CONTENT", 200_000)
    error = _refused(hostile.shared_stream_pdf(pages=10, stream_bytes=50_000), "many.pdf")
    assert error.code == "too-complex" and "pages 1-" in error.operator_message


def test_pdf_characters_are_counted_while_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "MAX_CHARS", 1_000)
    pages = [[f"Article {page}", "x" * 400] for page in range(1, 20)]
    read: list[int] = []
    original = pdf_module._deadline

    def counting(seconds: float):  # type: ignore[no-untyped-def]
        visit = original(seconds)

        def wrapped(operator, operands, cm, tm):  # type: ignore[no-untyped-def]
            if operator == b"BT":
                read.append(1)
            visit(operator, operands, cm, tm)

        return wrapped

    monkeypatch.setattr(pdf_module, "_deadline", counting)
    assert _refused(make_pdf(pages), "long.pdf").code == "too-long"
    assert len(read) < 5  # stopped after the third page, not after all 19


def test_pdf_extraction_has_a_time_budget() -> None:
    data = make_pdf([[f"line {number}" for number in range(400)]])
    with pytest.raises(DocumentRefused) as refused:
        pdf_module.pdf_text(data, "slow.pdf", seconds=0.0)
    assert refused.value.code == "too-complex" and "took more than" in refused.value.operator_message
    assert "line 399" in pdf_module.pdf_text(data, "fast.pdf")


@pytest.mark.parametrize("cut", [20, 400, 2000, -30])
def test_a_truncated_pdf_is_refused_not_raised(cut: int) -> None:
    data = make_pdf([["Article 1", "The towns become sister cities."]] * 3)
    with pytest.raises(DocumentRefused):
        check_file(data[:cut], "cut.pdf")


def test_refusals_cross_processes_intact() -> None:
    import pickle

    error = DocumentRefused("timeout", "ข้อความไทย", "english")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.user_message, copy.operator_message) == ("timeout", "ข้อความไทย", "english")
