"""Review of what the registry read with doubt (OCR, failed checks): list it, confirm it, or correct it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from bot.clock import utcnow
from bot.numbers import parse_number
from bot.registry import REVIEW_SEPARATOR, LetterRecord, Registry, RegistryError, keys_of, merged_reasons, move_links
from bot.store import session_scope


@dataclass(frozen=True)
class ReviewItem:
    """A document a person must check: what was read, how, from where, and why it is doubted."""

    key: str
    number: str | None
    date: str | None
    subject: str | None
    method: str
    source: str | None
    confidence: float | None
    reasons: tuple[str, ...]
    needs_review: bool

    def to_json(self) -> dict[str, Any]:
        """Return the object `review --json` prints."""
        return {
            "key": self.key, "number": self.number, "date": self.date, "subject": self.subject,
            "method": self.method, "source": self.source, "confidence": self.confidence,
            "review_reasons": list(self.reasons), "needs_review": self.needs_review,
        }

    def describe(self) -> str:
        """Return one English line for the operator."""
        how = self.method + (f", confidence {self.confidence:.0%}" if self.confidence is not None else "")
        why = REVIEW_SEPARATOR.join(self.reasons) or "no reason recorded"
        return f"{self.number or self.key}  {self.date or 'no date'}  ({how}, {self.source or 'unknown source'}): {why}"


def _item(doc: LetterRecord) -> ReviewItem:
    return ReviewItem(
        key=doc.key, number=doc.number, date=doc.date.isoformat() if doc.date else None, subject=doc.subject,
        method=doc.method, source=doc.source_file, confidence=doc.ocr_confidence,
        reasons=tuple(reason for reason in (doc.review_reasons or "").split(REVIEW_SEPARATOR) if reason),
        needs_review=doc.needs_review,
    )


def pending(registry: Registry) -> list[ReviewItem]:
    """Return every document that needs review, oldest reading first."""
    with Session(registry.engine) as session:
        query = select(LetterRecord).where(col(LetterRecord.needs_review).is_(True)).order_by(
            col(LetterRecord.read_at), col(LetterRecord.key))
        return [_item(doc) for doc in session.exec(query).all()]


def _find(session: Session, query: str) -> LetterRecord:
    """Return the one document `query` names (its number as listed, or its key); raise RegistryError otherwise."""
    doc = session.exec(select(LetterRecord).where(LetterRecord.key == query.strip())).first()
    if doc is not None:
        return doc
    number = parse_number(query)
    if number is None:
        raise RegistryError(f"{query!r} is not a letter number")
    column = {"full": LetterRecord.key_full, "tail": LetterRecord.key_tail, "serial": LetterRecord.key_serial}
    matches = session.exec(select(LetterRecord).where(column[number.level] == number.key)).all()
    if not matches:
        raise RegistryError(f"{number.canonical} is not in the registry")
    flagged = [doc for doc in matches if doc.needs_review]
    if len(matches) > 1 and len(flagged) != 1:
        raise RegistryError(f"{number.canonical} names {len(matches)} documents; give the full number as listed")
    return flagged[0] if len(matches) > 1 else matches[0]


def confirm(registry: Registry, query: str) -> ReviewItem:
    """Mark a document's number and date as checked by a person."""
    with session_scope(registry.engine) as session:
        doc = _find(session, query)
        doc.needs_review = False
        doc.reviewed_at = utcnow()
        session.add(doc)
        session.flush()
        return _item(doc)


def correct(registry: Registry, query: str, number_text: str | None, when: str | None) -> ReviewItem:
    """Set a document's number and/or date to what a person read from the original, and mark it checked."""
    if number_text is None and when is None:
        raise RegistryError("give the right number (--number) or date (--date), or use confirm")
    with session_scope(registry.engine) as session:
        doc = _find(session, query)
        before = doc.number
        if number_text is not None:
            number = parse_number(number_text)
            if number is None or number.key_full is None:
                raise RegistryError(f"{number_text!r} is not a full letter number (e.g. ขร 0023.20/ว 0313)")
            holder = session.exec(select(LetterRecord).where(LetterRecord.key_full == number.key_full)).first()
            if holder is not None and holder.id != doc.id:
                _take_over(session, doc, holder)
            for name, value in keys_of(number).items():
                setattr(doc, name, value)
            doc.key = number.canonical
            doc.kind = doc.kind if doc.kind not in ("circular", "letter") else ("circular" if number.circular
                                                                               else "letter")
        if when is not None:
            try:
                doc.date = date.fromisoformat(when)
            except ValueError:
                raise RegistryError(f"{when!r} is not a date (YYYY-MM-DD)") from None
        if doc.number != before:
            doc.review_reasons = merged_reasons(doc.review_reasons, [f"corrected from {before} on review"])
        doc.needs_review = False
        doc.reviewed_at = utcnow()
        session.add(doc)
        session.flush()
        return _item(doc)


def _take_over(session: Session, doc: LetterRecord, holder: LetterRecord) -> None:
    """Merge the stub that already holds the corrected number into `doc`; refuse if it is a letter of its own."""
    if not holder.is_stub:
        raise RegistryError(f"{holder.number} is already in the registry, read as {holder.method} from "
                            f"{holder.source_file or 'an earlier file'}; review that document instead")
    assert doc.id is not None and holder.id is not None
    move_links(session, holder.id, doc.id)
    for name in ("issuer", "subject", "note", "title"):
        if not getattr(doc, name) and getattr(holder, name):
            setattr(doc, name, getattr(holder, name))
    kb_id = holder.kb_id
    session.delete(holder)
    session.flush()
    # The documents.yaml id moves with the number (it is unique: only after the stub is gone).
    doc.kb_id = doc.kb_id or kb_id
