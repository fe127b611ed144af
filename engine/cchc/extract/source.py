"""Where a line of a plan document came from: page, paragraph and line, for evidence.

Readers give each line of text as segments (a file line, a Word paragraph, a visual line of
a PDF), each with its place in the source; cleaning joins and drops lines but keeps the
segments, so any sentence of the cleaned text can be traced back to where it is written.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Where:
    """1-based; None when the format has no such unit (a .txt has no pages)."""

    page: int | None = None
    paragraph: int | None = None
    line: int | None = None


Segment = tuple[str, Where]  # a piece of text and where it starts
SourceLine = list[Segment]  # one line of a reader's output


def text_lines(text: str) -> list[SourceLine]:
    """A plain text: each line of the file is one segment, numbered from 1."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    return [[(ln, Where(line=i))] for i, ln in enumerate(text.split("\n"), start=1)]


def join_lines(lines: list[SourceLine]) -> str:
    """The text of a reader's output, one line per source line."""
    return "\n".join(" ".join(text for text, _ in line) for line in lines)
