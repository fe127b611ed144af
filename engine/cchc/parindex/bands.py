"""Band arithmetic: which band a completion ratio falls in, and its points, exactly.

Ratios are `Fraction`s and band edges are compared exactly, so 89/99 (89.9%) is below a 90%
edge and 9/10 is on it; floating-point rounding never moves a unit across an edge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from cchc.messages import Lang
from cchc.parindex.scheme import Band

DECIMALS = 2  # points are rounded to hundredths, as on the self-assessment sheets


@dataclass
class BandHit:
    index: int  # position of the band in the scheme
    band: Band
    points: float


def pick_band(ratio: Fraction, bands: list[Band], max_points: float) -> BandHit:
    """The first band (scheme order: from high to low) whose lower edge the ratio reaches."""
    percent = ratio * 100
    for i, band in enumerate(bands):
        if percent >= Fraction(str(band.from_)):
            if band.proportional:
                points = round_points(min(ratio, Fraction(1)) * Fraction(str(max_points)))
            else:
                points = float(band.points or 0)
            return BandHit(i, band, points)
    # The scheme model guarantees a last band at 0, so this is unreachable for a ratio ≥ 0.
    raise ValueError(f"no band for {ratio}")


def round_points(value: Fraction | float) -> float:
    """Half-up rounding to hundredths (0.125 → 0.13), not banker's rounding."""
    scaled = Fraction(value) * 10**DECIMALS
    return math.floor(scaled + Fraction(1, 2)) / 10**DECIMALS


def percent_text(ratio: Fraction, lang: Lang) -> str:
    """'89,9%' for 89/99; a ratio just below a whole percent never prints as it (89.96 → 89,9)."""
    tenths = ratio * 1000
    shown = math.floor(tenths + Fraction(1, 2))
    if shown % 10 == 0 and shown > tenths:
        shown = math.floor(tenths)  # rounding up would cross a whole percent, e.g. a 90% edge
    return num(shown / 10, lang, 1) + "%"


def num(value: float, lang: Lang, decimals: int | None = None) -> str:
    """A number as a Vietnamese (0,25) or English (0.25) reader writes it; no trailing zeros."""
    if decimals is None:
        text = f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:.{decimals}f}"
    if text in ("-0", ""):
        text = "0"
    return text.replace(".", ",") if lang == "vi" else text
