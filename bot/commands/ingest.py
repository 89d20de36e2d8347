"""`policybot ingest FILE…`: parse official letters and store them in the registry."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the ingest command's arguments."""
    parser.add_argument("files", nargs="+", type=Path, help="letter texts (UTF-8 .txt)")


def run(args: argparse.Namespace, settings: Any) -> int:
    """Ingest each file in its own transaction; report added/updated/unchanged/refused per file."""
    from bot.commands.files import LETTER_LIMIT, FileRefused, read_text
    from bot.registry import Registry
    from bot.store import StoreError

    try:
        registry = Registry.from_settings(settings)
    except StoreError as error:
        print(f"policybot: {error}", file=sys.stderr)
        return 2
    refused = unreadable = 0
    try:
        for path in args.files:
            try:
                text = read_text(path, LETTER_LIMIT)
            except FileRefused as error:
                print(f"policybot: refused {error}", file=sys.stderr)
                unreadable += 1
                continue
            result = registry.ingest_text(text, str(path))
            refused += result.status == "refused"
            print(result.describe(), file=sys.stderr if result.status == "refused" else sys.stdout)
    finally:
        registry.close()
    # 2: a file could not be read at all (an operator error); 1: a text was not a letter.
    return 2 if unreadable else 1 if refused else 0
