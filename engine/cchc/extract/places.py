"""Named localities and organisations in running text: "xã Tân Phong", "UBND tỉnh Cà Mau"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LEVEL_WORD = re.compile(
    r"\b(tỉnh|thành phố|Thành phố|TP\.|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+"
)
# Capitalised words that start the next phrase rather than continue a place name.
_NOT_NAME = frozenset(
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
    ]
)


@dataclass(frozen=True)
class Locality:
    level_word: str  # "tỉnh", "xã"…
    name: str  # "Tân Phong"
    start: int

    @property
    def full(self) -> str:
        return f"{self.level_word} {self.name}"


def proper_name(text: str) -> str:
    """The capitalised words at the start of `text`: 'Tân Biên Ban hành…' → 'Tân Biên'."""
    words: list[str] = []
    for token in text.split():
        word = token.rstrip(',.;:)”"')
        if not word or not word[0].isupper() or word in _NOT_NAME or not word[0].isalpha():
            break
        words.append(word)
        if word != token or len(words) == 5:
            break
    return " ".join(words)


def localities(text: str) -> list[Locality]:
    out: list[Locality] = []
    for m in _LEVEL_WORD.finditer(text):
        name = proper_name(text[m.end() :])
        if name:
            word = m.group(1).lower().replace("tp.", "thành phố")
            out.append(Locality(word, name, m.start()))
    return out


def first_locality(texts: list[str], level_words: tuple[str, ...]) -> Locality | None:
    for text in texts:
        for loc in localities(text):
            if loc.level_word in level_words:
                return loc
    return None


def title_case_org(upper: str) -> str:
    """'XÃ TÂN PHONG' → 'xã Tân Phong'; 'SỞ NỘI VỤ' → 'Sở Nội vụ' (Vietnamese capitalisation)."""
    words = upper.split()
    if not words:
        return upper
    lower = [w.lower() for w in words]
    level = _LEVEL_WORD.match(" ".join(lower) + " ")
    if level:
        n = len(level.group(1).split())
        return " ".join(lower[:n] + [w.capitalize() for w in lower[n:]])
    # Organisation names capitalise the first word of each part: "Lao động - Thương binh và Xã hội".
    out: list[str] = []
    capital = True
    for w in lower:
        out.append(w.capitalize() if capital else w)
        capital = w in ("-", "–", "và", ",") or len(out) == 1
    return " ".join(out).replace(" ,", ",")
