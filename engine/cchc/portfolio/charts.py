"""Static charts (SVG, and PNG on request) drawn with matplotlib's Agg backend: readable
offline, no script."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator

from cchc.messages import t
from cchc.portfolio.figures import Figures, headline_specs
from cchc.result import VERDICT_LABELS

_VERDICT_COLOURS = {"dat": "#2e7d32", "can_bo_sung": "#f9a825", "khong_dat": "#c62828"}
# Same file for the same figures: no date in the SVG metadata, fixed hash salt for ids.
_SVG_META = {"Date": None, "Creator": None}
matplotlib.rcParams["svg.hashsalt"] = "cchc"


def _save(fig: plt.Figure, fmt: str) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, bbox_inches="tight", metadata=_SVG_META if fmt == "svg" else None)
    plt.close(fig)
    return buf.getvalue()


def headline_trends(fig_data: Figures, lang: str, fmt: str = "svg") -> bytes:
    """Share of plans passing each headline requirement, per year."""
    specs = headline_specs()
    idx = 0 if lang == "vi" else 1
    fig, ax = plt.subplots(figsize=(7, 3.6))
    h = fig_data.headlines
    for name, spec in specs.items():
        rows = h[h["headline"] == name].sort_values("plan_year")
        if rows.empty:
            continue
        label = spec["label"]["vi" if idx == 0 else "en"]
        ax.plot(rows["plan_year"], rows["share"], marker="o", label=label)
    ax.set_ylim(0, 105)
    ax.set_ylabel(t("hist_share_passing", lang))
    ax.set_xticks(fig_data.years)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title(t("hist_chart_headlines", lang))
    return _save(fig, fmt)


def verdicts_by_year(fig_data: Figures, lang: str, fmt: str = "svg") -> bytes:
    """How many units got each verdict, per year (stacked bars)."""
    idx = 0 if lang == "vi" else 1
    fig, ax = plt.subplots(figsize=(7, 3.6))
    bottom = [0] * len(fig_data.years)
    v = fig_data.verdicts
    for code in ("dat", "can_bo_sung", "khong_dat"):
        counts = [int((v[y] == code).sum()) if y in v.columns else 0 for y in fig_data.years]
        ax.bar(
            [str(y) for y in fig_data.years],
            counts,
            bottom=bottom,
            color=_VERDICT_COLOURS[code],
            label=VERDICT_LABELS[code][idx],
        )
        bottom = [a + b for a, b in zip(bottom, counts, strict=True)]
    ax.set_ylabel(t("hist_units", lang))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # units are counted, not measured
    ax.legend(loc="upper left", fontsize=8)
    ax.set_title(t("hist_chart_verdicts", lang))
    return _save(fig, fmt)
