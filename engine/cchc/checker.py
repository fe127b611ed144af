"""Check plans: applicable packs → facts → engine → results → score and verdict.

A `Checker` loads and compiles the packs once, then checks any number of plans.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc import __version__, rulepack, vocab
from cchc.applicability import (
    Applicability,
    after_source,
    check_applies,
    decide_applicability,
    district_parent,
    judge_date,
    parent_numbers,
)
from cchc.backends import BackendUnavailable, durable_available, make_backend
from cchc.compiler import compile_rule, requires_of
from cchc.evidence import attach_evidence
from cchc.explain import explain
from cchc.facts import derive
from cchc.ir import CompiledRule, decide
from cchc.loader import InputError, load_plan
from cchc.locate import locate
from cchc.messages import t
from cchc.model import Plan
from cchc.packcache import cached
from cchc.paths import data_dir
from cchc.result import (
    Binding,
    CheckRun,
    InputFailure,
    PlanInfo,
    PlanReport,
    RuleResult,
    Severity,
    Source,
    Status,
)
from cchc.rulepack import PackFile, pack_files, read_pack
from cchc.scoring import GAP, area_scores, decide_verdict, load_policy, total_score
from cchc.waivers import Waiver, load_waivers

DOC_KIND_VI = {
    "KH": "Kế hoạch",
    "QD": "Quyết định",
    "CV": "Công văn",
    "NQ": "Nghị quyết",
    "ND": "Nghị định",
    "CT": "Chỉ thị",
    "TT": "Thông tư",
    "LUAT": "Luật",
    "OTHER": "Văn bản",
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass
class CheckOptions:
    engine: str = "auto"  # durable when it imports, else python; or "durable", "python"
    rules_dirs: tuple[Path, ...] = ()  # extra packs
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    as_of: dt.date | None = None
    waivers: Path | None = None
    lang: str = "vi"
    builtin_rules: bool = True  # False: only the packs of `rules_dirs` (to test a custom pack)
    province: str | None = None  # --province: the plans' province, whatever they state


def _selected(rule_id: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    def hit(prefixes: tuple[str, ...]) -> bool:
        return any(rule_id == p or rule_id.startswith(p.rstrip("-") + "-") for p in prefixes)

    return (not select or hit(select)) and not hit(ignore)


def fill(template: str, details: dict[str, Any]) -> str:
    """Fill `{name}` placeholders from details; nothing else is interpreted."""
    return _PLACEHOLDER.sub(lambda m: str(details.get(m.group(1), m.group(0))), template)


def _restricts(applies: Any) -> bool:
    """Does an `applies` block say anything (one left at its defaults applies everywhere)?"""
    return bool(applies.model_dump(exclude_defaults=True))


def _pass_template(rule: CompiledRule, lang: str) -> str:
    meta = rule.meta
    return meta.message.pass_.get(lang) if meta.message.pass_ else meta.title.get(lang)


def trusted_result(fixed: dict[str, Any], **values: Any) -> RuleResult:
    """A RuleResult from values already validated, as `model_construct` would build it when
    every field is given, at half its cost (it runs once per rule and plan)."""
    result = RuleResult.__new__(RuleResult)
    fields = dict(fixed)  # every field, in the model's order (serialisers follow it)
    fields.update(values)
    object.__setattr__(result, "__dict__", fields)
    object.__setattr__(result, "__pydantic_fields_set__", set(_RESULT_FIELDS))
    object.__setattr__(result, "__pydantic_extra__", None)
    object.__setattr__(result, "__pydantic_private__", None)
    return result


_RESULT_FIELDS = frozenset(RuleResult.model_fields)


def load_packs(dirs: list[Path]) -> list[PackFile]:
    """The packs of `dirs` in order, read and validated, or kept from an earlier start."""
    files = [path for directory in dirs for path in pack_files(directory)]

    def build() -> list[PackFile]:
        return [read_pack(path)[0] for path in files]

    def valid(value: object) -> bool:
        return (
            isinstance(value, list)
            and len(value) == len(files)
            and all(isinstance(p, PackFile) for p in value)
        )

    # The cached objects are defined by these modules: a change to them is another key.
    code = [Path(m.__file__ or "") for m in (rulepack, vocab)]
    return cached("packs", files, code, build, valid)


def source_of(rule: CompiledRule) -> Source:
    doc = rule.pack_meta.document
    src = rule.meta.source
    number = src.number or doc.number
    return Source(
        document=src.document or f"{DOC_KIND_VI.get(str(doc.kind), '')} {number}".strip(),
        number=number,
        date=(src.date or doc.date).isoformat() if (src.date or doc.date) else None,
        issuer=src.issuer or doc.issuer,
        clause=src.clause,
        status=rule.meta.status,
    )


class Checker:
    def __init__(self, options: CheckOptions | None = None) -> None:
        self.options = options or CheckOptions()
        self.notices: list[str] = []
        dirs = ([data_dir("rules")] if self.options.builtin_rules else []) + list(
            self.options.rules_dirs
        )
        self.packs = load_packs(dirs)
        seen: dict[str, str] = {}
        self.rules: list[CompiledRule] = []
        for pack in self.packs:
            for spec in pack.rules:
                if spec.id in seen:
                    from cchc.rulepack import PackError

                    raise PackError(
                        pack.pack.id, f"rule id also defined in pack {seen[spec.id]}", rule=spec.id
                    )
                seen[spec.id] = pack.pack.id
                if _selected(spec.id, self.options.select, self.options.ignore):
                    self.rules.append(compile_rule(spec, pack.pack))
        engine = self.options.engine
        if engine in ("auto", "durable") and not durable_available():
            import platform

            py = platform.python_version()
            if engine == "durable":  # asked for by name: say so rather than fall back
                raise BackendUnavailable(t("engine_unavailable", self.options.lang, py=py))
            self.notices.append(t("engine_fallback", self.options.lang, py=py))
            engine = "python"
        elif engine == "auto":
            engine = "durable"
        try:
            self.backend = make_backend(engine, self.rules)
        except BackendUnavailable as exc:
            raise RuntimeError(str(exc)) from exc
        self.engine = engine
        # Computed once and shared by all plans: what a result takes from its rule alone.
        lang = self.options.lang
        self._sources = {r.id: source_of(r) for r in self.rules}
        self._fixed: dict[str, dict[str, Any]] = {
            r.id: dict.fromkeys(RuleResult.model_fields)
            | {
                "rule": r.id,
                "severity": Severity(r.meta.severity),
                "weight": r.meta.weight,
                "area": r.meta.area,
                "pack": r.pack,
                "title": r.meta.title.get(lang),
                "source": self._sources[r.id],
                "binding": Binding.requirement if r.meta.is_requirement else Binding.recommendation,
            }
            for r in self.rules
        }
        self.policy = load_policy()
        # Rules with applicability of their own (most have only their pack's).
        self._own_applies = {r.id for r in self.rules if _restricts(r.meta.applies)}
        # Pass messages without placeholders, and why-not messages, are the same every time.
        self._plain_pass = {
            r.id: text for r in self.rules if "{" not in (text := _pass_template(r, lang))
        }
        self._why_not_cache: dict[Applicability, str] = {}
        self.waivers: list[Waiver] = (
            load_waivers(self.options.waivers) if self.options.waivers else []
        )

    # --- one plan ------------------------------------------------------------------------------

    def check_path(self, path: str | Path) -> PlanReport:
        """Load and check one plan file; raises `InputError` when it cannot be read."""
        return self.check_plan(load_plan(path), str(path))

    def check_plan(self, plan: Plan, file: str) -> PlanReport:
        lang = self.options.lang
        facts = derive(plan)
        parents = parent_numbers(plan)
        as_of = judge_date(plan, self.options.as_of)
        notices = list(self.notices)
        if self.options.as_of is None and plan.document.issue_date is None and as_of is not None:
            notices.append(t("judged_at_period_start", lang, date=as_of.isoformat()))
        place = locate(plan, as_of, lang, self.options.province)
        # Applicability first: the engine evaluates only the rules that apply.
        pack_applies: dict[str, Applicability] = {}
        verdicts: list[Applicability] = []
        for rule in self.rules:
            if rule.pack not in pack_applies:
                doc = rule.pack_meta.document
                pack_applies[rule.pack] = decide_applicability(
                    [
                        check_applies(
                            rule.pack_meta.applies,
                            plan,
                            self.options.as_of,
                            parents,
                            place.province,
                        ),
                        after_source(doc.date, plan, self.options.as_of),
                        district_parent(doc.issuer, plan, self.options.as_of),
                    ]
                )
            verdict_ = self._applicability(
                rule, plan, parents, pack_applies[rule.pack], place.province
            )
            if verdict_.applies:
                # A rule binds only plans issued after its own source document.
                verdict_ = after_source(rule.meta.source.date, plan, self.options.as_of)
            verdicts.append(verdict_)
        verdicts = self._yield(verdicts)
        unchecked = sorted(
            {
                f"{dict(v.params)['provinces']} ({r.pack})"
                for r, v in zip(self.rules, verdicts, strict=True)
                if v.unchecked
            }
        )
        if unchecked:
            notices.append(t("province_packs_unchecked", lang, packs="; ".join(unchecked)))
        applicable = [r.id for r, v in zip(self.rules, verdicts, strict=True) if v.applies]
        try:
            matches, engine_errors = self.backend.evaluate(facts, applicable)
        except Exception as exc:  # the whole evaluation failed: every rule is an error
            matches, engine_errors = {}, dict.fromkeys(applicable, f"{type(exc).__name__}: {exc}")
        results: list[RuleResult] = []
        today = dt.date.today()
        for rule, verdict_ in zip(self.rules, verdicts, strict=True):
            result = self._result(rule, facts, matches, engine_errors, lang, verdict_)
            if result.status in GAP:
                result = self._waive(result, plan, file, today, notices, lang)
            results.append(result)
        reasons = [None if v.applies else v.reason for v in verdicts]
        attach_evidence(results, self.rules, reasons, plan, facts, lang, matches)
        score = total_score(results)
        decision = decide_verdict(results, score, self.policy)
        return PlanReport(
            file=file,
            plan=PlanInfo(
                issuer=plan.issuer.name,
                level=str(plan.issuer.level) if plan.issuer.level else None,
                province=place.province or plan.issuer.province,
                number=plan.document.number,
                issue_date=plan.document.issue_date.isoformat()
                if plan.document.issue_date
                else None,
                title=plan.document.title,
            ),
            as_of=as_of.isoformat() if as_of else None,
            engine=self.engine,
            packs=sorted({r.pack for r in self.rules}),
            score=score,
            verdict=decision.verdict,
            areas=area_scores(results),
            results=results,
            notices=notices,
            provisional=decision.provisional,
            provisional_reasons=decision.provisional_reasons,
            verdict_reasons=decision.reasons,
            place=place,
        )

    def _yield(self, verdicts: list[Applicability]) -> list[Applicability]:
        """A recommendation that yields to rules stating the same duty as binding does not
        apply where one of them applies (rules/README.md, `yields_to`)."""
        applies = {r.id for r, v in zip(self.rules, verdicts, strict=True) if v.applies}
        out = []
        for rule, v in zip(self.rules, verdicts, strict=True):
            covering = [x for x in rule.meta.yields_to if x in applies] if v.applies else []
            out.append(
                Applicability(False, "na_yields", params=(("rules", ", ".join(covering)),))
                if covering
                else v
            )
        return out

    def _base(
        self, rule: CompiledRule, status: Status, credit: float, message: str, fix: str | None
    ) -> RuleResult:
        # Built without re-validation: every field comes from validated packs and the engine.
        return trusted_result(
            self._fixed[rule.id],
            status=status,
            credit=credit,
            message=message,
            fix=fix,
            evidence=[],
            waiver=None,
        )

    def _why_not(self, verdict_: Applicability) -> str:
        """The message of a rule that does not apply (or cannot be decided)."""
        text = self._why_not_cache.get(verdict_)
        if text is None:
            text = t(verdict_.reason, self.options.lang, **dict(verdict_.params))
            if len(self._why_not_cache) < 4096:  # bounded: params can name a province
                self._why_not_cache[verdict_] = text
        return text

    def _applicability(
        self,
        rule: CompiledRule,
        plan: Plan,
        parents: set[str],
        pack_verdict: Applicability,
        province: str | None,
    ) -> Applicability:
        """The pack's verdict and the rule's own; a criterion that rules the plan out wins over
        one that cannot be decided."""
        if rule.id not in self._own_applies:
            return pack_verdict
        if not pack_verdict.applies and not pack_verdict.undecidable and not pack_verdict.unchecked:
            return pack_verdict  # ruled out already: the rule's own criteria change nothing
        return decide_applicability(
            [
                pack_verdict,
                check_applies(rule.meta.applies, plan, self.options.as_of, parents, province),
            ]
        )

    def _result(
        self,
        rule: CompiledRule,
        facts: dict[str, Any],
        matches: dict[str, set[int]],
        engine_errors: dict[str, str],
        lang: str,
        verdict_: Applicability,
    ) -> RuleResult:
        meta = rule.meta
        if not verdict_.applies:
            # The plan does not show what applicability needs (its level, date…): unknown.
            status = Status.unknown if verdict_.undecidable else Status.not_applicable
            return self._base(rule, status, 0.0, self._why_not(verdict_), None)
        if rule.id in engine_errors:
            msg = t("engine_rule_error", lang, error=engine_errors[rule.id])
            return self._base(rule, Status.error, 0.0, msg, None)
        try:
            status = decide(rule, matches.get(rule.id, set()))
            if status == "pass" and rule.id in self._plain_pass:
                # Nothing to explain: full credit and a message without placeholders.
                return self._base(rule, Status.passed, 1.0, self._plain_pass[rule.id], None)
            credit, details = explain(rule, status, facts, lang)
        except Exception as exc:  # a broken rule must not sink the plan: report it
            msg = t("engine_rule_error", lang, error=f"{type(exc).__name__}: {exc}")
            return self._base(rule, Status.error, 0.0, msg, None)
        if status == "error":
            # A fact the rule needs is absent: the input does not show it (not a fault).
            missing = [f for f in requires_of(rule) if f not in facts]
            template = (
                meta.message.error.get(lang) if meta.message.error else t("err_missing_facts", lang)
            )
            details["facts"] = ", ".join(missing)
            return self._base(
                rule,
                Status.unknown,
                0.0,
                fill(template, details),
                fill(meta.fix.get(lang), details),
            )
        if status == "pass":
            template = _pass_template(rule, lang)
            return self._base(rule, Status.passed, 1.0, fill(template, details), None)
        if status == "partial" and credit < self.policy.min_partial_credit:
            status, credit = "fail", 0.0  # near-zero credit is a failure (rules/policy.yaml)
        template = (
            meta.message.partial.get(lang)
            if status == "partial" and meta.message.partial
            else meta.message.fail.get(lang)
        )
        return self._base(
            rule, Status(status), credit, fill(template, details), fill(meta.fix.get(lang), details)
        )

    def _waive(
        self,
        result: RuleResult,
        plan: Plan,
        file: str,
        today: dt.date,
        notices: list[str],
        lang: str,
    ) -> RuleResult:
        for w in self.waivers:
            if not w.matches(result.rule, plan.document.number, file):
                continue
            if w.expires is not None and w.expires < today:
                notices.append(
                    t("waiver_expired", lang, rule=result.rule, date=w.expires.isoformat())
                )
                continue
            return result.model_copy(update={"status": Status.waived, "waiver": w.reason})
        return result


# --- many plans ------------------------------------------------------------------------------


@dataclass
class RunOutcome:
    run: CheckRun
    input_errors: list[InputError] = field(default_factory=list)


def run_check(
    paths: list[str],
    checker: Checker,
    on_plan: Callable[[Plan, PlanReport], None] | None = None,
) -> RunOutcome:
    """Check every path; unreadable inputs are listed under `errors`, never dropped.
    `on_plan` sees each plan beside its report (to record it, or compare it with an earlier
    version)."""
    lang = checker.options.lang
    run = CheckRun(version=__version__, lang=lang)
    outcome = RunOutcome(run)
    for path in paths:
        try:
            plan = load_plan(path)
            report = checker.check_plan(plan, str(path))
            if on_plan is not None:
                on_plan(plan, report)
            run.plans.append(report)
        except InputError as exc:
            outcome.input_errors.append(exc)
            run.errors.append(
                InputFailure(file=exc.file, error=" ".join(exc.lines(lang)), field=exc.field)
            )
    return outcome
