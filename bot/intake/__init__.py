"""Reading what officials have into registry records: text, Word, PDFs, scans (OCR), and review checks."""

from bot.intake.documents import OCR_PAGES, DocumentUnreadable, ReadDocument, read_data

__all__ = ["OCR_PAGES", "DocumentUnreadable", "ReadDocument", "read_data"]
