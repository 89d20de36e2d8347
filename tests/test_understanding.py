"""Question understanding: each kind of question that matching on words alone got wrong, with entry and verdict.

The questions here were written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import thai
from bot.answers import STORY_THRESHOLD, Answerer
from bot.concepts import ConceptDetector
from bot.config import default_contact
from bot.conversation import Conversation
from bot.evaluation import evaluate, load_items
from bot.knowledge import KnowledgeError, default_knowledge_dir, load_knowledge
from bot.understanding import question_parts, understand

ANSWERER = Answerer(load_knowledge(), default_contact())


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    """Answer from the shipped knowledge base."""
    return ANSWERER


@pytest.fixture(scope="module")
def detector(answerer: Answerer) -> ConceptDetector:
    """Detect concepts with the shipped documents."""
    return answerer.concepts


def _concepts(detector: ConceptDetector, text: str) -> tuple[set[str], set[str]]:
    """Return the concepts present and denied, leaving out the form of the question ("ได้ไหม" asks may-we)."""
    found = understand(text, ANSWERER.matcher.analyzer, detector).concepts
    return set(found.present) - {"asks-may"}, set(found.negated)


CASES = [
    # Long messages: the question at the end, the story before it.
    ("long", "ผมเป็นนักจัดการงานทั่วไปของ อบต. ริมชายแดนจันทบุรีครับ ปีที่แล้วเราจัดงานผลไม้ร่วมกับอำเภอฝั่งกัมพูชาสองครั้ง "
     "ท่านนายกอยากให้ผูกเป็นเมืองพี่เมืองน้องกันไปเลยในงานปีหน้า อยากทราบว่า อบต.ลงนามเองได้หรือไม่ครับ",
     "sister-city-province-only", "no"),
    ("long", "ดิฉันอยู่กองการศึกษา เทศบาลเมืองแห่งหนึ่งในภาคอีสานค่ะ ได้รับการติดต่อจากเมืองในญี่ปุ่นเรื่องแลกเปลี่ยนครูภาษาปีละสองคน "
     "ผู้บริหารถามว่าเราทำข้อตกลงด้านการศึกษากับเขาได้หรือเปล่าคะ",
     "other-cooperation-allowed", "conditional"),
    # No sister city in the question: never the sister-city verdict.
    ("no sister city", "อบต.จะทำ MOU ด้านการจัดการขยะกับเมืองในเวียดนามได้ไหมครับ", "other-cooperation-allowed",
     "conditional"),
    ("no sister city", "เทศบาลจะลงนามความร่วมมือด้านการท่องเที่ยวกับเมืองในไต้หวันได้ไหม", "other-cooperation-allowed",
     "conditional"),
    # Compound: a permitted sector with something that binds the government or is not the LAO's to promise.
    ("compound", "MOU ด้านสาธารณสุขกับเมืองในลาว แต่ร่างเขียนว่ารัฐบาลไทยจะจ่ายค่าอุปกรณ์การแพทย์ทั้งหมด ลงนามได้ไหม",
     "agreement-must-not-bind-government", "no"),
    ("compound", "MOU ด้านการค้ากับเมืองในมาเลเซีย ในร่างให้ทั้งสองฝ่ายเปิดจุดผ่อนปรนการค้าเพิ่มอีกแห่ง อบต.เซ็นได้ไหม",
     "agreement-must-not-bind-government", "no"),
    ("compound", "ความร่วมมือด้านการท่องเที่ยวกับเมืองในจีน ร่างมีข้อว่าข้อพิพาทให้ไปอนุญาโตตุลาการระหว่างประเทศ ทต.ลงนามได้หรือไม่",
     "international-agreement-risk", "info"),
    # Negation and disguise.
    ("negated", "เราไม่ได้จะทำเมืองพี่เมืองน้องนะครับ แค่อยากทำข้อตกลงด้านกีฬาเยาวชนกับเมืองในกัมพูชา ทำได้ไหม",
     "other-cooperation-allowed", "conditional"),
    ("negated", "บ่แม่นเมืองพี่เมืองน้องเด้อ เป็นความร่วมมือเรื่องการเกษตรกับเมืองในลาว อบต.เฮ็ดได้บ่",
     "other-cooperation-allowed", "conditional"),
    ("negated", "This is not a sister city deal, only a tourism cooperation with a town in Japan. "
     "Can our municipality sign it?", "other-cooperation-allowed", "conditional"),
    ("cjk", "เมืองในจีนเสนอให้เป็น 姐妹城市 กับ ทม.ของเรา ลงนามได้ไหม", "sister-city-province-only", "no"),
    ("cjk", "เมืองญี่ปุ่นขอทำ 友好都市 กับ อบต. ได้ไหมคะ", "sister-city-province-only", "no"),
    ("cjk", "ฝ่ายเกาหลีเสนอ 우호도시 กับเทศบาลตำบล รับได้ไหม", "sister-city-province-only", "no"),
    ("glued", "can our tambon sign a twintown agreement?", "sister-city-province-only", "no"),
    ("glued", "อบต.เราลงนามsistercityกับเมืองในลาวได้ไหม", "sister-city-province-only", "no"),
    # Chinese, Japanese and Korean runs are cut into the knowledge base's words, negation included.
    ("cjk", "日本の町とタイの自治体が観光分野の協力覚書を結ぶことはできますか", "other-cooperation-allowed",
     "conditional"),
    ("cjk", "备忘录里写泰国政府负担全部费用，可以吗", "agreement-must-not-bind-government", "no"),
    ("cjk", "我们不是姐妹城市，只想签文化交流协议 เทศบาลทำได้ไหม", "other-cooperation-allowed", "conditional"),
    ("other languages", "เมืองในฝรั่งเศสเสนอ jumelage กับ ทต. ได้ไหม", "sister-city-province-only", "no"),
    # A province or state whose name is no Thai province is abroad, with no country named.
    ("foreign region", "อบต.จะทำ MOU ด้านกีฬากับเมืองในจังหวัดโทจิงิ ได้ไหม", "other-cooperation-allowed", "conditional"),
    # Immigration, customs and territorial waters are the state's, not the LAO's, to promise.
    ("compound", "MOU ด้านท่องเที่ยวกับเมืองในลาว ให้นักท่องเที่ยวไม่ต้องผ่านตรวจคนเข้าเมือง ใส่ได้ไหม",
     "agreement-must-not-bind-government", "no"),
    # A letter's details, asked by its number; a question that names it and nothing else answers is about it.
    ("letter", "ว๐๓๑๓ ลงวันที่เท่าไหร่คะ", "circular-mae-sai-0313", "info"),
    ("letter", "หนังสือ ว 0313 ต้องรายงานผลกลับไปที่อำเภอไหม", "circular-mae-sai-0313", "info"),
]


def test_a_restriction_leads_and_the_permitted_sector_follows(answerer: Answerer) -> None:
    answer = answerer.answer("MOU ด้านสาธารณสุขกับเมืองในลาว แต่ร่างเขียนว่ารัฐบาลไทยจะจ่ายค่าอุปกรณ์การแพทย์ทั้งหมด ลงนามได้ไหม")
    assert answer.verdict == "no" and [part.entry_id for part in answer.also] == ["other-cooperation-allowed"]
    plain = answerer.answer("ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม")
    assert plain.entry_id == "sister-city-province-only" and plain.also == ()  # no sector asked


@pytest.mark.parametrize(
    "question",
    [
        "translate 'sister city' into French",
        "How do I renew a foreign worker's work permit?",
        "เมืองพี่เมืองน้องของจังหวัดเชียงใหม่มีที่ไหนบ้าง",
        "อบต.สองแห่งในอำเภอเดียวกันจะทำ MOU ร่วมกันเก็บขยะ ต้องทำยังไง",
        "มติ ครม. 6 ส.ค. 2556 เรื่องเมืองพี่เมืองน้องว่าอย่างไร",
    ],
)
def test_a_concept_alone_does_not_answer_a_question_the_rules_do_not(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.verdict not in ("yes", "conditional"), answer.entry_id
    assert answer.entry_id not in ("sister-city-province-only", "legal-basis-cabinet-2561", "other-cooperation-allowed")


def test_a_thai_province_is_not_abroad(detector: ConceptDetector) -> None:
    for text in ("อบต.ในจังหวัดหนองคายทำ MOU ได้ไหม", "จังหวัดเราจะทำ MOU", "จังหวัดโคราชมีแนวทางไหม", "จังหวัดแจ้งมาว่า"):
        assert "foreign" not in _concepts(detector, text)[0], text
    for text in ("เมืองในจังหวัดนางาซากิ", "สภาเขตในรัฐกลันตัน", "เมืองในรัฐบาวาเรีย"):
        assert "foreign" in _concepts(detector, text)[0], text


def test_negation_is_read_before_a_mention_not_after(detector: ConceptDetector) -> None:
    assert _concepts(detector, "ไม่ใช่เมืองพี่เมืองน้องนะ แค่ MOU ท่องเที่ยว")[1] == {"sister-city"}
    assert "sister-city" in _concepts(detector, "ระดับตำบลทำเมืองพี่เมืองน้องไม่ได้ใช่ไหม")[0]
    assert "sister-city" in _concepts(detector, "ไม่ทราบว่าเมืองพี่เมืองน้องทำได้ไหม")[0]  # not knowing is not denying
    # A contrast ends the denial: "not X, but Y".
    present, negated = _concepts(detector, "ไม่ใช่ MOU ท่องเที่ยว แต่เป็นเมืองพี่เมืองน้อง")
    assert "sister-city" in present and not negated
    present, negated = _concepts(detector, "MOU ที่ไม่ผูกพันรัฐบาลไทย ทำได้ไหม")
    assert "binds-government" in negated and "binds-government" not in present


def test_concepts_of_typos_names_and_partners(detector: ConceptDetector) -> None:
    assert "sister-city" in _concepts(detector, "เทศบาลตำบลทำเมืองพี่เมิองน้องได้ไม")[0]  # a typo, read by the analyzer
    assert "foreign" in _concepts(detector, "MOU กับเมืองปากลาย แขวงไซยะบูลี")[0]
    assert "domestic" in _concepts(detector, "อบต.สองแห่งทำ MOU ร่วมกัน")[0]
    assert "domestic" not in _concepts(detector, "อบต.สองแห่งทำ MOU กับเมืองในลาว")[0]
    assert "binds-government" not in _concepts(detector, "รัฐบาลจีนจะออกเงินให้โครงการ")[0]  # not Thailand's
    assert {"letter:mae-sai-w0313", "letter-question"} <= _concepts(detector, "ว ๐๓๑๓ ใครลงนาม")[0]
    assert "letter:unknown" in _concepts(detector, "หนังสือ ขร 0023.20/ว 9999 ว่าอย่างไร")[0]


def test_an_unknown_concept_in_an_entry_stops_the_load(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), root)
    path = root / "entries" / "sister-city-other-names.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("needs: [sister-city]", "needs: [sister-citty]"),
                    encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(root)
    assert any("unknown concept 'sister-citty'" in problem and "sister-city-other-names" in problem
               for problem in caught.value.problems)


def test_every_phrasing_of_an_entry_has_the_concepts_the_entry_needs(answerer: Answerer) -> None:
    # Otherwise the curator's own phrasing could never be answered by its entry.
    for entry in answerer.kb.entries:
        for question in entry.questions:
            present = understand(question, answerer.matcher.analyzer, answerer.concepts).concepts.present
            assert entry.needs <= present, (entry.id, question, sorted(entry.needs - present))


def test_a_denial_covers_a_list_and_other_scripts_deny_too(detector: ConceptDetector) -> None:
    # One "ไม่ใช่" for both names; "not a sister city or a twin town".
    assert _concepts(detector, "ไม่ใช่เมืองพี่เมืองน้องหรือเมืองคู่มิตร แค่ MOU ขยะ ได้ไหม") == ({"agreement"}, {"sister-city"})
    assert "sister-city" in _concepts(detector, "not a sister city or a twin town, just a waste MOU")[1]
    assert "sister-city" in _concepts(detector, "can we work with them if we dont call it a sister city?")[1]
    assert "sister-city" in _concepts(detector, "我们想签旅游合作备忘录，不叫姐妹城市，可以吗？")[1]
    assert "sister-city" in _concepts(detector, "Chúng tôi muốn hợp tác du lịch, không phải kết nghĩa")[1]
    # "มิ" inside a word (พันธมิตร) denies nothing.
    assert "sister-city" in _concepts(detector, "เมืองพันธมิตรกับเมืองพี่เมืองน้องต่างกันไหม")[0]


def test_a_particle_after_a_question_word_is_its_own_word() -> None:
    # Rare dictionary words (นคะ, มละ, กสิ) once swallowed the end of the word before the particle.
    assert thai.tokenize("หน่วยงานไหนคะ") == ["หน่วยงาน", "ไหน", "คะ"]
    assert thai.tokenize("ได้ไหมละ") == ["ได้", "ไหม", "ละ"]
    assert thai.tokenize("นายกสิ") == ["นายก", "สิ"]


@pytest.mark.parametrize(
    ("question", "entry_id", "verdict"),
    [
        ("obt tham muang phi muang nong dai mai krub", "sister-city-province-only", "no"),
        ("tessaban tham MOU kap tang prathet dai mai", "other-cooperation-allowed", "conditional"),
        ("sister city tham dai tae radab changwat chai mai krub", "sister-city-province-only", "no"),
    ],
)
def test_romanised_thai_is_read_as_thai(answerer: Answerer, question: str, entry_id: str, verdict: str) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == (entry_id, verdict)


def test_a_message_is_split_into_the_questions_it_asks() -> None:
    assert question_parts("เทศบาลทำความตกลงด้านกีฬากับเมืองในมาเลเซียได้ไหมคะ แล้วมีเบอร์ให้โทรถามไหม") == [
        "เทศบาลทำความตกลงด้านกีฬากับเมืองในมาเลเซียได้ไหมคะ", "แล้วมีเบอร์ให้โทรถามไหม"]
    assert question_parts("Can we sign a sister city MOU? And who do we call?") == [
        "Can we sign a sister city MOU?", "And who do we call?"]
    # One question, however long, stays whole; so do two asks with no word starting the second.
    assert question_parts("เทศบาลทำ MOU กับเมืองในจีนได้ไหม") == ["เทศบาลทำ MOU กับเมืองในจีนได้ไหม"]
    assert len(question_parts("เมืองพี่เมืองน้องทำได้ไหม ทำไม่ได้เพราะอะไร")) == 1


def test_each_question_of_a_message_is_answered_the_restriction_first(answerer: Answerer) -> None:
    answer = answerer.answer("เทศบาลทำ MOU ด้านกีฬากับเมืองในลาวได้ไหม แล้วถ้าในร่างเขียนว่ารัฐบาลไทยจะออกค่าใช้จ่ายให้ได้ไหม")
    assert (answer.entry_id, answer.verdict) == ("agreement-must-not-bind-government", "no")
    assert [part.entry_id for part in answer.also] == ["other-cooperation-allowed"]
    both = answerer.answer("เทศบาลทำความตกลงด้านกีฬากับเมืองในมาเลเซียได้ไหมคะ แล้วมีเบอร์ให้โทรถามไหม")
    assert {both.entry_id, *(part.entry_id for part in both.also)} == {"contact-office", "other-cooperation-allowed"}


def test_long_stories_are_answered_at_the_story_threshold(answerer: Answerer) -> None:
    # On the blind sets, the story threshold answers long messages the word score declined
    # (set J: 4 more on its first run) and answers no out-of-scope one.
    items = load_items(Path(__file__).resolve().parent / "data" / "sealed_j_questions.yaml")
    default = evaluate(Conversation(answerer, None, None), items)
    strict = evaluate(Conversation(Answerer(answerer.kb, default_contact(), story_threshold=1.0), None, None), items)
    assert default.in_scope_correct > strict.in_scope_correct and default.rejection == strict.rejection
    assert default.harmful == strict.harmful == 0
    assert answerer.threshold > STORY_THRESHOLD


def test_a_denial_goes_with_its_negator(answerer: Answerer) -> None:
    # The denial goes with its negator: "ไม่เกี่ยวกับ" left behind once read as a question about "ไม่".
    denied = answerer.answer(
        "ผมเป็นปลัด อบต. ติดชายแดนลาวครับ ที่ผ่านมาเราไปมาหาสู่กับบ้านฝั่งโน้นตลอด งานบุญงานประเพณีก็ไปร่วมกัน "
        "ปีนี้ทางเมืองฝั่งลาวอยากทำข้อตกลงเรื่องป้องกันโรคไข้เลือดออกร่วมกัน ไม่เกี่ยวกับเมืองพี่เมืองน้องนะครับ แบบนี้ อบต. ทำได้หรือเปล่าครับ")
    assert (denied.entry_id, denied.verdict) == ("other-cooperation-allowed", "conditional")


def test_lao_script_is_read_letter_by_letter_as_thai(answerer: Answerer) -> None:
    assert thai.clean("ເມືອງພີ່ເມືອງນ້ອງ") == "เมืองพี่เมืองน้อง"
    assert thai.clean("ຄວາມຮ່ວມມື ການທ່ອງທ່ຽວ") == "ความร่วมมือ กานท่องเที่ยว"  # ຮ is ร, ຽ is เ-ีย, มือ ends in อ
    answer = answerer.answer("ເທດສະບານ ເຮັດ MOU ດ້ານການທ່ອງທ່ຽວ ກັບ ແຂວງ ຫຼວງພະບາງ ໄດ້ບໍ່")
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")
    answer = answerer.answer("ເທດສະບານຕຳບົນ ເຮັດເມືອງພີ່ເມືອງນ້ອງໄດ້ບໍ່")
    assert (answer.entry_id, answer.verdict) == ("sister-city-province-only", "no")


def test_a_restriction_no_one_asked_about_follows_the_permitted_answer(answerer: Answerer) -> None:
    # "May we … and what conditions?" names no commitment of the Thai government: the permitted
    # framework leads and the restriction follows as the thing to mind, not a "no".
    answer = answerer.answer("ทำ MOU ด้านการเกษตรกับเมืองในเวียดนามได้ไหม ต้องมีเงื่อนไขอะไร")
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")
    assert [part.entry_id for part in answer.also] == ["agreement-must-not-bind-government"]
    # Said in so many words, the commitment is the answer.
    said = answerer.answer("Can a local MOU with a foreign city commit the Thai government to anything?")
    assert (said.entry_id, said.verdict) == ("agreement-must-not-bind-government", "no")


def test_a_writer_who_is_no_lao_is_the_province(answerer: Answerer, detector: ConceptDetector) -> None:
    present, negated = _concepts(detector, "ทางเราไม่ใช่ อปท. นะครับ เป็นสำนักงานจังหวัด จะเสนอผู้ว่าฯ สถาปนาเมืองพี่เมืองน้อง")
    assert "lao-actor" in negated and "province-actor" in present
    assert "lao-actor" in _concepts(detector, "ไม่ใช่จังหวัดนะครับ เป็นเทศบาลนคร จะทำเมืองพี่เมืองน้อง")[0]
    # "บ่" of another clause denies no LAO named after it.
    assert "lao-actor" in _concepts(detector, "แค่ด้านวัฒนธรรม บ่เกี่ยวเศรษฐกิจ เทศบาลทำได้ก่อ")[0]
    # A province is never told "ทำไม่ได้" about a sister city, nor given the LAOs' framework.
    answer = answerer.answer(
        "ทางเราไม่ใช่ อปท. นะครับ เป็นสำนักงานจังหวัด จะเสนอผู้ว่าฯ สถาปนาเมืองพี่เมืองน้องกับมลรัฐหนึ่งในอินเดีย ได้ไหม"
    )
    assert answer.entry_id == "sister-city-province-criteria"
    answer = answerer.answer("จังหวัดทำเมืองพี่น้องกับต่างประเทศได้ใช่ปะ ของเราคือจังหวัดนะ ไม่ใช่อปท")
    assert answer.verdict != "no" and answer.entry_id != "other-cooperation-allowed"


def test_more_disguises_national_matters_and_second_questions(answerer: Answerer, detector: ConceptDetector) -> None:
    assert "sister-city" in _concepts(detector, "ฝ่ายเกาหลีเรียกว่าเมืองสัมพันธไมตรี จะมาลงนามกับ อบต.")[0]
    assert "national-matter" in _concepts(detector, "ร่างมีข้อว่าสองฝ่ายตกลงแบ่งการใช้น้ำแม่น้ำโขงช่วงหน้าแล้ง")[0]
    assert "binds-government" in _concepts(detector, "Article 9: Thailand shall permit the import of seeds")[0]
    assert question_parts("อบต.ทำเมืองพี่เมืองน้องได้ไหมคะ ถ้าไม่ได้ แล้วหน่วยงานระดับไหนที่ทำได้") == [
        "อบต.ทำเมืองพี่เมืองน้องได้ไหมคะ", "ถ้าไม่ได้ แล้วหน่วยงานระดับไหนที่ทำได้"]
    answer = answerer.answer("อบต.ทำเมืองพี่เมืองน้องได้ไหมคะ ถ้าไม่ได้ แล้วหน่วยงานระดับไหนที่ทำได้")
    assert (answer.entry_id, answer.verdict) == ("sister-city-province-only", "no")


def test_an_lao_with_a_sister_city_it_does_not_deny_gets_the_rule_first(answerer: Answerer) -> None:
    # Long, and its question clause names no agreement: the LAO and the sister city still decide.
    answer = answerer.answer("อบต.ริมโขงอยากทำ ตำบลพี่ตำบลน้อง กับบ้านฝั่งลาว ในเมื่อไม่ใช่เมือง "
                             "ก็ไม่น่าจะติดข้อห้ามเรื่องเมืองพี่เมืองน้องใช่ไหมคะ")
    assert (answer.entry_id, answer.verdict) == ("sister-city-province-only", "no")


def test_a_denied_list_of_laos_and_the_thai_side_at_province_level(detector: ConceptDetector) -> None:
    present, negated = _concepts(detector, "ครั้งนี้ไม่ได้ให้เทศบาลหรือ อบต. เป็นคู่ลงนามนะครับ จังหวัดเป็นผู้สถาปนาเมืองพี่เมืองน้อง")
    assert "lao-actor" in negated and "province-actor" in present
    # A name listed with no denial before it stays the actor.
    assert "lao-actor" in _concepts(detector, "จังหวัดหรือ อบต. ทำเมืองพี่เมืองน้องได้ไหม")[0]
    assert "province-actor" in _concepts(detector, "태국 쪽에서는 짱왓 차원에서 체결하는 것이 가능한가요?")[0]


def test_an_old_twinning_and_a_division_asked_for_by_name(detector: ConceptDetector) -> None:
    old = "We have been twinned with a Thai tambon since 2009. Is it void now?"
    assert "existing-relationship" in _concepts(detector, old)[0]
    assert "which-office" in _concepts(detector, "ในกรมส่งเสริมฯ กองไหนดูเรื่อง MOU ต่างประเทศของ อปท.")[0]
    assert "which-office" in _concepts(detector, "เรื่องเมืองพี่เมืองน้องระดับจังหวัดอยู่ที่หน่วยไหนครับ")[0]


SESSION_CASES = [
    # A place abroad named only by its region or city (the gazetteer) makes the partner foreign.
    ("gazetteer", "ทต.อยากทำ MOU ด้านการท่องเที่ยวกับเมืองในจังหวัดคาโกชิมะ ทำได้ไหมคะ", "other-cooperation-allowed",
     "conditional"),
    ("gazetteer", "Can our tambon sign a youth sport exchange with a town in Kelantan?", "other-cooperation-allowed",
     "conditional"),
    # A partner abroad asks about twinning with a Thai province: the province acts, and it may.
    ("province abroad",
     "Our prefecture in Japan hopes to become a sister city of Phrae province. What will the Thai side consider?",
     "sister-city-province-criteria", "info"),
    ("province abroad", "我们市希望与泰国难府结为友好城市，泰方需要考虑什么？",
     "sister-city-province-criteria", "info"),
    # The council's approval is the same unsettled procedure as who signs.
    ("council", "สภา อบต. ต้องอนุมัติ MOU ด้านกีฬากับเมืองในเวียดนามก่อนไหม", "signing-authority", "info"),
    # Only another name for a sister city gets the entry about its other names.
    ("plain name", "เทศบาลตำบลจะทำเมืองพี่เมืองน้องกับเมืองในพม่าได้หรือเปล่า", "sister-city-province-only", "no"),
    ("other name", "ถ้า อบต. ใช้คำว่าเมืองคู่แฝดกับเมืองในจีนแทน จะทำได้ไหม", "sister-city-other-names", "no"),
    # Why the rule is so: the Cabinet resolution; a "why" told in the story and "may we" asked: the rule.
    ("why", "ทำไมตอนนี้เทศบาลถึงทำเมืองพี่เมืองน้องเองไม่ได้ ใครเป็นคนกำหนด", "legal-basis-cabinet-2561", "info"),
    ("why", "ท่านนายกไม่เข้าใจว่าทำไมเรื่องเมืองพี่เมืองน้องต้องไปอยู่ที่จังหวัด เลยให้ถามว่า อบต.ลงนามเองได้หรือไม่",
     "sister-city-province-only", "no"),
    # "How do we make it not …" asks about what it negates.
    ("avoid", "ควรเขียน MOU กับเมืองในลาวอย่างไรให้ไม่มีผลผูกพันรัฐบาลไทย", "agreement-must-not-bind-government", "no"),
    # The letter in hand named without its number, by its letterhead or stamp.
    ("this letter", "หัวกระดาษหนังสือที่ได้รับเขียนว่ากองการศึกษา แปลว่ากองการศึกษาเป็นคนออกหนังสือหรือเปล่า",
     "circular-mae-sai-0313", "info"),
    # International law in Korean; a message a partner abroad wrote, with a Thai town as its partner.
    ("cjk", "양해각서에 국제법에 따른 의무 조항이 있습니다. 태국 테사반이 서명할 수 있나요?",
     "international-agreement-risk", "info"),
]


def test_a_drafts_letterhead_is_not_the_letter_and_a_why_in_passing_is_no_why(detector: ConceptDetector) -> None:
    present, _ = _concepts(detector, "หัวกระดาษของร่าง MOU ที่ฝ่ายจีนส่งมาควรใช้ตราของ อบต. ไหม")
    assert "this-letter" not in present and "letter:mae-sai-w0313" not in present
    present, _ = _concepts(detector, "หนังสือฉบับนี้ให้ อปท. ทำอะไรบ้าง")
    assert {"this-letter", "letter:mae-sai-w0313"} <= present
    present, _ = _concepts(detector, "จังหวัดต้องเตรียมอะไรรองรับบ้างเมื่อจะทำเมืองพี่เมืองน้อง")
    assert "asks-why" not in present
    present, _ = _concepts(detector, "Xin chào, thành phố chúng tôi muốn hợp tác du lịch với một thesaban của Thái Lan")
    assert "foreign" in understand("Xin chào, thành phố chúng tôi muốn hợp tác du lịch với một thesaban của Thái Lan",
                                   ANSWERER.matcher.analyzer, detector).concepts.stated


def test_a_near_tie_goes_to_the_entry_the_concepts_back_but_never_a_yes_over_a_restriction(answerer: Answerer) -> None:
    # Water management with a district abroad: words tie between the office and the framework; the
    # question states an agreement with a foreign partner, which the framework is sure of.
    answer = answerer.answer("อบต.จะทำความร่วมมือเรื่องบริหารจัดการน้ำกับอำเภอหนึ่งในกัมพูชาได้หรือเปล่าคะ")
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")
    # Who signs alone is not answered "yes" because the framework's words come close.
    answer = answerer.answer("นายก อบต.เซ็น MOU กับเมืองในลาวคนเดียวได้เลยไหม ไม่ต้องผ่านใคร")
    assert answer.verdict not in ("yes", "conditional")


MEMO_CASES = [
    # A memo's frame: whom it is addressed to and "จึงขอหารือ" are not what it asks.
    ("memo", "เรียน สถ.อ. เทศบาลตำบลได้รับหนังสือจากเมืองแห่งหนึ่งในแขวงจำปาศักดิ์ เสนอให้สถาปนาความสัมพันธ์เมืองพี่เมืองน้อง "
     "จึงขอหารือว่าเทศบาลตำบลดำเนินการได้หรือไม่ จึงเรียนมาเพื่อโปรดพิจารณา", "sister-city-province-only", "no"),
    ("memo", "Dear Sir or Madam, our county in Gunma would like to sign a tourism cooperation memorandum with a Thai "
     "tambon. Is this possible? Best regards", "other-cooperation-allowed", "conditional"),
    # A wish denied past the usual reach of a negator.
    ("denied wish", "อบต.ไม่ได้มีความประสงค์จะเป็นเมืองพี่เมืองน้อง เพียงอยากทำข้อตกลงด้านการเกษตรกับเมืองในลาว ได้หรือไม่",
     "other-cooperation-allowed", "conditional"),
    ("denied wish", "ขอแค่อย่าเป็นเมืองพี่เมืองน้อง อบต.ก็ร่วมมือกับเมืองในกัมพูชาเรื่องกีฬาได้ใช่ไหม",
     "other-cooperation-allowed", "conditional"),
    # A clause only the state can grant, in a memo that otherwise reads like a procedure question.
    ("state's to grant", "เรียน สถ.อ. ร่างข้อตกลงที่เมืองในลาวส่งมาให้ชาวลาวได้กรรมสิทธิ์ที่ดินริมโขง อบต.ลงนามได้หรือไม่",
     "agreement-must-not-bind-government", "no"),
    ("treaty form", "เมืองในเกาหลีอยากทำความร่วมมือกับเทศบาลในรูปแบบสนธิสัญญา ทำได้ไหม", "international-agreement-risk", "info"),
]


def test_a_memos_frame_is_left_out_and_a_trip_is_one_someone_goes_on(detector: ConceptDetector) -> None:
    from bot.understanding import without_frame

    assert without_frame("เรียน สถ.จ. อบจ. ขอหารือ จึงเรียนมาเพื่อโปรดพิจารณา") == "อบจ. ขอหารือ"
    assert without_frame("เรียนสอบถามค่ะ อบต.ทำได้ไหม") == "เรียนสอบถามค่ะ อบต.ทำได้ไหม"  # no addressee: kept
    present, _ = _concepts(detector, "อบจ.จะทำความร่วมมือกับเมืองในญี่ปุ่นเรื่องฝึกอบรมผู้ดูแลผู้สูงอายุ")
    assert "study-visit" not in present
    present, _ = _concepts(detector, "นายก อบต. และสมาชิกสภาจะเดินทางไปอบรมที่ญี่ปุ่น ใช้งบ อบต.ได้ไหม")
    assert "study-visit" in present
    # "อย่าง" is no "อย่า".
    _, negated = _concepts(detector, "เทศบาลนครใหญ่อย่างเราทำเมืองพี่เมืองน้องเองได้ไหม")
    assert "sister-city" not in negated


CONTEXT_CASES = [
    # The province's own sister city, named as where a gift or an event comes from: the gift, the event are asked.
    ("province's own", "จังหวัดเรามีเมืองพี่เมืองน้องกับเมืองหนึ่งในเกาหลี เขาจะมอบเงินช่วยเหลือน้ำท่วมให้เทศบาล เทศบาลรับได้ไหม",
     "foreign-aid-to-lao", "info"),
    ("province's own", "อบต.ขอร่วมจัดงานเทศกาลของเมืองพี่เมืองน้องของจังหวัดได้ไหมคะ", "join-province-sister-city", "info"),
    # …but an LAO that wants one of its own still gets the rule.
    ("its own", "จังหวัดมีเมืองพี่เมืองน้องกับมณฑลกวางสี เทศบาลทำเองบ้างได้ไหม", "sister-city-province-only", "no"),
    ("supervision", "ใครมีอำนาจตรวจสอบเทศบาล ถ้าไปทำ MOU กับเมืองต่างประเทศผิดระเบียบ", "lao-supervision", "info"),
    # Asked whether it may, the province gets the rule's "yes" (the criteria follow it).
    ("province abroad", "Could a Thai province sign a sister-province agreement with a Canadian province?",
     "sister-city-province-only", "yes"),
]


def test_a_thai_public_body_is_a_domestic_partner(answerer: Answerer) -> None:
    # An MOU with the district hospital or a cooperative is not cooperation abroad: never its "conditional".
    for question in ("เทศบาลทำ MOU กับโรงพยาบาลชุมชนเรื่องผู้สูงอายุได้ไหม", "อบต.ทำข้อตกลงกับสหกรณ์การเกษตรในตำบลได้ไหม"):
        assert answerer.answer(question).verdict not in ("yes", "conditional"), question


def test_a_task_a_district_and_a_province_in_a_language_barely_known(answerer: Answerer) -> None:
    # Translating or drafting is a task, not a question: never the permitted framework's "conditional".
    answer = answerer.answer("ช่วยแปลร่าง MOU ด้านกีฬากับเมืองในลาวเป็นภาษาอังกฤษให้หน่อยครับ")
    assert answer.verdict not in ("yes", "conditional")
    # A district is no province: the rule, not the province's criteria.
    answer = answerer.answer("อำเภอจะลงนามเมืองพี่เมืองน้องกับเมืองในพม่าในนามอำเภอได้ไหม")
    assert (answer.entry_id, answer.verdict) == ("sister-city-province-only", "no")
    # A prefecture asking in Japanese whether a Thai province may: the province's "yes", though few words match,
    # and asking what the province weighs, its criteria.
    answer = answerer.answer("群馬県はタイのプレー県との友好提携を考えています。タイでは県レベルで締結できますか。")
    assert (answer.entry_id, answer.verdict) == ("sister-city-province-only", "yes")
    assert [extra.entry_id for extra in answer.also] == ["sister-city-province-criteria"]
    answer = answerer.answer("タイの県（チャンワット）との姉妹県提携で、タイ側は何を考慮しますか。")
    assert (answer.entry_id, answer.verdict) == ("sister-city-province-criteria", "info")


STATE_CASES = [
    # What only the state can promise, said as the Thai side's undertaking.
    ("work permits",
     "ร่าง MOU ด้านประมงกับเมืองในเมียนมา มีข้อว่าฝ่ายไทยจะออกใบอนุญาตทำงานให้ชาวประมงทุกคน อบต.ลงนามได้ไหม",
     "agreement-must-not-bind-government", "no"),
    ("police", "ข้อตกลงจัดงานวิ่งกับเมืองในลาว เขียนว่าตำรวจไทยจะส่งกำลังไปดูแลฝั่งลาวด้วย ทต.เซ็นได้ไหม",
     "agreement-must-not-bind-government", "no"),
    ("visa fee", "MOU ด้านดนตรีกับเมืองในจีน มีข้อว่าฝ่ายไทยจะยกเว้นค่าธรรมเนียมวีซ่าให้นักดนตรี ทต.ลงนามได้ไหม",
     "agreement-must-not-bind-government", "no"),
    ("state land", "เมืองในลาวขอให้ MOU ระบุว่านักลงทุนของเขาได้เช่าที่ราชพัสดุริมโขง อบต.ลงนามได้ไหม",
     "agreement-must-not-bind-government", "no"),
    # "จว." is the province.
    ("abbreviation", "จว.จะทำ sister city กับมณฑลในจีน ทำได้ใช่ไหม", "sister-city-province-only", "yes"),
    # A prefecture asking about sister prefectures in Japanese.
    ("japanese", "タイの県（チャンワット）と姉妹県の提携を結ぶことはできますか。",
     "sister-city-province-only", "yes"),
    # A province abroad named by place is not the Thai province whose events an LAO would join.
    ("place abroad",
     "เทศบาลเรารู้จักกับเมืองเล็กๆ ในจังหวัดกุนมะมานาน เขาเสนอให้ลงนามเมืองพี่เมืองน้องในงานครบรอบ เทศบาลลงนามเองได้ไหม",
     "sister-city-province-only", "no"),
]


BODY_CASES = [
    # A Thai state body that will do something, whatever the service: the state's promise.
    ("state body", "ร่างข้อตกลงระบุว่าศาลไทยจะยอมรับคำพิพากษาของศาลลาว อบจ.ใส่ได้ไหม",
     "agreement-must-not-bind-government", "no"),
    ("state body", "ข้อ 5 ของร่าง: ทางการไทยจะออกบัตรประจำตัวให้แรงงานจากเมืองคู่สัญญา อบต.ลงนามได้ไหม",
     "agreement-must-not-bind-government", "no"),
    ("state body", "The draft says the Thai Ministry of Interior will provide a liaison officer for the project. "
     "Can our municipality sign this?", "agreement-must-not-bind-government", "no"),
    ("state body", "ร่าง MOU ด้านเกษตรมีข้อให้กรมวิชาการเกษตรจัดหาพันธุ์ข้าวให้เมืองในลาว เทศบาลลงนามได้ไหม",
     "agreement-must-not-bind-government", "no"),
    ("state body", "ทต.ทำ MOU กับเมืองในจีน จะไปผูกมัดรัฐบาลด้วยได้ไหม", "agreement-must-not-bind-government", "no"),
    ("state body", "ในร่างเขียนว่าสำนักงบประมาณจะให้เงินอุดหนุนโครงการร่วมกับเมืองในกัมพูชา อบต.เซ็นได้ไหม",
     "agreement-must-not-bind-government", "no"),
    # The LAO doing it itself is its own sector cooperation.
    ("own powers", "อบจ.จะส่งรถดับเพลิงของ อบจ.ไปช่วยซ้อมแผนกับเมืองในเมียนมา ใส่ใน MOU ได้ไหม",
     "other-cooperation-allowed", "conditional"),
    # A province asking whether it may: the rule's "yes"; what its partner must be: the criteria.
    ("province may", "จังหวัดเรายังลงนามเมืองพี่เมืองน้องกับต่างประเทศได้อยู่ใช่ไหมครับ", "sister-city-province-only", "yes"),
    ("province may", "จังหวัดจะทำเมืองพี่เมืองน้องกับหมู่บ้านเล็กๆ ในลาวได้ไหม", "sister-city-province-criteria", "info"),
    ("province may", "จังหวัดจะทำเมืองพี่เมืองน้อง ช่วยสรุปหลักเกณฑ์ให้หน่อยได้ไหม", "sister-city-province-criteria", "info"),
    # Khmer, Myanmar, Spanish and Malay, in the words partners write.
    ("khmer", "ក្រុងរបស់យើងចង់ធ្វើជាក្រុងភគិនីជាមួយ เทศบาล មួយនៅប្រទេសថៃ។ តើអាចធ្វើបានទេ?", "sister-city-province-only", "no"),
    ("khmer", "ខេត្តបាត់ដំបងចង់ចុះហត្ថលេខាលើអនុស្សរណៈនៃការយោគយល់គ្នាស្តីពីកិច្ចសហប្រតិបត្តិការទេសចរណ៍ជាមួយ อบต. មួយ។ "
     "តើអាចធ្វើបានទេ?", "other-cooperation-allowed", "conditional"),
    ("spanish", "Hola, nuestro ayuntamiento quiere firmar un memorando de cooperación sobre cultura con un thesaban de "
     "Tailandia. ¿Es posible?", "other-cooperation-allowed", "conditional"),
    ("malay", "Majlis Perbandaran kami mahu menandatangani MoU kerjasama pendidikan dengan sebuah tesaban di Thailand. "
     "Bolehkah?", "other-cooperation-allowed", "conditional"),
    # Two governments promising together; a land office's title deeds.
    ("two governments", "ร่าง MOU กีฬากับเมืองในเกาหลี ข้อ 3 ว่ารัฐบาลไทยกับรัฐบาลเกาหลีจะออกค่าที่พักให้นักกีฬา ทต.เซ็นได้ไหม",
     "agreement-must-not-bind-government", "no"),
    ("land office", "ร่างข้อตกลงการค้ากับเมืองในจีนเขียนว่าสำนักงานที่ดินจะออกโฉนดให้นักลงทุนจีน อบต.ลงนามได้ไหม",
     "agreement-must-not-bind-government", "no"),
    # "…อะไรเลย" closes a denial: the sister city after it is asked about.
    ("denial closed", "แค่บันทึกเฉยๆ ไม่มีงบอะไรเลย เป็นเมืองพี่เมืองน้องกับเมืองในจีน อบต.เซ็นได้ใช่ไหม",
     "sister-city-province-only", "no"),
    # A study trip abroad on the LAO's money, asked as "may we", with no agreement in it.
    ("study trip", "สมาชิกสภา ทต. จะไปดูงานที่ญี่ปุ่นกัน ใช้งบ ทต. ได้ไหม ไม่มี MOU กับใครเลย", "study-visit-budget", "no"),
    # A province and a commune of a few hundred people: whether the partner ranks with a province.
    ("partner level", "จังหวัดจะทำเมืองพี่เมืองน้องกับ commune เล็กๆ ในเบลเยียม ประชากร 500 คน ได้ไหม",
     "sister-city-province-criteria", "info"),
    # A phone number asked for, with the letter named: the office answers, the letter follows.
    ("contact", "ขอเบอร์โทรหน่วยงานที่ออกหนังสือ ว 0313 หน่อยครับ จะโทรถามเรื่องร่าง MOU", "contact-office", "info"),
    # Each side paying its own way is no commitment of the state.
    ("own costs", "ทต.จะทำข้อตกลงด้านเยาวชนกับเมืองในลาว ค่าใช้จ่ายแต่ละฝ่ายรับผิดชอบเอง ไม่เกี่ยวกับเมืองพี่เมืองน้อง ได้ไหม",
     "other-cooperation-allowed", "conditional"),
    # State land however it is written; a deputy signing for the mayor; naming a document is no sister city.
    ("state land", "ในร่าง MOU ให้ฝ่ายต่างประเทศได้ใช้ที่ดินราชพัสดุฟรีเพื่อตั้งตลาด อบต.ลงนามได้ไหม",
     "agreement-must-not-bind-government", "no"),
    ("deputy signs", "Can the deputy mayor sign the cooperation MOU with our partner town in Laos "
     "on the mayor's behalf?",
     "signing-authority", "info"),
    ("named document", "ร่างข้อตกลงของ ทต. กับเมืองในกัมพูชาเรื่องฟุตบอลเยาวชน ใช้ชื่อ 'บันทึกความร่วมมือด้านกีฬา' ทีมเยือนออกค่าที่พักเอง "
     "เกษตรกรมาเองก็ได้ เซ็นได้ไหม", "other-cooperation-allowed", "conditional"),
    ("kinship", "เราไม่เรียกว่าเมืองพี่เมืองน้อง แต่จะทำข้อตกลงผูกสัมพันธ์ฉันญาติกับเมืองในลาว ทต.ทำได้ไหม",
     "sister-city-province-only", "no"),
    ("beyond powers", "ข้อตกลงของ อบต.กับเมืองในพม่า ทำเรื่องที่อยู่นอกอำนาจหน้าที่ของ อบต. ได้ไหม เช่นความมั่นคงชายแดน",
     "agreement-must-not-bind-government", "no"),
    # Who of the LAO signs, and the council's resolution asked in English: the unsettled procedure, no "yes".
    ("who signs", "ทต.จะทำ MOU ด้านกีฬากับเมืองในลาว ต้องให้ปลัดเทศบาลเซ็นแทนนายกได้ไหม", "signing-authority", "info"),
    ("council resolution", "Does our mayor need a council resolution before signing the tourism MOU "
     "with a town in Laos?",
     "signing-authority", "info"),
    # A sister city had for years, or since a year, is an existing one: the sources do not settle it.
    ("had for years", "เทศบาลเรามี sister city กับเมืองในจีนมาสิบห้าปีแล้ว หนังสือใหม่นี้ต้องยกเลิกไหมคะ",
     "existing-sister-city-agreement", "info"),
    ("had since", "我们市早在2015年就与泰国的一个เทศบาล结为友好城市，这个关系现在还有效吗？",
     "existing-sister-city-agreement", "info"),
    # "ป้องกันไฟป่า" is a sector, not "how to avoid": the denial after it stands.
    ("sector not avoiding", "นายกอยากทำบันทึกความร่วมมือด้านป้องกันไฟป่าให้เป็นเรื่องเป็นราว เราไม่ได้จะทำเมืองพี่เมืองน้องนะครับ "
     "ทต.ทำกับเมืองในรัฐฉานได้ไหม", "other-cooperation-allowed", "conditional"),
]


ACTOR_CASES = [
    # The district acting itself is not the province level, even when the province is named as the other way.
    ("district", "นายอำเภอถามว่า ตัวอำเภอเองจะไปทำเมืองพี่เมืองน้องกับเมืองในแขวงบ่อแก้วได้ไหม หรือต้องให้จังหวัดทำ",
     "sister-city-province-only", "no"),
    # The province writes, but an LAO in it asks for a sister city of its own.
    ("lao in a province's message", "จังหวัดเราทำเมืองพี่เมืองน้องกับมณฑลยูนนานแล้ว เทศบาลเมืองในจังหวัดขอทำเมืองพี่เมืองน้อง"
     "ของตัวเองกับเมืองคุนหมิงด้วย ได้ไหม", "sister-city-province-only", "no"),
    # The province's relationship is the background; the LAO asks about its own sector MOU.
    ("province's sister city, lao's mou", "จังหวัดเรามีเมืองพี่เมืองน้องกับจังหวัดหนึ่งในญี่ปุ่นอยู่แล้ว ถ้า อบต. จะทำ MOU "
     "ด้านการเกษตรกับเมืองในจังหวัดนั้นได้ไหม", "other-cooperation-allowed", "conditional"),
    # Refused a sister city, the LAO asks which way is left.
    ("way left", "จังหวัดแจ้งว่าเมืองพี่เมืองน้องทำไม่ได้ ยังเหลือช่องทางไหนให้ อบต. ร่วมมือกับเมืองในเวียดนามได้บ้างคะ",
     "other-cooperation-allowed", "conditional"),
    # A country named only by its Thai name ("เยอรมนี") is abroad.
    ("country", "ทต.อยากแลกเปลี่ยนความรู้เรื่องพลังงานแสงอาทิตย์กับเมืองในเยอรมนี ไม่ใช่ twin town นะครับ ได้ไหม",
     "other-cooperation-allowed", "conditional"),
    # A province asked about in English, by someone who read that LAOs may not.
    ("province in english", "I read that tambons may no longer do sister cities. Does that stop the province itself, "
     "or can the province go ahead with a sister-state relationship with Oregon?", "sister-city-province-only", "yes"),
]

STORY_AFTER_CASES = [
    # The question comes first, the story after it ("ที่ถามเพราะ…"): the story's words do not drown it.
    ("story after", "อบต. ทำข้อตกลงความร่วมมือด้านสาธารณสุขกับเมืองในลาวได้ไหมครับ ที่ถามเพราะเมื่อสองปีก่อนมีหมอจากฝั่งลาว"
     "มาช่วยตรวจสุขภาพผู้สูงอายุที่ศาลาหมู่บ้าน แล้วปีนี้ทางนั้นก็เสนอให้ส่งพยาบาลมาฝึกงานที่ รพ.สต. ทุกปี เราอยากทำให้ถูกต้อง",
     "other-cooperation-allowed", "conditional"),
    # "ได้ม้าย" asks, in the south's spelling.
    ("dialect", "อบตผมอยู่ติดด่านสะเดา ทุกปีเด็กเราไปแข่งฟุตบอลกับเด็กฝั่งรัฐเปอร์ลิส เขาอยากทำข้อตกลงจัดค่ายกีฬาเยาวชนร่วมกัน "
     "อบตเราทำข้อตกลงกับเขาได้ม้ายครับ", "other-cooperation-allowed", "conditional"),
]

CLAUSE_CASES = [
    # A pasted clause the draft checker finds nothing in is a clause of the permitted framework.
    ("clause", "ข้อ 4 ทั้งสองฝ่ายจะจัดอบรมเจ้าหน้าที่ด้านการป้องกันไฟป่าร่วมกันปีละหนึ่งครั้ง ข้อนี้ใส่ได้ไหมครับ",
     "other-cooperation-allowed", "conditional"),
    # One that commits the Thai state is the restriction, whatever the checker's verdict.
    ("clause", "ข้อ 8 รัฐบาลไทยจะจัดสรรงบประมาณสมทบโครงการนี้ ข้อนี้ได้ไหม", "agreement-must-not-bind-government", "no"),
    # One that says the agreement binds no government is the rule said in the draft.
    ("clause", "ข้อ 12 บันทึกนี้ไม่มีผลผูกพันรัฐบาลของทั้งสองประเทศ ควรใส่ข้อนี้ไหมคะ",
     "agreement-must-not-bind-government", "info"),
]

DRAFT_CASES = [
    # A clause quoted in English, of costs each side bears: the framework.
    ("quoted clause", "ร่าง MOU ด้านการท่องเที่ยวกับเมืองในลาว มีข้อนี้ 'Each Party shall bear its own costs of the activities "
     "under this MOU.' ข้อนี้เก็บไว้ได้ไหมครับ", "other-cooperation-allowed", "conditional"),
    # A draft told in the official's words: each side pays its own, nothing binds the state.
    ("retold", "ร่าง MOU ของ ทต. กับเมืองในลาวเรื่องส่งเสริมหัตถกรรม ต่างคนต่างจ่ายเอง ไม่มีข้อไหนผูกพันรัฐบาล แบบนี้ทำได้ไหม",
     "other-cooperation-allowed", "conditional"),
    # Registration with the United Nations is treaty wording.
    ("partner asks", "ฝ่ายยุโรปขอเพิ่มข้อ 'This Agreement shall be registered with the Secretariat of the United Nations.' "
     "เทศบาลรับได้ไหม", "international-agreement-risk", "info"),
    # Renaming the document is no renamed sister city.
    ("renamed document", "ถ้าเปลี่ยนชื่อร่างจาก Agreement เป็น MOU ก็จะไม่เป็นความตกลงระหว่างประเทศแล้วใช่ไหม",
     "international-agreement-risk", "info"),
    # What a draft must not say is what an agreement must not do.
    ("clauses to avoid", "We are drafting an MOU with a Thai municipality. What kinds of clauses should our draft "
     "avoid?", "agreement-must-not-bind-government", "no"),
    # The partner city is the giver: the gift is asked.
    ("partner's gift", "เมืองพันธมิตรในเกาหลีจะมอบรถพยาบาลให้ อบต. รับได้เลยไหม", "foreign-aid-to-lao", "info"),
    # The circular named by its issuer, not its number.
    ("issuer", "ขอเลขที่และวันที่ของหนังสืออำเภอแม่สายเรื่องแนวทางทำ MOU กับต่างประเทศหน่อยค่ะ", "circular-mae-sai-0313", "info"),
    # The governor does it, and the LAO is said not to: the province asks.
    ("province, not the lao", "ผู้ว่าฯ ถามว่า เมืองพี่เมืองน้องจังหวัดเป็นคนทำได้ใช่ไหม ไม่ใช่ อบต.ทำ",
     "sister-city-province-only", "yes"),
]

STORY_RULE_CASES = [
    # The rule named in the story ("หนังสือเวียนเรื่อง…", "ให้ระวังเรื่อง…"), an agreement asked: the framework.
    ("rule referred to", "ทต. ติดชายแดนลาว อยากทำข้อตกลงแลกเปลี่ยนข้อมูลโรคไข้เลือดออกกับเมืองฝั่งตรงข้าม แต่กลัวขัด"
     "หนังสือเวียนเรื่องเมืองพี่เมืองน้องที่เพิ่งได้รับ ข้อตกลงแบบนี้ ทต. ทำได้ไหมคะ", "other-cooperation-allowed", "conditional"),
    # The province's sister city told in dialect ("จังหวัดเพิ่นมี…"), the LAO's own MOU asked.
    ("province's, in dialect", "จังหวัดเพิ่นมีเมืองพี่เมืองน้องกับแขวงสะหวันนะเขตอยู่แล้ว อบต.อยากเฮ็ดบันทึกความร่วมมือ"
     "เรื่องงานแสดงสินค้ากับเมืองไกสอนโดยตรง อบต. เฮ็ดได้บ่ครับ", "other-cooperation-allowed", "conditional"),
    # A province's staff, a partner asking to pair with "จังหวัดเรา", a "no" heard in the meeting: the province may.
    ("province's staff", "ผมปฏิบัติงานที่สำนักงานจังหวัดครับ จังหวัดหนึ่งของเกาหลีขอทำความสัมพันธ์เมืองพี่เมืองน้องกับจังหวัดเรา "
     "มีคนทักว่าเดี๋ยวนี้ทำไม่ได้แล้ว จังหวัดยังทำได้ไหมครับ", "sister-city-province-only", "yes"),
    # A letter that sends a sister-city proposal is no reference to the rule.
    ("letter sent", "เมืองเล็กๆในญี่ปุ่นส่งหนังสือ 姉妹都市提携 มาให้ ทต.เรา นายกถามว่าเซ็นได้ไหม",
     "sister-city-province-only", "no"),
]

PARTNER_WORDS_CASES = [
    # A pairing of villages is a pairing of places, a sister city at a smaller scale.
    ("village pairing", "อบต.เราจะจับคู่เป็นหมู่บ้านพี่หมู่บ้านน้องกับบ้านหนึ่งในแขวงไชยบุรี ทำได้ไหม",
     "sister-city-province-only", "no"),
    # Myanmar "brother towns".
    ("burmese brother towns", 'เมืองท่าขี้เหล็กเสนอทำ "မြို့ညီမြို့နောင်" กับ ทต.เรา ลงนามได้ไหม', "sister-city-province-only", "no"),
    # The kingdom agreeing to do something is the kingdom bound.
    ("kingdom agrees", 'ร่าง MOU ด้านป่าไม้กับเมืองในกัมพูชา มีข้อว่า "ประเทศไทยตกลงจัดหากล้าไม้ให้ปีละหมื่นต้น" อบต.เซ็นได้ไหม',
     "agreement-must-not-bind-government", "no"),
    # A town in a partner's province offers: no province owns a relationship here.
    ("town in a foreign province", "เมืองหนึ่งในจังหวัดชุงชองเหนือเสนอทำ 자매도시 กับเทศบาลเรา ทำได้ไหม",
     "sister-city-province-only", "no"),
    # The ban asked only to be confirmed, then what else: what else leads.
    ("ban confirmed", "เมืองพี่เมืองน้องทำไม่ได้ใช่ไหม แล้วความร่วมมือแบบอื่นกับต่างประเทศทำได้หรือเปล่า",
     "other-cooperation-allowed", "conditional"),
    # Khmer "មិនអាច…បានទេ" says cannot; "ផ្សេងទៀត" asks what else.
    ("khmer cannot", "យើងដឹងថា សាលាក្រុងរបស់លោកមិនអាចចុះហត្ថលេខាលើ «ក្រុងភ្លោះ» បានទេ។ "
     "តើមានទម្រង់កិច្ចសហប្រតិបត្តិការផ្សេងទៀតដែលអាចធ្វើបាន?", "other-cooperation-allowed", "conditional"),
    # A draft's clause in Chinese denies the sister city; the checker does not read Chinese negation.
    ("chinese denial in a draft", "ฝ่ายจีนส่งร่างมา\n第一条 双方在农业技术方面开展合作。\n第二条 双方各自承担费用。\n"
     "第三条 本备忘录不构成友好城市关系。\nทต.ลงนามได้ไหมคะ", "other-cooperation-allowed", "conditional"),
    # The same in Malay.
    ("malay denial", 'Draf MoU: "Perkara 1: Kedua-dua pihak akan bekerjasama dalam pelancongan. '
     'Perkara 3: MoU ini tidak mewujudkan hubungan bandar berkembar." เทศบาลลงนามได้ไหมครับ',
     "other-cooperation-allowed", "conditional"),
    # What is offered instead still makes the sister city.
    ("intent to twin", 'ฝ่ายลาวบอกว่าถ้ายังทำเมืองพี่เมืองน้องไม่ได้ ก็ขอเซ็นแค่ "Letter of Intent to establish a sister city '
     'relationship" ไปก่อน อบต.เซ็นได้ไหม', "sister-city-province-only", "no"),
    # A gift asked "may we receive it" is the gift's question, whatever it is for.
    ("gift asked", "เมืองในไต้หวันจะบริจาคเครื่องกรองน้ำให้ อบต. ไม่ได้ทำ MOU อะไร อบต.รับได้ไหม ต้องขออนุญาตใครก่อน",
     "foreign-aid-to-lao", "info"),
    # A Vietnamese province invites a town to take part in its province-level twinning.
    ("vietnamese province's twinning", "Kính gửi Thị trưởng. Nhân dịp kỷ niệm quan hệ tỉnh kết nghĩa giữa tỉnh "
     "chúng tôi và tỉnh Nong Khai, chúng tôi trân trọng mời Quý Thành phố cử đoàn tham gia lễ hội trong khuôn khổ "
     "chương trình kết nghĩa cấp tỉnh. Trân trọng,", "join-province-sister-city", "info"),
    # Indonesian: may the Nayok sign alone, or does the council approve first.
    ("indonesian signer", "Yth. Organisasi Administrasi Tambon Ban Lao, apakah Nayok dapat menandatangani sendiri "
     "MoU kerja sama pariwisata kami, atau perlu persetujuan dewan terlebih dahulu?", "signing-authority", "info"),
    # The kingdom named as a party beside the partner city.
    ("kingdom a party", 'ร่างข้อตกลงกับเมืองในเนปาลเขียนว่า "The Kingdom of Thailand and the City of Pokhara agree '
     'to exchange youth delegations." อบต.เซ็นได้ไหม', "agreement-must-not-bind-government", "no"),
    # A partner that knows the rule, in Korean, asks for a sector agreement instead.
    ("korean rule known", "저희는 자매결연을 제안하는 것이 아닙니다. 대신 관광 교류 업무협약(MOU)을 맺고 싶습니다. "
     "귀 อบต.가 체결할 수 있는지 알려 주세요.", "other-cooperation-allowed", "conditional"),
    # Which decision says the rule, in English.
    ("which decision", "Our council wants to know which decision or regulation says that only the province can sign a "
     "sister-city agreement. Could you tell us?", "legal-basis-cabinet-2561", "info"),
]

# Every kind above, each with the entry and the verdict it must get.
ALL_CASES = (CASES + SESSION_CASES + MEMO_CASES + CONTEXT_CASES + STATE_CASES + BODY_CASES + ACTOR_CASES
             + STORY_AFTER_CASES + CLAUSE_CASES + DRAFT_CASES + STORY_RULE_CASES + PARTNER_WORDS_CASES)


@pytest.mark.parametrize(("kind", "question", "entry_id", "verdict"), ALL_CASES,
                         ids=[f"{case[0]}-{index}" for index, case in enumerate(ALL_CASES)])
def test_each_kind_gets_the_right_entry_and_verdict(
    answerer: Answerer, kind: str, question: str, entry_id: str, verdict: str
) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == (entry_id, verdict), (kind, answer.confidence)


def test_asking_whether_a_ministry_approves_is_no_promise_of_the_state(detector: ConceptDetector) -> None:
    for question in ("กระทรวงมหาดไทยต้องอนุมัติ MOU ของเทศบาลไหม", "ต้องส่งร่างให้กระทรวงการต่างประเทศช่วยดูไหม",
                     "Will the Thai Ministry of Interior need to approve our MOU?"):
        assert "binds-government" not in _concepts(detector, question)[0], question
    assert "binds-government" in _concepts(detector, "ฝ่ายลาวขอให้ใส่ว่าไทยจะไม่ดำเนินคดีกับแรงงานลาว")[0]


@pytest.mark.parametrize("question", [
    "ร่าง MOU ของ อบต. กับเมืองในลาว ต้องทำเป็นภาษาลาวด้วยไหม หรือภาษาไทยอย่างเดียวพอ",
    "เทศบาลจะลงนาม MOU กับมหาวิทยาลัยขอนแก่นเรื่องวิจัยน้ำเสีย ต้องทำอย่างไร",
    "อบต.จ้างแรงงานกัมพูชามาช่วยงานก่อสร้างได้ไหม ต้องขอ work permit อย่างไร",
])
def test_a_documents_language_hiring_workers_and_a_thai_university_are_not_the_framework(
    answerer: Answerer, question: str
) -> None:
    assert answerer.answer(question).verdict not in ("yes", "conditional"), question


@pytest.mark.parametrize("question", [
    "มหาวิทยาลัยราชภัฏจะทำ MOU แลกเปลี่ยนนักศึกษากับมหาวิทยาลัยในจีน ต้องผ่านสภามหาวิทยาลัยไหม",
    "โรงเรียนมัธยมในอำเภอจะทำ sister school กับโรงเรียนในญี่ปุ่น ต้องทำอย่างไร",
    "วัดพี่วัดน้องกับวัดในลาวต้องขออนุญาตใครไหม",
    "ซีรีส์เรื่อง Sister City มีกี่ตอน ดูได้ที่ไหน",
    "ช่วยแปลคำว่า 'เมืองพี่เมืองน้อง' เป็นภาษาญี่ปุ่นให้หน่อย",
    "Please translate 'sister city' into Lao",
    "อบต.จ้างแรงงานกัมพูชามาช่วยงานตลาด ต้องไปต่อใบอนุญาตทำงานที่ไหน",
    "Could you recommend a good hotel in Vientiane for our delegation of twelve?",
    "ทต.เราอยากเป็นเมืองพี่เมืองน้องกับเทศบาลตำบลแห่งหนึ่งในจังหวัดน่าน ได้ไหมคะ",  # a Thai partner: nothing abroad
    "บอลกระชับมิตรเมืองพี่เมืองน้องนัดหน้าเตะกี่โมง ที่สนามไหน",  # a match so called
    'จะตั้งชื่อคอนโดว่า "Sister City Residence" ต้องขออนุญาตใครไหม',  # a building so called
    "ที่เกาหลี เมืองเล็กๆ จะทำ 자매도시 ต้องให้สภาเมืองของเขาอนุมัติก่อนไหม",  # the partner country's own procedure
    "หนังสือเวียนอำเภอแม่สายเรื่องการรณรงค์ป้องกันไข้เลือดออก ให้ อปท. ทำอะไรบ้าง",  # the issuer's other letter
    "อบต. 2 แห่งในจังหวัดน่านจะจับคู่เป็นตำบลพี่ตำบลน้อง ต้องใช้ระเบียบอะไร",  # two Thai LAOs paired
    "ขอรายชื่อ อบต. ในภาคเหนือที่เคยทำ MOU กับต่างประเทศทั้งหมดหน่อยครับ",  # a list the sources do not hold
    "เทศบาลนครขอนแก่นกับเทศบาลนครอุดรธานีอยากเป็นเมืองพี่เมืองน้องกันภายในประเทศ ต้องทำอย่างไร",  # a pairing at home
])
def test_a_question_about_something_else_than_an_laos_cooperation_is_declined(
    answerer: Answerer, question: str
) -> None:
    assert answerer.answer(question).kind == "decline", question


def test_translating_told_of_is_no_request_and_a_provinces_name_is_no_temple(detector: ConceptDetector) -> None:
    told = "เมืองในฝรั่งเศสชวนทำ jumelage แปลเป็นไทยไม่ถูก แต่เขาว่าเป็นการผูกเมืองคู่กัน อบจ.ตอบรับได้ไหม"
    assert not {"translate-request", "institution-actor"} & _concepts(detector, told)[0]
    assert "institution-actor" not in _concepts(detector, "แขวงจำปาสักเสนอเป็นแขวง-จังหวัดพี่น้องกัน ผู้ว่าฯ ลงนามได้ไหม")[0]
    assert "institution-actor" not in _concepts(detector, "โรงเรียนในสังกัดเทศบาลจะแลกเปลี่ยนครูกับเมืองในจีนได้ไหม")[0]


@pytest.mark.parametrize("question", [
    "ข้อ 5 ผู้รับจ้างต้องส่งมอบงานภายใน 90 วัน ข้อนี้ได้ไหม",  # a contract's clause, no agreement of two parties
    "Pihak Malaysia minta tambah ayat 'perjanjian ini mengikat di bawah undang-undang antarabangsa' ใส่ข้อนี้ได้ไหม",
    # Wording the checker's rules do not know: no cooperation in it, so no permissive answer.
    "ร่างความตกลงกับเมืองในลาวมีข้อว่า อบต.จะส่งตัวผู้ต้องหาที่หนีข้ามแดนคืนให้ฝ่ายลาว ลงนามได้ไหม",
    "สัญญาจ้างครูชาวจีนของโรงเรียนเทศบาล กำหนดทดลองงาน 4 เดือน ข้อนี้ได้ไหม",
])
def test_a_clause_the_checker_cannot_vouch_for_gets_no_permissive_answer(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question).verdict not in ("yes", "conditional"), question


def test_an_lao_asking_a_rule_stays_in_scope_whatever_else_it_mentions(answerer: Answerer) -> None:
    question = "ทต.กำลังเตรียมงานเซ็นเมืองพี่เมืองน้องกับเมืองในลาวเดือนหน้า แนะนำโรงแรมไว้แล้ว มีคนบอกว่าทำไม่ได้ จริงไหมคะ"
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("sister-city-province-only", "no")


def test_who_signs_asked_in_korean_is_the_signing_question(answerer: Answerer) -> None:
    answer = answerer.answer("태국 อบต.와 협력 MOU를 맺을 때 태국 측에서는 누가 서명해야 하나요?")
    assert answer.entry_id == "signing-authority" and answer.verdict not in ("yes", "conditional")


_CLEAN_DRAFT = (
    "ช่วยดูร่างให้หน่อยครับ บันทึกความเข้าใจว่าด้วยความร่วมมือด้านการป้องกันไฟป่า ระหว่างองค์การบริหารส่วนตำบล ก. กับเมือง ข. สปป.ลาว"
    " ข้อ 1 ทั้งสองฝ่ายจะแลกเปลี่ยนข้อมูลจุดความร้อน จัดอบรมและการศึกษาดูงานของอาสาสมัคร"
    " ข้อ 2 แต่ละฝ่ายรับผิดชอบค่าใช้จ่ายของตนเอง"
    " ข้อ 3 บันทึกนี้ไม่มีผลผูกพันรัฐบาลของทั้งสองประเทศ แบบนี้ อบต.ลงนามได้ไหม"
)


def test_a_whole_draft_the_checker_finds_clean_is_the_framework(answerer: Answerer) -> None:
    answer = answerer.answer(_CLEAN_DRAFT)
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")


@pytest.mark.parametrize(("question", "entry_id"), [
    # The exchange clause's study visit would lead; the checker finds the ratification clause.
    ("ร่าง MOU ระหว่างเทศบาลตำบล ก. กับเมือง ข. ประเทศจีน ข้อ 1 ทั้งสองฝ่ายแลกเปลี่ยนนักกีฬาและการศึกษาดูงาน"
     " ข้อ 2 บันทึกนี้ให้สัตยาบันโดยรัฐบาลของทั้งสองประเทศ ข้อ 3 มีอายุ 2 ปี เซ็นได้ไหม", "international-agreement-risk"),
    ("ร่าง MOU ระหว่างเทศบาลตำบล ก. กับเมือง ข. ประเทศจีน ข้อ 1 แลกเปลี่ยนนักกีฬาและการศึกษาดูงาน"
     " ข้อ 2 รัฐบาลไทยจะออกค่าเดินทางให้คณะฝ่ายจีน ข้อ 3 มีอายุ 2 ปี เซ็นได้ไหม", "agreement-must-not-bind-government"),
])
def test_a_whole_draft_with_a_finding_gets_that_findings_rule(answerer: Answerer, question: str, entry_id: str) -> None:
    answer = answerer.answer(question)
    assert answer.entry_id == entry_id and answer.verdict not in ("yes", "conditional"), question


@pytest.mark.parametrize(("question", "entry_id", "verdict"), [
    ("ผวจ.จะสถาปนาเมืองพี่เมืองน้องกับแขวงหลวงน้ำทาได้ไหม", "sister-city-province-only", "yes"),
    ("ร่าง MOU ให้ มท.ออกงบค่าก่อสร้างสะพานได้ไหม", "agreement-must-not-bind-government", "no"),
    ("เขียนใน MOU ว่า ก.ต่างประเทศจ่ายค่าตั๋วให้คณะลาวได้ไหม", "agreement-must-not-bind-government", "no"),
    ("เมืองในลาวขอให้รัฐบาลไทยค้ำเงินกู้ใน MOU ได้ไหม", "agreement-must-not-bind-government", "no"),
])
def test_officials_abbreviations_are_read_as_what_they_stand_for(
    answerer: Answerer, question: str, entry_id: str, verdict: str
) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == (entry_id, verdict), question


def test_two_thai_laos_together_with_no_one_abroad_are_declined(answerer: Answerer) -> None:
    assert answerer.answer("ทำ MOU ระหว่าง 3 อบต.ในอำเภอ เรื่องรถดับเพลิงใช้ร่วมกัน ได้ไหม").kind == "decline"
    # A letter's number before "อบต." counts nothing.
    assert answerer.answer("ตามหนังสือ ว 313 อบต.ทำเมืองพี่เมืองน้องได้ไหม").entry_id == "sister-city-province-only"


def test_what_an_lao_may_do_abroad_at_all_is_the_framework(answerer: Answerer) -> None:
    answer = answerer.answer("ตกลงเทศบาลเราทำอะไรกับต่างประเทศได้บ้างคะ")
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")


def test_a_study_trip_told_as_the_past_does_not_decide_the_question(answerer: Answerer) -> None:
    question = (
        "สอบถามครับ เมื่อปีที่แล้วทีมงานเทศบาลเคยไปดูงานเรื่องน้ำเสียที่เมืองหนึ่งในเกาหลี กลับมาก็ปรับปรุงบ่อบำบัดของเทศบาล"
        " ตอนนี้เมืองนั้นเสนอจะส่งวิศวกรมาช่วยให้คำแนะนำหนึ่งปี อยากทำ MOU ด้านการจัดการน้ำเสียกับเขา เทศบาลทำได้ไหมครับ"
    )
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")
    # Asked now, the study trip is the question.
    trip = answerer.answer("สมาชิกสภาเทศบาลจะไปดูงานที่เกาหลีเดือนหน้า ใช้งบเทศบาลจ่ายค่าเดินทางได้ไหมครับ")
    assert trip.entry_id == "study-visit-budget"


def test_two_questions_joined_by_if_not_put_the_sister_city_rule_first(answerer: Answerer) -> None:
    answer = answerer.answer("ทต.ทำเมืองพี่เมืองน้องกับเมืองในกัมพูชาได้ไหม กับถ้าไม่ได้ จะร่วมมือกันเรื่องกีฬาได้หรือเปล่า")
    assert (answer.entry_id, answer.verdict) == ("sister-city-province-only", "no")
    assert "other-cooperation-allowed" in [also.entry_id for also in answer.also]


def test_a_sister_city_given_up_is_denied(answerer: Answerer) -> None:
    answer = answerer.answer("เราเลิกคิดเรื่องเมืองพี่เมืองน้องแล้วค่ะ จะทำแค่ MOU ด้านกีฬากับเมืองในลาว อบต.ทำได้ไหม")
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")


@pytest.mark.parametrize("question", [
    "Our Thai university wants a twinning agreement with a university in Osaka. Which approvals do we need?",
    "ข้อสอบวิชากฎหมายระหว่างประเทศ: จงอธิบายหลักการตีความสนธิสัญญา",
    "หนังเรื่อง Sister City ฉายที่โรงไหนบ้าง",
    "วีซ่าเชงเก้นสำหรับนายก อบต. ไปประชุมที่ฝรั่งเศส ยื่นที่ไหนคะ",
])
def test_lookalikes_of_a_cooperation_question_are_declined(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question).kind == "decline", question


def test_renewable_energy_is_no_renewal_of_an_old_agreement(answerer: Answerer) -> None:
    question = (
        "Our district council in Austria would like to sign a cooperation agreement on renewable energy with a Thai"
        " municipality. A sister-city partnership is not possible at that level, we understand. Could we sign a sector"
        " cooperation agreement instead?"
    )
    assert answerer.answer(question).entry_id == "other-cooperation-allowed"


@pytest.mark.parametrize(("question", "entry_id"), [
    ("MOU กับเมืองในกัมพูชา เขาอยากให้ อบต.รับรองว่าคนงานของเขาจะได้ใบอนุญาตทำงานทุกคน ใส่ได้ไหม",
     "agreement-must-not-bind-government"),
    ("Our council wants the MOU to say: 'The Thai Party shall arrange visa fee waivers for our students.' Can"
     " the tambon accept this?", "agreement-must-not-bind-government"),
    # The checker's wording misses a Thai ministry's budget; the question's own reading does not.
    ("ร่าง MOU ด้านกีฬาระหว่างเทศบาลเมืองกับเมืองในอินเดีย ข้อ 1 แข่งกีฬาเยาวชนร่วมกัน ข้อ 2 กระทรวงการท่องเที่ยวและกีฬาของไทยจะสนับสนุน"
     "งบประมาณฝั่งไทย ข้อ 3 แต่ละฝ่ายดำเนินการภายใต้กฎหมายของตน เซ็นได้ไหมคะ", "agreement-must-not-bind-government"),
])
def test_restrictions_said_in_other_words_are_not_the_framework(
    answerer: Answerer, question: str, entry_id: str
) -> None:
    answer = answerer.answer(question)
    assert answer.entry_id == entry_id and answer.verdict == "no", question


def test_a_sisterhood_agreement_is_a_sister_city(answerer: Answerer) -> None:
    answer = answerer.answer(
        "Our mayor wants to sign a 'sisterhood agreement' with a thesaban mueang in May. Is the thesaban able to"
        " sign it?"
    )
    assert answer.entry_id in ("sister-city-province-only", "sister-city-other-names") and answer.verdict == "no"


def test_an_lao_and_a_pao_together_are_a_cooperation_at_home(answerer: Answerer) -> None:
    assert answerer.answer("อบต.กับ อบจ. จะทำ MOU ร่วมกันซ่อมถนน ต้องทำอย่างไร").kind == "decline"


@pytest.mark.parametrize("question", [
    "Thị trấn chúng tôi không muốn kết nghĩa, chỉ muốn ký biên bản ghi nhớ hợp tác về phòng cháy với một thesaban."
    " Như vậy được không?",
    "자매결연 말고, 태국 อบต.와 농업 교류 협약만 맺는 건 괜찮나요?",
])
def test_a_sister_city_denied_in_vietnamese_or_korean_leaves_the_framework(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional"), question


@pytest.mark.parametrize("question", [
    "当県はタイのナコンパノム県との友好県提携を検討中です。タイの県は外国の県と提携できますか。",
    "我們州政府想與泰國宋卡府締結姊妹州府關係，泰國的府可以簽署嗎？",
])
def test_a_province_asked_in_a_partners_language_gets_the_provinces_answer(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.entry_id in ("sister-city-province-only", "sister-city-province-criteria"), question
    assert answer.verdict in ("yes", "info"), question


def test_treaty_wording_said_leads_over_the_binding_rule_won_on_words(answerer: Answerer) -> None:
    answer = answerer.answer(
        "Our lawyers want the MOU with the tambon to state that it is 'legally binding under international law'."
        " Can the Thai side agree?"
    )
    assert answer.entry_id == "international-agreement-risk" and answer.verdict != "yes"


@pytest.mark.parametrize("question", [
    "อบต.จะทำ MOU แลกเปลี่ยนนักกีฬากับเมืองในญี่ปุ่น ยังทำได้ไหมหลังมีหนังสือแจ้งเรื่องเมืองพี่เมืองน้อง",
    "มีเมืองในฝรั่งเศสอยากทำข้อตกลงเรื่องดนตรีกับเทศบาล แต่เพิ่งได้หนังสืออำเภอว่าเมืองพี่เมืองน้องต้องระดับจังหวัด"
    " แบบนี้ยังทำได้ไหม",
])
def test_the_sister_city_rule_named_as_a_letters_subject_is_not_asked(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional"), question


def test_a_relationship_made_before_the_resolution_asks_about_keeping_it(answerer: Answerer) -> None:
    answer = answerer.answer("ของที่ทต.ทำไว้ก่อนมีมติ ครม. ปี 61 กับเมืองในจีน ยังมีผลอยู่ไหม ยังใช้คำว่าเมืองพี่เมืองน้องได้หรือเปล่า")
    assert answer.entry_id == "existing-sister-city-agreement" and answer.verdict not in ("yes", "conditional")


def test_counting_the_provinces_with_sister_cities_is_a_list_the_sources_do_not_hold(answerer: Answerer) -> None:
    assert answerer.answer("ตอนนี้ประเทศไทยมีจังหวัดที่ทำเมืองพี่เมืองน้องแล้วกี่จังหวัด").kind == "decline"


def test_a_titled_english_draft_the_checker_finds_clean_is_the_framework(answerer: Answerer) -> None:
    question = (
        "Draft for review MEMORANDUM OF UNDERSTANDING ON COOPERATION IN FLOOD WARNING 1. Purpose: to share river-level"
        " data in the rainy season. 2. Activities: joint drills of volunteers. 3. Each Side shall bear its own costs."
        " 4. This MOU creates no legally binding obligations and does not bind the national government of either"
        " country. เทศบาลตำบลลงนามฉบับนี้ได้ไหมครับ"
    )
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")


@pytest.mark.parametrize(("question", "entry_id"), [
    ("what's the phone no. of the office that sent out the Mae Sai circular?", "contact-office"),
    ("如果对美赛县这份通知有疑问，可以打哪个电话咨询？", "contact-office"),
    ("Dans le projet d'accord avec une municipalité thaïlandaise, nous voudrions écrire que « le gouvernement royal"
     " thaïlandais garantit le financement ». Est-ce acceptable ?", "agreement-must-not-bind-government"),
    ("Dalam draf MoU dengan sebuah thesaban, kami ingin menambahkan bahwa pemerintah pusat Thailand akan menyediakan"
     " lahan. Boleh?", "agreement-must-not-bind-government"),
    ("Does the tambon have to send our draft MOU to someone for review before signing?", "follow-dla-guidelines"),
])
def test_questions_in_a_partners_words_get_their_entry(answerer: Answerer, question: str, entry_id: str) -> None:
    assert answerer.answer(question).entry_id == entry_id, question


@pytest.mark.parametrize("question", [
    "ขอเบอร์สถานทูตญี่ปุ่นหน่อยค่ะ",
    "ข่าวเมื่อวานที่ไทยกับลาวลงนาม MOU เรื่องไฟฟ้า สรุปให้หน่อย",
    "โรงพยาบาลจังหวัด (สังกัดกระทรวงสาธารณสุข) จะทำ MOU กับโรงพยาบาลในจีน ต้องขออนุมัติใคร",
])
def test_other_bodies_and_the_news_are_not_an_laos_cooperation(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question).kind == "decline", question


def test_a_sister_city_word_dropped_in_quotes_is_denied(answerer: Answerer) -> None:
    answer = answerer.answer(
        "We dropped the word 'twinning' from the draft. It is now a waste-management MOU between our borough in"
        " England and a Thai thesaban. Can they sign it?"
    )
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")


def test_numbered_questions_after_thai_are_read_as_two(answerer: Answerer) -> None:
    answer = answerer.answer("ขอถามสองเรื่องค่ะ 1) อบต.ทำเมืองพี่เมืองน้องกับเมืองในลาวได้ไหม 2) ถ้าจะโทรถามเจ้าหน้าที่ต้องโทรเบอร์อะไร")
    assert (answer.entry_id, answer.verdict) == ("sister-city-province-only", "no")
    assert "contact-office" in [also.entry_id for also in answer.also]


def test_clause_wording_to_avoid_asked_as_ข้อความ_is_the_binding_rule(answerer: Answerer) -> None:
    answer = answerer.answer("ตอนร่าง MOU กับเมืองในกัมพูชาต้องระวังข้อความแบบไหนบ้าง ยกตัวอย่างข้อความที่ไม่ควรเขียนได้ไหม")
    assert answer.entry_id == "agreement-must-not-bind-government"


def test_who_signs_asked_in_japanese_with_the_thai_title_is_the_signing_question(answerer: Answerer) -> None:
    answer = answerer.answer("協力覚書にはタイ側は町長（นายกเทศมนตรีตำบล）が署名するのですか？")
    assert answer.entry_id == "signing-authority" and answer.verdict not in ("yes", "conditional")


@pytest.mark.parametrize("question", [
    "นายอำเภอฝากถามว่า ถ้าอำเภอจะทำเมืองพี่เมืองน้องกับเมืองในลาวเองได้ไหม หรือต้องให้จังหวัดทำ",
    "อำเภอจะเป็นเจ้าภาพทำเมืองพี่เมืองน้องกับเมืองในกัมพูชาแทน อบต.ในพื้นที่ แบบนี้ได้ไหม",
    "ทต.เราทำ MOU กับเมืองในญี่ปุ่นมาหลายปี เขาเสนอยกระดับ เราเป็นเมืองพี่เมืองน้องได้ไหม หรือควรทำแบบไหนแทน",
])
def test_a_sister_city_asked_for_by_a_district_or_an_lao_is_no(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("sister-city-province-only", "no"), question


def test_a_sister_city_named_as_what_is_replaced_is_not_asked(answerer: Answerer) -> None:
    answer = answerer.answer("ทำ MOU ด้านกีฬากับเมืองในเวียดนามแทนเมืองพี่เมืองน้องได้ไหมครับ")
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")


@pytest.mark.parametrize("question", [
    "MOU ด้านสาธารณสุขกับเมืองในลาว จะเขียนให้ สปสช.จ่ายค่ารักษาคนไข้ข้ามแดน ใส่ได้ไหม",
    "태국 테사반과 MOU를 맺을 때 '태국 정부가 새 국경 검문소 개설을 지원한다'는 조항을 넣어도 되나요?",
    "草案里有一条写“泰国政府负责开通新的口岸”，泰方市镇可以签吗？",
])
def test_a_state_agency_or_the_thai_government_promising_is_the_binding_rule(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("agreement-must-not-bind-government", "no"), question


def test_the_province_asking_whether_it_may_itself_gets_the_provinces_yes(answerer: Answerer) -> None:
    answer = answerer.answer(
        "ผมอยู่สำนักงานจังหวัดครับ อปท.หลายแห่งอยากมีเมืองพี่เมืองน้อง เราแจ้งแล้วว่าทำเองไม่ได้"
        " ทางจังหวัดดำเนินการเรื่องเมืองพี่เมืองน้องเองได้ใช่ไหมครับ"
    )
    assert (answer.entry_id, answer.verdict) == ("sister-city-province-only", "yes")


@pytest.mark.parametrize(("question", "entry_id"), [
    ("Clause 5: 'In a major flood the Thai Party shall mobilise units of the Royal Thai Army to assist the Lao Party.'"
     " ข้อนี้เขียนแบบนี้ได้ไหม", "agreement-must-not-bind-government"),
    ("ข้อ 1 ในร่างที่ฝั่งลาวส่งมา “ສອງຝ່າຍຕົກລົງສ້າງສາຍພົວພັນເປັນເມືອງອ້າຍ-ເມືອງນ້ອງ” เทศบาลตำบลลงนามได้ไหม",
     "sister-city-province-only"),
])
def test_the_army_and_a_lao_sister_city_in_a_pasted_clause_are_restrictions(
    answerer: Answerer, question: str, entry_id: str
) -> None:
    answer = answerer.answer(question)
    assert answer.entry_id == entry_id and answer.verdict == "no", question


@pytest.mark.parametrize("question", [
    "What are Vietnam's own rules for a district signing agreements with foreign towns?",
    "ประเทศจีนมีกฎหมายอนุญาตให้เมืองของเขาทำ MOU กับต่างประเทศเองได้ไหม",
])
def test_the_partner_countrys_own_rules_are_out_of_scope(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question).kind == "decline", question


@pytest.mark.parametrize("question", [
    # Lao spelt by sound: ລັດຖະບານ is รัฐบาล, ສະໜອງງົບປະມານ "provides a budget".
    "ເທດສະບານໄທ ເຊັນ MOU ທີ່ຂຽນວ່າ ລັດຖະບານໄທ ຈະສະໜອງງົບປະມານ ໃຫ້ຝ່າຍລາວ ໄດ້ບໍ່?",
    "Dự thảo ghi: \"Chính phủ Vương quốc Thái Lan cam kết bố trí kinh phí cho dự án.\" Phía thesaban có ký được không?",
    "覚書の第3条に「費用はタイ王国政府が負担する」とあります。テーサバーンは署名できますか。",
    "태국 อบต.와 협약서에 \"태국 정부는 사업 예산을 보장한다\"는 조항을 넣어도 되나요?",
])
def test_a_commitment_of_the_state_in_a_partners_language_is_the_binding_rule(
    answerer: Answerer, question: str
) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("agreement-must-not-bind-government", "no"), question


@pytest.mark.parametrize("question", [
    "ຮ່າງ MOU ດ້ານການຄ້າ ມີຂໍ້ວ່າ ແຮງງານລາວ ເຂົ້າໄປເຮັດວຽກໄດ້ໂດຍບໍ່ຕ້ອງມີວີຊາ ອບຕ. ຝ່າຍໄທເຊັນໄດ້ບໍ່?",
    "Dự thảo hợp tác thương mại có điều khoản phía Thái Lan miễn thuế nhập khẩu và đơn giản hóa thủ tục hải quan."
    " Thesaban ký được không?",
])
def test_a_national_matter_in_lao_or_vietnamese_is_no_permitted_cooperation(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.verdict == "no" and answer.entry_id == "agreement-must-not-bind-government", question


def test_a_lao_renaming_is_the_other_names_rule(answerer: Answerer) -> None:
    answer = answerer.answer("ບໍ່ແມ່ນເມືອງອ້າຍເມືອງນ້ອງ ແຕ່ເປັນເມືອງຄູ່ມິດ ອບຕ. ຝ່າຍໄທເຊັນໄດ້ບໍ່?")
    assert (answer.entry_id, answer.verdict) == ("sister-city-other-names", "no")


@pytest.mark.parametrize("question", [
    "The MOU on culture says it is not legally binding, each party bears its own costs, and nothing in it binds"
    " either national government. May a Thai tambon sign it?",
    "备忘录写明不约束两国中央政府，费用各自承担，内容是青少年足球交流。泰国的อบต.可以签吗？",
    "MOU ด้านกีฬากับเมืองในลาว ระบุว่าแต่ละฝ่ายรับผิดชอบค่าใช้จ่ายของตนเอง และไม่ผูกพันรัฐบาลของทั้งสองประเทศ ทต.ลงนามได้ไหม",
])
def test_an_agreement_told_as_paying_its_own_way_and_binding_no_one_is_the_framework(
    answerer: Answerer, question: str
) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional"), question


def test_paying_its_own_way_does_not_hide_a_sister_city(answerer: Answerer) -> None:
    answer = answerer.answer("ทำเมืองพี่เมืองน้องกับเมืองในลาว แต่ละฝ่ายรับผิดชอบค่าใช้จ่ายเอง ไม่ผูกพันรัฐบาล อบต.เซ็นได้ไหม")
    assert answer.verdict == "no" and answer.entry_id == "sister-city-province-only"


@pytest.mark.parametrize("question", [
    "ဒါက ညီအစ်ကိုမြို့ (sister city) သဘောတူညီချက် မဟုတ်ပါဘူး။ ပညာရေး MOU ကို ထိုင်း อบต. နဲ့ လက်မှတ်ထိုးလို့ရမလား။",
    "ถ้า ทต.เซ็น MOU ด้านการจัดการขยะกับเมืองในเกาหลี จะกลายเป็นเมืองพี่เมืองน้องโดยปริยายไหมครับ",
])
def test_a_sister_city_denied_after_a_gloss_or_only_feared_is_the_framework(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional"), question


def test_not_being_forbidden_is_asking_about_the_rule(answerer: Answerer) -> None:
    answer = answerer.answer("ทต.ไม่ได้ถูกห้ามทำเมืองพี่เมืองน้องใช่ไหม แค่แจ้งอำเภอก็พอ")
    assert (answer.entry_id, answer.verdict) == ("sister-city-province-only", "no")


@pytest.mark.parametrize("question", [
    "จังหวัดน่านมีเมืองพี่เมืองน้องกับที่ไหนบ้างคะ",
    "请问清迈府和哪些中国城市建立了友好城市关系？",
    "ช่วยเขียนคำกล่าวต้อนรับคณะจากเมืองพี่เมืองน้องของจังหวัดให้หน่อย",
    "เดือนหน้าไปเที่ยวเมืองพี่เมืองน้องของจังหวัดที่จีน มีร้านอาหารแนะนำไหม",
])
def test_a_list_a_speech_or_a_trip_near_a_sister_city_is_declined(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question).kind == "decline", question


def test_years_of_exchanges_are_no_old_sister_city(answerer: Answerer) -> None:
    answer = answerer.answer(
        "Since 2018 our town has hosted students from a tambon in Nan. Next year we would like to conclude a"
        " sister city agreement with them. Can the tambon sign it?"
    )
    assert (answer.entry_id, answer.verdict) == ("sister-city-province-only", "no")


def test_a_sister_city_signed_in_a_year_is_the_old_relationship(answerer: Answerer) -> None:
    answer = answerer.answer("เทศบาลของเราเป็น sister city กับเมืองในญี่ปุ่นมาตั้งแต่ปี 2550 ต้องยกเลิกไหม")
    assert answer.entry_id == "existing-sister-city-agreement"


def test_signed_on_behalf_of_the_thai_government_leads_over_who_signs(answerer: Answerer) -> None:
    answer = answerer.answer("ร่าง MOU ให้นายก ทต.เป็นผู้ลงนามในนามรัฐบาลไทย แบบนี้ทำได้ไหม")
    assert (answer.entry_id, answer.verdict) == ("agreement-must-not-bind-government", "no")


@pytest.mark.parametrize(("question", "entry_id"), [
    ("Draf MoU ada fasal: \"Kedua-dua pihak akan mengadakan rondaan bersama di sempadan.\""
     " Bolehkah Perbandaran bersetuju?",
     "agreement-must-not-bind-government"),
    ("MOU မူကြမ်းထဲမှာ နယ်စပ် ပူးတွဲကင်းလှည့်ခြင်း အချက် ပါတယ်။ ထိုင်း อบต. လက်မှတ်ထိုးလို့ရမလား။",
     "agreement-must-not-bind-government"),
    ("Pihak Malaysia mahu MoU ini \"mengikat di sisi undang-undang antarabangsa\"."
     " Boleh ke Perbandaran Thailand tandatangan?",
     "international-agreement-risk"),
    ("ຂໍ້ 2: ເທດສະບານຝ່າຍໄທ ຮັບປະກັນອອກໃບອະນຸຍາດເຮັດວຽກ ໃຫ້ແຮງງານລາວ. ຂໍ້ນີ້ ໃສ່ໄດ້ບໍ່?",
     "agreement-must-not-bind-government"),
])
def test_border_patrols_work_permits_and_treaty_law_in_partners_languages_are_restrictions(
    answerer: Answerer, question: str, entry_id: str
) -> None:
    answer = answerer.answer(question)
    assert answer.entry_id == entry_id and answer.verdict != "conditional" and answer.verdict != "yes", question


def test_bokeo_is_a_province_not_a_no(answerer: Answerer) -> None:
    # ແຂວງບໍ່ແກ້ວ reads แขวงบ่แก้ว: its "บ่" must not deny the sister city after it.
    answer = answerer.answer("ເມືອງຕົ້ນເຜິ້ງ ແຂວງບໍ່ແກ້ວ ຢາກເຮັດສັນຍາ 'ເມືອງຄູ່ມິດ' ກັບເທດສະບານຕຳບົນ. ຝ່າຍໄທ ລົງນາມເອງໄດ້ບໍ່?")
    assert answer.verdict == "no" and answer.entry_id in {"sister-city-other-names", "sister-city-province-only"}


@pytest.mark.parametrize("question", [
    "เมืองในญี่ปุ่นจะปลดระวางรถพยาบาล 1 คัน อยากยกให้ อบต.เราฟรีๆ รับได้ไหม",
    "ເມືອງຝັ່ງລາວ ຢາກມອບເຮືອກູ້ໄພ 2 ລຳ ໃຫ້ ອບຕ. ຝ່າຍໄທ ຮັບໄດ້ບໍ່?",
])
def test_a_gift_from_a_partner_abroad_is_the_aid_entry_not_a_yes(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.entry_id == "foreign-aid-to-lao" and answer.verdict not in {"yes", "conditional"}, question


def test_a_partner_asking_the_lao_to_pay_its_executives_trip_gets_the_study_visit_rule(
    answerer: Answerer,
) -> None:
    answer = answerer.answer(
        "We in a district of Champasak, Laos, would like to invite the mayor and council members of a Thai tambon"
        " municipality to our training course. Can the Thai municipality pay for their trip from its own budget?"
    )
    assert answer.entry_id == "study-visit-budget" and answer.verdict == "no"


def test_a_second_question_renaming_the_relationship_is_said_first(answerer: Answerer) -> None:
    answer = answerer.answer(
        "We want a tourism MOU with a Thai tambon. Question 1: can the Thai side sign? Question 2: we would like to"
        " call it a \"friendship city\" agreement, is that fine?"
    )
    assert answer.verdict == "no" and answer.entry_id in {"sister-city-other-names", "sister-city-province-only"}


def test_two_thai_laos_named_by_the_writer_are_a_cooperation_at_home(answerer: Answerer) -> None:
    assert answerer.answer("ทต.เรากับ อบต.ข้างๆ จะทำ MOU ใช้รถดับเพลิงร่วมกัน ต้องทำอย่างไร").kind == "decline"


def test_a_thai_ministry_promising_in_an_english_clause_is_the_binding_rule(answerer: Answerer) -> None:
    answer = answerer.answer(
        "Our draft Article 4 says: \"The Thai side, through the Ministry of Public Health of the Kingdom of Thailand,"
        " shall provide two doctors a year.\" Can the TAO sign the MOU with this article?"
    )
    assert (answer.entry_id, answer.verdict) == ("agreement-must-not-bind-government", "no")


def test_a_donation_offered_in_korean_is_the_aid_entry(answerer: Answerer) -> None:
    answer = answerer.answer("우리 시가 태국 อบต.에 소방차를 무상으로 기증하려고 합니다. 받을 수 있나요?")
    assert answer.entry_id == "foreign-aid-to-lao" and answer.verdict not in {"yes", "conditional"}


@pytest.mark.parametrize("question", [
    "รู้แล้วครับว่าเมืองพี่เมืองน้องต้องระดับจังหวัด งั้น ทต.ทำ MOU เรื่องน้ำประปากับเมืองในลาวได้ใช่ไหม",
    "เรื่องเมืองพี่เมืองน้องเราทราบแล้วว่าต้องเป็นระดับจังหวัด อบต.จะทำ MOU ด้านกีฬากับเมืองในกัมพูชาได้ไหม",
    "We know sister city is only for provinces. Can our tambon still sign a health MOU with a town in Vietnam?",
])
def test_a_rule_the_asker_knows_is_referred_to_not_asked(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional"), question


def test_a_rule_known_does_not_hide_a_sister_city_asked_after_it(answerer: Answerer) -> None:
    answer = answerer.answer("ทราบแล้วว่าเมืองพี่เมืองน้องต้องระดับจังหวัด แต่ถ้าเรียกว่าเมืองแฝดแทน ทต.ทำได้ไหม")
    assert answer.verdict == "no" and answer.entry_id in {"sister-city-other-names", "sister-city-province-only"}


@pytest.mark.parametrize("question", [
    "ปีที่แล้วเราทำ MOU ด้านการค้ากับเมืองในจีนแล้ว ปีนี้เขาอยากยกระดับเป็นเมืองพี่เมืองน้อง ทต.เซ็นได้ไหม",
    "งานสงกรานต์ปีนี้มีพิธีประกาศสถาปนาเป็นเมืองพี่เมืองน้องกับเมืองในลาว ช่วงพิธีนี้คงไว้ได้ไหมคะ",
])
def test_a_sister_city_being_made_is_no_old_relationship(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("sister-city-province-only", "no"), question


@pytest.mark.parametrize("question", [
    "Dear Mayor, we propose a cooperation MOU on composting with your tambon. This is not a twinning."
    " Best regards, Town of Ulm\n-----\nอบต.ครับ ตอบรับได้ไหม",
    "Kính gửi: Thị trưởng. Chúng tôi đề nghị ký thỏa thuận thiết lập quan hệ kết nghĩa. Trân trọng.\n-----\n"
    "ทม.ลงนามเองได้ไหมครับ",
])
def test_a_letters_closing_keeps_the_question_pasted_under_it(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.kind == "entry", question


@pytest.mark.parametrize(("question", "entry_id", "verdict"), [
    # Partners' languages: names, commitments, treaties, negations.
    ("ฝ่ายจีนพิมพ์มาว่า jiemei chengshi xieyi ให้นายก ทต.เซ็น เซ็นได้ไหมคะ", "sister-city-other-names", "no"),
    ("台灣的鄉公所希望和 อบต. 締結「姊妹鄉鎮」，泰國的 อบต. 可以自己簽嗎？", "sister-city-other-names", "no"),
    ("우리 시는 태국 อบต.와 친선도시 협약을 맺고 싶습니다. 가능한가요?", "sister-city-other-names", "no"),
    ("Điều 5: Bộ Ngoại giao Thái Lan sẽ bố trí kinh phí cho dự án. ทต.เซ็นร่างนี้ได้ไหม",
     "agreement-must-not-bind-government", "no"),
    ("Draf MoU: ditandatangani untuk dan atas nama Pemerintah Kerajaan Thailand. อบต.เซ็นได้ไหม",
     "agreement-must-not-bind-government", "no"),
    ("제4조: 태국 정부는 본 사업에 필요한 예산을 매년 지원한다. 이 조항이 있어도 อบต.가 서명할 수 있나요?",
     "agreement-must-not-bind-government", "no"),
    ("当市は姉妹都市提携ではございません。防災に関する覚書を貴テーサバーンと締結したいのですが、可能でしょうか。",
     "other-cooperation-allowed", "conditional"),
])
def test_partners_languages_read_further(answerer: Answerer, question: str, entry_id: str, verdict: str) -> None:
    answer = answerer.answer(question)
    # Another name for a sister city is answered by either of its two entries, with the same "no".
    names = {"sister-city-other-names", "sister-city-province-only"}
    assert answer.verdict == verdict and (answer.entry_id == entry_id or {answer.entry_id, entry_id} <= names), question


@pytest.mark.parametrize("question", [
    "ร่าง MOU ขยะกับเมืองในเกาหลี ข้อ 3 แต่ละฝ่ายรับผิดชอบงบประมาณของตนเอง ข้อ 4 ไม่มีผลผูกพันรัฐบาลของทั้งสองประเทศ"
    " อบต.เซ็นได้ไหม",
    "Draft MOU on flood warning with a town in Laos. Article 2: each Party shall bear its own costs. Article 3: this"
    " MOU does not create legally binding obligations for the Government of either country. Can our tambon sign it?",
    "草案：第三条 各方自行承担本方费用。第四条 本备忘录不对两国政府产生任何法律约束力。ทต.ลงนามได้ไหม",
])
def test_a_draft_paying_its_own_way_and_binding_no_one_is_the_framework(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional"), question


def test_a_draft_saying_it_binds_no_one_still_loses_to_a_ministrys_money(answerer: Answerer) -> None:
    answer = answerer.answer(
        "ร่างข้อ 5 กระทรวงมหาดไทยจะสนับสนุนงบประมาณโครงการ ข้อ 6 บันทึกนี้ไม่มีผลผูกพันทางกฎหมาย อบต.เซ็นได้ไหม"
    )
    assert (answer.entry_id, answer.verdict) == ("agreement-must-not-bind-government", "no")


def test_the_department_promising_money_binds_the_state(answerer: Answerer) -> None:
    answer = answerer.answer("เขียนใน MOU ว่ากรมส่งเสริมการปกครองท้องถิ่นจะสนับสนุนงบประมาณสมทบโครงการ ได้ไหม")
    assert (answer.entry_id, answer.verdict) == ("agreement-must-not-bind-government", "no")


def test_doing_without_the_guidelines_is_answered_by_them(answerer: Answerer) -> None:
    answer = answerer.answer("ทำ MOU ท่องเที่ยวกับเมืองในลาวเองเลย ไม่ต้องดูแนวทางของ สถ. ก็ได้ใช่ไหม")
    assert answer.entry_id == "follow-dla-guidelines" and answer.verdict not in {"yes", "conditional"}


def test_the_provinces_criteria_asked_by_an_lao_are_the_provinces_entry(answerer: Answerer) -> None:
    answer = answerer.answer("อบต.จะช่วยจังหวัดเตรียมข้อมูล จังหวัดมีหลักเกณฑ์เลือกคู่เมืองพี่เมืองน้องอย่างไรคะ")
    assert answer.entry_id == "sister-city-province-criteria"


def test_a_letters_date_cited_asks_the_rule(answerer: Answerer) -> None:
    answer = answerer.answer("ตาม ว.0313 ลว.23 ก.พ.69 ทต.ยังทำ MOU ด้านการเกษตรกับเมืองในลาวได้อยู่ไหมครับ")
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")


@pytest.mark.parametrize("question", [
    "ทต.กับ อบต.ข้างเคียงในอำเภอเดียวกันจะทำ MOU เก็บขยะร่วมกัน ที่ปรึกษาญี่ปุ่นเรียกว่า 広域連携 ต้องทำยังไง",
    "ถ้าบอทเป็นเมือง อยากเป็นเมืองพี่เมืองน้องกับที่ไหน",
    "สัปดาห์หน้าคณะเราไปดูงานที่โซล อากาศหนาวไหมครับ",
    "MOU แลกเปลี่ยนอาจารย์ระหว่างมหาวิทยาลัยเรากับมหาวิทยาลัยในญี่ปุ่น ต้องผ่านสภามหาวิทยาลัยไหม",
])
def test_lookalikes_at_home_about_the_bot_or_the_weather_are_declined(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question).kind == "decline", question


def test_a_province_level_relationship_held_already_leaves_the_lao_its_own_mou(answerer: Answerer) -> None:
    answer = answerer.answer(
        "Our state already has a sister-state relationship with your province. Separately, our city would like a short"
        " MOU with your thesaban on library exchanges, each side paying its own costs. Is that allowed?"
    )
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")


def test_a_northern_sister_city_is_one(answerer: Answerer) -> None:
    answer = answerer.answer("อบต.เฮาจะเซ็นเป็นเมืองปี้เมืองน้องกับเชียงตุงเองได้ก่อเจ้า")
    assert (answer.entry_id, answer.verdict) == ("sister-city-province-only", "no")


@pytest.mark.parametrize("question", [
    "農業技術交流に関する覚書（案）\n第3条 本覚書に基づく活動に要する経費は、それぞれが負担する。\n"
    "第5条 本覚書は、両者の間に法的拘束力を有する権利義務を生じさせるものではない。\nอบต.เซ็นได้ไหมครับ",
    "폐기물 관리 협력에 관한 업무협약서(안)\n제4조(비용) 비용은 각 기관이 자체 부담한다.\n"
    "제6조(효력) 이 협약은 법적 구속력을 갖지 아니한다.\nทม.ทำได้ไหมคะ",
    "旅游合作谅解备忘录\n二、双方各自承担本方费用；\n三、本备忘录不构成具有法律约束力的义务。\nอบต.ลงนามได้มั้ยคะ",
    "Draft MoU on early childhood education\n2. Each Party covers its own costs.\n"
    "3. This MoU does not create legally binding obligations.\nอบต.ทำได้เลยไหมคะ",
])
def test_a_partners_draft_binding_no_one_is_not_read_as_the_binding_rule(answerer: Answerer, question: str) -> None:
    # The draft's "binds no one" holds the word ผูกพัน; read, it made the binding rule's "no" win on words.
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional"), question


def test_a_rule_that_agreements_must_bind_no_one_is_still_asked(answerer: Answerer) -> None:
    answer = answerer.answer("ข้อตกลงของท้องถิ่นกับต่างประเทศ ต้องไม่มีผลผูกพันใครบ้าง")
    assert answer.entry_id == "agreement-must-not-bind-government"


@pytest.mark.parametrize("question", [
    "Sở Văn hóa tỉnh Nghệ An đề xuất ký thỏa thuận hợp tác giao lưu văn hóa với thành phố Sakon Nakhon.\n"
    "Không đề cập đến quan hệ kết nghĩa.\nทน.สกลนครครับ เราทำได้ไหมครับ",
    "Der Landkreis schlägt der Stadtverwaltung Khon Kaen eine Kooperationsvereinbarung zur Abfallwirtschaft vor.\n"
    "Eine Städtepartnerschaft ist ausdrücklich nicht vorgesehen.\n"
    "แค่ Kooperationsvereinbarung เรื่องจัดการขยะ ทน.ขอนแก่นทำได้ไหมครับ",
    "我市已于数年前与清莱府结为友好城市。此次希望与贵镇签订《职业教育合作备忘录》。\n"
    "ส่วนที่ขอเราคือ MOU อาชีวศึกษา ทต.ทำได้ไหม",
])
def test_a_sister_city_denied_or_held_by_the_province_in_a_partners_words(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional"), question


def test_a_partner_province_seeking_a_sister_city_with_a_thai_province_is_the_rule(answerer: Answerer) -> None:
    # Not held already: the province-level relationship sought is what the rule answers.
    answer = answerer.answer("我们州希望与泰国清莱府缔结友好城市关系。请问清莱府作为府一级，"
                             "可以和我们州建立这种关系吗？")
    assert answer.entry_id in {"sister-city-province-only", "sister-city-province-criteria"}


def test_the_district_chief_forbidding_an_mou_asks_who_supervises(answerer: Answerer) -> None:
    answer = answerer.answer("นายอำเภอมีสิทธิ์สั่งห้าม อบต.ทำ MOU การเกษตรกับเมืองในลาวไหมครับ หรือต้องขออนุญาตอำเภอก่อนทุกครั้ง")
    assert answer.entry_id == "lao-supervision" and answer.verdict == "info"


def test_a_sister_city_signed_in_a_year_gone_by_is_an_old_one(answerer: Answerer) -> None:
    answer = answerer.answer('ทม.เคยเซ็นเป็น "เมืองคู่แฝด" กับเมืองในไต้หวันเมื่อปี ๒๕๕๙ ต้องรายงานใครไหมว่ายังมีอยู่')
    assert answer.entry_id == "existing-sister-city-agreement"


def test_the_provinces_relationship_told_as_past_leaves_the_lao_its_question(answerer: Answerer) -> None:
    answer = answerer.answer(
        "ปีก่อนจังหวัดไปทำเมืองพี่เมืองน้องกับที่ไหนสักแห่งในจีน ไม่เกี่ยวกับเรา คำถามคือ อบต.จะทำความตกลงเรื่องป้องกันไฟป่า"
        "กับเมืองต้นผึ้ง สปป.ลาว ทำได้ไหมครับ"
    )
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")


@pytest.mark.parametrize("question", [
    'ขอเนื้อเพลง "เมืองพี่เมืองน้อง" ที่ใช้ร้องในงานเลี้ยงต้อนรับหน่อยค่ะ',
    "Could you write a short, warm poem about sister cities for our welcome dinner? Something the mayor can read.",
    "Please send us the lyrics of a song about sister cities for the welcome dinner",
])
def test_a_song_or_a_poem_about_sister_cities_is_declined(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question).kind == "decline", question


def test_a_study_trip_told_in_the_clause_after_last_year_is_story(answerer: Answerer) -> None:
    answer = answerer.answer(
        "เล่าให้ฟังก่อนนะคะ แล้วปีที่แล้ว อบต.เราเสนอโครงการไปดูงานกาแฟที่ยูนนานแต่ถูกตีกลับเรื่องงบ\n"
        "ปีนี้รัฐบาลอำเภอผู่เอ่อร์อยากทำความร่วมมือด้านการแปรรูปกาแฟกับ อบต. แลกเปลี่ยนผู้เชี่ยวชาญแบบต่างคนต่างออกค่าใช้จ่าย\n"
        "อบต.ทำข้อตกลงด้านนี้ได้ไหมคะ"
    )
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")


@pytest.mark.parametrize("question", [
    "ทต.เราจะทำ MOU กับมหาวิทยาลัยแม่ฟ้าหลวง (ในประเทศ) เรื่องวิจัยสุขภาพชุมชน ต้องเข้าสภาไหม ใช้แบบฟอร์มไหนครับ",
    "โปสเตอร์ \"ศึกฟุตบอลเมืองพี่เมืองน้อง อบต.ป่าตึง vs อบต.แม่ไร่\" งานบอลประเพณีของ ๒ ตำบลในอำเภอเดียวกันค่ะ"
    " อบต.ใช้งบซื้อถ้วยรางวัลได้ไหม",
])
def test_partners_said_to_be_at_home_are_declined(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question).kind == "decline", question


@pytest.mark.parametrize("question", [
    "ทราบแล้วครับว่าเมืองพี่เมืองน้องต้องให้จังหวัดทำ อันนั้นเราไม่ทำแล้ว ตอนนี้ อบต.อยากทำความร่วมมือด้านสาธารณสุขชายแดน"
    "กับเมืองท่าขี้เหล็ก อบต.ทำ MOU ได้ไหมครับ",
    "อบต.ข้างๆบอกว่าเมืองพี่เมืองน้องทำไม่ได้แล้ว เราเลยว่าจะทำแค่ MOU ฟุตบอลเยาวชนกับเมืองในแขวงหลวงน้ำทา อันนี้ทำได้ไหม",
    "หลังได้หนังสือ ว ๐๓๑๓ นายกฯ ยกเลิกความคิดเรื่องเมืองพี่เมืองน้องไปแล้วครับ ตอนนี้จะทำแค่ข้อตกลงแลกเปลี่ยนครู"
    "กับเมืองในกวางสี แบบนี้เดินหน้าต่อได้ใช่ไหม",
    "เห็นข่าวจังหวัดอื่นเซ็นเมืองพี่เมืองน้องกับจีน แต่ของ ทต.เราเป็นคนละเรื่องค่ะ อยากทำความร่วมมือด้านดูแลผู้สูงอายุ"
    "กับเมืองในเกาหลี ต้องระวังอะไรบ้าง",
    "งั้นท้องถิ่นยังเหลือช่องทางไหนบ้างที่จะจับมือกับเมืองต่างประเทศได้ครับ",
])
def test_a_sister_city_given_up_told_or_anothers_leaves_the_framework(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional"), question


def test_an_lao_asking_what_a_province_weighs_gets_the_criteria(answerer: Answerer) -> None:
    answer = answerer.answer(
        "จังหวัดเชียงรายมีเมืองพี่เมืองน้องกับมณฑลในจีน ทาง ทต.อยากรู้ว่าเวลาจังหวัดจะสถาปนาเมืองพี่เมืองน้อง เขาพิจารณาจากอะไรบ้าง"
    )
    assert answer.entry_id == "sister-city-province-criteria"


def test_japans_own_law_on_its_towns_is_declined(answerer: Answerer) -> None:
    answer = answerer.answer("ญี่ปุ่นมีกฎหมายยังไงเรื่องการทำ 姉妹都市 ของเทศบาลเขา ต้องขออนุญาตรัฐบาลกลางญี่ปุ่นไหม")
    assert answer.kind == "decline"


def test_the_partners_own_municipality_is_not_a_thai_lao(answerer: Answerer) -> None:
    question = "อยากรู้ว่าญี่ปุ่นเขามีกฎหมายเรื่อง 姉妹都市 ยังไงครับ ต้องผ่าน 総務省 ไหม เทศบาลญี่ปุ่นทำเองได้เลยหรือเปล่า"
    assert answerer.answer(question).kind == "decline"
    # A Thai LAO named beside the partner's is still who acts.
    answer = answerer.answer("เทศบาลญี่ปุ่นเสนอเป็นเมืองพี่เมืองน้องกับ อบต.เรา ทำได้ไหม")
    assert (answer.entry_id, answer.verdict) == ("sister-city-province-only", "no")


def test_the_interior_ministry_by_its_short_name_binds_the_state(answerer: Answerer) -> None:
    # "มท." and "กระทรวงต่างๆ ของไทย" are the Thai state; "ต่างๆ" is not "foreign".
    for question in ("ทต.ทำ MOU การศึกษากับเมืองในจีน ในร่างเขียนว่ามท.จะจัดงบให้ เซ็นได้ไหม",
                     "ฝั่งญี่ปุ่นอยากให้ใส่ว่ามหาดไทยจะสนับสนุนงบทุกปี ใส่ได้ไหม",
                     "กระทรวงต่างๆของไทยจะสนับสนุนตามร่าง MOU ของ อบต. ได้ไหม"):
        answer = answerer.answer(question)
        assert (answer.entry_id, answer.verdict) == ("agreement-must-not-bind-government", "no"), question


def test_the_constitutions_section_178_by_its_short_names(answerer: Answerer) -> None:
    answer = answerer.answer("ม.๑๗๘ รธน. เกี่ยวกับ MOU ทต.ด้วยเหรอ")
    assert answer.entry_id == "international-agreement-risk"


def test_the_partners_own_law_asked_in_a_few_words_is_declined(answerer: Answerer) -> None:
    for question in ("กฎหมายลาว เจ้าเมืองเขาเซ็นเมืองพี่เมืองน้องเองได้ไหม", "กฎหมายญี่ปุ่นเรื่อง sister city ว่าไง"):
        assert answerer.answer(question).kind == "decline", question


def test_a_shop_that_shares_the_name_is_declined(answerer: Answerer) -> None:
    assert answerer.answer("ร้านเมืองพี่เมืองน้องหน้าอำเภอ เปิดกี่โมงคะ🍜").kind == "decline"


def test_a_university_abroad_is_not_a_foreign_governmental_unit(answerer: Answerer) -> None:
    # The framework's "conditional" is for foreign governmental units; a university is not one.
    answer = answerer.answer("ทต.ทำ MOU กับมหาลัยในจีน (ไม่ใช่หน่วยการปกครอง) ได้ไหมคะ")
    assert answer.verdict not in ("yes", "conditional")


def test_an_international_agreement_in_karaoke_thai(answerer: Answerer) -> None:
    answer = answerer.answer("MOU khong tesaban pen khwam toklong rawang prathet mai krub")
    assert answer.entry_id == "international-agreement-risk"


@pytest.mark.parametrize("question", [
    "We know tambons cannot do sister cities. Could our SAO still sign a disaster-preparedness MoU "
    "with a district in Bokeo, Laos?",
    "รู้ว่า อบต.ทำเมืองพี่เมืองน้องไม่ได้ แต่ทำ MOU เรื่องการท่องเที่ยวกับเมืองในลาวได้ไหม",
    "เมื่อปีก่อนเราเคยคุยเรื่องเมืองพี่เมืองน้องกับเมืองหนึ่งในญี่ปุ่น แต่เรื่องก็ตกไปแล้วค่ะ ตอนนี้จะทำแค่ MOU "
    "แลกเปลี่ยนเจ้าหน้าที่ด้านการจัดการขยะกับเมืองเดิม เทศบาลทำได้ไหมคะ",
    "เรียนสอบถามค่ะ อบต.เราอยากทำบันทึกความเข้าใจเรื่องจัดการขยะร่วมกับเทศบาลเมืองปอยเปต\n"
    "ทราบมาแล้วว่าเมืองพี่เมืองน้องต้องทำระดับจังหวัด เราเลยไม่ได้คิดทำแบบนั้น\nแบบนี้ อบต.ลงนามได้ไหมคะ",
    "ปีนี้เทศบาลเมืองหนึ่งในยูนนานติดต่อเรามา ตอนแรกเขาเสนอให้เป็นเมืองพี่เมืองน้อง แต่เราตอบปฏิเสธไปแล้วเพราะรู้ว่าทำไม่ได้\n"
    "เขาเลยเสนอใหม่เป็นบันทึกความร่วมมือด้านการศึกษาอาชีวะ แบบใหม่นี้เทศบาลตำบลลงนามได้ไหมครับ",
])
def test_a_sister_city_known_as_forbidden_or_dropped_is_not_what_is_asked(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")


@pytest.mark.parametrize("question", [
    "ผลบอลนัดกระชับมิตรระหว่างทีมเยาวชนเทศบาลกับทีมจากเมืองพี่เมืองน้องในลาวเมื่อวานออกมายังไงบ้าง",
    'เทศบาลจะจัดฟุตบอลกระชับมิตร "ศึกเมืองพี่เมืองน้อง" ระหว่างสองตำบลในอำเภอ ต้องขอใช้สนามกีฬาอำเภอกับใครครับ',
    "In Japan, what procedure must a town (町) follow with the Ministry of Internal Affairs "
    "to register a 姉妹都市 partnership?",
    "中国的地方政府缔结友好城市，需要报外交部审批吗？",
    "한국 지방자치단체가 해외 도시와 자매결연을 맺으려면 행정안전부 승인이 필요한가요?",
    'ร้านข้าวซอย "เมืองพี่เมืองน้อง" หน้าตลาดเทศบาลจะขอใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร ต้องใช้เอกสารอะไรบ้าง',
    "นัดกระชับมิตรฟุตบอลระหว่างทีมเทศบาลกับทีมจากเมืองพี่เมืองน้องของจังหวัดเมื่อวานนี้ ผลออกมากี่ต่อกี่",
    "ตามกฎหมายญี่ปุ่น หมู่บ้านเล็กๆ (村) ทำ 姉妹都市 กับต่างประเทศเองได้ไหม ต้องขออนุญาตกระทรวงไหนของญี่ปุ่น",
    'งาน "มหกรรมเมืองพี่เมืองน้องไทย-ลาว" ที่สนามกีฬาเทศบาลเสาร์นี้ คาดว่าคนมาสามพันคน ควรเตรียมพื้นที่จอดรถประมาณกี่ไร่',
    'เพลง "เมืองพี่เมืองน้อง" ที่วงดนตรีเทศบาลเล่นในงานสงกรานต์ ใครเป็นคนแต่ง ขอคอร์ดกีตาร์ด้วย',
    'อบต. จะจัดแข่งฟุตบอล "เมืองพี่เมืองน้องคัพ" ระหว่างหมู่บ้านในตำบล ควรตั้งงบค่าเงินรางวัลไว้หมวดไหน',
    "How does Sister Cities International in the United States decide which American cities get paired?",
    '清莱有一家叫"友好城市"的中餐馆，请问营业时间和地址？',
])
def test_lookalikes_and_the_partners_own_procedure_are_declined(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question).kind == "decline"


@pytest.mark.parametrize("question", [
    "Xin chào, tôi là cán bộ Đại sứ quán Việt Nam tại Bangkok. Một huyện của tỉnh Quảng Trị muốn ký "
    "thỏa thuận kết nghĩa với một tổ chức hành chính tambon (อบต.) ở tỉnh Mukdahan. "
    "Phía chính quyền địa phương Thái Lan có được phép ký không?",
    "ក្រុងប៉ោយប៉ែតចង់ចុះហត្ថលេខាលើកិច្ចព្រមព្រៀងក្រុងភ្លោះជាមួយ អបត. មួយនៅខេត្តស្រះកែវ ប្រទេសថៃ។ តើ អបត. នោះអាចចុះហត្ថលេខាបានទេ?",
    "จังหวัดไม่ได้เป็นคนทำเมืองพี่เมืองน้องเองค่ะ แต่ผู้ว่าฯ ให้เทศบาลนครลงนามเมืองพี่เมืองน้องกับเมืองในจีนแทนในนามของเทศบาล "
    "แบบนี้ถือว่าโอเคไหม",
    'เลี่ยงคำว่าพี่น้องไปเลยครับ ใช้ชื่อว่า "ความสัมพันธ์ฉันเมืองเครือญาติ" กับเมืองในรัฐฉาน ความหมายก็คล้ายๆ กัน '
    "แต่ชื่อไม่ตรง อบต.ทำได้ไหม",
    "ฝ่ายรัสเซียอยากให้เทศบาลเมืองของเราเป็น город-побратим กับเมืองของเขาในไซบีเรีย ตอบรับได้หรือไม่",
])
def test_a_sister_city_in_other_words_or_signers_is_still_no(answerer: Answerer, question: str) -> None:
    # Bangkok is where the writer is, not a special-form LAO acting; "អបត." is อบต. in Khmer letters;
    # "…ลงนามเมืองพี่เมืองน้อง…แทน" swaps who signs, it asks for nothing else; a new name or script is the same thing.
    answer = answerer.answer(question)
    assert answer.entry_id in ("sister-city-province-only", "sister-city-other-names") and answer.verdict == "no"


@pytest.mark.parametrize("question", [
    "หลังได้หนังสือ ว 0313 แปลว่า อบต. ห้ามมี MOU กับต่างประเทศทุกเรื่องแล้วใช่ไหมคะ",
    "ว 0313 ออกมาแล้ว ทต.ทำ MOU กับต่างประเทศไม่ได้เลยใช่ไหม",
])
def test_whether_everything_abroad_is_banned_gets_the_framework(answerer: Answerer, question: str) -> None:
    # The reverse trap: the circular bans the sister city, not every cooperation.
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")
    assert answerer.answer("อบต.ห้ามทำเมืองพี่เมืองน้องทั้งหมดเลยใช่ไหม").verdict == "no"


def test_the_frameworks_bounds_asked_get_the_framework(answerer: Answerer) -> None:
    answer = answerer.answer("สมาชิกสภา อบจ.ค่ะ อบจ.อยากทำข้อตกลงแลกเปลี่ยนนักเรียนและครูกับรัฐบาลมณฑลเสฉวน "
                             "ไม่ได้ทำเป็นเมืองพี่เมืองน้อง ต้องอยู่ในกรอบอะไรบ้างคะ")
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")


def test_a_camp_of_the_provinces_relationship_is_joining_it(answerer: Answerer) -> None:
    answer = answerer.answer("จังหวัดมีเมืองพี่เมืองน้องกับมณฑลหนึ่งในจีน ปีนี้เขาจัดค่ายเยาวชนของความสัมพันธ์นั้น "
                             "อบต.จะส่งนักเรียนในสังกัดไปร่วมและออกค่ารถให้ได้ไหมคะ")
    assert answer.entry_id == "join-province-sister-city" and answer.verdict not in ("yes", "conditional")


def test_a_ban_confirmed_with_a_chat_particle_then_what_else_leads_with_the_ban(answerer: Answerer) -> None:
    # "ใช่มะ" closes the first question: the ban is confirmed first, what is allowed follows.
    answer = answerer.answer("สรุปคือ ทต.ห้ามทำเมืองพี่เมืองน้องเลยใช่มะ แล้วจะร่วมมือกับเมืองนอกแบบไหนได้บ้าง")
    assert (answer.entry_id, answer.verdict) == ("sister-city-province-only", "no")
    assert "other-cooperation-allowed" in [also.entry_id for also in answer.also]


def test_why_only_governors_sign_gets_where_the_rule_comes_from(answerer: Answerer) -> None:
    answer = answerer.answer("สงสัยมานานแล้ว ทำไมข่าวเซ็นเมืองพี่เมืองน้องมีแต่ผู้ว่าฯ เป็นคนเซ็น ไม่เห็นนายกเทศมนตรีเซ็นบ้างเลย "
                             "เทศบาลเซ็นไม่ได้หรือคะ")
    assert answer.entry_id == "legal-basis-cabinet-2561" and answer.verdict not in ("yes", "conditional")


@pytest.mark.parametrize("question", [
    "Il ne s'agit pas d'un jumelage : notre ville souhaite seulement signer avec un thesaban thaïlandais un protocole "
    "d'accord sur la gestion des déchets. Est-ce permis côté thaïlandais ?",
    "Keine Städtepartnerschaft – wir möchten nur eine Absichtserklärung zur Zusammenarbeit in der Berufsausbildung mit "
    "einer thailändischen Tambon-Verwaltung unterzeichnen. Geht das?",
    "Chúng tôi là UBND một huyện ở tỉnh Hà Tĩnh, muốn ký biên bản ghi nhớ hợp tác về y tế với một thị trấn thuộc tỉnh "
    "Nakhon Phanom. Đây không phải là kết nghĩa. Việc này có được phép không?",
])
def test_a_partner_denying_the_sister_city_beside_its_agreement_gets_the_framework(
    answerer: Answerer, question: str
) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")


@pytest.mark.parametrize("question", [
    # Two names set apart: the friendship city is the sister city renamed.
    "우호도시 협정이면 자매도시가 아니니까 태국 อบต.하고도 맺을 수 있는 거죠?",
    # Another matter asked beside the denial: the guidelines to skip, who signs for the mayor.
    "ถ้าไม่ใช่เมืองพี่เมืองน้อง MOU ของเทศบาลก็ไม่ต้องสนแนวทางกรมฯ ก็ได้ใช่มั้ย",
    "Bolehkah timbalan datuk bandar (รองนายกเทศมนตรี) menandatangani MoU kerjasama pelancongan "
    "bagi pihak thesaban di Thailand?",
])
def test_a_denial_beside_another_matter_or_another_name_gets_no_yes(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question).verdict not in ("yes", "conditional")


def test_a_thai_ministry_taking_the_liability_in_german_binds_the_state(answerer: Answerer) -> None:
    answer = answerer.answer('Im Entwurf unserer Absichtserklärung mit einer thailändischen Gemeinde steht: '
                             '"Das thailändische Innenministerium übernimmt die Haftung für alle Projektrisiken." '
                             "Darf die Gemeinde so unterschreiben?")
    assert (answer.entry_id, answer.verdict) == ("agreement-must-not-bind-government", "no")


def test_a_chinese_district_level_municipal_body_is_an_lao_not_the_province(answerer: Answerer) -> None:
    answer = answerer.answer("您好！我们是云南省西双版纳州景洪市人民政府，"
                             "希望与泰国清莱府的一个区级市政机构缔结友好城市关系。"
                             "请问泰方市政机构可以自行签署友好城市协议吗？")
    assert answer.entry_id in ("sister-city-province-only", "sister-city-other-names") and answer.verdict == "no"


def test_karaoke_song_serm_is_no_song(answerer: Answerer) -> None:
    # "kom song serm" is กรมส่งเสริม (the DLA) in karaoke Thai, not a song to decline.
    answer = answerer.answer("o-bo-tor rao tong tham MOU kap mueang nai Lao yang ngai bang tam naew tang "
                             "sor-tor (kom song serm kan pok krong tong tin) krub?")
    understood = understand(answer.question, answerer.matcher.analyzer, answerer.concepts)
    assert "media" not in understood.concepts.present


@pytest.mark.parametrize(("question", "entry_id"), [
    ("รู้แล้วว่าเมืองพี่เมืองน้องเป็นเรื่องของจังหวัด เราเลยไม่ทำ แต่อยากได้ความร่วมมือด้านการคัดแยกขยะกับเมืองคิตะคิวชู "
     "เทศบาลทำ MOU เฉพาะเรื่องนี้ได้ไหม", "other-cooperation-allowed"),
    ("Comment rédiger le protocole d'accord avec un thesaban pour qu'il ne soit pas considéré comme un traité "
     "international au sens du droit thaïlandais (article 178 de la Constitution) ?", "international-agreement-risk"),
    ("ถ้าจังหวัดลงนามเมืองพี่เมืองน้องกับนครแห่งหนึ่งในจีนแล้ว "
     "เทศบาลตำบลในจังหวัดนับเป็นเมืองพี่เมืองน้องกับนครนั้นไปด้วยหรือเปล่า", "join-province-sister-city"),
    ("저희 시는 치앙라이주와 자매결연 관계를 맺고 있습니다. "
     "치앙라이주 안의 테사반이 그 자매결연 교류 행사(청소년 교류)에 함께 참여할 수 있나요?",
     "join-province-sister-city"),
])
def test_known_rules_treaty_wording_and_joining_in_other_words(
    answerer: Answerer, question: str, entry_id: str
) -> None:
    answer = answerer.answer(question)
    assert answer.entry_id == entry_id
    if entry_id == "join-province-sister-city":
        assert answer.verdict not in ("yes", "conditional")


def test_a_rule_heard_in_korean_before_the_agreement_asked(answerer: Answerer) -> None:
    answer = answerer.answer("자매결연은 안 된다고 들었습니다. 그렇다면 교사·학생 교류 등 교육 분야 양해각서(MOU)는 "
                             "태국 땀본 행정기구(OAT)와 체결할 수 있나요?")
    assert (answer.entry_id, answer.verdict) == ("other-cooperation-allowed", "conditional")


def test_a_thai_municipality_in_khmer_words_is_an_lao(answerer: Answerer) -> None:
    answer = answerer.answer("សួស្តី។ រដ្ឋបាលក្រុងប៉ោយប៉ែត មានបំណងចុះហត្ថលេខាលើកិច្ចព្រមព្រៀងក្រុងភ្លោះ "
                             "ជាមួយសាលាក្រុងមួយនៅខេត្តស្រះកែវ ប្រទេសថៃ។ តើសាលាក្រុងថៃអាចចុះហត្ថលេខាដោយខ្លួនឯងបានទេ?")
    assert answer.entry_id in ("sister-city-province-only", "sister-city-other-names") and answer.verdict == "no"


def test_thailands_own_border_treaties_are_declined(answerer: Answerer) -> None:
    assert answerer.answer("ไทยกับลาวมีสนธิสัญญาเขตแดนฉบับไหนบ้าง ลงนามปีอะไร").kind == "decline"


@pytest.mark.parametrize(("question", "entry_id", "verdict"), [
    # A sister city denied in a memo's own words, beside the agreement asked.
    ("ปลัดนึกว่าเป็นเมืองพี่เมืองน้อง แต่จริงๆ เป็นแค่ MOU แลกเปลี่ยนครูกับเมืองในจีน อบต.ทำได้ไหม",
     "other-cooperation-allowed", "conditional"),
    # The state as the party, in English; a sister city asked as a step before signing.
    ('The signature block of our draft MOU reads "For the Government of the Kingdom of Thailand". '
     "Can our tambon mayor sign it?", "agreement-must-not-bind-government", "no"),
    ("เมืองในญี่ปุ่นเสนอทำ 姉妹都市 กับ ทต. ต้องส่งเรื่องให้ใครดูก่อนเซ็น", "sister-city-province-only", "no"),
    # Named after a sister city, or about a party, a game or a person: no rule of cooperation.
    ('ร้านกาแฟ "เมืองพี่เมืองน้อง" หน้าเทศบาล ขอใบอนุญาตขายอาหารได้ไหม', None, None),
    ('ทีม อบต.จะไปแข่งฟุตบอล "เมืองพี่เมืองน้องคัพ" ต้องใช้กรรมการผู้ตัดสินกี่คน', None, None),
    ("Under Vietnamese law, can a Lao district sign a twin-town agreement without asking Vientiane?", None, None),
    ("จัดคาราโอเกะในงานเลี้ยงต้อนรับคณะเมืองพี่เมืองน้องของจังหวัดหลังเที่ยงคืนได้ไหม", None, None),
    ("ผมอยากสมัครเป็นล่ามอาสาในงานเมืองพี่เมืองน้องของจังหวัด ต้องมีคุณสมบัติอะไร", None, None),
])
def test_memos_framings_and_namesakes(answerer: Answerer, question: str, entry_id: str | None,
                                      verdict: str | None) -> None:
    answer = answerer.answer(question)
    assert (answer.entry_id, answer.verdict) == (entry_id, verdict)
