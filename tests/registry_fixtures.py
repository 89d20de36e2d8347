"""Fixtures for the registry tests: a knowledge folder and a database URL on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHIPPED_KNOWLEDGE = REPO / "knowledge"
SAMPLE_LETTER = SHIPPED_KNOWLEDGE / "letters" / "kr-0023.20-w0313.txt"
TEST_LETTERS = Path(__file__).resolve().parent / "data" / "letters"


def make_knowledge(target: Path) -> Path:
    """Return a knowledge folder with the shipped letters and documents.yaml and at least one entry."""
    if any((SHIPPED_KNOWLEDGE / "entries").glob("*.y*ml")):
        return SHIPPED_KNOWLEDGE
    # The entries are written on another branch: until they land, one entry citing every document
    # stands in, so the documents.yaml side of seeding and check-kb is exercised for real.
    root = target / "knowledge"
    shutil.copytree(SHIPPED_KNOWLEDGE, root, dirs_exist_ok=True)
    (root / "entries").mkdir(exist_ok=True)
    import yaml

    ids = [doc["id"] for doc in yaml.safe_load((root / "documents.yaml").read_text(encoding="utf-8"))]
    entry = {
        "id": "registry-test-entry",
        "title": "ทดสอบ",
        "verdict": "info",
        "questions": ["ทดสอบทะเบียนหนังสือ"],
        "answer": "ข้อความทดสอบ",
        "sources": ids,
    }
    (root / "entries" / "registry-test.yaml").write_text(yaml.safe_dump(entry, allow_unicode=True), encoding="utf-8")
    return root


@pytest.fixture
def kb_root(tmp_path: Path) -> Path:
    """Yield a valid knowledge folder (the shipped one when it has entries)."""
    return make_knowledge(tmp_path)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Yield the URL of an empty database: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'registry.db'}"
    else:
        yield request.getfixturevalue("pg_url")
