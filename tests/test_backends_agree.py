"""Both backends give identical results: on every fixture and on generated plans."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from cchc.checker import Checker, CheckOptions
from cchc.model import Plan
from strategies import plans

ROOT = Path(__file__).resolve().parents[1]
ALLKINDS = Path(__file__).resolve().parent / "packs" / "allkinds"


def _checkers() -> tuple[Checker, Checker]:
    opts = {"rules_dirs": (ALLKINDS,)}
    return Checker(CheckOptions(engine="durable", **opts)), Checker(
        CheckOptions(engine="python", **opts)
    )


DURABLE, PYTHON = _checkers()


def _comparable(checker: Checker, plan: Plan, name: str) -> dict:
    report = checker.check_plan(plan, name).model_dump(mode="json")
    report.pop("engine")
    return report


def test_engines_are_what_they_say() -> None:
    assert DURABLE.engine == "durable" and PYTHON.engine == "python"
    assert len(DURABLE.rules) >= 19  # the shipped packs and every check kind


FIXTURES = sorted((ROOT / "fixtures").glob("**/*.json"))
FIXTURES = [p for p in FIXTURES if "bad" not in p.parts and "results" not in p.parts]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixture_identical(path: Path) -> None:
    plan = Plan.model_validate_json(path.read_bytes())
    assert _comparable(DURABLE, plan, path.name) == _comparable(PYTHON, plan, path.name)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_generated_identical(data: dict) -> None:
    plan = Plan.model_validate(data)
    assert _comparable(DURABLE, plan, "generated") == _comparable(PYTHON, plan, "generated")
