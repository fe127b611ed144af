"""From cleaned text to a `Plan`: every extractor in turn, and the list of what is unknown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cchc.extract.activities import Context, extract_activities
from cchc.extract.citations import extract_citations
from cchc.extract.clean import CleanText, Note, clean
from cchc.extract.dates import find_deadlines
from cchc.extract.header import extract_header
from cchc.extract.locate import add_locations
from cchc.extract.mentions import (
    extract_audiences,
    extract_indices,
    extract_objectives,
    extract_sections,
    extract_topics,
)
from cchc.extract.reporting import extract_budget, extract_reporting
from cchc.extract.source import SourceLine
from cchc.extract.structure import Outline, build_outline
from cchc.messages import Lang, t
from cchc.model import Plan


@dataclass
class Extraction:
    plan: Plan
    notes: list[Note]
    outline: Outline


def _completion(outline: Outline, default_year: int | None):  # type: ignore[no-untyped-def]
    """'hoàn thành các nội dung trước tháng 11 năm 2024' under the plan's time section."""
    for block in outline.blocks:
        head = (block.label or block.text).lower()
        if not head.startswith("thời gian"):
            continue
        texts = [block.value or block.text] + [
            s for b in outline.descendants(block) for s in b.sentences
        ]
        for text in texts:
            if "hoàn thành" in text.lower():
                found = find_deadlines(text, default_year)
                if found:
                    return found[-1]
    return None


def extract_text(
    raw: str | list[SourceLine], lang: Lang = "vi", pre_notes: list[Note] | None = None
) -> Extraction:
    """Extract a plan from the text of a plan document (or a reader's lines with places)."""
    cleaned: CleanText = clean(raw)
    outline = build_outline(cleaned.lines, cleaned.anchors)
    notes: list[Note] = list(pre_notes or []) + cleaned.notes
    header = extract_header(outline)
    notes.extend(header.notes)
    cited, parents = extract_citations(outline, header.document.number)
    single_year = bool(
        header.period.start
        and header.period.end
        and header.period.start.year == header.period.end.year
    )
    default_year = (
        header.period.end.year
        if header.period.end
        else (header.document.issue_date.year if header.document.issue_date else None)
    )
    ctx = Context(single_year, default_year, header.document.issue_date)
    if header.period.start and header.period.end:
        ctx.years = header.period.end.year - header.period.start.year + 1
    ctx.completion = _completion(outline, default_year)
    activities = extract_activities(outline, ctx)
    reporting = extract_reporting(
        outline, default_year, header.document.issue_date, header.issuer.level
    )
    budget = extract_budget(outline)
    sections = extract_sections(outline)
    if not outline.has_roman:
        notes.append(Note("x_note_no_sections"))
    missing_owner = [a.id or "?" for a in activities if a.owner is None]
    if missing_owner:
        notes.append(
            Note(
                "x_note_activity_owner", {"ids": ", ".join(missing_owner), "n": len(missing_owner)}
            )
        )
    for path, value in (("budget", budget), ("reporting", reporting), ("activities", activities)):
        if not value:
            notes.append(Note("x_note_missing", {"field": path}))
    notes.append(Note("x_note_format_unknown"))
    plan = Plan(
        document=header.document,
        issuer=header.issuer,
        period=header.period,
        cited_documents=cited,
        implements=parents,
        sections=sections,
        objectives=extract_objectives(outline),
        audiences=extract_audiences(outline),
        topics=extract_topics(outline),
        activities=activities,
        reporting=reporting,
        budget=budget,
        indices=extract_indices(outline),
        format_parts=None,
        notes=[t(n.key, lang, **n.params) for n in notes],
    )
    # Lists were filled in place: validate the whole plan once more, as a loader would.
    plan = Plan.model_validate(_fit(plan.model_dump(mode="json")))
    add_locations(plan, outline)
    return Extraction(plan, notes, outline)


_MAX_TEXT = 20_000


def _fit(value: Any) -> Any:
    """Shorten runaway strings (a PDF paragraph that never ends) to the model's limit."""
    if isinstance(value, str):
        return value if len(value) <= _MAX_TEXT else value[: _MAX_TEXT - 1] + "…"
    if isinstance(value, list):
        return [_fit(v) for v in value]
    if isinstance(value, dict):
        return {k: _fit(v) for k, v in value.items()}
    return value


__all__ = ["Extraction", "extract_text"]
