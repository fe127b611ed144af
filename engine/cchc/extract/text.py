"""Plain-text plans: find the encoding (Unicode, Windows-1258 or TCVN3) and decode the bytes.

Authors' files come from Word ("Unicode text" is UTF-16 with a BOM), from web pages (UTF-8,
sometimes with a BOM) and from old offices (Windows-1258, TCVN3/ABC). The two 8-bit legacy
encodings cannot be told apart by their bytes alone, so each is decoded and the one that reads
as Vietnamese wins; text that reads as neither is refused rather than garbled.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cchc import limits
from cchc.extract.tcvn3 import decode_tcvn3
from cchc.loader import InputError, read_bytes

# Frequent syllables of administrative Vietnamese: a decoding that produces them is right.
_COMMON = frozenset(
    [
        "của",
        "và",
        "các",
        "cho",
        "được",
        "trong",
        "những",
        "với",
        "hành",
        "chính",
        "cải",
        "cách",
        "tuyên",
        "truyền",
        "kế",
        "hoạch",
        "thực",
        "hiện",
        "năm",
        "người",
        "dân",
        "công",
        "tổ",
        "chức",
        "về",
        "có",
        "là",
        "đến",
        "theo",
        "nhà",
        "nước",
        "cơ",
        "quan",
        "đơn",
        "vị",
        "cán",
        "bộ",
        "xã",
        "tỉnh",
        "huyện",
        "phường",
        "thủ",
        "tục",
        "nội",
        "dung",
        "hình",
        "thức",
        "quyết",
        "định",
        "số",
        "ngày",
        "tháng",
        "ủy",
        "ban",
        "nhân",
        "trên",
        "địa",
        "bàn",
        "việc",
        "đối",
        "tượng",
        "báo",
        "cáo",
        "kinh",
        "phí",
        "giai",
        "đoạn",
        "yêu",
        "cầu",
        "mục",
        "đích",
        "triển",
        "khai",
        "tiếp",
        "nâng",
        "cao",
        "trách",
        "nhiệm",
    ]
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8" | "utf-16" | "windows-1258" | "tcvn3"


def vietnamese_score(text: str) -> int:
    """How many words of `text` are frequent Vietnamese syllables."""
    words = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    return sum(1 for w in words if w in _COMMON)


def _utf16_without_bom(data: bytes) -> str | None:
    """Word's 'Unicode text' saved without a BOM: every other byte of ASCII text is zero."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_zero = data[0::2].count(0) / (len(data) // 2)
    odd_zero = data[1::2].count(0) / (len(data) // 2)
    for encoding, zeros in (("utf-16-le", odd_zero), ("utf-16-be", even_zero)):
        if zeros > 0.3:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _legacy(data: bytes) -> Decoded | None:
    candidates: list[Decoded] = []
    with contextlib.suppress(UnicodeDecodeError):  # cp1258 leaves a few bytes undefined
        candidates.append(Decoded(data.decode("cp1258"), "windows-1258"))
    tcvn = decode_tcvn3(data)
    if tcvn is not None:
        candidates.append(Decoded(tcvn, "tcvn3"))
    scored = [(vietnamese_score(c.text), c) for c in candidates]
    scored = [(s, c) for s, c in scored if s >= max(2, len(_WORD.findall(c.text)) // 20)]
    if not scored:
        return None
    return max(scored, key=lambda sc: sc[0])[1]


def decode_text(data: bytes, file: str | Path) -> Decoded:
    """Decode a plain-text plan, or raise `InputError` saying which encodings were tried."""
    if data.startswith(codecs.BOM_UTF8):
        result = Decoded(_strict(data[len(codecs.BOM_UTF8) :], "utf-8", file), "utf-8")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        result = Decoded(_strict(data, "utf-16", file), "utf-16")
    elif b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError.one(file, "x_binary")
        result = Decoded(text, "utf-16")
    else:
        try:
            result = Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            legacy = _legacy(data)
            if legacy is None:
                raise InputError.one(file, "x_encoding_unknown") from None
            result = legacy
    if "\x00" in result.text:
        raise InputError.one(file, "x_binary")
    if not result.text.strip():
        raise InputError.one(file, "file_empty")
    return result


def _strict(data: bytes, encoding: str, file: str | Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError.one(
            file, "x_encoding_bad", encoding=encoding.upper(), pos=exc.start
        ) from None


def read_text_file(path: Path) -> Decoded:
    """Read and decode a .txt plan."""
    return decode_text(read_bytes(Path(path)), path)


def check_size(text: str, file: str | Path) -> None:
    """Refuse a document text past the limits on characters and paragraphs (non-blank
    lines), before the extractor reads it: a real plan has some 30,000 characters."""
    bounds = limits.current()
    if len(text) > bounds.characters:
        raise InputError.over_limit(file, "limit_characters", "characters", value=len(text))
    paragraphs = 0
    for line in text.splitlines():
        if line.strip():
            paragraphs += 1
            if paragraphs > bounds.paragraphs:
                raise InputError.over_limit(file, "limit_paragraphs", "paragraphs")
