"""A synthetic province for the store's tests: one commune plan per unit and year, made from
the good synthetic commune plan with defects chosen by a seeded generator."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

from conftest import SYNTHETIC

TEMPLATE = SYNTHETIC / "commune-2024-good.json"
DEFECTS = ("no_dialogue", "no_nq76", "no_loudspeaker", "sparse")


def plan_for(unit: int, year: int, defects: set[str]) -> dict[str, Any]:
    text = TEMPLATE.read_text(encoding="utf-8")
    if year != 2024:
        text = text.replace('"2024-', f'"{year}-').replace("năm 2024", f"năm {year}")
    plan = json.loads(text)
    name = f"Đơn Vị {unit:03d}"
    plan["issuer"].update(name=f"UBND xã {name}", commune=name, province="Bình Dương")
    plan["document"]["number"] = f"{unit + 1}/KH-UBND"
    plan["document"]["title"] = f"Kế hoạch tuyên truyền cải cách hành chính năm {year} xã {name}"
    if year != 2024:  # the BNV plan of the year the template cites is 2024's
        plan["cited_documents"] = [d for d in plan["cited_documents"] if d["number"] != "35/QĐ-BNV"]
    if "no_nq76" in defects:
        plan["cited_documents"] = [d for d in plan["cited_documents"] if d["number"] != "76/NQ-CP"]
    if "sparse" in defects:  # a hurried plan: no audiences, topics, reporting or funding
        for key in ("audiences", "topics", "reporting", "budget", "objectives"):
            plan[key] = []
        plan["sections"] = [s for s in plan["sections"] if s["kind"] == "content"]
    drop = {"no_dialogue": "dialogue", "no_loudspeaker": "loudspeaker"}
    forms = {drop[d] for d in defects if d in drop}
    plan["activities"] = [a for a in plan["activities"] if a["form"] not in forms]
    return plan


def defects_of(unit: int, year: int, seed: int = 2026) -> set[str]:
    rng = random.Random(f"{seed}-{unit}-{year}")
    return {d for d in DEFECTS if rng.random() < 0.3}


def write_year(folder: Path, year: int, units: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for unit in range(units):
        path = folder / f"u{unit:03d}.json"
        path.write_text(
            json.dumps(plan_for(unit, year, defects_of(unit, year)), ensure_ascii=False)
        )
        paths.append(path)
    return paths


def corrected(path: Path, out: Path) -> Path:
    """The same unit's plan re-submitted with every defect mended (and a new number)."""
    plan = json.loads(path.read_text(encoding="utf-8"))
    year = int(plan["document"]["issue_date"][:4])
    unit = int(path.stem[1:])
    fixed = copy.deepcopy(plan_for(unit, year, set()))
    fixed["document"]["number"] = f"{unit + 1}b/KH-UBND"
    out.write_text(json.dumps(fixed, ensure_ascii=False))
    return out
