"""The one error the checker raises: a file it will not read, with a message for each audience."""

from __future__ import annotations

SAVE_AS = "โปรดบันทึกเป็นไฟล์ .docx, PDF ที่มีข้อความ หรือข้อความธรรมดา (.txt) แล้วส่งใหม่"


class DocumentRefused(Exception):
    """A file that is not a readable draft; `user_message` is Thai, `operator_message` English."""

    def __init__(self, code: str, user_message: str, operator_message: str) -> None:
        super().__init__(operator_message)
        self.code = code
        self.user_message = user_message
        self.operator_message = operator_message

    def __reduce__(self) -> tuple[type[DocumentRefused], tuple[str, str, str]]:
        """Pickle with all three fields, so a refusal crosses from the worker process intact."""
        return (type(self), (self.code, self.user_message, self.operator_message))


def damaged(name: str, english: str, error: BaseException | str) -> DocumentRefused:
    """Return the "damaged file" refusal: `english` says what the file is ("is a PDF that cannot be read")."""
    detail = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    # One line for the operator, however long or multi-line the parser's message is.
    detail = " ".join(str(detail).split())[:300]
    return DocumentRefused(
        "unreadable",
        f"ไม่สามารถเปิดไฟล์ {name} ได้ (ไฟล์อาจเสียหาย) {SAVE_AS}",
        f"{name} {english}: {detail}",
    )


def too_complex(name: str, english: str) -> DocumentRefused:
    """Return the refusal for a file past one of the reading limits (see bot.checker.limits)."""
    return DocumentRefused(
        "too-complex",
        f"ไฟล์ {name} มีขนาดหรือความซับซ้อนเกินกว่าที่ระบบตรวจได้ "
        "โปรดส่งเฉพาะร่างความตกลง หรือบันทึกเป็นไฟล์ใหม่ (.docx หรือ PDF) แล้วส่งอีกครั้ง",
        f"{name}: {english}",
    )
