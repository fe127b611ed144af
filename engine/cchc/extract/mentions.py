"""What the plan mentions: sections, objectives, audiences, reform areas and indices."""

from __future__ import annotations

import re

from cchc.extract.lexicon import AREA_PHRASES, AUDIENCE_PHRASES, INDEX_PHRASES
from cchc.extract.structure import Outline
from cchc.model import AudienceItem, IndexRef, Objective, Section, Topic
from cchc.vocab import SectionKind

_TO_AUDIENCE = re.compile(
    r"(?:tới|đến|nhận thức của|nhận thức cho)\s+"
    r"(?:các tầng lớp|đội ngũ|cán bộ|công chức|viên chức|người dân|nhân dân|các tổ chức)",
    re.I,
)


def extract_sections(outline: Outline) -> list[Section]:
    """One entry per kind: the Roman heading, or a numbered sub-heading, that names it."""
    found: dict[SectionKind, Section] = {}
    from_roman: set[SectionKind] = set()
    for block in outline.blocks:
        if not block.heading_kinds:
            continue
        if block.marker is not None and block.marker.kind == "letter":
            continue  # a field of an activity item ("d) Sản phẩm…") is not a section of the plan
        roman = block.marker is not None and block.marker.kind == "roman"
        heading = block.line if block.marker else block.lead or block.line
        for i, kind in enumerate(block.heading_kinds):
            # "II. NỘI DUNG, HÌNH THỨC": its first kind is the heading's; a later one is
            # better represented by its own sub-heading ("2. Hình thức tuyên truyền").
            if kind not in found or (kind in from_roman and not roman):
                found[kind] = Section(kind=kind, heading=heading, evidence=block.line)
                if roman and i > 0:
                    from_roman.add(kind)
                else:
                    from_roman.discard(kind)
    order = {id(s): n for n, s in enumerate(found.values())}
    return sorted(found.values(), key=lambda s: (_position(outline, s), order[id(s)]))


def _position(outline: Outline, section: Section) -> int:
    return next((b.index for b in outline.blocks if b.line == section.evidence), 0)


def extract_objectives(outline: Outline) -> list[Objective]:
    out: list[Objective] = []
    for block in outline.blocks:
        if SectionKind.purpose not in block.kinds or block.is_heading:
            continue
        if block.heading_kinds and block.marker is None:
            text = block.text  # a news paragraph "Mục đích của Kế hoạch nhằm …"
        elif block.heading_kinds:
            continue
        else:
            text = block.text
        countable = bool(re.search(r"\d+\s*%|\b\d+\s+(?:lần|cuộc|buổi|tin|bài)\b", text))
        out.append(Objective(text=text, countable=countable, evidence=block.line))
    return out


def extract_audiences(outline: Outline) -> list[AudienceItem]:
    sentences = [
        s
        for b in outline.blocks
        if SectionKind.audience in b.kinds
        and not (b.heading_kinds and not b.value and b.marker is not None)
        for s in b.sentences
    ]
    if not sentences:
        # No audience section: the groups the purpose section names ("nâng cao nhận thức
        # của cán bộ, công chức và người dân, doanh nghiệp"), and the first "tới …" sentence.
        purpose = [
            s
            for b in outline.blocks
            if SectionKind.purpose in b.kinds and not (b.heading_kinds and b.marker is not None)
            for s in b.sentences
            if any(rx.search(s) for rx, _ in AUDIENCE_PHRASES)
        ]
        sentences = (
            purpose[:1]
            or [s for b in outline.blocks for s in b.sentences if _TO_AUDIENCE.search(s)][:1]
        )
    out: list[AudienceItem] = []
    seen: set[str] = set()
    for sentence in sentences:
        for rx, group in AUDIENCE_PHRASES:
            m = rx.search(sentence)
            if m and group not in seen:
                seen.add(group)
                out.append(AudienceItem(group=group, text=m.group(0), evidence=sentence))
    return out


def extract_topics(outline: Outline) -> list[Topic]:
    blocks = [b for b in outline.blocks if SectionKind.content in b.kinds] or outline.blocks
    out: list[Topic] = []
    seen: set[str] = set()
    for block in blocks:
        for sentence in block.sentences:
            for rx, area in AREA_PHRASES:
                m = rx.search(sentence)
                if m and area not in seen:
                    seen.add(area)
                    out.append(Topic(area=area, text=m.group(0), evidence=sentence))
    return out


def extract_indices(outline: Outline) -> list[IndexRef]:
    out: list[IndexRef] = []
    seen: set[str] = set()
    for block in outline.blocks:
        for sentence in block.sentences:
            for rx, name in INDEX_PHRASES:
                if name not in seen and rx.search(sentence):
                    seen.add(name)
                    out.append(IndexRef(name=name, evidence=sentence))
    return out
