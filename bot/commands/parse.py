"""`policybot parse FILE`: show what the letter parser reads from a text; stores nothing."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the parse command's arguments."""
    parser.add_argument("file", type=Path, help="a letter text (UTF-8); - reads stdin")
    parser.add_argument("--json", action="store_true", help="print the fields as one JSON object")


def run(args: argparse.Namespace, settings: Any) -> int:
    """Parse the file and print its fields; exit 1 if required fields are missing."""
    from bot.commands.files import LETTER_LIMIT, read_text
    from bot.letters import parse_letter

    text = sys.stdin.read(LETTER_LIMIT) if str(args.file) == "-" else read_text(args.file, LETTER_LIMIT)
    letter = parse_letter(text)
    data = letter.to_json()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for name, value in data.items():
            empty = value in (None, [], {}) or (isinstance(value, dict) and not any(value.values()))
            if not empty:
                shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                print(f"{name}: {shown}")
    if letter.missing:
        print(f"policybot: not a complete letter; missing: {', '.join(letter.missing)}", file=sys.stderr)
        return 1
    return 0
