"""Command-line entry: `policybot ask | eval | check-kb | ingest | review | lookup | parse | serve | check`."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from bot.commands.files import FileRefused
from bot.config import ConfigError, load_settings
from bot.knowledge import KnowledgeError

# Each command lives in bot/commands/<module>.py with `add_arguments(parser)` and
# `run(args, settings) -> int`; heavy imports stay inside `run` so `ask` starts fast.
COMMANDS: dict[str, tuple[str, str]] = {
    "ask": ("ask", "answer Thai questions from the knowledge base"),
    "eval": ("evaluate", "score the matcher on a question set (questions.yaml format)"),
    "check-kb": ("check_kb", "validate the knowledge base and its sources"),
    "ingest": ("ingest", "read letters, scans (OCR) and citation lists into the circular registry"),
    "review": ("review", "list what the registry read with doubt (OCR, failed checks); confirm or correct it"),
    "lookup": ("lookup", "look a circular up by number, however it is typed"),
    "parse": ("parse", "show what the letter parser reads from a text (stores nothing)"),
    "check": ("check", "check a draft agreement (.txt, .docx, PDF) against the guideline"),
    "serve": ("serve", "run the bot on every configured channel (Telegram, LINE; webhooks and /healthz on one server)"),
}


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every registered command."""
    parser = argparse.ArgumentParser(prog="policybot", description=__doc__)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(f"bot.commands.{module_name}")
        command = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(command)
        command.set_defaults(module=module)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; operator errors become one line on stderr and exit status 2."""
    args = build_parser().parse_args(argv)
    # Bytes that are not UTF-8 on standard input, or text a terminal cannot show, must not end a run.
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure):
            reconfigure(errors="replace")
    try:
        settings = load_settings()
        logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        return int(args.module.run(args, settings))
    except ConfigError as error:
        print(f"policybot: configuration error: {error}", file=sys.stderr)
    except KnowledgeError as error:
        print("policybot: the knowledge base is invalid:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
    except FileRefused as error:
        print(f"policybot: cannot read {error}", file=sys.stderr)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); nothing left to say.
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
