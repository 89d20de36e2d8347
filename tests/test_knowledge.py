"""The knowledge base: the shipped one is valid and cited; broken ones are reported precisely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.knowledge import VERDICTS, KnowledgeError, default_knowledge_dir, load_knowledge

REQUIRED_IDS = {
    "sister-city-province-only", "sister-city-other-names", "other-cooperation-allowed",
    "agreement-must-not-bind-government", "international-agreement-risk", "follow-dla-guidelines",
    "legal-basis-cabinet-2561", "circular-mae-sai-0313", "contact-office",
}
# The first words of an answer state the verdict, so a phone screen shows it first.
VERDICT_OPENINGS = {"no": ("ทำไม่ได้", "ไม่ได้"), "yes": ("ทำได้",), "conditional": ("อาจ", "ทำได้")}


def test_shipped_knowledge_has_the_required_entries() -> None:
    kb = load_knowledge()
    assert set(kb.by_id) >= REQUIRED_IDS


def test_every_entry_cites_existing_documents() -> None:
    kb = load_knowledge()
    for entry in kb.entries:
        assert entry.sources, f"{entry.id} cites nothing"
        for source in entry.sources:
            assert source in kb.documents, f"{entry.id} cites unknown {source}"


def test_letter_documents_point_at_shipped_files() -> None:
    kb = load_knowledge()
    for document in kb.documents.values():
        if document.file:
            assert (kb.root / document.file).is_file(), document.id


def test_answers_lead_with_their_verdict_and_fit_a_phone() -> None:
    for entry in load_knowledge().entries:
        assert entry.verdict in VERDICTS
        openings = VERDICT_OPENINGS.get(entry.verdict)
        if openings:
            assert entry.answer.startswith(openings), f"{entry.id}: {entry.answer[:20]}"
        assert len(entry.answer) <= 1500
        assert len(entry.questions) >= 5 or entry.is_smalltalk


def test_every_entry_has_many_phrasings_including_english() -> None:
    for entry in load_knowledge().entries:
        if entry.is_smalltalk:
            continue
        assert len(entry.questions) >= 10, entry.id
        assert any(q.isascii() for q in entry.questions), f"{entry.id} has no English phrasing"


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """Copy the shipped knowledge base to a temporary folder that a test may break."""
    target = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), target)
    return target


def _problems(root: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(root)
    return caught.value.problems


def test_bad_verdict_names_file_entry_and_problem(kb_copy: Path) -> None:
    path = kb_copy / "entries" / "contact-office.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("verdict: info", "verdict: maybe"), encoding="utf-8")
    expected = "contact-office.yaml: entry contact-office: verdict must be one of yes, no, conditional, info"
    assert _problems(kb_copy) == [expected]


def test_unknown_source_and_related_are_reported(kb_copy: Path) -> None:
    path = kb_copy / "entries" / "contact-office.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("sources: [mae-sai-w0313]", "sources: [no-such-doc]").replace(
        "related: [follow-dla-guidelines]", "related: [nowhere]"
    )
    path.write_text(text, encoding="utf-8")
    problems = _problems(kb_copy)
    assert "contact-office.yaml: entry contact-office: source 'no-such-doc' is not in documents.yaml" in problems
    assert "contact-office.yaml: entry contact-office: related entry 'nowhere' does not exist" in problems


def test_an_entrys_case_is_checked_like_the_entry(kb_copy: Path) -> None:
    path = kb_copy / "entries" / "sister-city-province-only.yaml"
    text = path.read_text(encoding="utf-8")
    over, elsewhere = "    over: [sister-city-province-criteria, legal-basis-cabinet-2561]", "    over: [no-such-entry]"
    broken = text.replace("  - when: [province-actor, sister-city, asks-may]", "  - when: [province-actr]")
    broken = broken.replace(over, elsewhere).replace('    verdict: "yes"', "    verdict: sure")
    path.write_text(broken, encoding="utf-8")
    problems = _problems(kb_copy)
    where = "sister-city-province-only.yaml: entry sister-city-province-only"
    assert f"{where}: case 1: when: unknown concept 'province-actr'" in problems
    assert f"{where}: case 1: verdict must be one of yes, no, conditional, info" in problems
    path.write_text(text.replace(over, elsewhere), encoding="utf-8")
    assert _problems(kb_copy) == [f"{where}: a case is over 'no-such-entry', which is no other entry"]


def test_an_entry_in_its_case_answers_with_the_cases_verdict_and_still_applies() -> None:
    entry = load_knowledge().by_id["sister-city-province-only"]
    (case,) = entry.cases
    seen = entry.in_case(case)
    assert (seen.id, seen.verdict, seen.cases) == (entry.id, "yes", ())
    asked = frozenset({"province-actor", "sister-city", "asks-may"})
    assert case.holds(asked) and seen.applies_to(asked) and not entry.applies_to(asked)
    assert not case.holds(asked | {"partner-level"})
    # A case that only says which entry answers keeps the entry's own verdict and text.
    contact = load_knowledge().by_id["contact-office"]
    (only,) = contact.cases
    kept = contact.in_case(only)
    assert (kept.verdict, kept.answer, kept.short) == (contact.verdict, contact.answer, contact.short)


def test_broken_yaml_gives_the_line(kb_copy: Path) -> None:
    (kb_copy / "entries" / "broken.yaml").write_text("id: x\nquestions: [a, b\n", encoding="utf-8")
    problems = _problems(kb_copy)
    assert len(problems) == 1 and problems[0].startswith("broken.yaml (line ") and "not valid YAML" in problems[0]


def test_misspelt_field_and_missing_answer(kb_copy: Path) -> None:
    (kb_copy / "entries" / "new.yaml").write_text(
        "id: new-entry\ntitle: t\nverdict: info\nquestoins: [a]\nsources: [mae-sai-w0313]\n", encoding="utf-8"
    )
    problems = _problems(kb_copy)
    assert any("new.yaml: entry new-entry: unknown field 'questoins'" in p for p in problems)
    assert "new.yaml: entry new-entry: answer is missing or empty" in problems
    assert "new.yaml: entry new-entry: questions must be a non-empty list of texts" in problems


def test_duplicate_ids_and_synonym_clashes(kb_copy: Path) -> None:
    shutil.copy(kb_copy / "entries" / "contact-office.yaml", kb_copy / "entries" / "zz-copy.yaml")
    synonyms = kb_copy / "synonyms.yaml"
    clash = "groups:\n  - canonical: x\n    variants: [อบต]\n"
    synonyms.write_text(synonyms.read_text(encoding="utf-8").replace("groups:\n", clash, 1), encoding="utf-8")
    problems = _problems(kb_copy)
    assert "contact-office.yaml: entry contact-office: duplicate id" in problems
    assert any("variant 'อบต' is also in group" in p for p in problems)


def test_missing_folder_is_one_line(tmp_path: Path) -> None:
    problems = _problems(tmp_path / "nowhere")
    assert len(problems) == 1 and "KNOWLEDGE_DIR" in problems[0]


def test_seeded_citations_are_validated(tmp_path: Path) -> None:
    from bot.seeds import load_seed_citations

    shipped = load_seed_citations(Path(__file__).resolve().parent.parent / "knowledge" / "citations.yaml")
    assert [seed.citation.canonical for seed in shipped] == ["มท 0893.3/ว 1863", "มท 0803/ว 2872"]
    bad = tmp_path / "citations.yaml"
    bad.write_text("citations:\n  - number: ว 1863\n    date: '2013-13-01'\n    issuer: x\n    subject: y\n"
                   "    seen_at: z\n  - number: มท 1/ว 2\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_seed_citations(bad)
    assert caught.value.problems == [
        "citations.yaml: citation 1: number 'ว 1863' is not a full letter number",
        "citations.yaml: citation 2: missing date, issuer, subject, seen_at",
    ]


def test_short_and_instead_are_optional_and_checked(kb_copy: Path) -> None:
    path = kb_copy / "entries" / "contact-office.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "verdict: info", "verdict: info\nshort: สั้น {office}\ninstead: |-\n  หนึ่ง\n\n  สอง", 1
    )
    path.write_text(text, encoding="utf-8")
    documents = kb_copy / "documents.yaml"
    documents.write_text(documents.read_text(encoding="utf-8").replace(
        "- id: chiang-rai-w4634\n", "- id: chiang-rai-w4634\n  short: " + "ก" * 40 + "\n", 1), encoding="utf-8")
    problems = _problems(kb_copy)
    where = "contact-office.yaml: entry contact-office"
    assert f"{where}: short has {{office}}; the only placeholder is {{contact}}" in problems
    assert f"{where}: instead must be one paragraph of at most two lines" in problems
    assert "documents.yaml: document chiang-rai-w4634: short must be one line of at most 32 characters" in problems


def test_shipped_shorts_read_the_contact_office() -> None:
    kb = load_knowledge()
    assert kb.by_id["existing-sister-city-agreement"].short is not None
    assert "{contact}" in (kb.by_id["existing-sister-city-agreement"].short or "")
    assert kb.by_id["agreement-must-not-bind-government"].short is None  # its first line is short already


def test_one_persona_no_slashed_politeness() -> None:
    # The bot speaks with one voice (ครับ); "ครับ/ค่ะ" reads like a form letter.
    from bot import texts
    from bot.channels.telegram import checking, render

    kb = load_knowledge()
    written = [entry.answer for entry in kb.entries] + [entry.short or "" for entry in kb.entries]
    modules = (texts, render, checking)
    written += [value for module in modules for value in vars(module).values() if isinstance(value, str)]
    for text in written:
        assert "ครับ/ค่ะ" not in text and "ค่ะ" not in text, text[:60]


def test_the_gazetteer_reads_a_place_as_abroad_and_is_checked(kb_copy: Path) -> None:
    from bot.analyzer import Analyzer

    analyzer = Analyzer(load_knowledge(kb_copy))
    # A prefecture, a Lao province and a Malaysian state, in Thai and in English: each is "abroad".
    for place in ("กุนมะ", "จำปาศักดิ์", "kelantan", "luang namtha"):
        assert "ต่างประเทศ" in analyzer.terms(f"อบต. ทำ MOU กับเมืองใน {place}"), place
    places = kb_copy / "places.yaml"
    text = places.read_text(encoding="utf-8")
    # A place listed twice, and a group that does not exist, are each reported.
    places.write_text(text.replace("[จำปาศักดิ์,", "[จำปาศักดิ์, ลาว,", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(kb_copy)
    assert any("'ลาว' (ลาว) is also in places.yaml under 'ชื่อประเทศ'" in p for p in caught.value.problems)
    places.write_text(text.replace("into: ต่างประเทศ", "into: ต่างดาว"), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(kb_copy)
    assert any("places.yaml: 'into' must name a synonym group" in p for p in caught.value.problems)


def test_no_place_in_the_gazetteer_is_a_thai_province() -> None:
    import yaml
    from pythainlp.corpus import provinces

    data = yaml.safe_load((default_knowledge_dir() / "places.yaml").read_text(encoding="utf-8"))
    thai = {str(name) for name in provinces()} | {
        str(row["name_en"]).lower() for row in provinces(details=True) if isinstance(row, dict)
    }
    listed = {name.lower() for names in data["places"].values() for name in names}
    assert not listed & thai
