"""`--format xlsx`: the self-assessment sheet a Home Affairs office hands in, plus its trace.

Sheet 1 is the index's own layout (unit, sub-criterion, maximum, points, evidence, note);
sheet 2 traces every point to scheme lines, plan items and report items; sheet 3 is the
scheme and its source; sheet 4 lists inputs left out of the index and unreadable files.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cchc.messages import Lang, t
from cchc.parindex.result import IndexRun
from cchc.parindex.sheet_rows import columns, heading, sheet_rows

_WRAP = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)
_UNIT_FILL = PatternFill("solid", fgColor="DDEBF7")
_WIDTHS = (6, 28, 8, 40, 10, 10, 60, 60, 18)


class _Rows:
    """Appends rows to a sheet, counting them: `ws.max_row` scans every cell (quadratic)."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.n = 0

    def add(
        self, values: list, *, font: Font | None = None, wrap: bool = False
    ) -> tuple[Cell, ...]:
        """Append a row; text that starts with '=' stays text (a unit name is never a formula)."""
        self.ws.append(values)
        self.n += 1
        cells = tuple(self.ws.cell(self.n, col) for col in range(1, len(values) + 1))
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
            if font is not None:
                cell.font = font
            if wrap:
                cell.alignment = _WRAP
        return cells


def _widths(ws: Worksheet, widths: tuple[int, ...]) -> None:
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width


def _main_sheet(wb: Workbook, run: IndexRun, lang: Lang) -> None:
    ws = wb.active
    ws.title = t("px_sheet_main", lang)
    rows = _Rows(ws)
    s = run.scheme
    rows.add([heading(run, lang)], font=Font(bold=True, size=13))
    rows.add([f"{t('px_scheme_label', lang)}: {s.title}"])
    rows.add([f"{t('source_label', lang)}: {s.source}"])
    rows.add([])
    rows.add(columns(lang), font=_BOLD, wrap=True)
    header_row = rows.n
    for row in sheet_rows(run, lang):
        values = [row.no, row.unit, row.code, row.title, row.max, row.points]
        values += [row.evidence, row.note, row.compliance]
        cells = rows.add(values, font=_BOLD if row.is_unit else None, wrap=True)
        if row.is_unit:
            for cell in cells:
                cell.fill = _UNIT_FILL
        for cell in cells[4:6]:
            cell.number_format = "0.00"
    _widths(ws, _WIDTHS)
    ws.freeze_panes = ws.cell(header_row + 1, 3)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(_WIDTHS))}{rows.n}"


def _trace_sheet(wb: Workbook, run: IndexRun, lang: Lang) -> None:
    ws = wb.create_sheet(t("px_sheet_trace", lang))
    rows = _Rows(ws)
    keys = ("px_col_unit", "px_col_code", "px_col_points", "px_col_detail", "px_col_trace")
    rows.add([t(k, lang) for k in keys], font=_BOLD)
    for u in run.units:
        for sub in u.subs:
            details, trace = "\n".join(sub.details), "\n".join(sub.trace)
            rows.add([u.unit, sub.code, sub.points, details, trace], wrap=True)
    _widths(ws, (28, 8, 8, 90, 70))


def _scheme_sheet(wb: Workbook, run: IndexRun, lang: Lang) -> None:
    ws = wb.create_sheet(t("px_sheet_scheme", lang))
    rows = _Rows(ws)
    s = run.scheme
    lines = [
        (t("px_scheme_label", lang), f"{s.title} ({s.id})"),
        (t("px_scheme_file", lang), s.file),
        (t("source_label", lang), s.source),
        (t("px_col_max", lang), s.max),
        *((t("px_note_label", lang), n) for n in s.notes),
    ]
    for line in lines:
        cells = rows.add(list(line), wrap=True)
        cells[0].font = _BOLD
    _widths(ws, (20, 120))


def _inputs_sheet(wb: Workbook, run: IndexRun, lang: Lang) -> None:
    ws = wb.create_sheet(t("px_sheet_inputs", lang))
    rows = _Rows(ws)
    rows.add([t("px_col_file", lang), t("px_col_note", lang)], font=_BOLD)
    for x in run.skipped:
        rows.add([x.file, x.reason])
    for e in run.errors:
        rows.add([e.file, f"{t('error_prefix', lang)}: {e.error}"])
    _widths(ws, (60, 90))


def render(run: IndexRun, lang: Lang = "vi", out: object = None) -> bytes:
    wb = Workbook()
    _main_sheet(wb, run, lang)
    _trace_sheet(wb, run, lang)
    _scheme_sheet(wb, run, lang)
    _inputs_sheet(wb, run, lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
