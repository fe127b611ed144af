"""Hypothesis strategies for plans: every field of the model, values drawn from pools that
hit the rules (right and wrong citations, every form, dates around the eras' edges)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from cchc.vocab import Area, Audience, Form, FormatPart, IndexName, Level, Per, SectionKind

CITATIONS = [
    {"number": "76/NQ-CP", "date": "2021-07-15", "issuer": "Chính phủ"},
    {"number": "76/NQ-CP", "date": "2021-07-15", "issuer": "Thủ tướng Chính phủ"},
    {"number": "76/NQ-CP", "date": "2013-06-13", "issuer": "Chính phủ"},
    {"number": "76/NQ-CP"},
    {"number": "30c/NQ-CP", "date": "2011-11-08", "issuer": "Chính phủ"},
    {"number": "23/CT-TTg", "date": "2021-09-02", "issuer": "Thủ tướng Chính phủ"},
    {"number": "225/QĐ-TTg", "date": "2016-02-04"},
    {"number": "1332/QĐ-BNV", "date": "2012-12-14", "issuer": "Bộ Nội vụ"},
    {"number": "3490/QĐ-BNV", "date": "2016-10-10", "issuer": "Bộ Nội vụ"},
    {"number": "424/QĐ-BNV", "date": "2021-03-24"},
    {"number": "251/QĐ-BNV", "date": "2022-03-29"},
    {"number": "82/QĐ-BNV", "date": "2023-02-15"},
    {"number": "35/QĐ-BNV", "date": "2024-01-22"},
    {"number": "049/QĐ-BNV", "date": "2025-03-01"},
    {"number": "61/2018/NĐ-CP", "date": "2018-04-23", "issuer": "Chính phủ"},
    {"number": "118/2025/NĐ-CP", "date": "2025-06-09", "issuer": "Chính phủ"},
    {"number": "47/QĐ-UBND", "date": "2014-01-14", "issuer": "UBND tỉnh Cà Mau"},
    {"number": "3627/KH-UBND", "date": "2021-12-23", "issuer": "UBND tỉnh Cao Bằng"},
    {"number": "658/QĐ-UBND", "date": "2024-02-27", "issuer": "UBND huyện Tân Biên"},
]
OWNERS = [
    None,
    "Văn phòng UBND",
    "UBND huyện Tân Biên",
    "Công chức Văn hóa - Xã hội",
    "Đài Phát thanh - Truyền hình tỉnh",
]
NAMES = [
    None,
    "UBND xã Tân Phong",
    "UBND huyện Cái Nước",
    "UBND tỉnh Cà Mau",
    "Sở Lao động - Thương binh và Xã hội",
]
PROVINCES = [None, "Cà Mau", "Cao Bằng", "Tây Ninh", "Điện Biên", "Thừa Thiên Huế"]


def _dates(lo: int = 2010, hi: int = 2030) -> st.SearchStrategy[dt.date]:
    return st.dates(dt.date(lo, 1, 1), dt.date(hi, 12, 31))


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


@st.composite
def activities(draw: st.DrawFn) -> dict[str, Any]:
    a: dict[str, Any] = {"form": draw(st.sampled_from(list(Form))).value}
    if draw(st.booleans()):
        a["count"] = draw(st.integers(0, 60))
        a["per"] = draw(st.sampled_from(list(Per))).value
    if draw(st.booleans()):
        a["duration_minutes"] = draw(st.sampled_from([5, 10, 15, 20, 30, 60]))
    a["peak_time"] = draw(st.sampled_from([None, True, False]))
    a["owner"] = draw(st.sampled_from(OWNERS))
    a["owner_level"] = draw(st.sampled_from([None, *[lv.value for lv in Level]]))
    a["deadline"] = _iso(draw(st.none() | _dates()))
    return a


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    """A plan dict valid for the model (validated by the caller)."""
    issue = draw(st.none() | _dates())
    start = draw(st.none() | _dates())
    end = start + dt.timedelta(days=draw(st.integers(0, 5 * 365))) if start else None
    plan: dict[str, Any] = {
        "document": {
            "number": draw(st.sampled_from([None, "52/KH-UBND", "12/KH-SLĐTBXH"])),
            "issue_date": _iso(issue),
        },
        "issuer": {
            "name": draw(st.sampled_from(NAMES)),
            "level": draw(st.sampled_from([None, *[lv.value for lv in Level]])),
            "province": draw(st.sampled_from(PROVINCES)),
            "other_names": draw(
                st.lists(
                    st.sampled_from(["Ủy ban nhân dân huyện Tân Phong", "UBND xã Tân Phong"]),
                    max_size=1,
                )
            ),
        },
        "period": {"start": _iso(start), "end": _iso(end)},
        "cited_documents": draw(st.lists(st.sampled_from(CITATIONS), max_size=6)),
        "implements": draw(st.lists(st.sampled_from(CITATIONS), max_size=2)),
        "sections": [
            {"kind": k} for k in draw(st.sets(st.sampled_from([s.value for s in SectionKind])))
        ],
        "audiences": [
            {"group": g} for g in draw(st.sets(st.sampled_from([a.value for a in Audience])))
        ],
        "topics": [{"area": a} for a in draw(st.sets(st.sampled_from([a.value for a in Area])))],
        "activities": draw(st.lists(activities(), max_size=8)),
        "reporting": [
            {"due_date": _iso(d), "to_level": lv}
            for d, lv in draw(
                st.lists(
                    st.tuples(
                        st.none() | _dates(),
                        st.sampled_from([None, "province", "department", "district"]),
                    ),
                    max_size=3,
                )
            )
        ],
        "budget": [
            {"source": s}
            for s in draw(st.lists(st.sampled_from([None, "ngân sách nhà nước"]), max_size=2))
        ],
        "indices": [
            {"name": n} for n in draw(st.sets(st.sampled_from([i.value for i in IndexName])))
        ],
        "format_parts": draw(
            st.none() | st.sets(st.sampled_from([f.value for f in FormatPart])).map(sorted)
        ),
    }
    return plan
