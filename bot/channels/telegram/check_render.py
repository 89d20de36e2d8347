"""Render a draft-check result (bot.checker) as Telegram HTML: verdict first, then findings."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from bot.checker import CheckResult
from bot.checker.report import shown_findings
from bot.knowledge import KnowledgeBase
from bot.texts import CHECK_RESULT_LABELS, SEVERITY_LABELS

# Findings shown in the chat; the rest go to the .txt attachment (20-page drafts can have ~200).
MAX_SHOWN_FINDINGS = 10
ATTACHMENT_NOTE = "ผลการตรวจฉบับเต็มอยู่ในไฟล์แนบ"


def source_titles(kb: KnowledgeBase) -> dict[str, str]:
    """Return document titles by id, for naming a finding's sources."""
    return {document.id: document.title for document in kb.documents.values()}


def check_html(
    result: CheckResult,
    titles: Mapping[str, str],
    name: str | None = None,
    max_findings: int = MAX_SHOWN_FINDINGS,
) -> str:
    """Return the verdict, the summary and the first `max_findings` findings as escaped HTML."""
    lines = [f"<b>{escape(CHECK_RESULT_LABELS[result.result])}</b>"]
    lines.append(f"ผลการตรวจร่างความตกลง: {escape(name)}" if name else "ผลการตรวจร่างความตกลง")
    lines += ["", escape(result.summary)]
    shown = shown_findings(result, titles, max_findings)
    if shown:
        lines += ["", f"<b>ประเด็นที่พบ ({len(result.findings)})</b>"]
    for item in shown:
        finding = item.finding
        severity = SEVERITY_LABELS.get(finding.severity, finding.severity)
        lines += [
            "",
            f"<b>{item.number}. {escape(finding.clause)}</b> — {escape(finding.title)} [{escape(severity)}]",
            f"ถ้อยคำ: <i>“{escape(finding.excerpt)}”</i>",
        ]
        if item.repeats is not None:
            lines.append(f"เหตุผลและแหล่งอ้างอิง: เช่นเดียวกับประเด็นที่ {item.repeats}")
        else:
            lines += [f"เหตุผล: {escape(finding.reason)}", f"อ้างอิง: {escape(item.sources)}"]
    hidden = len(result.findings) - len(shown)
    if hidden > 0:
        lines += ["", f"<b>และอีก {hidden} ประเด็น</b> {ATTACHMENT_NOTE}"]
    return "\n".join(lines)


def attachment_name(name: str | None) -> str:
    """Return the file name of the full-result attachment, after the draft's name."""
    stem = (name or "").rsplit(".", 1)[0].strip() or "ร่างความตกลง"
    return f"ผลการตรวจ-{stem[:60]}.txt"
