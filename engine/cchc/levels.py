"""The one reader of an organisation's level from its name (data: rules/data/levels.yaml).

Every part of the project that needs the level a name states (the facts, the extractor) asks
this module, so that one fact never compares two classifiers.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from cchc import gazetteer
from cchc.vocab import Level

_SPACES = re.compile(r"\s+")
_ASIDE = re.compile(r"\s*\([^)]*\)")


def fold(name: str) -> str:
    """NFC, case-folded, 'uỷ' → 'ủy', 'tp.' → 'thành phố', one space between words."""
    text = unicodedata.normalize("NFC", name).casefold().strip()
    text = text.replace("uỷ", "ủy")
    text = re.sub(r"\btp\.?\s*(?=\w)", "thành phố ", text)
    return _SPACES.sub(" ", text)


class _Reader:
    def __init__(self, data: dict[str, Any]) -> None:
        committee = data["committee"]
        self.city = re.compile(rf"^{committee}\s+thành phố(?:\s+(.+))?$")
        self.patterns = [
            (
                re.compile(entry["pattern"].replace("{committee}", committee)),
                Level(entry["level"]) if entry["level"] else None,
            )
            for entry in data["patterns"]
        ]

    def level_of(self, name: str, on: dt.date | None) -> Level | None:
        text = _ASIDE.sub("", fold(name)).strip()  # "UBND Thành phố (qua Sở Nội vụ)"
        city = self.city.match(text)
        if city:
            if not city.group(1):
                # "UBND thành phố": a plan's own city under its province, until the two-level
                # system left only centrally-run cities (provinces).
                two_level = gazetteer.two_level_from()
                late = on is not None and two_level is not None and on >= two_level
                return Level.province if late else Level.district
            # A centrally-run city on that date is a province (the gazetteer knows which).
            central = gazetteer.is_central_city(city.group(1).strip(), on)
            return Level.province if central else Level.district
        for pattern, level in self.patterns:
            if pattern.search(text):
                return level
        return None


@lru_cache(maxsize=1)
def _reader() -> _Reader:
    from cchc.paths import data_dir
    from cchc.yamlsafe import read_yaml

    return _Reader(read_yaml(Path(data_dir("rules")) / "data" / "levels.yaml").data)


def abolished() -> dict[str, dt.date]:
    """Levels that no longer exist, from the day they were abolished (district: 1/7/2025, the
    gazetteer's start of the two-level system)."""
    return {"district": gazetteer.two_level_from()}


@lru_cache(maxsize=8192)
def level_of(name: str | None, on: dt.date | None = None) -> Level | None:
    """The level an organisation's name states ('UBND huyện Tân Phong' → district), or None.
    `on`: the date the name is read at (Huế is a centrally-run city from 1/1/2025)."""
    if not name:
        return None
    return _reader().level_of(name, on)
