"""Named localities and organisations in running text: "xã Tân Phong", "UBND tỉnh Cà Mau".

Places themselves are read by `cchc.placenames` (with the gazetteer's type words); this
module adds what the extractor needs on top: capitalising the upper-case header lines.
"""

from __future__ import annotations

from cchc.placenames import Locality, first_locality, leading_level_word, localities, proper_name

__all__ = ["Locality", "first_locality", "localities", "proper_name", "title_case_org"]


def title_case_org(upper: str) -> str:
    """'XÃ TÂN PHONG' → 'xã Tân Phong'; 'SỞ NỘI VỤ' → 'Sở Nội vụ' (Vietnamese capitalisation)."""
    words = upper.split()
    if not words:
        return upper
    lower = [w.lower() for w in words]
    level = leading_level_word(" ".join(lower) + " ")
    if level:
        n = len(level.split())
        return " ".join(lower[:n] + [w.capitalize() for w in lower[n:]])
    # Organisation names capitalise the first word of each part: "Lao động - Thương binh và Xã hội".
    out: list[str] = []
    capital = True
    for w in lower:
        out.append(w.capitalize() if capital else w)
        capital = w in ("-", "–", "và", ",") or len(out) == 1
    return " ".join(out).replace(" ,", ",")
