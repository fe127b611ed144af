"""Unit identity, pairing, duplicates, expected units and review flags of `cchc index`.

Each case is built from the Xuân Bắc fixture (fixtures/index/dongnai-2023: 2 points by hand
under dongnai-commune-2022, 10/10 targets and all three form groups evidenced) with one thing
changed; the expected points are worked out by hand from that change.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from cchc.parindex.expected import load_expected
from cchc.parindex.result import IndexRun, UnitScore
from cchc.parindex.run import index_run
from cchc.parindex.scheme import find_scheme
from cchc.parindex.units import display_name, unit_id

ROOT = Path(__file__).parents[1]
BASE = ROOT / "fixtures" / "index" / "dongnai-2023"
DOCS = ROOT / "fixtures" / "index" / "documents"
DN, TG = "dongnai-commune-2022", "tiengiang-unit-2022"


def _load(kind: str) -> dict[str, Any]:
    return json.loads((BASE / kind / "xuan-bac.json").read_text(encoding="utf-8"))


PLAN, REPORT = _load("plans"), _load("results")


def commune(name: str, number: str = "01/KH-UBND", date: str = "03/01/2023") -> tuple[dict, dict]:
    """Xuân Bắc's plan and report, renamed to another commune of Xuân Lộc."""
    plan, report = copy.deepcopy(PLAN), copy.deepcopy(REPORT)
    plan["issuer"].update(name=f"UBND xã {name}", commune=name)
    plan["document"].update(number=number, issue_date=date)
    report["unit"].update(name=f"UBND xã {name}", commune=name)
    report["plan"] = {"number": number, "date": date}
    return plan, report


def write(folder: Path, files: dict[str, dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def run(tmp: Path, scheme: str = DN, **kw: Any) -> IndexRun:
    return index_run(tmp / "plans", tmp / "results", 2023, find_scheme(scheme), **kw)


def by_unit(r: IndexRun) -> dict[str, UnitScore]:
    return {u.unit: u for u in r.units}


def rules(u: UnitScore) -> list[str]:
    return [f.rule for f in u.review]


# --- names ----------------------------------------------------------------------------------


def test_one_unit_under_all_its_names() -> None:
    a = unit_id("UBND xã An Bình")
    for other in ("Xã An Bình", "Ủy ban nhân dân xã An Bình", "ỦY BAN NHÂN DÂN XÃ AN BÌNH",
                  "UBND xã An Binh", "UBND xã An Bình, huyện Xuân Lộc"):  # fmt: skip
        assert a.same(unit_id(other)) is True, other
    ctx = unit_id("UBND xã An Bình, huyện Xuân Lộc, tỉnh Đồng Nai")
    assert (ctx.commune, ctx.district, ctx.province) == ("an binh", "xuan loc", "dong nai")
    # The district context tells two An Bình apart; the structured fields win over the name.
    assert ctx.same(unit_id("UBND xã An Bình, huyện Long Thành")) is False
    assert unit_id("UBND xã X", commune="An Bình").same(a) is True
    assert unit_id("Chủ tịch Ủy ban nhân dân tỉnh Cà Mau").same(unit_id("UBND tỉnh Cà Mau"))
    assert unit_id("UBND xã An Bình").same(unit_id("UBND phường An Bình Tây")) is False
    assert unit_id(None).same(a) is None
    # Abbreviated types, and a province under its former name (the gazetteer knows it).
    assert unit_id("UBND TT. Tân Phú", district="TX. Long Khánh").same(
        unit_id("UBND thị trấn Tân Phú", district="thị xã Long Khánh")
    )
    huế = unit_id("UBND phường An Đông", province="Thừa Thiên Huế")
    assert huế.same(unit_id("UBND phường An Đông", province="thành phố Huế")) is True
    assert huế.same(unit_id("UBND phường An Đông", province="Đà Nẵng")) is False
    assert display_name("Ủy ban nhân dân xã An Bình, huyện Xuân Lộc") == "UBND xã An Bình"
    assert display_name("Xã An Bình") == "UBND xã An Bình"
    assert display_name("Bệnh viện Y dược cổ truyền") == "Bệnh viện Y dược cổ truyền"


# --- pairing ------------------------------------------------------------------------------


def test_two_communes_sharing_a_plan_number_and_date_keep_their_own_plans(tmp_path: Path) -> None:
    ab_plan, ab_report = commune("An Bình")
    bl_plan, bl_report = commune("Bình Lộc")
    # Bình Lộc has no photo of its LED screen: 4.1 still 1 (no evidence required there),
    # 4.2 loses the e-board group: 0.75. By hand: An Bình 2, Bình Lộc 1.75.
    bl_report["activities"][4]["evidence_items"] = []
    # File names sort the other way round from the units, so order cannot pair them.
    write(tmp_path / "plans", {"1.json": bl_plan, "2.json": ab_plan})
    write(tmp_path / "results", {"an-binh.json": ab_report, "binh-loc.json": bl_report})
    units = by_unit(run(tmp_path))
    assert {k: (u.plan_file, u.total) for k, u in units.items()} == {
        "UBND xã An Bình": ("plans/2.json", 2.0),
        "UBND xã Bình Lộc": ("plans/1.json", 1.75),
    }


@pytest.mark.parametrize(
    ("plan_name", "plan_commune", "report_name", "report_commune"),
    [
        ("UBND xã An Bình", "An Bình", "Xã An Bình", "An Bình"),
        ("UBND xã An Bình, huyện Xuân Lộc", "An Bình", "Ủy ban nhân dân xã An Bình", "An Bình"),
        ("Ủy ban nhân dân xã An Bình", None, "UBND xã An Bình, huyện Xuân Lộc", None),
    ],
)
def test_name_variants_are_one_unit(
    tmp_path: Path,
    plan_name: str,
    plan_commune: str | None,
    report_name: str,
    report_commune: str | None,
) -> None:
    plan, report = commune("An Bình")
    plan["issuer"].update(name=plan_name, commune=plan_commune)
    report["unit"].update(name=report_name, commune=report_commune)
    report["plan"] = {"number": "01/KH-UBND"}  # cited by number only
    write(tmp_path / "plans", {"p.json": plan})
    write(tmp_path / "results", {"r.json": report})
    r = run(tmp_path)
    assert [(u.unit, u.pairing.value, u.total) for u in r.units] == [
        ("UBND xã An Bình", "matched", 2.0)
    ]


def test_a_report_citing_another_units_plan_is_flagged_not_repaired(tmp_path: Path) -> None:
    ab_plan, _ = commune("An Bình")
    _, bl_report = commune("Bình Lộc")  # cites 01/KH-UBND of 03/01/2023: An Bình's plan
    write(tmp_path / "plans", {"an-binh.json": ab_plan})
    write(tmp_path / "results", {"binh-loc.json": bl_report})
    units = by_unit(run(tmp_path))
    ab, bl = units["UBND xã An Bình"], units["UBND xã Bình Lộc"]
    assert ab.pairing.value == "no_report" and ab.report_file is None
    assert bl.pairing.value == "no_plan" and bl.plan_file is None
    assert rules(bl) == ["PX-REVIEW-CITES-OTHER-PLAN"]
    assert "plans/an-binh.json" in bl.review[0].message


# --- duplicates ---------------------------------------------------------------------------


def test_the_same_plan_as_json_and_txt_is_one_row(tmp_path: Path) -> None:
    shutil.copytree(BASE / "results", tmp_path / "results")
    (tmp_path / "plans").mkdir()
    shutil.copy(BASE / "plans" / "xuan-bac.json", tmp_path / "plans")
    shutil.copy(DOCS / "xuan-bac-2023.txt", tmp_path / "plans")
    r = run(tmp_path)
    rows = [u for u in r.units if "Xuân Bắc" in u.unit]
    assert [(u.plan_file, u.total) for u in rows] == [("plans/xuan-bac.json", 2.0)]
    assert [(d.file, d.kept) for d in r.duplicates] == [
        ("plans/xuan-bac-2023.txt", "plans/xuan-bac.json")
    ]
    assert "PX-REVIEW-DUPLICATE" in rules(rows[0])


def test_a_report_sent_twice_is_one_row(tmp_path: Path) -> None:
    write(tmp_path / "plans", {"xuan-bac.json": PLAN})
    write(tmp_path / "results", {"a.json": REPORT, "b.json": REPORT})
    r = run(tmp_path, TG)
    assert [(u.unit, u.total) for u in r.units] == [("UBND xã Xuân Bắc", 2.0)]  # not 2 and −1
    assert [(d.file, d.kept) for d in r.duplicates] == [("results/b.json", "results/a.json")]


def test_a_plan_read_from_text_is_not_matched_by_the_reports_ids(tmp_path: Path) -> None:
    """The .txt alone: the report's ids (a1…a10) belong to the unit's .json, not to the
    extractor's numbering (A1…A12), and the LED line was read as two forms (print and e-board):
    the 500 leaflets are not credited to it. By hand: 4.1 one target of 12 done (the dialogue,
    matched by form) → 0; 4.2 only traditional forms (dialogue, leaflets) evidenced → 0.5."""
    (tmp_path / "plans").mkdir()
    shutil.copy(DOCS / "xuan-bac-2023.txt", tmp_path / "plans")
    write(tmp_path / "results", {"xuan-bac.json": REPORT})
    u = run(tmp_path).units[0]
    completion = u.subs[0]
    led = [d for d in completion.details if "LED" in d]
    assert led and all("báo cáo không nêu" in d for d in led), led
    assert any("500" not in d and "in phát" not in d.lower() for d in completion.details)
    assert any("nhiều hình thức" in d for d in completion.details)  # the print line, unmatched
    assert any("văn bản" in d and "'a3'" in d for d in completion.details)
    assert (u.pairing.value, [s.points for s in u.subs], u.total) == ("matched", [0.0, 0.5], 0.5)
    assert "PX-REVIEW-MATCHED-BY-FORM" in rules(u)


# --- expected units -----------------------------------------------------------------------


def test_every_expected_unit_has_a_row_and_the_others_are_listed(tmp_path: Path) -> None:
    ab_plan, ab_report = commune("An Bình")
    bl_plan, bl_report = commune("Bình Lộc", number="02/KH-UBND")
    write(tmp_path / "plans", {"ab.json": ab_plan, "bl.json": bl_plan})
    write(tmp_path / "results", {"ab.json": ab_report, "bl.json": bl_report})
    units_csv = tmp_path / "units.csv"
    units_csv.write_text(
        "STT,Tên đơn vị,Huyện,Tỉnh\n1,Xã An Bình,Xuân Lộc,Đồng Nai\n2,UBND xã Suối Cát,Xuân Lộc,Đồng Nai\n",
        encoding="utf-8",
    )
    r = run(tmp_path, TG, expected=load_expected(units_csv))
    units = by_unit(r)
    # Suối Cát sent nothing: under Tiền Giang, no plan = not issued, −1; completion 0.
    cat = units["UBND xã Suối Cát"]
    assert (cat.pairing.value, [s.points for s in cat.subs], cat.total) == ("nothing", [-1, 0], -1)
    assert units["UBND xã An Bình"].expected is True
    assert units["UBND xã Bình Lộc"].expected is False
    assert r.unexpected == ["UBND xã Bình Lộc"]


def test_a_units_file_without_a_name_column_is_an_input_error(tmp_path: Path) -> None:
    from cchc.loader import InputError

    bad = tmp_path / "units.csv"
    bad.write_text("STT,Huyện\n1,Xuân Lộc\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_expected(bad)
    assert "Tên đơn vị" in exc.value.render("vi")
    twice = tmp_path / "twice.csv"
    twice.write_text("Tên đơn vị\nXã An Bình\nUBND xã An Bình\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 3"):
        load_expected(twice)


def test_units_from_xlsx(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Tên đơn vị", "Xã/phường", "Huyện"])
    wb.active.append(["UBND xã An Bình", "An Bình", "Xuân Lộc"])
    wb.save(tmp_path / "units.xlsx")
    [u] = load_expected(tmp_path / "units.xlsx")
    assert (u.name, u.commune, u.district, u.row) == ("UBND xã An Bình", "An Bình", "Xuân Lộc", 2)


# --- review flags -------------------------------------------------------------------------


def test_contradictory_report_lines_and_a_backdated_plan_are_flagged(tmp_path: Path) -> None:
    plan, report = copy.deepcopy(PLAN), copy.deepcopy(REPORT)
    plan["document"]["issue_date"] = "20/12/2023"  # after its own report of 08/12/2023
    report["plan"]["date"] = "20/12/2023"
    lines = report["activities"]
    lines[1] = {"activity_id": "a2", "completed": True}  # weekly: 52 due, no count
    lines[0] = {"activity_id": "a1", "completed": False, "count": 12}  # "not done", 12 times
    lines.append({"activity_id": "a3", "count": 0})  # a second line for a3
    write(tmp_path / "plans", {"p.json": plan})
    write(tmp_path / "results", {"r.json": report})
    [u] = run(tmp_path).units
    assert sorted(rules(u)) == [
        "PX-REVIEW-BACKDATED",
        "PX-REVIEW-CLAIMED-NO-COUNT",
        "PX-REVIEW-NOT-DONE-WITH-COUNT",
        "PX-REVIEW-TWO-LINES",
    ]
    where = {f.rule: f.where for f in u.review}
    assert where["PX-REVIEW-CLAIMED-NO-COUNT"] == "results/r.json#activities[1]"
    assert where["PX-REVIEW-BACKDATED"] == "plans/p.json#document.issue_date"
    # The flags change no point: the same 2 as the unchanged fixture (26 + 0 for a3).
    assert u.total == 2.0


# --- schemes ------------------------------------------------------------------------------


def test_tien_giang_content_condition_code_and_status(tmp_path: Path) -> None:
    plan, report = copy.deepcopy(PLAN), copy.deepcopy(REPORT)
    plan["activities"] = []
    write(tmp_path / "plans", {"p.json": plan})
    write(tmp_path / "results", {"r.json": report})
    r = run(tmp_path, TG)
    issue = r.units[0].subs[0]
    assert issue.points == 0 and "nội dung" in issue.reason  # on time (10/01) but no activity
    assert r.scheme.criterion_code == "" and all(s.code == "" for s in r.scheme.subs)
    assert [s.status for s in r.scheme.subs] == ["U", "U"]
    from cchc.parindex.render import render

    for fmt in ("text", "html", "json"):
        assert "1.2" not in render(r, fmt).decode(), fmt


def test_dong_nai_discloses_briefings_and_asks_no_evidence_for_4_1(tmp_path: Path) -> None:
    report = copy.deepcopy(REPORT)
    # Only the quarterly briefings shown among traditional forms; the online ones as they were.
    keep = {"a1", "a3", "a4", "a5"}
    report["activities"] = [a for a in report["activities"] if a.get("activity_id") in keep]
    for a in report["activities"]:
        a["evidence_items"] = a["evidence_items"] if a["activity_id"] != "a3" else []
    write(tmp_path / "plans", {"p.json": PLAN})
    write(tmp_path / "results", {"r.json": report})
    u = run(tmp_path).units[0]
    completion, diversity = u.subs
    assert not any("kiểm chứng" in m for m in completion.evidence_missing)
    assert "giao ban" in diversity.reason and "Hội đồng" in diversity.reason
    # By hand: e-boards 0.25 + web/social 0.25 (Zalo evidenced) + traditional 0.5 = 1.
    assert diversity.points == 1.0
    assert any("giao ban" in i for i in run(tmp_path).scheme.interpretations)
