"""`--format xlsx`: the self-assessment sheet a Home Affairs office hands in, plus its trace.

Sheet 1 is the index's own layout (unit, sub-criterion, maximum, points, evidence, note);
sheet 2 traces every point to scheme lines, plan items and report items; sheet 3 is the
scheme and its source; sheet 4 lists inputs left out of the index and unreadable files.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from cchc.messages import Lang, t
from cchc.parindex.result import IndexRun
from cchc.parindex.sheet_rows import columns, sheet_rows

_WRAP = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)
_UNIT_FILL = PatternFill("solid", fgColor="DDEBF7")
_WIDTHS = (6, 28, 8, 40, 10, 10, 60, 60, 18)


def _append(ws, values: list) -> None:
    """Append a row; text that starts with '=' stays text (a unit name is never a formula)."""
    ws.append(values)
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def _main_sheet(wb: Workbook, run: IndexRun, lang: Lang) -> None:
    ws = wb.active
    ws.title = t("px_sheet_main", lang)
    s = run.scheme
    _append(
        ws, [t("px_heading", lang, year=run.year, code=s.criterion_code, title=s.criterion_title)]
    )
    ws["A1"].font = Font(bold=True, size=13)
    _append(ws, [f"{t('px_scheme_label', lang)}: {s.title}"])
    _append(ws, [f"{t('source_label', lang)}: {s.source}"])
    _append(ws, [])
    _append(ws, columns(lang))
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = _BOLD
        cell.alignment = _WRAP
    for row in sheet_rows(run, lang):
        _append(
            ws,
            [
                row.no,
                row.unit,
                row.code,
                row.title,
                row.max,
                row.points,
                row.evidence,
                row.note,
                row.compliance,
            ],
        )
        for cell in ws[ws.max_row]:
            cell.alignment = _WRAP
            if row.is_unit:
                cell.font = _BOLD
                cell.fill = _UNIT_FILL
        for col in (5, 6):
            ws.cell(ws.max_row, col).number_format = "0.00"
    for i, width in enumerate(_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = ws.cell(header_row + 1, 3)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(_WIDTHS))}{ws.max_row}"


def _trace_sheet(wb: Workbook, run: IndexRun, lang: Lang) -> None:
    ws = wb.create_sheet(t("px_sheet_trace", lang))
    _append(
        ws,
        [
            t("px_col_unit", lang),
            t("px_col_code", lang),
            t("px_col_points", lang),
            t("px_col_detail", lang),
            t("px_col_trace", lang),
        ],
    )
    for cell in ws[1]:
        cell.font = _BOLD
    for u in run.units:
        for sub in u.subs:
            _append(
                ws, [u.unit, sub.code, sub.points, "\n".join(sub.details), "\n".join(sub.trace)]
            )
            for cell in ws[ws.max_row]:
                cell.alignment = _WRAP
    for i, width in enumerate((28, 8, 8, 90, 70), 1):
        ws.column_dimensions[get_column_letter(i)].width = width


def _scheme_sheet(wb: Workbook, run: IndexRun, lang: Lang) -> None:
    ws = wb.create_sheet(t("px_sheet_scheme", lang))
    s = run.scheme
    rows = [
        (t("px_scheme_label", lang), f"{s.title} ({s.id})"),
        (t("px_scheme_file", lang), s.file),
        (t("source_label", lang), s.source),
        (t("px_col_max", lang), s.max),
        *((t("px_note_label", lang), n) for n in s.notes),
    ]
    for row in rows:
        _append(ws, list(row))
        ws.cell(ws.max_row, 1).font = _BOLD
        ws.cell(ws.max_row, 2).alignment = _WRAP
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 120


def _inputs_sheet(wb: Workbook, run: IndexRun, lang: Lang) -> None:
    ws = wb.create_sheet(t("px_sheet_inputs", lang))
    _append(ws, [t("px_col_file", lang), t("px_col_note", lang)])
    for cell in ws[1]:
        cell.font = _BOLD
    for x in run.skipped:
        _append(ws, [x.file, x.reason])
    for e in run.errors:
        _append(ws, [e.file, f"{t('error_prefix', lang)}: {e.error}"])
    ws.column_dimensions["A"].width = 60
    ws.column_dimensions["B"].width = 90


def render(run: IndexRun, lang: Lang = "vi") -> bytes:
    wb = Workbook()
    _main_sheet(wb, run, lang)
    _trace_sheet(wb, run, lang)
    _scheme_sheet(wb, run, lang)
    _inputs_sheet(wb, run, lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
