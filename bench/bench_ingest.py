"""Benchmark bulk ingest: letters/s for text and PDF text, OCR seconds/page and accuracy, memory for 1,000 files.

Run: python bench/bench_ingest.py [--letters 300] [--ocr-pages 8] [--folder 1000]
Each file goes the whole way `policybot ingest` takes it (bounded read, format sniffing, OCR for scans,
parse, review checks, one transaction per file) on a fresh SQLite registry. OCR pages are A4 letters
rendered here with Laksaman at 200 dpi, half with Arabic digits and half with Thai digits; a reading is
"right" when the number and the date are both right, and "flagged" when it was stored with needs_review.
Peak memory is the whole `policybot ingest FOLDER` process's maximum RSS, for 100 and for 1,000 files.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

from bot.commands.ingest import _ingest_one
from bot.registry import Registry
from bot.thai import THAI_MONTHS
from tests.checker_fixtures import make_pdf
from tests.scan_fixtures import image_pdf, render

BODY = [
    "ด้วยจังหวัดได้รับแจ้งจากกรมส่งเสริมการปกครองท้องถิ่นว่า เพื่อให้การจัดทำความตกลง",
    "ความร่วมมือระหว่างประเทศขององค์กรปกครองส่วนท้องถิ่นเป็นไปด้วยความเรียบร้อย",
    "จึงขอให้องค์กรปกครองส่วนท้องถิ่นถือปฏิบัติตามแนวทางที่กรมส่งเสริมการปกครองท้องถิ่นกำหนด",
    "รายละเอียดตามสิ่งที่ส่งมาด้วย",
    "จึงเรียนมาเพื่อทราบและพิจารณาดำเนินการต่อไป",
]


def letter_lines(rng: random.Random, index: int) -> tuple[list[str], dict[str, str]]:
    """Return an invented letter's lines and {number: ISO date} of it (first) and of the letter it cites."""
    serial = rng.randint(100, 9999)
    code = f"00{rng.randint(10, 40)}.{rng.randint(1, 30)}"
    number = f"ชม {code}/ว {serial}"
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    year = rng.choice([2566, 2567, 2568])
    cited = f"ชม 0023.3/ว {rng.randint(100, 9999)}"
    lines = [
        f"ที่ {number}", f"ที่ว่าการอำเภอทดสอบ{index}", "ถนนทดสอบ ชม 50210", "",
        f"{day} {THAI_MONTHS[month - 1][0]} {year}", "",
        f"เรื่อง การจัดทำความร่วมมือด้านการท่องเที่ยว ฉบับที่ {index}", "",
        "เรียน นายกองค์การบริหารส่วนตำบล ทุกแห่ง", "",
        f"อ้างถึง หนังสือจังหวัดเชียงใหม่ ที่ {cited} ลงวันที่ 2 มีนาคม {year}", "",
        *BODY, "", "ขอแสดงความนับถือ", "", "(นายทดสอบ ระบบดี)", "นายอำเภอทดสอบ", "", "",
        "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ", "โทร. 0-5373-2273",
    ]
    return lines, {number: f"{year - 543}-{month:02d}-{day:02d}", cited: f"{year - 543}-03-02"}


def measure(kind: str, files: list[Path], registry: Registry) -> float:
    """Ingest `files` one by one the way the command does; return files per second."""
    started = time.perf_counter()
    for path in files:
        results, _, error = _ingest_one(registry, str(path), None)
        assert error is None and results and results[0].status != "refused", (path, error, results)
    elapsed = time.perf_counter() - started
    print(f"{kind:9s} {len(files):5d} files  {elapsed:7.2f} s  {len(files) / elapsed:7.1f} letters/s", flush=True)
    return len(files) / elapsed


def bench_ocr(folder: Path, registry: Registry, pages: int, rng: random.Random) -> None:
    """OCR `pages` rendered letters (half Thai digits); print s/page and how many were right, flagged, wrong."""
    counts = {"arabic": [0, 0, 0, 0], "thai": [0, 0, 0, 0]}  # pages, right, flagged, wrong and not flagged
    elapsed = 0.0
    for index in range(pages):
        digits = "thai" if index % 2 else "arabic"
        lines, truth = letter_lines(rng, 5000 + index)
        number, when = next(iter(truth.items()))
        path = folder / f"scan-{index}.pdf"
        path.write_bytes(image_pdf(render(lines, thai_digits=digits == "thai")))
        started = time.perf_counter()
        results, _, _ = _ingest_one(registry, str(path), None)
        elapsed += time.perf_counter() - started
        stored = [r for r in results if r.status != "refused"]
        heading = next((r for r in stored if r.kind == "letter"), None)
        right = heading is not None and (heading.number, heading.date) == (number, when)
        flagged = heading.needs_review if heading is not None else bool(stored) and all(r.needs_review for r in stored)
        wrong = [r for r in stored if truth.get(r.number or "") != r.date and not r.needs_review]
        wrong += [stub for r in stored for stub in r.stubs if stub not in truth and stub not in r.stubs_for_review]
        for position, value in enumerate((1, right, flagged, bool(wrong))):
            counts[digits][position] += value
        if digits == "arabic" and flagged and heading is not None:
            print(f"  arabic page {index} flagged: {'; '.join(heading.reasons)}", flush=True)
    print(f"ocr       {pages:5d} pages  {elapsed:7.2f} s  {elapsed / pages:7.2f} s/page", flush=True)
    for digits, (total, right, flagged, wrong) in counts.items():
        print(f"  {digits:6s} digits: {right}/{total} number and date right, {flagged}/{total} flagged for review, "
              f"{wrong} with a wrong number or date not flagged", flush=True)


def folder_memory(folder: Path, count: int, rng: random.Random) -> None:
    """Ingest a folder of `count` text letters in a child `policybot ingest`; print its peak RSS and time."""
    target = folder / f"folder-{count}"
    target.mkdir()
    for index in range(count):
        (target / f"{index:05d}.txt").write_text("\n".join(letter_lines(rng, index)[0]), encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / f'memory-{count}.db'}"}
    out, err = folder / f"out-{count}.txt", folder / f"err-{count}.txt"
    started = time.perf_counter()
    with out.open("w") as stdout, err.open("w") as stderr:
        child = subprocess.Popen([sys.executable, "-m", "bot", "ingest", str(target)], env=env, stdout=stdout,
                                 stderr=stderr, cwd=Path(__file__).resolve().parent.parent)
        _, _, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    lines = err.read_text(encoding="utf-8").strip().splitlines()
    summary = lines[-1] if lines else "(no summary)"
    print(f"folder    {count:5d} files  {elapsed:7.2f} s  peak RSS {usage.ru_maxrss / 1024:6.1f} MB  {summary}",
          flush=True)


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=300, help="text letters and PDF letters (each)")
    parser.add_argument("--ocr-pages", type=int, default=8, help="scanned pages to OCR (0 to skip)")
    parser.add_argument("--folder", type=int, default=1000, help="files in the memory folder")
    args = parser.parse_args()
    rng = random.Random(20261201)
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as name:
        folder = Path(name)
        registry = Registry.open(f"sqlite:///{folder / 'bench.db'}")
        texts = ["\n".join(letter_lines(rng, index)[0]) for index in range(args.letters * 2)]
        text_files, pdf_files = [], []
        for index, text in enumerate(texts[: args.letters]):
            path = folder / f"letter-{index}.txt"
            path.write_text(text, encoding="utf-8")
            text_files.append(path)
        for index, text in enumerate(texts[args.letters:]):
            path = folder / f"letter-{index}.pdf"
            path.write_bytes(make_pdf([text.splitlines()]))
            pdf_files.append(path)
        # Warm up once (PyThaiNLP's normaliser, the SQL statements), as a long-running ingest would be.
        _ingest_one(registry, str(text_files[-1]), None)
        measure("text", text_files[:-1], registry)
        measure("pdf-text", pdf_files, registry)
        if args.ocr_pages:
            bench_ocr(folder, registry, args.ocr_pages, rng)
        registry.close()
        for count in (100, args.folder):
            folder_memory(folder, count, rng)


if __name__ == "__main__":
    main()
