"""`cchc rules test`: run every rule's examples through the real engine.

Each example is a plan fragment with the status it must get; it is validated as a `Plan`,
checked by a `Checker` on the chosen backend, and the rule's result compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cchc.checker import Checker, CheckOptions
from cchc.ir import CompiledRule
from cchc.model import Plan


@dataclass(frozen=True)
class ExampleOutcome:
    rule: str
    expected: str
    index: int
    got: str
    message: str

    @property
    def ok(self) -> bool:
        return self.expected == self.got


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        out[key] = (
            _merge(out[key], value)
            if isinstance(value, dict) and isinstance(out.get(key), dict)
            else value
        )
    return out


def example_plan(rule: CompiledRule, fragment: dict[str, Any]) -> Plan:
    """An example fragment over a plan the rule applies to: its first level and province, the
    start of its dates in force, its first parent. What the fragment gives wins."""
    rule_applies, pack_applies = rule.meta.applies, rule.pack_meta.applies
    base: dict[str, Any] = {"document": {}, "issuer": {}}
    levels = rule_applies.levels or pack_applies.levels
    if levels:
        base["issuer"]["level"] = str(levels[0])
    provinces = rule_applies.provinces or pack_applies.provinces
    if provinces:
        base["issuer"]["province"] = provinces[0]
    starts = [d for d in (rule_applies.from_, pack_applies.from_) if d]
    ends = [d for d in (rule_applies.until, pack_applies.until) if d]
    if starts or ends:
        base["document"]["issue_date"] = (max(starts) if starts else min(ends)).isoformat()
    parents = rule_applies.implements or pack_applies.implements
    if parents:
        base["implements"] = [{"number": parents[0]}]
    return Plan.model_validate(_merge(base, fragment))


def run_examples(
    rules_dirs: tuple[Path, ...] = (),
    engine: str = "durable",
    builtin: bool = True,
    lang: str = "vi",
) -> list[ExampleOutcome]:
    checker = Checker(
        CheckOptions(engine=engine, rules_dirs=rules_dirs, builtin_rules=builtin, lang=lang)
    )
    outcomes: list[ExampleOutcome] = []
    for rule in checker.rules:
        examples = rule.meta.examples
        for expected, fragments in (
            ("pass", examples.pass_),
            ("fail", examples.fail),
            ("partial", examples.partial),
        ):
            for i, fragment in enumerate(fragments):
                plan = example_plan(rule, fragment)
                report = checker.check_plan(plan, f"{rule.id}:examples.{expected}[{i}]")
                result = next(r for r in report.results if r.rule == rule.id)
                outcomes.append(
                    ExampleOutcome(rule.id, expected, i, str(result.status), result.message)
                )
    return outcomes
