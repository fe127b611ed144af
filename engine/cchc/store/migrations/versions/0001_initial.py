"""The first store: plans, checks, results.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("unit_key", sa.String(400), nullable=False),
        sa.Column("issuer", sa.String(400)),
        sa.Column("level", sa.String(40)),
        sa.Column("province", sa.String(200)),
        sa.Column("number", sa.String(100)),
        sa.Column("issue_date", sa.String(10)),
        sa.Column("plan_year", sa.Integer),
        sa.Column("title", sa.Text),
        sa.Column("plan_json", sa.Text),
        sa.Column("first_file", sa.Text),
        sa.Column("recorded_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_plans_unit_key", "plans", ["unit_key"])
    op.create_index("ix_plans_plan_year", "plans", ["plan_year"])
    op.create_table(
        "checks",
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
    op.create_table(
        "results",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("check_id", sa.Integer, sa.ForeignKey("checks.id"), nullable=False),
        sa.Column("rule", sa.String(100), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("credit", sa.Float, nullable=False),
        sa.Column("severity", sa.String(20), nullable=False),
        sa.Column("area", sa.String(40), nullable=False),
        sa.Column("pack", sa.String(100), nullable=False),
        sa.Column("message", sa.Text),
        sa.Column("evidence_json", sa.Text),
    )
    op.create_index("ix_results_check_id", "results", ["check_id"])
    op.create_index("ix_results_rule", "results", ["rule"])


def downgrade() -> None:
    op.drop_table("results")
    op.drop_table("checks")
    op.drop_table("plans")
