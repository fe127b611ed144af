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


def test_many_membership_tests_stay_under_the_property_limit() -> None:
    """Durable refuses a fact of more than 252 properties (error 302). Membership tests are
    posted as one property each, so rulesets are split by their properties too, and a single
    branch testing more values than fit tests the list itself."""
    cites = [f"{i}/KH-UBND@2024-01-01" for i in range(300)]
    huge = _rule(0, ir.all_(*(ir.contains("cites", c) for c in cites)))
    many = [_rule(i, ir.any_(*(ir.contains("cites", c) for c in cites[i::3]))) for i in (1, 2, 3)]
    rules = [huge, *many]
    durable, reference = DurableBackend(rules), ReferenceBackend(rules)
    assert len(durable.rulesets) >= 3
    for ruleset in durable._rulesets:
        assert len(ruleset.wanted) + sum(len(v) for v in ruleset.members.values()) <= 200
    for facts in ({"cites": cites}, {"cites": cites[:150]}, {"cites": []}, {}):
        assert durable.evaluate(facts) == reference.evaluate(facts)
    assert durable.evaluate({"cites": cites})[0]["W-0"] == {0}


def test_a_branch_wider_than_a_ruleset_is_split_into_pieces() -> None:
    """A branch of more than 64 true alternatives ("any of 100 citations", or an `all` over
    such an `any`) cannot be one durable rule: it becomes several for the same branch."""
    counter = itertools.count(1)

    def leaf() -> Cond:
        return ir.cmp("n_activities", "gte", -next(counter))

    shapes = [
        ir.any_(*(leaf() for _ in range(100))),
        ir.all_(leaf(), ir.any_(*(leaf() for _ in range(90))), leaf()),
        ir.any_(*(ir.all_(leaf(), leaf(), leaf()) for _ in range(70))),
        ir.all_(ir.any_(*(leaf() for _ in range(40))), ir.any_(*(leaf() for _ in range(40)))),
    ]
    rules = [_rule(i, cond) for i, cond in enumerate(shapes)]
    assert all(width(r.branches[0].cond) > 64 for r in rules)
    # "At least 5 of 7 sections": 21 combinations, an $or of 21 $and (durable takes 13).
    sections = ["purpose", "audience", "content", "forms", "organisation", "funding", "reporting"]
    combos = itertools.combinations(sections, 5)
    five_of_seven = ir.any_(*(ir.all_(*(ir.contains("sections", x) for x in c)) for c in combos))
    rules.append(_rule(len(rules), five_of_seven))
    durable = DurableBackend(rules)
    for facts in (
        {"n_activities": 5, "sections": sections},
        {"n_activities": -40, "sections": sections[:5]},
        {"n_activities": -500, "sections": sections[:4]},
        {},
    ):
        assert durable.evaluate(facts) == ReferenceBackend(rules).evaluate(facts)
    assert durable.evaluate({"n_activities": 5, "sections": sections})[0] == {
        r.id: {0} for r in rules
    }
