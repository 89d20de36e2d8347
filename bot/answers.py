"""What the knowledge base says to one question: an entry's answer, small talk, or a decline."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from bot import thai
from bot.concepts import DECIDING_RULES, OUT_OF_SCOPE, ConceptDetector, Concepts, concepts_of_rules
from bot.knowledge import CONTACT_PLACEHOLDER, Entry, KnowledgeBase, KnowledgeSource
from bot.matcher import Match, Matcher
from bot.pasted import clause_is_clear, draft_findings
from bot.texts import EMPTY_TEXT, READ_AS_TEXT, Contact, decline_text
from bot.understanding import Understood, question_parts, understand

AnswerKind = Literal["entry", "smalltalk", "decline", "empty"]
# A pasted draft with one of these asked is asked something else than whether it may be signed as it is.
_NOT_ABOUT_THE_DRAFT = frozenset({
    "province-actor", "signing-authority", "which-office", "letter-question", "supervision", "source-question",
    "asks-contact",
})
# Concepts that ask the steps of making an agreement (what to send where, a council's vote before signing).
_STEPS = frozenset({"asks-procedure", "signing-authority"})
# Concepts that ask how to go about an agreement (the steps, whom to send it to or ask), not whether it may be made.
_HOW_TO_PROCEED = _STEPS | {"which-office", "asks-contact", "skips-guidelines"}
MAX_SUGGESTIONS = 3
PERMISSIVE = frozenset({"yes", "conditional"})
# An entry whose needed concepts the question has is understood from them as much as from its
# words: a long message that states them plainly may score lower and still be answered.
CONCEPT_THRESHOLD = 0.40
# A long message read as a story and a question at its end (bot.understanding) scores lower than
# its question alone would: the story's words dilute it. Its best entry answers at this confidence
# when it also leads the next one by STORY_MARGIN. On the sets of the time, long out-of-scope
# messages scored at most 0.31 while the right entry of declined long in-scope ones scored 0.39-0.52.
STORY_THRESHOLD = 0.40
STORY_MARGIN = 0.03
# Words that leave the best entry unsure and another this close to it, which the question's concepts
# back, make that other one the answer: the concepts said in so many words decide a near tie.
BACKED_MARGIN = 0.08
BACKED_TIE = 0.01
# The least confidence at which an entry whose `sure_when` concepts are all said answers as a fallback.
FALLBACK_FLOOR = 0.27
# The same, for a message written in a partner's script (Korean, Khmer…): few of its words are the
# base's, so the words' score says little and the concepts said decide.
ABROAD_FALLBACK_FLOOR = 0.15
# Concepts that say who acts and with whom: one part of a message says them for all its parts.
_WHO = frozenset({"lao-actor", "province-actor", "domestic", "foreign", "private-partner", "special-form-lao"})
_DECISIVE_WEIGHT = 2.0  # synonyms.yaml weight of the words that decide which rule applies
_MAY_WE = "ได้ไหม"  # synonyms.yaml's canonical term for "may we / is it allowed"
# Words that show a question is about an agreement, or asks what an LAO may do (so a restriction may lead).
_SECTOR = "สาขา"  # synonyms.yaml's canonical term for the sectors of cooperation
_AGREEMENT_WORDS = frozenset({"mou", "ความร่วมมือ", "ความตกลงระหว่างประเทศ", "หน่วยการปกครองของต่างประเทศ", "ผูกพัน"})
_ASKS_THE_RULE = frozenset({"ได้ไหม", "ไม่ได้", "อปท", "ทำ", "สถาปนา"})


@dataclass(frozen=True)
class Answer:
    """The knowledge base's reply to one question; `text` is what a user reads."""

    question: str
    kind: AnswerKind
    text: str
    confidence: float = 0.0
    entry: Entry | None = None
    sources: tuple[KnowledgeSource, ...] = ()
    # Entries the user may have meant (a decline) or may ask next (an answer).
    suggestions: tuple[Entry, ...] = ()
    related: tuple[Entry, ...] = ()
    # The question as re-read when it was Thai typed on the English keyboard layout.
    read_as: str | None = None
    smalltalk: str | None = None
    # Answers after the first: what is allowed, after the restriction that leads.
    also: tuple[Answer, ...] = ()

    @property
    def entry_id(self) -> str | None:
        """Return the id of the entry answered, or None."""
        return self.entry.id if self.entry is not None else None

    @property
    def verdict(self) -> str | None:
        """Return the entry's verdict (yes, no, conditional, info), or None."""
        return self.entry.verdict if self.entry is not None else None


# Out-of-scope concepts that may be mentioned in passing by an LAO asking about a rule (the hotel booked for
# the signing, a worker it hired): they decline only a question about nothing else.
_IN_PASSING = frozenset(
    {"travel-arrangement", "employment", "personal-matter", "news-request", "partner-own-rules", "speech-request",
     "channel-question", "state-treaties"}
)
# Longer than this, a message may be a pasted draft whose clauses in a partner's language nobody here has read.
_ASKED_CHARS = 400


class Answerer:
    """Answers questions from one knowledge base; build once, call `answer` many times."""

    def __init__(
        self, kb: KnowledgeBase, contact: Contact, threshold: float = 0.53, story_threshold: float = STORY_THRESHOLD
    ) -> None:
        self.kb = kb
        self.contact = contact
        self.threshold = threshold
        self.story_threshold = story_threshold
        self.matcher = Matcher(kb)
        self.concepts = ConceptDetector(kb.documents)
        self._cases = tuple((entry, case) for entry in kb.entries for case in entry.cases)

    def forget(self) -> None:
        """Drop what was kept of earlier questions' analyses (a benchmark times each question as if new)."""
        self.matcher.analyzer.forget()
        self.concepts.forget()

    def answer(self, question: str, follows: str = "") -> Answer:
        """Answer one question (a follow-up of the question `follows`), or decline with suggestions and the office."""
        cleaned = thai.clean(question)
        if not cleaned:
            return Answer(question, "empty", EMPTY_TEXT)
        whole, understood = self._answer_read(question, follows)
        parts = question_parts(cleaned) if not follows else []
        if len(parts) < 2:
            return whole
        return self._compound(question, whole, understood, parts)

    def _compound(self, question: str, whole: Answer, understood: Understood, parts: list[str]) -> Answer:
        """Answer a message that asks several things: each part in order, an asked-about restriction first."""
        answers: list[Answer] = []
        asked_restriction: Answer | None = None
        # A part read alone loses who asks ("ผู้ว่าฯ … และจังหวัดต้องเตรียมอะไร"): its entry must fit who
        # the whole message says acts and with whom, besides what the part itself says.
        who = understood.concepts.present & _WHO
        told = ""
        first_asks = False  # whether the first part answered asks "may we" itself
        for part in parts:
            # A later part reads as a follow-up of the one before ("…ใครลงนาม และสรุปว่าอะไร").
            got, read = self._answer_read(part, told)
            if got.kind == "entry" and got.entry is not None and got.entry.applies_to(read.concepts.present | who):
                if not answers:
                    first_asks = "asks-may" in read.concepts.present
                answers.append(got)
                # A restriction whose concept the part says leads: one it leads with, or one it needs (another name).
                said = (got.entry.first_when | got.entry.needs) & read.concepts.stated
                # So does an explanation a deciding rule leads to ("2.ถ้าฝ่ายเวียดนามอยากให้เขียนว่า…พันธกรณีภายใต้กฎหมาย
                # ระหว่างประเทศ จะใส่ได้ไหม" is the treaty rule's, said before the part that is allowed).
                restricts = got.verdict == "no" or (got.verdict == "info" and bool(said & DECIDING_RULES))
                if asked_restriction is None and restricts and said:
                    asked_restriction = got
            told = part
        if not answers:
            return whole
        # The whole message's restriction leads only if the message says what it is about.
        stated = understood.concepts.stated
        whole_says = whole.entry is not None and whole.verdict == "no" and bool(
            (whole.entry.first_when | whole.entry.needs) & stated
        )
        if asked_restriction is None and whole_says:
            asked_restriction = whole
        confirmed = asked_restriction.entry if asked_restriction is not None else None
        if (confirmed is not None and "ban-confirmed" in understood.concepts.present and whole.entry is not None
                and "sister-city" in confirmed.needs and "sister-city" not in whole.entry.needs):
            # "เมืองพี่เมืองน้องทำไม่ได้ใช่ไหม แล้วความร่วมมือแบบอื่น…ได้หรือเปล่า": the whole message asks what else, the
            # ban only confirmed; the part that confirms it follows.
            asked_restriction = whole
        if (asked_restriction is None and answers[0].verdict in PERMISSIVE and not first_asks
                and whole.entry is not None and whole.verdict not in PERMISSIVE and whole.entry.first_when & stated):
            # "ฝ่ายเวียดนามถามมาว่า 'Luật nào…?' … พ.ร.บ.เทศบาลมีมาตราไหนให้อำนาจ…": the partner's words quoted first
            # read as an agreement with nothing asked of it; the whole message asks what the Acts say, and a "yes"
            # asked by no one never leads over that.
            asked_restriction = whole
        # A part that asks about what the rules forbid is said first; the rest in the order asked.
        ordered = [asked_restriction] if asked_restriction is not None else []
        ordered += [a for a in answers if a is not asked_restriction]
        if whole.kind == "entry":
            ordered.append(whole)
        lead, rest = ordered[0], ordered[1:]
        seen = {lead.entry_id, *(a.entry_id for a in lead.also)}
        also = list(lead.also)
        for extra in rest:
            if extra.entry_id not in seen:
                seen.add(extra.entry_id)
                also.append(extra)
        return replace(lead, question=question, also=tuple(also))

    def _answer_read(self, question: str, follows: str) -> tuple[Answer, Understood]:
        """Answer one question as one, and return how it was understood."""
        understood = understand(question, self.matcher.analyzer, self.concepts, told=follows)
        return self._answer_understood(question, understood), understood

    def _answer_understood(self, question: str, understood: Understood) -> Answer:
        """Answer one understood question: the entry its words and concepts lead to, or a decline."""
        return self._in_case(question, self._answer_chosen(question, understood), understood)

    def _in_case(self, question: str, answer: Answer, understood: Understood) -> Answer:
        """Return the answer of an entry whose case is over the chosen entry, with the chosen one after it."""
        if answer.kind != "entry" or answer.entry is None:
            return answer
        present = understood.concepts.present
        for entry, case in self._cases:
            if (answer.entry.id == entry.id and case.verdict not in (None, entry.verdict) and case.holds(present)
                    and not present & DECIDING_RULES):
                # The entry chosen itself, in its own case ("ข้อสุดท้ายว่า 'บันทึกนี้ไม่ก่อให้เกิดพันธะผูกพันต่อรัฐบาล'
                # เซ็นได้ไหม" is the binding rule said in the draft): it answers as the case says, unless the
                # question names what the rules forbid besides (a visa waiver in another clause is still a "no").
                return self._entry_answer(question, entry.in_case(case), answer.confidence, [])
            if answer.entry.id in case.over and case.holds(present):
                first = self._entry_answer(question, entry.in_case(case), answer.confidence, [])
                return replace(first, also=(replace(answer, also=()), *answer.also))
        return answer

    def _answer_chosen(self, question: str, understood: Understood) -> Answer:
        """Return the entry its words and concepts lead to, or a decline (before any entry's case)."""
        # An entry that says it does not apply to a question with these concepts cannot answer it.
        ranked = [
            match
            for match in self.matcher.match_terms(understood.terms, limit=8)
            if match.entry.applies_to(understood.concepts.present)
        ]
        ranked = self._backed_first(ranked, understood)
        outside = understood.concepts.present & OUT_OF_SCOPE
        if outside - _IN_PASSING or (outside and not self._lao_asks_a_rule(question, understood)):
            # "มหาวิทยาลัยราชภัฏจะทำ MOU กับมหาวิทยาลัยในเกาหลี…", "ซีรีส์เรื่อง Sister City…": not an LAO's cooperation.
            return self._declined(question, ranked)
        drafted = self._checked_draft(question, ranked, understood)
        if drafted is not None:
            return self._led_answer(question, drafted, ranked, understood)
        best = ranked[0] if ranked else None
        runner_up = ranked[1].confidence if len(ranked) > 1 else 0.0
        lead = self._lead(ranked, understood)
        if lead is not None:
            # A concept said in so many words decides the first answer, whatever the words' score.
            return self._led_answer(question, lead, ranked, understood)
        confident = best is not None and (
            self._confident(best, understood) or self._clear_in_story(best, runner_up, understood)
        )
        if not confident and _maybe_wrong_layout(question) and not self._reads_as_english(question):
            retyped = self._retyped(question)
            if retyped is not None:
                return retyped
        if not confident:
            fallback = self._fallback(question, ranked, understood)
            if fallback is not None:
                return self._led_answer(question, fallback, ranked, understood)
        if best is None or not confident:
            return self._declined(question, ranked)
        if best.entry.is_smalltalk:
            # A greeting or a thank-you is not a question: reply in kind, but answer no policy
            # entry and point to what can be asked.
            return Answer(
                question, "smalltalk", best.entry.answer.replace(CONTACT_PLACEHOLDER, self.contact.line),
                confidence=best.confidence,
                related=self._entries(best.entry.related), smalltalk=best.entry.id,
            )
        permitted = self._permitted_over_unsaid_restriction(best, ranked, understood)
        if permitted is not None:
            # "ทำ MOU ขยะได้ไหม และต้องระวังอะไร": what is allowed leads, the restriction to mind follows.
            others = [m for m in ranked if m is not permitted]
            allowed = self._entry_answer(question, permitted.entry, permitted.confidence, others)
            caution = self._entry_answer(question, best.entry, best.confidence, [])
            return replace(allowed, also=(caution,))
        answer = self._entry_answer(question, best.entry, best.confidence, ranked[1:])
        also = self._also(question, best.entry, ranked, understood)
        return Answer(answer.question, answer.kind, answer.text, answer.confidence, answer.entry, answer.sources,
                      answer.suggestions, answer.related, also=also) if also else answer

    @staticmethod
    def _lao_asks_a_rule(question: str, understood: Understood) -> bool:
        """Tell whether an LAO asks about a sister city, a commitment of the state or treaty wording, said plainly.

        Such a question stays in scope whatever else it mentions ("…เตรียมงานเซ็นเมืองพี่เมืองน้อง จองโรงแรมแล้ว…").
        """
        concepts = understood.concepts
        # Something must be asked of the rule or an agreement be in it: "write a poem about sister cities for
        # the mayor to read" names an LAO and a sister city and asks neither.
        return "lao-actor" in concepts.present and bool(concepts.stated & DECIDING_RULES) and (
            bool(concepts.present & {"asks-may", "agreement"}) or _ACT_OF_SIGNING.search(question.lower()) is not None
        )

    def _denied_and_asked(self, question: str, concepts: Concepts) -> bool:
        """Tell whether a short question denies a sister city beside the agreement it asks, and asks nothing else."""
        if "sister-city-denied" not in concepts.stated or "draft-pasted" in concepts.present:
            return False
        if len(question) > _ASKED_CHARS:
            return False
        # Another matter an entry leads with ("ไม่ต้องสนแนวทางกรมฯ ก็ได้ใช่มั้ย", who signs): that entry's, not this.
        # (Said at all: "ยังไม่ได้ร่างอะไรเลย … ต้องทำตามแนวทางของใคร" asks the procedure, whatever a "ไม่" near it.)
        named = (concepts.present | {mention.concept for mention in concepts.mentions}) - {"sister-city"}
        return not any(entry.first_when & named for entry in self.kb.entries if entry.verdict not in PERMISSIVE)

    def _declined(self, question: str, ranked: list[Match]) -> Answer:
        """Return the decline of a question, with the entries it may have meant and the office to ask."""
        return Answer(
            question,
            "decline",
            decline_text(self.contact),
            confidence=ranked[0].confidence if ranked else 0.0,
            suggestions=tuple(m.entry for m in ranked if not m.entry.is_smalltalk)[:MAX_SUGGESTIONS],
        )

    def _also(self, question: str, lead: Entry, ranked: list[Match], understood: Understood) -> tuple[Answer, ...]:
        """Return, after a restriction the question triggered, the permitted framework it also asked about."""
        # Only a question that also asks about a sector of cooperation (tourism, health, ...) asked
        # something permitted; a plain "may we sign a sister-city MOU" is answered by the restriction.
        if lead.verdict != "no" or not lead.first_when & understood.concepts.stated or _SECTOR not in understood.terms:
            return ()
        for match in ranked:
            if match.entry is not lead and match.entry.verdict in PERMISSIVE and match.confidence >= CONCEPT_THRESHOLD:
                return (self._entry_answer(question, match.entry, match.confidence, []),)
        return ()

    def _permitted_over_unsaid_restriction(
        self, best: Match, ranked: list[Match], understood: Understood
    ) -> Match | None:
        """Return the permitted entry that should lead a may-we question a restriction won on words alone, or None."""
        entry = best.entry
        # Only a restriction none of whose concepts the question says ("…ได้ไหม ต้องระวังอะไร" says no
        # commitment of the Thai government), asked as "may we".
        said = entry.first_when & understood.concepts.present
        # An agreement wanted beside a sister city denied ("อยากทำข้อตกลง… แต่ไม่อยากให้เป็นเมืองพี่เมืองน้อง ต้องระวัง
        # อะไรบ้าง") asks to make it as much as a "may we" does.
        asked = _MAY_WE in understood.terms or "sister-city-denied" in understood.concepts.stated
        if entry.verdict != "no" or not entry.first_when or entry.needs or said or not asked:
            return None
        for match in ranked[1:]:
            if match.entry.verdict not in PERMISSIVE or not self._confident(match, understood):
                continue
            # Nor any decisive word only the restriction uses ("commit the Thai government", ผูกพัน).
            own = self.matcher.vocabulary(entry) - self.matcher.vocabulary(match.entry)
            analyzer = self.matcher.analyzer
            if any(analyzer.weight(term) >= _DECISIVE_WEIGHT for term in own.intersection(understood.terms)):
                return None
            return match
        return None

    def _backed_first(self, ranked: list[Match], understood: Understood) -> list[Match]:
        """Put first an entry the question's concepts back, when the words alone did not make the best one sure."""
        if not ranked or self._confident(ranked[0], understood):
            return ranked
        top = ranked[0].confidence
        for match in ranked[1:]:
            if top - match.confidence > BACKED_MARGIN:
                break
            # A "yes" never wins on concepts over an unsure restriction or explanation but in a tie.
            if match.entry.verdict in PERMISSIVE and top - match.confidence > BACKED_TIE:
                continue
            # Near-equal words, and the question states what this entry needs: the concepts decide.
            if self._backed(match, understood) and self._confident(match, understood):
                return [match, *(m for m in ranked if m is not match)]
        return ranked

    def _backed(self, match: Match, understood: Understood) -> bool:
        """Tell whether the question states the concepts `match`'s entry needs, leads with or is sure with."""
        entry, stated = match.entry, understood.concepts.stated
        return (
            (bool(entry.needs) and entry.needs <= stated)
            or bool(entry.first_when & stated)
            or (bool(entry.sure_when) and entry.sure_when <= stated)
        )

    def _confident(self, match: Match, understood: Understood) -> bool:
        """Tell whether `match` is sure enough; less is needed when the question states what its entry needs."""
        return match.confidence >= (CONCEPT_THRESHOLD if self._backed(match, understood) else self.threshold)

    def _clear_in_story(self, match: Match, runner_up: float, understood: Understood) -> bool:
        """Tell whether a long message's best entry is sure enough: over the story threshold and clear of the next."""
        return (
            understood.focused
            and match.confidence >= self.story_threshold
            and match.confidence - runner_up >= STORY_MARGIN
            and not match.entry.is_smalltalk
        )

    def _lead(self, ranked: list[Match], understood: Understood) -> Entry | None:
        """Return the entry that must answer first because of a concept in the question, or None."""
        concepts = understood.concepts
        # Only a concept said in so many words leads (not one read from a single synonym).
        leads = [e for e in self.kb.entries if self._said_first(e, understood) and e.applies_to(concepts.present)]
        if not leads:
            return None
        order = {match.entry.id: index for index, match in enumerate(ranked)}
        # A restriction on what any agreement may say (it needs nothing) comes before an explanation
        # ("…ให้รัฐบาลไทยค้ำประกันเงินกู้" is the guarantee before it is the loan) — in a question read alone:
        # a follow-up carries the restriction of the question before ("แล้วถ้า ทต. กู้เงินเองล่ะ" asks the loan).
        restriction_first = not understood.follow_up
        leads.sort(key=lambda entry: (
            restriction_first and not (entry.verdict == "no" and not entry.needs),
            order.get(entry.id, len(order)), not entry.needs,
        ))
        rule = next((e for e in leads if e.verdict == "no" and "sister-city" in e.first_when & concepts.stated), None)
        steps = concepts.present & _STEPS and "which-office" not in concepts.present
        if rule is not None and "lao-actor" in concepts.present and steps:
            # An LAO asking the steps towards a sister city (to send the draft on, a council vote): the rule comes
            # before the steps' own entry. (Which office handles sister cities asks the office.)
            leads.remove(rule)
            leads.insert(0, rule)
        best = ranked[0] if ranked else None
        lead = leads[0]
        # A restriction on a matter of its own, all of whose needs are said (a study trip abroad paid by
        # the LAO), asked as "may we", is asked about with or without an agreement; not a visit that is
        # part of a sector's exchange ("แลกเปลี่ยนบุคลากร อบรม และดูงาน" in a waste MOU).
        # (A matter said whole: all its needs said, no sister city among them, asked "may we".)
        said_whole = (
            bool(lead.needs) and lead.needs <= concepts.stated and "sister-city" not in lead.needs
            and "asks-may" in concepts
        )
        own_matter = said_whole and _SECTOR not in understood.terms
        if best is not None and best.entry.verdict not in PERMISSIVE and self._confident(best, understood):
            # A restriction answers the question already, and so does an explanation the concepts back; one
            # that won on words alone ("ร่างข้อตกลงที่ฝ่ายเขาส่งมา…") gives way to a restriction on what any
            # agreement may say (one that needs nothing: a duty-free clause, a ministry's budget) said in so many words.
            # A restriction that won on words alone also gives way to one on a matter said whole ("ไปดูงาน… ใช้เงิน
            # ทต. ได้ไหม เราไม่มี MOU": the trip's rule, not the agreement's).
            clause_rule = any(e.verdict == "no" and not e.needs for e in leads)
            unsaid_no = best.entry.verdict == "no" and not self._backed(best, understood) and own_matter
            # An LAO asking whether it may, with a sister city said, gets the rule before an explanation that won on
            # words alone ("เมืองในญี่ปุ่นส่งหนังสือ 姉妹都市提携 มาให้ ทต.เรา เซ็นได้ไหม" is no question about a letter).
            # So does an LAO asking how to go about one: "ฝ่ายจีนส่งร่าง 建立友好城市关系协议书 … ต้องส่งเรื่องไปที่ไหนก่อนเซ็น"
            # asks a step towards what it may not do, and the rule is the answer before any step.
            how = (best.entry.first_when | best.entry.needs) & concepts.stated
            lao_may = (
                "sister-city" in lead.first_when & concepts.stated and "lao-actor" in concepts.present
                and best.entry.verdict == "info" and (
                    ("asks-may" in concepts.present and not self._backed(best, understood))
                    or (bool(concepts.present & _HOW_TO_PROCEED) and how <= _HOW_TO_PROCEED)
                )
            )
            # "สรุปแล้ว อปท.ทำอะไรกับต่างประเทศได้บ้าง" asks what is allowed: a restriction that won on words alone gives way.
            # So does one that describes an agreement paying its own way and binding no one, asked "may we" (not
            # "which guideline do we follow", whose answer won on its words).
            asks_allowed = lead.verdict in PERMISSIVE and not self._backed(best, understood) and (
                bool(lead.first_when & concepts.stated - {"own-costs"}) or "asks-may" in concepts.present
            )
            # One restriction that won on words alone gives way to another on what an agreement may say, or the
            # sister-city rule, whose concept is said ("…'legally binding under international law'" is the treaty
            # rule's, though it shares words with the binding rule); not to a matter of its own, such as a study trip.
            said_restriction = (
                best.entry.verdict == "no" and lead.verdict in ("no", "info") and lead.needs <= {"sister-city"}
                and lead is not best.entry
                and not self._backed(best, understood)
            )
            # A commitment of the state said in so many words, asked "may we", leads over an explanation the
            # question also backs ("…ให้นายกเป็นผู้ลงนามในนามรัฐบาลไทย แบบนี้ทำได้ไหม" is the commitment before who signs).
            state_may = (
                lead.verdict == "no" and not lead.needs and best.entry.verdict == "info" and lead is not best.entry
                and "asks-may" in concepts.present and bool(lead.first_when & concepts.stated & DECIDING_RULES)
                and "province-actor" not in concepts.present
            )
            # A letter named and asked about leads over an explanation that won on words alone ("หนังสือ ว 0313
            # ลงวันที่เท่าไร ใครเป็นคนลงนาม" asks the letter, though "ท้องถิ่นอำเภอ" is the contact's words).
            said_info = (
                lead.verdict == "info" and best.entry.verdict == "info" and lead is not best.entry
                and not self._backed(best, understood) and "letter-question" in lead.first_when & concepts.stated
                and any(concept.startswith("letter:") for concept in concepts.present)
            )
            # A matter of its own said whole (a gift from abroad), asked "may we", leads over an explanation that won
            # on words alone ("เมืองในญี่ปุ่นเสนอบริจาครถดับเพลิง… อบต.รับได้ไหม ต้องขออนุมัติใครก่อน" asks the gift).
            # (Whatever sector the gift serves: a fire engine is no sector's exchange.)
            own_info = (
                said_whole and lead.verdict == "info" and best.entry.verdict == "info"
                and lead is not best.entry and not self._backed(best, understood)
                and "province-actor" not in concepts.present
            )
            if (not unsaid_no and not lao_may and not asks_allowed and not said_restriction and not state_may
                    and not said_info and not own_info) and (
                best.entry.verdict == "no" or self._backed(best, understood) or not clause_rule
            ):
                return None
        # A restriction leads only a question about an agreement (a work permit for a teacher is not
        # one) or, for a sister city, about what an LAO may do ("translate 'sister city'" asks neither).
        terms = set(understood.terms)
        # A pasted clause is one of an agreement, whether or not its words name one.
        of_agreement = bool(_AGREEMENT_WORDS & terms) or "clause-asked" in concepts.present
        if lead.verdict == "no" and not own_matter and not of_agreement:
            # A sister city, or a commitment of the Thai government written into it ("ให้เขียนว่า
            # รัฐบาลไทยค้ำประกัน ทต.เซ็นได้ไหม"), asked about with "may we": the restriction answers.
            said = {"sister-city", "binds-government"} & lead.first_when & concepts.stated
            # An LAO and a sister city it does not deny: whatever else it asks, the rule comes first.
            lao_sister_city = "sister-city" in said and "lao-actor" in concepts.present
            asks_the_rule = bool(said) and (bool(_ASKS_THE_RULE & terms) or lao_sister_city)
            if not asks_the_rule:
                return None
        return lead

    def _checked_draft(self, question: str, ranked: list[Match], understood: Understood) -> Entry | None:
        """Return the entry a whole pasted draft gets from what the draft checker finds in it, or None."""
        present = understood.concepts.present
        # A draft asked about as a whole ("ลงนามได้ไหม", "ข้อไหนต้องตัด"), by an LAO, not who signs it or a province's.
        if "draft-pasted" not in present or present & _NOT_ABOUT_THE_DRAFT:
            return None
        if not present & {"asks-may", "clauses-to-avoid"}:
            return None
        found = draft_findings(question)
        if found is None:
            return None
        # What the question's own reading says it commits (a ministry's budget the checker's wording missed) counts too.
        # A rule's concept the question's reading names and sets aside is not found: denied in a language the checker
        # does not read for negation ("本备忘录不构成友好城市关系", "tidak mewujudkan hubungan bandar berkembar"), or
        # told as the idea already answered ("ฝ่ายลาวขอทำเมืองพี่เมืองน้อง เราตอบไปแล้วว่าทำไม่ได้").
        set_aside = {mention.concept for mention in understood.concepts.mentions} - present
        said = (concepts_of_rules(found) - set_aside) | (understood.concepts.stated & DECIDING_RULES)
        if said:
            leads = [e for e in self.kb.entries if e.first_when & said and e.applies_to(present | said)]
        else:
            leads = [e for e in self.kb.entries if "draft-pasted" in e.fallback_when and e.applies_to(present)]
        if not leads:
            return None
        order = {match.entry.id: index for index, match in enumerate(ranked)}
        # What the rules forbid comes before what needs a closer look.
        return min(leads, key=lambda entry: (entry.verdict != "no", order.get(entry.id, len(order))))

    def _said_first(self, entry: Entry, understood: Understood) -> bool:
        """Tell whether the question says, in so many words, a concept `entry` leads with."""
        said = entry.first_when & understood.concepts.stated
        if entry.needs and "sister-city" not in entry.needs:
            # A matter of its own (a study trip, aid, who signs) told only in a long message's story is the
            # background of what is asked, not the question ("ปีที่แล้วเราไปดูงานที่ญี่ปุ่น … ทำ MOU เรื่องขยะได้ไหม").
            said -= understood.story_only
        return bool(said)

    def _fallback(self, question: str, ranked: list[Match], understood: Understood) -> Entry | None:
        """Return the entry that answers a question no entry is sure of, because of what it names."""
        concepts = understood.concepts
        if not understood.terms:
            return None  # a bare letter number: its card is the whole answer
        fallbacks = [
            e for e in self.kb.entries
            if e.fallback_when & concepts.stated and e.applies_to(concepts.present)
            # A permitted framework answers a pasted clause only when the draft checker finds nothing in it, or a
            # short question that denies the sister city beside the agreement it asks about, nothing restricting said.
            and (e.verdict not in PERMISSIVE or clause_is_clear(question) or self._denied_and_asked(question, concepts))
        ]
        # An explanation whose `sure_when` concepts are all said ("岐阜県…タイのナーン県との友好提携…県レベルで":
        # a province, a sister city) answers when its words, in a language the base barely knows, score low.
        # Never a "yes": a permitted framework must be found by its words.
        floor = ABROAD_FALLBACK_FLOOR if concepts.written_abroad else FALLBACK_FLOOR
        fallbacks += [
            match.entry for match in ranked
            if match.confidence >= floor and match.entry.sure_when and match.entry.sure_when <= concepts.stated
            and match.entry.verdict not in PERMISSIVE
        ]
        if concepts.written_abroad and not fallbacks:
            # Written in a partner's language, the explanation may share no word the matcher knows
            # ("当県は…友好県提携"): all its `sure_when` concepts said is enough, never for a "yes".
            fallbacks = [
                e for e in self.kb.entries
                if e.sure_when and e.sure_when <= concepts.stated and e.verdict not in PERMISSIVE
                and e.applies_to(concepts.present)
            ]
        if not fallbacks:
            return None
        order = {match.entry.id: index for index, match in enumerate(ranked)}
        return min(fallbacks, key=lambda entry: order.get(entry.id, len(order)))

    def _led_answer(self, question: str, lead: Entry, ranked: list[Match], understood: Understood) -> Answer:
        """Answer with `lead` first and, after a restriction, the allowed framework the question matched."""
        best = ranked[0] if ranked else None
        also = self._also(question, lead, ranked, understood)
        own = next((match.confidence for match in ranked if match.entry is lead), 0.0)
        confidence = max(own, best.confidence if best else 0.0, CONCEPT_THRESHOLD)
        answer = self._entry_answer(question, lead, confidence, [m for m in ranked if m.entry is not lead])
        return Answer(answer.question, answer.kind, answer.text, answer.confidence, answer.entry, answer.sources,
                      answer.suggestions, answer.related, also=also)

    def entry_answer(self, entry_id: str) -> Answer | None:
        """Return one entry's answer as if it had been asked (a pressed button); None if no such entry."""
        entry = self.kb.by_id.get(entry_id)
        if entry is None or entry.is_smalltalk:
            return None
        return self._entry_answer(entry.title, entry, 1.0, [])

    def _entry_answer(self, question: str, entry: Entry, confidence: float, others: list[Match]) -> Answer:
        return Answer(
            question,
            "entry",
            entry.answer.replace(CONTACT_PLACEHOLDER, self.contact.line),
            confidence=confidence,
            entry=entry,
            sources=tuple(self.kb.documents[source] for source in entry.sources),
            suggestions=tuple(
                m.entry
                for m in others[:MAX_SUGGESTIONS]
                if m.confidence >= self.threshold / 2 and not m.entry.is_smalltalk
            ),
            related=self._entries(entry.related),
        )

    def _entries(self, ids: tuple[str, ...]) -> tuple[Entry, ...]:
        return tuple(self.kb.by_id[entry_id] for entry_id in ids if entry_id in self.kb.by_id)

    def _reads_as_english(self, question: str) -> bool:
        """Tell whether a Latin question is words (English, a Thai word spelt in Latin), not a mistyped layout."""
        words = [word for word in _LATIN_WORD.findall(question.lower()) if len(word) > 1]
        known = sum(1 for word in words if self.matcher.analyzer.knows_latin(word))
        # "v[9 meg,nv'rujg" has no word the knowledge base knows; "Can our SAO sign an MOU…" has many.
        return known * 4 > len(words)

    def _retyped(self, question: str) -> Answer | None:
        """Answer a question typed with the keyboard left on English ("v[9" for "อบต")."""
        from pythainlp.util import eng_to_thai

        thai_text = eng_to_thai(question)
        answer = self.answer(thai_text)
        if answer.kind != "entry":
            return None
        return Answer(
            question, answer.kind, f"({READ_AS_TEXT}: {thai_text})\n{answer.text}", answer.confidence,
            answer.entry, answer.sources, answer.suggestions, answer.related, read_as=thai_text,
        )


_LATIN_WORD = re.compile(r"[a-z]+")
# Signing or establishing a relationship told in the message ("จะจัดพิธีลงนามสถาปนา…"): a rule is at stake.
_ACT_OF_SIGNING = re.compile(r"ลง\s*นาม|สถาปนา|เซ็น|\bsign(?:s|ed|ing)?\b|\bestablish")


def _maybe_wrong_layout(question: str) -> bool:
    """Tell whether a question may be Thai typed on the English keyboard layout."""
    if thai.has_thai(question):
        return False
    letters = [ch for ch in question if ch.isalpha()]
    # Korean or Lao with "MOU" in it was not typed on the wrong layout: most of its letters are not Latin.
    latin = sum(1 for ch in letters if ch.isascii())
    return latin > 0 and latin * 2 > len(letters)
