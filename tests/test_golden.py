"""Golden verdicts: every fixture's expected result for every rule, on both engine backends.

`tests/golden/<fixture>.yaml` lists the status of each rule that applies to the fixture (with a
one-line reason for each failing, partial or unevaluable rule, reviewed by hand against the
plan's text), its verdict and its score. Every shipped rule not listed must be
`not_applicable`: no rule of the wrong era, level or province may apply.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from cchc.checker import Checker, CheckOptions
from cchc.result import PlanReport, Status
from conftest import ROOT, SEED_FILES, SYNTHETIC_FILES

GOLDEN = Path(__file__).resolve().parent / "golden"
GOLDEN_FILES = sorted(GOLDEN.glob("*.yaml"))
ENGINES = ("durable", "python")
GAPS = {"fail", "partial", "error", "unknown"}  # each with a one-line reason


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == {"fixture", "verdict", "score", "results"}, path.name
    return data


def _expected(data: dict[str, Any]) -> dict[str, str]:
    return {
        rule: entry if isinstance(entry, str) else entry["status"]
        for rule, entry in data["results"].items()
    }


@pytest.fixture(scope="module", params=ENGINES)
def checker(request: pytest.FixtureRequest) -> Checker:
    return Checker(CheckOptions(engine=request.param))


_reports: dict[tuple[str, str], PlanReport] = {}


def _report(checker: Checker, fixture: str) -> PlanReport:
    key = (checker.options.engine, fixture)
    if key not in _reports:
        _reports[key] = checker.check_path(ROOT / fixture)
    return _reports[key]


def test_every_fixture_has_golden_verdicts() -> None:
    covered = {_load(p)["fixture"] for p in GOLDEN_FILES}
    fixtures = {str(p.relative_to(ROOT)) for p in (*SEED_FILES, *SYNTHETIC_FILES)}
    assert fixtures, "no seed or synthetic fixtures found"
    assert fixtures == covered


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=lambda p: p.stem)
def test_golden_entries_are_well_formed(path: Path) -> None:
    """Statuses are real ones; every gap carries a one-line reason, and only gaps do."""
    data = _load(path)
    assert path.stem == Path(data["fixture"]).stem
    for rule, entry in data["results"].items():
        if isinstance(entry, str):
            assert entry == "pass", f"{rule}: a gap needs {{status, reason}}"
            continue
        assert set(entry) == {"status", "reason"}, rule
        assert entry["status"] in GAPS, rule
        reason = entry["reason"]
        assert isinstance(reason, str) and reason.strip() and "\n" not in reason, rule


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=lambda p: p.stem)
def test_golden_statuses(checker: Checker, path: Path) -> None:
    data = _load(path)
    report = _report(checker, data["fixture"])
    applicable = {r.rule: str(r.status) for r in report.results if r.status != "not_applicable"}
    expected = _expected(data)
    assert applicable == expected, {
        "unexpected": {k: v for k, v in applicable.items() if expected.get(k) != v},
        "missing": {k: v for k, v in expected.items() if k not in applicable},
    }
    # Everything else is out of the plan's era, level, province or parents.
    others = [r for r in report.results if r.rule not in expected]
    assert all(r.status == Status.not_applicable for r in others)
    assert len(report.results) == len(checker.rules)


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=lambda p: p.stem)
def test_golden_score_and_verdict(checker: Checker, path: Path) -> None:
    data = _load(path)
    report = _report(checker, data["fixture"])
    assert str(report.verdict) == data["verdict"]
    assert report.score == pytest.approx(data["score"], abs=0.05)


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=lambda p: p.stem)
def test_every_gap_names_its_clause_and_fix(checker: Checker, path: Path) -> None:
    """A reviewer's list: each failing or partial rule says which clause it breaks and how to
    mend the plan, in Vietnamese by default."""
    report = _report(checker, _load(path)["fixture"])
    for r in report.results:
        if r.status in (Status.failed, Status.partial):
            assert r.source.clause and r.source.document, r.rule
            assert r.fix and "{" not in r.fix and "{" not in r.message, r.rule


def test_backends_agree_on_every_fixture() -> None:
    """Both backends give every rule the same status, credit and message on every fixture."""
    durable, python = (Checker(CheckOptions(engine=e)) for e in ENGINES)
    for path in (*SEED_FILES, *SYNTHETIC_FILES):
        a, b = durable.check_path(path), python.check_path(path)
        assert [(r.rule, r.status, r.credit, r.message) for r in a.results] == [
            (r.rule, r.status, r.credit, r.message) for r in b.results
        ], path.name
