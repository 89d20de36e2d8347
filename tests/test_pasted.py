"""A pasted clause gets the permitted framework only when it is one the draft checker can vouch for."""

from __future__ import annotations

import pytest

from bot.pasted import clause_is_clear


@pytest.mark.parametrize("question", [
    "ข้อ 3 ทั้งสองฝ่ายจะแลกเปลี่ยนความรู้ด้านการจัดการขยะ ภายใต้อำนาจหน้าที่ของแต่ละฝ่าย ข้อนี้ได้ไหม",
    "ร่าง MOU มีข้อนี้ 'Each Party shall bear its own costs of the activities under this MOU.' เก็บไว้ได้ไหม",
])
def test_a_clause_of_cooperation_the_checker_passes_is_clear(question: str) -> None:
    assert clause_is_clear(question)


@pytest.mark.parametrize("question", [
    "ข้อ 4 รัฐบาลไทยจะสนับสนุนงบประมาณโครงการนี้ทั้งสองฝ่าย ข้อนี้ได้ไหม",  # the checker finds the state's money
    "ร่างความตกลงมีข้อว่า อบต.จะส่งตัวผู้กระทำผิดที่หนีข้ามแดนคืนให้ฝ่ายลาว ได้ไหม",  # no cooperation in it
    "ข้อ 5 ผู้รับจ้างต้องส่งมอบงานภายใน 90 วัน ข้อนี้ได้ไหม",  # no agreement of two parties
    "ข้อ 2 ทั้งสองฝ่ายจะแลกเปลี่ยน 友好城市 ข้อนี้ได้ไหม",  # text the checker does not read
])
def test_a_clause_the_checker_cannot_vouch_for_is_not_clear(question: str) -> None:
    assert not clause_is_clear(question)
