"""The ingest, lookup, parse and check-kb commands, run with real settings on a real database."""

from __future__ import annotations

import argparse
import importlib
import io
import json
import sys
from pathlib import Path

import pytest

from bot.commands.files import FileRefused
from bot.config import load_settings
from tests.registry_fixtures import SAMPLE_LETTER, TEST_LETTERS, db_url, kb_root  # noqa: F401


class Cli:
    """Runs one command module the way `policybot` does, with settings from a given environment."""

    def __init__(self, environ: dict[str, str], capsys: pytest.CaptureFixture[str],
                 monkeypatch: pytest.MonkeyPatch) -> None:
        self.environ = environ
        self.capsys = capsys
        self.monkeypatch = monkeypatch

    def __call__(self, module_name: str, *argv: str, stdin: str | None = None) -> tuple[int, str, str]:
        module = importlib.import_module(f"bot.commands.{module_name}")
        parser = argparse.ArgumentParser()
        module.add_arguments(parser)
        args = parser.parse_args(list(argv))
        if stdin is not None:
            self.monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            code = module.run(args, load_settings(self.environ, env_file=None))
        except FileRefused as error:  # what bot.__main__.main prints, in one line
            print(f"policybot: cannot read {error}", file=sys.stderr)
            code = 2
        captured = self.capsys.readouterr()
        return code, captured.out, captured.err


@pytest.fixture
def cli(db_url: str, kb_root: Path, capsys: pytest.CaptureFixture[str],  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Return a command runner on a fresh database."""
    return Cli({"DATABASE_URL": db_url, "KNOWLEDGE_DIR": str(kb_root)}, capsys, monkeypatch)


def test_lookup_works_with_no_setup(cli: Cli) -> None:
    code, out, _ = cli("lookup", "ว", "0313")
    assert code == 0
    assert out.startswith("หนังสือที่ ขร 0023.20/ว 0313\nลงวันที่ 23 กุมภาพันธ์ 2569")


def test_lookup_json_and_batch_from_stdin(cli: Cli) -> None:
    code, out, _ = cli("lookup", "--json", stdin="ว 4634\n\nขร 0023.20/ว 9999\nหนังสือ ว ๐๑๖\n")
    assert code == 1  # one of them was not found
    objects = [json.loads(line) for line in out.splitlines()]
    assert [(o["query"], o["found"], o["number"]) for o in objects] == [
        ("ว 4634", True, "ขร 0023.3/ว 4634"),
        ("ขร 0023.20/ว 9999", False, None),
        ("หนังสือ ว ๐๑๖", True, "ขร 0023.20/ว 016"),
    ]
    assert objects[0]["referenced_by"] == ["ขร 0023.20/ว 0313"]


def test_ingest_reports_each_file(cli: Cli, tmp_path: Path) -> None:
    letter = TEST_LETTERS / "district-enclosures-arabic.txt"
    code, out, _ = cli("ingest", str(letter))
    assert code == 0 and "added ชม 0023.15/ว 42" in out and "new stubs: ชม 0023.3/ว 9876, มท 0810.6/ว 77" in out
    code, out, _ = cli("ingest", str(letter))
    assert code == 0 and "unchanged ชม 0023.15/ว 42" in out
    changed = tmp_path / "changed.txt"
    changed.write_text(letter.read_text(encoding="utf-8").replace("ขอส่งสำเนาหนังสือ", "ส่งสำเนาหนังสือ"),
                       encoding="utf-8")
    code, out, _ = cli("ingest", str(changed))
    assert code == 0 and "updated ชม 0023.15/ว 42 (changed: subject" in out
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.4\xff\xfe\x00")
    code, out, err = cli("ingest", str(TEST_LETTERS / "not-a-letter.txt"), str(binary), str(tmp_path / "absent.txt"))
    # A file that cannot be read at all is an operator error (2); a text that is not a letter, 1.
    assert code == 2 and out == ""
    assert "refused: not an official letter (missing: number, date, subject, recipient); nothing stored" in err
    assert "scan.pdf is a PDF that cannot be read" in err and "absent.txt: No such file" in err
    assert "Traceback" not in err
    code, _, err = cli("ingest", str(TEST_LETTERS / "not-a-letter.txt"))
    assert code == 1
    for special in ("/dev/zero", "/proc/self/mem", "x" * 5000):
        code, _, err = cli("ingest", special)
        assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err


def test_every_file_verb_refuses_devices_and_long_names_in_one_line(cli: Cli) -> None:
    for verb in ("parse", "evaluate"):
        for special in ("/dev/zero", "x" * 5000):
            code, _, err = cli(verb, special)
            assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, (verb, err)


def test_parse_prints_json_and_stores_nothing(cli: Cli) -> None:
    code, out, _ = cli("parse", "--json", str(SAMPLE_LETTER))
    assert code == 0
    data = json.loads(out)
    assert data["number"] == "ขร 0023.20/ว 0313" and data["received"]["number"] == "851"
    code, _, err = cli("parse", str(TEST_LETTERS / "not-a-letter.txt"))
    assert code == 1 and "missing: number, date, subject, recipient" in err
    code, _, err = cli("parse", "/nonexistent/letter.txt")
    assert code == 2 and err.startswith("policybot: cannot read")


def test_check_kb(cli: Cli) -> None:
    code, out, err = cli("check-kb".replace("-", "_"))
    assert code == 0, err
    assert "all sources resolve" in out


def test_bad_database_is_one_line(kb_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],  # noqa: F811
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    run = Cli({"DB_PATH": str(blocker / "x.db"), "KNOWLEDGE_DIR": str(kb_root)}, capsys, monkeypatch)
    code, _, err = run("lookup", "ว 0313")
    assert code == 2 and err.startswith("policybot: cannot open database") and err.count("\n") == 1
