"""The store read into pandas: the latest version of each unit's plan for each year, and its
rule results."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from cchc.store import Store
from cchc.store.tables import checks, plans, results


@dataclass
class Frames:
    plans: pd.DataFrame  # one row per (unit, year): the latest version checked
    results: pd.DataFrame  # rule results of those checks (not-applicable rows are not stored)


def load(store: Store, province: str | None = None, lang: str = "vi") -> Frames:
    """Read the store. A unit's year is represented by the last plan version recorded for it,
    judged by its last check in `lang`."""
    query = (
        sa.select(
            plans.c.id.label("plan_id"),
            plans.c.unit_key,
            plans.c.issuer,
            plans.c.level,
            plans.c.province,
            plans.c.plan_year,
            plans.c.number,
            plans.c.issue_date,
            checks.c.id.label("check_id"),
            checks.c.score,
            checks.c.verdict,
            checks.c.file,
        )
        .join(checks, checks.c.plan_id == plans.c.id)
        .where(checks.c.lang == lang, plans.c.plan_year.is_not(None))
    )
    with store.engine.connect() as conn:
        rows = pd.read_sql(query, conn)
        if province:
            folded = province.casefold().strip()
            rows = rows[rows["province"].fillna("").str.casefold().str.strip() == folded]
        rows = rows.sort_values(["plan_id", "check_id"])
        latest = rows.groupby(["unit_key", "plan_year"], as_index=False).tail(1)
        latest = latest.sort_values(["unit_key", "plan_year"]).reset_index(drop=True)
        ids = [int(x) for x in latest["check_id"]]
        if ids:
            res = pd.read_sql(
                sa.select(
                    results.c.check_id,
                    results.c.rule,
                    results.c.status,
                    results.c.credit,
                    results.c.severity,
                    results.c.area,
                ).where(results.c.check_id.in_(ids)),
                conn,
            )
        else:
            res = pd.DataFrame(columns=["check_id", "rule", "status", "credit", "severity", "area"])
    res = res.merge(latest[["check_id", "unit_key", "plan_year"]], on="check_id")
    return Frames(plans=latest, results=res)
