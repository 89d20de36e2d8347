"""`policybot check-kb`: validate the knowledge base and check its sources resolve in the registry."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the check-kb command's arguments (none)."""


def run(args: argparse.Namespace, settings: Any) -> int:
    """Load the KB (errors listed by the caller), then check every source is a registry document."""
    from bot.knowledge import load_knowledge, resolve_knowledge_dir
    from bot.registry import Registry
    from bot.seeds import SEED_FILE, load_seed_citations
    from bot.store import StoreError

    kb = load_knowledge(settings.knowledge_dir)
    # Its problems stop here with the KB's own (KnowledgeError): seeding would only log them.
    citations = load_seed_citations(resolve_knowledge_dir(settings.knowledge_dir) / SEED_FILE)
    try:
        registry = Registry.from_settings(settings)
    except StoreError as error:
        print(f"policybot: {error}", file=sys.stderr)
        return 2
    try:
        problems = registry.check_sources(kb)
        documents = registry.count()
    finally:
        registry.close()
    if problems:
        print("policybot: knowledge base sources do not resolve:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"knowledge base OK: {len(kb.entries)} entries, {len(kb.documents)} documents, "
          f"{len(citations)} seeded citations; "
          f"all sources resolve ({documents} documents in the registry)")
    return 0
