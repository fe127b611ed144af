"""Where a plan comes from: its province, district and own unit, on the plan's own date.

The plan's own unit is read from its issuer's name (then the issuer's fields, the title's
"trên địa bàn xã …", the place-and-date line) and looked up in the gazetteer of the
administrative system in force on the plan's date: three levels before 1/7/2025, two from
then on. Many communes share a name: the other places the plan names (the district in its
header, the province of its parents, its body) decide between them; when they do not, the
province is left unknown and the candidates are listed — never guessed. A province stated
by `--province` or `issuer.province` is taken as given (older names are mapped forward).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from cchc import gazetteer
from cchc.gazetteer import COMMUNE, DISTRICT, PROVINCE, Unit
from cchc.messages import Lang, t
from cchc.model import Plan
from cchc.placenames import localities, split_level_word
from cchc.result import PlaceInfo

_MAX_TEXTS = 400  # evidence strings looked at in the body (bounded: hostile plans)
_MAX_TEXT = 2_000
_MAX_CLUES = 200
_MAX_CANDIDATES = 12
_SPECIFIC = {COMMUNE: 3, DISTRICT: 2, PROVINCE: 1}
_PARTS = re.compile(r"\s*[|\n]\s*")  # evidence joins the lines it quotes with " | "


@dataclass(frozen=True)
class Clue:
    """A place the plan names: its type word (None when bare), name, and where it was read."""

    words: str | None
    name: str
    where: str  # issuer | fields | title | place_line | parents | body
    level: str | None = None  # the level a bare name must have (issuer.commune → commune)

    @property
    def full(self) -> str:
        return f"{self.words} {self.name}" if self.words else self.name


def _named(text: str | None, where: str) -> Iterator[Clue]:
    if not text:
        return
    for part in _PARTS.split(text[:_MAX_TEXT]):
        if part.isupper():  # a header line: "UBND HUYỆN TÂN BIÊN" reads as "Ubnd Huyện Tân Biên"
            part = " ".join(w.capitalize() for w in part.split())
        for loc in localities(part):
            yield Clue(loc.level_word, loc.name, where)


def _own_clues(plan: Plan) -> list[Clue]:
    """Places that name the issuer's own unit, most reliable first."""
    issuer, doc = plan.issuer, plan.document
    out: list[Clue] = []
    for name in (issuer.name, *issuer.other_names):
        out.extend(_named(name, "issuer"))
    for value, level in ((issuer.commune, COMMUNE), (issuer.district, DISTRICT)):
        if value:
            out.append(Clue(None, value, "fields", level))
    out.extend(_named(doc.title, "title"))
    if doc.place:
        out.append(Clue(None, doc.place, "place_line"))
    return out


class _Clues:
    """A plan's place names, each list read once and only when needed."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan

    @cached_property
    def own(self) -> list[Clue]:
        return _own_clues(self.plan)

    @cached_property
    def every(self) -> list[Clue]:
        """Its own names, then every other place it names."""
        return self.own + _context_clues(self.plan)


def _context_clues(plan: Plan) -> list[Clue]:
    """Every other place the plan names: its parents, then its body."""
    out: list[Clue] = []
    for ref in (*plan.implements, *plan.cited_documents):
        out.extend(_named(ref.issuer, "parents"))
        out.extend(_named(ref.title, "parents"))
    texts: list[str | None] = [plan.issuer.evidence, plan.document.evidence]
    for group in (plan.objectives, plan.audiences, plan.topics, plan.activities, plan.reporting):
        for item in group:
            texts.append(getattr(item, "evidence", None))
            texts.append(getattr(item, "owner", None))
            texts.append(getattr(item, "to", None))
    for text in [x for x in texts if x][:_MAX_TEXTS]:
        out.extend(_named(text, "body"))
    # Each place once, where it is first named; a bounded number of them (hostile plans).
    seen: set[tuple[str | None, str]] = set()
    unique: list[Clue] = []
    for clue in out:
        key = (clue.words, gazetteer.name_key(clue.name))
        if key not in seen:
            seen.add(key)
            unique.append(clue)
    return unique[:_MAX_CLUES]


def _find(clue: Clue, on: dt.date | None, two: bool) -> list[Unit]:
    """Units a clue can name; a name read too long ('Tân Phong Ban') is shortened word by word."""
    words = clue.name.split()
    for n in range(len(words), 0, -1):
        hits = gazetteer.find(" ".join(words[:n]), clue.words, on, two_level=two)
        if clue.level:
            hits = [u for u in hits if u.level == clue.level]
        if hits:
            return hits
    return []


def _agreeing(unit: Unit, clue: Clue, on: dt.date | None, two: bool) -> Unit | None:
    """The unit a place the plan names is, when it agrees with a candidate (as its province,
    or as its district)."""
    for hit in _find(clue, on, two):
        if hit.level == PROVINCE and gazetteer.same_province(hit.name, unit.province):
            return hit
        if (
            hit.level == DISTRICT
            and unit.level == COMMUNE
            and unit.district == hit.full
            and hit.province == unit.province
        ):
            return hit
        if (  # a commune of the candidate district ("Hòa Lợi, ngày…" under huyện Châu Thành)
            hit.level == COMMUNE
            and unit.level == DISTRICT
            and hit.district == unit.full
            and hit.province == unit.province
        ):
            return hit
    return None


def _other(clue: Clue, own: Clue) -> bool:
    """A clue that can tell candidates apart: not the unit's own name again ("Hòa Bình, ngày…"
    in a plan of xã Hòa Bình names the commune, not its province)."""
    if clue is own:
        return False
    same = gazetteer.name_key(clue.name) == gazetteer.name_key(own.name)
    return not same or (clue.words is not None and clue.words != own.words)


def _where(where: str, lang: Lang) -> str:
    return t(f"place_where_{where}", lang)


def _province_of(unit: Unit, two: bool, plan_two: bool) -> str:
    """The unit's province in the plan's own system (an older one is mapped forward)."""
    if plan_two and not two:
        return gazetteer.successor(unit.province) or unit.province
    return unit.province


@dataclass(frozen=True)
class _Stated:
    province: str  # as the gazetteer names it on the plan's date, else as written
    older: str | None = None  # the older name it was given ('tỉnh Bình Dương' on a 2026 plan)
    listed: bool = True  # found in the gazetteer
    read_as: bool = False  # found as the first words of what was stated


def _stated(name: str, on: dt.date | None, two: bool) -> _Stated:
    """A stated province ('Hà Tĩnh', 'tỉnh Hà Tĩnh', 'TP. Huế') on the plan's date; an older
    name is mapped forward ('Bình Dương' on a 2026 plan is now part of Hồ Chí Minh)."""
    _, bare = split_level_word(name)
    words = bare.split()
    for n in range(len(words), 0, -1):  # "Hà Giang Cộng Hòa Xã Hội…": a header line read on
        unit = gazetteer.province_named(" ".join(words[:n]), on)
        if unit is not None:
            return _Stated(unit.name, read_as=n < len(words))
    if two:
        before = gazetteer.province_named(bare, gazetteer.two_level_from() - dt.timedelta(days=1))
        now = gazetteer.successor(before.name) if before is not None else None
        if before is not None and now:
            return _Stated(now, before.full)
    return _Stated(bare, listed=False)


def locate(
    plan: Plan, on: dt.date | None, lang: Lang = "vi", province: str | None = None
) -> PlaceInfo:
    """Resolve a plan's place on date `on`; `province` is the one given by --province.

    The places the plan names are read first; a province stated (by --province, else by
    issuer.province) then wins, and the reading is reported beside it: agreeing, or not.
    """
    if not gazetteer.installed():
        return PlaceInfo(source="unknown", how=t("place_no_gazetteer", lang))
    two = _two_level(plan, on)
    clues = _Clues(plan)  # read once: both readings below use them
    found = _resolve(plan, on, two, lang, None, clues)
    stated = province or plan.issuer.province
    if not stated:
        return found
    given = _stated(stated, on, two)
    info = _resolve(plan, on, two, lang, given.province, clues)  # its own unit there
    info.province = given.province
    info.source = "option" if province else "stated"
    info.candidates = []
    by = "--province" if province else t("place_by_stated", lang)
    agrees = found.province and gazetteer.same_province(found.province, given.province)
    parts = (
        [found.how or "", t("place_agrees", lang, by=by)]
        if agrees
        else [t("place_how_option" if province else "place_how_stated", lang)]
    )
    if not given.listed:
        parts.append(t("place_not_listed", lang, name=stated))
    if given.read_as:
        parts.append(t("place_read_as", lang, name=stated, province=given.province))
    if found.province and not agrees:
        parts.append(t("place_disagrees", lang, province=found.province, how=found.how))
    info.how = "; ".join(parts)
    if given.older:
        info.former_names.insert(0, t("place_former", lang, unit=given.older, now=given.province))
    return info


def _resolve(
    plan: Plan,
    on: dt.date | None,
    two: bool,
    lang: Lang,
    within: str | None,
    clues: _Clues,
) -> PlaceInfo:
    """The place the plan's own names give (inside province `within`, when given)."""
    info = PlaceInfo(system="two_level" if two else "three_level", province=within)
    own = clues.own
    _note_districts(info, own, two, lang)
    for clue in sorted(own, key=lambda c: -_SPECIFIC.get(_level_of(c), 0)):
        units, unit_two = _find(clue, on, two), two
        older = _find(clue, on, False) if two else []  # names of before 1/7/2025
        if within:
            units = [u for u in units if _province_of(u, two, two) == within]
            older = [u for u in older if _province_of(u, False, two) == within]
        # A name of both systems is read in the one the plan's other places agree with.
        if older and (
            not units
            or _best(older, clue, clues.every, on, False) > _best(units, clue, clues.every, on, two)
        ):
            units, unit_two = older, False
        if not units:
            continue
        # The other names matter only between units of the same name (read then, once).
        others = clues.every if len(units) > 1 else own
        chosen, how = _narrow(units, clue, others, on, unit_two, lang)
        if unit_two != two:
            now = sorted({_province_of(u, unit_two, two) for u in ([chosen] if chosen else units)})
            info.former_names.append(t("place_former", lang, unit=clue.full, now=", ".join(now)))
        if chosen is None:
            provinces = {_province_of(u, unit_two, two) for u in units}
            if len(provinces) == 1:  # all of that name lie in one province: that much is known
                info.province, info.source = provinces.pop(), "resolved"
                where = _where(clue.where, lang)
                info.how = t("place_one_province", lang, unit=clue.full, n=len(units), where=where)
                info.candidates = _labels(units)
                return info
            info.source, info.how, info.candidates = "unknown", how, _labels(units)
            return info
        _fill(info, chosen, unit_two, two)
        info.province = _province_of(chosen, unit_two, two)
        info.source, info.how = "resolved", how
        return info
    if not within:
        _from_mentions(info, clues.every, on, two, lang)
    return info


def _two_level(plan: Plan, on: dt.date | None) -> bool:
    if on is not None:
        return gazetteer.is_two_level(on)
    start = plan.period.start
    return start is not None and gazetteer.is_two_level(start)


def _level_of(clue: Clue) -> str:
    if clue.level:
        return clue.level
    levels = gazetteer.unit_words()
    for level in (COMMUNE, DISTRICT, PROVINCE):
        if clue.words in levels.get(level, ()):
            return level
    return ""


def _narrow(
    units: list[Unit], own: Clue, clues: list[Clue], on: dt.date | None, two: bool, lang: Lang
) -> tuple[Unit | None, str]:
    """One unit among those of the same name, by the other places the plan names."""
    where = _where(own.where, lang)
    if len(units) == 1:
        return units[0], t("place_by", lang, unit=units[0].full, where=where)
    scored = _scored(units, own, clues, on, two)
    best = max(score for score, _, _ in scored)
    winners = [(u, w) for score, u, w in scored if score == best]
    if best > 0 and len(winners) == 1:
        unit, witness = winners[0]
        assert witness is not None
        clue, hit = witness
        return unit, t(
            "place_by_context",
            lang,
            unit=unit.full,
            n=len(units),
            clue=hit.full,
            where=_where(clue.where, lang),
        )
    return None, t("place_ambiguous", lang, unit=own.full, n=len(units), where=where)


def _scored(
    units: list[Unit], own: Clue, clues: list[Clue], on: dt.date | None, two: bool
) -> list[tuple[int, Unit, tuple[Clue, Unit] | None]]:
    """Each unit with the number of other places the plan names that agree with it, and the
    best witness among them (a district before a province)."""
    out: list[tuple[int, Unit, tuple[Clue, Unit] | None]] = []
    for unit in units:
        agreeing = [
            (c, hit) for c in clues if _other(c, own) and (hit := _agreeing(unit, c, on, two))
        ]
        agreeing.sort(key=lambda pair: pair[1].level != DISTRICT)
        out.append((len(agreeing), unit, agreeing[0] if agreeing else None))
    return out


def _best(units: list[Unit], own: Clue, clues: list[Clue], on: dt.date | None, two: bool) -> int:
    return max((score for score, _, _ in _scored(units, own, clues, on, two)), default=-1)


def _fill(info: PlaceInfo, unit: Unit, unit_two: bool, two: bool) -> None:
    info.unit_level = unit.level
    if unit.level == COMMUNE:
        info.commune = unit.full
        if not two and unit.district:
            info.district = unit.district
    elif unit.level == DISTRICT and not two:
        info.district = unit.full


def _note_districts(info: PlaceInfo, own: list[Clue], two: bool, lang: Lang) -> None:
    """From 1/7/2025 a district named as the issuer's own is reported: there are none."""
    if not two:
        return
    for clue in own:
        if clue.where in ("issuer", "fields") and _level_of(clue) == DISTRICT:
            text = clue.full if clue.words else f"{clue.name} (issuer.district)"
            info.former_names.append(t("place_former_district", lang, unit=text))


def _labels(units: list[Unit]) -> list[str]:
    labels = [u.label() for u in units]
    if len(labels) > _MAX_CANDIDATES:
        return [*labels[:_MAX_CANDIDATES], f"… (+{len(labels) - _MAX_CANDIDATES})"]
    return labels


def _from_mentions(
    info: PlaceInfo, clues: list[Clue], on: dt.date | None, two: bool, lang: Lang
) -> None:
    """No own unit found: the provinces (and districts) the plan names, when they agree."""
    found: dict[str, Clue] = {}
    for clue in clues:
        if _level_of(clue) not in (PROVINCE, DISTRICT) or not clue.words:
            continue
        hits = [u for u in _find(clue, on, two) if u.level == _level_of(clue)]
        provinces = {u.province for u in hits}
        if len(provinces) == 1:
            found.setdefault(provinces.pop(), clue)
    if len(found) == 1:
        (name, clue), *_ = found.items()
        info.province, info.source = name, "resolved"
        info.how = t("place_by", lang, unit=clue.full, where=_where(clue.where, lang))
        return
    info.source = "unknown"
    if found:
        info.candidates = sorted(found)
        info.how = t("place_many_provinces", lang, names=", ".join(sorted(found)))
    else:
        info.how = t("place_unknown", lang)
