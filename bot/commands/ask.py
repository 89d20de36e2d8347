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
    """Answer the question (or every stdin line, as JSON lines, in order) through the conversation turn."""
    from bot.conversation import build_conversation
    from bot.plain import render_turn

    conversation = build_conversation(settings)
    if args.question is not None:
        turn = conversation.respond(args.question)
        print(json.dumps(turn.to_json(), ensure_ascii=False) if args.json else render_turn(turn))
        return 0
    # Batch mode: one process, many questions; one JSON line per input line keeps them aligned.
    for line in sys.stdin:
        turn = conversation.respond(line.rstrip("\r\n"))
        sys.stdout.write(json.dumps(turn.to_json(), ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 0
