"""The checker: applicability by level, province and date; results; scoring; selection;
waivers; JSON output; exit codes; engine failures as `error` results."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from cchc.backends.durable import DurableBackend, DurableError
from cchc.checker import Checker, CheckOptions
from cchc.cli import main
from cchc.model import Plan
from cchc.result import Status, Verdict, report_schema

ALLKINDS = Path(__file__).resolve().parent / "packs" / "allkinds"

FULL = {
    "document": {"number": "52/KH-UBND", "issue_date": "2024-03-01"},
    "issuer": {"name": "UBND xã Tân Phong", "level": "commune", "province": "Tây Ninh"},
    "period": {"start": "2024-01-01", "end": "2024-12-31"},
    "cited_documents": [{"number": "76/NQ-CP", "date": "2021-07-15", "issuer": "Chính phủ"}],
    "sections": [{"kind": k} for k in ("purpose", "content", "forms", "organisation", "funding")],
    "audiences": [{"group": "officials"}, {"group": "citizens"}],
    "topics": [
        {"area": a}
        for a in (
            "institutions",
            "procedures",
            "apparatus",
            "civil_service",
            "public_finance",
            "digital_government",
        )
    ],
    "activities": [
        {
            "form": "dialogue",
            "count": 1,
            "per": "year",
            "owner": "Chủ tịch UBND xã",
            "deadline": "2024-10-31",
        },
        {
            "form": "radio",
            "count": 1,
            "per": "week",
            "duration_minutes": 15,
            "peak_time": True,
            "owner": "Đài",
            "deadline": "2024-12-31",
        },
        {"form": "website", "owner": "Văn phòng", "deadline": "2024-12-31"},
    ],
    "reporting": [{"to_level": "department", "due_date": "2024-11-10"}],
    "budget": [{"source": "ngân sách xã"}],
    "indices": [{"name": "par_index"}, {"name": "sipas"}],
    "format_parts": ["national_title", "number_symbol", "signature"],
}


def checker(**kw) -> Checker:
    kw.setdefault("rules_dirs", (ALLKINDS,))
    kw.setdefault("builtin_rules", False)
    return Checker(CheckOptions(**kw))


def result(report, rule_id):
    return next(r for r in report.results if r.rule == rule_id)


@pytest.mark.parametrize("engine", ["durable", "python"])
def test_a_complete_plan_passes_everything(engine: str) -> None:
    report = checker(engine=engine).check_plan(Plan.model_validate(FULL), "full.json")
    bad = [(r.rule, r.status, r.message) for r in report.results if r.status != Status.passed]
    assert bad == [
        ("T-NO-DISTRICT", Status.not_applicable, "chỉ áp dụng cho kế hoạch ban hành từ 2025-07-01")
    ]
    assert report.score == 100.0
    assert report.verdict == Verdict.passed
    assert report.engine == engine


def test_applicability_by_date_and_missing_date() -> None:
    c = checker()
    before = c.check_plan(Plan.model_validate(FULL), "x")
    assert result(before, "T-NO-DISTRICT").status == Status.not_applicable  # from 2025-07-01
    after = dict(FULL, document={"issue_date": "2025-08-01"})
    assert (
        result(c.check_plan(Plan.model_validate(after), "x"), "T-NO-DISTRICT").status
        == Status.passed
    )
    undated = dict(FULL, document={}, period={})
    r = result(c.check_plan(Plan.model_validate(undated), "x"), "T-CITES")
    # The input does not show when the plan was issued: unknown, not a fault of the rule.
    assert r.status == Status.unknown and "ngày ban hành" in r.message
    # Without an issue date, the start of the period dates the plan, and the report says so.
    by_period = c.check_plan(Plan.model_validate(dict(FULL, document={})), "x")
    assert result(by_period, "T-CITES").status == Status.passed
    assert by_period.as_of == "2024-01-01"
    assert any("2024-01-01" in n for n in by_period.notices)


def test_as_of_overrides_the_plan_date() -> None:
    plan = Plan.model_validate(
        dict(
            FULL,
            activities=[
                *FULL["activities"],
                {"form": "press", "owner": "UBND huyện Tân Biên", "deadline": "2024-12-01"},
            ],
        )
    )
    assert result(checker().check_plan(plan, "x"), "T-NO-DISTRICT").status == Status.not_applicable
    late = checker(as_of=dt.date(2025, 9, 1)).check_plan(plan, "x")
    assert result(late, "T-NO-DISTRICT").status == Status.failed
    assert late.as_of == "2025-09-01"


def test_level_applicability() -> None:
    plan = Plan.model_validate(dict(FULL, issuer={"level": "ministry"}))
    report = checker().check_plan(plan, "x")
    assert {r.status for r in report.results} == {Status.not_applicable}
    assert report.score is None and report.verdict == Verdict.needs_work
    assert "ministry" in result(report, "T-CITES").message


def test_missing_data_is_unknown_never_a_pass() -> None:
    report = checker().check_plan(Plan.model_validate(dict(FULL, format_parts=None)), "x")
    r = result(report, "T-FORMAT")
    assert r.status == Status.unknown
    assert "format_parts" in r.message
    # Out of the score and of the gaps: the plan still scores 100.
    assert report.score == 100.0 and r not in report.gaps() and r in report.unknowns()


def test_partial_credit_and_area_scores() -> None:
    plan = dict(
        FULL,
        activities=[
            {
                "form": "television",
                "count": 2,
                "per": "month",
                "duration_minutes": 15,
                "peak_time": True,
                "owner": "Đài",
                "deadline": "2024-12-01",
            },
            {"form": "dialogue", "count": 1, "per": "year", "owner": "x", "deadline": "2024-05-01"},
            {"form": "website", "owner": "x", "deadline": "2024-05-01"},
        ],
    )
    report = checker().check_plan(Plan.model_validate(plan), "x")
    weekly = result(report, "T-WEEKLY")
    assert weekly.status == Status.partial
    # 24 a year of the 52 needed, minutes met, the peak slot given: 24/52 × 1 × 1
    assert weekly.credit == pytest.approx(24 / 52, abs=1e-3)
    media = next(a for a in report.areas if a.area == "media")
    assert media.score == pytest.approx(100 * weekly.credit, abs=0.1)
    assert media.gaps == 1
    assert weekly.fix and "15 phút" in weekly.fix


def test_critical_failure_blocks_dat() -> None:
    plan = dict(FULL, activities=[a for a in FULL["activities"] if a["form"] != "dialogue"])
    report = checker().check_plan(Plan.model_validate(plan), "x")
    assert result(report, "T-DIALOGUE").status == Status.failed
    assert report.score is not None and report.score >= 80
    # rules/policy.yaml: a failed critical requirement makes the plan Không đạt, whatever the score.
    assert report.verdict == Verdict.failed
    assert any(r.startswith("T-DIALOGUE") for r in report.verdict_reasons)


def test_select_and_ignore() -> None:
    only = checker(select=("T-CITES",))
    assert [r.id for r in only.rules] == ["T-CITES", "T-CITES-NONE"]
    exact = checker(select=("T-CITES",), ignore=("T-CITES-NONE",))
    assert [r.id for r in exact.rules] == ["T-CITES"]
    assert "T-WHEN" not in [r.id for r in checker(ignore=("T-WHEN",)).rules]


def test_waivers(tmp_path: Path) -> None:
    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        "waivers:\n"
        "  - {rule: T-DIALOGUE, plan: 52/KH-UBND, reason: Đã tổ chức đối thoại theo kế hoạch riêng.}\n"
        "  - {rule: T-WEEKLY, file: '*.json', reason: Xã không có đài., expires: 2020-01-01}\n",
        encoding="utf-8",
    )
    plan = Plan.model_validate(dict(FULL, activities=[]))
    report = checker(waivers=waivers).check_plan(plan, "a.json")
    d = result(report, "T-DIALOGUE")
    assert d.status == Status.waived and d.waiver == "Đã tổ chức đối thoại theo kế hoạch riêng."
    assert result(report, "T-WEEKLY").status == Status.failed  # expired waiver
    assert any("T-WEEKLY" in n and "2020-01-01" in n for n in report.notices)


def test_a_waiver_needs_a_reason(tmp_path: Path) -> None:
    from cchc.waivers import WaiverError

    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        "waivers:\n  - {rule: T-DIALOGUE, plan: 52/KH-UBND, reason: '  '}\n", encoding="utf-8"
    )
    with pytest.raises(WaiverError, match="needs a reason"):
        checker(waivers=waivers)
    runner = CliRunner()
    plan = tmp_path / "p.json"
    plan.write_text(json.dumps(FULL), encoding="utf-8")
    out = runner.invoke(main, ["check", str(plan), "--waivers", str(waivers)])
    assert out.exit_code == 2 and "needs a reason" in out.output


def test_engine_failure_becomes_error_results(monkeypatch: pytest.MonkeyPatch) -> None:
    c = checker(engine="durable")
    first_ruleset, broken_ids = c.backend.rulesets[0]
    real = DurableBackend._run

    def broken(self, ruleset, facts):
        if ruleset.name == first_ruleset:
            raise DurableError("boom")
        return real(self, ruleset, facts)

    monkeypatch.setattr(DurableBackend, "_run", broken)
    report = c.check_plan(Plan.model_validate(FULL), "x")
    for r in report.results:
        if r.rule in broken_ids:
            assert r.status == Status.error and "boom" in r.message
        else:
            assert r.status in (Status.passed, Status.not_applicable)


class _FailingEngine:
    """durable_rules' C core, failing while it hands out the actions of one ruleset."""

    def __init__(self, real: object, handle: int) -> None:
        self._real, self._handle = real, handle

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)

    def complete_and_start_action(self, handle: int, state: int) -> object:
        if handle == self._handle:
            raise self._real.error("Could not complete action, error code: 301")
        return self._real.complete_and_start_action(handle, state)


def test_an_engine_error_between_actions_is_an_error_result() -> None:
    """A failure of the engine half-way through a plan's actions must surface, only for the
    rules of that ruleset, and leave the engine usable for the next plan."""
    c = checker(engine="durable")
    backend = c.backend
    target = next(rs for rs in backend._rulesets if "T-CITES" in rs.rule_ids)
    real = backend._engine
    backend._engine = _FailingEngine(real, target.handle)
    report = c.check_plan(Plan.model_validate(FULL), "x")
    errors = {r.rule for r in report.results if r.status == Status.error}
    assert errors == set(target.rule_ids)
    assert "error code: 301" in result(report, "T-CITES").message
    backend._engine = real
    again = c.check_plan(Plan.model_validate(FULL), "x")
    assert not [r for r in again.results if r.status == Status.error]


def test_json_output_matches_its_schema_and_lists_errors(tmp_path: Path) -> None:
    plan = tmp_path / "p.json"
    plan.write_text(json.dumps(FULL), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    out = CliRunner().invoke(
        main, ["check", str(plan), str(broken), "--format", "json", "--rules", str(ALLKINDS)]
    )
    assert out.exit_code == 2
    data = json.loads(out.stdout)
    jsonschema.validate(data, report_schema())
    assert [p["file"] for p in data["plans"]] == [str(plan)]
    assert data["errors"][0]["file"] == str(broken) and "JSON" in data["errors"][0]["error"]
    first = data["plans"][0]
    assert {"file", "score", "verdict", "areas", "results"} <= set(first)
    assert {"rule", "status", "credit", "message", "source", "fix"} <= set(first["results"][0])


def test_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    good = tmp_path / "good.json"
    good.write_text(json.dumps(FULL), encoding="utf-8")
    base = ["check", "--rules", str(ALLKINDS), "--select", "T-"]
    assert runner.invoke(main, [*base, str(good)]).exit_code == 0
    gaps = tmp_path / "gaps.json"
    gaps.write_text(json.dumps(dict(FULL, budget=[])), encoding="utf-8")
    assert runner.invoke(main, [*base, str(gaps)]).exit_code == 1  # T-BUDGET (minor) fails
    assert runner.invoke(main, [*base, str(gaps), "--fail-on", "major"]).exit_code == 0
    assert (
        runner.invoke(main, [*base, str(good), "--fail-under", "100.1"]).exit_code == 2
    )  # out of range
    assert (
        runner.invoke(
            main, [*base, str(gaps), "--fail-on", "major", "--fail-under", "99.9"]
        ).exit_code
        == 1
    )
    assert runner.invoke(main, [*base, str(tmp_path / "missing.json")]).exit_code == 2
    assert runner.invoke(main, ["check"]).exit_code == 2


def test_results_built_without_validation_are_valid_models() -> None:
    """Results are built from validated parts without re-validation: they must still be
    what validation would give, and copy and serialise like any model."""
    report = checker().check_plan(Plan.model_validate(dict(FULL, cited_documents=[])), "x")
    assert {r.status for r in report.results} >= {Status.passed, Status.failed}
    for r in report.results:
        validated = type(r).model_validate(r.model_dump())
        assert validated == r and validated.model_dump_json() == r.model_dump_json()
        assert r.model_copy(update={"waiver": "lý do"}).waiver == "lý do"
        assert r.waiver is None and r.model_fields_set == set(type(r).model_fields)
    json.loads(report.model_dump_json())
