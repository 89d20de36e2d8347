"""`policybot check FILE`: check a draft agreement clause by clause before it is signed."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.config import Settings

# bot.checker.limits.DEFAULT_TIMEOUT, not imported: every command builds this parser, and importing
# the checker would slow `policybot ask` down (a test keeps the two equal).
DEFAULT_TIMEOUT = 60.0


def _seconds(value: str) -> float:
    """Parse --timeout: a number of seconds, 0 or more."""
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not seconds >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"the timeout must be 0 or more seconds, not {value}")
    return seconds


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.add_argument(
        "file", help="the draft: .txt, .docx or a PDF with a text layer; '-' reads text from stdin"
    )
    parser.add_argument(
        "--json", action="store_true", help="print {result, findings, summary} as JSON"
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"seconds a check may take (default {DEFAULT_TIMEOUT:g}): it runs in a worker process, killed "
        "after that; 0 checks in this process, with no limit",
    )


def _titles(settings: Settings) -> dict[str, str]:
    """Return document titles by id for the sources; empty if the knowledge base cannot load."""
    from bot.knowledge import KnowledgeError, load_knowledge

    try:
        return {doc.id: doc.title for doc in load_knowledge(settings.knowledge_dir).documents.values()}
    except KnowledgeError:
        # The checker does not need the knowledge base; without it the sources show as ids.
        return {}


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Check the draft; exit 0 whatever the verdict, 2 if the file is not a readable draft."""
    from bot.checker import DocumentRefused, check_file, check_text, render_thai
    from bot.checker.report import use_contact
    from bot.checker.worker import CheckWorker

    contact = settings.contact.line
    use_contact(contact)

    source: str | Path = sys.stdin.read() if args.file == "-" else Path(args.file)
    try:
        if args.timeout > 0:
            # A hostile file must not hang the command: the worker is killed after the timeout.
            with CheckWorker(timeout=args.timeout, contact=contact) as worker:
                result = worker.check(source)
        else:
            result = check_text(source) if isinstance(source, str) else check_file(source)
    except DocumentRefused as error:
        print(f"policybot: cannot check {args.file}: {error.operator_message}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_thai(result, _titles(settings)))
    return 0
