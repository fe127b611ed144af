"""Open a store, keep its schema current, record checks and read them back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from cchc.model import Plan
from cchc.result import PlanReport, Status
from cchc.store import identity
from cchc.store.tables import checks, plans, results

_MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StoreError(Exception):
    """The store cannot be opened or written: one sentence, the CLI exits with code 2."""


def url_of(target: str) -> str:
    """`--db` takes a SQLAlchemy URL or a path to a SQLite file."""
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser().resolve()}"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class Recorded:
    plan_id: int
    check_id: int
    new: bool  # False when this content was already recorded under these rules


@dataclass
class StoredCheck:
    """One recorded check: the report as it was produced, and the plan it was made on."""

    check_id: int
    content_hash: str
    rules_version: str
    checked_at: str
    report: PlanReport
    plan: Plan | None


class Store:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    # --- schema -----------------------------------------------------------------------------

    def migrate(self) -> None:
        """Bring the schema to the newest migration (creates it in an empty database)."""
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(_MIGRATIONS))
        with self.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    # --- writing ----------------------------------------------------------------------------

    def record(
        self,
        plan: Plan,
        report: PlanReport,
        *,
        rules_version: str,
        program_version: str,
        lang: str,
    ) -> Recorded:
        """Record one checked plan. The same content under the same rules and language is
        recorded once: recording it again returns the existing rows."""
        digest = identity.content_hash(plan)
        with self.engine.begin() as conn:
            plan_id = conn.execute(
                sa.select(plans.c.id).where(plans.c.content_hash == digest)
            ).scalar()
            if plan_id is None:
                plan_id = conn.execute(
                    plans.insert().values(
                        content_hash=digest,
                        unit_key=identity.unit_key(plan),
                        issuer=plan.issuer.name,
                        level=str(plan.issuer.level) if plan.issuer.level else None,
                        province=plan.issuer.province,
                        number=plan.document.number,
                        issue_date=(
                            plan.document.issue_date.isoformat()
                            if plan.document.issue_date
                            else None
                        ),
                        plan_year=identity.plan_year(plan),
                        title=plan.document.title,
                        plan_json=plan.model_dump_json(exclude_none=True),
                        first_file=report.file,
                        recorded_at=_now(),
                    )
                ).inserted_primary_key[0]
            check_id = conn.execute(
                sa.select(checks.c.id).where(
                    checks.c.plan_id == plan_id,
                    checks.c.rules_version == rules_version,
                    checks.c.lang == lang,
                )
            ).scalar()
            if check_id is not None:
                return Recorded(plan_id, check_id, new=False)
            check_id = conn.execute(
                checks.insert().values(
                    plan_id=plan_id,
                    rules_version=rules_version,
                    program_version=program_version,
                    engine=report.engine,
                    lang=lang,
                    file=report.file,
                    score=report.score,
                    verdict=str(report.verdict),
                    checked_at=_now(),
                    report_json=report.model_dump_json(),
                )
            ).inserted_primary_key[0]
            rows = [
                {
                    "check_id": check_id,
                    "rule": r.rule,
                    "status": str(r.status),
                    "credit": r.credit,
                    "severity": str(r.severity),
                    "area": r.area,
                    "pack": r.pack,
                    "message": r.message,
                    "evidence_json": orjson.dumps(
                        [e if isinstance(e, str) else _jsonable(e) for e in r.evidence]
                    ).decode(),
                }
                for r in report.results
                if r.status != Status.not_applicable
            ]
            if rows:
                conn.execute(results.insert(), rows)
        return Recorded(plan_id, check_id, new=True)

    # --- reading ----------------------------------------------------------------------------

    def _one(self, query: sa.Select[Any]) -> StoredCheck | None:
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return _row_check(row) if row is not None else None

    def previous(self, plan: Plan, lang: str) -> StoredCheck | None:
        """The latest recorded check of another version of the same unit's plan for the same
        year: what a re-submission is compared with."""
        digest = identity.content_hash(plan)
        year = identity.plan_year(plan)
        query = (
            _stored_checks()
            .where(
                plans.c.unit_key == identity.unit_key(plan),
                plans.c.content_hash != digest,
                checks.c.lang == lang,
            )
            .order_by(checks.c.id.desc())
            .limit(1)
        )
        if year is not None:
            query = query.where(plans.c.plan_year == year)
        return self._one(query)

    def get(self, check_id: int) -> StoredCheck | None:
        """One recorded check by its id."""
        query = _stored_checks().where(checks.c.id == check_id)
        return self._one(query)

    def listing(
        self,
        *,
        verdict: str | None = None,
        rule: str | None = None,
        unit_key: str | None = None,
        limit: int = 1000,
    ) -> list[dict[str, Any]]:
        """Recorded checks, newest first, optionally only those with a verdict, a unit, or a
        gap (fail or partial) on a rule."""
        query = (
            sa.select(
                checks.c.id,
                checks.c.file,
                checks.c.score,
                checks.c.verdict,
                checks.c.checked_at,
                plans.c.unit_key,
                plans.c.issuer,
                plans.c.province,
                plans.c.plan_year,
                plans.c.number,
                plans.c.issue_date,
            )
            .join(plans, plans.c.id == checks.c.plan_id)
            .order_by(checks.c.id.desc())
            .limit(limit)
        )
        if verdict:
            query = query.where(checks.c.verdict == verdict)
        if unit_key:
            query = query.where(plans.c.unit_key == unit_key)
        if rule:
            failing = sa.select(results.c.check_id).where(
                results.c.rule == rule, results.c.status.in_(("fail", "partial"))
            )
            query = query.where(checks.c.id.in_(failing))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def failing_counts(self) -> dict[str, int]:
        """Rule → how many recorded checks have a gap (fail or partial) on it."""
        query = (
            sa.select(results.c.rule, sa.func.count())
            .where(results.c.status.in_(("fail", "partial")))
            .group_by(results.c.rule)
        )
        with self.engine.connect() as conn:
            return {rule: int(n) for rule, n in conn.execute(query)}

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() or 0
                for t in (plans, checks, results)
            }


def _jsonable(value: Any) -> Any:
    dump = getattr(value, "model_dump", None)
    return dump(mode="json") if dump else value


def open_store(target: str) -> Store:
    """Open (and create or upgrade) the store at a path or URL."""
    try:
        engine = sa.create_engine(url_of(target))
        store = Store(engine)
        store.migrate()
    except (SQLAlchemyError, OSError, ImportError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise StoreError(f"{target}: {reason}") from exc
    return store


def _stored_checks() -> sa.Select[Any]:
    """Checks joined with their plans: what a `StoredCheck` is built from."""
    return sa.select(
        checks.c.id,
        plans.c.content_hash,
        checks.c.rules_version,
        checks.c.checked_at,
        checks.c.report_json,
        plans.c.plan_json,
    ).join(plans, plans.c.id == checks.c.plan_id)


def _row_check(row: Any) -> StoredCheck:
    return StoredCheck(
        check_id=row.id,
        content_hash=row.content_hash,
        rules_version=row.rules_version,
        checked_at=row.checked_at,
        report=PlanReport.model_validate_json(row.report_json),
        plan=Plan.model_validate_json(row.plan_json) if row.plan_json else None,
    )
