"""Thai text handling: cleaning, folding and segmentation with the domain dictionary."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.util import normalize as _pythainlp_normalize

from bot import thai


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("ได้มั้ยยยยย", "ได้มั้ย"),  # repeated letters are emphasis
        ("อบต.", "อบต"),  # abbreviation dots
        ("ก.พ. ๒๕๖๙", "กพ 2569"),  # Thai digits
        ("ทำsister cityกับจีน", "ทำ sister city กับจีน"),  # scripts run together
        ("MOU", "mou"),
        ("เมือง\u200bพี่", "เมืองพี่"),  # zero-width space
        ("a\x00b\x1fc", "a b c"),  # control characters
        ("  ว่า   อย่างไร \n", "ว่า อย่างไร"),
        ("", ""),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert thai.fold(raw) == folded


def test_clean_keeps_case_and_dots_but_converts_digits() -> None:
    assert thai.clean("ขร ๐๐๒๓.๒๐/ว ๐๓๑๓") == "ขร 0023.20/ว 0313"


def test_clean_composes_unicode() -> None:
    decomposed = "e\u0301"
    assert thai.clean(decomposed) == "\u00e9"


def test_domain_words_stay_whole() -> None:
    words = {"เมืองพี่เมืองน้อง", "อบต", "sister city", "บันทึกความเข้าใจ"}
    tokens = thai.tokenize(thai.fold("อบต.ทำบันทึกความเข้าใจเมืองพี่เมืองน้องหรือsister cityได้ไหม"), words)
    for word in words - {"sister city"}:
        assert word in tokens
    # English is split at spaces only (the analyzer joins "sister" "city" back into its phrase).
    assert tokens[tokens.index("sister") + 1] == "city"
    assert all(" " not in token for token in tokens)


def test_tokenize_empty_and_symbols() -> None:
    assert thai.tokenize("   ") == []
    assert thai.tokenize("😀😀") == ["😀😀"] or thai.tokenize("😀😀") == ["😀", "😀"]


def test_has_thai() -> None:
    assert thai.has_thai("abc ก")
    assert not thai.has_thai("hello")


def test_cjk_runs_are_cut_into_known_words() -> None:
    known = thai.unspaced_words(["覚書", "協力", "観光", "の", "タイ政府"])
    assert thai.tokenize("観光の協力覚書", (), known) == ["観光", "の", "協力", "覚書"]
    # The longest known word wins; unknown characters stay together between them.
    assert thai.tokenize("タイ政府が保証", (), known) == ["タイ政府", "が保証"]
    assert thai.tokenize("観光", ()) == ["観光"]


def test_khmer_and_myanmar_runs_are_cut_into_known_words_not_letters() -> None:
    # Their vowel signs are no \\w: a run is one piece, and the known words are cut out of it.
    known = thai.unspaced_words(["កិច្ចសហប្រតិបត្តិការ", "ខេត្ត", "ပူးပေါင်းဆောင်ရွက်"])
    assert thai.tokenize("កិច្ចសហប្រតិបត្តិការកសិកម្មនៅខេត្ត", (), known) == ["កិច្ចសហប្រតិបត្តិការ", "កសិកម្មនៅ", "ខេត្ត"]
    assert thai.tokenize("ပူးပေါင်းဆောင်ရွက်ရေး။", (), known) == ["ပူးပေါင်းဆောင်ရွက်", "ရေး", "။"]
    assert thai.tokenize("សួស្តី", ()) == ["សួស្តី"]


_MARKS = [chr(code) for code in range(0x0E01, 0x0E5C)] + [" ", "\n", "\u200b", "a"]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_MARKS, max_size=14))
def test_normalize_is_skipped_only_when_it_would_change_nothing(text: str) -> None:
    # The shortcut must give PyThaiNLP's own result on every text: misordered marks, repeats, danglings.
    assert thai._normalized(text) == _pythainlp_normalize(text)


@pytest.mark.parametrize("text", ["เเปลก", "นานาาา", "ก่ี", "ค ่ะ", "  ก", "ก\n\nข", "า่", "ดีีีี", "ก๊๊"])
def test_normalize_shortcut_runs_the_rules_where_they_apply(text: str) -> None:
    assert thai._NEEDS_NORMALIZE is not None and thai._NEEDS_NORMALIZE.search(text) is not None
    assert thai._normalized(text) == _pythainlp_normalize(text)
