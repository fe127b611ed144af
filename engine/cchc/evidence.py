"""Where a result comes from: the plan items each rule result rests on, and where it looked.

A rule is evaluated on facts (cchc.facts), never on the plan itself. To show a reader the
plan's own words, this module walks the rule's compiled conditions back to the plan items the
facts were derived from, with one table for every check kind (rules/data/evidence.yaml says
which places of the plan each fact comes from):

- a result decided by a branch (a pass, or a fail found by a positive match such as a
  superseded citation): the items that make that branch's condition true;
- a result reached by default (no branch matched): the items nearest to what was required
  (the same document number with another date, the activities of the form, the issuer…);
- a result of applicability (`not_applicable`, or undecidable): the parts of the plan that
  decided it.

A gap, and any result with no item to show, also says which parts of the plan were searched
(`looked_in`); for a plan read from a document, where in the text the extractor reads them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from cchc.backends.reference import matches
from cchc.citations import UNDATED, cite_key, complete_number, level_of_name
from cchc.ir import CompiledRule, Cond, referenced
from cchc.messages import Lang, t
from cchc.model import Plan
from cchc.paths import data_dir
from cchc.result import QUOTE_MAX, EvidenceRef, RuleResult, Status
from cchc.vocab import ONLINE_FORMS, Level
from cchc.yamlsafe import read_yaml

VALUE_TEXT_MAX = 80  # characters of a text field shown in an entry's value
MAX_ENTRIES = 8  # entries per result; the first are the most telling
NOT_GIVEN = -1  # the decided branch is not known yet: compute it
OBJECT_PLACES = ("document", "issuer", "period")  # places that are one object, not a list

# (place, index) — index None for an object place or a whole list without items.
Ptr = tuple[str, int | None]


@dataclass(frozen=True)
class Place:
    name: str
    label: dict[str, str]
    scope: dict[str, str]
    fields: tuple[str, ...]
    focus: tuple[str, ...]


@dataclass(frozen=True)
class FactSource:
    places: tuple[str, ...]
    match: str | None  # how an item yields the values of a list fact
    where: str | None  # which items count for a number or a flag
    items: bool  # a per-item list fact, index-aligned with its place


@dataclass(frozen=True)
class Table:
    places: dict[str, Place]
    facts: dict[str, FactSource]
    applicability: dict[str, tuple[str, ...]]


@cache
def table() -> Table:
    """rules/data/evidence.yaml, read once."""
    data = read_yaml(data_dir("rules") / "data" / "evidence.yaml").data
    places = {
        name: Place(
            name,
            dict(p["label"]),
            dict(p["scope"]),
            tuple(p.get("fields") or ()),
            tuple(p.get("focus") or ()),
        )
        for name, p in data["places"].items()
    }
    facts = {
        name: FactSource(
            tuple(f["from"]), f.get("match"), f.get("where"), bool(f.get("items", False))
        )
        for name, f in data["facts"].items()
    }
    appl = {k: tuple(v) for k, v in data["applicability"].items()}
    return Table(places, facts, appl)


# --- how plan items yield fact values ----------------------------------------------------------


def _ref_keys(ref: Any) -> list[str]:
    """The `cites` values one reference yields, as cchc.facts derives them: its number, then
    its number and date (or marked undated), then its number and year."""
    if not ref.number:
        # Laws are often cited by name and date only: 'LUAT@2015-06-19'.
        return [cite_key(str(ref.kind), ref.date)] if ref.kind and ref.date else []
    level = ref.issuer_level or level_of_name(ref.issuer)
    number = complete_number(ref.number, str(ref.kind) if ref.kind else None, level, ref.issuer)
    base = cite_key(number)
    keys = [base, cite_key(number, ref.date) if ref.date is not None else f"{base}@{UNDATED}"]
    if ref.date is not None:
        keys.append(f"{base}@Y{ref.date.year}")
    return keys


def _ref_level(ref: Any) -> str | None:
    level = ref.issuer_level or level_of_name(ref.issuer)
    return str(level) if level is not None else None


def _match_values(match: str, item: Any) -> list[str]:
    if match == "cite_keys":
        return _ref_keys(item)
    if match == "cite_issuer_keys":
        level = _ref_level(item)
        # Issuers are attributed to the number and to the number with its date (not its year).
        return [f"{k}#{level}" for k in _ref_keys(item)[:2]] if item.number and level else []
    if match == "issuer_level":
        level = _ref_level(item)
        return [level] if level else []
    value = getattr(item, match, None)
    return [str(value)] if value is not None else []


def _is_district(item: Any, place: str) -> bool:
    name, level = {
        "activities": (getattr(item, "owner", None), getattr(item, "owner_level", None)),
        "reporting": (getattr(item, "to", None), getattr(item, "to_level", None)),
    }.get(place, (getattr(item, "issuer", None), getattr(item, "issuer_level", None)))
    return level == Level.district or level_of_name(name) == Level.district


def _where(where: str, item: Any, place: str, plan: Plan) -> bool:
    if where == "online":
        return str(item.form) in ONLINE_FORMS
    if where == "traditional":
        return str(item.form) not in ONLINE_FORMS and str(item.form) != "other"
    if where == "has_deadline":
        return item.deadline is not None
    if where == "no_deadline":
        return item.deadline is None
    if where == "has_source":
        return bool(item.source)
    if where == "unidentified":
        return not item.number and item.date is None
    if where == "district":
        return _is_district(item, place)
    if where == "after_issue":
        issued = plan.document.issue_date
        return item.date is not None and issued is not None and item.date > issued
    raise ValueError(f"unknown item filter {where!r} in rules/data/evidence.yaml")


def _items(plan: Plan, place: str) -> list[Any]:
    value = getattr(plan, place, None)
    return value if isinstance(value, list) else []


class Sources:
    """The plan items each fact comes from, indexed once per plan: for a list fact, by the
    value each item yields ('76/NQ-CP@2021-07-15' → the citations that give it)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._all: dict[str, list[Ptr]] = {}
        self._by_value: dict[str, dict[str, list[Ptr]]] = {}

    def __call__(self, fact: str, value: str | None = None) -> list[Ptr]:
        src = table().facts.get(fact)
        if src is None:
            return []
        if value is None or not src.match:
            if fact not in self._all:
                self._all[fact] = self._scan(src)
            return self._all[fact]
        index = self._by_value.get(fact)
        if index is None:
            index = self._by_value[fact] = {}
            for ptr in self._scan(src):
                item = getattr(self.plan, ptr[0])[ptr[1]] if ptr[1] is not None else None
                for v in _match_values(src.match, item) if item is not None else ():
                    index.setdefault(v, []).append(ptr)
        return index.get(value, [])

    def _scan(self, src: FactSource) -> list[Ptr]:
        plan = self.plan
        out: list[Ptr] = []
        for place in src.places:
            if place in OBJECT_PLACES:
                out.append((place, None))
            elif place == "format_parts":
                if plan.format_parts is not None:
                    out.append((place, None))
            else:
                out.extend(
                    (place, i)
                    for i, item in enumerate(_items(plan, place))
                    if not src.where or _where(src.where, item, place, plan)
                )
        return out


def _near_value(fact: str, value: str) -> str | None:
    """The looser value of a near miss: a document's number without its date or issuer."""
    if fact in ("cites", "cite_issuers"):
        base = value.split("#")[0]
        return base.split("@")[0] if "@" in base else (base if base != value else None)
    return None


# --- walking a condition back to plan items ----------------------------------------------------


def _witnesses(cond: Cond, facts: dict[str, Any], sources: Sources, strict: bool) -> list[Ptr]:
    """Items behind a condition. `strict`: the items that make it true (it matched); else the
    items nearest to it (it did not match: what the plan has instead)."""
    tag = cond[0]
    if tag in ("all", "any"):
        parts = cond[1]
        if strict and tag == "any":
            parts = [c for c in parts if matches(c, facts)]
        return [p for c in parts for p in _witnesses(c, facts, sources, strict)]
    if tag == "item":
        list_fact, conds = cond[1], cond[2]
        src = table().facts.get(list_fact)
        place = src.places[0] if src else list_fact
        tests = conds if strict else conds[:1]  # a near miss: the item's kind (its form) only
        rows = facts.get(list_fact) or []
        return [(place, i) for i, row in enumerate(rows) if all(matches(c, row) for c in tests)]
    if tag == "contains":
        fact, value = cond[1], cond[2]
        found = sources(fact, value)
        if not found and not strict:
            near = _near_value(fact, value)
            if near is not None:
                found = sources(fact, near)
        return found
    if tag in ("cmp", "exists", "missing"):
        return sources(cond[1])
    return []


def _decided_branch(rule: CompiledRule, facts: dict[str, Any]) -> int | None:
    """The index of the branch that decides the status (first match), None for the default."""
    for i, branch in enumerate(rule.branches):
        if matches(branch.cond, facts):
            return i
    return None


def _scored_branches(rule: CompiledRule) -> list[Cond]:
    return [b.cond for b in rule.branches if b.status != "error"]


def _rule_places(rule: CompiledRule) -> list[str]:
    """The places of the plan a rule's check reads."""
    found: dict[str, str] = {}
    for cond in _scored_branches(rule):
        for fact in referenced(cond):
            src = table().facts.get(fact)
            for place in src.places if src else ():
                found.setdefault(place, place)
    return list(found)


def _missing_places(rule: CompiledRule, facts: dict[str, Any]) -> list[str]:
    first = rule.branches[0] if rule.branches else None
    if first is None or first.status != "error":
        return []
    out: list[str] = []
    for fact in referenced(first.cond):
        if fact not in facts:
            src = table().facts.get(fact)
            out.extend(p for p in (src.places if src else ()) if p not in out)
    return out


# --- entries -----------------------------------------------------------------------------------


def excerpt(text: str, focus: Iterable[str] = (), limit: int = QUOTE_MAX) -> str:
    """At most `limit` characters of `text`, cut at spaces, around the first focus term found
    (an exact substring of `text`, so that a reader finds it as it is written)."""
    if len(text) <= limit:
        return text
    low = text.lower()
    at = next((low.find(f.lower()) for f in focus if f and f.lower() in low), 0)
    start = max(0, min(at - limit // 4, len(text) - limit))
    if start > 0:
        space = text.find(" ", start, start + 30)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + limit)
    if end < len(text):
        space = text.rfind(" ", start + limit // 2, end + 1)
        end = space if space > 0 else end
    return text[start:end].strip()


def _short(value: Any) -> Any:
    if isinstance(value, str) and len(value) > VALUE_TEXT_MAX:
        return excerpt(value, (), VALUE_TEXT_MAX)
    return value


def _location(item: Any) -> tuple[int | None, int | None, int | None]:
    at = getattr(item, "evidence_at", None)
    if at is None:
        return None, None, None
    get = at.get if isinstance(at, dict) else (lambda k: getattr(at, k, None))
    return get("page"), get("paragraph"), get("line")


def entry(plan: Plan, ptr: Ptr) -> EvidenceRef:
    """The evidence entry of one plan item (or object)."""
    name, index = ptr
    place = table().places[name]
    if name == "format_parts":
        values = [str(p) for p in plan.format_parts or []]
        return EvidenceRef.model_construct(pointer="/format_parts", value=values)
    item = getattr(plan, name) if index is None else getattr(plan, name)[index]
    pointer = f"/{name}" if index is None else f"/{name}/{index}"
    dumped = item.model_dump(mode="json", include=set(place.fields), exclude_none=True)
    value = {k: _short(v) for k, v in dumped.items() if v not in ([], "")} or None
    quote = None
    if item.evidence:
        focus = [str(getattr(item, f)) for f in place.focus if getattr(item, f, None)]
        quote = excerpt(item.evidence, focus)
    page, paragraph, line = _location(item)
    # Built without re-validation: every value comes from the validated plan, and the quote
    # is cut to QUOTE_MAX by `excerpt`.
    return EvidenceRef.model_construct(
        pointer=pointer, quote=quote, value=value, page=page, paragraph=paragraph, line=line
    )


def extracted(plan: Plan) -> bool:
    """Was the plan read from a document (its items located in the text)?"""
    objects = (plan.document, plan.issuer, plan.period)
    lists = (plan.cited_documents, plan.sections, plan.activities, plan.audiences)
    return any(
        getattr(x, "evidence_at", None) for x in (*objects, *(i for lst in lists for i in lst))
    )


def looked_in_text(places: Sequence[str], plan: Plan, lang: Lang) -> str | None:
    """Where a check searched: in a plan read from a document, the parts of the text; in a
    plan.json, the places with their JSON pointers."""
    if not places:
        return None
    tbl = table()
    key = "en" if lang == "en" else "vi"
    if extracted(plan):
        return "; ".join(tbl.places[p].scope[key] for p in places)
    return "; ".join(f"{tbl.places[p].label[key]} (/{p})" for p in places)


# --- results -----------------------------------------------------------------------------------

# Results that say where they looked even when they point at items (by value: `unknown` is a
# status some rule sets give when the input does not show what a rule needs).
_GAPS = frozenset({"fail", "partial", "error", "waived", "unknown"})


class PlanEvidence:
    """The evidence of one plan's results. Entries and texts are built once per plan and
    shared by the results that cite them (most rules point at the same few items)."""

    def __init__(self, plan: Plan, facts: dict[str, Any], lang: Lang) -> None:
        self.plan, self.facts, self.lang = plan, facts, lang
        self._entries: dict[Ptr, EvidenceRef] = {}
        self._looked: dict[tuple[str, ...], str | None] = {}
        self._sources = Sources(plan)
        self._applicability: dict[tuple[str, bool], tuple[list[EvidenceRef], str | None]] = {}

    def entries(self, ptrs: Iterable[Ptr]) -> list[EvidenceRef]:
        seen: set[Ptr] = set()
        items: list[Ptr] = []
        objects: list[Ptr] = []
        for ptr in ptrs:
            if ptr in seen:
                continue
            seen.add(ptr)
            (objects if ptr[1] is None else items).append(ptr)
        # Items of the plan's lists say more than the header objects every plan has.
        out = []
        for ptr in (items + objects)[:MAX_ENTRIES]:
            made = self._entries.get(ptr)
            if made is None:
                made = self._entries[ptr] = entry(self.plan, ptr)
            out.append(made)
        return out

    def looked_in(self, places: Sequence[str]) -> str | None:
        key = tuple(places)
        if key not in self._looked:
            self._looked[key] = looked_in_text(places, self.plan, self.lang)
        return self._looked[key]

    def _decided_by(self, reason: str, gap: bool) -> tuple[list[EvidenceRef], str | None]:
        """What decided the applicability: the header, issuer or period that the reason names."""
        places = table().applicability.get(reason, ("document", "issuer", "period"))
        ptrs = [(p, None) for p in places if p in OBJECT_PLACES]
        found = [e for e in self.entries(ptrs) if e.value or e.quote]
        return found, self.looked_in(places) if gap or not found else None

    def of(
        self,
        rule: CompiledRule,
        status: Status,
        applicability_reason: str | None,
        decided_branch: int | None = NOT_GIVEN,
    ) -> tuple[list[EvidenceRef], str | None]:
        """(entries, looked_in) of one result. `applicability_reason`: the message key when
        the rule did not apply or its applicability could not be decided; `decided_branch`:
        the first branch the engine matched (None: the default), computed when not given."""
        gap = str(status) in _GAPS
        if applicability_reason is not None:
            known = self._applicability.get((applicability_reason, gap))
            if known is None:
                known = self._applicability[(applicability_reason, gap)] = self._decided_by(
                    applicability_reason, gap
                )
            return known
        facts, sources = self.facts, self._sources
        branch = _decided_branch(rule, facts) if decided_branch == NOT_GIVEN else decided_branch
        if branch is not None and rule.branches[branch].status == "error":
            return [], self.looked_in(_missing_places(rule, facts))
        decided = rule.branches[branch].status if branch is not None else None
        if branch is not None and (decided == str(status) or status == Status.waived):
            ptrs = _witnesses(rule.branches[branch].cond, facts, sources, strict=True)
        else:  # reached by default: what the plan has nearest to each branch
            ptrs = [p for c in _scored_branches(rule) for p in _witnesses(c, facts, sources, False)]
        found = self.entries(ptrs)
        return found, self.looked_in(_rule_places(rule)) if gap or not found else None


def rule_evidence(
    rule: CompiledRule,
    status: Status,
    applicability_reason: str | None,
    plan: Plan,
    facts: dict[str, Any],
    lang: Lang,
) -> tuple[list[EvidenceRef], str | None]:
    """(entries, looked_in) of one result (see `PlanEvidence.of`)."""
    return PlanEvidence(plan, facts, lang).of(rule, status, applicability_reason)


def attach_evidence(
    results: Sequence[RuleResult],
    rules: Sequence[CompiledRule],
    reasons: Sequence[str | None],
    plan: Plan,
    facts: dict[str, Any],
    lang: Lang,
    matched: dict[str, set[int]] | None = None,
) -> None:
    """Fill `evidence` and `looked_in` of each result (results, rules and applicability
    reasons in the same order; `matched`: the branches the engine matched, by rule). A rule
    whose evidence cannot be traced keeps what it has."""
    tracer = PlanEvidence(plan, facts, lang)
    for result, rule, reason in zip(results, rules, reasons, strict=True):
        decided: int | None = NOT_GIVEN
        if matched is not None and rule.id in matched:
            decided = min(matched[rule.id], default=None)
        try:
            found, looked = tracer.of(rule, result.status, reason, decided)
        except Exception:  # evidence explains a result; it must never sink the check
            continue
        # Results are built without validation (cchc.checker.trusted_result): set alike.
        result.__dict__["evidence"] = found
        result.__dict__["looked_in"] = looked


# --- how reports name a place ------------------------------------------------------------------


def place_of(pointer: str) -> str | None:
    name = pointer.split("/")[1] if pointer.startswith("/") else None
    return name if name in table().places else None


def location_label(ref: EvidenceRef, lang: Lang) -> str:
    """'Căn cứ, đoạn 5, dòng 2' for a plan read from a document; 'Căn cứ, /cited_documents/0'
    for a plan.json."""
    key = "en" if lang == "en" else "vi"
    name = place_of(ref.pointer)
    bits = [table().places[name].label[key]] if name else []
    if ref.page is not None:
        bits.append(t("ev_page", lang, n=ref.page))
    if ref.paragraph is not None:
        bits.append(t("ev_paragraph", lang, n=ref.paragraph))
    if ref.line is not None:
        bits.append(t("ev_line", lang, n=ref.line))
    if ref.page is None and ref.paragraph is None and ref.line is None:
        bits.append(ref.pointer)
    return ", ".join(bits)


def value_text(value: Any) -> str:
    """An entry's value on one line: 'number: 76/NQ-CP, date: 2021-07-15'."""
    if isinstance(value, dict):
        return ", ".join(f"{k}: {value_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(value_text(v) for v in value)
    return "" if value is None else str(value)


def evidence_line(result: RuleResult, lang: Lang) -> str | None:
    """One line that says where a result comes from (the terminal shows it under a result)."""
    if result.evidence:
        first = result.evidence[0]
        words = first.quote or value_text(first.value)
        text = f"{location_label(first, lang)}: “{words}”" if words else location_label(first, lang)
        more = len(result.evidence) - 1
        return f"{text} ({t('ev_more', lang, n=more)})" if more else text
    if result.looked_in:
        return t("ev_looked_in_none", lang, where=result.looked_in)
    return None
