"""Band edges, exactly: 89.9% / 90% / 100% (Đồng Nai) and 79.9% / 80% / 100% (unit scheme)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from cchc.parindex.bands import num, percent_text, pick_band, round_points
from cchc.parindex.scheme import CompletionSub, find_scheme


def completion(name: str) -> CompletionSub:
    sub = next(s for s in find_scheme(name).model.sub_criteria if isinstance(s, CompletionSub))
    return sub


@pytest.mark.parametrize(
    ("ratio", "points", "band"),
    [
        (Fraction(0), 0.0, 2),
        (Fraction(899, 1000), 0.0, 2),  # 89.9%: below the edge
        (Fraction(89, 99), 0.0, 2),  # 89.899…%, printed 89,9%
        (Fraction(8999, 10000), 0.0, 2),  # 89.99%
        (Fraction(9, 10), 0.9, 1),  # 90%: on the edge
        (Fraction(95, 100), 0.95, 1),
        (Fraction(99, 100), 0.99, 1),
        (Fraction(1), 1.0, 0),  # 100%
        (Fraction(4, 5), 0.0, 2),  # the source's own example: 4/5 falls below the band
    ],
)
def test_dongnai_band_edges(ratio: Fraction, points: float, band: int) -> None:
    sub = completion("dongnai-commune-2022")
    hit = pick_band(ratio, sub.bands, sub.max)
    assert (hit.points, hit.index) == (points, band)


@pytest.mark.parametrize(
    ("ratio", "points"),
    [
        (Fraction(799, 1000), 0.0),  # 79.9%
        (Fraction(4, 5), 0.8),  # 80%: on the edge
        (Fraction(8, 9), 0.89),
        (Fraction(7, 8), 0.88),  # 0.875 rounds half up
        (Fraction(1), 1.0),
    ],
)
def test_unit_band_edges(ratio: Fraction, points: float) -> None:
    sub = completion("tiengiang-unit-2022")
    assert pick_band(ratio, sub.bands, sub.max).points == points


def test_rounding_is_half_up_to_hundredths() -> None:
    assert round_points(Fraction(1, 8)) == 0.13
    assert round_points(Fraction(7, 8)) == 0.88
    assert round_points(0.25) == 0.25


@pytest.mark.parametrize(
    ("ratio", "vi", "en"),
    [
        (Fraction(89, 99), "89,9%", "89.9%"),
        (Fraction(8996, 10000), "89,9%", "89.9%"),  # never printed as the 90% edge
        (Fraction(9, 10), "90,0%", "90.0%"),
        (Fraction(2, 3), "66,7%", "66.7%"),
        (Fraction(1), "100,0%", "100.0%"),
    ],
)
def test_percent_text_never_reaches_an_edge_it_is_below(ratio: Fraction, vi: str, en: str) -> None:
    assert percent_text(ratio, "vi") == vi
    assert percent_text(ratio, "en") == en


def test_numbers_read_as_written_in_each_language() -> None:
    assert num(0.25, "vi") == "0,25" and num(0.25, "en") == "0.25"
    assert num(1.0, "vi") == "1" and num(-1.0, "en") == "-1"
    assert num(0.0, "vi") == "0"
