"""The scoring model and the verdict policy (rules/policy.yaml, README "Verdict policy").

- A scored result is `pass` (credit 1), `partial` (its credit) or `fail` (0) of a rule whose
  severity is not `advisory` (and, unless the policy says otherwise, recommendations too).
  `not_applicable`, `waived`, `error`, `unknown` and advisory rules are not scored.
- Score = 100 × Σ weight × credit / Σ weight over scored results (per area, and in total).
- Verdict: requirements first, the score second. The score gives Đạt / Cần bổ sung / Không
  đạt by the policy's thresholds; every cap the results of requirements meet (a failed
  critical requirement → Không đạt; a failed or partial major one → at best Cần bổ sung)
  lowers it. A critical or major requirement that is `unknown` makes the verdict provisional.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from cchc.result import AreaScore, Binding, RuleResult, Severity, Status, Verdict

SCORED = (Status.passed, Status.partial, Status.failed)
GAP = (Status.failed, Status.partial, Status.error)
# Worst last: a cap can only lower the verdict.
_RANK = {Verdict.failed: 0, Verdict.needs_work: 1, Verdict.passed: 2}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ScoreBands(_Strict):
    pass_: float = Field(alias="pass", ge=0, le=100)
    fail: float = Field(ge=0, le=100)


class Cap(_Strict):
    severity: Literal["critical", "major", "minor"]
    statuses: list[Literal["fail", "partial", "error"]] = Field(min_length=1)
    verdict: Verdict


class Policy(_Strict):
    score: ScoreBands
    caps: list[Cap] = Field(default_factory=list)
    score_recommendations: bool = True
    provisional_severities: list[Literal["critical", "major", "minor"]] = Field(
        default_factory=list
    )
    min_partial_credit: float = Field(0.0, ge=0, lt=1)


class PolicyError(ValueError):
    """rules/policy.yaml cannot be used (file, line and message)."""


POLICY_FILE = "policy.yaml"


def read_policy(path: Path) -> Policy:
    from cchc.yamlsafe import YamlError, read_yaml

    try:
        doc = read_yaml(path)
    except YamlError as exc:
        raise PolicyError(f"{path}:{exc.line or '?'}: {exc.key} {exc.params}") from None
    data = doc.data.get("policy") if isinstance(doc.data, dict) else None
    if not isinstance(data, dict):
        raise PolicyError(f"{path}: a mapping under the key 'policy'")
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ("policy", *err["loc"])
        raise PolicyError(
            f"{path}:{doc.line_of(loc) or '?'}: {'.'.join(map(str, loc))}: {err['msg']}"
        ) from None
    if policy.score.fail > policy.score.pass_:
        raise PolicyError(f"{path}: score.fail is above score.pass")
    return policy


@lru_cache(maxsize=8)
def load_policy(path: Path | None = None) -> Policy:
    """The shipped policy (rules/policy.yaml), or the one at `path`."""
    if path is None:
        from cchc.paths import data_dir

        path = data_dir("rules") / POLICY_FILE
    return read_policy(path)


def is_scored(r: RuleResult, policy: Policy | None = None) -> bool:
    policy = policy or load_policy()
    if r.status not in SCORED or r.severity == Severity.advisory:
        return False
    return policy.score_recommendations or r.binding == Binding.requirement


def _score(results: list[RuleResult]) -> tuple[float | None, float]:
    weight = sum(r.weight for r in results)
    if weight == 0:
        return None, 0.0
    return round(100.0 * sum(r.weight * r.credit for r in results) / weight, 1), weight


def area_scores(results: list[RuleResult]) -> list[AreaScore]:
    by_area: dict[str, list[RuleResult]] = defaultdict(list)
    gaps: dict[str, int] = defaultdict(int)
    for r in results:
        if r.status in (Status.not_applicable,):
            continue
        by_area[r.area]
        if is_scored(r):
            by_area[r.area].append(r)
        if r.status in GAP and r.severity != Severity.advisory:
            gaps[r.area] += 1
    out = []
    for area in sorted(by_area):
        score, weight = _score(by_area[area])
        out.append(AreaScore(area=area, score=score, weight=weight, gaps=gaps[area]))
    return out


def total_score(results: list[RuleResult]) -> float | None:
    return _score([r for r in results if is_scored(r)])[0]


@dataclass
class Decision:
    verdict: Verdict
    reasons: list[str]  # rule IDs with what capped the verdict ("NQ76-2021-CITE: fail, major")
    provisional: bool
    provisional_reasons: list[str]


def _is_requirement(r: RuleResult) -> bool:
    return r.binding == Binding.requirement and r.severity != Severity.advisory


def decide_verdict(
    results: list[RuleResult], score: float | None, policy: Policy | None = None
) -> Decision:
    policy = policy or load_policy()
    if score is None:
        verdict, reasons = Verdict.needs_work, ["score: —"]
    elif score >= policy.score.pass_:
        verdict, reasons = Verdict.passed, []
    elif score >= policy.score.fail:
        verdict, reasons = Verdict.needs_work, [f"score {score:g} < {policy.score.pass_:g}"]
    else:
        verdict, reasons = Verdict.failed, [f"score {score:g} < {policy.score.fail:g}"]
    for r in results:
        if not _is_requirement(r):
            continue
        for cap in policy.caps:
            if r.severity == cap.severity and str(r.status) in cap.statuses:
                reasons.append(f"{r.rule}: {r.status}, {r.severity}")
                if _RANK[cap.verdict] < _RANK[verdict]:
                    verdict = cap.verdict
                break
    unknown = [
        f"{r.rule}: {r.status}, {r.severity}"
        for r in results
        if _is_requirement(r)
        and r.status == Status.unknown
        and str(r.severity) in policy.provisional_severities
    ]
    return Decision(verdict, reasons, bool(unknown), unknown)


def verdict(results: list[RuleResult], score: float | None) -> Verdict:
    return decide_verdict(results, score).verdict
