"""`policybot ask [QUESTION]`: answer one question, or one per line from standard input."""

from __future__ import annotations

import argparse
import json
import sys

from bot.config import Settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.add_argument("question", nargs="?", help="the question; omit to read one per line from stdin")
    parser.add_argument("--json", action="store_true", help="print one JSON object per question")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Answer the question (or every stdin line, as JSON lines, in order)."""
    from bot.service import build_service, render_plain

    service = build_service(settings)
    if args.question is not None:
        answer = service.answer(args.question)
        print(json.dumps(answer.to_json(), ensure_ascii=False) if args.json else render_plain(answer))
        return 0
    # Batch mode: one process, many questions; one JSON line per input line keeps them aligned.
    for line in sys.stdin:
        answer = service.answer(line.rstrip("\r\n"))
        sys.stdout.write(json.dumps(answer.to_json(), ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 0
