"""A clause of a draft pasted into a question: whether the permitted framework may answer it.

"ข้อ 3 ทั้งสองฝ่ายจะแลกเปลี่ยน… ข้อนี้ได้ไหม" is answered by what the clause says. The permitted framework's
"conditional" answers it only when the clause is one of an agreement between two parties, holds
cooperation content, is in text the draft checker reads, and the checker finds nothing in it.
"""

from __future__ import annotations

import re

from bot.checker.engine import OK, check_text
from bot.checker.errors import DocumentRefused

# A clause of an agreement between two parties, not of a contract with a company or a rule of the office.
_PARTIES = re.compile(
    r"ทั้ง\s*สอง\s*ฝ่าย|แต่\s*ละ\s*ฝ่าย|ต่าง\s*(?:ฝ่าย|คน)\s*ต่าง|คู่\s*ภาคี|ภาคี|บันทึก|ความ\s*ตกลง|ข้อ\s*ตกลง|\bmou\b|both\s+parties|each\s+party"
    r"|the\s+parties|memorandum|agreement",
    re.IGNORECASE,
)


# Text the draft checker does not read: other scripts, and Malay, French, German or Spanish words.
_UNCHECKED = re.compile(
    r"[\u0e80-\u0eff\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af\u1000-\u109f\u1780-\u17ff\u0100-\u024f\u1e00-\u1eff]"
    # (Case-blind only for the words: ignoring case, the range above would take "i" for dotless ı.)
    r"|(?i:\b(?:yang|ini|itu|pihak|perjanjian|ayat|dengan|untuk|akan|les|des|une|est|der|die|das|und|ist|los|las|una|que)\b)"
)


# What a clause of a sector cooperation is about: an exchange, training, costs, its term, consultation.
# A clause with none of it ("อบต.จะส่งตัวผู้กระทำผิดคืน", "ยอมรับแนวเขตกลางลำน้ำ") may be what the checker's
# wording rules do not know: it gets no permissive answer.
_COOPERATION_CONTENT = re.compile(
    r"แลก\s*เปลี่ยน|อบรม|ฝึก|ดู\s*งาน|ส่ง\s*เสริม|พัฒนา|ร่วม\s*(?:กัน|มือ|จัด)|ประสาน|ค่า\s*ใช้\s*จ่าย|งบ\s*ประมาณ|ต่าง\s*(?:ฝ่าย|คน)\s*ต่าง"
    r"|ระยะ\s*เวลา|มี\s*ผล\s*(?:ใช้|บังคับ)|ต่อ\s*อายุ|บอก\s*เลิก|แก้\s*ไข\s*เพิ่ม\s*เติม|ปรึกษา\s*หารือ|ผูก\s*พัน"
    r"|exchang|train|cooperat|promot|\bshar(?:e|ing)\b|\bown\s+costs?\b|\bfunds?\b|\bin\s+effect\b|renew|terminat|amend|consult"
    r"|amicabl|good\s+practice|binding",
    re.IGNORECASE,
)
# Where the clause is in a message about it: quoted, or after "ข้อ 5", "มีข้อว่า", "เขียนว่า".
_QUOTED = re.compile(r"['\"‘“«《]([^'\"’”»》]{15,})['\"’”»》]")
_CLAUSE_MARK = re.compile(r"ข้อ\s*\d+|(?:มี|ใส่|เขียน|ระบุ|เพิ่ม)\s*ข้อ\s*(?:ความ\s*)?ว่า|(?:เขียน|ระบุ)\s*(?:ไว้\s*)?ว่า")


def _clause_of(question: str) -> str:
    """Return the clause a message asks about: its quoted text, what follows "ข้อ 5" or "มีข้อว่า", or all of it."""
    quoted = _QUOTED.findall(question)
    if quoted:
        return " ".join(quoted)
    mark = _CLAUSE_MARK.search(question)
    return question[mark.end():] if mark else question


def _cooperation_the_checker_reads(question: str) -> bool:
    """Tell whether a pasted clause is of two parties, holds cooperation content and is in text the checker reads."""
    return (
        _PARTIES.search(question) is not None and _UNCHECKED.search(question) is None
        and _COOPERATION_CONTENT.search(_clause_of(question)) is not None
    )


def clause_is_clear(question: str) -> bool:
    """Tell whether a pasted clause is one of a sector cooperation and the draft checker finds nothing in it."""
    if not _cooperation_the_checker_reads(question):
        return False
    try:
        checked = check_text(question)
    except DocumentRefused:
        return False
    return checked.result == OK and not checked.findings


def draft_findings(message: str) -> frozenset[str] | None:
    """Return the checker's rules a pasted draft breaks (empty: a clean sector cooperation), None if it cannot tell."""
    try:
        checked = check_text(message)
    except DocumentRefused:
        return None
    if checked.findings:
        return frozenset(finding.rule for finding in checked.findings)
    # Clean only where the checker read all of it and it holds two parties and what they will do together.
    clean = checked.result == OK and _cooperation_the_checker_reads(message)
    return frozenset() if clean else None
