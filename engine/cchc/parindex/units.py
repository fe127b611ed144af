"""Unit identity: which plans, reports and expected units are the same commune, district or body.

The one place where unit names are compared. The structured fields (province, district,
commune) come first; a name is read only for what they leave open. Names are compared without
case or diacritics, with "Ủy ban nhân dân" = "UBND" = nothing ("UBND xã An Bình" = "Xã An Bình"
= "Ủy ban nhân dân xã An Bình"), "Chủ tịch UBND tỉnh X" = "UBND tỉnh X", and a trailing
", huyện Xuân Lộc" (or ", tỉnh …") read as the district (province) the unit lies in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_SPACES = re.compile(r"\s+")
# Folded (no case, no diacritics) prefixes naming the body rather than the place.
_BODY_PREFIXES = ("chu tich uy ban nhan dan ", "chu tich ubnd ", "uy ban nhan dan ", "ubnd ")
# Kinds of administrative unit, folded, longest first so "thi tran" wins over "thi".
_COMMUNE_KINDS = ("thi tran", "dac khu", "phuong", "xa", "tt")
_DISTRICT_KINDS = ("thanh pho", "thi xa", "huyen", "quan", "tp", "tx")
_PROVINCE_KINDS = ("thanh pho", "tinh", "tp")
_CONTEXT = re.compile(r"\s*(?:,|\s-\s|\s–\s)\s*(huyen|quan|thi xa|thanh pho|tinh)\s+([^,]+)$")


def fold(text: str | None) -> str:
    """Lower case, no diacritics, đ→d, single spaces: 'Ủy ban  Xuân Bắc' → 'uy ban xuan bac'."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", plain.replace(".", " ")).strip()


def _strip_kind(text: str, kinds: tuple[str, ...]) -> str:
    for kind in kinds:
        if text.startswith(kind + " "):
            return text[len(kind) + 1 :].strip()
    return text


def place_key(value: str | None, kinds: tuple[str, ...]) -> str | None:
    """'huyện Xuân Lộc', 'Xuân Lộc', 'XUAN LOC' → 'xuan loc'."""
    text = _strip_kind(fold(value), kinds)
    return text or None


@dataclass(frozen=True)
class UnitId:
    """What identifies a unit: its place keys and its folded name (without body prefixes)."""

    name: str | None  # 'xa an binh', 'benh vien da khoa khu vuc cai lay'
    commune: str | None
    district: str | None
    province: str | None
    province_as_written: str | None = field(default=None, compare=False)

    @property
    def key(self) -> str | None:
        """What two ids of one unit always share when either has it: for lookups."""
        return self.commune or self.name

    def same(self, other: UnitId) -> bool | None:
        """True/False when the two are (not) the same unit; None when nothing tells."""
        if (
            self.province
            and other.province
            and self.province != other.province
            and not _same_province(self.province_as_written, other.province_as_written)
        ):
            return False
        if self.district and other.district and self.district != other.district:
            return False
        if self.commune and other.commune:
            return self.commune == other.commune
        if self.name and other.name:
            return self.name == other.name
        return None


def _same_province(a: str | None, b: str | None) -> bool:
    """Two names of one province by the gazetteer: 'Thừa Thiên Huế' and 'Huế' (an older name)."""
    if not a or not b:
        return False
    from cchc import gazetteer  # its data is read on first use, only when names differ

    try:
        return gazetteer.same_province(a, b)
    except gazetteer.GazetteerUnavailable:
        return False


def _read_name(name: str | None) -> tuple[str | None, str | None, str | None]:
    """(head, district, province) read from a name: 'UBND xã An Bình, huyện Xuân Lộc'."""
    text = fold(name)
    for prefix in _BODY_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    district = province = None
    while True:
        m = _CONTEXT.search(text)
        if not m:
            break
        kind, place = m.group(1), m.group(2).strip()
        if kind == "tinh" or (kind == "thanh pho" and district is not None):
            province = province or place
        else:
            district = district or place
        text = text[: m.start()].strip()
    return text or None, district, province


def unit_id(
    name: str | None,
    *,
    commune: str | None = None,
    district: str | None = None,
    province: str | None = None,
) -> UnitId:
    """The identity of a unit from its structured fields first, then its name."""
    head, named_district, named_province = _read_name(name)
    commune_key = place_key(commune, _COMMUNE_KINDS)
    if commune_key is None and head:
        for kind in _COMMUNE_KINDS:
            if head.startswith(kind + " "):
                commune_key = head[len(kind) + 1 :].strip() or None
                break
    return UnitId(
        name=head,
        commune=commune_key,
        district=place_key(district, _DISTRICT_KINDS) or place_key(named_district, _DISTRICT_KINDS),
        province=place_key(province, _PROVINCE_KINDS) or place_key(named_province, _PROVINCE_KINDS),
        province_as_written=_strip_written_kind(province or named_province),
    )


def _strip_written_kind(province: str | None) -> str | None:
    """'tỉnh Thừa Thiên Huế' → 'Thừa Thiên Huế', as the gazetteer names provinces."""
    if not province:
        return None
    text = unicodedata.normalize("NFC", province).strip()
    for word in ("tỉnh ", "Tỉnh ", "TỈNH ", "thành phố ", "Thành phố ", "TP. ", "TP "):
        if text.startswith(word):
            return text[len(word) :].strip()
    return text


_LONG_BODY = re.compile(r"^(?:chủ tịch\s+)?(?:ủy|uỷ) ban nhân dân\s+", re.IGNORECASE)
_SHORT_BODY = re.compile(r"^chủ tịch\s+ubnd\s+", re.IGNORECASE)
_TRAILING = re.compile(r"\s*(?:,|\s-\s|\s–\s)\s*(?:huyện|quận|thị xã|thành phố|tỉnh)\s.+$", re.I)


def display_name(name: str | None) -> str | None:
    """One spelling per unit on the sheets: 'Ủy ban nhân dân xã An Bình, huyện X' → 'UBND xã An Bình'."""
    if not name:
        return None
    text = unicodedata.normalize("NFC", _SPACES.sub(" ", name).strip())
    text = _TRAILING.sub("", text)
    text = _LONG_BODY.sub("UBND ", text)
    text = _SHORT_BODY.sub("UBND ", text)
    folded = fold(text)
    if any(folded.startswith(k + " ") for k in (*_COMMUNE_KINDS, *_DISTRICT_KINDS, "tinh")):
        text = "UBND " + text[0].lower() + text[1:]  # 'Xã An Bình' is its People's Committee
    return text or None
