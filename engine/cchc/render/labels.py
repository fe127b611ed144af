"""Display labels of result values (verdicts, statuses, severities, areas) in either language."""

from __future__ import annotations

from cchc.messages import MESSAGES, Lang, t
from cchc.result import STATUS_LABELS, VERDICT_LABELS
from cchc.rulepack import AREAS

# The scoring areas of the rule packs, in the order reports list them (rules/README.md).
AREA_ORDER: tuple[str, ...] = AREAS
_AREA_RANK = {a: i for i, a in enumerate(AREA_ORDER)}


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[1] if lang == "en" else pair[0]


def verdict_label(verdict: str, lang: Lang = "vi") -> str:
    return _pick(VERDICT_LABELS[str(verdict)], lang)


def status_label(status: str, lang: Lang = "vi") -> str:
    return _pick(STATUS_LABELS[str(status)], lang)


def severity_label(severity: str, lang: Lang = "vi") -> str:
    key = f"sev_{severity}"
    return t(key, lang) if key in MESSAGES else str(severity)


def area_label(area: str, lang: Lang = "vi") -> str:
    """The label of a scoring area; an area a pack invents is shown by its name."""
    key = f"area_{area}"
    return t(key, lang) if key in MESSAGES else area


def area_sort_key(area: str) -> tuple[int, str]:
    """Known areas in their fixed order, then any others alphabetically."""
    return (_AREA_RANK.get(area, len(AREA_ORDER)), area)


def format_score(score: float | None) -> str:
    """A score as printed everywhere: one decimal, or a dash when nothing was scored."""
    return "—" if score is None else f"{score:.1f}"
