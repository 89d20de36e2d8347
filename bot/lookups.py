"""What a circular lookup returns: the letter found, its links, or the candidates (no database here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

REFERS_TO = "refers-to"  # อ้างถึง
ENCLOSES = "encloses"  # สิ่งที่ส่งมาด้วย
LookupStatus = Literal["found", "ambiguous", "not-found", "not-a-number"]
# How a document came to be known: a text file, Word, a PDF's text layer, OCR of a scan, a citation
# line (or another letter's อ้างถึง), or documents.yaml.
METHODS = ("text", "docx", "pdf-text", "ocr", "citation", "curated")


@dataclass(frozen=True)
class Provenance:
    """Where a registry document came from, and whether a person must check what was read."""

    method: str | None = None
    source: str | None = None
    source_url: str | None = None
    sha256: str | None = None
    read_at: str | None = None
    confidence: float | None = None
    needs_review: bool = False
    review_reasons: tuple[str, ...] = ()
    reviewed_at: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the `provenance` object of `lookup --json`."""
        return {
            "method": self.method,
            "source": self.source,
            "source_url": self.source_url,
            "sha256": self.sha256,
            "read_at": self.read_at,
            "confidence": self.confidence,
            "needs_review": self.needs_review,
            "review_reasons": list(self.review_reasons),
            "reviewed_at": self.reviewed_at,
        }


@dataclass(frozen=True)
class LetterView:
    """A read-only copy of a registry document, safe to use after its session closed."""

    key: str
    kind: str
    number: str | None
    date: str | None
    title: str | None
    issuer: str | None
    subject: str | None
    recipient: str | None
    summary: str | None
    note: str | None
    kb_id: str | None
    is_stub: bool
    provenance: Provenance = field(default_factory=Provenance)

    @property
    def label(self) -> str:
        """Return the number, or the title for a document without one."""
        return self.number or self.title or self.key


@dataclass(frozen=True)
class Link:
    """One end of an edge as seen from a document: the other document and the relation."""

    relation: str
    document: LetterView


@dataclass
class LookupResult:
    """The answer to one lookup; `to_json` gives the `lookup --json` object."""

    query: str
    found: bool
    document: LetterView | None = None
    references: list[Link] = field(default_factory=list)
    referenced_by: list[Link] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    status: LookupStatus = "not-found"

    @property
    def number(self) -> str | None:
        """Return the canonical number found, or None."""
        return self.document.number if self.found and self.document else None

    def to_json(self) -> dict[str, Any]:
        """Return the object documented for `policybot lookup --json`."""
        doc = self.document if self.found else None
        return {
            "query": self.query,
            "found": self.found,
            "status": self.status,
            "number": doc.number if doc else None,
            "date": doc.date if doc else None,
            "subject": (doc.subject or doc.title) if doc else None,
            "issuer": doc.issuer if doc else None,
            "references": [
                {"number": link.document.number, "date": link.document.date, "relation": link.relation}
                for link in self.references
            ],
            "referenced_by": [link.document.label for link in self.referenced_by],
            "candidates": list(self.candidates),
            "provenance": doc.provenance.to_json() if doc else None,
        }


