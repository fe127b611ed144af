"""Credit and message details of a decided rule, computed from the same facts.

The engine decides the status; this module says how much partial credit it earns and fills
the `{placeholders}` of the rule's message (what was found, what is missing). Both backends
share it, so they cannot disagree on it.
"""

from __future__ import annotations

from typing import Any

from cchc.citations import UNDATED, cite_key
from cchc.compiler import (
    ITEM_FACTS,
    dialogue_kind,
    dialogue_per_year,
    items_of,
    required_per_year,
)
from cchc.facts import Facts
from cchc.ir import CompiledRule
from cchc.vocab import (
    AREA_LABELS,
    AUDIENCE_LABELS,
    FORM_LABELS,
    FORMAT_PART_LABELS,
    INDEX_LABELS,
    LEVEL_LABELS,
    SECTION_LABELS,
    label,
)

_LABELS = {
    "sections": SECTION_LABELS,
    "audiences": AUDIENCE_LABELS,
    "areas": AREA_LABELS,
    "format_parts": FORMAT_PART_LABELS,
    "indices": INDEX_LABELS,
}


def _names(fact: str, values: list[str], lang: str) -> str:
    table = _LABELS.get(fact)
    shown = [label(table, v, lang) if table else v for v in values]
    return ", ".join(shown) if shown else "—"


def _cited(cites: set[str], number: str) -> str:
    """How the plan cites a number: '76/NQ-CP (13/06/2013)', or the bare number when undated."""
    dated = sorted(
        c.split("@")[1] for c in cites if c.startswith(number + "@") and len(c.split("@")[1]) == 10
    )
    shown = [f"{number} ({d[8:10]}/{d[5:7]}/{d[0:4]})" for d in dated]
    if f"{number}@{UNDATED}" in cites or (number in cites and not dated):
        shown.append(f"{number} (không ghi ngày / undated)")
    return ", ".join(shown)


# A document named by its kind and date only (a law cited as "Luật … ngày 19/6/2015").
_KIND_WORDS = {
    "LUAT": ("Luật", "Law"),
    "ND": ("Nghị định", "Decree"),
    "QD": ("Quyết định", "Decision"),
}


def _ref_text(ref: Any, lang: str) -> str:
    words = _KIND_WORDS.get(ref.number.upper())
    name = (words[0] if lang == "vi" else words[1]) if words else ref.number
    if ref.date is None:
        return name
    date = ref.date.strftime("%d/%m/%Y")
    return f"{name} {'ngày' if lang == 'vi' else 'of'} {date}" if words else f"{name} ({date})"


def _clamp(x: float) -> float:
    return round(min(max(x, 0.0), 1.0), 4)


def _activity_ratio(spec: Any, act: dict[str, Any]) -> float:
    """The share of an activity check's quantities one activity delivers: the product of the
    share of each (frequency, minutes, peak slot), each capped at 1. A product is monotone:
    a rarer or shorter activity never earns more than a more frequent or longer one, and
    meeting every quantity is 1. A quantity the plan does not state counts half."""
    share = 1.0
    if spec.min_count is not None or spec.min_per_year is not None:
        need = required_per_year(spec)
        if "per_year" not in act:
            share *= 0.5
        elif need:
            share *= min(act["per_year"] / need, 1.0)
    if spec.min_minutes is not None:
        share *= 0.5 if "minutes" not in act else min(act["minutes"] / spec.min_minutes, 1.0)
    if spec.peak_time:
        share *= 1.0 if act.get("peak_time") is True else 0.0
    return share


def _describe_activity(act: dict[str, Any], lang: str) -> str:
    bits = [label(FORM_LABELS, act["form"], lang)]
    if "per_year" in act:
        bits.append(_per_year_text(act["per_year"], lang))
    if "minutes" in act:
        bits.append(f"{act['minutes']} {'phút' if lang == 'vi' else 'min'}")
    if act.get("peak_time") is True:
        bits.append("giờ cao điểm" if lang == "vi" else "peak time")
    return " ".join(bits)


def explain(
    rule: CompiledRule, status: str, facts: Facts, lang: str
) -> tuple[float, dict[str, Any]]:
    """(credit, details) for a rule whose status is decided."""
    kind, spec = rule.kind, rule.spec
    details: dict[str, Any] = {}
    credit = {"pass": 1.0, "fail": 0.0, "error": 0.0}.get(status, 0.5)

    if kind in ITEM_FACTS:
        fact = ITEM_FACTS[kind]
        items, need = items_of(spec)
        present = set(facts.get(fact, []))
        found = [i for i in items if i in present]
        details["found"] = _names(fact, found, lang)
        details["missing"] = _names(fact, [i for i in items if i not in present], lang)
        if status == "partial":
            credit = len(found) / need
    elif kind == "cites":
        cites = set(facts.get("cites", []))
        refs = spec.refs()
        details["cited"] = (
            ", ".join(x for x in (_cited(cites, cite_key(r.number)) for r in refs) if x) or "—"
        )
        if status == "partial":
            credit = spec.partial_if_number_only or 0.5
        # The same number on another date is another document: say which was cited.
        others = []
        for r in refs:
            base = cite_key(r.number)
            for c in sorted(cites):
                d = c.partition("@")[2]
                if (
                    c.startswith(base + "@")
                    and len(d) == 10
                    and r.date
                    and d[:4] != str(r.date.year)
                ):
                    others.append(
                        f"{r.number} ngày {d[8:10]}/{d[5:7]}/{d[0:4]}"
                        if lang == "vi"
                        else f"{r.number} of {d[8:10]}/{d[5:7]}/{d[0:4]}"
                    )
        details["other"] = (
            (
                f" Kế hoạch dẫn {', '.join(others)}: cùng số nhưng khác năm, là văn bản khác."
                if lang == "vi"
                else f" The plan cites {', '.join(others)}: the same number in another year, another document."
            )
            if others
            else ""
        )
    elif kind == "cites_none":
        cites = set(facts.get("cites", []))
        details["found"] = (
            ", ".join(_ref_text(r, lang) for r in spec if cite_key(r.number, r.date) in cites)
            or "—"
        )
    elif kind == "misattributed":
        keys = {cite_key(spec.number, spec.date), f"{cite_key(spec.number)}@{UNDATED}"}
        hits = sorted(
            {c.split("#")[1] for c in facts.get("cite_issuers", []) if c.split("#")[0] in keys}
        )
        details["found"] = ", ".join(label(LEVEL_LABELS, h, lang) for h in hits) or "—"
    elif kind == "activity":
        forms = {str(f) for f in spec.forms}
        acts = [a for a in facts.get("activities", []) if a["form"] in forms]
        best = max(acts, key=lambda a: _activity_ratio(spec, a), default=None)
        details["best"] = _describe_activity(best, lang) if best else "—"
        details["required"] = _required_text(spec, lang)
        if status == "partial":
            credit = _activity_ratio(spec, best) if best else 0.0
    elif kind == "dialogue":
        details.update(_dialogue_details(spec, status, facts, lang))
        best = details.pop("_best_rate", 0.0)
        if status == "partial":
            need = dialogue_per_year(spec)
            # Too few of its own dialogues: their share; only a guidance conference: half.
            credit = min(best / need, 0.99) if best and need else 0.5
    elif kind == "has_forms":
        details["online"] = facts.get("n_online_forms", 0)
        details["traditional"] = facts.get("n_traditional_forms", 0)
    elif kind == "every_activity":
        acts = facts.get("activities", [])
        flags = [f"has_{f}" for f in spec]
        bad = [i + 1 for i, a in enumerate(acts) if not all(a.get(f) for f in flags)]
        details["incomplete"] = ", ".join(f"#{i}" for i in bad) or "—"
        if status == "partial" and acts:
            credit = (len(acts) - len(bad)) / len(acts)
    elif kind == "deadlines_in_period":
        acts = [a for a in facts.get("activities", []) if "deadline_in_period" in a]
        out = [a["deadline"] for a in acts if not a["deadline_in_period"]]
        details["outside"] = ", ".join(out) or "—"
        if status == "partial" and acts:
            credit = (len(acts) - len(out)) / len(acts)
    elif kind == "reporting":
        dues = [r.get("due_date", "?") for r in facts.get("reporting", [])]
        details["found"] = ", ".join(dues) or "—"
    elif kind == "issued_by":
        details["issued"] = facts.get("issue_date", "—")
    elif kind == "no_district_tasks":
        details["found"] = facts.get("district_tasks", 0)
    elif kind == "no_later_citations":
        shown = []
        for key in facts.get("cites_after_issue", []):
            number, _, d = key.partition("@")
            shown.append(f"{number} ({d[8:10]}/{d[5:7]}/{d[0:4]})")
        details["found"] = ", ".join(shown) or "—"
    elif kind == "when" and status == "partial":
        credit = spec.partial_credit
    if status == "partial":
        # Partial credit is strictly between 0 and 1 whatever the arithmetic gave.
        credit = min(max(credit, 0.01), 0.99)
    return _clamp(credit), details


def _per_year_text(rate: float, lang: str) -> str:
    return f"{round(rate, 2):g}/{'năm' if lang == 'vi' else 'year'}"


def _dialogue_details(spec: Any, status: str, facts: Facts, lang: str) -> dict[str, Any]:
    """What was found: the dialogues that count, and each one that does not, with why."""
    from cchc.dialogue import why_not

    wanted = dialogue_kind(spec)
    acts = facts.get("activities", [])
    counted = [a for a in acts if a.get("dialogue") == wanted]
    rates = [a["dialogue_per_year"] for a in counted if "dialogue_per_year" in a]
    best = max(rates, default=0.0)
    others = []
    for i, a in enumerate(acts):
        kind = a.get("dialogue")
        if kind is None or kind == wanted or (kind == "guidance" and status == "pass"):
            continue
        reason = why_not(kind, a.get("dialogue_details", {}), lang)
        title = a.get("dialogue_title") or label(FORM_LABELS, a["form"], lang)
        others.append(f"#{i + 1} “{title[:80]}”: {reason}")
    sep = "; "
    lead = " Tìm thấy nhưng không tính: " if lang == "vi" else " Found but not counted: "
    per = {
        "week": "tuần",
        "month": "tháng",
        "quarter": "quý",
        "half_year": "6 tháng",
        "year": "năm",
    }
    per_text = per.get(str(spec.per), str(spec.per)) if lang == "vi" else str(spec.per)
    return {
        "best": _per_year_text(best, lang) if counted else "—",
        "_best_rate": best,
        "required": f"≥{spec.min_count}/{per_text}",
        "not_counted": (lead + sep.join(others) + ".") if others else "",
    }


def _required_text(spec: Any, lang: str) -> str:
    forms = " / ".join(label(FORM_LABELS, str(f), lang) for f in spec.forms)
    bits = [forms]
    if spec.min_count is not None and spec.per is not None:
        per_vi = {
            "week": "tuần",
            "month": "tháng",
            "quarter": "quý",
            "half_year": "6 tháng",
            "year": "năm",
        }
        per = per_vi.get(str(spec.per), str(spec.per)) if lang == "vi" else str(spec.per)
        bits.append(f"≥{spec.min_count}/{per}")
    if spec.min_per_year is not None:
        bits.append(f"≥{spec.min_per_year:g}/{'năm' if lang == 'vi' else 'year'}")
    if spec.min_minutes is not None:
        bits.append(f"≥{spec.min_minutes} {'phút' if lang == 'vi' else 'min'}")
    if spec.peak_time:
        bits.append("giờ cao điểm" if lang == "vi" else "peak time")
    return " ".join(bits)
