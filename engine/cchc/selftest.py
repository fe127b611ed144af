"""`cchc rules test`: run every rule's examples through the real engine.

Each example is a plan fragment with the status it must get; it is validated as a `Plan`,
checked by a `Checker` on the chosen backend, and the rule's result compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cchc.checker import Checker, CheckOptions
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
                plan = Plan.model_validate(fragment)
                report = checker.check_plan(plan, f"{rule.id}:examples.{expected}[{i}]")
                result = next(r for r in report.results if r.rule == rule.id)
                outcomes.append(
                    ExampleOutcome(rule.id, expected, i, str(result.status), result.message)
                )
    return outcomes
