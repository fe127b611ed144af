"""How many results say where they come from, on the seed plans as plan.json and as text.

    PYTHONPATH=engine python bench/evidence_counts.py

Prints, per input set: results; results with at least one evidence entry; results with an
entry or a `looked_in`; gaps with a `looked_in`; entries; entries with a quote; entries with
a paragraph or page and a line (plans read from a document).
"""

from __future__ import annotations

from pathlib import Path

from cchc.checker import Checker, CheckOptions

ROOT = Path(__file__).resolve().parents[1]
GAPS = {"fail", "partial", "error", "waived", "unknown"}


def counts(paths: list[Path], checker: Checker) -> dict[str, int]:
    c = dict.fromkeys(
        ("results", "with_entries", "with_either", "gaps", "gaps_looked_in", "entries"), 0
    )
    c |= {"quoted": 0, "located": 0}
    for path in paths:
        for r in checker.check_path(path).results:
            c["results"] += 1
            c["with_entries"] += bool(r.evidence)
            c["with_either"] += bool(r.evidence or r.looked_in)
            if str(r.status) in GAPS:
                c["gaps"] += 1
                c["gaps_looked_in"] += bool(r.looked_in)
            for e in r.evidence:
                c["entries"] += 1
                c["quoted"] += e.quote is not None
                c["located"] += (e.paragraph is not None or e.page is not None) and (
                    e.line is not None
                )
    return c


def main() -> None:
    checker = Checker(CheckOptions(engine="python"))
    sets = {
        "seeds as plan.json": sorted((ROOT / "fixtures" / "seeds").glob("*.json")),
        "seeds as text": sorted((ROOT / "fixtures" / "seeds" / "text").glob("*.txt")),
        "synthetic plan.json": sorted((ROOT / "fixtures" / "synthetic").glob("*.json")),
    }
    for name, paths in sets.items():
        c = counts(paths, checker)
        print(
            f"{name} ({len(paths)} plans): {c['with_entries']}/{c['results']} results with "
            f"evidence entries, {c['with_either']}/{c['results']} with entries or looked_in; "
            f"{c['gaps_looked_in']}/{c['gaps']} gaps with looked_in; {c['quoted']}/"
            f"{c['entries']} entries quoted, {c['located']}/{c['entries']} located"
        )


if __name__ == "__main__":
    main()
