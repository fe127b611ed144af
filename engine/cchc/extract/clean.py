"""Clean the text of a plan before reading it: Unicode form, web-page chrome, a body printed
twice, lines broken inside sentences, and list numbering that skips.

Each repair that changes what the plan says, or that a reader should know about, leaves a
`Note` that ends up in `plan.notes`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from cchc.extract.numbering import check_numbering


@dataclass(frozen=True)
class Note:
    """A message key of `cchc.messages` and its parameters."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class CleanText:
    lines: list[str]  # one paragraph per line, no empty lines
    notes: list[Note]
    web_copy: bool  # chrome was found around the plan: a copy from a web page


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_EMPHASIS = re.compile(r"\*\*|(?<![\w*])\*(?=[\w(])|(?<=[\w).])\*(?![\w*])")

# The first line of the plan proper: an official header, the document type, its number, the
# first basis ("Căn cứ", "Thực hiện"), a news lead ("Ngày 23/12/2021, …") or heading I.
_START = re.compile(
    r"^(?:Số\s*:?\s*\d+\s*/|CỘNG HO[ÀA] XÃ HỘI|(?:ỦY|UỶ) BAN NHÂN DÂN\b|UBND (?:TỈNH|HUYỆN|XÃ|PHƯỜNG|THỊ|THÀNH|QUẬN)\b|SỞ [A-ZĐ]{2}|"
    r"(?:KẾ HOẠCH|QUYẾT ĐỊNH|CÔNG VĂN)\b|K[ếêe]\s+hoạch\s+\S|(?:Căn cứ|Thực hiện|Thi hành)\s|"
    r"Ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\s*,|I\.\s)"
)
# Web-page lines that may sit between the title and the body.
_CHROME_LINE = re.compile(
    r"^(?:(?:Ngày cập nhật|Cập nhật lúc|Đăng ngày|Ngày đăng|Lượt xem|Lượt truy cập|Số lượt xem)\b.*"
    r"|\d{1,3}\s*%|(?:No title\.{3}\s*)+|In bài viết|Cỡ chữ.*)$",
    re.I,
)
# The first line of what follows the plan on a web page.
_END = re.compile(
    r"^(?:Các tin khác|Tin khác|Tin mới nhất|Tin mới|Tin liên quan|Tin cùng chuyên mục|Bài viết liên quan|"
    r"Xem tin theo ngày|Thống kê truy cập|Tải (?:Kế hoạch|văn bản|về|file|tệp)\b.*|Tải về|"
    r"File đính kèm|Tệp đính kèm|Văn bản đính kèm|Chia sẻ|Bình luận|Quay lại|Về đầu trang|Gửi phản hồi)\b",
    re.I,
)
_LIST_MARKER = re.compile(r"^(?:[a-zđ]\)|[a-zđ]\.\s|[ivx]+\)|[-+•–])")
_SENTENCE_END = re.compile(r"[.;:!?…]['\"”’)]*$")
_NUMBER_FIX = re.compile(r"^([IVX]+|\d+)\s+\.(?=\s)")


def normalise(text: str) -> tuple[str, bool]:
    """NFC, one kind of space and line break, no Markdown emphasis. True if the text was NFD."""
    was_nfd = unicodedata.normalize("NFC", text) != text
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _INVISIBLE.sub("", text)
    text = _EMPHASIS.sub("", text)
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    lines = [_NUMBER_FIX.sub(r"\1.", ln) for ln in lines]
    return "\n".join(lines), was_nfd


MAX_LINE = 5_000  # characters; a real paragraph is far shorter (the seeds' longest: 2,000)


def _split_long(line: str) -> list[str]:
    """Cut a runaway paragraph (a PDF without line ends) at sentence ends, else at spaces."""
    out: list[str] = []
    while len(line) > MAX_LINE:
        dot = line.rfind(". ", 0, MAX_LINE)
        space = line.rfind(" ", 0, MAX_LINE)
        cut = dot + 1 if dot > 0 else (space if space > 0 else MAX_LINE)
        out.append(line[:cut].strip())
        line = line[cut:].strip()
    out.append(line)
    return [piece for piece in out if piece]


def _trim_chrome(lines: list[str]) -> tuple[list[str], int, int]:
    start = next((i for i, ln in enumerate(lines) if _START.match(ln)), 0)
    end = next((i for i in range(start + 1, len(lines)) if _END.match(lines[i])), len(lines))
    body = lines[start:end]
    # Author initials ("D.L") or page counters left just above the tail.
    while end < len(lines) and body and len(body[-1]) <= 5 and not body[-1].endswith("./."):
        body.pop()
    kept = [ln for ln in body if not _CHROME_LINE.match(ln)]
    before = start + (len(body) - len(kept))
    after = len(lines) - start - len(body)
    return kept, before, after


def _remove_duplicate(lines: list[str]) -> tuple[list[str], int]:
    """Drop the longest block of lines that repeats an earlier block (a body printed twice)."""
    where: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        where.setdefault(ln, []).append(i)
    best = (0, 0, 0)  # length, first copy, second copy
    for i, ln in enumerate(lines):
        if len(where[ln]) > 50:
            continue  # a separator or bullet repeated everywhere does not start a body copy
        for j in where[ln]:
            if j <= i or (i > 0 and lines[i - 1] == lines[j - 1]):
                continue  # not the start of a run
            n = 0
            while j + n < len(lines) and i + n < j and lines[i + n] == lines[j + n]:
                n += 1
            if n > best[0]:
                best = (n, i, j)
    n, _, j = best
    if n >= 5 and sum(len(ln) for ln in lines[j : j + n]) >= 300:
        return lines[:j] + lines[j + n :], n
    return lines, 0


def _join_broken(lines: list[str]) -> tuple[list[str], int]:
    """Join a line that stops mid-sentence with a next line that starts in lower case."""
    out: list[str] = []
    joined = 0
    for ln in lines:
        if (
            out
            and ln[:1].islower()
            and not _LIST_MARKER.match(ln)
            and not _SENTENCE_END.search(out[-1])
        ):
            out[-1] = f"{out[-1]} {ln}"
            joined += 1
        else:
            out.append(ln)
    return out, joined


def clean(raw: str) -> CleanText:
    """Clean the text of a plan; the notes say what was repaired."""
    text, was_nfd = normalise(raw)
    notes: list[Note] = []
    if was_nfd:
        notes.append(Note("x_note_nfd"))
    lines = [piece for ln in text.split("\n") if ln for piece in _split_long(ln)]
    lines, before, after = _trim_chrome(lines)
    if before:
        notes.append(Note("x_note_chrome_before", {"n": before}))
    if after:
        notes.append(Note("x_note_chrome_after", {"n": after}))
    lines, broken = _join_broken(lines)
    lines = [piece for ln in lines for piece in _split_long(ln)]
    if broken:
        notes.append(Note("x_note_joined", {"n": broken}))
    lines, dup = _remove_duplicate(lines)
    if dup:
        notes.append(Note("x_note_duplicate", {"n": dup}))
    notes.extend(Note(key, params) for key, params in check_numbering(lines))
    return CleanText(lines=lines, notes=notes, web_copy=bool(before or after))
