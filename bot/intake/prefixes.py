"""The letter prefixes of Thai government offices (รหัสพยัญชนะ): ministries and provinces."""

from __future__ import annotations

# Ministries and the Office of the Prime Minister (current and recently renamed).
MINISTRIES = frozenset({
    "นร", "กห", "กค", "กต", "กก", "พม", "อว", "กษ", "คค", "ทส", "ดศ", "พน", "พณ", "มท", "ยธ", "รง", "วธ",
    "ศธ", "สธ", "อก", "วท", "ทก",
})
# The 76 provinces and Bangkok. ขร is kept too: the shipped circular of อำเภอแม่สาย is printed with it.
PROVINCES = frozenset({
    "กท", "กบ", "กจ", "กส", "กพ", "ขก", "จบ", "ฉช", "ชบ", "ชน", "ชย", "ชพ", "ชร", "ชม", "ตง", "ตร", "ตก", "นย",
    "นฐ", "นพ", "นม", "นศ", "นว", "นบ", "นธ", "นน", "บก", "บร", "ปท", "ปข", "ปจ", "ปน", "อย", "พย", "พง", "พท",
    "พจ", "พล", "พบ", "พช", "พร", "ภก", "มค", "มห", "มส", "ยส", "ยล", "รอ", "รน", "รย", "รบ", "ลบ", "ลป", "ลพ",
    "ลย", "ศก", "สน", "สข", "สต", "สป", "สส", "สค", "สก", "สบ", "สห", "สท", "สพ", "สฎ", "สร", "นค", "นภ", "อท",
    "อจ", "อด", "อต", "อน", "อบ", "ขร",
})
OFFICE_PREFIXES = MINISTRIES | PROVINCES


def is_known_prefix(prefix: str) -> bool:
    """Tell whether `prefix` (dots and spaces removed) is a known office prefix."""
    return prefix.replace(".", "").replace(" ", "") in OFFICE_PREFIXES
