"""Compile a rule's check (rules/README.md, "Checks") into branches of the intermediate form."""

from __future__ import annotations

from itertools import combinations
from typing import Any

from cchc import ir
from cchc.citations import UNDATED, cite_key
from cchc.ir import Branch, CompiledRule, Cond
from cchc.rulepack import (
    ITEM_FIELDS,
    LIST_FACTS,
    SCALAR_FACTS,
    ActivitySpec,
    CheckSpec,
    ItemsSpec,
    PackMeta,
    RuleSpec,
)
from cchc.vocab import PER_PER_YEAR

# The most combinations an "at least N of M items" check may expand to.
MAX_COMBINATIONS = 64

# Facts each check kind needs; an unknown one gives the result `error`.
IMPLIED_REQUIRES: dict[str, tuple[str, ...]] = {
    "has_format_parts": ("format_parts",),
    "deadlines_in_period": ("period_start", "period_end"),
    "issued_by": ("issue_date", "plan_year"),
    "issuer_consistent": ("issuer_consistent",),
    "no_later_citations": ("issue_date",),
}

ITEM_FACTS = {
    "has_sections": "sections",
    "has_audiences": "audiences",
    "covers_areas": "areas",
    "names_indices": "indices",
    "has_format_parts": "format_parts",
}


class CompileError(ValueError):
    """A check that is well-formed YAML but cannot be compiled (message for the rule author)."""


def items_of(spec: ItemsSpec | list[Any]) -> tuple[list[str], int]:
    """The required items of an items-check and how many of them must be present."""
    if isinstance(spec, ItemsSpec):
        items = list(spec.items)
        need = spec.min or len(items)
    else:
        items = [str(x) for x in spec]
        need = len(items)
    return items, need


def _items(fact: str, spec: ItemsSpec | list[Any]) -> tuple[list[Branch], str]:
    items, need = items_of(spec)
    if need > len(items):
        raise CompileError(f"min {need} is more than the {len(items)} items listed")
    combos = list(combinations(items, need))
    if len(combos) > MAX_COMBINATIONS:
        raise CompileError(
            f"'at least {need} of {len(items)}' expands to {len(combos)} tests (limit {MAX_COMBINATIONS})"
        )
    passing = ir.any_(*(ir.all_(*(ir.contains(fact, i) for i in combo)) for combo in combos))
    if need == 1:  # one item present already passes: there is no partial
        return [Branch("pass", passing)], "fail"
    some = ir.any_(*(ir.contains(fact, i) for i in items))
    return [Branch("pass", passing), Branch("partial", some)], "fail"


def _cites(spec: Any) -> tuple[list[Branch], str]:
    refs = spec.refs()
    branches = [
        Branch("pass", ir.any_(*(ir.contains("cites", cite_key(r.number, r.date)) for r in refs)))
    ]
    if spec.partial_if_number_only:
        # Only a number cited without a date, or with another day of the same year (numbers
        # run per year: a typing error), is partly right; the same number in another year is
        # another document (76/NQ-CP of 13/6/2013 is not that of 15/7/2021).
        undated = [f"{cite_key(r.number)}@{UNDATED}" for r in refs if r.date is not None]
        undated += [f"{cite_key(r.number)}@Y{r.date.year}" for r in refs if r.date is not None]
        if undated:
            branches.append(Branch("partial", ir.any_(*(ir.contains("cites", u) for u in undated))))
    return branches, "fail"


def activity_conds(spec: ActivitySpec, form: str) -> list[Cond]:
    """The per-item tests an activity must pass for an `activity` check."""
    conds: list[Cond] = [ir.cmp("form", "eq", form)]
    if spec.min_count is not None and spec.per is not None:
        conds.append(ir.cmp("per_year", "gte", required_per_year(spec)))
    if spec.min_per_year is not None:
        conds.append(ir.cmp("per_year", "gte", spec.min_per_year))
    if spec.min_minutes is not None:
        conds.append(ir.cmp("minutes", "gte", spec.min_minutes))
    if spec.peak_time:
        conds.append(ir.cmp("peak_time", "eq", True))
    return conds


def required_per_year(spec: ActivitySpec) -> float:
    if spec.min_count is None or spec.per is None:
        return spec.min_per_year or 0.0
    if spec.per not in PER_PER_YEAR:
        raise CompileError(
            f"per '{spec.per}' cannot be annualised; use week, month, quarter, half_year or year"
        )
    return max(spec.min_count * PER_PER_YEAR[spec.per], spec.min_per_year or 0.0)


def _activity(spec: ActivitySpec) -> tuple[list[Branch], str]:
    forms = [str(f) for f in spec.forms]
    passing = ir.any_(*(ir.item("activities", *activity_conds(spec, f)) for f in forms))
    quantities = (spec.min_count, spec.min_per_year, spec.min_minutes, spec.peak_time or None)
    if all(q is None for q in quantities):  # presence only: there is no partial
        return [Branch("pass", passing)], "fail"
    some = ir.any_(*(ir.item("activities", ir.cmp("form", "eq", f)) for f in forms))
    return [Branch("pass", passing), Branch("partial", some)], "fail"


def dialogue_kind(spec: Any) -> str:
    return "own" if spec.held_by == "own" else "assigned"


def dialogue_per_year(spec: Any) -> float:
    if str(spec.per) not in PER_PER_YEAR:
        raise CompileError("dialogue: per is week, month, quarter, half_year or year")
    return spec.min_count * PER_PER_YEAR[str(spec.per)]


def _dialogue(spec: Any) -> tuple[list[Branch], str]:
    kind = ir.cmp("dialogue", "eq", dialogue_kind(spec))
    enough = ir.cmp("dialogue_per_year", "gte", dialogue_per_year(spec) - 1e-9)
    branches = [Branch("pass", ir.item("activities", kind, enough))]
    if spec.partial:
        branches.append(Branch("partial", ir.item("activities", kind)))
        if spec.held_by == "own":
            guidance = ir.cmp("dialogue", "eq", "guidance")
            branches.append(Branch("partial", ir.item("activities", guidance)))
    return branches, "fail"


def _has_forms(spec: Any) -> tuple[list[Branch], str]:
    need = []
    if spec.online:
        need.append(ir.cmp("n_online_forms", "gte", spec.online))
    if spec.traditional:
        need.append(ir.cmp("n_traditional_forms", "gte", spec.traditional))
    if not need:
        raise CompileError("has_forms needs online or traditional > 0")
    branches = [Branch("pass", ir.all_(*need))]
    if len(need) > 1:
        branches.append(Branch("partial", ir.any_(*need)))
    return branches, "fail"


def _every_activity(fields: list[str]) -> tuple[list[Branch], str]:
    flags = [f"has_{f}" for f in fields]
    incomplete = ir.any_(*(ir.item("activities", ir.cmp(f, "eq", False)) for f in flags))
    complete = ir.item("activities", *(ir.cmp(f, "eq", True) for f in flags))
    return [
        Branch("fail", ir.cmp("n_activities", "eq", 0)),
        Branch("partial", ir.all_(incomplete, complete)),
        Branch("fail", incomplete),
    ], "pass"


def _deadlines_in_period() -> tuple[list[Branch], str]:
    outside = ir.item("activities", ir.cmp("deadline_in_period", "eq", False))
    inside = ir.item("activities", ir.cmp("deadline_in_period", "eq", True))
    return [Branch("partial", ir.all_(outside, inside)), Branch("fail", outside)], "pass"


def _reporting(spec: Any) -> tuple[list[Branch], str]:
    level_conds: list[list[Cond]] = [
        [ir.cmp("to_level", "eq", str(lv))] for lv in spec.to_levels
    ] or [[]]
    if spec.due_by is None:
        ok = ir.any_(
            *(ir.item("reporting", ir.cmp("has_due_date", "eq", True), *lc) for lc in level_conds)
        )
    elif len(spec.due_by) == 10:
        ok = ir.any_(
            *(
                ir.item("reporting", ir.cmp("due_date", "lte", spec.due_by), *lc)
                for lc in level_conds
            )
        )
    else:
        same_year = [ir.cmp("due_year_offset", "eq", 0), ir.cmp("due_md", "lte", spec.due_by)]
        earlier = [ir.cmp("due_year_offset", "lt", 0)]
        ok = ir.any_(
            *(ir.item("reporting", *c, *lc) for lc in level_conds for c in (same_year, earlier))
        )
    some = ir.any_(
        *(
            ir.item("reporting", *lc) if lc else ir.cmp("n_reporting", "gte", 1)
            for lc in level_conds
        )
    )
    return [Branch("pass", ok), Branch("partial", some)], "fail"


def _issued_by(spec: Any) -> tuple[list[Branch], str]:
    md = f"{spec.month:02d}-{spec.day or 31:02d}"
    on_time = ir.any_(
        ir.cmp("issue_year_offset", "lt", 0),
        ir.all_(ir.cmp("issue_year_offset", "eq", 0), ir.cmp("issue_md", "lte", md)),
    )
    return [Branch("pass", on_time)], "fail"


# --- generic conditions ------------------------------------------------------------------------


def _typed(value: Any, kind: Any, where: str) -> Any:
    ok = {
        str: isinstance(value, str),
        int: isinstance(value, int) and not isinstance(value, bool),
        float: isinstance(value, (int, float)) and not isinstance(value, bool),
        bool: isinstance(value, bool),
        "date": (isinstance(value, str) and len(value) == 10) or hasattr(value, "isoformat"),
    }[kind]
    if not ok:
        raise CompileError(f"{where}: value {value!r} does not fit the fact's type")
    return value.isoformat() if hasattr(value, "isoformat") else value


def _cmp_from(entry: dict[str, Any], types: dict[str, Any], name: str, where: str) -> Cond:
    ops = [k for k in entry if k in ir.OPS]
    if len(ops) != 1 or set(entry) - {"fact", "field", *ir.OPS}:
        raise CompileError(f"{where}: use exactly one of {', '.join(ir.OPS)} (or exists/contains)")
    op = ops[0]
    return ir.cmp(name, op, _typed(entry[op], types[name], where))


def generic(cond: Any, where: str = "when") -> Cond:
    """Compile a generic condition (rules/README.md, "Generic conditions")."""
    if not isinstance(cond, dict) or not cond:
        raise CompileError(f"{where}: a condition is a mapping")
    if set(cond) == {"all"} or set(cond) == {"any"}:
        key = next(iter(cond))
        parts = cond[key]
        if not isinstance(parts, list) or not parts:
            raise CompileError(f"{where}.{key}: a non-empty list of conditions")
        subs = [generic(p, f"{where}.{key}[{i}]") for i, p in enumerate(parts)]
        return ir.all_(*subs) if key == "all" else ir.any_(*subs)
    if set(cond) == {"activity"} or set(cond) == {"reporting"}:
        key = next(iter(cond))
        list_fact = "activities" if key == "activity" else "reporting"
        fields = cond[key]
        types = ITEM_FIELDS[list_fact]
        if not isinstance(fields, dict) or not fields:
            raise CompileError(f"{where}.{list_fact}: a mapping of field: {{op: value}}")
        conds = []
        for name, test in fields.items():
            if name not in types:
                raise CompileError(
                    f"{where}.{list_fact}: unknown field '{name}'; known: {', '.join(sorted(types))}"
                )
            if not isinstance(test, dict):
                raise CompileError(f"{where}.{list_fact}.{name}: a mapping {{op: value}}")
            conds.append(_cmp_from(test, types, name, f"{where}.{list_fact}.{name}"))
        return ir.item(list_fact, *conds)
    name = cond.get("fact")
    if not isinstance(name, str):
        raise CompileError(f"{where}: needs 'fact', 'all', 'any', 'activity' or 'reporting'")
    if name not in SCALAR_FACTS and name not in LIST_FACTS:
        raise CompileError(f"{where}: unknown fact '{name}'")
    if "exists" in cond:
        if set(cond) != {"fact", "exists"} or not isinstance(cond["exists"], bool):
            raise CompileError(f"{where}: exists: true|false")
        return ir.exists(name) if cond["exists"] else ir.missing(name)
    if "contains" in cond:
        if (
            name not in LIST_FACTS
            or set(cond) != {"fact", "contains"}
            or not isinstance(cond["contains"], str)
        ):
            raise CompileError(f"{where}: contains applies to a list fact, with a string value")
        value = cond["contains"]
        return ir.contains(name, cite_key(value) if name in ("cites",) else value)
    if name in LIST_FACTS:
        raise CompileError(f"{where}: a list fact takes 'contains'")
    return _cmp_from(cond, SCALAR_FACTS, name, where)


def _when(spec: Any) -> tuple[list[Branch], str]:
    branches = [Branch("pass", generic(spec.pass_, "when.pass"))]
    if spec.partial is not None:
        branches.append(Branch("partial", generic(spec.partial, "when.partial")))
    if spec.fail is not None:
        branches.append(Branch("fail", generic(spec.fail, "when.fail")))
    return branches, spec.default


# --- the rule --------------------------------------------------------------------------------


def _branches(check: CheckSpec) -> tuple[list[Branch], str]:
    kind, spec = check.kind, check.spec
    if kind in ITEM_FACTS:
        return _items(ITEM_FACTS[kind], spec)
    if kind == "cites":
        return _cites(spec)
    if kind == "cites_none":
        return [
            Branch(
                "fail", ir.any_(*(ir.contains("cites", cite_key(r.number, r.date)) for r in spec))
            )
        ], "pass"
    if kind == "misattributed":
        # Cited with that date, or with no date at all: the issuer is wrong either way.
        keys = [cite_key(spec.number, spec.date) if spec.date else cite_key(spec.number)]
        if spec.date is not None:
            keys.append(f"{cite_key(spec.number)}@{UNDATED}")
        found = ir.any_(
            *(ir.contains("cite_issuers", f"{k}#{lv}") for k in keys for lv in spec.wrong_levels)
        )
        return [Branch("fail", found)], "pass"
    if kind == "activity":
        return _activity(spec)
    if kind == "dialogue":
        return _dialogue(spec)
    if kind == "has_forms":
        return _has_forms(spec)
    if kind == "every_activity":
        return _every_activity(spec)
    if kind == "deadlines_in_period":
        return _deadlines_in_period()
    if kind == "reporting":
        return _reporting(spec)
    if kind == "has_budget":
        partial = ir.any_(ir.cmp("n_budget_lines", "gte", 1), ir.contains("sections", "funding"))
        return [
            Branch("pass", ir.cmp("has_budget_source", "eq", True)),
            Branch("partial", partial),
        ], "fail"
    if kind == "issued_by":
        return _issued_by(spec)
    if kind == "no_district_tasks":
        return [Branch("fail", ir.cmp("district_tasks", "gte", 1))], "pass"
    if kind == "no_later_citations":
        return [Branch("fail", ir.cmp("n_cites_after_issue", "gte", 1))], "pass"
    if kind == "issuer_consistent":
        return [Branch("fail", ir.cmp("issuer_consistent", "eq", False))], "pass"
    if kind == "when":
        return _when(spec)
    raise CompileError(f"unknown check kind {kind}")  # unreachable: the model lists the kinds


def compile_rule(rule: RuleSpec, pack: PackMeta) -> CompiledRule:
    branches, default = _branches(rule.check)
    requires = list(dict.fromkeys([*rule.requires, *IMPLIED_REQUIRES.get(rule.check.kind, ())]))
    if requires:
        branches.insert(0, Branch("error", ir.any_(*(ir.missing(f) for f in requires))))
    return CompiledRule(
        id=rule.id,
        pack=pack.id,
        branches=branches,
        default=default,
        kind=rule.check.kind,
        spec=rule.check.spec,
        meta=rule,
        pack_meta=pack,
    )


def requires_of(rule: CompiledRule) -> list[str]:
    first = rule.branches[0] if rule.branches else None
    if first is None or first.status != "error":
        return []
    cond = first.cond
    leaves = cond[1] if cond[0] == "any" else (cond,)
    return [c[1] for c in leaves]
