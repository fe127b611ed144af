"""Benchmark of `cchc batch`: throughput with 1 and 2 jobs, speed-up, and memory over time.

Generates N plans (bench/genplans.py, seeded), runs `python -m cchc batch` on them with
`--jobs 1` then `--jobs 2`, and samples the resident memory of the batch process and of its
workers from /proc while it runs, so that flat memory can be seen: the RSS when 10 % of the
files are done against when 90 % are done.

    python bench/batch_bench.py --count 10000
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import genplans  # noqa: E402

JOURNAL = ".journal.jsonl"


def rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
            return [int(x) for x in fh.read().split()]
    except FileNotFoundError:
        return []


@dataclass
class Sample:
    t: float
    done: int
    parent: int
    workers: list[int]


@dataclass
class Run:
    jobs: int
    seconds: float = 0.0
    samples: list[Sample] = field(default_factory=list)
    exit_code: int = 0


def count_lines(path: Path) -> int:
    try:
        with path.open("rb") as fh:
            return max(0, sum(buf.count(b"\n") for buf in iter(lambda: fh.read(1 << 20), b"")) - 1)
    except FileNotFoundError:
        return 0


def run_batch(plans: Path, out: Path, jobs: int, engine: str) -> Run:
    if out.exists():
        shutil.rmtree(out)
    env = dict(os.environ)
    cmd = [sys.executable, "-m", "cchc", "batch", str(plans), "--out", str(out)]
    cmd += ["--jobs", str(jobs), "--engine", engine]
    run = Run(jobs)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            run.samples.append(
                Sample(
                    time.perf_counter() - started,
                    count_lines(out / JOURNAL),
                    rss_kib(proc.pid),
                    [rss_kib(c) for c in children(proc.pid)],
                )
            )
            stop.wait(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = proc.communicate()
    run.seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    run.exit_code = proc.returncode
    print(stdout.decode().strip())
    return run


def at_progress(run: Run, total: int, share: float) -> Sample | None:
    target = total * share
    for s in run.samples:
        if s.done >= target:
            return s
    return None


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB"


def describe(run: Run, total: int) -> None:
    peak_parent = max((s.parent for s in run.samples), default=0)
    peak_worker = max((w for s in run.samples for w in s.workers), default=0)
    print(f"--jobs {run.jobs}: {run.seconds:.1f} s, {total / run.seconds:.0f} plans/s")
    done = at_progress(run, total, 1.0)
    if done is not None:
        print(
            f"  every plan checked at {done.t:.0f} s ({total / done.t:.0f} plans/s);"
            f" summary outputs written in the last {run.seconds - done.t:.0f} s"
        )
    print(f"  peak RSS: batch process {mib(peak_parent)}", end="")
    print(f", largest worker {mib(peak_worker)}" if peak_worker else "")
    for share in (0.1, 0.5, 0.9):
        s = at_progress(run, total, share)
        if s is not None:
            workers = ", ".join(mib(w) for w in s.workers) or "—"
            print(
                f"  at {share:.0%} ({s.done} done, {s.t:.0f} s): batch {mib(s.parent)};"
                f" workers {workers}"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--engine", default="durable", choices=["durable", "python"])
    ap.add_argument("--workdir", type=Path, default=HERE / "out" / "batch")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()

    plans = args.workdir / f"plans-{args.count}-{args.seed}"
    if not plans.is_dir():
        t0 = time.perf_counter()
        genplans.write_plans(plans, args.count, args.seed)
        print(f"generated {args.count} plans in {time.perf_counter() - t0:.1f} s: {plans}")
    runs = []
    for jobs in args.jobs:
        runs.append(run_batch(plans, args.workdir / f"out-j{jobs}", jobs, args.engine))
    print()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{args.count} plans, engine {args.engine}, {os.cpu_count()} CPUs, load average {load}")
    for run in runs:
        describe(run, args.count)
    if len(runs) > 1:
        print(f"speed-up --jobs {runs[-1].jobs} over --jobs {runs[0].jobs}:", end=" ")
        print(f"{runs[0].seconds / runs[-1].seconds:.2f}×")
    same = all(
        (args.workdir / f"out-j{runs[0].jobs}" / n).read_bytes()
        == (args.workdir / f"out-j{r.jobs}" / n).read_bytes()
        for r in runs[1:]
        for n in ("summary.xlsx", "summary.csv", "results.json", "index.html")
    )
    print(f"outputs identical across --jobs: {'yes' if same else 'NO'}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"largest process of all runs (getrusage): {usage.ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
