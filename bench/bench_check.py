"""Measure `policybot check`: a ~20-page draft (text and .docx), and refusing a 50 MB file.

Run: python bench/bench_check.py [--runs N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.checker import DocumentRefused, check_file, check_text  # noqa: E402
from tests.checker_fixtures import make_pdf  # noqa: E402

DRAFTS = ROOT / "tests" / "data" / "drafts"
TARGET_CHARS = 60_000  # ~20 pages of ~3,000 characters


def twenty_page_draft() -> str:
    """Return a ~60k-character draft: the sample clauses, renumbered and repeated."""
    bodies: list[str] = []
    for path in sorted(DRAFTS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            for prefix in ("ข้อ ", "Article ", "ARTICLE "):
                if line.startswith(prefix):
                    line = line.split(" ", 2)[2] if line.count(" ") >= 2 else ""
            if len(line) > 40:
                bodies.append(line)
    lines = ["บันทึกความร่วมมือ (ร่างทดสอบความเร็ว) / Memorandum (speed test draft)", ""]
    number = 0
    while sum(len(line) + 1 for line in lines) < TARGET_CHARS:
        body = bodies[number % len(bodies)]
        number += 1
        heading = f"ข้อ {number}" if any("\u0e00" <= c <= "\u0e7f" for c in body) else f"Article {number}"
        lines += [heading, body, ""]
    return "\n".join(lines)


def as_docx(text: str) -> bytes:
    """Return the draft as a .docx (one paragraph per line)."""
    from docx import Document

    document = Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def percentiles(samples: list[float]) -> str:
    """Format p50/p99/max in milliseconds."""
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return (
        f"p50 {statistics.median(ordered) * 1000:7.1f} ms   p99 {p99 * 1000:7.1f} ms   "
        f"max {ordered[-1] * 1000:7.1f} ms   (n={len(ordered)})"
    )


def timed(function: object, runs: int) -> list[float]:
    """Run `function` `runs` times; return the durations in seconds."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args().runs

    text = twenty_page_draft()
    first = time.perf_counter()
    result = check_text(text)
    cold = time.perf_counter() - first
    print(
        f"draft: {len(text):,} chars, {len(result.clauses)} clauses, "
        f"{len(result.findings)} findings, result {result.result}"
    )
    print(f"first check (regex compile, imports warm): {cold * 1000:.1f} ms")
    print(f"check_text, 20 pages:   {percentiles(timed(lambda: check_text(text), runs))}")

    docx = as_docx(text)
    check_file(docx, "draft.docx")
    print(
        f"check_file .docx ({len(docx) // 1024} KB): "
        f"{percentiles(timed(lambda: check_file(docx, 'd.docx'), runs))}"
    )

    lines = text.splitlines()
    pdf = make_pdf([lines[index : index + 60] for index in range(0, len(lines), 60)])
    check_file(pdf, "draft.pdf")
    print(
        f"check_file PDF ({len(pdf) // 1024} KB, {(len(lines) + 59) // 60} pages): "
        f"{percentiles(timed(lambda: check_file(pdf, 'd.pdf'), runs))}"
    )

    with tempfile.TemporaryDirectory() as folder:
        huge = Path(folder) / "huge.pdf"
        with huge.open("wb") as handle:
            handle.truncate(50 * 1024 * 1024)

        def refuse() -> None:
            try:
                check_file(huge)
            except DocumentRefused:
                return
            raise AssertionError("a 50 MB file was not refused")

        samples = timed(refuse, runs)
        tracemalloc.start()
        refuse()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"refuse 50 MB file:      {percentiles(samples)}   peak Python memory {peak / 1024:.1f} KB")


if __name__ == "__main__":
    main()
