"""Build real .docx and PDF drafts for the checker tests (no files checked in, no extra deps)."""

from __future__ import annotations

import io
from pathlib import Path

DRAFTS = Path(__file__).parent / "data" / "drafts"



def _to_unicode(pages: list[list[str]]) -> bytes:
    """Return an identity ToUnicode CMap for the 256-code blocks the text uses."""
    # One bfrange per block keeps the map small (pypdf expands every range it reads).
    blocks = sorted({ord(char) >> 8 for lines in pages for line in lines for char in line} | {0})
    ranges = b"\n".join(b"<%02X00> <%02XFF> <%02X00>" % (block, block, block) for block in blocks)
    return (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        + b"%d beginbfrange\n" % len(blocks) + ranges + b"\nendbfrange\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )


def make_pdf(pages: list[list[str]]) -> bytes:
    """Return a minimal valid PDF whose text layer holds `pages` (lists of lines), Thai included."""
    # Text is shown with 2-byte codes equal to the Unicode code points, and an identity ToUnicode
    # map says so: enough for a text layer without embedding a Thai font.
    cmap = _to_unicode(pages)
    count = len(pages)
    font = 3 + 2 * count
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(count))
        + b"] /Count %d >>" % count,
    ]
    for index, lines in enumerate(pages):
        ops = [b"BT", b"/F1 11 Tf", b"14 TL", b"40 800 Td"]
        ops += [b"<" + line.encode("utf-16-be").hex().encode() + b"> Tj T*" for line in lines]
        ops.append(b"ET")
        content = b"\n".join(ops) if lines else b""
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font, 4 + 2 * index)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects += [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Sans /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (font + 1, font + 2),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Sans /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 /FontDescriptor %d 0 R >>"
        % (font + 3),
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
        b"<< /Type /FontDescriptor /FontName /Sans /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 "
        b"/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def make_docx(lines: list[str], numbered: list[str] = (), table: list[list[str]] = ()) -> bytes:  # type: ignore[assignment]
    """Return a .docx with `lines` as paragraphs, then `numbered` as auto-numbered items, then a table."""
    from docx import Document

    document = Document()
    for line in lines:
        document.add_paragraph(line)
    for item in numbered:
        document.add_paragraph(item, style="List Number")
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(grid.rows, table, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def draft_lines(name: str) -> list[str]:
    """Return the lines of a sample draft."""
    return (DRAFTS / name).read_text(encoding="utf-8").splitlines()
