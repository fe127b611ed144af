"""A plan document's text as the readers see it, each piece anchored by where it is written
(page, paragraph, line), so that a report's evidence links to its place in the plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def anchor(page: int | None, paragraph: int | None, line: int | None) -> str | None:
    """The id of a place: page and line where a line is known (text files, PDFs), else the
    paragraph (Word), so that an evidence entry and the reader's piece name it alike."""
    if line is not None:
        paragraph = None
    parts = [f"{k}{v}" for k, v in (("p", page), ("g", paragraph), ("l", line)) if v is not None]
    return "at-" + "-".join(parts) if parts else None


def source_lines(path: Path) -> list[list[dict[str, Any]]]:
    """The document's lines, each a list of pieces {text, id}."""
    from cchc.extract import read_source

    lines, _notes = read_source(path)
    return [
        [{"text": text, "id": anchor(w.page, w.paragraph, w.line)} for text, w in line]
        for line in lines
    ]


def link_evidence(view: dict[str, Any], report: Any, base: str) -> None:
    """Give each evidence entry of a plan view that has a place in the document a link to it
    on the source page at `base`."""
    from cchc.render import findings

    pairs = [
        (view["gaps"], findings.gaps(report)),
        (view["advisories"], findings.advisories(report)),
    ]
    for views, results in pairs:
        for g, r in zip(views, results, strict=True):
            for e_view, e in zip(g.get("evidence", []), r.evidence, strict=False):
                target = anchor(
                    getattr(e, "page", None),
                    getattr(e, "paragraph", None),
                    getattr(e, "line", None),
                )
                if target:
                    e_view["href"] = f"{base}#{target}"
