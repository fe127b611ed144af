"""The durable_rules backend: the intermediate form compiled to durable_rules JSON rulesets.

Designed around the limits of durable_rules 2.0.28 (see the project notes in README):
- one `Host` per process (each Host starts timer threads that never stop);
- rulesets registered from deep copies (registration mutates the dict), under unique names;
- rules chunked so that no fact satisfies more than ~64 conditions or 512 siblings per ruleset;
- every rule also tests `kind == "plan"`, so that the session state (itself a fact, re-asserted
  after each action) never matches an absence test and re-fires it forever;
- a catch-all rule in every ruleset, so no fact is "unhandled" (which raises, and makes a
  later `delete_state` crash the process);
- one fact per plan, in a fresh session (`sid`) deleted right after, so at most one session
  is ever live (the limit is 1024);
- actions only record which branch fired; an exception swallowed by the engine is read back
  from the session state and raised;
- a sentinel action with the lowest priority tells that all actions of the plan ran.
"""

from __future__ import annotations

import copy
import itertools
import threading
import time
from typing import Any

from cchc.facts import Facts
from cchc.ir import CompiledRule, Cond, conditions, referenced

# Leaf conditions per ruleset: below durable's 64 simultaneously-true conditions per fact.
MAX_CONDITIONS_PER_RULESET = 48
SENTINEL = "__done__"
# Actions run synchronously for facts this small; the wait only guards the engine's
# background dispatcher, which may run queued actions after `assert_fact` returns.
COMPLETION_TIMEOUT_S = 5.0

_OPS = {"ne": "$neq", "gt": "$gt", "gte": "$gte", "lt": "$lt", "lte": "$lte"}
_names = itertools.count()
_host: Any = None
_host_lock = threading.Lock()


class DurableError(RuntimeError):
    """The engine failed on one plan; the checker turns it into `error` results."""


def _expr(cond: Cond, prefix: str = "") -> dict[str, Any]:
    """Translate one condition to durable_rules JSON; `prefix` is '$i.' inside array items."""
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
        return {"$iany": {cond[1]: {"$i": cond[2]}}}
    if tag == "item":
        tests = [_expr(c, "$i.") for c in cond[2]]
        return {"$iany": {cond[1]: tests[0] if len(tests) == 1 else {"$and": tests}}}
    if tag in ("all", "any"):
        return {"$and" if tag == "all" else "$or": [_expr(c, prefix) for c in cond[1]]}
    raise ValueError(f"unknown condition {tag!r}")


def _get_host() -> Any:
    global _host
    with _host_lock:
        if _host is None:
            from durable.engine import Host

            class _Host(Host):  # type: ignore[misc]
                def __init__(self) -> None:
                    self.actions: dict[str, Any] = {}
                    super().__init__()

                def get_action(self, action_name: str) -> Any:
                    return self.actions[action_name]

            _host = _Host()
        return _host


class DurableBackend:
    name = "durable"

    def __init__(self, rules: list[CompiledRule]) -> None:
        self._host = _get_host()
        self._hits: dict[str, list[tuple[str, int]]] = {}
        self._rulesets: list[tuple[str, list[str]]] = []
        self._wanted: dict[str, dict[str, tuple[str, ...]]] = {}
        self._sids = itertools.count()
        self._rule_ids = [r.id for r in rules]
        for chunk in self._chunks(rules):
            self._register(chunk)

    @staticmethod
    def _chunks(rules: list[CompiledRule]) -> list[list[CompiledRule]]:
        chunks: list[list[CompiledRule]] = [[]]
        size = 0
        for rule in rules:
            n = sum(conditions(b.cond) for b in rule.branches)
            if chunks[-1] and size + n > MAX_CONDITIONS_PER_RULESET:
                chunks.append([])
                size = 0
            chunks[-1].append(rule)
            size += n
        return [c for c in chunks if c]

    def _register(self, rules: list[CompiledRule]) -> None:
        name = f"cchc_{next(_names)}"
        definition: dict[str, Any] = {}
        wanted: dict[str, set[str]] = {}
        for rule in rules:
            for branch in rule.branches:
                referenced(branch.cond, wanted)
        for r_index, rule in enumerate(rules):
            for b_index, branch in enumerate(rule.branches):
                action = f"{name}_{r_index}_{b_index}"
                # `kind: plan` keeps the session's own state fact (re-asserted after every
                # action) from matching a negative test such as $nex, which would loop forever.
                expr = {"$and": [{"kind": "plan"}, _expr(branch.cond)]}
                definition[action] = {"all": [{"m": expr}], "pri": 1, "run": action}
                self._host.actions[action] = self._recorder(rule.id, b_index)
        sentinel = f"{name}_{SENTINEL}"
        definition[sentinel] = {"all": [{"m": {"kind": "plan"}}], "pri": 1000, "run": sentinel}
        self._host.actions[sentinel] = self._recorder(SENTINEL, 0)
        self._host.register_rulesets({name: copy.deepcopy(definition)})
        self._rulesets.append((name, [r.id for r in rules]))
        self._wanted[name] = {k: tuple(sorted(v)) for k, v in wanted.items()}

    def _recorder(self, rule_id: str, branch: int) -> Any:
        hits = self._hits

        def record(c: Any) -> None:
            hits.setdefault(c.m["sid"], []).append((rule_id, branch))

        return record

    def evaluate(self, facts: Facts) -> tuple[dict[str, set[int]], dict[str, str]]:
        out: dict[str, set[int]] = {rid: set() for rid in self._rule_ids}
        errors: dict[str, str] = {}
        for ruleset, rule_ids in self._rulesets:
            try:
                hits = self._run(ruleset, facts)
            except DurableError as exc:  # only this ruleset's rules become errors
                errors.update(dict.fromkeys(rule_ids, str(exc)))
                continue
            for rule_id, branch in hits:
                if rule_id != SENTINEL:
                    out[rule_id].add(branch)
        return out, errors

    def _run(self, ruleset: str, facts: Facts) -> list[tuple[str, int]]:
        """Assert the plan fact in a fresh session and return the branches that fired."""
        sid = f"{ruleset}:{next(self._sids)}"
        fact = self._slim(ruleset, facts)
        fact["sid"], fact["kind"] = sid, "plan"
        self._hits[sid] = []
        handled = False
        try:
            self._host.assert_fact(ruleset, fact)
            self._wait(sid)
            handled = True
            state = self._host.get_state(ruleset, sid)
            if isinstance(state, dict) and state.get("exception"):
                raise DurableError(str(state["exception"]).splitlines()[0])
        except DurableError:
            raise
        except Exception as exc:  # durable_rules_engine.error, MemoryError, …
            raise DurableError(f"{type(exc).__name__}: {exc}") from exc
        finally:
            # Deleting a session whose message was never handled crashes durable_rules 2.0.28;
            # such a session is left to the engine (it happens only on an engine error).
            if handled:
                self._host.delete_state(ruleset, sid)
            hits = self._hits.pop(sid, [])
        return hits

    def _slim(self, ruleset: str, facts: Facts) -> dict[str, Any]:
        """Only the facts this ruleset reads: the engine hands the whole fact, as JSON, to
        every action that fires, so its size is paid once per fired branch."""
        out: dict[str, Any] = {}
        for name, fields in self._wanted[ruleset].items():
            if name not in facts:
                continue
            value = facts[name]
            if fields and isinstance(value, list):
                value = [{f: item[f] for f in fields if f in item} for item in value]
            out[name] = value
        return out

    def _wait(self, sid: str) -> None:
        deadline = time.monotonic() + COMPLETION_TIMEOUT_S
        while not any(rid == SENTINEL for rid, _ in self._hits.get(sid, ())):
            if time.monotonic() > deadline:
                raise DurableError("the engine did not finish the plan in time")
            time.sleep(0.001)
