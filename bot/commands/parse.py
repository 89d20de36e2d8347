"""`policybot parse FILE`: show what the parsers read from a letter or citation lines; stores nothing."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the parse command's arguments."""
    parser.add_argument("file", type=Path, help="a letter or citation lines: text, .docx, PDF or a scan; - reads stdin")
    parser.add_argument("--json", action="store_true", help="print the fields as one JSON object")


def parsed_json(text: str) -> dict[str, Any]:
    """Return the `parse --json` object: a letter's fields, or the first citation's with every citation listed."""
    from bot.citations import parse_citations
    from bot.letters import parse_letter

    letter = parse_letter(text)
    data = letter.to_json()
    if not letter.missing:
        return {"kind": "letter", **data, "citations": []}
    citations = parse_citations(text)
    if not citations:
        return {"kind": None, **data, "citations": []}
    first = citations[0]
    # A citation says only these; what the letter parser half-read of a fragment would mislead.
    blank: dict[str, Any] = {name: ([] if isinstance(value, list) else None) for name, value in data.items()}
    blank["signer"] = {"name": None, "position": None}
    fields = {"number": first.canonical, "printed_number": first.printed_number, "date": first.date,
              "subject": first.subject, "issuer": first.issuer}
    return {"kind": "citation", **blank, **fields, "citations": [citation.to_json() for citation in citations]}


def run(args: argparse.Namespace, settings: Any) -> int:
    """Parse the file and print its fields; exit 1 if it is neither a letter nor a citation."""
    from bot.checker.reading import MAX_BYTES
    from bot.commands.files import LETTER_LIMIT, read_bytes
    from bot.intake import DocumentUnreadable, read_data

    if str(args.file) == "-":
        text, method = sys.stdin.read(LETTER_LIMIT), "text"
    else:
        try:
            document = read_data(read_bytes(args.file, MAX_BYTES), str(args.file))
        except DocumentUnreadable as error:
            print(f"policybot: cannot read {error}", file=sys.stderr)
            return 2
        text, method = document.text, document.method
    data = parsed_json(text)
    data["method"] = method
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for name, value in data.items():
            empty = value in (None, [], {}) or (isinstance(value, dict) and not any(value.values()))
            if not empty:
                shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                print(f"{name}: {shown}")
    if data["kind"] is None:
        from bot.letters import parse_letter

        missing = ", ".join(parse_letter(text).missing)
        print(f"policybot: not a letter or a citation; missing: {missing}", file=sys.stderr)
        return 1
    return 0
