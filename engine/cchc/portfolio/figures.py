"""The portfolio's figures, each a pandas table: verdicts per unit and year, the most failed
requirements per year, the headline requirements' trends, and the units that regressed."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

import pandas as pd

from cchc.paths import data_dir
from cchc.portfolio.data import Frames
from cchc.yamlsafe import read_yaml

GAP_STATUSES = ("fail", "partial")
# A verdict's rank: a lower rank the next year is a regression.
VERDICT_RANK = {"khong_dat": 0, "can_bo_sung": 1, "dat": 2}


@dataclass
class Figures:
    verdicts: pd.DataFrame  # unit × year → verdict code
    scores: pd.DataFrame  # unit × year → score
    top_failed: pd.DataFrame  # year, rule, plans failing it, share of the year's plans
    headlines: pd.DataFrame  # year, headline, plans checked, plans passing, share passing
    regressions: pd.DataFrame  # unit, year, verdict before → after, score before → after
    years: list[int]


def headline_specs() -> dict[str, Any]:
    return read_yaml(data_dir("rules") / "data" / "headline.yaml").data


def headline_of(rule: str, area: str, specs: dict[str, Any]) -> str | None:
    for name, spec in specs.items():
        if area in spec.get("areas", []) or any(fnmatchcase(rule, p) for p in spec["rules"]):
            return name
    return None


def _unit_label(frame: pd.DataFrame) -> pd.Series:
    return frame["issuer"].fillna(frame["unit_key"])


def compute(frames: Frames, top: int = 10) -> Figures:
    p = frames.plans.copy()
    p["unit"] = _unit_label(p)
    years = sorted(int(y) for y in p["plan_year"].unique())
    verdicts = p.pivot_table(index="unit", columns="plan_year", values="verdict", aggfunc="last")
    scores = p.pivot_table(index="unit", columns="plan_year", values="score", aggfunc="last")

    res = frames.results
    plans_per_year = p.groupby("plan_year").size()
    failed = res[res["status"].isin(GAP_STATUSES) & (res["severity"] != "advisory")]
    counts = failed.groupby(["plan_year", "rule"]).size().rename("plans").reset_index()
    counts["share"] = (
        counts.apply(
            lambda r: round(100.0 * r["plans"] / plans_per_year[r["plan_year"]], 1), axis=1
        )
        if not counts.empty
        else pd.Series(dtype=float)
    )
    top_failed = (
        counts.sort_values(["plan_year", "plans", "rule"], ascending=[True, False, True])
        .groupby("plan_year")
        .head(top)
        .reset_index(drop=True)
    )

    specs = headline_specs()
    scored = res[res["status"].isin(("pass", *GAP_STATUSES))].copy()
    scored["headline"] = [
        headline_of(r, a, specs) for r, a in zip(scored["rule"], scored["area"], strict=True)
    ]
    scored = scored.dropna(subset=["headline"])
    # A plan passes a headline when every rule of it that was judged passed.
    per_plan = (
        scored.assign(ok=scored["status"] == "pass")
        .groupby(["plan_year", "headline", "check_id"])["ok"]
        .all()
        .reset_index()
    )
    headlines = (
        per_plan.groupby(["plan_year", "headline"])["ok"]
        .agg(checked="size", passing="sum")
        .reset_index()
    )
    headlines["passing"] = headlines["passing"].astype(int)
    headlines["share"] = (100.0 * headlines["passing"] / headlines["checked"]).round(1)

    regressions = []
    for unit, group in p.sort_values("plan_year").groupby("unit"):
        rows = group.to_dict("records")
        for before, after in itertools.pairwise(rows):
            if VERDICT_RANK[after["verdict"]] < VERDICT_RANK[before["verdict"]]:
                regressions.append(
                    {
                        "unit": unit,
                        "year": int(after["plan_year"]),
                        "verdict_before": before["verdict"],
                        "verdict_after": after["verdict"],
                        "score_before": before["score"],
                        "score_after": after["score"],
                    }
                )
    reg = pd.DataFrame(
        regressions,
        columns=["unit", "year", "verdict_before", "verdict_after", "score_before", "score_after"],
    )
    return Figures(verdicts, scores, top_failed, headlines, reg, years)
