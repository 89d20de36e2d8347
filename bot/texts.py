"""The fixed Thai texts users see, the verdict labels, and how the contact office is written."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.lookups import ENCLOSES, REFERS_TO

VERDICT_LABELS = {
    "yes": "✅ ทำได้",
    "no": "❌ ทำไม่ได้",
    "conditional": "⚠️ ทำได้โดยมีเงื่อนไข",
    "info": "ℹ️ ข้อมูล",
}

# The draft checker's verdicts (bot.checker) and how serious a finding is.
CHECK_RESULT_LABELS = {
    "ok": "✅ ไม่พบถ้อยคำที่ขัดกับแนวทาง",
    "review": "⚠️ ควรให้ผู้รับผิดชอบตรวจสอบก่อนลงนาม",
    "not-allowed": "❌ ไม่ควรลงนามตามร่างนี้",
}
SEVERITY_LABELS = {"not-allowed": "ขัดกับแนวทาง", "review": "ควรตรวจสอบ"}
# How a letter is linked to another (bot.lookups), as its card names the link.
RELATION_LABELS = {REFERS_TO: "อ้างถึง", ENCLOSES: "สิ่งที่ส่งมาด้วย"}

# A letter card's warning when a person has not checked what was read, and how each document was read.
OCR_REVIEW_WARNING = "⚠️ อ่านจากภาพ โปรดตรวจสอบเลขที่"
REVIEW_WARNING = "⚠️ ข้อมูลยังไม่ได้ตรวจสอบ โปรดตรวจสอบเลขที่และวันที่กับต้นฉบับ"
METHOD_LABELS = {
    "text": "ไฟล์ข้อความ",
    "docx": "ไฟล์ Word",
    "pdf-text": "ไฟล์ PDF",
    "ocr": "อ่านจากภาพสแกน (OCR)",
    "citation": "การอ้างถึงใน",
    "curated": "ฐานความรู้",
}


def review_warning(method: str | None) -> str:
    """Return the warning a card shows for a document whose number or date a person must check."""
    return OCR_REVIEW_WARNING if method == "ocr" else REVIEW_WARNING


def provenance_line(method: str | None, source: str | None, confidence: float | None, url: str | None) -> str | None:
    """Return the card's "ที่มา" line (how and from what the document was read), or None for the KB's own."""
    if method is None or method == "curated":
        return None
    text = f"ที่มา: {METHOD_LABELS.get(method, method)}"
    if source:
        text += f" {source}"
    if confidence is not None:
        text += f" (ความมั่นใจ {confidence:.0%})"
    if url:
        text += f" พบที่ {url}"
    return text


@dataclass(frozen=True)
class Contact:
    """The office officials are sent to, and its telephone (settings CONTACT_OFFICE, CONTACT_PHONE)."""

    office: str
    phone: str

    @property
    def international(self) -> str:
        """Return the telephone in the +66 form a phone can dial (`0-5373-2273` -> `+66 5373 2273`)."""
        digits = re.sub(r"\D", "", self.phone).removeprefix("0")
        if len(digits) == 9 and digits[0] in "689":
            return f"+66 {digits[:2]} {digits[2:5]} {digits[5:]}"  # a mobile number: +66 81 234 5678
        return f"+66 {digits[:4]} {digits[4:]}"

    @property
    def e164(self) -> str:
        """Return the telephone as one string a contact card dials (`0-5373-2273` -> `+6653732273`)."""
        return "+66" + re.sub(r"\D", "", self.phone).removeprefix("0")

    @property
    def line(self) -> str:
        """Return the office and telephone as one line of an answer."""
        return f"{self.office} โทร. {self.phone} ({self.international})"


EMPTY_TEXT = (
    "กรุณาพิมพ์คำถามเป็นข้อความ เช่น \"ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม\" "
    "หรือเลขที่หนังสือ เช่น \"ว 0313\""
)


def decline_text(contact: Contact) -> str:
    """Return the apology for a question the knowledge base does not answer, with the office to ask."""
    return (
        "ขออภัย ไม่พบคำตอบสำหรับคำถามนี้ในฐานความรู้ "
        "ซึ่งครอบคลุมเฉพาะแนวทางความร่วมมือระหว่างประเทศของ อปท. และเรื่องเมืองพี่เมืองน้อง "
        f"หากต้องการสอบถามเพิ่มเติม โปรดติดต่อ{contact.line}"
    )


def unknown_number_text(contact: Contact) -> str:
    """Return the line added when a letter number a user typed is not in the registry."""
    return f"หากต้องการตรวจสอบเลขที่หนังสือ โปรดติดต่อ{contact.line}"


CARDS_UNAVAILABLE_TEXT = "ขณะนี้ระบบทะเบียนหนังสือเวียนใช้งานไม่ได้ จึงยังแสดงรายละเอียดหนังสือที่อ้างถึงไม่ได้"
NO_REGISTRY_TEXT = "ขออภัย ระบบค้นหาหนังสือเวียนใช้งานไม่ได้ในขณะนี้ กรุณาลองใหม่ภายหลัง"
READ_AS_TEXT = "อ่านว่า"
FLOOD_TEXT = "ขออภัย คุณส่งข้อความถี่เกินไป กรุณารอสักครู่ประมาณหนึ่งนาทีแล้วค่อยถามใหม่นะครับ"
ERROR_TEXT = "ขออภัย เกิดข้อผิดพลาดในระบบ กรุณาลองใหม่อีกครั้งในภายหลัง"
CIRCULAR_USAGE = "โปรดระบุเลขที่หนังสือ เช่น /circular ขร 0023.20/ว 0313"
STALE_BUTTON_TEXT = "ปุ่มนี้ใช้ไม่ได้แล้ว กรุณาถามใหม่อีกครั้ง"
THANKS_TEXT = "ขอบคุณสำหรับความคิดเห็นครับ"
NO_LOG_TEXT = "ฐานข้อมูลบันทึกคำถามใช้งานไม่ได้ในขณะนี้"
SOURCES_HEADING = "ที่มา"
ALSO_HEADING = "ส่วนที่ทำได้"
# Before the answer to another question the same message asked ("…ได้ไหม แล้วมีเบอร์โทรไหม").
ALSO_ASKED_HEADING = "อีกเรื่องที่ถาม"
# Before the restriction to mind after a permitted answer ("ทำได้ … ข้อควรระวัง: ต้องไม่ผูกพันรัฐบาลไทย").
CAUTION_HEADING = "ข้อควรระวัง"
DID_YOU_MEAN = "คุณหมายถึงคำถามเหล่านี้หรือไม่"
DECLINE_TITLE = "ไม่พบคำตอบในฐานความรู้"
FEEDBACK_YES = "👍 ตรงคำถาม"
FEEDBACK_NO = "👎 ไม่ตรง"

# Anything that is not text (a sticker, a voice note, a location...): one line on what the bot does.
UNSUPPORTED_TEXT = (
    "บอทนี้ตอบคำถามที่พิมพ์เป็นข้อความเรื่องความร่วมมือระหว่างประเทศของ อปท. ค้นหนังสือเวียนตามเลขที่ "
    "และตรวจร่างความตกลงที่ส่งเป็นไฟล์ พิมพ์คำถามได้เลยครับ"
)
COMMENT_USAGE = "พิมพ์ /feedback ตามด้วยความเห็นถึงผู้ดูแล เช่น /feedback คำตอบเรื่องงบดูงานยังไม่ครบ"
COMMENT_THANKS = "ขอบคุณครับ ส่งความเห็นถึงผู้ดูแลแล้ว"
COMMENT_FAILED = "ขออภัย ยังบันทึกความเห็นไม่ได้ในขณะนี้ กรุณาลองใหม่ภายหลัง"


def rephrase_text(contact: Contact) -> str:
    """Return the line offered after a 👎: ask again in other words, or call the office."""
    return f"ขออภัยที่คำตอบยังไม่ตรงคำถาม ลองพิมพ์คำถามใหม่ด้วยคำอื่น หรือโทรสอบถาม{contact.office} โทร. {contact.phone}"
