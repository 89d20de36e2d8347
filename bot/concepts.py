"""The decisive concepts of a question, with negation, so entries can say when they apply.

An entry's `applies` (knowledge/entries/*.yaml) lists concepts it `needs` (all must be in the
question, not negated) and concepts that `exclude` it (none may be): a question without the
needed concept cannot get that entry's verdict, however many words it shares with it.

The draft checker's patterns (bot.checker.rules) are reused, so the question side and the draft
side share one vocabulary for sister cities under any name, binding the Thai government and treaty
wording; question-side patterns add how officials *ask* ("ให้รัฐบาลไทยออกเงินได้ไหม", "友好城市").
Negation is read only before a mention ("ไม่ใช่เมืองพี่เมืองน้อง", "not a sister city"): after it,
"ทำเมืองพี่เมืองน้องไม่ได้ใช่ไหม" still asks about a sister city.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from bot.checker.rules import GOV_EN, RULES_BY_ID, STATE_TH, compile_lowered, lowered_sources
from bot.numbers import LetterNumber, find_numbers, parse_number
from bot.pruning import PrunedRegex, scripts_of

if TYPE_CHECKING:
    from bot.knowledge import KnowledgeSource

# A letter number whose letter is not among the knowledge base's documents; likewise a dated
# Cabinet resolution other than the ones it lists.
UNKNOWN_LETTER = "letter:unknown"
UNKNOWN_RESOLUTION = "resolution:unknown"
LETTER_PREFIX = "letter:"

_WS = r"\s*"
_LAO_TYPES = r"(?:อบต|อบจ|ทต|ทม|ทน|เทศบาล[^\s]*|องค์การบริหารส่วน[^\s]+|อปท|องค์กรปกครองส่วนท้องถิ่น|ท้องถิ่น)"
# A government or ministry that is not Thailand's ("รัฐบาลจีนจะออกเงินให้" is aid, not a commitment of Thailand).
_NOT_THAI = (
    r"(?:จีน|ลาว|ญี่ปุ่น|เกาหลี|เวียดนาม|กัมพูชา|พม่า|เมียนมา|มาเลเซีย|ต่าง(?!" + _WS + r"ๆ)|ท้องถิ่น|เมือง|เขา|ฝ่าย|ฝั่ง|ของ" + _WS
    + r"(?:เขา|ต่าง|จีน|ลาว|ญี่ปุ่น|เกาหลี|เวียดนาม|กัมพูชา))"
)
# Not right after a word of place ("ใน", "in", "from"): the place someone is, not the body that acts.
_NOT_AT = "".join(f"(?<!{word})(?<!{word} )" for word in ("ใน", "ที่", "ไป", "มา", "จาก", "in", "at", "from", "to", "visit", "tại", "ở"))
# A Thai state body as the one that acts: "ทางการไทยจะออกบัตร", "ศาลไทยจะยอมรับ", "the Thai Ministry of
# Health will supply". Only the state can promise what such a body does, so a clause saying it will
# binds the state, whatever the service; asking whether such a body must approve does not.
_STATE_BODY_TH = (
    r"(?:" + STATE_TH + r"|ฝ่าย" + _WS + r"ไทย|ทาง" + _WS + r"(?:การ|ราชการ)" + _WS + r"ไทย|ราชการ" + _WS + r"ไทย"
    + r"|(?:(?<![ก-๛])|(?<=ว่า)|(?<=ให้))ไทย(?=" + _WS + r"(?:จะ|ยอม|ยินยอม|รับ" + _WS + r"ประกัน))"
    + r"|หน่วย" + _WS + r"งาน" + _WS + r"(?:ของ" + _WS + r")?รัฐ(?:บาล)?(?:" + _WS + r"(?:ของ" + _WS + r")?ไทย)?|ส่วน" + _WS
    + r"ราชการ(?:" + _WS + r"ไทย)?|รัฐ" + _WS + r"วิสาหกิจ|กระทรวง(?!" + _WS + _NOT_THAI + r")[ก-๛]{0,25}|กรม(?![\u0e30-\u0e4e])(?!" + _WS
    + r"(?:ส่งเสริม|" + _NOT_THAI + r"))[ก-๛]{0,25}|ศาล(?!า)(?:" + _WS + r"ไทย)?|ตำรวจ[ก-๛]{0,10}|ทหาร[ก-๛]{0,6}|(?<![ก-๛])ตม\.?(?![ก-๛])"
    # "ว่ามท.จะจัดงบให้": the Ministry of Interior by its short name.
    + r"|(?:(?<![ก-๛])|(?<=ว่า)|(?<=ให้))มท\.?(?:(?![ก-๛])|(?=จะ|ยอม|รับ|ค้ำ|ตกลง))|มหาด" + _WS + r"ไทย"
    + r"|สำนัก(?:งาน)?" + _WS + r"(?:งบ" + _WS + r"ประมาณ|ที่" + _WS + r"ดิน|สรรพากร|ศุลกากร|ประกัน" + _WS + r"สังคม)|กรม" + _WS + r"บัญชี" + _WS + r"กลาง|สำนักงาน[ก-๛]{2,25}แห่ง" + _WS + r"ชาติ"
    + r"|คณะ" + _WS + r"รัฐมนตรี|ครม\.?(?=" + _WS + r"(?:จะ|ยอม))"
    + r"|(?:สำนักงาน|ด่าน)" + _WS + r"ตรวจ" + _WS + r"คน" + _WS + r"เข้า" + _WS + r"เมือง|ด่าน" + _WS + r"ศุลกากร|การ" + _WS
    + r"(?:ไฟฟ้า|ประปา|รถไฟ|ท่าเรือ)[ก-๛]{0,15}|โรง" + _WS + r"พยาบาล" + _WS + r"(?:ของ" + _WS + r")?รัฐ(?:บาล)?(?:" + _WS
    + r"(?:ของ" + _WS + r")?ไทย)?)"
)
# What a body asked about as an office does with the LAO's agreement: approving it is no promise.
_OFFICE_ACTS_TH = (
    r"(?:อนุมัติ|เห็น" + _WS + r"ชอบ|ตรวจ|พิจารณา|รับ" + _WS + r"ทราบ|ทราบ|รู้|ดู|ให้" + _WS + r"ความ" + _WS + r"เห็น|กำกับ|ดู" + _WS
    + r"แล|ลง" + _WS + r"นาม" + _WS + r"(?:ด้วย|รับรอง)|อนุญาต" + _WS + r"ให้" + _WS + r"(?:" + _LAO_TYPES + r"|เรา|ทำ|ลง|เซ็น)|ตอบ"
    + r"|แจ้ง" + _WS + r"(?:ว่า|ผล|กลับ)|ว่า" + _WS + r"(?:ยังไง|อย่างไร|ไง))"
)
_STATE_PROMISES_TH = (
    # "รัฐบาลไทยและรัฐบาลญี่ปุ่นจะสนับสนุน": with another body, it still promises.
    # A polite particle ends the clause: "…สถานทูตจีนประจำประเทศไทยหน่อยครับ จะประสาน…" promises nothing.
    r"(?<!ประจำ)" + _STATE_BODY_TH + r"(?:(?!ครับ|ค่ะ|คะ|หน่อย|นะ)[^\s,?]){0,12}?(?:" + _WS + r"(?:และ|กับ)" + _WS + r"[^\s,?]{1,24}?)?" + _WS
    + r"(?:จะ|ยอม|ยินยอม|ตกลง" + _WS + r"(?:จะ|ว่า|ให้)|รับ" + _WS + r"(?:ที่" + _WS
    + r")?จะ|รับ" + _WS + r"ประกัน|ค้ำ" + _WS + r"ประกัน|มี" + _WS + r"หน้า" + _WS + r"ที่|ให้" + _WS + r"คำ" + _WS + r"มั่น)" + _WS
    + r"(?!" + _WS + r"(?:ต้อง" + _WS + r")?" + _OFFICE_ACTS_TH + r")(?:ไม่" + _WS + r")?[ก-๛]"
)
# "มีข้อให้กรมพลศึกษาสนับสนุนสนาม", "ขอให้กระทรวงสาธารณสุขส่งแพทย์": a clause that has a state body give something.
_STATE_MADE_TO_TH = (
    r"ให้" + _WS + _STATE_BODY_TH + r"[^\s,?]{0,12}?" + _WS + r"(?:สนับสนุน|จัด" + _WS + r"(?:หา|สรร|ส่ง|ให้|งบ|ทำ" + _WS + r"(?:ถนน|สะพาน))|ออก" + _WS
    + r"(?:เงิน|ค่า|งบ|บัตร|ใบ|วีซ่า|หนังสือ)|ยกเว้น|อนุญาต" + _WS + r"ให้" + _WS + r"(?:คน|ชาว|แรงงาน|รถ|เรือ|สินค้า|นัก|ฝ่าย)|รับรอง" + _WS
    + r"(?:ว่า|สิทธิ|วุฒิ|ให้)|สร้าง|ส่ง" + _WS + r"(?:แพทย์|ครู|เจ้าหน้าที่|ทหาร|ตำรวจ|กำลัง|คน|ผู้" + _WS + r"เชี่ยวชาญ)|จ่าย|ชดใช้|ชดเชย|อุดหนุน|ค้ำ"
    + _WS + r"ประกัน|รับ" + _WS + r"ประกัน|รับ" + _WS + r"ผิด" + _WS + r"ชอบ" + _WS + r"ค่า|คุ้ม" + _WS + r"ครอง|ลด" + _WS + r"(?:ภาษี|ค่า))"
)
_STATE_BODY_EN = (
    r"\b(?:(?:the\s+)?royal\s+thai|thai|thailand'?s?|the\s+kingdom'?s?)\s+(?:(?:central|national|royal)\s+)?(?:ministr(?:y|ies)|departments?|government|authorit(?:y|ies)"
    r"|immigration|customs|police|army|armed\s+forces|military|courts?|state|agenc(?:y|ies)|officials?|hospitals?"
    r"|public\s+\w+|revenue\s+department|border\s+\w+)"
)
_STATE_PROMISES_EN = (
    # "The Thai side" is often the LAO itself ("the Thai side will share its flood-response experience"): it promises
    # the state's part only with money, visas, land or building.
    r"\bthe\s+thai\s+side\s+(?:shall|will|agrees?\s+to|undertakes?\s+to|guarantees?|commits?\s+to)\s+(?:pay|fund|financ|guarantee|cover|bear"
    r"|grant|issue|waive|exempt|build|construct|provide\s+(?:funds?|funding|(?:a\s+)?budget|visas?|land|free))|"
    + _STATE_BODY_EN + r"(?:\s+(?:of|for)\s+[a-z]+(?:\s+[a-z]+){0,2}?)?\s+(?:shall|will|agrees?\s+to|undertakes?\s+to|guarantees?"
    r"|commits?\s+to|is\s+to|would)\s+(?!(?:need\s+to\s+|have\s+to\s+|be\s+asked\s+to\s+)?(?:approve|review|check|see|know|be\s+"
    r"informed|be\s+notified|sign\s+off|clear|comment|advise|answer|reply|say|decide\s+whether))[a-z]"
)


# Councils that are not an LAO's own: "ผ่านสภาความมั่นคง" is no question of the LAO's procedure.
_OTHER_COUNCILS = r"(?:ความ" + _WS + r"มั่นคง|พัฒนา|ผู้" + _WS + r"แทน|นิติ|ตำบล" + _WS + r"และ|หอ|อุตสาหกรรม|กาชาด|มหาวิทยาลัย|เกษตร|ทนาย)"
_FOREIGN_SCRIPTS = re.compile(r"[\u0e80-\u0eff\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af\u1000-\u109f\u1780-\u17ff]")
_VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


@dataclass(frozen=True)
class Concept:
    """One concept: how a question says it, and the Thai words the matcher should read for a mention."""

    id: str
    help: str
    patterns: tuple[str, ...] = ()
    # The draft checker's rules whose hard patterns also mean this concept.
    from_rules: tuple[str, ...] = ()
    # Canonical terms (bot.analyzer) that mean it, e.g. the place names of synonyms.yaml's ต่างประเทศ.
    terms: tuple[str, ...] = ()
    negatable: bool = True
    # Whether its `terms` say it as plainly as a pattern (a curated list of countries and cities does).
    terms_state: bool = False
    # What the matcher reads instead of a mention in another script or a disguised name.
    reads_as: str | None = None
    # Whether the matcher reads none of a mention's words: "แต่ละฝ่ายรับผิดชอบงบประมาณของตนเอง", "자체 예산으로 비용을
    # 부담" hold the words of a commitment (รับผิดชอบ, 부담) and say the opposite.
    unread: bool = False
    # Concepts with which an unread concept's words are read after all: a clause saying the MOU binds no one,
    # asked about as a clause ("ขอให้ใส่ข้อว่า…บ่มีผลผูกพัน ใส่ได้บ่"), is the binding rule's question.
    read_with: frozenset[str] = frozenset()
    # Whether a negator inside a mention, right before its last word, denies it: "กระทรวงไหน … ไม่ผูกพัน",
    # "รัฐบาลไทยจะไม่รับผิดชอบ" (a body, then its verb, denied).
    denied_inside: bool = False
    # Whether "ไม่ต้อง X" says the concept rather than denying it: "ไม่ต้องผ่านตรวจคนเข้าเมือง" waives a
    # national control, which is the national matter itself.
    waiver_says_it: bool = False
    # Whether the question is then about something other than an LAO's cooperation abroad (a university's
    # MOU, a TV series): no policy entry answers it, however many words it shares with one.
    out_of_scope: bool = False

    @cached_property
    def regex(self) -> re.Pattern[str] | None:
        """Return all the concept's patterns as one regex over lower-cased text, or None."""
        sources = self._sources()
        return compile_lowered(sources) if sources else None

    @cached_property
    def pruned(self) -> PrunedRegex | None:
        """Return the concept's patterns as one regex per set of scripts a text holds (bot.pruning), or None."""
        sources = self._sources()
        return PrunedRegex(lowered_sources(sources)) if sources else None

    def _sources(self) -> tuple[str, ...]:
        """Return the concept's own patterns and those of the checker's rules it takes."""
        sources = list(self.patterns)
        for rule_id in self.from_rules:
            sources += RULES_BY_ID[rule_id].patterns
        return tuple(sources)


CONCEPT_TABLE: tuple[Concept, ...] = (
    Concept(
        "sister-city",
        "a sister-city relationship under any name or language (เมืองพี่เมืองน้อง, friendship city, 友好城市, 자매도시)",
        patterns=(
            r"sister[\s\-]*cit(?:y|ies)|sistercit(?:y|ies)|friendshipcit(?:y|ies)|twin[\s\-]*towns?|twintowns?|twin[\s\-]*cit(?:y|ies)|twinning|\btwin(?:ned)?\s+with\b|\b(?:to|and)\s+twin\b",
            r"friendship[\s\-]+(?:cit(?:y|ies)|towns?|provinces?)|sister[\s\-]*(?:relationship|relations|ties|province|state|town)s?|\bsisterhood\s+(?:agreement|relationship|ties|city|pact)",
            r"姉妹都市|友好都市|姉妹提携|友好提携|姉妹県|友好県|姉妹縁組|姊妹(?:市|城|都市|州|府)|姐妹(?:市|城|省|州|府)|姊妹省|友好城市|友好城|友好(?:省|府|州|县|縣|県)|자매\s*도시|우호\s*(?:교류\s*)?도시|友好交流(?:城市|都市)|자매\s*결연|ເມືອງ\s*ພີ່\s*ເມືອງ\s*ນ້ອງ",
            r"k[ếe]t\s*ngh[ĩi]a",
            # Korean 친선도시 (goodwill city), Japanese パートナーシティ, German Gemeindepartnerschaft (not the English
            # "partner city", which is any partner town).
            r"친선\s*(?:교류\s*)?도시|chinseon\s*dosi|パートナー\s*(?:シティ|都市)|(?:gemeinde|städte|staedte)partnerschaft|partnergemeinde|partnerschaftsurkunde",
            # Romanised: pinyin "jiěmèi chéngshì" / "yǒuhǎo chéngshì", Japanese "shimai toshi", Korean "jamae dosi".
            r"ji[eěé]\s*m[eèé]i\s*ch[eé]ng\s*sh[iì]|y[oǒ]u\s*h[aǎ]o\s*ch[eé]ng\s*sh[iì]|\bshimai\s*toshi\b|\by[uū]k[oō]\s*toshi\b|\bjamae\s*dosi\b",
            # Sister townships and counties: "姊妹鄉鎮", "姐妹县".
            r"(?:姊妹|姐妹)(?:鄉|鎮|縣|乡|镇|县)",
            # Romanised Thai: "muang phi muang nong", "mueang phee mueang nong" (so that "mai dai ja tham…" denies it).
            r"\bmu?e?ang\s*ph?(?:i{1,2}|e{1,2})\s*mu?e?ang\s*no?ng\b|\bmu?e?ang\s*khu\s*mitr?\b|\bmu?e?ang\s*(?:khu\s*)?f[ae]{1,2}d\b",
            # "thành phố hữu nghị": a friendship town (not "hợp tác hữu nghị", friendly cooperation).
            r"(?:thành\s+phố|thị\s+xã|đô\s+thị|huyện|tỉnh|xã|phường)\s+hữu\s+nghị",
            # Khmer and Myanmar: ក្រុងភគិនី (sister city), ខេត្តភគិនី (sister province), ညီအစ်ကိုမြို့ / မောင်နှမမြို့ (sibling
            # towns), မြို့ညီမြို့နောင် (brother towns), ချစ်ကြည်ရေးမြို့ (friendship town).
            r"(?:ទី)?ក្រុង\s*(?:ភ្ជាប់\s*)?សម្ព័ន្ធ\s*មេត្រី|ភ្ជាប់\s*សម្ព័ន្ធ\s*មេត្រី|(?:ទី)?ក្រុង\s*(?:ភគិនី|ភ្លោះ|មិត្តភាព)|ខេត្ត\s*ភគិនី|ក្រុង\s*បង\s*ប្អូន|ညီ\s*အစ်\s*(?:ကို|မ)\s*မြို့|မြို့\s*ညီ\s*မြို့\s*နောင်|မောင်\s*နှမ\s*မြို့|ချစ်\s*ကြည်\s*ရေး\s*မြို့",
            # Malay and Indonesian: bandar/kota kembar (twin town), kota bersaudara (sister city).
            r"(?:bandar|kota|bandaraya|negeri|wilayah)\s+(?:ber)?(?:kembar|saudara|bersaudara)",
            # French, German, Spanish, Italian, Portuguese twinning.
            r"jumelage|jumel[ée]es?|ville\s+jumel|st[äa]dtepartnerschaft|partnerstadt|hermanamiento|ciudad(?:es)?\s+hermanas?"
            r"|gemellaggio|citt[àa]\s+gemellat|cidades?\s+irm[ãa]s?",
            r"(?:สัมพันธ์|เป็น|แบบ|คู่)" + _WS + r"พี่" + _WS + r"น้อง(?!\s*(?:ประชาชน|เยาวชน|นักเรียน))",
            # Lao and Isan "ເມືອງອ້າຍ-ເມືອງນ້ອງ" (read as Thai letters: เมืองอ้าย-เมืองน้อง), elder brother and younger.
            r"เมือง" + _WS + r"(?:อ้าย|เอื้อย)" + _WS + r"-?" + _WS + r"(?:เมือง" + _WS + r")?น้อง",
            # Lao "ເມືອງພີ່ນ້ອງ" and its Thai reading เมืองพี่น้อง: a town of siblings (not "พี่น้องประชาชน").
            r"เมือง" + _WS + r"พี่" + _WS + r"น้อง(?!" + _WS + r"(?:ประชาชน|เยาวชน|นักเรียน|ชาว))",
            # Naming the relationship itself: "ตั้งชื่อความสัมพันธ์ว่า 'เมืองคู่ค้าพี่น้อง'".
            r"(?:ตั้ง|ใช้|เรียก)" + _WS + r"ชื่อ" + _WS + r"(?:ความ" + _WS + r"สัมพันธ์|ความ" + _WS + r"เป็น" + _WS + r"พี่" + _WS + r"น้อง)",
            # "หมู่บ้านพี่หมู่บ้านน้อง", "ชุมชนพี่ชุมชนน้อง": the same pairing of places, at a smaller scale.
            r"(?:แขวง|มณฑล|รัฐ|เขต|อำเภอ|ตำบล|จังหวัด|หมู่" + _WS + r"บ้าน|ชุมชน)" + _WS + r"พี่" + _WS + r"(?:[ก-ฮ][^\s]{0,12})?" + _WS + r"น้อง",
            r"สถาปนา" + _WS + r"ความ" + _WS + r"สัมพันธ์",
            # "ไม่เรียกว่าเมืองพี่เมืองน้อง แต่เนื้อหาเหมือนกัน": the name dropped, the relationship kept.
            r"(?:ไม่|มิ)" + _WS + r"(?:ได้" + _WS + r")?(?:มี" + _WS + r"คำ" + _WS + r"ว่า|เรียก" + _WS + r"(?:ว่า)?|ใช้" + _WS
            + r"(?:คำ|ชื่อ)" + _WS + r"(?:ว่า)?)" + _WS + r"เมือง" + _WS + r"พี่" + _WS + r"เมือง" + _WS + r"น้อง[^\n]{0,40}?(?:แต่|ทว่า)"
            r"[^\n]{0,30}?(?:เนื้อ" + _WS + r"หา|ข้าง" + _WS + r"ใน|รูป" + _WS + r"แบบ|กิจกรรม|สาระ)[^\n]{0,20}?(?:เหมือน|เดิม|เดียว" + _WS + r"กัน)",
            r"(?:เมือง|นคร)" + _WS + r"(?:คู่" + _WS + ")?(?:มิตร|แฝด|พันธมิตร|มิตรภาพ|สัมพันธ(?:์)?" + _WS + r"ไมตรี|ไมตรี)",
            # "ประกาศว่าเป็นเมืองคู่หูกันตลอดไป", a "Partner City Declaration": a pair of towns declared for good.
            r"(?:เมือง|นคร)" + _WS + r"คู่" + _WS + r"หู|\bpartner[\s\-]*cit(?:y|ies)\s+declaration\b|\bdeclaration\s+of\s+partner[\s\-]*cit(?:y|ies)\b",
            # "จังหวัดจะเลือกเมืองคู่": a paired town (not a trading partner, "เมืองคู่ค้า").
            r"เมือง" + _WS + r"คู่(?=\s|$|[,.?]|กัน|ของ|ที่|ให้|ได้|ไว้)",
            r"บ้าน" + _WS + r"พี่" + _WS + r"เมือง" + _WS + r"น้อง|เมือง" + _WS + r"อ้าย" + _WS + r"เมือง" + _WS + r"น้อง",
            # Typed in a hurry: "เมืองพี่มืองน้อง", "เมืองพี่เมืงน้อง", "เมิองพี่เมืองน้อง" (a vowel or a letter dropped).
            r"เ?ม[ืิ]?อ?ง" + _WS + r"พี่" + _WS + r"เ?ม[ืิ]?อ?ง" + _WS + r"น้อง",
            # Isan "เมืองเสี่ยว" (a town of sworn friends).
            r"เมือง" + _WS + r"เสี่ยว",
            # Northern Thai writes พี่ as ปี้: "เมืองปี้เมืองน้อง".
            r"เมือง" + _WS + r"ปี้" + _WS + r"(?:เมือง" + _WS + r")?น้อง",
            r"(?:ตำบล|อำเภอ|หมู่" + _WS + r"บ้าน|ชุมชน)" + _WS + r"(?:คู่" + _WS + r")?(?:มิตรภาพ|มิตร|แฝด|พันธมิตร)",
            r"(?:ความ" + _WS + r")?สัมพันธ์" + _WS + r"ฉัน" + _WS + r"(?:เมือง" + _WS + r")?(?:เครือ" + _WS + r")?(?:มิตร|พี่" + _WS + r"น้อง|ญาติ)"
            r"|เมือง" + _WS + r"เครือ" + _WS + r"ญาติ",
            # Russian "город-побратим" (a sister town), "города-побратимы".
            r"город\w*[\s\-‑–]*побратим\w*|побратим\w*",
            # "ผูกเกลอ", "เมืองเกลอ", "เมืองญาติ", "เป็นครอบครัวเดียวกัน": a sister city by another name.
            r"(?:ผูก|เป็น|เมือง)" + _WS + r"เกลอ|เมือง" + _WS + r"ญาติ|(?:เป็น" + _WS + r")?ครอบครัว" + _WS + r"เดียว" + _WS + r"กัน",
        ),
        from_rules=("sister-city",),
        terms=("เมืองพี่เมืองน้อง",),
        reads_as="เมืองพี่เมืองน้อง",
    ),
    Concept(
        "binds-government",
        "the agreement would bind or commit the Thai government or its budget, or be signed on Thailand's behalf",
        patterns=(
            r"(?:" + STATE_TH + r"|รัฐบาล(?!" + _WS + _NOT_THAI + r")|ฝ่าย" + _WS + r"ไทย|กระทรวง(?!" + _WS + _NOT_THAI
            + r")[^\s]{0,25}?|กรม(?![\u0e30-\u0e4e])(?!" + _WS + r"ส่งเสริม)[^\s]{0,20}?|ส่วนกลาง|งบ(?:ประมาณ)?แผ่นดิน"
            # State agencies: the health security office, social security, immigration, customs, the tourism authority.
            r"|สปสช|สปส(?![ก-๛])|สำนักงาน" + _WS + r"หลักประกัน|ประกัน" + _WS + r"สังคม|ตม(?![ก-๛])|ตรวจ" + _WS + r"คน" + _WS + r"เข้า" + _WS + r"เมือง|ศุลกากร|ททท)"
            # (Not across the LAO's own money: "หลักสูตรที่กรมหนึ่งจัด ใช้งบ อบจ. จ่ายค่าเดินทาง".)
            r"(?:(?!งบ" + _WS + r"(?:ของ" + _WS + r")?(?:อบต|อบจ|ทต|ทม|ทน|เทศบาล|อปท))[^,]){0,30}?(?:ออก" + _WS + "(?:เงิน|ค่า|งบ|ตังค์|ตัง|สตางค์)|จ่าย|รับผิดชอบ|ค้ำ(?:" + _WS + "ประกัน)?|สนับสนุน" + _WS + "(?:งบ|เงิน|ทุน)"
            r"|ชดใช้|ชดเชย|ผูกพัน|รับประกัน|รับ" + _WS + r"ปะ" + _WS + r"กัน|อุดหนุน|ให้งบ|ให้เงิน|ให้" + _WS + r"ทุน|มอบ" + _WS + r"(?:ทุน|เงิน|งบ)|สมทบ|ตกลง" + _WS
            + r"(?:จะ|ว่า|ให้)|ยินยอม|ช่วย" + _WS + "(?:ออก|ครึ่ง|จ่าย|สมทบ)|ส่ง" + _WS + r"(?:คณะ|แพทย์|พยาบาล|ครู|บุคลากร|ผู้" + _WS + r"เชี่ยวชาญ|เจ้าหน้าที่|ข้าราชการ|ทหาร|ตำรวจ|คน|เครื่อง|รถ|เฮลิคอปเตอร์)|(?:มา" + _WS + r")?(?:ก่อ" + _WS + r")?สร้าง|ซ่อม" + _WS + r"(?:แซม|บำรุง)|จะ" + _WS + r"(?:จัด|ให้|ช่วย|อนุญาต|รับรอง)"
            r"|จัด" + _WS + r"(?:หา|ส่ง|สรร))",
            # The kingdom as the Thai party: "คู่ภาคีฝ่ายเราว่า 'ราชอาณาจักรไทย โดยองค์การบริหารส่วนตำบล…'", "the Kingdom of
            # Thailand, represented by the Tambon…", "ระบุให้ "ราชอาณาจักรไทย" เป็นภาคีแทน อบต.".
            r"(?:" + STATE_TH + r"|รัฐบาล(?!" + _WS + _NOT_THAI + r"))" + r"[\"'”’]?" + _WS + r"(?:เป็น|เข้า" + _WS + r"เป็น)" + _WS
            + r"(?:คู่" + _WS + r")?(?:ภาคี|คู่" + _WS + r"สัญญา)",
            r"ราช" + _WS + r"อาณาจักร" + _WS + r"ไทย" + _WS + r",?" + _WS + r"(?:โดย|ซึ่ง" + _WS + r"มี)" + _WS + r"(?:องค์การ|เทศบาล|อบต|อบจ|ทต|ทม|ทน|นายก)"
            r"|\bfor\s+(?:and\s+on\s+behalf\s+of\s+)?the\s+(?:royal\s+thai\s+government|government\s+of\s+(?:the\s+kingdom\s+of\s+)?thailand)\b"
            r"|\bon\s+behalf\s+of\s+(?:the\s+)?(?:royal\s+thai\s+government|government\s+of\s+(?:the\s+kingdom\s+of\s+)?thailand|kingdom\s+of\s+thailand)\b"
            r"|\b(?:the\s+)?kingdom\s+of\s+thailand\s*,?\s+(?:represented\s+)?by\s+(?:the\s+)?(?:tambon|municipality|thesaban|sao|tao|pao|provincial\s+administrative|subdistrict|mayor)",
            # "ประเทศไทยตกลงลดการเผาในที่โล่ง…": the kingdom itself agrees to do something (as "Thailand shall…").
            r"(?:" + STATE_TH + r")[\"'”’]?" + _WS + r"(?:ตกลง|ยินยอม|สัญญา|รับ" + _WS + r"ที่" + _WS + r"จะ)(?!" + _WS + r"กัน)",
            # The Department itself promising money: "กรมส่งเสริมการปกครองท้องถิ่นจะสนับสนุนงบประมาณสมทบโครงการนี้".
            r"(?:กรม" + _WS + r"ส่ง" + _WS + r"เสริม[^\s]{0,30}|สถ(?![ก-๛]))" + _WS + r"(?:จะ" + _WS + r")?(?:สนับสนุน" + _WS + r"(?:งบ|เงิน|ทุน)|ออก" + _WS
            + r"(?:เงิน|ค่า|งบ)|สมทบ|อุดหนุน|ให้" + _WS + r"(?:งบ|เงิน)|ค้ำ|จัด" + _WS + r"สรร" + _WS + r"งบ)",
            # Money of the state, named on its own: "จัดสรรงบประมาณแผ่นดิน", "ใช้งบกลางของรัฐบาลไทย".
            r"งบ" + _WS + r"(?:ประมาณ" + _WS + r")?แผ่นดิน|งบ" + _WS + r"กลาง" + _WS + r"(?:ของ" + _WS + r")?(?:รัฐบาล|ส่วนกลาง)",
            # "ให้มีผลถึงรัฐบาลกลาง": effect on the government.
            r"(?:มี" + _WS + r"ผล|บังคับ)" + _WS + r"(?:ผูก" + _WS + r"พัน" + _WS + r")?(?:ถึง|ต่อ)" + _WS + r"(?:" + STATE_TH
            + r"|รัฐบาล(?!" + _WS + _NOT_THAI + r")|ส่วนกลาง)",
            r"(?:ใน" + _WS + "นาม|แทน)" + _WS + r"(?:ของ" + _WS + ")?(?:" + STATE_TH + r"|รัฐบาล|ราชอาณาจักร)",
            # "MOU ผูกพันรัฐบาลไทยได้ไหม", "จะไปมัดรัฐบาลกลางด้วยไหม", "ดึงรัฐบาลเข้ามาผูกพัน": the verb before the government.
            r"(?:ผูก" + _WS + r"พัน(?:ธ์)?|(?:ผูก" + _WS + r")?มัด(?:" + _WS + r"(?:ตัว|ถึง|ไป" + _WS + r"ถึง))?|(?:ดึง|ลาก))" + _WS
            + r"(?:ต่อ" + _WS + r")?(?:" + STATE_TH + r"|รัฐบาล(?!" + _WS + _NOT_THAI + r")|กระทรวง|ส่วนกลาง|รัฐ(?![ก-๛]))",
            _STATE_PROMISES_TH,
            _STATE_MADE_TO_TH,
            _STATE_PROMISES_EN,
            r"(?:" + GOV_EN + r"|thai\s+(?:state|ministry)|central\s+government|national\s+government)"
            r"\s+(?:would|will|shall|to|must)?\s*(?:pay|fund|finance|guarantee|cover|bear|be\s+(?:liable|responsible|bound))",
            r"on\s+behalf\s+of\s+(?:thailand|the\s+kingdom|" + GOV_EN + ")",
            # "No commitments are made on behalf of either national government", "nothing binding on either government".
            # (From "legally binding", so that "does not create legally binding obligations for the Government…" denies it.)
            r"(?:(?:legally\s+)?binding\s+|legal\s+|financial\s+|funding\s+)?(?:commitments?|obligations?)\s+(?:are\s+|is\s+)?(?:made\s+|created\s+|undertaken\s+)?"
            r"(?:on\s+behalf\s+of|binding\s+on|for|upon|on)\s+(?:either|any|both|the)\s+(?:national\s+|central\s+)?governments?|binding\s+(?:on|upon)\s+(?:either|any|both|the)\s+(?:national\s+|central\s+|thai\s+)?governments?",
            # "…through the Ministry of Education of the Kingdom of Thailand, shall provide 20 scholarships".
            r"\bministry\s+of\s+[a-z ]{2,40}?\s+of\s+(?:the\s+kingdom\s+of\s+)?thailand\b[^.?!]{0,30}?\b(?:shall|will|must)\s+"
            r"(?:provide|pay|fund|grant|give|cover|supply|send)\b",
            r"(?:commit|bind|obligate|oblige)s?\s+(?:the\s+|either\s+|any\s+|both\s+)?(?:thai|central|national)\s+(?:governments?|state|ministr\w+|budget)",
            # "The Kingdom of Thailand and the City of Bodh Gaya agree…": the kingdom a party.
            r"\b(?:the\s+)?kingdom\s+of\s+thailand\s+and\s+(?:the\s+)?[a-z][^.?!\n]{0,40}?\b(?:agree|undertake|hereby)",
            # "Thailand shall permit the import of seeds": the kingdom itself promises.
            r"\b(?:thailand|the\s+kingdom(?:\s+of\s+thailand)?)\s+(?:shall|will|must|agrees\s+to|undertakes\s+to)\s+\w+",
            r"រដ្ឋាភិបាល\s*ថៃ\s*(?:នឹង|ត្រូវ|ធានា)|ထိုင်း\s*(?:နိုင်ငံ\s*)?အစိုးရ[^။?]{0,150}?(?:မည်|ပေး|အာမခံ)",
            r"(?:kerajaan\s+(?:thailand|thai)|pemerintah\s+(?:pusat\s+)?(?:thailand|thai)|gobierno\s+(?:tailand[ée]s|de\s+tailandia)"
            r"|gouvernement\s+(?:royal\s+)?tha[ïi]landais)"
            r"[^.?!]{0,40}?(?:akan|menanggung|membiayai|menyediakan|menjamin|memberikan|membayar|will|pagar[áa]|financiar[áa]|garantiza|paiera|financera|garantit|prendra)",
            # "Bộ Nội vụ Thái Lan sẽ bố trí kinh phí": a Thai ministry; "nhân danh Chính phủ Thái Lan": on its behalf.
            r"(?:bộ|cơ\s+quan|nhà\s+nước)\s+(?:[^\s.?!]+\s+){0,4}?thái\s+lan[^.?!]{0,40}?(?:chi\s+trả|bảo\s+lãnh|cam\s+kết|tài\s+trợ|chịu"
            r"|ngân\s+sách|(?:bố\s+trí|cấp|hỗ\s+trợ)\s+kinh\s+phí|đối\s+ứng)"
            r"|nhân\s+danh\s+(?:chính\s+phủ|nhà\s+nước|vương\s+quốc)(?:\s+[^\s.?!]+){0,3}?\s+thái\s+lan",
            # "Kementerian Kesihatan Awam Thailand akan membekalkan vaksin…": a Thai ministry promises.
            r"\b(?:kementerian|jabatan|kementrian)\s+(?:[a-z]+\s+){0,4}?thailand\s+(?:akan|hendaklah|wajib|bersetuju)\b",
            # Malay and Indonesian signing blocks: "untuk dan atas nama Pemerintah Kerajaan Thailand".
            r"(?:atas|bagi(?:\s+pihak)?)\s+nama\s+(?:pemerintah|kerajaan)(?:\s+(?:kerajaan|diraja))?\s+(?:thailand|thai)\b",
            # Korean says the verb at the end of a longer clause: "태국 정부는 … 필요한 예산을 지원한다".
            r"태국\s*(?:중앙\s*)?정부[^.?!]{0,60}?(?:보증|보장|부담|지급|의무|약속|제공|지원|책임)",
            r"(?:chính\s+phủ\s+(?:(?:hoàng\s+gia|vương\s+quốc)\s+)?|phía\s+)thái\s+lan[^.?!]{0,40}?(?:chi\s+trả|bảo\s+lãnh|cam\s+kết|tài\s+trợ|chịu|ngân\s+sách|bố\s+trí\s+kinh\s+phí"
            r"|cấp\s+(?:học\s+bổng|kinh\s+phí|ngân\s+sách|thị\s+thực|visa|giấy\s+phép)|cung\s+cấp|đài\s+thọ|miễn|hỗ\s+trợ)",
            r"(?:タイ(?:王国)?(?:中央)?(?:政府|内務省|外務省|財務省|[^\s、。]{1,6}省)|泰[国國](?:王国|王國)?(?:中央)?(?:政府|内政部|內政部|外交部|财政部|財政部|海关|海關|移民局)|태국\s*(?:중앙\s*)?정부)[^。？?]{0,40}?(?:保証|保证|担保|負担|负担|支払|支付|承担|出資|出资|拘束|约束|义务|義務"
            r"|承诺|承諾|提供|約束|负责|負責|开通|開通|开设|開設|同意|支持|支援|確保|确保|予算|措置|보증|보장|부담|지급|의무|약속|제공|지원|책임)",
            # A Thai ministry in Korean: "태국 내무부는 … 연간 예산을 지원한다".
            r"태국\s*(?:내무부|외교부|재무부|관계\s*부처|정부\s*부처)[^.?!]{0,60}?(?:보증|보장|부담|지급|의무|약속|제공|지원|책임)",
            # French: "Le Gouvernement du Royaume de Thaïlande délivrera…", "le Royaume de Thaïlande s'engage à…".
            r"(?:gouvernement\s+(?:du\s+royaume\s+de\s+|de\s+(?:la\s+)?)tha[ïi]lande|royaume\s+de\s+tha[ïi]lande)[^.?!]{0,40}?"
            r"(?:délivrer|accorder|garanti|prendr|financer|paier|s['’]\s*engage|fournir|assurer)",
            # German: "Das thailändische Innenministerium übernimmt die Haftung", "die thailändische Regierung trägt die Kosten".
            r"(?:thailändisch\w*|thailands?)\s+(?:zentral\w*\s+)?(?:regierung|staat|innenministerium|ministerium|\w*ministerium)[^.?!]{0,50}?"
            r"(?:übernimmt|übernehmen|trägt|tragen|zahlt|bezahlt|finanziert|garantiert|haftet|bürgt|verpflichtet|stellt)",
            # "本备忘录不对两国政府产生任何法律约束力": no binding force on the two governments (the 不 before denies it).
            r"(?:对|對)\s*(?:两国|兩國|双方|雙方|泰国|泰國)?\s*(?:的\s*)?(?:中央\s*)?政府\s*(?:产生|產生|具有|有)\s*(?:任何\s*)?(?:法律\s*)?(?:约束力|約束力|拘束力)",
            # The verb before the governments: "不约束两国中央政府", "両国政府を拘束しない".
            r"(?:约束|約束|拘束|束缚)\s*(?:两国|兩國|両国|泰国|泰國|タイ)\s*(?:的\s*)?(?:中央\s*)?政府|(?:両国|两国|兩國|タイ)(?:の)?(?:中央)?政府を拘束",
        ),
        from_rules=("binds-government",),
        denied_inside=True,
    ),
    Concept(
        "treaty-clause",
        "treaty wording: subject to international law, international courts or arbitration, ratification",
        patterns=(
            r"(?:ภาย" + _WS + r")?ใต้" + _WS + r"(?:บังคับ" + _WS + r"(?:ของ|แห่ง)?" + _WS + r")?กฎหมาย" + _WS + r"ระหว่าง" + _WS + "ประเทศ",
            r"(?:ผูกพัน|มี" + _WS + r"ผล" + _WS + r"(?:บังคับ|ใช้)?|บังคับ|ตีความ)" + _WS + r"(?:ตาม|ภายใต้|ทาง)" + _WS + r"กฎหมาย" + _WS
            + "ระหว่าง" + _WS + "ประเทศ",
            r"สัตยาบัน|ratif\w*|ภาคยานุวัติ",
            r"ศาล" + _WS + r"(?:โลก|ระหว่าง" + _WS + r"ประเทศ|ยุติธรรม" + _WS + r"ระหว่าง" + _WS + "ประเทศ)",
            r"อนุญาโต",
            r"(?:ใน|เป็น)" + _WS + r"รูป" + _WS + r"แบบ" + _WS + r"(?:ของ" + _WS + r")?(?:สนธิ" + _WS + r"สัญญา|หนังสือ" + _WS + r"สัญญา)"
            r"|จด" + _WS + r"ทะเบียน[^\n]{0,30}?(?:สหประชาชาติ|ยูเอ็น)|regist\w*\s+with\s+the\s+(?:un\b|united\s+nations)",
            r"국제\s*법|国际法|國際法|国際法|luật\s+(?:pháp\s+)?quốc\s+tế|völkerrecht\w*|droit\s+international|derecho\s+internacional|hukum\s+internasional"
            r"|undang[\s\-]*undang\s+antarabangsa|ច្បាប់\s*អន្តរជាតិ|နိုင်ငံ\s*တကာ\s*ဥပဒေ",
        ),
        from_rules=("international-law", "international-dispute", "un-registration", "ratification"),
    ),
    Concept(
        "treaty-question",
        "whether a document is, or becomes, a treaty (asked either way: \"ไม่ถือเป็นหนังสือสัญญาใช่ไหม\" asks it too)",
        patterns=(
            r"(?:เป็น|ใช่|ถือ" + _WS + r"(?:ว่า" + _WS + r")?เป็น|นับ" + _WS + r"เป็น|เข้า" + _WS + r"ข่าย|กลาย" + _WS + r"เป็น)" + _WS
            + r"(?:สนธิ" + _WS + r"สัญญา|หนังสือ" + _WS + r"สัญญา|ความ" + _WS + r"ตกลง" + _WS + r"ระหว่าง" + _WS + r"ประเทศ)",
            # French, Malay/Indonesian, German: "considéré comme un traité international", "dianggap sebagai perjanjian
            # internasional", "als völkerrechtlicher Vertrag gilt".
            r"consid[ée]r[ée]e?\s+comme\s+(?:un\s+)?(?:trait[ée]|accord\s+international)|\bdianggap\s+(?:sebagai\s+)?(?:satu\s+)?perjanjian"
            r"\s+(?:internasional|antarabangsa)|völkerrechtliche[rn]?\s+vertrag",
            r"(?:outside|beyond|out\s+of)\s+international\s+law|keeps?\s+it\s+from\s+(?:being|counting|becoming)"
            r"|(?:count|counts|counting|qualify|qualifies|regarded)\s+as\s+(?:a\s+|an\s+)?(?:treaty|international\s+agreement)"
            r"|(?:is|become|becomes)\s+(?:it\s+)?(?:a\s+|an\s+)?(?:treaty|international\s+agreement)",
            r"(?:变成|變成|成为|成為|当成|當成|当作|當作|算|属于|屬於|视为|視為|になる|とみなさ|に当たる|に該当|가\s*되|으로\s*간주|에\s*해당)[^。？?]{0,6}?"
            r"(?:国际条约|國際條約|国際条約|条约|條約|条約|조약|国际协定|國際協定|国際協定)"
            r"|(?:国际条约|國際條約|国際条約|条约|條約|条約|조약)[^。？?]{0,6}?(?:になる|とみなさ|に当たる|に該当|가\s*되|으로\s*간주|에\s*해당)"
            r"|tr[ởo]\s+th[àa]nh\s+(?:điều\s+ước|hiệp\s+ước)|(?:được|bị)\s+coi\s+là\s+(?:điều\s+ước|hiệp\s+ước)",
            r"(?:国際約束|条約|條約|条约)[^。？?]{0,4}?(?:と|に)?\s*(?:見な|見做|みな)さ",
            # "国際約束（条約）には当たらない", "coi văn bản này là điều ước quốc tế".
            r"(?:国際約束|国際条約|条約|條約|条约)[^。？?]{0,4}?には?\s*(?:当た|該当)"
            r"|coi\s+(?:[^\s]+\s+){0,4}?là\s+[\"“]?(?:điều\s+ước|hiệp\s+ước|thỏa\s+thuận\s+quốc\s+tế|ความ\s*ตกลง\s*ระหว่าง\s*ประเทศ)"
            # "…so it cannot be a treaty under any circumstances".
            r"|\b(?:can(?:not|'t)?|could(?:n't)?|would(?:n't)?)\s+(?:not\s+|never\s+)?(?:ever\s+)?be\s+(?:a\s+|an\s+)?(?:treaty|international\s+agreement)",
        ),
        negatable=False,
    ),
    Concept(
        "national-matter",
        "a national matter outside an LAO's powers: visas and work permits, borders and checkpoints, customs, "
        "the military, foreign policy",
        patterns=(
            r"(?:ไม่|บ่)" + _WS + r"ต้อง" + _WS + r"(?:มี|ขอ|ใช้)?" + _WS
            + r"(?:ใบ" + _WS + "อนุญาต" + _WS + "ทำงาน|วีซ่า|หนังสือ" + _WS + "(?:เดินทาง|ผ่าน" + _WS + "แดน)|พาสปอร์ต)",
            r"ยกเว้น" + _WS + r"(?:การ" + _WS + ")?(?:วีซ่า|ตรวจ" + _WS + "ลง" + _WS + "ตรา|ภาษี" + _WS
            + "(?:ศุลกากร|นำเข้า)|อากร|ใบ" + _WS + "อนุญาต" + _WS + "ทำงาน)",
            r"(?:เปิด|ปิด|ตั้ง)" + _WS + r"(?:จุด" + _WS + r"(?:ผ่อน" + _WS + "ปรน|ผ่าน" + _WS + "แดน)|ด่าน)",
            r"จุด" + _WS + r"(?:ผ่อน" + _WS + "ปรน|ผ่าน" + _WS + "แดน)|ปัก" + _WS + "ปัน|เขต" + _WS + "แดน",
            r"ลาด" + _WS + r"ตระเวน|ทหาร|กอง" + _WS + "ทัพ|กลาโหม|อาวุธ",
            r"ตรวจ" + _WS + r"คน" + _WS + r"เข้า" + _WS + r"เมือง|(?:ออก|ยกเว้น|ให้)" + _WS + r"วีซ่า|น่าน" + _WS + r"น้ำ|อาณา" + _WS + r"เขต"
            r"|(?:ลด|ยกเว้น|งด)" + _WS + r"(?:ภาษี|อากร|ค่า" + _WS + r"ธรรมเนียม" + _WS + r"ศุลกากร)",
            r"จีน" + _WS + r"เดียว|一个中国|อธิปไตย|นโยบาย" + _WS + r"(?:การ" + _WS + ")?ต่าง" + _WS + "ประเทศ",
            r"(?:สนับสนุน|หนุน)" + _WS + r"(?:ท่าที|จุด" + _WS + "ยืน)",
            r"(?:พื้นที่|ดินแดน)" + _WS + r"(?:ทับ" + _WS + "ซ้อน|พิพาท)",
            # Land for foreigners is the state's to allow: "ให้ฝ่ายเขาได้กรรมสิทธิ์ที่ดิน", "own land".
            r"กรรม" + _WS + r"สิทธิ์" + _WS + r"(?:ใน" + _WS + r")?ที่" + _WS + r"ดิน|ถือ" + _WS + r"ครอง" + _WS + r"ที่" + _WS + r"ดิน"
            # "ให้คนกัมพูชาซื้อที่ดินได้": a right to buy or hold land, granted to someone.
            r"|(?:ให้|สิทธิ์?)[^\s]{0,25}?(?:ซื้อ|ถือ|ครอบ" + _WS + r"ครอง|เป็น" + _WS + r"เจ้า" + _WS + r"ของ)" + _WS + r"ที่" + _WS + r"ดิน"
            r"|เอกสาร" + _WS + r"สิทธิ์?(?:" + _WS + r"(?:ใน|ที่))?" + _WS + r"(?:ที่" + _WS + r"ดิน)?|โฉนด"
            r"|(?:own|ownership\s+of|title\s+to)\s+(?:the\s+)?land|土地所有|土地所有権|토지\s*소유",
            # Sharing a border river's water is for the states: "แบ่งการใช้น้ำแม่น้ำโขง".
            r"แบ่ง" + _WS + r"(?:การ" + _WS + r"ใช้" + _WS + r")?(?:น้ำ|แม่" + _WS + r"น้ำ)|ผัน" + _WS + r"น้ำ" + _WS + r"(?:ข้าม|จาก" + _WS + r"แม่" + _WS + r"น้ำ" + _WS + r"โขง)",
            r"ศุล" + _WS + r"กากร",
            # Beyond the LAO's powers, or the nation's security: "เรื่องที่อยู่นอกอำนาจหน้าที่ อบต.", "ความมั่นคงชายแดน"
            # (not a unit named for it: "ฝ่ายความมั่นคงอำเภอถามว่า…").
            r"นอก" + _WS + r"(?:เหนือ" + _WS + r")?(?:ขอบ" + _WS + r"เขต" + _WS + r")?อำนาจ" + _WS + r"หน้า" + _WS + r"ที่|(?<!ฝ่าย)(?<!สภา)(?<!กอง)(?<!งาน)(?<!ศูนย์)ความ" + _WS + r"มั่นคง"
            r"|beyond\s+(?:its|their|the\s+\w+'s)\s+powers|national\s+security",
            # A visa fee waived, state land leased: "ยกเว้นค่าธรรมเนียมวีซ่า", "สิทธิ์เช่าที่ราชพัสดุ".
            r"(?:ยกเว้น|ลด|งด|ฟรี)[ก-๛]{0,15}" + _WS + r"วีซ่า|ที่" + _WS + r"(?:ดิน" + _WS + r")?ราช" + _WS + r"พัสดุ|ที่" + _WS + r"ดิน" + _WS + r"(?:ของ" + _WS
            + r")?รัฐ|ที่" + _WS + r"สาธารณ" + _WS + r"ประโยชน์",
            # Work permits and the police are the state's: "ฝ่ายไทยรับรองใบอนุญาตทำงาน", "ตำรวจภูธรไทยจะส่งกำลัง".
            r"(?:รับ" + _WS + r"รอง|ออก|ให้|อนุมัติ|จัด" + _WS + r"ทำ|ยกเว้น)" + _WS + r"ใบ" + _WS + r"อนุญาต" + _WS + r"ทำ" + _WS + r"งาน",
            # "…ให้ อบต.รับรองว่าแรงงานของเขาจะได้ใบอนุญาตทำงานในไทยทุกคน": a promise of work permits.
            r"(?:รับ" + _WS + r"รอง|รับ" + _WS + r"ประกัน|ยืน" + _WS + r"ยัน)" + _WS + r"ว่า[^\n?]{0,40}?(?:จะ" + _WS + r")?ได้" + _WS + r"ใบ" + _WS + r"อนุญาต"
            + _WS + r"(?:ทำ" + _WS + r"งาน|เข้า" + _WS + r"เมือง)",
            r"ตำรวจ[ก-๛]{0,8}" + _WS + r"(?:ไทย)?" + _WS + r"(?:จะ)?" + _WS + r"(?:ส่ง|ไป" + _WS + r"ช่วย|ร่วม" + _WS + r"ลาด)|ส่ง" + _WS + r"กำลัง" + _WS + r"(?:พล|ทหาร|ตำรวจ|ไป)",
            r"visa[\s\-]*(?:fee\s+)?(?:free|waivers?|exempt\w*)|work\s+permits?|border\s+(?:crossing|checkpoint|gate)s?|customs\s+dut",
            r"査証|ビザ|签证|簽證|免签|免簽|비자|사증|thị\s+thực|miễn\s+visa|関税|关税|關稅|관세|国境|边境口岸|국경",
            # Work permits: "工作许可", "就労許可", "취업 허가", "giấy phép lao động", "permit kerja", "အလုပ်လုပ်ခွင့်", "ប័ណ្ណការងារ".
            r"边境通道|邊境通道|口岸|通关|通關|permis\s+de\s+travail|titre\s+de\s+s[ée]jour|工作许可|工作許可|就労許可|労働許可|취업\s*허가|노동\s*허가|giấy\s+phép\s+lao\s+động|\bpermit\s+kerja\b|အလုပ်\s*လုပ်\s*ခွင့်|ប័ណ្ណ\s*ការងារ",
            # Malay customs, immigration, patrols on the border; Myanmar patrols, checkpoints, visas and customs.
            r"\b(?:kastam|imigresen|imigrasi|rondaan)\b|ကင်း\s*လှည့်|စစ်\s*ဆေး\s*ရေး\s*ဂိတ်|နယ်\s*စပ်\s*ဂိတ်|ဗီ\s*ဇာ|အကောက်\s*ခွန်",
            # Vietnamese customs, duty-free, border gates; Khmer border crossings and visas (ច្រកព្រំដែន, ទិដ្ឋាការ).
            r"hải\s+quan|miễn\s+thuế|(?:mở|đóng|lập)\s+(?:[^\s]+\s+){0,2}?cửa\s+khẩu|ច្រក\s*ព្រំដែន|(?:បើក|បិទ)\s*ច្រក|ទិដ្ឋាការ|គយ\s*(?:និង|ពន្ធ)",
            r"\b(?:joint\s+|border\s+)patrols?\b|royal\s+thai\s+police|military|armed\s+forces|\b(?:army|navy|air\s+force)\b|one[\s\-]+china|sovereignty|immigration|territorial\s+waters|fishing\s+(?:zone|ground)s?"
            r"|tariffs?|import\s+dut(?:y|ies)",
        ),
        from_rules=("immigration", "defence", "foreign-policy"),
        waiver_says_it=True,
    ),
    Concept(
        "foreign",
        "a foreign counterpart or country",
        patterns=(
            r"ต่าง" + _WS + r"(?:ประเทศ|ชาติ)|ตปท|(?:แขวง|มณฑล|มลรัฐ|แคว้น)(?!" + _WS + r"(?:ของ" + _WS + ")?(?:ไทย|กรุงเทพ))",
            r"foreign|abroad|overseas|oversea|prefecture|county|\bprovince\s+of\s+(?!thailand)",
            # "ร่วมมือกับ ทต. ฝั่งไทย": the writer is across the border.
            r"(?:ฝั่ง|ฝ่าย)" + _WS + r"ไทย?(?![ก-๛])",
            # "our town ... with a Thai municipality": the writer is the foreign partner.
            r"(?:with|and|to)\s+(?:a|an|the|our)?\s*thai\s+(?:municipalit\w+|tambon|towns?|cit(?:y|ies)|provinces?|local|sao|tao|pao|lao)",
        ),
        terms=("ต่างประเทศ", "หน่วยการปกครองของต่างประเทศ"),
        terms_state=True,
        negatable=False,
    ),
    Concept(
        "domestic",
        "a partner that is Thai (another LAO, a Thai university or hospital), with nothing foreign",
        patterns=(
            _LAO_TYPES + _WS + r"(?:สอง|2|หลาย)" + _WS + r"(?:แห่ง|ที่)",
            # "ทต.จะเซ็นข้อตกลงกับ อบจ.": another Thai LAO as the partner (a foreign one makes it foreign).
            # Not a list of kinds of LAO: "ส่งให้เฉพาะเทศบาลตำบลกับ อบต." names who, not a partner.
            r"(?<!ตำบล)(?<!ตำบล\s)(?<!เมือง)(?<!เมือง\s)(?<!นคร)(?<!นคร\s)(?<!อบต)(?<!อบต\s)(?<!อบจ)(?<!อบจ\s)(?<!ทต)(?<!ทต\s)"
            r"(?:ร่วม" + _WS + r")?กับ" + _WS + r"(?:อบต|อบจ|ทต|ทม|ทน)(?![ก-ฮ])",
            r"(?:ร่วมกับ|กับ|และ)" + _WS + _LAO_TYPES + _WS + r"(?:อื่น|ข้าง" + _WS + "เคียง|ใกล้" + _WS + "เคียง|ใน" + _WS
            + r"(?:อำเภอ|จังหวัด))",
            r"(?:มหาวิทยาลัย|โรงพยาบาล|วิทยาลัย)" + _WS + r"(?:ใน" + _WS + "(?:จังหวัด|ประเทศ" + _WS + "ไทย|พื้นที่)|ราชภัฏ)",
            # Thai public bodies by kind: "โรงพยาบาลชุมชน", "รพ.สต.", "โรงเรียนในสังกัด", "สหกรณ์การเกษตร".
            r"โรง" + _WS + r"พยาบาล" + _WS + r"(?:ชุมชน|ส่งเสริม|อำเภอ|จังหวัด|ศูนย์|ทั่วไป)|รพ\.?" + _WS + r"สต|โรง" + _WS + r"เรียน"
            + _WS + r"(?:ใน" + _WS + r")?(?:สังกัด|ตำบล|อำเภอ)|สหกรณ์",
        ),
        negatable=False,
    ),
    Concept(
        "existing-relationship",
        "a relationship the LAO signed before, and whether to keep, rename or cancel it",
        patterns=(
            r"(?:เคย|ได้)" + _WS + r"(?:ลง" + _WS + r"นาม|เซ็น|ทำ|สถาปนา|มี)[^\s]{0,40}?(?:ไว้|แล้ว|ตั้งแต่|เมื่อ" + _WS + "ปี|ปี" + _WS + r"\d{2,4})",
            # "มี sister city กับเมืองในญี่ปุ่นมายี่สิบปีแล้ว", "มีป้าย 'เมืองพี่เมืองน้อง' … มาสิบปีแล้ว": had it for years.
            r"มี" + _WS + r"(?:ป้าย" + _WS + r"[^\n?]{0,4})?(?:เมือง" + _WS + r"พี่" + _WS + r"เมือง" + _WS + r"น้อง|sister\s*cit(?:y|ies))[^\n?]{0,50}?มา"
            + _WS + r"(?:ได้" + _WS + r")?(?:\d+|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ยี่สิบ|หลาย)[ก-๛\d]{0,6}" + _WS + r"ปี" + _WS + r"แล้ว",
            # "早在2012年就…结为友好城市…现在还有效吗".
            r"早在\s*(?:19|20)\d\d|还有效|還有效|仍然有效|仍有效",
            # "เคยทำ 'เมืองมิตรภาพ' กับเมืองหนึ่งในลาวตั้งแต่ 2558" (not "มา 10 ปีแล้ว": a friendship of
            # years is often the reason to ask for a new sister city).
            r"เคย" + _WS + r"(?:ลง" + _WS + r"นาม|เซ็น|ทำ|สถาปนา|มี)[^\n?]{0,60}?ตั้ง" + _WS + r"แต่" + _WS + r"(?:ปี" + _WS + r")?(?:พ\.?" + _WS
            + r"ศ\.?" + _WS + r")?(?:25|20|19)\d\d",
            r"เคย" + _WS + r"(?:ลง" + _WS + r"นาม|เซ็น|ทำ|สถาปนา|มี)[^\n?]{0,60}?ตั้ง" + _WS + r"แต่" + _WS + r"ปี" + _WS + r"\d{2}(?!\d)",
            r"(?:มี|ทำ|ลงนาม|เซ็น)[^\s]{0,45}(?:มา|ไว้)" + _WS + r"(?:แล้ว" + _WS + ")?ตั้งแต่" + _WS + r"(?:ก่อน" + _WS + r")?(?:ปี|สมัย|พ\.?ศ|\d)",
            # (Not "ยกเลิกความคิดเรื่อง…": an idea given up, no relationship there.)
            # (Nor a draft's own end: "อาจยกเลิกได้โดยแจ้งล่วงหน้า 90 วัน".)
            r"(?:ยกเลิก(?!" + _WS + r"ความ" + _WS + r"(?:คิด|ตั้ง" + _WS + r"ใจ)|" + _WS + r"(?:ได้" + _WS + r")?โดย" + _WS + r"(?:การ" + _WS + r")?(?:แจ้ง|บอก|ทำ" + _WS + r"หนังสือ))|ยังมีผล|ยังใช้ได้|ต่อ" + _WS + "อายุ|ทำ" + _WS + "ต่อ|คงไว้|ยุติ)",
            # Lao and Isan "ໄດ້ເປັນເມືອງອ້າຍເມືອງນ້ອງກັນມາແຕ່ປີ 2015" (read ได้เป็น…มาแต่ปี 2015): since that year.
            r"(?:เป็น|มี|ทำ|ลง" + _WS + r"นาม|เซ็น)[^\n?]{0,60}?มา" + _WS + r"(?:ตั้ง" + _WS + r")?แต่" + _WS + r"ปี" + _WS + r"(?:พ\.?" + _WS + r"ศ\.?" + _WS + r")?\d{2,4}",
            # "เคยเซ็นเป็น 'เมืองคู่แฝด' กับเมืองในไต้หวันเมื่อปี 2559": signed in a year gone by.
            r"เคย" + _WS + r"(?:เซ็น|ลง" + _WS + r"นาม|ทำ|เป็น|สถาปนา)[^\n?]{0,60}?(?:เมื่อ|ใน)" + _WS + r"(?:ปี" + _WS + r")?(?:พ\.?" + _WS + r"ศ\.?" + _WS + r")?\d{2,4}",
            r"(?:ลง" + _WS + r"นาม|เซ็น|ทำ|สถาปนา)" + _WS + r"ไว้" + _WS + r"(?:ก่อน|ตั้งแต่|เมื่อ|แต่|เดิม|นาน)"
            r"|(?:ฉบับ|mou|ข้อตกลง)" + _WS + r"(?:เก่า|เดิม)|เมืองพี่เมืองน้อง" + _WS + r"(?:เก่า|เดิม)|ยัง" + _WS + r"(?:ถือ" + _WS + r"ว่า" + _WS + r")?ใช้" + _WS + r"ได้",
            r"signed\s.{0,60}?(?:in|back\s+in|since)\s+(?:19|20)\d\d|still\s+valid|still\s+in\s+force|keep\s+(?:it|running|the)"
            r"|cancel|terminate|existing|\brenew(?:al|ed|s|ing)?\b|\b(?:void|invalid(?:ated)?|null\s+and\s+void)\b",
            # Korean, Chinese, Japanese, Vietnamese: "2010년부터 … 유지", "끝내야", "自2010年", "解除", "から続く", "chấm dứt".
            r"유지|끝내|해지|폐기(?!물)|解除|终止|終止"
            r"|取消|取り消|継続|終了|chấm\s+dứt|hủy\s+bỏ|duy\s+trì|ký\s+(?:từ\s+|vào\s+)?năm\s+(?:19|20)\d\d|hết\s+hạn|gia\s+hạn",
            # "2010년에 … 자매결연을 맺었습니다", "교류를 계속할 수 있나요": signed, and whether it may go on.
            r"(?:자매\s*결연|자매\s*도시|우호\s*도시)[^.?]{0,10}?\s*(?:맺었|체결했|맺어\s*왔)|계속\s*(?:할|해도|유지)",
            # "มีเมืองพี่เมืองน้องกับเมืองในญี่ปุ่นมาเกือบ 20 ปี": held for years.
            r"มี" + _WS + r"(?:เมือง" + _WS + r"พี่" + _WS + r"เมือง" + _WS + r"น้อง|sister\s*cit(?:y|ies))[^\n?]{0,50}?มา" + _WS + r"(?:ได้" + _WS
            + r")?(?:เกือบ|กว่า|ราว|ประมาณ|ร่วม)" + _WS + r"\d+" + _WS + r"ปี",
            # "2006年に姉妹都市提携を結んでおり": bound since then; "再調印" signs it again (not "交流10周年": years of
            # exchanges are often why a new one is asked for).
            r"(?:姉妹都市|友好都市|姉妹|友好)(?:提携)?を?(?:結んでお|結んでい|締結してお|締結してい)|提携してお|再調印|再署名|重新签署|重新簽署",
        ),
        negatable=False,
    ),
    Concept(
        "since-year",
        "a year something has gone on since (\"since 2019\", \"từ năm 2017\", \"2017年から\"); an existing relationship "
        "only next to a sister city: years of exchanges are often why a new one is asked for",
        patterns=(
            r"\bsince\s+(?:19|20)\d\d\b|(?:19|20)\d\d\s*년\s*부터|(?:自|从|從)\s*(?:19|20)\d\d\s*年|(?:19|20)\d\d\s*年\s*(?:以来|起|から)"
            r"|từ\s+năm\s+(?:19|20)\d\d",
        ),
        negatable=False,
    ),
    Concept(
        "join-province",
        "an LAO taking part in its province's sister-city activities",
        patterns=(
            r"ร่วม(?!" + _WS + r"มือ)[^\s]{0,8}?(?:กิจกรรม|โครงการ|งาน|กรอบ|คณะ)|ร่วม" + _WS + r"(?:จัด|ลง" + _WS + r"นาม|เป็น" + _WS
            + r"ภาคี|ออก" + _WS + r"บูธ)|เทศกาล|มี" + _WS + "ส่วน" + _WS + "ร่วม|ใน" + _WS + r"กรอบ" + _WS
            + r"(?:นั้น|ของ" + _WS + r"จังหวัด|เดียว" + _WS + r"กัน)",
            r"(?:เป็น" + _WS + r")?เจ้า" + _WS + r"ภาพ|ต้อน" + _WS + r"รับ" + _WS + r"คณะ|รับ" + _WS + r"รอง" + _WS + r"คณะ",
            r"จัด" + _WS + r"(?:กิจกรรม|งาน)|ครบ" + _WS + r"รอบ|ช่วย" + _WS + r"(?:ออก" + _WS + r")?งบ|(?:ตั้ง|เปิด)" + _WS + r"บูธ",
            # An annex of the province's MOU the LAO would sign or carry out: "ภาคผนวกเรื่องแลกเปลี่ยนนักเรียน … ให้ อบจ. ลงนาม".
            r"ภาค" + _WS + r"ผนวก|\b(?:annex|addendum|appendix)\b",
            # "ตั้งงบไปสนับสนุนงานเมืองพี่เมืองน้องของจังหวัด": the province's activities, the LAO helping.
            # "ส่งเด็กไปร่วมค่ายแลกเปลี่ยนภายใต้ความสัมพันธ์นั้น", "ส่งทีมไปแข่งในงานฉลองความสัมพันธ์นั้น".
            r"ร่วม" + _WS + r"ค่าย|ส่ง[^?\n]{0,25}?ไป" + _WS + r"ร่วม|ไป" + _WS + r"แข่ง|งาน" + _WS + r"ฉลอง|(?:ภาย" + _WS + r"ใต้|ใน" + _WS + r"งาน[^\s]{0,10}|ของ)" + _WS + r"(?:ความ" + _WS
            + r"สัมพันธ์|กรอบ|mou)" + _WS + r"(?:นั้น|นี้|ดัง" + _WS + r"กล่าว)",
            r"(?:งาน|กิจกรรม|โครงการ)" + _WS + r"(?:เมือง" + _WS + r"พี่" + _WS + r"เมือง" + _WS + r"น้อง" + _WS + r")?(?:ที่" + _WS
            + r")?ของ" + _WS + r"(?:ทาง" + _WS + r")?จังหวัด|สนับสนุน" + _WS + r"(?:งาน|กิจกรรม|โครงการ)",
            r"join(?!t)|take\s+part|participat\w+|\bas\s+part\s+of\b|anniversar\w+|implementing\s+partner|\b(?:named|listed|included|added)\s+(?:as|in)\b",
            # "เทศบาลตำบลในจังหวัดนับเป็นเมืองพี่เมืองน้องกับนครนั้นไปด้วยหรือเปล่า": counted in with the province's.
            r"นับ" + _WS + r"(?:เป็น|รวม)[^?\n]{0,40}?(?:ไป" + _WS + r")?ด้วย",
            # Korean: "그 자매결연 교류 행사에 함께 참여할 수 있나요" (take part in that relationship's event).
            r"함께\s*참여|참가할\s*수|참여할\s*수",
            # "ส่งนักเรียนไปแลกเปลี่ยนภายใต้ MOU เมืองพี่เมืองน้องของจังหวัด": under the province's own agreement.
            r"ภาย" + _WS + r"ใต้[^\n?]{0,30}?ของ" + _WS + r"(?:ทาง" + _WS + r")?จังหวัด",
            # Vietnamese: "mời Quý Thành phố … tham gia, trong khuôn khổ chương trình kết nghĩa cấp tỉnh".
            r"\btham\s+gia\b|trong\s+khuôn\s+khổ\s+(?:chương\s+trình\s+|quan\s+hệ\s+)?kết\s+nghĩa",
        ),
        negatable=False,
    ),
    Concept(
        "list-request",
        "a request for a list (which sister cities a province has)",
        patterns=(
            r"มี" + _WS + r"(?:เมือง" + _WS + r"(?:อะไร|ไหน)|ที่" + _WS + "ไหน|กี่)" + _WS + r"(?:บ้าง|เมือง|แห่ง)",
            r"รายชื่อ|กี่" + _WS + r"(?:เมือง|แห่ง|คู่|จังหวัด|ฉบับ)|(?:จังหวัด|เมือง)" + _WS + "ไหน" + _WS + r"[^\s]{0,45}บ้าง",
            r"\blist\b|ลิสต์|which\s+cities|what\s+are\s+[^\s]+\s+sister|how\s+many",
            # "มีเมืองพี่เมืองน้องกับที่ไหนบ้าง", "เมืองไหนจับคู่ไปแล้ว", "和哪些城市", "完整名单".
            r"กับ" + _WS + r"(?:ที่" + _WS + r"ไหน|เมือง" + _WS + r"(?:ไหน|อะไร)|ประเทศ" + _WS + r"(?:ไหน|อะไร))" + _WS + r"บ้าง"
            r"|เมือง" + _WS + r"ไหน[^\n?]{0,20}?(?:จับ" + _WS + r"คู่|ไป" + _WS + r"แล้ว)"
            r"|哪些[^？?。]{0,12}?(?:城市|省份|省|友好|姐妹)|名单|名單|一覧|목록",
        ),
        negatable=False,
    ),
    Concept(
        "foreign-aid",
        "money from abroad: donations, aid, grants or loans for the LAO",
        patterns=(
            r"บริจาค|เงิน" + _WS + r"ช่วย" + _WS + "เหลือ|ให้" + _WS + r"(?:ทุน(?!" + _WS + r"(?:การ" + _WS + r"ศึกษา|เรียน))|เงิน)|(?:ทุน|เงิน)" + _WS + "สนับสนุน|สนับสนุน" + _WS
            + r"(?:เงิน|ทุน)|มอบ" + _WS + r"(?:เงิน|รถ|อุปกรณ์|เครื่อง|ของ)|รับ" + _WS
            + r"ทุน|เงิน" + _WS + "กู้|กู้" + _WS + "เงิน|รับ" + _WS + "เงิน",
            # A thing given ("อยากยกให้ อบต.ฟรีๆ", "ມອບເຮືອກູ້ໄພ 2 ລຳ ໃຫ້ ອບຕ."), not authority delegated ("มอบอำนาจให้").
            r"ยก" + _WS + r"ให้[^\n?]{0,20}?(?:ฟรี|เปล่า|โดย" + _WS + r"ไม่" + _WS + r"คิด)"
            r"|มอบ" + _WS + r"(?:เรือ|รถ|อุปกรณ์|เครื่อง|ของ|คอมพิวเตอร์)[^\s]{0,12}" + _WS + r"(?:\d+" + _WS + r"[ก-๛]{1,4}" + _WS + r")?ให้",
            # ("…any other statute that grants this power": the verb.)
            r"donat\w*|\bgrants?\b(?!\s+(?:this|that|the|such|it|them|an?|power|authority|permission|approval)\b)|\baid\b|\bloans?\b|funding\s+from|\blend\w*\b|\bborrow\w*\b",
            # Donations and aid in the partners' languages: 기증, 지원금, 捐赠, 寄贈, viện trợ, sumbangan.
            r"기증|기부|지원금|원조|捐赠|捐贈|捐款|援助|寄贈|寄付|viện\s+trợ|quyên\s+góp|\b(?:sumbangan|derma)\b",
        ),
        negatable=False,
    ),
    Concept(
        "study-visit",
        "an overseas training or study visit of executives or council members",
        patterns=(
            # "คณะของเขามาดูงาน" is a visit to us, not our executives' trip abroad.
            r"(?<!มา)(?<!มา\s)ดู" + _WS + r"งาน|อบรม" + _WS + r"(?:ที่|ใน|ณ)" + _WS + r"(?:ต่าง|ญี่ปุ่น|จีน|เกาหลี|ประเทศ|สิงคโปร์|ไต้หวัน|ฮ่องกง|มาเลเซีย|เวียดนาม"
            r"|กัมพูชา|อินเดีย|ยุโรป|อเมริกา|ออสเตรเลีย)",
            # Training is a trip when someone goes to it; "ฝึกอบรมผู้ดูแล" in a cooperation is its content.
            r"(?:นายก|ผู้" + _WS + r"บริหาร|สมาชิก" + _WS + r"สภา|ส\.?" + _WS + r"อบต|ส\.?" + _WS + r"ท\.?(?![ก-๛]))[^\n]{0,30}?"
            r"(?:ไป|เดิน" + _WS + r"ทาง)[^\s]{0,15}" + _WS + r"(?:ฝึก" + _WS + r")?อบรม"
            r"|ส่ง" + _WS + r"(?:นายก|ผู้" + _WS + r"บริหาร|สมาชิก|คณะ" + _WS + r"ผู้" + _WS + r"บริหาร)[^\s]{0,15}" + _WS + r"(?:ไป" + _WS + r")?(?:ฝึก" + _WS + r")?อบรม",
            r"study\s+(?:visit|tour|trip)s?|training\s+(?:trip|visit|abroad)|observation\s+trip",
            # In the partners' languages: "視察研修", "考察团", "견학", "연수", "tham quan học tập", "lawatan sambil belajar".
            r"視察|考察(?:团|團|访问|訪問)|견학|시찰|해외\s*연수|연수\s*프로그램|tham\s+quan\s+học\s+tập|khảo\s+sát\s+học\s+tập|lawatan\s+sambil\s+belajar",
            # "…ก็เบิกค่าเครื่องบินจากงบ อบต. ได้เลย": the fares of a trip claimed from the LAO's money.
            r"เบิก" + _WS + r"ค่า" + _WS + r"(?:ตั๋ว" + _WS + r")?เครื่อง" + _WS + r"บิน",
            # The executives go, and their fares are asked of the LAO's money: "นายก…ไป… ค่าตั๋วเครื่องบินเบิกจากงบได้ไหม".
            r"(?:นายก|ผู้" + _WS + r"บริหาร|สมาชิก" + _WS + r"สภา)[^\n?]{0,60}?ไป[^\n?]{0,80}?ค่า" + _WS + r"(?:ตั๋ว|เครื่อง" + _WS + r"บิน|เดิน" + _WS
            + r"ทาง)[^\n?]{0,40}?(?:เบิก|จ่าย|ใช้)[^\n?]{0,8}?งบ",
            # "can the council members' trip there be paid from the budget?": who travels, or how it is paid.
            r"(?:council(?:lors?|\s+members?)?|executives?|mayor|chief\s+executive)'?s?\s+(?:\w+\s+){0,2}(?:trips?|travel|visits?|tours?)\b"
            r"|(?:trips?|travel|tours?)\s+(?:\w+\s+){0,4}(?:paid|funded|financed|covered)\s+(?:from|by|with|out\s+of)\b"
            # "Can the Thai municipality pay for their trip from its own budget?"
            r"|\b(?:pay|fund|cover)\s+(?:for\s+)?(?:their|the|its\s+(?:mayor|council)\w*)\s+(?:\w+\s+)?(?:trip|travel|flights?)\b",
        ),
        negatable=False,
    ),
    Concept(
        "agreement",
        "an agreement or a cooperation (MOU, ข้อตกลง, ความร่วมมือ)",
        patterns=(
            r"mou|เอ็ม" + _WS + r"โอ" + _WS + r"ยู|บันทึก" + _WS + r"(?:ความ" + _WS + r"เข้าใจ|ข้อ" + _WS + r"ตกลง)|ข้อ" + _WS + r"ตกลง|ความ"
            + _WS + r"ตกลง|ร่วม" + _WS + r"มือ|แลก" + _WS + r"เปลี่ยน|จับ" + _WS + r"มือ" + _WS + r"(?:กับ|ร่วม)",
            r"agreement|memorandum|cooperat\w+|partnership|exchange",
            r"覚書|協定|協議|合意書|備忘録|备忘录|備忘錄|协议|协定|合作|協力|提携|連携|交流|협약|협정|양해\s*각서|협력|교류|제휴",
            r"th[ỏo]a\s+thu[ậa]n|h[ợo]p\s+t[áa]c|bi[êe]n\s+b[ảa]n\s+ghi\s+nh[ớo]|giao\s+l[ưu]u",
            # Khmer, Myanmar, Malay and Indonesian: a memorandum, an agreement, cooperation.
            r"អនុស្សរណៈ|កិច្ច\s*ព្រម\s*ព្រៀង|សហ\s*ប្រតិបត្តិការ|နားလည်\s*မှု\s*စာ|သဘော\s*တူ\s*(?:ညီ\s*)?(?:ချက်|စာချုပ်)|ပူးပေါင်း\s*ဆောင်ရွက်"
            r"|\bperjanjian\b|\bkerja\s*sama\b|\bkerjasama\b|\bmemorandum\s+persefahaman\b|\bnota\s+kesepahaman\b",
            # French, German, Spanish: "protocole d'accord", "Absichtserklärung zur Zusammenarbeit", "convenio de cooperación".
            r"protocole\s+d['’]accord|\baccord\s+de\s+coopération|\bconvention\s+de\s+(?:coopération|partenariat)|\bcoopération\b"
            r"|absichtserklärung|zusammenarbeit|kooperation\w*|vereinbarung\w*|\bconvenio\b|\bacuerdo\b|\bcooperación\b",
        ),
        negatable=False,
    ),
    Concept(
        "private-partner",
        "a company, a private body or a purchase: not a foreign governmental unit",
        patterns=(
            r"บริษัท|เอกชน|ห้าง" + _WS + r"ร้าน|มูลนิธิ|จัด" + _WS + r"(?:ซื้อ|จ้าง)|ผู้" + _WS + r"รับ" + _WS + r"เหมา|ซื้อ" + _WS
            + r"(?:รถ|เครื่อง|ของ|สินค้า)",
            r"\bcompan(?:y|ies)\b|\bfirm\b|contractor|supplier|procure\w*|purchas\w*|\bngo\b|foundation",
            # A university abroad as the partner, not a governmental unit: "the Karlsruhe Institute of Technology (a German university)".
            r"\((?:a|an)\s+[a-z]+\s+university\)|\b(?:a|the)\s+(?:german|japanese|chinese|korean|american|french|british|australian|foreign)\s+university\b"
            r"|มหา(?:วิทยา)?ลัย(?:เอกชน)?" + _WS + r"(?:แห่ง" + _WS + r"หนึ่ง" + _WS + r")?(?:ใน|ของ|จาก)" + _WS + r"(?:ประเทศ" + _WS + r")?(?:ต่าง" + _WS
            + r"ประเทศ|ญี่ปุ่น|จีน|เกาหลี|เยอรมัน|อเมริกา|สหรัฐ|ไต้หวัน|อินเดีย|ออสเตรเลีย|ลาว|เวียดนาม|กัมพูชา|พม่า|เมียนมา|มาเลเซีย|สิงคโปร์|ฝรั่งเศส|อังกฤษ)",
            r"企业|企業|公司|株式会社|기업|회사|công\s+ty|doanh\s+nghiệp|\bsyarikat\b|\bperusahaan\b|ក្រុមហ៊ុន|ကုမ္ပဏီ",
            # "Universiti Malaysia Kelantan ส่งร่าง MoU…", "คู่ลงนามเป็นมหาวิทยาลัยของรัฐมาเลเซีย": a university is the party.
            r"\buniversit(?:i|as)\s+[a-z]|(?:คู่" + _WS + r"(?:ลง" + _WS + r"นาม|สัญญา|ภาคี)|อีก" + _WS + r"ฝ่าย)" + _WS + r"(?:เป็น|คือ)" + _WS
            + r"(?:มหา" + _WS + r"วิทยาลัย|สถาบัน" + _WS + r"การ" + _WS + r"ศึกษา|บริษัท|มูลนิธิ)",
        ),
        negatable=False,
    ),
    Concept(
        "administration-detail",
        "an administrative detail the sources do not hold: allowance rates, forms, registering assets",
        patterns=(
            r"เบี้ย" + _WS + r"เลี้ยง|อัตรา|วัน" + _WS + r"ละ" + _WS + r"เท่า|เอกสาร" + _WS + r"(?:อะไร|ที่" + _WS + r"ต้อง)|แบบ" + _WS
            + r"ฟอร์ม|ลง" + _WS + r"ทะเบียน|ทะเบียน" + _WS + r"(?:ครุภัณฑ์|ทรัพย์" + _WS + r"สิน)",
            r"per[\s\-]+diem|allowance|daily\s+rate|\bforms?\b|paperwork|register\w*",
            # The language a document is written in ("ต้องทำเป็นภาษาไทยกับภาษาอังกฤษไหม"), and hiring foreign
            # workers ("จ้างแรงงานพม่า", work permits for staff): matters the sources do not hold.
            r"ต้อง" + _WS + r"(?:ทำ|เขียน|จัด" + _WS + r"ทำ|มี|แปล)?" + _WS + r"(?:เป็น" + _WS + r")?(?:ฉบับ" + _WS + r")?ภาษา|ภาษา" + _WS
            + r"(?:อะไร|ไหน|ใด)|กี่" + _WS + r"ภาษา|(?:in\s+which|which|what)\s+languages?\b|bilingual",
            r"จ้าง" + _WS + r"(?:แรงงาน|คน" + _WS + r"งาน|ลูก" + _WS + r"จ้าง)|แรงงาน" + _WS + r"ต่าง" + _WS + r"ด้าว|hir(?:e|ing)\s+(?:foreign|migrant)",
        ),
        negatable=False,
    ),
    Concept(
        "money",
        "paying with the LAO's money or budget",
        patterns=(
            r"งบ|เงิน" + _WS + r"(?:ของ|จาก)?" + _WS + _LAO_TYPES + "|ใช้" + _WS + r"เงิน|เบิก|ค่า" + _WS + r"ใช้" + _WS
            + r"จ่าย|ค่า" + _WS + "เดินทาง",
            r"budget|pay\s+for|paid\s+(?:by|from|with)|fund(?:s|ed|ing)?\b|expenses?",
        ),
        negatable=False,
    ),
    Concept(
        "supervision",
        "who supervises an LAO (the district chief, the governor)",
        patterns=(
            r"กำกับ" + _WS + r"ดูแล|ผู้" + _WS + r"กำกับ|(?:ภาย" + _WS + r"ใต้" + _WS + r")?การ" + _WS + r"กำกับ" + _WS + r"(?:ของ|ดูแล)|supervis\w+|oversee\w*|oversight|\btutelle\b",
            # "ใครมีอำนาจตรวจสอบ อบต.": who may look into what the LAO did.
            r"(?:ใคร|หน่วย" + _WS + r"งาน" + _WS + r"(?:ไหน|ใด))" + _WS + r"(?:มี" + _WS + r"อำนาจ" + _WS + r"|เป็น" + _WS + r"คน" + _WS + r")?"
            # "ใครสั่งระงับได้": who may stop what the LAO does.
            r"(?:ตรวจ" + _WS + r"สอบ|ควบ" + _WS + r"คุม|ลง" + _WS + r"โทษ|สอบ" + _WS + r"สวน|(?:สั่ง" + _WS + r")?(?:ระงับ|ยับยั้ง|เพิกถอน))",
            r"(?:นาย" + _WS + r"อำเภอ|นอ|ผู้" + _WS + r"ว่า[^\s]{0,12}|ผวจ)" + _WS + r"(?:มี" + _WS + r"(?:อำนาจ|สิทธิ์?)" + _WS + r")?(?:สั่ง|ระงับ|เพิกถอน|ยับยั้ง)",
        ),
        negatable=False,
    ),
    Concept(
        "alternative",
        "what to do instead (the question already knows the restriction)",
        patterns=(
            r"(?:ทาง|วิธี|รูปแบบ|กรอบ)" + _WS + r"(?:เลือก|อื่น)|ช่อง" + _WS + r"ทาง" + _WS + r"อื่น|ยัง" + _WS + r"(?:เหลือ|มี)" + _WS + r"(?:ทาง|ช่อง" + _WS + r"ทาง)|(?<!ถาม)(?<!ตอบ)(?<!ผู้)(?<!ตัว)แทน(?!" + _WS + r"(?:นายก|รัฐบาล|ราชอาณาจักร|ประเทศ|ผู้|อบต|อบจ|อปท|ทต|ทม|ทน|เทศบาล|ท้องถิ่น|จังหวัด|อำเภอ))",
            r"(?:ทำ|ร่วม" + _WS + "มือ)[^\\s]{0,12}(?:อะไร|แบบ" + _WS + "ไหน|ยัง" + _WS + "ไง|อย่าง" + _WS + r"ไร)" + _WS
            + r"(?:ได้" + _WS + r")?(?:บ้าง|มั่ง|แทน)",
            r"(?:กรอบ|รูปแบบ|แบบ)[^\s]{0,15}อื่น|นอกจาก(?!" + _WS + r"(?:คำ|ชื่อ)" + _WS + r"(?:เรียก|ที่" + _WS + r"ใช้)?)|ยกเว้น" + _WS + r"(?:แต่" + _WS + r")?(?:เมือง" + _WS + r"พี่|sister|การ" + _WS + r"สถาปนา)|แค่" + _WS + r"ห้าม|ห้าม" + _WS + r"(?:แค่|เฉพาะ)|(?:(?:โดน|ถูก)" + _WS + r")?ห้าม[^\n]{0,30}?แล้ว" + _WS
            + r"(?:แล้ว" + _WS + r")?(?:สรุป|ทีนี้|งั้น|ก็|ยัง|อปท|อบต|เทศบาล|ทต|อบจ)|(?<!ความ)(?<!ความ\s)เข้าใจ" + _WS + r"แล้ว|แค่" + _WS + r"อยาก|ไม่" + _WS + r"ได้" + _WS
            + r"(?:แล้ว)?[\s,]+(?:แล้ว|จะ|งั้น|ก็|ถ้า)",
            # ("Apart from the name, every clause is the same" renames it: no other framework.)
            r"\binstead\b|alternative|\bexcept\b|(?:other\s+than|apart\s+from)(?!\s+(?:the\s+|its\s+)?(?:name|title|wording))|what\s+(?:else|other|can\s+we\s+do)|other\s+(?:framework|option|way|kind)s?"
            r"|off\s+the\s+table|just\s+want|(?:can't|cannot)\s+(?:be|have|do)\s+.{0,30}(?:then|so)",
            # Khmer "តើមានទម្រង់កិច្ចសហប្រតិបត្តិការណាផ្សេងទៀត": what other form; "ជំនួសវិញ": instead.
            r"ផ្សេង\s*ទៀត|(?<!ហត្ថលេខា)ជំនួស",
        ),
        negatable=False,
    ),
    Concept(
        "source-question",
        "where a rule comes from (the Cabinet resolution, the Ministry's letter), or why",
        patterns=(
            # ("สภา อบต.มีมติเห็นชอบแล้ว" is the council's vote, not a rule's source.)
            r"ที่" + _WS + r"มา|มา" + _WS + r"จาก|อ้าง" + _WS + r"อิง|มติ(?!" + _WS + r"(?:เห็น|อนุมัติ|สภา|ที่" + _WS + r"ประชุม|เอก" + _WS + r"ฉันท์))|ครม|คณะ" + _WS + r"รัฐมนตรี|ฐาน" + _WS + r"(?:ทาง)?" + _WS
            # "ทำไม" (why), not "ทำไม่ได้" (cannot).
            + r"กฎหมาย|ทำไม(?![\u0e48-\u0e4b])|เหตุ" + _WS + r"(?:ผล|ใด)|เพราะ" + _WS + r"อะไร|ใคร" + _WS + r"กำหนด|รองรับ|ฉบับ" + _WS + r"(?:ไหน|ใด)"
            r"|ปี" + _WS + r"ไหน|เมื่อ" + _WS + r"(?:ไร|ไหร่)|ออก" + _WS + r"มา|มหาดไทย|(?<![\u0e00-\u0e7f])มท(?![\u0e01-\u0e2e])",
            r"legal\s+basis|\bbasis\s+(?:for|of)\b|\bwhy\b|based\s+on|(?<!passed\sa\s)(?<!adopted\sa\s)resolution|cabinet|when\s+did|where\s+does|\b(?:what|which)\s+decision\b|since\s+when",
            # "กฎนี้เพิ่งออกปีนี้ใช่ไหม": when the rule was made.
            r"เพิ่ง" + _WS + r"(?:ออก|มี|ประกาศ|กำหนด)",
            r"根拠|根据|依据|依據|理由|为什么|為什麼|なぜ|閣議|内阁|內閣|근거|이유|왜|각의|cơ\s+sở\s+pháp\s+lý|tại\s+sao|vì\s+sao"
            r"|dựa\s+(?:trên|vào)|căn\s+cứ",
        ),
        negatable=False,
    ),
    Concept(
        "asks-why",
        "why a rule is so, or which decision says it (\"ทำไม…ไม่ได้แล้ว\", \"มีอะไรรองรับ\", \"which decision says\")",
        patterns=(
            r"ทำ" + _WS + r"ไม(?![\u0e48-\u0e4b])|เพราะ" + _WS + r"(?:อะไร|อะหยัง|หยัง)|เหตุ" + _WS + r"(?:ใด|ผล" + _WS + r"(?:อะไร|ใด))|(?:มี|อาศัย)" + _WS + r"อะไร" + _WS + r"รองรับ(?!" + _WS + r"(?:บ้าง|มั่ง))"
            r"|อ้าง" + _WS + r"อิง" + _WS + r"(?:จาก" + _WS + r")?(?:อะไร|ไหน)|ฐาน" + _WS + r"(?:ทาง" + _WS + r")?กฎหมาย|ใคร" + _WS + r"(?:เป็น" + _WS
            + r"คน" + _WS + r")?(?:กำหนด|สั่ง(?!" + _WS + r"(?:ระงับ|หยุด|ยกเลิก|เพิกถอน)))|(?:มติ|หลัก" + _WS + r"เกณฑ์|ระเบียบ|กฎหมาย|หนังสือ)" + _WS + r"(?:อะไร|ไหน|ใด|ฉบับ" + _WS
            + r"(?:ไหน|ใด))" + _WS + r"(?:ที่" + _WS + r")?(?:กำหนด|บอก|ระบุ|ห้าม|ว่า)",
            # "เราต้องอ้างมติ ครม. ฉบับไหน": which resolution to cite.
            # ("อ้างถึงหนังสืออะไร" asks what a letter refers to: its own detail.)
            r"อ้าง" + _WS + r"(?:อิง" + _WS + r")?(?:มติ|ระเบียบ|กฎหมาย|หลัก" + _WS + r"เกณฑ์)[^?\n]{0,15}?(?:ฉบับ" + _WS + r")?(?:ไหน|ใด|อะไร)",
            r"\bwhy\b|when\s+was\s+(?:it|this|that)\s+decided|\bby\s+whom\b|who\s+decided"
            r"|which\s+(?:thai\s+)?(?:cabinet\s+|government\s+)?(?:decision|resolution|rule|law|regulation|order|document)\b[^.?!]{0,30}?\b(?:says|states|sets|made|decided|bans?)"
            r"|what\s+(?:decision|resolution|rule|law)\s+(?:says|states|sets|bans?)|legal\s+basis|on\s+what\s+(?:basis|grounds)",
            r"为什么|為什麼|根据什么|根據什麼|なぜ|どうして|根拠は|왜|근거가|tại\s+sao|vì\s+sao|cơ\s+sở\s+pháp\s+lý",
        ),
        negatable=False,
    ),
    Concept(
        "institution-actor",
        "a Thai university, school, hospital, temple, club or company is who would act, not an LAO",
        patterns=(
            r"(?:^|\s)(?:มหาวิทยาลัย|มหาลัย|วิทยาลัย|โรง" + _WS + r"เรียน|รร\.|โรง" + _WS + r"พยาบาล|รพ\.|วัด|สโมสร|ชมรม|สมาคม|หอ" + _WS
            + r"การ" + _WS + r"ค้า|บริษัท)[^\s]{0,30}?" + _WS + r"(?:\([^)\n]{0,40}\)" + _WS + r")?(?:ของ" + _WS + r")?(?:เรา" + _WS + r")?(?:(?:จะ|อยาก|ต้องการ|ขอ|กำลัง|ประสงค์)" + _WS
            + r"(?:ไป" + _WS + r")?(?:ทำ|ลง" + _WS + r"นาม|เซ็น|จับ" + _WS + r"คู่|ร่วม|สถาปนา|เป็น)|ได้" + _WS + r"รับ)|เจ้า" + _WS + r"อาวาส",
            r"(?:โรง" + _WS + r"เรียน|(?<!จังห)วัด|โรง" + _WS + r"พยาบาล|มหาวิทยาลัย)" + _WS + r"พี่" + _WS + r"(?:โรง" + _WS + r"เรียน|วัด|โรง" + _WS
            + r"พยาบาล|มหาวิทยาลัย)?" + _WS + r"น้อง",
            r"\bsister\s+(?:schools?|hospitals?|temples?|universit(?:y|ies)|clubs?|colleges?)\b|\brotary\b",
            # "MOU แลกเปลี่ยนนักศึกษาระหว่างมหาวิทยาลัยเรากับมหาวิทยาลัยในไต้หวัน": two institutions are the parties.
            r"ระหว่าง" + _WS + r"(?:มหาวิทยาลัย|โรง" + _WS + r"เรียน|โรง" + _WS + r"พยาบาล|วิทยาลัย)[^\s]{0,20}" + _WS + r"(?:ของ" + _WS + r")?(?:เรา" + _WS + r")?กับ"
            + _WS + r"(?:มหาวิทยาลัย|โรง" + _WS + r"เรียน|โรง" + _WS + r"พยาบาล|วิทยาลัย)",
            # A school of the Office of Basic Education, its educational area: not an LAO's.
            r"สพฐ|เขต" + _WS + r"พื้นที่" + _WS + r"การ" + _WS + r"ศึกษา|자매\s*학교|姉妹校|姊妹校|姐妹学校",
            r"\b(?:our|a|the)\s+(?:thai\s+)?(?:university|college|school|hospital|temple|company|club)\b[^.?]{0,30}?\b(?:wants?|would\s+like|plans?|will|is\s+going)\b",
        ),
        negatable=False,
        out_of_scope=True,
    ),
    Concept(
        "clause-asked",
        "a clause of a draft pasted into the question ('ข้อ 3 ทั้งสองฝ่ายจะ… ข้อนี้ได้ไหม')",
        patterns=(
            r"^[^ก-๛a-z0-9]{0,3}(?:ข้อ|ข้อ" + _WS + r"ที่)" + _WS + r"\d+(?![\d.])",
            r"(?:ใส่|เขียน|มี|เพิ่ม|คง|ตัด)" + _WS + r"ข้อ" + _WS + r"(?:นี้|นั้น|ดัง" + _WS + r"กล่าว|(?:ความ" + _WS + r")?ว่า)|ข้อ" + _WS
            + r"(?:นี้|นั้น)" + _WS + r"(?:ได้|ใส่|โอเค|ผ่าน|มี" + _WS + r"ปัญหา|ควร|ผิด|เขียน|เก็บ|คง|ใช้)|(?:เขียน|ใส่)" + _WS + r"แบบ" + _WS
            + r"นี้" + _WS + r"(?:ได้|ถูก)",
            # A clause quoted: "ร่างเขียนว่า '…'", "ข้อ 5 '…'", "'The Parties shall…'".
            r"(?:เขียน|ระบุ|ใส่|เพิ่ม)" + _WS + r"(?:ไว้" + _WS + r")?(?:ข้อ" + _WS + r"(?:\d+|ท้าย|สุด" + _WS + r"ท้าย)?" + _WS + r")?ว่า" + _WS + r"['\"‘“]"
            r"|ข้อ" + _WS + r"\d+" + _WS + r"['\"‘“]"
            # "ในร่างมีข้อ ๘ ว่าไม่ผูกพันรัฐบาล… แบบนี้ใช้ได้ไหม": a clause told.
            r"|(?:มี|ใส่|เขียน)" + _WS + r"ข้อ" + _WS + r"(?:ที่" + _WS + r")?\d+" + _WS + r"(?:ระบุ" + _WS + r")?ว่า"
            r"|['\"‘“][^'\"’”\n]{0,300}?\b(?:shall|parties|party)\b"
            r"|['\"‘“][^'\"’”\n]{0,300}?(?:แต่" + _WS + r"ละ" + _WS + r"ฝ่าย|ทั้ง" + _WS + r"สอง" + _WS + r"ฝ่าย|คู่" + _WS + r"ภาคี|บันทึก" + _WS + r"(?:นี้|ฉบับ))",
            r"^[^a-z0-9ก-๛]{0,3}(?:clause|article)\s+\d+|\b(?:this|that|the\s+following)\s+(?:clause|article|provision)\b",
        ),
        negatable=False,
    ),
    Concept(
        "asks-what-allowed",
        "asks what an LAO may do with partners abroad at all ('ทำอะไรกับต่างประเทศได้บ้าง', 'what can a tambon do')",
        patterns=(
            r"(?:ทำ|เฮ็ด|ร่วม" + _WS + r"มือ(?:" + _WS + r"กัน)?)" + _WS + r"(?:อะไร|(?:อิ)?หยัง|ไร)" + _WS + r"(?:กับ[^?\n]{0,25}?)?" + _WS
            + r"ได้" + _WS + r"(?:บ้าง|มั่ง|แหน่|แน่)",
            r"\bwhat\s+(?:can|may|could)\s+(?:an?\s+|the\s+|our\s+|thai\s+)*(?:laos?|local\s+govern\w+|municipalit\w+|tambons?|saos?|thesabans?)"
            r"\s+(?:do|sign|agree)\b|\bwhat\s+(?:kinds?|types?|forms?)\s+of\s+(?:cooperation|agreements?)\s+(?:can|may|are\s+allowed)",
            # The framework's bounds asked: "ต้องอยู่ในกรอบอะไรบ้าง", "what limits apply to such an agreement".
            r"(?:อยู่" + _WS + r")?ใน" + _WS + r"กรอบ" + _WS + r"(?:อะไร|ไหน|ใด)|กรอบ" + _WS + r"(?:อะไร|ไหน)" + _WS + r"บ้าง"
            r"|\bwhat\s+(?:limits|conditions|boundaries)\s+(?:apply|must\s+we|do\s+we|are\s+there)\b",
            # Whether everything abroad is now banned: "แปลว่า อบต. ห้ามมี MOU กับต่างประเทศทุกเรื่องแล้วใช่ไหม".
            r"ห้าม" + _WS + r"(?:มี|ทำ|เซ็น|ลง" + _WS + r"นาม)?[^?\n]{0,40}?(?:ทุก" + _WS + r"(?:เรื่อง|อย่าง|กรณี|ประเภท)|ทั้ง" + _WS + r"หมด)"
            r"|(?:ทำ|มี)" + _WS + r"(?:mou|ข้อ" + _WS + r"ตกลง|ความ" + _WS + r"ร่วม" + _WS + r"มือ)[^?\n]{0,30}?(?:ไม่|บ่)" + _WS + r"ได้" + _WS
            + r"(?:เลย|สัก" + _WS + r"เรื่อง|ทุก" + _WS + r"เรื่อง)",
            r"\b(?:no|any)\s+(?:mous?|agreements?|cooperation)\s+(?:at\s+all|of\s+any\s+kind)\b|\ball\s+(?:mous?|agreements?|cooperation)"
            r"\s+(?:with\s+\w+\s+)?(?:are|is)\s+(?:now\s+)?(?:banned|forbidden|prohibited)",
        ),
        negatable=False,
    ),
    Concept(
        "skips-guidelines",
        "doing without the DLA's guidelines or their steps (\"ไม่ต้องดูแนวทางของ สถ. ก็ได้ใช่ไหม\", \"skip the guidelines\")",
        patterns=(
            r"(?:ไม่|บ่)" + _WS + r"ต้อง" + _WS + r"(?:ไป" + _WS + r")?(?:ดู|ทำ" + _WS + r"ตาม|ยึด|ปฏิบัติ" + _WS + r"ตาม|ใช้|สน(?:ใจ)?|อิง|ผ่าน)" + _WS
            + r"(?:ตาม" + _WS + r")?(?:แนว" + _WS + r"(?:ทาง|ปฏิบัติ)|คู่" + _WS + r"มือ|ขั้น" + _WS + r"ตอน|หลัก" + _WS + r"เกณฑ์)"
            r"|ข้าม" + _WS + r"(?:แนว" + _WS + r"ทาง|ขั้น" + _WS + r"ตอน)|(?:นอก|ไม่" + _WS + r"อิง)" + _WS + r"แนว" + _WS + r"ทาง" + _WS + r"(?:ของ" + _WS + r")?สถ",
            r"\b(?:without|skip(?:ping)?|ignor(?:e|ing)|bypass(?:ing)?)\s+(?:following\s+)?(?:the\s+)?(?:dla'?s?\s+)?(?:guidelines?|procedures?|steps)\b",
            # Whether they must be followed at all: "สถ.มีคู่มือทำ MOU … ต้องทำตามนั้นหรือเปล่า", "…นี่บังคับเลยบ่ หรือแค่แนะนำ".
            r"(?:แนว" + _WS + r"ทาง|คู่" + _WS + r"มือ)[^\n?]{0,50}?(?:บังคับ" + _WS + r"(?:เลย|ไหม|มั้ย|บ่|หรือ)|แค่" + _WS + r"แนะนำ)",
            r"(?:แนว" + _WS + r"ทาง|คู่" + _WS + r"มือ)[^\n?]{0,40}?ต้อง" + _WS + r"(?:ทำ|ปฏิบัติ|ยึด)" + _WS + r"ตาม[^\n?]{0,10}?(?:ไหม|มั้ย|หรือ" + _WS
            + r"(?:เปล่า|ไม่)|ป่ะ|ป่าว)",
        ),
        negatable=False,
    ),
    Concept(
        "asks-procedure",
        "asks the steps of making an agreement: what comes next, to whom the draft goes before signing",
        patterns=(
            # Of an agreement only: "ขั้นตอนจัดซื้อ e-bidding" asks another procedure.
            r"(?:mou|ร่าง|ความ" + _WS + r"ตกลง|ข้อ" + _WS + r"ตกลง|บันทึก)[^?\n]{0,60}?(?:ขั้น" + _WS + r"(?:ตอน|ต่อ" + _WS + r"ไป)|(?:ส่ง|เสนอ)" + _WS
            + r"(?:ให้|ไป" + _WS + r"ให้)?" + _WS + r"(?:ใคร|หน่วย" + _WS + r"งาน" + _WS + r"(?:ไหน|ใด))" + _WS + r"(?:ตรวจ|พิจารณา|ดู|อนุมัติ)|ต้อง" + _WS
            + r"ผ่าน" + _WS + r"(?:ใคร|หน่วย" + _WS + r"งาน" + _WS + r"(?:ไหน|ใด)))",
            # "จะต้องดำเนินการตามแนวทางหรือขั้นตอนใด", "ต้องยึดแนวทางฉบับใดเป็นหลัก": which steps or guideline to follow.
            r"(?:ดำเนิน" + _WS + r"การ|ปฏิบัติ|ทำ)" + _WS + r"ตาม" + _WS + r"(?:แนว" + _WS + r"(?:ทาง|ปฏิบัติ)" + _WS + r"หรือ" + _WS + r")?ขั้น" + _WS
            + r"ตอน" + _WS + r"(?:ใด|ไหน|อะไร)"
            r"|(?:ยึด|ใช้|อ้าง" + _WS + r"อิง)" + _WS + r"แนว" + _WS + r"(?:ทาง|ปฏิบัติ)" + _WS + r"ฉบับ" + _WS + r"(?:ใด|ไหน)",
            # "นายกจะไปเซ็นความร่วมมือ…ต้องเตรียมเอกสารอะไรบ้าง": the papers an agreement needs before it is signed.
            r"(?:mou|ความ" + _WS + r"ร่วม" + _WS + r"มือ|ความ" + _WS + r"ตกลง|ข้อ" + _WS + r"ตกลง|บันทึก|เซ็น|ลง" + _WS + r"นาม)(?:(?!วีซ่า|visa|พาสปอร์ต|หนังสือ" + _WS + r"เดินทาง)[^?\n]){0,60}?(?:เตรียม|ใช้|ส่ง|ยื่น)"
            + _WS + r"(?:เอกสาร|หนังสือ)" + _WS + r"(?:อะไร|อะไร" + _WS + r"บ้าง|ไหน" + _WS + r"บ้าง)",
            # "…แล้วต้องส่งเรื่องไปที่ไหนบ้าง" (which guideline alone is found by its words, after a "may we").
            r"(?:ส่ง|เสนอ)" + _WS + r"เรื่อง" + _WS + r"(?:ไป" + _WS + r")?(?:ที่" + _WS + r"ไหน|ให้" + _WS + r"ใคร|หน่วย" + _WS + r"งาน" + _WS + r"(?:ไหน|ใด))",
            r"ขั้น" + _WS + r"(?:ตอน|ต่อ" + _WS + r"ไป)[^?\n]{0,80}?(?:mou|ความ" + _WS + r"ตกลง|ข้อ" + _WS + r"ตกลง|บันทึก" + _WS + r"ความ|ลง" + _WS + r"นาม|เซ็น)",
            r"\b(?:what\s+(?:are\s+the\s+)?(?:next\s+)?steps|the\s+procedure|which\s+procedure|what\s+procedure)\b[^?]{0,60}?"
            r"\b(?:mou|agreement|memorandum|sign)",
            r"\bsend\s+(?:our|the|a|this)\s+(?:draft\s+)?(?:mou|agreement|draft)[^?]{0,40}?\b(?:review|approv\w*|check\w*)"
            r"|\b(?:review|approval)\s+before\s+signing",
            # "협정을 맺을 때 따라야 하는 절차나 지침", "協定を結ぶ手続き", "签署合作协议的程序".
            # Of a Thai LAO's agreement only: a company's MOU ("한국 중소기업이 태국 회사와 MOU…절차") follows no such guideline.
            r"(?:지방\s*자치\s*단체|자치\s*단체|อบต|เทศบาล|อปท|地方政府|自治体|テーサバーン|タムボン)[^?？]{0,40}?"
            r"(?:(?:협정|협약|mou)[^?？]{0,30}?(?:절차|지침)|(?:協定|覚書|mou)[^?？。]{0,30}?(?:手続|ガイドライン)"
            r"|(?:协议|協議|备忘录|備忘錄|mou)[^?？。]{0,30}?(?:程序|流程|指引|指南))",
        ),
        # "โดยไม่ต้องผ่านขั้นตอนตามปกติ" in a clause waives a procedure, it asks none.
    ),
    Concept(
        "draft-pasted",
        "a whole draft pasted into the message: a title or clauses numbered one after another ('ข้อ 1 … ข้อ 2 …')",
        patterns=(
            r"(?<![ก-๛])ข้อ" + _WS + r"(?:ที่" + _WS + r")?[1-9๑-๙][0-9๐-๙]?(?![0-9๐-๙.,])[^?]{4,}?(?<![ก-๛])ข้อ" + _WS + r"(?:ที่" + _WS
            + r")?[1-9๑-๙][0-9๐-๙]?(?![0-9๐-๙.,])",
            r"\b(?:article|clause)\s*\d+[^?]{4,}?\b(?:article|clause)\s*\d+",
            # A titled agreement between two parties, then its numbered clauses: "MOU ON … between … 1. Scope … 2. …".
            r"(?:memorandum|agreement|\bmou\b|บันทึก|ความ" + _WS + r"ตกลง|ข้อ" + _WS + r"ตกลง)[^?]{0,200}?(?:\bbetween\b|ระหว่าง)[^?]{0,300}?"
            r"(?<![\d.])(?:1|๑)[.)]\s*[^\s][^?]{4,}?\s(?:2|๒)[.)]\s*[^\s]",
            r"\b(?:memorandum\s+of\s+understanding|agreement|mou)\s+(?:on|for|concerning|regarding)\b[^?]{0,300}?(?<![\d.])1[.)]\s*[^\s][^?]{4,}?"
            r"\s2[.)]\s*[^\s]",
            r"第[一二三四五六七八九十\d]+条[^？?]{2,}?第[一二三四五六七八九十\d]+条",
        ),
        negatable=False,
    ),
    Concept(
        "not-binding",
        "the agreement says it binds no one and creates no obligations (\"does not create legally binding obligations\", "
        "\"不具有法律约束力\", \"tidak mengikat\"): a commitment of the state denied",
        patterns=(
            r"\b(?:does|do|shall|will|would)\s+not\s+(?:create|impose|give\s+rise\s+to|constitute|establish|entail)\s+(?:any\s+)?"
            r"(?:(?:legally\s+)?binding\s+|legal\s+|financial\s+|funding\s+|or\s+)*(?:obligations?|commitments?)"
            r"|\b(?:creates?|imposes?|entails?)\s+no\s+(?:(?:legally\s+)?binding\s+|legal\s+|financial\s+|or\s+)*(?:obligations?|commitments?)"
            r"|\bnon[\s\-]*binding\b|\bnot\s+(?:be\s+)?(?:legally\s+)?binding\b|\bshall\s+not\s+bind\b|\bno\s+(?:funding|financial|legal)\s+(?:commitments?|obligations?)\b"
            r"|\bexpresses\s+an\s+intention\s+only\b",
            # Not "ต้องไม่ผูกพัน": that is the rule said, or asked, not an agreement described.
            r"(?<!ต้อง)(?<!ต้อง )(?:ไม่|มิ|บ่)" + _WS + r"(?:ได้" + _WS + r")?(?:มี" + _WS + r")?(?:ผล" + _WS + r")?(?:ข้อ" + _WS + r")?ผูก" + _WS + r"พัน"
            r"|(?:ไม่|มิ)" + _WS + r"(?:ได้" + _WS + r")?ก่อ" + _WS + r"(?:ให้" + _WS + r"เกิด" + _WS + r")?(?:พันธะ|พันธกรณี|ข้อ" + _WS + r"ผูกพัน)",
            # Vietnamese: "không có cam kết nào liên quan đến chính phủ hai nước", "không ràng buộc chính phủ".
            r"không\s+(?:có\s+)?(?:bất\s+kỳ\s+)?(?:cam\s+kết|nghĩa\s+vụ|ràng\s+buộc)(?:\s+(?:nào|pháp\s+lý))?(?:\s+(?:liên\s+quan|đối\s+với|với|cho))?",
            r"不(?:具有|具备|具備|产生|產生)?\s*(?:任何\s*)?(?:法律\s*)?(?:约束力|約束力|拘束力)|仅表达合作意向|僅表達合作意向"
            # "本备忘录不构成具有法律约束力的义务"
            r"|不(?:构成|構成|创设|創設)[^。\n]{0,10}?(?:约束力|約束力|拘束力|法律义务|法律義務)",
            r"法的\s*拘束力\s*(?:を|は)?\s*(?:有し|持た|生じ)?(?:ない|ません)|法的な?義務を(?:生じ|負わ)(?:ない|ません)"
            # "法的拘束力を有する権利義務を生じさせるものではない"
            r"|法的\s*拘束力[^。\n]{0,20}?(?:ものでは(?:ない|ありません)|生じさせない|有しない)"
            # "両国政府に対していかなる法的義務も生じさせないものとする"
            r"|法的\s*義務[^。\n]{0,6}?(?:生じさせ|生じ|負わ|課さ)(?:ない|ません)",
            r"법적\s*구속력(?:이|을|은)?\s*(?:없|(?:갖|가지)지\s*(?:않|아니))|구속하지\s*(?:않|아니)",
            r"không\s+(?:có\s+)?(?:giá\s+trị\s+)?ràng\s+buộc|không\s+tạo\s+(?:ra\s+)?(?:nghĩa\s+vụ|ràng\s+buộc)",
            r"\btidak\s+mengikat\b|\btidak\s+(?:menimbulkan|mewujudkan)\s+(?:kewajiban|obligasi)\b|\bmai\s+(?:puk|phuk)\s*(?:pan|phan)\b",
        ),
        negatable=False,
        # A draft's "does not create legally binding obligations" describes an agreement that binds no one;
        # its word ผูกพัน would read as the binding rule's question.
        unread=True,
        read_with=frozenset({"clause-asked"}),
    ),
    Concept(
        "own-costs",
        "each side pays its own way ('ต่างฝ่ายต่างออกค่าใช้จ่ายเอง', 'each Party shall bear its own costs')",
        unread=True,
        patterns=(
            r"ต่าง" + _WS + r"(?:ฝ่าย|คน)" + _WS + r"ต่าง" + _WS + r"(?:ออก|จ่าย|รับ)|แต่" + _WS + r"ละ" + _WS + r"ฝ่าย" + _WS
            + r"(?:ออก|จ่าย|รับ" + _WS + r"ผิด" + _WS + r"ชอบ)",
            r"\beach\s+(?:party|side)\s+(?:shall\s+|will\s+|would\s+|should\s+|is\s+to\s+)?(?:bears?|pays?|covers?|meets?|shoulders?|carr(?:y|ies))\s+(?:for\s+)?its\s+own\b"
            r"|mỗi\s+bên\s+tự|\btang\s+fai\s+tang\s+(?:jai|jaai|chai|ok)\b",
            r"(?:费用|費用)\s*(?:各自|自理)(?:\s*(?:承担|承擔|负担|負擔))?|各方\s*(?:费用|費用)\s*自理|费用\s*由\s*各方|(?:費用|経費)は[、,]?\s*(?:それぞれ|各自|各々)|各自\s*負担|자체\s*부담|각자\s*부담",
            # "각 측은 자체 예산으로 비용을 부담", "各方自行承担本方费用", "mỗi bên tự chi trả", "each side funds its own part".
            r"자체\s*예산으로(?:\s*비용을)?(?:\s*부담)?|(?:各方|双方|雙方)?\s*(?:自行|各自)\s*(?:承担|承擔|负担|負擔)|masing-masing\s+pihak\s+menanggung"
            r"|\beach\s+(?:party|side)\s+(?:shall\s+|will\s+)?(?:funds?|finances?|paying|covers?)\s+its\s+own\b"
            r"|แต่" + _WS + r"ละ" + _WS + r"(?:ฝ่าย|ฝั่ง)[^\n?]{0,12}?(?:งบ" + _WS + r"(?:ประมาณ)?|ค่า" + _WS + r"ใช้" + _WS + r"จ่าย)" + _WS + r"(?:ของ" + _WS + r")?(?:ตน" + _WS + r"เอง|ตัว" + _WS + r"เอง)",
        ),
        negatable=False,
    ),
    Concept(
        "clauses-to-avoid",
        "which clauses a draft must not have, or what to check in one before signing",
        patterns=(
            r"(?:ข้อ(?:" + _WS + r"ความ)?|ถ้อย" + _WS + r"คำ)" + _WS + r"(?:ไหน|อะไร|แบบ" + _WS + r"ไหน)[^?\n]{0,20}?(?:ห้าม|ไม่" + _WS + r"ควร|ต้อง" + _WS
            + r"ระวัง|เช็ค|เช็ก|ตรวจ)|(?:ควร|ต้อง)" + _WS + r"(?:เช็ค|เช็ก|ตรวจ)" + _WS + r"ข้อ" + _WS + r"(?:ไหน|อะไร)"
            # "ต้องระวังข้อความแบบไหน", "ยกตัวอย่างข้อความที่ไม่ควรเขียน".
            r"|ระวัง" + _WS + r"ข้อ" + _WS + r"ความ" + _WS + r"(?:แบบ" + _WS + r"ไหน|อะไร)|ข้อ" + _WS + r"ความ" + _WS + r"ที่" + _WS + r"(?:ไม่" + _WS
            + r"ควร|ห้าม)" + _WS + r"(?:เขียน|ใส่|มี)",
            r"\bwhat\s+(?:kinds?\s+of\s+)?(?:clauses?|wording|provisions?)\s+(?:should|must|to)\s+(?:we\s+|our\s+draft\s+|it\s+)?avoid\b"
            r"|\bclauses?\s+to\s+avoid\b",
        ),
        negatable=False,
    ),
    Concept(
        "employment",
        "hiring or dismissing a person (a teacher, a worker): an employment contract, not a cooperation",
        patterns=(
            r"สัญญา" + _WS + r"จ้าง|เลิก" + _WS + r"จ้าง|ทด" + _WS + r"ลอง" + _WS + r"(?:ปฏิบัติ" + _WS + r")?งาน|ลูก" + _WS + r"จ้าง",
            # "อบต.จ้างแรงงานเมียนมา ต้องขอใบอนุญาตทำงานที่ไหน": the LAO as an employer.
            r"จ้าง" + _WS + r"แรงงาน|แรงงาน[^\s]{0,20}?" + _WS + r"(?:ที่" + _WS + r")?(?:อบต|ทต|ทม|ทน|อบจ|เทศบาล)[^\s]{0,6}?" + _WS + r"จ้าง",
            r"\bemployment\s+contract\b|\bhir(?:e|ing)\s+(?:a|an|the|our)?\s*(?:teacher|worker|staff)|\bprobation",
            # "รับสมัครพนักงานจ้างตามภารกิจ", "จ้างครูชาวจีนเป็นพนักงานจ้างทั่วไป": the LAO hiring its own staff.
            # "อยากสมัครเป็นล่ามอาสาในงาน…": a person applying for a role.
            r"สมัคร" + _WS + r"(?:เป็น" + _WS + r")?(?:ล่าม|อาสา|เจ้า" + _WS + r"หน้าที่|พนักงาน|ลูก" + _WS + r"จ้าง|งาน" + _WS + r"(?:ที่|กับ))|"
            r"รับ" + _WS + r"สมัคร" + _WS + r"(?:พนักงาน|ลูก" + _WS + r"จ้าง|เจ้า" + _WS + r"หน้าที่|บุคคล)|พนักงาน" + _WS + r"จ้าง" + _WS
            + r"(?:ตาม" + _WS + r"ภารกิจ|ทั่ว" + _WS + r"ไป)|จ้าง" + _WS + r"(?:ครู|อาจารย์|ล่าม|ผู้" + _WS + r"เชี่ยวชาญ)" + _WS + r"(?:ชาว|ต่าง)",
        ),
        negatable=False,
        out_of_scope=True,
    ),
    Concept(
        "non-binding-clause",
        "a pasted clause that says the agreement binds no government and creates no obligation under international law "
        "(set from clause-asked and a denied commitment or treaty wording)",
    ),
    Concept(
        "personal-matter",
        "an official's own leave, holiday or visa, not the LAO's cooperation",
        patterns=(
            r"เป็น" + _WS + r"การ" + _WS + r"ส่วน" + _WS + r"ตัว|ลา" + _WS + r"(?:พัก" + _WS + r"(?:ผ่อน|ร้อน)|กิจ)|ใบ" + _WS + r"ลา|วัน" + _WS + r"ลา"
            r"|วีซ่า" + _WS + r"(?:ส่วน" + _WS + r"ตัว|ท่อง" + _WS + r"เที่ยว)|เที่ยว[^\s]{0,10}?กับ" + _WS + r"ครอบ" + _WS + r"ครัว|พา" + _WS
            + r"ครอบ" + _WS + r"ครัว",
            # "ขอปรึกษาเรื่องส่วนตัว ไม่เกี่ยวกับงาน … จดทะเบียนสมรส": the official's own life.
            r"เรื่อง" + _WS + r"ส่วน" + _WS + r"ตัว|ไม่" + _WS + r"เกี่ยว" + _WS + r"กับ" + _WS + r"(?:งาน|ราชการ)|จด" + _WS + r"ทะเบียน" + _WS
            + r"สมรส|แต่ง" + _WS + r"งาน" + _WS + r"(?:กัน|กับ)",
            r"\bpersonal\s+(?:trip|travel|visa|holiday|leave)\b|\bon\s+leave\b|\bvacation\b|\btourist\s+visa\b",
        ),
        negatable=False,
        out_of_scope=True,
    ),
    Concept(
        "nothing-abroad",
        "no partner abroad at all, as the writer says or two Thai provinces paired (set from the text)",
        out_of_scope=True,
    ),
    Concept(
        "speech-request",
        "a speech, a greeting or a toast to write (for a delegation, a ceremony), not a rule",
        patterns=(
            r"(?:เขียน|ร่าง|แต่ง|เตรียม)" + _WS + r"(?:คำ" + _WS + r"(?:กล่าว|ปราศรัย|อวยพร)|สุนทร" + _WS + r"พจน์|สปีช)",
            r"\b(?:write|draft|prepare|compose)\s+(?:me\s+|us\s+)?(?:a\s+)?(?:short\s*,?\s*)?(?:warm\s+)?(?:welcome\s+|opening\s+)?(?:speech|toast|address|poem)\b",
            r"(?:แต่ง|เขียน)" + _WS + r"(?:กลอน|บท" + _WS + r"กวี|โคลง)",
            # "ขอเนื้อเพลง 'เมืองพี่เมืองน้อง' ที่ใช้ร้องในงานเลี้ยง": a song for the dinner.
            r"เนื้อ" + _WS + r"เพลง|(?:แต่ง|ขอ|หา)" + _WS + r"เพลง|\blyrics\b|\bsong\s+(?:about|for|lyrics)\b",
        ),
        negatable=False,
        out_of_scope=True,
    ),
    Concept(
        "travel-arrangement",
        "a hotel or restaurant to recommend for a delegation, or a shop's hours or menu, not a rule",
        patterns=(
            # Where to apply for a visa for a trip abroad ("วีซ่าเชงเก้นสำหรับคณะผู้บริหาร ยื่นที่ไหน").
            r"(?:ยื่น|ขอ|ทำ)" + _WS + r"(?:วีซ่า|visa)[^?\n]{0,30}?(?:ที่" + _WS + r"ไหน|อย่าง" + _WS + r"ไร|ยัง" + _WS + r"ไง|กี่" + _WS + r"วัน)"
            r"|(?:วีซ่า|visa)[^?\n]{0,60}?(?:ยื่น|ขอ)" + _WS + r"(?:ได้" + _WS + r")?(?:ที่" + _WS + r"ไหน|อย่าง" + _WS + r"ไร|ยัง" + _WS + r"ไง)"
            r"|\bapply\s+for\s+(?:a|an|the)?\s*(?:schengen\s+|tourist\s+|business\s+)?visa\b"
            r"|\bneed\s+(?:a\s+)?visas?\s+(?:for|to)\b|\bvisa\s+processing\b",
            # Asked for ("แนะนำโรงแรมหน่อย"), not told of ("จองโรงแรมแล้ว").
            r"(?:แนะนำ|หา)" + _WS + r"(?:โรง" + _WS + r"แรม|ที่" + _WS + r"พัก|ร้าน" + _WS + r"อาหาร|ที่" + _WS + r"เที่ยว)",
            # "มีที่เที่ยวหรือร้านอาหารแนะนำไหม": what to see and where to eat, asked for.
            r"(?:ที่" + _WS + r"เที่ยว|ร้าน" + _WS + r"อาหาร|โรง" + _WS + r"แรม|ที่" + _WS + r"พัก)[^?\n]{0,20}?แนะนำ" + _WS + r"(?:ไหม|หน่อย|บ้าง|ด้วย)",
            r"\brecommend\w*\s+(?:a\s+|some\s+)?(?:good\s+)?(?:hotel|restaurant)s?\b|\bwhich\s+hotel\b",
            # Music at the welcome dinner ("จัดคาราโอเกะ…หลังเที่ยงคืนได้ไหม"): the party's noise and hours, no rule of cooperation.
            r"คารา" + _WS + r"โอ" + _WS + r"เกะ|หลัง" + _WS + r"เที่ยง" + _WS + r"คืน|ค่า" + _WS + r"ลิขสิทธิ์",
            # An event's car park ("ควรเตรียมพื้นที่จอดรถกี่ไร่"), a restaurant's hours or address in Chinese.
            r"(?:พื้น" + _WS + r"ที่|ลาน)" + _WS + r"จอด" + _WS + r"รถ|(?:餐馆|餐館|餐厅|餐廳|饭店|飯店|レストラン|식당)[^。？?]{0,20}?(?:营业时间|營業時間|営業時間|地址|住所|영업\s*시간)",
            # A shop's hours or menu ("ร้านเมืองพี่เมืองน้องหน้าอำเภอ เปิดกี่โมง"): a shop that shares the name.
            r"ร้าน[^?\n]{0,60}?(?:(?:เปิด|ปิด)[^?\n]{0,8}?กี่" + _WS + r"โมง|เมนู|อร่อย|ราคา" + _WS + r"(?:อาหาร|จาน)|ที่" + _WS + r"จอด" + _WS + r"รถ"
            + r"|ใบ" + _WS + r"อนุญาต|จำหน่าย" + _WS + r"อาหาร|เสนอ" + _WS + r"ราคา|หัว" + _WS + r"ละ|จัด" + _WS + r"เลี้ยง)"
            r"|\b(?:restaurant|shop|cafe|café)\b[^?\n]{0,40}?\b(?:open(?:ing)?\s+hours|open\s+at|menu)\b|\bwhat\s+time\s+does\s+the\s+(?:restaurant|shop|cafe)\b",
            r"推荐[^。？?]{0,12}?(?:酒店|宾馆|賓館|餐厅|餐廳|景点|景點)|推薦[^。？?]{0,12}?(?:酒店|賓館|餐廳|景點)|(?:ホテル|レストラン)[^。？?]{0,10}?(?:教えて|おすすめ)|(?:호텔|식당)[^.?]{0,10}?추천",
        ),
        negatable=False,
        out_of_scope=True,
    ),
    Concept(
        "media",
        "a film, a TV series or a novel (one called Sister City), not a cooperation",
        patterns=(
            r"ซีรี(?:ย์|ส์|่ส์|่ย์)|ภาพยนตร์|นิยาย|กี่" + _WS + r"ตอน|ดู" + _WS + r"ได้" + _WS + r"(?:ที่|ทาง)" + _WS + r"(?:ไหน|แอป|ช่อง)",
            # "หนังเรื่อง Sister City ที่เพิ่งเข้าโรง ใครเล่นบ้าง" (not หนังสือ, a letter).
            r"หนัง(?!สือ)" + _WS + r"เรื่อง|โรง" + _WS + r"หนัง|ใคร" + _WS + r"(?:เป็น" + _WS + r")?(?:เล่น|แสดง)|ฉาย" + _WS + r"(?:ที่" + _WS + r")?โรง",
            r"\b(?:tv\s+)?series\b|\bmovie\b|netflix|\bepisodes?\b|电视剧|ドラマ|드라마",
            # A song called เมืองพี่เมืองน้อง: its chords, its words, who wrote or sings it.
            r"คอร์ด|เนื้อ" + _WS + r"เพลง|เพลง" + _WS + r"[\"“'‘][^\"”'’\n]{0,40}[\"”'’][^?\n]{0,60}?ใคร" + _WS + r"(?:เป็น" + _WS + r"(?:คน" + _WS + r")?)?(?:แต่ง|ร้อง)"
            # (Not a bare "song": karaoke Thai writes ส่งเสริม "song serm".)
            r"|\bsong\s+(?:called|named|titled)\b|\blyrics\b|\bguitar\s+chords\b",
        ),
        negatable=False,
        out_of_scope=True,
    ),
    Concept(
        "sports-result",
        "a match's result or a ground to book (a friendly called ศึกเมืองพี่เมืองน้อง), not a cooperation",
        patterns=(
            r"ผล" + _WS + r"(?:บอล|ฟุตบอล)|ผล" + _WS + r"(?:การ" + _WS + r")?แข่ง(?:" + _WS + r"ขัน)?[^?\n]{0,40}?(?:ยัง" + _WS + r"ไง|อย่าง"
            + _WS + r"ไร|เป็น" + _WS + r"ไง|ออก" + _WS + r"มา)|ใคร" + _WS + r"ชนะ|ชนะ" + _WS + r"กี่" + _WS + r"ประตู|สกอร์|ขอ" + _WS
            + r"ใช้" + _WS + r"สนาม|กี่" + _WS + r"ต่อ" + _WS + r"กี่",
            # "ตามกติกาฟุตบอลเปลี่ยนตัวได้กี่คน ใช้กรรมการผู้ตัดสินกี่คน": the rules of the game, not of cooperation.
            r"กติกา" + _WS + r"(?:การ" + _WS + r")?(?:ฟุตบอล|กีฬา|ฟีฟ่า|fifa|การ" + _WS + r"แข่ง)|เปลี่ยน" + _WS + r"ตัว" + _WS + r"(?:ได้" + _WS + r")?กี่|กรรมการ" + _WS
            + r"ผู้" + _WS + r"ตัด" + _WS + r"สิน",
            # "ฟุตบอลนัดเมืองพี่เมืองน้อง…เมื่อวาน ผลออกมาเท่าไหร่": the score of a match.
            r"(?:บอล|นัด|แมตช์|เกม)[^?\n]{0,60}?ผล" + _WS + r"(?:ออก" + _WS + r"มา" + _WS + r")?(?:เท่า" + _WS + r"(?:ไหร่|ไร)|ยัง" + _WS
            + r"ไง|เป็น" + _WS + r"(?:ไง|ยัง" + _WS + r"ไง))",
            r"เงิน" + _WS + r"รางวัล|ถ้วย" + _WS + r"รางวัล|(?:ที่" + _WS + r")?สนาม" + _WS + r"(?:ไหน|ใด)" + _WS + r"ดี|ทีม" + _WS + r"ฟุตบอล[^?\n]{0,60}?ท้า" + _WS
            + r"แข่ง|แข่ง" + _WS + r"(?:ขัน" + _WS + r")?(?:ฟุตบอล|กีฬา)[^?\n]{0,50}?ระหว่าง" + _WS + r"(?:หมู่" + _WS + r"บ้าน|ชุมชน|โรง" + _WS + r"เรียน)",
            r"\bmatch\s+results?\b|\bfinal\s+score\b|\bwho\s+won\b|\bbook(?:ing)?\s+the\s+(?:stadium|pitch|field)\b",
            # A fixture's ground, kick-off or channel: "เตะที่สนามไหน กี่โมง", "ถ่ายทอดช่องไหน", "ต้องจองสนามกี่วัน".
            # ("บอลิคำไซ" is a Lao province; "ถ่ายทอดเทคนิค" passes on a skill.)
            r"(?:บอล(?![\u0e31-\u0e3a\u0e47-\u0e4e])|นัด|แมตช์|เกม|กีฬา|การ" + _WS + r"แข่ง)[^?\n]{0,80}?(?:ถ่าย" + _WS + r"ทอด" + _WS + r"(?:สด|ช่อง|ทาง)|ช่อง" + _WS + r"(?:ไหน|ใด|อะไร)|กี่" + _WS + r"โมง|สนาม"
            + _WS + r"(?:ไหน|ใด)|เตะ" + _WS + r"(?:ที่|กี่|วัน))|จอง" + _WS + r"สนาม|(?:ค่า" + _WS + r")?เช่า" + _WS + r"สนาม",
            # Vietnamese: "đá giao hữu" (a friendly), "sân vận động … thuê bao nhiêu tiền" (the ground's hire).
            r"đá\s+giao\s+hữu|sân\s+vận\s+động[^.?!]{0,60}?thuê|thuê\s+sân",
        ),
        negatable=False,
        out_of_scope=True,
    ),
    Concept(
        "other-body-contact",
        "asks the number of an embassy, a consulate, a company, a shop or a hotel, not of the office that answers on the rules",
        patterns=(
            r"เบอร์[^\n?]{0,12}?(?:สถาน" + _WS + r"(?:ทูต|เอก" + _WS + r"อัครราชทูต|กงสุล)|กงสุล|บริษัท|ร้าน|โรง" + _WS + r"แรม)",
            r"\b(?:embassy|consulate|company|hotel|restaurant)(?:['’]s)?\s+(?:phone|number|contact)"
            r"|\b(?:phone|number|contact)\s+(?:no\.?\s+)?(?:of|for)\s+the\s+(?:\w+\s+)?(?:embassy|consulate|company|hotel)",
            r"(?:大使馆|大使館|领事馆|領事館|大使館|총영사관|대사관)[^。？?]{0,10}?(?:电话|電話|전화)",
        ),
        negatable=False,
        out_of_scope=True,
    ),
    Concept(
        "partner-own-rules",
        "the partner country's own law or rules asked about ('ประเทศลาวมีกฎหมาย…', \"China's own rules\"), not Thailand's",
        patterns=(
            r"(?:ประเทศ" + _WS + r")?(?:ลาว|จีน|เวียดนาม|ญี่ปุ่น|เกาหลี|กัมพูชา|เมียนมา|พม่า|มาเลเซีย)" + _WS + r"(?:เขา" + _WS + r"|เค้า" + _WS + r")?มี" + _WS + r"(?:กฎหมาย|ระเบียบ)"
            r"|(?:กฎหมาย|ระเบียบ)" + _WS + r"(?:ของ" + _WS + r")?(?:ประเทศ" + _WS + r")?(?:ลาว|จีน|เวียดนาม|ญี่ปุ่น|เกาหลี|กัมพูชา|เมียนมา|พม่า|มาเลเซีย)"
            # "กฎหมายญี่ปุ่นเรื่อง sister city ว่าไง", "กฎหมายลาว เจ้าเมืองเขาเซ็นเองได้ไหม": what the partner's law says.
            r"(?:" + _WS + r"(?:เอง|ว่า|กำหนด|เรื่อง|บอก|เขา|เค้า|เจ้า" + _WS + r"เมือง))",
            r"\b(?:china|laos|lao\s+pdr|vietnam|japan|korea|cambodia|myanmar|malaysia|our\s+country)['’]s\s+own\s+(?:rules|laws?|regulations)"
            r"|\bunder\s+(?:chinese|lao|vietnamese|japanese|korean|cambodian|malaysian)\s+law\b|theo\s+quy\s+định\s+của\s+việt\s+nam"
            r"|日本の(?:法律|地方自治法)では|中国(?:的)?(?:法律|规定)|中國(?:的)?(?:法律|規定)"
            r"|\ble\s+droit\s+français\b|\bla\s+loi\s+française\b|\bdroit\s+français\s+exige",
            # "ตามกฎหมายญี่ปุ่น…", "ต้องขออนุญาตกระทรวงไหนของญี่ปุ่น": by the partner's law, from its ministries.
            r"ตาม" + _WS + r"(?:กฎหมาย|ระเบียบ)" + _WS + r"(?:ของ" + _WS + r")?(?:ประเทศ" + _WS + r")?(?:ลาว|จีน|เวียดนาม|ญี่ปุ่น|เกาหลี|กัมพูชา|เมียนมา|พม่า|มาเลเซีย)"
            r"|กระทรวง" + _WS + r"(?:ไหน|ใด|อะไร)?" + _WS + r"ของ" + _WS + r"(?:ประเทศ" + _WS + r")?(?:ลาว|จีน|เวียดนาม|ญี่ปุ่น|เกาหลี|กัมพูชา|เมียนมา|พม่า|มาเลเซีย)",
            # The partner's own ministries' approval ("需要报外交部审批吗", "総務省への届出", "행정안전부 승인"), and
            # "In Japan, what procedure must a town follow…": the partner country's procedure.
            r"(?:外交部|国务院|國務院|総務省|总务省|外務省|행정안전부|행안부|외교부)[^。？?]{0,30}?(?:审批|審批|批准|届出|許可|承認|승인|허가|신고)"
            r"|(?:报|報)\s*(?:外交部|国务院|國務院)|\bsister\s+cities\s+international\b"
            # "日本の市町村が姉妹都市を結ぶとき、日本のどの省庁の承認が必要ですか": the partner country's own ministries.
            r"|(?:日本|中国|韓国|ベトナム|ラオス)の(?:どの)?(?:省庁|官庁|中央官庁)|どの省庁"
            # "ฝั่งจีน เมืองที่อยากทำ…ต้องขออนุมัติจากหน่วยงานไหนของเขา": an office of the partner's own side.
            r"|(?:หน่วย" + _WS + r"งาน|กระทรวง|กรม)" + _WS + r"(?:ไหน|ใด|อะไร)" + _WS + r"(?:ของ" + _WS + r"(?:เขา|เค้า|ฝั่ง" + _WS + r"(?:เขา|เค้า|นั้น)|ฝ่าย"
            + _WS + r"(?:เขา|เค้า))|ฝั่ง" + _WS + r"(?:เขา|เค้า))(?![ก-๛])"
            r"|^\s*in\s+(?:japan|china|korea|south\s+korea|vietnam|laos|cambodia|malaysia|myanmar)\s*,\s*(?:what|how|does|do|must|is|are|can)\b",
            # "ที่ญี่ปุ่น เมืองเล็กๆ จะทำ 姉妹都市 ต้องให้สภาเมืองของเขาอนุมัติก่อนไหม": the partner country's own procedure.
            r"^\s*(?:ที่|ใน)" + _WS + r"(?:ประเทศ" + _WS + r")?(?:ลาว|จีน|เวียดนาม|ญี่ปุ่น|เกาหลี|กัมพูชา|เมียนมา|พม่า|มาเลเซีย)[\s,]"
            r"[^?\n]{0,80}?(?:ของ" + _WS + r"(?:เขา|เค้า)|ที่" + _WS + r"นั่น|(?:รัฐบาล|กระทรวง)[^\s]{0,6}" + _WS
            + r"(?:ของ" + _WS + r")?(?:ประเทศ" + _WS + r")?(?:ลาว|จีน|เวียดนาม|ญี่ปุ่น|เกาหลี|กัมพูชา|เมียนมา|พม่า|มาเลเซีย))",
        ),
        negatable=False,
        out_of_scope=True,
    ),
    Concept(
        "state-treaties",
        "the treaties Thailand itself has with a country (its border treaties, which and when), not an LAO's agreement",
        patterns=(
            r"(?:ไทย|ประเทศ" + _WS + r"ไทย)" + _WS + r"(?:กับ|และ)" + _WS + r"(?:ประเทศ" + _WS + r")?(?:ลาว|จีน|เวียดนาม|ญี่ปุ่น|เกาหลี|กัมพูชา|เมียนมา|พม่า|มาเลเซีย)"
            + _WS + r"(?:มี|ทำ|ลง" + _WS + r"นาม)" + _WS + r"(?:สนธิ" + _WS + r"สัญญา|ความ" + _WS + r"ตกลง)[^?\n]{0,30}?(?:ฉบับ" + _WS + r"(?:ไหน|ใด)|อะไร"
            + _WS + r"บ้าง|กี่" + _WS + r"ฉบับ|ปี" + _WS + r"(?:อะไร|ไหน))|สนธิ" + _WS + r"สัญญา" + _WS + r"(?:เขต" + _WS + r"แดน|ปัก" + _WS + r"ปัน)",
            r"\bwhich\s+treaties\s+(?:has|did|does)\s+thailand\b|\bborder\s+treat(?:y|ies)\b",
        ),
        negatable=False,
        out_of_scope=True,
    ),
    Concept(
        "news-request",
        "a news story asked about or to be summarised (two countries' MOU in the news), not an LAO's cooperation",
        patterns=(
            r"ข่าว" + _WS + r"(?:เมื่อ|วันนี้|ล่าสุด|ที่" + _WS + r"(?:ไทย|รัฐบาล|นายก))|สรุป" + _WS + r"ข่าว|\bin\s+the\s+news\b|\bnews\s+(?:story|report|article)"
            r"|新闻|新聞|ニュース|뉴스|tin\s+tức",
        ),
        negatable=False,
        out_of_scope=True,
    ),
    Concept(
        "coursework",
        "an exam or homework question (international law as a subject), not a question about what an LAO may do",
        patterns=(
            r"ข้อ" + _WS + r"สอบ|การ" + _WS + r"บ้าน(?:" + _WS + r"วิชา)?|\bexam(?:ination)?\s+question|\bhomework\b",
        ),
        negatable=False,
        out_of_scope=True,
    ),
    Concept(
        "translate-request",
        "a translation asked of the bot ('แปลคำว่าเมืองพี่เมืองน้องเป็นภาษาเวียดนาม'), not a question about the rules",
        patterns=(
            # Asked for ("ช่วยแปล…", "…เป็นภาษาเวียดนามให้หน่อย"), not told of ("แปลเป็นไทยได้ว่า 'ข้อตกลงความร่วมมือ'").
            r"ช่วย" + _WS + r"แปล|ขอ" + _WS + r"(?:คำ" + _WS + r")?แปล|แปล[^\n?]{0,40}?(?:เป็น|จาก)" + _WS
            + r"(?:ภาษา|อังกฤษ|จีน|ญี่ปุ่น|เกาหลี|ลาว|เวียดนาม|ไทย|ฝรั่งเศส)[^\n?]{0,30}?ให้" + _WS + r"(?:หน่อย|ด้วย|ที|ได้)",
            r"^[^a-z]{0,3}(?:please\s+)?translate\b|\b(?:can|could)\s+you\s+(?:please\s+)?translate\b|\bhelp\s+(?:me\s+|us\s+)?translate\b"
            r"|请翻译(?!公司)|帮(?:我|忙)翻译|翻訳して|번역해",
        ),
        negatable=False,
        out_of_scope=True,
    ),
    Concept(
        "chat-with-bot",
        "small talk or an opinion asked of the bot itself (\"บอทคิดว่า…\", \"ถ้าบอทเป็นเมือง…\"), not a rule",
        patterns=(
            # ("งั้นถามบอทว่าเทศบาลทำได้ไหม" asks the bot a rule, in a thread pasted.)
            r"(?:ถ้า" + _WS + r")?(?<!ถาม)(?<!ถาม\s)(?:บอท|น้อง" + _WS + r"บอท)" + _WS + r"(?:คิด|เป็น|เคย|ชอบ|อยาก|ว่า|กับ|เก่ง|มี" + _WS + r"ความ" + _WS + r"เห็น)"
            r"|ส่วน" + _WS + r"ตัว" + _WS + r"(?:บอท|คุณ)|ปลอบ" + _WS + r"ใจ|chatgpt|\byour\s+(?:own\s+)?(?:opinion|view)\b|\bdo\s+you\s+(?:think|like)\b",
        ),
        negatable=False,
        out_of_scope=True,
    ),
    Concept(
        "weather-or-money-rate",
        "the weather at a destination or an exchange rate, not a rule",
        patterns=(
            r"อากาศ" + _WS + r"(?:ช่วง|ที่|เป็น" + _WS + r"ยัง|หนาว|ร้อน|จะ|ดี" + _WS + r"ไหม)|(?:หนาว|ร้อน)" + _WS + r"(?:ไหม|มั้ย|หรือ" + _WS + r"เปล่า)|เสื้อ" + _WS + r"กัน"
            + _WS + r"หนาว|พยากรณ์" + _WS + r"อากาศ|ฝน" + _WS + r"(?:จะ" + _WS + r")?ตก" + _WS + r"(?:ไหม|มั้ย|หรือ" + _WS + r"เปล่า|บ่)",
            r"อัตรา" + _WS + r"แลก" + _WS + r"เปลี่ยน" + _WS + r"(?:วัน" + _WS + r"นี้|ตอน" + _WS + r"นี้|เท่า" + _WS + r"(?:ไร|ไหร่))|(?:หยวน|ดอลลาร์|เยน|วอน|กีบ|จ๊าด|ด่อง|ริงกิต|ยูโร)" + _WS + r"ละ" + _WS + r"กี่" + _WS + r"บาท",
            r"\bweather\b|\bexchange\s+rate\s+(?:today|now|is)|\bwhat\s+is\s+the\s+exchange\s+rate|天气|天氣|天気|날씨|thời\s+tiết|汇率|匯率|為替|환율|tỷ\s+giá",
        ),
        negatable=False,
        out_of_scope=True,
    ),
    Concept(
        "channel-question",
        "through which channel a letter or an invitation goes (the Ministry of Foreign Affairs, an embassy, e-mail): not in the sources",
        patterns=(
            r"(?:ส่ง|ยื่น)[^\n?]{0,40}?(?:ผ่าน|ทาง)" + _WS + r"(?:กระทรวง" + _WS + r"การ" + _WS + r"ต่าง" + _WS + r"ประเทศ|กต(?![ก-๛])|สถาน" + _WS
            + r"(?:ทูต|กงสุล|เอก" + _WS + r"อัครราชทูต))|ส่ง" + _WS + r"อีเมล" + _WS + r"(?:ไป" + _WS + r")?ตรง",
            r"\b(?:through|via)\s+(?:the\s+)?(?:embassy|consulate|ministry\s+of\s+foreign\s+affairs|mfa)\b",
        ),
        negatable=False,
        out_of_scope=True,
    ),
    Concept(
        "task-request",
        "a task asked of the bot (translate, write or draft something), not a question about the rules",
        patterns=(
            r"ช่วย" + _WS + r"(?:แปล|เขียน|ร่าง|พิมพ์|เรียบ" + _WS + r"เรียง|ทำ" + _WS + r"(?:หนังสือ|ร่าง|สไลด์|คำ" + _WS + r"แปล))"
            r"|แปล[^\n?]{0,40}?(?:เป็น|จาก)" + _WS + r"(?:ภาษา|อังกฤษ|จีน|ญี่ปุ่น|เกาหลี|ลาว|เวียดนาม|ไทย)",
            # ("泰文版可以请翻译公司做": a translation firm will do it, nothing asked of us.)
            r"\btranslate\b|\b(?:write|draft)\s+(?:me|us|for\s+(?:me|us))\b|翻译(?!公司)|翻訳|번역",
        ),
        negatable=False,
    ),
    Concept(
        "district-actor",
        "the district (อำเภอ) itself would act, in its own name: no province, no LAO",
        patterns=(
            # "ตัวอำเภอเองจะไปทำ…": the district, not the province it is part of.
            r"(?:^|\s)(?:ถ้า|หาก|แล้ว)?(?:ที่" + _WS + r"ว่า" + _WS + r"การ" + _WS + r"|ตัว" + _WS + r"|ทาง" + _WS + r")?อำเภอ[ก-๛]{0,15}?" + _WS + r"(?:เอง)?" + _WS
            + r"(?:จะ|อยาก|ต้องการ|ประสงค์)" + _WS + r"(?:ไป" + _WS + r"|เป็น" + _WS + r"เจ้า" + _WS + r"ภาพ" + _WS + r")?(?:ทำ|ลง" + _WS + r"นาม|เซ็น|สถาปนา)|ใน" + _WS + r"นาม" + _WS + r"(?:ของ" + _WS + r")?อำเภอ",
        ),
        negatable=False,
    ),
    Concept(
        "other-framework",
        "another framework asked for instead of a sister city, not another name for one (set from 'alternative')",
    ),
    Concept(
        "sister-city-denied",
        "a sister city denied in so many words beside an agreement that is asked, nothing restricting said (set in detection)",
    ),
    Concept(
        "ban-confirmed",
        "the sister-city ban asked only to be confirmed, then what else may be done (set in detection)",
    ),
    Concept(
        "province-sister-city",
        "the province's own sister city, named as where a gift, a trip or an event comes from (set in detection)",
    ),
    Concept(
        "plain-name",
        "a sister city called only \"เมืองพี่เมืองน้อง\" or \"sister city\", no other name (set from the sister-city mentions)",
    ),
    Concept(
        "this-letter",
        "the letter in hand, named without its number (\"หนังสือฉบับนี้\", \"หัวกระดาษ\", a receiving stamp)",
        patterns=(
            r"หนังสือ(?:[^\n?]{0,50}?ฉบับ|" + _WS + r"เวียน)?" + _WS + r"นี้",
            r"this\s+(?:circular|letter|notice)|the\s+circular\b|本通知|本函|この通達|この文書|이\s*공문",
        ),
        negatable=False,
    ),
    Concept(
        "lao-actor",
        "a local government organisation (อบต., เทศบาล, อบจ.) is who would act",
        patterns=(
            # A Thai municipality as a Khmer or Burmese partner writes it: "សាលាក្រុង… ប្រទេសថៃ", "ထိုင်း ဒေသန္တရ အုပ်ချုပ်ရေးအဖွဲ့".
            r"សាលា\s*ក្រុង(?:\s*ថៃ|[^។?]{0,40}?ប្រទេស\s*ថៃ)|ထိုင်း\s*(?:နိုင်ငံ\s*)?(?:[^\s။]+\s*){0,2}?ဒေသန္တရ\s*အုပ်ချုပ်ရေး\s*အဖွဲ့",
        ),
        terms=("อปท",),
        negatable=False,
    ),
    Concept(
        "statute",
        "what an Act or a section says (พ.ร.บ., มาตรา)",
        patterns=(
            r"(?:พ\.?" + _WS + r"ร\.?" + _WS + r"บ\.?|พระราช" + _WS + r"บัญญัติ)" + _WS + r"(?:เทศบาล|สภา" + _WS + r"ตำบล|องค์การ|อบต|อบจ|กำหนด" + _WS + "แผน|กระจาย|ฉบับ" + _WS + r"(?:ไหน|ใด))",
            r"มาตรา" + _WS + r"(?:ไหน|ใด|อะไร|\d+)|กฎหมาย" + _WS + r"(?:ข้อ|มาตรา|ฉบับ)" + _WS + r"(?:ไหน|ใด)" + r"|กฎหมาย[^\s]{0,10}ให้" + _WS + "อำนาจ",
            r"(?:municipal|municipality|tambon|tao|sao|subdistrict|council|local\s+government|provincial\s+administrative\s+organi[sz]ation|decentrali[sz]ation)\s+act\b|which\s+section",
            # "the Tambon Council and Tambon Administrative Organization Act", "the specific section", "provision of Thai law".
            r"administrative\s+organi[sz]ation\s+act\b|\bspecific\s+section|\bsection\s+\d+\s+of\s+the\b|provisions?\s+of\s+thai\s+law|\bthai\s+statutes?\b",
        ),
        negatable=False,
    ),
    Concept(
        "special-form-lao",
        "Bangkok or Pattaya: special-form LAOs under their own Acts (the circular addresses เทศบาลตำบล and อบต.)",
        # Bangkok as where someone is ("สถานทูตในกรุงเทพ", "an embassy in Bangkok") is not Bangkok acting.
        patterns=(_NOT_AT + r"(?:กทม|กรุงเทพ" + _WS + r"มหา" + _WS + r"นคร|เมือง" + _WS + r"พัทยา|bangkok|pattaya)",),
        negatable=False,
    ),
    Concept(
        "province-actor",
        "the province itself (its governor) would act, and no LAO is named",
        patterns=(
            # "จังหวัดจะทำ", "จังหวัดมุกดาหารเฮ็ดได้บ่", "แล้วจังหวัดน่านเองล่ะ".
            r"จังหวัด[\u0e01-\u0e4e]{0,20}?" + _WS + r"(?:เอง)?" + _WS + r"(?:จะ|อยาก|ต้องการ|ประสงค์|ได้|ยัง(?:" + _WS + r"(?:จะ|ได้))?)?" + _WS
            + r"(?:ทำ|เฮ็ด|ยะ|สถาปนา|จับ" + _WS + "คู่|มี|เป็น|ลง" + _WS + "นาม|เซ็น|พิจารณา|เลือก|ดำเนิน" + _WS + r"การ|รับ" + _WS
            + r"(?:หนังสือ|ข้อ" + _WS + r"เสนอ|การ" + _WS + r"ทาบทาม))",
            r"(?:^|\s)(?:แล้ว|ส่วน)?" + _WS + r"จังหวัด[\u0e01-\u0e4e]{0,20}?" + _WS + r"(?:เอง)?" + _WS + r"(?:ล่ะ|ละ|หละ)",
            # "ท่านผู้ว่าฯ ไปประชุมที่เวียดนามมาแล้วอยากสถาปนา…", "ทำงานที่สำนักงานจังหวัด", "อยู่ศาลากลาง".
            r"ผู้" + _WS + r"ว่า(?:ฯ|ราชการ[^\s]{0,12})?[^\n?]{0,40}?(?:อยาก|จะ|ต้องการ|สั่ง|ประสงค์|มอบ" + _WS + r"(?:หมาย" + _WS + r")?ให้)"
            # "ถ้าเป็นระดับจังหวัด ผู้ว่าฯ ทำเมืองพี่เมืองน้องได้": the governor as the one who does it.
            r"|ผู้" + _WS + r"ว่า(?:ฯ|ราชการ" + _WS + r"จังหวัด)?" + _WS + r"(?:เป็น" + _WS + r"(?:ผู้|คน)" + _WS + r")?(?:ทำ|สถาปนา|ลง" + _WS + r"นาม|เซ็น|ดำเนิน" + _WS + r"การ)"
            r"|(?:ทำ" + _WS + r"งาน|ปฏิบัติ" + _WS + r"งาน|ประจำ|สังกัด|อยู่|จาก|ของ|เป็น|คือ)" + _WS + r"(?:ที่" + _WS + r")?(?:สำนักงาน" + _WS
            + r"จังหวัด|ศาลา" + _WS + r"กลาง)"
            # "เจ้าหน้าที่กลุ่มงานยุทธศาสตร์จังหวัดค่ะ": a group of the provincial office (its strategy or foreign-affairs desk).
            r"|กลุ่ม" + _WS + r"งาน" + _WS + r"(?:ยุทธ" + _WS + r"ศาสตร์|การ" + _WS + r"ต่าง" + _WS + r"ประเทศ|วิเทศ)[^\n?]{0,40}?จังหวัด(?!" + _WS + r"(?:อื่น|ข้าง))"
            # "…ขอทำความสัมพันธ์ 자매결연 กับจังหวัดเรา": the province is the partner, so who would act.
            r"|กับ" + _WS + r"จังหวัด" + _WS + r"(?:ของ" + _WS + r")?เรา(?![ก-๛])|ฝ่าย" + _WS + r"เลขา[^\s]{0,4}" + _WS + r"ผู้" + _WS + r"ว่า"
            r"|(?:เป็น|คือ)" + _WS + r"จังหวัด(?:" + _WS + r"(?:นะ|ครับ|ค่ะ|เอง))?(?=\s|$|[,.])"
            # Asked about the province level from abroad: "주 차원에서 … 가능한가요", "府级", "県レベル".
            r"|(?:ฝ่าย|ฝั่ง)\s*ไทย?\s*(?:ระดับ\s*)?จังหวัด|จังหวัด\s*เป็น\s*ผู้\s*(?:สถาปนา|ลงนาม)"
            r"|주\s*차원|도\s*차원|짱왓\s*(?:차원|단위)|府级|府一级|府一級|泰[国國][^。？?，,、]{0,10}?(?:的|一个|一個)府|県レベル|県単位|タイ側の県|泰国的府|泰國的府|タイの県|태국의\s*(?:주|도|짱왓)|(?:a|the|our|thai)\s+province\s+(?:wants|would|will|can|may|set|pair|establish|should|must"
            r"|consider|weigh|look|sign|enter|make|twin|have|has|need|do|become|conclude|choose|pick)",
            r"\b(?:can|could|may|should|does|do|must)\s+(?:a|the|our)\s+(?:thai\s+)?province\b(?![\s\-]*(?:only|level|rule))",
            r"(?:what|how)\s+about\s+(?:the|a|our)\s+province|(?:the|a)\s+province\s+itself",
            # A partner abroad pairs with a Thai province: "with a Thai province", "주(province) 단위로".
            r"(?:with|and|to)\s+(?:a\s+|an\s+|the\s+|one\s+)?thai\s+provinces?\b(?!\s*'s)",
            r"thailändische\s+provinz|provincia\s+tailandesa|province\s+thaïlandaise|\bprovinsi\s+(?:thailand|thai)\b"
            r"|\b(?:dengan|bersama)\s+(?:provinsi|wilayah)\b|ខេត្ត\s*ថៃ",
            r"(?:주|도)\s*(?:\([^)]{0,20}\)\s*)?(?:단위|차원|급)",
        ),
        negatable=False,
    ),
    Concept(
        "asks-contact",
        "asks for a telephone number or whom to call, not what a letter says",
        patterns=(
            r"(?:ขอ|มี|หา|ส่ง)" + _WS + r"(?:แค่" + _WS + r")?เบอร์|เบอร์" + _WS + r"(?:โทร|ติดต่อ|อะไร|ไหน|ไร|ของ)|โทร" + _WS + r"(?:ไป" + _WS
            + r")?(?:ถาม|หา|ติดต่อ)|ติดต่อ" + _WS + r"(?:ใคร|ที่" + _WS + r"ไหน|หน่วย" + _WS + r"งาน" + _WS + r"ไหน)|คุย" + _WS + r"กับ" + _WS
            + r"เจ้า" + _WS + r"หน้าที่",
            r"phone\s+number|telephone|who\s+(?:do|can|should)\s+(?:i|we)\s+call|(?:whom|who)\s+to\s+call",
            # "ต้องถามที่ไหน", "ควรปรึกษาหน่วยงานไหน": where to ask.
            r"(?:ถาม|สอบ" + _WS + r"ถาม|ปรึกษา|หารือ)" + _WS + r"(?:ได้" + _WS + r")?(?:ที่" + _WS + r"ไหน|หน่วย" + _WS + r"งาน" + _WS + r"(?:ไหน|ใด))",
            r"어디에\s*문의|문의\s*(?:처|할\s*곳)|どこに問い合わせ|向哪里咨询|问哪里|hỏi\s+ở\s+đâu|liên\s+hệ\s+(?:ở\s+)?đâu|ဖုန်း\s*နံပါတ်|ဆက်သွယ်\s*ရ(?!\s*ေး)|លេខ\s*ទូរស័ព្ទ|\bphone\s+no\b|打哪个电话|打哪個電話|哪个电话|哪個電話|電話諮詢|电话咨询|問い合わせ先|電話番号|联系电话|聯絡電話|联系方式|聯絡方式|연락처|전화\s*번호|số\s+điện\s+thoại|nombor\s+telefon|nomor\s+telepon",
        ),
        negatable=False,
    ),
    Concept(
        "asks-may",
        "asks whether something is allowed (may we, can the province, is it still possible), not how or what",
        patterns=(
            # Not a favour asked ("ช่วยสรุปให้หน่อยได้ไหม"): that asks for something, not whether it is allowed.
            r"(?<!หน่อย)(?<!ให้)(?<!ที)ได้" + _WS + r"(?:(?:อยู่|เลย)" + _WS + r")?(?:ไหม|มั้ย|มั๊ย|ไม(?![ก-๛])|ไม๊|มะ|บ่|ก่|ก่อ|ป่ะ|ปะ|ป่าว|เปล่า|หรือ" + _WS + r"(?:ไม่|เปล่า|ป่าว)|รึ" + _WS
            + r"(?:เปล่า|ป่าว|ไม่))",
            # "…ได้อยู่ใช่ไหม", "ไม่ได้เหมือนกันใช่ไหม", "ห้ามทุกระดับใช่ป่ะ", "ไม่ขัดหนังสือใช่ไหม".
            r"(?:ได้|ห้าม|ขัด)[ก-๛\s]{0,24}?(?:ใช่|จริง|ถูก(?:" + _WS + r"ต้อง)?)" + _WS + r"(?:ไหม|มั้ย|มั๊ย|มะ|ป่ะ|ปะ|ป่าว|หรือ|เปล่า|บ่)",
            r"ขัด[ก-๛\s]{0,30}?(?:ไหม|มั้ย|มั๊ย|หรือ" + _WS + r"(?:ไม่|เปล่า)|บ่)",
            # "ฉบับแก้นี้ส่งลงนามได้หรือยัง": may it be signed now.
            r"(?<!หน่อย)(?<!ให้)ได้" + _WS + r"(?:หรือ|รึ)" + _WS + r"ยัง",
            r"\b(?:can|could|may)\s+(?:we|our|i|the|a|an|it|they|thai|(?:[a-z]+\s+){1,3}province)\b|\b(?:is|are)\s+(?:it|this|that|they)\s+"
            r"(?:still\s+)?(?:allowed|permitted|possible|ok|okay|legal)|\ballowed\b|\bpermitted\b",
            r"可以|能否|能不能|是否可以|できますか|できるでしょうか|可能でしょうか|可能ですか|가능한가요|가능합니까|가능할까요|될까요|할\s*수\s*있"
            r"|có\s+được\s+không|được\s+không|có\s+thể",
            # "정말 안 되는 건가요?", "해도 되나요", "よろしいでしょうか", "構いませんか", "行不行".
            r"안\s*되(?:는|나|죠)|되나요|되는\s*건가요|해도\s*(?:되|괜찮)|よろしいでしょうか|よいでしょうか|いいですか|構いませんか|行不行|行吗|行嗎",
            r"បាន\s*(?:ដែរ\s*)?(?:ឬ\s*)?ទេ|နိုင်\s*(?:ပါ\s*)?သလား|ခွင့်\s*ရှိ\s*(?:ပါ\s*)?သလား|ရ\s*(?:ပါ\s*)?သလား|\bboleh(?:kah)?\b|est[\s\-]+(?:ce|il)\s+possible"
            r"|\bpouvons[\s\-]+nous\b|\bpeut[\s\-]+on\b|\bes\s+posible\b|\bse\s+puede\b|\bpodemos\b|\bdai\s*mai\b",
        ),
        negatable=False,
    ),
    Concept(
        "partner-level",
        "what level or kind the foreign partner must be (a village, a small town, a district-level town)",
        patterns=(
            r"หมู่" + _WS + r"บ้าน|เมือง" + _WS + r"เล็ก|ระดับ" + _WS + r"(?:ไหน|ใด|อะไร|อำเภอ|หมู่" + _WS + r"บ้าน|ตำบล)|ต้อง" + _WS
            + r"(?:เป็น" + _WS + r")?(?:หน่วย" + _WS + r")?ระดับ|เทียบ" + _WS + r"เท่า|ฐานะ",
            r"เล็ก\s*ๆ|ประชากร|population|\bcommunes?\b|\bxã\b|면(?![가-힣])|읍(?![가-힣])|(?:กับ|เป็น)\s*(?:ตำบล|หมู่\s*บ้าน|อำเภอ|เทศบาล)[^\n]{0,30}?(?:ใน|ของ|ที่)\s*(?:ต่าง|ญี่ปุ่น|จีน|ลาว|เกาหลี|เวียดนาม|กัมพูชา|พม่า|เมียนมา|ฝรั่งเศส|มาเลเซีย|แขวง)",
            r"(?<![一-龥])村|小さ(?:な|い)\s*(?:町|村|市)|小[镇鎮城村]|작은\s*(?:마을|도시|군|읍|면)|마을|village|small\s+(?:town|city|municipalit\w+)"
            r"|(?:what|which)\s+level|equivalent|same\s+level",
            # The kind of partner named as what is asked: "pair with a US state", "กับมลรัฐหนึ่ง".
            r"pair(?:ed)?\s+with|(?:us|u\.s\.|american)\s+state|มล" + _WS + r"รัฐ",
        ),
        negatable=False,
    ),
    Concept(
        "letter-question",
        "a question about a letter's own details (its date, who signed it, to whom, what it refers to)",
        patterns=(
            r"ลง" + _WS + r"วัน|วัน" + _WS + r"ที่" + _WS + r"(?:เท่า|ไหน)|ใคร" + _WS + r"(?:เป็น" + _WS + ")?(?:ลง" + _WS + "นาม|เซ็น|ออก)"
            r"|ผู้" + _WS + r"(?:ลง" + _WS + "นาม|ออก)|ลง" + _WS + r"นาม" + _WS + r"(?:ใน|ท้าย)" + _WS + r"หนังสือ|ส่ง" + _WS + r"ถึง|เรียน" + _WS + r"ใคร|ออก" + _WS + r"โดย|(?:ของ|จาก)" + _WS
            + r"หน่วย" + _WS + r"(?:ไหน|ใด)|อ้าง" + _WS + r"ถึง|สิ่ง" + _WS + r"ที่" + _WS + r"ส่ง" + _WS + r"มา|แนบ|เลข" + _WS
            + r"(?:ที่|รับ)|สรุป(?!" + _WS + r"(?:ว่า|แล้ว|คือ))|สาระ|เรื่อง" + _WS + r"(?:อะไร|อะหยัง)|ว่า" + _WS + r"(?:อย่าง" + _WS + r"ไร|ยัง" + _WS + r"ไง|ไง)|ตรา|หัว" + _WS + r"กระดาษ",
            r"(?:เซ็น|ลง" + _WS + r"นาม)" + _WS + r"เอง|ต้น" + _WS + r"เรื่อง|(?<![ก-ฮ])ลว(?=\s*(?:เท่า|วัน|ที่|\d|$))",
            r"\bdated?\b|who\s+(?:signed|issued|sent|wrote)|\bissued\b|addressed|refers?\s+to|referenc\w+|attach\w+|signed\s+by"
            r"|signator\w+|enclos\w+|summar\w+"
            r"|what\s+does\s+it\s+say|when\s+was",
        ),
        negatable=False,
    ),
    Concept(
        "which-office",
        "which office or division (in DLA, the Ministry, the province) handles LAO agreements or sister-city policy",
        patterns=(
            r"(?:กอง|สำนัก|ฝ่าย|ส่วน|หน่วย" + _WS + r"(?:งาน)?)" + _WS + r"(?:ไหน|ใด)" + _WS + r"(?:ใน|ของ|ที่|รับ" + _WS + "ผิดชอบ|ดู|บ้าง|จัด" + _WS
            + r"การ|เป็น" + _WS + r"เจ้า" + _WS + r"ภาพ)",
            r"อยู่" + _WS + r"(?:ที่" + _WS + r")?(?:กอง|สำนัก|หน่วย" + _WS + r"(?:งาน)?)" + _WS + r"(?:ไหน|ใด)",
            # "ต้องส่งกองไหน", "ส่งไปที่สำนักใด": the division a draft goes to.
            r"ส่ง" + _WS + r"(?:ไป" + _WS + r")?(?:ที่" + _WS + r"|ให้" + _WS + r")?(?:กอง|สำนัก)" + _WS + r"(?:ไหน|ใด)",
            r"(?:ใน|ของ)" + _WS + r"(?:สถ|กรม|กระทรวง|มท)[^\s]{0,30}?(?:กอง|สำนัก|ฝ่าย|หน่วย)" + _WS + r"(?:ไหน|ใด)",
            r"(?:มี" + _WS + r"กอง|กอง" + _WS + r"(?:การ" + _WS + r"ต่าง" + _WS + r"ประเทศ|พัฒนา)|ใน" + _WS + r"ความ" + _WS + r"ดูแล" + _WS
            + r"ของ|หน่วย" + _WS + r"งาน" + _WS + r"(?:ที่" + _WS + r"ดูแล|ระดับ)|สถ" + _WS + r"จ" + _WS + r"กับ" + _WS + r"สถ" + _WS + r"อ)",
            r"which\s+(?:(?:dla|moi|ministry|government|central)\s+)?(?:division|office|department|unit|bureau)|what\s+offices",
            # "담당하는 부서는 어디", "어느 부서", "担当部署", "どの部署", "哪个部门", "phòng ban nào", "cơ quan nào phụ trách".
            r"담당\s*(?:하는\s*)?부서|어느\s*부서|担当部署|どの部署|哪个部门|哪個部門|负责的部门|負責的部門|phòng\s+ban\s+nào|cơ\s+quan\s+nào(?:\s+[^\s?]+){0,4}?\s+phụ\s+trách",
        ),
        negatable=False,
    ),
    Concept(
        "signing-authority",
        "who signs an agreement for the LAO, whether signing can be delegated, or whether its council must approve it",
        patterns=(
            # "ใครเซ็น", not "ส่งให้ใครดูก่อนเซ็น" (who reviews it first: the procedure).
            r"ใคร(?:(?!ก่อน|ดู|ตรวจ|อนุมัติ)[^\s]){0,14}(?:ลง" + _WS + "นาม|เซ็น)(?!" + _WS + r"(?:เมือง|sister))",
            r"ผู้" + _WS + r"ลง" + _WS + r"นาม|(?:ลง" + _WS + "นาม|เซ็น)" + _WS + r"แทน" + _WS + r"(?!รัฐบาล|ราชอาณาจักร|ประเทศ)"
            r"|มอบ" + _WS + r"(?:อำนาจ|หมาย|ให้).{0,30}?(?:ลง" + _WS + "นาม|เซ็น)|(?:ลง" + _WS + "นาม|เซ็น).{1,40}?แทน(?!" + _WS
            + r"(?:รัฐบาล|ราชอาณาจักร|ประเทศ|เมืองพี่))",
            r"who\s+(?:signs|should\s+sign|must\s+sign|can\s+sign|is\s+to\s+sign)|delegat\w+",
            # "누가 서명해야 하나요", "誰が署名", "由谁签署".
            # Vietnamese: "Phía Thái Lan ai là người ký?", "ký thay", "Hội đồng (Sapha) thông qua".
            # Malay: "Bolehkah timbalan datuk bandar menandatangani … bagi pihak thesaban" (a deputy signing for the LAO).
            r"\btimbalan\s+(?:datuk\s+bandar|yang\s+dipertua|presiden|nayok)\b[^.?!]{0,30}?\bmenandatangani\b"
            r"|\bmenandatangani\b[^.?!]{0,60}?\bbagi\s+pihak\s+(?:thesaban|tambon|majlis|perbandaran|oat|obt)\b"
            r"|\bsiapa\s+(?:yang\s+)?(?:akan\s+|perlu\s+|boleh\s+)?menandatangani\b",
            # Khmer: "ចុះហត្ថលេខាផ្ទាល់ ឬ…ចុះហត្ថលេខាជំនួស" (sign in person, or for him), "ការអនុម័តពីក្រុមប្រឹក្សា" (the council's approval).
            r"ចុះ\s*ហត្ថលេខា\s*(?:ផ្ទាល់|ជំនួស)|អនុម័ត\s*ពី\s*ក្រុម\s*ប្រឹក្សា",
            # Indonesian: "Apakah Nayok dapat menandatangani sendiri, atau perlu persetujuan dewan", "atas namanya".
            r"\bmenandatangani\s+sendiri\b|\bpersetujuan\s+(?:dewan|dprd|majlis|sapha)\b|\bmenandatangani\s+atas\s+nama(?:nya)\b",
            r"\bai\s+(?:là\s+người\s+|sẽ\s+|được\s+)?ký\b|\bký\s+thay\b|(?:hội\s+đồng|sapha)[^.?!]{0,30}?thông\s+qua|代理(?:署名|签署|簽署)|代签|代簽",
            r"누가\s*서명|서명\s*(?:권자|권한)|誰が(?:署名|調印)|谁来签|由谁签|由誰簽|签字人|簽署人|署名者|(?:市長|町長|村長|首長)[^。？?]{0,24}?が(?:署名|調印)する",
            # "รองนายก อบต. ปฏิบัติราชการแทนนายก อบต.": a deputy signing in the mayor's place.
            r"(?:ปฏิบัติ|รักษา)" + _WS + r"ราชการ" + _WS + r"แทน|รอง" + _WS + r"นายก[^\n?]{0,30}?แทน" + _WS + r"นายก",
            # "…หรือต้องให้ปลัดเซ็น": who of the LAO signs ("อบต.ลงนามเองได้ไหม" asks whether the LAO may, instead).
            r"ให้" + _WS + r"(?:ปลัด|รอง" + _WS + r"นายก)[^\s]{0,12}?" + _WS + r"(?:เซ็น|ลง" + _WS + r"นาม)",
            # "Does the chief executive need a council resolution before signing": the council's approval.
            r"\b(?:need|needs|require[sd]?|must\s+(?:get|have|obtain)|without)\b[^.?!]{0,40}?\bcouncil\s+(?:resolution|approval|vote|consent|endorsement)"
            r"|\bapprov\w*\s+(?:of|by|from)\s+(?:the\s+|its\s+|our\s+)?(?:local\s+|municipal\s+)?council",
            # "Can the deputy mayor sign … on the mayor's behalf?": signing for someone.
            r"\bsign\w*\b[^.?!]{0,60}?\bon\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:\w+'s\s+)?behalf\b(?!\s+of\s+(?:thailand|the\s+(?:kingdom|thai|royal|government)))"
            r"|\b(?:deputy|acting)\s+(?:mayor|chief\s+executive|chairman|head)\b[^.?!]{0,30}?\bsign",
            # One person signing alone, past no one: "นายกเซ็นคนเดียวได้ไหม ไม่ต้องผ่านใคร".
            r"(?:ลง" + _WS + r"นาม|เซ็น)[^\n?]{0,40}?คน" + _WS + r"เดียว|ไม่" + _WS + r"ต้อง" + _WS + r"ผ่าน" + _WS + r"(?:ใคร|สภา)",
            # Whether the local council must approve it: the same unsettled procedure ("ต้องผ่านสภา อบต.ไหม");
            # not the National Assembly (รัฐสภา: a treaty) nor a council of another kind.
            r"(?<!รัฐ)(?:ผ่าน|ขอ|เข้า|เสนอ|มติ|อนุมัติ[^\s]{0,4}จาก|เห็นชอบ[^\s]{0,4}จาก|ความเห็นชอบ)" + _WS
            + r"(?:ที่" + _WS + r"ประชุม" + _WS + r")?(?:มติ" + _WS + r")?สภา(?!" + _WS + _OTHER_COUNCILS + r")",
            r"(?<!รัฐ)สภา" + _WS + r"(?:" + _LAO_TYPES + r"\.?|ตำบล|จังหวัด)?" + _WS + r"(?:ต้อง" + _WS + r")?"
            r"(?:อนุมัติ|เห็นชอบ|ลง" + _WS + r"มติ|รับรอง)",
            r"council\b(?!\s+of)[^.?!]{0,24}?\b(?:approv|consent|vote|endorse)"
            r"|(?:approv|consent|endors)\w*\s+(?:by|of|from)\s+(?:the\s+|our\s+)?(?:[a-z]+\s+)?council\b(?!\s+of)",
        ),
        negatable=False,
    ),
)
CONCEPTS_BY_ID = {concept.id: concept for concept in CONCEPT_TABLE}


def concepts_of_rules(rules: Iterable[str]) -> frozenset[str]:
    """Return the concepts the draft checker's rules `rules` mean (Concept.from_rules)."""
    found = set(rules)
    return frozenset(concept.id for concept in CONCEPT_TABLE if found.intersection(concept.from_rules))


# Concepts that put a question outside what the knowledge base is about (see Concept.out_of_scope).
OUT_OF_SCOPE = frozenset(concept.id for concept in CONCEPT_TABLE if concept.out_of_scope)
# Concepts known without the knowledge base (letter:<document id> is added per numbered document).
CONCEPTS: frozenset[str] = frozenset(CONCEPTS_BY_ID) | {UNKNOWN_LETTER, UNKNOWN_RESOLUTION}
_RESOLUTION = re.compile(r"มติ\s*(?:ที่\s*ประชุม\s*)?(?:ครม|คณะ\s*รัฐมนตรี)|cabinet\s+resolution")

# A negator shortly before a mention denies it: "ไม่ใช่", "ไม่ได้จะทำ", "บ่แม่น", "not a", "isn't".
_NEGATOR = re.compile(
    # "มิ" only as a word ("มิใช่", "มิได้"), not inside "พันธมิตร"; "บ่" not inside "บ่อ", "บ่าย", nor the province
    # of Bokeo (ແຂວງບໍ່ແກ້ວ, read as แขวงบ่แก้ว).
    r"(?:ไม่|อย่า(?!ง)|มิ(?=\s*(?:ใช่|ได้|ควร|อาจ|เป็น))|บ่(?![อาย]|\s*แก้ว))(?!\s*(?:ทราบ|แน่ใจ|เข้าใจ|รู้|ว่า|เคย|ได้\s*ยิน|ชัด|ต้องการ|มี\s*(?:ใคร|ที่|ทาง|สิทธิ|อำนาจ)|(?:ได้\s*)?(?:ถูก\s*)?ห้าม))"
    r"|ปราศจาก|หา\s*ใช่"
    # "เราเลิกคิดเรื่องเมืองพี่เมืองน้องแล้ว": the idea given up (not "ยกเลิก", cancelling one there is).
    r"|(?<!ยก)เลิก\s*(?:คิด|สนใจ|ล้ม)(?:\s*เรื่อง)?|ยก\s*เลิก\s*ความ\s*(?:คิด|ตั้ง\s*ใจ)(?:\s*(?:เรื่อง|ที่\s*จะ\s*(?:ทำ|เป็น)))?"
    r"|\b(?:not|no|isn't|aren't|wasn't|isnt|arent|don'?t|doesn'?t|won'?t|never|without|non|rather\s+than|instead\s+of"
    r"|bukan|tidak|tanpa|nothing|neither)\b"
    r"|不是|並非|并非|不做|不签|不簽|不叫|不称|不稱|不算|不用|不涉及|不包括|不会|不會|也不|不产生|不產生|不具有|不构成|不構成"
    # "本备忘录不属于友好城市协议", "我們不需要簽任何姊妹市協議", "這次完全不談姊妹市".
    r"|不属于|不屬於|不需要|不必|不谈|不談|不提|无意|無意|不打算|并不|並不"
    r"|không\s+(?:phải|gọi|là|dùng|muốn|cần|lập|ký|ràng|tạo|có|đề\s+nghị|xin)|chẳng\s+phải"
    # German "ausdrücklich keine Städtepartnerschaft", "nicht als Partnerstadt"; romanised Thai "mai chai" (ไม่ใช่).
    r"|\b(?:keine?|nicht)\b|\bmai\s+(?:chai|dai)\b"
    # "We dropped the word 'twinning' from the draft": taken out, not asked for.
    r"|\b(?:dropped|removed|deleted|took\s+out)\b(?:\s+the\s+(?:word|term|title|name))?"
    # Khmer "មិនមែនជា…" (is not); French "il ne s'agit pas d'un jumelage", taken whole so its apostrophe ends nothing.
    r"|មិន\s*(?:មែន\s*)?(?:ជា\s*)?|\bpas\s+(?:d['’]\s*une?|de|une?)?|\bsin\b"
)
_NEGATION_REACH = 24
# A negator before the last word of a mention: "…ไม่ผูกพัน", "…จะไม่รับผิดชอบ", "…มิได้ค้ำประกัน".
# (Not a judgement asked: "…แบบนี้ไม่ถือว่าผูกพันใช่ไหม".)
_DENIED_INSIDE = re.compile(
    r"(?:ไม่|มิ\s*ได้|บ่)\s*(?!(?:ได้\s*)?(?:ถือ|นับ|เข้า\s*ข่าย|เป็น|ใช่))(?:ได้\s*)?(?:จะ\s*)?(?:มี\s*ผล\s*)?[ก-๛]{2,12}$"
)
# The concepts that decide which rule a question falls under, whatever else it says (bot.answers uses them too):
# an agreement described as paying its own way and binding no one may still say one of them.
DECIDING_RULES = frozenset({"sister-city", "treaty-clause", "national-matter", "binds-government"})
_NO_INTENT = re.compile(
    r"(?:ไม่|มิ)\s*(?:ได้\s*)?(?:มี\s*(?:ความ\s*)?)?(?:ประสงค์|ต้องการ|ตั้งใจ|คิด|มี\s*แผน)\s*(?:ที่\s*)?(?:จะ\s*)?"
    r"(?:ทำ|เป็น|สถาปนา|ลงนาม|ให้\s*เป็น)?\s*(?:ใน\s*)?(?:รูป\s*(?:แบบ\s*)?)?(?:ความ\s*สัมพันธ์\s*)?(?:แบบ\s*)?$"
    # "ในร่างไม่มีคำว่า 자매도시 เลย", "เจ้าหน้าที่นึกว่าเป็นเมืองพี่เมืองน้อง": the word is absent, or thought there by mistake.
    r"|(?:ไม่|มิ)\s*(?:ได้\s*)?(?:มี|ใช้|เขียน)\s*(?:คำ|ถ้อย\s*คำ|ข้อ\s*ความ)\s*(?:ว่า)?\s*[\"'“‘]?$"
    r"|(?:นึก|เข้า\s*ใจ\s*ผิด|คิด\s*ไป\s*เอง)\s*ว่า\s*(?:จะ\s*)?(?:เป็น\s*)?[\"'“‘]?$"
    # "ร่างไม่มีข้อความเกี่ยวกับการเป็นเมืองพี่เมืองน้อง", "ไม่มีข้อใดระบุถึง…": nothing in it says so.
    r"|(?:ไม่|มิ)\s*(?:ได้\s*)?มี\s*(?:ข้อ\s*(?:ความ)?|คำ|ถ้อย\s*คำ|ส่วน)?\s*(?:ใด\s*)?(?:ที่\s*)?"
    r"(?:เกี่ยว\s*(?:ข้อง\s*)?กับ|ระบุ\s*(?:ถึง|ว่า)?|พูด\s*ถึง|กล่าว\s*ถึง|อ้าง\s*ถึง)\s*(?:การ\s*)?(?:เป็น\s*)?(?:ความ\s*สัมพันธ์\s*)?$"
    # "Chúng tôi không lập quan hệ thành phố kết nghĩa": the relationship not set up, said in more words.
    # "ບໍ່ແມ່ນການສ້າງສາຍພົວພັນເມືອງຄູ່ມິດ" (read บ่แม่นการสร้างสายพัวพัน…), "ไม่ใช่การสถาปนาความสัมพันธ์…": not the making of one.
    r"|(?:ไม่|บ่|มิ)\s*(?:ได้\s*)?(?:ใช่|แม่น|เป็น)\s*(?:(?:การ|กาน)\s*)?(?:สร้าง|สถาปนา|จัด\s*ตั้ง|ก่อ\s*ตั้ง)\s*(?:สาย\s*(?:สัมพันธ์|พัวพัน)|ความ\s*สัมพันธ์)?"
    r"\s*(?:แบบ\s*|เป็น\s*)?$"
    # "This MOU is not, and shall not be construed as, a sister city arrangement": not to be read as one.
    r"|\bnot\b[^.;\n]{0,40}?\b(?:construed|regarded|considered|treated|deemed|interpreted)\s+as\s*,?\s*(?:an?\s+|the\s+)?$"
    # "Không đề cập đến quan hệ kết nghĩa": the draft does not speak of one.
    r"|không\s+(?:đề\s+cập|nhắc)\s+(?:đến|tới)\s+(?:quan\s+hệ\s+)?$"
    r"|không\s+(?:muốn\s+)?(?:lập|ký(?:\s+kết)?|thiết\s+lập|làm|xây\s+dựng)\s+(?:quan\s+hệ\s+)?"
    r"(?:(?:thành\s+phố|thị\s+xã|đô\s+thị|huyện|tỉnh)\s+)?$"
    # "ไม่มีเรื่องเมืองพี่เมืองน้องเลย", "ไม่มีเรื่องรัฐบาลหรือเมืองพี่เมืองน้อง": nothing about it (not "ไม่มีเมืองพี่
    # เมืองน้อง", having none).
    r"|(?:ไม่|มิ)\s*(?:ได้\s*)?มี\s*(?:ข้อ\s*ความ\s*|ส่วน\s*)?(?:ใด\s*)?เรื่อง\s*(?:[^\s?]{1,15}\s*(?:หรือ|และ)\s*)?(?:การ\s*)?(?:เป็น\s*)?$"
    # "ท่านนายกกำชับว่าห้ามใช้คำว่าเมืองพี่เมืองน้อง เมืองคู่มิตร…": the word itself forbidden in the draft.
    r"|ห้าม\s*(?:ใช้|เขียน|ใส่)\s*(?:คำ|ชื่อ|ถ้อย\s*คำ)\s*(?:ว่า)?\s*[\"'“‘]?$"
    # Malay and Indonesian: "MoU ini tidak mewujudkan hubungan bandar berkembar", "bukan merupakan kota kembar".
    r"|\b(?:tidak|bukan|tak)\s+(?:akan\s+)?(?:mewujudkan|membentuk|menjalin|mengadakan|menubuhkan|merupakan|menjadi|membina)\s+"
    r"(?:(?:sebuah|suatu|satu)\s+)?(?:hubungan\s+|perjanjian\s+)?$"
)
_INTENT_REACH = 50
# "ไม่ต้อง …": no need for (a waiver), which denies most concepts but says some (Concept.waiver_says_it).
_WAIVER = re.compile(r"(?:ไม่|บ่)\s*ต้อง")
# Korean, Japanese and Myanmar deny after the noun: "자매도시 협약은 아닙니다", "姉妹都市ではありません", "…မြို့ မဟုတ်ပါ".
# A gloss in brackets may come between ("ညီအစ်ကိုမြို့ (sister city) သဘောတူညီချက် မဟုတ်ပါ"); a Myanmar word is many letters.
_NEGATED_AFTER = re.compile(
    r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:(?:[^\s。．.!?？]{1,6}|[\u1000-\u109f]{1,16})\s*){0,3}?"
    r"(?:아닙|아니|아닌|아님|말고|관계\s*없|무관|とは\s*別|ではな|ではあり|ではござ|でござ|じゃな|しない|しません|せず|わけでは|無関係|无关|無關|မဟုတ်"
    # "姉妹都市の話は一切ありません": none of it (not "…に問題はありませんか", which asks).
    r"|(?:一切|全く|まったく)\s*(?:ありません|ございません|ない|なし|含まれ)(?!\s*(?:か|でしょうか)))"
    # "…that a twinning arrangement isn't an option for your OrBorTor": not possible, said after it.
    r"|\s*(?:arrangement|relationship|agreement)?\s*(?:is|are)\s*(?:n['’]t|\s+not)\s+(?:an?\s+)?(?:option|possible|allowed|permitted)\b"
    # German "Eine Städtepartnerschaft ist ausdrücklich nicht vorgesehen".
    r"|\s*(?:ist|wird|sind|war)\s+(?:[a-zäöü]+\s+){0,2}?(?:nicht|keine?)\b"
)
# "ถามว่าอันนี้ใช่เมืองพี่เมืองน้องไหม … ตอบว่าไม่ใช่": asked in the minutes, and answered no.
_ANSWERED_NOT = re.compile(
    r"\s*(?:หรือ\s*)?(?:ไหม|มั้ย|เปล่า|ไม่)[^?]{0,80}?(?:ตอบ|ชี้\s*แจง|ยืนยัน)\s*(?:ว่า)?\s*(?:ไม่\s*ใช่|มิ\s*ใช่)"
)
# "ร่างเดิมใช้คำว่า 友好城市 เราตัดออกแล้ว": the word taken out of the draft.
_REMOVED_AFTER = re.compile(
    r"\s*[\"'”’]?\s*(?:เรา|ทาง\s*เรา|ผม|ดิฉัน|ฝ่าย\s*เรา)?\s*(?:ก็\s*)?(?:ได้\s*)?(?:ตัด|ลบ|เอา)\s*(?:คำ\s*(?:นี้|นั้น)\s*)?(?:ออก|ทิ้ง)"
)
# The province as the one whose relationship it is ("ของจังหวัด", "จังหวัดจะจัด", "ผู้ว่าฯ"), not a place name
# abroad ("เมืองเล็กๆ ในจังหวัดนากาโนของญี่ปุ่น").
_PROVINCE_OWNS = re.compile(
    r"ของ\s*(?:ทาง\s*)?จังหวัด|จังหวัด\s*(?:เรา|ของเรา|นี้)|ทาง\s*จังหวัด|น้อง\s*(?:กับ\s*)?จังหวัด"
    # (Not the province as the other one who might act: "หรือต้องให้จังหวัดทำ".)
    r"|(?<!ใน)(?<!ใน\s)(?<!ให้)(?<!ให้\s)จังหวัด[ก-๛]{0,20}?\s*(?:จะ|ได้|มี|เป็น|ทำ|สถาปนา|จัด|ลง|ชวน|เชิญ|เซ็น)"
    r"|ผู้\s*ว่า|ผวจ|province'?s|provincial|governor|(?:its|their|our|the|that|this)\s+province\b"
    # A partner abroad paired with a Thai province: "저희 시는 치앙라이주와 자매결연 관계를…".
    r"|[가-힣]+주와\s*(?:자매|우호)"
    # Vietnamese: "quan hệ tỉnh kết nghĩa giữa tỉnh chúng tôi và tỉnh Sakon Nakhon", "chương trình kết nghĩa cấp tỉnh".
    r"|tỉnh\s+kết\s+nghĩa|kết\s+nghĩa\s+cấp\s+tỉnh"
)
# "เมืองในจังหวัดชิซุโอกะ", "รัฐกลันตัน": a province or state whose name is no Thai province is abroad.
_REGION = re.compile(
    r"(?:จังหวัด|รัฐ(?!\s*(?:บาล|มนตรี|สภา|ธรรมนูญ|วิสาหกิจ|ประศาสน|กิจ|ไทย|ศาสตร์|พิธี|การ|ต่าง)))\s*([\u0e01-\u0e4e]{3,})"
)
# Words after "จังหวัด" that are not a name: "จังหวัดเรา", "จังหวัดข้างเคียง", "จังหวัดจะทำ".
_NOT_A_NAME = frozenset(
    [
        "เรา", "เขา", "ท่าน", "ข้าง", "ใกล้", "ชายแดน", "ต่าง", "เดียว", "อื่น", "ตัว", "ทุก", "แต่ละ", "คู่", "ระดับ",
        "ผู้", "นั้น", "นี้", "สามารถ", "พิจารณา", "สถาปนา", "ลงนาม", "มอบ", "เสนอ", "ส่ง", "รับ", "ขอ", "อนุมัติ",
        "เห็นชอบ", "จัด", "ทำ", "เป็น", "มี", "ควร", "อยาก", "ต้องการ", "ประสงค์", "ดำเนินการ", "ชายฝั่ง", "ไทย", "ภาค",
        "เดิม", "ใหม่", "ใหญ่", "เล็ก", "ปลายทาง", "ต้นทาง", "ต้นเรื่อง", "บ้าน", "พี่", "น้อง", "ดู", "รู้", "ควรจะ",
        "จะต้อง",
    ]
)
# Short names of Thai provinces officials type ("จังหวัดโคราช"), beside PyThaiNLP's full names.
_PROVINCE_SHORT = ("กรุงเทพ", "กทม", "โคราช", "อุบล", "อุดร", "สุราษฎร์", "นครศรี", "หาดใหญ่", "เบตง", "แม่สาย", "แม่สอด")
# A word this common in Thai text (TNC count) that is not a transliteration is no place name.
_COMMON_WORD = 300
# The plain names of a sister city; any other ("เมืองคู่มิตร", "twin town", 姉妹都市) is another name for it.
_PLAIN_NAME = re.compile(r"เมือง\s*พี่\s*เมือง\s*น้อง|sister[\s\-]*cit(?:y|ies)|sistercit(?:y|ies)|ເມືອງ\s*ພີ່\s*ເມືອງ\s*ນ້ອງ")
_RENAMED = re.compile(r"ชื่อ\s*(?:เรียก)?\s*อื่น|เปลี่ยน\s*ชื่อ|(?:ใช้|เรียก)\s*(?:คำ|ชื่อ)?\s*ว่า[^\n]{1,30}?แทน|\brenam\w*|another\s+name|other\s+name")
# What ends a negator's reach: a contrast or a new clause ("ไม่ใช่ X แต่ Y").
# "ไม่มีผูกพันอะไรเลย เป็นเมืองพี่เมืองน้อง": "…อะไรเลย" closes what was denied.
_BREAK = re.compile(r"แต่|และ|แล้ว|หรือ|ส่วน|อะไร\s*เลย|เลย(?=\s)|\bbut\b|\band\b|\bor\b|[,.;:!?()\"“”'‘’。！？；，\n]")


@dataclass(frozen=True)
class Mention:
    """Where a concept is said in a question, and whether it is denied there."""

    concept: str
    start: int
    end: int
    negated: bool
    # Where the denial begins: the negator before a denied mention ("ไม่ใช่เมืองพี่เมืองน้อง"), else `start`.
    denied_from: int


@dataclass(frozen=True)
class Concepts:
    """What a question says: the concepts present (not denied), denied ones, and every mention."""

    present: frozenset[str]
    negated: frozenset[str]
    mentions: tuple[Mention, ...] = ()
    # Present concepts said in so many words (a pattern, a letter number), not only read from the
    # analyzer's words: strong enough to lower the confidence an entry needing them requires.
    stated: frozenset[str] = frozenset()
    # Whether the message is written in a partner's script or language, whose words the base barely knows.
    written_abroad: bool = False

    def __contains__(self, concept: object) -> bool:
        return concept in self.present


def letter_concept(document_id: str) -> str:
    """Return the concept of a question that names this knowledge-base document by number."""
    return f"{LETTER_PREFIX}{document_id}"


def known_concepts(documents: Mapping[str, KnowledgeSource]) -> frozenset[str]:
    """Return every concept an entry may name: the fixed ones and one per numbered document."""
    return CONCEPTS | {letter_concept(doc.id) for doc in documents.values() if doc.number}


def _starts_word(text: str, start: int) -> bool:
    """Tell whether a match begins a word; Latin glued to Thai ("ลงนามsistercity") begins one."""
    if start == 0 or not text[start].isascii() or not text[start].isalnum():
        return True
    before = text[start - 1]
    return not (before.isascii() and (before.isalnum() or before == "_"))


def _denied_from(lowered: str, start: int) -> int | None:
    """Return where a negator in the few characters before `start` begins, if it denies the mention there."""
    # "ไม่ได้มีความประสงค์จะเป็นเมืองพี่เมืองน้อง": the words of intent do not count against the reach.
    intent = _NO_INTENT.search(lowered, max(0, start - _INTENT_REACH), start)
    if intent is not None:
        return intent.start()
    if lowered[max(0, start - 1):start] in ("不", "非"):
        return start - 1  # "不约束两国中央政府": Chinese denies the verb right before it
    window_start = max(0, start - _NEGATION_REACH)
    window = lowered[window_start:start]
    last = None
    for match in _NEGATOR.finditer(window):
        last = match
    if last is None:
        return None
    # A quote opened right before the mention is part of it ("not 'sister city'", "dropped the word 'twinning'").
    between = window[last.end():].rstrip().rstrip("\"“'‘")
    # "does not involve or commit either government": two verbs joined by "or" share the "not".
    if _BREAK.search(between) is not None and _VERBS_JOINED.fullmatch(between) is None:
        return None
    negator = window_start + last.start()
    if _NOT_LETTING.match(lowered, negator) and _HOW.search(lowered, max(0, negator - _AVOID_REACH), negator):
        # "มีวิธีเขียน MOU ไม่ให้มีผลบังคับ…ไหม": how to keep it from binding asks about the binding.
        return None
    if _AVOIDING.search(lowered, max(0, negator - _AVOID_REACH), negator):
        # "ทำยังไงให้ MOU ไม่สร้างพันธกรณี", "how do we make sure it does not bind": what to avoid is what is asked.
        return None
    return negator


_VERBS_JOINED = re.compile(r"\s*[a-z]+\s+(?:or|nor)")
_NOT_LETTING = re.compile(r"ไม่\s*ให้")
_HOW = re.compile(r"วิธี|ยัง\s*ไง|อย่าง\s*ไร|แบบ\s*ไหน")
# "How to / so that … not": a negator after these asks about what it negates.
_AVOIDING = re.compile(
    # Not a sector ("ป้องกันไฟป่า… ให้เป็นเรื่องเป็นราว") nor past a new subject ("… เราไม่ได้จะทำ…").
    r"(?:ยัง\s*ไง|อย่าง\s*ไร|วิธี|ป้องกัน(?!\s*(?:ไฟ|โรค|ภัย|ไพ|น้ำ|ยา|อุบัติ|หมอก|ไข้|และ|แก้))|ระวัง|เลี่ยง)(?:(?!ถ้า|หาก)[^\n?!]){0,30}?ให้"
    r"(?:(?!ถ้า|หาก|\sเรา|\sเขา|\sทาง)[^\n?!]){0,30}$"
    r"|(?:เพื่อ|ระวัง|ป้องกัน)\s*(?:ให้\s*)?$"
    r"|(?:make\s+sure|ensure|so\s+that|avoid\w*|how\s+(?:do|can|should|to)\s+(?:we\s+)?(?:make|keep|write|draft|word))"
    r"[^\n?!.]{0,40}$"
)
_AVOID_REACH = 70


# Between two names one denial covers: "ไม่ใช่เมืองพี่เมืองน้องหรือเมืองคู่มิตร", "not a sister city or twin town".
# (Or its gloss in brackets right after it: "bukan kerja sama kota kembar (sister city)".)
_LISTED = re.compile(r"\s*(?:หรือ(?:\s*ว่า)?|และ|,|/|\bor\b|\bnor\b|\band\b|\()?\s*(?:(?:a|an|the)\s+)?")


def _denials_shared(lowered: str, mentions: list[Mention]) -> list[Mention]:
    """Deny a mention listed right after a denied one of the same concept (one "ไม่ใช่" for both)."""
    out: list[Mention] = []
    last_denied: dict[str, Mention] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        before = last_denied.get(mention.concept)
        if (not mention.negated and before is not None and before.end <= mention.start
                and _LISTED.fullmatch(lowered, before.end, mention.start) is not None):
            mention = Mention(mention.concept, mention.start, mention.end, True, before.end)
        if mention.negated:
            last_denied[mention.concept] = mention
        out.append(mention)
    return out


# "ไม่ใช่ อปท.", "ไม่ได้ถามในนาม อบต.", "บ่แม่นเทศบาล": the writer is no LAO (said right before its name).
_NOT_LAO = re.compile(
    r"(?:ไม่|มิ)\s*(?:ได้\s*)?(?:ใช่|เป็น|อยู่|ให้|ถาม\s*(?:ใน\s*)?(?:นาม|แทน))\s*(?:ทาง\s*|ฝั่ง\s*|ฝ่าย\s*|หน่วยงาน\s*|ของ\s*)?"
    r"|บ่\s*แม่น\s*"
)
_LAO_NAME = re.compile(_LAO_TYPES)
_PROVINCE_OR_GOVERNOR = re.compile(r"จังหวัด|ผู้\s*ว่า|ผวจ|province|governor")
# Who writes: the province's own staff ("ดิฉันอยู่กลุ่มงานยุทธศาสตร์ สำนักงานจังหวัด", "ให้จังหวัดของเราสถาปนา"), or an LAO's.
_PROVINCE_WRITER = re.compile(
    r"(?:ดิฉัน|ผม|เรา|ทางเรา|หนู)\s*(?:อยู่|ทำงาน|ปฏิบัติ\s*งาน|ประจำ|สังกัด|เป็น)[^\n]{0,30}?(?:สำนักงาน\s*จังหวัด|ศาลา\s*กลาง)"
    r"|^\W{0,3}ฝ่าย\s*เลขา[^\s]{0,4}\s*ผู้\s*ว่า"
    # A message signed or labelled by the provincial office: "สนง.จังหวัดอุดรธานี: …", "[ศาลากลาง]".
    r"|^\W{0,3}(?:สนง\.?|สำนักงาน)\s*จังหวัด|^\W{0,3}ศาลา\s*กลาง"
    r"|(?<![ก-๛])(?:ให้\s*)?จังหวัด\s*(?:ของ\s*)?เรา\s*(?:จะ|อยาก|ต้องการ)?\s*(?:สถาปนา|ลงนาม|ทำ\s*เมือง)"
)
# What if the province itself acts: "ถ้าจังหวัดเป็นผู้สถาปนาเองแทน ทำได้ใช่ไหม" asks about the province.
_PROVINCE_ASKED = re.compile(
    r"(?:ถ้า|หาก)\s*(?:ให้\s*)?(?:ทาง\s*)?จังหวัด(?:(?!ไม่|มิ)[^\s]){0,12}?\s*(?:เป็น\s*ผู้|เอง|จะ)?\s*(?:สถาปนา|ลงนาม|ทำ\s*เมือง)"
    # "ทางจังหวัดดำเนินการเรื่องเมืองพี่เมืองน้องเองได้ใช่ไหม": whether the province itself may.
    r"|(?:ทาง|ตัว)\s*จังหวัด\s*(?:เอง\s*)?(?:ดำเนิน\s*การ|ทำ|สถาปนา|ลงนาม)[^?\n]{0,30}?(?:เอง\s*)?ได้"
    # "…or can the province go ahead?", "does that also stop the province itself?"
    r"|\b(?:can|may|could)\s+(?:the|our)\s+province\s+(?:itself\s+)?(?:go\s+ahead|do\s+(?:it|one|so)|sign|establish|set\s+(?:it\s+)?up|have)\b"
    r"|\bthe\s+province\s+itself\b"
)
# The province's own criteria asked, whoever writes: "จังหวัดมีหลักเกณฑ์เลือกคู่อย่างไร", "จังหวัดต้องพิจารณาอะไรบ้าง",
# "how a Thai province decides on such a relationship" (an LAO helping its province asks what the province weighs).
_PROVINCE_CRITERIA_ASKED = re.compile(
    r"จังหวัด[ก-๛]{0,12}?\s*(?:ใช้|มี|วาง)\s*(?:หลัก\s*)?เกณฑ์|(?:หลัก\s*)?เกณฑ์\s*(?:การ\s*\S{0,12}\s*)?(?:ของ\s*)?(?:ทาง\s*)?จังหวัด"
    r"|(?:ทาง\s*)?จังหวัด[ก-๛]{0,12}?\s*(?:ต้อง\s*)?(?:พิจารณา|ดู|เลือก\s*คู่)\s*(?:จาก\s*)?(?:อะไร|อย่าง\s*ไร|ยัง\s*ไง)"
    # "เวลาจังหวัดจะสถาปนาเมืองพี่เมืองน้อง เขาพิจารณาจากอะไรบ้าง": the province, then what it weighs.
    r"|จังหวัด\s*จะ\s*(?:สถาปนา|ทำ|ลง\s*นาม)[^\n?]{0,40}?(?:เขา|ทาง\s*จังหวัด)\s*(?:ใช้\s*)?(?:พิจารณา|ดู|เลือก)\s*(?:จาก\s*)?(?:อะไร|อย่าง\s*ไร|ยัง\s*ไง)"
    r"|\bhow\s+(?:a|the)\s+(?:thai\s+)?province\s+(?:decides|chooses|selects|assesses|picks)|\bcriteria\s+(?:does\s+)?(?:a|the)\s+(?:thai\s+)?province"
)
_LAO_WRITER = re.compile(
    # "ทต.เรา", "เทศบาลของเรา" (not "เทศบาลนคร…เวียงจันทน์ เราแจ้งไป": the name is one word, right before).
    r"(?:อบต|อบจ|ทต|ทม|ทน|เทศบาล(?:ตำบล|เมือง|นคร)?|อปท|องค์การบริหารส่วน(?:ตำบล|จังหวัด)|ท้องถิ่น)\.?\s*(?:ของ\s*)?เรา|(?:ดิฉัน|ผม|เรา)\s*(?:อยู่|ทำงาน|เป็น)"
    # (Not "ผมอยู่สำนักงานจังหวัดครับ อปท.หลายแห่ง…": the provincial office writes of LAOs.)
    r"(?!\s*(?:ที่\s*)?(?:สำนักงาน\s*(?:จังหวัด|ส่งเสริม)|ศาลา\s*กลาง|สนง\.?\s*จังหวัด|สถ))[^\n]{0,20}?(?:" + _LAO_TYPES + r")"
)


# An LAO that would act itself: "เทศบาลนครในจังหวัดขอทำเมืองพี่เมืองน้องของตัวเอง" (the writer may be the province).
_LAO_ACTS = re.compile(
    _LAO_TYPES + r"[^\s]{0,25}?" + _WS + r"(?:เอง" + _WS + r")?(?:จะ|อยาก|ขอ|ต้องการ|ประสงค์)" + _WS + r"(?:ไป" + _WS + r")?(?:ทำ|ลง" + _WS
    + r"นาม|เซ็น|สถาปนา)"
    r"|\b(?:our|the|a)\s+(?:tambon|municipality|thesaban|tao|sao|pao|lao)\s+(?:wants?|would\s+like|plans?|asks?)\s+to\s+(?:sign|set\s+up|establish|become|make)\b"
)


# "ไม่ใช่ อบต.ทำ", "อปท.ไม่ต้องทำ": the LAO is named as who does not act.
_LAO_NOT_ACTING = re.compile(
    r"(?:ไม่|มิ)\s*(?:ใช่|ได้)\s*(?:ให้\s*)?" + _LAO_TYPES + r"\.?\s*(?:เป็น\s*(?:คน|ผู้)\s*)?(?:ทำ|ดำเนิน|ลงนาม|เซ็น)"
    r"|" + _LAO_TYPES + r"\.?\s*(?:ก็\s*)?ไม่\s*ต้อง\s*(?:ทำ|ดำเนิน|ลงนาม|เซ็น)"
)


def _lao_denied(lowered: str) -> bool:
    """Tell whether every LAO the text names is denied right before ("ไม่ใช่ อปท."), at least one of them.

    A name listed right after a denied one shares its denial ("ไม่ได้ให้เทศบาลหรือ อบต. เป็นคู่ลงนาม").
    """
    names = list(_LAO_NAME.finditer(lowered))
    if not names:
        return False
    previous: re.Match[str] | None = None
    for name in names:
        negator = any(n.end() == name.start() for n in _NOT_LAO.finditer(lowered, max(0, name.start() - 30), name.start()))
        listed = previous is not None and _LISTED.fullmatch(lowered, previous.end(), name.start()) is not None
        if not (negator or listed):
            return False
        previous = name
    return True


@lru_cache(maxsize=1)
def _thai_provinces() -> tuple[str, ...]:
    from pythainlp.corpus import provinces

    names: list[str] = [str(name) for name in provinces()]
    return (*sorted(names, key=len, reverse=True), *_PROVINCE_SHORT)


@lru_cache(maxsize=1)
def _thai_province_abroad() -> re.Pattern[str]:
    """Return how a partner abroad names a Thai province: "Nan province", "province of Chiang Rai", "清莱府", "tỉnh Nong Khai"."""
    from pythainlp.corpus import provinces

    names = sorted(
        (str(row["name_en"]).lower() for row in provinces(details=True) if isinstance(row, dict) and row["name_en"] != "Bangkok"),
        key=len, reverse=True,
    )
    # "Chiang Rai" is also typed "Chiangrai", "Chon Buri" "Chonburi".
    english = "|".join(r"\s*".join(re.escape(word) for word in name.split()) for name in names)
    return re.compile(
        r"\b(?:" + english + r")\s+province\b|\b(?:province\s+of|changwat|tỉnh|wilayah)\s+(?:" + english + r")\b"
        r"|tỉnh(?:\s+[^,.?]{2,30}?)?\s+(?:của|ở|thuộc)\s+thái\s*lan"
        # A Thai province in Chinese ends in 府; 政府 (a government), 首府, 大阪府 and 京都府 are no Thai province.
        r"|[\u4e00-\u9fff]{2,4}(?<![政首])(?<!大阪)(?<!京都)府"
        # "짱왓", "チャンワット": changwat (province) transliterated; "タイの県", "태국의 도", "a Thai province".
        r"|짱왓|チャンワット|タイの県|태국의\s*(?:한\s*)?도(?![가-힣])|\b(?:a|the)\s+thai\s+province\b(?![\s-]*(?:only|level|rule))|\ba\s+province\s+(?:in|of)\s+thailand\b"
    )


# "ไม่ได้เกี่ยวกับต่างประเทศเลย", "nothing to do with any foreign town": no partner abroad.
_NOT_FOREIGN = re.compile(
    r"ไม่\s*(?:ได้\s*)?(?:เกี่ยว\s*(?:ข้อง\s*)?(?:กับ|อะไร\s*กับ)|มี\s*(?:ฝ่าย|หน่วย\s*งาน|เมือง|คู่\s*สัญญา)?)\s*(?:ต่าง\s*ประเทศ|ต่าง\s*ชาติ)"
    r"|nothing\s+to\s+do\s+with\s+(?:any(?:thing)?\s+)?(?:foreign|abroad)|no\s+foreign\s+(?:partner|side|party|town|city)"
    # "จะทำ MOU กับมหาวิทยาลัยแม่ฟ้าหลวง (ในประเทศ)": the partner said to be at home.
    r"|กับ[^\n()?]{0,30}\(\s*ใน\s*ประเทศ(?:\s*ไทย)?\s*\)"
    # "…อยากเป็นเมืองพี่เมืองน้องกันภายในประเทศ": a pairing within the country.
    r"|กัน\s*ภายใน\s*ประเทศ(?!\s*(?:และ|หรือ))"
    # "สองแห่งนี้อยู่ในประเทศไทยทั้งคู่": both parties at home.
    r"|(?:อยู่\s*ใน\s*(?:ประเทศ\s*)?ไทย|เป็น\s*ของ\s*ไทย)\s*ทั้ง\s*(?:คู่|สอง\s*(?:แห่ง|ฝ่าย))|ทั้ง\s*(?:คู่|สอง\s*แห่ง)\s*อยู่\s*ใน\s*(?:ประเทศ\s*)?ไทย"
)
# Two or three LAOs counted: "อบต.สองแห่ง", "2 เทศบาล", "ระหว่าง อบต.…กับ อบต.".
_LAOS_COUNTED = re.compile(
    r"(?:(?<![\d๐-๙/.])[2-9๒-๙]|สอง|สาม)\s*(?:อบต|ทต|ทม|อปท|เทศบาล)|(?:อบต|ทต|ทม|ทน|อปท|เทศบาล)\.?\s*(?:[2-9๒-๙]|สอง|สาม)\s*แห่ง"
    r"|ระหว่าง\s*(?:อบต|ทต|เทศบาล)[^\n?]{0,25}?กับ\s*(?:อบต|ทต|เทศบาล)"
)
# Two or more Thai LAOs as the parties ("MOU 2 อบต.ในอำเภอ", "อบต.สองแห่ง", "ระหว่าง อบต. กับ อบต."): with no one abroad named,
# a cooperation at home.
_LAOS_TOGETHER = re.compile(
    _LAOS_COUNTED.pattern
    # "อบต.เรากับ ทต.ข้างๆ", "ทต.ของเรากับทาง อบต.": who writes, then the other.
    + r"|(?:อบต|อบจ|ทต|ทม|ทน|เทศบาล(?:ตำบล|เมือง|นคร)?)\.?\s*(?:(?:ของ\s*)?(?:เรา|ผม|ฉัน|ดิฉัน)\s*)?กับ\s*(?:ทาง\s*)?(?:อบต|อบจ|ทต|ทม|ทน|เทศบาล)"
)


# Two tambons or LAOs of one district: "2 ตำบลในอำเภอเดียวกัน", "อบต.สองแห่งในอำเภอเดียวกัน".
_TAMBONS_TOGETHER = re.compile(
    r"(?:[2-9๒-๙]|สอง|สาม)\s*(?:ตำบล|อบต|ทต|เทศบาล)[^\n?]{0,12}?(?:ใน|ของ)\s*อำเภอ\s*เดียว\s*กัน"
)


_ABROAD_COUNTRIES = (
    r"(?:ญี่ปุ่น|จีน|ลาว|เกาหลี|เวียดนาม|กัมพูชา|พม่า|เมียนมา|มาเลเซีย|ฝรั่งเศส|เยอรมัน|อินเดีย|ไต้หวัน|อเมริกา|สหรัฐ"
    r"|ออสเตรเลีย|อินโดนีเซีย|ฟิลิปปินส์|มองโกเลีย|ภูฏาน|รัสเซีย|อังกฤษ|สิงคโปร์|บรูไน|ต่าง\s*ประเทศ)"
)
# The partner's own local government: "เทศบาลญี่ปุ่นทำเองได้ไหม", "ท้องถิ่นของจีน", "Japanese municipalities".
_PARTNER_LAO = re.compile(
    r"(?:เทศบาล(?:เมือง|นคร|ตำบล)?|อปท\.?|(?:องค์กร\s*ปกครอง\s*ส่วน\s*)?ท้องถิ่น)\s*(?:ของ|ใน|ที่|จาก|แห่ง\s*หนึ่ง\s*(?:ใน|ของ))?"
    r"\s*(?:ประเทศ|ฝั่ง|ฝ่าย)?\s*" + _ABROAD_COUNTRIES
    + r"|\b(?:japanese|chinese|korean|lao|laotian|vietnamese|cambodian|malaysian|german|french|foreign)\s+"
    r"(?:municipalit(?:y|ies)|local\s+(?:governments?|authorit(?:y|ies)))"
    # "Under Lao law, can a Lao district sign…": the country's law and districts, not an LAO.
    r"|\blao\s+(?:law|districts?|provinces?|villages?|towns?|city|cities|government|side|authorit(?:y|ies)|officials?|pdr|state)\b"
    r"|\b(?:municipalit(?:y|ies)|local\s+(?:governments?|authorit(?:y|ies)))\s+(?:in|of)\s+(?:japan|china|korea|laos|vietnam"
    r"|cambodia|malaysia|germany|france)\b"
    # The partner's own local governments in its own script: "中国的地方政府", "日本の自治体", "한국 지방자치단체".
    r"|(?:中国|中國|日本|韩国|韓国|越南|老挝|寮國)(?:的|の)?(?:地方政府|地方自治体|自治体|地方公共団体)"
    r"|(?:한국|일본|중국)(?:의)?\s*(?:지방\s*자치\s*단체|지자체)"
)
# A Thai LAO named in Thai or Latin letters (a partner's CJK word for a local government may be its own).
_THAI_LAO_WORD = re.compile(
    _LAO_TYPES + r"|ตำบล|นายก|\b(?:tambon|thesaban|municipal\w*|tao|sao|pao|lao|local\s+(?:government|authorit|administrat)\w*)\b"
)


def _only_partner_laos(lowered: str) -> bool:
    """Tell whether every local government `lowered` names is the partner's abroad ("เทศบาลญี่ปุ่นทำเองได้ไหม")."""
    if _PARTNER_LAO.search(lowered) is None:
        return False
    return _THAI_LAO_WORD.search(_PARTNER_LAO.sub(" ", lowered)) is None


# Two Thai LAOs as the parties and said to be neighbours at home: "ทต.กับ อบต.ข้างเคียงในอำเภอเดียวกันจะทำ MOU…"; a
# foreign word in it (a Japanese adviser's term for it) is not a partner abroad, unless one is named with "กับ".
_SAME_AREA = re.compile(r"\s*(?:ข้าง\s*(?:เคียง|ๆ)|ใกล้\s*เคียง|ติด\s*กัน)?\s*(?:ใน|อยู่\s*ใน)\s*(?:อำเภอ|จังหวัด)\s*เดียว\s*กัน")
_PARTNER_ABROAD = re.compile(r"กับ\s*(?:ทาง\s*)?(?:เมือง|ประเทศ|แขวง|มณฑล|รัฐ|เทศมณฑล|จังหวัด\S*\s*(?:ของ|ใน|ประเทศ))|ต่าง\s*(?:ประเทศ|ชาติ)")


def _laos_at_home(lowered: str) -> bool:
    """Tell whether two Thai LAOs of one district or province are the parties, with no partner abroad named."""
    pair = _LAOS_TOGETHER.search(lowered)
    if pair is None:
        return False
    near = _SAME_AREA.search(lowered, pair.end(), pair.end() + 40)
    return near is not None and _PARTNER_ABROAD.search(lowered) is None


@lru_cache(maxsize=1)
def _thai_provinces_paired() -> re.Pattern[str]:
    """Return a regex for two Thai provinces named together, or a Thai LAO in a Thai province as the partner."""
    from pythainlp.corpus import provinces

    names = sorted((str(row["name_th"]) for row in provinces(details=True) if isinstance(row, dict)), key=len, reverse=True)
    place = "(?:" + "|".join(re.escape(name) for name in names) + ")"
    one = r"จังหวัด\s*" + place
    # "…กับ อบต.ในจังหวัดพะเยา", "…กับเทศบาลเมืองป่าตองที่ภูเก็ต": a Thai LAO in a Thai province as the partner.
    thai_lao = r"กับ\s*(?:อบต|ทต|ทม|ทน|อบจ|เทศบาล|องค์การบริหารส่วน)[^\n?]{0,30}?(?:ใน|ที่|จ\.?)\s*(?:จังหวัด\s*)?" + place
    return re.compile(one + r"\s*(?:กับ|และ|,)\s*" + one + "|" + thai_lao)


# Renaming the document ("เปลี่ยนชื่อร่างจาก Agreement เป็น MOU"): the synonyms read "rename" as a sister city's other name.
_RENAMES_A_DOCUMENT = re.compile(
    r"(?:เปลี่ยน|แก้)\s*ชื่อ\s*(?:ของ\s*)?(?:ร่าง|เอกสาร|ความ\s*ตกลง|บันทึก|สัญญา|หัว\s*เรื่อง|mou|agreement)"
    r"|จาก\s*(?:agreement|ความ\s*ตกลง|treaty|สนธิ\s*สัญญา)\s*เป็น\s*(?:mou|บันทึก)"
    r"|renam\w*\s+(?:the\s+|our\s+|a\s+)?(?:draft|document|agreement|mou|treaty)"
    r"|\b(?:title|call|name)\s+(?:the|our|it|this)\s*(?:document|draft|agreement)?\s+['\"‘“]?(?:memorandum|mou)"
)


_INSTITUTION = re.compile(r"มหาวิทยาลัย|โรง\s*พยาบาล|วิทยาลัย|university|hospital")
# The marks on a letter in hand (its letterhead, a receiving stamp and its number), asked about a letter, not a draft.
# A letter's date given in citing it ("ลว.23 ก.พ.69"), not asked.
_DATE_CITED = re.compile(r"ลว\.?\s*\d")
_LETTER_MARKS = re.compile(r"หัว\s*กระดาษ|ตรา\s*(?:ประทับ|รับ)|เลข\s*(?:ที่\s*)?รับ(?!\s*(?:ผิด|ชอบ|รอง|ฟัง|ทราบ|เงิน|ได้))|letterhead|registry\s+stamp")
_A_LETTER = re.compile(r"หนังสือ|circular|letter")
_A_DRAFT = re.compile(r"ร่าง|draft|mou|บันทึก\s*(?:ความ\s*เข้าใจ|ข้อ\s*ตกลง)|ความ\s*ตกลง|สัญญา")
# "May we": a question asked after a "why" in the same message is the one asked.
_MAY_WE = re.compile(r"ได้\s*(?:ไหม|มั้ย|มั๊ย|ไม|หรือ\s*(?:ไม่|เปล่า)|บ่|ป่ะ|ปะ|ป่าว|ก่)|\b(?:can|may)\s+(?:we|our|i|the|a)\b|allowed|permitted")
# A mention of the act, not a name: "สถาปนาความสัมพันธ์" is neither the plain name nor another one.
_THE_ACT = re.compile(r"สถาปนา\s*ความ\s*สัมพันธ์")
_OTHER_NAME_TERM = "ชื่อเรียกอื่น"  # synonyms.yaml's canonical term for the other names of a sister city


# What an LAO may ask about its province's sister city without setting one up (their entries are never a yes).
_ABOUT_ANOTHER_MATTER = frozenset({"foreign-aid", "study-visit", "join-province", "agreement"})
_PROVINCES_OWN = re.compile(
    # "ปีก่อนจังหวัดไปทำเมืองพี่เมืองน้องกับ…", "จังหวัดเคยลงนาม…".
    # "จังหวัดเชียงรายมีเมืองพี่เมืองน้องกับ…อยู่แล้ว": named, the province runs on into the verb.
    # ("เมืองในจังหวัดคย็องกีเสนอทำ…": a town in the partner's province acts, not a province.)
    r"(?<!ใน)(?<!ใน\s)จังหวัด\s*(?:ของ\s*)?(?:เรา|เขา|นี้|เพิ่น|เฮา|ท่าน|อื่น|หนึ่ง|ข้าง\s*ๆ?|[ก-๛]{2,20}?)?\s*(?:(?:ได้|เคย|ไป)\s*)*(?:มี|เป็น|ทำ|สถาปนา|ลง\s*นาม|เซ็น)(?:\s*ความ\s*สัมพันธ์)?\s*$"
)


_OF_THE_PROVINCE = re.compile(r"\s*(?:ของ|กับ)\s*จังหวัด")
# "我市已于数年前与清莱府结为友好城市": the partner's relationship with a Thai province (府), held already.
_WITH_A_PROVINCE = re.compile(
    r"(?:已|曾)[^，,。\n]{0,10}?(?:与|與|和)[^，,。\n]{1,12}府\s*(?:结为|結為|缔结|締結|建立)?\s*(?:了\s*)?$"
    # "私どもの県はすでにチェンマイ県と友好県の関係に…": the partner's prefecture with a Thai province.
    r"|(?:すでに|既に)[^。]{0,12}?[\u30a1-\u30fc]{2,12}県\s*と\s*(?:の\s*)?$"
)


# "พอนายกสองเมืองเซ็นกัน จะกลายเป็นเมืองพี่เมืองน้องโดยปริยายไหม", "จะนับเป็นเมืองพี่เมืองน้องไปด้วยไหม": a fear that
# an agreement of a sector would count as a sister city, which it does not; no sister city is sought.
_BECOMES = re.compile(r"(?:นับ|ถือ\s*(?:ว่า\s*)?|กลาย|ถูก\s*มอง\s*(?:ว่า\s*)?)\s*เป็น\s*$|\b(?:automatically|by\s+default)\s+(?:become|count\s+as)\s+(?:an?\s+)?$")
_BY_ITSELF = re.compile(r"\s*(?:ไป\s*)?(?:ด้วย|โดย\s*ปริยาย|โดย\s*อัตโนมัติ|อัตโนมัติ)|\s*(?:relationship\s+)?(?:too|as\s+well)\b")
_BECOMES_REACH = 20


def _feared(lowered: str, mention: Mention) -> Mention:
    """Return a sister-city mention feared to follow by itself from another agreement as denied; others unchanged."""
    if mention.concept != "sister-city" or mention.negated:
        return mention
    if _BECOMES.search(lowered, max(0, mention.start - _BECOMES_REACH), mention.start) and _BY_ITSELF.match(lowered, mention.end):
        return Mention(mention.concept, mention.start, mention.end, True, mention.start)
    return mention


_SENTENCE_END = re.compile(r"[.。!?？\n]")
_DATED_REACH = 60


def _sentence_of(lowered: str, mention: Mention) -> tuple[int, int]:
    """Return where the sentence holding `mention` begins and ends."""
    start = max((end.end() for end in _SENTENCE_END.finditer(lowered, 0, mention.start)), default=0)
    end = _SENTENCE_END.search(lowered, mention.end)
    return start, end.start() if end else len(lowered)


def _dated_sister_city(lowered: str, mentions: list[Mention]) -> Mention | None:
    """Return the year something has gone on since said next to a sister city, in the same sentence, or None."""
    for dated in (m for m in mentions if m.concept == "since-year"):
        for city in _sister_cities(mentions):
            # The gap between the two (negative when they overlap), and no sentence ends in it.
            gap_start, gap_end = min(dated.end, city.end), max(dated.start, city.start)
            if gap_end - gap_start <= _DATED_REACH and not _SENTENCE_END.search(lowered, gap_start, gap_end):
                return dated
    return None


# Before a sister city being made, not one there is: an upgrade ("ยกระดับเป็น", "ต่อยอดเซ็นเป็น", "upgrade it to", "nâng
# cấp thành", "升级为"), or a ceremony or a plan that establishes it ("พิธี…ประกาศสถาปนาเป็น", "จะสถาปนา", "อยากเซ็นเป็น").
_MADE_NOW = re.compile(
    r"(?:ยก\s*ระดับ|ต่อ\s*ยอด)[^\n?]{0,24}?(?:เป็น|ขึ้น\s*เป็น)\s*(?:ความ\s*สัมพันธ์\s*)?$"
    r"|(?:พิธี|จะ|อยาก|ขอ|เตรียม|วาง\s*แผน|กำลัง\s*จะ)[^\n?]{0,30}?(?:ประกาศ\s*)?(?:สถาปนา|ลง\s*นาม|เซ็น)\s*(?:ความ\s*สัมพันธ์\s*)?(?:เป็น\s*)?$"
    r"|\b(?:upgrad\w*|elevat\w*)\b[^.?!\n]{0,30}?\b(?:into|to)\s+(?:an?\s+|full\s+|formal\s+)*$|nâng\s+cấp[^.?!\n]{0,20}?(?:thành|lên)\s+$"
    r"|(?:升级|升格)为?\s*$|격상"
)
# What was done before, in a sister city's sentence: "เคย", "ไว้แล้ว", "ตั้งแต่ปี", "เมื่อปี 2550".
_DONE_BEFORE = re.compile(r"เคย|ไว้\s*(?:แล้ว|ตั้งแต่|เมื่อ|นาน)|ตั้ง\s*แต่|เมื่อ\s*(?:ปี|พ\.?\s*ศ)|\bsince\b|\bago\b|\bsigned\b|đã\s+ký|已经|已經|結んで")


def _made_now(lowered: str, mentions: list[Mention]) -> bool:
    """Tell whether every sister city named is one being made now (upgraded to, or to be established), none told as done."""
    names = _sister_cities(mentions)
    if not names:
        return False
    for mention in names:
        start = max(0, mention.start - 40)
        if _MADE_NOW.search(lowered, start, mention.start) is None:
            return False
        if _DONE_BEFORE.search(lowered, *_sentence_of(lowered, mention)):
            return False
    return True


# A business, a team, a cup or a song named after the relationship: "ร้านอาหาร "เมืองพี่เมืองน้อง"", "…น้องคัพ", "โรงแรมเมืองพี่เมืองน้อง".
_BUSINESS_BEFORE = re.compile(
    r"(?:ร้าน\s*(?:อาหาร|กาแฟ|ค้า|ขาย\S{0,10})?|โรง\s*แรม|รี\s*สอร์ท|ห้าง\s*(?:ร้าน)?|บริษัท|ทีม|ถ้วย|คาราโอเกะ|ตลาด|เพลง(?:ลูก\s*ทุ่ง|ไทย)?|คอนโด(?:มิเนียม)?"
    # A Khmer song «ក្រុងបងប្អូន», a Malay "Piala Sister City" (cup).
    r"|បទ\s*ចម្រៀង\s*[«\"]?|\bpiala\s+"
    # "ฟุตบอลกระชับมิตรเมืองพี่เมืองน้อง", "ศึกเมืองพี่เมืองน้อง": a friendly match so called.
    r"|กระชับ\s*มิตร|ศึก)\s*(?:ชื่อ\s*)?(?:ว่า\s*)?[\"“'‘]?(?:ครัว|ห้อง\s*อาหาร)?$"
)
_BUSINESS_AFTER = re.compile(
    # "'자매도시 (Sister City)'라는 이름의 한식 바비큐 프랜차이즈": so named.
    r"\s*\)?\s*(?:\([^()\n]{0,20}\)\s*)?['\"’”]?\s*(?:이?라는\s*이름|という名前|という店|という名の)|"
    r"\s*(?:คัพ|\bcup\b|ซุปเปอร์|มาร์ท|รีสอร์ท|คาเฟ่|ซีฟู้ด|residences?\b|condo|tower\b|plaza\b|mall\b|hotel\b|resort\b)"
)


_PATROL = re.compile(r"ลาด\s*ตระเวน")
_FIRE = re.compile(r"ไฟ\s*ป่า|หมอก\s*ควัน|จุด\s*ความ\s*ร้อน|ดับ\s*ไฟ|\bwildfire|\bforest\s+fire|\bhaze\b")


def _fire_patrol(lowered: str, mention: Mention) -> bool:
    """Tell whether a national-matter mention is a patrol against forest fires ("ไฟป่า… ลาดตระเวนร่วม")."""
    return _PATROL.fullmatch(lowered, mention.start, mention.end) is not None and _FIRE.search(
        lowered, max(0, mention.start - 80), mention.end + 80
    ) is not None


# Khmer "មិនអាច … បានទេ" (cannot), its clause unbroken; a question asks with "តើ".
_KHMER_CANNOT = re.compile(r"មិន\s*អាច(?!\s*ទេ)[^។?？\n]*$")
_KHMER_ASKS = re.compile(r"តើ")


def _khmer_cannot(lowered: str, mention: Mention) -> bool:
    """Tell whether a Khmer "បានទេ" closes a negative statement ("មិនអាច…បានទេ"), not a question."""
    if not lowered.startswith("បាន", mention.start):
        return False
    before = _KHMER_CANNOT.search(lowered, max(0, mention.start - 120), mention.start)
    return before is not None and _KHMER_ASKS.search(lowered, before.start(), mention.start) is None


def _names_a_business(lowered: str, mention: Mention) -> bool:
    """Tell whether a mention is the name of a shop, a hotel, a team, a cup or a song, not a relationship."""
    return (
        _BUSINESS_BEFORE.search(lowered, max(0, mention.start - 20), mention.start) is not None
        or _BUSINESS_AFTER.match(lowered, mention.end) is not None
    )


def _sister_cities(mentions: list[Mention]) -> list[Mention]:
    """Return the sister-city mentions a text does not deny."""
    return [m for m in mentions if m.concept == "sister-city" and not m.negated]


def _agreement_after(mentions: list[Mention], position: int) -> bool:
    """Tell whether an agreement is named at or after `position`."""
    return any(m.concept == "agreement" and m.start >= position for m in mentions)


def _instead_another_agreement(mentions: list[Mention]) -> bool:
    """Tell whether an agreement asked for "instead" comes after every sister city the text names.

    "We first wanted a formal town twinning… so we dropped that idea. Could the thesaban instead sign a
    cooperation agreement with us?" asks for another framework; "could we sign a friendship-city
    agreement instead?" names the sister city after "instead", or no agreement follows it.
    """
    names = [m.end for m in _sister_cities(mentions)]
    alternatives = [m.start for m in mentions if m.concept == "alternative"]
    if not names or not alternatives:
        return False
    instead = alternatives[-1]
    return max(names) <= instead and _agreement_after(mentions, instead)


# "…to establish a sister city relationship", "…ที่จะสถาปนาเป็นเมืองพี่เมืองน้อง": a relationship to be made.
_ESTABLISH_BEFORE_ANY = re.compile(
    r"(?:ที่\s*จะ|เพื่อ|ว่า\s*จะ|ใน\s*การ)\s*(?:สถาปนา|ทำ|เป็น|จัด\s*ตั้ง|ลง\s*นาม)\s*(?:ความ\s*สัมพันธ์\s*)?(?:เป็น\s*)?$"
    r"|\b(?:establish|form|create|become|enter\s+into|set\s+up)\s+(?:(?:a|an|the|formal|future)\s+)*$"
)


def _still_established(lowered: str, mentions: list[Mention]) -> bool:
    """Tell whether the thing offered instead still makes a sister city ("ขอเซ็นแค่หนังสือแสดงเจตจำนง…'to establish a
    sister city relationship in the future'"): a sister city to be made, named after the last "instead"."""
    alternatives = [m.end for m in mentions if m.concept == "alternative"]
    if not alternatives:
        return False
    instead = max(alternatives)
    return any(
        m.start > instead + _INSTEAD_REACH and _ESTABLISH_BEFORE_ANY.search(lowered, max(0, m.start - 40), m.start)
        for m in _sister_cities(mentions)
    )


_GIVES = re.compile(r"[^\n?]{0,40}?(?:จะ|ได้|ขอ)?\s*(?:มอบ|บริจาค|ให้\s*(?:เงิน|ทุน|รถ)|ส่ง\s*(?:เงิน|รถ|อุปกรณ์))")
_ESTABLISH_BEFORE = re.compile(r"(?:ทำ|สถาปนา|เป็น|ลง\s*นาม|เซ็น|จับ\s*คู่|ผูก)\s*(?:ความ\s*สัมพันธ์\s*)?$")


# The rule named as a time: "ทำไว้ก่อนมีมติ ครม.", "before the 2018 resolution".
_BEFORE_THE_RULE = re.compile(r"ก่อน\s*(?:จะ\s*)?(?:มี|ออก)?\s*(?:มติ|ครม|หนังสือ|ปี\s*(?:25)?61)|before\s+the\s+(?:\d{4}\s+)?(?:resolution|rule|cabinet)")
# Before a mention that names the rule, not a relationship anyone would make: "หนังสือเวียนเรื่อง…", "ให้ระวังเรื่อง…".
_REFERS_TO_RULE = re.compile(
    # (A letter that sends one, "ส่งหนังสือ 姉妹都市提携 มาให้", is no reference: a subject must follow "หนังสือ".)
    r"(?:หนังสือ(?:\s*(?:เวียน|แจ้ง|สั่ง\s*การ))?|ระเบียบ|ข้อ\s*ห้าม|กฎ|หลัก\s*เกณฑ์|มติ)\s*(?:ที่\s*ว่า|เรื่อง|ว่า\s*ด้วย)\s*(?:การ\s*)?(?:ห้าม\s*(?:ทำ\s*)?)?$"
    # "เพิ่งได้หนังสืออำเภอว่าเมืองพี่เมืองน้องต้องระดับจังหวัด": what the district's letter says.
    r"|หนังสือ(?:\s*เวียน)?\s*(?:ของ\s*)?(?:อำเภอ|จังหวัด|กรม|สถ|มท)[ก-๛.]{0,12}\s*(?:ที่\s*)?ว่า\s*(?:การ\s*)?$"
    r"|(?:ข้อ\s*ห้าม|กฎ|ระเบียบ)\s*(?:การ\s*)?ห้าม\s*(?:ทำ\s*)?$|หนังสือ\s*เวียน\s*$|ระวัง\s*(?:เรื่อง\s*)?$"
    # "หนังสือ ว 0313 ห้ามเมืองพี่เมืองน้อง แล้ว…": what the letter forbids.
    r"|หนังสือ[^\n?]{0,25}?ห้าม\s*(?:ทำ\s*)?$"
)
# "เหมือนเรื่องเมืองพี่เมืองน้องที่อำเภอเพิ่งเวียนมาว่าห้าม": the rule the district sent round, after the name.
_CIRCULATED_AFTER = re.compile(r"\s*ที่\s*(?:ทาง\s*)?(?:อำเภอ|จังหวัด|กรม|สถ|มท|กระทรวง)[^\n?]{0,12}?(?:เวียน|แจ้ง|สั่ง)")


# How far after a sister city its "ได้ไหม" may be ("…เมืองพี่เมืองน้องกับเมืองห้วยทรายได้ไหม"), and how close before it
# an "แทน" names it as what is replaced.
_ASKED_REACH = 30
_INSTEAD_REACH = 6
# What ends the clause of a mention: "…cannot have a sister city. Can we sign…" asks about the other thing.
_CLAUSE_BREAK = re.compile(r"[.?!;,\n]|แต่|เพราะ|\bbut\b|\bso\b")
# The asker plans for a no ("…ได้ไหม กับถ้าไม่ได้ จะร่วมมือกันเรื่องกีฬาได้ไหม"): two questions, the rule first.
_IF_NOT = re.compile(r"(?:ถ้า|หาก)\s*(?:ทำ\s*)?ไม่\s*ได้|\bif\s+not\b|\botherwise\b")
# "เมืองพี่เมืองน้องห้ามใช่ไหม แล้ว…แบบอื่น…": the ban asked only to be confirmed, then what else.
_BAN_CONFIRMED = re.compile(
    r"(?:ห้าม|ทำ\s*ไม่\s*ได้)\s*(?:ใช่|จริง)\s*(?:ไหม|มั้ย|มั๊ย|ป่าว|เปล่า|หรือ\s*เปล่า)\s*(?:ครับ|คะ|ค่ะ|จ้ะ)?\s*แล้ว"
)


_INSTEAD = re.compile(r"แทน|\binstead\b")
# What may stand between a name and its "แทน": quotes, brackets, a CJK word ("「友好交流都市協定」แทน"), no Thai word.
_NAME_TAIL = re.compile(r"[\s\"'“”‘’「」『』()（）\u3040-\u30ff\u4e00-\u9fff]*")


def _renamed_instead(lowered: str, mentions: list[Mention]) -> bool:
    """Tell whether the text's "what instead" is only an "instead" right after a sister city it does not deny (a new name)."""
    names = [m.end for m in _sister_cities(mentions)]
    alternatives = [m for m in mentions if m.concept == "alternative"]
    return bool(names and alternatives) and all(
        _INSTEAD.search(lowered, m.start, m.end) is not None
        and any(0 <= m.start - end <= 6 and _NAME_TAIL.fullmatch(lowered, end, m.start) for end in names)
        for m in alternatives
    )


_SWAP_REACH = 40
# Between the sister city and its "แทน": a space (another clause), a question word ("ต้องใช้รูปแบบไหนแทน"), a "cannot".
_NOT_A_SWAP = re.compile(r"\s|ไหน|อะไร|ใด|ยัง\s*ไง|อย่าง\s*ไร|อื่น|ไม่\s*ได้")


def _actor_swapped(lowered: str, mentions: list[Mention]) -> bool:
    """Tell whether every "แทน" follows an undenied sister city in its clause, with no agreement between (who acts swapped)."""
    alternatives = [m for m in mentions if m.concept == "alternative"]
    if not alternatives or not all(_INSTEAD.fullmatch(lowered, m.start, m.end) for m in alternatives):
        return False
    for alternative in alternatives:
        before = [m for m in mentions if m.concept in ("sister-city", "agreement") and m.end <= alternative.start]
        last = max(before, key=lambda m: m.end, default=None)
        if (last is None or last.concept != "sister-city" or last.negated or alternative.start - last.end > _SWAP_REACH
                or _CLAUSE_BREAK.search(lowered, last.end, alternative.start)
                or _NOT_A_SWAP.search(lowered, last.end, alternative.start)):
            return False
    return True


def _sister_city_asked(lowered: str, mentions: list[Mention]) -> bool:
    """Tell whether "may we" follows an undenied sister city closely, in its clause ("…เป็นเมืองพี่เมืองน้องได้ไหม")."""
    asks = [m.start for m in mentions if m.concept == "asks-may"]
    # "ทำ MOU ท่องเที่ยวแทนเมืองพี่เมืองน้องได้ไหม": the sister city named as what is replaced is not asked.
    instead = [m.end for m in mentions if m.concept == "alternative"]
    return any(
        0 <= start - m.end <= _ASKED_REACH and not _CLAUSE_BREAK.search(lowered, m.end, start)
        and not any(0 <= m.start - end <= _INSTEAD_REACH for end in instead)
        for m in _sister_cities(mentions) for start in asks
    )


# The asker says the rule as known before asking about something else: "รู้แล้วค่ะว่าเมืองพี่เมืองน้องต้องระดับจังหวัด
# งั้นถ้า…", "We know sister city is only for provinces. Can our SAO still…". A knowing word before the sister city,
# and the province-only rule right after it in its clause.
_KNOWN_BEFORE = re.compile(
    r"(?:รู้|ทราบ|เข้าใจ)\s*(?:มา\s*)?(?:แล้ว|ดี|อยู่)?\s*(?:แล้ว\s*)?(?:ค่ะ|คะ|ครับ|นะ\S{0,3}|จ้า)?\s*(?:ว่า|แล้ว)\s*(?:การ\s*)?(?:ทำ\s*)?$"
    # "อบต.ข้างๆบอกว่าเมืองพี่เมืองน้องทำไม่ได้แล้ว เราเลย…": told the rule by someone, and gone on from it.
    r"|(?:บอก|แจ้ง|เตือน|ได้\s*คำ\s*ตอบ)\s*(?:มา\s*)?(?:แล้ว\s*)?ว่า\s*(?:การ\s*)?(?:ทำ\s*)?$"
    r"|\b(?:we|i)\s+(?:already\s+|do\s+|fully\s+)?(?:know|understand|are\s+aware|am\s+aware|realise|realize|got\s+it)"
    # (Or the gloss in brackets after the name: 'we understand that "jumelage" (twinning) is reserved…'.)
    r"\s+(?:that\s+)?(?:(?:a|the)\s+)?[\"'“‘]?(?:[^\s()]{1,30}[\"'”’]?\s*\(\s*)?$"
)
# The rule said after the name, a closing quote or a gloss in brackets between: '"jumelage" (twinning) is reserved…'.
_RULE_SAID_AFTER = re.compile(
    r"[\"'”’]?\s*\)?\s*(?:\([^()\n]{1,30}\)\s*)?(?:ต้อง\s*(?:ให้\s*)?(?:ทำ\s*|ดำเนิน\s*การ\s*)?(?:ใน\s*|เป็น\s*)?(?:ระดับ\s*)?จังหวัด|(?:ทำ\s*)?(?:ได้\s*)?เฉพาะ\s*(?:ระดับ\s*)?จังหวัด"
    r"|(?:เป็น\s*)?(?:เรื่อง\s*)?(?:ของ\s*)?(?:ระดับ\s*)?จังหวัด\s*เท่า\s*นั้น|(?:เป็น\s*)?เรื่อง\s*(?:ของ\s*)?(?:ระดับ\s*)?จังหวัด|(?:อปท|ท้องถิ่น|อบต|เทศบาล|ทต)?\s*ทำ\s*(?:เอง\s*)?ไม่\s*ได้"
    r"|(?:ก็\s*)?ไม่\s*ได้(?!\s*(?:ทำ|เป็น|มี|ลง|เซ็น|ตั้ง|คิด|ต้อง|สนใจ|เสนอ|ขอ))"
    r"|(?:relationships?\s+|agreements?\s+)?(?:is|are)\s+(?:only\s+)?(?:for|reserved\s+(?:for|to))\s+(?:the\s+)?(?:thai\s+)?provinc"
    r"|(?:relationships?\s+)?(?:is|are)\s+(?:a\s+)?provinc\w*[\s-]+level|(?:is|are)\s+not\s+allowed|(?:is|are)\s+off[\s-]+limits)"
)


# "เรื่องเมืองพี่เมืองน้องผมทราบแล้วว่าต้องเป็นระดับจังหวัด": the knowing word after the sister city, then the rule.
_KNOWN_AFTER = re.compile(
    r"\s*(?:นั้น|นี้)?\s*(?:ผม|เรา|ดิฉัน|หนู|ทาง\s*เรา|นายก\S{0,4})?\s*(?:ก็\s*)?(?:ทราบ|รู้|เข้าใจ)\s*(?:ดี\s*)?(?:อยู่\s*)?แล้ว\s*"
    r"(?:ค่ะ|คะ|ครับ|นะ\S{0,3})?\s*(?:ว่า)?"
)


# "We know tambons cannot do sister cities", "รู้ว่า อบต.ทำเมืองพี่เมืองน้องไม่ได้": the rule said with the knowing word.
_KNOWN_DENIED_BEFORE = re.compile(
    r"\b(?:we|i)\s+(?:already\s+|do\s+|fully\s+)?(?:know|understand|are\s+aware|am\s+aware|realise|realize)\s+(?:that\s+)?"
    r"[a-z'’\s]{0,40}?\b(?:cannot|can\s*not|can['’]t|may\s+not|must\s+not|are\s+not\s+allowed\s+to|aren['’]t\s+allowed\s+to)"
    r"\s+(?:do|have|make|sign|set\s+up|establish|form|enter\s+into|create)?\s*(?:(?:a|the|any)\s+)?$"
    # Vietnamese: "Chúng tôi hiểu rằng chính quyền cấp thị xã ở Thái Lan không được kết nghĩa".
    r"|(?:hiểu|biết)\s+(?:rõ\s+)?(?:rằng|là)[^.?!\n]{0,60}?không\s+(?:được|thể)\s+(?:ký\s+(?:kết\s+)?)?$"
)
_KNOWN_BEFORE_LAO = re.compile(
    r"(?:รู้|ทราบ|เข้าใจ|ได้\s*คำ\s*ตอบ|บอก|แจ้ง)\s*(?:มา\s*)?(?:แล้ว|ดี|อยู่)?\s*(?:แล้ว\s*)?(?:ค่ะ|คะ|ครับ|นะ\S{0,3}|จ้า)?\s*ว่า\s*"
    # ("รู้ว่าฝ่ายไทยระดับท้องถิ่นทำเมืองพี่เมืองน้องไม่ได้": the local level named in more words.)
    r"(?:" + _LAO_TYPES + r"\.?\s*(?:เรา)?|[^\n?]{0,20}?(?:ระดับ\s*)?ท้องถิ่น)\s*"
    r"(?:จะ\s*)?(?:การ\s*)?(?:ทำ|เป็น|จัด\s*ตั้ง|สถาปนา)?\s*$"
)
# "พวกเรารู้ว่า องค์กรปกครองส่วนท้องถิ่นของไทยบ่สามารถสร้างความสัมพันธ์เมืองพี่เมืองน้องได้" (Lao read as Thai
# letters), "ทราบว่า อบต.ไม่สามารถทำ…": the rule said with the knowing word before the name.
_KNOWN_CANNOT_BEFORE = re.compile(
    r"(?:รู้|ทราบ|เข้าใจ)\s*(?:มา\s*)?(?:แล้ว|ดี|อยู่)?\s*(?:แล้ว\s*)?ว่า[^\n?]{0,50}?(?:ไม่|บ่|มิ)\s*(?:สามารถ|อาจ)\s*(?:จะ\s*)?"
    r"(?:ทำ|สร้าง|จัด\s*ตั้ง|สถาปนา|เป็น|ลง\s*นาม|เซ็น)?\s*(?:ความ\s*สัมพันธ์|สาย\s*พัว\s*พัน)?\s*(?:แบบ\s*|เป็น\s*)?$"
)
# "ห้ามทำเมืองพี่เมืองน้องแล้ว แปลว่า อบต. ห้ามมีความร่วมมือกับต่างประเทศเลยใช่ไหม": the ban said, then what it implies.
_BANNED_BEFORE = re.compile(r"(?:ห้าม|ไม่\s*ให้)\s*(?:อปท\S{0,3}\s*|อบต\S{0,3}\s*|ท้องถิ่น\s*)?(?:ทำ|สถาปนา|เป็น)?\s*$")
_SO_AFTER = re.compile(
    r"\s*(?:ไป\s*)?แล้ว\s*,?\s*(?:(?:ก็|งั้น)\s*)?(?:แปล\s*ว่า|หมาย\s*ความ\s*ว่า|แสดง\s*ว่า|อย่าง\s*นี้|แบบ\s*นี้|งั้น)"
)
_DENIED_AFTER = re.compile(r"\s*(?:ก็\s*)?(?:ทำ\s*)?(?:เอง\s*)?ไม่\s*ได้(?!\s*(?:ทำ|เป็น|มี|ลง|เซ็น))")


# In a partner's language: "자매결연은 안 된다고 들었습니다", "姉妹都市はできないと聞きました", "听说不能缔结友好城市".
_HEARD_NOT_AFTER = re.compile(
    r"\s*(?:은|는|이|가)?\s*(?:안\s*된다|불가능하다|할\s*수\s*없다)(?:고|는\s*것을)\s*(?:들었|알고|알았|압니다|이해)"
    r"|\s*(?:は|が)?\s*(?:できない|不可能|認められない)(?:だ)?(?:と|こと)\s*(?:を)?(?:聞|承知|理解|分か|知)"
)
# ("我們了解貴方無法締結姊妹市": the partner named between the knowing and the cannot.)
_HEARD_NOT_BEFORE = re.compile(
    r"(?:听说|聽說|得知|知道|了解|理解|明白)(?:到)?[^，,。\n]{0,6}?(?:不能|不可以|无法|無法)\s*(?:缔结|締結|建立|签署|簽署|结为|結為)?\s*$"
)


# "เข้าใจเรื่องเมืองพี่เมืองน้องแล้ว แต่…": the matter understood already, and something else asked.
_KNOWN_TOPIC = re.compile(r"(?:รู้|ทราบ|เข้าใจ)\s*(?:ดี\s*)?(?:ใน\s*)?เรื่อง\s*$")
_KNOWN_SINCE = re.compile(r"\s*(?:ดี\s*)?แล้ว")


def _rule_known(lowered: str, mention: Mention) -> bool:
    """Tell whether a sister city is named as the rule the asker already knows ("รู้แล้วว่า…ต้องระดับจังหวัด")."""
    if _BANNED_BEFORE.search(lowered, max(0, mention.start - 20), mention.start) and _SO_AFTER.match(lowered, mention.end):
        return True  # "ห้ามทำเมืองพี่เมืองน้องแล้ว แปลว่า…": the ban is the premise of what is asked
    if _HEARD_NOT_AFTER.match(lowered, mention.end) or _HEARD_NOT_BEFORE.search(lowered, max(0, mention.start - 20), mention.start):
        return True
    if _KNOWN_DENIED_BEFORE.search(lowered, max(0, mention.start - 80), mention.start) is not None:
        return True
    if _KNOWN_CANNOT_BEFORE.search(lowered, max(0, mention.start - 100), mention.start) is not None:
        return True
    if _KNOWN_TOPIC.search(lowered, max(0, mention.start - 20), mention.start) and _KNOWN_SINCE.match(lowered, mention.end):
        return True
    if _KNOWN_BEFORE_LAO.search(lowered, max(0, mention.start - 40), mention.start) is not None:
        return _RULE_SAID_AFTER.match(lowered, mention.end) is not None or _DENIED_AFTER.match(lowered, mention.end) is not None
    if _KNOWN_BEFORE.search(lowered, max(0, mention.start - 40), mention.start) is not None:
        return _RULE_SAID_AFTER.match(lowered, mention.end) is not None
    after = _KNOWN_AFTER.match(lowered, mention.end)
    return after is not None and after.end() > mention.end and _RULE_SAID_AFTER.match(lowered, after.end()) is not None


def _only_referred_to(lowered: str, mentions: list[Mention]) -> bool:
    """Tell whether every sister city named is the rule referred to, and an agreement is named besides."""
    names = _sister_cities(mentions)
    if not names or not all(
        _REFERS_TO_RULE.search(lowered, max(0, m.start - 40), m.start) or _CIRCULATED_AFTER.match(lowered, m.end)
        or _rule_known(lowered, m) for m in names
    ):
        return False
    # Before the reference or after it: "ร่วมมือกับเทศมณฑลในเกาหลี… ยังได้อยู่ไหม หลังหนังสือเวียนเรื่องเมืองพี่เมืองน้อง".
    return any(m.concept == "agreement" for m in mentions)


# An idea told as dropped: "เคยคุยเรื่องเมืองพี่เมืองน้อง… แต่เรื่องก็ตกไปแล้ว", "the twinning idea fell through".
_DROPPED = re.compile(
    r"(?:ก็\s*)?(?:ตก\s*ไป|ล้ม\s*(?:ไป|เลิก)|พับ\s*(?:เรื่อง\s*)?(?:ไป|เก็บ)|เงียบ\s*ไป|ยุติ\s*(?:ไป|แล้ว)|ยก\s*เลิก\s*ไป|ไม่\s*ได้\s*(?:ทำ|ไป)\s*ต่อ"
    r"|เลิก\s*คุย|ไม่\s*คืบ|ไม่\s*สำเร็จ|(?:ตอบ\s*)?ปฏิเสธ|ไม่\s*รับ\s*(?:ข้อ\s*เสนอ)?"
    # "…แต่เมื่อตรวจสอบแล้วพบว่าต้องดำเนินการในระดับจังหวัดเท่านั้น จึงปรับเป็น…": found to be the province's.
    r"|(?:ตรวจ\s*สอบ|ศึกษา|หารือ)\s*(?:แล้ว\s*)?(?:จึง\s*)?พบ\s*ว่า\s*(?:ต้อง|ทำ\s*(?:ได้\s*)?(?:เฉพาะ|ไม่))"
    # "ฝ่ายลาวขอทำเมืองพี่เมืองน้อง เราตอบไปแล้วว่าทำไม่ได้": answered that it cannot be done.
    r"|ตอบ\s*(?:ไป|กลับ)?\s*(?:แล้ว\s*)?ว่า\s*(?:ทำ\s*)?(?:ไม่|มิ)\s*ได้)"
    r"|\b(?:was|were|got)\s+(?:dropped|shelved|abandoned|cancell?ed)\b|\bfell\s+through\b|\bcame\s+to\s+nothing\b|\bwent\s+nowhere\b"
    r"|\b(?:we|they)\s+(?:dropped|abandoned|shelved|gave\s+up)\s+(?:on\s+)?(?:it|that|the\s+idea)\b"
)
_DROPPED_REACH = 80


def _dropped_before(lowered: str, mentions: list[Mention]) -> bool:
    """Tell whether every sister city named is an idea told as dropped, and an agreement is named after the last drop."""
    names = _sister_cities(mentions)
    ends = []
    for m in names:
        dropped = _DROPPED.search(lowered, m.end, m.end + _DROPPED_REACH)
        if dropped is None or "?" in lowered[m.end:dropped.start()]:
            return False
        ends.append(dropped.end())
    return bool(ends) and _agreement_after(mentions, max(ends))


def _one_name_denied(lowered: str, mentions: list[Mention]) -> bool:
    """Tell whether the sister city is called by one name only ("우호도시 협정이면 자매도시가 아니니까" sets two names apart).

    A gloss in brackets right after a name is that name ("មិនមែនជាក្រុងបងប្អូន (sister city) ទេ").
    """
    names = sorted((m for m in mentions if m.concept == "sister-city"), key=lambda m: m.start)
    glosses = {
        m for m, before in zip(names[1:], names[:-1], strict=True) if _GLOSS_OPENS.fullmatch(lowered, before.end, m.start)
    }
    return len({lowered[m.start:m.end] for m in names if m not in glosses}) == 1


_GLOSS_OPENS = re.compile(r"\s*[\"'”’]?\s*\(\s*")


def _partner_gives(lowered: str, mentions: list[Mention]) -> bool:
    """Tell whether every sister city named is the subject of a gift ("เมืองพันธมิตรในญี่ปุ่นจะมอบรถ…"), none being made."""
    names = _sister_cities(mentions)
    return bool(names) and all(
        _GIVES.match(lowered, m.end) is not None and not _ESTABLISH_BEFORE.search(lowered, max(0, m.start - 20), m.start)
        for m in names
    )


# A relationship named at a province's level ("sister-state relationship", "友好省府关系", "姉妹県") that is there already
# ("already", "早已", "既に", "이미", "อยู่แล้ว"): the provinces', not one an LAO would make.
_PROVINCE_LEVEL_NAME = re.compile(
    r"sister[\s\-]*(?:state|province|prefecture)s?|friendship[\s\-]+provinces?|姉妹県|友好県|姐妹省|姊妹省|友好(?:省|府|州|县|縣|県)"
    r"|(?:จังหวัด|รัฐ|มณฑล)" + _WS + r"พี่" + _WS + r"(?:จังหวัด|รัฐ|มณฑล)?" + _WS + r"น้อง"
)
_ALREADY = re.compile(
    r"\balready\s+(?:has|have|had|holds?|signed|established|enjoys?)\b|(?:早已|已经|已經)\s*(?:建立|签署|簽署|结为|結為|缔结|締結)"
    r"|既に[^。]{0,30}?(?:結んで|提携|関係に)|이미[^.?]{0,30}?(?:맺|체결|관계)|มี[^\n?]{0,40}?อยู่" + _WS + r"แล้ว"
)


def _provinces_own(lowered: str, mentions: list[Mention]) -> bool:
    """Tell whether every sister city the text names is the province's ("จังหวัดเรามีเมืองพี่เมืองน้องกับ…", "…ของจังหวัด")."""
    names = _sister_cities(mentions)

    def held_by_provinces(m: Mention) -> bool:
        return (_PROVINCE_LEVEL_NAME.fullmatch(lowered, m.start, m.end) is not None
                and _ALREADY.search(lowered, *_sentence_of(lowered, m)) is not None)

    return bool(names) and all(
        _PROVINCES_OWN.search(lowered, max(0, m.start - 30), m.start) or _OF_THE_PROVINCE.match(lowered, m.end)
        or _WITH_A_PROVINCE.search(lowered, max(0, m.start - 30), m.start)
        or held_by_provinces(m)
        for m in names
    )


def _renamed_not_denied(lowered: str, mentions: list[Mention]) -> bool:
    """Tell whether a text says the sister city is renamed, other than in a list a denial covers.

    "ใช้ชื่ออื่นที่ไม่ใช่ sister city" renames it; "จะไม่ใช้คำว่าเมืองพี่เมืองน้อง หรือชื่อเรียกอื่น" denies both.
    """
    denied = [mention for mention in mentions if mention.negated and mention.concept == "sister-city"]
    for found in _RENAMED.finditer(lowered):
        if _denied_from(lowered, found.start()) is not None:
            continue  # "และไม่ได้ใช้ชื่ออื่นที่แปลว่าแบบนั้นด้วย": the renaming is denied too
        if not any(m.end <= found.start() and _LISTED_NAME.fullmatch(lowered, m.end, found.start()) for m in denied):
            return True
    return False


# Words of naming: with them, "แทน" / "instead" is another name ("เรียกว่าเมืองแฝดแทน"), not another framework.
_NAMING = re.compile(r"เรียก|เอิ้น|ชื่อ|คำ\s*ว่า|\bcall|\bname|\bterm\b|名|이름|호칭|tên|gọi")
# A Thai province named in a message written abroad: "một จังหวัด của Thái Lan", "태국의 จังหวัด".
_THAI_PROVINCE_WORD = re.compile(r"จังหวัด|changwat|タイの県|泰国的府|泰國的府")
# Between a denied name and "ชื่อเรียกอื่น" listed after it: "หรือ", "และ", a comma.
_LISTED_NAME = re.compile(r"\s*(?:หรือ|และ|,|/|\bor\b)\s*(?:ใช้\s*)?")


def _plain_name_only(lowered: str, mentions: list[Mention], terms: set[str]) -> bool:
    """Tell whether a text calls a sister city only เมืองพี่เมืองน้อง / sister city: no other name, no renaming."""
    if _RENAMED.search(lowered) or _OTHER_NAME_TERM in terms:
        return False
    plain = False
    for mention in mentions:
        if mention.concept != "sister-city" or mention.negated or _THE_ACT.fullmatch(lowered, mention.start, mention.end):
            continue
        if not _PLAIN_NAME.fullmatch(lowered, mention.start, mention.end):
            return False
        plain = True
    return plain


# Thailand named as the other side in a partner's language (not the English an official here may write).
_THAILAND_FROM_ABROAD = re.compile(
    r"tha[iï]landais\w*|\bth[aï]ïlande\b|\bthaïlande\b|thailändisch\w*|\btailand[ée]s\w*|\btailandia\b|\bdi\s+thailand\b"
    r"|\bdengan\s+(?:sebuah\s+|satu\s+)?(?:thesaban|tambon|oat|obt)\b|\b(?:mit|avec|con)\s+(?:einer?|un|une|una?)\s+(?:thailändisch\w*|tha[iï]landais\w*)"
)


# Malay and Indonesian words no English writer uses: a partner's letter in Latin letters.
_MALAY_WORDS = re.compile(
    r"\b(?:dan|yang|untuk|dengan|kami|ini|tidak|dalam|kerjasama|kerja\s+sama|pihak|kerajaan|pemerintah|bagi|adalah|akan"
    r"|apakah|adakah|bolehkah|atau|perlu|dapat|boleh|sendiri|terlebih|dahulu|daripada|kepada|tersebut|mohon|sebuah)\b"
)


def _written_abroad(text: str) -> bool:
    """Tell whether most of a message's letters are in a script officials in Thailand do not write (a partner's)."""
    if not (_FOREIGN_SCRIPTS.search(text) or _VIETNAMESE.search(text)):
        # All Thai and Latin: an official here may write English, and Lao is read as Thai; Malay and Indonesian
        # are a partner's, when they are most of the message.
        latin = sum(1 for ch in text if "a" <= ch.lower() <= "z")
        return latin * 2 >= sum(1 for ch in text if ch.isalpha()) and len(_MALAY_WORDS.findall(text.lower())) >= 4
    letters = [ch for ch in text if ch.isalpha()]
    foreign = sum(1 for ch in letters if _FOREIGN_SCRIPTS.match(ch) or _VIETNAMESE.match(ch))
    vietnamese_words = len(re.findall(r"\b(?:chúng|tôi|của|với|không|được|hợp|tác|muốn|thành|phố|tỉnh|huyện)\b", text.lower()))
    return bool(letters) and (foreign * 2 >= len(letters) or vietnamese_words >= 3)


_PARTNER_COUNTRY = re.compile(r"กัมพูชา|สปป|ลาว|เวียดนาม|เมียนมา|พม่า|มาเลเซีย|ญี่ปุ่น|เกาหลี|จีน|cambodia|laos|vietnam|myanmar|china")


def _province_owns(lowered: str) -> bool:
    """Tell whether a Thai province is said to own the relationship (not a governor of a province abroad)."""
    for match in _PROVINCE_OWNS.finditer(lowered):
        # "ได้รับปากผู้ว่าการจังหวัดเกาะกง ราชอาณาจักรกัมพูชา": the partner's governor, no Thai province's activity.
        after = lowered[match.end():match.end() + 40]
        if match.group().startswith("ผู้") and (_names_a_foreign_region(after) or _PARTNER_COUNTRY.search(after)):
            continue
        return True
    return False


def _names_a_foreign_region(text: str) -> bool:
    """Tell whether `text` names a province or state that is not Thai ("จังหวัดนางาซากิ", "รัฐเปรัก")."""
    from bot.thai import tokenize

    for match in _REGION.finditer(text):
        name = match.group(1)
        if name.startswith(_thai_provinces()):
            continue
        first = tokenize(name)[0]
        if first in _NOT_A_NAME or first in _stopwords():
            continue
        # A transliterated name splits into rare pieces or short syllables ("ชิ ซุ โอกะ").
        if len(first) < 3 or _word_counts().get(first, 0) < _COMMON_WORD:
            return True
    return False


@lru_cache(maxsize=1)
def _word_counts() -> dict[str, int]:
    from pythainlp.corpus import tnc

    return dict(tnc.word_freqs())


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from pythainlp.corpus import thai_stopwords

    return frozenset(thai_stopwords())


# The subject a letter named by its issuer is given: "หนังสืออำเภอแม่สายเรื่อง…", and what a subject of the
# circulars this base holds speaks of (all are on LAOs' agreements abroad).
# ("เรื่องนี้", "เรื่องอะไร" name no subject.)
_SUBJECT_AFTER = re.compile(r"\s*(?:ที่\s*ส่ง\s*มา\s*)?เรื่อง\s*(?!นี้|นั้น|ดัง|เดียว|ที่|อะไร|ไหน|ใด|เดิม)([^?\n]{0,30})")
_ABOUT_AGREEMENTS = re.compile(
    r"ความ\s*ตกลง|ข้อ\s*ตกลง|ความ\s*ร่วม\s*มือ|ร่วม\s*มือ|ต่าง\s*ประเทศ|ระหว่าง\s*ประเทศ|\bmou\b|บันทึก\s*ความ\s*เข้าใจ|เมือง\s*พี่"
    r"|sister|แนว\s*ทาง|สถาปนา|ความ\s*สัมพันธ์"
)


def _letter_from(issuer: str) -> re.Pattern[str]:
    """Return a regex for a letter named by its issuer ("หนังสืออำเภอแม่สาย"; the part in brackets left out)."""
    name = issuer.split("(")[0].strip().lower()
    return re.compile(r"หนังสือ\s*(?:เวียน\s*)?(?:ของ\s*|จาก\s*)?" + r"\s*".join(map(re.escape, name.split()))
                      # "หนังสืออำเภอแม่สายเรื่อง MOU": Thai runs the next word on; only a longer name is another issuer.
                      + r"(?:(?![ก-๛])|(?=เรื่อง|ที่|ลง|ฉบับ|ซึ่ง|ว่า|ว\s*\.?\s*[0-9๐-๙]|ดัง|นี้|นั้น|ให้|แจ้ง|สั่ง|เมื่อ))")


class ConceptDetector:
    """Finds the concepts of questions, with one knowledge base's documents."""

    def __init__(self, documents: Mapping[str, KnowledgeSource]) -> None:
        self._letters: list[tuple[LetterNumber, str]] = []
        self._resolution_dates = {doc.date for doc in documents.values() if doc.kind == "cabinet-resolution"}
        # The first circular of documents.yaml is the letter the knowledge base is built on ("this letter").
        self._principal = next((doc_id for doc_id, doc in documents.items() if doc.kind == "circular"), None)
        # "หนังสืออำเภอแม่สาย" names the circular its issuer sent, as its number would.
        self._issuers = [
            (_letter_from(doc.issuer), doc.id) for doc in documents.values() if doc.kind == "circular" and doc.issuer
        ]
        for document in documents.values():
            number = parse_number(document.number) if document.number else None
            if number is not None:
                self._letters.append((number, document.id))
        # A message is read more than once (whole, each part, each part with the one before): detect once.
        self._detect = lru_cache(maxsize=4096)(self._detect_text)

    def forget(self) -> None:
        """Drop the concepts kept of earlier texts (a benchmark times each question as if new)."""
        self._detect.cache_clear()

    def _letter(self, number: LetterNumber) -> str | None:
        """Return the document a typed number names, matched as far as it was typed ("ว 0313" = its serial)."""
        for known, document_id in self._letters:
            if {"full": known.key_full, "tail": known.key_tail, "serial": known.key_serial}[number.level] == number.key:
                return document_id
        return None

    def says(self, text: str, concept: str) -> bool:
        """Tell whether `text` says `concept` in so many words (its patterns alone, nothing else checked)."""
        regex = CONCEPTS_BY_ID[concept].regex
        return regex is not None and any(match.end() > match.start() for match in regex.finditer(text.lower()))

    def detect(self, text: str, terms: Iterable[str] = ()) -> Concepts:
        """Return the concepts of `text` (`terms`: its canonical terms, for the concepts synonyms carry)."""
        return self._detect(text, tuple(terms))

    def _detect_text(self, text: str, terms: tuple[str, ...]) -> Concepts:
        lowered = text.lower() if len(text.lower()) == len(text) else text
        mentions: list[Mention] = []
        # Only the alternatives the text's scripts can match are tried (the same mentions, found sooner).
        scripts = scripts_of(lowered)
        for concept in CONCEPT_TABLE:
            pruned = concept.pruned
            if pruned is None:
                continue
            regex = pruned.for_scripts(scripts)
            position = 0
            while (match := regex.search(lowered, position)) is not None:
                if match.end() == match.start():
                    position = match.end() + 1
                    continue
                if _starts_word(lowered, match.start()):
                    before = _denied_from(lowered, match.start()) if concept.negatable else None
                    if before is not None and concept.waiver_says_it and _WAIVER.match(lowered, before):
                        before = None
                    denied = concept.negatable and (
                        before is not None or _NEGATED_AFTER.match(lowered, match.end()) is not None
                        or _ANSWERED_NOT.match(lowered, match.end()) is not None
                        or _REMOVED_AFTER.match(lowered, match.end()) is not None
                        or (concept.denied_inside and _DENIED_INSIDE.search(match.group(), 3) is not None)
                    )
                    mentions.append(Mention(concept.id, match.start(), match.end(), denied,
                                            match.start() if before is None else before))
                position = match.end()
        mentions = _denials_shared(lowered, mentions)
        # "แจ้งเตือนไฟป่า ลาดตระเวนร่วม…": a patrol against forest fires is no security matter of the state.
        mentions = [m for m in mentions if not (m.concept == "national-matter" and _fire_patrol(lowered, m))]
        # "សាលាក្រុងរបស់លោកមិនអាចចុះហត្ថលេខា…បានទេ" says cannot: the Khmer negative ends as a question does.
        mentions = [m for m in mentions if not (m.concept == "asks-may" and _khmer_cannot(lowered, m))]
        # "ร้านอาหาร "เมืองพี่เมืองน้อง"", "ฟุตบอล "เมืองพี่เมืองน้องคัพ"": the name of a shop or a cup, no relationship.
        named = [m for m in mentions if m.concept == "sister-city" and _names_a_business(lowered, m)]
        names_only = {m.concept for m in named}
        mentions = [m for m in mentions if m not in named]
        mentions = [_feared(lowered, m) for m in mentions]
        dated = _dated_sister_city(lowered, mentions)
        if dated is not None:
            # "早在2012年就…结为友好城市", "ký kết nghĩa từ năm 2010": the sister city has gone on since that year.
            mentions.append(Mention("existing-relationship", dated.start, dated.end, False, dated.start))
        mentions = [mention for mention in mentions if mention.concept != "since-year"]
        if _made_now(lowered, mentions):
            # "ยกระดับเป็นเมืองพี่เมืองน้อง" on an MOU signed before, "พิธี…ประกาศสถาปนาเป็นเมืองพี่เมืองน้อง … คงไว้ได้ไหม":
            # the sister city is to be made, whatever old agreement or kept item the message names.
            mentions = [mention for mention in mentions if mention.concept != "existing-relationship"]
        not_lao = _lao_denied(lowered) or (
            _LAO_NOT_ACTING.search(lowered) is not None and _PROVINCE_OR_GOVERNOR.search(lowered) is not None
        )
        present = {mention.concept for mention in mentions if not mention.negated}
        negated = {mention.concept for mention in mentions if mention.negated} - present
        stated = set(present)
        term_set = set(terms)
        mentioned = {mention.concept for mention in mentions} | names_only
        for concept in CONCEPT_TABLE:
            # The analyzer's words are a fallback: they read typos ("เมืองพี่เมิองน้อง") and glued names,
            # but a concept its patterns found (denied or not) is already decided.
            if concept.id == "sister-city" and _RENAMES_A_DOCUMENT.search(lowered):
                continue  # "เปลี่ยนชื่อร่างจาก Agreement เป็น MOU" renames the document, not a sister city
            if concept.id not in mentioned and term_set.intersection(concept.terms):
                present.add(concept.id)
                if concept.terms_state:
                    stated.add(concept.id)
        if not_lao:
            # "ทางเราไม่ใช่ อปท. นะครับ เป็นสำนักงานจังหวัด": the writer says who does not act.
            present.discard("lao-actor")
            stated.discard("lao-actor")
            negated.add("lao-actor")
        if "lao-actor" in present and "lao-actor" not in mentioned and _only_partner_laos(lowered):
            # "อยากรู้ว่าเทศบาลญี่ปุ่นทำเองได้เลยหรือเปล่า": the partner's own local government, not a Thai LAO, would act.
            present.discard("lao-actor")
            stated.discard("lao-actor")
        abroad = _written_abroad(text)
        if _FOREIGN_SCRIPTS.search(text) or _VIETNAMESE.search(text) or abroad:
            # (A letter in Malay or Indonesian is a partner's too.)
            present.add("foreign")
            if abroad:
                # A message written in Vietnamese, Chinese or Korean comes from the partner abroad.
                stated.add("foreign")
        if "foreign" not in present and _THAILAND_FROM_ABROAD.search(lowered):
            # "un thesaban thaïlandais", "eine thailändische Tambon-Verwaltung", "di Thailand": the writer is the partner.
            present.add("foreign")
            stated.add("foreign")
        if "foreign" not in present and _names_a_foreign_region(lowered):
            present.add("foreign")
            stated.add("foreign")
        if "foreign" not in present and _INSTITUTION.search(lowered):
            # "MOU กับมหาวิทยาลัยแม่ฟ้าหลวง": a university or hospital with nothing foreign about it is Thai.
            present.add("domestic")
        if "foreign" not in present and _thai_provinces_paired().search(lowered):
            # "จังหวัดน่านกับจังหวัดภูเก็ตอยากจับคู่เป็นจังหวัดพี่จังหวัดน้อง": two Thai provinces, nothing abroad.
            present.add("nothing-abroad")
        if "foreign" not in present and "sister-city" in present and _LAOS_COUNTED.search(lowered):
            # "อบต.สองแห่งในจังหวัดพะเยาจะจับคู่เป็นตำบลพี่ตำบลน้อง": two Thai LAOs paired, no one abroad
            # (counted: "ทต.กับ อบต." may list the kinds a letter went to).
            present.add("nothing-abroad")
        if "foreign" not in present and "agreement" in present and _LAOS_TOGETHER.search(lowered):
            present.add("nothing-abroad")
        if "foreign" not in present and _TAMBONS_TOGETHER.search(lowered):
            # "งานบอลประเพณีของ 2 ตำบลในอำเภอเดียวกัน" (a cup called "เมืองพี่เมืองน้อง"): two places at home.
            present.add("nothing-abroad")
        if "foreign" in present and "agreement" in present and not abroad and _laos_at_home(lowered):
            present.discard("foreign")
            stated.discard("foreign")
            present.add("nothing-abroad")
        if _NOT_FOREIGN.search(lowered):
            # "…ใช้รถดับเพลิงร่วมกัน ไม่ได้เกี่ยวกับต่างประเทศเลยนะคะ": the writer says there is no one abroad.
            present.discard("foreign")
            stated.discard("foreign")
            present.add("nothing-abroad")
        if "foreign" in present:
            present.discard("domestic")
        if "statute" in present:
            # "สมาชิกสภายืนยันว่า พ.ร.บ.เทศบาล มาตรา 57 ทวิ … ไม่ต้องไปยึดแนวทางของกรมฯ": what the Act says is asked.
            present.discard("skips-guidelines")
            stated.discard("skips-guidelines")
        if "alternative" in present and _renamed_instead(lowered, mentions):
            # "เปลี่ยนเป็น「友好交流都市協定」แทน", "call it a twin town instead": the other thing is another name of it.
            present.discard("alternative")
        if "alternative" in present and _still_established(lowered, mentions):
            # "ถ้ายังเซ็นเมืองพี่เมืองน้องไม่ได้ ก็ขอเซ็นแค่หนังสือแสดงเจตจำนง…'to establish a sister city relationship'":
            # what is offered instead still makes the sister city.
            present.discard("alternative")
        if "alternative" in present and _actor_swapped(lowered, mentions):
            # "ผู้ว่าฯ ให้เทศบาลนครลงนามเมืองพี่เมืองน้องกับเมืองในจีนแทน": the sister city done by another, not another thing.
            present.discard("alternative")
        confirmed = "alternative" in present and _BAN_CONFIRMED.search(lowered) is not None
        if confirmed:
            present.add("ban-confirmed")
            stated.add("ban-confirmed")
        if "alternative" in present and _sister_city_asked(lowered, mentions) and not _IF_NOT.search(lowered) and not confirmed:
            # "เรายกระดับเป็นเมืองพี่เมืองน้องได้ไหม หรือควรทำแบบไหนแทน": the sister city itself is asked first; what
            # else comes after the rule, not in its place.
            present.discard("alternative")
        plain = "sister-city" in present and _plain_name_only(lowered, mentions, term_set)
        if "alternative" in present and (plain or _instead_another_agreement(mentions)) and not _NAMING.search(lowered):
            # "Could our commune instead sign a cooperation agreement…": instead of it, not calling it otherwise.
            present.add("other-framework")
        if "sister-city" in present and abroad and _THAI_PROVINCE_WORD.search(lowered):
            # A partner abroad writes of a "จังหวัด" of Thailand: the province is who would act.
            present.add("province-actor")
            stated.add("province-actor")
        if plain:
            # Called by its own name only: a question about other names (เมืองคู่มิตร, 友好城市, "twin town") it is not.
            present.add("plain-name")
        why = [mention.end for mention in mentions if mention.concept == "asks-why"]
        if why and _MAY_WE.search(lowered, max(why)):
            # "ผู้บริหารไม่เข้าใจว่าทำไม… ขอเรียนถามว่าลงนามเองได้หรือไม่": the story says why, the question asks may we.
            present.discard("asks-why")
            stated.discard("asks-why")
            # Nor is where the rule comes from asked, if only that "why" said it.
            spans = [(m.start, m.end) for m in mentions if m.concept == "asks-why"]
            if all(any(s <= m.start < e for s, e in spans) for m in mentions if m.concept == "source-question"):
                present.discard("source-question")
                stated.discard("source-question")
        if "asks-why" in present:
            present.add("source-question")
            stated.add("source-question")
        if "existing-relationship" in stated and _BEFORE_THE_RULE.search(lowered) and "asks-why" not in present:
            # "ของเดิมที่ทำไว้ก่อนมีมติ ครม. ปี 61 ยังมีผลอยู่ไหม": the resolution dates the old one; its basis is not asked.
            present.discard("source-question")
            stated.discard("source-question")
        if "sister-city" in present and _thai_province_abroad().search(lowered):
            # A partner abroad asks about twinning with a Thai province: the province is who acts.
            present.add("province-actor")
            stated.add("province-actor")
        province_asked = _PROVINCE_ASKED.search(lowered) is not None
        if province_asked:
            present.add("province-actor")
            stated.add("province-actor")
        if "sister-city" in present and _PROVINCE_CRITERIA_ASKED.search(lowered) and not _sister_city_asked(lowered, mentions):
            # What the province weighs is asked, not whether the LAO may: the province is who acts in it.
            present.add("province-actor")
            stated.add("province-actor")
            present.discard("lao-actor")
            stated.discard("lao-actor")
        # The writer works for the province: an LAO named in passing ("หนังสือเวียนว่าท้องถิ่นทำไม่ได้") is not who
        # acts, unless the message says the LAO would ("เทศบาลนครในจังหวัดขอทำเมืองพี่เมืองน้องของตัวเอง").
        province_writes = _PROVINCE_WRITER.search(lowered) is not None and not _LAO_ACTS.search(lowered)
        if "province-actor" in present and (province_asked or province_writes) and not _LAO_WRITER.search(lowered):
            present.discard("lao-actor")
            stated.discard("lao-actor")
        if "lao-actor" in present and _LAO_NAME.search(lowered):
            # "โรงเรียนในสังกัดเทศบาลจะทำ…": an LAO's own school is the LAO's matter ("วัดในตำบล" names a place).
            present.discard("institution-actor")
        if "lao-actor" in present or "district-actor" in present:
            # "ตัวอำเภอเองจะไปทำ… หรือต้องให้จังหวัดเป็นคนทำ": the province is the alternative asked about, not who acts.
            present.discard("province-actor")
        # "ใช้ชื่ออื่นที่ไม่ใช่ sister city": naming it otherwise is the disguise itself, not a denial.
        if "sister-city" in negated and _renamed_not_denied(lowered, mentions):
            negated.discard("sister-city")
            present.add("sister-city")
        # Taking part in the province's relationship needs the province and the relationship.
        if "join-province" in present and not ("sister-city" in present and _province_owns(lowered)):
            present.discard("join-province")
        if "sister-city" in present and "agreement" in present and _only_referred_to(lowered, mentions):
            # "กลัวขัดหนังสือเวียนเรื่องเมืองพี่เมืองน้อง… ข้อตกลงแบบนี้ ทต. ทำได้ไหม": the rule is named, the agreement asked.
            present.discard("sister-city")
            stated.discard("sister-city")
            # Nor is the province's relationship joined: "รู้แล้วว่าเมืองพี่เมืองน้องเป็นเรื่องของจังหวัด… จัดงานแสดงสินค้า".
            present.discard("join-province")
        if "sister-city" in present and "agreement" in present and _dropped_before(lowered, mentions):
            # "เคยคุยเรื่องเมืองพี่เมืองน้อง… แต่เรื่องก็ตกไปแล้ว ตอนนี้จะทำแค่ MOU…": the dropped idea is not asked.
            present.discard("sister-city")
            stated.discard("sister-city")
        if "sister-city" in present and "foreign-aid" in present and _partner_gives(lowered, mentions):
            # "เมืองพันธมิตรในญี่ปุ่นจะมอบรถดับเพลิงให้ อบต. รับได้ไหม": the partner is the giver; the gift is asked.
            present.discard("sister-city")
            stated.discard("sister-city")
        if "sister-city" in present and present & _ABOUT_ANOTHER_MATTER and _provinces_own(lowered, mentions):
            # "จังหวัดเราเป็นเมืองพี่เมืองน้องกับ… ทางนั้นจะบริจาครถดับเพลิงให้ อบต." asks about the gift: the
            # province's relationship is where it comes from, not what the LAO would set up.
            present.discard("sister-city")
            stated.discard("sister-city")
            present.add("province-sister-city")
        if ("sister-city" in negated and "agreement" in stated and not present & (DECIDING_RULES | OUT_OF_SCOPE)
                and not _sister_cities(mentions) and _one_name_denied(lowered, mentions)):
            # "Il ne s'agit pas d'un jumelage : … un protocole d'accord", "Đây không phải là kết nghĩa": in a partner's
            # language the framework's words may score low; the denial beside an agreement says what is asked.
            present.add("sister-city-denied")
            stated.add("sister-city-denied")
        if "not-binding" in present and "binds-government" not in present:
            # "This MOU does not create legally binding obligations…", "tidak mengikat Pemerintah kedua negara".
            negated.add("binds-government")
        if "own-costs" in stated and ("binds-government" not in negated or present & DECIDING_RULES):
            # A draft told in the official's words is the framework's only when it also says nothing binds the
            # state ("ต่างคนต่างจ่าย บ่มีข้อไหนผูกพันรัฐบาล"): each side paying its own is no promise of that alone,
            # and a sister city, treaty wording or a national matter it names is still the rule's.
            stated.discard("own-costs")
        commitments = {"binds-government", "treaty-clause"}
        if "clause-asked" in present and commitments & negated and not commitments & present:
            # "ข้อ 10 บันทึกนี้ไม่ก่อให้เกิดพันธกรณีภายใต้กฎหมายระหว่างประเทศ และไม่มีผลผูกพันรัฐบาล — ควรใส่ไหม"
            present.add("non-binding-clause")
            stated.add("non-binding-clause")
        for number, _ in find_numbers(text):
            document_id = self._letter(number)
            present.add(letter_concept(document_id) if document_id else UNKNOWN_LETTER)
        for issuer, document_id in self._issuers:
            by_issuer = issuer.search(lowered)
            if by_issuer is None:
                continue
            # "หนังสือเวียนอำเภอแม่สายเรื่องการจัดงานวันเด็ก": the issuer's other letter, on another subject.
            subject = _SUBJECT_AFTER.match(lowered, by_issuer.end())
            if subject is None or _ABOUT_AGREEMENTS.search(subject.group(1)):
                present.add(letter_concept(document_id))
            else:
                present.add(UNKNOWN_LETTER)  # a letter the base does not hold
        if _LETTER_MARKS.search(lowered) and _A_LETTER.search(lowered) and not _A_DRAFT.search(lowered):
            present.add("this-letter")  # the letterhead or a stamp of a letter in hand, not of a draft
        if not any(concept.startswith(LETTER_PREFIX) for concept in present) and "this-letter" in present and self._principal:
            # "หนังสือฉบับนี้", a stamp on it: the letter in hand is the one this knowledge base is built on.
            present.add(letter_concept(self._principal))
        # A letter's details are asked of a letter the knowledge base holds, named by its number.
        if "letter-question" in present and not any(
            concept.startswith(LETTER_PREFIX) and concept != UNKNOWN_LETTER for concept in present
        ):
            present.discard("letter-question")
        asked_of_letter = [m for m in mentions if m.concept == "letter-question"]
        if "asks-may" in present and "agreement" in present and asked_of_letter and all(
            _DATE_CITED.match(lowered, m.start) for m in asked_of_letter
        ):
            # "ตาม ว.313 ลว.23 ก.พ.69 … อบต.ยังทำ MOU ด้านวัฒนธรรม…ได้อยู่ไหม": the date cites the letter; the rule is asked.
            present.discard("letter-question")
            stated.discard("letter-question")
        if _RESOLUTION.search(lowered):
            from bot.letters import parse_thai_date

            day = parse_thai_date(text)
            if day is not None and day not in self._resolution_dates:
                present.add(UNKNOWN_RESOLUTION)
        stated = (stated | {c for c in present if c.startswith(LETTER_PREFIX)}) & present
        return Concepts(frozenset(present), frozenset(negated), tuple(sorted(mentions, key=lambda m: m.start)),
                        frozenset(stated), written_abroad=abroad)
