"""Fakes that keep the real contracts: a two-letter circular registry (bot.circulars.CircularSource)."""

from __future__ import annotations

from bot.circulars import CircularsUnavailable
from bot.lookups import ENCLOSES, REFERS_TO, LetterView, Link, LookupResult
from bot.numbers import find_numbers, parse_number


def _letter(number: str, date: str, issuer: str, subject: str | None = None, *, stub: bool = False) -> LetterView:
    return LetterView(key=number, kind="circular", number=number, date=date, title=None, issuer=issuer,
                      subject=subject, recipient=None, summary=None, note=None, kb_id=None, is_stub=stub)


W0313 = _letter("ขร 0023.20/ว 0313", "2026-02-23", "อำเภอแม่สาย",
                "แนวทางการจัดทำความตกลงความร่วมมือระหว่างประเทศขององค์กรปกครองส่วนท้องถิ่น")
W016 = _letter("ขร 0023.20/ว 016", "2026-01-08", "สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอแม่สาย", stub=True)
W4634 = _letter("ขร 0023.3/ว 4634", "2026-02-16", "จังหวัดเชียงราย", stub=True)
LINKS = {
    W0313.number: ([Link(REFERS_TO, W016), Link(ENCLOSES, W4634)], []),
    W016.number: ([], [Link(REFERS_TO, W0313)]),
    W4634.number: ([], [Link(ENCLOSES, W0313)]),
}


class FakeRegistry:
    """The shipped circular and the two letters it names, looked up by the real number parser.

    `fail = True` makes every call raise CircularsUnavailable, as RegistryAccess does when the
    database is away.
    """

    def __init__(self) -> None:
        self.letters = {parse_number(view.number or "").key_serial: view for view in (W0313, W016, W4634)}  # type: ignore[union-attr]
        self.fail = False
        self.calls = 0

    @property
    def status(self) -> str:
        """Return "unavailable" while failing, else "ok"."""
        return "unavailable" if self.fail else "ok"

    def start_opening(self) -> None:
        """Nothing to open: the fake is in memory."""

    def close(self) -> None:
        """Nothing to release."""

    def lookup(self, query: str) -> LookupResult:
        """Find a letter by its serial (ว 0313, however typed)."""
        self.calls += 1
        if self.fail:
            raise CircularsUnavailable("the fake registry is down")
        number = parse_number(query)
        if number is None:
            return LookupResult(query=query, found=False, status="not-a-number")
        view = self.letters.get(number.key_serial)
        if view is None or (number.key_full and number.key_full != parse_number(view.number or "").key_full):  # type: ignore[union-attr]
            return LookupResult(query=query, found=False, status="not-found")
        references, referenced_by = LINKS[view.number or ""]
        return LookupResult(query=query, found=True, document=view, references=list(references),
                            referenced_by=list(referenced_by), status="found")

    def find_in_text(self, text: str) -> list[LookupResult]:
        """Return a lookup for each letter number in `text`."""
        found = find_numbers(text)
        if self.fail and found:
            raise CircularsUnavailable("the fake registry is down")
        return [self.lookup(printed) for _, printed in found]
