"""The reviewed set (fixtures/reviewed/): its expectations are well formed, and the checker's
agreement with them does not fall below the floors in fixtures/reviewed/floors.yaml.

The figures themselves come from bench/reviewed_eval.py (which also prints every disagreement).
"""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from cchc.paths import data_dir
from cchc.rulepack import pack_files, read_pack

REVIEWED = Path(__file__).parents[1] / "fixtures" / "reviewed"
STATUSES = {"pass", "fail", "partial", "not_applicable", "unknown", "waived"}
VERDICTS = {"dat", "can_bo_sung", "khong_dat"}


def _load_eval() -> Any:
    path = Path(__file__).parents[1] / "bench" / "reviewed_eval.py"
    spec = importlib.util.spec_from_file_location("reviewed_eval", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["reviewed_eval"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@functools.cache
def _rule_ids() -> frozenset[str]:
    return frozenset(r.id for p in pack_files(data_dir("rules")) for r in read_pack(p)[0].rules)


def _expectations() -> list[Path]:
    return sorted(REVIEWED.glob("*.expected.yaml"))


def test_the_set_has_forty_texts_each_with_its_expectations() -> None:
    texts = {p.stem for p in REVIEWED.glob("*.txt")}
    gold = {p.name.removesuffix(".expected.yaml") for p in _expectations()}
    assert len(texts) >= 40
    assert texts == gold


@pytest.mark.parametrize("path", _expectations(), ids=lambda p: p.name)
def test_expectations_name_existing_rules_and_valid_statuses(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["text"] == path.name.removesuffix(".expected.yaml") + ".txt"
    assert data["verdict"] in VERDICTS
    assert isinstance(data.get("provisional", False), bool)
    assert data.get("verdict_reason")
    known = _rule_ids()
    assert data["rules"], "a reviewer has an opinion on every applicable rule"
    for rule, entry in data["rules"].items():
        assert rule in known, f"{rule}: no such rule in rules/"
        status, reason = entry
        assert status in STATUSES, f"{rule}: {status}"
        assert isinstance(reason, str) and reason.strip(), f"{rule}: no reason"


def test_agreement_does_not_fall_below_the_floors() -> None:
    floors = yaml.safe_load((REVIEWED / "floors.yaml").read_text(encoding="utf-8"))
    fig = _load_eval().evaluate("durable")  # falls back to the Python backend where needed
    assert fig.files == len(_expectations())
    assert fig.rules.pct >= floors["rule_agreement"], (fig.rules.agree, fig.rules.total)
    assert fig.verdicts.pct >= floors["verdict_agreement"], (fig.verdicts.agree, fig.verdicts.total)
