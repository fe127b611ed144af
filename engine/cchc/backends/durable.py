"""The durable_rules backend: the intermediate form compiled to durable_rules JSON rulesets.

It drives durable_rules' C core (`durable_rules_engine`, the Rete network) directly rather
than through `durable.engine.Host`, whose per-action Python machinery cost ~15 times the
matching itself (see bench/README.md): an action there is a Python call in which the engine
JSON-decodes the whole fact. Here a fired rule is only read by name. Designed around the
limits of durable_rules 2.0.28 (see the project README):
- no `Host`, so no timer threads (each Host starts two that never stop) and no background
  dispatcher: this thread alone takes the actions of its session, in order, to the end;
- rulesets created from JSON under unique names (a name cannot be reused);
- rules split into rulesets so that no fact can keep more than 64 alpha nodes pending on
  durable's traversal stack (error 303), nor a node have more than 512 children;
- rules that apply to the same plans (same pack and rule applicability) grouped in the same
  rulesets, so that a ruleset none of whose rules applies to a plan is not run at all;
- every rule also tests `kind == "plan"`, so that the session state (itself a fact) never
  matches an absence test such as `$nex`;
- a catch-all rule in every ruleset, so no fact is "unhandled" (which would make a later
  `delete_state` crash the process); it fires last, which also tells that the plan is done;
- one fact per plan, in a fresh session (`sid`) deleted right after, so at most one session
  is ever live (the limit is 1024).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from cchc import ir
from cchc.facts import Facts
from cchc.ir import Branch, CompiledRule, Cond

# Durable's alpha traversal keeps at most 64 pending nodes per fact (MAX_STACK_SIZE; one more
# raises "error code: 303"). A ruleset's rules may together keep at most this many pending.
MAX_WIDTH_PER_RULESET = 60
# Durable refuses (error 113) an `$or` of more than 13 `$and` alternatives in one rule.
MAX_AND_ALTERNATIVES = 13
CATCH_ALL = "done"
# Every plan is asserted in a session of this id, deleted right after: one live session per
# ruleset, and the engine reuses the same slot of its state pool every time. A session the
# engine failed on is left alone and the ruleset moves to a new id.
SID = "plan"
# Membership flags are fact properties named `in·0`, `in·1`… (no fact has such a name).
MEMBER_PREFIX = "in·"
# Durable refuses a fact of more than 252 properties (error 302): a ruleset's fact keeps to
# this many (facts read and membership flags); a branch testing more values than fit as
# flags tests the list itself.
MAX_PROPERTIES_PER_FACT = 200

_OPS = {"ne": "$neq", "gt": "$gt", "gte": "$gte", "lt": "$lt", "lte": "$lte"}
_names = itertools.count()


class DurableError(RuntimeError):
    """The engine failed on one plan; the checker turns it into `error` results."""


def _expr(cond: Cond, member: Callable[[str, str], str] | None, prefix: str = "") -> dict[str, Any]:
    """Translate one condition to durable_rules JSON; `prefix` is '$i.' inside array items.

    Durable has no membership test, and its `$iany` walks the array's JSON again at every
    test: "list contains value" becomes a flag property of the fact (`member` names it),
    set when the plan's list holds the value, and tested by a hashed equality."""
    tag = cond[0]
    if tag == "cmp":
        _, name, op, value = cond
        key = prefix + name
        return {key: value} if op == "eq" else {_OPS[op]: {key: value}}
    if tag == "exists":
        return {"$ex": {prefix + cond[1]: 1}}
    if tag == "missing":
        return {"$nex": {prefix + cond[1]: 1}}
    if tag == "contains":
        if member is None:  # a branch testing too many values for flags (see _chunks)
            return {"$iany": {cond[1]: {"$i": cond[2]}}}
        return {member(cond[1], cond[2]): True}
    if tag == "item":
        tests = [_expr(c, member, "$i.") for c in cond[2]]
        return {"$iany": {cond[1]: tests[0] if len(tests) == 1 else {"$and": tests}}}
    if tag in ("all", "any"):
        key = "$and" if tag == "all" else "$or"
        return {key: [_expr(c, member, prefix) for c in cond[1]]}
    raise ValueError(f"unknown condition {tag!r}")


def _reads(cond: Cond, values: dict[str, set[str]], members: set[tuple[str, str]]) -> None:
    """Collect what a condition reads: facts (with the item fields read, for lists of
    objects) and (list fact, value) membership tests."""
    tag = cond[0]
    if tag in ("all", "any"):
        for c in cond[1]:
            _reads(c, values, members)
    elif tag == "contains":
        members.add((cond[1], cond[2]))
    elif tag == "item":
        values.setdefault(cond[1], set()).update(c[1] for c in cond[2])
    else:
        values.setdefault(cond[1], set())


def width(cond: Cond) -> int:
    """An upper bound of the nodes a condition keeps pending on durable's traversal stack.

    Durable expands `$or` into alternative paths that share their prefixes: the alternatives
    of an `any` are pending side by side, the parts of an `all` one after another (a chain
    of single tests keeps one node pending). Checked against durable_rules 2.0.28 on random
    nested conditions (bench/README.md): the bound was never below the real stack depth.
    """
    tag = cond[0]
    if tag == "any":
        return sum(width(c) for c in cond[1])
    if tag == "all":
        widths = [width(c) for c in cond[1]]
        return widths[0] + sum(w - 1 for w in widths[1:])
    return 1  # a test, or an array test ($iany) evaluated in one node


def _and_alternatives(cond: Cond) -> int:
    """The most `all` alternatives any `any` of the condition has."""
    if cond[0] not in ("all", "any"):
        return 0
    own = sum(1 for c in cond[1] if c[0] == "all") if cond[0] == "any" else 0
    return max(own, *(_and_alternatives(c) for c in cond[1]))


def _fits(cond: Cond, limit: int) -> bool:
    return width(cond) <= limit and _and_alternatives(cond) <= MAX_AND_ALTERNATIVES


def pieces(cond: Cond, limit: int) -> list[Cond]:
    """Conditions whose union is `cond`, each of which durable can hold as one rule: of width
    at most `limit`, and no `$or` of more than MAX_AND_ALTERNATIVES `$and`s. A branch such as
    "any of 100 citations", or "at least 5 of 7 sections" (21 combinations), becomes several
    durable rules for the same branch."""
    if _fits(cond, limit):
        return [cond]
    tag = cond[0]
    if tag == "any":
        parts = [p for c in cond[1] for p in pieces(c, limit)]
        groups: list[list[Cond]] = [[]]
        for part in parts:  # pack the alternatives back into groups that fit
            if groups[-1] and not _fits(ir.any_(*groups[-1], part), limit):
                groups.append([])
            groups[-1].append(part)
        return [ir.any_(*g) for g in groups]
    if tag != "all":
        return [cond]
    # all(…, any(b1…bn), …) = any(all(…, b1, …), …): distribute over an `any` that does not
    # fit (the widest, or the one with too many `all` alternatives).
    subs = list(cond[1])
    worst = max(
        (i for i in range(len(subs)) if subs[i][0] == "any"),
        key=lambda i: (not _fits(subs[i], limit), width(subs[i])),
        default=None,
    )
    if worst is None:
        return [cond]
    rest = subs[:worst] + subs[worst + 1 :]
    return pieces(ir.any_(*(ir.all_(*rest, alt) for alt in subs[worst][1])), limit)


def _applies_key(rule: CompiledRule) -> str:
    """Rules with equal keys apply to the same plans."""
    pack = rule.pack_meta.applies if rule.pack_meta is not None else None
    own = getattr(rule.meta, "applies", None)
    return "|".join(a.model_dump_json() if a is not None else "" for a in (pack, own))


def _dumps(fact: dict[str, Any]) -> str:
    try:
        import orjson

        return orjson.dumps(fact).decode("utf-8")
    except (ImportError, TypeError):  # e.g. an integer beyond 64 bits
        return json.dumps(fact, ensure_ascii=False)


def _action_name(message: str) -> str:
    """The rule that fired, from the action message `{"<rule>":{"m":{…fact…}}}`.

    Only the name is needed: decoding the fact the engine copies into every message is what
    made each fired rule expensive."""
    if not message.startswith('{"'):
        raise DurableError(f"unexpected action message {message[:40]!r}")
    return message[2 : message.index('"', 2)]


def _by_fact(flags: dict[tuple[str, str], str]) -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for (fact, value), flag in flags.items():
        out.setdefault(fact, []).append((value, flag))
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True)
class _Unit:
    """One branch of a rule, as a durable rule; `flags`: its membership tests as flags."""

    rule: CompiledRule
    index: int
    branch: Branch
    flags: bool


@dataclass
class _Ruleset:
    name: str
    handle: int
    rule_ids: list[str]
    rule_set: frozenset[str]
    wanted: dict[str, tuple[str, ...]]  # fact → item fields read (empty: the whole fact)
    members: dict[str, tuple[tuple[str, str], ...]]  # list fact → (value, flag property)
    actions: dict[str, tuple[str, int]]  # durable rule name → (rule ID, branch index)
    sid: str = SID  # the session id plans are asserted under


class DurableBackend:
    name = "durable"

    def __init__(self, rules: list[CompiledRule]) -> None:
        import durable_rules_engine

        self._engine: Any = durable_rules_engine
        self._rulesets: list[_Ruleset] = []
        self._sids = itertools.count()
        self._rule_ids = [r.id for r in rules]
        for chunk in self._chunks(rules):
            self._register(chunk)

    @property
    def rulesets(self) -> list[tuple[str, list[str]]]:
        """(ruleset name, rule IDs) of each ruleset, in evaluation order."""
        return [(rs.name, rs.rule_ids) for rs in self._rulesets]

    @staticmethod
    def _chunks(rules: list[CompiledRule]) -> list[list[_Unit]]:
        """Branches in rulesets of at most MAX_WIDTH_PER_RULESET pending nodes and
        MAX_PROPERTIES_PER_FACT fact properties, those of rules that apply together side by
        side (so that a plan skips whole rulesets)."""
        groups: dict[str, list[CompiledRule]] = {}
        for rule in rules:
            groups.setdefault(_applies_key(rule), []).append(rule)
        chunks: list[list[_Unit]] = [[]]
        size, props = 0, set()
        for group in groups.values():
            if chunks[-1]:
                chunks.append([])
                size, props = 0, set()
            for rule in group:
                for index, whole in enumerate(rule.branches):
                    for cond in pieces(whole.cond, MAX_WIDTH_PER_RULESET):
                        branch = Branch(whole.status, cond)
                        values: dict[str, set[str]] = {}
                        members: set[tuple[str, str]] = set()
                        _reads(cond, values, members)
                        flags = len(members) + len(values) <= MAX_PROPERTIES_PER_FACT
                        own = set(values) | (members if flags else {m[0] for m in members})
                        n = width(cond)
                        over = len(props | own) > MAX_PROPERTIES_PER_FACT
                        if chunks[-1] and (size + n > MAX_WIDTH_PER_RULESET or over):
                            chunks.append([])
                            size, props = 0, set()
                        chunks[-1].append(_Unit(rule, index, branch, flags))
                        size += n
                        props |= own
        return [c for c in chunks if c]

    def _register(self, units: list[_Unit]) -> None:
        name = f"cchc_{next(_names)}"
        definition: dict[str, Any] = {}
        wanted: dict[str, set[str]] = {}
        flags: dict[tuple[str, str], str] = {}

        def member(fact: str, value: str) -> str:
            return flags.setdefault((fact, value), f"{MEMBER_PREFIX}{len(flags)}")

        actions: dict[str, tuple[str, int]] = {}
        for i, unit in enumerate(units):
            members: set[tuple[str, str]] = set()
            _reads(unit.branch.cond, wanted, members)
            if not unit.flags:  # the list itself is posted and tested
                for fact, _ in members:
                    wanted.setdefault(fact, set())
            # `kind: plan` keeps the session's own state fact from matching a negative test
            # such as $nex.
            test = _expr(unit.branch.cond, member if unit.flags else None)
            definition[f"b{i}"] = {"all": [{"m": {"$and": [{"kind": "plan"}, test]}}], "pri": 1}
            actions[f"b{i}"] = (unit.rule.id, unit.index)
        definition[CATCH_ALL] = {"all": [{"m": {"kind": "plan"}}], "pri": 1000}
        handle = self._engine.create_ruleset(name, json.dumps(definition, ensure_ascii=False))
        rule_ids = list(dict.fromkeys(unit.rule.id for unit in units))
        self._rulesets.append(
            _Ruleset(
                name,
                handle,
                rule_ids,
                frozenset(rule_ids),
                {k: tuple(sorted(v)) for k, v in wanted.items()},
                _by_fact(flags),
                actions,
            )
        )

    def evaluate(
        self, facts: Facts, only: Collection[str] | None = None
    ) -> tuple[dict[str, set[int]], dict[str, str]]:
        out: dict[str, set[int]] = {rid: set() for rid in self._rule_ids}
        errors: dict[str, str] = {}
        for ruleset in self._rulesets:
            if only is not None and ruleset.rule_set.isdisjoint(only):
                continue  # none of its rules applies to this plan
            try:
                fired = self._run(ruleset, facts)
            except DurableError as exc:  # only this ruleset's rules become errors
                errors.update(dict.fromkeys(ruleset.rule_ids, str(exc)))
                continue
            for rule_id, branch in fired:
                out[rule_id].add(branch)
        return out, errors

    def _run(self, ruleset: _Ruleset, facts: Facts) -> list[tuple[str, int]]:
        """Assert the plan fact in a new session; return the branches that fired."""
        engine, handle, sid = self._engine, ruleset.handle, ruleset.sid
        fact = self._slim(ruleset, facts)
        fact["sid"], fact["kind"] = sid, "plan"
        try:
            code, state = engine.assert_fact(handle, _dumps(fact))
        except Exception as exc:  # durable_rules_engine.error, MemoryError, …
            ruleset.sid = f"{SID}{next(self._sids)}"
            raise DurableError(f"{type(exc).__name__}: {exc}") from exc
        if code != 0:  # 1: not handled, 2: "already observed" (#376); the session is left
            # alone: deleting a session whose message was not handled crashes durable_rules.
            ruleset.sid = f"{SID}{next(self._sids)}"
            raise DurableError(f"the engine refused the plan (code {code})")
        fired: list[str] = []
        try:
            step = engine.start_action_for_state(handle, state)
            message = step[1] if step else None
            while message:
                fired.append(_action_name(message))
                message = engine.complete_and_start_action(handle, state)
        except DurableError:
            raise
        except Exception as exc:
            raise DurableError(f"{type(exc).__name__}: {exc}") from exc
        finally:
            engine.delete_state(handle, sid)
        if not fired or fired[-1] != CATCH_ALL:
            raise DurableError("the engine did not finish the plan")
        return [ruleset.actions[name] for name in fired[:-1]]

    @staticmethod
    def _slim(ruleset: _Ruleset, facts: Facts) -> dict[str, Any]:
        """Only the facts this ruleset reads: the engine copies the fact into every action
        message, so its size is paid once per fired branch."""
        out: dict[str, Any] = {}
        for name, fields in ruleset.wanted.items():
            if name not in facts:
                continue
            value = facts[name]
            if fields and isinstance(value, list):
                value = [{f: item[f] for f in fields if f in item} for item in value]
            out[name] = value
        for name, tests in ruleset.members.items():
            present = facts.get(name)
            if present:
                held = set(present)
                for value, flag in tests:
                    if value in held:
                        out[flag] = True
        return out
