"""Reporting duties (who reports to whom, when, how often) and funding lines."""

from __future__ import annotations

import datetime as dt
import re

from cchc.extract.dates import find_deadlines
from cchc.extract.owners import block_owner, owner_level, sentence_owner
from cchc.extract.structure import Outline
from cchc.model import BudgetLine, ReportingDuty
from cchc.vocab import Level, Per, SectionKind

_DUTY = re.compile(r"\bbáo cáo\b|\bgửi (?:Kế hoạch|kế hoạch)\b", re.I)
_RECIPIENT_HEAD = (
    r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Sở|Bộ|Ban|Phòng|Văn phòng|Lãnh đạo|Chủ tịch|"
    r"Thường trực|Huyện ủy|Tỉnh ủy|Đảng ủy|Thủ trưởng)"
)
_TO = re.compile(
    r"(?:gửi\s+(?:về\s+)?|về\s+|đến\s+|lên\s+|trình\s+|báo cáo\s+)(?P<to>"
    + _RECIPIENT_HEAD
    + r"\b[^,;.()]*?)"
    r"(?P<via>\s*\((?:qua|thông qua)[^)]*\))?"
    r"(?=\s*(?:[,;.]|$|\s(?:để|theo|trước|chậm nhất|trong|phê duyệt|xem xét|tổng hợp|về|định kỳ|"
    r"hằng|hàng)\b))"
)
_FREQ: list[tuple[re.Pattern[str], Per]] = [
    (re.compile(r"(?:hàng|hằng) tuần", re.I), Per.week),
    (re.compile(r"(?:hàng|hằng) tháng(?!\s*,)", re.I), Per.month),
    (re.compile(r"(?:hàng|hằng) quý|\bquý\b", re.I), Per.quarter),
    (re.compile(r"\b(?:6|sáu) tháng\b", re.I), Per.half_year),
    (re.compile(r"(?:hàng|hằng) năm|của năm\b|\bvà năm\b|,\s*năm\b|báo cáo năm\b", re.I), Per.year),
]
_ONCE = re.compile(r"\bgửi (?:Kế hoạch|kế hoạch)\b")
_FUND_SOURCE = re.compile(
    r"(?:(?:được\s+)?(?:bảo đảm|đảm bảo)\s+(?:bằng|theo|từ)\s+|(?:từ|trong)\s+(?=nguồn|dự toán|kinh phí)|"
    r"được bố trí trong\s+|được lập trong\s+|(?:^|\s)(?=(?:Từ\s+)?nguồn xã hội))"
    r"(?P<src>[^.;:]+)",
)
_FUND_LEAD = re.compile(r"^(?:\d+\.\s*)?Kinh phí\b")
_AMOUNT = re.compile(r"(?P<n>\d{1,3}(?:\.\d{3})+|\d+)\s*(?P<u>tỷ|triệu|nghìn|ngàn)?\s*đồng")
_UNITS = {"tỷ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3, None: 1}


def _recipients(clause: str) -> list[tuple[str, str]]:
    """(recipient as written, with '(qua …)' kept) for each body the clause reports to."""
    m = _TO.search(clause)
    if not m:
        return []
    to = m.group("to").strip()
    via = (m.group("via") or "").strip()
    parts = re.split(r"\s+và\s+(?=" + _RECIPIENT_HEAD + r"\b)", to)
    return [
        (p.strip() + (f" {via}" if via and i == len(parts) - 1 else ""), p.strip())
        for i, p in enumerate(parts)
    ]


_WHAT_END = re.compile(r",?\s+(?:trước|chậm nhất|để|theo quy định|theo yêu cầu)\b")


def _what(clause: str) -> str:
    """What is sent: 'báo cáo kết quả thực hiện của năm gửi về Sở', up to the deadline."""
    end = _WHAT_END.search(clause)
    return (clause[: end.start()] if end else clause).rstrip(" .")[:200]


def _frequencies(clause: str) -> list[Per | None]:
    if _ONCE.search(clause):
        return [Per.once]
    found = [per for rx, per in _FREQ if rx.search(clause)]
    return found or [None]


def _to_level(bare: str | None, on: dt.date | None, own: Level | None) -> Level | None:
    """The recipient's level; a bare "UBND thành phố" is the level above the plan's issuer
    (a ward's city is a district, a quận's city is the province)."""
    level = owner_level(bare, on)
    if bare and _BARE_CITY.match(bare) and own == Level.district:
        return Level.province
    return level


_BARE_CITY = re.compile(r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+thành phố$")
# "báo cáo kết quả 6 tháng trước ngày 10/6 và báo cáo năm trước ngày 10/11": two duties.
_SECOND_DUTY = re.compile(r"\s+và\s+(?=báo cáo\b)")


def extract_reporting(
    outline: Outline, default_year: int | None, on: dt.date | None, own: Level | None = None
) -> list[ReportingDuty]:
    duties: list[ReportingDuty] = []
    sectioned = any(
        SectionKind.organisation in b.kinds or SectionKind.reporting in b.kinds
        for b in outline.blocks
    )
    for block in outline.blocks:
        kinds = set(block.kinds)
        if sectioned and not kinds & {SectionKind.organisation, SectionKind.reporting}:
            continue
        if block.is_heading and not block.value:
            continue
        default_by = block_owner(outline, block)
        subject = None
        for sentence in block.sentences:
            subject = sentence_owner(sentence) or subject
            by = subject or default_by
            for whole in re.split(r";\s*", sentence):
                parts = _SECOND_DUTY.split(whole)
                for clause in parts:
                    duties.extend(
                        _duties(
                            clause,
                            whole if len(parts) > 1 else clause,
                            sentence,
                            by,
                            default_year,
                            on,
                            own,
                        )
                    )
    return duties


def _duties(
    clause: str,
    whole: str,
    sentence: str,
    by: str | None,
    default_year: int | None,
    on: dt.date | None,
    own: Level | None,
) -> list[ReportingDuty]:
    """The duties of one clause; the recipient may be written once for two ('… và báo cáo
    năm … về UBND thị trấn')."""
    m = _DUTY.search(clause)
    if not m:
        return []
    deadlines = find_deadlines(clause, default_year)
    due = deadlines[0].date if deadlines else None
    recipients = _recipients(clause) or _recipients(whole) or [(None, None)]
    return [
        ReportingDuty(
            title=_what(clause[m.start() :]),
            by=by,
            to=to,
            to_level=_to_level(bare, on, own),
            due_date=due,
            frequency=freq,
            evidence=sentence,
        )
        for to, bare in recipients
        for freq in _frequencies(clause)
    ]


def extract_budget(outline: Outline) -> list[BudgetLine]:
    lines: list[BudgetLine] = []
    for block in outline.blocks:
        section = SectionKind.funding in block.kinds
        if block.is_heading and not block.value:
            continue
        for sentence in block.sentences:
            # The funding sentence wherever it is: its own section, or "Kinh phí …" in
            # Tổ chức thực hiện.
            if not section and not _FUND_LEAD.match(sentence):
                continue
            m = _FUND_SOURCE.search(sentence)
            if not m:
                continue
            source = re.split(r",\s*cụ thể|\s+để\s+|\s+gửi\s+", m.group("src"))[0].strip()
            source = re.sub(r"^Từ\s+", "", source)
            amount = None
            a = _AMOUNT.search(sentence)
            if a:
                amount = int(a.group("n").replace(".", "")) * _UNITS[a.group("u")]
                amount = amount if amount <= 10**15 else None
            lines.append(BudgetLine(source=source, amount_vnd=amount, evidence=sentence))
    return lines
