"""`cchc rules lint`: every problem of a rules directory, each with file, rule and line.

Beyond the pack model (rulepack.py) it checks what only a whole directory shows: that every
check compiles, messages use only the details their check provides, every rule's examples
are valid plan fragments, a check that can be partial has a partial example and message, and
rule IDs are unique across packs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from cchc.compiler import CompileError, compile_rule
from cchc.model import Plan
from cchc.rulepack import PackError, pack_files, read_pack
from cchc.yamlsafe import YamlDoc

# Details each check kind fills into messages (explain.py); `facts` is filled for errors.
DETAILS: dict[str, set[str]] = {
    "cites": {"cited", "other"},
    "cites_none": {"found"},
    "misattributed": {"found"},
    "has_sections": {"found", "missing"},
    "has_audiences": {"found", "missing"},
    "covers_areas": {"found", "missing"},
    "names_indices": {"found", "missing"},
    "has_format_parts": {"found", "missing"},
    "activity": {"best", "required"},
    "dialogue": {"best", "required", "not_counted"},
    "no_later_citations": {"found"},
    "has_forms": {"online", "traditional"},
    "every_activity": {"incomplete"},
    "deadlines_in_period": {"outside"},
    "reporting": {"found"},
    "has_budget": set(),
    "issued_by": {"issued"},
    "no_district_tasks": {"found"},
    "issuer_consistent": set(),
    "when": set(),
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class LintProblem:
    file: str
    line: int | None
    rule: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {f'[{self.rule}] ' if self.rule else ''}{self.message}"


def lint_dir(directory: Path) -> tuple[list[LintProblem], int, int]:
    """(problems, packs read, rules read) for every pack of a directory."""
    problems: list[LintProblem] = []
    files = pack_files(directory)
    ids: dict[str, str] = {}
    n_rules = 0
    for path in files:
        try:
            pack, doc = read_pack(path)
        except PackError as exc:
            problems.append(LintProblem(exc.file, exc.line, exc.rule, exc.message))
            continue
        for i, rule in enumerate(pack.rules):
            n_rules += 1

            def report(
                message: str,
                *loc: str | int,
                rule_id: str = rule.id,
                index: int = i,
                file: Path = path,
                where: YamlDoc = doc,
            ) -> None:
                line = where.line_of(("rules", index, *loc))
                problems.append(LintProblem(str(file), line, rule_id, message))

            if rule.id in ids:
                report(f"duplicate rule id (also in {ids[rule.id]})", "id")
            ids[rule.id] = str(path)
            try:
                compiled = compile_rule(rule, pack.pack)
            except CompileError as exc:
                report(f"check: {exc}", "check")
                continue
            allowed = DETAILS[rule.check.kind] | {"facts"}
            texts = [("fix", rule.fix)] + [
                (f"message.{k}", v)
                for k, v in (
                    ("pass", rule.message.pass_),
                    ("fail", rule.message.fail),
                    ("partial", rule.message.partial),
                    ("error", rule.message.error),
                )
                if v is not None
            ]
            for where, text in texts:
                for lang in ("vi", "en"):
                    for name in _PLACEHOLDER.findall(getattr(text, lang)):
                        if name not in allowed:
                            report(
                                f"{where}.{lang}: unknown placeholder {{{name}}}; "
                                f"this check provides: {', '.join(sorted(allowed)) or 'none'}",
                                *where.split("."),
                            )
            can_be_partial = any(b.status == "partial" for b in compiled.branches)
            if can_be_partial and not rule.examples.partial:
                report("the check can give 'partial': add a partial example", "examples")
            if can_be_partial and rule.message.partial is None:
                report("the check can give 'partial': add message.partial", "message")
            if not can_be_partial and rule.examples.partial:
                report(
                    "this check never gives 'partial', but a partial example is given",
                    "examples",
                    "partial",
                )
            for status in ("pass", "fail", "partial"):
                for j, fragment in enumerate(
                    getattr(rule.examples, "pass_" if status == "pass" else status)
                ):
                    try:
                        Plan.model_validate(fragment)
                    except ValidationError as exc:
                        err = exc.errors()[0]
                        path_ = ".".join(str(p) for p in err["loc"])
                        report(
                            f"examples.{status}[{j}] is not a valid plan: {path_}: {err['msg']}",
                            "examples",
                            status,
                            j,
                        )
    return problems, len(files), n_rules
