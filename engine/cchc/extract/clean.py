"""Clean the text of a plan before reading it: Unicode form, web-page chrome, a body printed
twice, lines broken inside sentences, and list numbering that skips.

Each repair that changes what the plan says, or that a reader should know about, leaves a
`Note` that ends up in `plan.notes`.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from cchc.extract.numbering import check_numbering, parse_marker
from cchc.extract.source import SourceLine, Where, text_lines


@dataclass(frozen=True)
class Note:
    """A message key of `cchc.messages` and its parameters."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


Anchors = list[tuple[int, Where]]  # (offset in the cleaned line, where that part starts)


@dataclass
class CleanText:
    lines: list[str]  # one paragraph per line, no empty lines
    notes: list[Note]
    web_copy: bool  # chrome was found around the plan: a copy from a web page
    anchors: list[Anchors] = field(default_factory=list)  # one list per line


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_EMPHASIS = re.compile(r"\*\*|(?<![\w*])\*(?=[\w(])|(?<=[\w).])\*(?![\w*])")

# The first line of the plan proper: an official header, the document type, its number, the
# first basis ("Căn cứ", "Thực hiện"), a news lead ("Ngày 23/12/2021, …") or heading I.
_START = re.compile(
    r"^(?:Số\s*:?\s*\d+\s*/|CỘNG H(?:ÒA|OÀ|OA) XÃ HỘI|(?:ỦY|UỶ) BAN NHÂN DÂN\b|UBND (?:TỈNH|HUYỆN|XÃ|PHƯỜNG|THỊ|THÀNH|QUẬN)\b|SỞ [A-ZĐ]{2}|"
    r"(?:SỞ|TRUNG TÂM|BỆNH VIỆN|CHI CỤC) [A-ZĐ][A-ZĐÀ-Ỹ ]+$|"
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


def _normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _INVISIBLE.sub("", text)
    return _EMPHASIS.sub("", text)


# A line while it is being cleaned: its segments, each normalised, none empty.
_Line = list[tuple[str, Where]]


# The right column of an official header, where a copy puts it beside the left one.
_RIGHT_COLUMN = re.compile(
    r"(?:^|\s)(?=CỘNG H(?:ÒA|OÀ|OA) XÃ HỘI CHỦ NGHĨA|Độc lập\s*-\s*Tự do|"
    r"[^\W\d_][^,\d|]{0,40},\s*ngày\s+\d{1,2}\b)"
)
_COLUMN_GAP = re.compile(r"\s*\|\s*|\s{3,}|\t+")
_TYPE_LINE = re.compile(r"^\s*(?:KẾ HOẠCH|QUYẾT ĐỊNH|CÔNG VĂN|CHƯƠNG TRÌNH)\s*$")
_HEADER_LINES = 12


def _two_columns(text: str) -> tuple[str, str] | None:
    """(left, right) of a header line that holds both columns: 'ỦY BAN NHÂN DÂN | CỘNG HÒA
    …', 'XÃ TÂN PHONG      Độc lập - Tự do - Hạnh phúc', or the two run together."""
    parts = [p for p in _COLUMN_GAP.split(text.strip()) if p]
    if len(parts) == 2:
        return parts[0], parts[1]
    flat = " ".join(text.split())
    for m in _RIGHT_COLUMN.finditer(flat):
        left, right = flat[: m.start()].strip(), flat[m.end() :].strip()
        starts_right = right.startswith(("CỘNG", "Độc lập")) or re.match(r"^Số\s*:?", left)
        if left and right and not left.endswith(",") and starts_right:
            return left, right
    return None


def _split_header(source: list[SourceLine]) -> list[SourceLine]:
    """An official header copied as two columns side by side, read column by column (as a
    .docx header table is): the issuer's lines first, then the national title's."""
    head: list[int] = []
    for i, line in enumerate(source):
        text = " ".join(t for t, _ in line)
        if _TYPE_LINE.match(text) or len(head) >= _HEADER_LINES:
            break
        if text.strip():
            head.append(i)
    left: list[SourceLine] = []
    right: list[SourceLine] = []
    split = False
    for i in head:
        line = source[i]
        cols = _two_columns(" ".join(t for t, _ in line)) if len(line) == 1 else None
        if cols is None:
            (right if split and right else left).append(line)
            continue
        split = True
        where = line[0][1]
        left.append([(cols[0], where)])
        right.append([(cols[1], where)])
    if not split:
        return source
    rest = [ln for i, ln in enumerate(source) if i not in set(head)]
    start = head[0]
    return source[:start] + left + right + [ln for ln in rest[start:]]


def _text(line: _Line) -> str:
    return " ".join(t for t, _ in line)


def _normalise_lines(source: list[SourceLine]) -> tuple[list[_Line], bool]:
    """Normalise every segment; a line break inside a segment starts a new line."""
    was_nfd = False
    out: list[_Line] = []
    for src in source:
        current: _Line = []
        for text, where in src:
            was_nfd = was_nfd or unicodedata.normalize("NFC", text) != text
            pieces = _normalise_text(text).split("\n")
            for k, piece in enumerate(pieces):
                if k:
                    out.append(current)
                    current = []
                piece = _SPACES.sub(" ", piece).strip()
                if not current:
                    piece = _NUMBER_FIX.sub(r"\1.", piece)
                if piece:
                    current.append((piece, where))
        out.append(current)
    return [ln for ln in out if ln], was_nfd


MAX_LINE = 5_000  # characters; a real paragraph is far shorter (the seeds' longest: 2,000)


def _split_long(line: str) -> list[str]:
    """Cut a runaway paragraph (a PDF without line ends) at sentence ends, else at spaces."""
    out: list[str] = []
    line = line.strip()
    while len(line) > MAX_LINE:
        dot = line.rfind(". ", 0, MAX_LINE)
        space = line.rfind(" ", 0, MAX_LINE)
        cut = dot + 1 if dot > 0 else (space if space > 0 else MAX_LINE)
        out.append(line[:cut].strip())
        line = line[cut:].strip()
    out.append(line)
    return [piece for piece in out if piece]


def _split_long_line(line: _Line) -> list[_Line]:
    """`_split_long` on a line with segments: each piece starts where its first word is."""
    text = _text(line)
    if len(text) <= MAX_LINE:
        return [line]
    starts: list[tuple[int, Where]] = []
    pos = 0
    for seg, where in line:
        starts.append((pos, where))
        pos += len(seg) + 1
    out: list[_Line] = []
    pos = 0
    for piece in _split_long(text):
        at = text.find(piece, pos)
        pos = at + len(piece)
        where = next(w for off, w in reversed(starts) if off <= max(at, 0))
        out.append([(piece, where)])
    return out


def _trim_chrome(lines: list[str]) -> tuple[list[int], int, int]:
    """Indexes of the lines of the plan proper, and how many lines were dropped before/after."""
    start = next((i for i, ln in enumerate(lines) if _START.match(ln)), 0)
    end = next((i for i in range(start + 1, len(lines)) if _END.match(lines[i])), len(lines))
    body = list(range(start, end))
    # Author initials ("D.L") or page counters left just above the tail.
    while (
        end < len(lines)
        and body
        and len(lines[body[-1]]) <= 5
        and not lines[body[-1]].endswith("./.")
    ):
        body.pop()
    kept = [i for i in body if not _CHROME_LINE.match(lines[i])]
    before = start + (len(body) - len(kept))
    after = len(lines) - start - len(body)
    return kept, before, after


def _remove_duplicate(lines: list[str]) -> tuple[list[int], int]:
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
    keep = list(range(len(lines)))
    if n >= 5 and sum(len(ln) for ln in lines[j : j + n]) >= 300:
        return keep[:j] + keep[j + n :], n
    return keep, 0


# Words a sentence cannot stop on: a line ending with one goes on in the next line.
_DANGLING = re.compile(
    r"\b(?:của|và|với|về|trên|tại|theo|ngày|số|các|những|cho|ít nhất|tối thiểu|định kỳ|đến|từ|"
    r"năm|tháng|thời lượng|là|được|trong|qua|lên|gửi)$"
)


def _continues(prev: str, ln: str, width: int | None) -> bool:
    """Whether `ln` continues the sentence `prev` stopped in. In a text wrapped at a fixed
    width (a scan's text layer), a line as long as the wrap that stops without punctuation
    continues even on a capital or a digit ("… ngày" / "05/12/2024", "… với" / "Nhân dân")."""
    if _SENTENCE_END.search(prev) or _LIST_MARKER.match(ln):
        return False
    if ln[:1].islower():
        return True
    if (
        _DANGLING.search(prev)
        and len(prev) >= 30
        and " | " not in prev + ln
        and not parse_marker(ln)
        and not ln.isupper()
        and not prev.isupper()
    ):
        return True  # "… ít nhất" / "04 tin, bài mỗi tháng."
    if width is None or len(prev) < 0.7 * width or parse_marker(ln) or ln.isupper():
        return False
    return not prev.isupper()


def _join_broken(lines: list[_Line]) -> tuple[list[_Line], int]:
    """Join a line that stops mid-sentence with the next line that continues it."""
    texts = [_text(line) for line in lines]
    wrapped = [len(prev) for prev, ln in itertools.pairwise(texts) if _continues(prev, ln, None)]
    # Three lower-case continuations of lines of about one length: a text wrapped by width.
    width = None
    if len(wrapped) >= 3:
        wrapped.sort()
        median = wrapped[len(wrapped) // 2]
        if sum(1 for w in wrapped if abs(w - median) <= 0.25 * median) >= 0.6 * len(wrapped):
            width = median
    out: list[_Line] = []
    joined = 0
    for line, ln in zip(lines, texts, strict=True):
        if out and _continues(_text(out[-1]), ln, width):
            out[-1] = out[-1] + line
            joined += 1
        else:
            out.append(line)
    return out, joined


def _anchors(line: _Line) -> Anchors:
    out: Anchors = []
    pos = 0
    for text, where in line:
        if not out or out[-1][1] != where:
            out.append((pos, where))
        pos += len(text) + 1
    return out


def clean(raw: str | list[SourceLine]) -> CleanText:
    """Clean the text of a plan (a string, or a reader's lines with their places in the
    source); the notes say what was repaired."""
    source = text_lines(raw) if isinstance(raw, str) else raw
    lines, was_nfd = _normalise_lines(_split_header(source))
    notes: list[Note] = []
    if was_nfd:
        notes.append(Note("x_note_nfd"))
    lines = [piece for ln in lines for piece in _split_long_line(ln)]
    kept, before, after = _trim_chrome([_text(ln) for ln in lines])
    lines = [lines[i] for i in kept]
    if before:
        notes.append(Note("x_note_chrome_before", {"n": before}))
    if after:
        notes.append(Note("x_note_chrome_after", {"n": after}))
    lines, broken = _join_broken(lines)
    lines = [piece for ln in lines for piece in _split_long_line(ln)]
    if broken:
        notes.append(Note("x_note_joined", {"n": broken}))
    kept, dup = _remove_duplicate([_text(ln) for ln in lines])
    lines = [lines[i] for i in kept]
    if dup:
        notes.append(Note("x_note_duplicate", {"n": dup}))
    texts = [_text(ln) for ln in lines]
    notes.extend(Note(key, params) for key, params in check_numbering(texts))
    return CleanText(
        lines=texts,
        notes=notes,
        web_copy=bool(before or after),
        anchors=[_anchors(ln) for ln in lines],
    )
