"""How the fixtures are placed: for every plan of fixtures/ (plan files and documents), the
province its names give when issuer.province is left out, compared with the province the
fixture states (hand-checked for the seeds and synthetic plans), and how it was reached.

    PYTHONPATH=engine python bench/places_eval.py [--verbose]

The fixtures are the texts the resolver was written against: the figures are on tuned data.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from cchc.applicability import judge_date
from cchc.gazetteer import same_province
from cchc.loader import InputError, load_plan
from cchc.locate import locate

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
_NOT_PLANS = ("bad", "results", "index")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    seconds = 0.0
    for path in sorted(FIXTURES.rglob("*")):
        rel = path.relative_to(FIXTURES)
        if (
            path.suffix.lower() not in (".json", ".txt", ".docx", ".pdf")
            or rel.parts[0] in _NOT_PLANS
        ):
            continue
        try:
            plan = load_plan(path)
        except InputError:
            continue
        stated = plan.issuer.province
        plan.issuer.province = None
        start = time.perf_counter()
        place = locate(plan, judge_date(plan, None))
        seconds += time.perf_counter() - start
        counts["plans"] += 1
        counts[f"source={place.source}"] += 1
        if place.province:
            verdict = (
                "agrees" if stated and same_province(stated, place.province) else
                "differs" if stated else "no stated province"
            )  # fmt: skip
        else:
            verdict = "unknown" + (
                f" ({len(place.candidates)} candidates)" if place.candidates else ""
            )
        counts[verdict.split(" (")[0]] += 1
        if args.verbose or verdict not in ("agrees",):
            print(f"{rel}: stated {stated!r} → {place.province!r} [{verdict}] {place.how}")
    print()
    for key, value in sorted(counts.items()):
        print(f"{key:28} {value}")
    if counts["plans"]:
        print(f"{'ms per plan (locate)':28} {1000 * seconds / counts['plans']:.1f}")


if __name__ == "__main__":
    main()
