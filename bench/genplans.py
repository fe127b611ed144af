"""A deterministic generator of realistic plan.json files, for benchmarks and large tests.

Plans of every level (province, department, district, commune, public-service unit) and era
(the 30c/NQ-CP years 2012–2020, the 76/NQ-CP years from 2021, the two-level local government
from 1 July 2025), drawn from a seeded RNG: the same seed gives the same plans, byte for byte.
About a third of the plans lose parts a real author forgets (a citation, reform areas, a
dialogue, the reporting duty, the budget) or cite a document wrongly, so they have gaps.

    python bench/genplans.py OUTDIR --count 10000 --seed 7
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

PROVINCES = [
    ("Tây Ninh", ["Tân Biên", "Châu Thành", "Hòa Thành"], ["Tân Phong", "Thạnh Tây", "Hòa Hiệp"]),
    ("Cà Mau", ["Đầm Dơi", "Năm Căn", "U Minh"], ["Tân Tiến", "Hàm Rồng", "Khánh An"]),
    ("Cao Bằng", ["Hòa An", "Trùng Khánh", "Bảo Lạc"], ["Đức Long", "Đàm Thủy", "Cô Ba"]),
    ("Điện Biên", ["Mường Chà", "Tuần Giáo", "Điện Biên"], ["Sa Lông", "Quài Cang", "Thanh Xương"]),
    ("Thừa Thiên Huế", ["Phú Vang", "Hương Trà", "A Lưới"], ["An Đông", "Phú Thượng", "Hồng Hạ"]),
]
DEPARTMENTS = ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Lao động - Thương binh và Xã hội"]
UNITS = ["Trung tâm Phục vụ hành chính công", "Trung tâm Y tế", "Trường Cao đẳng Cộng đồng"]
AREAS_76 = [
    "institutions",
    "procedures",
    "apparatus",
    "civil_service",
    "public_finance",
    "digital_government",
]
AREAS_30C = [*AREAS_76[:5], "modernisation"]
SECTIONS = ["purpose", "audience", "content", "forms", "organisation", "funding", "reporting"]
AUDIENCES = ["officials", "citizens", "businesses", "political_orgs", "public_units"]
INDICES = ["par_index", "sipas", "papi", "pci", "ddci"]
NQ76 = {"kind": "NQ", "number": "76/NQ-CP", "date": "2021-07-15", "issuer": "Chính phủ"}
NQ30C = {"kind": "NQ", "number": "30c/NQ-CP", "date": "2011-11-08", "issuer": "Chính phủ"}
QD225 = {
    "kind": "QD",
    "number": "225/QĐ-TTg",
    "date": "2016-02-04",
    "issuer": "Thủ tướng Chính phủ",
}
QD766 = {
    "kind": "QD",
    "number": "766/QĐ-TTg",
    "date": "2022-06-23",
    "issuer": "Thủ tướng Chính phủ",
}
LEVEL_NAMES = {
    "province": "UBND tỉnh {province}",
    "department": "{dept} tỉnh {province}",
    "district": "UBND huyện {district}",
    "commune": "UBND xã {commune}",
    "unit": "{unit} tỉnh {province}",
}


def _level(rng: random.Random, year: int, after_reform: bool) -> str:
    levels = ["province", "department", "commune", "commune", "unit"]
    if not after_reform:
        levels += ["district", "district", "commune"]
    return rng.choice(levels)


def _activities(rng: random.Random, level: str, start: date, end: date) -> list[dict[str, Any]]:
    acts: list[dict[str, Any]] = []
    owner = {"commune": "Văn phòng - Thống kê", "district": "Phòng Nội vụ"}.get(level, "Văn phòng")

    def add(form: str, title: str, **kw: Any) -> None:
        deadline = start + timedelta(days=rng.randint(60, max(61, (end - start).days)))
        acts.append(
            {
                "id": f"A{len(acts) + 1}",
                "title": title,
                "form": form,
                "owner": owner if rng.random() > 0.1 else None,
                "deadline": deadline.isoformat() if rng.random() > 0.15 else None,
                "partners": rng.sample(["MTTQ", "Đoàn Thanh niên", "Hội Phụ nữ", "Công an"], 2),
                "expected_products": [f"Báo cáo kết quả {title.lower()}"],
                **kw,
            }
        )

    if rng.random() > 0.25:
        add(
            "dialogue",
            "Đối thoại với Nhân dân và doanh nghiệp về thủ tục hành chính",
            count=rng.choice([1, 1, 2]),
            per="year",
        )
    add("training", "Tập huấn nghiệp vụ cải cách hành chính", count=rng.choice([1, 2]), per="year")
    if level in ("province", "district"):
        add(
            "radio",
            "Chuyên mục cải cách hành chính trên sóng phát thanh",
            count=1,
            per="week",
            duration_minutes=rng.choice([10, 15, 20]),
            peak_time=rng.random() > 0.3,
        )
        add(
            "press",
            "Chuyên mục cải cách hành chính trên báo",
            count=rng.choice([1, 2]),
            per="month",
        )
    add(
        "website", "Đăng tin bài trên cổng thông tin điện tử", count=rng.choice([2, 4]), per="month"
    )
    add(
        "loudspeaker",
        "Phát thanh trên hệ thống truyền thanh cơ sở",
        count=rng.randint(1, 3),
        per="week",
        duration_minutes=rng.choice([5, 10, 15]),
    )
    if rng.random() > 0.5:
        add("social_media", "Tuyên truyền qua Zalo, Facebook", count=4, per="month")
    if rng.random() > 0.5:
        add("print", "In tờ gấp, pa nô, áp phích", count=1, per="year")
    return acts


def make_plan(rng: random.Random, i: int) -> dict[str, Any]:
    """One plan; `i` only makes numbers unique."""
    year = rng.randint(2012, 2026)
    issued = date(year, rng.randint(1, 4), rng.randint(1, 28))
    after_reform = issued >= date(2025, 7, 1)
    province, districts, communes = rng.choice(PROVINCES)
    district, commune = rng.choice(districts), rng.choice(communes)
    level = _level(rng, year, after_reform)
    name = LEVEL_NAMES[level].format(
        province=province,
        district=district,
        commune=commune,
        dept=rng.choice(DEPARTMENTS),
        unit=rng.choice(UNITS),
    )
    start, end = date(year, 1, 1), date(year, 12, 31)
    era76 = issued >= date(2021, 7, 15)
    gappy = rng.random() < 0.35
    cited = [dict(NQ76) if era76 else dict(NQ30C)]
    cited.append(dict(QD766) if year >= 2023 else dict(QD225))
    if gappy and rng.random() < 0.4:
        cited.pop(0)  # forgot the master programme
    elif era76 and rng.random() < 0.1:
        cited[0] = {**NQ76, "date": "2013-06-13"}  # the other 76/NQ-CP
    if rng.random() < 0.1:
        cited.append({**NQ76, "issuer": "Thủ tướng Chính phủ", "issuer_level": "prime_minister"})
    areas = AREAS_76 if era76 else AREAS_30C
    topics = areas if not gappy else rng.sample(areas, rng.randint(2, 5))
    plan: dict[str, Any] = {
        "schema_version": "1.0",
        "document": {
            "kind": "KH",
            "number": f"{i + 1}/KH-UBND",
            "issue_date": issued.isoformat(),
            "place": province if level in ("province", "department") else commune,
            "title": f"Kế hoạch tuyên truyền cải cách hành chính năm {year} của {name}",
        },
        "issuer": {
            "name": name,
            "level": level,
            "province": province,
            "district": district if level in ("district", "commune") and not after_reform else None,
            "commune": commune if level == "commune" else None,
        },
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "cited_documents": cited,
        "implements": [],
        "sections": [{"kind": k} for k in SECTIONS if not (gappy and rng.random() < 0.2)],
        "objectives": [
            {
                "text": "Nâng cao nhận thức của cán bộ, công chức và Nhân dân về cải cách hành chính",
                "countable": False,
            },
            {"text": "100% cơ quan, đơn vị triển khai tuyên truyền", "countable": True},
        ],
        "audiences": [{"group": g} for g in rng.sample(AUDIENCES, rng.randint(2, 5))],
        "topics": [{"area": a, "text": None} for a in topics],
        "activities": _activities(rng, level, start, end),
        "reporting": []
        if gappy and rng.random() < 0.5
        else [
            {
                "by": name,
                "to": "UBND tỉnh" if level != "province" else "Bộ Nội vụ",
                "due_date": date(year, 11, rng.choice([15, 30])).isoformat(),
                "frequency": "year",
            }
        ],
        "budget": []
        if gappy and rng.random() < 0.5
        else [
            {
                "source": "Ngân sách nhà nước theo phân cấp",
                "amount_vnd": rng.randint(5, 200) * 10**6,
            }
        ],
        "indices": [{"name": n} for n in rng.sample(INDICES, rng.randint(0, 4))],
        "format_parts": None,
        "notes": [],
    }
    return plan


def generate(count: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [make_plan(rng, i) for i in range(count)]


def write_plans(outdir: Path, count: int, seed: int = 7, per_folder: int = 500) -> list[Path]:
    """Write `count` plans as `NNNN/plan-NNNNNN.json` (folders of `per_folder`)."""
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        folder = outdir / f"{i // per_folder:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"plan-{i:06d}.json"
        path.write_text(
            json.dumps(make_plan(rng, i), ensure_ascii=False, indent=1), encoding="utf-8"
        )
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    write_plans(args.outdir, args.count, args.seed)
    print(f"{args.count} plans in {args.outdir}")


if __name__ == "__main__":
    main()
