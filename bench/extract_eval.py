"""How well `cchc extract` reads the seed plans: precision and recall per field group.

For every hand-checked fixture `<fixtures>/<name>.json` with its text `<fixtures>/text/<name>.txt`,
the text is extracted exactly as `cchc extract` does and compared with the fixture:

- header: document kind, number, issue date, place; issuer name (as written), level, province,
  district, commune; period start and end. A field counts as found when the extractor gives a
  value, as expected when the fixture has one; `exact` also counts fields both leave null.
- citations: cited and implemented documents matched on (number, date); documents the fixture
  records without number and date cannot be matched that way and are counted apart.
- activities: matched on (form, count, per, duration in minutes); `form only` on the form.
- deadlines: the dates of activity deadlines and reporting due dates, as multisets.

The last column is the time to read and extract each text (best of three runs).

    python bench/extract_eval.py [--fixtures fixtures/seeds] [--texts DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tabulate import tabulate

from cchc.extract import extract_file

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


def _multiset(expected: list[Any], found: list[Any]) -> Score:
    e, f = Counter(expected), Counter(found)
    tp = sum((e & f).values())
    return Score(tp=tp, fp=sum(f.values()) - tp, fn=sum(e.values()) - tp)


def score_header(fixture: dict[str, Any], found: dict[str, Any]) -> tuple[Score, list[str]]:
    s = Score()
    misses: list[str] = []
    for part, name in HEADER_FIELDS:
        want, got = fixture[part].get(name), found[part].get(name)
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
    return [(r.get("number"), r.get("date")) for r in plan["cited_documents"] + plan["implements"]]


def score_citations(fixture: dict[str, Any], found: dict[str, Any]) -> tuple[Score, int]:
    expected = [k for k in _refs(fixture) if k != (None, None)]
    unmatched = len(_refs(fixture)) - len(expected)
    got = [k for k in _refs(found) if k != (None, None)]
    return _multiset(expected, got), unmatched


def _acts(plan: dict[str, Any], full: bool) -> list[tuple[Any, ...]]:
    if not full:
        return [(a["form"],) for a in plan["activities"]]
    return [
        (a["form"], a.get("count"), a.get("per"), a.get("duration_minutes"))
        for a in plan["activities"]
    ]


def _deadlines(plan: dict[str, Any]) -> list[str]:
    dates = [a["deadline"] for a in plan["activities"] if a.get("deadline")]
    return dates + [r["due_date"] for r in plan["reporting"] if r.get("due_date")]


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fixtures", type=Path, default=Path("fixtures/seeds"))
    ap.add_argument("--texts", type=Path, default=None, help="default: <fixtures>/text")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every header mismatch")
    args = ap.parse_args(argv)
    texts = args.texts or args.fixtures / "text"
    groups = ["header", "citations", "activities", "activities (form only)", "deadlines"]
    totals = {g: Score() for g in groups}
    rows = []
    unmatched_total = 0
    fixtures = sorted(args.fixtures.glob("*.json"))
    for fx in fixtures:
        text = texts / f"{fx.stem}.txt"
        if not text.exists():
            print(f"skip {fx.name}: no text {text}", file=sys.stderr)
            continue
        fixture = json.loads(fx.read_text(encoding="utf-8"))
        timings = []
        for _ in range(3):
            start = time.perf_counter()
            extraction = extract_file(text)
            timings.append(time.perf_counter() - start)
        found = extraction.plan.model_dump(mode="json")
        header, misses = score_header(fixture, found)
        citations, unmatched = score_citations(fixture, found)
        unmatched_total += unmatched
        scores = {
            "header": header,
            "citations": citations,
            "activities": _multiset(_acts(fixture, True), _acts(found, True)),
            "activities (form only)": _multiset(_acts(fixture, False), _acts(found, False)),
            "deadlines": _multiset(_deadlines(fixture), _deadlines(found)),
        }
        for g in groups:
            totals[g].add(scores[g])
        rows.append(
            [fx.stem, f"{header.exact}/{header.fields}"]
            + [f"{_pct(scores[g].precision)} / {_pct(scores[g].recall)}" for g in groups[1:]]
            + [f"{1000 * min(timings):.0f}"]
        )
        if args.verbose:
            for m in misses:
                print(f"  {fx.stem}: {m}")
    if not rows:
        print(f"no fixtures with texts under {args.fixtures}", file=sys.stderr)
        return 2
    print(f"{len(rows)} seed plans; cells are precision / recall\n")
    print(tabulate(rows, headers=["seed", "header exact", *groups[1:], "ms"], tablefmt="simple"))
    print()
    summary = [
        [
            g,
            _pct(totals[g].precision),
            _pct(totals[g].recall),
            totals[g].tp,
            totals[g].fp,
            totals[g].fn,
        ]
        for g in groups
    ]
    print(
        tabulate(
            summary,
            headers=["field group", "precision", "recall", "tp", "fp", "fn"],
            tablefmt="simple",
        )
    )
    h = totals["header"]
    print(
        f"\nheader fields exact (nulls included): {h.exact}/{h.fields} = {_pct(h.exact / h.fields)}"
    )
    print(
        f"citations the fixtures record without number and date (not matchable): {unmatched_total}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
