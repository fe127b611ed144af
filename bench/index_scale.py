"""Time and memory of `cchc index` scoring on a generated province (not a test).

Generates N communes from the Xuân Bắc fixture (plan + report each, names and numbers varied,
a tenth of the plans also as a duplicate file, a tenth of the reports missing), scores them
with the Đồng Nai scheme (no compliance), renders text and the workbook, and prints seconds
and peak memory of each step.

    PYTHONPATH=engine python bench/index_scale.py --units 3000
"""

from __future__ import annotations

import argparse
import copy
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]
BASE = ROOT / "fixtures" / "index" / "dongnai-2023"


def generate(folder: Path, n: int) -> None:
    plan = json.loads((BASE / "plans" / "xuan-bac.json").read_text(encoding="utf-8"))
    report = json.loads((BASE / "results" / "xuan-bac.json").read_text(encoding="utf-8"))
    (folder / "plans").mkdir(parents=True)
    (folder / "results").mkdir(parents=True)
    for k in range(n):
        name = f"Xã Thử Nghiệm {k}"
        p, r = copy.deepcopy(plan), copy.deepcopy(report)
        p["issuer"].update(
            name=f"UBND {name.lower()}", commune=name[3:], district=f"Huyện {k % 11}"
        )
        p["document"]["number"] = f"{k % 50:02d}/KH-UBND"  # numbers shared by many communes
        r["unit"].update(
            name=f"Ủy ban nhân dân {name.lower()}", commune=None, district=f"Huyện {k % 11}"
        )
        r["plan"]["number"] = p["document"]["number"]
        text = json.dumps(p, ensure_ascii=False)
        (folder / "plans" / f"{k:05d}.json").write_text(text, encoding="utf-8")
        if k % 10 == 0:
            (folder / "plans" / f"{k:05d}-copy.json").write_text(text, encoding="utf-8")
        if k % 10 != 5:
            (folder / "results" / f"{k:05d}.json").write_text(
                json.dumps(r, ensure_ascii=False), encoding="utf-8"
            )


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=3000)
    args = ap.parse_args()
    from cchc.parindex.render import render
    from cchc.parindex.run import index_run
    from cchc.parindex.scheme import find_scheme

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, args.units)
        t0 = time.perf_counter()
        run = index_run(
            folder / "plans", folder / "results", 2023, find_scheme("dongnai-commune-2022")
        )
        t1 = time.perf_counter()
        render(run, "text")
        t2 = time.perf_counter()
        render(run, "xlsx", out=folder / "x.xlsx")
        t3 = time.perf_counter()
    print(f"units generated: {args.units} (+{len(run.duplicates)} duplicates set aside)")
    print(f"rows: {len(run.units)}; index_run (read, pair, score): {t1 - t0:.1f} s")
    print(f"text: {t2 - t1:.1f} s; workbook ({len(run.units)} evidence sheets): {t3 - t2:.1f} s")
    print(f"peak memory: {peak_mb():.0f} MB")
    sys.exit(0)


if __name__ == "__main__":
    main()
