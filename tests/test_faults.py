"""Faults: a batch stopped at the worst moments, and an engine that fails inside a rule.

tests/test_batch.py stops a batch with SIGINT and SIGKILL while plans are being checked (a
script around `run_batch`) and resumes it. This module adds:
- the user's own command, `cchc batch`, stopped with SIGINT (Ctrl-C) and SIGKILL and resumed
  with `--resume`;
- a stop while the summary outputs are half written: no output may exist half written, and
  the resumed run writes them whole;
- the rule engine failing inside a rule on some plans: those plans get `error` results for
  those rules, every other result and file is untouched, and the batch goes on (one process
  and two);
- `cchc batch` killed at 20 random points (seeded), plans edited, added and removed between
  the kills, then resumed: the outputs are those of one clean run over the final folder.
"""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from cchc.batch import iter_plan_files
from cchc.batch.journal import JOURNAL_NAME
from cchc.batch.outputs import OUTPUT_NAMES
from cchc.batch.run import BatchConfig, run_batch
from cchc.checker import Checker, CheckOptions
from cchc.model import Plan
from cchc.result import PlanReport
from plandirs import write_broken_files, write_plan_folder

ENV = dict(os.environ, PYTHONIOENCODING="utf-8")


def _inputs(folder: Path) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in iter_plan_files(folder)]


def _journal_keys(out: Path) -> list[str]:
    lines = (out / JOURNAL_NAME).read_bytes().splitlines()[1:]
    return [json.loads(line)["key"] for line in lines]


def _snapshot(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != JOURNAL_NAME
    }


def _complete_records(out: Path) -> int:
    journal = out / JOURNAL_NAME
    return journal.read_bytes().count(b"\n") - 1 if journal.exists() else 0


def _assert_resumed_like_a_run_never_stopped(folder: Path, out: Path, ref: Path) -> None:
    keys = _journal_keys(out)
    assert sorted(keys) == _inputs(folder)  # every file exactly once
    assert len(keys) == len(set(keys))
    assert not list(out.rglob("*.part"))  # nothing half written is left
    assert _snapshot(out) == _snapshot(ref)
    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.reader(fh))) == len(keys) + 1


# --- the command itself, stopped and resumed -----------------------------------------------------


def _batch_cmd(folder: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "cchc", "batch", str(folder), "--out", str(out), *extra]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_cchc_batch_stopped_then_resumed(tmp_path: Path, sig: signal.Signals) -> None:
    folder = tmp_path / "plans"
    write_plan_folder(folder, 300)
    write_broken_files(folder)
    total = len(_inputs(folder))
    ref = tmp_path / "ref"
    subprocess.run(_batch_cmd(folder, ref), env=ENV, capture_output=True, timeout=600)

    out = tmp_path / "out"
    proc = subprocess.Popen(
        _batch_cmd(folder, out, "--jobs", "2"),
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C would reach it
    )
    deadline = time.monotonic() + 120
    while _complete_records(out) < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    assert proc.poll() is None, "the batch ended before it could be stopped"
    os.killpg(proc.pid, sig)
    stdout, stderr = proc.communicate(timeout=120)
    assert "Traceback" not in stdout + stderr
    if sig == signal.SIGINT:
        assert proc.returncode == 130
        assert "--resume" in stdout + stderr  # the user is told how to go on
    else:
        assert proc.returncode == -signal.SIGKILL
    assert _complete_records(out) < total
    assert not [n for n in OUTPUT_NAMES if (out / n).exists()]  # no summary of a stopped run

    resumed = subprocess.run(
        _batch_cmd(folder, out, "--resume", "--jobs", "2"),
        env=ENV,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
    assert resumed.returncode == 2, resumed.stderr  # 2: the broken files
    _assert_resumed_like_a_run_never_stopped(folder, out, ref)


# --- stopped while the summary outputs are being written --------------------------------------------

STOP_IN_OUTPUTS = """
import os, sys, time
from pathlib import Path
import cchc.batch.outputs as outputs
from cchc.batch.run import BatchConfig, BatchInterrupted, run_batch
from cchc.checker import CheckOptions

marker = Path(sys.argv[3])
real_row = outputs.dashboard_row
rows = []

def slow_row(*args, **kwargs):
    # Half way through the summary outputs: tell the test, then wait to be stopped.
    rows.append(1)
    if len(rows) == 10 and "--resume" not in sys.argv:
        marker.write_text("writing")
        time.sleep(60)
    return real_row(*args, **kwargs)

outputs.dashboard_row = slow_row
config = BatchConfig(
    root=Path(sys.argv[1]), outdir=Path(sys.argv[2]), options=CheckOptions(),
    jobs=1, resume="--resume" in sys.argv,
)
try:
    run_batch(config)
except BatchInterrupted:
    sys.exit(130)
"""


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_stopped_while_writing_the_summary_outputs(tmp_path: Path, sig: signal.Signals) -> None:
    folder = tmp_path / "plans"
    write_plan_folder(folder, 30)
    write_broken_files(folder)
    script = tmp_path / "stop_in_outputs.py"
    script.write_text(STOP_IN_OUTPUTS, encoding="utf-8")
    out, marker = tmp_path / "out", tmp_path / "marker"
    cmd = [sys.executable, str(script), str(folder), str(out), str(marker)]
    proc = subprocess.Popen(cmd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert marker.exists(), proc.communicate()
    # Every plan is checked, every output is open and half written under a temporary name.
    assert _complete_records(out) == len(_inputs(folder))
    parts = [p.name for p in out.glob(".*.part")]
    assert len(parts) >= len(OUTPUT_NAMES), parts
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == (130 if sig == signal.SIGINT else -signal.SIGKILL)
    # Ctrl-C in the middle of the spreadsheet: its half-run writer is dropped without noise.
    assert b"Traceback" not in stderr, stderr.decode(errors="replace")
    # No output exists half written: under its own name there is nothing at all.
    assert not [n for n in OUTPUT_NAMES if (out / n).exists()]
    if sig == signal.SIGINT:
        assert not list(out.glob(".*.part"))  # Ctrl-C cleans up after itself

    resumed = subprocess.run([*cmd, "--resume"], env=ENV, capture_output=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    ref = tmp_path / "ref"
    run_batch(BatchConfig(root=folder, outdir=ref, options=CheckOptions()))
    _assert_resumed_like_a_run_never_stopped(folder, out, ref)


# --- killed at random points, plans edited in between -------------------------------------------


def _edit(folder: Path, rng: random.Random, round_no: int) -> None:
    """What a user does between two runs: fix a plan, add one, remove one."""
    plans = sorted(folder.rglob("*.json"))
    choice = rng.random()
    if choice < 0.6:
        path = rng.choice(plans)
        data = json.loads(path.read_text(encoding="utf-8"))
        data["document"]["title"] = f"Kế hoạch sửa lần {round_no}"
        if data.get("activities"):
            data["activities"] = data["activities"][: rng.randrange(len(data["activities"]))]
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    elif choice < 0.8:
        source = rng.choice(plans)
        (folder / f"them-{round_no}.json").write_bytes(source.read_bytes())
    elif len(plans) > 4:
        rng.choice(plans).unlink()


def test_killed_at_random_points_with_plans_edited_between_kills(tmp_path: Path) -> None:
    """20 kills at seeded random moments (start-up, checking, writing the summary), edits
    between them; the final resumed outputs equal a clean run's. About a minute: 12 small
    plans, one process, each run killed within the time a whole run takes."""
    rng = random.Random(2126)
    folder = tmp_path / "plans"
    write_plan_folder(folder, 6)
    out = tmp_path / "out"
    started = time.monotonic()
    first = subprocess.run(_batch_cmd(folder, tmp_path / "timing"), env=ENV, capture_output=True)
    assert first.returncode in (0, 1), first.stderr
    span = time.monotonic() - started  # one whole run, start-up included
    edits = 0
    for round_no in range(20):
        cmd = _batch_cmd(folder, out, *(["--resume"] if round_no else []))
        proc = subprocess.Popen(
            cmd,
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            start_new_session=True,
        )
        delay = rng.uniform(0.1, span)
        time.sleep(delay)
        if proc.poll() is None:
            # Ctrl-C only once Python itself has started: an interrupt inside the interpreter's
            # own start-up (site, runpy) prints its traceback before any of cchc runs.
            sig = rng.choice([signal.SIGKILL, signal.SIGINT]) if delay > 1 else signal.SIGKILL
            os.killpg(proc.pid, sig)
        stdout, stderr = proc.communicate(timeout=120)
        assert "Traceback" not in stdout + stderr, stderr
        if rng.random() < 0.5:
            _edit(folder, rng, round_no)
            edits += 1
    assert edits >= 5
    final = subprocess.run(
        _batch_cmd(folder, out, "--resume"), env=ENV, capture_output=True, text=True, timeout=300
    )
    assert final.returncode in (0, 1), final.stderr
    ref = tmp_path / "ref"
    clean = subprocess.run(_batch_cmd(folder, ref), env=ENV, capture_output=True, timeout=300)
    assert clean.returncode == final.returncode
    _assert_resumed_like_a_run_never_stopped(folder, out, ref)
    titles = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert any("sửa lần" in p["plan"]["title"] for p in titles["plans"])


# --- the engine failing inside a rule ------------------------------------------------------------------

FAILING_SUFFIX = "-engine-fault.json"
TARGET_RULE = "NQ76-2021-CITE"


class _FailingCore:
    """durable_rules' C core, failing as it does on a fact it cannot take ("error code: 302":
    too many properties) for the plans the checker marks, in the ruleset of TARGET_RULE."""

    def __init__(self, real: Any, handle: int, checker: EngineFaultChecker) -> None:
        self._real, self._handle, self._checker = real, handle, checker

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def assert_fact(self, handle: int, fact: str) -> Any:
        if handle == self._handle and self._checker.failing:
            raise self._real.error("Could not assert fact, error code: 302")
        return self._real.assert_fact(handle, fact)


class EngineFaultChecker(Checker):
    """The default checker, whose engine fails inside a rule on the files named *FAILING_SUFFIX.
    Module level, so that pool workers can build it."""

    def __init__(self, options: CheckOptions) -> None:
        super().__init__(options)
        backend: Any = self.backend
        target = next(rs for rs in backend._rulesets if TARGET_RULE in rs.rule_ids)
        self.failing_rules = set(target.rule_ids)
        backend._engine = _FailingCore(backend._engine, target.handle, self)
        self.failing = False

    def check_plan(self, plan: Plan, file: str) -> PlanReport:
        self.failing = file.endswith(FAILING_SUFFIX)
        try:
            return super().check_plan(plan, file)
        finally:
            self.failing = False


def _folder_with_faulty_plans(folder: Path) -> set[str]:
    write_plan_folder(folder, 12)
    seeds = sorted(folder.glob("seed-*.json"))
    # Plans to which the target rule applies (plans of 2021 and later), made to fail.
    chosen = []
    for seed in seeds:
        data = json.loads(seed.read_text(encoding="utf-8"))
        if (data.get("document", {}).get("issue_date") or "") >= "2021-08":
            target = seed.with_name(seed.stem + FAILING_SUFFIX)
            seed.rename(target)
            chosen.append(target.name)
    assert len(chosen) >= 2
    return set(chosen)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_engine_fault_in_a_rule_is_an_error_result_and_the_batch_goes_on(
    tmp_path: Path, jobs: int
) -> None:
    folder = tmp_path / "plans"
    faulty = _folder_with_faulty_plans(folder)
    out = tmp_path / "out"
    options = CheckOptions(engine="durable")
    result = run_batch(
        BatchConfig(
            root=folder,
            outdir=out,
            options=options,
            jobs=jobs,
            checker_factory=EngineFaultChecker,
        )
    )
    ref = tmp_path / "ref"
    run_batch(BatchConfig(root=folder, outdir=ref, options=options))
    failing_rules = EngineFaultChecker(options).failing_rules

    run = json.loads((out / "results.json").read_text(encoding="utf-8"))
    expected = json.loads((ref / "results.json").read_text(encoding="utf-8"))
    assert run["errors"] == expected["errors"] == []  # every file was read and checked
    assert [p["file"] for p in run["plans"]] == _inputs(folder)
    assert result.stats.errors == 0
    for plan, normal in zip(run["plans"], expected["plans"], strict=True):
        by_rule = {r["rule"]: r for r in plan["results"]}
        if plan["file"] in faulty:
            for rule in failing_rules:
                assert by_rule[rule]["status"] == "error", (plan["file"], rule)
                assert "error code: 302" in by_rule[rule]["message"]
            others = [r for r in plan["results"] if r["rule"] not in failing_rules]
            assert others == [r for r in normal["results"] if r["rule"] not in failing_rules]
        else:
            assert plan == normal  # the fault touched no other plan
