"""The pure-Python reference evaluator of the intermediate form.

Small on purpose: it is the specification the durable_rules backend is tested against, and
the fallback where durable-rules cannot be imported.
"""

from __future__ import annotations

import operator
from collections.abc import Collection
from typing import Any

from cchc.facts import Facts
from cchc.ir import CompiledRule, Cond

_OPS = {
    "eq": operator.eq,
    "ne": operator.ne,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


def _compare(actual: Any, op: str, expected: Any) -> bool:
    if actual is None:
        return False  # an absent fact matches no comparison, as in durable_rules
    if isinstance(actual, bool) != isinstance(expected, bool):
        return op == "ne" and actual != expected
    try:
        return bool(_OPS[op](actual, expected))
    except TypeError:
        return False


def matches(cond: Cond, facts: dict[str, Any]) -> bool:
    tag = cond[0]
    if tag == "cmp":
        return _compare(facts.get(cond[1]), cond[2], cond[3])
    if tag == "exists":
        return cond[1] in facts
    if tag == "missing":
        return cond[1] not in facts
    if tag == "contains":
        return cond[2] in (facts.get(cond[1]) or ())
    if tag == "item":
        return any(all(matches(c, it) for c in cond[2]) for it in facts.get(cond[1]) or ())
    if tag == "all":
        return all(matches(c, facts) for c in cond[1])
    if tag == "any":
        return any(matches(c, facts) for c in cond[1])
    raise ValueError(f"unknown condition {tag!r}")


class ReferenceBackend:
    name = "python"

    def __init__(self, rules: list[CompiledRule]) -> None:
        self._rules = rules

    def evaluate(
        self, facts: Facts, only: Collection[str] | None = None
    ) -> tuple[dict[str, set[int]], dict[str, str]]:
        found: dict[str, set[int]] = {}
        errors: dict[str, str] = {}
        wanted = None if only is None else set(only)
        for rule in self._rules:
            if wanted is not None and rule.id not in wanted:
                continue
            try:
                found[rule.id] = {i for i, b in enumerate(rule.branches) if matches(b.cond, facts)}
            except Exception as exc:  # one broken rule is an error result, not a crash
                errors[rule.id] = f"{type(exc).__name__}: {exc}"
        return found, errors
