"""`--format xlsx`: the self-assessment workbook an officer attaches to the province's file.

Sheets, in order:
- the self-assessment sheet in the province template's layout: an official header block, then
  per unit its criterion row and one row per sub-criterion: maximum, self-score, the council's
  score and the unit's explanation (giải trình) left blank, the verification documents as
  numbered references linked to the unit's evidence list, how the points were reached, and what
  to look at again (review flags, with their rule);
- the summary: points per unit, totals, averages, ranking, units per band (`summary`, pandas);
- one evidence list per unit (danh mục tài liệu kiểm chứng): numbered documents with links
  (web pages, or files relative to the inputs);
- the plans' compliance score (rule packs), apart from the index;
- the trace of every point (scheme lines, plan and report items);
- "Căn cứ": the scheme, its source, each line's status and every interpretation made;
- the inputs left out (other years, duplicates, units not expected, unreadable files).
Every sheet prints on A4 landscape, fitted to the width, its header rows repeated.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from cchc.messages import Lang, t
from cchc.parindex.bands import num
from cchc.parindex.result import EvidenceRef, IndexRun, UnitScore
from cchc.parindex.review import RULES, rule_key
from cchc.parindex.sheet_rows import compliance_text, criterion_text, heading, note_text, unit_note

FONT = "Times New Roman"
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
_LINKED = Alignment(vertical="top", shrink_to_fit=True)  # a linked cell shows one line
_PLAIN = Font(name=FONT, size=11)
_BOLD = Font(name=FONT, size=11, bold=True)
_LINK = Font(name=FONT, size=11, color="0563C1", underline="single")
_UNIT_FILL = PatternFill("solid", fgColor="DDEBF7")
_HEAD_FILL = PatternFill("solid", fgColor="F2F2F2")
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_SHEET_CHARS = re.compile(r"[\[\]:*?/\\']")


def _print_setup(ws: Worksheet, header_row: int | None, last_col: int) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    if header_row:
        ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddFooter.center.text = "&P / &N"


def _widths(ws: Worksheet, widths: tuple[float, ...]) -> None:
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width


LINE_POINTS = 14.5  # one line of 11-point text
MAX_ROW_POINTS = 409  # the largest row height a spreadsheet accepts


def _lines(text: object, width: float) -> int:
    """Lines a wrapped cell needs at this column width (about one character per width unit)."""
    if text is None or width <= 0:
        return 1
    per_line = max(1, int(width * 0.95) - 1)
    return sum(max(1, -(-len(line) // per_line)) for line in str(text).split("\n"))


class _Rows:
    """Appends rows to a sheet, counting them: `ws.max_row` scans every cell (quadratic).

    Wrapped rows get an explicit height: neither Excel nor LibreOffice sizes rows written
    without one, and text would print over the next row.
    """

    def __init__(self, ws: Worksheet, widths: tuple[float, ...] = ()) -> None:
        self.ws = ws
        self.n = 0
        self.widths = widths
        _widths(ws, widths)

    def add(
        self, values: list, *, font: Font = _PLAIN, wrap: bool = True, box: bool = False
    ) -> tuple[Cell, ...]:
        """Append a row; text that starts with '=' stays text (a unit name is never a formula)."""
        self.ws.append(values)
        self.n += 1
        cells = tuple(self.ws.cell(self.n, col) for col in range(1, len(values) + 1))
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
            cell.font = font
            if wrap:
                cell.alignment = _WRAP
            if box:
                cell.border = _BOX
        if wrap and self.widths and len(values) > 1:
            need = max(
                _lines(v, self.widths[i] if i < len(self.widths) else 10)
                for i, v in enumerate(values)
            )
            if font.b:  # bold text is wider
                need += 1
            if need > 1:
                self.ws.row_dimensions[self.n].height = min(MAX_ROW_POINTS, need * LINE_POINTS)
        return cells

    def merged(self, text: str, first: int, last: int, *, font: Font, align: Alignment) -> None:
        self.add([None] * (first - 1) + [text], font=font, wrap=False)
        self.ws.merge_cells(start_row=self.n, start_column=first, end_row=self.n, end_column=last)
        self.ws.cell(self.n, first).alignment = align
        width = sum(self.widths[first - 1 : last]) * 11 / (font.sz or 11)
        need = _lines(text, width)
        if need > 1:
            self.ws.row_dimensions[self.n].height = min(
                MAX_ROW_POINTS, need * LINE_POINTS * (font.sz or 11) / 11
            )


# --- evidence lists --------------------------------------------------------------------------


@dataclass
class _Doc:
    no: int
    ref: EvidenceRef
    codes: list[str] = field(default_factory=list)


@dataclass
class _UnitDocs:
    sheet: str
    docs: list[_Doc] = field(default_factory=list)
    by_sub: dict[int, list[_Doc]] = field(default_factory=dict)


def _unit_docs(u: UnitScore, sheet: str) -> _UnitDocs:
    """Each document once per unit, numbered, with the sub-criteria it stands behind."""
    out = _UnitDocs(sheet)
    seen: dict[tuple, _Doc] = {}
    for k, s in enumerate(u.subs):
        for ref in s.evidence_found:
            # One document per place in the report (4.1 and 4.2 may cite the same item).
            key = (ref.where,) if "evidence_items" in ref.where else (ref.kind, ref.path)
            doc = seen.get(key)
            if doc is None:
                doc = seen[key] = _Doc(len(out.docs) + 1, ref)
                out.docs.append(doc)
            if s.code not in doc.codes:
                doc.codes.append(s.code or s.title)
            if doc not in out.by_sub.setdefault(k, []):
                out.by_sub[k].append(doc)
    return out


def _sheet_name(n: int, unit: str, used: set[str]) -> str:
    base = _SHEET_CHARS.sub("", f"TLKC {n:02d} {unit.removeprefix('UBND ')}")[:31].rstrip()
    name, k = base, 1
    while name.lower() in used:
        k += 1
        name = f"{base[:27]} ({k})"
    used.add(name.lower())
    return name


def _inside(sheet: str) -> Hyperlink:
    """A link to another sheet of the workbook (a location, not an external target)."""
    return Hyperlink(ref="", location=f"'{sheet}'!A1")


def _target(ref: EvidenceRef, link_root: str | None) -> str | None:
    if ref.url:
        return ref.url
    if ref.path and link_root is not None:
        return posixpath.normpath(posixpath.join(link_root, ref.path)) if link_root else ref.path
    return None


def _evidence_sheet(
    wb: Workbook, run: IndexRun, u: UnitScore, docs: _UnitDocs, link_root: str | None, lang: Lang
) -> None:
    ws = wb.create_sheet(docs.sheet)
    rows = _Rows(ws, (8, 70, 14, 45, 45))
    rows.merged(
        t("px_evidence_title", lang), 1, 5, font=Font(name=FONT, size=13, bold=True), align=_CENTER
    )
    rows.merged(
        f"{u.unit} — {criterion_text(run, lang)} — {run.year}", 1, 5, font=_BOLD, align=_CENTER
    )
    rows.add([])
    keys = ("px_col_ev_no", "px_col_ev_name", "px_col_ev_sub", "px_col_ev_link", "px_col_ev_where")
    for cell in rows.add([t(k, lang) for k in keys], font=_BOLD, box=True):
        cell.fill = _HEAD_FILL
        cell.alignment = _CENTER
    header_row = rows.n
    for doc in docs.docs:
        target = _target(doc.ref, link_root)
        shown = doc.ref.url or doc.ref.path or "—"
        cells = rows.add(
            [f"TL{doc.no}", doc.ref.label, ", ".join(doc.codes), shown, doc.ref.where], box=True
        )
        if target:
            cells[3].hyperlink = target
            cells[3].font = _LINK
    if not docs.docs:
        rows.add(["—", t("px_evidence_none", lang)], box=True)
    rows.add([])
    back = rows.add([None, t("px_back_to_main", lang)], font=_LINK, wrap=False)
    back[1].hyperlink = _inside(t("px_sheet_main", lang))
    _print_setup(ws, header_row, 5)


# --- the self-assessment sheet ---------------------------------------------------------------

_MAIN_KEYS = (
    "px_col_no",
    "px_col_unit",
    "px_col_title",
    "px_col_max",
    "px_col_points",
    "px_col_council",
    "px_col_explain",
    "px_col_evidence",
    "px_col_note",
    "px_col_review",
)
_MAIN_WIDTHS = (5, 20, 28, 8, 8, 9, 16, 22, 52, 36)


def _official_header(rows: _Rows, run: IndexRun, lang: Lang, last: int) -> None:
    organ = run.organ or t("px_organ_blank", lang)
    half = 3
    rows.add([organ.upper(), None, None, None, t("px_nation", lang)], font=_BOLD, wrap=False)
    rows.ws.merge_cells(start_row=rows.n, start_column=1, end_row=rows.n, end_column=half)
    rows.ws.merge_cells(start_row=rows.n, start_column=5, end_row=rows.n, end_column=last)
    for col in (1, 5):
        rows.ws.cell(rows.n, col).alignment = _CENTER
    rows.add([None, None, None, None, t("px_motto", lang)], font=_BOLD, wrap=False)
    rows.ws.merge_cells(start_row=rows.n, start_column=5, end_row=rows.n, end_column=last)
    rows.ws.cell(rows.n, 5).alignment = _CENTER
    rows.add([None, None, None, None, t("px_place_date", lang, year=run.year + 1)], wrap=False)
    rows.ws.merge_cells(start_row=rows.n, start_column=5, end_row=rows.n, end_column=last)
    rows.ws.cell(rows.n, 5).alignment = Alignment(horizontal="center", vertical="top")
    rows.ws.cell(rows.n, 5).font = Font(name=FONT, size=11, italic=True)
    rows.add([])
    rows.merged(
        heading(run, lang), 1, last, font=Font(name=FONT, size=14, bold=True), align=_CENTER
    )
    rows.ws.row_dimensions[rows.n].height = 36
    source = f"{t('px_scheme_label', lang)}: {run.scheme.title} — {t('source_label', lang)}: {run.scheme.source}"
    rows.merged(source, 1, last, font=Font(name=FONT, size=10, italic=True), align=_CENTER)
    rows.add([])


def _evidence_cell(docs: list[_Doc]) -> str:
    """'TL1, TL2, TL5–TL9': one line (a linked cell shows one line), numbered as in the list."""
    numbers = sorted(d.no for d in docs)
    parts: list[str] = []
    k = 0
    while k < len(numbers):
        j = k
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        first, last = numbers[k], numbers[j]
        parts.append(f"TL{first}" if first == last else f"TL{first}–TL{last}")
        k = j + 1
    return ", ".join(parts)


def _review_cell(u: UnitScore) -> str:
    return "\n".join(f"[{f.rule}] {f.message}" for f in u.review)


def _main_sheet(wb: Workbook, run: IndexRun, lang: Lang, unit_docs: list[_UnitDocs]) -> None:
    ws = wb.active
    ws.title = t("px_sheet_main", lang)
    rows = _Rows(ws, _MAIN_WIDTHS)
    last = len(_MAIN_KEYS)
    _official_header(rows, run, lang, last)
    for cell in rows.add([t(k, lang) for k in _MAIN_KEYS], font=_BOLD, box=True):
        cell.fill = _HEAD_FILL
        cell.alignment = _CENTER
    header_row = rows.n
    criterion = criterion_text(run, lang)
    for n, (u, docs) in enumerate(zip(run.units, unit_docs, strict=True), 1):
        link = docs.sheet
        unit_ev = t("px_evidence_list", lang, n=len(docs.docs))
        values = [n, u.unit, criterion, u.max, u.total, None, None, unit_ev, unit_note(u, lang)]
        cells = rows.add([*values, _review_cell(u)], font=_BOLD, box=True)
        for cell in cells:
            cell.fill = _UNIT_FILL
        cells[7].hyperlink = _inside(link)
        cells[7].font = Font(name=FONT, size=11, bold=True, color="0563C1", underline="single")
        cells[7].alignment = _LINKED
        for k, s in enumerate(u.subs):
            title = f"{s.code}. {s.title}" if s.code else s.title
            ev = _evidence_cell(docs.by_sub.get(k, []))
            status = run.scheme.subs[k].status if k < len(run.scheme.subs) else "V"
            note = note_text(s, lang)
            if status == "U":
                note += "\n" + t("px_status_u_note", lang)
            cells = rows.add(
                [None, u.unit, title, s.max, s.points, None, None, ev, note, None], box=True
            )
            if ev:
                cells[7].hyperlink = _inside(link)
                cells[7].font = _LINK
                cells[7].alignment = _LINKED
        for cell in ws[rows.n - len(u.subs) : rows.n]:
            for c in cell[3:5]:
                c.number_format = "0.00"
    ws.freeze_panes = ws.cell(header_row + 1, 3)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(last)}{rows.n}"
    rows.add([])
    rows.add(
        [
            None,
            t("px_signed_preparer", lang),
            None,
            None,
            None,
            None,
            None,
            None,
            t("px_signed_head", lang),
        ],
        font=_BOLD,
    )
    _print_setup(ws, header_row, last)


# --- summary, compliance, trace, basis, inputs ------------------------------------------------


def _summary_sheet(wb: Workbook, run: IndexRun, lang: Lang) -> None:
    from cchc.parindex.summary import summarise

    s = summarise(run, lang)
    ws = wb.create_sheet(t("px_sheet_summary", lang))
    width = 4 + len(s.columns)
    rows = _Rows(ws, (5, 30, *([14] * len(s.columns)), 10, 30))
    rows.merged(
        heading(run, lang), 1, width, font=Font(name=FONT, size=13, bold=True), align=_CENTER
    )
    rows.add([])
    head = [
        t("px_col_no", lang),
        t("px_col_unit", lang),
        *s.columns,
        t("px_col_rank", lang),
        t("px_col_status", lang),
    ]
    for cell in rows.add(head, font=_BOLD, box=True):
        cell.fill = _HEAD_FILL
        cell.alignment = _CENTER
    header_row = rows.n
    for n, rec in enumerate(s.rows, 1):
        rows.add(
            [n, rec["unit"], *(rec[c] for c in s.columns), rec["rank"], rec["status"]], box=True
        )
    if s.rows:
        rows.add(
            [None, t("px_sum_total", lang), *(s.totals[c] for c in s.columns)], font=_BOLD, box=True
        )
        rows.add(
            [None, t("px_sum_mean", lang, n=len(s.rows)), *(s.means[c] for c in s.columns)],
            font=_BOLD,
            box=True,
        )
    if s.bands:
        rows.add([])
        rows.add([None, t("px_sum_bands", lang)], font=_BOLD)
        for cell in rows.add(
            [None, t("px_col_title", lang), t("px_col_band", lang), t("px_col_count", lang)],
            font=_BOLD,
            box=True,
        ):
            cell.fill = _HEAD_FILL
        for sub, band, count in s.bands:
            rows.add([None, sub, band, count], box=True)
    _print_setup(ws, header_row, width)


def _compliance_sheet(wb: Workbook, run: IndexRun, lang: Lang) -> None:
    ws = wb.create_sheet(t("px_sheet_compliance", lang))
    rows = _Rows(ws, (30, 40, 24, 60))
    rows.merged(
        t("px_compliance_note", lang), 1, 4, font=Font(name=FONT, size=11, italic=True), align=_WRAP
    )
    ws.row_dimensions[1].height = 45
    keys = ("px_col_unit", "px_col_file", "px_col_compliance", "px_col_packs")
    for cell in rows.add([t(k, lang) for k in keys], font=_BOLD, box=True):
        cell.fill = _HEAD_FILL
    header_row = rows.n
    for u in run.units:
        packs = ", ".join(u.compliance.packs) if u.compliance else ""
        rows.add([u.unit, u.plan_file or "—", compliance_text(u, lang), packs], box=True)
    _print_setup(ws, header_row, 4)


def _trace_sheet(wb: Workbook, run: IndexRun, lang: Lang) -> None:
    ws = wb.create_sheet(t("px_sheet_trace", lang))
    rows = _Rows(ws, (26, 24, 8, 80, 55))
    keys = ("px_col_unit", "px_col_title", "px_col_points", "px_col_detail", "px_col_trace")
    for cell in rows.add([t(k, lang) for k in keys], font=_BOLD, box=True):
        cell.fill = _HEAD_FILL
    for u in run.units:
        for sub in u.subs:
            details, trace = "\n".join(sub.details), "\n".join(sub.trace)
            title = f"{sub.code}. {sub.title}" if sub.code else sub.title
            rows.add([u.unit, title, sub.points, details, trace], box=True)
    _print_setup(ws, 1, 5)


def _basis_sheet(wb: Workbook, run: IndexRun, lang: Lang) -> None:
    """ "Căn cứ": the scheme, its source, each line's status, and every interpretation made."""
    ws = wb.create_sheet(t("px_sheet_scheme", lang))
    rows = _Rows(ws, (26, 120))
    s = run.scheme
    rows.merged(
        t("px_basis_title", lang), 1, 2, font=Font(name=FONT, size=13, bold=True), align=_CENTER
    )
    lines: list[tuple[str, str]] = [
        (t("px_scheme_label", lang), f"{s.title} ({s.id})"),
        (t("px_scheme_file", lang), s.file),
        (t("source_label", lang), s.source),
        (
            t("px_basis_criterion", lang),
            f"{criterion_text(run, lang)} — {t('px_col_max', lang)} {num(s.max, lang)}",
        ),
    ]
    for sub in s.subs:
        title = f"{sub.code}. {sub.title}" if sub.code else sub.title
        text = f"{title} — {t('px_col_max', lang)} {num(sub.max, lang)}\n{sub.source}"
        text += "\n" + t(f"px_status_{sub.status.lower()}", lang)
        if sub.note:
            text += f"\n{sub.note}"
        lines.append((t("px_basis_sub", lang), text))
    lines += [(t("px_note_label", lang), n) for n in s.notes]
    lines += [(t("px_basis_reading", lang), n) for n in s.interpretations]
    lines += [(t("px_basis_program", lang), t(k, lang)) for k in _PROGRAM_READINGS]
    lines += [(rule, t(rule_key(rule) + "_rule", lang)) for rule in RULES]
    for head, text in lines:
        cells = rows.add([head, text], box=True)
        cells[0].font = _BOLD
    _print_setup(ws, None, 2)


_PROGRAM_READINGS = (
    "px_reading_pairing",
    "px_reading_duplicates",
    "px_reading_matching",
    "px_reading_bands",
    "px_reading_missing_unit",
    "px_reading_review",
)


def _inputs_sheet(wb: Workbook, run: IndexRun, lang: Lang) -> None:
    ws = wb.create_sheet(t("px_sheet_inputs", lang))
    rows = _Rows(ws, (50, 100))
    for cell in rows.add([t("px_col_file", lang), t("px_col_note", lang)], font=_BOLD, box=True):
        cell.fill = _HEAD_FILL
    for x in run.skipped:
        rows.add([x.file, x.reason], box=True)
    for d in run.duplicates:
        rows.add([d.file, d.reason], box=True)
    for name in run.unexpected:
        rows.add([name, t("px_unexpected_title", lang).rstrip(":")], box=True)
    for e in run.errors:
        rows.add([e.file, f"{t('error_prefix', lang)}: {e.error}"], box=True)
    _print_setup(ws, 1, 2)


def _link_root(run: IndexRun, out: Path | None) -> str | None:
    """How to reach the inputs' folder from the workbook's: links to evidence files are relative."""
    if run.base is None:
        return None
    if out is None:
        return ""
    try:
        rel = os.path.relpath(run.base, os.path.abspath(out.parent))
    except ValueError:  # another drive
        return None
    return "" if rel == "." else rel.replace(os.sep, "/")


def render(run: IndexRun, lang: Lang = "vi", out: Path | None = None) -> bytes:
    wb = Workbook()
    used = {
        t(k, lang).lower()
        for k in (
            "px_sheet_main",
            "px_sheet_summary",
            "px_sheet_compliance",
            "px_sheet_trace",
            "px_sheet_scheme",
            "px_sheet_inputs",
        )
    }
    unit_docs = [_unit_docs(u, _sheet_name(n, u.unit, used)) for n, u in enumerate(run.units, 1)]
    _main_sheet(wb, run, lang, unit_docs)
    _summary_sheet(wb, run, lang)
    _basis_sheet(wb, run, lang)
    _compliance_sheet(wb, run, lang)
    _trace_sheet(wb, run, lang)
    _inputs_sheet(wb, run, lang)
    root = _link_root(run, out)
    for u, docs in zip(run.units, unit_docs, strict=True):
        _evidence_sheet(wb, run, u, docs, root, lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
