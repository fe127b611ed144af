"""The outline of a cleaned plan: blocks (one per paragraph) with their list marker, their
place under Roman headings and numbered items, the section kinds that apply to them, and
their sentences (the evidence spans of everything extracted)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc.extract.numbering import Marker, parse_marker
from cchc.extract.source import Where
from cchc.vocab import SectionKind

_LEVEL = {"roman": 0, "article": 0, "arabic": 1, "letter": 2, "dash": 3}
_PLAIN_LEVEL = 3

_KIND_WORDS: list[tuple[SectionKind, re.Pattern[str]]] = [
    (SectionKind.purpose, re.compile(r"\b(?:mục đích|mục tiêu|yêu cầu)\b", re.I)),
    (SectionKind.audience, re.compile(r"\bđối tượng\b", re.I)),
    (SectionKind.content, re.compile(r"\bnội dung\b", re.I)),
    (SectionKind.forms, re.compile(r"\b(?:hình thức|phương thức)\b", re.I)),
    (SectionKind.solutions, re.compile(r"\bgiải pháp\b", re.I)),
    (
        SectionKind.organisation,
        re.compile(r"\b(?:tổ chức thực hiện|trách nhiệm thực hiện|phân công)\b", re.I),
    ),
    (SectionKind.funding, re.compile(r"\bkinh phí\b", re.I)),
    (SectionKind.reporting, re.compile(r"\bbáo cáo\b", re.I)),
    (SectionKind.outputs, re.compile(r"\b(?:sản phẩm|kết quả dự kiến)\b", re.I)),
]
# "Label: value" items, e.g. "a) Cơ quan thực hiện: Công chức Văn phòng xã."
_LABEL = re.compile(r"^([^:]{2,90}?)\s*:\s*(.*)$")
_ABBREV = re.compile(r"(?:\b(?:Tp|TP|TT|ThS|TS|PGS|GS|Q|P|St|Ths|v\.v)|\b[A-ZĐ])\.$")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])")


def section_kinds(heading: str) -> tuple[SectionKind, ...]:
    """Section kinds a heading names: "NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN" → content, forms."""
    kinds = [kind for kind, rx in _KIND_WORDS if rx.search(heading)]
    if SectionKind.organisation in kinds or SectionKind.funding in kinds:
        # "Kinh phí thực hiện", "Tổ chức thực hiện" say nothing else.
        kinds = [k for k in kinds if k in (SectionKind.organisation, SectionKind.funding)]
    return tuple(kinds)


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; abbreviations such as "Tp." do not end a sentence."""
    parts: list[str] = []
    for piece in _SENTENCE_SPLIT.split(text):
        if parts and _ABBREV.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return [p.strip() for p in parts if p.strip()]


def is_title_like(text: str) -> bool:
    """A short heading rather than a sentence: "Hình thức tuyên truyền", "Mục tiêu:"."""
    words = text.rstrip(":.").split()
    return 0 < len(words) <= 10 and not re.search(r"[.;](?=\s)", text)


@dataclass
class Block:
    index: int
    line: str  # the paragraph as written
    text: str  # without its list marker
    marker: Marker | None
    level: int
    parent: int | None  # index of the enclosing block
    roman: str | None  # label of the Roman heading above, e.g. "III"
    kinds: tuple[SectionKind, ...] = ()  # section kinds that apply here
    heading_kinds: tuple[SectionKind, ...] = ()  # kinds this block itself names as a heading
    label: str | None = None  # "Cơ quan thực hiện" of "Cơ quan thực hiện: …"
    lead: str | None = None  # "Hình thức thông tin, tuyên truyền" of a news paragraph
    value: str | None = None  # what follows the label
    sentences: list[str] = field(default_factory=list)
    anchors: list[tuple[int, Where]] = field(default_factory=list)  # offsets in `line`

    @property
    def is_heading(self) -> bool:
        if self.marker is None:
            return False  # a news paragraph that opens with its topic is still text
        return bool(self.heading_kinds) or self.marker.kind == "roman"


@dataclass
class Outline:
    blocks: list[Block]

    def children(self, block: Block) -> list[Block]:
        return self._tree()[0].get(block.index, [])

    def descendants(self, block: Block) -> list[Block]:
        """Blocks under `block` (they follow it without a gap)."""
        return self.blocks[block.index + 1 : self._tree()[1][block.index]]

    def _tree(self) -> tuple[dict[int, list[Block]], list[int]]:
        """Children of each block, and where each block's subtree ends: computed once, so
        that asking for every block's children or descendants stays linear in the plan."""
        cached = getattr(self, "_cache", None)
        if cached is not None and cached[0] == len(self.blocks):
            return cached[1]
        kids: dict[int, list[Block]] = {}
        for b in self.blocks:
            if b.parent is not None:
                kids.setdefault(b.parent, []).append(b)
        # A block's subtree ends at the first later block that is not its descendant; the
        # blocks still open on a stack of ancestors are closed when one is not under them.
        end = [len(self.blocks)] * len(self.blocks)
        stack: list[int] = []
        for b in self.blocks:
            while stack and not self._ancestor_of(self.blocks[stack[-1]], b):
                end[stack.pop()] = b.index
            stack.append(b.index)
        tree = (kids, end)
        self._cache = (len(self.blocks), tree)
        return tree

    def _ancestor_of(self, a: Block, b: Block) -> bool:
        p = b.parent
        while p is not None:
            if p == a.index:
                return True
            p = self.blocks[p].parent
        return False

    def ancestors(self, block: Block) -> list[Block]:
        out = []
        p = block.parent
        while p is not None:
            out.append(self.blocks[p])
            p = self.blocks[p].parent
        return out

    @property
    def has_roman(self) -> bool:
        return any(b.marker is not None and b.marker.kind == "roman" for b in self.blocks)


def build_outline(
    lines: list[str], anchors: list[list[tuple[int, Where]]] | None = None
) -> Outline:
    blocks: list[Block] = []
    stack: list[Block] = []  # open blocks, outermost first
    roman: str | None = None
    for i, line in enumerate(lines):
        marker = parse_marker(line)
        text = marker.rest if marker else line
        level = _LEVEL[marker.kind] if marker else _PLAIN_LEVEL
        if marker and marker.kind == "roman":
            roman = marker.label
        while stack and stack[-1].level >= level:
            stack.pop()
        block = Block(
            index=i,
            line=line,
            text=text,
            marker=marker,
            level=level,
            parent=stack[-1].index if stack else None,
            roman=roman,
            anchors=anchors[i] if anchors and i < len(anchors) else [],
        )
        m = _LABEL.match(text)
        if m and len(m.group(1).split()) <= 14 and not re.search(r"\d{1,2}/\d", m.group(1)):
            block.label, block.value = m.group(1).strip(), m.group(2).strip()
        if marker and marker.kind in ("roman", "arabic", "letter"):
            head = block.label if block.label and block.value else text
            if marker.kind == "roman" or is_title_like(head):
                block.heading_kinds = section_kinds(head)
        inherited = next((b.kinds for b in reversed(stack) if b.kinds), ())
        block.kinds = block.heading_kinds or inherited
        block.sentences = split_sentences(text)
        blocks.append(block)
        if marker is not None:
            stack.append(block)
    outline = Outline(blocks)
    _recipients_zone(outline)
    if not outline.has_roman:
        _lead_sections(outline)
    return outline


_RECIPIENTS = re.compile(r"^Nơi nhận\s*:?", re.I)


def _recipients_zone(outline: Outline) -> None:
    """'Nơi nhận:' and the list after it name the addressees, not tasks."""
    inside = False
    for block in outline.blocks:
        if _RECIPIENTS.match(block.line):
            inside = True
        elif inside and block.marker is not None and block.marker.kind != "dash":
            inside = False
        if inside:
            block.kinds = ()


_LEAD = re.compile(
    r"^(?:Mục đích|Mục tiêu|Đối tượng|Các nội dung|Nội dung|Hình thức|Kinh phí|Tổ chức thực hiện)\b"
)
_LEAD_END = re.compile(r"\s*:|\s+(?:nhằm|thông qua|là|gồm có)\s")


def _lead_sections(outline: Outline) -> None:
    """A news summary has no headings: its paragraphs open with the section they summarise
    ("Mục đích của Kế hoạch nhằm …", "Hình thức thông tin, tuyên truyền thông qua …")."""
    for block in outline.blocks:
        if block.marker is not None or not _LEAD.match(block.text):
            continue
        end = _LEAD_END.search(block.text)
        lead = block.text[: end.start()] if end else " ".join(block.text.split()[:6])
        kinds = section_kinds(lead)
        if kinds:
            block.lead, block.heading_kinds, block.kinds = lead, kinds, kinds
