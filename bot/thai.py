"""Thai text handling: cleaning, digits, and word segmentation with a domain dictionary."""

from __future__ import annotations

import hashlib
import importlib
import os
import re
import tempfile
import threading
import unicodedata
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path

from pythainlp.util import normalize as _pythainlp_normalize
from pythainlp.util import thai_digit_to_arabic_digit

from bot import offline  # noqa: F401  (sets PyThaiNLP's offline switches before its import)


def _normalize_trigger() -> re.Pattern[str] | None:
    """Return a regex that finds everything PyThaiNLP's normalize would change, or None if its rules are unknown."""
    try:
        from pythainlp import thai_tonemarks

        rules = importlib.import_module("pythainlp.util.normalize")

        reorder = [pattern for pattern, _ in rules._REORDER_PAIRS]
        parts = [
            "[\u200b\u200c]",  # remove_zw
            "  | \n|\n |\n\n|^\\s|\\s$",  # remove_dup_spaces and its strip
            rules._RE_REMOVE_SPACES_BEFORE_NONBASE.pattern,  # remove_spaces_before_marks
            *reorder,  # reorder_vowels
            f"(?P<again>[{rules._NOREPEAT_CHARS}]) *(?P=again)",  # remove_repeat_vowels: a vowel or sign again
            f"[{thai_tonemarks}]{{2}}",  # ... and a run of tone marks
            f"^[{rules._DANGLING_CHARS}]| [{rules._DANGLING_CHARS}]",  # remove_dangling
        ]
    except (ImportError, AttributeError):
        return None
    return re.compile("|".join(f"(?:{part})" for part in parts))


# PyThaiNLP's normalize runs some thirty regex passes over the text, and nearly every message
# needs none of them: one search says whether any would change it (its result is the same).
_NEEDS_NORMALIZE = _normalize_trigger()


def _normalized(text: str) -> str:
    """Return PyThaiNLP's normalize of `text`, without running it when none of its rules applies."""
    if _NEEDS_NORMALIZE is not None and _NEEDS_NORMALIZE.search(text) is None:
        return text
    return _pythainlp_normalize(text)

THAI_CHAR = "\u0e00-\u0e7f"
_THAI_LETTER = "\u0e01-\u0e4e"
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Lone surrogates (from bytes decoded with surrogateescape, or broken UTF-16) and noncharacters:
# no text means them, and a surrogate cannot even be encoded to UTF-8.
_NONCHARACTERS = re.compile(
    "[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
_REPEATS = re.compile(rf"([{_THAI_LETTER}a-zA-Z])\1{{2,}}")
# A dot directly after a Thai letter ends an abbreviation (อบต. ก.พ. ครม.); digits keep theirs.
_ABBREV_DOT = re.compile(rf"(?<=[{_THAI_LETTER}])\.")
_SCRIPT_BOUNDARY = re.compile(
    rf"(?<=[{THAI_CHAR}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{THAI_CHAR}])"
)
_SPACES = re.compile(r"\s+")
# Thai month names, full and abbreviated as official letters print them.
THAI_MONTHS: tuple[tuple[str, str], ...] = (
    ("มกราคม", "ม.ค."),
    ("กุมภาพันธ์", "ก.พ."),
    ("มีนาคม", "มี.ค."),
    ("เมษายน", "เม.ย."),
    ("พฤษภาคม", "พ.ค."),
    ("มิถุนายน", "มิ.ย."),
    ("กรกฎาคม", "ก.ค."),
    ("สิงหาคม", "ส.ค."),
    ("กันยายน", "ก.ย."),
    ("ตุลาคม", "ต.ค."),
    ("พฤศจิกายน", "พ.ย."),
    ("ธันวาคม", "ธ.ค."),
)
# Thai punctuation and symbols that carry no meaning for matching.
_PUNCT = re.compile(
    r"[\"'`~!?@#$%^&*()\[\]{}<>|\\/:;,=+_“”‘’«»…•·\-–—ฯๆ"
    # CJK punctuation: 、。「」（）？ and the full-width forms; Khmer ។ ៕ and Myanmar ၊ ။ full stops.
    r"\u17d4-\u17d6\u104a\u104b\u3000-\u3003\u3008-\u3011\u30fb\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]"
)
# Chinese, Japanese, Korean, Khmer and Myanmar are written without spaces between words and newmm
# does not split them: the knowledge base's words in those scripts (synonyms.yaml) are cut out of a
# run by longest match instead. A Khmer or Myanmar run stays one piece: its vowel signs are no \w,
# so a word pattern would cut it into single letters.
_LATIN_WORD = re.compile(r"[\u1780-\u17d3\u17d7-\u17ff]+|[\u1000-\u1049\u104c-\u109f]+|\w+(?:[.'’/-]\w+)*|[^\w\s]")
UnspacedWords = tuple[frozenset[str], int]
_UNSPACED_RUN = re.compile(
    r"[\u1000-\u1049\u104c-\u109f\u1780-\u17d3\u17d7-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+"
)


# Lao is Thai's sister script: a partner town in Laos writes "ເມືອງພີ່ເມືອງນ້ອງ" for เมืองพี่เมືองน้อง.
# Letter by letter (Lao spells by sound, so a few words differ: ປະເທດ reads ประเทด), then the
# matcher's typo repair does the rest. ໜ ໝ are ຫນ ຫມ; ົ (short o) and ຽ (ia) have no one Thai letter.
_LAO_TO_THAI = str.maketrans(
    {
        **{chr(lao): chr(lao - 0x80) for lao in range(0x0E81, 0x0EAF) if chr(lao).isalpha()},
        "\u0E8D": "ย", "\u0EA2": "ย", "\u0EA3": "ร", "\u0EA5": "ล", "\u0EA7": "ว",
        **{chr(lao): chr(lao - 0x80) for lao in range(0x0EB0, 0x0ECE) if lao not in (0x0EBB, 0x0EBC, 0x0EBD)},
        # Lao writes ຮ where Thai writes ร (ຮ່ວມ = ร่วม); ໍ is the vowel of ບໍ່ (= บ่).
        "\u0EAE": "ร", "\u0ECD": "",
        "\u0EBB": "", "\u0EBC": "ล", "\u0EBD": "ย", "\u0EDC": "หน", "\u0EDD": "หม",
        **{chr(0x0ED0 + digit): str(digit) for digit in range(10)},
    }
)
_LAO = re.compile(r"[\u0E80-\u0EFF]")
# Words Lao spells by sound, so that letter by letter they are no Thai word the concepts know (ລັດຖະບານ would read
# ลัดถะบาน, not รัฐบาล; ກວດ is Thai ตรวจ, ສາກົນ ระหว่างประเทศ): each is written as Thai spells it, the longest first.
_LAO_WORDS = {
    "ລັດຖະບານ": "รัฐบาล", "ລາຊະອານາຈັກ": "ราชอาณาจักร", "ງົບປະມານ": "งบประมาณ", "ສະໜອງ": "จัดหา",
    "ປະເທດ": "ประเทศ", "ສົນທິສັນຍາ": "สนธิสัญญา", "ສັນຍາ": "สัญญา", "ກົດໝາຍ": "กฎหมาย", "ສາກົນ": "ระหว่างประเทศ",
    "ວີຊາ": "วีซ่า", "ກວດ": "ตรวจ", "ມິດຕະພາບ": "มิตรภาพ", "ມິດ": "มิตร", "ອະນຸຍາດ": "อนุญาต", "ເທດສະບານ": "เทศบาล",
    "ທະຫານ": "ทหาร", "ກອງທັບ": "กองทัพ", "ພາສີ": "ภาษี", "ມະຫາດໄທ": "มหาดไทย", "ໄທ": "ไทย", "ກະຊວງ": "กระทรวง",
    "ພັນທະກອນ": "พันธกรณี", "ພັນທະ": "พันธะ", "ຂໍ້": "ข้อ", "ບົດບັນທຶກ": "บันทึก", "ເຊັນ": "เซ็น", "ສາມາດ": "สามารถ",
    "ເຮັດວຽກ": "ทำงาน", "ເຮັດ": "ทำ", "ຢາກ": "อยาก", "ສ້າງ": "สร้าง", "ສາຍພົວພັນ": "ความสัมพันธ์", "ລະດັບ": "ระดับ",
    "ກິດຈະກຳ": "กิจกรรม",
}
_LAO_WORD = re.compile("|".join(sorted(map(re.escape, _LAO_WORDS), key=len, reverse=True)))
# Lao ທ່ຽວ is Thai เที่ยว (ຽ stands for เ-ีย); Lao ມື is Thai มือ (no final อ).
_LAO_IA = re.compile(r"([\u0E81-\u0EAE])([\u0EC8-\u0ECB]?)\u0EBD")
_LAO_UE = re.compile(r"\u0EB7([\u0EC8-\u0ECB]?)(?![\u0E81-\u0EAE])")


def clean(text: str) -> str:
    """Return `text` in one canonical spelling: NFC, no invisible characters, Arabic digits."""
    text = _NONCHARACTERS.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub(" ", text)
    text = thai_digit_to_arabic_digit(text)
    if _LAO.search(text):
        text = _LAO_WORD.sub(lambda word: _LAO_WORDS[word.group()], text)
        text = _LAO_UE.sub("\u0EB7\\1\u0EAD", _LAO_IA.sub("\u0EC0\\1\u0EB5\\2\u0EA2", text)).translate(_LAO_TO_THAI)
    if has_thai(text):
        # PyThaiNLP's normalize fixes Thai vowel order, repeats and dangling marks; it is the
        # slowest step here, and does nothing to text without Thai.
        text = _normalized(text)
    return _SPACES.sub(" ", text).strip()


def simplify(text: str) -> str:
    """Return `text` cleaned, lower-case, without abbreviation dots, punctuation kept (for concept patterns)."""
    return _ABBREV_DOT.sub("", clean(text).lower())


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Return `text` folded for matching: cleaned, lower-case, no repeats, no abbreviation dots."""
    text = clean(text).lower()
    # "ได้มั้ยยยย" and "sooooo" are emphasis, not new words.
    text = _REPEATS.sub(r"\1", text)
    text = _ABBREV_DOT.sub("", text)
    text = _PUNCT.sub(" ", text)
    # Officials mix scripts without spaces ("ทำsister cityกับจีน"): separate the runs.
    text = _SCRIPT_BOUNDARY.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def thai_date(iso: str | None, short: bool = False) -> str | None:
    """Return an ISO date in Thai (`23 กุมภาพันธ์ 2569`, or `23 ก.พ. 2569` when short; Buddhist year), or None."""
    if not iso:
        return None
    day = date.fromisoformat(iso)
    return f"{day.day} {THAI_MONTHS[day.month - 1][1 if short else 0]} {day.year + 543}"


def has_thai(text: str) -> bool:
    """Tell whether `text` contains any Thai character."""
    return _THAI_CHAR.search(text) is not None


_THAI_CHAR = re.compile(f"[{THAI_CHAR}]")


@lru_cache(maxsize=1)
def _thai_words() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


def general_words() -> frozenset[str]:
    """Return PyThaiNLP's general Thai word list (loaded once), e.g. to find where words end."""
    return _thai_words()


_LOAD_LOCK = threading.Lock()
# Rare dictionary words that swallow the end of a common word and a particle after it: newmm cut
# "ไหนคะ" as ไห + นคะ (a Pali word for mountain), "ไหมละ" as ไห + มละ, "นายกสิ" as นาย + กสิ,
# "ที่มานะ" as ที่ + มานะ. Officials write the particle; the segmenter should see it.
_PARTICLE_CLASHES = frozenset({
    "นคะ", "นาคะ", "มสิ", "มละ", "กสิ", "อสิ", "การละ", "มานะ", "ยกนะ", "ถนะ", "จะจ้า", "ไหนล่ะ", "ติละ",
    "ความคับ", "ปานะ", "แม่เจ้า", "เข้าเจ้า", "ดีละ", "สวนะ", "ตละ",
})


def _cache_dir() -> Path:
    """Return this user's cache folder for derived files (XDG), creating it if need be."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "policybot"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        # A read-only home (a locked-down service account): fall back to a private temp folder.
        path = Path(tempfile.mkdtemp(prefix="policybot-"))
    return path


@lru_cache(maxsize=8)
def _dictionary_name(domain_words: frozenset[str]) -> str:
    """Load the general dictionary plus `domain_words` into nlpo3 once; return its name."""
    import pythainlp
    from pythainlp.tokenize.nlpo3 import load_dict

    extra = sorted(word for word in domain_words if word.strip())
    # The general word list is fixed for a PyThaiNLP version: hash that, not 62,000 words.
    key = "\n".join([pythainlp.__version__, *sorted(_PARTICLE_CLASHES), "", *extra])
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    name = f"policybot-{digest}"
    # nlpo3 reads its dictionary from a file: keep one per word set, rebuilt only if it changes.
    path = _cache_dir() / f"dict-{digest}.txt"
    with _LOAD_LOCK:
        if not path.exists():
            payload = "\n".join(sorted((_thai_words() - _PARTICLE_CLASHES) | set(extra)))
            tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_text(payload, encoding="utf-8")
            tmp.replace(path)
        load_dict(str(path), name)
    return name


def tokenize(text: str, domain_words: Iterable[str] = (), unspaced: UnspacedWords = (frozenset(), 0)) -> list[str]:
    """Split folded `text` into words with newmm (nlpo3) and the domain dictionary; no spaces."""
    if not text.strip():
        return []
    from pythainlp.tokenize.nlpo3 import segment

    name = _dictionary_name(frozenset(domain_words))
    if unspaced[1] and _UNSPACED_RUN.search(text):
        text = _UNSPACED_RUN.sub(lambda run: _split_unspaced(run.group(), unspaced), text)
    # PyThaiNLP's nlpo3 engine is newmm in Rust: same words, ~10x faster than pure-Python newmm.
    # Only Thai is segmented: nlpo3 would also cut English by the dictionary ("does" -> "do" "es").
    tokens: list[str] = []
    for chunk in text.split():
        if has_thai(chunk):
            tokens.extend(token.strip() for token in segment(chunk, custom_dict=name) if token.strip())
        else:
            # Words keep their inner dots and apostrophes ("0023.20", "don't"); a full stop comes off.
            tokens.extend(_LATIN_WORD.findall(chunk))
    return tokens


def unspaced_words(words: Iterable[str]) -> UnspacedWords:
    """Return the words written in unspaced scripts (what `tokenize` cuts such runs by), and the longest's length."""
    found = frozenset(word for word in words if _UNSPACED_RUN.fullmatch(word))
    return found, max((len(word) for word in found), default=0)


def _split_unspaced(run: str, known: UnspacedWords) -> str:
    """Return an unspaced run (CJK, Khmer, Myanmar) with spaces around each known word, longest first."""
    words, longest = known
    out: list[str] = []
    index = 0
    while index < len(run):
        for width in range(min(longest, len(run) - index), 0, -1):
            if run[index : index + width] in words:
                out.append(f" {run[index : index + width]} ")
                index += width
                break
        else:
            out.append(run[index])
            index += 1
    return "".join(out)
