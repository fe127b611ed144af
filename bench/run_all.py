"""Every speed figure of the project in one run, side by side on the same generated plans.

    PYTHONPATH=engine python bench/run_all.py [--count 10000] [--soak 100000]

On the same plans (bench/genplans.py, seeded), each in its own process so that its peak
memory is its own:
- the floor: read + parse + validate only (`cchc.loader.load_plan`);
- the pure-Python backend and the durable_rules backend, a full `Checker.check_path` each,
  with the shipped rule set (whatever `rules/` holds: the rule count is printed);
- the same ten representative rules (tests/packs/allkinds) on both backends, and on a peer
  engine: the rules written in Rego (bench/rego/*.rego) evaluated by regopy on the same
  derived facts (`cchc.facts.derive`); regopy is optional (`pip install .[bench]`);
- the whole `cchc batch` command with `--jobs 1` and `--jobs 2` (a subprocess; memory of the
  batch process and of its workers sampled from /proc, as bench/batch_bench.py does);
- the cold start of `cchc-check plan.json` against `python -c pass` (median of N runs), and
  which heavy modules it imports (`python -X importtime`);
- with `--soak N`: memory of the durable backend from 10,000 to N plans (bench/engine_soak.py).

It prints plans per second, each one's ratio to the floor, peak RSS, and the issue's targets
with the measured value. Nothing is asserted: the figures go to bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ALLKINDS = ROOT / "tests" / "packs" / "allkinds"
REGO = HERE / "rego"
# Ten rules of tests/packs/allkinds, one or more of every kind of check, written in bench/rego.
TEN_RULES = (
    "T-CITES",
    "T-MISATTRIBUTED",
    "T-SECTIONS",
    "T-AREAS",
    "T-WEEKLY",
    "T-FORMS",
    "T-OWNERS",
    "T-DEADLINES",
    "T-REPORT",
    "T-BUDGET",
)
HEAVY = ("pandas", "numpy", "openpyxl", "jinja2", "docx", "pdfplumber", "durable", "pydantic")

sys.path.insert(0, str(HERE))
if str(ROOT / "engine") not in sys.path:
    sys.path.insert(1, str(ROOT / "engine"))


def _env() -> dict[str, str]:
    """The environment of child processes: this checkout's engine first on the path."""
    paths = [str(ROOT / "engine"), *filter(None, os.environ.get("PYTHONPATH", "").split(":"))]
    return dict(os.environ, PYTHONPATH=":".join(dict.fromkeys(paths)))


# --- one measurement, in a child process ---------------------------------------------------------


def _ten_checker(engine: str) -> Any:
    from cchc.checker import Checker, CheckOptions

    checker = Checker(
        CheckOptions(
            engine=engine,
            builtin_rules=False,
            rules_dirs=(ALLKINDS,),
            select=TEN_RULES,
            ignore=("T-CITES-NONE",),  # selected by its prefix T-CITES
        )
    )
    assert sorted(r.id for r in checker.rules) == sorted(TEN_RULES)
    return checker


def _rego_peer() -> Any:
    """load + derive + Rego evaluation of the ten rules; None when regopy is missing."""
    try:
        from regopy import Interpreter
    except ImportError:
        return None
    from cchc.facts import derive
    from cchc.loader import load_plan

    rego = Interpreter()
    for path in sorted(REGO.glob("*.rego")):
        rego.add_module(path.name, path.read_text(encoding="utf-8"))
    bundle = rego.build("data.cchc.status")  # compiled once, queried once per plan

    def check(path: Path) -> dict[str, str]:
        rego.set_input(derive(load_plan(path)))
        return rego.query_bundle(bundle)[0][0]

    return check


def _options(engine: str) -> Any:
    """The shipped rule set, or the packs of the folder given with --rules instead."""
    from cchc.checker import CheckOptions

    rules = os.environ.get("CCHC_BENCH_RULES")
    if rules:
        return CheckOptions(engine=engine, builtin_rules=False, rules_dirs=(Path(rules),))
    return CheckOptions(engine=engine)


def child(mode: str, plans: list[Path]) -> dict[str, Any]:
    from cchc.checker import Checker
    from cchc.loader import load_plan

    rules = None
    if mode == "floor":
        fn = load_plan
    elif mode in ("python", "durable"):
        checker = Checker(_options(mode))
        fn, rules = checker.check_path, len(checker.rules)
        assert checker.engine == mode, f"{mode} is not usable here"
    elif mode in ("python-ten", "durable-ten"):
        checker = _ten_checker(mode.split("-")[0])
        fn, rules = checker.check_path, len(checker.rules)
    elif mode == "rego-ten":
        fn = _rego_peer()
        if fn is None:
            return {"skipped": "regopy is not installed (pip install regopy, or .[bench])"}
        rules = len(TEN_RULES)
    else:
        raise SystemExit(f"unknown mode {mode}")
    for path in plans[:200]:  # warm-up: first imports, caches
        fn(path)
    start = time.perf_counter()
    for path in plans:
        fn(path)
    seconds = time.perf_counter() - start
    return {
        "plans": len(plans),
        "seconds": seconds,
        "rules": rules,
        "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def run_child(mode: str, plans_dir: Path, limit: int) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", mode, "--plans", str(plans_dir)]
    cmd += ["--limit", str(limit)]
    proc = subprocess.run(cmd, env=_env(), capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return {"skipped": f"failed: {proc.stderr.strip().splitlines()[-1:]}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- agreement of the peer -------------------------------------------------------------------------


def rego_agreement(plans: list[Path], n: int = 500) -> str:
    """Do the Rego rules give our statuses (where the rule applies)? The peer must compute
    the same thing for its speed to mean anything."""
    peer = _rego_peer()
    if peer is None:
        return "skipped (regopy missing)"
    checker = _ten_checker("python")
    differ = 0
    n = min(n, len(plans))
    for path in plans[:n]:
        ours = {
            r.rule: str(r.status)
            for r in checker.check_path(path).results
            if r.rule in TEN_RULES and r.status != "not_applicable"
        }
        theirs = peer(path)
        if any(theirs.get(k) != v for k, v in ours.items()):
            differ += 1
    return f"{n - differ}/{n} plans give the same ten statuses"


# --- cold start ------------------------------------------------------------------------------------

CHECK_MAIN = "import sys; sys.argv[0] = 'cchc-check'; from cchc.cli import check_main; check_main()"


def _timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=_env(), capture_output=True, check=False, stdin=subprocess.DEVNULL)
    return time.perf_counter() - start


def cold_start(plan: Path, runs: int) -> dict[str, Any]:
    """Median wall time of `cchc-check plan.json` (the console script's own code) and of
    `python -c pass`, alternated; and the import time of the heavy packages it loads."""
    check = [sys.executable, "-c", CHECK_MAIN, str(plan)]
    bare = [sys.executable, "-c", "pass"]
    _timed(check)  # the first run fills the OS file cache and writes .pyc files
    check_t, bare_t = [], []
    for _ in range(runs):
        check_t.append(_timed(check))
        bare_t.append(_timed(bare))
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", CHECK_MAIN, str(plan)],
        env=_env(),
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    top: dict[str, int] = {}
    for line in proc.stderr.splitlines():
        # "import time: self [us] | cumulative | imported package"
        parts = line.split("|")
        if len(parts) == 3 and parts[0].startswith("import time:") and parts[1].strip().isdigit():
            name = parts[2].strip()
            if not name.startswith(" ") and ("." not in name or name == "cchc.cli"):
                top[name] = max(top.get(name, 0), int(parts[1]))
    return {
        "check": statistics.median(check_t),
        "bare": statistics.median(bare_t),
        "runs": runs,
        "heavy": {m: top[m] for m in HEAVY if m in top},
        "top": sorted(top.items(), key=lambda kv: -kv[1])[:8],
    }


# --- report ----------------------------------------------------------------------------------------


def mib(kib: float) -> str:
    return f"{kib / 1024:.0f} MiB"


def row(label: str, r: dict[str, Any], floor: float | None, rules: str = "") -> None:
    if "skipped" in r:
        print(f"  {label:38s} skipped: {r['skipped']}")
        return
    rate = r["plans"] / r["seconds"]
    ratio = f"{floor / rate:5.2f}×" if floor else "   — "
    rules = rules or (f"{r['rules']} rules" if r.get("rules") else "")
    print(
        f"  {label:38s} {rate:8.0f} plans/s  {ratio} floor  "
        f"{1000 / rate:6.2f} ms/plan  peak RSS {mib(r['maxrss_kib']):>8s}  {rules}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=10_000, help="plans generated and measured")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", type=Path, default=HERE / "out" / "runall")
    ap.add_argument("--cold-runs", type=int, default=15)
    ap.add_argument("--rounds", type=int, default=3, help="turns of the in-process modes")
    ap.add_argument("--batch-rounds", type=int, default=2, help="turns of the batch runs")
    ap.add_argument("--jobs", type=int, nargs="*", default=[1, 2], help="batch runs ([] skips)")
    ap.add_argument("--soak", type=int, default=0, help="also run the memory soak to N plans")
    ap.add_argument(
        "--rules",
        type=Path,
        help="measure the backends with the packs of this folder instead of the shipped rules",
    )
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--plans", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        paths = sorted(args.plans.rglob("*.json"))
        print(json.dumps(child(args.child, paths[: args.limit or None])))
        return

    import batch_bench
    import genplans

    os.environ["PYTHONPATH"] = _env()["PYTHONPATH"]  # for the batch subprocesses
    if args.rules:
        os.environ["CCHC_BENCH_RULES"] = str(args.rules.resolve())
    plans_dir = args.workdir / f"plans-{args.count}-{args.seed}"
    if not plans_dir.is_dir():
        t0 = time.perf_counter()
        genplans.write_plans(plans_dir, args.count, args.seed)
        print(f"generated {args.count} plans in {time.perf_counter() - t0:.1f} s: {plans_dir}")
    paths = sorted(plans_dir.rglob("*.json"))

    from cchc.checker import Checker

    shipped = Checker(_options("python"))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    which = f"the packs of {args.rules}" if args.rules else "shipped rules"
    print(
        f"{len(paths)} plans; Python {sys.version.split()[0]}; {os.cpu_count()} CPUs, "
        f"load average {load}; {which}: {len(shipped.rules)} in "
        f"{len({r.pack for r in shipped.rules})} packs"
    )

    # The modes take turns, `--rounds` times, and each keeps its best round: on a machine
    # shared with other work the load changes from minute to minute, and a mode measured
    # alone in a busy minute would look slower than it is.
    results: dict[str, dict[str, Any]] = {}
    for _ in range(args.rounds):
        for mode in ("floor", "python", "durable", "python-ten", "durable-ten", "rego-ten"):
            r = run_child(mode, plans_dir, len(paths))
            best = results.get(mode)
            if best is None or ("skipped" not in r and r["seconds"] < best.get("seconds", 1e99)):
                if best is not None and "maxrss_kib" in best:
                    r["maxrss_kib"] = max(r["maxrss_kib"], best["maxrss_kib"])
                results[mode] = r
    floor = results["floor"]["plans"] / results["floor"]["seconds"]

    print(f"\nIn one process, per plan file (each mode in its own process, best of {args.rounds}):")
    row("floor: load_plan (read, parse, validate)", results["floor"], None)
    row("python backend, check_path", results["python"], floor)
    row("durable backend, check_path", results["durable"], floor)
    row("python backend, the ten rules", results["python-ten"], floor)
    row("durable backend, the ten rules", results["durable-ten"], floor)
    row("peer: Rego (regopy), the ten rules", results["rego-ten"], floor, "10 rules, load+derive")
    print(f"  peer agreement: {rego_agreement(paths)}")

    runs = []
    if args.jobs and args.rules:
        print("\ncchc batch: not run with --rules (the batch adds packs to the shipped ones)")
    elif args.jobs:
        print("\ncchc batch (whole command: walk, check, journal, every output):")
        best_runs: dict[int, Any] = {}
        for _ in range(args.batch_rounds):  # alternated, best of each, as above
            for jobs in args.jobs:
                out = args.workdir / f"batch-j{jobs}"
                run = batch_bench.run_batch(plans_dir, out, jobs, "durable")
                if jobs not in best_runs or run.seconds < best_runs[jobs].seconds:
                    best_runs[jobs] = run
        runs = [best_runs[j] for j in args.jobs]
        for run in runs:
            batch_bench.describe(run, len(paths))

    cold = cold_start(paths[0], args.cold_runs)
    print(f"\nCold start, median of {cold['runs']} runs:")
    print(f"  cchc-check plan.json {cold['check'] * 1000:6.0f} ms")
    print(f"  python -c pass       {cold['bare'] * 1000:6.0f} ms")
    print(f"  difference           {(cold['check'] - cold['bare']) * 1000:6.0f} ms")
    heavy = ", ".join(f"{k} {v / 1000:.0f} ms" for k, v in cold["heavy"].items())
    print(f"  heavy packages imported (cumulative import time): {heavy or 'none'}")
    top = ", ".join(f"{k} {v / 1000:.0f} ms" for k, v in cold["top"])
    print(f"  largest imports: {top}")

    soak_rss: list[float] = []
    if args.soak:
        print(f"\nMemory soak, durable backend, {args.soak} plans:")
        cmd = [sys.executable, str(HERE / "engine_soak.py"), str(args.soak)]
        with subprocess.Popen(cmd, env=_env(), stdout=subprocess.PIPE, text=True) as proc:
            assert proc.stdout is not None
            for line in proc.stdout:
                print("  " + line.rstrip(), flush=True)
                if " rss " in line:
                    soak_rss.append(float(line.split(" rss ")[1].split()[0]))

    print("\nTargets, as measured:")
    for engine in ("python", "durable"):
        r = results[engine]
        if "skipped" not in r:
            ratio = floor / (r["plans"] / r["seconds"])
            print(f"  checking ≤ 2.5× the floor, {engine} backend, shipped rules: {ratio:.2f}×")
    if runs:
        rate1 = len(paths) / runs[0].seconds
        print(f"  ≥ 400 plans/s per core end to end (cchc batch --jobs 1): {rate1:.0f} plans/s")
        if len(runs) > 1:
            print(f"  --jobs 2 ≥ 1.7× --jobs 1: {runs[0].seconds / runs[1].seconds:.2f}×")
    if soak_rss:
        print(
            f"  memory flat from 10,000 to {args.soak} plans: {soak_rss[0]:.1f} MB → "
            f"{soak_rss[-1]:.1f} MB ({soak_rss[-1] - soak_rss[0]:+.1f} MB)"
        )
    else:
        print("  memory flat 10,000 → 100,000: run with --soak 100000 (or bench/engine_soak.py)")
    print(
        f"  cold cchc-check plan.json ≤ 0.3 s and ≤ 15× python -c pass: {cold['check']:.2f} s, "
        f"{cold['check'] / cold['bare']:.1f}×"
    )


if __name__ == "__main__":
    main()
