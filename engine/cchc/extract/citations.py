"""Documents a plan cites: `Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ`.

Number, date and issuer are kept as written (a plan that attributes 76/NQ-CP to the Prime
Minister says so, and a rule can flag it); `issuer_level` comes from the written issuer, or
from the symbol (-CP, -TTg, -BNV) when no issuer is written. Documents named in a
"Thực hiện …" opening are the parents the plan implements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc.extract.dates import DATE, date_of
from cchc.extract.lexicon import DOC_TYPES, level_of, symbol_kind, symbol_level
from cchc.extract.structure import Outline
from cchc.model import DocRef
from cchc.vocab import DocKind

_TYPE = "|".join(sorted((re.escape(t) for t in DOC_TYPES), key=len, reverse=True))
NUMBER = r"\d{1,5}[a-zA-Z]?(?:\s*[/-]\s*\d{4})?\s*[/-]\s*[A-ZĐ][A-Za-zĐđ&]*(?:[-/][A-ZĐ][A-Za-zĐđ0-9&]*)*"
# Plans also write the kind short ("NQ 76/NQ-CP") and drop the symbol ("Nghị quyết số 76 ngày
# 15/7/2021 của Chính phủ"): a bare number is taken only when a date or an issuer follows it.
_ABBR = {"NQ": DocKind.NQ, "QĐ": DocKind.QD, "NĐ": DocKind.ND, "CT": DocKind.CT, "KH": DocKind.KH}
_BARE = r"\d{1,5}[a-z]?(?=\s*,?\s*(?:ngày|của|do)\s)"
_REF = re.compile(
    r"(?P<type>(?i:" + _TYPE + r")|\b(?:NQ|QĐ|NĐ|CT|KH)\b)(?:\s+(?:số|sô|Số))?\s*:?\s+"
    r"(?P<num>" + NUMBER + r"|" + _BARE + r")"
    r"(?:\s*,?\s*(?:ban hành\s+)?ngày\s+(?P<date>" + DATE.replace("?P<", "?P<r") + r"))?"
)
_OF = re.compile(r"^\s*,?\s*(?:của|do)\s+")
# Where the name of an issuer stops: the next clause ("về việc", "ban hành"…) or punctuation.
_ISSUER_STOP = re.compile(
    r"\s*[;,.()“”\"]|\s+(?=(?:về|ban hành|Ban hành|phê duyệt|Phê duyệt|quy định|Quy định|hướng dẫn|"
    r"Hướng dẫn|thực hiện|triển khai|tại|trên|nhằm|đã|để|theo|là|thì|giai đoạn|gồm|như|với|cho|"
    r"được|năm \d|ngày \d|V/v|v/v)\b)|\s+và\s+(?=[a-zđà-ỹ]|Chương trình|Kế hoạch|Quyết định|Nghị quyết|"
    r"Chỉ thị|Nghị định|Thông tư|Công văn)"
)
_LAW = re.compile(r"\b(?P<title>(?:Bộ luật|Luật|Pháp lệnh)\s+[^;,.]{3,120}?)\s+ngày\s+" + DATE)
_ISSUER_BEFORE = re.compile(r"của\s+(?P<who>[^,;]{3,80}?)\s+tại\s*$")
_LATE_DATE = re.compile(r"^\s*,?\s*ngày\s+" + DATE)
_IMPLEMENTS = re.compile(r"^(?:Triển khai\s+|Tiếp tục\s+)?(?:Thực hiện|Thi hành)\b")


def _rdate(m: re.Match[str]):  # type: ignore[no-untyped-def]
    """The date group of _REF, whose names carry an `r` prefix."""
    from cchc.extract.dates import make_date

    if m.group("rd1"):
        return make_date(int(m.group("rd1")), int(m.group("rm1")), int(m.group("ry1")))
    if m.group("rd2"):
        return make_date(int(m.group("rd2")), int(m.group("rm2")), int(m.group("ry2")))
    return None


def _issuer(rest: str) -> str | None:
    m = _OF.match(rest)
    if not m:
        return None
    tail = rest[m.end() : m.end() + 160]
    stop = _ISSUER_STOP.search(tail)
    name = (tail[: stop.start()] if stop else tail).strip()
    return name or None


@dataclass
class Mention:
    ref: DocRef
    implements: bool


def clean_number(raw: str) -> str:
    return re.sub(r"\s+", "", raw)


def find_refs(sentence: str, implements: bool = False) -> list[Mention]:
    """Every numbered document named in a sentence."""
    out: list[Mention] = []
    for m in _REF.finditer(sentence):
        number = clean_number(m.group("num"))
        date = _rdate(m)
        rest = sentence[m.end() :]
        issuer = _issuer(rest)
        if date is None:
            late = _LATE_DATE.match(rest)
            if late is None and issuer is not None:
                after = rest[_OF.match(rest).end() + len(issuer) :]  # type: ignore[union-attr]
                late = _LATE_DATE.match(after)
            if late:
                date = date_of(late)
        if issuer is None:
            before = _ISSUER_BEFORE.search(sentence[: m.start()])
            issuer = before.group("who").strip() if before else None
        written_type = _ABBR.get(m.group("type")) or DOC_TYPES.get(m.group("type").lower())
        kind = symbol_kind(number) or written_type
        level = level_of(issuer, date) if issuer else symbol_level(number)
        out.append(
            Mention(
                DocRef(
                    kind=kind,
                    number=number,
                    date=date,
                    issuer=issuer,
                    issuer_level=level,
                    evidence=sentence,
                ),
                implements,
            )
        )
    numbered = [(m.start(), m.end()) for m in _REF.finditer(sentence)]
    for m in _LAW.finditer(sentence):
        if any(a < m.end() and m.start() < b for a, b in numbered):
            continue
        out.append(
            Mention(
                DocRef(
                    kind=DocKind.LUAT,
                    number=None,
                    date=date_of(m),
                    title=m.group("title"),
                    evidence=sentence,
                ),
                implements,
            )
        )
    return out


def _merge(refs: list[DocRef]) -> list[DocRef]:
    """One entry per document: a later mention fills what an earlier one left out."""
    out: list[DocRef] = []
    for ref in refs:
        same = next(
            (
                r
                for r in out
                if (
                    r.number == ref.number
                    if ref.number
                    else (r.title == ref.title and r.date == ref.date)
                )
                and (r.date is None or ref.date is None or r.date == ref.date)
            ),
            None,
        )
        if same is None:
            out.append(ref)
            continue
        if same.date is None and ref.date is not None:
            # The dated mention is the better evidence.
            same.date, same.evidence = ref.date, ref.evidence
        if same.issuer is None and ref.issuer is not None:
            same.issuer, same.issuer_level = ref.issuer, ref.issuer_level
        same.kind = same.kind or ref.kind
    return out


def extract_citations(
    outline: Outline, own_number: str | None
) -> tuple[list[DocRef], list[DocRef]]:
    """(cited documents, implemented parents), the plan's own number left out."""
    cited: list[DocRef] = []
    parents: list[DocRef] = []
    for block in outline.blocks:
        for sentence in block.sentences:
            implements = bool(_IMPLEMENTS.match(sentence)) and block.marker is None
            for mention in find_refs(sentence, implements):
                if own_number and mention.ref.number == own_number:
                    continue
                (parents if mention.implements else cited).append(mention.ref)
    parents = _merge(parents)
    known = {p.number for p in parents}
    cited = [c for c in _merge(cited) if c.number not in known]
    return cited, parents
