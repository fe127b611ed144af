"""List markers of Vietnamese plans: Roman headings (I.), items (1.), sub-items (a), đ)) and
bullets (-, +). Letters follow the Vietnamese alphabet: a b c d đ e g h i k l m n…"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}

MARKER = re.compile(
    r"^(?:(?P<roman>[IVX]{1,5})\.\s+(?=\S)"
    r"|(?P<arabic>\d{1,2}(?:\.\d{1,2})*)[.)](?!\d)\s*(?=\S)"
    r"|(?P<letter>[a-zđ])\)\s*(?=\S)"
    r"|(?P<dash>[-+•–*])\s*(?=\S)"
    r"|Điều\s+(?P<article>\d{1,2})\s*[.:]\s*)"
)


@dataclass(frozen=True)
class Marker:
    kind: str  # "roman" | "arabic" | "letter" | "dash" | "article"
    label: str  # as written: "III", "2", "1.1", "đ", "-"
    rest: str  # the line without its marker


def roman_value(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN_VALUES[a]
        total += -v if b != " " and _ROMAN_VALUES[b] > v else v
    return total


def parse_marker(line: str) -> Marker | None:
    m = MARKER.match(line)
    if not m:
        return None
    for kind in ("roman", "arabic", "letter", "dash", "article"):
        if m.group(kind):
            return Marker(kind, m.group(kind), line[m.end() :].strip())
    return None


def _value(marker: Marker) -> int | None:
    if marker.kind == "roman":
        return roman_value(marker.label)
    if marker.kind == "arabic" and "." not in marker.label:
        return int(marker.label)
    if marker.kind == "letter":
        return LETTERS.index(marker.label) + 1
    return None


def check_numbering(lines: list[str]) -> list[tuple[str, dict[str, Any]]]:
    """Jumps in the numbering (III after I, 5 after 3, e after c) as note keys and parameters."""
    notes: list[tuple[str, dict[str, Any]]] = []
    last: dict[str, Marker | None] = {"roman": None, "arabic": None, "letter": None}
    heading = ""
    for line in lines:
        marker = parse_marker(line)
        if marker is None or marker.kind not in last:
            continue
        value = _value(marker)
        if value is None:
            continue
        prev = last[marker.kind]
        prev_value = _value(prev) if prev else 0
        if prev_value is not None and value not in (prev_value + 1, 1):
            notes.append(
                (
                    "x_note_numbering",
                    {
                        "where": heading or "-",
                        "prev": prev.label if prev else "-",
                        "next": marker.label,
                    },
                )
            )
        last[marker.kind] = marker
        # A new level resets the levels below it.
        if marker.kind == "roman":
            heading = marker.label
            last["arabic"] = last["letter"] = None
        elif marker.kind == "arabic":
            last["letter"] = None
    return notes
