"""`policybot check FILE`: check a draft agreement clause by clause before it is signed."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.config import Settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.add_argument(
        "file", help="the draft: .txt, .docx or a PDF with a text layer; '-' reads text from stdin"
    )
    parser.add_argument(
        "--json", action="store_true", help="print {result, findings, summary} as JSON"
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

    try:
        result = check_text(sys.stdin.read()) if args.file == "-" else check_file(Path(args.file))
    except DocumentRefused as error:
        print(f"policybot: cannot check {args.file}: {error.operator_message}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_thai(result, _titles(settings)))
    return 0
