"""`cchc-check plan.docx --annotate`: the plan's gaps as Word comments in the author's document.

The document is left as it was except for the comments (and the parts Word keeps them in).
A gap whose result quotes the plan is anchored at the paragraph holding the quote; a missing
thing at the section where it belongs (rules/data/anchors.yaml); a summary with the score and
the verdict sits on the title. A .txt or .pdf plan becomes a new .docx of its cleaned text,
one paragraph per line, with the same comments.

Imported only when --annotate is used (python-docx is not loaded by a plain check).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from cchc.loader import InputError
from cchc.messages import Lang, t
from cchc.paths import data_dir
from cchc.render import findings
from cchc.render.labels import (
    format_score,
    severity_label,
    source_label,
    source_text,
    status_label,
    verdict_label,
)
from cchc.result import PlanReport, RuleResult

AUTHOR = "cchc-check"
INITIALS = "CC"
DOCUMENT_SUFFIXES = (".docx", ".txt", ".pdf")
_LIST_NUMBER = re.compile(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)]\s*", re.I)
_HEADING_MAX = 90  # characters: longer paragraphs are text, not headings


@dataclass(frozen=True)
class Placed:
    """One comment written: the rule (None for the summary) and the text it is anchored on."""

    rule: str | None
    anchor: str
    text: str


def default_output(path: Path) -> Path:
    """plan.docx → plan.cchc.docx (also for .txt and .pdf plans)."""
    return path.with_name(f"{path.stem}.cchc.docx")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(re.sub(r"[“”\"'‘’]", "", text).split())


def _strip_number(text: str) -> str:
    return _LIST_NUMBER.sub("", text.strip(), count=1)


def _paragraphs(doc: Any) -> list[tuple[Any, bool]]:
    """Every paragraph in reading order, and whether it sits in a table: the body's and those
    of its tables' cells (a merged cell once)."""
    from docx.table import Table

    out: list[tuple[Any, bool]] = []
    seen: set[int] = set()

    def walk(container: Any, in_table: bool) -> None:
        for item in container.iter_inner_content():
            if isinstance(item, Table):
                for row in item.rows:
                    for cell in row.cells:
                        if id(cell._tc) not in seen:
                            seen.add(id(cell._tc))
                            walk(cell, True)
            else:
                out.append((item, in_table))

    walk(doc, False)
    return out


class _Document:
    """The paragraphs of a document with their normalised text, and where to anchor."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        found = [(p, in_table) for p, in_table in _paragraphs(doc) if p.text.strip()]
        self.paras = [p for p, _ in found]
        self.in_table = [in_table for _, in_table in found]
        self.norm = [_norm(p.text) for p in self.paras]
        self.bare = [_norm(_strip_number(p.text)) for p in self.paras]

    def find_quote(self, quote: str) -> int | None:
        """The paragraph that holds a quoted sentence of the plan (its list number aside)."""
        q = _norm(_strip_number(quote.strip("…. ")))
        if not q:
            return None
        for i, text in enumerate(self.norm):
            if q in text:
                return i
        # A quote the extractor joined from several lines: the paragraph holding its start.
        head = q[:60]
        for i, text in enumerate(self.norm):
            if len(head) >= 20 and head in text:
                return i
        return None

    def find_pattern(self, spec: dict[str, str]) -> tuple[int, int] | None:
        """First and last paragraph matching an anchors.yaml entry."""
        if "lines" in spec:
            rx = re.compile(spec["lines"], re.I)
            first = next(
                (i for i, p in enumerate(self.paras) if rx.match(_strip_number(p.text))), None
            )
            if first is None:
                return None
            last = first
            while last + 1 < len(self.paras) and rx.match(_strip_number(self.paras[last + 1].text)):
                last += 1
            return first, last
        rx = re.compile(spec["headings"], re.I)
        for i, p in enumerate(self.paras):
            text = _strip_number(p.text)
            # A section heading is a short paragraph of the body, not a table's column head.
            if not self.in_table[i] and len(text) <= _HEADING_MAX and rx.match(text):
                return i, i
        return None

    def title(self, report: PlanReport) -> int:
        """The plan's title paragraph, else the line "KẾ HOẠCH", else the first paragraph."""
        if report.plan.title:
            found = self.find_quote(report.plan.title)
            if found is not None:
                return found
            # The title is often printed as "KẾ HOẠCH" and the subject on the next line.
        for i, text in enumerate(self.bare):
            if text in ("kế hoạch", "quyết định") or text.startswith("kế hoạch "):
                return i
        return 0

    def runs(self, first: int, last: int) -> list[Any] | None:
        """Runs spanning the paragraphs first..last, or None when a paragraph has no run of
        its own (text only inside a field or hyperlink)."""
        head = _anchor_runs(self.paras[first])
        tail = _anchor_runs(self.paras[last])
        if not head or not tail:
            return None
        return [head[0], tail[-1]]


def _anchor_runs(paragraph: Any) -> list[Any]:
    return [r for r in paragraph.runs if r.text]


@lru_cache(maxsize=1)
def _anchors() -> dict[str, Any]:
    import yaml

    path = data_dir("rules") / "data" / "anchors.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _evidence_quotes(result: RuleResult) -> Iterator[tuple[str, int | None]]:
    """(quote, paragraph) of each evidence entry: plain sentences, or entries with a quote and
    a location."""
    for entry in getattr(result, "evidence", None) or []:
        if isinstance(entry, str):
            yield entry, None
            continue
        data = entry if isinstance(entry, dict) else getattr(entry, "__dict__", {})
        quote = data.get("quote") or ""
        para = data.get("paragraph")
        if quote or para:
            yield quote, para if isinstance(para, int) else None


def _place(doc: _Document, result: RuleResult, title: int) -> tuple[int, int, bool]:
    """(first, last, found): the paragraphs a gap's comment spans; found=False when it fell
    back to the title."""
    for quote, _para in _evidence_quotes(result):
        # The paragraph number of the extracted text and that of the document differ where
        # Word's layout tables were read cell by cell: the quote decides.
        at = doc.find_quote(quote) if quote else None
        if at is not None:
            return at, at, True
    anchors = _anchors()
    specs = anchors.get("rules", {}).get(result.rule)
    if specs is None:
        specs = anchors.get("areas", {}).get(str(result.area), [])
    for spec in specs or []:
        span = doc.find_pattern(spec)
        if span is not None:
            return span[0], span[1], True
    # A rule about the plan as a whole (structure) belongs on the title.
    return title, title, not specs


def comment_lines(result: RuleResult, lang: Lang) -> list[str]:
    """The comment of one gap: what is wrong, the requirement and its source, the fix."""
    status = status_label(result.status, lang)
    if str(result.status) == "partial":
        status += f" {round(result.credit * 100)}%"
    lines = [
        f"{result.title} ({severity_label(result.severity, lang)} · {status})",
        result.message,
        f"{source_label(result, lang)}: {source_text(result.source, lang)}",
    ]
    if result.fix:
        lines.append(f"{t('fix_paste_label', lang)}: {result.fix}")
    lines.append(f"{t('rule_label', lang)}: {result.rule}")
    return lines


def summary_lines(report: PlanReport, lang: Lang) -> list[str]:
    gaps = findings.gaps(report)
    lines = [
        t(
            "ann_summary",
            lang,
            score=format_score(report.score),
            verdict=verdict_label(report.verdict, lang),
        ),
        t("ann_gaps", lang, n=len(gaps)) if gaps else t("rpt_no_gaps", lang),
    ]
    advisories = findings.advisories(report)
    if advisories:
        lines.append(t("ann_advisories", lang, n=len(advisories)))
    return lines


def _add_comment(doc: Any, runs: Sequence[Any], lines: list[str]) -> Any:
    comment = doc.add_comment(runs, text=lines[0], author=AUTHOR, initials=INITIALS)
    for line in lines[1:]:
        comment.add_paragraph(line)
    return comment


def _text_document(path: Path) -> Any:
    """A new .docx holding the cleaned text of a .txt or .pdf plan, one paragraph per line."""
    import docx

    from cchc.extract import read_document
    from cchc.extract.clean import clean

    raw, _notes = read_document(path)
    document = docx.Document()
    for line in clean(raw).lines:
        document.add_paragraph(line)
    return document


def annotate(path: str | Path, report: PlanReport, out: Path, lang: Lang = "vi") -> list[Placed]:
    """Write `out`: the plan with a comment per gap and a summary on the title. Returns the
    comments placed, in document order of creation (summary first)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        raise InputError.one(p, "ann_needs_document", suffix=suffix or "(none)")
    if suffix == ".docx":
        try:
            document = docx.Document(str(p))
        except (PackageNotFoundError, KeyError, ValueError) as exc:
            raise InputError.one(p, "file_unreadable", reason=str(exc)) from exc
    else:
        document = _text_document(p)
    doc = _Document(document)
    if not doc.paras:
        raise InputError.one(p, "file_blank")
    placed: list[Placed] = []
    title = doc.title(report)
    title_runs = doc.runs(title, title) or _first_runs(doc)
    if title_runs is None:
        raise InputError.one(p, "file_blank")
    lines = summary_lines(report, lang)
    _add_comment(document, title_runs, lines)
    placed.append(Placed(None, _span_text(title_runs), "\n".join(lines)))
    singles, groups = findings.grouped(
        findings.gaps(report) + findings.advisories(report) + findings.unknowns(report)
    )
    for result in singles:
        first, last, found = _place(doc, result, title)
        runs = doc.runs(first, last) or title_runs
        lines = comment_lines(result, lang)
        if not found:
            lines.insert(1, t("ann_no_section", lang))
        _add_comment(document, runs, lines)
        placed.append(Placed(result.rule, _span_text(runs), "\n".join(lines)))
    for reason, members in groups:
        # Many rules left unevaluated for one reason (the issuer unknown…): one comment.
        lines = [
            t("rpt_group", lang, n=len(members), reason=reason),
            f"{t('rpt_group_rules', lang)}: {', '.join(r.rule for r in members)}",
        ]
        _add_comment(document, title_runs, lines)
        placed.append(Placed(None, _span_text(title_runs), "\n".join(lines)))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    document.save(str(tmp))
    tmp.replace(out)
    return placed


def _first_runs(doc: _Document) -> list[Any] | None:
    for i in range(len(doc.paras)):
        runs = doc.runs(i, i)
        if runs:
            return runs
    return None


def _span_text(runs: Sequence[Any]) -> str:
    first, last = runs[0], runs[-1]
    return first.text if first is last else f"{first.text} … {last.text}"


__all__ = ["Placed", "annotate", "comment_lines", "default_output", "summary_lines"]
