"""`evidence_at` for every extracted item: where its evidence sentence is in the source.

Extractors quote sentences of the cleaned text; the outline knows where each of its lines
came from (the segments readers gave), so the quote is looked up once, after extraction.
"""

from __future__ import annotations

import bisect
from typing import Any

from cchc.extract.source import Where
from cchc.extract.structure import Block, Outline
from cchc.model import EvidenceAt, Plan


def _where(block: Block, offset: int) -> Where | None:
    found = None
    for start, where in block.anchors:
        if start <= offset or found is None:
            found = where
        if start > offset:
            break
    if found is None:
        return None
    if found.page is None and found.paragraph is None:
        # A plain text: the paragraph is the line of the cleaned text.
        return Where(paragraph=block.index + 1, line=found.line)
    return found


class _Lines:
    """The outline's lines indexed once: a quote that is a whole line or sentence is found
    by a dictionary look-up, any other by one C-level search of the joined text. (A Python
    loop over every line for every quote made extraction quadratic in the plan's length.)"""

    def __init__(self, outline: Outline) -> None:
        self.blocks = outline.blocks
        self.starts: list[int] = []
        self.whole: dict[str, tuple[Block, int]] = {}
        parts: list[str] = []
        at = 0
        for block in outline.blocks:
            self.starts.append(at)
            parts.append(block.line)
            at += len(block.line) + 1
            for piece in (block.line, block.text, *block.sentences):
                if piece not in self.whole:
                    offset = block.line.find(piece)
                    if offset >= 0:
                        self.whole[piece] = (block, offset)
        self.text = "\n".join(parts)

    def find(self, quote: str) -> tuple[Block, int] | None:
        """The line that holds `quote` (the first whose sentence it is, else the first that
        holds it), and where in it."""
        if quote in self.whole:
            return self.whole[quote]
        if "\n" in quote:
            return None
        pos = self.text.find(quote)
        if pos < 0:
            return None
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.blocks[i], pos - self.starts[i]


def locate(
    outline: Outline, evidence: str | None, lines: _Lines | None = None
) -> EvidenceAt | None:
    """Where a quote is written: the first line of the outline that holds it."""
    if not evidence:
        return None
    lines = lines or _Lines(outline)
    for quote in dict.fromkeys([evidence, evidence.split(" | ")[0]]):
        found = lines.find(quote)
        if found is None:
            # A quote that runs over several lines (a header, a title) starts with one.
            found = next(
                (
                    (block, 0)
                    for block in outline.blocks
                    if len(block.line) >= 8 and quote.startswith(block.line)
                ),
                None,
            )
        if found is not None:
            where = _where(*found)
            if where is None:
                return None
            return EvidenceAt(page=where.page, paragraph=where.paragraph, line=where.line)
    return None


def _items(plan: Plan) -> list[Any]:
    items: list[Any] = [plan.document, plan.issuer, plan.period]
    for name in (
        "cited_documents",
        "implements",
        "sections",
        "objectives",
        "audiences",
        "topics",
        "activities",
        "reporting",
        "budget",
        "indices",
    ):
        items.extend(getattr(plan, name))
    return items


def add_locations(plan: Plan, outline: Outline) -> None:
    """Set `evidence_at` on every item whose evidence is found in the outline."""
    cache: dict[str, EvidenceAt | None] = {}
    lines = _Lines(outline)
    for item in _items(plan):
        if item.evidence and item.evidence not in cache:
            cache[item.evidence] = locate(outline, item.evidence, lines)
        at = cache.get(item.evidence) if item.evidence else None
        item.evidence_at = at.model_copy() if at else None
