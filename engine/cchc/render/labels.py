"""Display labels of result values (verdicts, statuses, severities, areas) in either language."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from cchc.messages import Lang, t
from cchc.paths import data_dir
from cchc.result import STATUS_LABELS, VERDICT_LABELS, Source
from cchc.rulepack import AREAS
from cchc.vocab import LEVEL_LABELS

# The scoring areas of the rule packs, in the order reports list them (rules/README.md).
AREA_ORDER: tuple[str, ...] = AREAS
_AREA_RANK = {a: i for i, a in enumerate(AREA_ORDER)}


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[1] if lang == "en" else pair[0]


def verdict_label(verdict: str, lang: Lang = "vi") -> str:
    return _pick(VERDICT_LABELS[str(verdict)], lang)


def status_label(status: str, lang: Lang = "vi") -> str:
    return _pick(STATUS_LABELS[str(status)], lang)


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    """rules/data/labels.yaml: the labels of internal names, in both languages."""
    import yaml

    text = (data_dir("rules") / "data" / "labels.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _label(table: str, key: str, lang: Lang) -> str:
    pair = _data()[table].get(str(key))
    return _pick(tuple(pair), lang) if pair else str(key)  # type: ignore[arg-type]


def severity_label(severity: str, lang: Lang = "vi") -> str:
    return _label("severities", severity, lang)


def area_label(area: str, lang: Lang = "vi") -> str:
    """The label of a scoring area; an area a pack invents is shown by its name."""
    return _label("areas", area, lang)


def level_label(level: str | None, lang: Lang = "vi") -> str:
    pair = LEVEL_LABELS.get(str(level))
    return _pick(pair, lang) if pair else str(level)


def catalogue_status_label(status: str, lang: Lang = "vi") -> str:
    return _label("catalogue_status", status, lang)


# "… — danh mục STRUCT-ND30-FORMAT, X (V)", "(theo danh mục)": references to the requirements
# catalogue the rules were written from; the reader has the clause, not the catalogue.
_CATALOGUE_REF = re.compile(
    r"\s*[—;,–-]?\s*\(?\bdanh mục\s+[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+(?:\s*\([A-Z]\))?"
    r"(?:\s*,\s*[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+(?:\s*\([A-Z]\))?)*(?:,\s*bảng\s+\w+)?\)?"
    r"(?:\s*\((?:[^()]*:\s*[VPU]\b[^()]*)\))?"
    r"|\s*\(theo danh mục\)"
)


def clause_text(clause: str | None) -> str | None:
    """A source clause as a reader sees it: without the catalogue's internal references."""
    if not clause:
        return clause
    text = _CATALOGUE_REF.sub("", clause).strip(" ;,—")
    return text or None


def _english_document(source: Source) -> str | None:
    """'Decree 30/2020/NĐ-CP' for 'Nghị định 30/2020/NĐ-CP …', or None when it does not
    translate (several documents, an unknown kind)."""
    kinds: dict[str, str] = _data()["document_kinds"]
    for vi, en in kinds.items():
        m = re.match(rf"{re.escape(vi)}\s+(\S+)(.*)$", source.document)
        if (
            m
            and " và " not in m.group(2)
            and not re.search(r"\b(?:" + "|".join(kinds) + r")\b", m.group(2))
        ):
            number = source.number or m.group(1)
            return f"{en} {number}"
    return None


def source_text(source: Source, lang: Lang = "vi") -> str:
    """The source a reader sees: document, date, issuer, clause. In English the document and
    the issuer are named in English when they translate; the clause (quoted law) and any name
    that does not translate stay Vietnamese and are labelled so."""
    date = f"{source.date[8:10]}/{source.date[5:7]}/{source.date[0:4]}" if source.date else None
    clause = clause_text(source.clause)
    if lang != "en":
        text = ", ".join(x for x in (source.document, date, source.issuer) if x)
        return f"{text} — {clause}" if clause else text
    issuers: dict[str, str] = _data()["issuers"]
    document = _english_document(source)
    issuer = issuers.get(source.issuer) if source.issuer else ""
    if document is None or issuer is None:
        # Named in Vietnamese only: shown as written, labelled so.
        text = ", ".join(x for x in (source.document, date, source.issuer) if x)
        text = f"{text} — {clause}" if clause else text
        return t("vietnamese_source", lang, text=text)
    text = document + (f" of {date}" if date else "") + (f", {issuer}" if issuer else "")
    return f"{text} — {t('in_vietnamese', lang, text=clause)}" if clause else text


def source_label(result: object, lang: Lang = "vi") -> str:
    """ "Căn cứ" for a requirement; "Tham khảo" for a recommendation, whose source (practice,
    another province's document) does not bind the plan."""
    if str(getattr(result, "binding", "requirement")) == "recommendation":
        return t("reference_label", lang)
    return t("source_label", lang)


def fix_label(fix: str | None, lang: Lang = "vi") -> str:
    """ "Fix"; in English, saying that the quoted text is Vietnamese, to paste as it is."""
    if lang == "en" and fix and "“" in fix:
        return t("fix_label_quoted", lang)
    return t("fix_label", lang)


def area_sort_key(area: str) -> tuple[int, str]:
    """Known areas in their fixed order, then any others alphabetically."""
    return (_AREA_RANK.get(area, len(AREA_ORDER)), area)


def format_score(score: float | None) -> str:
    """A score as printed everywhere: one decimal, or a dash when nothing was scored."""
    return "—" if score is None else f"{score:.1f}"
