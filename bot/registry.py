"""The circular registry: letters, resolutions and stubs in a database, linked and looked up by number."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlmodel import Field, Session, SQLModel, col, delete, select

from bot.citations import Citation, parse_citations
from bot.clock import utcnow
from bot.knowledge import KnowledgeBase, KnowledgeError, load_knowledge, resolve_knowledge_dir
from bot.letters import ParsedLetter, parse_letter, summary_of
from bot.lookups import ENCLOSES, REFERS_TO, LetterView, Link, LookupResult, Provenance
from bot.numbers import LetterNumber, find_numbers, parse_number
from bot.seeds import SEED_FILE, load_seed_citations
from bot.store import DEFAULT_TIMEOUT, StoreError, open_engine, session_scope, setup_lock

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.intake import ReadDocument

log = logging.getLogger(__name__)

# Bump when the way shipped texts become rows changes, so existing databases are re-seeded.
SEED_VERSION = "2"
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
    # Provenance: how the document was read (bot.lookups.METHODS), from which file (its SHA-256) or URL,
    # when, how sure OCR was, and whether a person must check the number or date.
    method: str = Field(default="text", max_length=20)
    source_url: str | None = Field(default=None, sa_type=sa.Text)
    source_sha256: str | None = Field(default=None, max_length=64)
    read_at: datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))
    ocr_confidence: float | None = None
    needs_review: bool = Field(default=False, index=True)
    review_reasons: str | None = Field(default=None, sa_type=sa.Text)
    reviewed_at: datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))


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


# How much a way of reading is trusted: a reading never replaces the text of a better one.
_METHOD_RANK = {"curated": 0, "citation": 1, "ocr": 2, "text": 3, "docx": 3, "pdf-text": 3}
REVIEW_SEPARATOR = "; "


@dataclass(frozen=True)
class Origin:
    """Where a text came from, for the provenance columns: method, file or URL, its SHA-256, OCR confidence."""

    method: str = "text"
    source: str | None = None
    sha256: str | None = None
    source_url: str | None = None
    confidence: float | None = None

    def columns(self, reasons: list[str]) -> dict[str, Any]:
        """Return the provenance column values for a document read now with these review reasons."""
        return {
            "method": self.method,
            "source_file": self.source,
            "source_sha256": self.sha256,
            "source_url": self.source_url,
            "read_at": utcnow(),
            "ocr_confidence": self.confidence,
            "needs_review": bool(reasons),
            "review_reasons": REVIEW_SEPARATOR.join(reasons) or None,
            "reviewed_at": None,
        }


# Why a reading needs a person: (number, date, receiving stamp's date) -> reasons; none for plain text.
Reviewer = Callable[[LetterNumber, "str | None", "str | None"], list[str]]


def _no_review(number: LetterNumber, when: str | None, received: str | None) -> list[str]:
    return []


@dataclass
class IngestResult:
    """What ingesting one letter or citation did: added, filled (a stub), updated, unchanged or refused."""

    status: str
    number: str | None = None
    source: str | None = None
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    stubs: list[str] = field(default_factory=list)
    date: str | None = None
    kind: str = "letter"
    method: str | None = None
    needs_review: bool = False
    reasons: list[str] = field(default_factory=list)
    note: str | None = None
    stubs_for_review: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """Return one English line for the operator."""
        where = f"{self.source}: " if self.source else ""
        if self.status == "refused":
            if self.note:
                return f"{where}refused: {self.note}; nothing stored"
            return f"{where}refused: not an official letter (missing: {', '.join(self.missing)}); nothing stored"
        text = f"{where}{self.status} {self.number}"
        if self.kind == "citation":
            text += " (citation)"
        if self.changed:
            text += f" (changed: {', '.join(self.changed)})"
        if self.stubs:
            text += "; new stubs: " + ", ".join(
                stub + (" (needs review)" if stub in self.stubs_for_review else "") for stub in self.stubs)
        if self.note:
            text += f"; {self.note}"
        if self.needs_review:
            text += f"; needs review: {REVIEW_SEPARATOR.join(self.reasons)}"
        return text


# The fields whose change an update reports, in this order.
_COMPARED = ("number", "key_full", "key_tail", "key_serial", "kind", "printed_number", "date", "issuer", "address",
             "subject", "recipient", "summary", "source_file")


def merged_reasons(stored: str | None, reasons: list[str]) -> str:
    """Return the stored review reasons with new ones added, each once."""
    old = [reason for reason in (stored or "").split(REVIEW_SEPARATOR) if reason]
    return REVIEW_SEPARATOR.join(dict.fromkeys([*old, *reasons]))


def move_links(session: Session, old_id: int, new_id: int) -> None:
    """Point every link of document `old_id` at `new_id` instead (dropping any it already has)."""
    links = session.exec(select(DocumentLink).where(
        sa.or_(col(DocumentLink.source_id) == old_id, col(DocumentLink.target_id) == old_id))).all()
    for link in links:
        source = new_id if link.source_id == old_id else link.source_id
        target = new_id if link.target_id == old_id else link.target_id
        duplicate = session.exec(select(DocumentLink).where(
            DocumentLink.source_id == source, DocumentLink.target_id == target,
            DocumentLink.relation == link.relation)).first()
        if duplicate is not None or source == target:
            session.delete(link)
        else:
            link.source_id, link.target_id = source, target
            session.add(link)
    session.flush()


def _first_line(error: BaseException) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _text_hash(text: str) -> str:
    # Line endings and trailing spaces are not changes to the letter.
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return hashlib.sha256("\n".join(lines).strip().encode("utf-8")).hexdigest()


def keys_of(number: LetterNumber) -> dict[str, Any]:
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
        files = [*sorted((root / "letters").glob("*.txt")), root / "documents.yaml", root / SEED_FILE,
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
                data = path.read_bytes()
                origin = Origin("text", f"letters/{path.name}", hashlib.sha256(data).hexdigest())
                result = self._ingest(session, data.decode("utf-8-sig"), origin)
                if result.status == "refused":
                    log.warning("shipped letter %s is not readable as a letter: %s", path.name, result.missing)
            try:
                kb = load_knowledge(root)
            except KnowledgeError as error:
                log.warning("knowledge base invalid; its documents are not in the registry: %s", error.problems[0])
            else:
                for document in kb.documents.values():
                    self._upsert_kb_document(session, document)
            self._seed_citations(session, root)
            connection = session.connection()
            updated = connection.execute(
                sa.update(_META).where(_META.c.key == SEED_META_KEY).values(value=fingerprint)
            ).rowcount
            if not updated:
                connection.execute(sa.insert(_META).values(key=SEED_META_KEY, value=fingerprint))

    def _seed_citations(self, session: Session, root: Path) -> None:
        """Store the on-topic letters known only by citation (knowledge/citations.yaml), with where they were seen."""
        path = root / SEED_FILE
        try:
            seeds = load_seed_citations(path)
        except KnowledgeError as error:
            log.warning("shipped citations invalid; not in the registry: %s", error.problems[0])
            return
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
        for seed in seeds:
            origin = Origin("citation", SEED_FILE, digest, seed.seen_at)
            self._ingest_citation(session, seed.citation, origin, note=seed.about)

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
            doc = LetterRecord(key=key, kind=kb_doc.kind, is_stub=True, method="curated",
                               source_file="documents.yaml", read_at=utcnow())
            if number is not None and number.key_full:
                for name, value in keys_of(number).items():
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
            return self._ingest(session, text, Origin("text", source))

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
            return [self._ingest(session, text, Origin("text", source)) for text, source in items]

    def ingest_document(self, document: ReadDocument, *, today: date | None = None) -> list[IngestResult]:
        """Store a read file (one transaction): a letter, or one record per citation line; else refused."""
        from bot.intake.checks import Reading, review_reasons

        day = today or utcnow().date()

        def reviewer(number: LetterNumber, when: str | None, received: str | None) -> list[str]:
            return review_reasons(document, Reading(number, when, received), day)

        origin = Origin(document.method, document.name, document.sha256, None, document.confidence)
        with session_scope(self.engine) as session:
            letter = parse_letter(document.text)
            if not letter.missing:
                return [self._ingest(session, document.text, origin, reviewer, letter)]
            citations = parse_citations(document.text)
            if not citations:
                missing = ", ".join(letter.missing)
                note = f"read by OCR, but not an official letter (missing: {missing})" if document.method == "ocr" \
                    else None
                return [IngestResult("refused", source=document.name, missing=letter.missing, note=note,
                                     method=document.method)]
            # A citation list's records are known from the list (read by OCR, if it was a scan).
            method = "ocr" if document.method == "ocr" else "citation"
            listed = Origin(method, document.name, document.sha256, None, document.confidence)
            return [self._ingest_citation(session, citation, listed, reviewer) for citation in citations]

    def _ingest(
        self, session: Session, text: str, origin: Origin, reviewer: Reviewer = _no_review,
        letter: ParsedLetter | None = None,
    ) -> IngestResult:
        letter = letter or parse_letter(text)
        number = parse_number(letter.number) if letter.number else None
        if letter.missing or number is None or number.key_full is None:
            return IngestResult("refused", source=origin.source, missing=letter.missing or ["number"],
                                method=origin.method)
        digest = _text_hash(text)
        doc = session.exec(select(LetterRecord).where(LetterRecord.key_full == number.key_full)).first()
        def report(status: str, **extra: Any) -> IngestResult:
            shown = doc.number if doc is not None and doc.number else number.canonical
            return IngestResult(status, number=shown, source=origin.source, date=letter.date, method=origin.method,
                                **extra)

        if doc is not None and not doc.is_stub and doc.content_hash == digest:
            return report("unchanged")
        if doc is not None and not doc.is_stub and _METHOD_RANK[origin.method] < _METHOD_RANK.get(doc.method, 3):
            # A scan of a letter already read from its text is not a better copy of it: report the stored one.
            kept = f"kept the copy read as {doc.method} from {doc.source_file or 'earlier'}"
            stored = doc.date.isoformat() if doc.date else None
            reasons = [reason for reason in (doc.review_reasons or "").split(REVIEW_SEPARATOR) if reason]
            return IngestResult("unchanged", number=doc.number, source=origin.source, date=stored,
                                method=origin.method, note=kept, needs_review=doc.needs_review, reasons=reasons)
        reasons = reviewer(number, letter.date, letter.received.date if letter.received else None)
        values = {**self._letter_values(letter, number, text, digest), **origin.columns(reasons)}
        if doc is None:
            status, changed = "added", []
            doc = LetterRecord(key=number.canonical, kind=values.pop("kind"), **values)
        else:
            status = "filled" if doc.is_stub else "updated"
            if doc.kb_id is not None:
                values.pop("kind")  # documents.yaml decides the kind of a document the answers cite
            changed = [name for name in _COMPARED if name in values and getattr(doc, name) != values[name]]
            if status == "updated" and not changed:
                changed = ["text"]
            for name, value in values.items():
                setattr(doc, name, value)
        session.add(doc)
        session.flush()
        assert doc.id is not None
        self._absorb_partials(session, doc)
        stubs = self._link(session, doc.id, letter, origin, reviewer)
        flagged = [stub.number for stub in session.exec(select(LetterRecord).where(
            col(LetterRecord.number).in_(stubs), col(LetterRecord.needs_review).is_(True))).all() if stub.number]
        return report(status, changed=changed, stubs=stubs, needs_review=bool(reasons), reasons=reasons,
                      stubs_for_review=flagged)

    @staticmethod
    def _letter_values(letter: ParsedLetter, number: LetterNumber, text: str, digest: str) -> dict[str, Any]:
        return {
            **keys_of(number),
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
            "content_hash": digest,
            "is_stub": False,
            "updated_at": utcnow(),
        }

    def _ingest_citation(
        self, session: Session, citation: Citation, origin: Origin, reviewer: Reviewer = _no_review,
        note: str | None = None,
    ) -> IngestResult:
        """Store what a citation says: a new record, or the missing fields of a stub; never over a letter's text."""
        number = citation.number
        doc: LetterRecord | None = None

        def report(status: str, **extra: Any) -> IngestResult:
            shown = doc.number if doc is not None and doc.number else number.canonical
            return IngestResult(status, number=shown, source=origin.source, date=citation.date, kind="citation",
                                method=origin.method, **extra)

        if number.key_full is None and citation.date is None:
            return report("refused", note="a citation without the office's prefix needs a date")
        doc = self._same_letter(session, number, citation.date)
        reasons = reviewer(number, citation.date, None)
        if doc is None:
            key = number.canonical if number.key_full else f"{number.canonical} ({citation.date})"
            day = date.fromisoformat(citation.date) if citation.date else None
            doc = LetterRecord(
                key=key, kind="circular" if number.circular else "letter", is_stub=True,
                printed_number=citation.printed_number, date=day, subject=citation.subject, issuer=citation.issuer,
                note=note,
                content_hash=_text_hash(citation.text), **keys_of(number), **origin.columns(reasons),
            )
            session.add(doc)
            session.flush()
            if number.key_full is not None:
                self._absorb_partials(session, doc)
            return report("added", needs_review=bool(reasons), reasons=reasons)
        if not doc.is_stub:
            return report("unchanged", note="the letter's own text is stored")
        filled = []
        for name, value in (("date", date.fromisoformat(citation.date) if citation.date else None),
                            ("subject", citation.subject), ("issuer", citation.issuer), ("note", note)):
            if value and not getattr(doc, name):
                setattr(doc, name, value)
                filled.append(name)
        if citation.date and doc.date and doc.date.isoformat() != citation.date:
            reasons = [*reasons, f"another citation dates it {citation.date}"]
        if number.key_full and doc.key_full is None:
            for name, value in keys_of(number).items():
                setattr(doc, name, value)
            doc.key = number.canonical
            filled.append("number")
        if not filled and not reasons:
            return report("unchanged")
        if filled:
            doc.method, doc.source_file, doc.source_sha256 = origin.method, origin.source, origin.sha256
            doc.source_url, doc.read_at = origin.source_url, utcnow()
        if reasons:
            doc.needs_review = True
            doc.review_reasons = merged_reasons(doc.review_reasons, reasons)
        doc.updated_at = utcnow()
        session.add(doc)
        session.flush()
        return report("filled" if filled else "unchanged", changed=filled, needs_review=doc.needs_review,
                      reasons=reasons)

    @staticmethod
    def _same_letter(session: Session, number: LetterNumber, when: str | None) -> LetterRecord | None:
        """Return the stored document this number names: by full key, or by serial and date for a partial one."""
        if number.key_full is not None:
            doc = session.exec(select(LetterRecord).where(LetterRecord.key_full == number.key_full)).first()
            if doc is not None or when is None:
                return doc
        if when is None:
            return None
        # "ว 0712 (23 ก.พ. 2554)": the same serial on the same day is the same letter.
        query = select(LetterRecord).where(LetterRecord.key_serial == number.key_serial,
                                           LetterRecord.date == date.fromisoformat(when))
        candidates = session.exec(query).all()
        if number.key_full is not None:
            candidates = [doc for doc in candidates if doc.key_full is None]
        elif number.key_tail is not None:
            candidates = [doc for doc in candidates if doc.key_tail in (None, number.key_tail)]
        return candidates[0] if len(candidates) == 1 else None

    @staticmethod
    def _absorb_partials(session: Session, doc: LetterRecord) -> None:
        """Fold records known only by serial and date (`ว 0712`, 23 Feb 2554) into this full-numbered one."""
        if doc.date is None or doc.key_full is None or doc.id is None:
            return
        query = select(LetterRecord).where(LetterRecord.key_serial == doc.key_serial, LetterRecord.date == doc.date,
                                           col(LetterRecord.key_full).is_(None), LetterRecord.id != doc.id)
        for partial in session.exec(query).all():
            if partial.key_tail not in (None, doc.key_tail):
                continue
            assert partial.id is not None
            move_links(session, partial.id, doc.id)
            for name in ("subject", "issuer", "note"):
                if not getattr(doc, name) and getattr(partial, name):
                    setattr(doc, name, getattr(partial, name))
            session.delete(partial)
        session.flush()

    def _link(self, session: Session, doc_id: int, letter: ParsedLetter, origin: Origin = Origin(),
              reviewer: Reviewer = _no_review) -> list[str]:
        """Replace the document's outgoing links with its อ้างถึง and สิ่งที่ส่งมาด้วย; return new stubs."""
        session.exec(delete(DocumentLink).where(col(DocumentLink.source_id) == doc_id))
        new_stubs: list[str] = []
        seen: set[tuple[int, str]] = set()
        edges: list[tuple[str, str | None, str | None, str | None, str]] = [
            (REFERS_TO, ref.number, ref.date, ref.issuer, ref.text) for ref in letter.references
        ] + [(ENCLOSES, enc.number, enc.date, enc.issuer, enc.title) for enc in letter.enclosures]
        # A letter that cites another is a citation of it: its stubs' provenance is that letter (read by OCR
        # if the letter was: then the cited number may be misread too).
        method = "ocr" if origin.method == "ocr" else "citation"
        cited = Origin(method, origin.source, origin.sha256, origin.source_url, origin.confidence)
        for position, (relation, number_text, when, issuer, text) in enumerate(edges):
            target = self._target(session, number_text, when, issuer, new_stubs, cited, reviewer)
            if target is None or target.id is None or target.id == doc_id or (target.id, relation) in seen:
                continue
            seen.add((target.id, relation))
            session.add(DocumentLink(source_id=doc_id, target_id=target.id, relation=relation,
                                     position=position, text=text))
        session.flush()
        return new_stubs

    def _target(
        self, session: Session, number_text: str | None, when: str | None, issuer: str | None, new_stubs: list[str],
        origin: Origin = Origin("citation"), reviewer: Reviewer = _no_review,
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
            reasons = reviewer(number, when, None)
            doc = LetterRecord(key=number.canonical, kind="circular" if number.circular else "letter", is_stub=True,
                               printed_number=number_text, **keys_of(number), **origin.columns(reasons))
            new_stubs.append(number.canonical)
        if doc.is_stub:
            # A stub holds what references say about it until its own text arrives.
            if doc.date is None and when:
                doc.date = date.fromisoformat(when)
            if not doc.issuer and issuer:
                doc.issuer = issuer
        session.add(doc)
        session.flush()
        self._absorb_partials(session, doc)
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
    "is_stub", "method", "source_file", "source_url", "source_sha256", "read_at", "ocr_confidence", "needs_review",
    "review_reasons", "reviewed_at")]
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
        kb_id=row.kb_id, is_stub=bool(row.is_stub), provenance=_provenance(row),
    )


def _provenance(row: Any) -> Provenance:
    """Build the Provenance of a row of _VIEW_COLUMNS (or a LetterRecord)."""
    return Provenance(
        method=row.method, source=row.source_file, source_url=row.source_url, sha256=row.source_sha256,
        read_at=_iso_time(row.read_at), confidence=row.ocr_confidence, needs_review=bool(row.needs_review),
        review_reasons=tuple(reason for reason in (row.review_reasons or "").split(REVIEW_SEPARATOR) if reason),
        reviewed_at=_iso_time(row.reviewed_at),
    )


def _iso_time(value: Any) -> str | None:
    """Return a stored time as ISO 8601 in UTC (SQLite hands back naive datetimes)."""
    if value is None:
        return None
    if isinstance(value, str):  # pragma: no cover - drivers return datetimes
        return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return str(value.astimezone(dt.UTC).isoformat(timespec="seconds"))


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
