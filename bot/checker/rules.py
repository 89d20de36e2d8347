"""The rule table: what in a draft conflicts with the guideline, how to spot it, and why."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

NOT_ALLOWED = "not-allowed"
REVIEW = "review"

_FLAGS = re.IGNORECASE  # for the context patterns, run on single sentences


def _th(phrase: str) -> str:
    """Turn a Thai phrase written with spaces between words into a regex allowing any spacing."""
    # Thai is written without spaces, but PDFs and line wraps put them anywhere between words.
    return r"\s*".join(phrase.split())


# The Thai state, in English and Thai. "Government" forms can only mean the state; bare country
# names also appear in addresses ("Mae Sai, Chiang Rai, Kingdom of Thailand"), so they are used
# only next to words that bind.
GOV_EN = (
    r"(?:the\s+)?(?:royal\s+thai\s+government|government\s+of\s+(?:the\s+)?(?:kingdom\s+of\s+)?"
    r"thailand|thai\s+government(?!\s+(?:agenc|department|officials?|polic|budget))|thai\s+state)"
)
STATE_EN = rf"(?:{GOV_EN}|(?:the\s+)?kingdom\s+of\s+thailand|thailand)"
GOV_TH = _th("รัฐบาล") + r"\s*(?:แห่ง\s*)?(?:" + "|".join(
    _th(name) for name in ("ราชอาณาจักร ไทย", "ประเทศ ไทย", "ไทย")
) + ")"
STATE_TH = rf"(?:{GOV_TH}|{_th('ราชอาณาจักร ไทย')}|{_th('ประเทศ ไทย')}|{_th('รัฐ ไทย')})"
# "the governments of both countries" includes Thailand's.
BOTH_GOVS_EN = (
    r"(?:the\s+)?(?:(?:both|the\s+two|their\s+respective|the\s+respective)\s+(?:national\s+|central\s+)?"
    r"governments|governments\s+of\s+(?:both|the\s+two)\s+(?:countries|states|nations))"
)
BOTH_GOVS_TH = (
    _th("รัฐบาล") + r"\s*(?:" + _th("ของ") + r"\s*)?(?:" + _th("ทั้ง สอง") + "|" + _th("แต่ละ") + r")\s*"
    + r"(?:" + _th("ประเทศ") + "|" + _th("ฝ่าย") + ")?"
)
# Dashes and slashes between the halves of a name: "เมืองพี่-เมืองน้อง", "Sister–City".
_DASH = r"[\s\-–—/]*"

# Sentences that only say the matter follows the law ("apply for visas in accordance with the
# laws of the host country") commit nobody to a national matter.
COMPLIANCE = (
    r"in\s+accordance\s+with",
    r"in\s+(?:line|conformity|compliance)\s+with",
    r"subject\s+to",
    r"compl(?:y|ies|iance)\s+with",
    r"pursuant\s+to",
    r"consistent\s+with",
    r"as\s+required\s+by",
    r"applicable\s+(?:laws?|regulations?)",
    r"(?:obtain|apply\s+for|arrange)\s+(?:their|his|her|its|the\s+necessary|necessary|own)",
    r"(?:their|his|her|its)\s+own\s+(?:costs?|expenses?)",
    # Letters of invitation for a visa application are the host's to give.
    r"invitation\s+letters?|letters?\s+of\s+invitation",
    _th("หนังสือ เชิญ"),
    _th("ค่า ใช้ จ่าย ของ ตน"),
    r"เอง",
    _th("ตาม") + r"\s*(?:" + "|".join(
        _th(word) for word in ("กฎหมาย", "ระเบียบ", "ข้อ กำหนด", "หลัก เกณฑ์")
    ) + ")",
    _th("ภายใต้") + r"\s*(?:" + _th("กฎหมาย") + "|" + _th("ระเบียบ") + ")",
    _th("เป็น ไป ตาม"),
    _th("ปฏิบัติ ตาม"),
    _th("สอดคล้อง กับ"),
    _th("ขอ") + r"\s*(?:" + _th("รับ") + r"\s*)?(?:" + _th("วีซ่า") + "|" + _th("การ ตรวจ ลง ตรา") + ")",
)


# No real word is longer; a pattern's "\w*" or "[\w'-]+" reads at most this many characters.
LONGEST_WORD = 40
_WORD_CLASS_REPEAT = re.compile(r"(\[[^\]]*\\w[^\]]*\])\+")


def bounded(pattern: str) -> str:
    """Return `pattern` with its open-ended word repeats capped at LONGEST_WORD characters."""
    # Unbounded, "issu\w*\s+visa" tried at every "issu" inside a 1 MB run of letters reads to
    # the run's end each time: quadratic. Capped, each try reads at most LONGEST_WORD characters.
    pattern = pattern.replace(r"\w*", rf"\w{{0,{LONGEST_WORD}}}").replace(r"\w+", rf"\w{{1,{LONGEST_WORD}}}")
    return _WORD_CLASS_REPEAT.sub(rf"\1{{1,{LONGEST_WORD}}}", pattern)


def compile_lowered(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """Compile patterns to run on lower-cased text, without a leading word boundary.

    About 3x faster than IGNORECASE with "\\b" in front: the regex engine can then skip ahead
    to the possible first characters. The caller checks the word boundary at the match start
    (`starts_word`). Patterns must not use upper-case escapes (\\S, \\W, \\B, \\D): lower-casing
    would change their meaning. Word repeats are capped (`bounded`).
    """
    return re.compile("|".join(f"(?:{source})" for source in lowered_sources(patterns)))


def lowered_sources(patterns: tuple[str, ...]) -> list[str]:
    """Return patterns as compile_lowered joins them: lower-cased, no leading word boundary, repeats capped."""
    for pattern in patterns:
        if re.search(r"\\[A-Z]", pattern):
            raise ValueError(f"upper-case escape in checker pattern: {pattern!r}")
    return [bounded(pattern.removeprefix(r"\b")).lower() for pattern in patterns]


def starts_word(text: str, start: int) -> bool:
    """Tell whether a match at `start` begins a word (the leading "\\b" the patterns drop)."""
    if start == 0 or not text[start].isascii() or not text[start].isalnum():
        return True
    before = text[start - 1]
    return not (before.isalnum() or before == "_")


@dataclass(frozen=True)
class Rule:
    """One thing a draft must not say (or should be looked at for), with its reason and sources."""

    id: str
    severity: str
    title: str
    reason: str
    sources: tuple[str, ...]
    # Flagged unless negated ("is not legally binding").
    patterns: tuple[str, ...]
    # Flagged unless negated or the sentence only says the matter follows the law.
    soft_patterns: tuple[str, ...] = ()
    soft_context: tuple[str, ...] = COMPLIANCE
    # A sentence holding one of these only talks about the rule ("... at the provincial level").
    safe_context: tuple[str, ...] = ()
    # Drop this rule's finding from a clause that already has a finding of one of these rules.
    yields_to: tuple[str, ...] = field(default_factory=tuple)

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """Return all hard patterns as one regex over lower-cased text (see `compile_lowered`)."""
        return compile_lowered(self.patterns)

    @cached_property
    def soft_regex(self) -> re.Pattern[str] | None:
        """Return all soft patterns as one regex over lower-cased text, or None."""
        return compile_lowered(self.soft_patterns) if self.soft_patterns else None

    @cached_property
    def soft_context_regex(self) -> re.Pattern[str]:
        """Return the sentence contexts that excuse a soft match."""
        return re.compile("|".join(f"(?:{p})" for p in self.soft_context), _FLAGS)

    @cached_property
    def safe_context_regex(self) -> re.Pattern[str] | None:
        """Return the sentence contexts that excuse any match, or None."""
        if not self.safe_context:
            return None
        return re.compile("|".join(f"(?:{p})" for p in self.safe_context), _FLAGS)


_CITY_EN = r"(?:cit(?:y|ies)|towns?|municipalit(?:y|ies))"
_NOT_NOUN = r"(?<!ความ)(?<!ความ\s)"
_LOCALITY_TH = "(?:เมือง|นคร|บ้าน|ตำบล|จังหวัด|อำเภอ|เทศบาล|มณฑล|ชุมชน)"
_NOTICE_MAE_SAI = "หนังสืออำเภอแม่สาย ที่ ขร 0023.20/ว 0313"
_NOT_AN_AGREEMENT_OF_STATE = (
    "ความตกลงขององค์กรปกครองส่วนท้องถิ่นต้องเป็นความตกลงสาขาความร่วมมือที่อยู่ในกรอบของกฎหมาย"
    "และมิได้มีผลผูกพันรัฐบาลไทย"
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="sister-city",
        severity=NOT_ALLOWED,
        title="ความสัมพันธ์เมืองพี่เมืองน้องหรือชื่อเรียกอื่นที่มีความหมายเดียวกัน",
        reason=(
            f"ตาม{_NOTICE_MAE_SAI} การสถาปนาความสัมพันธ์เมืองพี่เมืองน้อง (Sister City) "
            "ต้องดำเนินการในระดับจังหวัดเท่านั้น ซึ่งเป็นแนวทางปฏิบัติตามมติคณะรัฐมนตรีเมื่อวันที่ 10 ตุลาคม 2561 "
            "และครอบคลุมถึงชื่อเรียกอื่นที่มีความหมายเดียวกัน องค์กรปกครองส่วนท้องถิ่นจึงไม่อาจจัดทำความตกลงในลักษณะนี้ได้ "
            "หากประสงค์จะร่วมมือกับหน่วยการปกครองของต่างประเทศ ขอให้จัดทำเป็นความตกลงสาขาความร่วมมือในกรอบอื่น"
        ),
        sources=("mae-sai-w0313", "cabinet-2561-10-10", "moi-sister-city-province-2561"),
        patterns=(
            r"\bsister[\s\-–—]*(?:cit(?:y|ies)|towns?|municipalit(?:y|ies)|provinces?|states?|"
            r"prefectures?|regions?|count(?:y|ies)|districts?|ports?|villages?|communit(?:y|ies)|relations(?:hips?)?)\b",
            rf"\btwin(?:ned)?[\s\-]*{_CITY_EN}\b",
            r"\b(?:town|city|municipal)[\s\-]+twinning\b",
            r"\btwinning\s+(?:agreement|relationship|relations|arrangement|charter|link|partnership)s?\b",
            r"\btwinned\s+with\b",
            # Also the Chinese "friendly exchange city" (友好交流城市).
            rf"\bfriend(?:ship|ly)[\s\-]+(?:(?:exchange|cooperation|cooperative)[\s\-]+)?(?:{_CITY_EN}|provinces?)\b",
            r"\btwin\s+(?:their|the\s+two|both|our)\s+(?:cities|towns|municipalities)\b",
            rf"\bbrother(?:hood)?[\s\-]+{_CITY_EN}\b",
            rf"\bpartner[\s\-]+{_CITY_EN}\s+(?:relationship|relations|status|agreement|ties)\b",
            r"\b(?:become|becoming|as|designate[sd]?|declare[sd]?|recogni[sz]e[sd]?|proclaim(?:ed|s)?|"
            rf"establish(?:ed|es|ing)?)\s+(?:\w+\s+){{0,3}}?partner[\s\-]+{_CITY_EN}\b",
            rf"{_LOCALITY_TH}\s*พี่{_DASH}(?:{_LOCALITY_TH}\s*)?น้อง",
            r"(?:เมือง|นคร)\s*(?:คู่\s*)?ฝา\s*แฝด",
            # Chinese in trilingual drafts: 友好城市 / 姐妹城市 / 友好交流城市 / 友城.
            r"(?:友好|姐妹|友好交流)(?:城市|城)|友城",
            r"(?:เมือง|นคร)\s*(?:(?:คู่\s*)?(?:มิตร\s*ภาพ|มิตร|แฝด|พันธ\s*มิตร)|คู่\s*ขวัญ|แลก\s*เปลี่ยน\s*มิตร\s*ภาพ)",
            _th("ซิส เตอร์ ซิ ตี้"),
            _th("ทวิน ซิ ตี้"),
        ),
        safe_context=(
            _th("ระดับ จังหวัด"),
            r"provincial\s+level",
            r"province\s+level",
            r"level\s+of\s+(?:the\s+)?provinces?",
        ),
    ),
    Rule(
        id="binds-government",
        severity=NOT_ALLOWED,
        title="ถ้อยคำที่ผูกพันรัฐบาลไทยหรือลงนามในนามรัฐ",
        reason=(
            f"ตาม{_NOTICE_MAE_SAI} {_NOT_AN_AGREEMENT_OF_STATE} "
            "ถ้อยคำนี้ทำให้รัฐบาลไทยหรือราชอาณาจักรไทยเป็นผู้รับพันธะหรือเป็นคู่ภาคี "
            "หรือให้ผู้ลงนามลงนามในนามรัฐ ซึ่งเกินกว่าที่องค์กรปกครองส่วนท้องถิ่นจะตกลงได้ "
            "ขอให้แก้ไขให้องค์กรปกครองส่วนท้องถิ่นเป็นคู่ภาคีและลงนามในนามของตนเองเท่านั้น"
        ),
        sources=("mae-sai-w0313",),
        patterns=(
            # "binding on / obligations of / commits the Government of Thailand"
            # Not "bound"/"commit to": "tourists bound for Thailand" binds nobody.
            r"\b(?:bind(?:s|ing)?|obligat\w*|oblige[sd]?|liab\w*|commits|committing)\b"
            rf"(?:\s+(?:up)?on|\s+of|\s+for|\s+to)?\s+(?:either\s+|both\s+)?(?:{STATE_EN}|{BOTH_GOVS_EN})\b",
            rf"\b(?:bind(?:s|ing)?|obligat\w*|liab\w*)\b[^.;]{{0,50}}?\b{GOV_EN}",
            rf"\b{GOV_EN}\s+(?:shall|undertakes?|agrees?|guarantees?|commits?|warrants?|"
            r"is\s+(?:obliged|obligated|bound|committed|responsible|liable)|"
            r"will\s+(?:provide|ensure|grant|guarantee|fund|finance|bear|cover|compensate|assume|"
            r"be\s+(?:bound|responsible|liable)))\b",
            rf"\b(?:on\s+behalf\s+of|in\s+the\s+name\s+of)\s+{STATE_EN}\b",
            # "students representing Thailand" is fine; representing its government is not.
            rf"\brepresenting\s+{GOV_EN}",
            rf"(?:^|(?<=\n)|(?<=[.:;] ))[ \t]*for\s+{GOV_EN}",
            rf"\bbetween\s+{GOV_EN}\s+and\b",
            # "Agreement between the Kingdom of Thailand and …" is a state's agreement; "good
            # relations between the Kingdom of Thailand and …" is not, so a document word must lead.
            r"\b(?:agreement|memorandum|mou|treaty|convention|protocol|concluded|signed|made)\s+"
            r"(?:[\w()'-]+\s+){0,4}?between\s+(?:the\s+)?kingdom\s+of\s+thailand\s+and\b",
            rf"(?:^|\n)[ \t]*{GOV_EN}\s+and\s+the\s+(?:government|people'?s\s+government)\b",
            # Not "ความผูกพันกับประเทศไทย": a people's attachment to Thailand binds nobody.
            _NOT_NOUN + _th("ผูกพัน") + rf"\s*(?:{_th('ต่อ')}|{_th('กับ')}|{_th('ถึง')})?\s*(?:{STATE_TH}|{BOTH_GOVS_TH})",
            rf"(?:{_th('พันธกรณี')}|{_th('ภาระ ผูกพัน')}|{_th('ความ รับผิด')}(?:{_th('ชอบ')})?)\s*"
            rf"(?:{_th('ของ')}|{_th('แก่')}|{_th('ต่อ')}|{_th('กับ')})\s*{STATE_TH}",
            rf"{GOV_TH}\s*(?:{_th('ฝ่าย')}\s*)?(?:"
            + "|".join(
                _th(verb)
                for verb in (
                    "จะ ต้อง", "ต้อง", "ตกลง", "รับ ที่ จะ", "รับ ประกัน", "รับรอง ว่า จะ", "ค้ำ ประกัน",
                    "ยินยอม", "มี หน้าที่", "มี พันธกรณี", "ให้ คำ มั่น", "ผูกพัน", "จะ ให้", "จะ จัด",
                    "จะ สนับสนุน", "จะ รับผิดชอบ", "จะ ชดใช้", "จะ อนุญาต", "จะ ยกเว้น", "จะ อุดหนุน",
                    "จะ ออก", "จะ ดำเนินการ",
                )
            )
            + ")",
            rf"{_th('ใน นาม')}\s*(?:{_th('ของ')}\s*)?{STATE_TH}",
            rf"{_th('แทน')}\s*(?:{GOV_TH}|{_th('ราชอาณาจักร ไทย')})",
            rf"(?:^|\n)[ \t]*{_th('สำหรับ')}\s*{GOV_TH}",
            rf"{_th('ระหว่าง')}\s*{GOV_TH}\s*(?:{_th('กับ')}|{_th('และ')})",
            r"(?:" + "|".join(_th(word) for word in ("ความ ตกลง", "บันทึก", "สนธิ สัญญา", "ทำ ขึ้น", "จัด ทำ"))
            + r")[^\s.;]{0,25}\s*" + _th("ระหว่าง") + r"\s*(?:" + _th("ราชอาณาจักร ไทย") + "|"
            + _th("ประเทศ ไทย") + r")\s*(?:" + _th("กับ") + "|" + _th("และ") + ")",
        ),
    ),
    Rule(
        id="legally-binding",
        severity=REVIEW,
        title="ถ้อยคำที่ก่อพันธกรณีผูกพันทางกฎหมาย",
        reason=(
            "ถ้อยคำนี้ทำให้ความตกลงมีผลผูกพันทางกฎหมายหรือก่อพันธกรณีแก่คู่ภาคี "
            "ซึ่งอาจทำให้ความตกลงเข้าข่ายเป็นความตกลงระหว่างประเทศตามกฎหมาย "
            f"อันเป็นความเสี่ยงที่{_NOTICE_MAE_SAI} ให้ระมัดระวัง กระทรวงการต่างประเทศอธิบายว่า "
            "การเป็นความตกลงระหว่างประเทศขึ้นกับเนื้อหาและเจตนาของภาคี มิใช่ชื่อเรียกของเอกสาร "
            "และบันทึกความเข้าใจที่ไม่ก่อพันธกรณีผูกพันไม่ถือเป็นหนังสือสัญญาตามมาตรา 178 ของรัฐธรรมนูญ "
            "ขอให้พิจารณาใช้ถ้อยคำแสดงเจตนาร่วมมือแทนถ้อยคำที่ก่อพันธกรณี"
        ),
        sources=("mae-sai-w0313", "mfa-treaty-definition", "constitution-2560-s178"),
        patterns=(
            r"\blegally[\s\-]+binding\b",
            r"\bbinding\s+(?:legal\s+)?(?:obligations?|effect|force|commitments?|agreement|instrument|contract)\b",
            r"\b(?:shall|will|is|are)\s+(?:be\s+)?(?:legally\s+)?binding\b",
            r"\bbinding\s+(?:up)?on\s+(?:the|both|all|each|either)\b",
            r"\blegal(?:ly)?\s+(?:obligations?|enforceab\w+|liabilit\w+)\b",
            r"\benforceable\b",
            r"\bcreates?\s+(?:any\s+)?(?:legal\s+)?(?:rights\s+(?:and|or)\s+)?obligations\b",
            _th("ผูกพัน ทาง กฎหมาย"),
            _th("มี ผล ผูกพัน"),
            _th("ก่อ ให้ เกิด") + r"\s*(?:" + "|".join(
                _th(word) for word in ("พันธกรณี", "ข้อ ผูกพัน", "ภาระ ผูกพัน", "สิทธิ และ หน้าที่")
            ) + ")",
            _th("พันธกรณี") + r"\s*(?:" + _th("ทาง") + "|" + _th("ตาม") + r")\s*" + _th("กฎหมาย"),
            _th("บังคับ") + r"\s*(?:" + _th("ใช้") + r")?\s*" + _th("ได้ ตาม กฎหมาย"),
            _NOT_NOUN + _th("ผูกพัน") + r"\s*(?:" + "|".join(
                _th(word) for word in ("คู่ ภาคี", "ทั้ง สอง ฝ่าย", "ภาคี", "คู่ สัญญา")
            ) + ")",
        ),
        yields_to=("binds-government", "international-law"),
    ),
    Rule(
        id="international-law",
        severity=REVIEW,
        title="การอยู่ภายใต้บังคับของกฎหมายระหว่างประเทศ",
        reason=(
            "ความตกลงที่อยู่ภายใต้บังคับของกฎหมายระหว่างประเทศ ไม่ว่าจะเรียกชื่ออย่างไร "
            "ถือเป็นความตกลงระหว่างประเทศ/สนธิสัญญาตามความหมายที่กระทรวงการต่างประเทศอธิบายไว้ "
            "ซึ่งองค์กรปกครองส่วนท้องถิ่นไม่ควรจัดทำ เพราะความตกลงต้องมิได้มีผลผูกพันรัฐบาลไทย "
            f"ตาม{_NOTICE_MAE_SAI} ขอให้ตัดถ้อยคำนี้ หรือระบุว่าความตกลงไม่ก่อให้เกิดพันธกรณีตามกฎหมายระหว่างประเทศ"
        ),
        sources=("mfa-treaty-definition", "mae-sai-w0313", "lao-briefing-report"),
        patterns=(
            r"\bgoverned\s+by\s+(?:and\s+construed\s+in\s+accordance\s+with\s+)?(?:public\s+)?international\s+law\b",
            r"\bsubject\s+to\s+(?:public\s+)?international\s+law\b",
            r"\b(?:obligations?|rights|binding|bound|liabilit\w+)\s+(?:\w+\s+){0,4}?under\s+(?:public\s+)?"
            r"international\s+law\b",
            r"\binternational\s+legal\s+(?:obligations?|instruments?|agreements?|personality)\b",
            r"\bconstrued\s+(?:and\s+\w+\s+)?in\s+accordance\s+with\s+(?:public\s+)?international\s+law\b",
            _th("ภายใต้") + r"\s*(?:" + _th("บังคับ") + r"\s*(?:" + _th("ของ") + "|" + _th("แห่ง")
            + r")\s*)?" + _th("กฎหมาย ระหว่าง ประเทศ"),
            r"(?:" + _th("พันธกรณี") + "|" + _th("ผูกพัน") + "|" + _th("สิทธิ") + r")[^\s.;]{0,12}\s*"
            r"(?:" + _th("ตาม") + "|" + _th("ภายใต้") + r")\s*" + _th("กฎหมาย ระหว่าง ประเทศ"),
            _th("อยู่ ใน บังคับ") + r"\s*(?:" + _th("ของ") + "|" + _th("แห่ง") + r")\s*"
            + _th("กฎหมาย ระหว่าง ประเทศ"),
            _th("ตีความ ตาม กฎหมาย ระหว่าง ประเทศ"),
        ),
    ),
    Rule(
        id="international-dispute",
        severity=REVIEW,
        title="การระงับข้อพิพาทโดยศาลระหว่างประเทศหรืออนุญาโตตุลาการ",
        reason=(
            "การให้ข้อพิพาทไปสู่ศาลยุติธรรมระหว่างประเทศ ศาลหรือคณะตุลาการระหว่างประเทศ หรืออนุญาโตตุลาการ "
            "แสดงเจตนาให้ความตกลงมีผลบังคับทางกฎหมาย ซึ่งเป็นลักษณะของความตกลงระหว่างประเทศ/สนธิสัญญา "
            f"และเป็นความเสี่ยงที่{_NOTICE_MAE_SAI} ให้ระมัดระวัง "
            "บันทึกความร่วมมือขององค์กรปกครองส่วนท้องถิ่นโดยทั่วไปควรระบุให้ระงับข้อพิพาทโดยการปรึกษาหารือฉันมิตร"
        ),
        sources=("mfa-treaty-definition", "mae-sai-w0313"),
        patterns=(
            r"\binternational\s+court\s+of\s+justice\b",
            r"\bICJ\b",
            r"\bpermanent\s+court\s+of\s+arbitration\b",
            r"\barbitra(?:tion|l|tors?)\b",
            r"\binternational\s+(?:courts?|tribunals?)\b",
            r"\bUNCITRAL\b",
            r"\bICSID\b",
            _th("ศาล ยุติธรรม ระหว่าง ประเทศ"),
            _th("ศาล") + r"\s*(?:" + _th("โลก") + "|" + _th("ระหว่าง ประเทศ") + ")",
            _th("อนุญาโต ตุลาการ"),
            _th("ตุลาการ ระหว่าง ประเทศ"),
        ),
    ),
    Rule(
        id="ratification",
        severity=REVIEW,
        title="การให้สัตยาบันหรือกระบวนการมีผลใช้บังคับแบบสนธิสัญญา",
        reason=(
            "การให้สัตยาบัน ภาคยานุวัติ หรือการให้ความตกลงมีผลเมื่อเสร็จสิ้นกระบวนการตามรัฐธรรมนูญหรือกฎหมายภายในของรัฐ "
            "เป็นขั้นตอนของความตกลงระหว่างประเทศ/หนังสือสัญญาระดับรัฐ "
            "ซึ่งตามรัฐธรรมนูญ มาตรา 178 เป็นเรื่องของหนังสือสัญญาที่รัฐทำ มิใช่ขั้นตอนของความตกลงขององค์กรปกครองส่วนท้องถิ่น "
            f"ถ้อยคำนี้จึงอาจทำให้ความตกลงเข้าข่ายเป็นความตกลงระหว่างประเทศ ซึ่ง{_NOTICE_MAE_SAI} ให้ระมัดระวัง"
        ),
        sources=("constitution-2560-s178", "mfa-treaty-definition", "mae-sai-w0313"),
        patterns=(
            r"\bratif\w*",
            r"\binstruments?\s+of\s+(?:ratification|acceptance|approval|accession)\b",
            r"\baccession\b",
            r"\baccede[sd]?\s+to\b",
            r"\b(?:constitutional|domestic\s+legal|internal\s+legal)\s+(?:procedures|requirements|formalities)\b",
            r"\binternal\s+(?:legal\s+)?procedures\b[^.;]{0,80}?\b(?:entry|enter|entered|enters)\s+into\s+force\b",
            r"\b(?:entry|enter|enters)\s+into\s+force\b[^.;]{0,160}?\binternal\s+(?:legal\s+)?procedures\b",
            r"\bparliament(?:ary)?\s+(?:approval|consent)\b",
            r"\bapprov\w*\s+(?:by|of)\s+(?:the\s+)?(?:parliament|national\s+assembly)\b",
            r"\bexchange\s+of\s+(?:the\s+)?instruments\b",
            r"\bsection\s+178\b",
            _th("รัฐสภา"),
            _th("มาตรา") + r"\s*178(?!\d)",
            _th("สัตยาบัน"),
            _th("ภาคยานุวัติ"),
            _th("กระบวนการ") + r"\s*(?:" + "|".join(
                _th(word) for word in ("ภายใน", "ทาง กฎหมาย ภายใน", "ตาม รัฐธรรมนูญ")
            ) + r")\s*(?:" + _th("ที่ จำเป็น") + r"\s*)?(?:" + _th("สำหรับ") + "|" + _th("เพื่อ")
            + r")\s*(?:" + _th("การ") + r"\s*)?(?:" + _th("ให้") + r"\s*)?(?:" + _th("เริ่ม")
            + r"\s*)?" + _th("มี ผล"),
            _th("ความ เห็น ชอบ") + r"\s*(?:" + _th("ของ") + "|" + _th("จาก") + r")\s*" + _th("รัฐสภา"),
            _th("ขั้นตอน ทาง รัฐธรรมนูญ"),
        ),
    ),
    Rule(
        id="diplomatic-notes",
        severity=REVIEW,
        title="การแลกเปลี่ยนหนังสือหรือการติดต่อผ่านช่องทางการทูต",
        reason=(
            "การให้ความตกลงมีผลหรือแจ้งกันโดยการแลกเปลี่ยนหนังสือทางการทูตหรือผ่านช่องทางการทูต "
            "เป็นวิธีการของความตกลงระหว่างรัฐบาล ซึ่งองค์กรปกครองส่วนท้องถิ่นไม่ได้เป็นผู้ดำเนินการ "
            "และทำให้ความตกลงมีลักษณะเป็นความตกลงระหว่างประเทศที่อาจผูกพันรัฐบาลไทย "
            f"ซึ่งไม่เป็นไปตาม{_NOTICE_MAE_SAI}"
        ),
        sources=("mae-sai-w0313", "mfa-treaty-definition"),
        patterns=(
            r"\bexchange\s+of\s+(?:diplomatic\s+)?notes\b",
            r"\bnotes?\s+verbales?\b",
            r"\bdiplomatic\s+(?:channels?|notes?|notifications?|correspondence)\b",
            r"\bthrough\s+diplomatic\b",
            r"(?:" + "|".join(_th(word) for word in ("หนังสือ", "บันทึก", "ภาค หนังสือ", "ข้อ ความ"))
            + r")\s*" + _th("ทาง การ ทูต"),
            _th("ช่อง ทาง") + r"\s*(?:" + _th("ทาง") + r"\s*)?" + _th("การ ทูต"),
            _th("ผ่าน ทาง การ ทูต"),
        ),
    ),
    Rule(
        id="un-registration",
        severity=REVIEW,
        title="การจดทะเบียนความตกลงกับสหประชาชาติ",
        reason=(
            "การจดทะเบียนกับสำนักเลขาธิการสหประชาชาติตามข้อ 102 แห่งกฎบัตรสหประชาชาติ "
            "ใช้กับสนธิสัญญาและความตกลงระหว่างประเทศของรัฐ "
            "ถ้อยคำนี้จึงแสดงว่าความตกลงมีลักษณะเป็นความตกลงระหว่างประเทศภายใต้กฎหมายระหว่างประเทศ "
            f"ซึ่งองค์กรปกครองส่วนท้องถิ่นไม่ควรจัดทำตาม{_NOTICE_MAE_SAI}"
        ),
        sources=("mfa-treaty-definition", "mae-sai-w0313"),
        patterns=(
            r"\barticle\s+102\b",
            r"\b(?:secretariat|secretary[\s\-]+general)\s+of\s+the\s+united\s+nations\b",
            r"\b(?:united\s+nations|UN)\s+secretariat\b",
            r"\bregist\w*\s+(?:[\w,]+\s+){0,6}?(?:with|at|by)\s+the\s+(?:united\s+nations|UN)\b",
            r"\bcharter\s+of\s+the\s+united\s+nations\b",
            r"\bUN\s+charter\b",
            r"(?:" + _th("สำนัก") + r"\s*)?" + _th("เลขาธิการ") + r"\s*(?:" + _th("องค์การ") + r"\s*)?"
            + _th("สหประชาชาติ"),
            _th("กฎบัตร") + r"\s*(?:" + _th("แห่ง") + r"\s*)?(?:" + _th("องค์การ") + r"\s*)?"
            + _th("สหประชาชาติ"),
            r"(?:" + _th("จด") + "|" + _th("ลง") + "|" + _th("ขึ้น") + r")\s*" + _th("ทะเบียน")
            + r"[^.;]{0,30}?(?:" + _th("องค์การ") + r"\s*)?" + _th("สหประชาชาติ"),
        ),
    ),
    Rule(
        id="treaty-terms",
        severity=REVIEW,
        title="ถ้อยคำแบบสนธิสัญญาระหว่างรัฐ",
        reason=(
            "ถ้อยคำเช่น สนธิสัญญา ภาคีผู้ทำสัญญา ผู้มีอำนาจเต็ม หรือผู้แทนที่ได้รับมอบอำนาจจากรัฐบาล "
            "เป็นถ้อยคำของความตกลงระหว่างรัฐ กระทรวงการต่างประเทศอธิบายว่าความตกลงที่อยู่ภายใต้บังคับของกฎหมายระหว่างประเทศ "
            "เป็นสนธิสัญญาไม่ว่าจะเรียกชื่ออย่างไร ถ้อยคำนี้จึงเสี่ยงทำให้ความตกลงเข้าข่ายเป็นความตกลงระหว่างประเทศ "
            f"ซึ่ง{_NOTICE_MAE_SAI} ให้ระมัดระวัง ขอให้ใช้ถ้อยคำของบันทึกความร่วมมือระหว่างองค์กรปกครองส่วนท้องถิ่นแทน"
        ),
        sources=("mfa-treaty-definition", "mae-sai-w0313"),
        patterns=(
            r"\btreat(?:y|ies)\b",
            r"\bhigh\s+contracting\s+part(?:y|ies)\b",
            r"\bcontracting\s+(?:part(?:y|ies)|states?)\b",
            r"\bstates?\s+part(?:y|ies)\b",
            r"\bplenipotentiar\w+",
            r"\bdepositar(?:y|ies)\b",
            r"\bvienna\s+convention\b",
            r"\bfull\s+powers\b",
            r"\bduly\s+authori[sz]ed\s+(?:thereto\s+)?by\s+their\s+respective\s+governments\b",
            _th("สนธิ สัญญา"),
            r"(?:" + _th("หนังสือ") + r"\s*)?(?:" + _th("มอบ") + r"\s*)?" + _th("อำนาจ เต็ม"),
            _th("ภาคี ผู้ ทำ สัญญา"),
            _th("ได้ รับ มอบ อำนาจ") + r"[^.;]{0,12}?" + _th("จาก รัฐบาล"),
        ),
        # "ตามอนุสัญญาว่าด้วยสิทธิเด็ก": following a convention is not making one.
        soft_patterns=(_th("อนุ สัญญา"), r"\bconventions?\s+on\b"),
    ),
    Rule(
        id="immigration",
        severity=REVIEW,
        title="เรื่องการตรวจลงตรา (วีซ่า) และการเข้าเมือง",
        reason=(
            "การตรวจลงตรา การยกเว้นวีซ่า ใบอนุญาตทำงาน และการตรวจคนเข้าเมือง เป็นอำนาจของหน่วยงานระดับชาติ "
            "มิใช่อำนาจหน้าที่ขององค์กรปกครองส่วนท้องถิ่น "
            f"ขณะที่{_NOTICE_MAE_SAI} ให้จัดทำความตกลงสาขาความร่วมมือที่อยู่ในกรอบของกฎหมายกำหนด "
            "ขอให้ตรวจสอบว่าข้อนี้มิได้ให้คำมั่นในเรื่องที่อยู่นอกอำนาจหน้าที่ "
            "(หากเป็นเพียงการให้ปฏิบัติตามกฎหมายของแต่ละประเทศ ถือว่าไม่เป็นปัญหา)"
        ),
        sources=("mae-sai-w0313",),
        patterns=(
            r"\bvisas?[\s\-]+(?:exemptions?|waivers?|free|on[\s\-]+arrival)\b",
            r"\b(?:waiv|exempt|grant|issu|expedit|fast[\s\-]+track|simplif|relax)\w*\s+(?:[\w'-]+\s+){0,4}?"
            r"(?:visas?|entry\s+permits?|work\s+permits?|residence\s+permits?|residency)\b",
            _th("ยกเว้น") + r"\s*(?:" + _th("การ") + r"\s*)?(?:" + _th("ตรวจ ลง ตรา") + "|"
            + _th("วีซ่า") + ")",
            r"(?:" + "|".join(
                _th(word) for word in ("ออก", "อนุญาต", "อำนวย ความ สะดวก", "เร่ง รัด", "ผ่อน ผัน", "ลด ขั้น ตอน")
            ) + r")[^\s.;]{0,15}?\s*(?:" + "|".join(
                _th(word) for word in ("วีซ่า", "การ ตรวจ ลง ตรา", "ใบ อนุญาต ทำงาน", "การ ตรวจ คน เข้า เมือง")
            ) + ")",
        ),
        soft_patterns=(
            r"\bimmigration\b",
            r"\bvisas?\b",
            r"\b(?:work|residence|entry)\s+permits?\b",
            _th("วีซ่า"),
            _th("ตรวจ ลง ตรา"),
            _th("ตรวจ คน เข้า เมือง"),
            _th("ใบ อนุญาต ทำงาน"),
        ),
    ),
    Rule(
        id="defence",
        severity=REVIEW,
        title="เรื่องการทหาร การป้องกันประเทศ และความมั่นคงของชาติ",
        reason=(
            "การทหาร การป้องกันประเทศ และความมั่นคงของชาติ เป็นภารกิจของรัฐบาล "
            "มิใช่อำนาจหน้าที่ขององค์กรปกครองส่วนท้องถิ่น "
            f"ขณะที่{_NOTICE_MAE_SAI} ให้จัดทำความตกลงสาขาความร่วมมือที่อยู่ในกรอบของกฎหมายกำหนด "
            "ขอให้ตรวจสอบว่าข้อนี้มิได้ให้คำมั่นในเรื่องที่อยู่นอกอำนาจหน้าที่"
        ),
        sources=("mae-sai-w0313",),
        patterns=(
            r"\bmilitar(?:y|ies)\b",
            r"\barmed\s+forces\b",
            r"\bnational\s+defen[cs]e\b",
            r"(?<!civil\s)\bdefen[cs]e\s+(?:cooperation|forces|ministry|industry|equipment|matters|sector|pact|alliance)\b",
            r"\bministry\s+of\s+defen[cs]e\b",
            r"\bweapons?\b",
            r"\bammunition\b",
            r"\btroops\b",
            r"\bnational\s+security\b",
            r"\bintelligence\s+(?:sharing|services?|agenc\w+)\b",
            _th("ทหาร"),
            _th("กอง ทัพ"),
            _th("กลาโหม"),
            _th("การ ป้องกัน ประเทศ"),
            _th("ยุทโธปกรณ์"),
            _th("อาวุธ"),
            _th("ความ มั่นคง") + r"\s*(?:" + _th("แห่ง ชาติ") + "|" + _th("ของ") + r"\s*(?:"
            + _th("ชาติ") + "|" + _th("ประเทศ") + "|" + _th("รัฐ") + "))",
            _th("ข่าว กรอง"),
        ),
    ),
    Rule(
        id="foreign-policy",
        severity=REVIEW,
        title="เรื่องนโยบายต่างประเทศและความสัมพันธ์ทางการทูต",
        reason=(
            "นโยบายต่างประเทศ ความสัมพันธ์ทางการทูต และท่าทีของประเทศในเรื่องอธิปไตยหรือเวทีระหว่างประเทศ "
            "เป็นอำนาจของรัฐบาล มิใช่อำนาจหน้าที่ขององค์กรปกครองส่วนท้องถิ่น "
            f"และความตกลงต้องมิได้มีผลผูกพันรัฐบาลไทยตาม{_NOTICE_MAE_SAI} "
            "ขอให้ตรวจสอบว่าข้อนี้มิได้ให้คำมั่นหรือแสดงท่าทีแทนรัฐบาล"
        ),
        sources=("mae-sai-w0313",),
        patterns=(
            r"\bforeign\s+polic(?:y|ies)\b",
            r"\bdiplomatic\s+recognition\b",
            r"\bone[\s\-]+china\b",
            r"\bsovereignty\b",
            r"\bterritorial\s+integrity\b",
            r"\bsupport\s+(?:each\s+other'?s?|the\s+other\s+(?:party|side)'?s?)\s+(?:\w+\s+){0,3}?"
            r"(?:positions?|candidac\w+|stance|claims?)\b",
            _th("นโยบาย") + r"\s*(?:" + _th("การ") + r"\s*)?" + _th("ต่าง ประเทศ"),
            _th("จีน เดียว"),
            _th("อธิปไตย"),
            _th("บูรณภาพ แห่ง ดินแดน"),
            _th("สนับสนุน") + r"\s*(?:" + _th("ท่าที") + "|" + _th("จุด ยืน") + ")",
        ),
        soft_patterns=(
            r"\bdiplomatic\s+relations\b",
            _th("ความ สัมพันธ์ ทาง การ ทูต"),
        ),
        # Preambles mark anniversaries of diplomatic relations; that commits nobody.
        soft_context=(
            r"anniversar\w+",
            r"occasion",
            r"celebrat\w+",
            _th("ครบ รอบ"),
            _th("โอกาส"),
            _th("เฉลิม ฉลอง"),
        ),
    ),
    Rule(
        id="borders",
        severity=REVIEW,
        title="เรื่องเขตแดนและการผ่านแดน",
        reason=(
            "เขตแดนของประเทศ การปักปันเขตแดน และการเปิดหรือควบคุมจุดผ่านแดน เป็นอำนาจของรัฐบาล "
            "มิใช่อำนาจหน้าที่ขององค์กรปกครองส่วนท้องถิ่น "
            f"ขณะที่{_NOTICE_MAE_SAI} ให้จัดทำความตกลงสาขาความร่วมมือที่อยู่ในกรอบของกฎหมายกำหนด "
            "ขอให้ตรวจสอบว่าข้อนี้มิได้ให้คำมั่นในเรื่องที่อยู่นอกอำนาจหน้าที่"
        ),
        sources=("mae-sai-w0313",),
        patterns=(
            r"\bnational\s+(?:borders?|boundar(?:y|ies))\b",
            r"\bborder\s+(?:demarcation|delimitation|lines?|crossings?|checkpoints?|pass(?:es)?|gates?|"
            r"posts?|control|disputes?)\b",
            r"\bboundary\s+(?:demarcation|delimitation|lines?|commission|disputes?)\b",
            r"\bcross[\s\-]+border\s+(?:movement|passage|checkpoints?|passes|points?)\b",
            _th("เขต แดน"),
            _th("ปัก ปัน"),
            _th("จุด ผ่าน แดน"),
            _th("จุด ผ่อน ปรน"),
            _th("ช่อง ทาง") + r"\s*(?:" + _th("ผ่าน แดน") + "|" + _th("ผ่อน ปรน") + ")",
            _th("ด่าน") + r"\s*(?:" + "|".join(
                _th(word) for word in ("พรม แดน", "ชาย แดน", "ศุลกากร", "ตรวจ คน เข้า เมือง")
            ) + ")",
            _th("บัตร ผ่าน แดน"),
            r"(?:" + _th("เปิด") + "|" + _th("ปิด") + r")\s*" + _th("ด่าน"),
            _th("ผ่าน แดน"),
        ),
    ),
    Rule(
        id="customs",
        severity=REVIEW,
        title="เรื่องศุลกากรและภาษีอากรของรัฐ",
        reason=(
            "ศุลกากร อัตราภาษีนำเข้าส่งออก และการยกเว้นภาษีอากรของรัฐ เป็นอำนาจของหน่วยงานระดับชาติ "
            "มิใช่อำนาจหน้าที่ขององค์กรปกครองส่วนท้องถิ่น "
            f"ขณะที่{_NOTICE_MAE_SAI} ให้จัดทำความตกลงสาขาความร่วมมือที่อยู่ในกรอบของกฎหมายกำหนด "
            "ขอให้ตรวจสอบว่าข้อนี้มิได้ให้คำมั่นในเรื่องที่อยู่นอกอำนาจหน้าที่"
        ),
        sources=("mae-sai-w0313",),
        patterns=(
            r"\b(?:customs|tariffs?|tax(?:es)?|dut(?:y|ies))[\s\-]+(?:exemptions?|waivers?|reductions?|"
            r"concessions?|holidays?|privileges?|incentives?)\b",
            r"\bduty[\s\-]+free\b",
            r"\bexempt\w*\s+(?:[\w'-]+\s+){0,4}?from\s+(?:all\s+|any\s+)?(?:taxes|customs|duties|tariffs)\b",
            r"\b(?:reduc|lower|waiv|abolish)\w*\s+(?:[\w'-]+\s+){0,3}?(?:tariffs?|customs\s+duties|import\s+duties)\b",
            r"(?:" + _th("ยกเว้น") + "|" + _th("ลด") + r")\s*(?:" + _th("หย่อน") + r"\s*)?(?:"
            + _th("ภาษี") + "|" + _th("อากร") + ")",
            _th("อากร") + r"\s*(?:" + _th("ขา เข้า") + "|" + _th("ขา ออก") + ")",
            _th("สิทธิ ประโยชน์ ทาง ภาษี"),
        ),
        soft_patterns=(
            r"\bcustoms\b",
            r"\btariffs?\b",
            _th("ศุลกากร"),
        ),
    ),
    Rule(
        id="city-relationship",
        severity=REVIEW,
        title="ถ้อยคำสถาปนาความสัมพันธ์ระหว่างเมือง",
        reason=(
            "ถ้อยคำนี้แสดงการสถาปนาความสัมพันธ์เป็นการทั่วไประหว่างท้องถิ่นทั้งสองฝ่าย "
            "ซึ่งอาจเป็นความสัมพันธ์เมืองพี่เมืองน้องภายใต้ชื่อเรียกอื่น "
            f"ตาม{_NOTICE_MAE_SAI} องค์กรปกครองส่วนท้องถิ่นร่วมมือกับหน่วยการปกครองของต่างประเทศได้ในกรอบอื่น "
            "ที่ไม่ใช่ความสัมพันธ์เมืองพี่เมืองน้องหรือชื่อเรียกอื่นที่มีความหมายเดียวกัน "
            "โดยจัดทำเป็นความตกลงสาขาความร่วมมือ ขอให้ตรวจสอบว่าร่างนี้เป็นความร่วมมือเฉพาะสาขา"
        ),
        sources=("mae-sai-w0313",),
        patterns=(
            rf"\bpartner(?:ship)?[\s\-]+{_CITY_EN}\b",
            r"\b(?:establish\w*|formali[sz]\w*|institut\w*|proclaim\w*|declar\w*)\s+(?:[\w'-]+\s+){0,3}?"
            r"(?:friendly|friendship|fraternal|brotherly|sisterly|formal|official|special|twin)\s+"
            r"(?:[\w'-]+\s+){0,3}?(?:relations?|relationships?|ties|bonds?)\b",
            r"\b(?:relations?|relationships?|ties|bonds?)\s+(?:of\s+(?:friendship|brotherhood)\s+)?between\s+"
            r"the\s+(?:two\s+)?(?:cities|towns|municipalities|localities)\b",
            r"\b(?:fraternal|brotherly|brotherhood|sisterly|sisterhood|kinship)\b",
            rf"\b{_CITY_EN}\s+of\s+friendship\b",
            r"(?:เมือง|นคร)\s*แห่ง\s*มิตร\s*ภาพ",
            r"友好关系|结好|缔结友好",
            r"(?<!school\s)(?<!schools\s)\btwinning\b",
            _th("สถาปนา ความ สัมพันธ์"),
            _th("ความ สัมพันธ์") + r"\s*(?:" + _th("ฉัน") + "|" + _th("แบบ") + "|" + _th("อย่าง")
            + r")\s*(?:" + _th("พี่ น้อง") + "|" + _th("เครือ ญาติ") + "|" + _th("มิตร สหาย") + ")",
            # "เมืองคู่ความร่วมมือ", "เมืองคู่ค้า": a paired-city title; not "เมืองคู่สัญญา" (the party).
            r"(?:เมือง|นคร)\s*คู่(?!\s*(?:สัญญา|ภาคี|กรณี|ความ\s*ตกลง))",
        ),
        yields_to=("sister-city",),
    ),
)

RULES_BY_ID = {rule.id: rule for rule in RULES}
