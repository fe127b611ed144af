"""The list of units expected to submit (`cchc index --units FILE`, CSV or XLSX).

One row per unit. Columns are found by their header, without case or diacritics: the name
("Tên đơn vị", "Đơn vị", "name", "unit") is required; "Xã/phường" ("commune"), "Huyện"
("district"), "Tỉnh" ("province") and "Cấp" ("level") are optional and, when given, decide
identity before the name does (`units`).
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from cchc.loader import InputError, decode, read_bytes
from cchc.parindex.units import UnitId, fold, unit_id

MAX_UNITS = 20_000  # a province has about 10,000 communes at most; more is not a unit list

HEADERS = {
    "name": ("ten don vi", "don vi", "ten", "name", "unit", "unit name", "co quan", "ten co quan"),
    "commune": ("xa", "xa/phuong", "xa, phuong", "phuong", "commune"),
    "district": ("huyen", "quan/huyen", "huyen/thi xa/thanh pho", "district"),
    "province": ("tinh", "tinh/thanh pho", "province"),
    "level": ("cap", "level"),
}


@dataclass
class ExpectedUnit:
    name: str
    commune: str | None = None
    district: str | None = None
    province: str | None = None
    level: str | None = None
    row: int = 0

    @cached_property
    def id(self) -> UnitId:
        return unit_id(
            self.name, commune=self.commune, district=self.district, province=self.province
        )


def _rows(path: Path) -> list[list[str]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        data = read_bytes(path)
        try:
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:  # openpyxl raises many types for a broken file
            raise InputError.one(path, "px_units_unreadable") from None
        ws = wb.worksheets[0]
        rows = []
        for values in ws.iter_rows(values_only=True):
            rows.append(["" if v is None else str(v).strip() for v in values])
            if len(rows) > MAX_UNITS + 1:
                raise InputError.one(path, "px_units_too_many", limit=MAX_UNITS)
        wb.close()
        return rows
    if path.suffix.lower() != ".csv":
        read_bytes(path)  # a missing file is reported as such first
        raise InputError.one(path, "px_units_type", suffix=path.suffix or "(none)")
    text = decode(read_bytes(path), path)
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    rows = [[c.strip() for c in r] for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    if len(rows) > MAX_UNITS + 1:
        raise InputError.one(path, "px_units_too_many", limit=MAX_UNITS)
    return rows


def load_expected(path: str | os.PathLike[str]) -> list[ExpectedUnit]:
    """Read the expected units. Raises `InputError` naming the file and the column or row."""
    p = Path(path)
    rows = [r for r in _rows(p) if any(r)]
    if not rows:
        raise InputError.one(p, "file_empty")
    header = [fold(h) for h in rows[0]]
    columns: dict[str, int] = {}
    for key, names in HEADERS.items():
        for i, h in enumerate(header):
            if h in names and key not in columns:
                columns[key] = i
    if "name" not in columns:
        raise InputError.one(p, "px_units_no_name", found=", ".join(rows[0]) or "—")
    out: list[ExpectedUnit] = []
    for n, row in enumerate(rows[1:], 2):

        def cell(key: str, row: list[str] = row) -> str | None:
            i = columns.get(key)
            return (row[i] or None) if i is not None and i < len(row) else None

        name = cell("name")
        if not name:
            raise InputError.one(p, "px_units_blank_name", path=f"row {n}")
        out.append(
            ExpectedUnit(
                name=name,
                commune=cell("commune"),
                district=cell("district"),
                province=cell("province"),
                level=cell("level"),
                row=n,
            )
        )
    buckets: dict[str | None, list[ExpectedUnit]] = {}
    for b in out:  # compared within a bucket only: a long list stays linear
        bucket = buckets.setdefault(b.id.key, [])
        a = next((a for a in bucket if a.id.same(b.id) is True), None)
        if a is not None:
            raise InputError.one(p, "px_units_twice", path=f"row {b.row}", name=b.name, row=a.row)
        bucket.append(b)
    return out
