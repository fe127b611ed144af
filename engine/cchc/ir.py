"""The intermediate form rule checks compile to, and that both engine backends evaluate.

A compiled rule is an ordered list of branches (status, condition) and a default status: the
first branch whose condition matches the plan's facts gives the status, else the default.
There is no negation (durable_rules has none that is safe on absent values): a rule chooses
its default and reaches the other statuses by positive matches.

Conditions are plain tuples so that they are cheap, hashable and easy to translate:
  ("cmp", fact, op, value)       op in eq ne gt gte lt lte
  ("exists", fact) / ("missing", fact)
  ("contains", list_fact, value)
  ("item", list_fact, (("cmp", field, op, value), ...))   some item matches all
  ("all", (cond, ...)) / ("any", (cond, ...))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Cond = tuple[Any, ...]

OPS = ("eq", "ne", "gt", "gte", "lt", "lte")


def cmp(fact: str, op: str, value: Any) -> Cond:
    assert op in OPS, op
    return ("cmp", fact, op, value)


def contains(fact: str, value: str) -> Cond:
    return ("contains", fact, value)


def item(list_fact: str, *conds: Cond) -> Cond:
    return ("item", list_fact, tuple(conds))


def all_(*conds: Cond) -> Cond:
    return conds[0] if len(conds) == 1 else ("all", tuple(conds))


def any_(*conds: Cond) -> Cond:
    return conds[0] if len(conds) == 1 else ("any", tuple(conds))


def missing(fact: str) -> Cond:
    return ("missing", fact)


def exists(fact: str) -> Cond:
    return ("exists", fact)


@dataclass(frozen=True)
class Branch:
    status: str  # pass | partial | fail | error
    cond: Cond


@dataclass
class CompiledRule:
    """A rule ready for evaluation: branches in order, a default, and its metadata."""

    id: str
    pack: str
    branches: list[Branch]
    default: str
    kind: str  # the check kind, for the explanation of credit and details
    spec: Any  # the check's spec model
    meta: Any = field(repr=False)  # the RuleSpec (titles, messages, weights…)
    pack_meta: Any = field(repr=False, default=None)


def referenced(cond: Cond, out: dict[str, set[str]] | None = None) -> dict[str, set[str]]:
    """Facts a condition reads: {fact: set of item fields} (empty set for a scalar or list fact)."""
    out = {} if out is None else out
    tag = cond[0]
    if tag in ("all", "any"):
        for c in cond[1]:
            referenced(c, out)
    elif tag == "item":
        out.setdefault(cond[1], set()).update(c[1] for c in cond[2])
    else:
        out.setdefault(cond[1], set())
    return out


def decide(rule: CompiledRule, matched: set[int]) -> str:
    """The status given the indexes of the branches that matched: first match wins."""
    for i, branch in enumerate(rule.branches):
        if i in matched:
            return branch.status
    return rule.default
