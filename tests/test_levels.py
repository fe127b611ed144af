"""One reader of a unit's level (cchc.levels, data in rules/data/levels.yaml): the facts and
the extractor read names the same way, case-folded."""

from __future__ import annotations

import datetime as dt

import pytest

from cchc.citations import level_of_name
from cchc.extract.lexicon import level_of as extractor_level_of
from cchc.levels import level_of

# Names on which the facts' and the extractor's readers used to disagree, and others.
NAMES = [
    ("Văn phòng UBND tỉnh", "department"),
    ("UBND thành phố Cần Thơ", "province"),
    ("Ủy ban nhân dân thành phố Vị Thanh", "district"),
    ("UBND thành phố", "district"),
    ("HĐND tỉnh", "province"),
    ("Hội đồng nhân dân huyện Tân Biên", "district"),
    ("Phòng Nội vụ huyện Tân Biên", "district"),
    ("Văn phòng HĐND và UBND huyện", "district"),
    ("Bộ phận Một cửa xã Tân Phong", "commune"),
    ("Công chức Văn phòng - Thống kê xã", "commune"),
    ("Chủ tịch UBND xã", "commune"),
    ("Ủy ban nhân dân cấp xã", "commune"),
    ("Uỷ ban nhân dân huyện Năm Căn", "district"),
    ("Sở Nội vụ", "department"),
    ("Chi cục Văn thư - Lưu trữ", "department"),
    ("Bộ Nội vụ", "ministry"),
    ("Chính phủ", "government"),
    ("Thủ tướng Chính phủ", "prime_minister"),
    ("Đài Phát thanh và Truyền hình Cà Mau", "media"),
    ("Huyện ủy Tân Biên", None),
    ("Tổ công tác", None),
]


@pytest.mark.parametrize(("name", "level"), NAMES)
def test_one_reader(name: str, level: str | None) -> None:
    assert level_of(name) == level
    assert level_of_name(name) == level_of(name)
    assert extractor_level_of(name) == level_of(name)


@pytest.mark.parametrize(("name", "level"), NAMES)
def test_case_folded(name: str, level: str | None) -> None:
    assert level_of(name.upper()) == level
    assert level_of(name.lower()) == level


def test_central_city_by_date() -> None:
    assert level_of("UBND thành phố Huế", dt.date(2024, 6, 1)) == "district"
    assert level_of("UBND thành phố Huế", dt.date(2025, 2, 1)) == "province"
    assert level_of("UBND TP. Hồ Chí Minh", dt.date(2020, 1, 1)) == "province"
