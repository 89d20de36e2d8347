"""Benchmark `ask`: warm latency of the conversation turn (shipped and 10,000-entry knowledge bases),
one-shot wall time, and the matcher beside two plain baselines (rapidfuzz WRatio, BM25 over newmm tokens).

Run: python bench/bench_ask.py [--quick]
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bot  # noqa: E402,F401  (PyThaiNLP offline switches first)
from bot.answers import Answerer  # noqa: E402
from bot.config import default_contact, load_settings  # noqa: E402
from bot.conversation import Conversation, build_conversation  # noqa: E402
from bot.evaluation import EvalItem, load_items  # noqa: E402
from bot.knowledge import Entry, KnowledgeBase  # noqa: E402

SETS = [
    "eval_questions.yaml",
    "dev_questions.yaml",
    "heldout_questions.yaml",
    "blind_questions.yaml",
    "blind2_questions.yaml",
    "long_compound_questions.yaml",
    "chat_regional_questions.yaml",
    "mixed_questions.yaml",
    "chat_style_questions.yaml",
    "sealed_questions.yaml",
    "sealed_h_questions.yaml",
    "sealed_i_questions.yaml",
    "sealed_j_questions.yaml",
    "sealed_l_questions.yaml",
    "sealed_m_questions.yaml",
    "sealed_n_questions.yaml",
    "sealed_o_questions.yaml",
    "sealed_p_questions.yaml",
    "sealed_q_questions.yaml",
    "sealed_r_questions.yaml",
    "sealed_s_questions.yaml",
    "sealed_t_questions.yaml",
    "sealed_u_questions.yaml",
    "sealed_v_questions.yaml",
    "sealed_w_questions.yaml",
    "sealed_x_questions.yaml",
    "sealed_y_questions.yaml",
    "sealed_z_questions.yaml",
    "sealed_aa_questions.yaml",
    "sealed_ab_questions.yaml",
    "sealed_ac_questions.yaml",
    "sealed_ad_questions.yaml",
    "sealed_ae_questions.yaml",
    "sealed_af_questions.yaml",
    "sealed_ag_questions.yaml",
    "sealed_ah_questions.yaml",
    "sealed_ai_questions.yaml",
    "sealed_aj_questions.yaml",
    "sealed_ak_questions.yaml",
    "sealed_al_questions.yaml",
    "sealed_am_questions.yaml",
    "sealed_an_questions.yaml",
    "sealed_ao_questions.yaml",
    "sealed_ap_questions.yaml",
    "sealed_aq_questions.yaml",
    "sealed_ar_questions.yaml",
    "sealed_as_questions.yaml",
    "sealed_at_questions.yaml",
    "sealed_au_questions.yaml",
    "sealed_av_questions.yaml",
    "sealed_aw_questions.yaml",
    "sealed_ax_questions.yaml",
    "sealed_ay_questions.yaml",
    "sealed_az_questions.yaml",
    "sealed_ba_questions.yaml",
    "sealed_bb_questions.yaml",
    "sealed_bc_questions.yaml",
    "sealed_bd_questions.yaml",
    "sealed_be_questions.yaml",
    "sealed_bf_questions.yaml",
    "sealed_bg_questions.yaml",
    "sealed_bh_questions.yaml",
    "sealed_bi_questions.yaml",
    "sealed_bj_questions.yaml",
    "sealed_bk_questions.yaml",
    "sealed_bl_questions.yaml",
    "sealed_bm_questions.yaml",
    "sealed_bn_questions.yaml",
    "sealed_bo_questions.yaml",
    "sealed_bp_questions.yaml",
    "sealed_bq_questions.yaml",
    "sealed_br_questions.yaml",
    "sealed_bs_questions.yaml",
    "sealed_bt_questions.yaml",
    "sealed_bu_questions.yaml",
    "sealed_bv_questions.yaml",
    "sealed_bw_questions.yaml",
    "sealed_bx_questions.yaml",
    "sealed_by_questions.yaml",
    "sealed_bz_questions.yaml",
    "sealed_ca_questions.yaml",
    "sealed_cb_questions.yaml",
    "sealed_cc_questions.yaml",
    "sealed_cd_questions.yaml",
    "sealed_ce_questions.yaml",
    "sealed_cf_questions.yaml",
    "sealed_cg_questions.yaml",
    "sealed_ch_questions.yaml",
    "sealed_ci_questions.yaml",
    "sealed_cj_questions.yaml",
    "sealed_ck_questions.yaml",
    "sealed_cl_questions.yaml",
    "sealed_cm_questions.yaml",
    "sealed_cn_questions.yaml",
    "sealed_co_questions.yaml",
    "sealed_cp_questions.yaml",
    "sealed_cq_questions.yaml",
    "sealed_cr_questions.yaml",
    "sealed_cs_questions.yaml",
    "sealed_ct_questions.yaml",
    "sealed_cu_questions.yaml",
    "sealed_cv_questions.yaml",
    "sealed_cw_questions.yaml",
    "sealed_cx_questions.yaml",
    "sealed_da_questions.yaml",
    "sealed_db_questions.yaml",
    "sealed_dc_questions.yaml",
    "sealed_de_questions.yaml",
    "sealed_dd_questions.yaml",
    "sealed_df_questions.yaml",
    "sealed_dg_questions.yaml",
    "sealed_dh_questions.yaml",
    "sealed_di_questions.yaml",
    "sealed_dj_questions.yaml",
    "sealed_dk_questions.yaml",
    "sealed_dl_questions.yaml",
    "sealed_dm_questions.yaml",
    "sealed_dn_questions.yaml",
    "sealed_do_questions.yaml",
    "sealed_dp_questions.yaml",
    "sealed_dq_questions.yaml",
    "sealed_dr_questions.yaml",
    "sealed_ds_questions.yaml",
]


def percentiles(samples: list[float]) -> tuple[float, float]:
    """Return p50 and p99 of `samples`, in milliseconds."""
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p99 * 1000


def time_calls(
    function: Callable[[str], object], questions: list[str], rounds: int, before: Callable[[], None] | None = None
) -> list[float]:
    """Call `function` on every question `rounds` times (`before` each, untimed); return each call's seconds."""
    samples = []
    for _ in range(rounds):
        for question in questions:
            if before is not None:
                before()
            start = time.perf_counter()
            function(question)
            samples.append(time.perf_counter() - start)
    return samples


def synthetic_kb(kb: KnowledgeBase, size: int, seed: int = 7) -> KnowledgeBase:
    """Return `kb` plus `size` generated entries whose phrasings mix common and rare Thai words."""
    from pythainlp.corpus import thai_words

    rng = random.Random(seed)
    words = sorted(thai_words())
    rng.shuffle(words)
    # Zipf-like: a few words are very common, most are rare, as in real phrasings.
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words))))
    domain = ["อบต", "เทศบาล", "ต่างประเทศ", "MOU", "ได้ไหม", "จังหวัด", "ความร่วมมือ"]
    entries = list(kb.entries)
    for number in range(size):
        questions = []
        for _ in range(5):
            picked = rng.choices(words, cum_weights=cumulative, k=rng.randint(4, 9)) + rng.sample(domain, 2)
            rng.shuffle(picked)
            questions.append("".join(picked))
        entries.append(
            Entry(f"synthetic-{number}", questions[0], "info", tuple(questions), "คำตอบทดสอบ", ("mae-sai-w0313",))
        )
    return replace(kb, entries=tuple(entries))


def accuracy(predict: Callable[[str], tuple[str | None, float]], items: list[EvalItem]) -> tuple[float, float, float]:
    """Return (in-scope accuracy, out-of-scope rejection, threshold) at the threshold best for `predict`."""
    scored = [(predict(item.q), item) for item in items]
    best = (-1.0, 0.0, 0.0, 0.0)
    for threshold in sorted({score for (_, score), _ in scored} | {0.0}):
        inside = [(entry, score, item) for (entry, score), item in scored if item.ids]
        outside = [(entry, score, item) for (entry, score), item in scored if not item.ids]
        acc = sum(1 for entry, score, item in inside if score >= threshold and entry in item.ids) / len(inside)
        rej = sum(1 for entry, score, item in outside if score < threshold or entry in item.near) / len(outside)
        if acc + rej > best[0]:
            best = (acc + rej, acc, rej, threshold)
    return best[1], best[2], best[3]


def baselines(kb: KnowledgeBase) -> dict[str, Callable[[str], tuple[str | None, float]]]:
    """Build the two plain baselines over the same phrasings."""
    import bm25s
    from pythainlp.tokenize import word_tokenize
    from rapidfuzz import fuzz, process

    phrasings = [(entry.id, text) for entry in kb.entries for text in (entry.title, *entry.questions)]
    texts = [text for _, text in phrasings]

    def wratio(question: str) -> tuple[str | None, float]:
        hit = process.extractOne(question, texts, scorer=fuzz.WRatio)
        return (phrasings[hit[2]][0], hit[1] / 100) if hit else (None, 0.0)

    def newmm(text: str) -> list[str]:
        return [t for t in word_tokenize(text.lower(), engine="newmm", keep_whitespace=False) if t.strip()]

    retriever = bm25s.BM25()
    retriever.index([newmm(text) for text in texts], show_progress=False)

    def bm25(question: str) -> tuple[str | None, float]:
        tokens = newmm(question)
        if not tokens:
            return None, 0.0
        docs, scores = retriever.retrieve([tokens], k=1, show_progress=False)
        score = float(scores[0][0])
        return (phrasings[int(docs[0][0])][0], score) if score > 0 else (None, 0.0)

    return {"rapidfuzz WRatio (raw strings)": wratio, "BM25 (newmm tokens)": bm25}


def one_shot(rounds: int) -> tuple[float, float]:
    """Return p50/p99 wall milliseconds of a whole `policybot ask` process."""
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot", "ask", "ตำบลเราทำ MOU เมืองพี่เมืองน้องได้ไหม"],
            cwd=ROOT, capture_output=True, check=True,
        )
        samples.append(time.perf_counter() - start)
    return percentiles(samples)


def main() -> None:
    """Run every measurement and print one table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer rounds, 1,000 synthetic entries")
    parser.add_argument("--sets", type=int, default=len(SETS), metavar="N",
                        help=f"only the first N question sets (5: the sets older benches used; default {len(SETS)})")
    args = parser.parse_args()
    rounds, size = (3, 1_000) if args.quick else (20, 10_000)

    del SETS[args.sets:]
    items = [item for name in SETS for item in load_items(ROOT / "tests" / "data" / name)]
    questions = [item.q for item in items]
    with tempfile.TemporaryDirectory() as folder:
        # The turn as users get it: the registry (a SQLite file) answers the questions that name letters.
        conversation = build_conversation(load_settings({"DB_PATH": f"{folder}/bench.db"}, env_file=None))
        run_rest(args, rounds, size, items, questions, conversation)


def run_rest(args: argparse.Namespace, rounds: int, size: int, items: list[EvalItem], questions: list[str],
             conversation: Conversation) -> None:
    """Time the turn, the answer alone, a large knowledge base, one-shot runs, and the baselines."""
    kb = conversation.kb
    service = conversation.answerer
    for question in questions:
        conversation.respond(question)  # warm: dictionaries, caches, the registry's first open

    print(f"questions: {len(items)} ({sum(1 for i in items if i.ids)} in scope) from {', '.join(SETS)}")
    # The analyzer and the concept detector keep what they made of recent texts (a message is read more than once);
    # each timed question starts without them, as a new question does.
    forget = service.forget
    p50, p99 = percentiles(time_calls(conversation.respond, questions, rounds, forget))
    print(f"warm turn (Conversation.respond, registry on SQLite), shipped KB ({len(kb.entries)} entries): "
          f"p50 {p50:.2f} ms, p99 {p99:.2f} ms")
    p50, p99 = percentiles(time_calls(service.answer, questions, rounds, forget))
    print(f"warm answer alone (Answerer.answer): p50 {p50:.2f} ms, p99 {p99:.2f} ms")

    start = time.perf_counter()
    big = Conversation(Answerer(synthetic_kb(kb, size), default_contact()))
    build = time.perf_counter() - start
    p50, p99 = percentiles(
        time_calls(big.respond, questions, max(1, rounds // 4), big.answerer.forget)
    )
    print(f"warm turn, {len(big.kb.entries):,} entries (index built in {build:.1f} s): ", end="")
    print(f"p50 {p50:.2f} ms, p99 {p99:.2f} ms")

    p50, p99 = one_shot(3 if args.quick else 10)
    print(f"one-shot `policybot ask` process: p50 {p50:.0f} ms, p99 {p99:.0f} ms")

    print()
    print(f"{'method':34} {'in-scope acc':>12} {'OOS reject':>10} {'threshold':>9} {'p50 ms':>7} {'p99 ms':>7}")

    def ours(question: str) -> tuple[str | None, float]:
        answer = conversation.respond(question).answer
        return answer.entry_id, answer.confidence if answer.entry_id else 0.0

    acc = sum(1 for i in items if i.ids and ours(i.q)[0] in i.ids) / sum(1 for i in items if i.ids)
    # A near-scope item answered by an entry written for its topic counts as declined (eval's rule).
    rej = sum(1 for i in items if not i.ids and ours(i.q)[0] in (None, *i.near)) / sum(1 for i in items if not i.ids)
    p50, p99 = percentiles(time_calls(conversation.respond, questions, 1, forget))
    name = "policybot turn (as shipped)"
    print(f"{name:34} {acc:12.1%} {rej:10.1%} {service.threshold:9.2f} {p50:7.2f} {p99:7.2f}")
    for name, predict in baselines(kb).items():
        acc, rej, threshold = accuracy(predict, items)
        p50, p99 = percentiles(time_calls(predict, questions, 1))
        print(f"{name:34} {acc:12.1%} {rej:10.1%} {threshold:9.2f} {p50:7.2f} {p99:7.2f}")
    print("(baselines get the threshold that is best for them on these very questions)")


if __name__ == "__main__":
    main()
