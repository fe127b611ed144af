"""Write the portfolio: portfolio.html (tables and inline SVG charts), portfolio.xlsx (one
sheet per table) and the charts as .svg files beside them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from markupsafe import Markup

from cchc.messages import t
from cchc.portfolio import charts
from cchc.portfolio.figures import Figures, headline_specs
from cchc.render.html import environment, page_globals
from cchc.result import VERDICT_LABELS


def _verdict(code: Any, lang: str) -> str:
    if not isinstance(code, str):
        return ""
    return VERDICT_LABELS[code][0 if lang == "vi" else 1]


def _headline_label(name: str, lang: str) -> str:
    return headline_specs()[name]["label"][lang]


def tables(fig: Figures, lang: str) -> dict[str, pd.DataFrame]:
    """The portfolio's tables with readable headers and labels, as the sheets hold them."""
    verdicts = fig.verdicts.apply(lambda col: col.map(lambda c: _verdict(c, lang)))
    verdicts.columns = [str(c) for c in verdicts.columns]
    verdicts = verdicts.reset_index().rename(columns={"unit": t("hist_col_unit", lang)})
    scores = fig.scores.copy()
    scores.columns = [str(c) for c in scores.columns]
    scores = scores.reset_index().rename(columns={"unit": t("hist_col_unit", lang)})
    top = fig.top_failed.rename(
        columns={
            "plan_year": t("hist_col_year", lang),
            "rule": t("hist_col_rule", lang),
            "plans": t("hist_col_plans", lang),
            "share": t("hist_col_share", lang),
        }
    )
    heads = fig.headlines.assign(
        headline=fig.headlines["headline"].map(lambda n: _headline_label(n, lang))
    ).rename(
        columns={
            "plan_year": t("hist_col_year", lang),
            "headline": t("hist_col_headline", lang),
            "checked": t("hist_col_checked", lang),
            "passing": t("hist_col_passing", lang),
            "share": t("hist_col_share", lang),
        }
    )
    reg = fig.regressions.assign(
        verdict_before=fig.regressions["verdict_before"].map(lambda c: _verdict(c, lang)),
        verdict_after=fig.regressions["verdict_after"].map(lambda c: _verdict(c, lang)),
    ).rename(
        columns={
            "unit": t("hist_col_unit", lang),
            "year": t("hist_col_year", lang),
            "verdict_before": t("hist_col_verdict_before", lang),
            "verdict_after": t("hist_col_verdict_after", lang),
            "score_before": t("hist_col_score_before", lang),
            "score_after": t("hist_col_score_after", lang),
        }
    )
    return {
        t("hist_sheet_verdicts", lang): verdicts,
        t("hist_sheet_scores", lang): scores,
        t("hist_sheet_top_failed", lang): top,
        t("hist_sheet_headlines", lang): heads,
        t("hist_sheet_regressions", lang): reg,
    }


def write(fig: Figures, outdir: Path, lang: str) -> list[Path]:
    """Write every output into `outdir`; returns the files written."""
    outdir.mkdir(parents=True, exist_ok=True)
    sheets = tables(fig, lang)
    xlsx = outdir / "portfolio.xlsx"
    with pd.ExcelWriter(xlsx, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name[:31], index=False)
            writer.sheets[name[:31]].freeze_panes = "B2"
    svgs = {
        "headlines.svg": charts.headline_trends(fig, lang),
        "verdicts.svg": charts.verdicts_by_year(fig, lang),
    }
    for name, data in svgs.items():
        (outdir / name).write_bytes(data)
    html = (
        environment()
        .get_template("portfolio.html.j2")
        .render(
            **page_globals(lang),
            charts=[Markup(_inline(data)) for data in svgs.values()],
            tables=[
                {"title": title, "columns": list(frame.columns), "rows": frame.values.tolist()}
                for title, frame in sheets.items()
            ],
            years=fig.years,
        )
    )
    (outdir / "portfolio.html").write_text(html, encoding="utf-8")
    return [outdir / "portfolio.html", xlsx, *(outdir / n for n in svgs)]


def _inline(svg: bytes) -> str:
    """An SVG file's markup without its XML prologue, to sit inside the HTML page."""
    text = svg.decode("utf-8")
    return text[text.index("<svg") :]
