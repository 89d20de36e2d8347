"""The rule table on single sentences: unsafe wording is found, safe and negated wording is not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.checker import RULES, DocumentRefused, check_text, render_thai
from bot.checker.rules import NOT_ALLOWED, REVIEW
from bot.config import default_contact
from bot.thai import has_thai

CONTACT = default_contact().line

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"

# (text, the rules it must trigger, in order). Spacing, case, digits and line breaks vary on purpose.
UNSAFE = [
    ("ทั้งสองฝ่ายตกลงสถาปนาความสัมพันธ์เมืองพี่เมืองน้อง", ["sister-city"]),
    ("ทั้งสองฝ่ายเป็น เมือง พี่ เมือง น้อง กัน", ["sister-city"]),
    ("ทั้งสองฝ่ายเป็นเมืองพี่\nเมืองน้องกัน", ["sister-city"]),
    ("ยกระดับเป็นนครพี่นครน้อง", ["sister-city"]),
    ("ทั้งสองเมืองเป็นเมืองพี่ – เมืองน้อง", ["sister-city"]),
    ("ทั้งสองเมืองเป็นเมืองฝาแฝดกัน", ["sister-city"]),
    ("双方同意结为友好城市。ทั้งสองฝ่ายตกลงร่วมมือ", ["sister-city"]),
    ("the Sister–City programme", ["sister-city"]),
    ("to become a city of friendship with Luang Prabang", ["city-relationship"]),
    ("ในฐานะเมืองคู่แฝด", ["sister-city"]),
    ("ทั้งสองฝ่ายเป็นบ้านพี่เมืองน้องกัน", ["sister-city"]),
    ("สถาปนาความสัมพันธ์ซิสเตอร์ซิตี้", ["sister-city"]),
    ("The two towns are hereby declared SISTER CITIES.", ["sister-city"]),
    ("a Sister-City agreement", ["sister-city"]),
    ("the parties agree to become sister\ncities", ["sister-city"]),
    ("The towns will establish town twinning.", ["sister-city"]),
    ("The cities are twinned with each other.", ["sister-city"]),
    ("to establish friendly city relations", ["sister-city"]),
    ("The parties will be designated as partner cities.", ["sister-city"]),
    ("The parties agree to establish formal friendly relations.", ["city-relationship"]),
    ("ทั้งสองฝ่ายจะสถาปนาความสัมพันธ์อย่างเป็นทางการ", ["city-relationship"]),
    ("This Memorandum is binding upon the Government of the Kingdom of Thailand.", ["binds-government"]),
    ("This MOU commits the Royal Thai Government to fund the project.", ["binds-government"]),
    ("The Government of Thailand undertakes to provide land.", ["binds-government"]),
    ("Signed for and on behalf of the Royal Thai Government", ["binds-government"]),
    ("MOU between the Government of the Kingdom of Thailand and the City of Yangon", ["binds-government"]),
    ("บันทึกนี้ผูกพันต่อรัฐบาลไทย", ["binds-government"]),
    ("บันทึกนี้มีผลผูกพันรัฐบาลของทั้งสองประเทศ", ["binds-government"]),
    ("This MOU is binding on the governments of both countries.", ["binds-government"]),
    ("This MOU shall be binding upon both Governments.", ["binds-government"]),
    ("รัฐบาลแห่งราชอาณาจักรไทยตกลงจะจัดสรรงบประมาณ", ["binds-government"]),
    ("นายกเทศมนตรีลงนามแทนรัฐบาลไทย", ["binds-government"]),
    ("This Agreement shall be legally binding.", ["legally-binding"]),
    ("This MOU is not a mere declaration but is legally binding.", ["legally-binding"]),
    ("บันทึกนี้มิใช่เพียงการแสดงเจตนา แต่มีผลผูกพันรัฐบาลไทย", ["binds-government"]),
    ("The obligations hereunder are legally enforceable.", ["legally-binding"]),
    ("บันทึกนี้ก่อให้เกิดพันธกรณีแก่คู่ภาคี", ["legally-binding"]),
    ("This MOU shall be governed by international law.", ["international-law"]),
    ("the obligations of the Parties under international law", ["international-law"]),
    ("ความตกลงนี้อยู่ภายใต้บังคับแห่งกฎหมายระหว่างประเทศ", ["international-law"]),
    ("Disputes shall be referred to the ICJ.", ["international-dispute"]),
    ("If the Parties cannot agree, the dispute shall go to arbitration.", ["international-dispute"]),
    ("ในกรณีที่ไม่อาจระงับข้อพิพาทได้ คู่ภาคีจะเสนอข้อพิพาทต่อศาลยุติธรรมระหว่างประเทศ", ["international-dispute"]),
    ("This Agreement shall be ratified by both Parties.", ["ratification"]),
    ("after the exchange of instruments of ratification", ["ratification"]),
    ("ความตกลงนี้ต้องได้รับสัตยาบัน", ["ratification"]),
    ("It enters into force on the exchange of notes.", ["diplomatic-notes"]),
    ("แจ้งผ่านช่องทางการทูต", ["diplomatic-notes"]),
    ("to be registered with the UN Secretariat", ["un-registration"]),
    ("pursuant to Article 102 of the Charter", ["un-registration"]),
    ("ให้จดทะเบียนต่อสำนักเลขาธิการสหประชาชาติ", ["un-registration"]),
    ("The High Contracting Parties have agreed as follows.", ["treaty-terms"]),
    ("This treaty enters into force on signature.", ["treaty-terms"]),
    ("The Government of Thailand shall act as depositary.", ["binds-government", "treaty-terms"]),
    ("This Agreement shall be interpreted under the Vienna Convention.", ["treaty-terms"]),
    ("It takes effect on the exchange of the instruments.", ["ratification"]),
    ("ความตกลงนี้ต้องได้รับความเห็นชอบโดยรัฐสภา", ["ratification"]),
    ("ให้ดำเนินการตามมาตรา ๑๗๘ ของรัฐธรรมนูญ", ["ratification"]),
    ("ให้ขึ้นทะเบียนความตกลงนี้ไว้กับสหประชาชาติ", ["un-registration"]),
    ("Agreement on Tourism between the Kingdom of Thailand and the Lao PDR", ["binds-government"]),
    ("บันทึกความเข้าใจระหว่างราชอาณาจักรไทยกับสาธารณรัฐแห่งสหภาพเมียนมา", ["binds-government"]),
    ("ทั้งสองฝ่ายจะเก็บค่าธรรมเนียมผ่านแดนร่วมกัน", ["borders"]),
    ("ทั้งสองเมืองจะเป็นเมืองคู่ค้าคู่พัฒนา", ["city-relationship"]),
    ("The Parties shall accede to the Convention on cultural heritage.", ["ratification", "treaty-terms"]),
    ("The Parties shall waive visa requirements for residents.", ["immigration"]),
    ("ทั้งสองฝ่ายจะยกเว้นการตรวจลงตราให้แก่ประชาชน", ["immigration"]),
    ("The Parties will conduct joint military patrols.", ["defence"]),
    ("ความร่วมมือด้านการทหาร", ["defence"]),
    ("The Parties support each other's positions in international forums.", ["foreign-policy"]),
    ("ทั้งสองฝ่ายยึดมั่นในนโยบายจีนเดียว", ["foreign-policy"]),
    ("The Parties will jointly survey the border demarcation.", ["borders"]),
    ("ทั้งสองฝ่ายจะร่วมกันเปิดจุดผ่านแดนแห่งใหม่", ["borders"]),
    ("Goods shall be duty-free.", ["customs"]),
    ("ลดหย่อนภาษีอากรให้แก่ผู้ประกอบการ", ["customs"]),
]

SAFE = [
    "This MOU is not legally binding.",
    "This MOU is non-binding and creates no legal obligations.",
    "This MOU shall not bind the Government of the Kingdom of Thailand.",
    "This Memorandum binds only the Participants and not the Royal Thai Government.",
    "Nothing in this MOU shall be construed as creating legally binding obligations under international law.",
    "The Participants do not intend this MOU to be a treaty or to be governed by international law.",
    "This MOU will not be registered under Article 102 of the Charter of the United Nations.",
    "Differences will be settled by consultation and will not be referred to arbitration or any tribunal.",
    "No ratification is required.",
    "ไม่มีผลผูกพันรัฐบาลไทย",
    "บันทึกนี้ไม่มีผลผูกพันรัฐบาลของแต่ละฝ่าย รวมทั้งรัฐบาลไทย",
    "บันทึกนี้มิได้มีผลผูกพันรัฐบาลไทย",
    "บันทึกนี้ไม่ก่อให้เกิดพันธกรณีตามกฎหมายระหว่างประเทศ",
    "บันทึกนี้ไม่ถือเป็นความตกลงที่มีผลผูกพันทางกฎหมาย",
    "ความร่วมมือนี้มิใช่ความสัมพันธ์เมืองพี่เมืองน้อง (Sister City)",
    "This cooperation is not a sister city relationship.",
    "Sister-city relations are made at the provincial level only.",
    "Visiting staff shall obtain their own visas in accordance with the laws of the host country.",
    "ผู้เข้าร่วมโครงการต้องขอวีซ่าเอง",
    "ค่าธรรมเนียมวีซ่าผู้เดินทางรับผิดชอบเอง",
    "The host side will provide invitation letters for the delegation's visa applications.",
    "Each side bears its own costs, including visas and insurance.",
    "Participants shall comply with the immigration laws of each country.",
    "to mark the 50th anniversary of diplomatic relations between Thailand and Laos",
    "เทศบาลตำบลแม่สาย จังหวัดเชียงราย ราชอาณาจักรไทย ตกลงจะส่งเสริมการท่องเที่ยว",
    "Mae Sai Municipality, Chiang Rai, Kingdom of Thailand",
    "to promote friendly relations between the Kingdom of Thailand and the Lao PDR",
    "เพื่อส่งเสริมความสัมพันธ์อันดีระหว่างประเทศไทยกับสาธารณรัฐประชาธิปไตยประชาชนลาว",
    "The parties will train village health volunteers in the border area.",
    "ส่งเสริมการค้าชายแดนและการท่องเที่ยว",
    "ทั้งสองฝ่ายจะจัดอบรมการป้องกันและบรรเทาสาธารณภัย",
    "The Participants will exchange information on food security.",
    "Either side may end this MOU with no less than thirty days' notice.",
    "ความตกลงนี้มีผลบังคับใช้ตั้งแต่วันลงนาม",
    "บันทึกความร่วมมือระหว่างประเทศขององค์กรปกครองส่วนท้องถิ่นฉบับนี้จัดทำขึ้นเป็นสองภาษา",
    "เมืองคู่สัญญาแต่ละฝ่ายรับผิดชอบค่าใช้จ่ายของตนเอง",
    "Students will hold a youth parliament during the exchange week.",
    "ชาวเชียงตุงมีความผูกพันกับประเทศไทยมาช้านาน",
    "Tourists bound for Thailand will receive the joint brochure.",
    "Students representing Thailand will join the regional games.",
    "The Participants will mark the demarcation of hiking trails.",
    "กิจกรรมจะเป็นไปตามอนุสัญญาว่าด้วยสิทธิเด็ก",
    "in line with the Convention on the Rights of the Child",
    "ทั้งสองฝ่ายจะส่งเสริมความสัมพันธ์ฉันมิตรระหว่างประชาชน",
    "The Participants will set up a joint working group.",
    "This MOU may be amended by an exchange of letters between the Participants.",
]


@pytest.mark.parametrize(("text", "rules"), UNSAFE)
def test_unsafe_wording_is_found(text: str, rules: list[str]) -> None:
    assert [finding.rule for finding in check_text(text).findings] == rules


@pytest.mark.parametrize("text", SAFE)
def test_safe_and_negated_wording_is_not_flagged(text: str) -> None:
    result = check_text(text)
    assert result.findings == [], [(f.rule, f.matched) for f in result.findings]
    assert result.result == "ok"


def test_warm_up_runs() -> None:
    from bot.checker import warm_up

    warm_up()


def test_thai_digits_in_headings_give_arabic_labels() -> None:
    result = check_text("ข้อ ๑ ทั่วไป\nข้อ ๑๒ ทั้งสองฝ่ายเป็นเมืองแฝด")
    assert [(f.rule, f.clause) for f in result.findings] == [("sister-city", "ข้อ 12")]


def test_the_non_binding_statement_is_noticed() -> None:
    assert check_text("บันทึกนี้ไม่มีผลผูกพันรัฐบาลไทย").states_non_binding
    assert not check_text("ทั้งสองฝ่ายจะแลกเปลี่ยนข้อมูลการท่องเที่ยว").states_non_binding


def test_overall_result_follows_the_worst_finding() -> None:
    assert check_text("ทั้งสองฝ่ายจะแลกเปลี่ยนข้อมูล").result == "ok"
    assert check_text("This Agreement shall be ratified.").result == REVIEW
    mixed = check_text("Article 1\nThis Agreement shall be ratified.\nArticle 2\nThe towns become sister cities.")
    assert mixed.result == NOT_ALLOWED
    assert [(f.rule, f.clause) for f in mixed.findings] == [
        ("ratification", "Article 1"),
        ("sister-city", "Article 2"),
    ]


def test_rules_are_complete_and_cite_known_documents() -> None:
    documents = {item["id"] for item in yaml.safe_load((KNOWLEDGE / "documents.yaml").read_text("utf-8"))}
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.severity in (NOT_ALLOWED, REVIEW)
        assert rule.sources and set(rule.sources) <= documents, rule.id
        assert has_thai(rule.reason) and has_thai(rule.title)
        assert "mae-sai-w0313" in rule.sources, rule.id
    assert {rule.id for rule in RULES if rule.severity == NOT_ALLOWED} == {"sister-city", "binds-government"}


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("ทั้งสองฝ่ายจะแลกเปลี่ยนข้อมูล", "ok"),
        ("This Agreement shall be ratified.", "review"),
        ("The towns become sister cities.", "not-allowed"),
    ],
)
def test_summary_is_thai_and_names_the_office(text: str, result: str) -> None:
    checked = check_text(text)
    assert checked.result == result
    assert CONTACT in checked.summary
    assert has_thai(checked.summary) and "\n" not in checked.summary
    assert "มิใช่ความเห็นทางกฎหมาย" in checked.summary


def test_summary_names_the_clauses() -> None:
    summary = check_text("ข้อ 1 ทั่วไป\nข้อ 2 ทั้งสองฝ่ายเป็นเมืองแฝด").summary
    assert "(ข้อ 2)" in summary


def test_json_has_exactly_the_documented_fields() -> None:
    data = check_text("Article 1\nThe towns become sister cities.").to_json()
    assert set(data) == {"result", "findings", "summary"}
    (finding,) = data["findings"]
    assert set(finding) == {"rule", "severity", "clause", "excerpt", "reason", "sources"}
    assert finding["rule"] == "sister-city" and finding["clause"] == "Article 1"
    assert "sister cities" in finding["excerpt"]
    assert "mae-sai-w0313" in finding["sources"]


def test_render_thai_shows_every_finding_with_titles() -> None:
    result = check_text("ข้อ 1 ทั้งสองฝ่ายเป็นเมืองแฝด\nข้อ 2 ความตกลงนี้ต้องได้รับสัตยาบัน")
    text = render_thai(result, {"mae-sai-w0313": "หนังสืออำเภอแม่สาย ว 0313"})
    assert text.startswith("ผลการตรวจร่างความตกลง: ❌")
    assert "1. ข้อ 1" in text and "2. ข้อ 2" in text
    assert "หนังสืออำเภอแม่สาย ว 0313" in text
    repeated = render_thai(check_text("ข้อ 1 เป็นเมืองแฝด\nข้อ 2 เป็นเมืองคู่มิตร"))
    assert repeated.count("เหตุผล: ") == 1 and "เช่นเดียวกับประเด็นที่ 1" in repeated
    short = render_thai(result, max_findings=1)
    assert "2. ข้อ 2" not in short and "และอีก 1 ประเด็น" in short


def test_empty_text_is_refused_in_thai() -> None:
    with pytest.raises(DocumentRefused) as refused:
        check_text("  \n ")
    assert has_thai(refused.value.user_message)
    assert refused.value.code == "empty"


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_any_text_gets_a_verdict_without_error(text: str) -> None:
    try:
        result = check_text(text)
    except DocumentRefused:
        assert not text.strip()
        return
    assert result.result in ("ok", "review", "not-allowed")
    for finding in result.findings:
        assert finding.clause in result.clauses
