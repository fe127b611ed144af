"""Totals, averages, ranking and band counts of a PAR-index run, computed with pandas.

Imported only by the workbook renderer (`cchc index --out x.xlsx`), so that pandas is loaded by
that command alone and never by `cchc-check`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc.messages import Lang, t
from cchc.parindex.result import IndexRun


@dataclass
class Summary:
    columns: list[str]  # the sub-criteria, then the total
    rows: list[dict] = field(default_factory=list)  # unit, points per column, rank
    totals: dict[str, float] = field(default_factory=dict)
    means: dict[str, float] = field(default_factory=dict)
    bands: list[tuple[str, str, int]] = field(default_factory=list)  # sub, band, units


def sub_label(code: str, title: str) -> str:
    return f"{code}. {title}" if code else title


def summarise(run: IndexRun, lang: Lang = "vi") -> Summary:
    import pandas as pd  # lazily: only `cchc index` pays for it

    subs = [sub_label(s.code, s.title) for s in run.scheme.subs]
    total_col = t("px_col_total", lang)
    columns = [*subs, total_col]
    records = []
    for u in run.units:
        rec = {"unit": u.unit, "status": t(f"px_pairing_{u.pairing.value}", lang)}
        rec.update({c: s.points for c, s in zip(subs, u.subs, strict=True)})
        rec[total_col] = u.total
        records.append(rec)
    frame = pd.DataFrame.from_records(records, columns=["unit", "status", *columns])
    if frame.empty:
        return Summary(columns)
    # Equal totals share a rank (1, 2, 2, 4), as rankings are published.
    frame["rank"] = frame[total_col].rank(method="min", ascending=False).astype(int)
    out = Summary(
        columns,
        rows=frame.to_dict("records"),
        totals={c: round(float(frame[c].sum()), 2) for c in columns},
        means={c: round(float(frame[c].mean()), 2) for c in columns},
    )
    unscored = t("px_band_unscored", lang)
    for info, sub_col in zip(run.scheme.subs, subs, strict=True):
        if not info.bands:
            continue
        k = run.scheme.subs.index(info)
        bands = pd.Series([u.subs[k].band or unscored for u in run.units])
        counts = bands.value_counts()
        for band in [*info.bands, unscored]:
            out.bands.append((sub_col, band, int(counts.get(band, 0))))
    return out
