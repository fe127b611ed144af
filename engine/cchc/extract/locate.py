"""`evidence_at` for every extracted item: where its evidence sentence is in the source.

Extractors quote sentences of the cleaned text; the outline knows where each of its lines
came from (the segments readers gave), so the quote is looked up once, after extraction.
"""

from __future__ import annotations

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


def locate(outline: Outline, evidence: str | None) -> EvidenceAt | None:
    """Where a quote is written: the first line of the outline that holds it."""
    if not evidence:
        return None
    for quote in dict.fromkeys([evidence, evidence.split(" | ")[0]]):
        for block in outline.blocks:
            offset = block.line.find(quote)
            if offset < 0 and quote.startswith(block.line) and len(block.line) >= 8:
                offset = 0  # a quote that runs over several lines (a header, a title)
            if offset >= 0:
                where = _where(block, offset)
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
    for item in _items(plan):
        if item.evidence and item.evidence not in cache:
            cache[item.evidence] = locate(outline, item.evidence)
        at = cache.get(item.evidence) if item.evidence else None
        item.evidence_at = at.model_copy() if at else None
