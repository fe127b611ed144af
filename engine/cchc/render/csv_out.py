"""`--format csv`: one row per (plan, rule) result, and one per unreadable file.

UTF-8 with a byte-order mark, so that Excel shows Vietnamese correctly when the file is
opened with a double click; RFC 4180 quoting and line ends. A text cell that a spreadsheet
would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import IO

from cchc.messages import Lang
from cchc.render import rows
from cchc.result import CheckRun, InputFailure

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: rows.Cell) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class CsvSink:
    """A CSV table written row by row to a text stream (the batch streams into files)."""

    def __init__(self, stream: IO[str], columns: Sequence[rows.Column]) -> None:
        stream.write(BOM)
        self._writer = csv.writer(stream, lineterminator="\r\n")
        self._writer.writerow([c.header for c in columns])

    def add(self, row: Sequence[rows.Cell]) -> None:
        self._writer.writerow([_cell(v) for v in row])

    def add_all(self, table: Iterable[Sequence[rows.Cell]]) -> None:
        for row in table:
            self.add(row)


def result_columns(lang: Lang) -> list[rows.Column]:
    """The per-rule columns, with the error of an unreadable file last."""
    return [*rows.rule_columns(lang), rows.error_columns(lang)[-1]]


def result_error_row(failure: InputFailure, lang: Lang) -> list[rows.Cell]:
    width = len(rows.rule_columns(lang))
    return [failure.file, *([None] * (width - 1)), rows.error_text(failure)]


def render(run: CheckRun, lang: str = "vi") -> bytes:
    buf = io.StringIO()
    sink = CsvSink(buf, result_columns(lang))
    for item in rows.by_file(run):
        if isinstance(item, InputFailure):
            sink.add(result_error_row(item, lang))
        else:
            sink.add_all([*row, None] for row in rows.rule_rows(item, lang))
    return buf.getvalue().encode("utf-8")


def render_summary(run: CheckRun, lang: str = "vi") -> bytes:
    """One row per input file: score, verdict, gap counts and the score of every area."""
    areas = rows.plan_areas(run.plans)
    buf = io.StringIO()
    sink = CsvSink(buf, rows.summary_columns(lang, areas))
    for item in rows.by_file(run):
        if isinstance(item, InputFailure):
            sink.add(rows.summary_error_row(item, lang, areas))
        else:
            sink.add(rows.summary_row(item, lang, areas))
    return buf.getvalue().encode("utf-8")
