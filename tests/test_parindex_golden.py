"""Golden points, hand-scored, for every PAR-index fixture under each shipped scheme.

How each figure was reached is written beside the fixture (comments in
fixtures/index/README.md); the numbers below were worked out by hand from the plans and
reports, not copied from a run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.parindex.result import IndexRun, UnitScore
from cchc.parindex.run import index_run
from cchc.parindex.scheme import find_scheme

ROOT = Path(__file__).parents[1]
INDEX = ROOT / "fixtures" / "index"
SEEDS = ROOT / "fixtures" / "seeds"
SEED_RESULTS = ROOT / "fixtures" / "results"

DN, TG = "dongnai-commune-2022", "tiengiang-unit-2022"

# unit (file stem of its report, else of its plan) → (pairing, sub-criterion points, total)
GOLDEN: dict[tuple[str, str], dict[str, tuple[str, tuple[float, ...], float]]] = {
    ("dongnai-2023", DN): {
        "xuan-bac": ("matched", (1, 1), 2),  # 10/10 targets; all three form groups evidenced
        "xuan-tho": ("matched", (0.9, 0.5), 1.4),  # 9/10 = 90% edge; no online form
        "xuan-truong": ("matched", (0, 0.75), 0.75),  # 89/99 = 89.9%; web/social unevidenced
        "xuan-dinh": ("no_report", (0, 0), 0),
        "xuan-hiep": ("no_plan", (0, 0.75), 0.75),  # no e-board
        "xuan-hoa": ("matched", (0, 1), 1),  # 4/5 = 80%: the source's own example scores 0
    },
    ("dongnai-2023", TG): {
        "xuan-bac": ("matched", (1, 1), 2),  # issued 10/01
        "xuan-tho": ("matched", (0, 0.9), 0.9),  # issued 25/03: late
        "xuan-truong": ("matched", (1, 0.9), 1.9),  # 89/99 ≥ 80%: 0.8989… → 0.90
        "xuan-dinh": ("no_report", (0, 0), 0),  # issued 15/02: late; no report
        "xuan-hiep": ("no_plan", (-1, 0), -1),  # no plan: not issued
        "xuan-hoa": ("matched", (1, 0.8), 1.8),  # 80% edge
    },
    ("tiengiang-2023", TG): {
        "bv-cai-lay": ("matched", (1, 1), 2),  # issued on the deadline day, 31/01
        "ttyt-chau-thanh": ("matched", (0, 0.8), 0.8),  # 01/02: one day late; 8/10
        "bv-ydct": ("no_plan", (-1, 0), -1),
        # No activity at all: issued on time but "đảm bảo nội dung" is not met (0, not 1);
        # completion not scorable.
        "cdc": ("matched", (0, 0), 0),
    },
    ("tiengiang-2023", DN): {
        "bv-cai-lay": ("matched", (1, 0.75), 1.75),  # no e-board
        "ttyt-chau-thanh": ("matched", (0, 0.5), 0.5),  # traditional forms without evidence
        "bv-ydct": ("no_plan", (0, 0.5), 0.5),
        "cdc": ("matched", (0, 0.25), 0.25),
    },
}

SEED_GOLDEN: dict[tuple[int, str], dict[str, tuple[str, tuple[float, ...], float]]] = {
    (2014, DN): {"ca-mau-2014": ("matched", (0, 0.75), 0.75)},  # 14/16 = 87.5%
    (2014, TG): {"ca-mau-2014": ("matched", (1, 0.88), 1.88)},  # 0.875 → 0.88
    (2020, DN): {"an-dong-2020": ("matched", (0, 0.5), 0.5)},  # 8/9; no online form
    (2020, TG): {"an-dong-2020": ("matched", (0, 0.89), 0.89)},  # issue date unknown
    (2022, DN): {
        "cao-bang-2022": ("matched", (1, 0.75), 1.75),
        "dien-bien-sldtbxh-2022": ("matched", (0, 1), 1),  # 7/11: alternatives counted apart
    },
    (2022, TG): {
        "cao-bang-2022": ("matched", (1, 1), 2),  # issued 23/12/2021, before the year
        "dien-bien-sldtbxh-2022": ("matched", (0, 0), 0),
    },
    (2024, DN): {
        "tan-phong-2024": ("matched", (1, 0.75), 1.75),  # e-office counts in no group
        "cao-bang-2021": ("no_report", (0, 0), 0),  # 2021–2025 plan, no 2024 report
    },
    (2024, TG): {
        "tan-phong-2024": ("matched", (0, 1), 1),  # issued 01/04: late
        "cao-bang-2021": ("no_report", (1, 0), 1),
    },
}


def key(u: UnitScore) -> str:
    return Path(u.report_file or u.plan_file or "").stem


def check(run: IndexRun, golden: dict[str, tuple[str, tuple[float, ...], float]]) -> None:
    got = {key(u): (u.pairing.value, tuple(s.points for s in u.subs), u.total) for u in run.units}
    assert got == golden
    assert run.errors == []


@pytest.mark.parametrize(("folder", "scheme"), sorted(GOLDEN))
def test_golden_points_of_synthetic_units(folder: str, scheme: str) -> None:
    base = INDEX / folder
    run = index_run(base / "plans", base / "results", 2023, find_scheme(scheme))
    check(run, GOLDEN[(folder, scheme)])


needs_seeds = pytest.mark.skipif(
    not (SEEDS / "tan-phong-2024.json").exists(), reason="seed plan fixtures not present"
)


@pytest.fixture
def seed_plans(tmp_path: Path) -> Path:
    """The five seed plan.json files alone: fixtures/seeds/text/ holds their source texts,
    which a folder scan would otherwise read as five more plans (documents)."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for plan in SEEDS.glob("*.json"):
        (folder / plan.name).write_bytes(plan.read_bytes())
    return folder


@needs_seeds
@pytest.mark.parametrize(("year", "scheme"), sorted(SEED_GOLDEN))
def test_golden_points_of_seed_plans(year: int, scheme: str, seed_plans: Path) -> None:
    run = index_run(seed_plans, SEED_RESULTS, year, find_scheme(scheme))
    check(run, SEED_GOLDEN[(year, scheme)])


@needs_seeds
def test_seed_pairing_notes(seed_plans: Path) -> None:
    run = index_run(seed_plans, SEED_RESULTS, 2024, find_scheme(DN))
    tan_phong = next(u for u in run.units if key(u) == "tan-phong-2024")
    # The plan's issuer line says "huyện Tân Phong"; number and date still pair it.
    assert tan_phong.unit == "UBND xã Tân Phong"
    assert any("Ủy ban nhân dân huyện Tân Phong" in n for n in tan_phong.notes)
    diversity = tan_phong.subs[1]
    assert any("egov_system" in d and "không tính" in d for d in diversity.details)


def test_skipped_inputs_are_listed_not_dropped() -> None:
    base = INDEX / "dongnai-2023"
    run = index_run(base / "plans", base / "results", 2023, find_scheme(DN))
    assert sorted(Path(s.file).name for s in run.skipped) == ["xuan-lap-2022.json"] * 2
    assert all("2023" in s.reason for s in run.skipped)
    # …and the same folder scored for 2022 has Xuân Lập and nothing else.
    run22 = index_run(base / "plans", base / "results", 2022, find_scheme(DN))
    assert [key(u) for u in run22.units] == ["xuan-lap-2022"]
    assert len(run22.skipped) == 10  # five 2023 plans, five 2023 reports


def test_every_point_is_traced() -> None:
    base = INDEX / "dongnai-2023"
    run = index_run(base / "plans", base / "results", 2023, find_scheme(DN))
    scheme_file = "dongnai-commune-2022.yaml"
    for u in run.units:
        for s in u.subs:
            assert s.trace and s.trace[0].startswith(f"{scheme_file}:"), (u.unit, s.code)
            assert s.reason
            if s.points > 0:
                # a scheme line chose the points, and a plan or report item stands behind them
                assert sum(x.startswith(scheme_file) for x in s.trace) >= 2
                assert any(".json#" in x for x in s.trace), (u.unit, s.code, s.trace)
                assert s.evidence_found


def test_reasons_and_missing_evidence_for_the_edge_units() -> None:
    base = INDEX / "dongnai-2023"
    run = index_run(base / "plans", base / "results", 2023, find_scheme(DN), lang="en")
    units = {key(u): u for u in run.units}
    truong = units["xuan-truong"]
    assert "89 of 99 targets done (89.9%)" in truong.subs[0].reason
    assert "below 90%" in truong.subs[0].reason
    assert any("website" in m for m in truong.subs[1].evidence_missing)
    tho = units["xuan-tho"]
    assert "9 of 10 targets done (90.0%)" in tho.subs[0].reason
    assert "90% to below 100%" in tho.subs[0].reason and "= 0.9 points" in tho.subs[0].reason
    assert any("radio" in d.lower() or "Đài" in d for d in tho.subs[0].details)
    assert any("Electronic boards" in m for m in tho.subs[1].evidence_missing)
    assert any("Web portal" in m for m in tho.subs[1].evidence_missing)
    dinh = units["xuan-dinh"]
    assert not dinh.subs[0].scored and "no results report" in dinh.subs[0].reason
    assert dinh.subs[0].evidence_missing == ["The year-end results report"]
    hiep = units["xuan-hiep"]
    assert hiep.subs[0].evidence_missing == ["The year's propaganda plan"]
