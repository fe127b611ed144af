"""The store's tables (SQLAlchemy Core). Migrations in `migrations/versions/` create them."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

# One row per distinct plan content (the canonical plan JSON's SHA-256).
plans = sa.Table(
    "plans",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("unit_key", sa.String(400), nullable=False, index=True),
    sa.Column("issuer", sa.String(400)),
    sa.Column("level", sa.String(40)),
    sa.Column("province", sa.String(200)),
    sa.Column("number", sa.String(100)),
    sa.Column("issue_date", sa.String(10)),
    sa.Column("plan_year", sa.Integer, index=True),
    sa.Column("title", sa.Text),
    sa.Column("plan_json", sa.Text),  # the plan as checked, so a later run can re-check it
    sa.Column("first_file", sa.Text),
    sa.Column("recorded_at", sa.String(32), nullable=False),
)

# One row per (plan content, rule-pack version, language): recording it again is a no-op.
checks = sa.Table(
    "checks",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id"), nullable=False),
    sa.Column("rules_version", sa.String(64), nullable=False),
    sa.Column("program_version", sa.String(40), nullable=False),
    sa.Column("engine", sa.String(20), nullable=False),
    sa.Column("lang", sa.String(5), nullable=False),
    sa.Column("file", sa.Text),
    sa.Column("score", sa.Float),
    sa.Column("verdict", sa.String(20), nullable=False),
    sa.Column("checked_at", sa.String(32), nullable=False),
    sa.Column("report_json", sa.Text, nullable=False),
    sa.UniqueConstraint("plan_id", "rules_version", "lang", name="uq_check_plan_rules_lang"),
)

# One row per rule result of a check that was not "not applicable".
results = sa.Table(
    "results",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("check_id", sa.Integer, sa.ForeignKey("checks.id"), nullable=False, index=True),
    sa.Column("rule", sa.String(100), nullable=False, index=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("credit", sa.Float, nullable=False),
    sa.Column("severity", sa.String(20), nullable=False),
    sa.Column("area", sa.String(40), nullable=False),
    sa.Column("pack", sa.String(100), nullable=False),
    sa.Column("message", sa.Text),
    sa.Column("evidence_json", sa.Text),
)
