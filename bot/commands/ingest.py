"""`policybot ingest FILE|FOLDER…`: read letters (text, .docx, PDF, scans) and citation lists into the registry."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from bot.registry import IngestResult, Registry

# The order statuses are reported in, and which one stands for a file of several citations.
STATUSES = ("added", "filled", "updated", "unchanged", "refused")
# Why files were refused, as the summary says it.
_REFUSALS = {"unreadable": "unreadable", "encrypted": "encrypted PDF", "no-ocr": "no OCR engine",
             "no-text": "no text found", "not-a-document": "not a document", "too-large": "too large",
             "too-long": "too long", "empty": "empty", "ocr-failed": "OCR failed", "missing": "missing"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the ingest command's arguments."""
    parser.add_argument("paths", nargs="+", type=Path, metavar="FILE|FOLDER",
                        help="letters or citation lists: text (UTF-8, UTF-16, Windows-874), .docx, PDF, scans "
                             "(PDF or image, read by OCR); a folder is read with everything in it")
    parser.add_argument("--json", action="store_true", help="print one JSON object per file")
    parser.add_argument("--ocr-pages", type=_positive, default=None, metavar="N",
                        help="read at most the first N pages of a scan (default 5)")


def _positive(text: str) -> int:
    """Parse a positive whole number for --ocr-pages."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def files_in(paths: list[Path]) -> Iterator[str]:
    """Yield the files to ingest: each path named, and every file in a named folder (sorted, hidden ones skipped)."""
    for path in paths:
        # os.path.isdir is False for what cannot be examined (a name too long): read_bytes says why.
        if not os.path.isdir(path):
            yield str(path)
            continue
        for folder, subfolders, names in os.walk(path):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            for name in sorted(names):
                if not name.startswith("."):
                    yield os.path.join(folder, name)


class Tally:
    """Counts what ingest did per file and record, and draws the progress line; holds no per-file data."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.records: Counter[str] = Counter()
        self.refusals: Counter[str] = Counter()
        self.review = 0
        self.bar = total > 1 and stream.isatty()
        self._step = max(1, total // 10)

    def count(self, results: list[IngestResult], refusal: str | None = None) -> None:
        """Count one file's results (or its refusal reason)."""
        self.done += 1
        if refusal is not None:
            self.records["refused"] += 1
            self.refusals[_REFUSALS.get(refusal, refusal)] += 1
        for result in results:
            self.records[result.status] += 1
            self.review += result.needs_review
            if result.status == "refused":
                self.refusals["not a letter" if result.missing else (result.note or "refused")] += 1

    def progress(self, name: str) -> None:
        """Redraw the progress bar (a terminal), or say how far it got every tenth of a long run."""
        if self.bar:
            filled = 30 * self.done // self.total
            shown = name if len(name) <= 40 else "…" + name[-39:]
            self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} {shown:<40}")
            self.stream.flush()
        elif self.total >= 50 and self.done % self._step == 0 and self.done < self.total:
            print(f"policybot: ingest: {self.done}/{self.total} files", file=self.stream, flush=True)

    def summary(self) -> str:
        """Return the one-line summary of the whole run."""
        parts = [f"{self.records[status]} {status}" for status in STATUSES]
        if self.refusals:
            parts[-1] += " (" + ", ".join(f"{count} {why}" for why, count in self.refusals.most_common()) + ")"
        records = sum(self.records.values())
        counted = f"{self.total} files" + (f", {records} records" if records != self.total else "")
        return f"policybot: ingest: {counted}: {', '.join(parts)}; {self.review} need review"

    def finish(self) -> None:
        """Clear the progress bar and print the summary (for more than one file)."""
        if self.bar:
            self.stream.write("\r" + " " * 80 + "\r")
        if self.total > 1:
            print(self.summary(), file=self.stream, flush=True)


def file_json(name: str, results: list[IngestResult], document: Any = None, error: tuple[str, str] | None = None,
              ) -> dict[str, Any]:
    """Return the `ingest --json` object of one file."""
    first = results[0] if results else None
    statuses = [result.status for result in results]
    status = "refused" if error else next((s for s in STATUSES if s in statuses), "refused")
    return {
        "file": name,
        "status": status,
        "kind": first.kind if first else None,
        "number": first.number if first and first.status != "refused" else None,
        "date": first.date if first and first.status != "refused" else None,
        "method": document.method if document is not None else None,
        "sha256": document.sha256 if document is not None else None,
        "pages": document.pages_read if document is not None else None,
        "confidence": document.confidence if document is not None else None,
        "needs_review": any(result.needs_review for result in results),
        "review_reasons": list(dict.fromkeys(reason for result in results for reason in result.reasons)),
        "changed": first.changed if first else [],
        "stubs": first.stubs if first else [],
        "stubs_for_review": first.stubs_for_review if first else [],
        "records": [{"number": r.number, "date": r.date, "status": r.status, "needs_review": r.needs_review}
                    for r in results] if len(results) > 1 else [],
        "error": error[1] if error else next((r.describe() for r in results if r.status == "refused"), None),
        "error_code": error[0] if error else ("not-a-letter" if status == "refused" else None),
    }


def run(args: argparse.Namespace, settings: Any) -> int:
    """Ingest each file in its own transaction; print what happened to each, then a summary."""
    from bot.registry import Registry
    from bot.store import StoreError

    try:
        registry = Registry.from_settings(settings)
    except StoreError as error:
        print(f"policybot: {error}", file=sys.stderr)
        return 2
    names = list(files_in(args.paths))
    tally = Tally(len(names), sys.stderr)
    unreadable = refused = 0
    try:
        for name in names:
            outcome = _ingest_one(registry, name, args.ocr_pages)
            results, _, failure = outcome
            tally.count(results, failure[0] if failure else None)
            unreadable += failure is not None
            # A list with one unusable line still stored the others; a file that stored nothing was refused.
            refused += bool(results) and all(result.status == "refused" for result in results)
            if tally.bar:
                sys.stderr.write("\r" + " " * 80 + "\r")
            _print(name, outcome, args.json)
            tally.progress(name)
    finally:
        registry.close()
        tally.finish()
    # 2: a file could not be read at all (an operator error); 1: a text was not a letter.
    return 2 if unreadable else 1 if refused else 0


_Outcome = tuple[list["IngestResult"], Any, "tuple[str, str] | None"]


def _ingest_one(registry: Registry, name: str, ocr_pages: int | None) -> _Outcome:
    """Read and store one file; return its results, what was read, and (code, message) if it was unreadable."""
    from bot.checker.reading import MAX_BYTES
    from bot.commands.files import FileRefused, read_bytes
    from bot.intake import OCR_PAGES, DocumentUnreadable, read_data

    try:
        data = read_bytes(name, MAX_BYTES)
        document = read_data(data, name, ocr_pages=ocr_pages or OCR_PAGES)
    except FileRefused as error:
        return [], None, ("unreadable", str(error))
    except DocumentUnreadable as error:
        return [], None, (error.code, str(error))
    return registry.ingest_document(document), document, None


def _print(name: str, outcome: _Outcome, as_json: bool) -> None:
    """Print one file's outcome: a JSON object, or one line per record (refusals on stderr)."""
    results, document, error = outcome
    if as_json:
        print(json.dumps(file_json(name, results, document, error), ensure_ascii=False), flush=True)
        return
    if error is not None:
        print(f"policybot: refused {error[1]}", file=sys.stderr, flush=True)
        return
    for result in results:
        stream = sys.stderr if result.status == "refused" else sys.stdout
        print(result.describe(), file=stream, flush=True)
