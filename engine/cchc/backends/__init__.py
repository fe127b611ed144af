"""Engine backends: evaluate compiled rules on one plan's facts.

A backend is built once for a list of compiled rules and then called once per plan, with the
IDs of the rules that apply to it (the others need not be evaluated); it returns, for each
evaluated rule, the indexes of the branches whose condition matched. `cchc.ir.decide` turns
that into a status, identically for every backend.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from cchc.facts import Facts
from cchc.ir import CompiledRule

Matches = dict[str, set[int]]
Errors = dict[str, str]  # rule ID → why the engine could not evaluate it on this plan


class Backend(Protocol):
    name: str

    def evaluate(
        self, facts: Facts, only: Collection[str] | None = None
    ) -> tuple[Matches, Errors]: ...


class BackendUnavailable(RuntimeError):
    """The requested backend cannot run here (e.g. durable-rules not importable)."""


def make_backend(name: str, rules: list[CompiledRule]) -> Backend:
    if name == "python":
        from cchc.backends.reference import ReferenceBackend

        return ReferenceBackend(rules)
    if name == "durable":
        from cchc.backends.durable import DurableBackend

        return DurableBackend(rules)
    raise ValueError(f"unknown engine {name!r}")


def durable_available() -> bool:
    try:
        import durable.engine  # noqa: F401
    except Exception:  # ImportError, or the undefined-symbol error of 3.13+
        return False
    return True
