"""Vietnam's administrative units before and after 1 July 2025, by name and by date.

The units come from the `vietnamadminunits` package (MIT): its SQLite file holds the 63
provinces with their districts and communes as they stood on 30 June 2025, and the 34
provinces with their communes from 1 July 2025; its converter file maps the old provinces to
the new. The package's own parser imports geocoding and geometry libraries (and can reach a
web service), so only its data files are read here, located without importing it.
`rules/data/places.yaml` adds what the package lacks: the day the two-level system began,
the dates cities became centrally run, and names older than the package's first snapshot.

Everything is read once, on first use.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import re
import sqlite3
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from cchc.paths import data_dir

PROVINCE, DISTRICT, COMMUNE = "province", "district", "commune"

# Old and new tone placement ("Hoà"/"Hòa", "Thuỷ"/"Thủy") and the look-alike Ð.
_TONE_MOVES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_TONE_RX = re.compile("|".join(_TONE_MOVES))
_DASH = re.compile(r"\s*[-–—]\s*")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The key names are compared by: NFC, case, tone placement, dashes and spaces folded."""
    text = unicodedata.normalize("NFC", name).replace("Ð", "Đ").replace("ð", "đ").casefold()
    text = _TONE_RX.sub(lambda m: _TONE_MOVES[m.group(0)], text)
    return _SPACES.sub(" ", _DASH.sub(" - ", text)).strip()


@dataclass(frozen=True)
class Unit:
    """One unit as it stood on a given date: 'huyện Thạch Hà' of 'Hà Tĩnh' (before 1/7/2025)."""

    level: str  # province | district | commune
    words: str  # its type, lower case: tỉnh, thành phố, huyện, quận, thị xã, xã, phường…
    name: str  # its proper name: 'Thạch Hà'
    province: str  # the proper name of its province on that date
    district: str | None = None  # 'huyện Thạch Hà' for a commune before 1/7/2025
    two_level: bool = False  # a unit of the system from 1/7/2025
    until: dt.date | None = None  # last day of a name older than the package's data

    @property
    def full(self) -> str:
        return f"{self.words} {self.name}"

    def label(self) -> str:
        """'xã Tân Phong (huyện Tân Biên, tỉnh Tây Ninh)'."""
        if self.level == PROVINCE:
            return self.full
        parts = [p for p in (self.district, province_label(self.province, self.two_level)) if p]
        return f"{self.full} ({', '.join(parts)})"


@dataclass(frozen=True)
class _Province:
    name: str
    words: str
    key: str  # the package's key ('tinhhatinh'), which its converter uses


@dataclass
class _Own:
    """What `places.yaml` adds to the package."""

    two_level_from: dt.date
    central_since: dict[str, dt.date]
    former: list[dict[str, Any]]
    abbreviations: dict[str, str]
    former_provinces: dict[str, str]  # name key of a former name → the province's name now
    changes: tuple[dt.date, ...]  # the days something here changed


@lru_cache(maxsize=1)
def _own() -> _Own:
    from cchc.yamlsafe import read_yaml

    own = read_yaml(data_dir("rules") / "data" / "places.yaml").data
    former = [dict(f, until=_date(f["until"])) for f in own["former_names"]]
    return _Own(
        two_level_from=_date(own["two_level_from"]["date"]),
        central_since={c["name"]: _date(c["since"]) for c in own["central_cities"]},
        former=former,
        abbreviations={str(k): str(v) for k, v in own["abbreviations"].items()},
        former_provinces={name_key(f["name"]): f["now"] for f in former if f["level"] == PROVINCE},
        changes=tuple(
            sorted(
                {
                    _date(own["two_level_from"]["date"]),
                    *(_date(c["since"]) for c in own["central_cities"]),
                    *(f["until"] + dt.timedelta(days=1) for f in former),
                }
            )
        ),
    )


@dataclass
class _Data:
    old_provinces: list[_Province]
    new_provinces: list[_Province]
    words: dict[str, tuple[str, ...]]  # type word → the levels it names
    db: sqlite3.Connection  # the package's units, copied to memory and indexed by key
    pid: int


class GazetteerUnavailable(RuntimeError):
    """The package's data cannot be found (the package is not installed)."""


def _package_data() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerUnavailable("vietnamadminunits")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def ascii_key(text: str) -> str:
    """The package's keys: no marks, lower case, letters and digits only ('Đắk Lắk' → 'daklak')."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d").replace("Ð", "D"))
    return re.sub(
        r"[^a-z0-9]", "", "".join(c for c in text if not unicodedata.combining(c)).lower()
    )


def _words(full: str, short: str) -> str:
    short = _proper(short)
    """The type word of a unit in the package: 'Thành phố Hà Nội', 'Hà Nội' → 'thành phố'."""
    return full[: len(full) - len(short)].strip().lower() if full.endswith(short) else ""


def _proper(short: str) -> str:
    """'Cai Lậy (Huyện)' → 'Cai Lậy' (the package marks a name two units of a province share)."""
    cut = short.find(" (")
    return short[:cut] if cut > 0 else short


# The package's two tables, copied to memory with an index on each unit's key (its type and
# name: 'xatanphong'), so that a look-up does not scan ten thousand rows.
_COPY = (
    "ATTACH ':memory:' AS m",
    "CREATE TABLE m.old AS SELECT province, provinceShort AS p, provinceKey AS pk,"
    " districtType AS dt, districtShort AS d, districtKey AS dk,"
    " wardType AS wt, wardShort AS w, wardKey AS wk FROM main.admin_units_legacy",
    "CREATE INDEX m.old_d ON old(dk)",
    "CREATE INDEX m.old_w ON old(wk)",
    "CREATE TABLE m.new AS SELECT province, provinceShort AS p, provinceKey AS pk,"
    " wardType AS wt, wardShort AS w, wardKey AS wk FROM main.admin_units",
    "CREATE INDEX m.new_w ON new(wk)",
)


def _load() -> _Data:
    folder = _package_data()
    db = sqlite3.connect(f"file:{folder / 'dataset.db'}?mode=ro", uri=True, check_same_thread=False)
    for statement in _COPY:
        db.execute(statement)
    old_prov = [
        _Province(short, _words(full, short), key)
        for full, short, key in db.execute("SELECT DISTINCT province, p, pk FROM m.old")
    ]
    new_prov = [
        _Province(short, _words(full, short), key)
        for full, short, key in db.execute("SELECT DISTINCT province, p, pk FROM m.new")
    ]
    words: dict[str, set[str]] = defaultdict(set)
    for p in (*old_prov, *new_prov):
        words[p.words].add(PROVINCE)
    for query, level in (
        ("SELECT DISTINCT dt FROM m.old", DISTRICT),
        ("SELECT DISTINCT wt FROM m.old", COMMUNE),
        ("SELECT DISTINCT wt FROM m.new", COMMUNE),
    ):
        for (word,) in db.execute(query):
            if word:
                words[word.lower()].add(level)
    order = (PROVINCE, DISTRICT, COMMUNE)
    return _Data(
        old_provinces=old_prov,
        new_provinces=new_prov,
        words={w: tuple(lv for lv in order if lv in lvs) for w, lvs in words.items()},
        db=db,
        pid=os.getpid(),
    )


_CACHE: list[_Data] = []


def _data() -> _Data:
    """The gazetteer, read once per process (a forked batch worker reads its own copy: an
    SQLite connection must not cross a fork)."""
    if not _CACHE or _CACHE[0].pid != os.getpid():
        _CACHE[:] = [_load()]
    return _CACHE[0]


def installed() -> bool:
    """Is the package's data there (without reading it)?"""
    try:
        return (_package_data() / "dataset.db").is_file()
    except GazetteerUnavailable:
        return False


def available() -> bool:
    try:
        _data()
    except GazetteerUnavailable:
        return False
    return True


def two_level_from() -> dt.date:
    """1 July 2025: from that day there are 34 provinces and no districts."""
    return _own().two_level_from


def is_two_level(on: dt.date | None) -> bool:
    return on is not None and on >= _own().two_level_from


def is_central_city(name: str, on: dt.date | None = None) -> bool:
    """Is 'thành phố NAME' a centrally-run city (a province) on that date?"""
    data = _data()
    key = name_key(name)
    provinces = data.new_provinces if is_two_level(on) else data.old_provinces
    for p in provinces:
        if name_key(p.name) == key and p.words == "thành phố":
            since = _own().central_since.get(p.name)
            return since is None or on is None or on >= since
    return False


def _province_unit(p: _Province, on: dt.date | None, two_level: bool) -> Unit | None:
    """The province as it was named on `on` (Huế was 'tỉnh Thừa Thiên Huế' until 2024)."""
    if not two_level and on is not None:
        for f in _own().former:
            if f["level"] == PROVINCE and f["now"] == p.name and on <= f["until"]:
                return Unit(PROVINCE, "tỉnh", f["name"], f["name"], until=f["until"])
        since = _own().central_since.get(p.name)
        if p.words == "thành phố" and since is not None and on < since:
            return Unit(PROVINCE, "tỉnh", p.name, p.name)
    return Unit(PROVINCE, p.words, p.name, p.name, two_level=two_level)


def provinces(on: dt.date | None) -> list[Unit]:
    """The provinces on that date: 34 from 1/7/2025, else 63 (under their names then)."""
    two = is_two_level(on)
    data = _data()
    out = [_province_unit(p, on, two) for p in (data.new_provinces if two else data.old_provinces)]
    return [u for u in out if u is not None]


def province_label(name: str, two_level: bool) -> str:
    """'tỉnh Hà Tĩnh', 'thành phố Huế'."""
    data = _data()
    for p in data.new_provinces if two_level else data.old_provinces:
        if p.name == name:
            return f"{p.words} {p.name}"
    return f"tỉnh {name}"


def find(
    name: str, words: str | None, on: dt.date | None, two_level: bool | None = None
) -> list[Unit]:
    """Units called `name` on that date (of the type `words` when given: 'xã', 'huyện'…).

    `two_level` forces one of the two systems (the date decides otherwise); a date before the
    package's snapshot also finds the older names of `places.yaml`.
    """
    return list(_find(name, words, _epoch(on), two_level, os.getpid()))


def _epoch(on: dt.date | None) -> dt.date | None:
    """The first day of the span of dates `on` lies in, between the days anything in the
    gazetteer changed: every date of a span finds the same units (and caches once)."""
    if on is None:
        return None
    return max((d for d in _own().changes if d <= on), default=dt.date.min)


@lru_cache(maxsize=16384)  # a batch names the same places again and again
def _find(
    name: str, words: str | None, on: dt.date | None, two_level: bool | None, _pid: int
) -> tuple[Unit, ...]:
    data = _data()
    two = is_two_level(on) if two_level is None else two_level
    key = name_key(name)
    levels = _data().words.get(words or "", (PROVINCE, DISTRICT, COMMUNE))
    out: list[Unit] = []
    if PROVINCE in levels:
        for p in data.new_provinces if two else data.old_provinces:
            if name_key(p.name) != key and _own().former_provinces.get(key) != p.name:
                continue
            unit = _province_unit(p, on, two)
            if unit is None or name_key(unit.name) != key:
                continue
            if words in (None, unit.words) or (words == "tỉnh" and unit.words == "thành phố"):
                out.append(unit)
    for unit in _units(name, words, levels, two):
        if not two:
            unit = _dated(unit, on)
            if unit is None:
                continue
        out.append(unit)
    if not two and on is not None:
        for f in _own().former:
            if (
                f["level"] != PROVINCE
                and name_key(f["name"]) == key
                and on <= f["until"]
                and words in (None, f.get("words"))
                and f["level"] in levels
            ):
                prov = _province_unit(_old_province(f["province"]), on, False)
                out.append(
                        Unit(f["level"], f["words"], f["name"], prov.name if prov else f["province"],
                             until=f["until"])
                    )  # fmt: skip
    return tuple(out)


def _units(name: str, words: str | None, levels: tuple[str, ...], two: bool) -> list[Unit]:
    """Districts and communes called `name` in the package's snapshot of one system."""
    db = _data().db
    key = name_key(name)
    types = [words] if words else list(_data().words)
    keys = [ascii_key(w + name) for w in types]
    marks = ",".join("?" * len(keys))
    out: list[Unit] = []
    if two:
        if COMMUNE in levels:
            rows = db.execute(f"SELECT p, wt, w FROM m.new WHERE wk IN ({marks})", keys)
            for prov, word, short in rows:
                if name_key(_proper(short)) == key:
                    out.append(Unit(COMMUNE, word.lower(), _proper(short), prov, None, True))
        return out
    if DISTRICT in levels:
        rows = db.execute(f"SELECT DISTINCT p, dt, d FROM m.old WHERE dk IN ({marks})", keys)
        for prov, word, short in rows:
            if name_key(_proper(short)) == key:
                out.append(Unit(DISTRICT, word.lower(), _proper(short), prov))
    if COMMUNE in levels:
        rows = db.execute(f"SELECT p, dt, d, wt, w FROM m.old WHERE wk IN ({marks})", keys)
        for prov, d_word, d_short, word, short in rows:
            if name_key(_proper(short)) == key:
                district = f"{d_word.lower()} {_proper(d_short)}"
                out.append(Unit(COMMUNE, word.lower(), _proper(short), prov, district))
    return out


def _old_province(name: str) -> _Province:
    return next(p for p in _data().old_provinces if p.name == name)


def _dated(unit: Unit, on: dt.date | None) -> Unit | None:
    """A unit of the 30/6/2025 snapshot as it was named on `on` (its province's older name;
    a unit that replaced a former one did not exist before it)."""
    if on is None:
        return unit
    for f in _own().former:
        now = f["now"] if isinstance(f["now"], list) else [f["now"]]
        if on > f["until"]:
            continue
        if f["level"] == unit.level and unit.name in now:
            if f.get("province", unit.province) == unit.province:
                return None
        elif (
            f["level"] == DISTRICT
            and unit.level == COMMUNE
            and unit.district
            and unit.district.split(" ", 1)[-1] in now
        ):
            unit = Unit(COMMUNE, unit.words, unit.name, unit.province, f"{f['words']} {f['name']}")
    prov = _province_unit(_old_province(unit.province), on, False)
    if prov is not None and prov.name != unit.province:
        return Unit(unit.level, unit.words, unit.name, prov.name, unit.district)
    return unit


@lru_cache(maxsize=1)
def _successors() -> dict[str, str]:
    """Old province name → the province from 1/7/2025 it became part of (the converter's map)."""
    data = _data()
    converter = json.loads((_package_data() / "converter_2025.json").read_text(encoding="utf-8"))
    old = {p.key: p.name for p in data.old_provinces}
    new = {p.key: p.name for p in data.new_provinces}
    return {
        old[o]: new[n]
        for n, olds in converter["DICT_PROVINCE"].items()
        for o in olds
        if o in old and n in new
    }


def successor(province: str) -> str | None:
    """The province from 1/7/2025 that an older province became part of."""
    for f in _own().former:
        if f["level"] == PROVINCE and name_key(f["name"]) == name_key(province):
            province = f["now"]
    return _successors().get(province)


def province_named(name: str, on: dt.date | None) -> Unit | None:
    """The province called `name` on that date ('Thừa Thiên Huế' in 2020, 'Huế' in 2026)."""
    hits = [u for u in find(name, None, on) if u.level == PROVINCE]
    return hits[0] if hits else None


def same_province(a: str, b: str) -> bool:
    """Two names of one province: the same name, or an older name of it."""
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return True
    for f in _own().former:
        if f["level"] == PROVINCE:
            pair = {name_key(f["name"]), name_key(f["now"])}
            if {ka, kb} == pair:
                return True
    return False


def unit_words() -> dict[str, tuple[str, ...]]:
    """The type words of each level, longest first: {'commune': ('thị trấn', 'phường', …)}."""
    out: dict[str, set[str]] = defaultdict(set)
    for words, levels in _data().words.items():
        for level in levels:
            out[level].add(words)
    return {k: tuple(sorted(v, key=lambda w: (-len(w), w))) for k, v in out.items()}


def abbreviations() -> dict[str, str]:
    """Short forms of type words ('TP.' → 'thành phố'), from `places.yaml`."""
    return _own().abbreviations
