"""Time `cchc index` on a generated province: N communes, each a plan and a results report.

    PYTHONPATH=engine python bench/bench_index.py [N]      (default 1000)

Prints the seconds spent loading and scoring (with and without the compliance score) and
rendering each output format.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from cchc.commands.check import build_checker
from cchc.parindex.compliance import checker_compliance
from cchc.parindex.render import render
from cchc.parindex.run import index_run
from cchc.parindex.scheme import find_scheme

FORMS = ["meeting", "loudspeaker", "website", "social_media", "electronic_board", "conference",
         "dialogue", "print", "training", "public_board"]  # fmt: skip


def generate(root: Path, n: int) -> None:
    (root / "plans").mkdir()
    (root / "results").mkdir()
    for i in range(n):
        name = f"UBND xã Thử {i:04d}"
        acts = [{"id": f"a{k}", "form": f, "count": 1 + k % 3, "per": ["month", "quarter", "year"][k % 3]}
                for k, f in enumerate(FORMS)]  # fmt: skip
        plan = {
            "document": {"kind": "KH", "number": f"{i + 1}/KH-UBND", "issue_date": "2023-01-15"},
            "issuer": {"name": name, "level": "commune", "province": "Đồng Nai"},
            "period": {"start": "2023-01-01", "end": "2023-12-31"},
            "cited_documents": [{"number": "76/NQ-CP", "date": "2021-07-15"}],
            "activities": acts,
        }
        done = [{"activity_id": f"a{k}", "count": (1 + k % 3) * [12, 4, 1][k % 3] - (i + k) % 2,
                 "evidence_items": [{"kind": "photo", "file": f"{i}-{k}.jpg"}]}
                for k in range(len(FORMS))]  # fmt: skip
        report = {
            "unit": {"name": name, "level": "commune", "province": "Đồng Nai"},
            "plan": {"number": f"{i + 1}/KH-UBND", "date": "2023-01-15"},
            "year": 2023,
            "activities": done,
        }
        (root / "plans" / f"{i:04d}.json").write_text(json.dumps(plan, ensure_ascii=False))
        (root / "results" / f"{i:04d}.json").write_text(json.dumps(report, ensure_ascii=False))


def timed(label: str, func):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = func()
    print(f"{label:<40} {time.perf_counter() - start:8.2f} s")
    return value


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    scheme = find_scheme("dongnai-commune-2022")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        timed(f"generate {n} units", lambda: generate(root, n))
        plans, results = root / "plans", root / "results"
        run = timed("load + score (no compliance)", lambda: index_run(plans, results, 2023, scheme))
        checker = build_checker("python", (), (), (), None, None, "vi")
        timed(
            "load + score + compliance (python engine)",
            lambda: index_run(plans, results, 2023, scheme, compliance=checker_compliance(checker)),
        )
        for fmt in ("text", "json", "xlsx", "html"):
            data = timed(f"render {fmt}", lambda fmt=fmt: render(run, fmt, "vi"))
            print(f"{'':<40} {len(data) / 2**20:8.2f} MB")
        print(f"units: {len(run.units)}, errors: {len(run.errors)}")


if __name__ == "__main__":
    main()
