"""TCVN3 (ABC, TCVN 5712:1993 VN3): the 8-bit font encoding of Vietnamese office files before
Unicode. Only the bytes 0xA1–0xFE carry Vietnamese letters; the rest is ASCII.

Capital letters with tone marks have no code of their own: authors set them in a second font
(".VnTimeH") that draws the lowercase codes as capitals, so they decode to lowercase here.
"""

from __future__ import annotations

_TABLE: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

ENCODE: dict[str, int] = {ch: code for code, ch in _TABLE.items()}


def decode_tcvn3(data: bytes) -> str | None:
    """Decode TCVN3 bytes, or None when a byte is outside ASCII and the TCVN3 letters."""
    out: list[str] = []
    for byte in data:
        if byte < 0x80:
            out.append(chr(byte))
        elif byte in _TABLE:
            out.append(_TABLE[byte])
        else:
            return None
    return "".join(out)


def encode_tcvn3(text: str) -> bytes:
    """Encode lowercase-toned Vietnamese as TCVN3 (used to build test files)."""
    out = bytearray()
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ord(ch))
        elif ch in ENCODE:
            out.append(ENCODE[ch])
        elif ch.lower() in ENCODE:
            out.append(ENCODE[ch.lower()])
        else:
            raise ValueError(f"no TCVN3 code for {ch!r}")
    return bytes(out)
