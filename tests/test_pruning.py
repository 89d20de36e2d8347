"""Regexes pruned by the scripts of a text find exactly what the whole regex finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.concepts import CONCEPT_TABLE
from bot.pruning import PrunedRegex, alternatives, required_scripts, scripts_of


def test_alternatives_split_only_at_the_top_level() -> None:
    assert alternatives(r"a|(?:b|c)|[|x]|\||d") == ["a", "(?:b|c)", "[|x]", r"\|", "d"]
    assert alternatives(r"[]|]x|y") == ["[]|]x", "y"]


@pytest.mark.parametrize(
    ("source", "scripts"),
    [
        (r"sister[\s\-]*cit(?:y|ies)", {"latin"}),
        (r"姉妹都市|友好都市", {"han"}),
        (r"(?<!ประจำ)รัฐบาล\s*(?:ไทย|กลาง)", {"thai"}),
        (r"ได้\s*(?:ไหม|มั้ย)|can\s+we", set()),  # either script will do
        (r"x?ไทย", {"thai"}),  # an optional letter requires nothing
        (r"[a-ÿ]", set()),  # a range over more than letters
        (r"\d+", set()),
    ],
)
def test_a_branch_requires_the_scripts_every_match_holds(source: str, scripts: set[str]) -> None:
    assert required_scripts(source) == frozenset(scripts)


def test_a_text_lacking_a_script_skips_its_alternatives() -> None:
    regex = PrunedRegex([r"เมือง\s*พี่|sister\s+city", r"友好城市"])
    thai = regex.for_scripts(scripts_of("อบต.ทำเมืองพี่เมืองน้องได้ไหม"))
    assert thai.pattern == "(?:เมือง\\s*พี่)" and thai is regex.for_scripts(frozenset({"thai"}))
    assert regex.for_scripts(frozenset({"thai", "latin", "han"})) is regex.full
    with pytest.raises(ValueError):
        PrunedRegex([r"(a)b"])


_SAMPLES = (
    "อบต.จะทำ mou เมืองพี่เมืองน้อง sister city 友好城市 姉妹都市 자매도시 ក្រុងភគិនី ညီအစ်ကိုမြို့ kết nghĩa "
    "รัฐบาลไทยจะออกเงิน the thai government will pay ไม่ใช่ not วีซ่า visa ได้ไหม can we 123 ข้อ 5 'each party shall'"
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SAMPLES.split()), min_size=1, max_size=12))
def test_every_concept_finds_the_same_mentions_pruned(words: list[str]) -> None:
    text = " ".join(words)
    for concept in CONCEPT_TABLE:
        if concept.regex is None or concept.pruned is None:
            continue
        whole = [match.span() for match in concept.regex.finditer(text)]
        pruned = [match.span() for match in concept.pruned.for_scripts(scripts_of(text)).finditer(text)]
        assert pruned == whole, (concept.id, text)
