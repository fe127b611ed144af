"""The document header: type, number and symbol, place and date, title; the issuer; the period.

Official copies carry them in fixed places (`Số: 52/KH-UBND`, `Tân Phong, ngày 01 tháng 4 năm
2024`, `KẾ HOẠCH` and the summary line). Web copies lose the header: then the number and date
come from the plan's own sentences ("Ban hành kèm theo Quyết định số 47/QĐ-UBND ngày …",
"Ngày 23/12/2021, Chủ tịch UBND tỉnh … đã ký ban hành Kế hoạch số 3627/KH-UBND"), and the
issuer from the sentence that enacts the plan or from the locality it covers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from cchc.extract.citations import NUMBER, clean_number, find_refs
from cchc.extract.clean import Note
from cchc.extract.dates import DATE, date_of
from cchc.extract.lexicon import level_of, short_name, symbol_kind
from cchc.extract.places import first_locality, localities, title_case_org
from cchc.extract.structure import Outline
from cchc.levels import abolished
from cchc.model import DocumentInfo, Issuer, Period
from cchc.vocab import DocKind, Level

_NUMBER_LINE = re.compile(r"^Số\s*:?\s*(?P<num>" + NUMBER + r")")
_PLACE_DATE = re.compile(r"^(?P<place>[^\W\d_][^,\d]{0,40}),\s*ngày\s+" + DATE)
_TYPE_LINE = re.compile(r"^(KẾ HOẠCH|QUYẾT ĐỊNH|CÔNG VĂN|CHƯƠNG TRÌNH)$")
_TYPE_KINDS = {"KẾ HOẠCH": DocKind.KH, "QUYẾT ĐỊNH": DocKind.QD, "CÔNG VĂN": DocKind.CV}
_WEB_TITLE = re.compile(r"^K[ếêe]\s+hoạch\s+\S", re.I)
_QUOTED_TITLE = re.compile(r"[“\"](Kế hoạch[^”\"]{10,300})[”\"]")
_TITLE_STOP = re.compile(
    r"^(?:\(|Căn cứ|Thực hiện|CHỦ TỊCH|GIÁM ĐỐC|Số\s*:|[IVX]+\.\s|\d+\.\s|Điều\s)"
)
_ATTACHED = re.compile(
    r"kèm theo\s+(?P<type>Quyết định|Kế hoạch)\s+số\s+(?P<num>" + NUMBER + r")"
    r"(?:\s*ngày\s+" + DATE + r")?(?:\s+của\s+(?P<who>[^)]+?))?\s*\)?$",
    re.I,
)
_NEWS_LEAD = re.compile(
    r"^Ngày\s+" + DATE + r"\s*,\s*(?P<who>.+?)\s+(?:đã\s+)?(?:ký\s+)?ban hành\s+"
    r"(?P<type>Kế hoạch|Quyết định)\s+số\s+(?P<num>" + NUMBER + r")"
)
_ORG = r"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Sở|Ban|Phòng|Văn phòng|Trung tâm|Đài|Bộ)"
_ENACTS = re.compile(
    r"(?:^|[,;]\s*)(?P<org>"
    + _ORG
    + r"\b[^,;:]{2,90}?)\s+(?:đã\s+)?(?:ký\s+)?(?:ban hành|Ban hành|xây dựng|triển khai xây dựng)\s+[Kk]ế hoạch"
)
_CLOSING = re.compile(
    r"^Trên đây là (?:Kế hoạch|Quyết định)[^.;]*?\s+của\s+(?P<org>" + _ORG + r"[^;.,]*)"
)
_COMMITTEE_ONLY = re.compile(
    r"^(?:Chủ tịch\s+)?(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s*$"
)
_COMMITTEE = re.compile(
    r"^(?:Chủ tịch\s+)?(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+(.+)$"
)
_WHO_TRIM = re.compile(r"^(?:Chủ tịch|Giám đốc|Thủ trưởng)\s+")
_OWN_AREA = re.compile(r"(?:trên địa bàn|tại)\s+(.+)$")
_PERIOD_LABEL = re.compile(r"^Thời gian(?: thực hiện)?\b", re.I)
_YEARS = re.compile(
    r"(?:năm\s+)?(?P<a>(?:19|20)\d\d)\s*(?:-|–|đến(?:\s+năm)?)\s*(?P<b>(?:19|20)\d\d)", re.I
)
_YEAR = re.compile(r"\bnăm\s+(?P<y>(?:19|20)\d\d)\b", re.I)
_SPAN = re.compile(
    r"(?i:từ)\s+ngày\s+"
    + DATE.replace("?P<", "?P<a")
    + r"\s+đến\s+(?:hết\s+)?ngày\s+"
    + DATE.replace("?P<", "?P<b")
)
_DISTRICT_WORDS = ("huyện", "quận", "thị xã", "thành phố")
_COMMUNE_WORDS = ("xã", "phường", "thị trấn", "đặc khu")


@dataclass
class Header:
    document: DocumentInfo
    issuer: Issuer
    period: Period
    notes: list[Note] = field(default_factory=list)


_NATIONAL_TITLE = re.compile(r"\s+CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM\b.*$")
_ORG_LINE = re.compile(
    r"^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND|SỞ|TRUNG TÂM|PHÒNG|BAN|BỆNH VIỆN|TRƯỜNG|ĐÀI|CHI CỤC|"
    r"VĂN PHÒNG|BẢO HIỂM|CỤC|BỘ)\b"
)
_TWO_WORD_HEAD = re.compile(r"^(?:TRUNG TÂM|BỆNH VIỆN|CHI CỤC|VĂN PHÒNG|BẢO HIỂM)\b")
_UNIT_NAME = re.compile(r"^(?:Trung tâm|Bệnh viện|Trường|Ban Quản lý)\b")
_UPPER_PLACE = re.compile(r"\b(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+(.+)$")


def _org_name(line: str) -> str:
    m = re.match(r"^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)\s+(.+)$", line)
    if m:
        return f"UBND {title_case_org(m.group(1))}"
    place = _UPPER_PLACE.search(line)
    body, where = (line[: place.start()].strip(), place.group(0)) if place else (line, "")
    if not body:
        return title_case_org(line)
    head = _TWO_WORD_HEAD.match(body)
    if head:
        # "TRUNG TÂM Y TẾ" → "Trung tâm Y tế": the head noun, then the name it carries.
        words: list[str] = []
        for w in body[head.end() :].lower().split():
            after = not words or words[-1] in ("-", "–", "và") or words[-1].endswith(",")
            words.append(w.capitalize() if after else w)
        body = " ".join([head.group(0).capitalize(), *words])
    else:
        body = title_case_org(body)
    return f"{body} {title_case_org(where)}".strip()


def upper_locality(line: str) -> str | None:
    """'UBND TỈNH BÌNH PHƯỚC' → 'tỉnh Bình Phước': the locality a header line names."""
    m = _UPPER_PLACE.search(line)
    return title_case_org(m.group(0)) if m and line.isupper() else None


def _header_issuer(lines: list[str]) -> tuple[str, str, list[str]] | None:
    """(issuer, evidence, bodies above it) from an official header: 'ỦY BAN NHÂN DÂN' /
    'XÃ TÂN PHONG', or a body under its parent ('UBND TỈNH BÌNH PHƯỚC' / 'SỞ NỘI VỤ',
    'UBND HUYỆN CHÂU ĐỨC' / 'UBND XÃ SUỐI NGHỆ'): the lowest body issues the document."""
    orgs: list[tuple[str, str]] = []  # (name as written, evidence)
    for i, line in enumerate(lines[:12]):
        line = _NATIONAL_TITLE.sub("", line)  # both header columns copied onto one line
        if _TYPE_LINE.match(line) or _NUMBER_LINE.match(line) or line.startswith("CỘNG H"):
            break
        if not line.isupper():
            if orgs:
                break
            continue
        if re.match(r"^(?:ỦY|UỶ) BAN NHÂN DÂN$", line):
            if i + 1 < len(lines) and lines[i + 1].isupper() and not _ORG_LINE.match(lines[i + 1]):
                orgs.append((f"ỦY BAN NHÂN DÂN {lines[i + 1]}", f"{line} {lines[i + 1]}"))
            continue
        if _ORG_LINE.match(line):
            orgs.append((line, line))
    if not orgs:
        return None
    written, evidence = orgs[-1]
    return _org_name(written), evidence, [w for w, _ in orgs[:-1]]


def _title(lines: list[str]) -> tuple[DocKind | None, str | None, str | None]:
    """(kind, title, evidence) from the type line and the summary lines under it."""
    for i, line in enumerate(lines[:15]):
        m = _TYPE_LINE.match(line)
        if m:
            parts: list[str] = []
            for nxt in lines[i + 1 : i + 4]:
                if _TITLE_STOP.match(nxt) or _TYPE_LINE.match(nxt):
                    break
                parts.append(nxt)
            title = " ".join(parts) or None
            return (
                _TYPE_KINDS.get(m.group(1), DocKind.OTHER),
                title,
                line if not title else f"{line} {title}",
            )
    if lines and _WEB_TITLE.match(lines[0]):
        return DocKind.KH, lines[0], lines[0]
    return None, None, None


def _complete(name: str, texts: list[str]) -> str:
    """'Ủy ban nhân dân tỉnh' → 'Ủy ban nhân dân tỉnh Cà Mau' with the first 'tỉnh …' of the texts."""
    m = _COMMITTEE_ONLY.match(name)
    if m:
        loc = first_locality(texts, (m.group(1),))
        if loc:
            return f"{name} {loc.name}"
    return name


def _fix_level(name: str, title: str | None) -> str:
    """A committee whose level word contradicts the plan's own locality of the same name
    ('Ủy ban nhân dân huyện Tân Phong' in a plan 'trên địa bàn xã Tân Phong')."""
    m = _COMMITTEE.match(name)
    if not m or not title:
        return name
    for loc in localities(title):
        if loc.name == m.group(2).strip() and loc.level_word != m.group(1):
            return f"UBND {loc.full}"
    return name


def extract_header(outline: Outline, default_notes: bool = True) -> Header:
    lines = [b.line for b in outline.blocks]
    doc = DocumentInfo()
    issuer = Issuer()
    period = Period()
    notes: list[Note] = []

    for line in lines:
        m = _NUMBER_LINE.match(line)
        if m and doc.number is None:
            doc.number, doc.evidence = clean_number(m.group("num")), line
        m = _PLACE_DATE.match(line)
        if m and doc.issue_date is None:
            doc.place, doc.issue_date = m.group("place").strip(), date_of(m)
            doc.evidence = f"{doc.evidence} | {line}" if doc.evidence else line

    doc.kind, doc.title, title_evidence = _title(lines)
    for line in lines[:40]:
        quoted = _QUOTED_TITLE.search(line)
        if quoted and doc.kind == DocKind.QD:
            # A decision that issues a plan quotes the plan's title: "Ban hành kèm theo … “Kế hoạch …”".
            doc.title, title_evidence = quoted.group(1), title_evidence or line
            break
    texts = ([doc.title] if doc.title else []) + lines
    who: tuple[str, str] | None = None  # (issuer as written, evidence)
    news = False  # `who` comes from a news lead: "Chủ tịch UBND tỉnh <person> đã ký"

    for line in lines[:40]:
        m = _ATTACHED.search(line)
        if m:
            number = clean_number(m.group("num"))
            if doc.number is None or doc.number == number:
                doc.number = number
                doc.issue_date = doc.issue_date or date_of(m)
                doc.kind = doc.kind or symbol_kind(number)
                doc.evidence = line
                if m.group("who"):
                    who = (m.group("who").strip(), line)
            break
    if lines[:3]:
        for line in lines[:3]:
            m = _NEWS_LEAD.match(line)
            if m:
                doc.number = doc.number or clean_number(m.group("num"))
                doc.issue_date = doc.issue_date or date_of(m)
                doc.kind = doc.kind or symbol_kind(doc.number) or DocKind.KH
                doc.evidence = doc.evidence or line
                if who is None:
                    who = (m.group("who").strip(), line)
                    news = True
                break
    if doc.kind is None and doc.number:
        doc.kind = symbol_kind(doc.number)

    found = _header_issuer(lines)
    header = (found[0], found[1]) if found else None
    parents = [loc for w in (found[2] if found else []) if (loc := upper_locality(w))]
    enacting = None
    for block in outline.blocks[:40]:
        for sentence in block.sentences:
            for m in _ENACTS.finditer(sentence):
                org = m.group("org").strip()
                if not re.search(r"\b(?:về|của|số|ngày|theo)\b", org):
                    enacting = (org, sentence)
            if enacting:
                break
        if enacting:
            break
    closing = None
    for line in lines:
        m = _CLOSING.match(line)
        if m:
            closing = (m.group("org").strip(), line)

    chosen = header or enacting or who or closing
    if chosen and news and who is chosen and _WHO_TRIM.match(chosen[0]):
        # "Chủ tịch UBND tỉnh Hoàng Xuân Ánh": a person's name follows the level word.
        lvl = re.match(
            r"^(?:Chủ tịch\s+)?(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\b",
            chosen[0],
        )
        if lvl:
            chosen = (f"UBND {lvl.group(1)}", chosen[1])
    canonical = None  # the issuer's name with its level as the plan's locality shows it
    if chosen:
        name = _complete(chosen[0], texts)
        canonical = _fix_level(short_name(_WHO_TRIM.sub("", name)), doc.title)
        if chosen is not header and name.lower() not in chosen[1].lower():
            notes.append(Note("x_note_issuer_inferred", {"name": name}))
        issuer.name, issuer.evidence = name, chosen[1]
        if canonical != short_name(_WHO_TRIM.sub("", name)):
            # The plan misnames itself: its proper name leads, the written one is kept aside.
            notes.append(Note("x_note_issuer_level", {"name": name, "local": canonical}))
            issuer.name, issuer.other_names = canonical, [name]
    else:
        # No issuer written anywhere: the locality the plan covers names it.
        for text in texts:
            m = _OWN_AREA.search(text)
            locs = localities(m.group(1)) if m else []
            if locs:
                issuer.name, issuer.evidence = f"UBND {locs[0].full}", text
                notes.append(Note("x_note_issuer_inferred", {"name": issuer.name}))
                break

    issuer.level = level_of(canonical or issuer.name, doc.issue_date)
    if issuer.name and _UNIT_NAME.match(issuer.name):
        # A public-service unit issuing its own plan ("Trung tâm Y tế huyện …"): the locality
        # in its name is where it is, not its level.
        issuer.level = Level.unit
    # From the day districts were abolished, only the header is the issuer's address: a body
    # may still name the former district ("địa bàn huyện … cũ").
    gone = abolished().get("district")
    late = doc.issue_date is not None and gone is not None and doc.issue_date >= gone
    _fill_places(
        issuer, canonical, parents + texts, parents + _head(lines) if late else None, doc.issue_date
    )
    period = _period(outline, doc.title, title_evidence)
    if doc.issue_date is None and period.start and period.evidence in (title_evidence, doc.title):
        # Rules are chosen by the plan's year: without a date line, the title's says it.
        years = sorted({period.start.year, period.end.year if period.end else period.start.year})
        notes.append(Note("x_note_year_from_title", {"year": "–".join(map(str, years))}))
    if default_notes:
        for path, value in (
            ("document.number", doc.number),
            ("document.issue_date", doc.issue_date),
            ("document.place", doc.place),
            ("issuer.name", issuer.name),
            ("issuer.level", issuer.level),
            ("period", period.start or period.end),
        ):
            if value is None:
                notes.append(Note("x_note_missing", {"field": path}))
    return Header(doc, issuer, period, notes)


def _head(lines: list[str]) -> list[str]:
    """The header block, before the document's type line: where the issuer's address is."""
    for i, line in enumerate(lines[:15]):
        if _TYPE_LINE.match(line):
            return lines[:i]
    return lines[:6]


def _fill_places(
    issuer: Issuer,
    canonical: str | None,
    texts: list[str],
    head: list[str] | None = None,
    on: dt.date | None = None,
) -> None:
    name = canonical or issuer.name
    sources = ([name] if name else []) + texts
    header = ([name] if name else []) + (head if head is not None else texts)
    province = first_locality(sources, ("tỉnh",))
    if province is None and issuer.level != Level.province:
        # A centrally-run city is the province: "UBND thành phố Đà Nẵng" above a quận.
        city = next(
            (
                loc
                for text in sources
                for loc in localities(text)
                if loc.level_word == "thành phố"
                and level_of(f"UBND thành phố {loc.name}", on) == Level.province
            ),
            None,
        )
        province = city
    if issuer.level == Level.province and name:
        m = _COMMITTEE.match(name)
        issuer.province = m.group(2).strip() if m else (province.name if province else None)
    elif province:
        issuer.province = province.name
    if issuer.level in (Level.district, Level.commune):
        own = _COMMITTEE.match(name or "")
        if issuer.level == Level.district and own:
            issuer.district = own.group(2).strip()
        else:
            district = first_locality(header, _DISTRICT_WORDS)
            issuer.district = district.name if district else None
        if issuer.level == Level.commune and own:
            issuer.commune = own.group(2).strip()
    if issuer.level == Level.unit and name:
        district = first_locality([name], _DISTRICT_WORDS)
        issuer.district = district.name if district else None


def _years(text: str) -> tuple[dt.date, dt.date] | None:
    m = _SPAN.search(text)
    if m:
        a = date_of_prefixed(m, "a")
        b = date_of_prefixed(m, "b")
        if a and b:
            return a, b
    m = _YEARS.search(text)
    if m and int(m.group("a")) <= int(m.group("b")):
        return dt.date(int(m.group("a")), 1, 1), dt.date(int(m.group("b")), 12, 31)
    m = _YEAR.search(text)
    if m:
        y = int(m.group("y"))
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    return None


def date_of_prefixed(m: re.Match[str], p: str) -> dt.date | None:
    from cchc.extract.dates import make_date

    if m.group(f"{p}d1"):
        return make_date(int(m.group(f"{p}d1")), int(m.group(f"{p}m1")), int(m.group(f"{p}y1")))
    if m.group(f"{p}d2"):
        return make_date(int(m.group(f"{p}d2")), int(m.group(f"{p}m2")), int(m.group(f"{p}y2")))
    return None


def _period(outline: Outline, title: str | None, title_evidence: str | None) -> Period:
    """The stated 'Thời gian thực hiện' first, then the title's 'năm 2024' / 'giai đoạn 2021-2025'."""
    for block in outline.blocks:
        label = block.label or block.text
        if not _PERIOD_LABEL.match(label):
            continue
        below = [s for child in outline.descendants(block) for s in child.sentences]
        candidates = [block.value or block.text, *below[:3]]
        for text in candidates:
            span = _years(text)
            if span:
                return Period(
                    start=span[0], end=span[1], evidence=text if text != block.value else block.text
                )
    if title:
        span = _years(title)
        if span:
            return Period(start=span[0], end=span[1], evidence=title_evidence)
    # A news item: its headline or lead names the plan ("… ban hành Kế hoạch … năm 2023").
    for block in outline.blocks[:3]:
        for sentence in block.sentences[:1]:
            if re.search(r"[Kk]ế hoạch", sentence) and not re.match(
                r"(?:Căn cứ|Thực hiện)", sentence
            ):
                m = _YEAR.search(sentence[re.search(r"[Kk]ế hoạch", sentence).start() :])  # type: ignore[union-attr]
                if m:
                    y = int(m.group("y"))
                    return Period(start=dt.date(y, 1, 1), end=dt.date(y, 12, 31), evidence=sentence)
    return Period()


__all__ = ["Header", "extract_header", "find_refs"]
