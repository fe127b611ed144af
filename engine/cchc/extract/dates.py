"""Dates as Vietnamese plans write them, and deadline phrases.

`ngày 01 tháng 4 năm 2024`, `01/4/2024`, `trước ngày 15/11/2022`, `chậm nhất trong tháng 4
năm 2024` (the last day of April), `trước tháng 11 năm 2024` (the last day of October).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from cchc.model import MAX_YEAR, MIN_YEAR

DATE = (
    r"(?:(?P<d1>\d{1,2})\s*[/.-]\s*(?P<m1>\d{1,2})\s*[/.-]\s*(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s*(?:,\s*)?năm\s+(?P<y2>\d{4}))"
)
DATE_RX = re.compile(DATE)
# "ngày 15/7/2021" and "ngày 19 tháng 01 năm 2024"; `ngày` optional before dd/mm/yyyy.
DATED_RX = re.compile(r"(?:ngày\s+)?" + DATE)


def make_date(day: int, month: int, year: int) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_of(m: re.Match[str]) -> dt.date | None:
    """The date of a match of DATE (either form)."""
    if m.group("d1"):
        return make_date(int(m.group("d1")), int(m.group("m1")), int(m.group("y1")))
    if m.group("d2"):
        return make_date(int(m.group("d2")), int(m.group("m2")), int(m.group("y2")))
    return None


def parse_date(text: str) -> dt.date | None:
    m = DATE_RX.search(text)
    return date_of(m) if m else None


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Deadline:
    date: dt.date
    start: int  # offset of the phrase in the sentence
    phrase: str


_BEFORE = r"(?:trước|chậm nhất(?:\s+là)?|không quá|không muộn hơn|hạn chót(?:\s+là)?|hạn|đến hết|xong trước|hoàn thành trước)"
_DEADLINE_DAY = re.compile(_BEFORE + r"\s+(?:ngày\s+)?" + DATE, re.I)
_DEADLINE_MONTH = re.compile(
    r"(?P<kw>trước|chậm nhất(?:\s+là)?|trong|hết|đến hết)\s+(?:trong\s+)?tháng\s+(?P<m>\d{1,2})"
    r"(?:\s*(?:năm|/)\s*(?P<y>\d{4}))?",
    re.I,
)
_QUARTER = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_DEADLINE_QUARTER = re.compile(
    r"(?P<kw>trước|chậm nhất(?:\s+là)?|trong|hết)\s+(?:trong\s+)?quý\s+(?P<q>IV|III|II|I|[1-4])"
    r"(?:\s*(?:năm|/)\s*(?P<y>\d{4}))?",
    re.I,
)


def find_deadlines(sentence: str, default_year: int | None) -> list[Deadline]:
    """Deadline phrases of a sentence, earliest in the text first."""
    found: list[Deadline] = []
    taken: list[tuple[int, int]] = []
    for m in _DEADLINE_DAY.finditer(sentence):
        d = date_of(m)
        if d:
            found.append(Deadline(d, m.start(), m.group(0)))
            taken.append(m.span())
    for m in _DEADLINE_MONTH.finditer(sentence):
        if any(a <= m.start() < b for a, b in taken):
            continue
        year = int(m.group("y")) if m.group("y") else default_year
        month = int(m.group("m"))
        if year is None or not 1 <= month <= 12 or not MIN_YEAR <= year <= MAX_YEAR:
            continue
        if m.group("kw").lower() == "trước":
            # "trước tháng 11" is the end of October.
            d = month_end(year, month - 1) if month > 1 else dt.date(year - 1, 12, 31)
        else:
            d = month_end(year, month)
        found.append(Deadline(d, m.start(), m.group(0)))
    for m in _DEADLINE_QUARTER.finditer(sentence):
        year = int(m.group("y")) if m.group("y") else default_year
        if year is None or not MIN_YEAR <= year <= MAX_YEAR:
            continue
        q = _QUARTER[m.group("q")]
        if m.group("kw").lower() == "trước":
            d = month_end(year, 3 * (q - 1)) if q > 1 else dt.date(year - 1, 12, 31)
        else:
            d = month_end(year, 3 * q)
        found.append(Deadline(d, m.start(), m.group(0)))
    return sorted(found, key=lambda x: x.start)


@dataclass(frozen=True)
class Span:
    """When an activity takes place: 'Quý III/2024', 'tháng 5/2024', '6 tháng cuối năm'."""

    start: dt.date
    end: dt.date
    offset: int
    phrase: str


_ROMAN_Q = r"(?P<q>IV|III|II|I|[1-4])"
_YEAR_TAIL = r"(?:\s*(?:/|năm|-)\s*(?P<y>(?:19|20)\d\d))?"
_SPANS: list[tuple[str, re.Pattern[str]]] = [
    ("quarter", re.compile(r"(?<!trước )\bquý\s+" + _ROMAN_Q + r"\b" + _YEAR_TAIL, re.I)),
    (
        "half",
        re.compile(
            r"\b(?:6|sáu) tháng (?P<h>đầu|cuối) năm" + r"(?:\s+(?P<y>(?:19|20)\d\d))?", re.I
        ),
    ),
    (
        "month",
        re.compile(
            r"(?:(?<=trong )|(?<=vào )|(?<=^)|(?<=\| ))tháng\s+(?P<m>\d{1,2})"
            r"\s*(?:/|năm)\s*(?P<y>(?:19|20)\d\d)",
            re.I,
        ),
    ),
    (
        "year",
        re.compile(r"(?:(?<=trong )|(?<=^)|(?<=\| ))năm\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    ),
    ("whole", re.compile(r"^(?:cả năm|trong năm|quanh năm)$", re.I)),
]


def find_span(text: str, default_year: int | None) -> Span | None:
    """The first time span a text gives an activity, or None."""
    found: list[Span] = []
    for kind, rx in _SPANS:
        for m in rx.finditer(text.strip()):
            groups = m.groupdict()
            year = int(groups["y"]) if groups.get("y") else default_year
            if year is None or not MIN_YEAR <= year <= MAX_YEAR:
                continue
            if kind == "quarter":
                q = _QUARTER[m.group("q").upper()]
                start, end = dt.date(year, 3 * q - 2, 1), month_end(year, 3 * q)
            elif kind == "half":
                first = m.group("h").lower() == "đầu"
                start = dt.date(year, 1 if first else 7, 1)
                end = month_end(year, 6 if first else 12)
            elif kind == "month":
                month = int(m.group("m"))
                if not 1 <= month <= 12:
                    continue
                start, end = dt.date(year, month, 1), month_end(year, month)
            else:
                start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
            found.append(Span(start, end, m.start(), m.group(0)))
    return min(found, key=lambda s: s.offset) if found else None
