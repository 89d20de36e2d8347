"""Say the verdict in plain Thai: the one-paragraph summary and the full clause-by-clause text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.checker.rules import NOT_ALLOWED, REVIEW, RULES_BY_ID
from bot.config import default_contact
from bot.texts import CHECK_RESULT_LABELS, SEVERITY_LABELS

if TYPE_CHECKING:
    from bot.checker.engine import CheckResult, Finding

# The office a summary sends users to: the settings' (use_contact), else the default one.
_contact = default_contact().line


def use_contact(line: str) -> None:
    """Name this office in every summary this process writes (a checker worker, the CLI)."""
    global _contact
    _contact = line

_DISCLAIMER = "ผลนี้เป็นการตรวจถ้อยคำเบื้องต้นด้วยระบบ มิใช่ความเห็นทางกฎหมาย"


def _issues(findings: list[Finding]) -> str:
    """Group findings by rule: "ชื่อประเด็น (ข้อ 1, ข้อ 3)"."""
    grouped: dict[str, list[str]] = {}
    for finding in findings:
        labels = grouped.setdefault(finding.rule, [])
        if finding.clause not in labels:
            labels.append(finding.clause)
    return "; ".join(
        f"{RULES_BY_ID[rule].title} ({', '.join(labels)})" for rule, labels in grouped.items()
    )


def summarise(result: str, findings: list[Finding], states_non_binding: bool) -> str:
    """Return the one-paragraph Thai summary naming the office to consult."""
    blocking = [finding for finding in findings if finding.severity == NOT_ALLOWED]
    to_review = [finding for finding in findings if finding.severity == REVIEW]
    advice = (
        ""
        if states_non_binding
        else " ทั้งนี้ ร่างยังไม่มีข้อความระบุว่าความตกลงไม่มีผลผูกพันรัฐบาลไทย ควรพิจารณาระบุไว้ให้ชัดเจน"
    )
    if result == NOT_ALLOWED:
        more = (
            f" นอกจากนี้ยังมีประเด็นที่ควรตรวจสอบอีก {len(to_review)} ประเด็น ได้แก่ {_issues(to_review)}"
            if to_review
            else ""
        )
        return (
            "ร่างความตกลงนี้มีถ้อยคำที่ขัดกับแนวทางการจัดทำความตกลงความร่วมมือระหว่างประเทศ"
            f"ขององค์กรปกครองส่วนท้องถิ่น ได้แก่ {_issues(blocking)}{more} "
            "จึงไม่ควรลงนามตามร่างนี้ ขอให้แก้ไขถ้อยคำดังกล่าวและหารือ"
            f"{_contact} ก่อนลงนาม {_DISCLAIMER}"
        )
    if result == REVIEW:
        return (
            "ไม่พบถ้อยคำที่ขัดกับแนวทางโดยชัดแจ้ง แต่พบถ้อยคำที่ควรให้ผู้รับผิดชอบพิจารณา "
            f"{len(to_review)} ประเด็น ได้แก่ {_issues(to_review)} "
            "ซึ่งอาจทำให้ความตกลงเข้าข่ายเป็นความตกลงระหว่างประเทศ หรือเกินอำนาจหน้าที่ขององค์กรปกครองส่วนท้องถิ่น"
            f"{advice} ขอให้พิจารณาแก้ไขและหารือ{_contact} ก่อนลงนาม {_DISCLAIMER}"
        )
    return (
        "ไม่พบถ้อยคำที่ขัดกับแนวทางหรือที่ควรทบทวนในร่างนี้"
        f"{advice} อย่างไรก็ดี {_DISCLAIMER} ขอให้ดำเนินการตามแนวทางที่กรมส่งเสริมการปกครองท้องถิ่นกำหนด "
        f"และหากมีข้อสงสัยโปรดหารือ{_contact}"
    )


@dataclass(frozen=True)
class ShownFinding:
    """A finding as a report lists it: its number, and either its reasons or the one it repeats."""

    number: int
    finding: Finding
    repeats: int | None
    sources: str


def shown_findings(
    result: CheckResult, titles: Mapping[str, str] | None, max_findings: int | None
) -> list[ShownFinding]:
    """Return the findings to list, numbered; a rule met again points back to its first finding."""
    shown = result.findings if max_findings is None else result.findings[:max_findings]
    first_of_rule: dict[str, int] = {}
    out = []
    for number, finding in enumerate(shown, 1):
        # The same rule again: say so instead of repeating a paragraph on a phone screen.
        repeats = first_of_rule.setdefault(finding.rule, number)
        sources = "; ".join((titles or {}).get(source, source) for source in finding.sources)
        out.append(ShownFinding(number, finding, repeats if repeats != number else None, sources))
    return out


def render_thai(
    result: CheckResult,
    titles: Mapping[str, str] | None = None,
    max_findings: int | None = None,
) -> str:
    """Return the whole verdict as plain Thai text; `titles` maps source ids to document titles."""
    lines = [f"ผลการตรวจร่างความตกลง: {CHECK_RESULT_LABELS[result.result]}", "", result.summary]
    shown = shown_findings(result, titles, max_findings)
    if shown:
        lines += ["", f"ประเด็นที่พบ ({len(result.findings)}):"]
    for item in shown:
        finding = item.finding
        lines += [
            "",
            f"{item.number}. {finding.clause} — {finding.title} [{SEVERITY_LABELS[finding.severity]}]",
            f"   ถ้อยคำ: “{finding.excerpt}”",
        ]
        if item.repeats is not None:
            lines.append(f"   เหตุผลและแหล่งอ้างอิง: เช่นเดียวกับประเด็นที่ {item.repeats}")
        else:
            lines += [f"   เหตุผล: {finding.reason}", f"   อ้างอิง: {item.sources}"]
    hidden = len(result.findings) - len(shown)
    if hidden > 0:
        lines += ["", f"และอีก {hidden} ประเด็น (ดูผลฉบับเต็มได้จากคำสั่ง policybot check)"]
    return "\n".join(lines)
