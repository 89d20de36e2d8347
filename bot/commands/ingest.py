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
    from bot.registry import IngestResult, Registry
    from bot.store import StoreError

    try:
        registry = Registry.from_settings(settings)
    except StoreError as error:
        print(f"policybot: {error}", file=sys.stderr)
        return 2
    refused = 0
    try:
        for path in args.files:
            if not path.is_file():
                result = IngestResult("refused", source=str(path), missing=["a readable file"])
            else:
                result = registry.ingest_file(path)
            refused += result.status == "refused"
            print(result.describe(), file=sys.stderr if result.status == "refused" else sys.stdout)
    finally:
        registry.close()
    return 1 if refused else 0
