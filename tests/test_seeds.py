"""The seed plans: each has its text, every evidence span is quoted from it, and the facts that the
rules depend on (defects included) are recorded as the text has them."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cchc.loader import load_plan
from cchc.model import Plan
from conftest import SEED_FILES, SEEDS

EXPECTED = {
    "an-dong-2020",
    "cao-bang-2021",
    "ca-mau-2014",
    "tan-phong-2024",
    "dien-bien-sldtbxh-2022",
}


def flat(text: str) -> str:
    """NFC with every run of white space (line breaks, no-break spaces) as one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def evidence(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else key
            if key == "evidence" and item is not None:
                yield where, item
            else:
                yield from evidence(item, where)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from evidence(item, f"{path}[{i}]")


def seed(name: str) -> Plan:
    return load_plan(SEEDS / f"{name}.json")


def test_the_five_seeds_and_their_texts() -> None:
    assert {p.stem for p in SEED_FILES} == EXPECTED
    assert {p.stem for p in (SEEDS / "text").glob("*.txt")} == EXPECTED


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_every_evidence_is_quoted_from_the_text(path: Path) -> None:
    text = flat((SEEDS / "text" / f"{path.stem}.txt").read_text(encoding="utf-8"))
    spans = list(evidence(json.loads(path.read_text(encoding="utf-8"))))
    assert len(spans) >= 20
    missing = [where for where, quote in spans if flat(quote) not in text]
    assert missing == []


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_every_filled_list_item_carries_evidence(path: Path) -> None:
    plan = load_plan(path)
    lists = ("cited_documents", "implements", "sections", "objectives", "audiences", "topics")
    lists += ("activities", "reporting", "budget", "indices")
    for name in lists:
        for i, item in enumerate(getattr(plan, name)):
            assert item.evidence, f"{name}[{i}]"
    assert plan.document.evidence and plan.issuer.evidence and plan.period.evidence


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_text_is_stored_as_nfc(path: Path) -> None:
    text = (SEEDS / "text" / f"{path.stem}.txt").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_web_copies_leave_format_parts_unknown(path: Path) -> None:
    plan = load_plan(path)
    assert plan.format_parts is None
    assert plan.notes  # what could not be determined is said


# Facts the rules will be tested on. They are checked here so that an edit of a fixture that
# loses one is noticed.


def test_cao_bang_keeps_the_wrong_issuer_of_76() -> None:
    (nq76,) = [c for c in seed("cao-bang-2021").cited_documents if c.number == "76/NQ-CP"]
    assert nq76.date == dt.date(2021, 7, 15)
    assert nq76.issuer == "Thủ tướng Chính phủ"
    assert nq76.issuer_level == "prime_minister"


def test_ca_mau_quantities() -> None:
    plan = seed("ca-mau-2014")
    dialogues = [a for a in plan.activities if a.form == "dialogue" and a.count == 1]
    assert {a.owner_level for a in dialogues} == {"district", "commune"}
    assert all(a.per == "year" for a in dialogues)
    (weekly,) = [a for a in plan.activities if a.per == "week"]
    assert (weekly.count, weekly.duration_minutes, weekly.peak_time) == (1, 15, True)
    assert weekly.owner_level == "media"
    (talk,) = [a for a in plan.activities if a.form == "talk_show"]
    assert (talk.count, talk.per) == (1, "month")
    (columns,) = [a for a in plan.activities if a.form == "press" and a.count]
    assert (columns.count, columns.per) == (2, "month")
    (bnv,) = [c for c in plan.cited_documents if c.number == "1332/QĐ-BNV"]
    assert bnv.date == dt.date(2012, 12, 24)  # as printed
    assert not [c for c in plan.cited_documents if c.number == "30c/NQ-CP"]


def test_tan_phong_calls_itself_a_district() -> None:
    plan = seed("tan-phong-2024")
    assert plan.issuer.other_names == ["Ủy ban nhân dân huyện Tân Phong"]
    assert plan.issuer.name == "UBND xã Tân Phong"
    assert plan.issuer.level == "commune"
    assert plan.document.number == "52/KH-UBND"
    assert plan.document.issue_date == dt.date(2024, 4, 1)
    (training,) = [a for a in plan.activities if a.count == 2]
    assert (training.form, training.per) == ("training", "year")
    (duty,) = plan.reporting
    assert (duty.to_level, duty.due_date) == ("district", dt.date(2024, 4, 30))
    assert {i.name for i in plan.indices} == {
        "par_index",
        "pci",
        "papi",
        "sipas",
        "ddci",
        "index_766",
    }


def test_an_dong_defects_are_noted() -> None:
    plan = seed("an-dong-2020")
    notes = " ".join(plan.notes)
    assert "twice" in notes and "item 4" in notes
    assert plan.document.number is None and plan.document.issue_date is None
    (nq30c,) = [c for c in plan.cited_documents if c.number == "30c/NQ-CP"]
    assert nq30c.date == dt.date(2011, 11, 8)
    assert any(c.number is None and c.issuer == "Chính phủ" for c in plan.cited_documents)


def test_dien_bien_reports_and_parents() -> None:
    plan = seed("dien-bien-sldtbxh-2022")
    assert [p.number for p in plan.implements] == ["4289/KH-UBND", "136/KH-SLĐTBXH", "42/KH-STTTT"]
    dues = sorted(r.due_date for r in plan.reporting if r.due_date)
    assert dues == [dt.date(2022, 11, 15), dt.date(2022, 12, 5)]
    assert not [c for c in plan.cited_documents if c.number == "76/NQ-CP"]
    assert "audience" not in {s.kind for s in plan.sections}
