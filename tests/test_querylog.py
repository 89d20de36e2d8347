"""The question log on a real SQLite file and (in CI) a real PostgreSQL."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from bot import querylog
from bot.conversation import LogRecord
from bot.querylog import FeedbackComment, QuestionFeedback, QuestionLog, QuestionLogger
from bot.store import open_engine, session_scope


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Yield a database URL: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'log.db'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """Open and migrate the database."""
    engine = open_engine(db_url)
    yield engine
    engine.dispose()


def _record(ref: str, question: str, entry_id: str | None = None, days_ago: float = 0, user: str = "u") -> LogRecord:
    return LogRecord(
        ref=ref,
        user=f"telegram:{user}",
        channel="telegram",
        chat_type="private",
        question=question,
        entry_id=entry_id,
        verdict="no" if entry_id else None,
        confidence=0.9 if entry_id else 0.1,
        declined=entry_id is None,
        latency_ms=12.5,
        created_at=datetime.now(UTC) - timedelta(days=days_ago),
    )


def test_migration_matches_the_models(engine: Engine) -> None:
    inspector = inspect(engine)
    for model in (QuestionLog, QuestionFeedback, FeedbackComment):
        table = model.__table__  # type: ignore[attr-defined]
        migrated = {column["name"]: column for column in inspector.get_columns(table.name)}
        assert set(migrated) == {column.name for column in table.columns}
        for column in table.columns:
            assert migrated[column.name]["nullable"] == column.nullable, (table.name, column.name)
    indexes = {index["name"] for index in inspector.get_indexes("question_log")}
    assert {"ix_question_log_ref", "ix_question_log_created_at", "ix_question_log_user_hash"} <= indexes


def test_user_ids_are_stored_only_as_salted_hashes() -> None:
    first = querylog.hash_user("telegram:123456", "salt-a")
    assert first == querylog.hash_user("telegram:123456", "salt-a")
    assert first != querylog.hash_user("telegram:123456", "salt-b")
    assert "123456" not in first and len(first) == 64
    # Telegram ids hash as they did before ids carried their channel; other channels hash whole.
    assert first == hmac.new(b"salt-a", b"123456", hashlib.sha256).hexdigest()
    assert querylog.hash_user("line:123456", "salt-a") != first


def test_record_stats_and_feedback(engine: Engine) -> None:
    querylog.record(engine, "salt", [_record("a1", "ตำบลทำเมืองพี่เมืองน้องได้ไหม", "sister-city-province-only"),
                             _record("a2", "อบต.ทำเมืองพี่เมืองน้องได้ไหม", "sister-city-province-only"),
                             _record("a3", "ราคาข้าววันนี้")])
    querylog.record_feedback(engine, "a1", "user-1", 1)
    querylog.record_feedback(engine, "a1", "user-1", -1)  # changed their mind: replaces
    querylog.record_feedback(engine, "a2", "user-2", 1)
    stats = querylog.stats(engine, days=30)
    assert (stats.questions, stats.answered) == (3, 2)
    assert stats.top_entries == [("sister-city-province-only", 2)]
    assert (stats.thumbs_up, stats.thumbs_down) == (1, 1)
    assert stats.median_latency_ms == 12.5
    assert abs(stats.answer_rate - 2 / 3) < 1e-9


def test_retention_deletes_only_old_logs_and_their_feedback(engine: Engine) -> None:
    querylog.record(engine, "salt", [_record("old", "เก่า", "x", days_ago=200), _record("new", "ใหม่", "x", days_ago=1)])
    querylog.record_feedback(engine, "old", "u", 1, when=datetime.now(UTC) - timedelta(days=199))
    querylog.record_feedback(engine, "new", "u", 1)
    assert querylog.purge(engine, days=180) == 1
    with session_scope(engine) as session:
        assert [row.ref for row in session.exec(QuestionLog.__table__.select())] == ["new"]  # type: ignore[attr-defined]
        assert [row.ref for row in session.exec(QuestionFeedback.__table__.select())] == ["new"]  # type: ignore[attr-defined]
    assert querylog.purge(engine, days=180) == 0


def test_unanswered_groups_similar_questions_with_nearest_entry(engine: Engine) -> None:
    rows = [
        _record("b1", "ราคาข้าวหอมมะลิวันนี้เท่าไร"),
        _record("b2", "ราคาข้าวหอมมะลิวันนี้เท่าไร"),
        _record("b3", "วันนี้ราคาข้าวหอมมะลิเท่าไร"),
        _record("b4", "อบต. ขอทุนจากญี่ปุ่นได้ไหม"),
        _record("b5", "ตอบได้", "sister-city-province-only"),
    ]
    querylog.record(engine, "salt", rows)
    groups = querylog.unanswered(engine, nearest=lambda text: "near-" + str(len(text)))
    assert [group.count for group in groups] == [3, 1]
    assert groups[0].example == "ราคาข้าวหอมมะลิวันนี้เท่าไร"
    assert set(groups[0].variants) == {"ราคาข้าวหอมมะลิวันนี้เท่าไร", "วันนี้ราคาข้าวหอมมะลิเท่าไร"}
    assert groups[0].nearest == "near-" + str(len(groups[0].example))
    assert groups[1].example == "อบต. ขอทุนจากญี่ปุ่นได้ไหม"


def test_logger_degrades_when_database_is_unreachable_and_catches_up(tmp_path: Path,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    logger = QuestionLogger(f"sqlite:///{blocker / 'log.db'}", "salt")
    assert not logger.open()
    assert "question log unavailable" in caplog.text
    assert logger.write(_record("c1", "คำถามตอนฐานข้อมูลล่ม")) is False
    assert logger.pending == 1 and not logger.feedback("c1", "telegram:1", 1)
    # The database comes back: queued rows are written with the next one.
    blocker.unlink()
    logger._next_try = 0.0
    assert logger.write(_record("c2", "คำถามถัดมา"))
    assert logger.pending == 0 and logger.engine is not None
    assert querylog.stats(logger.engine).questions == 2
    logger.close()


def test_logger_keeps_existing_rows_when_a_write_fails(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'log.db'}"
    logger = QuestionLogger(url, "salt")
    assert logger.write(_record("d1", "หนึ่ง"))
    # A duplicate ref violates the unique index: that row is dropped, nothing stored is touched,
    # and it does not block the rows after it.
    assert not logger.write(_record("d1", "ซ้ำ"))
    assert logger.pending == 0
    assert logger.write(_record("d2", "สอง"))
    assert logger.engine is not None and querylog.stats(logger.engine).questions == 2
    logger.close()
    assert querylog.stats(open_engine(url)).questions == 2


def test_background_writer_and_feedback_only_on_logged_answers(tmp_path: Path) -> None:
    logger = QuestionLogger(f"sqlite:///{tmp_path / 'log.db'}", "salt")
    assert logger.open()
    logger.start()
    ref = "0123456789ab"
    logger.submit(_record(ref, "อบต ทำเมืองพี่เมืองน้องได้ไหม", "sister-city-province-only"))
    assert logger.drain() and logger.pending == 0
    assert logger.feedback(ref, "telegram:5", 1)
    # A made-up or malformed reference is not stored or counted.
    assert not logger.feedback("ffffffffffff", "telegram:5", 1)
    assert not logger.feedback("'; drop table", "telegram:5", 1)
    assert not logger.feedback(ref, "telegram:5", 7)
    stats = logger.stats()
    assert stats is not None and (stats.questions, stats.thumbs_up) == (1, 1)
    assert stats.by_channel == [("telegram", 1)]
    logger.close()


def test_comments_are_stored_listed_newest_first_and_expire(engine: Engine) -> None:
    now = datetime.now(UTC)
    querylog.record_comment(engine, "h1", "telegram", "เก่ามาก", when=now - timedelta(days=200))
    querylog.record_comment(engine, "h1", "telegram", "คำตอบเรื่องงบดูงานไม่ครบ", when=now - timedelta(days=2))
    querylog.record_comment(engine, "h2", "line", "ขอบคุณครับ", when=now - timedelta(days=1))
    querylog.record_comment(engine, "h3", "telegram", "ก" * 5000)
    stats = querylog.stats(engine, days=30, comments=2)
    assert stats.comment_count == 3
    assert [(c.channel, c.text[:10]) for c in stats.comments] == [("telegram", "ก" * 10), ("line", "ขอบคุณครับ")]
    assert len(stats.comments[0].text) == querylog.MAX_COMMENT_CHARS and stats.comments[0].created_at.tzinfo
    querylog.purge(engine, days=180)
    with session_scope(engine) as session:
        texts = [row.text for row in session.exec(FeedbackComment.__table__.select())]  # type: ignore[attr-defined]
    assert "เก่ามาก" not in texts and len(texts) == 3


def test_logger_stores_comments_with_hashed_senders(tmp_path: Path) -> None:
    logger = QuestionLogger(f"sqlite:///{tmp_path / 'log.db'}", "salt")
    assert logger.comment("telegram:555", "telegram", "ความเห็น")
    assert logger.engine is not None
    with session_scope(logger.engine) as session:
        (row,) = session.exec(FeedbackComment.__table__.select())  # type: ignore[attr-defined]
    assert row.user_hash == querylog.hash_user("telegram:555", "salt") and "555" not in row.user_hash
    logger.close()
