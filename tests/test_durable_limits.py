"""The durable backend stays inside durable_rules' limits however its rulesets are filled.

Rules are packed into rulesets by an upper bound of the nodes each keeps pending on the
engine's traversal stack (`width`); a fact for which every condition is true is the worst
case: the engine fails with "error code: 303" when more than 64 are pending at once.
"""

from __future__ import annotations

import itertools
import random

import pytest

from cchc import ir
from cchc.backends import durable_available
from cchc.backends.durable import MAX_WIDTH_PER_RULESET, DurableBackend, width
from cchc.backends.reference import ReferenceBackend
from cchc.ir import Branch, CompiledRule, Cond

pytestmark = pytest.mark.skipif(not durable_available(), reason="durable-rules not importable")


def _true_tree(rng: random.Random, counter: itertools.count, depth: int) -> Cond:
    """A random nested condition every part of which holds for `n_activities = 5`."""
    if depth == 0 or rng.random() < 0.3:
        return ir.cmp("n_activities", "gte", -next(counter))  # distinct, so never shared
    parts = [_true_tree(rng, counter, depth - 1) for _ in range(rng.randint(2, 3))]
    return ir.all_(*parts) if rng.random() < 0.5 else ir.any_(*parts)


def _rule(i: int, cond: Cond) -> CompiledRule:
    return CompiledRule(
        id=f"W-{i}",
        pack="p",
        branches=[Branch("pass", cond)],
        default="fail",
        kind="when",
        spec=None,
        meta=None,
    )


@pytest.mark.parametrize("seed", range(8))
def test_full_rulesets_never_overflow_the_engine_stack(seed: int) -> None:
    rng = random.Random(seed)
    counter = itertools.count(1)
    rules = [_rule(i, _true_tree(rng, counter, 3)) for i in range(80)]
    backend = DurableBackend(rules)
    widths = [sum(width(b.cond) for b in rule.branches) for rule in rules]
    assert len(backend.rulesets) < len(rules)  # rulesets do hold several rules
    assert len(backend.rulesets) >= sum(widths) / MAX_WIDTH_PER_RULESET
    matches, errors = backend.evaluate({"n_activities": 5})
    assert errors == {}
    assert all(matches[r.id] == {0} for r in rules)


def test_the_limit_is_real_and_its_overflow_is_an_error_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """65 true tests in one ruleset overflow the engine's stack: with the packing limit
    raised past 64 the engine fails, and its failure is reported for those rules only."""
    rules = [_rule(i, ir.cmp("n_activities", "gte", -i)) for i in range(70)]
    assert all(width(r.branches[0].cond) == 1 for r in rules)
    backend = DurableBackend(rules)
    assert [len(ids) for _, ids in backend.rulesets] == [60, 10]
    assert backend.evaluate({"n_activities": 5})[1] == {}

    monkeypatch.setattr("cchc.backends.durable.MAX_WIDTH_PER_RULESET", 65)
    overfull = DurableBackend(rules)
    assert [len(ids) for _, ids in overfull.rulesets] == [65, 5]
    matches, errors = overfull.evaluate({"n_activities": 5})
    assert set(errors) == {f"W-{i}" for i in range(65)}
    assert "303" in errors["W-0"]
    assert all(matches[f"W-{i}"] == {0} for i in range(65, 70))
    # The engine is still usable: a plan that keeps fewer tests true passes.
    assert overfull.evaluate({"n_activities": -3})[1] == {}


def test_membership_flags_agree_with_the_list() -> None:
    """`contains` is posted as a flag per tested value: present, absent, missing fact."""
    rules = [
        _rule(0, ir.contains("sections", "funding")),
        _rule(1, ir.all_(ir.contains("sections", "funding"), ir.contains("areas", "procedures"))),
        _rule(2, ir.any_(ir.contains("cites", "76/NQ-CP@2021-07-15"), ir.contains("cites", "X"))),
    ]
    durable, reference = DurableBackend(rules), ReferenceBackend(rules)
    for facts in (
        {"sections": ["funding"], "areas": [], "cites": ["76/NQ-CP@2021-07-15"]},
        {"sections": ["purpose"], "areas": ["procedures"]},
        {"sections": ["funding", "content"], "areas": ["procedures"], "cites": ["X"]},
        {},
    ):
        assert durable.evaluate(facts) == reference.evaluate(facts)


def test_only_rulesets_of_applicable_rules_are_run() -> None:
    rules = [_rule(i, ir.cmp("n_activities", "gte", -i)) for i in range(3)]
    backend = DurableBackend(rules)
    matches, errors = backend.evaluate({"n_activities": 1}, only=["W-1"])
    assert not errors and matches["W-1"] == {0}
    matches, _ = backend.evaluate({"n_activities": 1}, only=[])
    assert all(not m for m in matches.values())
