"""`cchc batch`: every input file one row, every output written, same bytes twice, resume."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import orjson
import pytest
from click.testing import CliRunner

from cchc.batch import iter_plan_files
from cchc.batch.journal import JOURNAL_NAME
from cchc.batch.outputs import OUTPUT_NAMES
from cchc.batch.run import BatchConfig, BatchError, run_batch
from cchc.batch.walk import safe_name
from cchc.checker import CheckOptions
from cchc.cli import main
from cchc.render.json_out import render as render_json
from cchc.result import CheckRun
from htmlcheck import assert_safe, parse
from plandirs import XSS_TITLE, genplans, write_broken_files, write_plan_folder

BROKEN = {"empty.json", "latin1.json", "not-json.json", "x.json"}


@pytest.fixture
def plan_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    write_plan_folder(folder)
    write_broken_files(folder)
    (folder / "ghi-chu.md").write_text("không phải kế hoạch", encoding="utf-8")
    (folder / ".an").mkdir()
    (folder / ".an" / "hidden.json").write_text("{}", encoding="utf-8")
    return folder


def _inputs(folder: Path) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in iter_plan_files(folder)]


def _batch(folder: Path, out: Path, **kw: object) -> tuple[int, str]:
    args = ["batch", str(folder), "--out", str(out), *[str(a) for a in kw.pop("args", [])]]
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def _snapshot(out: Path) -> dict[str, bytes]:
    """Every file of an output folder but the journal, by relative path."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != JOURNAL_NAME
    }


def test_walk_lists_plan_files_sorted_and_skips_the_rest(plan_folder: Path) -> None:
    names = _inputs(plan_folder)
    assert names == sorted(names)
    assert set(names) >= BROKEN  # the folder named x.json is listed, to get its error row
    assert "ghi-chu.md" not in names
    assert not [n for n in names if n.startswith(".")]
    assert "tinh/ke-hoach-00.json" in names and "xa/ke-hoach-01.json" in names


def test_a_folder_that_cannot_be_listed_gets_its_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cchc.batch.walk as walk_module

    folder = tmp_path / "plans"
    write_plan_folder(folder, 2)
    real_walk = os.walk

    def walk_with_a_locked_folder(top, onerror=None, followlinks=False):  # type: ignore[no-untyped-def]
        locked = folder / "khoa"
        onerror(PermissionError(13, "Permission denied", str(locked)))
        yield from real_walk(top, onerror=onerror, followlinks=followlinks)

    monkeypatch.setattr(walk_module.os, "walk", walk_with_a_locked_folder)
    out = tmp_path / "out"
    result = run_batch(_config(folder, out))
    assert result.exit_code == 2 and result.stats.errors == 1
    run = CheckRun.model_validate(orjson.loads((out / "results.json").read_bytes()))
    assert [(e.file, e.error) for e in run.errors] == [
        ("khoa/", "không đọc được thư mục: Permission denied")
    ]
    rows = (out / "summary.csv").read_text(encoding="utf-8-sig").splitlines()
    assert any(r.startswith("khoa/,") for r in rows)


def test_batch_writes_every_output_with_one_row_per_input_file(
    plan_folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, output = _batch(plan_folder, out, args=["--jobs", "2"])
    inputs = _inputs(plan_folder)
    plans = [n for n in inputs if n not in BROKEN]
    assert code == 2  # some files could not be read
    assert f"Đã kiểm tra {len(inputs)} tệp" in output and "4 tệp không đọc được" in output
    for name in OUTPUT_NAMES:
        assert (out / name).is_file()
    assert not [p for p in out.rglob("*.part")]

    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as fh:
        summary = list(csv.reader(fh))
    assert [row[0] for row in summary[1:]] == inputs  # one row per input file, sorted
    verdict = summary[0].index("Kết luận")
    error = summary[0].index("Lỗi")
    unreadable = {row[0]: row[error] for row in summary[1:] if row[verdict] == "Không đọc được"}
    assert set(unreadable) == BROKEN
    assert unreadable["empty.json"] == "tệp rỗng"
    assert "thư mục" in unreadable["x.json"]
    assert "UTF-8" in unreadable["latin1.json"]

    with (out / "results.csv").open(encoding="utf-8-sig", newline="") as fh:
        results = list(csv.reader(fh))
    assert {row[0] for row in results[1:]} == set(inputs)
    assert sum(1 for row in results[1:] if row[0] in BROKEN) == len(BROKEN)

    run = CheckRun.model_validate(orjson.loads((out / "results.json").read_bytes()))
    assert [p.file for p in run.plans] == plans
    assert [e.file for e in run.errors] == sorted(BROKEN)
    # results.json is exactly what `--format json` prints for the same run
    assert render_json(run) == (out / "results.json").read_bytes()

    wb = openpyxl.load_workbook(out / "summary.xlsx", read_only=True)
    assert wb.sheetnames == ["Tổng hợp", "Thiếu sót", "Theo quy tắc", "Tệp không đọc được"]
    rows = list(wb["Tổng hợp"].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == inputs
    errors = list(wb["Tệp không đọc được"].iter_rows(values_only=True))
    assert sorted(r[0] for r in errors[1:]) == sorted(BROKEN)
    rule_rows = list(wb["Theo quy tắc"].iter_rows(values_only=True))
    assert sorted(r[0] for r in rule_rows[1:]) == sorted(
        {x.rule for p in run.plans for x in p.results}
    )
    for r in rule_rows[1:]:
        assert sum(r[6:12]) == len(run.plans)  # every plan counted once per rule

    page = parse((out / "index.html").read_text(encoding="utf-8"))
    body_rows = [e for e in page.find("tr") if "data-file" in e.attrs]
    assert [e.attrs["data-file"] for e in body_rows] == inputs
    links = [a.attrs["href"] for a in page.find("a")]
    assert len(links) == len(plans)
    for href in links:
        assert (out / str(href)).is_file()
    pages = sorted(p.name for p in (out / "plans").iterdir())
    assert pages == sorted(f"{safe_name(n)}.html" for n in plans)
    assert len(page.find("script")) == 1  # the dashboard's own sorting and filtering


def test_batch_is_deterministic_across_runs_and_jobs(plan_folder: Path, tmp_path: Path) -> None:
    _batch(plan_folder, tmp_path / "a", args=["--jobs", "2"])
    first = _snapshot(tmp_path / "a")
    _batch(plan_folder, tmp_path / "a", args=["--jobs", "2"])  # again, into the same folder
    assert _snapshot(tmp_path / "a") == first
    _batch(plan_folder, tmp_path / "b", args=["--jobs", "1"])
    assert _snapshot(tmp_path / "b") == first


def test_generation_time_only_with_the_flag(plan_folder: Path, tmp_path: Path) -> None:
    _batch(plan_folder, tmp_path / "a")
    _batch(plan_folder, tmp_path / "b", args=["--timestamp"])
    plain = (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
    stamped = (tmp_path / "b" / "index.html").read_text(encoding="utf-8")
    assert "lúc 20" not in plain and "lúc 20" in stamped


def test_hostile_plan_text_is_shown_as_text_in_every_html_output(
    plan_folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _batch(plan_folder, out)
    assert_safe((out / "index.html").read_text(encoding="utf-8"), XSS_TITLE)
    page = assert_safe((out / "plans" / f"{safe_name('xss.json')}.html").read_text(), XSS_TITLE)
    assert not page.find("script")
    # The report's own bold labels are fine; the plan's "<b>đậm</b>" must stay text.
    assert not [b for b in page.find("b") if "đậm" in b.text]


def test_english_outputs(plan_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _, output = _batch(plan_folder, out, args=["--lang", "en"])
    assert "Checked " in output and "files that could not be read" in output
    header = (out / "summary.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("File,Title,Issuer")
    assert "Plan check results" in (out / "index.html").read_text(encoding="utf-8")


def _plan_2024(folder: Path, name: str, *, cites_76: bool) -> None:
    plan = genplans.generate(1)[0]
    plan["document"]["issue_date"] = "2024-03-01"
    plan["period"] = {"start": "2024-01-01", "end": "2024-12-31"}  # a plan for 2024, too
    plan["cited_documents"] = [dict(genplans.NQ76)] if cites_76 else []
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")


def test_exit_codes(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    _plan_2024(folder, "co-trich-dan.json", cites_76=True)
    only_cite = ["--select", "NQ76-2021-CITE"]
    code, output = _batch(folder, tmp_path / "out", args=only_cite)
    assert code == 0, output  # no gaps
    _plan_2024(folder, "thieu-trich-dan.json", cites_76=False)
    code, output = _batch(folder, tmp_path / "out", args=only_cite)
    assert code == 1 and "1 kế hoạch có thiếu sót" in output
    write_broken_files(folder)
    code, _ = _batch(folder, tmp_path / "out", args=only_cite)
    assert code == 2  # unreadable files outrank gaps


def test_bad_folders_are_one_sentence_and_exit_2(tmp_path: Path) -> None:
    code, output = _batch(tmp_path / "missing", tmp_path / "out")
    assert code == 2 and "không phải là thư mục" in output
    (tmp_path / "empty").mkdir()
    code, output = _batch(tmp_path / "empty", tmp_path / "out")
    assert code == 2 and "không có tệp kế hoạch" in output
    write_plan_folder(tmp_path / "p", 1)
    code, output = _batch(tmp_path / "p", tmp_path / "p")
    assert code == 2 and "--out" in output
    assert "Traceback" not in output


def test_output_folder_inside_the_input_folder_is_not_walked(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    write_plan_folder(folder, 2)
    _batch(folder, folder / "ket-qua")
    first = _snapshot(folder / "ket-qua")
    _batch(folder, folder / "ket-qua")  # results.json must not become an input
    assert _snapshot(folder / "ket-qua") == first


def test_pages_of_removed_files_are_pruned(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    write_plan_folder(folder, 4)
    out = tmp_path / "out"
    _batch(folder, out)
    gone = out / "plans" / f"{safe_name('tinh/ke-hoach-00.json')}.html"
    assert gone.is_file()
    (folder / "tinh" / "ke-hoach-00.json").unlink()
    _batch(folder, out)
    assert not gone.exists()


# --- resume ------------------------------------------------------------------------------------


def _config(folder: Path, out: Path, **kw: object) -> BatchConfig:
    return BatchConfig(root=folder, outdir=out, options=CheckOptions(), **kw)  # type: ignore[arg-type]


def test_resume_refuses_a_journal_of_other_options(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    write_plan_folder(folder, 2)
    run_batch(_config(folder, tmp_path / "out"))
    with pytest.raises(BatchError) as exc:
        run_batch(_config(folder, tmp_path / "out", lang="en", resume=True))
    assert exc.value.key == "batch_journal_mismatch" and "lang" in exc.value.message("vi")


def test_resume_redoes_a_line_cut_short(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    write_plan_folder(folder, 4)
    run_batch(_config(folder, tmp_path / "ref"))
    out = tmp_path / "out"
    run_batch(_config(folder, out))
    journal = out / JOURNAL_NAME
    lines = journal.read_bytes().splitlines(keepends=True)
    # as if killed while writing the fourth record
    journal.write_bytes(b"".join(lines[:4]) + lines[4][: len(lines[4]) // 2])
    result = run_batch(_config(folder, out, resume=True))
    assert result.resumed == 3
    keys = [json.loads(line)["key"] for line in journal.read_bytes().splitlines()[1:]]
    assert sorted(keys) == _inputs(folder) and len(keys) == len(set(keys))
    assert _snapshot(out) == _snapshot(tmp_path / "ref")


SLOW_BATCH = """
import sys, time
from pathlib import Path
from cchc.batch.run import BatchConfig, BatchInterrupted, run_batch
from cchc.checker import CheckOptions, Checker

class SlowChecker(Checker):
    # A checker slow enough for the test to stop the batch half way.
    def check_path(self, path):
        time.sleep(0.04)
        return super().check_path(path)

if __name__ == "__main__":
    config = BatchConfig(
        root=Path(sys.argv[1]), outdir=Path(sys.argv[2]), options=CheckOptions(),
        jobs=2, resume="--resume" in sys.argv, checker_factory=SlowChecker,
    )
    try:
        run_batch(config)
    except BatchInterrupted as exc:
        print(f"interrupted {exc.done}/{exc.total}")
        sys.exit(130)
"""


def _start_slow(script: Path, folder: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(script), str(folder), str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the workers are stopped with it
    )


def _wait_for_records(journal: Path, n: int, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if journal.exists() and journal.read_bytes().count(b"\n") > n:
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.01)
    raise AssertionError("the batch made no progress")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_resume_after_the_batch_is_killed(tmp_path: Path, sig: signal.Signals) -> None:
    folder = tmp_path / "plans"
    write_plan_folder(folder, 60)
    write_broken_files(folder)
    script = tmp_path / "slow_batch.py"
    script.write_text(SLOW_BATCH, encoding="utf-8")
    out = tmp_path / "out"
    journal = out / JOURNAL_NAME
    total = len(_inputs(folder))

    proc = _start_slow(script, folder, out)
    _wait_for_records(journal, 8, proc)
    os.killpg(proc.pid, sig)
    stdout, _ = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and stdout.startswith("interrupted ")
    else:
        assert proc.returncode == -signal.SIGKILL
    done = journal.read_bytes().count(b"\n") - 1
    assert 8 <= done < total  # stopped half way
    assert not (out / "index.html").exists()  # no summary output from a stopped run

    resumed = subprocess.run(
        [sys.executable, str(script), str(folder), str(out), "--resume"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert resumed.returncode == 0, resumed.stderr
    keys = [json.loads(line)["key"] for line in journal.read_bytes().splitlines()[1:]]
    assert sorted(keys) == _inputs(folder)  # every file exactly once
    assert len(keys) == len(set(keys)) == total
    assert not list(out.rglob("*.part"))

    # The outputs of the stopped-and-resumed run are those of a run never stopped.
    run_batch(_config(folder, tmp_path / "ref"))
    assert _snapshot(out) == _snapshot(tmp_path / "ref")
    summary = (out / "summary.csv").read_text(encoding="utf-8-sig")
    assert len(list(csv.reader(io.StringIO(summary)))) == total + 1


def test_progress_line_fits_the_terminal_and_is_silent_off_a_tty() -> None:
    from cchc.batch.progress import Progress

    stream = io.StringIO()
    progress = Progress(3000, "vi", enabled=False, stream=stream)
    for kind in ["passed"] * 5 + ["gaps"] * 3 + ["error"]:
        progress.add(kind)
    progress.close()
    assert stream.getvalue() == ""
    line = progress.line(80)
    assert len(line) < 80 and line.startswith("[")
    assert "9/3000 tệp · 5 không thiếu sót · 3 có thiếu sót · 1 lỗi đọc" in line
    assert len(progress.line(40)) < 40  # a narrow terminal: no bar, cut to fit

    shown = Progress(2, "en", enabled=True, stream=stream)
    shown.add("passed")
    shown.add("gaps")
    shown.close()
    assert "2/2 files · 1 without gaps · 1 with gaps · 0 unreadable" in stream.getvalue()
    assert stream.getvalue().endswith("\n")


def test_batch_over_the_fixtures_folder_plus_broken_files(tmp_path: Path) -> None:
    """The repository's fixtures (seeds, synthetic plans, bad inputs, plan texts) as one batch."""
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    folder = tmp_path / "fixtures"
    shutil.copytree(fixtures, folder)
    broken = write_broken_files(folder)
    inputs = _inputs(folder)
    assert len(inputs) >= len(broken) + 5
    out = tmp_path / "out"
    code, output = _batch(folder, out, args=["--jobs", "2"])
    assert code == 2 and "Traceback" not in output
    first = _snapshot(out)
    for name in OUTPUT_NAMES:
        assert name in first
    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    assert [r[0] for r in rows] == inputs  # one row per input file, none skipped
    run = CheckRun.model_validate(orjson.loads(first["results.json"]))
    assert len(run.plans) + len(run.errors) == len(inputs)
    assert {e.file for e in run.errors} >= set(broken)
    assert {e.file for e in run.errors} >= {n for n in inputs if n.startswith("bad/")}
    # two runs give the same bytes
    _batch(folder, out, args=["--jobs", "2"])
    assert _snapshot(out) == first
