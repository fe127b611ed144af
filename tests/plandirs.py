"""Folders of plans for the batch tests: generated plans, the seed fixtures, broken files."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))  # the plan generator is shared with the benchmarks

import genplans  # noqa: E402

XSS_TITLE = "Kế hoạch <script>alert(1)</script> & <b>đậm</b>"


def write_plan_folder(folder: Path, count: int = 6, *, seed: int = 3) -> list[str]:
    """`count` generated plans, the repository's seed fixtures if any, one hostile title."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, plan in enumerate(genplans.generate(count, seed=seed)):
        sub = folder / ("xa" if i % 2 else "tinh")
        sub.mkdir(exist_ok=True)
        (sub / f"ke-hoach-{i:02d}.json").write_text(
            json.dumps(plan, ensure_ascii=False), encoding="utf-8"
        )
    hostile = genplans.generate(1, seed=seed + 1)[0]
    hostile["document"]["title"] = XSS_TITLE
    hostile["activities"][0]["title"] = "<img src=x onerror=alert(2)>"
    (folder / "xss.json").write_text(json.dumps(hostile, ensure_ascii=False), encoding="utf-8")
    seeds = REPO / "fixtures" / "seeds"
    if seeds.is_dir():
        for f in sorted(seeds.glob("*.json")):
            shutil.copy(f, folder / f"seed-{f.name}")
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.json"))


def write_broken_files(folder: Path) -> list[str]:
    """Inputs that cannot be read, each of which must still get its row."""
    (folder / "empty.json").write_bytes(b"")
    (folder / "not-json.json").write_text("Kế hoạch số 12, không phải JSON", encoding="utf-8")
    (folder / "x.json").mkdir()
    (folder / "latin1.json").write_bytes('{"document": {"title": "Tân Châu"}}'.encode("latin-1"))
    return ["empty.json", "latin1.json", "not-json.json", "x.json"]
