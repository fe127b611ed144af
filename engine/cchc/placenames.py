"""Places named in running text: "xã Tân Phong", "UBND tỉnh Cà Mau", "TP. Hà Tĩnh".

A place is a unit's type word followed by a capitalised proper name. The type words are
those of the gazetteer's data (tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn,
đặc khu), plus the short forms of `rules/data/places.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cchc import gazetteer

# Capitalised words that start the next phrase rather than continue a place name.
_NOT_NAME = frozenset(
    # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập", "Số:" share a header line with the issuer.
    [
        "Ban",
        "Kế",
        "Quyết",
        "Nghị",
        "Về",
        "Chương",
        "Thực",
        "Căn",
        "Hướng",
        "Tuyên",
        "Trên",
        "Thông",
        "Công",
        "Cải",
        "Sở",
        "UBND",
        "Ủy",
        "Uỷ",
        "Cộng",
        "Độc",
        "Số",
    ]
)


@dataclass(frozen=True)
class Locality:
    level_word: str  # "tỉnh", "xã"… (lower case, abbreviations expanded)
    name: str  # "Tân Phong"
    start: int

    @property
    def full(self) -> str:
        return f"{self.level_word} {self.name}"


@lru_cache(maxsize=1)
def _level_word() -> re.Pattern[str]:
    words = sorted(
        {w for ws in gazetteer.unit_words().values() for w in ws}, key=lambda w: (-len(w), w)
    )
    capitalised = [w[0].upper() + w[1:] for w in words]
    abbrev = sorted(gazetteer.abbreviations(), key=lambda w: (-len(w), w))
    alternatives = "|".join(re.escape(w) for w in (*words, *capitalised, *abbrev))
    return re.compile(rf"(?<!\w)({alternatives})(?!\w)\s*")


def level_word(word: str) -> str:
    """'Thành phố' → 'thành phố', 'TP.' → 'thành phố'."""
    return gazetteer.abbreviations().get(word, word.lower())


def proper_name(text: str) -> str:
    """The capitalised words at the start of `text`: 'Tân Biên Ban hành…' → 'Tân Biên'."""
    words: list[str] = []
    tokens = text.split()
    for i, token in enumerate(tokens):
        word = token.rstrip(',.;:)”"')
        if not word or not word[0].isupper() or not word[0].isalpha():
            break
        # "Tuyên truyền" starts the next phrase; "Tuyên Quang" is a name.
        if word in _NOT_NAME and not (
            i == 0 and word == token and i + 1 < len(tokens) and tokens[i + 1][:1].isupper()
        ):
            break
        words.append(word)
        if word != token or len(words) == 5:
            break
    return " ".join(words)


def localities(text: str) -> list[Locality]:
    out: list[Locality] = []
    for m in _level_word().finditer(text):
        name = proper_name(text[m.end() :])
        if name:
            out.append(Locality(level_word(m.group(1)), name, m.start()))
    return out


def first_locality(texts: list[str], level_words: tuple[str, ...]) -> Locality | None:
    for text in texts:
        for loc in localities(text):
            if loc.level_word in level_words:
                return loc
    return None


def leading_level_word(text: str) -> str | None:
    """The type word `text` starts with ('xã tân phong' → 'xã'), or None."""
    m = _level_word().match(text)
    return level_word(m.group(1)) if m else None


def split_level_word(text: str) -> tuple[str | None, str]:
    """'tỉnh Hà Tĩnh' → ('tỉnh', 'Hà Tĩnh'); 'Hà Tĩnh' → (None, 'Hà Tĩnh')."""
    text = text.strip()
    m = _level_word().match(text)
    if m and text[m.end() :].strip():
        return level_word(m.group(1)), text[m.end() :].strip()
    return None, text
