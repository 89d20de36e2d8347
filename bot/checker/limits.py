"""How much the checker reads, and for how long: every bound in one place, with the reason for each."""

from __future__ import annotations

# The upload itself: Telegram bots may download up to 20 MB; a draft is far smaller.
MAX_BYTES = 10 * 1024 * 1024
# ~300 pages of Thai; longer "drafts" are almost certainly not one agreement.
MAX_CHARS = 1_000_000

# A .docx is a zip: its headers say how big each member is before anything is unpacked.
MAX_ZIP_MEMBERS = 2_000
# Sum of the members' declared sizes (a 300-page draft with photos is ~20 MB unpacked).
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
# Sum of the XML members python-docx will parse (a 1M-character draft's document.xml is ~2-20 MB).
MAX_XML_BYTES = 32 * 1024 * 1024
# XML tags in one member: each becomes an lxml element (~130 bytes each once parsed).
MAX_XML_TAGS = 2_000_000
# Deflate packs real XML 5-30x; a member packed more than this is a zip bomb, not a document.
MAX_PACKING_RATIO = 200
# Below this size a member may be packed as tightly as it likes (blank settings, empty parts).
RATIO_FLOOR_BYTES = 1024 * 1024
# Paragraphs and table-cell paragraphs read from a .docx (python-docx takes ~40 us for each).
MAX_DOCX_PARAGRAPHS = 60_000

MAX_PDF_PAGES = 300
# Decoded content-stream bytes pypdf interprets: per page (its time grows faster than linearly
# with a page's size) and over the whole file (a page that reuses a stream pays for it again).
MAX_PDF_PAGE_CONTENT = 1024 * 1024
MAX_PDF_CONTENT = 16 * 1024 * 1024
# Wall-clock budget for pypdf's text extraction, checked between drawing operators.
MAX_PDF_SECONDS = 20.0

# Findings listed in a result (one per rule and clause); the verdict still counts all of them.
MAX_FINDINGS = 500

# Seconds a check may run in the worker process before it is killed (see bot.checker.worker).
DEFAULT_TIMEOUT = 60.0
# Address space of the worker process: ~170 MB once warmed up; parsing the largest .docx the
# limits above let through takes ~500 MB more.
MAX_WORKER_MEMORY = 2 * 1024 * 1024 * 1024
