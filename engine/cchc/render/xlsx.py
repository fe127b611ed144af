"""`--format xlsx`: a workbook with sheets summary (plans × areas), gaps, rules and errors.

The rules sheet counts each rule's results over the plans (which requirements are missed
most); the result of every (plan, rule) pair is in the CSV output, which has no row limit.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from cchc.messages import t
from cchc.render import rows
from cchc.render.xlsx_book import XlsxBook
from cchc.result import CheckRun, InputFailure


def render(run: CheckRun, lang: str = "vi") -> bytes:
    areas = rows.plan_areas(run.plans)
    book = XlsxBook(lang)
    summary = book.sheet(t("sheet_summary", lang), rows.summary_columns(lang, areas))
    gaps = book.sheet(t("sheet_gaps", lang), rows.gap_columns(lang))
    rules = book.sheet(t("sheet_rules", lang), rows.rule_tally_columns(lang))
    errors = book.sheet(t("sheet_errors", lang), rows.error_columns(lang))
    tally = rows.RuleTally()
    for item in rows.by_file(run):
        if isinstance(item, InputFailure):
            summary.add(rows.summary_error_row(item, lang, areas))
            errors.add(rows.error_row(item))
            continue
        summary.add(rows.summary_row(item, lang, areas))
        for row in rows.gap_rows(item, lang):
            gaps.add(row)
        tally.add(item, lang)
    for row in tally.rows():
        rules.add(row)
    fd, scratch = tempfile.mkstemp(suffix=".xlsx")
    os.close(fd)
    buf = io.BytesIO()
    book.save(buf, Path(scratch))
    return buf.getvalue()
