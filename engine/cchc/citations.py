"""Identity of cited documents: a citation is number + date + issuer (76/NQ-CP exists twice)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

from cchc.vocab import Level

_SPACES = re.compile(r"\s+")
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")


# Cached: a batch of plans cites the same few dozen documents and names the same issuers.
@lru_cache(maxsize=4096)
def canonical_number(number: str) -> str:
    """'049/QĐ-BNV' → '49/QD-BNV': upper case, Đ/Ð → D, no spaces, no leading zeros."""
    text = unicodedata.normalize("NFC", number).strip()
    text = re.sub(r"^(số|so)\s*[:.]?\s*", "", text, flags=re.IGNORECASE)
    text = text.replace("Đ", "D").replace("đ", "d").replace("Ð", "D")
    text = _SPACES.sub("", text).upper()
    return _LEADING_ZEROS.sub("", text)


def cite_key(number: str, date: dt.date | str | None = None) -> str:
    """The key the rules match on: '76/NQ-CP' or '76/NQ-CP@2021-07-15'."""
    base = canonical_number(number)
    if date is None:
        return base
    iso = date if isinstance(date, str) else date.isoformat()
    return f"{base}@{iso}"


# Ordered: the most specific phrase first ("Thủ tướng Chính phủ" before "Chính phủ"; a People's
# Committee before the department pattern, whose word "ban" also occurs in "Ủy ban").
_UBND = r"(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+(cấp\s+)?"
_ISSUER_PATTERNS: list[tuple[re.Pattern[str], Level | None]] = [
    # Party committees (Tỉnh ủy, Huyện ủy, Đảng ủy…) have no level in the vocabulary.
    (re.compile(r"\b(tỉnh|huyện|thành|quận|thị|đảng|xã|phường)\s+(ủy|uỷ)\b"), None),
    (re.compile(r"thủ tướng"), Level.prime_minister),
    (re.compile(r"^(bộ trưởng\s+)?bộ\s|^bộ\b"), Level.ministry),
    (re.compile(r"chính phủ"), Level.government),
    (re.compile(_UBND + r"(tỉnh|thành phố trực thuộc)"), Level.province),
    (re.compile(_UBND + r"(huyện|quận|thị xã)"), Level.district),
    (re.compile(_UBND + r"(xã|phường|thị trấn|đặc khu)"), Level.commune),
    (re.compile(r"(?<!ủy )(?<!uỷ )\b(sở|ban|chi cục)\b"), Level.department),
    (re.compile(r"^(tỉnh|ubnd tỉnh)\b"), Level.province),
    (re.compile(r"^(huyện|quận)\b"), Level.district),
]


@lru_cache(maxsize=4096)
def level_of_name(name: str | None) -> Level | None:
    """The level an issuer's name states ('UBND huyện Tân Phong' → district), or None."""
    if not name:
        return None
    text = unicodedata.normalize("NFC", name).casefold().strip()
    for pattern, level in _ISSUER_PATTERNS:
        if pattern.search(text):
            return level
    return None
