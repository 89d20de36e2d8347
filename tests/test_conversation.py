"""The conversation turn: the eval sets' figures, entries with cards, declines, bad input that must never crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import Answerer
from bot.config import default_contact, load_settings
from bot.conversation import Conversation, LogRecord, build_conversation
from bot.evaluation import evaluate, evaluate_follow_ups, load_conversations, load_items
from bot.knowledge import load_knowledge
from bot.texts import CARDS_UNAVAILABLE_TEXT, EMPTY_TEXT, decline_text
from tests.fakes import FakeRegistry

DATA = Path(__file__).resolve().parent / "data"
CONTACT = default_contact()


@pytest.fixture(scope="module")
def conversation() -> Conversation:
    """Build the conversation once on the shipped knowledge base and the fake two-letter registry."""
    return Conversation(Answerer(load_knowledge(), CONTACT), FakeRegistry())


def test_public_eval_sample_meets_the_bar(conversation: Conversation) -> None:
    report = evaluate(conversation, load_items(DATA / "eval_questions.yaml"))
    assert report.accuracy >= 0.95, report.misses
    assert report.rejection == 1.0, report.misses
    assert report.verdict_errors == 0 and report.harmful == 0, report.misses


def test_development_set_generalises(conversation: Conversation) -> None:
    # Written apart from the knowledge base's phrasings; a lower bar than the public sample,
    # but every out-of-scope question must still be declined and no verdict may be wrong.
    report = evaluate(conversation, load_items(DATA / "dev_questions.yaml"))
    assert report.accuracy >= 0.9, report.misses
    assert report.rejection == 1.0, report.misses
    assert report.verdict_errors == 0 and report.harmful == 0, report.misses


@pytest.mark.parametrize("name", ["heldout_questions.yaml", "blind_questions.yaml", "blind2_questions.yaml"])
def test_independent_sets_stay_above_their_floor(conversation: Conversation, name: str) -> None:
    # Written by people who never saw the knowledge base (see README for how each was used):
    # floors that catch a regression in general matching, not targets tuned to these items.
    report = evaluate(conversation, load_items(DATA / name))
    assert report.accuracy >= 0.85, report.misses
    assert report.rejection >= 0.9, report.misses
    assert report.verdict_errors == 0 and report.harmful == 0, report.misses


@pytest.mark.parametrize(
    ("name", "accuracy", "rejection", "harmful"),
    [
        ("long_compound_questions.yaml", 0.9, 0.95, 0),
        ("chat_regional_questions.yaml", 0.85, 0.9, 1),
        ("mixed_questions.yaml", 0.85, 0.8, 0),
        ("chat_style_questions.yaml", 0.88, 0.85, 0),
        ("sealed_questions.yaml", 0.88, 0.95, 0),
        ("sealed_h_questions.yaml", 0.78, 0.9, 0),
        ("sealed_i_questions.yaml", 0.88, 0.94, 0),
        ("sealed_j_questions.yaml", 0.88, 0.94, 0),
        ("sealed_l_questions.yaml", 0.84, 0.95, 0),
        ("sealed_m_questions.yaml", 0.78, 0.95, 0),
        ("sealed_n_questions.yaml", 0.78, 0.85, 0),
        ("sealed_o_questions.yaml", 0.95, 0.95, 0),
        # P declines 28/30: a Japanese town of 8,000 asking to twin with a Thai province gets the province's
        # criteria (its partner must rank with a province), which is what the item's `expect` asks for.
        ("sealed_p_questions.yaml", 0.9, 0.93, 0),
        ("sealed_q_questions.yaml", 0.84, 0.87, 0),
        ("sealed_r_questions.yaml", 0.9, 0.9, 0),
        ("sealed_s_questions.yaml", 0.88, 0.92, 0),
        ("sealed_t_questions.yaml", 0.93, 0.88, 0),
        ("sealed_u_questions.yaml", 0.92, 0.95, 0),
        ("sealed_v_questions.yaml", 0.91, 0.95, 0),
        ("sealed_w_questions.yaml", 0.86, 0.88, 0),
        ("sealed_x_questions.yaml", 0.87, 0.97, 0),
        ("sealed_y_questions.yaml", 0.91, 0.95, 0),
        ("sealed_z_questions.yaml", 0.89, 0.95, 0),
        ("sealed_aa_questions.yaml", 0.91, 0.95, 0),
        ("sealed_ab_questions.yaml", 0.91, 0.95, 0),
        ("sealed_ac_questions.yaml", 0.9, 0.9, 0),
        ("sealed_ad_questions.yaml", 0.88, 0.96, 0),
        ("sealed_ae_questions.yaml", 0.89, 0.9, 0),
        ("sealed_af_questions.yaml", 0.93, 0.94, 0),
        ("sealed_ag_questions.yaml", 0.93, 0.9, 0),
        ("sealed_ah_questions.yaml", 0.81, 0.97, 0),
        ("sealed_ai_questions.yaml", 0.9, 0.85, 0),
        ("sealed_aj_questions.yaml", 0.9, 0.94, 0),
        ("sealed_ak_questions.yaml", 0.87, 0.78, 0),
        ("sealed_al_questions.yaml", 0.87, 0.91, 0),
        ("sealed_am_questions.yaml", 0.92, 0.97, 0),
        ("sealed_an_questions.yaml", 0.87, 0.9, 0),
        ("sealed_ao_questions.yaml", 0.96, 0.94, 0),
        ("sealed_ap_questions.yaml", 0.9, 0.97, 0),
        ("sealed_aq_questions.yaml", 0.91, 0.93, 0),
        ("sealed_ar_questions.yaml", 0.92, 0.97, 0),
        ("sealed_as_questions.yaml", 0.85, 0.95, 0),
        ("sealed_at_questions.yaml", 0.85, 0.9, 0),
        ("sealed_au_questions.yaml", 0.92, 0.9, 0),
        ("sealed_av_questions.yaml", 0.86, 0.97, 0),
        ("sealed_aw_questions.yaml", 0.89, 0.94, 0),
        ("sealed_ax_questions.yaml", 0.84, 0.86, 0),
        ("sealed_ay_questions.yaml", 0.95, 0.95, 0),
        ("sealed_az_questions.yaml", 0.92, 0.92, 0),
        ("sealed_ba_questions.yaml", 0.94, 0.96, 0),
        ("sealed_bb_questions.yaml", 0.86, 0.93, 0),
        ("sealed_bc_questions.yaml", 0.86, 0.92, 0),
        ("sealed_bd_questions.yaml", 0.95, 0.96, 0),
        ("sealed_be_questions.yaml", 0.94, 0.96, 0),
        ("sealed_bf_questions.yaml", 0.94, 0.9, 0),
        ("sealed_bg_questions.yaml", 0.84, 0.93, 0),
        ("sealed_bh_questions.yaml", 0.9, 0.88, 0),
        ("sealed_bi_questions.yaml", 0.93, 0.96, 0),
        ("sealed_bj_questions.yaml", 0.85, 0.9, 0),
        ("sealed_bk_questions.yaml", 0.94, 0.92, 0),
        ("sealed_bl_questions.yaml", 0.96, 0.96, 0),
        ("sealed_bm_questions.yaml", 0.94, 0.92, 0),
        ("sealed_bn_questions.yaml", 0.8, 0.85, 0),
        ("sealed_bo_questions.yaml", 0.88, 0.9, 0),
        ("sealed_bp_questions.yaml", 0.85, 0.98, 0),
        ("sealed_bq_questions.yaml", 0.91, 0.87, 0),
        ("sealed_br_questions.yaml", 0.69, 0.85, 0),
        ("sealed_bs_questions.yaml", 0.9, 0.92, 0),
        ("sealed_bt_questions.yaml", 0.96, 0.94, 0),
        ("sealed_bu_questions.yaml", 0.86, 0.98, 0),
        ("sealed_bv_questions.yaml", 0.96, 0.98, 0),
        ("sealed_bw_questions.yaml", 0.92, 0.98, 0),
        ("sealed_bx_questions.yaml", 0.95, 0.92, 0),
        ("sealed_by_questions.yaml", 0.8, 0.85, 0),
        ("sealed_bz_questions.yaml", 0.88, 0.94, 0),
        ("sealed_ca_questions.yaml", 0.93, 0.88, 0),
        ("sealed_cb_questions.yaml", 0.86, 0.92, 0),
        ("sealed_cc_questions.yaml", 0.95, 0.93, 0),
        ("sealed_cd_questions.yaml", 0.98, 0.92, 0),
        ("sealed_ce_questions.yaml", 0.95, 0.93, 0),
        ("sealed_cf_questions.yaml", 0.93, 0.87, 0),
        ("sealed_cg_questions.yaml", 0.93, 0.98, 0),
        ("sealed_ch_questions.yaml", 0.82, 0.98, 0),
        ("sealed_ci_questions.yaml", 0.91, 0.92, 0),
        ("sealed_cj_questions.yaml", 0.9, 0.83, 0),
        ("sealed_ck_questions.yaml", 0.89, 0.89, 0),
        ("sealed_cl_questions.yaml", 0.95, 0.93, 0),
        ("sealed_cm_questions.yaml", 0.91, 0.89, 0),
        ("sealed_cn_questions.yaml", 0.85, 0.94, 0),
        ("sealed_co_questions.yaml", 0.85, 0.93, 0),
        ("sealed_cp_questions.yaml", 0.96, 0.98, 0),
        ("sealed_cq_questions.yaml", 0.98, 0.9, 0),
        ("sealed_cr_questions.yaml", 0.93, 0.98, 0),
        ("sealed_cs_questions.yaml", 0.92, 0.85, 0),
        ("sealed_ct_questions.yaml", 0.98, 0.98, 0),
        ("sealed_cu_questions.yaml", 0.98, 0.98, 0),
        ("sealed_cv_questions.yaml", 0.96, 0.98, 0),
        ("sealed_cw_questions.yaml", 0.98, 0.93, 0),
        ("sealed_cx_questions.yaml", 0.93, 0.98, 0),
        ("sealed_da_questions.yaml", 0.93, 0.98, 0),
        ("sealed_db_questions.yaml", 0.93, 0.98, 0),
        ("sealed_dc_questions.yaml", 0.95, 0.98, 0),
        ("sealed_de_questions.yaml", 0.98, 0.98, 0),
        ("sealed_dd_questions.yaml", 0.94, 0.98, 0),
        ("sealed_df_questions.yaml", 0.95, 0.98, 0),
        ("sealed_dg_questions.yaml", 0.93, 0.93, 0),
        ("sealed_dh_questions.yaml", 0.94, 0.98, 0),
        ("sealed_di_questions.yaml", 0.98, 0.93, 0),
        ("sealed_dj_questions.yaml", 0.96, 0.98, 0),
        ("sealed_dk_questions.yaml", 0.95, 0.95, 0),
        ("sealed_dl_questions.yaml", 0.98, 0.98, 0),
        ("sealed_dm_questions.yaml", 0.9, 0.83, 0),
        ("sealed_dn_questions.yaml", 0.93, 0.93, 0),
        ("sealed_do_questions.yaml", 0.91, 0.98, 0),
        ("sealed_dp_questions.yaml", 0.96, 0.93, 0),
        ("sealed_dq_questions.yaml", 0.86, 0.88, 0),
        ("sealed_dr_questions.yaml", 0.82, 0.9, 0),
        ("sealed_ds_questions.yaml", 0.98, 0.95, 0),
    ],
)
def test_this_sessions_blind_sets_stay_above_their_floor(
    conversation: Conversation, name: str, accuracy: float, rejection: float, harmful: int
) -> None:
    # Written blind (their first runs are in each file's header and the README); floors a little
    # under today's figures, so that a regression in understanding fails here. The one harmful
    # answer allowed on the chat set is a known miss listed in the README.
    report = evaluate(conversation, load_items(DATA / name))
    assert report.accuracy >= accuracy, report.misses
    assert report.rejection >= rejection, report.misses
    assert report.harmful <= harmful, report.misses


def test_follow_ups_in_context_stay_above_their_floor(conversation: Conversation) -> None:
    # The conversations set: 37% of follow-ups were answered right before context was read.
    report = evaluate_follow_ups(conversation, load_conversations(DATA / "conversations.yaml"))
    assert report.accuracy >= 0.75, report.misses
    assert report.rejection == 1.0 and report.harmful <= 1, report.misses
    sealed = evaluate_follow_ups(conversation, load_conversations(DATA / "sealed_conversations.yaml"))
    assert sealed.accuracy >= 0.65 and sealed.harmful <= 1, sealed.misses
    # Set K: 44/64 follow-ups right and 1 harmful on its first run.
    k = evaluate_follow_ups(conversation, load_conversations(DATA / "sealed_k_conversations.yaml"))
    assert k.accuracy >= 0.68 and k.rejection == 1.0 and k.harmful == 0, k.misses


def test_answer_carries_verdict_sources_and_related(conversation: Conversation) -> None:
    turn = conversation.respond("ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม")
    answer = turn.answer
    assert turn.kind == "answer" and answer.entry_id == "sister-city-province-only" and answer.verdict == "no"
    assert answer.text.startswith("ทำไม่ได้")
    assert any("ว 0313" in source.title for source in answer.sources)
    assert answer.related and 0.53 <= answer.confidence <= 1.0
    data = turn.to_json()
    for key in ("question", "entry_id", "verdict", "confidence", "answer", "sources", "suggestions", "circulars"):
        assert key in data


def test_decline_apologises_suggests_and_names_the_office(conversation: Conversation) -> None:
    turn = conversation.respond("อบต.ขอกู้เงินจากธนาคารได้ไหม")
    assert turn.kind == "decline" and turn.declined and turn.answer.entry_id is None
    assert turn.answer.text == decline_text(CONTACT) and CONTACT.phone in turn.answer.text
    assert "+66 5373 2273" in turn.answer.text and len(turn.answer.suggestions) <= 3


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   \t  ",
        "ก" * 10_000,
        "เมืองพี่เมืองน้อง " * 2_000,
        "😀🙏🎉",
        "\x00\x01\x02\xff\ufffd binary \x7f",
        "ทำsister cityกับ中国的城市 можно?",
        "%s %d {0} <b>x</b> ' OR 1=1 --",
        "\u200b\u200b\u200b",
    ],
)
def test_bad_input_never_crashes(conversation: Conversation, question: str) -> None:
    turn = conversation.respond(question)
    assert turn.answer.text
    assert 0.0 <= turn.answer.confidence <= 1.0
    if not question.strip("\u200b \t"):
        assert turn.kind == "empty" and turn.answer.text == EMPTY_TEXT and not turn.declined


def test_long_question_on_topic_is_still_answered(conversation: Conversation) -> None:
    question = "เรียนสอบถามครับ ตอนนี้ทางเทศบาลตำบลกำลังจะลงนาม MOU เมืองพี่เมืองน้องกับเมืองในจีน ทำได้หรือไม่ครับ"
    assert conversation.respond(question).answer.entry_id == "sister-city-province-only"


def test_a_question_that_names_a_letter_gets_the_entry_and_the_card(conversation: Conversation) -> None:
    turn = conversation.respond("ตามหนังสือ ว ๐๓๑๓ อบต.ทำ MOU เมืองพี่เมืองน้องได้ไหม")
    assert turn.answer.entry_id == "sister-city-province-only" and turn.answer.verdict == "no"
    assert turn.to_json()["circulars"] == ["ขร 0023.20/ว 0313"]
    summary = conversation.respond("หนังสือ ว 0313 ของอำเภอแม่สาย สรุปว่าอะไรบ้าง")
    assert summary.answer.entry_id == "circular-mae-sai-0313" and len(summary.found_cards) == 1


def test_a_bare_number_gets_the_card_and_an_unknown_one_the_office(conversation: Conversation) -> None:
    turn = conversation.respond("ว ๔๖๓๔")
    assert turn.kind == "cards" and turn.answered and not turn.declined
    assert turn.to_json()["circulars"] == ["ขร 0023.3/ว 4634"]
    unknown = conversation.respond("ขอดูหนังสือ ขร 0023.20/ว 9999")
    assert unknown.cards and not unknown.found_cards and not unknown.answered
    assert any(CONTACT.phone in note for note in unknown.notes)


def test_a_registry_that_is_away_leaves_the_answer_with_a_note() -> None:
    registry = FakeRegistry()
    registry.fail = True
    conversation = Conversation(Answerer(load_knowledge(), CONTACT), registry)
    turn = conversation.respond("ตามหนังสือ ว 0313 อบต.ทำเมืองพี่เมืองน้องได้ไหม")
    assert turn.answer.entry_id == "sister-city-province-only"
    assert turn.cards_unavailable and turn.notes == (CARDS_UNAVAILABLE_TEXT,)
    assert conversation.lookup("ว 0313") is None


def test_the_registry_opens_only_for_a_question_that_names_a_letter(tmp_path: Path) -> None:
    settings = load_settings({"DB_PATH": str(tmp_path / "registry.db")}, env_file=None)
    conversation = build_conversation(settings)
    assert conversation.respond("อบต ทำ sister city ได้มั้ย").answer.entry_id == "sister-city-province-only"
    assert not (tmp_path / "registry.db").exists()
    turn = conversation.respond("หนังสือ ว ๔๖๓๔ เรื่องอะไร")
    assert turn.to_json()["circulars"] == ["ขร 0023.3/ว 4634"] and (tmp_path / "registry.db").exists()
    card = turn.to_json()["cards"][0]
    assert card["date"] == "2026-02-16" and card["issuer"] == "จังหวัดเชียงราย"


def test_turns_are_logged_with_the_one_rule_for_declined() -> None:
    logged: list[LogRecord] = []

    class Sink:
        def submit(self, record: LogRecord) -> None:
            logged.append(record)

    conversation = Conversation(Answerer(load_knowledge(), CONTACT), FakeRegistry(), Sink())
    answered = conversation.respond("อบต ทำ sister city ได้มั้ย", user="telegram:7", channel="telegram")
    declined = conversation.respond("ราคาข้าวหอมมะลิวันนี้เท่าไร", user="telegram:7", channel="telegram")
    greeting = conversation.respond("สวัสดีครับ", user="telegram:7", channel="telegram")
    card = conversation.respond("ว 0313", user="telegram:7", channel="telegram")
    conversation.respond("", user="telegram:7", channel="telegram")
    conversation.respond("อบต ทำ sister city ได้มั้ย", log_turn=False)
    assert [record.declined for record in logged] == [False, True, False, False]
    assert [record.ref for record in logged] == [answered.ref, declined.ref, greeting.ref, card.ref]
    assert logged[0].user == "telegram:7" and logged[0].channel == "telegram" and logged[0].entry_id is not None


def test_small_talk_is_answered_in_kind_but_names_no_entry(conversation: Conversation) -> None:
    turn = conversation.respond("สวัสดีครับ")
    assert turn.kind == "smalltalk" and turn.answer.smalltalk == "smalltalk-greeting"
    assert turn.answer.entry_id is None and turn.answer.verdict is None and not turn.declined
    assert "ว 0313" in turn.answer.text
    assert conversation.respond("hello world").answer.smalltalk is None


def test_thai_typed_on_the_english_layout_is_understood(conversation: Conversation) -> None:
    turn = conversation.respond("v[9 meg,nv'rujg,nv'ohv'wfhws,")  # อบต ทำเมืองพี่เมืองน้องได้ไหม
    assert turn.answer.entry_id == "sister-city-province-only"
    assert turn.answer.read_as == "อบต ทำเมืองพี่เมืองน้องได้ไหม"
    assert turn.answer.text.startswith("(อ่านว่า: อบต ทำเมืองพี่เมืองน้องได้ไหม)")
    assert conversation.respond("what is the capital of France").answer.entry_id is None


def test_an_entry_asked_by_id(conversation: Conversation) -> None:
    turn = conversation.entry("other-cooperation-allowed")
    assert turn is not None and turn.answer.entry_id == "other-cooperation-allowed" and turn.ref is None
    assert conversation.entry("no-such-entry") is None and conversation.entry("smalltalk-greeting") is None
