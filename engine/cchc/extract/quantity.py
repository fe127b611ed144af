"""Quantities of an activity as plans write them: `ít nhất 01 lần/năm`, `mỗi tuần một lần`,
`mỗi tháng ít nhất một lần`, `một tháng 02 chuyên mục`, `định kỳ hằng quý`, `thời lượng ít
nhất 15 phút`, `02 đợt tập huấn`, and a slot `vào thời điểm có nhiều người theo dõi`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc.vocab import Per

_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười hai": 12,
}  # fmt: skip
NUM = r"(?:\d{1,3}|mười hai|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
_UNIT = r"(?:tuần|tháng|quý|năm|6 tháng|sáu tháng)"
_ONE_THING = (
    r"(?:lần|số|chuyên mục|chương trình|buổi|cuộc|đợt|tin, bài|tin bài|tin|bài|kỳ|hội nghị|lớp|"
    r"phóng sự|tọa đàm|toạ đàm|bản tin|ấn phẩm|chuyên trang|video clip|clip|video)"
)
# "01 chương trình tọa đàm": a thing and what kind of thing it is.
_THING = _ONE_THING + r"(?:\s+" + _ONE_THING + r")?"
_MIN = r"(?:(?:ít nhất|tối thiểu|không ít hơn)\s+)?"
_PER_UNIT = {
    "tuần": Per.week,
    "tháng": Per.month,
    "quý": Per.quarter,
    "năm": Per.year,
    "6 tháng": Per.half_year,
    "sáu tháng": Per.half_year,
}
_RATES: list[re.Pattern[str]] = [
    # 01 lần/năm, 04 số/tháng
    re.compile(
        _MIN + r"(?P<n>" + NUM + r")\s*" + _THING + r"?\s*/\s*(?P<u>" + _UNIT + r")\b", re.I
    ),
    # mỗi tuần một lần, mỗi tháng ít nhất một lần, một tháng 02 chuyên mục
    re.compile(
        r"(?:mỗi|một|hằng|hàng)\s+(?P<u>"
        + _UNIT
        + r")\s*,?\s*"
        + _MIN
        + r"(?P<n>"
        + NUM
        + r")\s+"
        + _THING,
        re.I,
    ),
    # 2 lần mỗi năm, một lần một tháng
    re.compile(
        _MIN
        + r"(?P<n>"
        + NUM
        + r")\s+"
        + _THING
        + r"\s+(?:mỗi|một|trên|trong)\s+(?P<u>"
        + _UNIT
        + r")\b",
        re.I,
    ),
    # trong năm phải có ít nhất một lần (tổ chức đối thoại)
    re.compile(
        r"(?:trong|mỗi|hằng|hàng)\s+(?P<u>"
        + _UNIT
        + r")\b[^.;]{0,25}?(?:ít nhất|tối thiểu)\s+(?P<n>"
        + NUM
        + r")\s+"
        + _THING,
        re.I,
    ),
    # định kỳ hằng quý, hàng tháng: once per unit
    re.compile(r"(?:định kỳ\s+)?(?:hằng|hàng)\s+(?P<u>tuần|tháng|quý|năm)\b", re.I),
]
# 02 đợt tập huấn, 03 hội nghị, 04 video clip: a count over the plan's period
_TOTAL = re.compile(
    r"(?<![\d/])(?P<n>\d{1,3}|hai|ba|bốn)\s+(?P<t>đợt|lớp|hội nghị|buổi|cuộc|phóng sự|chuyên mục|số|lần|"
    r"video clip|clip|video|hội thi|cuộc thi)\b(?!\s*/)",
    re.I,
)
# 02 tuần một lần, 2 năm 1 lần: once every N units
_EVERY = re.compile(
    r"(?<![\d/])(?P<n>\d{1,2}|hai|ba|bốn|sáu)\s+(?P<u>tuần|tháng|năm)\s*(?:/|một|1|01)\s*lần\b",
    re.I,
)
_DURATION = re.compile(
    r"(?:thời lượng|mỗi lần|mỗi số|mỗi chương trình|thời gian phát sóng)[^.;]{0,40}?(?P<n>\d{1,3})\s*phút"
    r"|(?P<m>\d{1,3})\s*phút\s*/\s*(?:lần|số|chương trình|buổi)",
    re.I,
)
_PEAK = re.compile(
    r"thời điểm (?:có )?(?:nhiều|đông) người|khung giờ (?:có )?(?:nhiều|đông) người|giờ cao điểm|giờ vàng",
    re.I,
)


def number(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else _WORDS[w]


@dataclass
class Quantity:
    start: int
    end: int = -1  # where the phrase ends (-1: not known)
    count: int | None = None
    per: Per | None = None
    duration: int | None = None
    peak: bool | None = None
    every: tuple[int, str] | None = None  # once every (N, unit): resolved against the period


def every_rate(n: int, unit: str, years: int | None) -> tuple[int, Per] | None:
    """Once every N weeks/months/years as a count: a year's share, or the plan period's."""
    if n <= 0:
        return None
    if unit == "tuần":
        return 52 // n, Per.year
    if unit == "tháng":
        return (12 // n, Per.year) if 12 % n == 0 or n < 12 else None
    if years:
        return max(1, years // n), Per.period
    return None


def find_quantities(text: str, single_year: bool) -> list[Quantity]:
    """Rates, totals, durations and peak slots in a text, with their offsets."""
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in _EVERY.finditer(text):
        out.append(Quantity(m.start(), m.end(), every=(number(m.group("n")), m.group("u").lower())))
        taken.append(m.span())
    for rx in _RATES:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            n = number(m.group("n")) if "n" in rx.groupindex and m.group("n") else 1
            out.append(Quantity(m.start(), m.end(), n, _PER_UNIT[m.group("u").lower()]))
            taken.append(m.span())
    for m in _TOTAL.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        per = Per.year if single_year else Per.period
        out.append(Quantity(m.start(), m.end(), number(m.group("n")), per))
    for m in _DURATION.finditer(text):
        out.append(Quantity(m.start(), m.end(), duration=int(m.group("n") or m.group("m"))))
    for m in _PEAK.finditer(text):
        out.append(Quantity(m.start(), m.end(), peak=True))
    return sorted(out, key=lambda q: q.start)
