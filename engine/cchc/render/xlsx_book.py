"""A streaming XLSX writer: sheets are written row by row and never held in memory.

openpyxl's write-only mode streams each sheet to a temporary file, so a batch of thousands of
plans (hundreds of thousands of rule rows) keeps flat memory. Each sheet gets a bold frozen
header, an autofilter and column widths. The archive is then rewritten with fixed timestamps
so that the same results give the same bytes.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from cchc.messages import Lang, t
from cchc.render.rows import Cell, Column

MAX_ROWS = 1_048_576  # Excel's limit per sheet, header included
FIXED_TIME = "2000-01-01T00:00:00Z"  # written instead of "now" unless a time is asked for
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CORE_TIMES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


class Sheet:
    """One worksheet: header first, then `add` rows; past Excel's limit a note replaces them."""

    def __init__(self, ws: WriteOnlyWorksheet, columns: Sequence[Column], lang: Lang) -> None:
        self._ws = ws
        self._columns = list(columns)
        self._lang = lang
        self._rows = 1
        self._dropped = 0
        for i, col in enumerate(self._columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = col.width
        ws.freeze_panes = "A2"
        header = []
        for col in self._columns:
            cell = WriteOnlyCell(ws, value=_clean(col.header))
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDE5F0")
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            header.append(cell)
        ws.append(header)

    def add(self, row: Sequence[Cell]) -> None:
        if self._rows >= MAX_ROWS - 1:
            self._dropped += 1
            return
        self._ws.append(
            [
                self._date(v) if col.kind == "date" else self._value(v)
                for col, v in zip(self._columns, row, strict=False)
            ]
        )
        self._rows += 1

    def _date(self, value: Cell) -> object:
        """An ISO date as an Excel date (sortable, filterable), shown dd/mm/yyyy."""
        if not isinstance(value, str):
            return value
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return self._value(value)
        cell = WriteOnlyCell(self._ws, value=day)
        cell.number_format = "dd/mm/yyyy"
        return cell

    def _value(self, value: Cell) -> object:
        if not isinstance(value, str):
            return value
        value = _clean(value)
        if value.startswith("="):
            # openpyxl would store it as a formula; plan text is never a formula.
            cell = WriteOnlyCell(self._ws, value=value)
            cell.data_type = "s"
            return cell
        return value

    def close(self) -> None:
        if self._dropped:
            note = t("sheet_truncated", self._lang, n=self._dropped, max=MAX_ROWS)
            self._ws.append([note])
        last = get_column_letter(max(1, len(self._columns)))
        self._ws.auto_filter.ref = f"A1:{last}{self._rows}"


def _clean(text: str) -> str:
    """XML cannot hold most control characters; a plan pasted from Word may contain them."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


class XlsxBook:
    """Open sheets with `sheet`, fill them, then `save` to a path or a binary stream."""

    def __init__(self, lang: Lang = "vi", generated: datetime | None = None) -> None:
        self._wb = Workbook(write_only=True)
        self._wb.properties.creator = "cchc-check"
        self._lang = lang
        self._generated = generated
        self._sheets: list[Sheet] = []

    def sheet(self, title: str, columns: Sequence[Column]) -> Sheet:
        sheet = Sheet(self._wb.create_sheet(title[:31]), columns, self._lang)
        self._sheets.append(sheet)
        return sheet

    def save(self, target: Path | IO[bytes], scratch: Path) -> None:
        """Write the workbook; `scratch` is a temporary file path openpyxl's archive goes to."""
        for sheet in self._sheets:
            sheet.close()
        self._wb.save(str(scratch))
        stamp = (
            self._generated.strftime("%Y-%m-%dT%H:%M:%SZ") if self._generated else FIXED_TIME
        ).encode()
        try:
            _normalise_zip(scratch, target, stamp)
        finally:
            scratch.unlink(missing_ok=True)


def _normalise_zip(src: Path, target: Path | IO[bytes], stamp: bytes) -> None:
    """Copy the archive entry by entry with fixed entry times and document times."""
    with (
        zipfile.ZipFile(src) as zin,
        zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            out = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            out.compress_type = zipfile.ZIP_DEFLATED
            out.external_attr = 0o600 << 16
            if info.filename == "docProps/core.xml":
                data = _CORE_TIMES.sub(rb"\g<1>" + stamp + rb"\g<3>", zin.read(info))
                zout.writestr(out, data)
                continue
            with zin.open(info) as src_fh, zout.open(out, "w") as dst_fh:
                shutil.copyfileobj(src_fh, dst_fh, 1 << 20)
