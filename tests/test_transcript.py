"""The README's transcript is what the real bot sends (regenerate: python -m tests.transcript --readme)."""

from __future__ import annotations

from tests.transcript import as_readme_block, conversation, readme_block


async def test_readme_transcript_is_the_bots_output() -> None:
    transcript = await conversation()
    # The conversation shows what it is meant to: an answer, the follow-up read with it, a card, the contact.
    assert transcript.count("🤖 ❌ ทำไม่ได้") == 2 and "📜 หนังสือที่ ขร 0023.20/ว 0313" in transcript
    assert "🤖 👤 สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอแม่สาย · +6653732273" in transcript
    stale = "README transcript is stale: python -m tests.transcript --readme"
    assert readme_block() == as_readme_block(transcript), stale
