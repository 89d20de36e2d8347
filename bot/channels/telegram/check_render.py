"""Render a draft-check result (bot.checker) as one Telegram HTML message: verdict first, then whole findings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from bot.channels.telegram.split import MAX_MESSAGE, utf16_len
from bot.checker import CheckResult
from bot.checker.report import ShownFinding, shown_findings
from bot.knowledge import KnowledgeBase
from bot.texts import CHECK_RESULT_LABELS, SEVERITY_LABELS

# Findings shown in the chat; the rest go to the .txt attachment (20-page drafts can have ~200).
MAX_SHOWN_FINDINGS = 10
ATTACHMENT_NOTE = "ผลการตรวจฉบับเต็มอยู่ในไฟล์แนบ"


def source_titles(kb: KnowledgeBase) -> dict[str, str]:
    """Return document titles by id, for naming a finding's sources."""
    return {document.id: document.title for document in kb.documents.values()}


@dataclass(frozen=True)
class CheckMessage:
    """A check result as one Telegram message: whole findings only; `shown` of `total` are in it."""

    text: str
    shown: int
    total: int

    @property
    def complete(self) -> bool:
        """Tell whether every finding is in the message (otherwise the full result goes as a .txt)."""
        return self.shown == self.total


def check_message(
    result: CheckResult,
    titles: Mapping[str, str],
    name: str | None = None,
    max_findings: int = MAX_SHOWN_FINDINGS,
    limit: int = MAX_MESSAGE,
) -> CheckMessage:
    """Return the verdict, the summary and as many whole findings as fit one message (at most `max_findings`).

    A finding is never cut in two: the message stops between findings, and says how many more are in
    the attachment.
    """
    lines = [f"<b>{escape(CHECK_RESULT_LABELS[result.result])}</b>"]
    lines.append(f"ผลการตรวจร่างความตกลง: {escape(name)}" if name else "ผลการตรวจร่างความตกลง")
    lines += ["", escape(result.summary)]
    total = len(result.findings)
    if total:
        lines += ["", f"<b>ประเด็นที่พบ ({total})</b>"]
    text = "\n".join(lines)
    shown = 0
    for item in shown_findings(result, titles, max_findings):
        block = "\n" + "\n".join(_finding_lines(item))
        # Keep room for the closing line that points to the attachment.
        if utf16_len(text + block + _more_line(total - shown)) > limit:
            break
        text += block
        shown += 1
    if shown < total:
        text += _more_line(total - shown)
    return CheckMessage(text, shown, total)


def _finding_lines(item: ShownFinding) -> list[str]:
    finding = item.finding
    severity = SEVERITY_LABELS.get(finding.severity, finding.severity)
    lines = [
        "",
        f"<b>{item.number}. {escape(finding.clause)}</b> — {escape(finding.title)} [{escape(severity)}]",
        f"ถ้อยคำ: <i>“{escape(finding.excerpt)}”</i>",
    ]
    if item.repeats is not None:
        lines.append(f"เหตุผลและแหล่งอ้างอิง: เช่นเดียวกับประเด็นที่ {item.repeats}")
    else:
        lines += [f"เหตุผล: {escape(finding.reason)}", f"อ้างอิง: {escape(item.sources)}"]
    return lines


def _more_line(hidden: int) -> str:
    return f"\n\n<b>และอีก {hidden} ประเด็น</b> {ATTACHMENT_NOTE}"


def attachment_name(name: str | None) -> str:
    """Return the file name of the full-result attachment, after the draft's name."""
    stem = (name or "").rsplit(".", 1)[0].strip() or "ร่างความตกลง"
    return f"ผลการตรวจ-{stem[:60]}.txt"
