"""The registry on a real SQLite file and a real PostgreSQL: seeding, ingest, links, lookup, cards."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml
from sqlmodel import SQLModel

from bot.knowledge import load_knowledge
from bot.plain import render_card
from bot.registry import SEED_META_KEY, LetterRecord, Registry
from bot.store import open_engine
from tests.registry_fixtures import REPO, TEST_LETTERS, db_url, kb_root  # noqa: F401

EVAL = Path(__file__).resolve().parent / "data" / "eval_questions.yaml"
LOOKUP_KEYS = {"query", "found", "status", "number", "date", "subject", "issuer", "references", "referenced_by",
               "candidates", "provenance"}


@pytest.fixture
def registry(db_url: str, kb_root: Path) -> Registry:  # noqa: F811
    """Return a freshly opened (and seeded) registry."""
    opened = Registry.open(db_url, kb_root)
    yield opened  # type: ignore[misc]
    opened.close()


def test_shipped_letter_and_its_references_are_there_on_first_use(registry: Registry) -> None:
    result = registry.lookup("ว 0313")
    assert result.found and result.number == "ขร 0023.20/ว 0313"
    data = result.to_json()
    assert set(data) == LOOKUP_KEYS
    assert data["date"] == "2026-02-23"
    assert data["issuer"] == "ที่ว่าการอำเภอแม่สาย"
    assert data["references"] == [
        {"number": "ขร 0023.20/ว 016", "date": "2026-01-08", "relation": "refers-to"},
        {"number": "ขร 0023.3/ว 4634", "date": "2026-02-16", "relation": "encloses"},
    ]
    # The referenced letters are linked stubs with what the circular says about them.
    for query, issuer in (("ว 016", "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอแม่สาย"), ("ว 4634", "จังหวัดเชียงราย")):
        stub = registry.lookup(query)
        assert stub.found and stub.document is not None and stub.document.is_stub
        assert stub.document.issuer == issuer
        assert stub.to_json()["referenced_by"] == ["ขร 0023.20/ว 0313"]


def test_kb_documents_are_registry_documents(registry: Registry, kb_root: Path) -> None:  # noqa: F811
    kb = load_knowledge(kb_root)
    assert registry.check_sources(kb) == []
    cabinet = registry.document("cabinet-2561-10-10")
    assert cabinet is not None
    assert (cabinet.key, cabinet.kind, cabinet.number, cabinet.date) == (
        "cabinet-2561-10-10", "cabinet-resolution", None, "2018-10-10")
    # A document with a number is one registry row, whether reached by number or by KB id.
    letter = registry.document("mae-sai-w0313")
    assert letter is not None and letter.number == "ขร 0023.20/ว 0313" and not letter.is_stub
    assert registry.document("chiang-rai-w4634") == registry.lookup("ว 4634").document


def test_missing_source_is_reported(registry: Registry, kb_root: Path) -> None:  # noqa: F811
    with registry.engine.begin() as connection:
        table = LetterRecord.__table__  # type: ignore[attr-defined]
        connection.execute(sa.delete(table).where(table.c.kb_id == "cabinet-2561-10-10"))
    problems = registry.check_sources(load_knowledge(kb_root))
    assert any("cabinet-2561-10-10" in problem for problem in problems)


def test_eval_lookups(registry: Registry) -> None:
    lookups = yaml.safe_load(EVAL.read_text(encoding="utf-8"))["lookups"]
    assert lookups
    for item in lookups:
        result = registry.lookup(item["q"])
        assert result.found is (item["number"] is not None), item
        assert result.number == item["number"], item


@pytest.mark.parametrize(
    "query",
    ["ขร 0023.20/ว 0313", "ขร ๐๐๒๓.๒๐/ว ๐๓๑๓", "ขร.0023.20/ว.0313", "ขร0023.20/ว313", "0023.20/ว0313",
     "๐๐๒๓.๒๐/ว ๓๑๓", "ว 0313", "ว313", "ว.๐๓๑๓", "หนังสือ ว 0313 ว่าอย่างไร"],
)
def test_spellings_of_the_circular(registry: Registry, query: str) -> None:
    assert registry.lookup(query).number == "ขร 0023.20/ว 0313"


@pytest.mark.parametrize(
    "query", ["ว 4", "ว 463", "ขร 0023.20/ว 9999", "ขร 0023.20/ว 03130", "มท 0023.20/ว 0313", "ไม่มีเลข"]
)
def test_a_different_number_is_never_found(registry: Registry, query: str) -> None:
    result = registry.lookup(query)
    assert not result.found and result.number is None
    assert result.to_json()["number"] is None


def test_near_numbers_are_only_candidates(registry: Registry) -> None:
    result = registry.lookup("ว 4")
    assert not result.found and result.candidates == ["ขร 0023.3/ว 4634"]
    card = render_card(result)
    assert card.startswith("ไม่พบหนังสือเลขที่ ว 4") and "ไม่ใช่เลขที่ที่ถาม" in card
    # A wrong prefix with the right office code and serial: offered, not found.
    wrong = registry.lookup("มท 0023.20/ว 0313")
    assert not wrong.found and wrong.candidates == ["ขร 0023.20/ว 0313"]


def test_several_matches_are_listed(registry: Registry) -> None:
    registry.ingest_file(TEST_LETTERS / "district-enclosures-arabic.txt")
    other = (TEST_LETTERS / "district-enclosures-arabic.txt").read_text(encoding="utf-8")
    registry.ingest_text(other.replace("ชม 0023.15/ว 42", "ลป 0023.9/ว 42"), "other")
    result = registry.lookup("ว 42")
    assert not result.found and result.status == "ambiguous"
    assert result.candidates == ["ชม 0023.15/ว 42", "ลป 0023.9/ว 42"]
    assert "โปรดระบุเลขที่เต็ม" in render_card(result)
    assert registry.lookup("ชม 0023.15/ว 42").found


def test_ingest_is_idempotent_and_reports_changes(registry: Registry) -> None:
    path = TEST_LETTERS / "province-two-references.txt"
    before = registry.count()
    first = registry.ingest_file(path)
    assert first.status == "added" and first.number == "ชร 0023.3/ว 1234"
    assert first.stubs == ["มท 0810.2/ว 555", "ชร 0023.3/ว 4000"]
    after = registry.count()
    assert after == before + 3
    again = registry.ingest_file(path)
    assert again.status == "unchanged" and registry.count() == after
    changed = path.read_text(encoding="utf-8").replace("นายอำเภอ ทุกอำเภอ", "นายอำเภอทุกอำเภอ")
    update = registry.ingest_text(changed, str(path))
    assert update.status == "updated" and update.changed == ["recipient"]
    assert registry.count() == after
    assert [link.document.number for link in registry.lookup("ชร 0023.3/ว 1234").references] == [
        "มท 0810.2/ว 555", "ชร 0023.3/ว 4000"]


def test_a_stub_is_filled_when_its_text_arrives(registry: Registry) -> None:
    registry.ingest_file(TEST_LETTERS / "province-two-references.txt")
    stub = registry.lookup("มท 0810.2/ว 555")
    assert stub.document is not None and stub.document.is_stub and stub.document.date == "2026-02-02"
    text = (TEST_LETTERS / "ministry-letter-one-line-stamp.txt").read_text(encoding="utf-8")
    text = text.replace("มท ๐๘๑๐.๔/๑๒๓๔", "มท ๐๘๑๐.๒/ว ๕๕๕").replace("๒๗   กุมภาพันธ์", "๒   กุมภาพันธ์")
    filled = registry.ingest_text(text, "moi-555.txt")
    assert filled.status == "filled"
    result = registry.lookup("มท 0810.2/ว 555")
    assert result.document is not None and not result.document.is_stub
    assert result.document.subject == "ซักซ้อมแนวทางการจัดทำบันทึกความเข้าใจ"
    assert [link.document.label for link in result.referenced_by] == ["ชร 0023.3/ว 1234"]
    # Its own อ้างถึง (the Cabinet resolution by date) links to the KB document.
    assert [(link.relation, link.document.key) for link in result.references] == [
        ("refers-to", "cabinet-2561-10-10")]


def test_a_text_that_is_not_a_letter_writes_nothing(registry: Registry) -> None:
    before = registry.count()
    result = registry.ingest_file(TEST_LETTERS / "not-a-letter.txt")
    assert result.status == "refused"
    assert result.missing == ["number", "date", "subject", "recipient"]
    assert "nothing stored" in result.describe()
    assert registry.count() == before


def test_free_text_hits_and_cards(registry: Registry) -> None:
    hits = registry.circulars_in("หนังสือ ว ๔๖๓๔ เรื่องอะไร และ ขร 0023.20/ว 9999 ล่ะ")
    assert [(hit.found, hit.number) for hit in hits] == [(True, "ขร 0023.3/ว 4634"), (False, None)]
    assert registry.circulars_in("อบต. ทำ MOU ได้ไหม") == []
    card = render_card(registry.lookup("ว 0313"))
    assert card.splitlines()[:3] == ["หนังสือที่ ขร 0023.20/ว 0313", "ลงวันที่ 23 กุมภาพันธ์ 2569",
                                     "จาก ที่ว่าการอำเภอแม่สาย"]
    assert "อ้างถึง:\n- หนังสือที่ ขร 0023.20/ว 016 ลงวันที่ 8 มกราคม 2569" in card
    assert "สิ่งที่ส่งมาด้วย:\n- หนังสือที่ ขร 0023.3/ว 4634 ลงวันที่ 16 กุมภาพันธ์ 2569 (จังหวัดเชียงราย)" in card
    stub_card = render_card(hits[0])
    assert stub_card.startswith("หนังสือที่ ขร 0023.3/ว 4634")
    assert "ส่งฉบับนี้มาด้วย" in stub_card and "ยังไม่มีข้อความฉบับเต็ม" in stub_card


def test_reopening_does_not_reseed(db_url: str, kb_root: Path) -> None:  # noqa: F811
    first = Registry.open(db_url, kb_root)
    assert first.ensure_seeded() is False
    with first.engine.connect() as connection:
        stored = connection.execute(sa.text("select value from policybot_meta where key = :k"),
                                    {"k": SEED_META_KEY}).scalar()
    assert stored == first.seed_fingerprint()
    # An older seed (another version, or changed shipped files) is re-seeded, without duplicates.
    count = first.count()
    with first.engine.begin() as connection:
        connection.execute(sa.text("update policybot_meta set value = 'old' where key = :k"), {"k": SEED_META_KEY})
    second = Registry.open(db_url, kb_root)
    assert second.count() == count
    assert second.ensure_seeded() is False
    first.close()
    second.close()


def test_migrations_match_the_models(db_url: str) -> None:  # noqa: F811
    engine = open_engine(db_url)
    inspector = sa.inspect(engine)
    for table_name in ("registry_document", "registry_link"):
        model = SQLModel.metadata.tables[table_name]
        columns = {column["name"]: column for column in inspector.get_columns(table_name)}
        assert set(columns) == set(model.columns.keys()), table_name
        for column in model.columns:
            assert columns[column.name]["nullable"] == column.nullable, (table_name, column.name)
        indexes = {tuple(index["column_names"]) for index in inspector.get_indexes(table_name)}
        wanted = {tuple(c.name for c in index.columns) for index in model.indexes}
        assert wanted <= indexes, table_name
    engine.dispose()


def test_registry_does_not_import_telegram() -> None:
    import subprocess

    code = "import bot.registry, bot.letters, bot.numbers, sys; assert 'telegram' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


@pytest.mark.parametrize("query", ["ขร OO23.20/ว O313", "ว o๓๑๓", "ตามหนังสือที่ขร0023.20/ว0313 ลงวันที่ 23 ก.พ. 69"])
def test_o_for_zero_and_numbers_in_sentences(registry: Registry, query: str) -> None:
    assert registry.lookup(query).number == "ขร 0023.20/ว 0313"


@pytest.mark.parametrize("query", ["ว O31", "ว 3130", "ขร OO23.20/ว O3130"])
def test_o_for_zero_never_finds_another_number(registry: Registry, query: str) -> None:
    result = registry.lookup(query)
    assert not result.found and result.number is None


def test_seeded_citations_work_out_of_the_box(registry: Registry) -> None:
    result = registry.lookup("ว 1863")
    assert result.found and result.number == "มท 0893.3/ว 1863" and result.document is not None
    assert result.document.date == "2013-08-23" and result.document.issuer == "กรมส่งเสริมการปกครองท้องถิ่น"
    provenance = result.to_json()["provenance"]
    assert provenance["method"] == "citation" and provenance["source"] == "citations.yaml"
    assert provenance["source_url"].startswith("http://news.yotathai.com/2013/09/")
    assert provenance["needs_review"] is False and len(provenance["sha256"]) == 64
    assert registry.lookup("มท 0803/ว 2872").found
    # The shipped letter was read from text; the letters it cites are known from it.
    assert registry.lookup("ว 0313").to_json()["provenance"]["method"] == "text"
    assert registry.lookup("ว 4634").to_json()["provenance"]["source"] == "letters/kr-0023.20-w0313.txt"


def test_provenance_migration_keeps_older_rows_honest(db_url: str) -> None:  # noqa: F811
    from alembic import command
    from alembic.config import Config

    from bot.store import MIGRATIONS_DIR, make_engine, migrate

    engine = make_engine(db_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_registry")
        insert = sa.text("insert into registry_document (key, kind, is_stub, updated_at, kb_id) "
                         "values (:key, 'circular', :stub, CURRENT_TIMESTAMP, :kb)")
        connection.execute(insert, [{"key": "letter", "stub": False, "kb": None},
                                    {"key": "stub", "stub": True, "kb": None},
                                    {"key": "kb", "stub": True, "kb": "kb-doc"}])
    migrate(engine)
    with engine.connect() as connection:
        rows = dict(connection.execute(sa.text("select key, method from registry_document")).all())
        flagged = connection.execute(sa.text("select count(*) from registry_document where needs_review")).scalar()
    assert rows == {"letter": "text", "stub": "citation", "kb": "curated"} and flagged == 0
    engine.dispose()
