"""Question log: what was asked, what was answered, and feedback; user ids only as salted hashes."""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Column, DateTime, Text, UniqueConstraint, delete, func
from sqlalchemy.engine import Engine
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError
from sqlmodel import Field, SQLModel, col, select

from bot.clock import utcnow
from bot.conversation import LogRecord
from bot.store import DEFAULT_TIMEOUT, StoreError, open_engine, session_scope

log = logging.getLogger(__name__)

# Entries kept in memory while the database is unreachable; beyond this the oldest are dropped.
MAX_PENDING = 1000
# How long to wait before trying an unreachable database again.
RETRY_SECONDS = 30.0


class QuestionLog(SQLModel, table=True):
    """One question asked, with what the bot answered (no names, no raw user ids)."""

    __tablename__ = "question_log"

    id: int | None = Field(default=None, primary_key=True)
    ref: str = Field(max_length=16, unique=True, index=True)
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False, index=True))
    user_hash: str = Field(max_length=64, index=True)
    channel: str = Field(max_length=16, sa_column_kwargs={"server_default": "telegram"})
    chat_type: str = Field(max_length=16)
    question: str = Field(sa_column=Column(Text(), nullable=False))
    entry_id: str | None = Field(default=None, max_length=128)
    verdict: str | None = Field(default=None, max_length=16)
    confidence: float
    declined: bool
    latency_ms: float


class QuestionFeedback(SQLModel, table=True):
    """A 👍 (+1) or 👎 (-1) on an answer, one per user and answer (a second press replaces it)."""

    __tablename__ = "question_feedback"
    __table_args__ = (UniqueConstraint("ref", "user_hash", name="uq_question_feedback_ref_user"),)

    id: int | None = Field(default=None, primary_key=True)
    # The answer's `QuestionLog.ref`; no foreign key, so feedback is kept even if it beats its log row.
    ref: str = Field(max_length=16, index=True)
    user_hash: str = Field(max_length=64)
    value: int
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False, index=True))


class FeedbackComment(SQLModel, table=True):
    """A comment a user sent with /feedback, kept for the admins (the sender only as a salted hash)."""

    __tablename__ = "feedback_comment"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False, index=True))
    user_hash: str = Field(max_length=64)
    channel: str = Field(max_length=16)
    text: str = Field(sa_column=Column(Text(), nullable=False))


# The longest comment kept: a few paragraphs; more is cut (and the user is told).
MAX_COMMENT_CHARS = 2000


@dataclass(frozen=True)
class Comment:
    """One /feedback comment as /stats lists it."""

    created_at: datetime
    channel: str
    text: str


@dataclass(frozen=True)
class Stats:
    """Totals for `/stats`."""

    days: int
    questions: int
    answered: int
    top_entries: list[tuple[str, int]]
    thumbs_up: int
    thumbs_down: int
    median_latency_ms: float | None
    by_channel: list[tuple[str, int]]
    # The latest /feedback comments, newest first, and how many came in over the period.
    comments: tuple[Comment, ...] = ()
    comment_count: int = 0

    @property
    def answer_rate(self) -> float:
        """Return the share of questions that got an answer (0 when there were none)."""
        return self.answered / self.questions if self.questions else 0.0


@dataclass(frozen=True)
class UnansweredGroup:
    """Similar declined questions: how often, an example, the variants, and the nearest entry."""

    count: int
    example: str
    variants: list[str]
    nearest: str | None


def hash_user(user: str, salt: str) -> str:
    """Return the salted hash stored instead of a channel-qualified user id (PDPA)."""
    # Telegram ids were hashed as the bare number before ids carried their channel: keep doing so,
    # so logs written then still count as the same users (feedback replaces, not adds).
    channel, _, bare = user.partition(":")
    key = bare if channel == "telegram" and bare.isdigit() else user
    return hmac.new(salt.encode("utf-8"), key.encode("utf-8"), hashlib.sha256).hexdigest()


def _as_utc(value: datetime) -> datetime:
    # SQLite hands datetimes back without a zone; they were written in UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def record(engine: Engine, salt: str, records: list[LogRecord]) -> None:
    """Insert question log rows, the user ids hashed with `salt`."""
    with session_scope(engine) as session:
        for item in records:
            session.add(
                QuestionLog(
                    ref=item.ref, created_at=item.created_at, user_hash=hash_user(item.user, salt),
                    channel=item.channel, chat_type=item.chat_type, question=item.question, entry_id=item.entry_id,
                    verdict=item.verdict, confidence=item.confidence, declined=item.declined,
                    latency_ms=item.latency_ms,
                )
            )


def ref_exists(engine: Engine, ref: str) -> bool:
    """Tell whether a question log row has this reference."""
    with session_scope(engine) as session:
        return session.exec(select(QuestionLog.id).where(QuestionLog.ref == ref)).first() is not None


def record_feedback(engine: Engine, ref: str, user_hash: str, value: int, when: datetime | None = None) -> None:
    """Store one user's feedback on one answer, replacing their earlier press."""
    with session_scope(engine) as session:
        existing = session.exec(
            select(QuestionFeedback).where(QuestionFeedback.ref == ref, QuestionFeedback.user_hash == user_hash)
        ).first()
        if existing is None:
            session.add(QuestionFeedback(ref=ref, user_hash=user_hash, value=value, created_at=when or utcnow()))
        else:
            existing.value = value
            existing.created_at = when or utcnow()
            session.add(existing)


def record_comment(engine: Engine, user_hash: str, channel: str, text: str, when: datetime | None = None) -> None:
    """Store one /feedback comment."""
    with session_scope(engine) as session:
        session.add(FeedbackComment(created_at=when or utcnow(), user_hash=user_hash, channel=channel,
                                    text=text[:MAX_COMMENT_CHARS]))


def purge(engine: Engine, days: int, now: datetime | None = None) -> int:
    """Delete question logs (and their feedback and comments) older than `days`; return how many logs went."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    with session_scope(engine) as session:
        session.exec(delete(FeedbackComment).where(col(FeedbackComment.created_at) < cutoff))
        old_refs = select(QuestionLog.ref).where(col(QuestionLog.created_at) < cutoff)
        session.exec(delete(QuestionFeedback).where(col(QuestionFeedback.ref).in_(old_refs)))
        session.exec(delete(QuestionFeedback).where(col(QuestionFeedback.created_at) < cutoff))
        result = session.exec(delete(QuestionLog).where(col(QuestionLog.created_at) < cutoff))
        return int(result.rowcount or 0)


def stats(engine: Engine, days: int = 30, top: int = 5, now: datetime | None = None, comments: int = 5) -> Stats:
    """Count questions, answers, top entries, feedback and comments over the last `days`."""
    since = (now or utcnow()) - timedelta(days=days)
    with session_scope(engine) as session:
        recent = col(QuestionLog.created_at) >= since
        questions = session.exec(select(func.count()).select_from(QuestionLog).where(recent)).one()
        answered = session.exec(
            select(func.count()).select_from(QuestionLog).where(recent, col(QuestionLog.declined).is_(False))
        ).one()
        top_rows = session.exec(
            select(QuestionLog.entry_id, func.count())
            .where(recent, col(QuestionLog.entry_id).is_not(None))
            .group_by(col(QuestionLog.entry_id))
            .order_by(func.count().desc(), col(QuestionLog.entry_id))
            .limit(top)
        ).all()
        votes = dict(
            session.exec(
                select(QuestionFeedback.value, func.count())
                .where(col(QuestionFeedback.created_at) >= since)
                .group_by(col(QuestionFeedback.value))
            ).all()
        )
        latencies = sorted(
            session.exec(select(QuestionLog.latency_ms).where(recent).order_by(col(QuestionLog.id).desc()).limit(5000))
        )
        channels = session.exec(
            select(QuestionLog.channel, func.count())
            .where(recent)
            .group_by(col(QuestionLog.channel))
            .order_by(func.count().desc(), col(QuestionLog.channel))
        ).all()
        comment_rows = session.exec(
            select(FeedbackComment)
            .where(col(FeedbackComment.created_at) >= since)
            .order_by(col(FeedbackComment.created_at).desc(), col(FeedbackComment.id).desc())
            .limit(comments)
        ).all()
        latest = tuple(Comment(_as_utc(row.created_at), row.channel, row.text) for row in comment_rows)
        comment_count = session.exec(
            select(func.count()).select_from(FeedbackComment).where(col(FeedbackComment.created_at) >= since)
        ).one()
    median = latencies[len(latencies) // 2] if latencies else None
    return Stats(
        days=days,
        questions=int(questions),
        answered=int(answered),
        top_entries=[(str(entry), int(count)) for entry, count in top_rows],
        thumbs_up=int(votes.get(1, 0)),
        thumbs_down=int(votes.get(-1, 0)),
        median_latency_ms=median,
        by_channel=[(str(channel), int(count)) for channel, count in channels],
        comments=latest,
        comment_count=int(comment_count),
    )


def _group_key(text: str) -> str:
    """Return the declined question folded and segmented, for similarity grouping."""
    from bot.thai import fold, tokenize

    return " ".join(tokenize(fold(text)))


def unanswered(
    engine: Engine,
    nearest: Callable[[str], str | None],
    limit: int = 10,
    scan: int = 2000,
    similarity: float = 75.0,
) -> list[UnansweredGroup]:
    """Group the most recent declined questions by similarity, most frequent first."""
    from rapidfuzz import fuzz

    with session_scope(engine) as session:
        texts = list(
            session.exec(
                select(QuestionLog.question)
                .where(col(QuestionLog.declined).is_(True))
                .order_by(col(QuestionLog.id).desc())
                .limit(scan)
            )
        )
    counts = Counter(text.strip() for text in texts if text.strip())
    groups: list[tuple[str, Counter[str]]] = []  # (key of the group's first question, its members)
    # Most frequent spellings first, so each group is named after its commonest form.
    for text, count in counts.most_common():
        key = _group_key(text)
        for group_key, members in groups:
            # Token-sorted ratio on segmented words: reordered Thai sentences still group together.
            if fuzz.token_sort_ratio(key, group_key) >= similarity:
                members[text] += count
                break
        else:
            groups.append((key, Counter({text: count})))
    result = [
        UnansweredGroup(
            count=sum(members.values()),
            example=members.most_common(1)[0][0],
            variants=[text for text, _ in members.most_common()],
            nearest=nearest(members.most_common(1)[0][0]),
        )
        for _, members in sorted(groups, key=lambda group: -sum(group[1].values()))[:limit]
    ]
    return result


_REF = re.compile(r"^[0-9a-f]{12}$")


class QuestionLogger:
    """The question log as the bot uses it: writes in the background, degrades while the database is away.

    `submit` only queues a row (a turn never waits for the database); a writer thread started by
    `start` writes the queue, and keeps it (bounded by MAX_PENDING, oldest dropped) while the
    database is unreachable, so an outage loses nothing already stored and, up to MAX_PENDING
    rows, nothing new either. The queue is per process. Every other method blocks: call them from
    a worker thread.
    """

    def __init__(self, url: str, salt: str, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.url = url
        self.salt = salt
        self.timeout = timeout
        self.engine: Engine | None = None
        self._pending: deque[LogRecord] = deque(maxlen=MAX_PENDING)
        self._lock = threading.Lock()
        self._next_try = 0.0
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._stopping = False
        self._writer: threading.Thread | None = None

    @property
    def available(self) -> bool:
        """Tell whether the database is open."""
        return self.engine is not None

    @property
    def pending(self) -> int:
        """Return how many log rows wait in memory for the database."""
        return len(self._pending)

    def open(self) -> bool:
        """Open and migrate the database; on failure log one warning and return False."""
        with self._lock:
            return self._open_locked()

    def _open_locked(self) -> bool:
        if self.engine is not None:
            return True
        if time.monotonic() < self._next_try:
            return False
        try:
            self.engine = open_engine(self.url, self.timeout)
        except StoreError as error:
            self._next_try = time.monotonic() + RETRY_SECONDS
            log.warning("question log unavailable, answering without logging: %s", error)
            return False
        return True

    def user_hash(self, user: str) -> str:
        """Return the salted hash of a channel-qualified user id."""
        return hash_user(user, self.salt)

    def start(self) -> None:
        """Start the background writer that `submit` feeds."""
        if self._writer is None:
            self._stopping = False
            self._writer = threading.Thread(target=self._write_loop, name="question-log-writer", daemon=True)
            self._writer.start()

    def submit(self, item: LogRecord) -> None:
        """Queue one row for the background writer (written at once if no writer runs)."""
        with self._lock:
            self._pending.append(item)
            self._idle.clear()
        if self._writer is None:
            self.flush()
        else:
            self._wake.set()

    def _write_loop(self) -> None:
        while not self._stopping:
            self._wake.wait(RETRY_SECONDS)
            self._wake.clear()
            self.flush()

    def drain(self, timeout: float = 5.0) -> bool:
        """Wait until the queue is written (or `timeout` passes); tell whether it was."""
        if self._writer is None:
            return self.flush()
        self._wake.set()
        return self._idle.wait(timeout)

    def write(self, item: LogRecord) -> bool:
        """Write one row (and any queued ones) now; tell whether all were written."""
        with self._lock:
            self._pending.append(item)
            return self._flush_locked()

    def flush(self) -> bool:
        """Try to write the queued rows now."""
        with self._lock:
            return self._flush_locked()

    def _flush_locked(self) -> bool:
        written = self._flush_pending()
        if not self._pending:
            self._idle.set()
        return written

    def _flush_pending(self) -> bool:
        if not self._pending:
            return True
        if not self._open_locked() or self.engine is None:
            return False
        batch = list(self._pending)
        try:
            record(self.engine, self.salt, batch)
        except (OperationalError, InterfaceError) as error:
            # The database is away (network, disk, lock): keep the rows and try again later.
            self._next_try = time.monotonic() + RETRY_SECONDS
            log.warning("question log write failed, %d row(s) kept in memory: %s", len(batch), _one_line(error))
            return False
        except SQLAlchemyError:
            # A row the database refuses (e.g. a duplicate ref) must not block the others forever.
            return self._write_one_by_one(batch)
        self._pending.clear()
        return True

    def _write_one_by_one(self, batch: list[LogRecord]) -> bool:
        assert self.engine is not None
        self._pending.clear()
        written = True
        for item in batch:
            try:
                record(self.engine, self.salt, [item])
            except (OperationalError, InterfaceError):
                self._pending.append(item)
                written = False
            except SQLAlchemyError as error:
                log.warning("question log row %s refused and dropped: %s", item.ref, _one_line(error))
                written = False
        return written

    def _ready(self) -> Engine | None:
        """Return the open engine after writing what is queued, or None while the database is away."""
        with self._lock:
            if not self._open_locked() or self.engine is None:
                return None
            self._flush_locked()
            return self.engine

    def feedback(self, ref: str, user: str, value: int) -> bool:
        """Store a 👍 (+1) or 👎 (-1) on the answer logged as `ref`; False for an unknown ref or no database."""
        if not _REF.match(ref) or value not in (1, -1):
            return False
        engine = self._ready()
        if engine is None:
            return False
        try:
            if not ref_exists(engine, ref):
                log.info("feedback on an unknown answer reference ignored")
                return False
            record_feedback(engine, ref, self.user_hash(user), value)
        except SQLAlchemyError as error:
            log.warning("feedback not stored: %s", _one_line(error))
            return False
        return True

    def comment(self, user: str, channel: str, text: str) -> bool:
        """Store a /feedback comment for the admins; False while the database is away."""
        engine = self._ready()
        if engine is None:
            return False
        try:
            record_comment(engine, self.user_hash(user), channel, text)
        except SQLAlchemyError as error:
            log.warning("feedback comment not stored: %s", _one_line(error))
            return False
        return True

    def stats(self, days: int = 30) -> Stats | None:
        """Return the figures for /stats; None while the database is away."""
        engine = self._ready()
        if engine is None:
            return None
        try:
            return stats(engine, days)
        except SQLAlchemyError as error:
            log.warning("question log statistics failed: %s", _one_line(error))
            return None

    def unanswered(self, nearest: Callable[[str], str | None]) -> list[UnansweredGroup] | None:
        """Return the most frequent declined questions, grouped; None while the database is away."""
        engine = self._ready()
        if engine is None:
            return None
        try:
            return unanswered(engine, nearest)
        except SQLAlchemyError as error:
            log.warning("question log listing failed: %s", _one_line(error))
            return None

    def purge(self, days: int) -> int | None:
        """Delete logs older than `days`; None when the database is unreachable."""
        engine = self._ready()
        if engine is None:
            return None
        try:
            return purge(engine, days)
        except SQLAlchemyError as error:
            log.warning("question log retention failed: %s", _one_line(error))
            return None

    def close(self) -> None:
        """Stop the writer, write what is queued, report what could not be, and release the engine."""
        writer, self._writer = self._writer, None
        if writer is not None:
            self._stopping = True
            self._wake.set()
            writer.join(timeout=10)
        with self._lock:
            self._next_try = 0.0
            self._flush_locked()
            if self._pending:
                log.warning("question log: %d row(s) could not be written and are dropped", len(self._pending))
            if self.engine is not None:
                self.engine.dispose()
                self.engine = None


def _one_line(error: BaseException) -> str:
    text = str(error)
    return text.splitlines()[0] if text else type(error).__name__
