"""`cchc rules test`: run every rule's examples through the real engine.

Each example is a plan fragment with the status it must get; it is validated as a `Plan`,
checked by a `Checker` on the chosen backend, and the rule's result compared.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cchc.checker import Checker, CheckOptions
from cchc.ir import CompiledRule
from cchc.model import Plan
from cchc.rulepack import ParentSpec


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
    """An example fragment over a plan the rule applies to: its first level, province and
    issuer, the start of its dates in force (or of its plan years), its first parent, an
    activity of the first form it binds. What the fragment gives wins."""
    rule_applies, pack_applies = rule.meta.applies, rule.pack_meta.applies
    base: dict[str, Any] = {"document": {}, "issuer": {}}
    levels = rule_applies.levels or pack_applies.levels
    if levels:
        base["issuer"]["level"] = str(levels[0])
    provinces = rule_applies.provinces or pack_applies.provinces
    if provinces:
        base["issuer"]["province"] = provinces[0]
    issuers = rule_applies.issuers or pack_applies.issuers
    if issuers:
        base["issuer"]["name"] = issuers[0]
    # A plan is bound only by documents issued strictly before it: the day after them.
    sources = (rule.pack_meta.document.date, rule.meta.source.date)
    starts = [d for d in (rule_applies.from_, pack_applies.from_) if d]
    starts += [d + dt.timedelta(days=1) for d in sources if d]
    ends = [d for d in (rule_applies.until, pack_applies.until) if d]
    years = rule_applies.plan_years or pack_applies.plan_years
    if starts or ends:
        base["document"]["issue_date"] = (max(starts) if starts else min(ends)).isoformat()
    elif years:
        base["document"]["issue_date"] = f"{years.from_}-01-15"
    parents = rule_applies.implements or pack_applies.implements
    if parents:
        first = parents[0]
        if isinstance(first, ParentSpec):
            base["implements"] = [{"number": first.number, "date": first.date.isoformat()}]
        else:  # a number, or '*/SYMBOL': any number of that symbol
            base["implements"] = [{"number": "1" + first[1:] if first.startswith("*/") else first}]
    forms = rule_applies.forms or pack_applies.forms
    if forms:
        base["activities"] = [{"form": str(forms[0])}]
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
