"""Soak test: one process evaluates N plans on the durable_rules backend (default 100,000).

Prints, every 10,000 plans, the throughput and the resident memory, so that a crash, a
MemoryError (the 1024-session limit) or growing memory would show. Not part of CI.

    PYTHONPATH=engine python bench/engine_soak.py [N] [--engine durable|python] [--rules DIR]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from cchc.checker import Checker, CheckOptions
from cchc.model import Plan

sys.path.insert(0, str(Path(__file__).resolve().parent))


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def sample_plans(n_distinct: int, seed: int = 7) -> list[Plan]:
    """A pool of varied plans (every level and era) drawn from the benchmark generator."""
    from genplans import generate

    return [Plan.model_validate(p) for p in generate(n_distinct, seed)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=100_000)
    ap.add_argument("--engine", default="durable")
    ap.add_argument("--every", type=int, default=10_000)
    ap.add_argument("--rules", type=Path, help="the packs of this folder instead of the shipped")
    args = ap.parse_args()
    options = (
        CheckOptions(engine=args.engine, builtin_rules=False, rules_dirs=(args.rules,))
        if args.rules
        else CheckOptions(engine=args.engine)
    )
    checker = Checker(options)
    pool = sample_plans(500)
    print(f"engine={checker.engine} rules={len(checker.rules)} plans={args.n}", flush=True)
    start = last = time.perf_counter()
    base = rss_mb()
    errors = 0
    for i in range(1, args.n + 1):
        report = checker.check_plan(pool[i % len(pool)], f"plan-{i}.json")
        errors += sum(1 for r in report.results if r.status == "error" and "engine" in r.message)
        if i % args.every == 0:
            now = time.perf_counter()
            print(
                f"{i:>8} plans  {args.every / (now - last):8.0f} plans/s  rss {rss_mb():7.1f} MB "
                f"(start {base:.1f} MB)  engine errors {errors}",
                flush=True,
            )
            last = now
    total = time.perf_counter() - start
    print(
        f"done: {args.n} plans in {total:.1f} s, {args.n / total:.0f} plans/s, engine errors {errors}"
    )


if __name__ == "__main__":
    main()
