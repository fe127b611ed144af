"""How well `cchc extract` reads plans: precision and recall per field group over the gold set.

The gold set (`fixtures/extract/documents.yaml`) holds the five seed plans (the extractor was
tuned on them), plan texts written for the set (tuned on after their first run), held-out
texts written later (measured before any change made for them), and .docx/.pdf renditions of
some texts (built by `fixtures/extract/build.py` in a temporary directory). Each document is
extracted exactly as `cchc extract` does and compared with its hand-written plan:

- header: document kind, number, issue date, place; issuer name, level, province, district,
  commune; period start and end. A field counts as found when the extractor gives a value,
  as expected when the gold has one; `exact` also counts fields both leave null. Names are
  compared case-insensitively, "Ủy ban nhân dân" = "UBND".
- citations: cited and implemented documents on (number, date); documents recorded without
  number and date cannot be matched that way and are counted apart.
- activities: (form, count, per, minutes) over all activities; `quantities`, `owners` and
  `periods`: (form, count, per, minutes), (form, owner) and (form, start, deadline) over the
  activities that have one; `all fields`: all of them at once.
- reporting: (recipient level, due date, frequency); budget: one per line, on the amount;
  audiences: the groups.

    python bench/extract_eval.py [--set all|seeds|written|held_out] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tabulate import tabulate

from cchc.extract import extract_file

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "fixtures" / "extract"
SEEDS = ROOT / "fixtures" / "seeds"

HEADER_FIELDS = [
    ("document", "kind"),
    ("document", "number"),
    ("document", "issue_date"),
    ("document", "place"),
    ("issuer", "name"),
    ("issuer", "level"),
    ("issuer", "province"),
    ("issuer", "district"),
    ("issuer", "commune"),
    ("period", "start"),
    ("period", "end"),
]
GROUPS = [
    "header",
    "citations",
    "activities",
    "activity quantities",
    "activity owners",
    "activity periods",
    "activities (all fields)",
    "reporting",
    "budget",
    "audiences",
]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0
    fields: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.exact += other.exact
        self.fields += other.fields

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass
class Document:
    name: str
    path: Path  # the file extracted
    expected: Path
    group: str  # "seeds" | "written" | "held_out"

    @property
    def seed(self) -> bool:
        return self.group == "seeds"


@dataclass
class Result:
    document: Document
    scores: dict[str, Score]
    misses: list[str] = field(default_factory=list)
    ms: float = 0.0


def _norm(name: Any) -> Any:
    """Names as a reviewer compares them: case, spacing and the 'UBND' abbreviation aside."""
    if not isinstance(name, str):
        return name
    text = re.sub(r"\b(?:ủy|uỷ) ban nhân dân\b", "ubnd", name.casefold())
    text = re.sub(r"[\s.;:,]+", " ", text).strip()
    return text


def _multiset(expected: list[Any], found: list[Any]) -> tuple[Score, list[str]]:
    e, f = Counter(expected), Counter(found)
    tp = sum((e & f).values())
    missing = [f"- {k}" for k in (e - f).elements()] + [f"+ {k}" for k in (f - e).elements()]
    return Score(tp=tp, fp=sum(f.values()) - tp, fn=sum(e.values()) - tp), missing


def score_header(fixture: dict[str, Any], found: dict[str, Any]) -> tuple[Score, list[str]]:
    s = Score()
    misses: list[str] = []
    province = _norm(fixture["issuer"].get("province"))
    for part, name in HEADER_FIELDS:
        want, got = fixture[part].get(name), found[part].get(name)
        if (part, name) == ("issuer", "name"):
            # "Sở Tư pháp tỉnh Phú Yên" is "Sở Tư pháp" of the province scored beside it.
            want, got = (
                re.sub(rf" tỉnh {re.escape(province)}$", "", _norm(v))
                if v and province
                else _norm(v)
                for v in (want, got)
            )
        s.fields += 1
        if want == got:
            s.exact += 1
            if want is not None:
                s.tp += 1
            continue
        misses.append(f"{part}.{name}: {got!r} ≠ {want!r}")
        if got is not None:
            s.fp += 1
        if want is not None:
            s.fn += 1
    return s, misses


def _refs(plan: dict[str, Any]) -> list[tuple[Any, Any]]:
    docs = plan.get("cited_documents", []) + plan.get("implements", [])
    return [(r.get("number"), r.get("date")) for r in docs]


def _acts(plan: dict[str, Any], key: Callable[[dict[str, Any]], Any], keep=None) -> list[Any]:  # type: ignore[no-untyped-def]
    return [key(a) for a in plan.get("activities", []) if keep is None or keep(a)]


def _qty(a: dict[str, Any]) -> tuple[Any, ...]:
    return (a["form"], a.get("count"), a.get("per"), a.get("duration_minutes"))


def _has_qty(a: dict[str, Any]) -> bool:
    return a.get("count") is not None or a.get("duration_minutes") is not None


def _full(a: dict[str, Any]) -> tuple[Any, ...]:
    return (*_qty(a), _norm(a.get("owner")), a.get("start"), a.get("deadline"))


def score(fixture: dict[str, Any], found: dict[str, Any]) -> tuple[dict[str, Score], list[str]]:
    scores: dict[str, Score] = {}
    misses: list[str] = []
    scores["header"], header_misses = score_header(fixture, found)
    misses += header_misses
    pairs: dict[str, tuple[list[Any], list[Any]]] = {
        "citations": (
            [k for k in _refs(fixture) if k != (None, None)],
            [k for k in _refs(found) if k != (None, None)],
        ),
        "activities": (_acts(fixture, _qty), _acts(found, _qty)),
        "activity quantities": (_acts(fixture, _qty, _has_qty), _acts(found, _qty, _has_qty)),
        "activity owners": tuple(  # type: ignore[dict-item]
            _acts(p, lambda a: (a["form"], _norm(a.get("owner"))), lambda a: a.get("owner"))
            for p in (fixture, found)
        ),
        "activity periods": tuple(  # type: ignore[dict-item]
            _acts(
                p,
                lambda a: (a["form"], a.get("start"), a.get("deadline")),
                lambda a: a.get("start") or a.get("deadline"),
            )
            for p in (fixture, found)
        ),
        "activities (all fields)": (_acts(fixture, _full), _acts(found, _full)),
        "reporting": tuple(  # type: ignore[dict-item]
            [
                (r.get("to_level"), r.get("due_date"), r.get("frequency"))
                for r in p.get("reporting", [])
            ]
            for p in (fixture, found)
        ),
        "budget": tuple(  # type: ignore[dict-item]
            [b.get("amount_vnd") for b in p.get("budget", [])] for p in (fixture, found)
        ),
        "audiences": tuple(  # type: ignore[dict-item]
            [a["group"] for a in p.get("audiences", [])] for p in (fixture, found)
        ),
    }
    for group, (want, got) in pairs.items():
        scores[group], diff = _multiset(want, got)
        misses += [f"{group} {d}" for d in diff]
    return scores, misses


def documents(workdir: Path, which: str = "all") -> list[Document]:
    """The gold set; renditions are built under `workdir`."""
    sys.path.insert(0, str(GOLD))
    import build  # fixtures/extract/build.py

    manifest = build.manifest()
    out: list[Document] = []
    if which in ("all", "seeds"):
        for name in manifest["seeds"]:
            out.append(
                Document(name, SEEDS / "text" / f"{name}.txt", SEEDS / f"{name}.json", "seeds")
            )
    for group, key in (("written", "texts"), ("held_out", "held_out")):
        if which not in ("all", group):
            continue
        for text in manifest.get(key) or []:
            stem = Path(text).stem
            out.append(Document(text, GOLD / text, GOLD / f"{stem}.json", group))
        for entry in manifest["renditions"]:
            if bool(entry.get("held_out")) != (group == "held_out"):
                continue
            stem = Path(entry["text"]).stem
            path = build.build(entry, workdir)
            out.append(Document(path.name, path, GOLD / f"{stem}.json", group))
    return out


def expected_plan(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def evaluate(docs: list[Document], runs: int = 1) -> list[Result]:
    results = []
    for doc in docs:
        fixture = expected_plan(doc.expected)
        for key, default in (("document", {}), ("issuer", {}), ("period", {})):
            fixture.setdefault(key, default)
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            extraction = extract_file(doc.path)
            timings.append(time.perf_counter() - start)
        found = extraction.plan.model_dump(mode="json")
        scores, misses = score(fixture, found)
        results.append(Result(doc, scores, misses, 1000 * min(timings)))
    return results


def totals(results: list[Result]) -> dict[str, Score]:
    out = {g: Score() for g in GROUPS}
    for r in results:
        for g in GROUPS:
            out[g].add(r.scores[g])
    return out


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


def _summary(title: str, results: list[Result]) -> None:
    tot = totals(results)
    print(f"\n{title}: {len(results)} documents")
    rows = [
        [g, _pct(tot[g].precision), _pct(tot[g].recall), tot[g].tp, tot[g].fp, tot[g].fn]
        for g in GROUPS
    ]
    print(tabulate(rows, headers=["field group", "precision", "recall", "tp", "fp", "fn"]))
    h = tot["header"]
    if h.fields:
        print(
            f"header fields exact (nulls included): {h.exact}/{h.fields} = {_pct(h.exact / h.fields)}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=["all", "seeds", "written", "held_out"], default="all")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every mismatch")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        results = evaluate(documents(Path(tmp), args.set), runs=3)
    short = ["citations", "activities", "activity owners", "activity periods", "reporting"]
    rows = [
        [r.document.name, f"{r.scores['header'].exact}/{r.scores['header'].fields}"]
        + [f"{_pct(r.scores[g].precision)} / {_pct(r.scores[g].recall)}" for g in short]
        + [f"{r.ms:.0f}"]
        for r in results
    ]
    print("cells are precision / recall\n")
    print(tabulate(rows, headers=["document", "header exact", *short, "ms"]))
    if args.verbose:
        for r in results:
            for m in r.misses:
                print(f"  {r.document.name}: {m}")
    titles = {
        "seeds": "Seeds (the extractor was tuned on them)",
        "written": "Texts written for the set and their .docx/.pdf renditions (tuned on after "
        "their first run)",
        "held_out": "Held-out texts and renditions (written after the extractor was improved on "
        "the others)",
    }
    for group, title in titles.items():
        part = [r for r in results if r.document.group == group]
        if part:
            _summary(title, part)
    if len({r.document.group for r in results}) > 1:
        _summary("Whole gold set", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
