"""The results store, re-submission diffs and the portfolio, on SQLite and on a real
PostgreSQL server started by the test.

Three years of a synthetic province (200 commune plans a year) are checked once; each store
records them through the same hook `cchc-check --db` uses, 20 plans of the last year are
re-submitted corrected (`--baseline-db`), and the store's diffs and portfolio figures are
compared with counts computed here, independently, from the JSON reports."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from collections import Counter, defaultdict
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import pytest
import yaml

from cchc.checker import Checker, CheckOptions, run_check
from cchc.recording import Recorder
from conftest import ROOT, SEEDS
from pgserver import binaries, postgres
from province import corrected, write_year

YEARS = (2022, 2023, 2024)
UNITS = 200
RESUBMIT = 20
GAPS = ("fail", "partial", "error")
RANK = {"khong_dat": 0, "can_bo_sung": 1, "dat": 2}


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(CheckOptions(engine="python"))


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory, checker: Checker) -> dict[str, Any]:
    """Plans and their reports (checked once), and the JSON documents a run writes."""
    root = tmp_path_factory.mktemp("province")
    checked: list[tuple[Any, Any]] = []  # (plan, report) in recording order

    def keep(plan: Any, report: Any) -> None:
        checked.append((plan, report))

    runs: dict[str, dict[str, Any]] = {}
    for year in YEARS:
        paths = write_year(root / str(year), year, UNITS)
        outcome = run_check([str(p) for p in paths], checker, on_plan=keep)
        assert not outcome.input_errors
        runs[str(year)] = outcome.run.to_jsonable()
    # Re-submissions: the first RESUBMIT plans of the last year that had a gap.
    last = [
        r for r in runs[str(YEARS[-1])]["plans"] if any(x["status"] in GAPS for x in r["results"])
    ]
    old_files = [Path(r["file"]) for r in last[:RESUBMIT]]
    new_files = [corrected(p, root / f"{p.stem}-v2.json") for p in old_files]
    return {"root": root, "checked": checked, "runs": runs, "old": old_files, "new": new_files}


def _record_all(store: Any, checker: Checker, province: dict[str, Any]) -> dict[str, Any]:
    recorder = Recorder(checker, store=store)
    for plan, report in province["checked"]:
        recorder(plan, report)
    again = Recorder(checker, store=store)
    for plan, report in province["checked"][:50]:
        again(plan, report)
    resubmit = Recorder(checker, store=store, baseline_db=True)
    outcome = run_check([str(p) for p in province["new"]], checker, on_plan=resubmit)
    return {
        "first": (recorder.recorded, recorder.already),
        "again": (again.recorded, again.already),
        "resubmitted": outcome.run.to_jsonable(),
    }


# --- the independent figures, from the JSON reports alone ------------------------------------


def _latest(province: dict[str, Any], resubmitted: dict[str, Any]) -> dict[tuple[str, int], dict]:
    """(issuer, year) → the report of the last version submitted."""
    latest: dict[tuple[str, int], dict] = {}
    for year, run in province["runs"].items():
        for rep in run["plans"]:
            latest[(rep["plan"]["issuer"], int(year))] = rep
    for rep in resubmitted["plans"]:
        latest[(rep["plan"]["issuer"], int(rep["plan"]["issue_date"][:4]))] = rep
    return latest


def _headlines() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "rules" / "data" / "headline.yaml").read_text(encoding="utf-8"))


def _expected(latest: dict[tuple[str, int], dict]) -> dict[str, Any]:
    verdicts: Counter[tuple[int, str]] = Counter()
    failed: Counter[tuple[int, str]] = Counter()
    head_checked: Counter[tuple[int, str]] = Counter()
    head_passing: Counter[tuple[int, str]] = Counter()
    specs = _headlines()
    by_unit: dict[str, dict[int, dict]] = defaultdict(dict)
    for (issuer, year), rep in latest.items():
        verdicts[(year, rep["verdict"])] += 1
        by_unit[issuer][year] = rep
        per_head: dict[str, list[bool]] = defaultdict(list)
        for r in rep["results"]:
            if r["status"] in ("fail", "partial") and r["severity"] != "advisory":
                failed[(year, r["rule"])] += 1
            if r["status"] not in ("pass", "fail", "partial"):
                continue
            for name, spec in specs.items():
                if r["area"] in spec["areas"] or any(
                    fnmatchcase(r["rule"], p) for p in spec["rules"]
                ):
                    per_head[name].append(r["status"] == "pass")
                    break
        for name, oks in per_head.items():
            head_checked[(year, name)] += 1
            head_passing[(year, name)] += all(oks)
    regressions = set()
    for issuer, years in by_unit.items():
        ordered = sorted(years)
        for a, b in itertools.pairwise(ordered):
            if RANK[years[b]["verdict"]] < RANK[years[a]["verdict"]]:
                regressions.add((issuer, b))
    return {
        "verdicts": verdicts,
        "failed": failed,
        "head_checked": head_checked,
        "head_passing": head_passing,
        "regressions": regressions,
    }


def _check_store(store: Any, checker: Checker, province: dict[str, Any]) -> None:
    from cchc.portfolio import data, figures

    done = _record_all(store, checker, province)
    total = len(YEARS) * UNITS
    assert done["first"] == (total, 0)
    assert done["again"] == (0, 50)  # the same content under the same rules: nothing new
    counts = store.counts()
    assert counts["plans"] == total + RESUBMIT
    assert counts["checks"] == total + RESUBMIT

    # Diffs: computed here from the two JSON reports of each re-submitted unit.
    before = {r["file"]: r for r in province["runs"][str(YEARS[-1])]["plans"]}
    resub = done["resubmitted"]["plans"]
    assert len(resub) == RESUBMIT
    for old_file, rep in zip(province["old"], resub, strict=True):
        old = {r["rule"]: r for r in before[str(old_file)]["results"]}
        new = {r["rule"]: r for r in rep["results"]}
        old_gaps = {k for k, r in old.items() if r["status"] in GAPS}
        new_gaps = {k for k, r in new.items() if r["status"] in GAPS}
        diff = rep["diff"]
        assert diff is not None, rep["file"]
        assert diff["same_rules"] is True
        assert {e["rule"] for e in diff["fixed"]} == old_gaps - new_gaps
        assert {e["rule"] for e in diff["still_open"]} == old_gaps & new_gaps
        assert {e["rule"] for e in diff["new"]} == new_gaps - old_gaps
        assert diff["fixed"], "a corrected plan fixes at least one gap"
        assert diff["rules_changed"] == []
        assert diff["score_before"] == before[str(old_file)]["score"]

    # The portfolio's figures against the independent ones.
    expected = _expected(_latest(province, done["resubmitted"]))
    fig = figures.compute(data.load(store), top=1000)
    got_verdicts = Counter()
    for year in fig.verdicts.columns:
        for code, n in fig.verdicts[year].value_counts().items():
            got_verdicts[(int(year), code)] = int(n)
    assert got_verdicts == expected["verdicts"]
    got_failed = Counter(
        {(int(r.plan_year), r.rule): int(r.plans) for r in fig.top_failed.itertuples()}
    )
    assert got_failed == expected["failed"]
    got_checked = Counter(
        {(int(r.plan_year), r.headline): int(r.checked) for r in fig.headlines.itertuples()}
    )
    got_passing = Counter(
        {(int(r.plan_year), r.headline): int(r.passing) for r in fig.headlines.itertuples()}
    )
    assert got_checked == expected["head_checked"]
    assert +got_passing == +expected["head_passing"]
    assert {(r.unit, int(r.year)) for r in fig.regressions.itertuples()} == expected["regressions"]
    assert expected["regressions"], "the synthetic province has units that regressed"
    assert {"dialogue", "nq76"} <= {h for _, h in expected["head_checked"]}


def test_store_on_sqlite(tmp_path: Path, checker: Checker, province: dict[str, Any]) -> None:
    from cchc.store import open_store

    store = open_store(str(tmp_path / "results.db"))
    assert store.revision() == "0001"
    _check_store(store, checker, province)


@pytest.mark.skipif(
    binaries() is None, reason="PostgreSQL server binaries not installed (apt package postgresql)"
)
def test_store_on_postgresql(tmp_path: Path, checker: Checker, province: dict[str, Any]) -> None:
    from cchc.store import open_store

    with postgres() as url:
        store = open_store(url)
        assert store.revision() == "0001"
        _check_store(store, checker, province)
        store.engine.dispose()


def test_rules_changed_are_told_apart(tmp_path: Path) -> None:
    """An earlier version judged by fewer rules: the rules that now apply to it are listed as
    changed by the rules, not as the author's doing."""
    from cchc.store import open_store

    store = open_store(str(tmp_path / "r.db"))
    seed = json.loads((SEEDS / "tan-phong-2024.json").read_text(encoding="utf-8"))
    old = tmp_path / "old.json"
    old.write_text(json.dumps(seed, ensure_ascii=False))
    seed["cited_documents"].append(
        {"kind": "CT", "number": "23/CT-TTg", "date": "2021-09-02", "issuer": "Thủ tướng Chính phủ"}
    )
    new = tmp_path / "new.json"
    new.write_text(json.dumps(seed, ensure_ascii=False))
    narrow = Checker(CheckOptions(engine="python", select=("NQ76",)))
    run_check([str(old)], narrow, on_plan=Recorder(narrow, store=store))
    full = Checker(CheckOptions(engine="python"))
    out = run_check([str(new)], full, on_plan=Recorder(full, store=store, baseline_db=True))
    diff = out.run.plans[0].diff
    assert diff is not None and diff.same_rules is False
    changed = {e.rule for e in diff.rules_changed}
    old_full = {r.rule: r.status for r in full.check_path(old).results}
    old_narrow = {r.rule: r.status for r in narrow.check_path(old).results}
    expected = {
        k for k in old_full.keys() | old_narrow.keys() if old_full.get(k) != old_narrow.get(k)
    }
    assert changed == expected and "CT23-2021-CITE" in changed
    # The author's own fix is a fix, not a rule change.
    assert "CT23-2021-CITE" in {e.rule for e in diff.fixed}


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cchc", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_cli_records_compares_and_draws(tmp_path: Path) -> None:
    seed = json.loads((SEEDS / "tan-phong-2024.json").read_text(encoding="utf-8"))
    (tmp_path / "v1.json").write_text(json.dumps(seed, ensure_ascii=False))
    seed["cited_documents"].append(
        {"kind": "CT", "number": "23/CT-TTg", "date": "2021-09-02", "issuer": "Thủ tướng Chính phủ"}
    )
    (tmp_path / "v2.json").write_text(json.dumps(seed, ensure_ascii=False))
    db = str(tmp_path / "h.db")
    first = _cli("check", "v1.json", "--db", db, cwd=tmp_path)
    assert first.returncode == 1, first.stderr
    second = _cli("check", "v2.json", "--db", db, "--baseline-db", "--format", "json", cwd=tmp_path)
    assert second.returncode == 1, second.stderr
    diff = json.loads(second.stdout)["plans"][0]["diff"]
    assert "CT23-2021-CITE" in {e["rule"] for e in diff["fixed"]}
    text = _cli("check", "v2.json", "--baseline", "v1.json", cwd=tmp_path)
    assert "So với bản trước (v1.json)" in text.stdout and "CT23-2021-CITE" in text.stdout
    html = _cli("check", "v2.json", "--baseline", "v1.json", "--format", "html", cwd=tmp_path)
    assert 'class="diff-fixed"' in html.stdout and "CT23-2021-CITE" in html.stdout
    # A saved JSON report works as a baseline too.
    (tmp_path / "v1-report.json").write_text(
        _cli("check", "v1.json", "--format", "json", cwd=tmp_path).stdout
    )
    saved = _cli(
        "check", "v2.json", "--baseline", "v1-report.json", "--format", "json", cwd=tmp_path
    )
    sdiff = json.loads(saved.stdout)["plans"][0]["diff"]
    assert sdiff["same_rules"] is None and "CT23-2021-CITE" in {e["rule"] for e in sdiff["fixed"]}

    out = tmp_path / "portfolio"
    hist = _cli("history", "--db", db, "--out", str(out), cwd=tmp_path)
    assert hist.returncode == 0, hist.stderr
    html = (out / "portfolio.html").read_text(encoding="utf-8")
    assert "<svg" in html and "UBND xã Tân Phong" in html
    import openpyxl

    book = openpyxl.load_workbook(out / "portfolio.xlsx")
    assert book.sheetnames == [
        "Kết luận",
        "Điểm",
        "Yêu cầu hay thiếu",
        "Ba yêu cầu chính",
        "Đơn vị giảm",
    ]
    rows = list(book["Kết luận"].iter_rows(values_only=True))
    # The seed names itself "Ủy ban nhân dân huyện Tân Phong" in its body: a failed critical
    # requirement, Không đạt under rules/policy.yaml.
    assert rows[0] == ("Đơn vị", "2024") and rows[1] == ("UBND xã Tân Phong", "Không đạt")


def test_cli_store_errors_are_sentences(tmp_path: Path) -> None:
    plan = str(SEEDS / "tan-phong-2024.json")
    (tmp_path / "dir.db").mkdir()
    bad = _cli("check", plan, "--db", str(tmp_path / "dir.db"), cwd=tmp_path)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert bad.stderr.count("\n") == 1 and "dir.db" in bad.stderr
    nodb = _cli("check", plan, "--baseline-db", cwd=tmp_path)
    assert nodb.returncode == 2 and "--baseline-db" in nodb.stderr
    two = _cli("check", plan, plan, "--baseline", plan, cwd=tmp_path)
    assert two.returncode == 2 and "--baseline" in two.stderr
    missing = _cli("check", plan, "--baseline", str(tmp_path / "nope.json"), cwd=tmp_path)
    assert missing.returncode == 2 and "nope.json" in missing.stderr
    empty = _cli(
        "history", "--db", str(tmp_path / "empty.db"), "--out", str(tmp_path / "o"), cwd=tmp_path
    )
    assert empty.returncode == 2 and "empty.db" in empty.stderr
