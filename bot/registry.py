"""The circular registry: letters, resolutions and stubs in a database, linked and looked up by number."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlmodel import Field, Session, SQLModel, col, delete, select

from bot.clock import utcnow
from bot.knowledge import KnowledgeBase, KnowledgeError, load_knowledge, resolve_knowledge_dir
from bot.letters import ParsedLetter, parse_letter, summary_of
from bot.lookups import ENCLOSES, REFERS_TO, LetterView, Link, LookupResult
from bot.numbers import LetterNumber, find_numbers, parse_number
from bot.store import DEFAULT_TIMEOUT, StoreError, open_engine, session_scope, setup_lock

if TYPE_CHECKING:
    from bot.config import Settings

log = logging.getLogger(__name__)

# Bump when the way shipped texts become rows changes, so existing databases are re-seeded.
SEED_VERSION = "1"
SEED_META_KEY = "registry_seed"
_MAX_MATCHES = 20
_MAX_CANDIDATES = 5


class LetterRecord(SQLModel, table=True):
    """A document in the registry: a full letter, a stub known from a reference, or a KB document."""

    __tablename__ = "registry_document"

    id: int | None = Field(default=None, primary_key=True)
    # Stable key: the canonical number when the document has one, else its documents.yaml id.
    key: str = Field(max_length=200, unique=True, index=True)
    kb_id: str | None = Field(default=None, max_length=100, unique=True, index=True)
    kind: str = Field(max_length=40)
    number: str | None = Field(default=None, max_length=100)
    printed_number: str | None = Field(default=None, max_length=200)
    key_full: str | None = Field(default=None, max_length=100, unique=True, index=True)
    key_tail: str | None = Field(default=None, max_length=100, index=True)
    key_serial: str | None = Field(default=None, max_length=40, index=True)
    date: dt.date | None = None
    title: str | None = Field(default=None, sa_type=sa.Text)
    issuer: str | None = Field(default=None, sa_type=sa.Text)
    address: str | None = Field(default=None, sa_type=sa.Text)
    subject: str | None = Field(default=None, sa_type=sa.Text)
    recipient: str | None = Field(default=None, sa_type=sa.Text)
    summary: str | None = Field(default=None, sa_type=sa.Text)
    full_text: str | None = Field(default=None, sa_type=sa.Text)
    details: str | None = Field(default=None, sa_type=sa.Text)
    note: str | None = Field(default=None, sa_type=sa.Text)
    source_file: str | None = Field(default=None, sa_type=sa.Text)
    content_hash: str | None = Field(default=None, max_length=64)
    is_stub: bool = True
    updated_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))


class DocumentLink(SQLModel, table=True):
    """An edge: `source` refers to (อ้างถึง) or encloses (สิ่งที่ส่งมาด้วย) `target`."""

    __tablename__ = "registry_link"
    __table_args__ = (sa.UniqueConstraint("source_id", "target_id", "relation", name="uq_registry_link"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="registry_document.id", ondelete="CASCADE", index=True)
    target_id: int = Field(foreign_key="registry_document.id", ondelete="CASCADE", index=True)
    relation: str = Field(max_length=20)
    position: int = 0
    text: str | None = Field(default=None, sa_type=sa.Text)


_META = sa.table("policybot_meta", sa.column("key", sa.String), sa.column("value", sa.Text))


@dataclass
class IngestResult:
    """What ingesting one text did: added, filled (a stub), updated, unchanged or refused."""

    status: str
    number: str | None = None
    source: str | None = None
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    stubs: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """Return one English line for the operator."""
        where = f"{self.source}: " if self.source else ""
        if self.status == "refused":
            return f"{where}refused: not an official letter (missing: {', '.join(self.missing)}); nothing stored"
        text = f"{where}{self.status} {self.number}"
        if self.changed:
            text += f" (changed: {', '.join(self.changed)})"
        if self.stubs:
            text += f"; new stubs: {', '.join(self.stubs)}"
        return text


def _first_line(error: BaseException) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _text_hash(text: str) -> str:
    # Line endings and trailing spaces are not changes to the letter.
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return hashlib.sha256("\n".join(lines).strip().encode("utf-8")).hexdigest()


def _keys(number: LetterNumber) -> dict[str, Any]:
    return {
        "number": number.canonical,
        "key_full": number.key_full,
        "key_tail": number.key_tail,
        "key_serial": number.key_serial,
    }


class RegistryError(Exception):
    """A registry operation failed; the message is one line for the operator."""


class Registry:
    """The registry on one database; open with `Registry.open(url)` or `Registry.from_settings(settings)`."""

    def __init__(self, engine: Engine, knowledge_dir: Path | None = None) -> None:
        self.engine = engine
        self.knowledge_dir = resolve_knowledge_dir(knowledge_dir)

    @classmethod
    def open(
        cls, url: str, knowledge_dir: Path | None = None, *, seed: bool = True, timeout: float = DEFAULT_TIMEOUT
    ) -> Registry:
        """Open (and migrate) the database at `url`; seed it from the shipped knowledge if needed."""
        registry = cls(open_engine(url, timeout), knowledge_dir)
        if seed:
            try:
                # Processes starting together: one seeds, the others wait and find it done.
                with setup_lock(registry.engine):
                    registry.ensure_seeded()
            except SQLAlchemyError as error:
                registry.close()
                raise StoreError(f"cannot seed the registry: {_first_line(error)}") from error
        return registry

    @classmethod
    def from_settings(cls, settings: Settings, *, seed: bool = True) -> Registry:
        """Open the registry the settings name (DATABASE_URL or the SQLite file, KNOWLEDGE_DIR)."""
        return cls.open(settings.database_url, settings.knowledge_dir, seed=seed, timeout=settings.db_timeout_seconds)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    # --- seeding -------------------------------------------------------------------------

    def seed_fingerprint(self) -> str:
        """Return a hash of everything seeding reads: shipped letters, documents.yaml, entries."""
        digest = hashlib.sha256(f"seed-v{SEED_VERSION}".encode())
        root = self.knowledge_dir
        files = [*sorted((root / "letters").glob("*.txt")), root / "documents.yaml",
                 *sorted((root / "entries").glob("*.y*ml"))]
        for path in files:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes() if path.is_file() else b"-")
        return digest.hexdigest()

    def _stored_fingerprint(self) -> str | None:
        with self.engine.connect() as connection:
            value = connection.execute(sa.select(_META.c.value).where(_META.c.key == SEED_META_KEY)).scalar()
        return None if value is None else str(value)

    def ensure_seeded(self) -> bool:
        """Ingest the shipped letters and documents unless this database already has them; tell if it did."""
        fingerprint = self.seed_fingerprint()
        if self._stored_fingerprint() == fingerprint:
            return False
        try:
            self._seed(fingerprint)
        except IntegrityError:
            # Another process seeded at the same moment: its rows are the same rows.
            log.info("registry seeded concurrently; re-checking")
            if self._stored_fingerprint() != fingerprint:
                self._seed(fingerprint)
        return True

    def _seed(self, fingerprint: str) -> None:
        root = self.knowledge_dir
        with session_scope(self.engine) as session:
            for path in sorted((root / "letters").glob("*.txt")):
                result = self._ingest(session, path.read_text(encoding="utf-8-sig"), f"letters/{path.name}")
                if result.status == "refused":
                    log.warning("shipped letter %s is not readable as a letter: %s", path.name, result.missing)
            try:
                kb = load_knowledge(root)
            except KnowledgeError as error:
                log.warning("knowledge base invalid; its documents are not in the registry: %s", error.problems[0])
            else:
                for document in kb.documents.values():
                    self._upsert_kb_document(session, document)
            connection = session.connection()
            updated = connection.execute(
                sa.update(_META).where(_META.c.key == SEED_META_KEY).values(value=fingerprint)
            ).rowcount
            if not updated:
                connection.execute(sa.insert(_META).values(key=SEED_META_KEY, value=fingerprint))

    def _upsert_kb_document(self, session: Session, kb_doc: Any) -> LetterRecord:
        """Make the documents.yaml entry `kb_doc` a registry document (merging with its letter by number)."""
        number = parse_number(kb_doc.number) if kb_doc.number else None
        doc: LetterRecord | None = None
        if number is not None and number.key_full:
            doc = session.exec(select(LetterRecord).where(LetterRecord.key_full == number.key_full)).first()
        if doc is None:
            doc = session.exec(select(LetterRecord).where(LetterRecord.kb_id == kb_doc.id)).first()
        if doc is None:
            doc = session.exec(select(LetterRecord).where(LetterRecord.key == kb_doc.id)).first()
        if doc is None:
            key = number.canonical if number and number.key_full else kb_doc.id
            doc = LetterRecord(key=key, kind=kb_doc.kind, is_stub=True)
            if number is not None and number.key_full:
                for name, value in _keys(number).items():
                    setattr(doc, name, value)
                doc.printed_number = kb_doc.number
        holder = session.exec(select(LetterRecord).where(LetterRecord.kb_id == kb_doc.id)).first()
        if holder is not None and holder is not doc:
            holder.kb_id = None
            session.add(holder)
            session.flush()
        doc.kb_id = kb_doc.id
        doc.title = kb_doc.title
        doc.note = kb_doc.note
        doc.kind = kb_doc.kind
        # The letter's own text is authoritative; documents.yaml fills what is still unknown.
        if doc.date is None and kb_doc.date:
            doc.date = date.fromisoformat(kb_doc.date)
        if not doc.issuer and kb_doc.issuer:
            doc.issuer = kb_doc.issuer
        if not doc.source_file and kb_doc.file:
            doc.source_file = kb_doc.file
        session.add(doc)
        session.flush()
        return doc

    # --- ingest --------------------------------------------------------------------------

    def ingest_text(self, text: str, source: str | None = None) -> IngestResult:
        """Store one letter text (all or nothing); the same text twice stores nothing new."""
        with session_scope(self.engine) as session:
            return self._ingest(session, text, source)

    def ingest_file(self, path: Path) -> IngestResult:
        """Store the letter in the UTF-8 text file at `path`."""
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            return IngestResult("refused", source=str(path), missing=["UTF-8 text"])
        return self.ingest_text(text, str(path))

    def ingest_many(self, items: Iterable[tuple[str, str | None]]) -> list[IngestResult]:
        """Store many (text, source) letters in one transaction (used by the benchmark and seeding)."""
        with session_scope(self.engine) as session:
            return [self._ingest(session, text, source) for text, source in items]

    def _ingest(self, session: Session, text: str, source: str | None) -> IngestResult:
        letter = parse_letter(text)
        number = parse_number(letter.number) if letter.number else None
        if letter.missing or number is None or number.key_full is None:
            return IngestResult("refused", source=source, missing=letter.missing or ["number"])
        digest = _text_hash(text)
        doc = session.exec(select(LetterRecord).where(LetterRecord.key_full == number.key_full)).first()
        if doc is not None and not doc.is_stub and doc.content_hash == digest:
            return IngestResult("unchanged", number=doc.number, source=source)
        values = self._letter_values(letter, number, text, digest, source)
        if doc is None:
            status, changed = "added", []
            doc = LetterRecord(key=number.canonical, kind=values.pop("kind"), **values)
        else:
            status = "filled" if doc.is_stub else "updated"
            if doc.kb_id is not None:
                values.pop("kind")  # documents.yaml decides the kind of a document the answers cite
            changed = [name for name, value in values.items()
                       if name not in {"full_text", "content_hash", "details", "is_stub", "updated_at"}
                       and getattr(doc, name) != value]
            if status == "updated" and not changed:
                changed = ["text"]
            for name, value in values.items():
                setattr(doc, name, value)
        session.add(doc)
        session.flush()
        assert doc.id is not None
        stubs = self._link(session, doc.id, letter)
        return IngestResult(status, number=doc.number, source=source, changed=changed, stubs=stubs)

    @staticmethod
    def _letter_values(
        letter: ParsedLetter, number: LetterNumber, text: str, digest: str, source: str | None
    ) -> dict[str, Any]:
        return {
            **_keys(number),
            "kind": "circular" if number.circular else "letter",
            "printed_number": letter.printed_number,
            "date": date.fromisoformat(letter.date) if letter.date else None,
            "issuer": letter.issuer,
            "address": letter.address,
            "subject": letter.subject,
            "recipient": letter.recipient,
            "summary": summary_of(letter) or None,
            "full_text": text,
            "details": json.dumps(letter.to_json(), ensure_ascii=False),
            "source_file": source,
            "content_hash": digest,
            "is_stub": False,
            "updated_at": utcnow(),
        }

    def _link(self, session: Session, doc_id: int, letter: ParsedLetter) -> list[str]:
        """Replace the document's outgoing links with its อ้างถึง and สิ่งที่ส่งมาด้วย; return new stubs."""
        session.exec(delete(DocumentLink).where(col(DocumentLink.source_id) == doc_id))
        new_stubs: list[str] = []
        seen: set[tuple[int, str]] = set()
        edges: list[tuple[str, str | None, str | None, str | None, str]] = [
            (REFERS_TO, ref.number, ref.date, ref.issuer, ref.text) for ref in letter.references
        ] + [(ENCLOSES, enc.number, enc.date, enc.issuer, enc.title) for enc in letter.enclosures]
        for position, (relation, number_text, when, issuer, text) in enumerate(edges):
            target = self._target(session, number_text, when, issuer, new_stubs)
            if target is None or target.id is None or target.id == doc_id or (target.id, relation) in seen:
                continue
            seen.add((target.id, relation))
            session.add(DocumentLink(source_id=doc_id, target_id=target.id, relation=relation,
                                     position=position, text=text))
        session.flush()
        return new_stubs

    def _target(
        self, session: Session, number_text: str | None, when: str | None, issuer: str | None, new_stubs: list[str]
    ) -> LetterRecord | None:
        """Return the document a reference names, creating a stub for an unknown number."""
        number = parse_number(number_text) if number_text else None
        if number is None or number.key_full is None:
            if issuer == "คณะรัฐมนตรี" and when:
                # A Cabinet resolution is cited by its date; the KB lists the ones the answers use.
                day = date.fromisoformat(when)
                resolutions = select(LetterRecord).where(
                    LetterRecord.kind == "cabinet-resolution", LetterRecord.date == day
                )
                return session.exec(resolutions).first()
            return None
        doc = session.exec(select(LetterRecord).where(LetterRecord.key_full == number.key_full)).first()
        if doc is None:
            doc = LetterRecord(key=number.canonical, kind="circular" if number.circular else "letter", is_stub=True,
                           printed_number=number_text, **_keys(number))
            new_stubs.append(number.canonical)
        if doc.is_stub:
            # A stub holds what references say about it until its own text arrives.
            if doc.date is None and when:
                doc.date = date.fromisoformat(when)
            if not doc.issuer and issuer:
                doc.issuer = issuer
        session.add(doc)
        session.flush()
        return doc

    # --- lookup --------------------------------------------------------------------------

    def lookup(self, query: str) -> LookupResult:
        """Look a number up however it is typed: one match is found, several are candidates, none is none."""
        number = parse_number(query)
        if number is None:
            return LookupResult(query=query, found=False, status="not-a-number")
        # Core statements built once (below): the ORM costs more than the indexed lookup itself.
        with self.engine.connect() as connection:
            matches = connection.execute(_BY_LEVEL[number.level], {"key": number.key}).all()
            if len(matches) == 1:
                doc = matches[0]
                outgoing = connection.execute(_OUTGOING, {"id": doc.id}).all()
                incoming = connection.execute(_INCOMING, {"id": doc.id}).all()
                return LookupResult(
                    query=query,
                    found=True,
                    document=_view(doc),
                    references=[Link(row.relation, _view(row)) for row in outgoing],
                    referenced_by=[Link(row.relation, _view(row)) for row in incoming],
                    status="found",
                )
            if matches:
                labels = sorted(row.number or row.key for row in matches)
                return LookupResult(query=query, found=False, candidates=labels, status="ambiguous")
            return LookupResult(query=query, found=False, candidates=_closest(connection, number))

    def circulars_in(self, text: str) -> list[LookupResult]:
        """Return a lookup for each letter number mentioned in free text (found or not), in order."""
        results: list[LookupResult] = []
        seen: set[str] = set()
        for number, printed in find_numbers(text):
            if number.key in seen:
                continue
            seen.add(number.key)
            results.append(self.lookup(printed))
        return results

    def document(self, kb_id: str) -> LetterView | None:
        """Return the registry document for a documents.yaml id, or None."""
        with Session(self.engine) as session:
            doc = session.exec(select(LetterRecord).where(LetterRecord.kb_id == kb_id)).first()
            return _view(doc) if doc else None

    def count(self) -> int:
        """Return how many documents the registry holds."""
        with Session(self.engine) as session:
            return int(session.exec(select(sa.func.count()).select_from(LetterRecord)).one())

    def check_sources(self, kb: KnowledgeBase) -> list[str]:
        """Return a problem line for each KB source or numbered document that is not in the registry."""
        problems: list[str] = []
        with Session(self.engine) as session:
            known = {row for row in session.exec(select(LetterRecord.kb_id)).all() if row}
            for document in kb.documents.values():
                if document.id not in known:
                    problems.append(f"documents.yaml: document {document.id} is not in the registry")
                elif document.number:
                    number = parse_number(document.number)
                    doc = session.exec(select(LetterRecord).where(LetterRecord.kb_id == document.id)).one()
                    if number is None or number.key_full != doc.key_full:
                        problems.append(f"documents.yaml: document {document.id}: number {document.number!r} "
                                        "is not a letter number the registry can match")
            for entry in kb.entries:
                for source in entry.sources:
                    if source not in known:
                        problems.append(f"{entry.file}: entry {entry.id}: source {source!r} is not in the registry")
        return problems


_DOC = LetterRecord.__table__  # type: ignore[attr-defined]
_LINK = DocumentLink.__table__  # type: ignore[attr-defined]
_VIEW_COLUMNS = [_DOC.c[name] for name in (
    "id", "key", "kind", "number", "date", "title", "issuer", "subject", "recipient", "summary", "note", "kb_id",
    "is_stub")]
_BY_LEVEL = {
    level: sa.select(*_VIEW_COLUMNS).where(_DOC.c[column] == sa.bindparam("key")).limit(_MAX_MATCHES)
    for level, column in (("full", "key_full"), ("tail", "key_tail"), ("serial", "key_serial"))
}
_OUTGOING = (
    sa.select(_LINK.c.relation, *_VIEW_COLUMNS)
    .join_from(_LINK, _DOC, _DOC.c.id == _LINK.c.target_id)
    .where(_LINK.c.source_id == sa.bindparam("id"))
    .order_by(_LINK.c.position)
)
_INCOMING = (
    sa.select(_LINK.c.relation, *_VIEW_COLUMNS)
    .join_from(_LINK, _DOC, _DOC.c.id == _LINK.c.source_id)
    .where(_LINK.c.target_id == sa.bindparam("id"))
    .order_by(_DOC.c.date, _DOC.c.key)
)


def _nearby(condition: sa.ColumnElement[bool]) -> sa.Select[tuple[str]]:
    return (sa.select(_DOC.c.number).where(condition, _DOC.c.number.is_not(None))
            .order_by(_DOC.c.key_serial).limit(_MAX_CANDIDATES))


_SAME_TAIL = _nearby(_DOC.c.key_tail == sa.bindparam("key"))
_SAME_SERIAL = _nearby(_DOC.c.key_serial == sa.bindparam("key"))
# Index range instead of LIKE: "ว 463" offers ว 4634, ว 4635, … (as candidates only).
_SERIAL_STARTS = _nearby(sa.and_(_DOC.c.key_serial > sa.bindparam("key"), _DOC.c.key_serial < sa.bindparam("end")))


def _view(row: Any) -> LetterView:
    """Build a LetterView from a row of _VIEW_COLUMNS (or a LetterRecord)."""
    day = row.date
    if isinstance(day, str):  # pragma: no cover - drivers return dates, but be lenient
        day = date.fromisoformat(day)
    return LetterView(
        key=row.key, kind=row.kind, number=row.number, date=day.isoformat() if day else None, title=row.title,
        issuer=row.issuer, subject=row.subject, recipient=row.recipient, summary=row.summary, note=row.note,
        kb_id=row.kb_id, is_stub=bool(row.is_stub),
    )


def _closest(connection: sa.Connection, number: LetterNumber) -> list[str]:
    """Offer numbers near a query that matched nothing: same serial elsewhere, or serials it begins."""
    attempts: list[tuple[sa.Select[tuple[str]], dict[str, str]]] = []
    if number.level == "full" and number.key_tail:
        attempts.append((_SAME_TAIL, {"key": number.key_tail}))
    if number.level != "serial":
        attempts.append((_SAME_SERIAL, {"key": number.key_serial}))
    else:
        attempts.append((_SERIAL_STARTS, {"key": number.key_serial, "end": number.key_serial + "\uffff"}))
    for statement, params in attempts:
        found = [str(row) for row in connection.execute(statement, params).scalars() if row]
        if found:
            return list(dict.fromkeys(found))[:_MAX_CANDIDATES]
    return []
